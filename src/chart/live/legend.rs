//! The legend as HTML: the entries the core laid out, each with its mark drawn by the
//! core's own drawing on a small canvas. A series entry is a real toggle button.

use super::canvas::paint;
use crate::chart::content::legend_groups;
use klaster_core::charts::frame::{swatch, SWATCH};
use klaster_core::charts::layout::LegendMark;
use klaster_core::charts::{ChartId, PaletteName};
use leptos::html;
use leptos::prelude::*;

#[component]
fn Swatch(mark: LegendMark, chart: ChartId, palette: Signal<PaletteName>) -> impl IntoView {
    let canvas = NodeRef::<html::Canvas>::new();
    Effect::new(move |_| {
        let palette = palette.get().palette();
        let Some(canvas) = canvas.get() else { return };
        let (chart, layout) = swatch(chart, mark);
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
    move || {
        let (series, keys) = legend_groups(entries.get());
        let count = series.len();
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
