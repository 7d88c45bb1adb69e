//! What every component of a page rendered ahead of time needs to know, provided once at
//! the top of the render (`crates/site`): the language, which document this is, the way
//! back to the site's root, and the validated data package. Components ask this module,
//! never the shell or the browser.
//!
//! Islands do not read it: they run in the browser, where only their props and the
//! published files are known.

use crate::figure_index::FigureIndex;
use klaster_core::charts::ChartId;
use klaster_core::embed::{chart_page_file, release_chart_page_file};
use klaster_core::registry::{Package, Resource};
use klaster_core::resources::{Accession, Actor, GlossaryEntry, Milestone, Source};
use klaster_core::route::{Page, Route};
use klaster_core::Locale;
use leptos::prelude::*;
use std::sync::Arc;

/// Which document is being rendered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Document {
    /// A page of the portal at `<lang>/<slug>/`.
    Portal(Page),
    /// A chart's own page at the site's root (`chart-<id>-<lang>.html`): the embed's
    /// document, the link a reader shares, the chart alone.
    Chart(ChartId),
    /// A figure's own page at `<lang>/figures/<id>/`: its value, sources, conflicts, uses,
    /// release and citations.
    Figure(String),
    /// A chart's page as a frozen data release shows it
    /// (`chart-<id>-<lang>-release-<version>.html`), rendered from that release's files:
    /// what an embed pinned to the release shows.
    ReleaseChart(ChartId, String),
    /// The site's root: sends a reader to their language, and old hash links to their page.
    Landing,
    /// `404.html`, which a host serves for any unknown address.
    NotFound,
}

#[derive(Clone)]
pub struct Site {
    pub locale: Locale,
    pub document: Document,
    /// From this document's folder to the site's root: `""`, `"../"`, `"../../"`.
    pub root: String,
    pub package: Arc<Package>,
    /// Where the site is published (`https://example.org/klaster/`), for the absolute
    /// addresses search engines and link previews need; `None` keeps them relative.
    pub url: Option<String>,
    /// What the whole build knows about the figures, shared by every document.
    pub index: Arc<FigureIndex>,
}

impl Site {
    pub fn new(
        locale: Locale,
        document: Document,
        package: Arc<Package>,
        url: Option<String>,
    ) -> Site {
        let index = Arc::new(FigureIndex::new(&package, Vec::new()));
        Site::with_index(locale, document, package, url, index)
    }

    /// A document of a build whose figure index is already made.
    pub fn with_index(
        locale: Locale,
        document: Document,
        package: Arc<Package>,
        url: Option<String>,
        index: Arc<FigureIndex>,
    ) -> Site {
        let depth = match &document {
            Document::Portal(page) => Route::depth(locale, page),
            Document::Figure(id) => Route::figure_href(locale, id).matches('/').count(),
            Document::Chart(_)
            | Document::ReleaseChart(..)
            | Document::Landing
            | Document::NotFound => 0,
        };
        // A host serves the not-found page at any address, however deep, so its links
        // start from the site's address (or the host's root when it is not known).
        let root = match document {
            Document::NotFound => url.clone().unwrap_or_else(|| "/".to_string()),
            _ => "../".repeat(depth),
        };
        Site {
            locale,
            document,
            root,
            package,
            url,
            index,
        }
    }

    /// `path` below the site's root as an absolute address when the site's address is
    /// known, else as a link from this document.
    pub fn absolute(&self, path: &str) -> String {
        match &self.url {
            Some(url) => format!("{url}{path}"),
            None => self.link(path),
        }
    }

    /// Where this document is published, below the site's root.
    pub fn path(&self) -> String {
        self.path_in(self.locale)
            .unwrap_or_else(|| match &self.document {
                Document::NotFound => "404.html".to_string(),
                _ => String::new(),
            })
    }

    /// Where this document is published in `locale`, for those that have a page in each
    /// language.
    pub fn path_in(&self, locale: Locale) -> Option<String> {
        match &self.document {
            Document::Portal(page) => Some(Route::href(locale, page)),
            Document::Figure(id) => Some(Route::figure_href(locale, id)),
            Document::Chart(chart) => Some(chart_page_file(*chart, locale)),
            Document::ReleaseChart(chart, version) => {
                Some(release_chart_page_file(version, *chart, locale))
            }
            Document::Landing | Document::NotFound => None,
        }
    }

    /// Where the chart pictures and files this document shows are, from its folder: the
    /// site's own, or a frozen release's (`releases/<version>/`).
    pub fn files_root(&self) -> String {
        match &self.document {
            Document::ReleaseChart(_, version) => {
                self.link(&klaster_core::embed::release_folder(version))
            }
            _ => self.root.clone(),
        }
    }

    /// The link to a chart's page as this document shows it: a release's page shows that
    /// release's other charts.
    pub fn chart_link(&self, chart: ChartId) -> String {
        match &self.document {
            Document::ReleaseChart(_, version) => {
                self.link(&release_chart_page_file(version, chart, self.locale))
            }
            _ => self.link(&chart_page_file(chart, self.locale)),
        }
    }

    /// The link to a figure's page in this document's language.
    pub fn figure_link(&self, id: &str) -> String {
        self.link(&Route::figure_href(self.locale, id))
    }

    /// Notes that this document shows the figure `id`, when it is a page of the
    /// navigation: the figure's page lists where it is shown.
    pub fn note_shown(&self, id: &str) {
        if let Document::Portal(page) = &self.document {
            if Page::NAVIGATION.contains(page) {
                self.index.record(id, page);
            }
        }
    }

    /// `path` below the site's root, as a link from this document.
    pub fn link(&self, path: &str) -> String {
        match (self.root.as_str(), path) {
            ("", "") => "./".to_string(),
            _ => format!("{}{path}", self.root),
        }
    }

    /// The link to a portal page in a language.
    pub fn page_link(&self, locale: Locale, page: &Page) -> String {
        self.link(&Route::href(locale, page))
    }

    /// The portal page this document is, if it is one.
    pub fn page(&self) -> Option<&Page> {
        match &self.document {
            Document::Portal(page) => Some(page),
            _ => None,
        }
    }

    /// One resource of the package. The build renders only a package that validated
    /// whole, so every resource is there; a page section whose resource is not shows
    /// nothing rather than failing.
    pub fn get<R: Resource>(&self) -> Option<&R> {
        self.package.resources.get::<R>().ok()
    }

    /// Every source of the package, for citations.
    pub fn sources(&self) -> &[Source] {
        self.get::<Vec<Source>>().map_or(&[], Vec::as_slice)
    }

    pub fn milestones(&self) -> &[Milestone] {
        self.get::<Vec<Milestone>>().map_or(&[], Vec::as_slice)
    }

    pub fn glossary(&self) -> &[GlossaryEntry] {
        self.get::<Vec<GlossaryEntry>>().map_or(&[], Vec::as_slice)
    }

    /// The people and bodies the package names.
    pub fn actors(&self) -> &[Actor] {
        self.get::<Accession>().map_or(&[], |a| a.actors.as_slice())
    }

    pub fn in_embed(&self) -> bool {
        matches!(
            self.document,
            Document::Chart(_) | Document::ReleaseChart(..)
        )
    }

    /// The frozen release this document shows, if it is one of a release's pages.
    pub fn release(&self) -> Option<&str> {
        match &self.document {
            Document::ReleaseChart(_, version) => Some(version),
            _ => None,
        }
    }
}

pub fn provide_site(site: Site) {
    provide_context(site);
}

/// The document being rendered. Only the build renders pages, and it always provides one.
pub fn use_site() -> Site {
    expect_context::<Site>()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(document: Document) -> Site {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data");
        let report = klaster_core::registry::validate_package(|p| {
            std::fs::read(dir.join(p)).map_err(|e| e.to_string())
        });
        Site::new(
            Locale::En,
            document,
            Arc::new(report.package.expect("the shipped package parses")),
            None,
        )
    }

    #[test]
    fn links_climb_from_the_page_folder_to_the_root() {
        let climate = site(Document::Portal(Page::Climate));
        assert_eq!(climate.root, "../../");
        assert_eq!(climate.page_link(Locale::Az, &Page::Data), "../../az/data/");
        assert_eq!(climate.link("data/sources.json"), "../../data/sources.json");
        let home = site(Document::Portal(Page::Home));
        assert_eq!(home.page_link(Locale::En, &Page::Home), "../en/");
        let chart = site(Document::Chart(ChartId::MemberMap));
        assert_eq!(chart.link("embed.js"), "embed.js");
        assert_eq!(chart.link(""), "./");
        let figure = site(Document::Figure("tic-2026-01-jobs".into()));
        assert_eq!(figure.root, "../../../");
        assert_eq!(
            figure.path_in(Locale::Az).as_deref(),
            Some("az/figures/tic-2026-01-jobs/")
        );
        let pinned = site(Document::ReleaseChart(ChartId::MemberMap, "1.0.0".into()));
        assert_eq!(pinned.path(), "chart-member-map-en-release-1-0-0.html");
        assert_eq!(pinned.files_root(), "releases/1.0.0/");
        assert_eq!(
            pinned.chart_link(ChartId::InitiativeGrowth),
            "chart-initiative-growth-en-release-1-0-0.html"
        );
    }
}
