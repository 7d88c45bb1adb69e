//! The legend as HTML: the entries the core laid out, each with its mark drawn by the
//! core's own drawing on a small canvas. A series entry is a real toggle button.

use super::canvas::paint;
use klaster_core::charts::layout::{
    Align, BodyLayout, ChartLayout, LegendEntry, LegendMark, TextLine, Tone, BODY,
};
use klaster_core::charts::model::{ChartBody, ChartData, LineChart};
use klaster_core::charts::{ChartId, ChartSpec, PaletteName};
use klaster_core::Text;
use leptos::html;
use leptos::prelude::*;

/// The swatch's size in CSS pixels: the core draws a legend mark 26 pixels wide.
const SWATCH: (f64, f64) = (30.0, 20.0);

/// A chart with nothing but one legend entry, so the core draws just its mark.
fn swatch_chart(id: ChartId, mark: LegendMark) -> (ChartData, ChartLayout) {
    let none = || Text::new("", "");
    let chart = ChartData {
        spec: ChartSpec {
            id,
            title: none(),
            subtitle: none(),
            source: none(),
            notes: Vec::new(),
            as_of: None,
        },
        body: ChartBody::Lines(LineChart { panels: Vec::new() }),
    };
    let layout = ChartLayout {
        width: SWATCH.0,
        height: SWATCH.1,
        header: Vec::new(),
        legend: vec![LegendEntry {
            mark,
            x: 2.0,
            y: SWATCH.1 / 2.0,
            label: TextLine {
                text: String::new(),
                x: 0.0,
                y: 0.0,
                font: BODY,
                tone: Tone::Text,
                align: Align::Left,
            },
        }],
        body: BodyLayout::Lines(Vec::new()),
        footer: Vec::new(),
    };
    (chart, layout)
}

#[component]
fn Swatch(mark: LegendMark, chart: ChartId, palette: Signal<PaletteName>) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let palette = palette.get().palette();
        let Some(canvas) = canvas.get() else { return };
        let (chart, layout) = swatch_chart(chart, mark);
        let ratio = window().device_pixel_ratio();
        let _ = paint(&canvas, &chart, &layout, &palette, SWATCH, 0.0, ratio);
    });
    view! { <canvas class="chart-legend__swatch" node_ref=canvas aria-hidden="true"></canvas> }
}

/// The legend of the chart on the page. `hidden` holds the style indices of the series
/// the reader has hidden; the last series shown cannot be hidden.
#[component]
pub fn Legend(
    /// Each entry's mark and words, in the core's order.
    entries: Signal<Vec<(LegendMark, String)>>,
    chart: Signal<ChartId>,
    palette: Signal<PaletteName>,
    hidden: RwSignal<Vec<usize>>,
    group_label: Signal<String>,
) -> impl IntoView {
    let series_count = move || {
        entries.with(|e| {
            e.iter()
                .filter(|(mark, _)| matches!(mark, LegendMark::Series(..)))
                .count()
        })
    };
    move || {
        let entries = entries.get();
        let count = series_count();
        let (series, keys): (Vec<_>, Vec<_>) = entries
            .into_iter()
            .partition(|(mark, _)| matches!(mark, LegendMark::Series(..)) && count > 1);
        let buttons = (!series.is_empty()).then(|| {
            let buttons = series
                .into_iter()
                .map(|(mark, label)| {
                    let LegendMark::Series(style, _) = mark else { unreachable!() };
                    let shown = move || !hidden.with(|h| h.contains(&style));
                    let last = move || shown() && hidden.with(|h| h.len() + 1 >= count);
                    view! {
                        <button type="button" class="chart-legend__toggle"
                            aria-pressed=move || shown().to_string()
                            disabled=last
                            on:click=move |_| hidden.update(|h| match h.iter().position(|s| *s == style) {
                                Some(at) => { h.remove(at); }
                                None => h.push(style),
                            })
                        >
                            <Swatch mark chart=chart.get_untracked() palette/>
                            <span>{label}</span>
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="chart-legend__series" role="group" aria-label=move || group_label.get()>
                    {buttons}
                </div>
            }
        });
        let keys = (!keys.is_empty()).then(|| {
            view! {
                <ul class="chart-legend__keys">
                    {keys.into_iter().map(|(mark, label)| view! {
                        <li><Swatch mark chart=chart.get_untracked() palette/><span>{label}</span></li>
                    }).collect_view()}
                </ul>
            }
        });
        view! { <div class="chart-legend">{buttons}{keys}</div> }
    }
}
