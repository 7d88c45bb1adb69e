//! The live plot: in place of the picture a canvas drawn by the core's `draw_laid_out`,
//! with tooltips, keyboard steps, legend toggles and, on the park card, the metric
//! switch. It takes the static plot's place in one step once it has drawn, keeping the
//! picture's height; the card's words around it stay the HTML the build wrote.

use super::canvas::paint;
use super::legend::Legend;
use super::palette::use_palette;
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

/// Takes the static plot's place: it leaves and the live one shows in the same task, so
/// nothing moves.
fn replace_static(root: &web_sys::Element, live: Live) {
    let Ok(Some(card)) = root.closest(".chart-card") else {
        return;
    };
    if let Ok(Some(stale)) = card.query_selector(".chart-card__static") {
        stale.remove();
    }
    live.set(true);
    let _ = card.set_attribute("data-live", "");
}

/// The card's words are the HTML the build wrote, one block per chart of the card: the
/// metric shown has its title, table and sources in view, the card is labelled by its
/// title, and its table is open when the card's state says so.
fn show_words(root: &web_sys::Element, chart: ChartId, table_open: bool) {
    let Ok(Some(card)) = root.closest(".chart-card") else {
        return;
    };
    let Ok(blocks) =
        card.query_selector_all(".chart-card__top[data-chart], .chart-card__more[data-chart]")
    else {
        return;
    };
    for i in 0..blocks.length() {
        let Some(block) = blocks
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let shown = block.get_attribute("data-chart").as_deref() == Some(chart.as_str());
        block.set_hidden(!shown);
        if shown {
            if let Ok(Some(table)) = block.query_selector("details.chart-card__table") {
                if table.has_attribute("open") != table_open {
                    let _ = table.toggle_attribute_with_force("open", table_open);
                }
            }
        }
    }
    let _ = card.set_attribute("aria-labelledby", &crate::chart::content::title_id(chart));
}

/// Where the pointer was (client pixels) when it last moved before the code arrived: the
/// boot script keeps it on `<html data-pointer="x,y">` until a card wakes.
fn pointer_before_waking() -> Option<(f64, f64)> {
    let root = document().document_element()?;
    let at = root.get_attribute("data-pointer")?;
    let (x, y) = at.split_once(',')?;
    Some((x.parse().ok()?, y.parse().ok()?))
}

/// Keeps the card's state in step with the table a reader opens or closes.
fn follow_tables(root: &web_sys::Element, table_open: RwSignal<bool>) {
    let Ok(Some(card)) = root.closest(".chart-card") else {
        return;
    };
    let on_toggle = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
        let Some(details) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
        else {
            return;
        };
        let hidden = details.closest("[hidden]").ok().flatten().is_some();
        if details.class_list().contains("chart-card__table")
            && !hidden
            && table_open.get_untracked() != details.open()
        {
            table_open.set(details.open());
        }
    });
    // `toggle` does not bubble: listened for on the way down.
    let _ = card.add_event_listener_with_callback_and_bool(
        "toggle",
        on_toggle.as_ref().unchecked_ref(),
        true,
    );
    // The listener lives as long as the card, which is as long as the page.
    on_toggle.forget();
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
    let draws = StoredValue::new(0_u32);
    // What is under the pointer at (client x, client y).
    let point_at = move |(client_x, client_y): (f64, f64)| {
        let Some(canvas) = canvas_ref.get_untracked() else {
            return;
        };
        let bounds = canvas.get_bounding_client_rect();
        let point = (client_x - bounds.left(), client_y - bounds.top());
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
    let at_pointer = move |event: &web_sys::PointerEvent| {
        point_at((f64::from(event.client_x()), f64::from(event.client_y())));
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
                // Drawn once: the live plot can take the static one's place.
                if !live.get_untracked() {
                    if let Some(root) = root.get_untracked() {
                        replace_static(&root, live);
                        follow_tables(&root, state.table_open);
                        // A reader who pointed at the picture before the code arrived sees the
                        // value under the pointer at once, without moving it again.
                        if let Some(at) = pointer_before_waking() {
                            point_at(at);
                        }
                    }
                }
            })
        });
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
                    <p class="badge" data-confidence=c.key()>{words}</p>
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
        </div>
    }
}
