//! The portal rendered ahead of time. One function per file kind: [`render_site`] walks
//! every document (each portal page in both languages, the finder, the chart pages, each
//! frozen release's chart pages, the landing page, `404.html`, and last each figure's
//! page, which lists the pages that showed it), renders its `<body>` and `<head>` with
//! the app's components inside a Leptos owner set up for islands, and pours them into
//! trunk's `index.html`. Then the release pictures, the Atom feeds, the sitemap.

mod template;

use klaster::components::releases::feed_file;
use klaster::context::{provide_site, Document, Site};
use klaster::figure_index::{FigureIndex, FrozenRelease};
use klaster::head::head_html;
use klaster::pages::document_body;
use klaster::pages::not_found::NOT_FOUND_LOCALE;
use klaster_core::charts::{extract, ChartId};
use klaster_core::embed::{
    card_image_file, chart_page_file, charts_of_card, oembed_file, release_folder, snippet,
    DEFAULT_EMBED_HEIGHT,
};
use klaster_core::feed::{atom_feed, FeedLinks};
use klaster_core::frozen::{frozen_package, frozen_path};
use klaster_core::registry::Package;
use klaster_core::route::{Page, Route};
use klaster_core::Locale;
use klaster_publish::render::{CARD_HEIGHT, CARD_WIDTH, WIDTH};
use leptos::prelude::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
pub use template::Template;

/// The host a sitemap names when the site's address is not known: reserved, so it can
/// never be mistaken for a real one (RFC 2606).
pub const PLACEHOLDER_ORIGIN: &str = "https://klaster.invalid/";

/// Where the site will be published.
pub struct SiteUrl;

impl SiteUrl {
    /// `https://example.org/klaster` → `Some("https://example.org/klaster/")`; empty → `None`.
    /// Only http(s) addresses without query, fragment, quotes or spaces are taken.
    pub fn parse(text: &str) -> Result<Option<String>, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        let valid = (text.starts_with("https://") || text.starts_with("http://"))
            && !text.contains(['"', '\'', '<', '>', ' ', '#', '?']);
        if !valid {
            return Err(format!(
                "site URL {text:?}: expected an http(s) address without query or fragment"
            ));
        }
        Ok(Some(format!("{}/", text.trim_end_matches('/'))))
    }
}

/// Every document of the site, in the order written: the figure pages last, once every
/// page that shows a figure has said so.
pub fn documents(index: &FigureIndex) -> Vec<(Locale, Document)> {
    let mut all = vec![
        (Locale::En, Document::Landing),
        (NOT_FOUND_LOCALE, Document::NotFound),
    ];
    for locale in Locale::ALL {
        for page in Page::NAVIGATION {
            all.push((locale, Document::Portal(page)));
        }
        all.push((locale, Document::Portal(Page::Figures)));
        for chart in ChartId::ALL {
            all.push((locale, Document::Chart(chart)));
        }
        for frozen in &index.releases {
            for chart in release_charts(frozen) {
                all.push((
                    locale,
                    Document::ReleaseChart(chart, frozen.release.version.clone()),
                ));
            }
        }
    }
    for locale in Locale::ALL {
        for listed in &index.figures {
            all.push((locale, Document::Figure(listed.figure.id.clone())));
        }
    }
    all
}

/// The charts a frozen release still draws with today's catalog: every chart of each
/// card must extract from its files (an older release may lack a figure a chart reads
/// now).
fn release_charts(frozen: &FrozenRelease) -> Vec<ChartId> {
    ChartId::ALL
        .into_iter()
        .filter(|chart| {
            charts_of_card(chart.entry().card)
                .into_iter()
                .all(|id| extract(id, &frozen.package.resources).is_ok())
        })
        .collect()
}

/// The file a document is written to, below `dist/`.
pub fn file_of(site: &Site) -> String {
    match &site.document {
        Document::Portal(_) | Document::Figure(_) => format!("{}index.html", site.path()),
        Document::Chart(_) | Document::ReleaseChart(..) | Document::NotFound => site.path(),
        Document::Landing => "index.html".to_string(),
    }
}

/// Every frozen release of the package in `package_dir`, newest first, read back from
/// its files. A release from before freezing existed has no folder and is left out.
pub fn frozen_releases(
    package_dir: &Path,
    package: &Package,
) -> Result<Vec<FrozenRelease>, String> {
    let read = |relative: &str| fs::read(package_dir.join(relative)).map_err(|e| e.to_string());
    let mut releases = Vec::new();
    for release in &package.descriptor.releases {
        let descriptor = frozen_path(&release.version, "datapackage.json");
        if !package_dir.join(descriptor).is_file() {
            continue;
        }
        let frozen = frozen_package(&package.descriptor, &release.version, read)?;
        releases.push(FrozenRelease::new(release.clone(), Arc::new(frozen)));
    }
    Ok(releases)
}

/// One document's `<head>` additions and `<body>`, from the app's components.
pub fn render_document(site: Site) -> (String, String) {
    let owner = Owner::new_root(Some(Arc::new(
        hydration_context::SsrSharedContext::new_islands(),
    )));
    owner.with(|| {
        let head = head_html(&site);
        let document = site.document.clone();
        provide_site(site);
        let body = document_body(&document).to_html();
        (head, body)
    })
}

/// Renders every document of the package in `package_dir` into `dist`, which trunk has
/// built (its `index.html` is the frame of every page; `embed_frame`, when given, the
/// frame of the chart pages: the embeds' own build). Returns the files written.
pub fn render_site(
    package_dir: &Path,
    dist: &Path,
    embed_frame: Option<&Path>,
    url: Option<String>,
) -> Result<Vec<PathBuf>, String> {
    let package = Arc::new(valid_package(package_dir)?);
    for chart in ChartId::ALL {
        extract(chart, &package.resources).map_err(|e| e.to_string())?;
    }
    let index = Arc::new(FigureIndex::new(
        &package,
        frozen_releases(package_dir, &package)?,
    ));
    let template = Template::read(&dist.join("index.html"))?;
    let embed_template = match embed_frame {
        Some(frame) => Template::read(frame)?,
        None => Template::read(&dist.join("index.html"))?,
    };
    let mut written = Vec::new();
    let mut write = |path: PathBuf, text: String| -> Result<(), String> {
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    for (locale, document) in documents(&index) {
        let shown = match &document {
            Document::ReleaseChart(_, version) => index
                .releases
                .iter()
                .find(|frozen| &frozen.release.version == version)
                .map_or_else(|| package.clone(), |frozen| frozen.package.clone()),
            _ => package.clone(),
        };
        let site = Site::with_index(locale, document, shown, url.clone(), index.clone());
        let file = file_of(&site);
        let frame = match site.document {
            Document::Chart(_) => &embed_template,
            _ => &template,
        };
        let page = frame.page(&site, render_document(site.clone()))?;
        write(dist.join(file), page)?;
    }
    let mut pictures = Vec::new();
    for frozen in &index.releases {
        let out = dist
            .join(release_folder(&frozen.release.version))
            .join("charts");
        let charts = release_charts(frozen);
        pictures.extend(klaster_publish::render::render_package(
            &frozen.package,
            &charts,
            false,
            &out,
        )?);
    }
    for locale in Locale::ALL {
        write(
            dist.join(feed_file(locale)),
            feed(&package, &index, locale, url.as_deref()),
        )?;
    }
    let origin = url
        .clone()
        .unwrap_or_else(|| PLACEHOLDER_ORIGIN.to_string());
    let figure_ids: Vec<&str> = index.figures.iter().map(|l| l.figure.id.as_str()).collect();
    write(dist.join("sitemap.xml"), sitemap(&origin, &figure_ids))?;
    write(dist.join("robots.txt"), robots(&origin))?;
    let embed_base = url.unwrap_or_default();
    for chart in ChartId::ALL {
        for locale in Locale::ALL {
            let data = extract(chart, &package.resources).map_err(|e| e.to_string())?;
            let title = data.spec.title.get(locale);
            write(
                dist.join(oembed_file(chart, locale)),
                oembed_json(&embed_base, chart, locale, title),
            )?;
        }
    }
    written.extend(pictures);
    Ok(written)
}

fn valid_package(package_dir: &Path) -> Result<Package, String> {
    let report = klaster_publish::validate_dir(package_dir);
    if !report.problems.is_empty() {
        let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
        return Err(format!(
            "the package in {} does not validate, so no page was written:\n{}",
            package_dir.display(),
            problems.join("\n")
        ));
    }
    report
        .package
        .ok_or_else(|| format!("the package in {} did not parse", package_dir.display()))
}

fn xml_escape(text: &str) -> String {
    klaster_core::charts::svg::escape_xml(text)
}

/// The Atom feed of the package's releases and corrections in `locale`, at
/// `<lang>/feed.xml`: its links absolute when the site's address is known, else relative
/// to the feed's own folder.
pub fn feed(package: &Package, index: &FigureIndex, locale: Locale, url: Option<&str>) -> String {
    let base = match url {
        Some(url) => format!("{url}{}/", locale.tag()),
        None => String::new(),
    };
    let figure = |id: &str| index.figure(id).map(|_| format!("{base}figures/{id}/"));
    let authority = url
        .and_then(|url| url.split("://").nth(1))
        .and_then(|rest| rest.split(['/', ':']).next())
        .filter(|host| !host.is_empty())
        .unwrap_or("klaster.invalid")
        .to_string();
    atom_feed(
        &package.descriptor,
        locale,
        &FeedLinks {
            feed: format!("{base}feed.xml"),
            data_page: format!("{base}data/"),
            figure: &figure,
            authority,
        },
    )
}

/// Every portal page, the finder and each figure's page in both languages, each with its
/// pair (sitemaps.org with Google's `xhtml:link` alternates).
pub fn sitemap(origin: &str, figure_ids: &[&str]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    // Each address with its pair: one entry per language, naming both.
    let pair = |href: &dyn Fn(Locale) -> String| -> Vec<(Locale, String)> {
        Locale::ALL.iter().map(|l| (*l, href(*l))).collect()
    };
    let mut pairs: Vec<Vec<(Locale, String)>> = Page::NAVIGATION
        .into_iter()
        .chain([Page::Figures])
        .map(|page| pair(&|locale| Route::href(locale, &page)))
        .collect();
    pairs.extend(
        figure_ids
            .iter()
            .map(|id| pair(&|locale| Route::figure_href(locale, id))),
    );
    for pair in &pairs {
        for (_, href) in pair {
            out.push_str("  <url>\n");
            out.push_str(&format!(
                "    <loc>{}</loc>\n",
                xml_escape(&format!("{origin}{href}"))
            ));
            for (other, other_href) in pair {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    other.tag(),
                    xml_escape(&format!("{origin}{other_href}"))
                ));
            }
            out.push_str("  </url>\n");
        }
    }
    out.push_str("</urlset>\n");
    out
}

pub fn robots(origin: &str) -> String {
    format!("User-agent: *\nAllow: /\n\nSitemap: {origin}sitemap.xml\n")
}

/// oEmbed 1.0 "rich" response: the iframe snippet, with the social card as thumbnail.
fn oembed_json(base: &str, chart: ChartId, locale: Locale, title: &str) -> String {
    let html = snippet(
        &format!("{base}{}", chart_page_file(chart, locale)),
        title,
        &format!("{base}embed.js"),
    );
    let value = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "Klaster",
        "provider_url": base,
        "title": title,
        "html": html,
        "width": WIDTH,
        "height": DEFAULT_EMBED_HEIGHT,
        "thumbnail_url": format!("{base}{}", card_image_file(chart, locale)),
        "thumbnail_width": CARD_WIDTH,
        "thumbnail_height": CARD_HEIGHT,
        "cache_age": 86400,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests;
