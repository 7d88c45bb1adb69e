//! Benchmark hooks, compiled only with the `bench` feature: `cargo xtask bench` builds
//! them into a separate dist folder, never into the published `dist/`, and checks that
//! the published bundle has none of them.
//!
//! Both hooks run the app's own code paths: a synthetic line series is laid out by the
//! card's `Frame::new` (the core's `ChartLayout`) and painted by the card's `paint` (the
//! core's `draw_laid_out`, decimation included) on a real canvas; the data package is
//! checked by the core's hash and `validate_package`, as compiled for the browser.

use crate::chart::live::paint;
use klaster_core::charts::frame::{on_screen, Frame};
use klaster_core::charts::model::{ChartBody, ChartSpec, LineChart, Panel, SeriesShape};
use klaster_core::charts::{ChartData, ChartId, PaletteName, Point, Series};
use klaster_core::registry::validate_package;
use klaster_core::{sha256_hash, Confidence, Locale, PartialDate, Qualifier, Text, Unit};
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::HtmlCanvasElement;

fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// One line series of `count` points over 2000–2026, wavy and deterministic.
fn synthetic_chart(count: usize) -> ChartData {
    let points = (0..count)
        .map(|i| {
            let t = i as f64;
            let x = 2000.0 + 26.0 * t / count.max(2) as f64;
            Point {
                x,
                y: 1000.0 + 300.0 * (t / 500.0).sin() + 50.0 * (t / 7.0).cos(),
                figure_id: format!("synthetic-{i}"),
                date: PartialDate {
                    year: x as u16,
                    month: None,
                    day: None,
                },
                qualifier: Qualifier::Exact,
                confidence: Confidence::High,
                label: None,
            }
        })
        .collect();
    let empty = || Text::new("", "");
    let chart = ChartData {
        spec: ChartSpec {
            id: ChartId::InitiativeGrowth,
            title: empty(),
            subtitle: empty(),
            source: empty(),
            notes: Vec::new(),
            as_of: None,
        },
        body: ChartBody::Lines(LineChart {
            panels: vec![Panel {
                title: None,
                series: vec![Series {
                    id: "synthetic".into(),
                    label: Text::new("Sintetik", "Synthetic"),
                    unit: Unit::Jobs,
                    shape: SeriesShape::Line,
                    points,
                }],
                annotations: Vec::new(),
            }],
        }),
    };
    // What a card keeps between redraws: the chart without its words.
    on_screen(&chart)
}

thread_local! {
    static CHARTS: RefCell<HashMap<usize, Rc<ChartData>>> = RefCell::new(HashMap::new());
}

/// Lays out and paints a synthetic line series of `points` points on `canvas`,
/// `width` CSS pixels wide, as a chart card does after a resize. The series is made
/// once per size and kept, as a card keeps its data. Returns `[layout_ms, paint_ms]`.
#[wasm_bindgen]
pub fn klaster_bench_draw(
    canvas: HtmlCanvasElement,
    points: u32,
    width: f64,
) -> Result<Box<[f64]>, JsValue> {
    let count = points as usize;
    let chart = CHARTS.with(|charts| {
        charts
            .borrow_mut()
            .entry(count)
            .or_insert_with(|| Rc::new(synthetic_chart(count)))
            .clone()
    });
    let palette = PaletteName::Light.palette();
    let ratio = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let started = now();
    let frame = Frame::new(&chart, Locale::En, width);
    let laid_out = now();
    paint(
        &canvas,
        &chart,
        &frame.layout,
        &palette,
        (frame.width, frame.height),
        frame.crop,
        ratio,
    )
    .map_err(|problem| JsValue::from_str(&problem))?;
    let painted = now();
    Ok(vec![laid_out - started, painted - laid_out].into_boxed_slice())
}

/// Checks the data package once, from `files` (an object of path → `Uint8Array`, paths
/// as in `datapackage.json`). Returns `[hash_ms, validate_ms]`: the SHA-256 of every
/// file (what the app checks each fetched file against), then the core's
/// `validate_package` (parse into the typed model and every check of meaning).
#[wasm_bindgen]
pub fn klaster_bench_decode(files: js_sys::Object) -> Result<Box<[f64]>, JsValue> {
    let mut package: HashMap<String, Vec<u8>> = HashMap::new();
    for entry in js_sys::Object::entries(&files).iter() {
        let pair = js_sys::Array::from(&entry);
        let path = pair
            .get(0)
            .as_string()
            .ok_or_else(|| JsValue::from_str("a file name is not a string"))?;
        package.insert(path, js_sys::Uint8Array::new(&pair.get(1)).to_vec());
    }
    let started = now();
    let hashes: usize = package.values().map(|bytes| sha256_hash(bytes).len()).sum();
    let hashed = now();
    let report = validate_package(|path| {
        package
            .get(path)
            .cloned()
            .ok_or_else(|| format!("{path} was not given"))
    });
    let validated = now();
    if hashes == 0 || report.package.is_none() {
        return Err(JsValue::from_str(&format!(
            "the package did not validate: {} problem(s)",
            report.problems.len()
        )));
    }
    Ok(vec![hashed - started, validated - hashed].into_boxed_slice())
}
