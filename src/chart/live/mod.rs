//! The live chart card, in the browser only (feature `hydrate`): once the island wakes,
//! the card fetches exactly the files its chart reads (checked against their published
//! hashes), then the live plot replaces the static one in place.
//!
//! - `load`: the card's resources, through [`crate::data`], assembled for the core;
//! - `body`: the live card itself; `plot`: its plot's state, drawing, pointer and keys; `canvas`: the plotters-canvas
//!   backend; `legend`: the series toggles; `metric`: the park card's metric switch;
//!   `value_tip`: the tooltip and the ring on the value pointed at; `around`: the card's
//!   HTML around the plot kept in step; `palette`: the theme and forced colours as a core
//!   palette;
//! - `status`: a failed file with its retry, a file that does not match its hash.

mod around;
mod body;
mod canvas;
#[cfg(feature = "bench")]
pub(crate) use canvas::paint;
mod legend;
pub(crate) mod load;
mod metric;
mod palette;
mod plot;
mod status;
mod value_tip;

use super::island::{CardProps, Live};
use super::state::{state_in_address, write_state, CardState};
use leptos::prelude::*;

type Slot = Box<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// Starts the card: the state a link carries first, then its files; returns the live
/// card and the card's status line, each empty until there is something to show.
pub fn wake(props: &CardProps, state: CardState, live: Live) -> (Slot, Slot) {
    let card = props.card;
    if let Some(linked) = state_in_address(card, props.embed) {
        state.apply(&linked);
    }
    // Written only when the reader changes the card, never at start.
    let (locale, embed) = (props.locale, props.embed);
    Effect::watch(
        move || state.snapshot(),
        move |snapshot, _, _| write_state(card, locale, embed, snapshot),
        false,
    );
    crate::data::set_root(&props.root);
    let source = LocalResource::new(move || load::chart_source(card));
    let body_props = props.clone();
    let body: Slot = Box::new(move || {
        let source = source.get()?.ok()?;
        Some(
            body::LiveCard(body::LiveCardProps {
                props: body_props.clone(),
                source,
                state,
                live,
            })
            .into_any(),
        )
    });
    let status: Slot = Box::new(move || {
        Some(match source.get()? {
            Err(error) => status::load_failed(error, locale, move || source.refetch()),
            Ok(source) => status::checked(&source, locale)?,
        })
    });
    (body, status)
}
