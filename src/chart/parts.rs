//! A package with only the resources one chart reads, so the core's `extract` runs
//! unchanged on what a card fetched: the rest stays empty, and a chart never waits for,
//! or fails on, a file it does not read.

use klaster_core::charts::export::SourceIndex;
use klaster_core::package::DataPackage;
use klaster_core::resources::{
    Accession, ClimateContext, ClusterRegistry, GlossaryEntry, IndustrialPark, MapProjection,
    Milestone, NextGenCluster, Source, WorldMap,
};
use klaster_core::validate::Package;
use klaster_core::Text;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::resources_of;
    use klaster_core::charts::{extract, ChartId};
    use klaster_core::package::ResourceName;
    use klaster_core::validate::validate_package;
    use std::path::PathBuf;

    /// The shipped package, whole.
    fn full_package() -> Package {
        let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data");
        let report = validate_package(|p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
        report.package.expect("the shipped package parses")
    }

    /// The parts of `full` that `chart` needs, and nothing else.
    fn parts_for(chart: ChartId, full: &Package) -> Parts {
        let mut parts = Parts::default();
        for name in resources_of(chart) {
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
                "{chart} reads a resource that `resources_of` does not list"
            );
        }
    }

    #[test]
    fn every_chart_needs_the_sources() {
        for chart in ChartId::ALL {
            assert!(
                resources_of(chart).contains(&ResourceName::Sources),
                "{chart}"
            );
        }
    }
}
