//! The finder (`<lang>/figures/`): every figure of the package, grouped by topic, each
//! with its value, label, date, confidence and a link to its page. All of it is HTML, so
//! with no script the whole list reads; `figures.js` adds the filter by words, topic,
//! confidence and year as the reader types (each row carries its search key, folded by
//! `klaster_core::finder::search_key`, and the page carries the fold table), the count,
//! the address that keeps the filter, and the CSV and JSON of what is shown.

use crate::components::figure::confidence_key;
use crate::context::use_site;
use klaster_core::finder::{fold_table_json, search_key, topics, ListedFigure};
use klaster_core::format::{format_date, format_value};
use klaster_core::i18n::{confidence_label, Msg};
use klaster_core::queries::{find_actor, publishers};
use klaster_core::{Confidence, Locale};
use leptos::prelude::*;

#[component]
pub fn FiguresPage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let figures = &site.index.figures;
    let mut years: Vec<u16> = figures.iter().map(|l| l.figure.as_of.year).collect();
    years.sort_unstable();
    years.dedup();
    let topic_titles: Vec<(String, String)> = topics(figures)
        .into_iter()
        .map(|name| {
            let title = site
                .package
                .descriptor
                .resource(name)
                .map_or(name.as_str(), |r| r.title_in(locale))
                .to_string();
            (name.as_str().to_string(), title)
        })
        .collect();
    let groups = topic_titles
        .iter()
        .map(|(topic, title)| {
            let rows: Vec<&ListedFigure> = figures
                .iter()
                .filter(|l| l.resource.as_str() == topic)
                .collect();
            let heading = format!("topic-{topic}");
            let labelled_by = heading.clone();
            let count = rows.len();
            view! {
                <section class="finder__group" aria-labelledby=labelled_by data-topic-group=topic.clone()>
                    <h2 id=heading>{title.clone()} " " <span class="finder__group-count">"(" {count} ")"</span></h2>
                    <ul class="finder__list">
                        {rows.into_iter().map(|listed| view! { <FinderRow listed=listed.clone()/> }).collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    let total = figures.len().to_string();
    let year_options = move || {
        years
            .iter()
            .map(|year| view! { <option value=year.to_string()>{year.to_string()}</option> })
            .collect_view()
    };
    view! {
        <article class="page finder" data-fold=fold_table_json()>
            <h1>{Msg::FiguresTitle.get(locale)}</h1>
            <p class="lead">{Msg::FinderLead.get(locale)}</p>
            <form class="finder__filter" role="search" method="get" action=""
                aria-label=Msg::FinderFilter.get(locale)>
                <p class="finder__field finder__field--words">
                    <label for="finder-q">{Msg::FinderWords.get(locale)}</label>
                    <input type="search" id="finder-q" name="q" autocomplete="off" spellcheck="false"
                        aria-describedby="finder-q-hint"/>
                    <span class="finder__hint" id="finder-q-hint">{Msg::FinderWordsHint.get(locale)}</span>
                </p>
                <p class="finder__field">
                    <label for="finder-topic">{Msg::FinderTopic.get(locale)}</label>
                    <select id="finder-topic" name="topic">
                        <option value="">{Msg::FinderAnyTopic.get(locale)}</option>
                        {topic_titles.iter().map(|(topic, title)| view! {
                            <option value=topic.clone()>{title.clone()}</option>
                        }).collect_view()}
                    </select>
                </p>
                <p class="finder__field">
                    <label for="finder-confidence">{Msg::ConfidenceLabel.get(locale)}</label>
                    <select id="finder-confidence" name="confidence">
                        <option value="">{Msg::FinderAnyConfidence.get(locale)}</option>
                        {Confidence::ALL.into_iter().map(|c| view! {
                            <option value=c.key()>{confidence_label(c).get(locale)}</option>
                        }).collect_view()}
                    </select>
                </p>
                <p class="finder__field">
                    <label for="finder-from">{Msg::FinderFrom.get(locale)}</label>
                    <select id="finder-from" name="from">
                        <option value="">{Msg::FinderAnyYear.get(locale)}</option>
                        {year_options()}
                    </select>
                </p>
                <p class="finder__field">
                    <label for="finder-to">{Msg::FinderTo.get(locale)}</label>
                    <select id="finder-to" name="to">
                        <option value="">{Msg::FinderAnyYear.get(locale)}</option>
                        {year_options()}
                    </select>
                </p>
                <p class="finder__actions">
                    <button type="reset">{Msg::FinderClear.get(locale)}</button>
                    <button type="button" data-download="csv">{Msg::FinderDownloadCsv.get(locale)}</button>
                    <button type="button" data-download="json">{Msg::FinderDownloadJson.get(locale)}</button>
                </p>
            </form>
            <p class="finder__count" role="status" aria-live="polite" data-count=Msg::FinderCount.get(locale)
                data-total=total.clone() data-none=Msg::FinderNone.get(locale)>
                {Msg::FinderCount.fill(locale, &[("shown", &total), ("total", &total)])}
            </p>
            {groups}
        </article>
        <script src=site.link("figures.js") defer></script>
    }
}

/// One figure of the list: its value and label linking to its page, who it is about,
/// its date and its confidence, and what the filter and the downloads read.
#[component]
fn FinderRow(listed: ListedFigure) -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let figure = &listed.figure;
    let about = listed
        .about
        .as_deref()
        .and_then(|actor| find_actor(site.actors(), actor))
        .map(|actor| actor.name.get(locale).to_string());
    let value = format_value(figure.value, figure.unit, figure.qualifier, locale);
    let label = figure.label.get(locale).to_string();
    let date = format_date(figure.as_of, locale);
    let publishers = publishers(site.sources(), &figure.sources).join(", ");
    // Both languages' words, so a reader finds a figure whichever language they type in.
    let key = search_key(
        &[
            value.as_str(),
            figure.label.get(Locale::Az),
            figure.label.get(Locale::En),
            about.as_deref().unwrap_or_default(),
            date.as_str(),
            &publishers,
            &figure.id,
        ]
        .join(" "),
    );
    let confidence = figure.confidence;
    view! {
        <li class="finder__row" data-key=key data-id=figure.id.clone() data-topic=listed.resource.as_str()
            data-confidence=confidence.key() data-year=figure.as_of.year.to_string()
            data-as-of=figure.as_of.to_string() data-value=figure.value.to_string()
            data-unit=unit_key(figure) data-qualifier=qualifier_key(figure)
            data-sources=figure.sources.join(" ")>
            <a class="finder__link" href=site.figure_link(&figure.id)>
                <span class="finder__value">{value}</span>
                <span class="finder__label">{label}</span>
            </a>
            <span class="finder__meta">
                {about.map(|about| view! { <span>{about}</span> " · " })}
                <time datetime=figure.as_of.to_string()>{date}</time> " · "
                <span class="badge" data-confidence=confidence_key(confidence)>{confidence_label(confidence).get(locale)}</span>
            </span>
        </li>
    }
}

/// The unit as the data package writes it (`mt_co2e`), for the downloads.
fn unit_key(figure: &klaster_core::Figure<()>) -> String {
    serde_json::to_value(figure.unit)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn qualifier_key(figure: &klaster_core::Figure<()>) -> String {
    serde_json::to_value(figure.qualifier)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
