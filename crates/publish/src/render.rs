//! `klaster-publish render`: every chart of the catalog, in both languages, as
//! standalone SVG files for no-JS fallbacks, downloads and social cards. The same
//! drawing function as everywhere else; only the backend is SVG.

use crate::validate_dir;
use klaster_core::charts::svg::render_svg;
use klaster_core::charts::{extract, ChartId, Palette};
use klaster_core::text::Locale;
use std::fs;
use std::path::{Path, PathBuf};

/// The size of a rendered chart, in pixels.
pub const WIDTH: u32 = 800;
pub const HEIGHT: u32 = 450;

/// The file a chart is rendered to: `<chart>-<locale>.svg`.
pub fn svg_file_name(chart: ChartId, locale: Locale) -> String {
    format!("{}-{}.svg", chart.as_str(), locale.tag())
}

/// Validates the package in `package_dir`, then writes every chart in both languages
/// to `out_dir`. Returns the files written.
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
    fs::create_dir_all(out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let palette = Palette::light();
    let mut written = Vec::new();
    for chart_id in ChartId::ALL {
        let chart = extract(chart_id, &package)?;
        for locale in Locale::ALL {
            let svg = render_svg(&chart, locale, &palette, WIDTH, HEIGHT)
                .map_err(|e| format!("chart {chart_id} ({}): {e}", locale.tag()))?;
            let path = out_dir.join(svg_file_name(chart_id, locale));
            fs::write(&path, svg).map_err(|e| format!("{}: {e}", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn package_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
    }

    #[test]
    fn render_writes_every_chart_in_both_languages() {
        let out = std::env::temp_dir().join(format!("klaster-render-{}", std::process::id()));
        let files = render_dir(&package_dir(), &out).unwrap();
        assert_eq!(files.len(), ChartId::ALL.len() * Locale::ALL.len());
        for chart in ChartId::ALL {
            for locale in Locale::ALL {
                let svg = fs::read_to_string(out.join(svg_file_name(chart, locale))).unwrap();
                assert!(svg.starts_with("<svg"));
            }
        }
        fs::remove_dir_all(&out).ok();
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
