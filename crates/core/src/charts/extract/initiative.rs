//! Charts (1) and (2): the initiative's growth and headline metrics, from its
//! milestones. A figure sits on the date of the step that announced it.

use super::common::{dated, point, sort_by_time, unit_text, with_unit, Attribution};
use super::Lack;
use crate::charts::catalog::ChartId;
use crate::charts::model::{
    Annotation, ChartBody, ChartData, LineChart, Panel, Series, SeriesShape,
};
use crate::charts::text::ChartMsg;
use crate::figure::Unit;
use crate::registry::Resources;
use crate::resources::{InitiativeMetric, Milestone, MilestoneKind, Source};
use crate::text::Text;

/// Every figure of `metric` across the milestones, one series.
fn series(
    milestones: &[Milestone],
    attribution: &mut Attribution,
    metric: InitiativeMetric,
    id: &str,
    label: Text,
    shape: SeriesShape,
) -> Series {
    let mut points = Vec::new();
    let mut unit = None;
    for milestone in milestones {
        for figure in milestone.figures.iter().filter(|f| f.metric == metric) {
            attribution.figure(figure);
            unit.get_or_insert(figure.unit);
            points.push(point(figure, milestone.date));
        }
    }
    sort_by_time(&mut points);
    Series {
        id: id.to_string(),
        label,
        unit: unit.unwrap_or(Unit::Clusters),
        shape,
        points,
    }
}

/// (1) Member clusters and countries over time, Azerbaijan's accession marked.
pub fn growth(resources: &Resources) -> Result<ChartData, Lack> {
    let milestones: &Vec<Milestone> = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let accession = milestones
        .iter()
        .find(|m| m.kind == MilestoneKind::Accession)
        .ok_or("the milestones have no accession step")?;
    let mut attribution = Attribution::new(sources);
    let clusters = series(
        milestones,
        &mut attribution,
        InitiativeMetric::Clusters,
        "clusters",
        ChartMsg::SeriesClusters.text(),
        SeriesShape::Step,
    );
    let countries = series(
        milestones,
        &mut attribution,
        InitiativeMetric::Countries,
        "countries",
        ChartMsg::SeriesCountries.text(),
        SeriesShape::Step,
    );
    let panel = Panel {
        title: None,
        series: vec![clusters, countries],
        annotations: vec![Annotation {
            x: accession.date.as_fractional_year(),
            label: dated(ChartMsg::AzerbaijanJoins, accession.date),
        }],
    };
    Ok(ChartData {
        spec: attribution.spec(
            ChartId::InitiativeGrowth,
            ChartMsg::GrowthTitle.text(),
            ChartMsg::GrowthSubtitle.text(),
            Vec::new(),
        ),
        body: ChartBody::Lines(LineChart {
            panels: vec![panel],
        }),
    })
}

/// (2) CO2, GDP and jobs by step. Annual emissions (until 2023) and potential
/// reduction (from 2024) are two series that are never joined, and the first date
/// of the new measure is marked.
pub fn metrics(resources: &Resources) -> Result<ChartData, Lack> {
    let milestones: &Vec<Milestone> = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let mut attribution = Attribution::new(sources);
    let mut co2 = series(
        milestones,
        &mut attribution,
        InitiativeMetric::Co2Emissions,
        "co2-emissions",
        ChartMsg::SeriesCo2Emissions.text(),
        SeriesShape::Line,
    );
    co2.label = with_unit(&co2.label, co2.unit);
    let mut reduction = series(
        milestones,
        &mut attribution,
        InitiativeMetric::Co2eReductionPotential,
        "co2e-reduction-potential",
        ChartMsg::SeriesCo2eReduction.text(),
        SeriesShape::Line,
    );
    reduction.label = with_unit(&reduction.label, reduction.unit);
    let change = reduction.points.first().map(|p| Annotation {
        x: p.x,
        label: dated(ChartMsg::NewMeasure, p.date),
    });
    let gdp = series(
        milestones,
        &mut attribution,
        InitiativeMetric::GdpContribution,
        "gdp-contribution",
        ChartMsg::SeriesGdp.text(),
        SeriesShape::Line,
    );
    let jobs = series(
        milestones,
        &mut attribution,
        InitiativeMetric::Jobs,
        "jobs",
        ChartMsg::SeriesJobs.text(),
        SeriesShape::Line,
    );
    let panels = vec![
        Panel {
            title: Some(ChartMsg::PanelCo2.text()),
            series: vec![co2, reduction],
            annotations: change.into_iter().collect(),
        },
        Panel {
            title: Some(ChartMsg::WithUnit.fill(&[
                ("label", &ChartMsg::PanelGdp.text()),
                ("unit", &unit_text(gdp.unit)),
            ])),
            series: vec![gdp],
            annotations: Vec::new(),
        },
        Panel {
            title: Some(ChartMsg::PanelJobs.text()),
            series: vec![jobs],
            annotations: Vec::new(),
        },
    ];
    Ok(ChartData {
        spec: attribution.spec(
            ChartId::InitiativeMetrics,
            ChartMsg::MetricsTitle.text(),
            ChartMsg::MetricsSubtitle.text(),
            vec![ChartMsg::MetricsNote.text()],
        ),
        body: ChartBody::Lines(LineChart { panels }),
    })
}
