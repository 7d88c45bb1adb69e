//! Chart (3): named member clusters by country, Azerbaijan highlighted.

use super::common::Provenance;
use crate::charts::id::ChartId;
use crate::charts::model::{Bar, BarChart, ChartBody, ChartData};
use crate::charts::text::ChartMsg;
use crate::figure::{Confidence, Qualifier, Unit};
use crate::format::format_number;
use crate::text::{Locale, Text};
use crate::validate::Package;

/// ISO code of the country the portal is about.
const HIGHLIGHTED_COUNTRY: &str = "AZ";

pub fn members_by_country(package: &Package) -> Result<ChartData, String> {
    let registry = &package.clusters;
    let mut provenance = Provenance::new(package);
    let mut bars: Vec<(String, Bar)> = Vec::new();
    for country in &registry.countries {
        let members: Vec<_> = registry
            .clusters
            .iter()
            .filter(|c| c.country == country.code)
            .collect();
        if members.is_empty() {
            continue;
        }
        for member in &members {
            provenance.record(&member.sources, member.joined);
        }
        let confidence = members
            .iter()
            .map(|m| m.confidence)
            .find(|c| c.needs_warning())
            .unwrap_or(Confidence::High);
        bars.push((
            country.code.clone(),
            Bar {
                label: country.name.clone(),
                detail: None,
                value: members.len() as f64,
                unit: Unit::Clusters,
                qualifier: Qualifier::Exact,
                confidence,
                figure_ids: members.iter().map(|m| m.id.clone()).collect(),
                highlight: country.code == HIGHLIGHTED_COUNTRY,
            },
        ));
    }
    // Most members first; ties by country code, the same in both languages.
    bars.sort_by(|(a_code, a), (b_code, b)| {
        b.value.total_cmp(&a.value).then_with(|| a_code.cmp(b_code))
    });
    let unnamed: u32 = registry.unidentified.iter().map(|u| u.count).sum();
    for group in &registry.unidentified {
        provenance.record(&group.sources, group.joined);
    }
    let notes = if unnamed > 0 {
        let count = Text::new(
            format_number(f64::from(unnamed), 0, Locale::Az),
            format_number(f64::from(unnamed), 0, Locale::En),
        );
        vec![ChartMsg::MembersUnnamed.fill(&[("count", &count)])]
    } else {
        Vec::new()
    };
    Ok(ChartData {
        spec: provenance.spec(
            ChartId::MembersByCountry,
            ChartMsg::MembersTitle.text(),
            ChartMsg::MembersSubtitle.text(),
            notes,
        ),
        body: ChartBody::Bars(BarChart {
            bars: bars.into_iter().map(|(_, bar)| bar).collect(),
            references: Vec::new(),
        }),
    })
}
