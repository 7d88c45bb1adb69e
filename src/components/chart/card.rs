//! A chart card: the chart's words as HTML around a canvas drawn by the core, a table
//! of the same values, the chart in sentences, and its files to download.

use super::canvas::paint;
use super::downloads::{save, Format, Request};
use super::geometry::{on_screen, with_hidden, Frame};
use super::keyboard::{key_action, KeyAction};
use super::legend::Legend;
use super::load::{chart_source, ChartSource};
use super::palette::use_palette;
use super::permalink::{fit_hidden, link_card};
use super::share::ShareMenu;
use super::table::ChartTable;
use super::tooltip::{placement, ValueInfo};
use crate::app::use_route;
use crate::components::source_line::SourceLine;
use crate::components::status::{IntegrityWarning, LoadFailed, Loading};
use klaster_core::charts::describe::describe;
use klaster_core::charts::export::{row_of, rows, ChartRow};
use klaster_core::charts::hit::{position, step, target_at, Target};
use klaster_core::charts::model::ChartData;
use klaster_core::charts::{extract, ChartId, PaletteName, ParkTopic};
use klaster_core::embed::{ChartState, View};
use klaster_core::format::format_date;
use klaster_core::i18n::{confidence_label, Msg};
use leptos::html;
use leptos::prelude::*;
use std::rc::Rc;
use std::sync::Arc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The words of the metric switcher of the park chart.
fn topic_name(topic: ParkTopic) -> Msg {
    match topic {
        ParkTopic::Residents => Msg::ChartMetricResidents,
        ParkTopic::Investment => Msg::ChartMetricInvestment,
        ParkTopic::Jobs => Msg::ChartMetricJobs,
        ParkTopic::Sales => Msg::ChartMetricSales,
        ParkTopic::Exports => Msg::ChartMetricExports,
    }
}

/// One chart of the catalog, with everything around it. For the park chart, `chart`
/// is the metric shown first, and the card offers the others.
#[component]
pub fn ChartCard(chart: ChartId) -> impl IntoView {
    let source = LocalResource::new(move || chart_source(chart));
    let key = chart.as_str();
    let palette = use_palette();
    // The card takes the canvas's background, so the chart has no visible edge.
    let card = NodeRef::<html::Figure>::new();
    Effect::new(move |_| {
        let background = palette.get().palette().background.hex();
        if let Some(card) = card.get() {
            let _ = card.style().set_property("--chart-bg", &background);
        }
    });
    view! {
        <figure class="chart-card" node_ref=card id=format!("chart-{key}")
            aria-labelledby=format!("chart-{key}-title")>
            {move || match source.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(error)) => {
                    view! { <LoadFailed error on_retry=move |_| source.refetch()/> }.into_any()
                }
                Some(Ok(source)) => view! {
                    <IntegrityWarning verified=source.verified/>
                    <CardBody source first=chart key palette/>
                }
                .into_any(),
            }}
        </figure>
    }
}

/// Milliseconds since the page loaded.
fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
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
fn CardBody(
    source: Arc<ChartSource>,
    first: ChartId,
    key: &'static str,
    palette: Signal<PaletteName>,
) -> impl IntoView {
    let locale = use_route().locale;
    let selected = RwSignal::new(first);
    let hidden = RwSignal::new(Vec::<usize>::new());
    let show_table = RwSignal::new(false);
    let highlight = RwSignal::new(None::<Target>);
    let pointing = RwSignal::new(false);
    let announcement = RwSignal::new(String::new());
    let width = RwSignal::new(0.0_f64);
    let pixel_ratio = RwSignal::new(window().device_pixel_ratio());
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        pixel_ratio.set(window().device_pixel_ratio());
    });
    on_cleanup(move || resize.remove());

    let package = source.clone();
    let chart = Memo::new(move |_| extract(selected.get(), &package.package));
    // What a link to the card carries; a link in the address sets it first.
    let state = Memo::new(move |_| ChartState {
        chart: selected.get(),
        view: if show_table.get() {
            View::Table
        } else {
            View::Chart
        },
        hidden: hidden.get(),
    });
    let apply = move |linked: ChartState| {
        selected.set(linked.chart);
        show_table.set(linked.view == View::Table);
        highlight.set(None);
        // Read after the metric is set, so the series are the linked metric's.
        let fitted = chart.with_untracked(|c| {
            c.as_ref()
                .map(|c| fit_hidden(c, &linked.hidden))
                .unwrap_or_default()
        });
        hidden.set(fitted);
    };
    link_card(first, format!("chart-{key}"), locale, state, apply);
    let shown: Memo<Option<ChartData>> = Memo::new(move |_| {
        chart.with(|c| c.as_ref().ok().map(|c| hidden.with(|h| with_hidden(c, h))))
    });
    let frame: Memo<Option<Frame>> = Memo::new(move |_| {
        let width = width.get();
        if width <= 0.0 {
            return None;
        }
        shown.with(|s| {
            s.as_ref()
                .map(|s| Frame::new(&on_screen(s), locale.get(), width))
        })
    });
    let table_rows: Memo<Vec<ChartRow>> =
        Memo::new(move |_| shown.with(|s| s.as_ref().map(rows).unwrap_or_default()));

    // ---- the canvas
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
                row_of(rows, target).map(|row| {
                    ValueInfo::new(row, locale.get(), &source.index, &source.package.sources)
                })
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
                .map(|i| i.sentence(locale.get_untracked()))
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
        let locale = locale.get();
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

    // ---- words
    let spec_text = move |pick: fn(&ChartData) -> &klaster_core::Text| {
        chart.with(|c| {
            c.as_ref()
                .map(|c| pick(c).get(locale.get()).to_string())
                .unwrap_or_default()
        })
    };
    let title = Signal::derive(move || spec_text(|c| &c.spec.title));
    let subtitle = move || spec_text(|c| &c.spec.subtitle);
    let titles =
        Signal::derive(move || chart.with(|c| c.as_ref().ok().map(|c| c.spec.title.clone())));
    let canvas_label = move || format!("{}. {}", title.get(), subtitle());
    let paragraphs = move || {
        chart.with(|c| {
            c.as_ref()
                .map(|c| describe(c, locale.get()))
                .unwrap_or_default()
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
    let series_label = Signal::derive(move || Msg::ChartSeriesLabel.get(locale.get()).to_string());
    let footer = {
        let source = source.clone();
        move || {
            let locale = locale.get();
            chart.with(|c| {
                let c = c.as_ref().ok()?;
                let rows = table_rows.get();
                let ids: Vec<String> = source
                    .index
                    .all(&rows)
                    .into_iter()
                    .map(String::from)
                    .collect();
                let sources = Rc::new(source.package.sources.clone());
                let notes: Vec<String> = c.spec.notes.iter().map(|n| n.get(locale).to_string()).collect();
                let as_of = c.spec.as_of;
                Some(view! {
                    <SourceLine ids sources compact=super::share::in_embed()/>
                    {notes.into_iter().map(|note| view! { <p class="chart-card__note">{note}</p> }).collect_view()}
                    {as_of.map(|date| view! {
                        <p class="chart-card__as-of">{Msg::AsOf.get(locale)} ": " {format_date(date, locale)}</p>
                    })}
                })
            })
        }
    };
    let unavailable = move || {
        chart.with(|c| c.as_ref().err().cloned()).map(|problem| {
            leptos::logging::error!("{problem}");
            view! { <p class="status status--error">{Msg::ChartUnavailable.get(locale.get())}</p> }
        })
    };

    // ---- downloads
    let download = {
        let source = source.clone();
        move |format: Format| {
            let locale = locale.get_untracked();
            let palette = palette.get_untracked().palette();
            let width = frame.with_untracked(|f| f.as_ref().map_or(800.0, |f| f.width));
            shown.with_untracked(|shown| {
                let Some(chart) = shown else { return };
                let request = Request {
                    chart,
                    locale,
                    palette: &palette,
                    width,
                    index: &source.index,
                    sources: &source.package.sources,
                };
                if let Err(problem) = save(format, &request) {
                    leptos::logging::error!("download {}: {problem}", format.extension());
                }
            });
        }
    };
    let download_label = |format: Format| match format {
        Format::Png => Msg::ChartDownloadPng,
        Format::Svg => Msg::ChartDownloadSvg,
        Format::Csv => Msg::ChartDownloadCsv,
        Format::Json => Msg::ChartDownloadJson,
    };

    let is_park = matches!(first, ChartId::Park(_));
    let share_source = source.clone();
    let help_id = format!("chart-{key}-help");
    let live_id = format!("chart-{key}-live");
    let table_id = format!("chart-{key}-table");
    let text = move |msg: Msg| move || msg.get(locale.get());
    view! {
        <figcaption class="chart-card__head">
            // On a published chart page the chart is the page, so its title is the h1.
            {if super::share::in_embed() {
                view! { <h1 class="chart-card__title" id=format!("chart-{key}-title")>{move || title.get()}</h1> }.into_any()
            } else {
                view! { <h3 class="chart-card__title" id=format!("chart-{key}-title")>{move || title.get()}</h3> }.into_any()
            }}
            <p class="chart-card__subtitle">{subtitle}</p>
        </figcaption>
        {is_park.then(|| view! {
            <fieldset class="chart-card__metric">
                <legend>{text(Msg::ChartMetricLabel)}</legend>
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
                            {text(topic_name(topic))}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
        })}
        <div class="chart-card__switch" role="group" aria-label=text(Msg::ChartViewLabel)>
            <button type="button" aria-pressed=move || (!show_table.get()).to_string()
                on:click=move |_| show_table.set(false)>{text(Msg::ChartViewChart)}</button>
            <button type="button" aria-pressed=move || show_table.get().to_string()
                on:click=move |_| show_table.set(true)>{text(Msg::ChartViewTable)}</button>
        </div>
        {unavailable}
        <div class="chart-card__chart" hidden=move || show_table.get()>
            <Legend entries=Signal::from(legend_entries) chart=Signal::derive(move || selected.get()) palette hidden group_label=series_label/>
            <div class="chart-card__plot" node_ref=plot_ref tabindex="0" role="group"
                aria-label=text(Msg::ChartPlotLabel) aria-describedby=help_id.clone()
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
            </div>
            <p class="chart-card__help" id=help_id>{text(Msg::ChartHelp)}</p>
            <p class="chart-sr-only" aria-live="polite" id=live_id>{move || announcement.get()}</p>
        </div>
        {move || show_table.get().then(|| view! {
            <ChartTable caption=title rows=Signal::derive(move || table_rows.get()) source=source.clone() region_id=table_id.clone()/>
        })}
        <details class="chart-card__words">
            <summary>{text(Msg::ChartInWords)}</summary>
            {move || paragraphs().into_iter().map(|p| view! { <p>{p}</p> }).collect_view()}
        </details>
        <div class="chart-card__footer">{footer}</div>
        <div class="chart-card__downloads" role="group" aria-label=text(Msg::ChartDownloadLabel)>
            <span class="chart-card__downloads-label" aria-hidden="true">{text(Msg::Download)} ":"</span>
            {Format::ALL.into_iter().map(|format| {
                let download = download.clone();
                view! {
                    <button type="button" data-format=format.extension()
                        on:click=move |_| download(format)>{text(download_label(format))}</button>
                }
            }).collect_view()}
        </div>
        <ShareMenu key state titles source=share_source/>
    }
}
