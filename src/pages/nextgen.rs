//! The NextGen cluster: partners and their roles, the value chain, the published figures,
//! the plants' key events, and what no source publishes.

use crate::app::use_route;
use crate::components::chart::ChartCard;
use crate::components::dataset::{dataset, ready, Dataset};
use crate::components::figure::SourcedValue;
use crate::components::source_line::SourceLine;
use crate::components::sourced_cell::SourcedCell;
use crate::components::terms::Terms;
use crate::components::timeline::Timeline;
use klaster_core::charts::{ChartId, ParkTopic};
use klaster_core::format::format_date;
use klaster_core::i18n::{page_title, Msg};
use klaster_core::package::ResourceName;
use klaster_core::queries::{
    find_actor, partner_events, partner_figures, value_chain_lines, PartnerTopic,
};
use klaster_core::resources::{Accession, Actor, GlossaryEntry, NextGenCluster, Partner, Source};
use klaster_core::route::Page;
use klaster_core::Text;
use leptos::prelude::*;
use std::rc::Rc;

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

/// An actor's name in both languages; the id itself if the actor is unknown.
fn actor_name(actors: &[Actor], id: &str) -> Text {
    find_actor(actors, id)
        .map(|actor| actor.name.clone())
        .unwrap_or_else(|| Text::new(id, id))
}

#[component]
pub fn NextgenPage() -> impl IntoView {
    let locale = use_route().locale;
    let nextgen: Dataset<NextGenCluster> = dataset(ResourceName::Nextgen);
    let accession: Dataset<Accession> = dataset(ResourceName::Accession);
    let glossary: Dataset<Vec<GlossaryEntry>> = dataset(ResourceName::Glossary);
    let sources: Dataset<Vec<Source>> = dataset(ResourceName::Sources);
    let text = move |msg: Msg| move || msg.get(locale.get());

    view! {
        <article class="page">
            <h1>{move || page_title(&Page::Nextgen).get(locale.get())}</h1>
            <p class="lead">{text(Msg::NextgenLead)}</p>

            <section aria-labelledby="nextgen-about">
                <h2 id="nextgen-about">{text(Msg::NextgenAboutTitle)}</h2>
                {move || ready(nextgen).and(ready(sources)).view(|(nextgen, sources)| {
                    let cluster = nextgen.value.clone();
                    let (name, location) = (cluster.name.clone(), cluster.location.clone());
                    view! {
                        <dl class="facts">
                            <dt>{move || Msg::NextgenLocation.get(locale.get())}</dt>
                            <dd>
                                <strong>{move || name.get(locale.get()).to_string()}</strong> ", "
                                {move || location.get(locale.get()).to_string()}
                            </dd>
                            <dt>{move || Msg::NextgenAims.get(locale.get())}</dt>
                            <dd>
                                <ul>
                                    {cluster.aims.iter().cloned().map(|aim| view! {
                                        <li>{move || aim.get(locale.get()).to_string()}</li>
                                    }).collect_view()}
                                </ul>
                            </dd>
                        </dl>
                        <SourceLine ids=cluster.sources.clone() sources=sources.value/>
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="nextgen-partners">
                <h2 id="nextgen-partners">{text(Msg::NextgenPartnersTitle)}</h2>
                {move || ready(nextgen).and(ready(accession)).and(ready(sources)).view(|((nextgen, accession), sources)| {
                    let actors = accession.value.actors.clone();
                    view! {
                        {nextgen.value.partners.iter().map(|partner| view! {
                            <PartnerCard partner=partner.clone() name=actor_name(&actors, &partner.actor) sources=sources.value.clone()/>
                        }).collect_view()}
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="nextgen-chain">
                <h2 id="nextgen-chain">{text(Msg::NextgenChainTitle)}</h2>
                <p>{text(Msg::NextgenChainLead)}</p>
                {move || ready(nextgen).and(ready(accession)).and(ready(sources)).view(|((nextgen, accession), sources)| {
                    let actors = accession.value.actors.clone();
                    let lines = value_chain_lines(&nextgen.value.value_chain).into_iter().map(|(actor, steps)| {
                        let who = actor.map(|id| actor_name(&actors, id));
                        view! {
                            <h3>{move || match &who {
                                Some(name) => name.get(locale.get()).to_string(),
                                None => Msg::NextgenChainUnknownActor.get(locale.get()).to_string(),
                            }}</h3>
                            <ol class="chain">
                                {steps.into_iter().cloned().map(|step| {
                                    let (input, output, note) = (step.input, step.output, step.note);
                                    view! {
                                        <li class="chain__step">
                                            <dl class="chain__flow">
                                                <div class="chain__input">
                                                    <dt>{move || Msg::NextgenChainInput.get(locale.get())}</dt>
                                                    <dd>{move || input.get(locale.get()).to_string()}</dd>
                                                </div>
                                                <div class="chain__output">
                                                    <dt>{move || Msg::NextgenChainOutput.get(locale.get())}</dt>
                                                    <dd>{move || output.get(locale.get()).to_string()}</dd>
                                                </div>
                                            </dl>
                                            <p class="chain__note">{move || note.get(locale.get()).to_string()}</p>
                                            <SourceLine ids=step.sources sources=sources.value.clone()/>
                                        </li>
                                    }
                                }).collect_view()}
                            </ol>
                        }
                    }).collect_view();
                    view! {
                        {lines}
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="nextgen-figures">
                <h2 id="nextgen-figures">{text(Msg::NextgenFiguresTitle)}</h2>
                <p>{text(Msg::NextgenFiguresLead)}</p>
                {move || ready(nextgen).and(ready(accession)).and(ready(sources)).view(|((nextgen, accession), sources)| {
                    let actors = accession.value.actors.clone();
                    let groups = nextgen.value.partners.iter().map(|partner| {
                        let name = actor_name(&actors, &partner.actor);
                        let figures: Vec<_> = partner_figures(partner, &[PartnerTopic::CapacityAndOutput])
                            .into_iter().cloned().collect();
                        (!figures.is_empty()).then(|| view! {
                            <h3>{move || name.get(locale.get()).to_string()}</h3>
                            <div class="figure-grid">
                                {figures.into_iter().map(|figure| view! {
                                    <SourcedValue figure sources=sources.value.clone()/>
                                }).collect_view()}
                            </div>
                        })
                    }).collect_view();
                    view! {
                        <ChartCard chart=ChartId::NextgenCapacities/>
                        <ChartCard chart=ChartId::PolymerOutput/>
                        {groups}
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="nextgen-park">
                <h2 id="nextgen-park">{text(Msg::ChartParkTitle)}</h2>
                <p>{text(Msg::ChartParkLead)}</p>
                <ChartCard chart=ChartId::Park(ParkTopic::Residents)/>
            </section>

            <section aria-labelledby="nextgen-events">
                <h2 id="nextgen-events">{text(Msg::NextgenEventsTitle)}</h2>
                <p>{text(Msg::NextgenEventsLead)}</p>
                {move || ready(nextgen).and(ready(accession)).and(ready(sources)).view(|((nextgen, accession), sources)| view! {
                    <Timeline
                        events=partner_events(&nextgen.value)
                        actors=accession.value.actors.clone().into()
                        sources=sources.value
                        id_prefix="plant"
                    />
                }.into_any())}
            </section>

            <section aria-labelledby="nextgen-not-published" class="not-published">
                <h2 id="nextgen-not-published">{text(Msg::NextgenNotPublishedTitle)}</h2>
                <p>{text(Msg::NextgenNotPublishedLead)}</p>
                {move || ready(nextgen).view(|nextgen| view! {
                    <ul class="gap-list">
                        {nextgen.value.not_published.iter().cloned().map(|gap| {
                            let (topic, note) = (gap.topic, gap.note);
                            view! {
                                <li>
                                    <p class="gap-list__topic">{move || topic.get(locale.get()).to_string()}</p>
                                    <p>{move || note.get(locale.get()).to_string()}</p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any())}
            </section>

            <section aria-labelledby="nextgen-terms">
                <h2 id="nextgen-terms">{text(Msg::PagesWordsUsed)}</h2>
                <Terms ids=&TERMS glossary sources/>
            </section>
        </article>
    }
}

/// One partner: its role, its products, and its figures other than capacity and output
/// (those are cards further down) in a compact table.
#[component]
fn PartnerCard(partner: Partner, name: Text, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    let role = partner.role_in_cluster.clone();
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
    let caption_name = name.clone();
    let region_name = name.clone();
    view! {
        <div class="partner">
            <h3>{move || name.get(locale.get()).to_string()}</h3>
            <p>{move || role.get(locale.get()).to_string()}</p>
            {(!partner.products.is_empty()).then(|| view! {
                <p class="partner__products-label">{move || Msg::NextgenProducts.get(locale.get())}</p>
                <ul class="partner__products">
                    {partner.products.iter().cloned().map(|product| view! {
                        <li>{move || product.get(locale.get()).to_string()}</li>
                    }).collect_view()}
                </ul>
            })}
            {(!other.is_empty()).then(|| view! {
                <div class="table-scroll" tabindex="0" role="region"
                    aria-label=move || format!("{}: {}", Msg::NextgenOtherFiguresRegion.get(locale.get()), region_name.get(locale.get()))>
                    <table class="data-table">
                        <caption><span>{move || format!("{}: {}", Msg::NextgenOtherFigures.get(locale.get()), caption_name.get(locale.get()))}</span></caption>
                        <thead>
                            <tr>
                                <th scope="col">{move || Msg::PagesColMeasure.get(locale.get())}</th>
                                <th scope="col">{move || Msg::PagesColValue.get(locale.get())}</th>
                                <th scope="col">{move || Msg::AsOf.get(locale.get())}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {other.into_iter().map(|figure| {
                                let (label, as_of) = (figure.label.clone(), figure.as_of);
                                view! {
                                    <tr>
                                        <th scope="row">{move || label.get(locale.get()).to_string()}</th>
                                        <td><SourcedCell figure sources=sources.clone()/></td>
                                        <td>{move || format_date(as_of, locale.get())}</td>
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
