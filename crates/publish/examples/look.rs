//! Every chart of the catalog drawn at the widths given, to look at: the body as a page
//! shows it (with the legend the page writes as HTML above it) and the whole chart with
//! its words, as PNG files in the folder given.
//!
//! `cargo run -p klaster-publish --example look -- /tmp/look 360 820`

use klaster_core::charts::frame::{on_screen, standalone_size, Frame};
use klaster_core::charts::{extract, ChartId, Palette};
use klaster_core::text::Locale;
use klaster_publish::render::render_png;
use std::path::{Path, PathBuf};

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().ok_or("usage: look <out-dir> <width>...")?);
    let widths: Vec<u32> = args.filter_map(|w| w.parse().ok()).collect();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let package = klaster_publish::validate_dir(&dir)
        .package
        .ok_or("the shipped package does not parse")?;
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let palette = Palette::light();
    for id in ChartId::ALL {
        let chart = extract(id, &package.resources).map_err(|e| e.to_string())?;
        let body = on_screen(&chart);
        for locale in Locale::ALL {
            for &width in &widths {
                let frame = Frame::new(&body, locale, f64::from(width));
                let height = frame.layout.height.ceil() as u32;
                let png = render_png(&body, locale, &palette, width, height)?;
                let name = format!("{}-{}-{width}-page.png", id.as_str(), locale.tag());
                std::fs::write(out.join(name), png).map_err(|e| e.to_string())?;
                let (w, h) = standalone_size(&chart, locale, f64::from(width));
                let png = render_png(&chart, locale, &palette, w as u32, h as u32)?;
                let name = format!("{}-{}-{width}-file.png", id.as_str(), locale.tag());
                std::fs::write(out.join(name), png).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}
