//! The live chart card: the same words as the static card (`content`), and in place of
//! the picture a canvas drawn by the core's `draw_laid_out`, with tooltips, keyboard
//! steps, legend toggles and, on the park card, the metric switch. It takes the static
//! card's place in one step once it is in the page, keeping the picture's height.

use super::canvas::paint;
use super::legend::Legend;
use super::palette::use_palette;
use crate::chart::content::{card_details, card_footer, card_head, Heading, Words};
use crate::chart::island::{CardProps, Live};
use crate::chart::keyboard::{key_action, KeyAction};
use crate::chart::parts::ChartSource;
use crate::chart::state::{fit_hidden, CardState};
use crate::chart::tooltip::{placement, ValueInfo};
use crate::chart::topic_name;
use klaster_core::charts::export::{row_of, rows, ChartRow};
use klaster_core::charts::frame::{on_screen, with_hidden, Frame, Variant, VARIANTS};
use klaster_core::charts::hit::{position, step, target_at, Target};
use klaster_core::charts::model::ChartData;
use klaster_core::charts::{extract, ChartId, ParkTopic};
use klaster_core::i18n::{confidence_label, Msg};
use leptos::html;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Milliseconds since the page loaded.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

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

/// Takes the static card's place: the `<details>` a reader opened stay open, then the
/// static card leaves and the live one shows, in the same task, so nothing moves.
fn replace_static(root: &web_sys::Element, live: Live) {
    let Ok(Some(card)) = root.closest(".chart-card") else {
        return;
    };
    if let Ok(Some(stale)) = card.query_selector(".chart-card__static") {
        for class in [
            "chart-card__table",
            "chart-card__words",
            "source-line--compact",
        ] {
            let selector = format!("details.{class}");
            let was_open = stale
                .query_selector(&selector)
                .ok()
                .flatten()
                .is_some_and(|d| d.has_attribute("open"));
            if let Ok(Some(fresh)) = root.query_selector(&selector) {
                if was_open {
                    let _ = fresh.set_attribute("open", "");
                }
            }
        }
        stale.remove();
    }
    live.set(true);
    let _ = card.set_attribute("data-live", "");
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
    let heading = if props.embed {
        Heading::Page
    } else {
        Heading::Section
    };
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
    // A linked state's hidden series, fitted once the chart is known.
    hidden.set(chart.with_untracked(|c| {
        c.as_ref()
            .map(|c| fit_hidden(c, &hidden.get_untracked()))
            .unwrap_or_default()
    }));
    Effect::new(move |_| {
        if let Ok(chart) = chart.read().as_ref() {
            state.titles.set(chart.spec.title.clone());
        }
    });
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
    let draws = StoredValue::new(0_u32);
    Effect::new(move |_| {
        if let Some(plot) = plot_ref.get() {
            observe_width(&plot, width);
        }
    });
    Effect::new(move |_| {
        let palette = palette.get().palette();
        let ratio = pixel_ratio.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        frame.with(|frame| {
            shown.with(|shown| {
                let (Some(frame), Some(shown)) = (frame, shown) else {
                    return;
                };
                let started = now();
                let drawn = paint(
                    &canvas,
                    shown,
                    &frame.layout,
                    &palette,
                    (frame.width, frame.height),
                    frame.crop,
                    ratio,
                );
                let elapsed = now() - started;
                if let Err(problem) = drawn {
                    leptos::logging::error!("chart {}: {problem}", shown.spec.id);
                    return;
                }
                draws.update_value(|n| *n += 1);
                let _ = canvas.set_attribute("data-draws", &draws.get_value().to_string());
                let _ = canvas.set_attribute("data-draw-ms", &format!("{elapsed:.2}"));
                // Drawn once: the live card can take the static one's place.
                if !live.get_untracked() {
                    if let Some(root) = root.get_untracked() {
                        replace_static(&root, live);
                    }
                }
            })
        });
    });

    // ---- pointer and keyboard
    let at_pointer = move |event: &web_sys::PointerEvent| {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let bounds = canvas.get_bounding_client_rect();
        let point = (
            f64::from(event.client_x()) - bounds.left(),
            f64::from(event.client_y()) - bounds.top(),
        );
        let target = frame.with_untracked(|frame| {
            shown.with_untracked(|shown| {
                let (frame, shown) = (frame.as_ref()?, shown.as_ref()?);
                let (x, y) = frame.to_layout(point);
                target_at(shown, &frame.layout, x, y)
            })
        });
        // Set only on a change: a pointer moving over one value redraws nothing.
        if pointing.get_untracked() != target.is_some() {
            pointing.set(target.is_some());
        }
        if highlight.get_untracked() != target {
            highlight.set(target);
        }
    };
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
            let next = match action {
                KeyAction::Release => None,
                KeyAction::Move(move_to) => shown.with_untracked(|shown| {
                    step(shown.as_ref()?, highlight.get_untracked(), move_to)
                }),
            };
            highlight.set(next);
            pointing.set(next.is_some());
            let sentence = next
                .and_then(|t| untrack(|| info(t)))
                .map(|i| i.sentence(locale))
                .unwrap_or_default();
            announcement.set(sentence);
        }
    };
    let spot = Memo::new(move |_| {
        let target = highlight.get()?;
        frame.with(|frame| {
            shown.with(|shown| {
                let (frame, shown) = (frame.as_ref()?, shown.as_ref()?);
                position(shown, &frame.layout, target).map(|at| frame.to_canvas(at))
            })
        })
    });
    let canvas_width = move || frame.with(|f| f.as_ref().map_or(0.0, |f| f.width));
    let tooltip = move || {
        if !pointing.get() {
            return None;
        }
        let (x, y) = spot.get()?;
        let info = info(highlight.get()?)?;
        let place = placement((x, y), canvas_width());
        // Every rating is named; one a reader must be warned about is a badge.
        let rating = info.confidence.map(|c| {
            let words = confidence_label(c).get(locale);
            match c.needs_warning() {
                true => view! {
                    <p class="badge" data-confidence=format!("{c:?}").to_lowercase()>{words}</p>
                }
                .into_any(),
                false => view! {
                    <p>{Msg::ConfidenceLabel.get(locale)} ": " {words}</p>
                }
                .into_any(),
            }
        });
        Some(view! {
            <div class="chart-tooltip" aria-hidden="true"
                style:left=format!("{x}px") style:top=format!("{y}px") style:transform=place.transform>
                <p class="chart-tooltip__title">{info.title}</p>
                {info.label.map(|l| view! { <p>{l}</p> })}
                {info.value.map(|v| view! { <p class="chart-tooltip__value">{v}</p> })}
                {info.date.map(|d| view! { <p>{d}</p> })}
                {rating}
                {(!info.publishers.is_empty()).then(|| view! {
                    <p class="chart-tooltip__source">
                        {Msg::Source.get(locale)} ": " {info.publishers.join("; ")}
                    </p>
                })}
            </div>
        })
    };
    let ring = move || {
        let (x, y) = spot.get()?;
        Some(view! {
            <span class="chart-focus-ring" aria-hidden="true" style:left=format!("{x}px") style:top=format!("{y}px")></span>
        })
    };

    // ---- words, from the same functions as the static card
    let head = move || chart.with(|c| c.as_ref().ok().map(|c| card_head(card, c, locale, heading)));
    let details = {
        let source = source.clone();
        move || {
            let table_open = state.table_open.get_untracked();
            chart.with(|c| {
                let c = c.as_ref().ok()?;
                let words = Words {
                    locale,
                    sources: source.sources(),
                    index: &source.index,
                };
                Some(view! {
                    {card_details(card, c, &words, table_open)}
                    {card_footer(c, &words, props.embed)}
                })
            })
        }
    };
    // The table opening or closing is part of the card's state (a link opens it too).
    let on_toggle = move |event: web_sys::Event| {
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        else {
            return;
        };
        if target.class_list().contains("chart-card__table") {
            state.table_open.set(target.open());
        }
    };
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
        <div class="chart-card__live-body" node_ref=root on:toggle:capture=on_toggle>
            {head}
            {is_park.then(|| view! {
                <fieldset class="chart-card__metric">
                    <legend class="chart-card__metric-label">{Msg::ChartMetricLabel.get(locale)}</legend>
                    {ParkTopic::ALL.into_iter().map(|topic| {
                        let id = ChartId::Park(topic);
                        view! {
                            <label>
                                <input type="radio" name=format!("chart-{key}-metric") value=id.as_str()
                                    prop:checked=move || selected.get() == id
                                    on:change=move |_| {
                                        // A new metric starts with every series shown and nothing highlighted.
                                        selected.set(id);
                                        hidden.set(Vec::new());
                                        highlight.set(None);
                                    }/>
                                {topic_name(topic).get(locale)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            })}
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
                            pointing.set(false);
                            highlight.set(None);
                        }
                    }
                    on:keydown=on_key
                    on:blur=move |_| { pointing.set(false); highlight.set(None); }
                >
                    <div class="chart-card__canvas">
                        <canvas node_ref=canvas_ref role="img" aria-label=canvas_label></canvas>
                    </div>
                    {ring}
                    {tooltip}
                    <p class="chart-card__help" id=help_id.clone()>{Msg::ChartHelp.get(locale)}</p>
                </div>
                <p class="chart-sr-only" aria-live="polite" id=live_id>{move || announcement.get()}</p>
            </div>
            {details}
        </div>
    }
}
