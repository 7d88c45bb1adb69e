//! The climate context: Azerbaijan's emissions (disagreeing figures side by side), its
//! national targets, and COP29.

use crate::app::use_route;
use crate::components::chart::ChartCard;
use crate::components::dataset::{dataset, ready, Dataset};
use crate::components::figure::SourcedValue;
use crate::components::sourced_cell::SourcedCell;
use crate::components::terms::Terms;
use crate::components::timeline::Timeline;
use klaster_core::charts::ChartId;
use klaster_core::i18n::{page_title, Msg};
use klaster_core::package::ResourceName;
use klaster_core::queries::{
    climate_figures, in_date_order, replacement, split_disagreements, ClimateTopic,
};
use klaster_core::resources::{
    Accession, ClimateContext, ClimateMetric, ClimateTarget, GlossaryEntry, Source,
};
use klaster_core::route::Page;
use klaster_core::Figure;
use leptos::prelude::*;
use std::rc::Rc;

/// The glossary entries this page relies on, in reading order.
const TERMS: [&str; 4] = [
    "glossary-co2e",
    "glossary-lulucf",
    "glossary-ndc",
    "glossary-cop",
];

#[component]
pub fn ClimatePage() -> impl IntoView {
    let locale = use_route().locale;
    let climate: Dataset<ClimateContext> = dataset(ResourceName::Climate);
    let accession: Dataset<Accession> = dataset(ResourceName::Accession);
    let glossary: Dataset<Vec<GlossaryEntry>> = dataset(ResourceName::Glossary);
    let sources: Dataset<Vec<Source>> = dataset(ResourceName::Sources);
    let text = move |msg: Msg| move || msg.get(locale.get());
    let cards = |figures: Vec<&Figure<ClimateMetric>>, sources: &Rc<Vec<Source>>| {
        let figures: Vec<Figure<ClimateMetric>> = figures.into_iter().cloned().collect();
        let sources = sources.clone();
        view! {
            <div class="figure-grid">
                {figures.into_iter().map(|figure| view! {
                    <SourcedValue figure sources=sources.clone()/>
                }).collect_view()}
            </div>
        }
    };

    view! {
        <article class="page">
            <h1>{move || page_title(&Page::Climate).get(locale.get())}</h1>
            <p class="lead">{text(Msg::ClimateLead)}</p>

            <section aria-labelledby="climate-emissions">
                <h2 id="climate-emissions">{text(Msg::ClimateEmissionsTitle)}</h2>
                <p>{text(Msg::ClimateEmissionsLead)}</p>
                {move || ready(climate).and(ready(sources)).view(|(climate, sources)| {
                    let emissions = climate_figures(&climate.value.figures, ClimateTopic::Emissions);
                    let (disagreements, alone) = split_disagreements(&emissions);
                    let disagreements = disagreements.into_iter().enumerate().map(|(index, group)| {
                        let heading_id = format!("climate-disagreement-{index}");
                        let group_label = heading_id.clone();
                        let notes: Vec<_> = group.iter()
                            .filter_map(|figure| figure.note.clone().map(|note| (figure.label.clone(), note)))
                            .collect();
                        view! {
                            <div class="disagreement" role="group" aria-labelledby=group_label>
                                <h3 id=heading_id>{move || Msg::ClimateDisagreeTitle.get(locale.get())}</h3>
                                <p>{move || Msg::ClimateDisagreeBody.get(locale.get())}</p>
                                <ul class="disagreement__notes">
                                    {notes.into_iter().map(|(label, note)| view! {
                                        <li>
                                            <strong>{move || label.get(locale.get()).to_string()}</strong> ": "
                                            {move || note.get(locale.get()).to_string()}
                                        </li>
                                    }).collect_view()}
                                </ul>
                                <div class="conflict-pair">
                                    {group.into_iter().cloned().map(|figure| view! {
                                        <SourcedValue figure sources=sources.value.clone()/>
                                    }).collect_view()}
                                </div>
                            </div>
                        }
                    }).collect_view();
                    view! {
                        {cards(alone, &sources.value)}
                        {disagreements}
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="climate-sectors">
                <h2 id="climate-sectors">{text(Msg::ClimateSectorsTitle)}</h2>
                {move || ready(climate).and(ready(sources)).view(|(climate, sources)| {
                    let shares: Vec<_> = climate_figures(&climate.value.figures, ClimateTopic::SectorShares)
                        .into_iter().cloned().collect();
                    view! {
                        <table class="data-table data-table--narrow">
                            <caption><span>{move || Msg::ClimateSectorsCaption.get(locale.get())}</span></caption>
                            <thead>
                                <tr>
                                    <th scope="col">{move || Msg::PagesColMeasure.get(locale.get())}</th>
                                    <th scope="col">{move || Msg::PagesColValue.get(locale.get())}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {shares.into_iter().map(|figure| {
                                    let label = figure.label.clone();
                                    view! {
                                        <tr>
                                            <th scope="row">{move || label.get(locale.get()).to_string()}</th>
                                            <td><SourcedCell figure sources=sources.value.clone()/></td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="climate-targets">
                <h2 id="climate-targets">{text(Msg::ClimateTargetsTitle)}</h2>
                <p>{text(Msg::ClimateTargetsLead)}</p>
                {move || ready(climate).and(ready(sources)).view(|(climate, sources)| {
                    let others = climate_figures(&climate.value.figures, ClimateTopic::OtherTargets);
                    view! {
                        <ChartCard chart=ChartId::EmissionsTargets/>
                        <TargetTable targets=climate.value.targets.clone() sources=sources.value.clone()/>
                        <h3>{move || Msg::ClimateOtherTargets.get(locale.get())}</h3>
                        {cards(others, &sources.value)}
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="climate-cop29">
                <h2 id="climate-cop29">{text(Msg::ClimateCop29Title)}</h2>
                <p>{text(Msg::ClimateCop29Lead)}</p>
                {move || ready(climate).and(ready(accession)).and(ready(sources)).view(|((climate, accession), sources)| {
                    let finance = climate_figures(&climate.value.figures, ClimateTopic::ClimateFinance);
                    let events = in_date_order(&climate.value.events).into_iter().cloned().collect();
                    view! {
                        {cards(finance, &sources.value)}
                        <Timeline events actors=accession.value.actors.clone().into() sources=sources.value id_prefix="climate"/>
                    }.into_any()
                })}
            </section>

            <section aria-labelledby="climate-terms">
                <h2 id="climate-terms">{text(Msg::PagesWordsUsed)}</h2>
                <Terms ids=&TERMS glossary sources/>
            </section>
        </article>
    }
}

/// The national targets: the cut (a sourced value), years, whether conditional, and
/// whether a later target replaced it.
#[component]
fn TargetTable(targets: Vec<ClimateTarget>, sources: Rc<Vec<Source>>) -> impl IntoView {
    let locale = use_route().locale;
    let rows = targets.iter().map(|target| {
        let label = target.figure.label.clone();
        let replaced_by = replacement(&targets, target).map(|later| later.figure.label.clone());
        let (target_year, base_year, conditional) = (target.target_year, target.base_year, target.conditional);
        let superseded = replaced_by.is_some();
        view! {
            <tr class:is-superseded=superseded>
                <th scope="row">{move || label.get(locale.get()).to_string()}</th>
                <td><SourcedCell figure=target.figure.clone() sources=sources.clone()/></td>
                <td>{target_year.to_string()}</td>
                <td>{base_year.to_string()}</td>
                <td>{move || if conditional { Msg::ClimateConditionalYes } else { Msg::ClimateConditionalNo }.get(locale.get())}</td>
                <td>{move || match &replaced_by {
                    Some(later) => format!("{} {}", Msg::ClimateSupersededBy.get(locale.get()), later.get(locale.get())),
                    None => Msg::ClimateNotSuperseded.get(locale.get()).to_string(),
                }}</td>
            </tr>
        }
    }).collect_view();
    view! {
        <div class="table-scroll" tabindex="0" role="region"
            aria-label=move || Msg::ClimateTargetsRegion.get(locale.get())>
            <table class="data-table data-table--targets">
                <caption><span>{move || Msg::ClimateTargetsCaption.get(locale.get())}</span></caption>
                <thead>
                    <tr>
                        <th scope="col">{move || Msg::ClimateColTarget.get(locale.get())}</th>
                        <th scope="col">{move || Msg::ClimateColChange.get(locale.get())}</th>
                        <th scope="col">{move || Msg::ClimateColTargetYear.get(locale.get())}</th>
                        <th scope="col">{move || Msg::ClimateColBaseYear.get(locale.get())}</th>
                        <th scope="col">{move || Msg::ClimateColConditional.get(locale.get())}</th>
                        <th scope="col">{move || Msg::ClimateColStatus.get(locale.get())}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
