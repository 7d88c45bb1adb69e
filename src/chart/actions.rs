//! A card's downloads: the chart as PNG and SVG and its data as CSV and JSON, all files
//! the build published (`charts/<id>-<lang>.<ext>`), so they are plain links that work
//! with no script; they follow the park metric the reader picks.

use super::island::CardProps;
use super::state::CardState;
use klaster_core::embed::image_file;
use klaster_core::i18n::Msg;
use leptos::prelude::*;

/// The published files of a chart, in the order offered.
const FORMATS: [(&str, Msg); 4] = [
    ("png", Msg::ChartDownloadPng),
    ("svg", Msg::ChartDownloadSvg),
    ("csv", Msg::ChartDownloadCsv),
    ("json", Msg::ChartDownloadJson),
];

#[component]
pub fn Downloads(props: CardProps, state: CardState) -> impl IntoView {
    let locale = props.locale;
    let links = FORMATS
        .into_iter()
        .map(|(extension, label)| {
            let root = props.root.clone();
            let file = move || image_file(state.selected.get(), locale, extension);
            let name = move || file().trim_start_matches("charts/").to_string();
            view! {
                <a href=move || format!("{root}{}", file()) download=name data-format=extension>
                    {label.get(locale)}
                </a>
            }
        })
        .collect_view();
    view! {
        <div class="chart-card__downloads" role="group" aria-label=Msg::ChartDownloadLabel.get(locale)>
            <span class="chart-card__downloads-label" aria-hidden="true">{Msg::Download.get(locale)} ":"</span>
            {links}
        </div>
    }
}
