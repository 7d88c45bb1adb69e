//! Azerbaijan's accession: the story, who took part, the timeline and the policy frame.

use crate::chart::ChartCard;
use crate::components::figure::SourcedValue;
use crate::components::sourced::SourcedText;
use crate::components::terms::Terms;
use crate::components::timeline::Timeline;
use crate::context::use_site;
use klaster_core::charts::ChartId;
use klaster_core::i18n::{page_title, Msg};
use klaster_core::queries::{
    actors_by_kind, actors_named_in, events_by_id, figures_of, in_date_order, latest_milestone,
    Provenance,
};
use klaster_core::resources::{Accession, ActorKind, InitiativeMetric, MilestoneKind};
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
    let site = use_site();
    let locale = site.locale;
    let Some(accession) = site.get::<Accession>() else {
        return ().into_any();
    };
    let after_joining: Vec<_> = latest_milestone(site.milestones(), MilestoneKind::Accession)
        .map(|joined| {
            figures_of(&joined.figures, &AFTER_JOINING)
                .into_iter()
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let named = actors_named_in(&accession.actors, &accession.events);
    let actor_groups = actors_by_kind(&named)
        .into_iter()
        .map(|(kind, actors)| {
            view! {
                <h3>{kind_heading(kind).get(locale)}</h3>
                <ul class="actor-list">
                    {actors.into_iter().map(|actor| {
                        let name_id = format!("actor-{}-name", actor.id);
                        view! {
                            <li class="actor">
                                <p class="actor__name" id=name_id.clone()>{actor.name.get(locale).to_string()}</p>
                                <p class="actor__role">{actor.role.get(locale).to_string()}</p>
                                <SourcedText
                                    text=Msg::FigureDetails.get(locale)
                                    provenance=Provenance::of_actor(actor)
                                    bare=true
                                    described_by=name_id
                                />
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
        .collect_view();
    let timeline = in_date_order(&accession.events)
        .into_iter()
        .cloned()
        .collect();
    let policy = events_by_id(&accession.events, &POLICY_EVENTS)
        .into_iter()
        .cloned()
        .collect();

    view! {
        <article class="page">
            <h1>{page_title(&Page::Azerbaijan).get(locale)}</h1>
            <p class="lead">{Msg::AzerbaijanLead.get(locale)}</p>

            <section aria-labelledby="azerbaijan-story">
                <h2 id="azerbaijan-story">{Msg::AzerbaijanStoryTitle.get(locale)}</h2>
                <p>{Msg::AzerbaijanStorySigning.get(locale)}</p>
                <p>{Msg::AzerbaijanStoryCluster.get(locale)}</p>
                <p>{Msg::AzerbaijanStoryBackground.get(locale)}</p>
                <p>{Msg::AzerbaijanStoryCaveat.get(locale)}</p>
                <h3>{Msg::AzerbaijanAfterJoining.get(locale)}</h3>
                <div class="figure-grid">
                    {after_joining.into_iter().map(|figure| view! { <SourcedValue figure/> }).collect_view()}
                </div>
            </section>

            <section aria-labelledby="azerbaijan-actors">
                <h2 id="azerbaijan-actors">{Msg::AzerbaijanActorsTitle.get(locale)}</h2>
                <p>{Msg::AzerbaijanActorsLead.get(locale)}</p>
                {actor_groups}
            </section>

            <section aria-labelledby="azerbaijan-timeline">
                <h2 id="azerbaijan-timeline">{Msg::AzerbaijanTimelineTitle.get(locale)}</h2>
                <p>{Msg::AzerbaijanTimelineLead.get(locale)}</p>
                <ChartCard chart=ChartId::AccessionTimeline/>
                <Timeline events=timeline id_prefix="timeline"/>
            </section>

            <section aria-labelledby="azerbaijan-policy">
                <h2 id="azerbaijan-policy">{Msg::AzerbaijanPolicyTitle.get(locale)}</h2>
                <p>{Msg::AzerbaijanPolicyLead.get(locale)}</p>
                <Timeline events=policy id_prefix="policy"/>
            </section>

            <section aria-labelledby="azerbaijan-terms">
                <h2 id="azerbaijan-terms">{Msg::PagesWordsUsed.get(locale)}</h2>
                <Terms ids=&TERMS/>
            </section>
        </article>
    }
    .into_any()
}
