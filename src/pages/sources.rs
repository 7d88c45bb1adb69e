//! Sources and methodology: the confidence scale, the known discrepancies with every
//! pair of conflicting figures side by side, and every source of the package.

use crate::components::confidence_scale::ConfidenceScale;
use crate::components::figure::SourcedValue;
use crate::components::fold::Fold;
use crate::components::on_this_page::{BackToTop, OnThisPage, Section, SectionRef};
use crate::context::use_site;
use klaster_core::figure::conflict_pairs;
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use klaster_core::link::web_address;
use klaster_core::resources::Source;
use klaster_core::Locale;
use leptos::prelude::*;

/// The page's sections, in reading order: the "On this page" list and the sections share them.
const CONFIDENCE_SCALE: SectionRef = ("confidence-scale", Msg::ConfidenceScale);
const SOURCE_LIST: SectionRef = ("source-list", Msg::Sources);
const DISCREPANCIES: SectionRef = ("discrepancies", Msg::DiscrepanciesTitle);
const SECTIONS: [SectionRef; 3] = [CONFIDENCE_SCALE, DISCREPANCIES, SOURCE_LIST];

#[component]
pub fn SourcesPage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let mut list = site.sources().to_vec();
    list.sort_by(|a, b| {
        b.published
            .cmp(&a.published)
            .then_with(|| a.title.cmp(&b.title))
    });
    view! {
        <article class="page">
            <h1>{Msg::SourcesTitle.get(locale)}</h1>
            <p class="lead">{Msg::SourcesLead.get(locale)}</p>
            <OnThisPage sections=&SECTIONS/>
            <Section section=CONFIDENCE_SCALE>
                <ConfidenceScale/>
            </Section>
            <Discrepancies/>
            <Section section=SOURCE_LIST>
                <p>{Msg::SourcesByPublisher.get(locale)}</p>
                <ul class="source-groups">
                    {by_publisher(site.sources()).into_iter().map(|(publisher, sources)| view! {
                        <li>
                            <details class="source-group">
                                <summary>
                                    <span class="source-group__name" lang=sources.first().map(|s| s.title_language().to_string())>{publisher}</span>
                                    " (" {sources.len()} ")"
                                </summary>
                                <ol class="source-list">
                                    {sources.into_iter().map(|source| source_item(source, locale)).collect_view()}
                                </ol>
                            </details>
                        </li>
                    }).collect_view()}
                </ul>
            </Section>
            <BackToTop/>
        </article>
    }
}

/// The sources grouped by publisher (publishers in alphabetical order), newest first in
/// each: a list a reader scans by who published, that opens where they look.
fn by_publisher(sources: &[Source]) -> Vec<(String, Vec<Source>)> {
    let mut groups: Vec<(String, Vec<Source>)> = Vec::new();
    for source in sources {
        match groups
            .iter_mut()
            .find(|(name, _)| *name == source.publisher)
        {
            Some((_, list)) => list.push(source.clone()),
            None => groups.push((source.publisher.clone(), vec![source.clone()])),
        }
    }
    groups.sort_by_key(|(name, _)| name.to_lowercase());
    for (_, list) in &mut groups {
        list.sort_by(|a, b| {
            b.published
                .cmp(&a.published)
                .then_with(|| a.title.cmp(&b.title))
        });
    }
    groups
}

/// One source: its title as a link in its own language, when it was published, its
/// language, and its note.
fn source_item(source: Source, locale: Locale) -> AnyView {
    let published = source
        .published
        .map(|date| format_date(date, locale))
        .unwrap_or_else(|| Msg::Undated.get(locale).to_string());
    view! {
        <li id=format!("source-{}", source.id)>
            <a href=web_address(&source.url).map(str::to_string) rel="noopener noreferrer" target="_blank"
                lang=source.title_language().to_string() hreflang=source.language.clone()>
                {source.title.clone()}
            </a>
            <span class="source-list__meta">
                {Msg::Published.get(locale)} ": " {published} " · "
                {Msg::Language.get(locale)} ": " {source.language.clone()}
            </span>
            {source.note.as_ref().map(|note| view! {
                <span class="source-list__note">{note.get(locale).to_string()}</span>
            })}
        </li>
    }
    .into_any()
}

/// The known cases, each a line that opens onto its explanation.
const CASES: [(Msg, Msg); 4] = [
    (Msg::DiscrepancyCo2Title, Msg::DiscrepancyCo2),
    (Msg::DiscrepancyInvestmentTitle, Msg::DiscrepancyInvestment),
    (Msg::DiscrepancyUnverifiedTitle, Msg::DiscrepancyUnverified),
    (Msg::DiscrepancyDerivedTitle, Msg::DiscrepancyDerived),
];

/// How the portal treats conflicting figures and changed definitions, with the pairs
/// of figures that disagree side by side.
#[component]
fn Discrepancies() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let figures: Vec<_> = site
        .index
        .figures
        .iter()
        .map(|l| l.figure.clone())
        .collect();
    let pairs = conflict_pairs(&figures)
        .into_iter()
        .map(|(first, second)| {
            view! {
                <div class="conflict-pair">
                    <SourcedValue figure=first/>
                    <SourcedValue figure=second/>
                </div>
            }
        })
        .collect_view();
    view! {
        <Section section=DISCREPANCIES>
            <p>{Msg::DiscrepanciesLead.get(locale)}</p>
            <ul class="cases">
                {CASES.into_iter().map(|(title, text)| view! {
                    <li>
                        <Fold summary=title.get(locale)>
                            <p>{text.get(locale)}</p>
                        </Fold>
                    </li>
                }).collect_view()}
            </ul>
            <h3>{Msg::ConflictingFigures.get(locale)}</h3>
            {pairs}
        </Section>
    }
}
