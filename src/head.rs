//! What a document says about itself in its `<head>`: its own title and description,
//! its canonical address and the same page in the other language, an Open Graph card for
//! link previews, the feed of data releases, and schema.org JSON-LD (a `Dataset` on the
//! data page and on each figure's page). Rendered ahead of time with the page, so search
//! engines and link previews read it without scripts.

use crate::components::releases::feed_file;
use crate::context::{Document, Site};
use klaster_core::charts::{extract, ChartId};
use klaster_core::embed::{card_image_file, escape_attribute as esc, oembed_file};
use klaster_core::format::{format_date, format_value, unit_label};
use klaster_core::i18n::{confidence_label, page_description, page_title, Msg};
use klaster_core::queries::{cited_sources, publishers};
use klaster_core::route::{Page, Route};
use klaster_core::Locale;
use serde_json::json;

/// The size of the social cards `klaster-publish render` draws.
pub const CARD_SIZE: (u32, u32) = (1200, 630);

/// A document's title and description in its language.
pub fn title_and_description(site: &Site) -> (String, String) {
    let locale = site.locale;
    let name = Msg::SiteName.get(locale);
    match &site.document {
        Document::Portal(Page::Home) => (
            format!("{name} · {}", Msg::HomeTitle.get(locale)),
            page_description(&Page::Home).get(locale).to_string(),
        ),
        Document::Portal(page) => (
            format!("{} · {name}", page_title(page).get(locale)),
            page_description(page).get(locale).to_string(),
        ),
        Document::Chart(chart) | Document::ReleaseChart(chart, _) => {
            match extract(*chart, &site.package.resources) {
                Ok(data) => (
                    format!("{} · {name}", data.spec.title.get(locale)),
                    data.spec.subtitle.get(locale).to_string(),
                ),
                Err(_) => (name.to_string(), Msg::SiteTagline.get(locale).to_string()),
            }
        }
        Document::Figure(id) => match site.index.figure(id) {
            Some(listed) => figure_words(site, &listed.figure),
            None => (name.to_string(), Msg::SiteTagline.get(locale).to_string()),
        },
        Document::Landing => (
            format!("{name} · {}", Msg::SiteTagline.get(locale)),
            format!(
                "{} {}",
                page_description(&Page::Home).get(Locale::Az),
                page_description(&Page::Home).get(Locale::En)
            ),
        ),
        Document::NotFound => (
            format!("404 · {} · {name}", Msg::NotFoundTitle.get(locale)),
            Msg::NotFoundBody.get(locale).to_string(),
        ),
    }
}

/// A figure's title ("4.6 million jobs: Jobs supported…") and description (its date,
/// confidence and sources), in the page's language: what a link preview shows.
fn figure_words(site: &Site, figure: &klaster_core::Figure<()>) -> (String, String) {
    let locale = site.locale;
    let value = format_value(figure.value, figure.unit, figure.qualifier, locale);
    // With its date: figures of one measure at other dates (countries added in one
    // year and another) would otherwise share a title.
    let title = format!(
        "{value}: {}, {} · {}",
        figure.label.get(locale),
        format_date(figure.as_of, locale),
        Msg::SiteName.get(locale)
    );
    let publishers = publishers(site.sources(), &figure.sources).join(", ");
    let description = format!(
        "{value}. {}: {}. {}: {}. {}: {publishers}.",
        Msg::AsOf.get(locale),
        format_date(figure.as_of, locale),
        Msg::ConfidenceLabel.get(locale),
        confidence_label(figure.confidence).get(locale),
        Msg::Sources.get(locale),
    );
    (title, description)
}

/// The same document in each language, and the one for readers of neither.
fn alternates(site: &Site) -> Vec<(&'static str, String)> {
    let landing = ("x-default", site.absolute(""));
    match &site.document {
        Document::NotFound => Vec::new(),
        // The landing page's pair is the home page in each language.
        Document::Landing => Locale::ALL
            .iter()
            .map(|l| (l.tag(), site.absolute(&Route::href(*l, &Page::Home))))
            .chain([landing])
            .collect(),
        document => {
            // Readers of neither language start at the landing page, from every page of the
            // portal (a figure's page too); a chart page stands alone.
            let portal = !matches!(document, Document::Chart(_) | Document::ReleaseChart(..));
            Locale::ALL
                .iter()
                .filter_map(|l| Some((l.tag(), site.absolute(&site.path_in(*l)?))))
                .chain(portal.then_some(landing))
                .collect()
        }
    }
}

/// The chart whose social card stands for the document in a link preview.
fn preview_chart(document: &Document) -> ChartId {
    match document {
        Document::Chart(chart) | Document::ReleaseChart(chart, _) => *chart,
        Document::Portal(Page::Nextgen) => ChartId::NextgenCapacities,
        Document::Portal(Page::Climate) => ChartId::EmissionsTargets,
        Document::Portal(Page::Azerbaijan) => ChartId::AccessionTimeline,
        _ => ChartId::InitiativeGrowth,
    }
}

/// schema.org: a `Dataset` for the data package on the data page, a `WebSite` on the
/// home page, and the page's own type elsewhere.
pub fn json_ld(site: &Site) -> serde_json::Value {
    let (title, description) = title_and_description(site);
    let url = site.absolute(&site.path());
    let language = site.locale.tag();
    let website = json!({
        "@type": "WebSite",
        "name": Msg::SiteName.get(site.locale),
        "url": site.absolute(""),
        "inLanguage": ["az", "en"],
    });
    match &site.document {
        Document::Portal(Page::Data) => {
            let descriptor = &site.package.descriptor;
            let licence = descriptor.licenses.first();
            let distribution: Vec<_> = descriptor
                .resources
                .iter()
                .flat_map(|resource| {
                    let title = resource.title_in(site.locale);
                    [
                        json!({
                            "@type": "DataDownload",
                            "name": title,
                            "encodingFormat": resource.mediatype,
                            "contentUrl": site.absolute(&format!("data/{}", resource.path)),
                        }),
                        json!({
                            "@type": "DataDownload",
                            "name": format!("{title} (CSV)"),
                            "encodingFormat": "text/csv",
                            "contentUrl": site.absolute(&format!(
                                "data/{}",
                                klaster_core::csv::csv_path(resource.name)
                            )),
                        }),
                    ]
                })
                .collect();
            json!({
                "@context": "https://schema.org",
                "@type": "Dataset",
                "name": match site.locale {
                    Locale::Az => descriptor.translations.az.title.clone(),
                    Locale::En => descriptor.title.clone(),
                },
                "description": match site.locale {
                    Locale::Az => descriptor.translations.az.description.clone(),
                    Locale::En => descriptor.description.clone(),
                },
                "url": url,
                "version": descriptor.version,
                "license": licence.map(|l| l.path.clone()),
                "isAccessibleForFree": true,
                "inLanguage": ["az", "en"],
                "creator": { "@type": "Organization", "name": "Klaster", "url": site.absolute("") },
                "keywords": [
                    "World Economic Forum", "Transitioning Industrial Clusters", "Azerbaijan",
                    "NextGen", "Sumgait Industrial Park", "SOCAR Polymer", "SOCAR Karbamid"
                ],
                "distribution": distribution,
                "isPartOf": website,
            })
        }
        Document::Figure(id) => match site.index.figure(id) {
            Some(listed) => figure_json_ld(site, &listed.figure, url, website),
            None => json!({ "@context": "https://schema.org", "@type": "WebPage", "url": url }),
        },
        Document::Portal(Page::Home) | Document::Landing => json!({
            "@context": "https://schema.org",
            "@type": "WebSite",
            "name": Msg::SiteName.get(site.locale),
            "description": description,
            "url": url,
            "inLanguage": language,
        }),
        document => {
            let kind = match document {
                Document::Portal(Page::About) => "AboutPage",
                Document::Portal(Page::Sources) | Document::Portal(Page::Figures) => {
                    "CollectionPage"
                }
                _ => "WebPage",
            };
            json!({
                "@context": "https://schema.org",
                "@type": kind,
                "name": title,
                "description": description,
                "url": url,
                "inLanguage": language,
                "isPartOf": website,
            })
        }
    }
}

/// A figure as schema.org sees it: a `Dataset` of one value. `Dataset` rather than the
/// still-pending `Observation`: search engines index it (Google's Dataset Search reads
/// it), and its `variableMeasured` (a `PropertyValue` with `value` and `unitText`) says
/// exactly what the number is, with `temporalCoverage` its date, `citation` its original
/// sources, `version` its release and `distribution` the release's unchanging file.
fn figure_json_ld(
    site: &Site,
    figure: &klaster_core::Figure<()>,
    url: String,
    website: serde_json::Value,
) -> serde_json::Value {
    let locale = site.locale;
    let (_, description) = figure_words(site, figure);
    let release = site.index.latest.as_ref();
    let file = site
        .index
        .figure(&figure.id)
        .and_then(|listed| site.package.descriptor.resource(listed.resource))
        .zip(release)
        .map(|(resource, release)| {
            site.absolute(&format!(
                "data/releases/{}/{}",
                release.version, resource.path
            ))
        });
    let citations: Vec<_> = cited_sources(site.sources(), &figure.sources)
        .into_iter()
        .map(|source| {
            json!({
                "@type": "CreativeWork",
                "name": source.title,
                "publisher": { "@type": "Organization", "name": source.publisher },
                "url": source.url,
                "datePublished": source.published.map(|d| d.to_string()),
            })
        })
        .collect();
    json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": figure.label.get(locale),
        "description": description,
        "url": url,
        "identifier": figure.id,
        "inLanguage": locale.tag(),
        "temporalCoverage": figure.as_of.to_string(),
        "version": release.map(|r| r.version.clone()),
        "dateModified": release.map(|r| r.date.to_string()),
        "license": site.package.descriptor.licenses.first().map(|l| l.path.clone()),
        "isAccessibleForFree": true,
        "creator": { "@type": "Organization", "name": "Klaster", "url": site.absolute("") },
        "variableMeasured": {
            "@type": "PropertyValue",
            "name": figure.label.get(locale),
            "value": figure.value,
            "unitText": unit_label(figure.unit, locale),
        },
        "citation": citations,
        "distribution": file.map(|file| json!({
            "@type": "DataDownload",
            "encodingFormat": "application/json",
            "contentUrl": file,
        })),
        "isPartOf": website,
    })
}

/// JSON inside `<script>`: a `</` would end the element early.
fn script_safe(json: &serde_json::Value) -> String {
    json.to_string().replace("</", "<\\/")
}

/// Everything the document adds to the template's `<head>`, as HTML.
pub fn head_html(site: &Site) -> String {
    let (title, description) = title_and_description(site);
    let canonical = site.absolute(&site.path());
    let og_locale = match site.locale {
        Locale::Az => "az_AZ",
        Locale::En => "en_GB",
    };
    let card = site.absolute(&card_image_file(preview_chart(&site.document), site.locale));
    let mut lines = vec![
        format!("<title>{}</title>", escape_text(&title)),
        meta("name", "description", &description),
    ];
    // A release's chart page shows older data than the chart's own page: readers who
    // search should find the current one.
    if matches!(
        site.document,
        Document::NotFound | Document::ReleaseChart(..)
    ) {
        lines.push(meta("name", "robots", "noindex"));
    }
    if !matches!(site.document, Document::NotFound) {
        lines.push(format!(
            "<link rel=\"canonical\" href=\"{}\">",
            esc(&canonical)
        ));
    }
    for (hreflang, href) in alternates(site) {
        lines.push(format!(
            "<link rel=\"alternate\" hreflang=\"{hreflang}\" href=\"{}\">",
            esc(&href)
        ));
    }
    for (property, value) in [
        ("og:type", "website".to_string()),
        ("og:site_name", "Klaster".to_string()),
        ("og:title", title.clone()),
        ("og:description", description.clone()),
        ("og:url", canonical),
        ("og:locale", og_locale.to_string()),
        ("og:image", card.clone()),
        ("og:image:width", CARD_SIZE.0.to_string()),
        ("og:image:height", CARD_SIZE.1.to_string()),
        ("og:image:alt", title.clone()),
    ] {
        lines.push(meta("property", property, &value));
    }
    for (name, value) in [
        ("twitter:card", "summary_large_image".to_string()),
        ("twitter:title", title.clone()),
        ("twitter:description", description),
        ("twitter:image", card),
    ] {
        lines.push(meta("name", name, &value));
    }
    if crate::shell::has_shell(&site.document) {
        lines.push(format!(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"{}\" title=\"{}\">",
            esc(&site.absolute(&feed_file(site.locale))),
            esc(Msg::FeedTitle.get(site.locale))
        ));
    }
    if let Document::Chart(chart) = site.document {
        lines.push(format!(
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{}\">",
            esc(&site.absolute(&oembed_file(chart, site.locale))),
            esc(&title)
        ));
    }
    lines.push(format!(
        "<script type=\"application/ld+json\">{}</script>",
        script_safe(&json_ld(site))
    ));
    lines.join("\n  ")
}

fn meta(kind: &str, name: &str, content: &str) -> String {
    format!("<meta {kind}=\"{name}\" content=\"{}\">", esc(content))
}

/// Text for an element's content.
fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}
