//! What a chart card draws from: exactly the resources its chart reads (the core's
//! catalog says which), and which sources each of their records cites.

use klaster_core::charts::export::SourceIndex;
use klaster_core::registry::Resources;
use klaster_core::resources::Source;

pub struct ChartSource {
    pub resources: Resources,
    pub index: SourceIndex,
    /// Whether every file read matched its published hash.
    pub verified: bool,
}

impl ChartSource {
    pub fn new(resources: Resources, verified: bool) -> ChartSource {
        ChartSource {
            index: SourceIndex::new(&resources),
            resources,
            verified,
        }
    }

    /// The sources, for the names and links beside the values.
    pub fn sources(&self) -> &[Source] {
        self.resources
            .get::<Vec<Source>>()
            .map_or(&[], Vec::as_slice)
    }
}
