//! Chart (6): Sumgait Industrial Park over time, one topic at a time. Each
//! definition is its own series, and each currency its own panel, so figures that
//! measure different things are never joined by a line.

use super::common::{point, sort_by_time, unit_text, Attribution};
use super::Lack;
use crate::charts::catalog::{ChartId, ParkTopic};
use crate::charts::model::{ChartBody, ChartData, LineChart, Panel, Series, SeriesShape};
use crate::charts::text::ChartMsg;
use crate::figure::Unit;
use crate::registry::Resources;
use crate::resources::{IndustrialPark, ParkMetric, Source};

/// The metrics a topic shows, each with its series label.
fn metrics(topic: ParkTopic) -> Vec<(ParkMetric, &'static str, ChartMsg)> {
    match topic {
        ParkTopic::Residents => vec![(
            ParkMetric::Residents,
            "residents",
            ChartMsg::SeriesResidents,
        )],
        ParkTopic::Investment => vec![
            (
                ParkMetric::InvestmentActual,
                "investment-actual",
                ChartMsg::SeriesInvestmentActual,
            ),
            (
                ParkMetric::InvestmentPortfolio,
                "investment-portfolio",
                ChartMsg::SeriesInvestmentPortfolio,
            ),
            (
                ParkMetric::InvestmentTotalProjects,
                "investment-total-projects",
                ChartMsg::SeriesInvestmentTotalProjects,
            ),
        ],
        ParkTopic::Jobs => vec![(ParkMetric::Jobs, "jobs", ChartMsg::SeriesParkJobs)],
        ParkTopic::Sales => vec![(ParkMetric::SalesCumulative, "sales", ChartMsg::SeriesSales)],
        ParkTopic::Exports => vec![(
            ParkMetric::ExportsCumulative,
            "exports",
            ChartMsg::SeriesExports,
        )],
    }
}

fn words(topic: ParkTopic) -> (ChartMsg, ChartMsg, Vec<ChartMsg>) {
    match topic {
        ParkTopic::Residents => (
            ChartMsg::ParkResidents,
            ChartMsg::ParkResidentsSubtitle,
            vec![],
        ),
        ParkTopic::Investment => (
            ChartMsg::ParkInvestment,
            ChartMsg::ParkInvestmentSubtitle,
            vec![ChartMsg::InvestmentNote],
        ),
        ParkTopic::Jobs => (ChartMsg::ParkJobs, ChartMsg::ParkJobsSubtitle, vec![]),
        ParkTopic::Sales => (ChartMsg::ParkSales, ChartMsg::ParkSalesSubtitle, vec![]),
        ParkTopic::Exports => (ChartMsg::ParkExports, ChartMsg::ParkExportsSubtitle, vec![]),
    }
}

pub fn over_time(resources: &Resources, topic: ParkTopic) -> Result<ChartData, Lack> {
    let park: &IndustrialPark = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let mut attribution = Attribution::new(sources);
    // Units in the order they first appear in time, so the older currency comes first.
    let mut units: Vec<Unit> = Vec::new();
    let mut by_time: Vec<_> = park.figures.iter().collect();
    by_time.sort_by_key(|f| f.as_of);
    let wanted = metrics(topic);
    for figure in &by_time {
        if wanted.iter().any(|(m, _, _)| *m == figure.metric) && !units.contains(&figure.unit) {
            units.push(figure.unit);
        }
    }
    let several_units = units.len() > 1;
    let mut panels = Vec::new();
    for unit in units {
        let mut series = Vec::new();
        for (metric, id, label) in &wanted {
            let mut points = Vec::new();
            for figure in by_time
                .iter()
                .filter(|f| f.metric == *metric && f.unit == unit)
            {
                attribution.figure(figure);
                points.push(point(figure, figure.as_of));
            }
            if points.is_empty() {
                continue;
            }
            sort_by_time(&mut points);
            series.push(Series {
                id: if several_units {
                    format!(
                        "{id}-{}",
                        unit_text(unit).en.to_lowercase().replace(' ', "-")
                    )
                } else {
                    id.to_string()
                },
                label: label.text(),
                unit,
                shape: SeriesShape::Line,
                points,
            });
        }
        panels.push(Panel {
            title: several_units.then(|| unit_text(unit)),
            series,
            annotations: Vec::new(),
        });
    }
    let (topic_name, subtitle, notes) = words(topic);
    let title = ChartMsg::ParkTitle.fill(&[
        ("park", &ChartMsg::ParkName.text()),
        ("topic", &topic_name.text()),
    ]);
    Ok(ChartData {
        spec: attribution.spec(
            ChartId::Park(topic),
            title,
            subtitle.text(),
            notes.into_iter().map(ChartMsg::text).collect(),
        ),
        body: ChartBody::Lines(LineChart { panels }),
    })
}
