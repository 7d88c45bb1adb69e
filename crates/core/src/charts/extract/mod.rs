//! From the resources to the data of each chart: plain functions, one file per part of
//! the package. Nothing here types a figure; every value is read from the resources (or
//! worked out from them, and then marked `Derived`).
//!
//! Each function takes the resources it reads from a [`Resources`] set, so a chart given
//! fewer than it reads says which one is missing rather than drawing from a stand-in.

pub(super) mod accession;
pub(super) mod climate;
pub(super) mod clusters;
mod common;
pub(super) mod initiative;
pub(super) mod nextgen;
pub(super) mod park;

use super::catalog::ChartId;
use super::model::ChartData;
use crate::registry::{Missing, Resources};
use crate::resources::ResourceName;
use std::fmt;

/// Why a chart cannot be drawn from the resources it was given.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartError {
    pub chart: ChartId,
    pub lack: Lack,
}

/// What a chart lacks.
#[derive(Debug, Clone, PartialEq)]
pub enum Lack {
    /// A resource the chart reads is not in the set.
    Resource(ResourceName),
    /// The resources do not have what the chart shows, in words.
    Data(String),
}

impl ChartError {
    /// The resource the chart would have read, when that is what it lacks.
    pub fn missing(&self) -> Option<ResourceName> {
        match self.lack {
            Lack::Resource(name) => Some(name),
            Lack::Data(_) => None,
        }
    }
}

impl From<Missing> for Lack {
    fn from(missing: Missing) -> Lack {
        Lack::Resource(missing.0)
    }
}

impl From<&str> for Lack {
    fn from(words: &str) -> Lack {
        Lack::Data(words.to_string())
    }
}

impl fmt::Display for Lack {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lack::Resource(name) => Missing(*name).fmt(f),
            Lack::Data(words) => f.write_str(words),
        }
    }
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chart {}: {}", self.chart, self.lack)
    }
}

impl std::error::Error for ChartError {}

/// The data of chart `id`, from its row's extract function, or what the resources lack
/// to draw it.
pub fn extract(id: ChartId, resources: &Resources) -> Result<ChartData, ChartError> {
    let chart = (id.entry().extract)(resources).map_err(|lack| ChartError { chart: id, lack })?;
    if chart.is_empty() {
        return Err(ChartError {
            chart: id,
            lack: "the package has no figures for it".into(),
        });
    }
    Ok(chart)
}
