//! The part of a chart card that wakes up in the browser. The build renders it around
//! the card's static form (its `children`: the picture, table, words and sources of the
//! card's first chart), which stays as it is until the chart's own files have arrived;
//! then the live card (canvas, tooltips, keys, legend toggles, the park metric) takes
//! its place in one step, at the same height. Downloads and the share menu are the
//! island's own from the start: links that work with no script, buttons that wake with it.

use super::actions::Downloads;
use super::share::ShareMenu;
use super::state::CardState;
use klaster_core::charts::ChartId;
use klaster_core::{Locale, Text};
use leptos::prelude::*;

/// An island's props, typed: what the build knew about the card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardProps {
    pub card: ChartId,
    pub locale: Locale,
    /// From the page's folder to the site's root.
    pub root: String,
    pub embed: bool,
    /// The data version of the card's first chart when the page was built.
    pub version: String,
    /// The card's first chart's title in both languages, for the share sheet and the
    /// embed snippet.
    pub titles: Text,
}

/// `false` until the live card has replaced the static one.
pub type Live = RwSignal<bool>;

#[island]
pub fn ChartIsland(
    card: String,
    lang: String,
    root: String,
    embed: bool,
    version: String,
    title_az: String,
    title_en: String,
    children: Children,
) -> impl IntoView {
    // The build wrote these; anything else leaves the static card as it is.
    let props = ChartId::parse(&card)
        .zip(Locale::from_tag(&lang))
        .map(|(card, locale)| CardProps {
            card,
            locale,
            root,
            embed,
            version,
            titles: Text::new(title_az, title_en),
        });
    let Some(props) = props else {
        return children().into_any();
    };
    let state = CardState::new(props.card, props.titles.clone());
    let live: Live = RwSignal::new(false);
    let (body, status) = wake(&props, state, live);
    view! {
        <div class="chart-card__live" hidden=move || !live.get()>{move || body()}</div>
        <div class="chart-card__status">{move || status()}</div>
        {children()}
        <div class="chart-card__actions">
            <Downloads props=props.clone() state/>
            {(!props.embed).then(|| view! { <ShareMenu props=props.clone() state/> })}
        </div>
    }
    .into_any()
}

type Slot = Box<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// In the browser: fetch the card's files, then render the live card and the status
/// (a failure with its retry, a file that does not match its hash).
#[cfg(feature = "hydrate")]
fn wake(props: &CardProps, state: CardState, live: Live) -> (Slot, Slot) {
    super::live::wake(props, state, live)
}

/// Ahead of time: the live card and the status are empty, and the static card shows.
#[cfg(not(feature = "hydrate"))]
fn wake(_: &CardProps, _: CardState, _: Live) -> (Slot, Slot) {
    (Box::new(|| None), Box::new(|| None))
}
