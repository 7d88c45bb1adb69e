//! Charts (4) and (5): the NextGen plants' capacities, and SOCAR Polymer's output
//! and exports against them.

use super::common::Attribution;
use super::Lack;
use crate::charts::catalog::ChartId;
use crate::charts::model::{Bar, BarChart, ChartBody, ChartData, ReferenceLine};
use crate::charts::text::ChartMsg;
use crate::figure::{Figure, Unit};
use crate::registry::Resources;
use crate::resources::{Accession, NextGenCluster, Partner, PartnerMetric, Source};
use crate::text::Text;

const CAPACITIES: [PartnerMetric; 3] = [
    PartnerMetric::CapacityPolypropylene,
    PartnerMetric::CapacityHdpe,
    PartnerMetric::CapacityUrea,
];

fn actor_name(accession: &Accession, partner: &Partner) -> Option<Text> {
    accession
        .actors
        .iter()
        .find(|a| a.id == partner.actor)
        .map(|a| a.name.clone())
}

fn bar(figure: &Figure<PartnerMetric>, detail: Option<Text>) -> Bar {
    Bar {
        label: figure.label.clone(),
        detail,
        value: figure.value,
        unit: figure.unit,
        qualifier: figure.qualifier,
        confidence: figure.confidence,
        figure_ids: vec![figure.id.clone()],
        highlight: false,
    }
}

/// (4) Every plant's design capacity, with the company that runs it.
pub fn capacities(resources: &Resources) -> Result<ChartData, Lack> {
    let nextgen: &NextGenCluster = resources.get()?;
    let accession: &Accession = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let mut attribution = Attribution::new(sources);
    let mut bars = Vec::new();
    for metric in CAPACITIES {
        for partner in &nextgen.partners {
            for figure in partner.figures.iter().filter(|f| f.metric == metric) {
                attribution.figure(figure);
                bars.push(bar(figure, actor_name(accession, partner)));
            }
        }
    }
    Ok(ChartData {
        spec: attribution.spec(
            ChartId::NextgenCapacities,
            ChartMsg::CapacitiesTitle.text(),
            ChartMsg::CapacitiesSubtitle.text(),
            Vec::new(),
        ),
        body: ChartBody::Bars(BarChart {
            bars,
            references: Vec::new(),
        }),
    })
}

/// (5) The polymer producer's output and exports, oldest first, against the sum of
/// its plants' capacities (worked out here, and said so).
pub fn polymer_output(resources: &Resources) -> Result<ChartData, Lack> {
    let nextgen: &NextGenCluster = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let partner = nextgen
        .partners
        .iter()
        .find(|p| {
            p.figures
                .iter()
                .any(|f| f.metric == PartnerMetric::CapacityPolypropylene)
        })
        .ok_or("no NextGen partner has a polypropylene capacity")?;
    let mut attribution = Attribution::new(sources);
    let mut bars = Vec::new();
    for metric in [PartnerMetric::Production, PartnerMetric::Exports] {
        let mut figures: Vec<_> = partner
            .figures
            .iter()
            .filter(|f| f.metric == metric)
            .collect();
        figures.sort_by_key(|f| f.as_of);
        for figure in figures {
            attribution.figure(figure);
            bars.push(bar(figure, None));
        }
    }
    let capacities: Vec<_> = partner
        .figures
        .iter()
        .filter(|f| CAPACITIES.contains(&f.metric) && f.unit == Unit::TonnesPerYear)
        .collect();
    let mut references = Vec::new();
    if !capacities.is_empty() {
        for figure in &capacities {
            attribution.figure(*figure);
        }
        references.push(ReferenceLine {
            value: capacities.iter().map(|f| f.value).sum(),
            unit: Unit::TonnesPerYear,
            label: ChartMsg::CombinedCapacity.text(),
            figure_ids: capacities.iter().map(|f| f.id.clone()).collect(),
        });
    }
    Ok(ChartData {
        spec: attribution.spec(
            ChartId::PolymerOutput,
            ChartMsg::PolymerTitle.text(),
            ChartMsg::PolymerSubtitle.text(),
            vec![ChartMsg::CombinedCapacityNote.text()],
        ),
        body: ChartBody::Bars(BarChart { bars, references }),
    })
}
