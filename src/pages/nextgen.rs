//! The NextGen cluster: partners and their roles, the value chain, the published figures,
//! the plants' key events, and what no source publishes.

use crate::chart::ChartCard;
use crate::components::figure::SourcedValue;
use crate::components::source_line::SourceLine;
use crate::components::sourced::SourcedCell;
use crate::components::terms::Terms;
use crate::components::timeline::Timeline;
use crate::context::use_site;
use klaster_core::charts::{ChartId, ParkTopic};
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

#[component]
pub fn NextgenPage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let Some(cluster) = site.get::<NextGenCluster>() else {
        return ().into_any();
    };
    let actors = site.actors();

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
                            <p class="chain__note">{step.note.get(locale).to_string()}</p>
                            <SourceLine ids=step.sources.clone()/>
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
                    <p class="gap-list__topic">{gap.topic.get(locale).to_string()}</p>
                    <p>{gap.note.get(locale).to_string()}</p>
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="page">
            <h1>{page_title(&Page::Nextgen).get(locale)}</h1>
            <p class="lead">{Msg::NextgenLead.get(locale)}</p>

            <section aria-labelledby="nextgen-about">
                <h2 id="nextgen-about">{Msg::NextgenAboutTitle.get(locale)}</h2>
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
            </section>

            <section aria-labelledby="nextgen-partners">
                <h2 id="nextgen-partners">{Msg::NextgenPartnersTitle.get(locale)}</h2>
                {partners}
            </section>

            <section aria-labelledby="nextgen-chain">
                <h2 id="nextgen-chain">{Msg::NextgenChainTitle.get(locale)}</h2>
                <p>{Msg::NextgenChainLead.get(locale)}</p>
                {chain}
            </section>

            <section aria-labelledby="nextgen-figures">
                <h2 id="nextgen-figures">{Msg::NextgenFiguresTitle.get(locale)}</h2>
                <p>{Msg::NextgenFiguresLead.get(locale)}</p>
                <ChartCard chart=ChartId::NextgenCapacities/>
                <ChartCard chart=ChartId::PolymerOutput/>
                {figure_groups}
            </section>

            <section aria-labelledby="nextgen-park">
                <h2 id="nextgen-park">{Msg::ChartParkTitle.get(locale)}</h2>
                <p>{Msg::ChartParkLead.get(locale)}</p>
                <ChartCard chart=ChartId::Park(ParkTopic::Residents)/>
            </section>

            <section aria-labelledby="nextgen-events">
                <h2 id="nextgen-events">{Msg::NextgenEventsTitle.get(locale)}</h2>
                <p>{Msg::NextgenEventsLead.get(locale)}</p>
                <Timeline events=partner_events(cluster) id_prefix="plant"/>
            </section>

            <section aria-labelledby="nextgen-not-published" class="not-published">
                <h2 id="nextgen-not-published">{Msg::NextgenNotPublishedTitle.get(locale)}</h2>
                <p>{Msg::NextgenNotPublishedLead.get(locale)}</p>
                <ul class="gap-list">{gaps}</ul>
            </section>

            <section aria-labelledby="nextgen-terms">
                <h2 id="nextgen-terms">{Msg::PagesWordsUsed.get(locale)}</h2>
                <Terms ids=&TERMS/>
            </section>
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
    view! {
        <div class="partner">
            <h3>{name}</h3>
            <p>{partner.role_in_cluster.get(locale).to_string()}</p>
            {(!partner.products.is_empty()).then(|| view! {
                <p class="partner__products-label">{Msg::NextgenProducts.get(locale)}</p>
                <ul class="partner__products">
                    {partner.products.iter().map(|product| view! { <li>{product.get(locale).to_string()}</li> }).collect_view()}
                </ul>
            })}
            {(!other.is_empty()).then(|| view! {
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
            })}
        </div>
    }
}
