//! The data a chart card draws from: only the resources its chart reads, fetched and
//! verified through [`crate::data`] (once for the whole app), assembled into the core's
//! `Package` so the core's `extract` runs unchanged. The rest of the package stays empty:
//! a chart never waits for, or fails on, a file it does not read.

use crate::data::{self, LoadError};
use futures::future::{try_join_all, FutureExt, LocalBoxFuture};
use klaster_core::charts::export::SourceIndex;
use klaster_core::charts::ChartId;
use klaster_core::package::{DataPackage, ResourceName};
use klaster_core::resources::{
    Accession, ClimateContext, ClusterRegistry, GlossaryEntry, IndustrialPark, MapProjection,
    Milestone, NextGenCluster, Source, WorldMap,
};
use klaster_core::validate::Package;
use klaster_core::Text;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

/// The resources `chart` reads. The test below checks the list against the core's
/// `extract` on the full package, so a chart that starts reading more fails it.
pub fn needs(chart: ChartId) -> &'static [ResourceName] {
    use ResourceName::*;
    match chart {
        ChartId::InitiativeGrowth | ChartId::InitiativeMetrics => &[Milestones, Sources],
        ChartId::MembersByCountry => &[Clusters, Sources],
        ChartId::NextgenCapacities => &[Nextgen, Accession, Sources],
        ChartId::PolymerOutput => &[Nextgen, Sources],
        ChartId::Park(_) => &[Park, Sources],
        ChartId::EmissionsTargets => &[Climate, Sources],
        ChartId::AccessionTimeline => &[Accession, Milestones, Sources],
        ChartId::MemberMap => &[Clusters, WorldMap, Sources],
    }
}

/// Some resources of the package; the others are filled in empty.
#[derive(Default)]
pub struct Parts {
    pub milestones: Option<Vec<Milestone>>,
    pub clusters: Option<ClusterRegistry>,
    pub accession: Option<Accession>,
    pub nextgen: Option<NextGenCluster>,
    pub park: Option<IndustrialPark>,
    pub climate: Option<ClimateContext>,
    pub glossary: Option<Vec<GlossaryEntry>>,
    pub sources: Option<Vec<Source>>,
    pub world_map: Option<WorldMap>,
}

fn no_text() -> Text {
    Text::new("", "")
}

impl Parts {
    pub fn into_package(self, descriptor: DataPackage) -> Package {
        Package {
            descriptor,
            milestones: self.milestones.unwrap_or_default(),
            clusters: self.clusters.unwrap_or(ClusterRegistry {
                countries: Vec::new(),
                clusters: Vec::new(),
                unidentified: Vec::new(),
            }),
            accession: self.accession.unwrap_or(Accession {
                actors: Vec::new(),
                events: Vec::new(),
            }),
            nextgen: self.nextgen.unwrap_or_else(|| NextGenCluster {
                name: no_text(),
                location: no_text(),
                aims: Vec::new(),
                sources: Vec::new(),
                partners: Vec::new(),
                value_chain: Vec::new(),
                not_published: Vec::new(),
            }),
            park: self.park.unwrap_or_else(|| IndustrialPark {
                name: no_text(),
                location: no_text(),
                figures: Vec::new(),
                events: Vec::new(),
            }),
            climate: self.climate.unwrap_or(ClimateContext {
                figures: Vec::new(),
                targets: Vec::new(),
                events: Vec::new(),
            }),
            glossary: self.glossary.unwrap_or_default(),
            sources: self.sources.unwrap_or_default(),
            world_map: self.world_map.unwrap_or_else(|| WorldMap {
                source: String::new(),
                source_url: String::new(),
                attribution: no_text(),
                projection: MapProjection::Equirectangular,
                units_per_degree: 1,
                countries: Vec::new(),
            }),
        }
    }
}

/// What a card needs to draw, describe and export its chart.
pub struct ChartSource {
    pub package: Package,
    pub index: SourceIndex,
    /// Whether every file read matched its published hash.
    pub verified: bool,
}

/// Puts one loaded resource into the parts.
type Fill = Box<dyn FnOnce(&mut Parts)>;

async fn take<T: DeserializeOwned + Clone + 'static>(
    name: ResourceName,
) -> Result<(T, bool), LoadError> {
    let loaded = data::resource::<T>(name).await?;
    Ok(((*loaded.value).clone(), loaded.verified))
}

/// One resource, fetched (or taken from the app's cache) and verified.
async fn fetch(name: ResourceName) -> Result<(Fill, bool), LoadError> {
    macro_rules! fill {
        ($field:ident) => {{
            let (value, verified) = take(name).await?;
            let fill: Fill = Box::new(move |parts: &mut Parts| parts.$field = Some(value));
            (fill, verified)
        }};
    }
    Ok(match name {
        ResourceName::Milestones => fill!(milestones),
        ResourceName::Clusters => fill!(clusters),
        ResourceName::Accession => fill!(accession),
        ResourceName::Nextgen => fill!(nextgen),
        ResourceName::Park => fill!(park),
        ResourceName::Climate => fill!(climate),
        ResourceName::Glossary => fill!(glossary),
        ResourceName::Sources => fill!(sources),
        ResourceName::WorldMap => fill!(world_map),
    })
}

thread_local! {
    /// Sources already assembled, by the resources they hold: cards that read the same
    /// files share one.
    static ASSEMBLED: RefCell<HashMap<&'static [ResourceName], Arc<ChartSource>>> =
        RefCell::new(HashMap::new());
}

/// The resources `chart` reads, fetched at once, as a package.
pub async fn chart_source(chart: ChartId) -> Result<Arc<ChartSource>, LoadError> {
    let names = needs(chart);
    if let Some(ready) = ASSEMBLED.with(|a| a.borrow().get(names).cloned()) {
        return Ok(ready);
    }
    let descriptor = data::descriptor().await?;
    let fetches: Vec<LocalBoxFuture<'static, _>> = names
        .iter()
        .map(|name| fetch(*name).boxed_local())
        .collect();
    let mut parts = Parts::default();
    let mut verified = true;
    for (fill, matched) in try_join_all(fetches).await? {
        fill(&mut parts);
        verified &= matched;
    }
    let package = parts.into_package((*descriptor).clone());
    let source = Arc::new(ChartSource {
        index: SourceIndex::new(&package),
        package,
        verified,
    });
    ASSEMBLED.with(|a| a.borrow_mut().insert(names, source.clone()));
    Ok(source)
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use klaster_core::charts::extract;
    use klaster_core::validate::validate_package;
    use std::path::PathBuf;

    /// The shipped package, whole; other chart modules' tests use it too.
    pub(in crate::components::chart) fn full_package() -> Package {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data");
        let report = validate_package(|p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
        report.package.expect("the shipped package parses")
    }

    /// The parts of `full` that `chart` needs, and nothing else.
    fn parts_for(chart: ChartId, full: &Package) -> Parts {
        let mut parts = Parts::default();
        for name in needs(chart) {
            match name {
                ResourceName::Milestones => parts.milestones = Some(full.milestones.clone()),
                ResourceName::Clusters => parts.clusters = Some(full.clusters.clone()),
                ResourceName::Accession => parts.accession = Some(full.accession.clone()),
                ResourceName::Nextgen => parts.nextgen = Some(full.nextgen.clone()),
                ResourceName::Park => parts.park = Some(full.park.clone()),
                ResourceName::Climate => parts.climate = Some(full.climate.clone()),
                ResourceName::Glossary => parts.glossary = Some(full.glossary.clone()),
                ResourceName::Sources => parts.sources = Some(full.sources.clone()),
                ResourceName::WorldMap => parts.world_map = Some(full.world_map.clone()),
            }
        }
        parts
    }

    #[test]
    fn every_chart_draws_the_same_from_only_the_resources_it_needs() {
        let full = full_package();
        for chart in ChartId::ALL {
            let partial = parts_for(chart, &full).into_package(full.descriptor.clone());
            assert_eq!(
                extract(chart, &partial),
                extract(chart, &full),
                "{chart} reads a resource that `needs` does not list"
            );
        }
    }

    #[test]
    fn every_chart_needs_the_sources() {
        for chart in ChartId::ALL {
            assert!(needs(chart).contains(&ResourceName::Sources), "{chart}");
        }
    }
}
