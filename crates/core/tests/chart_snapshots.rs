//! Visual regression: every chart of the catalog, in both languages, rendered to SVG
//! (light palette, 800 wide and as tall as the chart needs there: the size of the
//! published file, `frame::standalone_size`) and compared with the reviewed reference in
//! `tests/snapshots/<chart>-<locale>.svg`. Set `KLASTER_UPDATE_SNAPSHOTS=1` to write
//! the references instead; see `tests/snapshots/README.md`.

mod common;
use common::shipped_resources;
use klaster_core::charts::frame::standalone_size;
use klaster_core::charts::svg::{escape_xml, render_svg};
use klaster_core::charts::{extract, ChartId, Palette, PaletteName};
use klaster_core::text::Locale;
use std::path::{Path, PathBuf};

const WIDTH: u32 = 800;
const HEIGHT: u32 = 450;

fn manifest_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The element names of `svg`, checked to open and close in order.
fn check_balanced(svg: &str) -> Result<(), String> {
    let mut stack: Vec<String> = Vec::new();
    let mut rest = svg;
    while let Some(start) = rest.find('<') {
        let end = rest[start..]
            .find('>')
            .ok_or("a tag is never closed with '>'")?
            + start;
        let tag = &rest[start + 1..end];
        rest = &rest[end + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name.trim() => {}
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        } else if !tag.ends_with('/') {
            let name = tag.split_whitespace().next().unwrap_or_default();
            stack.push(name.to_string());
        }
    }
    if stack.is_empty() {
        Ok(())
    } else {
        Err(format!("never closed: {stack:?}"))
    }
}

fn check_document(name: &str, svg: &str, title: &str) -> Result<(), String> {
    if !svg.starts_with("<svg") {
        return Err(format!("{name} does not start with <svg"));
    }
    check_balanced(svg).map_err(|e| format!("{name}: {e}"))?;
    if !svg.contains(&escape_xml(title)) {
        return Err(format!("{name} does not contain its title '{title}'"));
    }
    Ok(())
}

/// Compares `svg` with the reference `name`, or writes it when asked to.
fn compare(name: &str, svg: &str, update: bool) -> Result<(), String> {
    let reference = manifest_dir().join("tests/snapshots").join(name);
    if update {
        std::fs::write(&reference, svg).map_err(|e| format!("{}: {e}", reference.display()))?;
        return Ok(());
    }
    let expected = std::fs::read_to_string(&reference).map_err(|_| {
        format!(
            "{name}: no reference at {}. Create it with \
             `KLASTER_UPDATE_SNAPSHOTS=1 cargo test -p klaster-core --test chart_snapshots`, \
             look at it, and commit it",
            reference.display()
        )
    })?;
    if expected == svg {
        return Ok(());
    }
    let actual = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::write(&actual, svg).map_err(|e| format!("{}: {e}", actual.display()))?;
    Err(format!(
        "{name} differs from its reference; the new drawing is at {}. If the change is \
         intended, review it and run `KLASTER_UPDATE_SNAPSHOTS=1 cargo test -p klaster-core \
         --test chart_snapshots`",
        actual.display()
    ))
}

#[test]
fn every_chart_matches_its_reviewed_reference_in_both_languages() {
    let package = shipped_resources();
    let update = std::env::var("KLASTER_UPDATE_SNAPSHOTS").is_ok_and(|v| v == "1");
    let palette = Palette::light();
    let mut failures = Vec::new();
    for id in ChartId::ALL {
        let chart = match extract(id, &package) {
            Ok(chart) => chart,
            Err(e) => {
                failures.push(e.to_string());
                continue;
            }
        };
        for locale in Locale::ALL {
            let name = format!("{}-{}.svg", id.as_str(), locale.tag());
            let (width, height) = standalone_size(&chart, locale, f64::from(WIDTH));
            let result = render_svg(&chart, locale, &palette, width as u32, height as u32)
                .and_then(|svg| {
                    check_document(&name, &svg, chart.spec.title.get(locale))?;
                    Ok(svg)
                })
                .and_then(|svg| compare(&name, &svg, update));
            if let Err(e) = result {
                failures.push(e);
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_palette_renders_every_chart() {
    let package = shipped_resources();
    for name in PaletteName::ALL {
        let palette = name.palette();
        for id in ChartId::ALL {
            let chart = extract(id, &package).unwrap_or_else(|e| panic!("{e}"));
            let svg = render_svg(&chart, Locale::Az, &palette, 640, 480)
                .unwrap_or_else(|e| panic!("{id} in {name:?}: {e}"));
            check_document(id.as_str(), &svg, chart.spec.title.get(Locale::Az))
                .unwrap_or_else(|e| panic!("{name:?}: {e}"));
            assert!(svg.contains(&palette.background.hex().to_uppercase()));
        }
    }
}

#[test]
fn svg_documents_carry_their_language_title_and_description() {
    let package = shipped_resources();
    let chart = extract(ChartId::InitiativeGrowth, &package).unwrap();
    for locale in Locale::ALL {
        let svg = render_svg(&chart, locale, &Palette::light(), WIDTH, HEIGHT).unwrap();
        assert!(svg.starts_with(&format!("<svg lang=\"{}\" role=\"img\"", locale.tag())));
        assert!(svg.contains("<title id=\"chart-title\">"));
        assert!(svg.contains("<desc id=\"chart-desc\">"));
        assert!(!svg.contains("font-family=\"serif\""));
        assert!(
            svg.contains("font-family=\"sans-serif\""),
            "text is left to the viewer's fonts"
        );
    }
}

#[test]
fn the_balance_check_catches_broken_documents() {
    assert!(check_balanced("<svg><g><rect/></g></svg>").is_ok());
    assert!(check_balanced("<svg><g></svg>").is_err());
    assert!(check_balanced("<svg><text>a</svg>").is_err());
}
