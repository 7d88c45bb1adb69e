//! A card's state in the address. On the portal a card reads the state a permalink
//! carries (`#/en/nextgen?chart=…`), scrolls into view when a link names it, and keeps
//! the address in step as the reader changes it; in an embed the state travels in the
//! query string instead. The core parses and writes the parameters
//! (`klaster_core::embed`); this module talks to `location` and `history`, and fits a
//! linked state to the chart it lands on.

use super::share::in_embed;
use klaster_core::charts::model::{ChartBody, ChartData};
use klaster_core::charts::ChartId;
use klaster_core::embed::{
    card_of, embed_query, permalink_hash, state_from_hash, ChartState, EmbedOptions,
};
use klaster_core::Locale;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// The document's address without its hash: where a permalink's hash is appended.
fn document_address() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((address, _)) => address.to_string(),
        None => href,
    }
}

/// The site's root as an absolute URL ending in `/` (`new URL('.', location.href)`):
/// where the chart pages, `embed.js` and `index.html` are published.
pub fn site_base() -> String {
    let href = window().location().href().unwrap_or_default();
    web_sys::Url::new_with_base(".", &href)
        .map(|url| url.href())
        .unwrap_or_default()
}

/// The absolute portal link to a card in `state`.
pub fn portal_link(locale: Locale, state: &ChartState) -> String {
    format!("{}{}", document_address(), permalink_hash(locale, state))
}

/// The state the address gives the card that opens with `first`, if it names that card.
/// An embed's query always describes its one card.
fn state_in_address(first: ChartId) -> Option<ChartState> {
    let location = window().location();
    if in_embed() {
        let search = location.search().unwrap_or_default();
        return Some(ChartState::from_query(first, &search));
    }
    let hash = location.hash().unwrap_or_default();
    state_from_hash(&hash).filter(|state| card_of(state.chart) == first)
}

/// Keeps only the hidden series `chart` has, and shows them all rather than none: a
/// hand-edited link must not leave an empty chart whose legend offers nothing to press.
pub fn fit_hidden(chart: &ChartData, hidden: &[usize]) -> Vec<usize> {
    let ChartBody::Lines(lines) = &chart.body else {
        return Vec::new();
    };
    let mut styles: Vec<usize> = lines
        .series_with_style()
        .iter()
        .map(|(style, _)| *style)
        .collect();
    styles.sort_unstable();
    styles.dedup();
    let kept: Vec<usize> = hidden
        .iter()
        .copied()
        .filter(|h| styles.contains(h))
        .collect();
    if kept.len() >= styles.len() {
        Vec::new()
    } else {
        kept
    }
}

/// Replaces the current history entry's address. Not `location.hash =`: a hashchange
/// would make the app route again, and a pushed entry per click would fill Back.
fn replace_address(url: &str) {
    let Ok(history) = window().history() else {
        return;
    };
    // An old browser may refuse a rewrite inside a sandboxed embed; the card still works.
    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(url));
}

/// Writes the card's state into the address: the permalink hash on the portal; in an
/// embed the query, keeping the embed's own `theme` and `data` as they were.
fn write_state(first: ChartId, locale: Locale, state: &ChartState) {
    if !in_embed() {
        replace_address(&permalink_hash(locale, state));
        return;
    }
    let location = window().location();
    let options = EmbedOptions::from_query(&location.search().unwrap_or_default());
    let path = location.pathname().unwrap_or_default();
    replace_address(&format!("{path}{}", embed_query(first, state, &options)));
}

/// Brings the card into view once it has been laid out.
fn scroll_to(card_id: String) {
    request_animation_frame(move || {
        if let Some(card) = document().get_element_by_id(&card_id) {
            card.scroll_into_view();
        }
    });
}

/// Ties a card to the address. `apply` sets the card's signals from a state; `state` is
/// the card's state as the reader has set it. Call it before the card's other effects:
/// a state from the address is applied at once, so nothing is written at start, and the
/// address is then rewritten only when the reader changes this card.
pub fn link_card(
    first: ChartId,
    card_id: String,
    locale: Memo<Locale>,
    state: Memo<ChartState>,
    apply: impl Fn(ChartState) + 'static,
) {
    if let Some(linked) = state_in_address(first) {
        apply(linked);
        if !in_embed() {
            let card_id = card_id.clone();
            Effect::new(move |_| scroll_to(card_id.clone()));
        }
    }
    Effect::watch(
        move || state.get(),
        move |state, _, _| write_state(first, locale.get_untracked(), state),
        false,
    );
    if in_embed() {
        return;
    }
    // A permalink to this page pasted into the address bar changes only the hash, so
    // the page stays mounted: take the new state here.
    let on_hash = window_event_listener(leptos::ev::hashchange, move |_| {
        if let Some(linked) = state_in_address(first) {
            apply(linked);
            scroll_to(card_id.clone());
        }
    });
    on_cleanup(move || on_hash.remove());
}

#[cfg(test)]
mod tests {
    use super::super::load::tests::full_package;
    use super::*;
    use klaster_core::charts::extract;

    #[test]
    fn a_link_hides_only_series_the_chart_has_and_never_all_of_them() {
        let package = full_package();
        let lines = extract(ChartId::InitiativeGrowth, &package).expect("the chart extracts");
        let ChartBody::Lines(body) = &lines.body else {
            panic!("initiative growth is a line chart");
        };
        let mut styles: Vec<usize> = body.series_with_style().iter().map(|(s, _)| *s).collect();
        styles.sort_unstable();
        styles.dedup();
        assert!(styles.len() >= 2, "the test needs two series");
        assert_eq!(
            fit_hidden(&lines, &[1, 40]),
            vec![1],
            "an unknown series is dropped"
        );
        assert_eq!(
            fit_hidden(&lines, &styles),
            Vec::<usize>::new(),
            "all hidden shows all"
        );

        let bars = extract(ChartId::MembersByCountry, &package).expect("the chart extracts");
        assert_eq!(
            fit_hidden(&bars, &[0]),
            Vec::<usize>::new(),
            "bars have no series to hide"
        );
    }
}
