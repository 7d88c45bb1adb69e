//! A chart card as the build renders it: the chart's words, its body as a picture the
//! publisher drew with the same drawing function (one file per width in
//! `charts/body/`, in both palettes) and its legend, inside the island that later brings
//! the chart to life, then its table, sources and downloads, and the share menu (an
//! island of its own). All of it is plain HTML that reads with no script.

use super::content::{
    card_details, card_downloads, card_footer, card_head, legend_groups, title_id, Heading, Words,
};
use super::island::ChartIsland;
use super::share::ShareIsland;
use crate::context::use_site;
use klaster_core::charts::describe::describe;
use klaster_core::charts::export::SourceIndex;
use klaster_core::charts::frame::{on_screen, Frame, VARIANTS};
use klaster_core::charts::layout::LegendMark;
use klaster_core::charts::model::ChartData;
use klaster_core::charts::svg::render_swatch_svg;
use klaster_core::charts::{extract, ChartId, ParkTopic};
use klaster_core::embed::{body_image_file, card_anchor, charts_of_card, data_version};
use klaster_core::i18n::Msg;
use klaster_core::Locale;
use leptos::prelude::*;

#[component]
pub fn ChartCard(chart: ChartId) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let package = site.package.clone();
    let embed = site.in_embed();
    // Every chart of the card (the park card has one per metric), each with its words; the
    // first is shown, the others wait for the live card's metric switch.
    let charts: Vec<(ChartId, ChartData)> = match charts_of_card(chart)
        .into_iter()
        .map(|id| extract(id, &package.resources).map(|data| (id, data)))
        .collect::<Result<_, _>>()
    {
        Ok(charts) => charts,
        // The build stops on a chart that does not extract (crates/site checks every
        // chart first), so this is the card's own account of a package that changed.
        Err(problem) => {
            return view! {
                <p class="status status--error" data-chart-problem=problem.to_string()>{Msg::ChartUnavailable.get(locale)}</p>
            }
            .into_any()
        }
    };
    let Some((_, first)) = charts.first() else {
        return ().into_any();
    };
    let index = SourceIndex::new(&package.resources);
    // A frozen release's page shows that release's pictures and files, and stays as the
    // build wrote it: no live plot that would read newer data.
    let files = site.files_root();
    let pinned = site.release().is_some();
    let words = Words {
        locale,
        sources: site.sources(),
        index: &index,
    };
    let heading = if embed {
        Heading::Page
    } else {
        Heading::Section
    };
    let heads = charts
        .iter()
        .map(|(id, data)| {
            view! {
                <div class="chart-card__top" data-chart=id.as_str() hidden=*id != chart>
                    {card_head(*id, data, locale, heading)}
                </div>
            }
        })
        .collect_view();
    let more = charts
        .iter()
        .map(|(id, data)| {
            view! {
                <div class="chart-card__more" data-chart=id.as_str() hidden=*id != chart>
                    {card_details(*id, data, &words, false)}
                    {card_footer(data, &words, true)}
                    {card_downloads(*id, locale, &files)}
                </div>
            }
        })
        .collect_view();
    let plot = static_plot(chart, first, locale, &files, embed, &|id| {
        site.chart_link(id)
    });
    let version = data_version(&package.descriptor, chart.entry().needs);
    let titles: Vec<(String, String, String)> = charts
        .iter()
        .map(|(id, data)| {
            (
                id.as_str().to_string(),
                data.spec.title.get(Locale::Az).to_string(),
                data.spec.title.get(Locale::En).to_string(),
            )
        })
        .collect();
    view! {
        <div class="chart-card" id=card_anchor(chart) role="group" aria-labelledby=title_id(chart)
            data-chart=chart.as_str()>
            {heads}
            {if pinned {
                view! { <div class="chart-card__static">{plot}</div> }.into_any()
            } else {
                view! {
                    <ChartIsland card=chart.as_str().to_string() lang=locale.tag().to_string()
                        root=site.root.clone() embed>
                        <div class="chart-card__static">{plot}</div>
                    </ChartIsland>
                }.into_any()
            }}
            <p class="status status--notice chart-card__boot-failed" data-boot-failed-notice="" hidden>
                {Msg::EmbedBootFailed.get(locale)}
            </p>
            {more}
            {(!embed).then(|| view! {
                <ShareIsland card=chart.as_str().to_string() lang=locale.tag().to_string()
                    root=site.root.clone() version release=package.descriptor.version.clone() titles/>
            })}
        </div>
    }
    .into_any()
}

/// The chart's body as the page shows it before its code wakes up: the legend in HTML
/// and the picture, one file per width of [`VARIANTS`], each with its size so nothing
/// moves when it arrives. The live canvas later takes the picture's place at its height.
fn static_plot(
    chart: ChartId,
    data: &ChartData,
    locale: Locale,
    files: &str,
    embed: bool,
    page_of: &dyn Fn(ChartId) -> String,
) -> AnyView {
    let shown = on_screen(data);
    let frames: Vec<_> = VARIANTS
        .into_iter()
        .map(|variant| {
            (
                variant,
                Frame::new(&shown, locale, f64::from(variant.width)),
            )
        })
        .collect();
    let Some((last, widest)) = frames.last() else {
        return ().into_any();
    };
    let legend = static_legend(data, &widest.legend);
    let file = |name: &str| format!("{files}{}", body_image_file(chart, locale, name));
    let sources = frames[..frames.len() - 1]
        .iter()
        .map(|(variant, frame)| {
            view! {
                <source media=variant.media() srcset=file(variant.name)
                    width=frame.width.to_string() height=frame.height.to_string()/>
            }
        })
        .collect_view();
    let alt = describe(data, locale)
        .into_iter()
        .next()
        .unwrap_or_default();
    let metrics = matches!(chart, ChartId::Park(_)).then(|| park_links(chart, locale, page_of));
    // An embed answers the pointer and keys from its picture's value map (boot.js): the
    // words it needs for that are here, hidden until then.
    let help_id = format!("chart-{}-values-help", chart.as_str());
    let label = embed.then(|| Msg::ChartPlotLabel.get(locale));
    view! {
        {metrics}
        <div class="chart-card__chart">
            {legend}
            <div class="chart-card__plot" data-values-label=label>
                <picture class="chart-card__picture">
                    {sources}
                    <img src=file(last.name) width=widest.width.to_string() height=widest.height.to_string()
                        alt=alt loading=if embed { "eager" } else { "lazy" } decoding="async"/>
                </picture>
                {embed.then(|| view! {
                    <p class="chart-card__help" id=help_id hidden>{Msg::ChartHelp.get(locale)}</p>
                })}
            </div>
            {embed.then(|| view! { <p class="chart-sr-only" aria-live="polite" data-values-said=""></p> })}
        </div>
    }
    .into_any()
}

/// A series entry's style index, which an embed's address names to hide it (`hide=`).
fn series_style(mark: LegendMark) -> Option<String> {
    match mark {
        LegendMark::Series(style, _) => Some(style.to_string()),
        _ => None,
    }
}

/// The legend as the live card will show it, with its marks drawn in SVG by the core;
/// the series toggles are plain words until the card wakes up (in an embed, until a reader
/// engages: a press then brings the live card with that series hidden).
fn static_legend(
    data: &ChartData,
    entries: &[klaster_core::charts::layout::LegendEntry],
) -> AnyView {
    let entries: Vec<(LegendMark, String)> = entries
        .iter()
        .map(|e| (e.mark, e.label.text.clone()))
        .collect();
    let swatch = |mark: LegendMark| render_swatch_svg(data, mark).unwrap_or_default();
    let (series, keys) = legend_groups(entries);
    let series = (!series.is_empty()).then(|| {
        view! {
            <div class="chart-legend__series">
                {series.into_iter().map(|(mark, label)| view! {
                    <span class="chart-legend__toggle chart-legend__toggle--static"
                        data-series=series_style(mark)>
                        <span class="chart-legend__swatch" inner_html=swatch(mark)></span>
                        <span>{label}</span>
                    </span>
                }).collect_view()}
            </div>
        }
    });
    let keys = (!keys.is_empty()).then(|| {
        view! {
            <ul class="chart-legend__keys">
                {keys.into_iter().map(|(mark, label)| view! {
                    <li><span class="chart-legend__swatch" inner_html=swatch(mark)></span><span>{label}</span></li>
                }).collect_view()}
            </ul>
        }
    });
    view! { <div class="chart-legend">{series}{keys}</div> }.into_any()
}

/// The park card shows one metric at a time; with no script, the others are their own
/// chart pages, one link each, where the live card offers a switch.
fn park_links(chart: ChartId, locale: Locale, page_of: &dyn Fn(ChartId) -> String) -> AnyView {
    let links = ParkTopic::ALL
        .into_iter()
        .map(|topic| {
            let id = ChartId::Park(topic);
            let name = super::topic_name(topic).get(locale);
            if id == chart {
                view! { <li><strong aria-current="true">{name}</strong></li> }.into_any()
            } else {
                view! { <li><a href=page_of(id)>{name}</a></li> }.into_any()
            }
        })
        .collect_view();
    view! {
        <nav class="chart-card__metric chart-card__metric--static" aria-label=Msg::ChartMetricLabel.get(locale)>
            <span class="chart-card__metric-label">{Msg::ChartMetricLabel.get(locale)}</span>
            <ul>{links}</ul>
        </nav>
    }
    .into_any()
}
