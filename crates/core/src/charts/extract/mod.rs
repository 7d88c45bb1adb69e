//! From the validated package to the data of each chart: plain functions, one file
//! per part of the package. Nothing here types a figure; every value is read from
//! the package (or worked out from it, and then marked `Derived`).

mod accession;
mod climate;
mod clusters;
mod common;
mod initiative;
mod nextgen;
mod park;

use super::id::ChartId;
use super::model::ChartData;
use crate::validate::Package;

/// The data of chart `id`, or what the package lacks to draw it.
pub fn extract(id: ChartId, package: &Package) -> Result<ChartData, String> {
    let chart = match id {
        ChartId::InitiativeGrowth => initiative::growth(package),
        ChartId::InitiativeMetrics => initiative::metrics(package),
        ChartId::MembersByCountry => clusters::members_by_country(package),
        ChartId::NextgenCapacities => nextgen::capacities(package),
        ChartId::PolymerOutput => nextgen::polymer_output(package),
        ChartId::Park(topic) => park::over_time(package, topic),
        ChartId::EmissionsTargets => climate::emissions_targets(package),
        ChartId::AccessionTimeline => accession::timeline(package),
        ChartId::MemberMap => clusters::member_map(package),
    }
    .map_err(|problem| format!("chart {id}: {problem}"))?;
    if chart.is_empty() {
        return Err(format!("chart {id}: the package has no figures for it"));
    }
    Ok(chart)
}
