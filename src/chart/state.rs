//! A card's state as the reader sets it (the park metric, hidden series, the table open),
//! and that state in the address. On the portal a permalink carries it in the query of
//! the card's page (`en/nextgen/?chart=park-residents&metric=park-jobs#chart-park-residents`);
//! in an embed the chart page's own query carries it. The core parses and writes the
//! parameters (`klaster_core::embed`); this module talks to `location` and `history`.

use klaster_core::charts::model::{ChartBody, ChartData};
use klaster_core::charts::ChartId;
use klaster_core::embed::{
    embed_query, permalink, state_from_address, ChartState, EmbedOptions, View,
};
use klaster_core::Locale;
use leptos::prelude::*;

/// What the reader can change on a card; the same signals drive the live plot, the
/// downloads and the share menu.
#[derive(Debug, Clone, Copy)]
pub struct CardState {
    /// For the park card, the metric shown; otherwise the card's own chart.
    pub selected: RwSignal<ChartId>,
    /// Style indices of the series hidden in the legend.
    pub hidden: RwSignal<Vec<usize>>,
    pub table_open: RwSignal<bool>,
}

impl CardState {
    pub fn new(card: ChartId) -> CardState {
        CardState {
            selected: RwSignal::new(card),
            hidden: RwSignal::new(Vec::new()),
            table_open: RwSignal::new(false),
        }
    }

    /// The state as a link carries it.
    pub fn snapshot(&self) -> ChartState {
        ChartState {
            chart: self.selected.get(),
            view: if self.table_open.get() {
                View::Table
            } else {
                View::Chart
            },
            hidden: self.hidden.get(),
        }
    }

    /// Takes a linked state; hidden series are fitted to the chart once it is known.
    pub fn apply(&self, linked: &ChartState) {
        self.selected.set(linked.chart);
        self.table_open.set(linked.view == View::Table);
        self.hidden.set(linked.hidden.clone());
    }
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

/// The state the address gives the card that opens with `card`, if it names that card.
/// An embed's query always describes its one card.
pub fn state_in_address(card: ChartId, embed: bool) -> Option<ChartState> {
    let search = window().location().search().unwrap_or_default();
    if embed {
        return Some(ChartState::from_query(card, &search));
    }
    state_from_address(&search).filter(|state| state.chart.entry().card == card)
}

/// The card's state as the reader has set it: what the address says, else a fresh card.
#[cfg(any(feature = "share", feature = "ssr"))]
pub fn current_state(card: ChartId, embed: bool) -> ChartState {
    state_in_address(card, embed).unwrap_or_else(|| ChartState::new(card))
}

/// Replaces the current history entry's address: a pushed entry per click would fill Back.
fn replace_address(url: &str) {
    let Ok(history) = window().history() else {
        return;
    };
    // An old browser may refuse a rewrite inside a sandboxed embed; the card still works.
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
}

/// Writes the card's state into the address: on the portal the permalink's query and
/// fragment on this page; in an embed the query, keeping the embed's own `theme` and
/// `data` as they were.
pub fn write_state(card: ChartId, locale: Locale, embed: bool, state: &ChartState) {
    let location = window().location();
    let path = location.pathname().unwrap_or_default();
    if embed {
        let options = EmbedOptions::from_query(&location.search().unwrap_or_default());
        replace_address(&format!("{path}{}", embed_query(card, state, &options)));
        return;
    }
    let link = permalink(locale, state);
    // The permalink names the page too; on the page itself only its query and fragment
    // change.
    let rest = link.find('?').map_or("", |at| &link[at..]);
    replace_address(&format!("{path}{rest}"));
}

/// The site's root as an absolute URL ending in `/`, from the page's address and the
/// way back to the root the build gave the card (`../../`).
#[cfg(any(feature = "share", feature = "ssr"))]
pub fn site_base(root: &str) -> String {
    let href = window().location().href().unwrap_or_default();
    let relative = if root.is_empty() { "./" } else { root };
    web_sys::Url::new_with_base(relative, &href)
        .map(|url| url.href())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_data::package;
    use klaster_core::charts::extract;

    #[test]
    fn a_link_hides_only_series_the_chart_has_and_never_all_of_them() {
        let package = package();
        let lines =
            extract(ChartId::InitiativeGrowth, &package.resources).expect("the chart extracts");
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
        let bars =
            extract(ChartId::MembersByCountry, &package.resources).expect("the chart extracts");
        assert_eq!(
            fit_hidden(&bars, &[0]),
            Vec::<usize>::new(),
            "bars have no series to hide"
        );
    }
}
