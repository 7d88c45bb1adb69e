//! The portal rendered ahead of time. One function per file kind: [`render_site`] walks
//! every document (each portal page in both languages, the chart pages, the landing page
//! and `404.html`), renders its `<body>` and `<head>` with the app's components inside a
//! Leptos owner set up for islands, and pours them into trunk's `index.html`.

mod template;

use klaster::context::{provide_site, Document, Site};
use klaster::head::head_html;
use klaster::pages::document_body;
use klaster::pages::not_found::NOT_FOUND_LOCALE;
use klaster_core::charts::{extract, ChartId};
use klaster_core::embed::{
    card_image_file, chart_page_file, oembed_file, snippet, DEFAULT_EMBED_HEIGHT,
};
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

/// Every document of the site, in the order written.
pub fn documents() -> Vec<(Locale, Document)> {
    let mut all = vec![
        (Locale::En, Document::Landing),
        (NOT_FOUND_LOCALE, Document::NotFound),
    ];
    for locale in Locale::ALL {
        for page in Page::NAVIGATION {
            all.push((locale, Document::Portal(page)));
        }
        for chart in ChartId::ALL {
            all.push((locale, Document::Chart(chart)));
        }
    }
    all
}

/// The file a document is written to, below `dist/`.
pub fn file_of(site: &Site) -> String {
    match &site.document {
        Document::Portal(page) => format!("{}index.html", Route::href(site.locale, page)),
        Document::Chart(chart) => chart_page_file(*chart, site.locale),
        Document::Landing => "index.html".to_string(),
        Document::NotFound => "404.html".to_string(),
    }
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
    for (locale, document) in documents() {
        let site = Site::new(locale, document, package.clone(), url.clone());
        let file = file_of(&site);
        let frame = match site.document {
            Document::Chart(_) => &embed_template,
            _ => &template,
        };
        let page = frame.page(&site, render_document(site.clone()))?;
        write(dist.join(file), page)?;
    }
    let origin = url
        .clone()
        .unwrap_or_else(|| PLACEHOLDER_ORIGIN.to_string());
    write(dist.join("sitemap.xml"), sitemap(&origin))?;
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

/// Every portal page in both languages, each with its pair (sitemaps.org with
/// Google's `xhtml:link` alternates).
pub fn sitemap(origin: &str) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in Page::NAVIGATION {
        for locale in Locale::ALL {
            out.push_str("  <url>\n");
            out.push_str(&format!(
                "    <loc>{}</loc>\n",
                xml_escape(&format!("{origin}{}", Route::href(locale, &page)))
            ));
            for other in Locale::ALL {
                out.push_str(&format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                    other.tag(),
                    xml_escape(&format!("{origin}{}", Route::href(other, &page)))
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
