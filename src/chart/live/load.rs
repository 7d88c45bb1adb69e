//! The resources a chart card reads, fetched and verified through [`crate::data`]
//! (once for the whole page) and assembled into the core's `Package` ([`super::super::parts`]).

use crate::chart::parts::{ChartSource, Parts};
use crate::chart::resources_of;
use crate::data::{self, LoadError};
use futures::future::{try_join_all, FutureExt, LocalBoxFuture};
use klaster_core::charts::export::SourceIndex;
use klaster_core::charts::ChartId;
use klaster_core::package::ResourceName;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

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
    let names = resources_of(chart);
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
