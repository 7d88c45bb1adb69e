//! Azerbaijan's accession: the story, who took part, the timeline and the policy frame.

use super::ChartCards;
use crate::components::figure::FigureDetails;
use crate::components::figure::SourcedValue;
use crate::components::on_this_page::{BackToTop, OnThisPage, Section, SectionRef};
use crate::components::terms::Terms;
use crate::components::timeline::Timeline;
use crate::context::use_site;
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

/// The page's sections, in reading order: the "On this page" list and the sections share them.
const AZERBAIJAN_STORY: SectionRef = ("azerbaijan-story", Msg::AzerbaijanStoryTitle);
const AZERBAIJAN_ACTORS: SectionRef = ("azerbaijan-actors", Msg::AzerbaijanActorsTitle);
const AZERBAIJAN_TIMELINE: SectionRef = ("azerbaijan-timeline", Msg::AzerbaijanTimelineTitle);
const AZERBAIJAN_POLICY: SectionRef = ("azerbaijan-policy", Msg::AzerbaijanPolicyTitle);
const AZERBAIJAN_TERMS: SectionRef = ("azerbaijan-terms", Msg::PagesWordsUsed);
const SECTIONS: [SectionRef; 5] = [
    AZERBAIJAN_STORY,
    AZERBAIJAN_ACTORS,
    AZERBAIJAN_TIMELINE,
    AZERBAIJAN_POLICY,
    AZERBAIJAN_TERMS,
];

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
                    {actors.into_iter().map(|actor| view! {
                        // The name reads as a list; the role and the sources open under it.
                        <li class="actor" id=format!("actor-{}", actor.id)>
                            <details>
                                <summary class="actor__name">{actor.name.get(locale).to_string()}</summary>
                                <p class="actor__role">{actor.role.get(locale).to_string()}</p>
                                <FigureDetails provenance=Provenance::of_actor(actor)/>
                            </details>
                        </li>
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
            <OnThisPage sections=&SECTIONS/>

            <Section section=AZERBAIJAN_STORY>
                <p>{Msg::AzerbaijanStorySigning.get(locale)}</p>
                <p>{Msg::AzerbaijanStoryCluster.get(locale)}</p>
                <p>{Msg::AzerbaijanStoryBackground.get(locale)}</p>
                <p>{Msg::AzerbaijanStoryCaveat.get(locale)}</p>
                <h3>{Msg::AzerbaijanAfterJoining.get(locale)}</h3>
                <div class="figure-grid">
                    {after_joining.into_iter().map(|figure| view! { <SourcedValue figure/> }).collect_view()}
                </div>
            </Section>

            <Section section=AZERBAIJAN_ACTORS>
                <p>{Msg::AzerbaijanActorsLead.get(locale)}</p>
                {actor_groups}
            </Section>

            <Section section=AZERBAIJAN_TIMELINE>
                <p>{Msg::AzerbaijanTimelineLead.get(locale)}</p>
                <ChartCards section=AZERBAIJAN_TIMELINE/>
                <Timeline events=timeline id_prefix="timeline"/>
            </Section>

            <Section section=AZERBAIJAN_POLICY>
                <p>{Msg::AzerbaijanPolicyLead.get(locale)}</p>
                <Timeline events=policy id_prefix="policy"/>
            </Section>

            <Section section=AZERBAIJAN_TERMS>
                <Terms ids=&TERMS/>
            </Section>
            <BackToTop/>
        </article>
    }
    .into_any()
}
