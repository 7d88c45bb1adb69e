//! The climate context: Azerbaijan's emissions (disagreeing figures side by side), its
//! national targets, and COP29.

use super::ChartCards;
use crate::components::figure::SourcedValue;
use crate::components::fold::Fold;
use crate::components::on_this_page::{BackToTop, OnThisPage, Section, SectionRef};
use crate::components::sourced::SourcedCell;
use crate::components::terms::Terms;
use crate::components::timeline::Timeline;
use crate::context::use_site;
use klaster_core::i18n::{page_title, Msg};
use klaster_core::queries::{
    climate_figures, in_date_order, replacement, split_disagreements, ClimateTopic,
};
use klaster_core::resources::{ClimateContext, ClimateMetric};
use klaster_core::route::Page;
use klaster_core::Figure;
use leptos::prelude::*;

/// The glossary entries this page relies on, in reading order.
const TERMS: [&str; 4] = [
    "glossary-co2e",
    "glossary-lulucf",
    "glossary-ndc",
    "glossary-cop",
];

/// Figure cards in a grid.
fn cards(figures: Vec<&Figure<ClimateMetric>>) -> AnyView {
    let figures: Vec<Figure<ClimateMetric>> = figures.into_iter().cloned().collect();
    view! {
        <div class="figure-grid">
            {figures.into_iter().map(|figure| view! { <SourcedValue figure/> }).collect_view()}
        </div>
    }
    .into_any()
}

/// The page's sections, in reading order: the "On this page" list and the sections share them.
const CLIMATE_EMISSIONS: SectionRef = ("climate-emissions", Msg::ClimateEmissionsTitle);
const CLIMATE_SECTORS: SectionRef = ("climate-sectors", Msg::ClimateSectorsTitle);
const CLIMATE_TARGETS: SectionRef = ("climate-targets", Msg::ClimateTargetsTitle);
const CLIMATE_COP29: SectionRef = ("climate-cop29", Msg::ClimateCop29Title);
const CLIMATE_TERMS: SectionRef = ("climate-terms", Msg::PagesWordsUsed);
const SECTIONS: [SectionRef; 5] = [
    CLIMATE_EMISSIONS,
    CLIMATE_SECTORS,
    CLIMATE_TARGETS,
    CLIMATE_COP29,
    CLIMATE_TERMS,
];

#[component]
pub fn ClimatePage() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let Some(climate) = site.get::<ClimateContext>().cloned() else {
        return ().into_any();
    };
    let emissions = climate_figures(&climate.figures, ClimateTopic::Emissions);
    let (disagreements, alone) = split_disagreements(&emissions);
    let alone = cards(alone);
    let disagreements = disagreements
        .into_iter()
        .enumerate()
        .map(|(index, group)| {
            let heading_id = format!("climate-disagreement-{index}");
            let notes: Vec<_> = group
                .iter()
                .filter_map(|figure| figure.note.as_ref().map(|note| (figure.label.get(locale).to_string(), note.get(locale).to_string())))
                .collect();
            let group: Vec<Figure<ClimateMetric>> = group.into_iter().cloned().collect();
            view! {
                <div class="disagreement" role="group" aria-labelledby=heading_id.clone()>
                    <h3 id=heading_id.clone()>{Msg::ClimateDisagreeTitle.get(locale)}</h3>
                    <p>{Msg::ClimateDisagreeBody.get(locale)}</p>
                    <div class="conflict-pair">
                        {group.into_iter().map(|figure| view! { <SourcedValue figure/> }).collect_view()}
                    </div>
                    <Fold summary=Msg::ClimateDisagreeWhy.get(locale)>
                        <ul class="disagreement__notes">
                            {notes.into_iter().map(|(label, note)| view! {
                                <li><strong>{label}</strong> ": " {note}</li>
                            }).collect_view()}
                        </ul>
                    </Fold>
                </div>
            }
        })
        .collect_view();
    let shares: Vec<_> = climate_figures(&climate.figures, ClimateTopic::SectorShares)
        .into_iter()
        .cloned()
        .collect();
    let others = cards(climate_figures(
        &climate.figures,
        ClimateTopic::OtherTargets,
    ));
    let finance = cards(climate_figures(
        &climate.figures,
        ClimateTopic::ClimateFinance,
    ));
    let events = in_date_order(&climate.events)
        .into_iter()
        .cloned()
        .collect();

    view! {
        <article class="page">
            <h1>{page_title(&Page::Climate).get(locale)}</h1>
            <p class="lead">{Msg::ClimateLead.get(locale)}</p>
            <OnThisPage sections=&SECTIONS/>

            <Section section=CLIMATE_EMISSIONS>
                <p>{Msg::ClimateEmissionsLead.get(locale)}</p>
                {alone}
                {disagreements}
            </Section>

            <Section section=CLIMATE_SECTORS>
                <table class="data-table data-table--narrow">
                    <caption><span>{Msg::ClimateSectorsCaption.get(locale)}</span></caption>
                    <thead>
                        <tr>
                            <th scope="col">{Msg::PagesColMeasure.get(locale)}</th>
                            <th scope="col">{Msg::PagesColValue.get(locale)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {shares.into_iter().map(|figure| view! {
                            <tr>
                                <th scope="row">{figure.label.get(locale).to_string()}</th>
                                <td><SourcedCell figure/></td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </Section>

            <Section section=CLIMATE_TARGETS>
                <p>{Msg::ClimateTargetsLead.get(locale)}</p>
                <ChartCards section=CLIMATE_TARGETS/>
                <TargetTable/>
                <h3>{Msg::ClimateOtherTargets.get(locale)}</h3>
                {others}
            </Section>

            <Section section=CLIMATE_COP29>
                <p>{Msg::ClimateCop29Lead.get(locale)}</p>
                {finance}
                <Timeline events id_prefix="climate"/>
            </Section>

            <Section section=CLIMATE_TERMS>
                <Terms ids=&TERMS/>
            </Section>
            <BackToTop/>
        </article>
    }
    .into_any()
}

/// The national targets: the cut (a sourced value), years, whether conditional, and
/// whether a later target replaced it.
#[component]
fn TargetTable() -> impl IntoView {
    let site = use_site();
    let locale = site.locale;
    let Some(targets) = site.get::<ClimateContext>().map(|c| &c.targets) else {
        return ().into_any();
    };
    let rows = targets
        .iter()
        .map(|target| {
            let replaced_by = replacement(targets, target);
            let status = match replaced_by {
                Some(later) => format!(
                    "{} {}",
                    Msg::ClimateSupersededBy.get(locale),
                    later.figure.label.get(locale)
                ),
                None => Msg::ClimateNotSuperseded.get(locale).to_string(),
            };
            let conditional = if target.conditional {
                Msg::ClimateConditionalYes
            } else {
                Msg::ClimateConditionalNo
            };
            view! {
                <tr class:is-superseded=replaced_by.is_some()>
                    <th scope="row">{target.figure.label.get(locale).to_string()}</th>
                    <td><SourcedCell figure=target.figure.clone()/></td>
                    <td>{target.target_year.to_string()}</td>
                    <td>{target.base_year.to_string()}</td>
                    <td>{conditional.get(locale)}</td>
                    <td>{status}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=Msg::ClimateTargetsRegion.get(locale)>
            <table class="data-table data-table--targets">
                <caption><span>{Msg::ClimateTargetsCaption.get(locale)}</span></caption>
                <thead>
                    <tr>
                        <th scope="col">{Msg::ClimateColTarget.get(locale)}</th>
                        <th scope="col">{Msg::ClimateColChange.get(locale)}</th>
                        <th scope="col">{Msg::ClimateColTargetYear.get(locale)}</th>
                        <th scope="col">{Msg::ClimateColBaseYear.get(locale)}</th>
                        <th scope="col">{Msg::ClimateColConditional.get(locale)}</th>
                        <th scope="col">{Msg::ClimateColStatus.get(locale)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
    .into_any()
}
