//! What the whole build knows about the figures, beyond the one document being
//! rendered: every figure of the package, the charts that draw each one (from the chart
//! catalog's rows), the portal pages that show each one (recorded as those pages render,
//! so figure pages render last), and the frozen releases, for a figure's history.
//! One index is shared by every document of a build.

use klaster_core::charts::export::rows;
use klaster_core::charts::{extract, ChartId};
use klaster_core::finder::{all_figures, ListedFigure};
use klaster_core::package::Release;
use klaster_core::registry::Package;
use klaster_core::route::Page;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

pub struct FigureIndex {
    /// Every figure of the current package, in the package's order.
    pub figures: Vec<ListedFigure>,
    /// The charts each figure is drawn in, by figure id, in the catalog's order.
    charts: BTreeMap<String, Vec<ChartId>>,
    /// The portal pages each figure was shown on, by figure id.
    shown: Mutex<BTreeMap<String, Vec<Page>>>,
    /// The current package's newest release.
    pub latest: Option<Release>,
    /// Every frozen release the build could read, newest first.
    pub releases: Vec<FrozenRelease>,
}

/// A data release as its frozen files hold it.
pub struct FrozenRelease {
    pub release: Release,
    pub package: Arc<Package>,
    pub figures: Vec<ListedFigure>,
}

impl FrozenRelease {
    pub fn new(release: Release, package: Arc<Package>) -> FrozenRelease {
        let figures = all_figures(&package.resources);
        FrozenRelease {
            release,
            package,
            figures,
        }
    }
}

impl FigureIndex {
    /// The index of `package`, with the frozen `releases` (newest first) it was read with.
    pub fn new(package: &Package, releases: Vec<FrozenRelease>) -> FigureIndex {
        let mut charts: BTreeMap<String, Vec<ChartId>> = BTreeMap::new();
        for chart in ChartId::ALL {
            // The build stops before rendering on a chart that does not extract.
            let Ok(data) = extract(chart, &package.resources) else {
                continue;
            };
            for id in rows(&data).into_iter().flat_map(|row| row.figure_ids) {
                let drawn_in = charts.entry(id).or_default();
                if !drawn_in.contains(&chart) {
                    drawn_in.push(chart);
                }
            }
        }
        FigureIndex {
            figures: all_figures(&package.resources),
            charts,
            shown: Mutex::new(BTreeMap::new()),
            latest: package.descriptor.releases.first().cloned(),
            releases,
        }
    }

    /// Notes that `page` shows the figure `id`.
    pub fn record(&self, id: &str, page: &Page) {
        if let Ok(mut shown) = self.shown.lock() {
            let pages = shown.entry(id.to_string()).or_default();
            if !pages.contains(page) {
                pages.push(page.clone());
            }
        }
    }

    /// The pages that showed the figure `id`, in the order of the navigation.
    pub fn pages_of(&self, id: &str) -> Vec<Page> {
        let shown = self
            .shown
            .lock()
            .map(|shown| shown.get(id).cloned().unwrap_or_default())
            .unwrap_or_default();
        Page::NAVIGATION
            .into_iter()
            .filter(|page| shown.contains(page))
            .collect()
    }

    /// The charts that draw the figure `id`.
    pub fn charts_of(&self, id: &str) -> &[ChartId] {
        self.charts.get(id).map_or(&[], Vec::as_slice)
    }

    pub fn figure(&self, id: &str) -> Option<&ListedFigure> {
        klaster_core::finder::find(&self.figures, id)
    }

    /// The figure `id` in each frozen release older than the current one, newest first:
    /// `None` where that release did not have it.
    pub fn history(&self, id: &str) -> Vec<(&Release, Option<&ListedFigure>)> {
        let current = self.latest.as_ref().map(|r| r.version.as_str());
        self.releases
            .iter()
            .filter(|frozen| Some(frozen.release.version.as_str()) != current)
            .map(|frozen| {
                (
                    &frozen.release,
                    klaster_core::finder::find(&frozen.figures, id),
                )
            })
            .collect()
    }
}
