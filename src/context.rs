//! What every component of a page rendered ahead of time needs to know, provided once at
//! the top of the render (`crates/site`): the language, which document this is, the way
//! back to the site's root, and the validated data package. Components ask this module,
//! never the shell or the browser.
//!
//! Islands do not read it: they run in the browser, where only their props and the
//! published files are known.

use klaster_core::charts::ChartId;
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
}

impl Site {
    pub fn new(
        locale: Locale,
        document: Document,
        package: Arc<Package>,
        url: Option<String>,
    ) -> Site {
        let depth = match &document {
            Document::Portal(page) => Route::depth(locale, page),
            Document::Chart(_) | Document::Landing | Document::NotFound => 0,
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
        match &self.document {
            Document::Portal(page) => Route::href(self.locale, page),
            Document::Chart(chart) => klaster_core::embed::chart_page_file(*chart, self.locale),
            Document::Landing => String::new(),
            Document::NotFound => "404.html".to_string(),
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
        matches!(self.document, Document::Chart(_))
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
    }
}
