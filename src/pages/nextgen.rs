//! The NextGen cluster: partners and their roles, the value chain, the published figures,
//! the plants' key events, and what no source publishes.

use super::ChartCards;
use crate::components::figure::SourcedValue;
use crate::components::fold::Fold;
use crate::components::on_this_page::{BackToTop, OnThisPage, Section, SectionRef};
use crate::components::source_line::SourceLine;
use crate::components::sourced::SourcedCell;
use crate::components::terms::Terms;
use crate::components::timeline::Timeline;
use crate::context::use_site;
use klaster_core::format::format_date;
use klaster_core::i18n::{page_title, Msg};
use klaster_core::queries::{
    find_actor, partner_events, partner_figures, value_chain_lines, PartnerTopic,
};
use klaster_core::resources::{Actor, NextGenCluster, Partner};
use klaster_core::route::Page;
use klaster_core::{Locale, Text};
use leptos::prelude::*;

/// The glossary entries this page relies on, in reading order.
const TERMS: [&str; 7] = [
    "glossary-value-chain",
    "glossary-ammonia",
    "glossary-urea",
    "glossary-polypropylene",
    "glossary-hdpe",
    "glossary-industrial-park",
    "glossary-resident-company",
];

/// An actor's name; the id itself if the actor is unknown.
fn actor_name(actors: &[Actor], id: &str, locale: Locale) -> String {
    find_actor(actors, id)
        .map(|actor| actor.name.get(locale).to_string())
        .unwrap_or_else(|| Text::new(id, id).get(locale).to_string())
}

/// The page's sections, in reading order: the "On this page" list and the sections share them.
const NEXTGEN_ABOUT: SectionRef = ("nextgen-about", Msg::NextgenAboutTitle);
const NEXTGEN_PARTNERS: SectionRef = ("nextgen-partners", Msg::NextgenPartnersTitle);
const NEXTGEN_CHAIN: SectionRef = ("nextgen-chain", Msg::NextgenChainTitle);
const NEXTGEN_FIGURES: SectionRef = ("nextgen-figures", Msg::NextgenFiguresTitle);
const NEXTGEN_PARK: SectionRef = ("nextgen-park", Msg::ChartParkTitle);
const NEXTGEN_EVENTS: SectionRef = ("nextgen-events", Msg::NextgenEventsTitle);
const NEXTGEN_NOT_PUBLISHED: SectionRef = ("nextgen-not-published", Msg::NextgenNotPublishedTitle);
const NEXTGEN_TERMS: SectionRef = ("nextgen-terms", Msg::PagesWordsUsed);
const SECTIONS: [SectionRef; 8] = [
    NEXTGEN_ABOUT,
    NEXTGEN_PARTNERS,
    NEXTGEN_CHAIN,
    NEXTGEN_FIGURES,
    NEXTGEN_PARK,
    NEXTGEN_EVENTS,
    NEXTGEN_NOT_PUBLISHED,
    NEXTGEN_TERMS,
];

#[component]
pub fn NextgenPage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let Some(cluster) = site.get::<NextGenCluster>().cloned() else {
        return ().into_any();
    };
    let actors = site.actors();
    let plant_events = partner_events(&cluster);

    let partners = cluster
        .partners
        .iter()
        .map(|partner| view! { <PartnerCard partner=partner.clone() name=actor_name(actors, &partner.actor, locale)/> })
        .collect_view();
    let chain = value_chain_lines(&cluster.value_chain)
        .into_iter()
        .map(|(actor, steps)| {
            let who = match actor {
                Some(id) => actor_name(actors, id, locale),
                None => Msg::NextgenChainUnknownActor.get(locale).to_string(),
            };
            view! {
                <h3>{who}</h3>
                <ol class="chain">
                    {steps.into_iter().map(|step| view! {
                        <li class="chain__step">
                            <dl class="chain__flow">
                                <div class="chain__input">
                                    <dt>{Msg::NextgenChainInput.get(locale)}</dt>
                                    <dd>{step.input.get(locale).to_string()}</dd>
                                </div>
                                <div class="chain__output">
                                    <dt>{Msg::NextgenChainOutput.get(locale)}</dt>
                                    <dd>{step.output.get(locale).to_string()}</dd>
                                </div>
                            </dl>
                            <details class="chain__more">
                                <summary>{Msg::EventMore.get(locale)}</summary>
                                <p class="chain__note">{step.note.get(locale).to_string()}</p>
                                <SourceLine ids=step.sources.clone()/>
                            </details>
                        </li>
                    }).collect_view()}
                </ol>
            }
        })
        .collect_view();
    let figure_groups = cluster
        .partners
        .iter()
        .map(|partner| {
            let figures: Vec<_> = partner_figures(partner, &[PartnerTopic::CapacityAndOutput])
                .into_iter()
                .cloned()
                .collect();
            (!figures.is_empty()).then(|| view! {
                <h3>{actor_name(actors, &partner.actor, locale)}</h3>
                <div class="figure-grid">
                    {figures.into_iter().map(|figure| view! { <SourcedValue figure/> }).collect_view()}
                </div>
            })
        })
        .collect_view();
    let gaps = cluster
        .not_published
        .iter()
        .map(|gap| {
            view! {
                <li>
                    <details>
                        <summary class="gap-list__topic">{gap.topic.get(locale).to_string()}</summary>
                        <p>{gap.note.get(locale).to_string()}</p>
                    </details>
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="page">
            <h1>{page_title(&Page::Nextgen).get(locale)}</h1>
            <p class="lead">{Msg::NextgenLead.get(locale)}</p>
            <OnThisPage sections=&SECTIONS/>

            <Section section=NEXTGEN_ABOUT>
                <dl class="facts">
                    <dt>{Msg::NextgenLocation.get(locale)}</dt>
                    <dd>
                        <strong>{cluster.name.get(locale).to_string()}</strong> ", "
                        {cluster.location.get(locale).to_string()}
                    </dd>
                    <dt>{Msg::NextgenAims.get(locale)}</dt>
                    <dd>
                        <ul>
                            {cluster.aims.iter().map(|aim| view! { <li>{aim.get(locale).to_string()}</li> }).collect_view()}
                        </ul>
                    </dd>
                </dl>
                <SourceLine ids=cluster.sources.clone()/>
            </Section>

            <Section section=NEXTGEN_PARTNERS>
                {partners}
            </Section>

            <Section section=NEXTGEN_CHAIN>
                <p>{Msg::NextgenChainLead.get(locale)}</p>
                {chain}
            </Section>

            <Section section=NEXTGEN_FIGURES>
                <p>{Msg::NextgenFiguresLead.get(locale)}</p>
                <ChartCards section=NEXTGEN_FIGURES/>
                {figure_groups}
            </Section>

            <Section section=NEXTGEN_PARK>
                <p>{Msg::ChartParkLead.get(locale)}</p>
                <ChartCards section=NEXTGEN_PARK/>
            </Section>

            <Section section=NEXTGEN_EVENTS>
                <p>{Msg::NextgenEventsLead.get(locale)}</p>
                <Timeline events=plant_events id_prefix="plant"/>
            </Section>

            <Section section=NEXTGEN_NOT_PUBLISHED class="not-published">
                <p>{Msg::NextgenNotPublishedLead.get(locale)}</p>
                <ul class="gap-list">{gaps}</ul>
            </Section>

            <Section section=NEXTGEN_TERMS>
                <Terms ids=&TERMS/>
            </Section>
            <BackToTop/>
        </article>
    }
    .into_any()
}

/// One partner: its role, its products, and its figures other than capacity and output
/// (those are cards further down) in a compact table.
#[component]
fn PartnerCard(partner: Partner, name: String) -> impl IntoView {
    let locale = use_site().locale;
    let other: Vec<_> = partner_figures(
        &partner,
        &[
            PartnerTopic::MoneyAndOwnership,
            PartnerTopic::PeopleAndSites,
        ],
    )
    .into_iter()
    .cloned()
    .collect();
    let region = format!("{}: {name}", Msg::NextgenOtherFiguresRegion.get(locale));
    let caption = format!("{}: {name}", Msg::NextgenOtherFigures.get(locale));
    let heading = name.clone();
    view! {
        <div class="partner">
            <h3>{heading}</h3>
            <p>{partner.role_in_cluster.get(locale).to_string()}</p>
            {(!partner.products.is_empty()).then(|| view! {
                <p class="partner__products-label">{Msg::NextgenProducts.get(locale)}</p>
                <ul class="partner__products">
                    {partner.products.iter().map(|product| view! { <li>{product.get(locale).to_string()}</li> }).collect_view()}
                </ul>
            })}
            {(!other.is_empty()).then(|| view! {
                <Fold summary=Msg::NextgenOtherFigures.get(locale) context=name.clone()>
                <div class="table-scroll" tabindex="0" role="region" aria-label=region>
                    <table class="data-table">
                        <caption><span>{caption}</span></caption>
                        <thead>
                            <tr>
                                <th scope="col">{Msg::PagesColMeasure.get(locale)}</th>
                                <th scope="col">{Msg::PagesColValue.get(locale)}</th>
                                <th scope="col">{Msg::AsOf.get(locale)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {other.into_iter().map(|figure| {
                                let (label, as_of) = (figure.label.get(locale).to_string(), format_date(figure.as_of, locale));
                                view! {
                                    <tr>
                                        <th scope="row">{label}</th>
                                        <td><SourcedCell figure/></td>
                                        <td>{as_of}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
                </Fold>
            })}
        </div>
    }
}
