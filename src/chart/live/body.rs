//! The live plot: in place of the picture a canvas drawn by the core's `draw_laid_out`,
//! with tooltips, keyboard steps, legend toggles and, on the park card, the metric
//! switch. It takes the static plot's place in one step once it has drawn, keeping the
//! picture's height; the card's words around it stay the HTML the build wrote.

use super::around::{follow_tables, pointer_before_waking, replace_static, show_words};
use super::legend::Legend;
use super::metric::MetricSwitch;
use super::palette::use_palette;
use super::plot::Plot;
use super::value_tip::{FocusRing, ValueTip};
use crate::chart::island::{CardProps, Live};
use crate::chart::keyboard::key_action;
use crate::chart::parts::ChartSource;
use crate::chart::state::{fit_hidden, CardState};
use klaster_core::charts::export::{row_of, rows, ChartRow};
use klaster_core::charts::frame::{on_screen, with_hidden, Frame, Variant, VARIANTS};
use klaster_core::charts::hit::Target;
use klaster_core::charts::model::ChartData;
use klaster_core::charts::tip::ValueInfo;
use klaster_core::charts::{extract, ChartId};
use klaster_core::i18n::Msg;
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The width variant the page's picture was chosen by: the same media queries.
fn current_variant() -> Variant {
    VARIANTS
        .into_iter()
        .find(|variant| {
            variant.media().is_none_or(|query| {
                window()
                    .match_media(&query)
                    .ok()
                    .flatten()
                    .is_some_and(|list| list.matches())
            })
        })
        .unwrap_or(VARIANTS[VARIANTS.len() - 1])
}

/// Keeps the plot's width in `width`, from a ResizeObserver on `element`.
fn observe_width(element: &web_sys::HtmlElement, width: RwSignal<f64>) {
    let observed = element.clone();
    let read = move || width.set(f64::from(observed.client_width()));
    read();
    let on_resize = Closure::<dyn FnMut()>::new(read);
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(element);
    let kept = StoredValue::new_local(Some((observer, on_resize)));
    on_cleanup(move || {
        let _ = kept.try_update_value(|kept| {
            if let Some((observer, _)) = kept.take() {
                observer.disconnect();
            }
        });
    });
}

#[component]
pub fn LiveCard(
    props: CardProps,
    source: Arc<ChartSource>,
    state: CardState,
    live: Live,
) -> impl IntoView {
    let locale = props.locale;
    let card = props.card;
    let key = card.as_str();
    let palette = use_palette();
    let selected = state.selected;
    let hidden = state.hidden;
    let highlight = RwSignal::new(None::<Target>);
    let pointing = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let width = RwSignal::new(0.0_f64);
    let variant = RwSignal::new(current_variant());
    let pixel_ratio = RwSignal::new(window().device_pixel_ratio());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        pixel_ratio.set(window().device_pixel_ratio());
        variant.set(current_variant());
    });
    on_cleanup(move || resize.remove());

    let package = source.clone();
    let chart: Memo<Result<ChartData, String>> =
        Memo::new(move |_| extract(selected.get(), &package.resources).map_err(|e| e.to_string()));
    // A linked state's hidden series, fitted once the chart is known; set only when the
    // fit changes them, since a change is written into the address as the reader's own.
    let fitted = chart.with_untracked(|c| {
        c.as_ref()
            .map(|c| fit_hidden(c, &hidden.get_untracked()))
            .unwrap_or_default()
    });
    if fitted != hidden.get_untracked() {
        hidden.set(fitted);
    }
    let shown: Memo<Option<ChartData>> = Memo::new(move |_| {
        chart.with(|c| c.as_ref().ok().map(|c| hidden.with(|h| with_hidden(c, h))))
    });
    let frame: Memo<Option<Frame>> = Memo::new(move |_| {
        let width = width.get();
        if width <= 0.0 {
            return None;
        }
        shown.with(|s| {
            s.as_ref().map(|s| {
                let body = on_screen(s);
                let height = variant.get().height_at(&body, locale, width);
                Frame::sized(&body, locale, width, height)
            })
        })
    });
    let table_rows: Memo<Vec<ChartRow>> =
        Memo::new(move |_| shown.with(|s| s.as_ref().map(rows).unwrap_or_default()));

    // ---- the canvas
    let root = NodeRef::<html::Div>::new();
    let canvas_ref = NodeRef::<html::Canvas>::new();
    let plot_ref = NodeRef::<html::Div>::new();
    let plot = Plot {
        shown,
        frame,
        highlight,
        pointing,
        canvas: canvas_ref,
    };
    let at_pointer = move |event: &web_sys::PointerEvent| {
        plot.point_at((f64::from(event.client_x()), f64::from(event.client_y())));
    };
    // The island's width: the live plot is hidden until it has drawn, and the island
    // (a block around it and the static plot) is as wide as either.
    Effect::new(move |_| {
        let island = plot_ref
            .get()
            .and_then(|plot| plot.closest("leptos-island").ok().flatten())
            .and_then(|island| island.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(island) = island {
            observe_width(&island, width);
        }
    });
    let draws = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let palette = palette.get().palette();
        if !plot.draw(&palette, pixel_ratio.get(), draws) || live.get_untracked() {
            return;
        }
        // Drawn once: the live plot can take the static one's place.
        if let Some(root) = root.get_untracked() {
            replace_static(&root, live);
            follow_tables(&root, state.table_open);
            // A reader who pointed at the picture before the code arrived sees the value
            // under the pointer at once, without moving it again.
            if let Some(at) = pointer_before_waking() {
                plot.point_at(at);
            }
        }
    });

    // ---- pointer and keyboard
    let info = {
        let source = source.clone();
        move |target: Target| -> Option<ValueInfo> {
            table_rows.with(|rows| {
                row_of(rows, target)
                    .map(|row| ValueInfo::new(row, locale, &source.index, source.sources()))
            })
        }
    };
    let on_key = {
        let info = info.clone();
        move |event: web_sys::KeyboardEvent| {
            let Some(action) = key_action(&event.key()) else {
                return;
            };
            event.prevent_default();
            let next = plot.step(action);
            let sentence = next
                .and_then(|t| untrack(|| info(t)))
                .map(|i| i.sentence(locale))
                .unwrap_or_default();
            announcement.set(sentence);
        }
    };
    let spot = plot.spot();
    let canvas_width = Signal::derive(move || frame.with(|f| f.as_ref().map_or(0.0, |f| f.width)));
    let pointed = Signal::derive(move || highlight.get().and_then(&info));

    // ---- the card around the plot: the words of the metric shown, the table a link opens
    Effect::new(move |_| {
        let chart = selected.get();
        let open = state.table_open.get();
        if let Some(root) = root.get() {
            show_words(&root, chart, open);
        }
    });
    let canvas_label = move || {
        chart.with(|c| {
            c.as_ref()
                .map(|c| {
                    format!(
                        "{}. {}",
                        c.spec.title.get(locale),
                        c.spec.subtitle.get(locale)
                    )
                })
                .unwrap_or_default()
        })
    };
    let unavailable = move || {
        chart.with(|c| c.as_ref().err().cloned()).map(|problem| {
            leptos::logging::error!("{problem}");
            view! { <p class="status status--error">{Msg::ChartUnavailable.get(locale)}</p> }
        })
    };
    // Marks and words only, so a resize that moves the entries leaves the legend alone.
    let legend_entries = Memo::new(move |_| {
        frame.with(|f| {
            f.as_ref()
                .map(|f| {
                    f.legend
                        .iter()
                        .map(|e| (e.mark, e.label.text.clone()))
                        .collect()
                })
                .unwrap_or_default()
        })
    });
    let series_label = Signal::derive(move || Msg::ChartSeriesLabel.get(locale).to_string());
    let is_park = matches!(card, ChartId::Park(_));
    let help_id = format!("chart-{key}-help");
    let live_id = format!("chart-{key}-live");
    view! {
        <div class="chart-card__live-body" node_ref=root>
            {is_park.then(|| view! { <MetricSwitch card locale selected hidden highlight/> })}
            {unavailable}
            <div class="chart-card__chart">
                <Legend entries=Signal::from(legend_entries) chart=Signal::derive(move || selected.get()) palette hidden group_label=series_label/>
                <div class="chart-card__plot" node_ref=plot_ref tabindex="0" role="group"
                    aria-label=Msg::ChartPlotLabel.get(locale) aria-describedby=help_id.clone()
                    on:pointermove=move |e| at_pointer(&e)
                    on:pointerdown=move |e| at_pointer(&e)
                    on:pointerleave=move |e: web_sys::PointerEvent| {
                        // A finger lifted leaves too: a tapped value keeps its tooltip.
                        if e.pointer_type() != "touch" {
                            plot.release();
                        }
                    }
                    on:keydown=on_key
                    on:blur=move |_| plot.release()
                >
                    <div class="chart-card__canvas">
                        <canvas node_ref=canvas_ref role="img" aria-label=canvas_label></canvas>
                    </div>
                    <FocusRing spot/>
                    <ValueTip locale pointing spot info=pointed canvas_width/>
                    <p class="chart-card__help" id=help_id.clone()>{Msg::ChartHelp.get(locale)}</p>
                </div>
                <p class="chart-sr-only" aria-live="polite" id=live_id>{move || announcement.get()}</p>
            </div>
        </div>
    }
}
