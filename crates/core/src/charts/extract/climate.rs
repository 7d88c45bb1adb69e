//! Chart (7): Azerbaijan's emissions against its NDC targets. A target is a cut in
//! percent from a base year; its level is worked out here from the base-year level
//! in the package, and marked `Derived`.

use super::common::{point, sort_by_time, Attribution};
use super::Lack;
use crate::charts::catalog::ChartId;
use crate::charts::model::{ChartBody, ChartData, LineChart, Panel, Point, Series, SeriesShape};
use crate::charts::text::ChartMsg;
use crate::date::PartialDate;
use crate::figure::{Confidence, Figure, Qualifier, Unit};
use crate::format::format_number;
use crate::registry::Resources;
use crate::resources::{ClimateContext, ClimateMetric, ClimateTarget, Source};
use crate::text::{Locale, Text};

/// The chart's unit.
const UNIT: Unit = Unit::MtCo2e;

/// A value in million tonnes CO2e, when the unit converts.
fn in_mt_co2e(value: f64, unit: Unit) -> Option<f64> {
    match unit {
        Unit::MtCo2e => Some(value),
        Unit::KtCo2e => Some(value / 1000.0),
        _ => None,
    }
}

fn figure_point(figure: &Figure<ClimateMetric>) -> Option<Point> {
    let mut p = point(figure, figure.as_of);
    p.y = in_mt_co2e(figure.value, figure.unit)?;
    Some(p)
}

fn series_of(
    climate: &ClimateContext,
    attribution: &mut Attribution,
    metric: ClimateMetric,
    id: &str,
    label: ChartMsg,
    shape: SeriesShape,
) -> Series {
    let mut points = Vec::new();
    for figure in climate.figures.iter().filter(|f| f.metric == metric) {
        if let Some(p) = figure_point(figure) {
            attribution.figure(figure);
            points.push(p);
        }
    }
    sort_by_time(&mut points);
    Series {
        id: id.to_string(),
        label: label.text(),
        unit: UNIT,
        shape,
        points,
    }
}

/// The level a target cuts to, from the base-year level in the package.
fn target_point(target: &ClimateTarget, base: &Figure<ClimateMetric>) -> Option<Point> {
    if target.figure.unit != Unit::Percent {
        return None;
    }
    let base_level = in_mt_co2e(base.value, base.unit)?;
    let percent = target.figure.value;
    let year = PartialDate {
        year: target.target_year,
        month: None,
        day: None,
    };
    let number = |l: Locale| format!("{}%", format_number(percent, 1, l));
    let year_text = Text::new(year.to_string(), year.to_string());
    let mut label = ChartMsg::TargetLabel.fill(&[
        (
            "percent",
            &Text::new(number(Locale::Az), number(Locale::En)),
        ),
        ("year", &year_text),
    ]);
    if target.conditional {
        label = ChartMsg::TargetConditional.fill(&[("label", &label)]);
    }
    Some(Point {
        x: year.as_fractional_year(),
        y: base_level * (1.0 + percent / 100.0),
        figure_id: target.figure.id.clone(),
        date: year,
        qualifier: Qualifier::Approximately,
        confidence: Confidence::Derived,
        label: Some(label),
    })
}

pub fn emissions_targets(resources: &Resources) -> Result<ChartData, Lack> {
    let climate: &ClimateContext = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let mut attribution = Attribution::new(sources);
    let inventory = series_of(
        climate,
        &mut attribution,
        ClimateMetric::GhgEmissions,
        "inventory",
        ChartMsg::SeriesInventory,
        SeriesShape::Line,
    );
    let base = series_of(
        climate,
        &mut attribution,
        ClimateMetric::GhgEmissionsDerived,
        "base-year",
        ChartMsg::SeriesBaseYear,
        SeriesShape::Points,
    );
    let external = series_of(
        climate,
        &mut attribution,
        ClimateMetric::GhgEmissionsExternalEstimate,
        "external-estimates",
        ChartMsg::SeriesExternal,
        SeriesShape::Points,
    );
    let (mut current, mut replaced) = (Vec::new(), Vec::new());
    for target in climate
        .targets
        .iter()
        .filter(|t| t.figure.metric == ClimateMetric::EmissionsTarget)
    {
        // A published base-year level comes before one the portal worked out.
        let base_figure = [
            ClimateMetric::GhgEmissions,
            ClimateMetric::GhgEmissionsDerived,
        ]
        .iter()
        .find_map(|metric| {
            climate
                .figures
                .iter()
                .find(|f| f.metric == *metric && f.as_of.year == target.base_year)
        });
        let Some(p) = base_figure.and_then(|base| target_point(target, base)) else {
            continue;
        };
        attribution.figure(&target.figure);
        if target.superseded_by.is_some() {
            replaced.push(p);
        } else {
            current.push(p);
        }
    }
    sort_by_time(&mut current);
    sort_by_time(&mut replaced);
    let targets = |id: &str, label: ChartMsg, points: Vec<Point>| Series {
        id: id.to_string(),
        label: label.text(),
        unit: UNIT,
        shape: SeriesShape::Points,
        points,
    };
    let series: Vec<Series> = [
        inventory,
        base,
        external,
        targets("targets", ChartMsg::SeriesTargets, current),
        targets(
            "replaced-targets",
            ChartMsg::SeriesReplacedTargets,
            replaced,
        ),
    ]
    .into_iter()
    .filter(|s| !s.points.is_empty())
    .collect();
    Ok(ChartData {
        spec: attribution.spec(
            ChartId::EmissionsTargets,
            ChartMsg::EmissionsTitle.text(),
            ChartMsg::EmissionsSubtitle.text(),
            vec![ChartMsg::TargetsNote.text()],
        ),
        body: ChartBody::Lines(LineChart {
            panels: vec![Panel {
                title: None,
                series,
                annotations: Vec::new(),
            }],
        }),
    })
}
