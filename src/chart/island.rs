//! The part of a chart card that wakes up in the browser: its plot. The build renders the
//! island around the plot's static form (its `children`: the legend and the picture of the
//! card's first chart), which stays as it is until the chart's own files have arrived;
//! then the live plot (canvas, tooltips, keys, legend toggles, the park metric switch)
//! takes its place in one step, at the same height. The card's words around it stay the
//! HTML the build wrote; the park switch shows the words of the metric it picks.

use super::state::CardState;
use klaster_core::charts::ChartId;
use klaster_core::Locale;
use leptos::prelude::*;

/// An island's props, typed: what the build knew about the card.
#[derive(Debug, Clone, PartialEq)]
pub struct CardProps {
    pub card: ChartId,
    pub locale: Locale,
    /// From the page's folder to the site's root.
    pub root: String,
    pub embed: bool,
}

/// `false` until the live plot has replaced the static one.
pub type Live = RwSignal<bool>;

#[island]
pub fn ChartIsland(
    card: String,
    lang: String,
    root: String,
    embed: bool,
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
        });
    let Some(props) = props else {
        return children().into_any();
    };
    let state = CardState::new(props.card);
    let live: Live = RwSignal::new(false);
    let (body, status) = wake(&props, state, live);
    view! {
        <div class="chart-card__live" hidden=move || !live.get()>{move || body()}</div>
        <div class="chart-card__status">{move || status()}</div>
        {children()}
    }
    .into_any()
}

type Slot = Box<dyn Fn() -> Option<AnyView> + Send + Sync>;

/// In the browser: fetch the card's files, then render the live plot and the status
/// (a failure with its retry, a file that does not match its hash).
#[cfg(feature = "hydrate")]
fn wake(props: &CardProps, state: CardState, live: Live) -> (Slot, Slot) {
    super::live::wake(props, state, live)
}

/// Ahead of time: the live plot and the status are empty, and the static plot shows.
#[cfg(not(feature = "hydrate"))]
fn wake(_: &CardProps, _: CardState, _: Live) -> (Slot, Slot) {
    (Box::new(|| None), Box::new(|| None))
}
