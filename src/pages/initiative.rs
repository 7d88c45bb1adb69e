//! The initiative: what it is, how it grew (a table of sourced milestones, with the CO2
//! measure's change of definition said out loud) and who its members are.

use super::ChartCards;
use crate::components::figure::SourcedValue;
use crate::components::fold::Fold;
use crate::components::on_this_page::{BackToTop, OnThisPage, Section, SectionRef};
use crate::components::sourced::{SourcedCell, SourcedText};
use crate::components::terms::Terms;
use crate::context::use_site;
use klaster_core::format::{format_date, format_value};
use klaster_core::i18n::{page_title, Msg};
use klaster_core::queries::{
    cell_scope, glossary_entries, growth_table, latest_milestone, members_by_country, CellScope,
    GrowthColumn, Provenance,
};
use klaster_core::resources::{
    latest_initiative_figure, ClusterRegistry, InitiativeMetric, MilestoneKind,
};
use klaster_core::route::Page;
use klaster_core::{Qualifier, Unit};
use leptos::prelude::*;

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

/// The page's sections, in reading order: the "On this page" list and the sections share them.
const INITIATIVE_WHAT: SectionRef = ("initiative-what", Msg::InitiativeWhatTitle);
const INITIATIVE_GROWTH: SectionRef = ("initiative-growth", Msg::InitiativeGrowthTitle);
const INITIATIVE_MEMBERS: SectionRef = ("initiative-members", Msg::InitiativeMembersTitle);
const SECTIONS: [SectionRef; 3] = [INITIATIVE_WHAT, INITIATIVE_GROWTH, INITIATIVE_MEMBERS];

#[component]
pub fn InitiativePage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let engaged = latest_initiative_figure(site.milestones(), InitiativeMetric::Partners).cloned();
    let definition = glossary_entries(site.glossary(), &[CO2_DEFINITION])
        .first()
        .map(|entry| entry.definition.get(locale).to_string());

    view! {
        <article class="page">
            <h1>{page_title(&Page::Initiative).get(locale)}</h1>
            <p class="lead">{Msg::InitiativeLead.get(locale)}</p>
            <OnThisPage sections=&SECTIONS/>

            <Section section=INITIATIVE_WHAT>
                <p>{Msg::InitiativeWhatIntro.get(locale)}</p>
                <Terms ids=&TERMS open_first=true/>
                <p>{Msg::InitiativeEngaged.get(locale)}</p>
                <div class="figure-grid">
                    {engaged.map(|figure| view! { <SourcedValue figure/> })}
                </div>
            </Section>

            <Section section=INITIATIVE_GROWTH>
                <div class="callout" role="note">
                    <p class="callout__title"><strong>{Msg::InitiativeCo2ChangeTitle.get(locale)}</strong></p>
                    {definition.map(|definition| view! { <p>{definition}</p> })}
                    <p>{Msg::InitiativeCo2ChangeBody.get(locale)}</p>
                </div>
                <ChartCards section=INITIATIVE_GROWTH/>
                // The charts above show these numbers; the table, with every number's
                // source, is one tap away so the section fits a phone.
                <Fold summary=Msg::InitiativeGrowthCaption.get(locale)>
                    <p>{Msg::InitiativeGrowthLead.get(locale)}</p>
                    <GrowthTable/>
                </Fold>
                <Ambition/>
            </Section>

            <Section section=INITIATIVE_MEMBERS>
                <p>{Msg::InitiativeMembersLead.get(locale)}</p>
                <ChartCards section=INITIATIVE_MEMBERS/>
                <MemberTable/>
                <Unidentified/>
            </Section>
            <BackToTop/>
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
fn GrowthTable() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let rows = growth_table(site.milestones());
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=Msg::InitiativeGrowthRegion.get(locale)>
            <table class="data-table data-table--growth">
                <caption><span>{Msg::InitiativeGrowthCaption.get(locale)}</span></caption>
                <thead>
                    <tr>
                        <th scope="col">{Msg::InitiativeColStep.get(locale)}</th>
                        {GrowthColumn::ALL.into_iter().map(|column| view! {
                            <th scope="col" class=format!("data-table__col--{}", column.key())>
                                {column_heading(column).get(locale)}
                            </th>
                        }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {rows.into_iter().map(|row| {
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
                                        <SourcedCell figure=figure.clone()/>
                                        {scope.map(|scope| view! { <span class="scope-tag">{scope.get(locale)}</span> })}
                                    </td>
                                }.into_any()
                            }
                            None => view! {
                                <td><span class="not-given">{Msg::PagesNotGiven.get(locale)}</span></td>
                            }.into_any(),
                        }).collect_view();
                        view! {
                            <tr class:is-highlight=accession>
                                <th scope="row">
                                    <span class="data-table__date">{format_date(row.milestone.date, locale)}</span>
                                    <span class="data-table__title">{row.milestone.title.get(locale).to_string()}</span>
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
fn Ambition() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    latest_milestone(site.milestones(), MilestoneKind::Ambition).map(|ambition| {
        view! {
            <h3>{ambition.title.get(locale).to_string()}</h3>
            <p>{ambition.summary.get(locale).to_string()}</p>
            <div class="figure-grid">
                {ambition.figures.iter().cloned().map(|figure| view! { <SourcedValue figure/> }).collect_view()}
            </div>
        }
    })
}

/// Named members grouped by country, with the date each joined and its sector.
#[component]
fn MemberTable() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let Some(registry) = site.get::<ClusterRegistry>() else {
        return ().into_any();
    };
    let groups = members_by_country(registry)
        .into_iter()
        .map(|group| {
            let rows = group.clusters.into_iter().map(|cluster| {
                let ours = cluster.country == AZERBAIJAN;
                view! {
                    <tr class:is-highlight=ours>
                        <th scope="row">
                            {cluster.name.get(locale).to_string()}
                            {ours.then(|| view! {
                                <span class="highlight-tag">{Msg::InitiativeAzerbaijanMember.get(locale)}</span>
                            })}
                        </th>
                        <td>
                            <SourcedText text=format_date(cluster.joined, locale) provenance=Provenance::of_cluster(cluster)/>
                        </td>
                        <td>{cluster.sector.get(locale).to_string()}</td>
                    </tr>
                }
            }).collect_view();
            view! {
                <tbody>
                    <tr class="data-table__group">
                        <th scope="rowgroup" colspan="3">{group.country.name.get(locale).to_string()}</th>
                    </tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <Fold summary=Msg::InitiativeMembersCaption.get(locale)>
        <div class="table-scroll" tabindex="0" role="region" aria-label=Msg::InitiativeMembersRegion.get(locale)>
            <table class="data-table data-table--members">
                <caption><span>{Msg::InitiativeMembersCaption.get(locale)}</span></caption>
                <thead>
                    <tr>
                        <th scope="col">{Msg::InitiativeColCluster.get(locale)}</th>
                        <th scope="col">{Msg::InitiativeColJoined.get(locale)}</th>
                        <th scope="col">{Msg::InitiativeColSector.get(locale)}</th>
                    </tr>
                </thead>
                {groups}
            </table>
        </div>
        </Fold>
    }
    .into_any()
}

/// Members the initiative counts but no source names: a count, a date and a note each.
#[component]
fn Unidentified() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    view! {
        <h3>{Msg::InitiativeUnidentifiedTitle.get(locale)}</h3>
        <p>{Msg::InitiativeUnidentifiedLead.get(locale)}</p>
        <ul class="unidentified">
            {site.get::<ClusterRegistry>().into_iter().flat_map(|r| r.unidentified.iter()).map(|group| view! {
                <li class="unidentified__item">
                    <SourcedText
                        text=format_value(f64::from(group.count), Unit::Clusters, Qualifier::Exact, locale)
                        provenance=Provenance::of_unidentified(group)
                    />
                    <p class="unidentified__joined">
                        {Msg::InitiativeUnidentifiedJoined.get(locale)} ": " {format_date(group.joined, locale)}
                    </p>
                    <p>{group.note.get(locale).to_string()}</p>
                </li>
            }).collect_view()}
        </ul>
    }
}
