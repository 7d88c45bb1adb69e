//! A chart card's words around its plot: title, the values as a table, the chart in
//! sentences, sources, notes and date. The same functions render the card ahead of time
//! (its static form) and in the browser (its live form, for the metric a reader picks),
//! so both read, and stand, exactly alike.

use klaster_core::charts::describe::describe;
use klaster_core::charts::export::{rows, text_table, SourceIndex};
use klaster_core::charts::layout::LegendMark;
use klaster_core::charts::model::ChartData;
use klaster_core::charts::ChartId;
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use klaster_core::link::web_address;
use klaster_core::queries::{cited_sources, publishers_in_their_language};
use klaster_core::resources::Source;
use klaster_core::Locale;
use leptos::prelude::*;

/// Whether the card is the page (a chart's own page: its title is the `h1`) or one
/// card among a page's sections.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Page,
    Section,
}

/// The id of the card's title, which the card is labelled by.
pub fn title_id(card: ChartId) -> String {
    format!("chart-{}-title", card.as_str())
}

pub fn card_head(card: ChartId, chart: &ChartData, locale: Locale, heading: Heading) -> AnyView {
    let title = chart.spec.title.get(locale).to_string();
    let subtitle = chart.spec.subtitle.get(locale).to_string();
    let title = match heading {
        Heading::Page => {
            view! { <h1 class="chart-card__title" id=title_id(card)>{title}</h1> }.into_any()
        }
        Heading::Section => {
            view! { <h3 class="chart-card__title" id=title_id(card)>{title}</h3> }.into_any()
        }
    };
    view! {
        <div class="chart-card__head">
            {title}
            <p class="chart-card__subtitle">{subtitle}</p>
        </div>
    }
    .into_any()
}

/// What the card's words are made from.
pub struct Words<'a> {
    pub locale: Locale,
    pub sources: &'a [Source],
    pub index: &'a SourceIndex,
}

/// The values as a table, and the chart in sentences, each behind a native `<details>`:
/// readable with no script, and short until a reader asks.
pub fn card_details(card: ChartId, chart: &ChartData, words: &Words, table_open: bool) -> AnyView {
    let locale = words.locale;
    let table = text_table(&rows(chart), locale, words.index, words.sources);
    let caption = chart.spec.title.get(locale).to_string();
    let headings = table
        .headings
        .iter()
        .map(|msg| view! { <th scope="col">{msg.get(locale)}</th> })
        .collect_view();
    let body = table
        .rows
        .into_iter()
        .map(|row| {
            let mut cells = row.cells.into_iter();
            let first = cells.next().unwrap_or_default();
            // The last cell, the publishers, is written from the names in their languages.
            let middle: Vec<String> = cells.collect();
            let middle = &middle[..middle.len().saturating_sub(1)];
            view! {
                <tr data-confidence=row.warned.map(|c| c.key())>
                    <th scope="row">{first}</th>
                    {middle.iter().map(|cell| view! { <td>{cell.clone()}</td> }).collect_view()}
                    <td>{publisher_names(&row.publishers, "; ")}</td>
                </tr>
            }
        })
        .collect_view();
    let paragraphs = describe(chart, locale)
        .into_iter()
        .map(|p| view! { <p>{p}</p> })
        .collect_view();
    view! {
        <details class="chart-card__table" open=table_open>
            <summary aria-label=Msg::ChartTableSummary.get(locale)>{Msg::ChartTableShort.get(locale)}</summary>
            <div class="table-scroll chart-table" tabindex="0" role="region"
                id=format!("chart-{}-table", card.as_str()) aria-label=Msg::ChartTableRegion.get(locale)>
                <table class="data-table">
                    <caption><span>{caption}</span></caption>
                    <thead><tr>{headings}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </details>
        <details class="chart-card__words">
            <summary aria-label=Msg::ChartInWords.get(locale)>{Msg::ChartInWordsShort.get(locale)}</summary>
            {paragraphs}
        </details>
    }
    .into_any()
}

/// Sources, notes and the date the chart describes. `compact`: the sources as one line
/// of publishers that opens to the full citations (embeds).
pub fn card_footer(chart: &ChartData, words: &Words, compact: bool) -> AnyView {
    let locale = words.locale;
    let ids: Vec<String> = words
        .index
        .all(&rows(chart))
        .into_iter()
        .map(String::from)
        .collect();
    let notes = chart
        .spec
        .notes
        .iter()
        .map(|note| view! { <p class="chart-card__note">{note.get(locale).to_string()}</p> })
        .collect_view();
    let as_of = chart.spec.as_of.map(|date| {
        view! { <p class="chart-card__as-of">{Msg::AsOf.get(locale)} ": " {format_date(date, locale)}</p> }
    });
    view! {
        <div class="chart-card__footer">
            {source_line(&ids, words.sources, locale, compact)}
            {notes}
            {as_of}
        </div>
    }
    .into_any()
}

/// "Sources:" and the sources behind `ids`. `compact`: one line naming the publishers,
/// the full citations one click away, so an embed does not push the article down.
pub fn source_line(
    ids: &[String],
    sources: &[Source],
    locale: Locale,
    compact: bool,
) -> Option<AnyView> {
    if ids.is_empty() {
        return None;
    }
    let label = Msg::Sources.get(locale);
    Some(if compact {
        let publishers: Vec<(String, String)> = publishers_in_their_language(sources, ids)
            .into_iter()
            .map(|(name, lang)| (name.to_string(), lang.to_string()))
            .collect();
        let publishers = publisher_names(&publishers, ", ");
        view! {
            <details class="source-line source-line--compact">
                <summary>
                    <span class="source-line__label">{label} ":"</span> " " {publishers}
                </summary>
                {source_list(ids, sources, locale)}
            </details>
        }
        .into_any()
    } else {
        view! {
            <div class="source-line">
                <span class="source-line__label">{label} ":"</span>
                {source_list(ids, sources, locale)}
            </div>
        }
        .into_any()
    })
}

/// The sources behind `ids` as links, with publisher and publication date. A title keeps
/// its own language (`lang`), so a screen reader pronounces it right on either page.
pub fn source_list(ids: &[String], sources: &[Source], locale: Locale) -> AnyView {
    let cited: Vec<Source> = cited_sources(sources, ids).into_iter().cloned().collect();
    view! {
        <ul>
            {cited.into_iter().map(|source| {
                let title_lang = source.title_language().to_string();
                view! {
                <li>
                    <a href=web_address(&source.url).map(str::to_string) rel="noopener noreferrer"
                        target="_blank" lang=title_lang.clone() hreflang=source.language.clone()>{source.title}</a>
                    // The publisher's name as that publication writes it, in its language.
                    " (" <span lang=title_lang.clone()>{source.publisher}</span>
                    {source.published.map(|date| format!(", {}", format_date(date, locale)))} ")"
                </li>
                }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Publishers' names, each in its own language, `between` them.
fn publisher_names(publishers: &[(String, String)], between: &'static str) -> AnyView {
    publishers
        .iter()
        .enumerate()
        .map(|(at, (name, lang))| {
            view! {
                {(at > 0).then_some(between)}
                <span lang=lang.clone()>{name.clone()}</span>
            }
        })
        .collect_view()
        .into_any()
}

/// The published files of a chart, in the order offered.
const DOWNLOADS: [(&str, Msg); 4] = [
    ("png", Msg::ChartDownloadPng),
    ("svg", Msg::ChartDownloadSvg),
    ("csv", Msg::ChartDownloadCsv),
    ("json", Msg::ChartDownloadJson),
];

/// The chart as PNG and SVG and its data as CSV and JSON: files the build published
/// (`charts/<id>-<lang>.<ext>`), so plain links that work with no script.
pub fn card_downloads(chart: ChartId, locale: Locale, root: &str) -> AnyView {
    let links = DOWNLOADS
        .into_iter()
        .map(|(extension, label)| {
            let file = klaster_core::embed::image_file(chart, locale, extension);
            let name = file.trim_start_matches("charts/").to_string();
            view! {
                <a href=format!("{root}{file}") download=name data-format=extension>{label.get(locale)}</a>
            }
        })
        .collect_view();
    view! {
        <details class="chart-card__downloads">
            <summary aria-label=Msg::ChartDownloadLabel.get(locale)>{Msg::ChartDownloadShort.get(locale)}</summary>
            <div class="chart-card__download-links" role="group" aria-label=Msg::ChartDownloadLabel.get(locale)>{links}</div>
        </details>
    }
    .into_any()
}

/// A legend's entries: each mark with its words.
pub type LegendEntries = Vec<(LegendMark, String)>;

/// A legend's entries split as a card shows them: series a reader can switch off (when
/// there are two or more), and the keys to marks that are not series.
pub fn legend_groups(entries: LegendEntries) -> (LegendEntries, LegendEntries) {
    let count = entries
        .iter()
        .filter(|(mark, _)| matches!(mark, LegendMark::Series(..)))
        .count();
    entries
        .into_iter()
        .partition(|(mark, _)| matches!(mark, LegendMark::Series(..)) && count > 1)
}
