//! A figure's own page (`<lang>/figures/<id>/`): the number a journalist cites, with its
//! unit and qualifier, date and confidence, every source with the day it was read, the
//! note, the figures it disagrees with side by side, the charts and pages that show it,
//! the release it belongs to and how it changed, and citations ready to copy.

use crate::components::citation::Citations;
use crate::components::figure::confidence_key;
use crate::components::sourced::ConfidenceBadge;
use crate::context::use_site;
use klaster_core::charts::{extract, ChartId};
use klaster_core::embed::{chart_page_file, portal_url, ChartState};
use klaster_core::feed::{change_anchor, release_anchor};
use klaster_core::finder::ListedFigure;
use klaster_core::format::{format_date, format_value};
use klaster_core::i18n::{confidence_help, confidence_label, page_title, Msg};
use klaster_core::link::web_address;
use klaster_core::queries::{cited_sources, find_actor};
use klaster_core::release::change_kind_label;
use klaster_core::route::Page;
use leptos::prelude::*;

#[component]
pub fn FigurePage(id: String) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    // The build renders a page only for the figures the index lists.
    let Some(listed) = site.index.figure(&id).cloned() else {
        return ().into_any();
    };
    let figure = listed.figure.clone();
    let topic = site
        .package
        .descriptor
        .resource(listed.resource)
        .map(|r| r.title_in(locale).to_string());
    let about = listed
        .about
        .as_deref()
        .and_then(|actor| find_actor(site.actors(), actor))
        .map(|actor| actor.name.get(locale).to_string());
    let confidence = figure.confidence;
    view! {
        <article class="page figure-page" data-figure=figure.id.clone()>
            <p class="figure-page__up">
                <a href=site.page_link(locale, &Page::Figures)>{Msg::FiguresTitle.get(locale)}</a>
                {topic.clone().map(|topic| view! { " · " <span>{topic}</span> })}
            </p>
            <h1>{figure.label.get(locale).to_string()}</h1>
            <p class="figure-page__value" data-confidence=confidence_key(confidence)>
                {format_value(figure.value, figure.unit, figure.qualifier, locale)}
                " " <ConfidenceBadge confidence/>
            </p>
            <dl class="figure-page__facts">
                <dt>{Msg::AsOf.get(locale)}</dt>
                <dd><time datetime=figure.as_of.to_string()>{format_date(figure.as_of, locale)}</time></dd>
                <dt>{Msg::ConfidenceLabel.get(locale)}</dt>
                <dd>
                    <strong>{confidence_label(confidence).get(locale)}</strong>
                    ": " {confidence_help(confidence).get(locale)}
                </dd>
                {about.map(|about| view! {
                    <dt>{Msg::FigureAbout.get(locale)}</dt>
                    <dd>{about}</dd>
                })}
                {topic.map(|topic| view! {
                    <dt>{Msg::FigureTopicLabel.get(locale)}</dt>
                    <dd>{topic}</dd>
                })}
                {figure.note.clone().map(|note| view! {
                    <dt>{Msg::Note.get(locale)}</dt>
                    <dd>{note.get(locale).to_string()}</dd>
                })}
                <dt>{Msg::FigureIdLabel.get(locale)}</dt>
                <dd><code>{figure.id.clone()}</code></dd>
            </dl>
            <SourceEntries ids=figure.sources.clone()/>
            <Conflicts listed=listed.clone()/>
            <Uses id=figure.id.clone()/>
            <ReleaseAndHistory listed=listed.clone()/>
            <Citations listed/>
        </article>
        <script src=site.link("figures.js") defer></script>
    }
    .into_any()
}

/// Every source of the figure: title (in its own language), publisher, publication date,
/// the day it was read, and the link.
#[component]
fn SourceEntries(ids: Vec<String>) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let sources: Vec<_> = cited_sources(site.sources(), &ids)
        .into_iter()
        .cloned()
        .collect();
    view! {
        <section aria-labelledby="figure-sources">
            <h2 id="figure-sources">{Msg::FigureSourcesTitle.get(locale)}</h2>
            <ul class="source-list figure-page__sources">
                {sources.into_iter().map(|source| {
                    let dates = [
                        source.published.map(|d| format!("{} {}", Msg::FigureSourcePublished.get(locale), format_date(d, locale))),
                        source.accessed.map(|d| format!("{} {}", Msg::FigureSourceAccessed.get(locale), format_date(d, locale))),
                    ];
                    let meta: Vec<String> = std::iter::once(source.publisher.clone())
                        .chain(dates.into_iter().flatten())
                        .collect();
                    view! {
                        <li>
                            <a href=web_address(&source.url).map(str::to_string) rel="noopener noreferrer"
                                lang=source.title_language().to_string() hreflang=source.language.clone()>
                                {source.title.clone()}
                            </a>
                            <span class="source-list__meta">{meta.join(" · ")}</span>
                            <span class="source-list__url" dir="ltr">{source.url.clone()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// The figures this one disagrees with, side by side with it.
#[component]
fn Conflicts(listed: ListedFigure) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let others: Vec<ListedFigure> = listed
        .figure
        .conflicts_with
        .iter()
        .filter_map(|id| site.index.figure(id).cloned())
        .collect();
    (!others.is_empty()).then(|| {
        let cards = std::iter::once((listed.clone(), true))
            .chain(others.into_iter().map(|other| (other, false)))
            .map(|(other, this)| {
                let figure = other.figure;
                let publishers = klaster_core::queries::publishers(site.sources(), &figure.sources).join(", ");
                view! {
                    <div class="figure" class:figure--this=this data-confidence=confidence_key(figure.confidence)>
                        <p class="figure__value">{format_value(figure.value, figure.unit, figure.qualifier, locale)}</p>
                        <p class="figure__label">
                            {if this {
                                view! { <span>{figure.label.get(locale).to_string()}</span> }.into_any()
                            } else {
                                view! { <a href=site.figure_link(&figure.id)>{figure.label.get(locale).to_string()}</a> }.into_any()
                            }}
                        </p>
                        <p class="figure__meta">
                            {format_date(figure.as_of, locale)} " · " {confidence_label(figure.confidence).get(locale)}
                            " · " {publishers}
                        </p>
                    </div>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="figure-conflicts">
                <h2 id="figure-conflicts">{Msg::ConflictingFigures.get(locale)}</h2>
                <p>{Msg::FigureConflictsLead.get(locale)}</p>
                <div class="conflict-pair">{cards}</div>
            </section>
        }
    })
}

/// The charts that draw the figure and the pages that show it, each a link.
#[component]
fn Uses(id: String) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let charts: Vec<ChartId> = site.index.charts_of(&id).to_vec();
    let pages = site.index.pages_of(&id);
    let nowhere = charts.is_empty() && pages.is_empty();
    let chart_items = charts
        .into_iter()
        .filter_map(|chart| {
            let title = extract(chart, &site.package.resources)
                .ok()?
                .spec
                .title
                .get(locale)
                .to_string();
            let portal = portal_url(&site.link(""), locale, &ChartState::new(chart));
            Some(view! {
                <li>
                    <a href=portal>{title}</a> " ("
                    <a href=site.link(&chart_page_file(chart, locale))>{page_title(&chart.entry().page).get(locale)}</a> ")"
                </li>
            })
        })
        .collect_view();
    let page_items = pages
        .into_iter()
        .map(|page| view! { <li><a href=site.page_link(locale, &page)>{page_title(&page).get(locale)}</a></li> })
        .collect_view();
    view! {
        <section aria-labelledby="figure-uses">
            <h2 id="figure-uses">{Msg::FigureUsedTitle.get(locale)}</h2>
            {if nowhere {
                view! { <p>{Msg::FigureUsedNowhere.get(locale)}</p> }.into_any()
            } else {
                view! {
                    <div class="figure-page__uses">
                        <div><h3>{Msg::FigureUsedPages.get(locale)}</h3><ul data-uses="pages">{page_items}</ul></div>
                        <div><h3>{Msg::FigureUsedCharts.get(locale)}</h3><ul data-uses="charts">{chart_items}</ul></div>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

/// The release the figure is cited from, its unchanging file, what earlier releases said
/// and every change that named it.
#[component]
fn ReleaseAndHistory(listed: ListedFigure) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let id = listed.figure.id.clone();
    let release = site.index.latest.clone();
    let data_page = site.page_link(locale, &Page::Data);
    let file = site
        .package
        .descriptor
        .resource(listed.resource)
        .map(|r| r.path.clone());
    let current = release.as_ref().map(|release| {
        let version = release.version.clone();
        let href = file.map(|path| site.link(&format!("data/releases/{version}/{path}")));
        view! {
            <p data-release=version.clone()>
                <a href=format!("{data_page}#{}", release_anchor(&version))>
                    {Msg::FigureInRelease.fill(locale, &[("version", &version), ("date", &format_date(release.date, locale))])}
                </a>
                {href.map(|href| view! { " " <a href=href>{Msg::FigureReleaseFile.get(locale)}</a> })}
            </p>
        }
    });
    let history = site.index.history(&id);
    let same = !history.is_empty()
        && history
            .iter()
            .all(|(_, old)| old.is_some_and(|old| old.figure == listed.figure));
    let differing: Vec<_> = history
        .into_iter()
        .filter(|(_, old)| old.is_none_or(|old| old.figure != listed.figure))
        .map(|(release, old)| {
            let value = old.map_or_else(
                || Msg::FigureHistoryAbsent.get(locale).to_string(),
                |old| {
                    let f = &old.figure;
                    format!(
                        "{} · {} · {}",
                        format_value(f.value, f.unit, f.qualifier, locale),
                        f.label.get(locale),
                        format_date(f.as_of, locale)
                    )
                },
            );
            view! {
                <tr>
                    <th scope="row">{release.version.clone()} " (" {format_date(release.date, locale)} ")"</th>
                    <td>{value}</td>
                </tr>
            }
        })
        .collect::<Vec<_>>();
    let changes: Vec<_> = site
        .package
        .descriptor
        .releases
        .iter()
        .flat_map(|release| {
            release
                .changes
                .iter()
                .enumerate()
                .filter(|(_, change)| change.ids.contains(&id))
                .map(move |(index, change)| (release, index, change))
        })
        .map(|(release, index, change)| {
            view! {
                <li>
                    <a href=format!("{data_page}#{}", change_anchor(&release.version, index))>
                        {release.version.clone()} " (" {format_date(release.date, locale)} ")"
                    </a>
                    ": " <strong>{change_kind_label(change.kind).get(locale)}</strong> ". "
                    {change.text.get(locale).to_string()}
                </li>
            }
        })
        .collect();
    view! {
        <section aria-labelledby="figure-release">
            <h2 id="figure-release">{Msg::FigureReleaseTitle.get(locale)}</h2>
            {current}
            {same.then(|| view! { <p>{Msg::FigureHistorySame.get(locale)}</p> })}
            {(!differing.is_empty()).then(|| view! {
                <h3>{Msg::FigureHistoryTitle.get(locale)}</h3>
                <table class="data-table figure-page__history"><tbody>{differing}</tbody></table>
            })}
            {(!changes.is_empty()).then(|| view! {
                <h3>{Msg::FigureChangesTitle.get(locale)}</h3>
                <ul class="figure-page__changes">{changes}</ul>
            })}
        </section>
    }
}
