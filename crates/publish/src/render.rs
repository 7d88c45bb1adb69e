//! `klaster-publish render`: every chart of the catalog, in both languages, as a
//! standalone SVG file (downloads), a PNG of the same size (the image a page or embed
//! shows without scripts) and a social card. A file is [`WIDTH`] wide and as tall as
//! the core says the chart needs at that width ([`file_size`]). The same drawing function as everywhere
//! else; only the backend differs: SVG here, a bitmap in [`png`] and [`card`].

mod card;
mod png;
mod surface;

pub use card::{render_card, CARD_HEIGHT, CARD_WIDTH};
pub use png::render_png;

use crate::validate_dir;
use klaster_core::charts::export::{to_csv, to_json, SourceIndex};
use klaster_core::charts::frame::{on_screen, standalone_size, Frame, VARIANTS};
use klaster_core::charts::svg::{render_body_svg, render_svg};
use klaster_core::charts::values::value_map;
use klaster_core::charts::{catalog, extract, ChartData, ChartId, Palette};
use klaster_core::embed::{body_image_file, chart_page_file, values_file};
use klaster_core::registry::Package;
use klaster_core::resources::Source;
use klaster_core::text::Locale;
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};

/// The width of a rendered chart, SVG and PNG, in pixels.
pub const WIDTH: u32 = 800;

/// The size of `chart`'s files in `locale`, SVG and PNG: [`WIDTH`] wide, as tall as its
/// words and body need there (the core's [`standalone_size`]), so a chart of many bars or
/// stacked panels is not squeezed into a fixed box.
pub fn file_size(chart: &ChartData, locale: Locale) -> (u32, u32) {
    let (width, height) = standalone_size(chart, locale, f64::from(WIDTH));
    (width as u32, height as u32)
}

/// The file a chart is rendered to as SVG: `<chart>-<locale>.svg`.
pub fn svg_file_name(chart: ChartId, locale: Locale) -> String {
    format!("{}-{}.svg", chart.as_str(), locale.tag())
}

/// The file a chart is rendered to as PNG: `<chart>-<locale>.png`.
pub fn png_file_name(chart: ChartId, locale: Locale) -> String {
    format!("{}-{}.png", chart.as_str(), locale.tag())
}

/// The file of a chart's social card: `<chart>-<locale>-card.png`.
pub fn card_file_name(chart: ChartId, locale: Locale) -> String {
    format!("{}-{}-card.png", chart.as_str(), locale.tag())
}

/// Validates the package in `package_dir`, then writes every chart in both languages
/// to `out_dir`: SVG, PNG and social card, its data as CSV and JSON, and its body as a
/// page shows it before its code wakes (`body/`, one file per width). Returns the files
/// written.
pub fn render_dir(package_dir: &Path, out_dir: &Path) -> Result<Vec<PathBuf>, String> {
    let report = validate_dir(package_dir);
    if !report.problems.is_empty() {
        let problems: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
        return Err(format!(
            "the package in {} does not validate, so nothing was rendered:\n{}",
            package_dir.display(),
            problems.join("\n")
        ));
    }
    let package = report
        .package
        .ok_or_else(|| format!("the package in {} did not parse", package_dir.display()))?;
    let charts = extract_all(&package, &ChartId::ALL)?;
    let mut written = write_charts(&package, &charts, true, out_dir)?;
    let path = out_dir.join(CATALOG_FILE);
    fs::write(&path, catalog_json(&charts)?).map_err(|e| format!("{}: {e}", path.display()))?;
    written.push(path);
    Ok(written)
}

/// The chart catalog as a published file, beside the charts' files.
pub const CATALOG_FILE: &str = "catalog.json";

/// The core's chart catalog as JSON, for whoever lists the charts without reading the
/// code: a publisher's index of embeddable charts, and the browser suite, which checks
/// each page against it. One row per chart, in catalog order: its id, the card that
/// shows it, the page (its slug) and section the card stands in, its kind, the resources
/// it reads, and its title and chart page in both languages. `charts`: every chart of
/// the catalog, extracted.
pub fn catalog_json(charts: &[ChartData]) -> Result<String, String> {
    let in_both = |value: &dyn Fn(Locale) -> String| {
        Locale::ALL
            .iter()
            .map(|locale| (locale.tag().to_string(), Value::String(value(*locale))))
            .collect::<serde_json::Map<String, Value>>()
    };
    let mut rows = Vec::new();
    for entry in catalog() {
        let chart = charts
            .iter()
            .find(|chart| chart.spec.id == entry.chart)
            .ok_or_else(|| format!("chart {} was not extracted", entry.id))?;
        rows.push(json!({
            "id": entry.id,
            "card": entry.card.as_str(),
            "page": entry.page.slug(),
            "section": entry.section,
            "kind": entry.kind.as_str(),
            "needs": entry.needs.iter().map(|need| need.as_str()).collect::<Vec<_>>(),
            "title": in_both(&|locale| chart.spec.title.get(locale).to_string()),
            "chartPage": in_both(&|locale| chart_page_file(entry.chart, locale)),
        }));
    }
    serde_json::to_string_pretty(&json!({ "charts": rows })).map_err(|e| e.to_string())
}

/// Writes `charts` of `package` in both languages to `out_dir`, as [`render_dir`] does;
/// `cards`: the social cards too. A frozen release's chart pages use this with the charts
/// its data still draws, and no cards (a release's page is not what a reader shares).
pub fn render_package(
    package: &Package,
    charts: &[ChartId],
    cards: bool,
    out_dir: &Path,
) -> Result<Vec<PathBuf>, String> {
    write_charts(package, &extract_all(package, charts)?, cards, out_dir)
}

/// `charts` of `package`, extracted.
fn extract_all(package: &Package, charts: &[ChartId]) -> Result<Vec<ChartData>, String> {
    charts
        .iter()
        .map(|id| extract(*id, &package.resources).map_err(|e| e.to_string()))
        .collect()
}

/// Writes the files of `charts` (extracted from `package`) to `out_dir`.
fn write_charts(
    package: &Package,
    charts: &[ChartData],
    cards: bool,
    out_dir: &Path,
) -> Result<Vec<PathBuf>, String> {
    let index = SourceIndex::new(&package.resources);
    let sources = package
        .resources
        .get::<Vec<Source>>()
        .map_err(|e| e.to_string())?;
    let words = Words {
        index: &index,
        sources,
    };
    let rendered = in_parallel(charts, |chart| {
        chart_files(chart, &Palette::light(), &words, cards)
    });
    for folder in ["body", "values"] {
        fs::create_dir_all(out_dir.join(folder))
            .map_err(|e| format!("{}: {e}", out_dir.display()))?;
    }
    let mut written = Vec::new();
    for files in rendered {
        for (name, bytes) in files? {
            let path = out_dir.join(name);
            fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}

/// What a chart's data files name beside its values.
struct Words<'a> {
    index: &'a SourceIndex,
    sources: &'a [Source],
}

/// Every file of `chart` in both languages: its name (below `charts/`) and its bytes.
fn chart_files(
    chart: &ChartData,
    palette: &Palette,
    words: &Words,
    cards: bool,
) -> Result<Vec<(String, Vec<u8>)>, String> {
    let id = chart.spec.id;
    let mut files = Vec::new();
    let body = on_screen(chart);
    for locale in Locale::ALL {
        let failed = |e: String| format!("chart {id} ({}): {e}", locale.tag());
        // The core names these files from the site's root; they are written below charts/.
        let below_charts = |name: String| name.trim_start_matches("charts/").to_string();
        for variant in VARIANTS {
            let frame = Frame::new(&body, locale, f64::from(variant.width));
            let svg = render_body_svg(&body, &frame, locale).map_err(failed)?;
            files.push((
                below_charts(body_image_file(id, locale, variant.name)),
                svg.into_bytes(),
            ));
            let values = value_map(&body, &frame, locale, words.index, words.sources);
            files.push((
                below_charts(values_file(id, locale, variant.name)),
                values.to_json().into_bytes(),
            ));
        }
        let stem = format!("{}-{}", id.as_str(), locale.tag());
        files.push((
            format!("{stem}.csv"),
            to_csv(chart, locale, words.index).into_bytes(),
        ));
        files.push((
            format!("{stem}.json"),
            to_json(chart, locale, words.index, words.sources).into_bytes(),
        ));
        let (width, height) = file_size(chart, locale);
        let svg = render_svg(chart, locale, palette, width, height).map_err(failed)?;
        files.push((svg_file_name(id, locale), svg.into_bytes()));
        let png = render_png(chart, locale, palette, width, height).map_err(failed)?;
        files.push((png_file_name(id, locale), png));
        if cards {
            let card = render_card(chart, locale, palette).map_err(failed)?;
            files.push((card_file_name(id, locale), card));
        }
    }
    Ok(files)
}

/// `work` done on every item, spread over the machine's cores (drawing a bitmap is
/// the slow part of publishing), the results in the items' order.
fn in_parallel<T: Sync, R: Send>(
    items: &[T],
    work: impl Fn(&T) -> Result<R, String> + Sync,
) -> Vec<Result<R, String>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, items.len().max(1));
    let work = &work;
    let mut results: Vec<Option<Result<R, String>>> = (0..items.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        // Thread t takes items t, t + threads, t + 2 × threads, …
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                scope.spawn(move || {
                    let mine = items.iter().enumerate().skip(t).step_by(threads);
                    mine.map(|(i, item)| (i, work(item))).collect::<Vec<_>>()
                })
            })
            .collect();
        for handle in handles {
            // A thread that panicked leaves its items without a result, reported below.
            if let Ok(done) = handle.join() {
                for (i, result) in done {
                    results[i] = Some(result);
                }
            }
        }
    });
    results
        .into_iter()
        .map(|result| result.unwrap_or_else(|| Err("rendering stopped on a panic".to_string())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    // Rendering every chart is tests/render.rs: the images take a while unoptimised.

    #[test]
    fn file_names_say_the_chart_the_language_and_the_kind() {
        let map = ChartId::MemberMap;
        assert_eq!(svg_file_name(map, Locale::Az), "member-map-az.svg");
        assert_eq!(png_file_name(map, Locale::En), "member-map-en.png");
        assert_eq!(card_file_name(map, Locale::Az), "member-map-az-card.png");
    }

    #[test]
    fn an_invalid_package_renders_nothing() {
        let empty = std::env::temp_dir().join(format!("klaster-empty-{}", std::process::id()));
        let out = empty.join("out");
        let error = render_dir(&empty, &out).unwrap_err();
        assert!(error.contains("does not validate"), "{error}");
        assert!(!out.exists());
    }
}
