//! The chart's values as a real table: one row per value, the same rows as the CSV.

use super::load::ChartSource;
use crate::app::use_route;
use klaster_core::charts::export::ChartRow;
use klaster_core::format::format_date;
use klaster_core::format::format_value;
use klaster_core::i18n::{confidence_label, Msg};
use leptos::prelude::*;
use std::sync::Arc;

/// Which columns the rows fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Columns {
    pub group: bool,
    pub label: bool,
    pub date: bool,
    pub value: bool,
    pub confidence: bool,
}

impl Columns {
    pub fn of(rows: &[ChartRow]) -> Columns {
        Columns {
            group: rows.iter().any(|r| r.group.is_some()),
            label: rows.iter().any(|r| r.label.is_some()),
            date: rows.iter().any(|r| r.date.is_some()),
            value: rows.iter().any(|r| r.value.is_some()),
            confidence: rows.iter().any(|r| r.confidence.is_some()),
        }
    }

    /// The heading of the name column: a point's label is a note on its series.
    fn label_heading(self) -> Msg {
        if self.group {
            Msg::Note
        } else {
            Msg::ChartColItem
        }
    }
}

#[component]
pub fn ChartTable(
    caption: Signal<String>,
    rows: Signal<Vec<ChartRow>>,
    source: Arc<ChartSource>,
    region_id: String,
) -> impl IntoView {
    let locale = use_route().locale;
    let text = move |msg: Msg| move || msg.get(locale.get());
    let columns = Memo::new(move |_| rows.with(|r| Columns::of(r)));
    let publishers = move |row: &ChartRow| -> String {
        let (index, sources) = (&source.index, &source.package.sources);
        row.sources(index)
            .into_iter()
            .filter_map(|id| sources.iter().find(|s| s.id == id))
            .map(|s| s.publisher.as_str())
            .fold(Vec::new(), |mut list: Vec<&str>, p| {
                if !list.contains(&p) {
                    list.push(p);
                }
                list
            })
            .join("; ")
    };
    let body = move || {
        let locale = locale.get();
        let columns = columns.get();
        rows.get()
            .iter()
            .map(|row| {
                let words = |t: &Option<klaster_core::Text>| {
                    t.as_ref()
                        .map(|t| t.get(locale).to_string())
                        .unwrap_or_default()
                };
                let mut cells: Vec<String> = Vec::new();
                if columns.group {
                    cells.push(words(&row.group));
                }
                if columns.label {
                    cells.push(words(&row.label));
                }
                if columns.date {
                    cells.push(row.date.map(|d| format_date(d, locale)).unwrap_or_default());
                }
                if columns.value {
                    cells.push(
                        row.value
                            .map(|v| format_value(v.value, v.unit, v.qualifier, locale))
                            .unwrap_or_default(),
                    );
                }
                if columns.confidence {
                    cells.push(
                        row.confidence
                            .map(|c| confidence_label(c).get(locale).to_string())
                            .unwrap_or_default(),
                    );
                }
                cells.push(publishers(row));
                let warned = row.confidence.filter(|c| c.needs_warning());
                let mut cells = cells.into_iter();
                let first = cells.next().unwrap_or_default();
                view! {
                    <tr data-confidence=warned.map(|c| format!("{c:?}").to_lowercase())>
                        <th scope="row">{first}</th>
                        {cells.map(|cell| view! { <td>{cell}</td> }).collect_view()}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <div class="table-scroll chart-table" tabindex="0" role="region" id=region_id
            aria-label=move || Msg::ChartTableRegion.get(locale.get())>
            <table class="data-table">
                <caption><span>{move || caption.get()}</span></caption>
                <thead>
                    <tr>
                        {move || {
                            let c = columns.get();
                            let mut headings = Vec::new();
                            if c.group { headings.push(Msg::ChartColSeries); }
                            if c.label { headings.push(c.label_heading()); }
                            if c.date { headings.push(Msg::ChartColDate); }
                            if c.value { headings.push(Msg::ChartColValue); }
                            if c.confidence { headings.push(Msg::ConfidenceLabel); }
                            headings.push(Msg::Sources);
                            headings.into_iter().map(|msg| view! {
                                <th scope="col">{text(msg)}</th>
                            }).collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}
