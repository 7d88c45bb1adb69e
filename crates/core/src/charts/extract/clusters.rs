//! Charts (3) and (9): named member clusters by country, as bars and on a world map,
//! Azerbaijan highlighted in both.

use super::common::Attribution;
use super::Lack;
use crate::charts::catalog::ChartId;
use crate::charts::model::{
    Bar, BarChart, ChartBody, ChartData, CountClass, MapChart, MapMember, MapShape,
};
use crate::charts::text::ChartMsg;
use crate::figure::{Confidence, Qualifier, Unit};
use crate::format::format_number;
use crate::registry::Resources;
use crate::resources::{ClusterRegistry, Country, MemberCluster, Source, WorldMap};
use crate::text::{Locale, Text};

/// ISO code of the country the portal is about.
const HIGHLIGHTED_COUNTRY: &str = "AZ";

/// Most shades a map uses; more would be hard to tell apart.
const MAX_CLASSES: u32 = 5;

/// Land entirely south of this latitude (Antarctica) is left off the map: no cluster is
/// there, and it would take a fifth of the map's height.
const SOUTHERN_EDGE: f64 = -60.0;

/// Each country with its named members, in the order of the registry; every member's
/// sources recorded.
fn countries_with_members<'a>(
    registry: &'a ClusterRegistry,
    attribution: &mut Attribution,
) -> Vec<(&'a Country, Vec<&'a MemberCluster>)> {
    let mut out = Vec::new();
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
            attribution.record(&member.sources, member.joined);
        }
        out.push((country, members));
    }
    out
}

/// The confidence a group of members is shown with: the first that needs a warning.
fn group_confidence(members: &[&MemberCluster]) -> Confidence {
    members
        .iter()
        .map(|m| m.confidence)
        .find(|c| c.needs_warning())
        .unwrap_or(Confidence::High)
}

/// The note about members no source names, their sources recorded; `None` when every
/// member is named.
fn unnamed_note(registry: &ClusterRegistry, attribution: &mut Attribution) -> Option<Text> {
    let unnamed: u32 = registry.unidentified.iter().map(|u| u.count).sum();
    for group in &registry.unidentified {
        attribution.record(&group.sources, group.joined);
    }
    (unnamed > 0).then(|| {
        let count = Text::new(
            format_number(f64::from(unnamed), 0, Locale::Az),
            format_number(f64::from(unnamed), 0, Locale::En),
        );
        ChartMsg::MembersUnnamed.fill(&[("count", &count)])
    })
}

pub fn members_by_country(resources: &Resources) -> Result<ChartData, Lack> {
    let registry: &ClusterRegistry = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let mut attribution = Attribution::new(sources);
    let mut bars: Vec<(String, Bar)> = countries_with_members(registry, &mut attribution)
        .into_iter()
        .map(|(country, members)| {
            (
                country.code.clone(),
                Bar {
                    label: country.name.clone(),
                    detail: None,
                    value: members.len() as f64,
                    unit: Unit::Clusters,
                    qualifier: Qualifier::Exact,
                    confidence: group_confidence(&members),
                    figure_ids: members.iter().map(|m| m.id.clone()).collect(),
                    highlight: country.code == HIGHLIGHTED_COUNTRY,
                },
            )
        })
        .collect();
    // Most members first; ties by country code, the same in both languages.
    bars.sort_by(|(a_code, a), (b_code, b)| {
        b.value.total_cmp(&a.value).then_with(|| a_code.cmp(b_code))
    });
    let notes = unnamed_note(registry, &mut attribution)
        .into_iter()
        .collect();
    Ok(ChartData {
        spec: attribution.spec(
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

/// (9) The member countries on the world map of the package, joined by ISO 3166-1
/// numeric code and shaded by their number of named member clusters.
pub fn member_map(resources: &Resources) -> Result<ChartData, Lack> {
    let registry: &ClusterRegistry = resources.get()?;
    let map: &WorldMap = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let unit = f64::from(map.units_per_degree.max(1));
    let degrees = |ring: &Vec<[i32; 2]>| -> Vec<(f64, f64)> {
        ring.iter()
            .map(|[x, y]| (f64::from(*x) / unit, f64::from(*y) / unit))
            .collect()
    };
    let mut attribution = Attribution::new(sources);
    let mut members: Vec<(MapMember, &str)> = countries_with_members(registry, &mut attribution)
        .into_iter()
        .map(|(country, group)| {
            (
                MapMember {
                    code: country.code.clone(),
                    name: country.name.clone(),
                    value: group.len() as f64,
                    unit: Unit::Clusters,
                    class: 0,
                    confidence: group_confidence(&group),
                    figure_ids: group.iter().map(|m| m.id.clone()).collect(),
                    highlight: country.code == HIGHLIGHTED_COUNTRY,
                    shape: None,
                },
                country.iso_numeric.as_str(),
            )
        })
        .collect();
    members.sort_by(|(a, _), (b, _)| {
        b.value
            .total_cmp(&a.value)
            .then_with(|| a.code.cmp(&b.code))
    });
    let largest = members.first().map_or(1, |(m, _)| m.value as u32);
    let classes = CountClass::split(largest, MAX_CLASSES);
    for (member, _) in &mut members {
        member.class = classes
            .iter()
            .position(|c| c.contains(member.value))
            .unwrap_or(0);
    }

    let mut shapes: Vec<MapShape> = Vec::new();
    let (mut south, mut north) = (f64::INFINITY, f64::NEG_INFINITY);
    for country in &map.countries {
        let rings: Vec<Vec<(f64, f64)>> = country.rings.iter().map(degrees).collect();
        let latitudes = rings.iter().flatten().map(|(_, lat)| *lat);
        if latitudes.clone().all(|lat| lat < SOUTHERN_EDGE) {
            continue;
        }
        for lat in latitudes {
            south = south.min(lat);
            north = north.max(lat);
        }
        let member = country.iso_numeric.as_deref().and_then(|code| {
            members
                .iter()
                .position(|(_, iso_numeric)| *iso_numeric == code)
        });
        if let Some(index) = member {
            members[index].0.shape = Some(shapes.len());
        }
        shapes.push(MapShape {
            rings,
            holes: country.holes.iter().map(degrees).collect(),
            member,
        });
    }
    if shapes.is_empty() {
        return Err("the world map has no countries to draw".into());
    }

    let mut notes = Vec::new();
    let missing: Vec<&Text> = members
        .iter()
        .filter(|(m, _)| m.shape.is_none())
        .map(|(m, _)| &m.name)
        .collect();
    if !missing.is_empty() {
        let list = |l: Locale| {
            missing
                .iter()
                .map(|name| name.get(l))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let countries = Text::new(list(Locale::Az), list(Locale::En));
        notes.push(ChartMsg::MapNotDrawn.fill(&[("countries", &countries)]));
    }
    notes.extend(unnamed_note(registry, &mut attribution));
    notes.push(map.attribution.clone());
    Ok(ChartData {
        spec: attribution.spec(
            ChartId::MemberMap,
            ChartMsg::MapTitle.text(),
            ChartMsg::MapSubtitle.text(),
            notes,
        ),
        body: ChartBody::Map(MapChart {
            shapes,
            members: members.into_iter().map(|(m, _)| m).collect(),
            classes,
            latitudes: ((south - 1.0).max(-90.0), (north + 1.0).min(90.0)),
        }),
    })
}
