//! Azerbaijan's accession: the story, who took part, the timeline and the policy frame.

use crate::app::use_route;
use crate::components::chart::ChartCard;
use crate::components::dataset::{dataset, ready, Dataset};
use crate::components::figure::SourcedValue;
use crate::components::sourced_cell::SourcedText;
use crate::components::terms::Terms;
use crate::components::timeline::Timeline;
use klaster_core::charts::ChartId;
use klaster_core::i18n::{page_title, Msg};
use klaster_core::package::ResourceName;
use klaster_core::queries::{
    actors_by_kind, actors_named_in, events_by_id, figures_of, in_date_order, latest_milestone,
    Provenance,
};
use klaster_core::resources::{
    Accession, ActorKind, GlossaryEntry, InitiativeMetric, Milestone, MilestoneKind, Source,
};
use klaster_core::route::Page;
use leptos::prelude::*;

/// The events that make up the policy frame, in reading order.
const POLICY_EVENTS: [&str; 2] = [
    "digital-strategy-draft",
    "digital-economy-strategy-2026-2029",
];

/// The glossary entries this page relies on.
const TERMS: [&str; 3] = [
    "glossary-letter-of-intent",
    "glossary-c4ir-4sim",
    "glossary-global-lighthouse-network",
];

/// What the initiative looked like once Azerbaijan had joined.
const AFTER_JOINING: [InitiativeMetric; 2] =
    [InitiativeMetric::Clusters, InitiativeMetric::Countries];

fn kind_heading(kind: ActorKind) -> Msg {
    match kind {
        ActorKind::Government => Msg::AzerbaijanKindGovernment,
        ActorKind::Agency => Msg::AzerbaijanKindAgency,
        ActorKind::Company => Msg::AzerbaijanKindCompany,
        ActorKind::International => Msg::AzerbaijanKindInternational,
        ActorKind::Person => Msg::AzerbaijanKindPerson,
    }
}

#[component]
pub fn AzerbaijanPage() -> impl IntoView {
    let locale = use_route().locale;
    let accession: Dataset<Accession> = dataset(ResourceName::Accession);
    let milestones: Dataset<Vec<Milestone>> = dataset(ResourceName::Milestones);
    let glossary: Dataset<Vec<GlossaryEntry>> = dataset(ResourceName::Glossary);
    let sources: Dataset<Vec<Source>> = dataset(ResourceName::Sources);
    let text = move |msg: Msg| move || msg.get(locale.get());

    view! {
        <article class="page">
            <h1>{move || page_title(&Page::Azerbaijan).get(locale.get())}</h1>
            <p class="lead">{text(Msg::AzerbaijanLead)}</p>

            <section aria-labelledby="azerbaijan-story">
                <h2 id="azerbaijan-story">{text(Msg::AzerbaijanStoryTitle)}</h2>
                <p>{text(Msg::AzerbaijanStorySigning)}</p>
                <p>{text(Msg::AzerbaijanStoryCluster)}</p>
                <p>{text(Msg::AzerbaijanStoryBackground)}</p>
                <p>{text(Msg::AzerbaijanStoryCaveat)}</p>
                <h3>{text(Msg::AzerbaijanAfterJoining)}</h3>
                {move || ready(milestones).and(ready(sources)).view(|(milestones, sources)| {
                    let figures: Vec<_> = latest_milestone(&milestones.value, MilestoneKind::Accession)
                        .map(|joined| figures_of(&joined.figures, &AFTER_JOINING).into_iter().cloned().collect())
                        .unwrap_or_default();
                    view! {
                        <div class="figure-grid">
                            {figures.into_iter().map(|figure| view! {
                                <SourcedValue figure sources=sources.value.clone()/>
                            }).collect_view()}
                        </div>
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="azerbaijan-actors">
                <h2 id="azerbaijan-actors">{text(Msg::AzerbaijanActorsTitle)}</h2>
                <p>{text(Msg::AzerbaijanActorsLead)}</p>
                {move || ready(accession).and(ready(sources)).view(|(accession, sources)| {
                    let named = actors_named_in(&accession.value.actors, &accession.value.events);
                    let groups = actors_by_kind(&named).into_iter().map(|(kind, actors)| view! {
                        <h3>{move || kind_heading(kind).get(locale.get())}</h3>
                        <ul class="actor-list">
                            {actors.into_iter().map(|actor| {
                                let (name, role) = (actor.name.clone(), actor.role.clone());
                                view! {
                                    <li class="actor">
                                        <p class="actor__name" id=format!("actor-{}-name", actor.id)>{move || name.get(locale.get()).to_string()}</p>
                                        <p class="actor__role">{move || role.get(locale.get()).to_string()}</p>
                                        <SourcedText
                                            panel_id=format!("actor-{}", actor.id)
                                            text=move || Msg::FigureDetails.get(locale.get()).to_string()
                                            provenance=Provenance::of_actor(actor)
                                            sources=sources.value.clone()
                                            bare=true
                                            described_by=format!("actor-{}-name", actor.id)
                                        />
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    }).collect_view();
                    view! {
                        {groups}
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="azerbaijan-timeline">
                <h2 id="azerbaijan-timeline">{text(Msg::AzerbaijanTimelineTitle)}</h2>
                <p>{text(Msg::AzerbaijanTimelineLead)}</p>
                {move || ready(accession).and(ready(sources)).view(|(accession, sources)| {
                    let events = in_date_order(&accession.value.events).into_iter().cloned().collect();
                    view! {
                        <ChartCard chart=ChartId::AccessionTimeline/>
                        <Timeline events actors=accession.value.actors.clone().into() sources=sources.value id_prefix="timeline"/>
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="azerbaijan-policy">
                <h2 id="azerbaijan-policy">{text(Msg::AzerbaijanPolicyTitle)}</h2>
                <p>{text(Msg::AzerbaijanPolicyLead)}</p>
                {move || ready(accession).and(ready(sources)).view(|(accession, sources)| {
                    let events = events_by_id(&accession.value.events, &POLICY_EVENTS).into_iter().cloned().collect();
                    view! {
                        <Timeline events actors=accession.value.actors.clone().into() sources=sources.value id_prefix="policy"/>
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="azerbaijan-terms">
                <h2 id="azerbaijan-terms">{text(Msg::PagesWordsUsed)}</h2>
                <Terms ids=&TERMS glossary sources/>
            </section>
        </article>
    }
}
