//! Home: January 2026 in brief, the latest key figures, and how to read the site.

use crate::components::confidence_scale::ConfidenceScale;
use crate::components::figure::SourcedValue;
use crate::context::use_site;
use klaster_core::i18n::Msg;
use klaster_core::release::review_line;
use klaster_core::resources::{latest_initiative_figure, InitiativeMetric};
use leptos::prelude::*;

/// The headline figures, in reading order.
const KEY_METRICS: [InitiativeMetric; 5] = [
    InitiativeMetric::Clusters,
    InitiativeMetric::Countries,
    InitiativeMetric::Co2eReductionPotential,
    InitiativeMetric::GdpContribution,
    InitiativeMetric::Jobs,
];

#[component]
pub fn HomePage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let figures: Vec<_> = KEY_METRICS
        .iter()
        .filter_map(|metric| latest_initiative_figure(site.milestones(), *metric).cloned())
        .collect();
    view! {
        <article class="page">
            <h1>{Msg::HomeTitle.get(locale)}</h1>
            <p class="lead">{Msg::HomeLead.get(locale)}</p>
            <section aria-labelledby="key-figures">
                <h2 id="key-figures">{Msg::KeyFigures.get(locale)}</h2>
                <div class="figure-grid figure-grid--cards">
                    {figures.into_iter().map(|figure| view! { <SourcedValue figure/> }).collect_view()}
                </div>
                <p class="note">{Msg::KeyFiguresNote.get(locale)}</p>
                <aside class="review-note" aria-labelledby="review-note">
                    <h3 id="review-note">{Msg::ReviewNoteTitle.get(locale)}</h3>
                    <p>{review_line(&site.package.descriptor, locale)}</p>
                    <p>{site.package.descriptor.review.note.get(locale).to_string()}</p>
                </aside>
            </section>
            <section aria-labelledby="how-to-read">
                <h2 id="how-to-read">{Msg::HowToRead.get(locale)}</h2>
                <p>{Msg::HowToReadBody.get(locale)}</p>
                <ConfidenceScale/>
            </section>
        </article>
    }
}
