use crate::app::use_route;
use crate::components::confidence_scale::ConfidenceScale;
use crate::components::figure::SourcedValue;
use crate::components::status::{IntegrityWarning, LoadFailed, Loading};
use crate::data::{self, LoadError};
use klaster_core::i18n::Msg;
use klaster_core::package::ResourceName;
use klaster_core::resources::{latest_initiative_figure, InitiativeMetric, Milestone, Source};
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
    let locale = use_route().locale;
    let loaded = LocalResource::new(|| async {
        let milestones = data::resource::<Vec<Milestone>>(ResourceName::Milestones).await?;
        let sources = data::resource::<Vec<Source>>(ResourceName::Sources).await?;
        Ok::<_, LoadError>((milestones, sources))
    });
    view! {
        <article class="page">
            <h1>{move || Msg::HomeTitle.get(locale.get())}</h1>
            <p class="lead">{move || Msg::HomeLead.get(locale.get())}</p>
            <section aria-labelledby="key-figures">
                <h2 id="key-figures">{move || Msg::KeyFigures.get(locale.get())}</h2>
                {move || match loaded.get() {
                    None => view! { <Loading/> }.into_any(),
                    Some(Err(error)) => view! { <LoadFailed error on_retry=move |_| loaded.refetch()/> }.into_any(),
                    Some(Ok((milestones, sources))) => {
                        let figures: Vec<_> = KEY_METRICS
                            .iter()
                            .filter_map(|metric| latest_initiative_figure(&milestones.value, *metric).cloned())
                            .collect();
                        let sources_list = sources.value.clone();
                        view! {
                            <IntegrityWarning verified=milestones.verified && sources.verified/>
                            <div class="figure-grid">
                                {figures.into_iter().map(|figure| view! {
                                    <SourcedValue figure sources=sources_list.clone()/>
                                }).collect_view()}
                            </div>
                            <p class="note">{move || Msg::KeyFiguresNote.get(locale.get())}</p>
                        }.into_any()
                    }
                }}
            </section>
            <section aria-labelledby="how-to-read">
                <h2 id="how-to-read">{move || Msg::HowToRead.get(locale.get())}</h2>
                <p>{move || Msg::HowToReadBody.get(locale.get())}</p>
                <ConfidenceScale/>
            </section>
        </article>
    }
}
