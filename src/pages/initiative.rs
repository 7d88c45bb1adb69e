//! The initiative: what it is, how it grew (a table of sourced milestones, with the CO2
//! measure's change of definition said out loud) and who its members are.

use crate::app::use_route;
use crate::components::chart::ChartCard;
use crate::components::dataset::{dataset, ready, Dataset};
use crate::components::figure::SourcedValue;
use crate::components::sourced_cell::{SourcedCell, SourcedText};
use crate::components::terms::Terms;
use klaster_core::charts::ChartId;
use klaster_core::format::{format_date, format_value};
use klaster_core::i18n::{page_title, Msg};
use klaster_core::package::ResourceName;
use klaster_core::queries::{
    cell_scope, glossary_entries, growth_table, latest_milestone, members_by_country, CellScope,
    GrowthColumn, Provenance,
};
use klaster_core::resources::{
    latest_initiative_figure, ClusterRegistry, GlossaryEntry, InitiativeMetric, Milestone,
    MilestoneKind, Source,
};
use klaster_core::route::Page;
use klaster_core::{Qualifier, Unit};
use leptos::prelude::*;
use std::rc::Rc;

/// The glossary entries that explain the initiative, in reading order.
const TERMS: [&str; 3] = [
    "glossary-tic-initiative",
    "glossary-industrial-cluster",
    "glossary-gdp-contribution",
];

/// The glossary entry that explains the CO2 measure's change of definition.
const CO2_DEFINITION: &str = "glossary-reduction-potential-vs-emissions";

/// The country whose cluster the portal is about.
const AZERBAIJAN: &str = "AZ";

#[component]
pub fn InitiativePage() -> impl IntoView {
    let locale = use_route().locale;
    let milestones: Dataset<Vec<Milestone>> = dataset(ResourceName::Milestones);
    let clusters: Dataset<ClusterRegistry> = dataset(ResourceName::Clusters);
    let glossary: Dataset<Vec<GlossaryEntry>> = dataset(ResourceName::Glossary);
    let sources: Dataset<Vec<Source>> = dataset(ResourceName::Sources);
    let text = move |msg: Msg| move || msg.get(locale.get());

    view! {
        <article class="page">
            <h1>{move || page_title(&Page::Initiative).get(locale.get())}</h1>
            <p class="lead">{text(Msg::InitiativeLead)}</p>

            <section aria-labelledby="initiative-what">
                <h2 id="initiative-what">{text(Msg::InitiativeWhatTitle)}</h2>
                <p>{text(Msg::InitiativeWhatIntro)}</p>
                <Terms ids=&TERMS glossary sources/>
                <p>{text(Msg::InitiativeEngaged)}</p>
                {move || ready(milestones).and(ready(sources)).view(|(milestones, sources)| {
                    let engaged = latest_initiative_figure(&milestones.value, InitiativeMetric::Partners).cloned();
                    view! {
                        <div class="figure-grid">
                            {engaged.map(|figure| view! { <SourcedValue figure sources=sources.value/> })}
                        </div>
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="initiative-growth">
                <h2 id="initiative-growth">{text(Msg::InitiativeGrowthTitle)}</h2>
                <p>{text(Msg::InitiativeGrowthLead)}</p>
                <div class="callout" role="note">
                    <p class="callout__title"><strong>{text(Msg::InitiativeCo2ChangeTitle)}</strong></p>
                    {move || ready(glossary).view(|glossary| {
                        let definition = glossary_entries(&glossary.value, &[CO2_DEFINITION])
                            .first()
                            .map(|entry| entry.definition.clone());
                        definition.map(|definition| view! {
                            <p>{move || definition.get(locale.get()).to_string()}</p>
                        }).into_any()
                    })}
                    <p>{text(Msg::InitiativeCo2ChangeBody)}</p>
                </div>
                {move || ready(milestones).and(ready(sources)).view(|(milestones, sources)| view! {
                    <ChartCard chart=ChartId::InitiativeGrowth/>
                    <ChartCard chart=ChartId::InitiativeMetrics/>
                    <GrowthTable milestones=milestones.value.clone() sources=sources.value.clone()/>
                    <Ambition milestones=milestones.value sources=sources.value/>
                }.into_any())}
            </section>

            <section aria-labelledby="initiative-members">
                <h2 id="initiative-members">{text(Msg::InitiativeMembersTitle)}</h2>
                <p>{text(Msg::InitiativeMembersLead)}</p>
                {move || ready(clusters).and(ready(sources)).view(|(clusters, sources)| view! {
                    <ChartCard chart=ChartId::MemberMap/>
                    <ChartCard chart=ChartId::MembersByCountry/>
                    <MemberTable registry=clusters.value.clone() sources=sources.value.clone()/>
                    <Unidentified registry=clusters.value sources=sources.value/>
                }.into_any())}
            </section>
        </article>
    }
}

fn column_heading(column: GrowthColumn) -> Msg {
    match column {
        GrowthColumn::Clusters => Msg::InitiativeColClusters,
        GrowthColumn::Countries => Msg::InitiativeColCountries,
        GrowthColumn::AnnualEmissions => Msg::InitiativeColEmissions,
        GrowthColumn::ReductionPotential => Msg::InitiativeColReduction,
        GrowthColumn::Gdp => Msg::InitiativeColGdp,
        GrowthColumn::Jobs => Msg::InitiativeColJobs,
    }
}

/// Milestones by date, a sourced value in every filled cell.
#[component]
fn GrowthTable(milestones: Rc<Vec<Milestone>>, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    let rows = growth_table(&milestones);
    view! {
        <div class="table-scroll" tabindex="0" role="region"
            aria-label=move || Msg::InitiativeGrowthRegion.get(locale.get())>
            <table class="data-table data-table--growth">
                <caption><span>{move || Msg::InitiativeGrowthCaption.get(locale.get())}</span></caption>
                <thead>
                    <tr>
                        <th scope="col">{move || Msg::InitiativeColStep.get(locale.get())}</th>
                        {GrowthColumn::ALL.into_iter().map(|column| view! {
                            <th scope="col" class=format!("data-table__col--{column:?}").to_lowercase()>
                                {move || column_heading(column).get(locale.get())}
                            </th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
                        let date = row.milestone.date;
                        let title = row.milestone.title.clone();
                        let accession = row.milestone.kind == MilestoneKind::Accession;
                        let cells = row.cells.into_iter().map(|cell| match cell {
                            Some(figure) => {
                                let scope = match cell_scope(figure.metric) {
                                    CellScope::AllMembers => None,
                                    CellScope::NewMembersOnly => Some(Msg::InitiativeScopeNewMembers),
                                    CellScope::CouldSaveWording => Some(Msg::InitiativeScopeCouldSave),
                                };
                                view! {
                                    <td>
                                        <SourcedCell figure=figure.clone() sources=sources.clone()/>
                                        {scope.map(|scope| view! {
                                            <span class="scope-tag">{move || scope.get(locale.get())}</span>
                                        })}
                                    </td>
                                }.into_any()
                            }
                            None => view! {
                                <td><span class="not-given">{move || Msg::PagesNotGiven.get(locale.get())}</span></td>
                            }.into_any(),
                        }).collect_view();
                        view! {
                            <tr class:is-highlight=accession>
                                <th scope="row">
                                    <span class="data-table__date">{move || format_date(date, locale.get())}</span>
                                    <span class="data-table__title">{move || title.get(locale.get()).to_string()}</span>
                                </th>
                                {cells}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// The initiative's stated targets: ambitions, not results.
#[component]
fn Ambition(milestones: Rc<Vec<Milestone>>, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    latest_milestone(&milestones, MilestoneKind::Ambition).map(|ambition| {
        let (title, summary) = (ambition.title.clone(), ambition.summary.clone());
        view! {
            <h3>{move || title.get(locale.get()).to_string()}</h3>
            <p>{move || summary.get(locale.get()).to_string()}</p>
            <div class="figure-grid">
                {ambition.figures.iter().cloned().map(|figure| view! {
                    <SourcedValue figure sources=sources.clone()/>
                }).collect_view()}
            </div>
        }
    })
}

/// Named members grouped by country, with the date each joined and its sector.
#[component]
fn MemberTable(registry: Rc<ClusterRegistry>, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    let groups = members_by_country(&registry)
        .into_iter()
        .map(|group| {
            let country = group.country.name.clone();
            let rows = group.clusters.into_iter().map(|cluster| {
                let ours = cluster.country == AZERBAIJAN;
                let (name, sector, joined) = (cluster.name.clone(), cluster.sector.clone(), cluster.joined);
                view! {
                    <tr class:is-highlight=ours>
                        <th scope="row">
                            {move || name.get(locale.get()).to_string()}
                            {ours.then(|| view! {
                                <span class="highlight-tag">{move || Msg::InitiativeAzerbaijanMember.get(locale.get())}</span>
                            })}
                        </th>
                        <td>
                            <SourcedText
                                panel_id=format!("joined-{}", cluster.id)
                                text=move || format_date(joined, locale.get())
                                provenance=Provenance::of_cluster(cluster)
                                sources=sources.clone()
                            />
                        </td>
                        <td>{move || sector.get(locale.get()).to_string()}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <tbody>
                    <tr class="data-table__group">
                        <th scope="rowgroup" colspan="3">{move || country.get(locale.get()).to_string()}</th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region"
            aria-label=move || Msg::InitiativeMembersRegion.get(locale.get())>
            <table class="data-table data-table--members">
                <caption><span>{move || Msg::InitiativeMembersCaption.get(locale.get())}</span></caption>
                <thead>
                    <tr>
                        <th scope="col">{move || Msg::InitiativeColCluster.get(locale.get())}</th>
                        <th scope="col">{move || Msg::InitiativeColJoined.get(locale.get())}</th>
                        <th scope="col">{move || Msg::InitiativeColSector.get(locale.get())}</th>
                    </tr>
                </thead>
                {groups}
            </table>
        </div>
    }
}

/// Members the initiative counts but no source names: a count, a date and a note each.
#[component]
fn Unidentified(registry: Rc<ClusterRegistry>, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    view! {
        <h3>{move || Msg::InitiativeUnidentifiedTitle.get(locale.get())}</h3>
        <p>{move || Msg::InitiativeUnidentifiedLead.get(locale.get())}</p>
        <ul class="unidentified">
            {registry.unidentified.iter().map(|group| {
                let (count, joined, note) = (f64::from(group.count), group.joined, group.note.clone());
                view! {
                    <li class="unidentified__item">
                        <SourcedText
                            panel_id=format!("count-{}", group.id)
                            text=move || format_value(count, Unit::Clusters, Qualifier::Exact, locale.get())
                            provenance=Provenance::of_unidentified(group)
                            sources=sources.clone()
                        />
                        <p class="unidentified__joined">
                            {move || Msg::InitiativeUnidentifiedJoined.get(locale.get())} ": "
                            {move || format_date(joined, locale.get())}
                        </p>
                        <p>{move || note.get(locale.get()).to_string()}</p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
