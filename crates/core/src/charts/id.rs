//! The charts of the catalog and their stable string ids (file names, embed URLs).

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

/// One chart of the catalog. The id never changes once published: it names the
/// rendered files (`<id>-<locale>.svg`) and will name embeds.
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
        ChartId::MemberMap,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ChartId::InitiativeGrowth => "initiative-growth",
            ChartId::InitiativeMetrics => "initiative-metrics",
            ChartId::MembersByCountry => "members-by-country",
            ChartId::NextgenCapacities => "nextgen-capacities",
            ChartId::PolymerOutput => "polymer-output",
            ChartId::Park(ParkTopic::Residents) => "park-residents",
            ChartId::Park(ParkTopic::Investment) => "park-investment",
            ChartId::Park(ParkTopic::Jobs) => "park-jobs",
            ChartId::Park(ParkTopic::Sales) => "park-sales",
            ChartId::Park(ParkTopic::Exports) => "park-exports",
            ChartId::EmissionsTargets => "emissions-targets",
            ChartId::AccessionTimeline => "accession-timeline",
            ChartId::MemberMap => "member-map",
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
    fn every_park_topic_is_in_the_catalog() {
        for topic in ParkTopic::ALL {
            assert!(ChartId::ALL.contains(&ChartId::Park(topic)));
        }
    }
}
