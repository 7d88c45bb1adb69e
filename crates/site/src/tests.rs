use super::*;

fn package() -> Arc<Package> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    Arc::new(valid_package(&dir).expect("the shipped package is valid"))
}

const TEMPLATE: &str = "<!doctype html>\n<html lang=\"en\">\n<head>\n  <meta charset=\"utf-8\">\n  <title>Klaster</title>\n  <meta name=\"description\" content=\"x\">\n  <link rel=\"stylesheet\" href=\"./main-1.css\">\n  <meta name=\"klaster-boot\" data-js=\"./a.js\" data-wasm=\"./a.wasm\">\n</head>\n<body>\n</body>\n</html>\n";

fn page(locale: Locale, document: Document) -> String {
    let site = Site::new(locale, document, package(), None);
    let template = Template::parse(TEMPLATE).expect("the template parses");
    template
        .page(&site, render_document(site.clone()))
        .expect("the page renders")
}

#[test]
fn a_page_two_folders_down_reaches_the_root_with_two_steps_back() {
    let html = page(Locale::Az, Document::Portal(Page::Climate));
    assert!(html.starts_with("<!doctype html>\n<html lang=\"az\">"));
    assert!(html.contains("href=\"../../main-1.css\""));
    assert!(html.contains("data-js=\"../../a.js\""));
    assert_eq!(
        html.matches("<title>").count(),
        1,
        "the template's title goes"
    );
    assert_eq!(html.matches("name=\"description\"").count(), 1);
}

#[test]
fn every_page_has_its_own_title_canonical_and_language_pair() {
    for locale in Locale::ALL {
        for page_name in Page::NAVIGATION {
            let html = page(locale, Document::Portal(page_name.clone()));
            let own = Route::href(locale, &page_name);
            let depth = "../".repeat(Route::depth(locale, &page_name));
            assert!(
                html.contains(&format!("<link rel=\"canonical\" href=\"{depth}{own}\"")),
                "{own}"
            );
            for other in Locale::ALL {
                let href = format!("{depth}{}", Route::href(other, &page_name));
                assert!(
                    html.contains(&format!("hreflang=\"{}\" href=\"{href}\"", other.tag())),
                    "{own}: no alternate {href}"
                );
            }
            assert!(html.contains("application/ld+json"), "{own}");
        }
    }
}

#[test]
fn the_data_page_describes_the_package_as_a_dataset() {
    let site = Site::new(
        Locale::En,
        Document::Portal(Page::Data),
        package(),
        Some("https://x.test/k/".into()),
    );
    let value = klaster::head::json_ld(&site);
    assert_eq!(value["@type"], "Dataset");
    assert_eq!(value["url"], "https://x.test/k/en/data/");
    let downloads = value["distribution"].as_array().expect("a distribution");
    assert_eq!(downloads.len(), 2 * site.package.descriptor.resources.len());
    assert!(downloads.iter().all(|d| d["contentUrl"]
        .as_str()
        .is_some_and(|u| u.starts_with("https://x.test/k/data/"))));
    assert!(value["license"]
        .as_str()
        .is_some_and(|l| l.contains("creativecommons")));
}

#[test]
fn json_ld_cannot_close_its_script_early() {
    let html = page(Locale::En, Document::Portal(Page::Sources));
    let start = html.find("application/ld+json").expect("json-ld");
    let end = start + html[start..].find("</script>").expect("the script ends");
    let json = &html[html[..end].rfind('>').map_or(start, |at| at + 1)..end];
    let parsed: serde_json::Value = serde_json::from_str(json).expect("the JSON-LD parses");
    assert_eq!(parsed["@type"], "CollectionPage");
}

#[test]
fn a_chart_card_is_complete_without_scripts() {
    let html = page(Locale::En, Document::Portal(Page::Initiative));
    for chart in [ChartId::InitiativeGrowth, ChartId::MemberMap] {
        let id = chart.as_str();
        assert!(
            html.contains(&format!("id=\"chart-{id}\"")),
            "{id}: no card"
        );
        assert!(
            html.contains(&format!("charts/body/{id}-en-l.svg")),
            "{id}: no picture"
        );
        assert!(
            html.contains(&format!("charts/body/{id}-en-s.svg")),
            "{id}: no phone picture"
        );
        assert!(
            html.contains(&format!("id=\"chart-{id}-table\"")),
            "{id}: no table"
        );
        assert!(html.contains("data-component=\"ChartIsland_"), "no island");
    }
    assert!(
        !html.contains("alt=\"\""),
        "every picture says what it shows"
    );
}

#[test]
fn the_not_found_page_reaches_assets_from_any_depth() {
    let html = page(Locale::Az, Document::NotFound);
    assert!(html.contains("href=\"/main-1.css\""));
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\""));
}

#[test]
fn documents_have_distinct_files() {
    let package = package();
    let index = std::sync::Arc::new(klaster::figure_index::FigureIndex::new(
        &package,
        Vec::new(),
    ));
    let all = documents(&index);
    let files: std::collections::HashSet<String> = all
        .iter()
        .map(|(locale, document)| {
            file_of(&Site::with_index(
                *locale,
                document.clone(),
                package.clone(),
                None,
                index.clone(),
            ))
        })
        .collect();
    assert_eq!(files.len(), all.len());
    assert!(files.contains("en/climate/index.html"));
    assert!(files.contains("az/index.html"));
    assert!(files.contains("chart-member-map-az.html"));
    assert!(files.contains("en/figures/index.html"));
    assert!(files.contains("az/figures/tic-2026-01-pre-az-jobs/index.html"));
    assert!(
        matches!(all.last(), Some((_, Document::Figure(_)))),
        "figure pages come last, after every page that shows a figure"
    );
}

#[test]
fn the_sitemap_lists_every_page_in_both_languages_with_its_pair() {
    let xml = sitemap("https://x.test/", &["f-1"]);
    assert_eq!(
        xml.matches("<loc>").count(),
        2 * (Page::NAVIGATION.len() + 2)
    );
    assert!(xml.contains("<loc>https://x.test/az/figures/f-1/</loc>"));
    assert!(xml.contains("<loc>https://x.test/en/figures/</loc>"));
    assert!(xml.contains("<loc>https://x.test/az/nextgen/</loc>"));
    assert!(xml.contains("hreflang=\"en\" href=\"https://x.test/en/nextgen/\""));
    assert!(robots("https://x.test/").contains("Sitemap: https://x.test/sitemap.xml"));
}

#[test]
fn site_addresses_are_checked() {
    assert_eq!(SiteUrl::parse("").unwrap(), None);
    assert_eq!(
        SiteUrl::parse("https://x.test/k").unwrap().as_deref(),
        Some("https://x.test/k/")
    );
    assert!(SiteUrl::parse("javascript:alert(1)").is_err());
    assert!(SiteUrl::parse("https://x.test/?a=1").is_err());
}

/// A site whose index knows the shipped frozen releases, as `render_site` builds it.
fn site_with_releases(locale: Locale, document: Document) -> Site {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let package = package();
    let releases = frozen_releases(&dir, &package).expect("the frozen releases read back");
    let index = Arc::new(klaster::figure_index::FigureIndex::new(&package, releases));
    let shown = match &document {
        Document::ReleaseChart(_, version) => index
            .releases
            .iter()
            .find(|f| &f.release.version == version)
            .map(|f| f.package.clone())
            .expect("a frozen release"),
        _ => package,
    };
    Site::with_index(
        locale,
        document,
        shown,
        Some("https://x.test/k/".into()),
        index,
    )
}

fn render(site: Site) -> String {
    let template = Template::parse(TEMPLATE).expect("the template parses");
    template
        .page(&site, render_document(site.clone()))
        .expect("the page renders")
}

#[test]
fn a_figure_page_is_a_dataset_with_its_pair_and_a_citation_naming_the_release() {
    let site = site_with_releases(
        Locale::Az,
        Document::Figure("tic-2026-01-pre-az-jobs".into()),
    );
    let version = site.package.descriptor.version.clone();
    let value = klaster::head::json_ld(&site);
    assert_eq!(value["@type"], "Dataset");
    assert_eq!(value["version"], version.as_str());
    assert_eq!(value["variableMeasured"]["value"], 4_600_000.0);
    let html = render(site);
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://x.test/k/az/figures/tic-2026-01-pre-az-jobs/\""
    ));
    assert!(html
        .contains("hreflang=\"en\" href=\"https://x.test/k/en/figures/tic-2026-01-pre-az-jobs/\""));
    assert!(
        html.contains(&format!("{version} buraxılışı")),
        "the citation names the release"
    );
    assert!(html.contains("@misc{klaster-tic-2026-01-pre-az-jobs-"));
    assert!(html.contains("type=\"application/atom+xml\" href=\"https://x.test/k/az/feed.xml\""));
    assert!(html.contains("src=\"../../../figures.js\""));
}

#[test]
fn an_older_releases_chart_page_is_static_and_says_newer_data_exists() {
    let site = site_with_releases(
        Locale::En,
        Document::ReleaseChart(ChartId::InitiativeMetrics, "1.0.0".into()),
    );
    let html = render(site);
    let newest = package().descriptor.releases[0].version.clone();
    assert!(html.contains("<html lang=\"en\" data-embed=\"initiative-metrics\">"));
    assert!(html.contains(&format!("data-newer-release=\"{newest}\"")));
    assert!(html.contains("src=\"releases/1.0.0/charts/body/initiative-metrics-en-l.svg\""));
    assert!(
        !html.contains("<leptos-island"),
        "no live plot reads newer data"
    );
    assert!(html.contains("<meta name=\"robots\" content=\"noindex\">"));
    let current = render(site_with_releases(
        Locale::En,
        Document::ReleaseChart(ChartId::InitiativeMetrics, newest),
    ));
    assert!(
        !current.contains("data-newer-release"),
        "the newest release has no notice"
    );
}

#[test]
fn the_feed_of_each_language_links_its_own_pages() {
    let package = package();
    let index = klaster::figure_index::FigureIndex::new(&package, Vec::new());
    let xml = feed(&package, &index, Locale::En, Some("https://x.test/k/"));
    assert!(xml.contains("<id>tag:x.test,"));
    assert!(xml.contains("href=\"https://x.test/k/en/feed.xml\""));
    assert!(xml.contains("https://x.test/k/en/figures/tic-2026-01-pre-az-jobs/"));
    let relative = feed(&package, &index, Locale::Az, None);
    assert!(relative.contains("href=\"feed.xml\"") && relative.contains("tag:klaster.invalid,"));
}

/// The cards on a rendered page, in order, each with the section it stands in.
fn cards_on(html: &str) -> Vec<(ChartId, String)> {
    let mut cards = Vec::new();
    for (at, _) in html.match_indices(" id=\"chart-") {
        let rest = &html[at + " id=\"chart-".len()..];
        let Some(chart) = rest.split('"').next().and_then(ChartId::parse) else {
            continue;
        };
        let section = html[..at]
            .rfind("<section id=\"")
            .map(|start| &html[start + "<section id=\"".len()..at])
            .and_then(|s| s.split('"').next())
            .unwrap_or_default()
            .to_string();
        cards.push((chart, section));
    }
    cards
}

#[test]
fn every_page_shows_exactly_the_cards_its_catalog_rows_place_in_its_sections() {
    for locale in Locale::ALL {
        for page_name in Page::NAVIGATION {
            let html = page(locale, Document::Portal(page_name.clone()));
            let expected: Vec<(ChartId, String)> = klaster_core::charts::catalog()
                .filter(|entry| entry.page == page_name && entry.card == entry.chart)
                .map(|entry| (entry.chart, entry.section.to_string()))
                .collect();
            assert_eq!(
                cards_on(&html),
                expected,
                "{}",
                Route::href(locale, &page_name)
            );
        }
    }
}
