//! `klaster-publish pages`: one small static page per chart and language at the root of
//! the built site (`chart-<id>-<lang>.html`). Each page is at once
//! - the document an embed's iframe loads: it boots the same wasm, which swaps the static
//!   chart for the interactive card;
//! - what a reader sees with scripts off: the chart as an image (SVG, PNG fallback) drawn
//!   by the same drawing function, and its values as a table;
//! - the link a reader shares: Open Graph and Twitter meta with a social-card image, so
//!   the link unfurls with a picture although the portal renders in the browser;
//! - the oEmbed provider's page: a discovery link to `oembed/<id>-<lang>.json`.
//!
//! The page is built from trunk's `index.html` (its stylesheets and boot marker), so the
//! hardening step after it treats every page alike.

use crate::render::{self, CARD_HEIGHT, CARD_WIDTH, HEIGHT, WIDTH};
use crate::validate_dir;
use klaster_core::charts::describe::describe;
use klaster_core::charts::export::{rows, text_table, SourceIndex};
use klaster_core::charts::{extract, ChartData, ChartId};
use klaster_core::embed::{
    card_image_file, chart_page_file, escape_attribute as esc, image_file, oembed_file, portal_url,
    snippet, ChartState, DEFAULT_EMBED_HEIGHT,
};
use klaster_core::format::format_date;
use klaster_core::i18n::Msg;
use klaster_core::registry::Package;
use klaster_core::resources::Source;
use klaster_core::text::Locale;
use std::fs;
use std::path::{Path, PathBuf};

/// Where the site will be published, for the absolute addresses social networks and
/// oEmbed consumers need. Empty: every address stays relative (fine locally, but a
/// shared link will not unfurl with its image).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SiteUrl(String);

impl SiteUrl {
    /// `https://example.org/klaster` → `https://example.org/klaster/`. Only http(s)
    /// addresses without quotes or spaces are taken.
    pub fn parse(text: &str) -> Result<SiteUrl, String> {
        let text = text.trim();
        if text.is_empty() {
            return Ok(SiteUrl::default());
        }
        let valid = (text.starts_with("https://") || text.starts_with("http://"))
            && !text.contains(['"', '\'', '<', '>', ' ', '#', '?']);
        if !valid {
            return Err(format!(
                "site URL {text:?}: expected an http(s) address without query or fragment"
            ));
        }
        Ok(SiteUrl(format!("{}/", text.trim_end_matches('/'))))
    }

    pub fn is_set(&self) -> bool {
        !self.0.is_empty()
    }

    /// `path` below the site: absolute when the site URL is known.
    pub fn join(&self, path: &str) -> String {
        format!("{}{path}", self.0)
    }
}

/// Everything one page needs.
struct PageInput<'a> {
    chart: &'a ChartData,
    locale: Locale,
    index: &'a SourceIndex,
    sources: &'a [Source],
    site: &'a SiteUrl,
}

/// Renders the images, then writes every chart page and oEmbed file into `dist`, using
/// `dist/index.html` (as trunk wrote it) as the template. Returns the files written.
pub fn write_pages(
    package_dir: &Path,
    dist: &Path,
    site: &SiteUrl,
) -> Result<Vec<PathBuf>, String> {
    let template_path = dist.join("index.html");
    let template = fs::read_to_string(&template_path).map_err(|e| {
        format!(
            "{}: {e} (build the site with trunk first)",
            template_path.display()
        )
    })?;
    let mut written = render::render_dir(package_dir, &dist.join("charts"))?;
    let resources = valid_package(package_dir)?.resources;
    let sources: &Vec<Source> = resources.get().map_err(|e| e.to_string())?;
    let index = SourceIndex::new(&resources);
    fs::create_dir_all(dist.join("oembed")).map_err(|e| e.to_string())?;
    for chart_id in ChartId::ALL {
        let chart = extract(chart_id, &resources).map_err(|e| e.to_string())?;
        for locale in Locale::ALL {
            let input = PageInput {
                chart: &chart,
                locale,
                index: &index,
                sources,
                site,
            };
            let page = dist.join(chart_page_file(chart_id, locale));
            fs::write(&page, chart_page(&template, &input)?).map_err(|e| e.to_string())?;
            written.push(page);
            let oembed = dist.join(oembed_file(chart_id, locale));
            fs::write(&oembed, oembed_json(&input)).map_err(|e| e.to_string())?;
            written.push(oembed);
        }
    }
    Ok(written)
}

fn valid_package(package_dir: &Path) -> Result<Package, String> {
    let report = validate_dir(package_dir);
    if !report.problems.is_empty() {
        return Err(format!(
            "the package in {} does not validate",
            package_dir.display()
        ));
    }
    report
        .package
        .ok_or_else(|| format!("the package in {} did not parse", package_dir.display()))
}

/// The part of `html` from `start` up to the end of `end`.
fn span(html: &str, start: &str, end: &str) -> Result<(usize, usize), String> {
    let from = html
        .find(start)
        .ok_or_else(|| format!("the index.html template has no {start}"))?;
    let to = from
        + html[from..]
            .find(end)
            .ok_or_else(|| format!("the index.html template has no {end} after {start}"))?
        + end.len();
    Ok((from, to))
}

fn replace_span(html: &mut String, start: &str, end: &str, with: &str) -> Result<(), String> {
    let (from, to) = span(html, start, end)?;
    html.replace_range(from..to, with);
    Ok(())
}

fn chart_page(template: &str, input: &PageInput) -> Result<String, String> {
    let PageInput { chart, locale, .. } = *input;
    let id = chart.spec.id;
    let title = format!(
        "{} · {}",
        chart.spec.title.get(locale),
        Msg::SiteName.get(locale)
    );
    // The page paints its static chart before it starts the app (see the boot script in
    // xtask/src/harden.rs), so the template's early fetches of the app are dropped.
    let mut html = without_tags(template, "<link rel=\"modulepreload\"");
    html = without_tags(&html, "<link rel=\"preload\"");
    replace_span(
        &mut html,
        "<html",
        ">",
        &format!(
            "<html lang=\"{}\" data-embed=\"{}\">",
            locale.tag(),
            id.as_str()
        ),
    )?;
    replace_span(
        &mut html,
        "<title>",
        "</title>",
        &format!("<title>{}</title>", esc(&title)),
    )?;
    replace_span(
        &mut html,
        "<meta name=\"description\"",
        ">",
        &format!(
            "<meta name=\"description\" content=\"{}\">\n{}",
            esc(chart.spec.subtitle.get(locale)),
            head_links(input)
        ),
    )?;
    let (body_start, _) = span(&html, "<body>", "<body>")?;
    let (_, body_end) = span(&html, "</body>", "</body>")?;
    html.replace_range(
        body_start..body_end,
        &format!("<body>\n{}</body>", static_chart(input)),
    );
    Ok(html)
}

/// `html` without the tags that start with `opening` (up to their `>`).
fn without_tags(html: &str, opening: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(opening) {
        out.push_str(&rest[..at]);
        rest = match rest[at..].find('>') {
            Some(end) => &rest[at + end + 1..],
            None => "",
        };
    }
    out.push_str(rest);
    out
}

/// Social meta, oEmbed discovery and the page in the other language.
fn head_links(input: &PageInput) -> String {
    let PageInput {
        chart,
        locale,
        site,
        ..
    } = *input;
    let id = chart.spec.id;
    let title = esc(chart.spec.title.get(locale));
    let description = esc(chart.spec.subtitle.get(locale));
    let card = site.join(&card_image_file(id, locale));
    let og_locale = match locale {
        Locale::Az => "az_AZ",
        Locale::En => "en_GB",
    };
    let mut lines = vec![
        format!("  <meta property=\"og:type\" content=\"website\">"),
        format!("  <meta property=\"og:site_name\" content=\"Klaster\">"),
        format!("  <meta property=\"og:title\" content=\"{title}\">"),
        format!("  <meta property=\"og:description\" content=\"{description}\">"),
        format!("  <meta property=\"og:locale\" content=\"{og_locale}\">"),
        format!("  <meta property=\"og:image\" content=\"{}\">", esc(&card)),
        format!("  <meta property=\"og:image:width\" content=\"{CARD_WIDTH}\">"),
        format!("  <meta property=\"og:image:height\" content=\"{CARD_HEIGHT}\">"),
        format!("  <meta property=\"og:image:alt\" content=\"{title}\">"),
        format!("  <meta name=\"twitter:card\" content=\"summary_large_image\">"),
        format!("  <meta name=\"twitter:title\" content=\"{title}\">"),
        format!("  <meta name=\"twitter:description\" content=\"{description}\">"),
        format!("  <meta name=\"twitter:image\" content=\"{}\">", esc(&card)),
        format!("  <meta name=\"twitter:image:alt\" content=\"{title}\">"),
        format!(
            "  <link rel=\"alternate\" type=\"application/json+oembed\" href=\"{}\" title=\"{title}\">",
            esc(&site.join(&oembed_file(id, locale)))
        ),
    ];
    if site.is_set() {
        let url = esc(&site.join(&chart_page_file(id, locale)));
        lines.push(format!("  <meta property=\"og:url\" content=\"{url}\">"));
        lines.push(format!("  <link rel=\"canonical\" href=\"{url}\">"));
    }
    for other in Locale::ALL {
        lines.push(format!(
            "  <link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
            other.tag(),
            esc(&site.join(&chart_page_file(id, other)))
        ));
    }
    lines.join("\n")
}

/// The chart without scripts: the same words as the card, the image, the table.
fn static_chart(input: &PageInput) -> String {
    let PageInput {
        chart,
        locale,
        index,
        sources,
        site,
    } = *input;
    let id = chart.spec.id;
    let text = |msg: Msg| esc(msg.get(locale));
    let title = esc(chart.spec.title.get(locale));
    let subtitle = esc(chart.spec.subtitle.get(locale));
    let alt = {
        let words = describe(chart, locale);
        let first = words.first().map(String::as_str).unwrap_or_default();
        esc(&format!("{}. {first}", chart.spec.title.get(locale)))
    };
    let rows = rows(chart);
    let table = text_table(&rows, locale, index, sources);
    let headings: String = table
        .headings
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", text(*h)))
        .collect();
    let body: String = table
        .rows
        .iter()
        .map(|row| {
            let mut cells = row.cells.iter();
            let first = cells.next().map(|c| esc(c)).unwrap_or_default();
            let rest: String = cells.map(|c| format!("<td>{}</td>", esc(c))).collect();
            let rating = row
                .warned
                .map(|c| format!(" data-confidence=\"{}\"", c.key()))
                .unwrap_or_default();
            format!("<tr{rating}><th scope=\"row\">{first}</th>{rest}</tr>\n")
        })
        .collect();
    let cited: Vec<String> = index
        .all(&rows)
        .into_iter()
        .filter_map(|id| sources.iter().find(|s| s.id == id))
        .map(|s| {
            format!(
                "<a href=\"{}\" rel=\"noopener\" target=\"_blank\" hreflang=\"{}\">{}</a>",
                esc(&s.url),
                esc(&s.language),
                esc(&s.publisher)
            )
        })
        .collect();
    let notes: String = chart
        .spec
        .notes
        .iter()
        .map(|n| format!("<p class=\"chart-card__note\">{}</p>\n", esc(n.get(locale))))
        .collect();
    let as_of = chart
        .spec
        .as_of
        .map(|d| {
            format!(
                "<p class=\"chart-card__as-of\">{}: {}</p>\n",
                text(Msg::AsOf),
                esc(&format_date(d, locale))
            )
        })
        .unwrap_or_default();
    let portal = esc(&portal_url(&site.join(""), locale, &ChartState::new(id)));
    format!(
        r#"<main id="static-fallback" class="embed embed--static">
<p id="boot-status" class="status status--error" hidden>{boot_failed}</p>
<figure class="chart-card" aria-labelledby="chart-title">
<figcaption class="chart-card__head">
<h1 class="chart-card__title" id="chart-title">{title}</h1>
<p class="chart-card__subtitle">{subtitle}</p>
</figcaption>
<picture class="chart-fallback">
<source srcset="{svg}" type="image/svg+xml">
<img src="{png}" width="{WIDTH}" height="{HEIGHT}" alt="{alt}">
</picture>
<div class="table-scroll chart-table" tabindex="0" role="region" aria-label="{table_label}">
<table class="data-table">
<caption><span>{title}</span></caption>
<thead><tr>{headings}</tr></thead>
<tbody>
{body}</tbody>
</table>
</div>
<div class="chart-card__footer">
<div class="source-line"><span class="source-line__label">{sources_label}:</span> {cited}</div>
{notes}{as_of}</div>
</figure>
<p class="embed__portal"><a href="{portal}" target="_blank" rel="noopener">{open}</a></p>
</main>
"#,
        boot_failed = text(Msg::EmbedBootFailed),
        svg = esc(&image_file(id, locale, "svg")),
        png = esc(&image_file(id, locale, "png")),
        table_label = text(Msg::ChartTableRegion),
        sources_label = text(Msg::Sources),
        cited = cited.join("; "),
        open = text(Msg::EmbedOpenPortal),
    )
}

/// oEmbed 1.0 "rich" response: the iframe snippet, with the social card as thumbnail.
fn oembed_json(input: &PageInput) -> String {
    let PageInput {
        chart,
        locale,
        site,
        ..
    } = *input;
    let id = chart.spec.id;
    let title = chart.spec.title.get(locale);
    let html = snippet(
        &site.join(&chart_page_file(id, locale)),
        title,
        &site.join("embed.js"),
    );
    let value = serde_json::json!({
        "version": "1.0",
        "type": "rich",
        "provider_name": "Klaster",
        "provider_url": site.join(""),
        "title": title,
        "html": html,
        "width": WIDTH,
        "height": DEFAULT_EMBED_HEIGHT,
        "thumbnail_url": site.join(&card_image_file(id, locale)),
        "thumbnail_width": CARD_WIDTH,
        "thumbnail_height": CARD_HEIGHT,
        "cache_age": 86400,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use klaster_core::registry::Resources;

    const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>Klaster</title>\n  <meta name=\"description\" content=\"x\">\n<meta name=\"klaster-boot\" data-js=\"./a.js\" data-wasm=\"./a.wasm\">\n<link rel=\"modulepreload\" href=\"./a.js\"><link rel=\"preload\" href=\"./a.wasm\" as=\"fetch\"></head>\n<body>\n  <div id=\"static-fallback\">portal</div>\n</body>\n</html>\n";

    /// The shipped package's resources.
    fn package() -> Resources {
        valid_package(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data"))
            .unwrap()
            .resources
    }

    fn sources(package: &Resources) -> &[Source] {
        package.get::<Vec<Source>>().unwrap()
    }

    fn page(chart: ChartId, locale: Locale, site: &SiteUrl) -> String {
        let package = package();
        let data = extract(chart, &package).unwrap();
        let index = SourceIndex::new(&package);
        chart_page(
            TEMPLATE,
            &PageInput {
                chart: &data,
                locale,
                index: &index,
                sources: sources(&package),
                site,
            },
        )
        .unwrap()
    }

    #[test]
    fn site_urls_are_checked_and_end_in_a_slash() {
        assert_eq!(
            SiteUrl::parse("https://example.org/klaster")
                .unwrap()
                .join("a"),
            "https://example.org/klaster/a"
        );
        assert!(!SiteUrl::parse("").unwrap().is_set());
        for bad in [
            "javascript:alert(1)",
            "https://x.org/\"><script>",
            "ftp://x",
            "https://x/?a",
        ] {
            assert!(SiteUrl::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_page_keeps_the_template_head_and_names_its_chart_and_language() {
        let html = page(ChartId::EmissionsTargets, Locale::Az, &SiteUrl::default());
        assert!(html.contains("<html lang=\"az\" data-embed=\"emissions-targets\">"));
        assert!(
            html.contains("<meta name=\"klaster-boot\""),
            "the boot marker stays for hardening"
        );
        assert!(
            !html.contains(">portal<"),
            "the portal's fallback is replaced"
        );
        assert!(html.contains("<picture class=\"chart-fallback\">"));
        assert!(html.contains("charts/emissions-targets-az.svg"));
        assert!(
            html.contains("width=\"800\" height=\"450\""),
            "no layout shift"
        );
        assert!(html.contains("Tarix"), "Azerbaijani words");
        assert!(html.contains("index.html#/az/climate?chart=emissions-targets"));
    }

    #[test]
    fn the_static_table_has_one_row_per_value() {
        let package = package();
        let data = extract(ChartId::InitiativeGrowth, &package).unwrap();
        let html = page(ChartId::InitiativeGrowth, Locale::En, &SiteUrl::default());
        let body_rows = html.matches("<tr").count() - 1;
        assert_eq!(body_rows, rows(&data).len());
    }

    #[test]
    fn with_a_site_url_social_meta_and_oembed_are_absolute() {
        let site = SiteUrl::parse("https://example.org/k").unwrap();
        let html = page(ChartId::MemberMap, Locale::En, &site);
        for expected in [
            "<meta property=\"og:image\" content=\"https://example.org/k/charts/member-map-en-card.png\">",
            "<meta name=\"twitter:card\" content=\"summary_large_image\">",
            "<link rel=\"alternate\" type=\"application/json+oembed\" href=\"https://example.org/k/oembed/member-map-en.json\"",
            "<link rel=\"canonical\" href=\"https://example.org/k/chart-member-map-en.html\">",
            "hreflang=\"az\" href=\"https://example.org/k/chart-member-map-az.html\"",
        ] {
            assert!(html.contains(expected), "{expected}");
        }
        let package = package();
        let data = extract(ChartId::MemberMap, &package).unwrap();
        let index = SourceIndex::new(&package);
        let json = oembed_json(&PageInput {
            chart: &data,
            locale: Locale::En,
            index: &index,
            sources: sources(&package),
            site: &site,
        });
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["type"], "rich");
        assert_eq!(value["version"], "1.0");
        let snippet = value["html"].as_str().unwrap();
        assert!(snippet.contains("src=\"https://example.org/k/chart-member-map-en.html\""));
        assert!(!snippet.contains("allow-same-origin"));
    }

    #[test]
    fn data_text_is_escaped_in_the_page() {
        let mut package = package();
        let mut hostile = sources(&package).to_vec();
        for source in &mut hostile {
            source.publisher = "<script>alert(1)</script>".into();
        }
        package.insert(hostile);
        let data = extract(ChartId::InitiativeGrowth, &package).unwrap();
        let index = SourceIndex::new(&package);
        let html = static_chart(&PageInput {
            chart: &data,
            locale: Locale::En,
            index: &index,
            sources: sources(&package),
            site: &SiteUrl::default(),
        });
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
