//! `render` on the shipped package writes, for every chart and language, the SVG, the
//! PNG of the same size and the social card; each PNG is a real image of the promised
//! size with the chart drawn in it; the chart's data as CSV and JSON; and its body as a
//! page shows it, one picture per width in both palettes. This draws all of them (about
//! 20 s unoptimised).

use klaster_core::charts::frame::VARIANTS;
use klaster_core::charts::{extract, ChartId, Palette};
use klaster_core::embed::{body_image_file, chart_page_file, values_file};
use klaster_core::text::Locale;
use klaster_publish::render::{
    card_file_name, file_size, png_file_name, render_dir, svg_file_name, CARD_HEIGHT, CARD_WIDTH,
    CATALOG_FILE, WIDTH,
};
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1a, b'\n'];

/// The size a PNG file's header (its first chunk, IHDR) gives.
fn header_size(file: &[u8], name: &str) -> (u32, u32) {
    assert!(file.len() > 24, "{name} is too short for a PNG");
    assert_eq!(file[..8], PNG_SIGNATURE, "{name} lacks the PNG signature");
    assert_eq!(&file[12..16], b"IHDR", "{name} does not start with IHDR");
    let number =
        |at: usize| u32::from_be_bytes([file[at], file[at + 1], file[at + 2], file[at + 3]]);
    (number(16), number(20))
}

/// The pixels of a PNG file as RGB, row after row.
fn pixels(file: &[u8]) -> Vec<[u8; 3]> {
    let mut decoder = png::Decoder::new(std::io::Cursor::new(file));
    decoder.set_transformations(png::Transformations::EXPAND);
    let mut reader = decoder.read_info().expect("a PNG header");
    let mut buffer = vec![0; reader.output_buffer_size().expect("a sane size")];
    let frame = reader.next_frame(&mut buffer).expect("PNG image data");
    buffer[..frame.buffer_size()]
        .chunks_exact(3)
        .map(|p| [p[0], p[1], p[2]])
        .collect()
}

fn out_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("klaster-render-all-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

#[test]
fn every_chart_is_rendered_as_svg_png_and_card_in_both_languages() {
    let package = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let out = out_dir();
    let written = render_dir(&package, &out).expect("the shipped package renders");
    let resources = klaster_publish::validate_dir(&package)
        .package
        .expect("the shipped package parses")
        .resources;
    // SVG, PNG, card, CSV, JSON, and a body and its value map per width.
    let per_chart = 5 + 2 * VARIANTS.len();
    // …and the catalog beside them.
    assert_eq!(
        written.len(),
        ChartId::ALL.len() * Locale::ALL.len() * per_chart + 1
    );
    let catalog: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(out.join(CATALOG_FILE)).unwrap())
            .expect("the catalog parses");
    let rows = catalog["charts"].as_array().expect("a list of charts");
    let ids: Vec<&str> = rows.iter().filter_map(|row| row["id"].as_str()).collect();
    let expected: Vec<&str> = ChartId::ALL.iter().map(|chart| chart.as_str()).collect();
    assert_eq!(ids, expected, "every chart once, in catalog order");
    for row in rows {
        let chart = ChartId::parse(row["id"].as_str().unwrap_or_default()).unwrap();
        let entry = chart.entry();
        assert_eq!(row["card"], entry.card.as_str());
        assert_eq!(row["page"], entry.page.slug());
        assert_eq!(row["section"], entry.section);
        for locale in Locale::ALL {
            let title = row["title"][locale.tag()].as_str().unwrap_or_default();
            assert!(title.len() > 5, "{chart}: a title in {}", locale.tag());
            assert_eq!(
                row["chartPage"][locale.tag()],
                chart_page_file(chart, locale)
            );
        }
    }

    let palette = Palette::light();
    let text = [palette.text.0, palette.text.1, palette.text.2];
    let background = palette.background;
    let background = [background.0, background.1, background.2];
    let mut sizes = Vec::new();
    for chart in ChartId::ALL {
        let data = extract(chart, &resources).expect("every chart extracts");
        for locale in Locale::ALL {
            let svg = fs::read_to_string(out.join(svg_file_name(chart, locale))).unwrap();
            assert!(svg.starts_with("<svg"), "{chart} ({})", locale.tag());
            // The SVG and the PNG are one size: the width promised, the height the chart
            // needs.
            let (width, height) = file_size(&data, locale);
            assert_eq!(width, WIDTH);
            assert!(
                svg.contains(&format!("width=\"{width}\" height=\"{height}\"")),
                "{chart} ({}) is not {width} × {height}",
                locale.tag()
            );
            let stem = format!("{}-{}", chart.as_str(), locale.tag());
            let csv = fs::read_to_string(out.join(format!("{stem}.csv"))).unwrap();
            assert!(csv.lines().count() > 1, "{stem}.csv has no rows");
            let json = fs::read_to_string(out.join(format!("{stem}.json"))).unwrap();
            serde_json::from_str::<serde_json::Value>(&json).expect("the chart's JSON parses");
            for variant in VARIANTS {
                let file = body_image_file(chart, locale, variant.name);
                let body =
                    fs::read_to_string(out.join(file.trim_start_matches("charts/"))).unwrap();
                assert!(body.starts_with("<svg xmlns="), "{file}");
                assert!(
                    body.contains(&format!("width=\"{}\"", variant.width)),
                    "{file}"
                );
                assert!(
                    body.contains("<g class=\"light\">") && body.contains("<g class=\"dark\">"),
                    "{file}"
                );
                assert!(
                    body.contains("prefers-color-scheme:dark"),
                    "{file}: follows the page"
                );
                // Beside each picture, what its spots show, at the picture's width.
                let file = values_file(chart, locale, variant.name);
                let path = out.join(file.trim_start_matches("charts/"));
                assert!(written.contains(&path), "{file} is not in the list written");
                let map: serde_json::Value =
                    serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
                assert_eq!(map["width"], f64::from(variant.width), "{file}");
                let values = map["values"].as_array().expect("values");
                assert!(
                    !values.is_empty() && !map["runs"].as_array().unwrap().is_empty(),
                    "{file}"
                );
                for value in values {
                    assert!(
                        value["lines"][0]["text"]
                            .as_str()
                            .is_some_and(|t| !t.is_empty()),
                        "{file}"
                    );
                }
            }

            for (name, size) in [
                (png_file_name(chart, locale), file_size(&data, locale)),
                (card_file_name(chart, locale), (CARD_WIDTH, CARD_HEIGHT)),
            ] {
                let path = out.join(&name);
                assert!(written.contains(&path), "{name} is not in the list written");
                let file = fs::read(&path).unwrap();
                assert_eq!(header_size(&file, &name), size, "{name}");
                sizes.push(file.len());

                let pixels = pixels(&file);
                assert_eq!(pixels.len(), (size.0 * size.1) as usize, "{name}");
                // Not blank: many colours (counting stops at enough, to stay quick).
                let mut colours = HashSet::new();
                for pixel in &pixels {
                    if colours.len() >= 16 {
                        break;
                    }
                    colours.insert(*pixel);
                }
                assert!(colours.len() >= 16, "{name} has {} colours", colours.len());
                // The title's band: the top 130 pixels of a card, 40 of a chart.
                let band = if size.0 == CARD_WIDTH { 130 } else { 40 };
                let ink = pixels[..band * size.0 as usize]
                    .iter()
                    .filter(|p| **p == text)
                    .count();
                assert!(ink > 300, "{name}: {ink} pixels of title text");
                // The chart's body: drawn in the middle of the image.
                let width = size.0 as usize;
                let rows = size.1 as usize * 2 / 5..size.1 as usize * 4 / 5;
                let body = pixels[rows.start * width..rows.end * width]
                    .iter()
                    .filter(|p| **p != background)
                    .count();
                assert!(body > 2000, "{name}: {body} pixels drawn in the middle");
            }
        }
    }
    let largest = sizes.iter().max().copied().unwrap_or(0);
    assert!(largest < 150_000, "the largest PNG has {largest} bytes");
    fs::remove_dir_all(&out).ok();
}
