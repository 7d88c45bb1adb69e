//! The chart catalog: one row per chart ([`ChartEntry`]) with its stable id, the portal
//! page and section its card stands in, the card that shows it, the resources it reads,
//! its kind and its extract function. The portal's pages, the publisher, the chart pages
//! and the browser suite (through the `charts/catalog.json` the publisher writes from it)
//! read this table; none of them keeps a list of its own.
//!
//! Adding a chart of an existing kind touches three files besides its snapshots: its
//! `ChartId` variant, its place in `ChartId::ALL` and its row here, its extract function
//! in `extract/`, and its words (title, subtitle, series) in `text.rs`. A page shows the
//! cards of a section where it places `<ChartCards section=…/>`, so a chart for a section
//! that already has charts needs no change to the page.

use super::extract::{accession, climate, clusters, initiative, nextgen, park, Lack};
use super::model::{ChartData, ChartKind};
use crate::registry::Resources;
use crate::resources::ResourceName;
use crate::route::Page;

/// Which Sumgait Industrial Park metric the park chart shows; one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParkTopic {
    Residents,
    /// Every definition of investment as its own series.
    Investment,
    Jobs,
    Sales,
    Exports,
}

impl ParkTopic {
    pub const ALL: [ParkTopic; 5] = [
        ParkTopic::Residents,
        ParkTopic::Investment,
        ParkTopic::Jobs,
        ParkTopic::Sales,
        ParkTopic::Exports,
    ];
}

/// One chart of the catalog. Its string id never changes once published: it names the
/// rendered files (`<id>-<locale>.svg`), the chart pages and embeds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartId {
    /// Member clusters and countries over time, Azerbaijan's accession marked.
    InitiativeGrowth,
    /// CO2, GDP and jobs by step; the CO2 measure's change of definition marked.
    InitiativeMetrics,
    /// Named member clusters by country, Azerbaijan highlighted.
    MembersByCountry,
    /// Design capacities of the NextGen cluster's plants.
    NextgenCapacities,
    /// SOCAR Polymer's output and exports against its plants' capacity.
    PolymerOutput,
    /// Sumgait Industrial Park over time, one metric at a time.
    Park(ParkTopic),
    /// Azerbaijan's emissions against its NDC targets.
    EmissionsTargets,
    /// The events of Azerbaijan's accession on a time axis, the accession itself emphasised.
    AccessionTimeline,
    /// The member countries on a world map, shaded by named member clusters.
    MemberMap,
}

impl ChartId {
    pub const ALL: [ChartId; 13] = [
        ChartId::InitiativeGrowth,
        ChartId::InitiativeMetrics,
        ChartId::MemberMap,
        ChartId::MembersByCountry,
        ChartId::NextgenCapacities,
        ChartId::PolymerOutput,
        ChartId::Park(ParkTopic::Residents),
        ChartId::Park(ParkTopic::Investment),
        ChartId::Park(ParkTopic::Jobs),
        ChartId::Park(ParkTopic::Sales),
        ChartId::Park(ParkTopic::Exports),
        ChartId::EmissionsTargets,
        ChartId::AccessionTimeline,
    ];

    pub fn as_str(self) -> &'static str {
        self.entry().id
    }

    /// This chart's row of the catalog.
    pub fn entry(self) -> ChartEntry {
        let park = |id, extract| ChartEntry {
            chart: self,
            id,
            page: Page::Nextgen,
            section: "nextgen-park",
            // One card, its metric switch picks the topic.
            card: ChartId::Park(ParkTopic::Residents),
            needs: &[ResourceName::Park, ResourceName::Sources],
            kind: ChartKind::Lines,
            extract,
        };
        match self {
            ChartId::InitiativeGrowth => ChartEntry {
                chart: self,
                id: "initiative-growth",
                page: Page::Initiative,
                section: "initiative-growth",
                card: self,
                needs: &[ResourceName::Milestones, ResourceName::Sources],
                kind: ChartKind::Lines,
                extract: initiative::growth,
            },
            ChartId::InitiativeMetrics => ChartEntry {
                chart: self,
                id: "initiative-metrics",
                page: Page::Initiative,
                section: "initiative-growth",
                card: self,
                needs: &[ResourceName::Milestones, ResourceName::Sources],
                kind: ChartKind::Lines,
                extract: initiative::metrics,
            },
            ChartId::MembersByCountry => ChartEntry {
                chart: self,
                id: "members-by-country",
                page: Page::Initiative,
                section: "initiative-members",
                card: self,
                needs: &[ResourceName::Clusters, ResourceName::Sources],
                kind: ChartKind::Bars,
                extract: clusters::members_by_country,
            },
            ChartId::NextgenCapacities => ChartEntry {
                chart: self,
                id: "nextgen-capacities",
                page: Page::Nextgen,
                section: "nextgen-figures",
                card: self,
                needs: &[
                    ResourceName::Nextgen,
                    ResourceName::Accession,
                    ResourceName::Sources,
                ],
                kind: ChartKind::Bars,
                extract: nextgen::capacities,
            },
            ChartId::PolymerOutput => ChartEntry {
                chart: self,
                id: "polymer-output",
                page: Page::Nextgen,
                section: "nextgen-figures",
                card: self,
                needs: &[ResourceName::Nextgen, ResourceName::Sources],
                kind: ChartKind::Bars,
                extract: nextgen::polymer_output,
            },
            ChartId::Park(ParkTopic::Residents) => park("park-residents", |resources| {
                park::over_time(resources, ParkTopic::Residents)
            }),
            ChartId::Park(ParkTopic::Investment) => park("park-investment", |resources| {
                park::over_time(resources, ParkTopic::Investment)
            }),
            ChartId::Park(ParkTopic::Jobs) => park("park-jobs", |resources| {
                park::over_time(resources, ParkTopic::Jobs)
            }),
            ChartId::Park(ParkTopic::Sales) => park("park-sales", |resources| {
                park::over_time(resources, ParkTopic::Sales)
            }),
            ChartId::Park(ParkTopic::Exports) => park("park-exports", |resources| {
                park::over_time(resources, ParkTopic::Exports)
            }),
            ChartId::EmissionsTargets => ChartEntry {
                chart: self,
                id: "emissions-targets",
                page: Page::Climate,
                section: "climate-targets",
                card: self,
                needs: &[ResourceName::Climate, ResourceName::Sources],
                kind: ChartKind::Lines,
                extract: climate::emissions_targets,
            },
            ChartId::AccessionTimeline => ChartEntry {
                chart: self,
                id: "accession-timeline",
                page: Page::Azerbaijan,
                section: "azerbaijan-timeline",
                card: self,
                needs: &[
                    ResourceName::Accession,
                    ResourceName::Milestones,
                    ResourceName::Sources,
                ],
                kind: ChartKind::Timeline,
                extract: accession::timeline,
            },
            ChartId::MemberMap => ChartEntry {
                chart: self,
                id: "member-map",
                page: Page::Initiative,
                section: "initiative-members",
                card: self,
                needs: &[
                    ResourceName::Clusters,
                    ResourceName::WorldMap,
                    ResourceName::Sources,
                ],
                kind: ChartKind::Map,
                extract: clusters::member_map,
            },
        }
    }

    pub fn parse(id: &str) -> Option<ChartId> {
        ChartId::ALL.into_iter().find(|chart| chart.as_str() == id)
    }
}

impl std::fmt::Display for ChartId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A chart's extract function: its data from the resources it reads, or what they lack.
pub type Extract = fn(&Resources) -> Result<ChartData, Lack>;

/// One row of the catalog: everything about a chart but its words and its data.
#[derive(Debug, Clone)]
pub struct ChartEntry {
    pub chart: ChartId,
    /// The stable string id ([`ChartId::as_str`]).
    pub id: &'static str,
    /// The portal page whose card shows the chart.
    pub page: Page,
    /// The section of `page` (its element id) the card stands in; cards of one section
    /// come in catalog order.
    pub section: &'static str,
    /// The card that shows the chart: its own, or the park card, whose metric switch
    /// shows one park chart at a time.
    pub card: ChartId,
    /// The resources `extract` reads, no more and no fewer ([`ChartEntry::check_needs`]):
    /// what the browser fetches to draw the chart.
    pub needs: &'static [ResourceName],
    /// How it is drawn; `extract` gives a body of this kind.
    pub kind: ChartKind,
    pub extract: Extract,
}

impl ChartEntry {
    /// Whether `needs` is what `extract` reads, on a set `full` that has every resource:
    /// given only its needs the chart comes out as from `full`, and without any one of
    /// them it names that one as missing. The catalog's tests run this on every row.
    pub fn check_needs(&self, full: &Resources) -> Result<(), String> {
        let expected = (self.extract)(full);
        if let Err(lack) = &expected {
            return Err(format!("{}: {lack}", self.id));
        }
        if (self.extract)(&full.only(self.needs)) != expected {
            return Err(format!(
                "{} reads a resource its row does not list in needs",
                self.id
            ));
        }
        for need in self.needs {
            let others: Vec<ResourceName> =
                self.needs.iter().copied().filter(|n| n != need).collect();
            match (self.extract)(&full.only(&others)) {
                Err(Lack::Resource(missing)) if missing == *need => {}
                _ => {
                    return Err(format!(
                        "{} lists {} in needs but does not say it is missing without it",
                        self.id,
                        need.as_str()
                    ))
                }
            }
        }
        Ok(())
    }
}

/// Every row of the catalog, in the order of [`ChartId::ALL`].
pub fn catalog() -> impl Iterator<Item = ChartEntry> {
    ChartId::ALL.into_iter().map(ChartId::entry)
}

/// The cards of a page section, in catalog order: each chart that is its own card.
pub fn cards_in(section: &str) -> impl Iterator<Item = ChartId> + '_ {
    catalog()
        .filter(move |entry| entry.section == section && entry.card == entry.chart)
        .map(|entry| entry.chart)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_are_unique_and_round_trip() {
        let ids: HashSet<&str> = ChartId::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(ids.len(), ChartId::ALL.len());
        for chart in ChartId::ALL {
            assert_eq!(ChartId::parse(chart.as_str()), Some(chart));
        }
        assert_eq!(ChartId::parse("no-such-chart"), None);
    }

    #[test]
    fn ids_are_safe_file_names() {
        for chart in ChartId::ALL {
            assert!(chart
                .as_str()
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-'));
        }
    }

    #[test]
    fn every_row_is_its_own_chart_on_a_page_of_the_navigation() {
        for entry in catalog() {
            assert_eq!(entry.chart.entry().id, entry.id);
            assert!(Page::NAVIGATION.contains(&entry.page), "{}", entry.id);
            assert!(
                entry.needs.contains(&ResourceName::Sources),
                "{}: every chart names its sources",
                entry.id
            );
        }
    }

    #[test]
    fn every_chart_is_shown_by_a_card_in_its_own_section() {
        for entry in catalog() {
            let card = entry.card.entry();
            assert_eq!(card.card, card.chart, "{}: a card shows itself", entry.id);
            assert_eq!(card.page, entry.page, "{}", entry.id);
            assert_eq!(card.section, entry.section, "{}", entry.id);
            assert!(
                cards_in(entry.section).any(|c| c == entry.card),
                "{}",
                entry.id
            );
            assert!(
                entry.section.starts_with(entry.page.slug()),
                "{}: section {} is named after its page",
                entry.id,
                entry.section
            );
        }
        assert_eq!(
            cards_in("initiative-growth").collect::<Vec<_>>(),
            [ChartId::InitiativeGrowth, ChartId::InitiativeMetrics]
        );
        assert_eq!(
            cards_in("nextgen-park").collect::<Vec<_>>(),
            [ChartId::Park(ParkTopic::Residents)]
        );
    }

    #[test]
    fn every_park_topic_is_in_the_catalog() {
        for topic in ParkTopic::ALL {
            assert!(ChartId::ALL.contains(&ChartId::Park(topic)));
        }
    }
}
