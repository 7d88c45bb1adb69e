//! Sources and methodology: the confidence scale, the known discrepancies with every
//! pair of conflicting figures side by side, and every source of the package.

use crate::components::confidence_scale::ConfidenceScale;
use crate::components::figure::SourcedValue;
use crate::context::use_site;
use klaster_core::figure::conflict_pairs;
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use klaster_core::link::web_address;
use leptos::prelude::*;

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
            <section aria-labelledby="confidence-scale">
                <h2 id="confidence-scale">{Msg::ConfidenceScale.get(locale)}</h2>
                <ConfidenceScale/>
            </section>
            <Discrepancies/>
            <section aria-labelledby="source-list">
                <h2 id="source-list">{Msg::Sources.get(locale)}</h2>
                <ol class="source-list">
                    {list.into_iter().map(|source| {
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
                                    {source.publisher.clone()} " · "
                                    {Msg::Published.get(locale)} ": " {published} " · "
                                    {Msg::Language.get(locale)} ": " {source.language.clone()}
                                </span>
                                {source.note.as_ref().map(|note| view! {
                                    <span class="source-list__note">{note.get(locale).to_string()}</span>
                                })}
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </section>
        </article>
    }
}

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
        <section aria-labelledby="discrepancies">
            <h2 id="discrepancies">{Msg::DiscrepanciesTitle.get(locale)}</h2>
            <p>{Msg::DiscrepanciesLead.get(locale)}</p>
            <ul>
                <li>{Msg::DiscrepancyCo2.get(locale)}</li>
                <li>{Msg::DiscrepancyInvestment.get(locale)}</li>
                <li>{Msg::DiscrepancyUnverified.get(locale)}</li>
                <li>{Msg::DiscrepancyDerived.get(locale)}</li>
            </ul>
            <h3>{Msg::ConflictingFigures.get(locale)}</h3>
            {pairs}
        </section>
    }
}
