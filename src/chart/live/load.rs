//! The resources a chart card reads, fetched, verified and parsed through
//! [`crate::data`] (once for the whole page): cards that read the same files share them.

use crate::chart::parts::ChartSource;
use crate::data::{self, LoadError};
use klaster_core::charts::ChartId;
use klaster_core::ResourceName;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

thread_local! {
    /// Sources already assembled, by the resources they hold.
    static ASSEMBLED: RefCell<HashMap<&'static [ResourceName], Arc<ChartSource>>> =
        RefCell::new(HashMap::new());
}

/// The resources `chart` reads, fetched at once.
pub async fn chart_source(chart: ChartId) -> Result<Arc<ChartSource>, LoadError> {
    let names = chart.entry().needs;
    if let Some(ready) = ASSEMBLED.with(|a| a.borrow().get(names).cloned()) {
        return Ok(ready);
    }
    let (resources, verified) = data::resources(names).await?;
    let source = Arc::new(ChartSource::new(resources, verified));
    ASSEMBLED.with(|a| a.borrow_mut().insert(names, source.clone()));
    Ok(source)
}
