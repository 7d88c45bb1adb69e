//! The chart's values as a real table: one row per value, the same rows as the CSV, laid
//! out by the core's `text_table` (which the published chart pages use too).

use super::load::ChartSource;
use crate::app::use_route;
use klaster_core::charts::export::{text_table, ChartRow};
use klaster_core::i18n::Msg;
use leptos::prelude::*;
use std::sync::Arc;

#[component]
pub fn ChartTable(
    caption: Signal<String>,
    rows: Signal<Vec<ChartRow>>,
    source: Arc<ChartSource>,
    region_id: String,
) -> impl IntoView {
    let locale = use_route().locale;
    let table = Memo::new(move |_| {
        rows.with(|rows| text_table(rows, locale.get(), &source.index, &source.package.sources))
    });
    let headings = move || {
        let locale = locale.get();
        table.with(|t| {
            t.headings
                .iter()
                .map(|msg| view! { <th scope="col">{msg.get(locale)}</th> })
                .collect_view()
        })
    };
    let body = move || {
        table.with(|t| {
            t.rows
                .iter()
                .map(|row| {
                    let mut cells = row.cells.clone().into_iter();
                    let first = cells.next().unwrap_or_default();
                    view! {
                        <tr data-confidence=row.warned.map(|c| format!("{c:?}").to_lowercase())>
                            <th scope="row">{first}</th>
                            {cells.map(|cell| view! { <td>{cell}</td> }).collect_view()}
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <div class="table-scroll chart-table" tabindex="0" role="region" id=region_id
            aria-label=move || Msg::ChartTableRegion.get(locale.get())>
            <table class="data-table">
                <caption><span>{move || caption.get()}</span></caption>
                <thead><tr>{headings}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
