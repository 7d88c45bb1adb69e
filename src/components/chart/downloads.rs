//! Saving a chart from the page, all in the browser: the file is made here, wrapped in
//! a Blob, and handed to the reader through an object URL and `<a download>`.

use super::canvas::{detached_canvas, paint};
use super::geometry::standalone_size;
use klaster_core::charts::export::{file_name, to_csv, to_json, SourceIndex};
use klaster_core::charts::layout::ChartLayout;
use klaster_core::charts::model::ChartData;
use klaster_core::charts::svg::render_svg;
use klaster_core::charts::Palette;
use klaster_core::resources::Source;
use klaster_core::Locale;
use leptos::prelude::{document, set_timeout};
use std::time::Duration;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// The kinds of file a chart is saved as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Csv,
    Json,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Png, Format::Svg, Format::Csv, Format::Json];

    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Svg => "svg",
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    fn mime(self) -> &'static str {
        match self {
            Format::Png => "image/png",
            Format::Svg => "image/svg+xml",
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

/// How sharp the PNG is: device pixels per CSS pixel.
const PNG_PIXEL_RATIO: f64 = 2.0;

/// Hands `blob` to the reader as `name`.
fn offer(blob: &Blob, name: &str) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob).map_err(|e| format!("{e:?}"))?;
    let link: HtmlAnchorElement = document()
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document().body().ok_or("the page has no body")?;
    let _ = body.append_child(&link);
    link.click();
    let _ = body.remove_child(&link);
    // The download has started by now; the URL only keeps the file in memory.
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

fn offer_text(text: &str, format: Format, name: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(format.mime());
    let blob =
        Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|e| format!("{e:?}"))?;
    offer(&blob, name)
}

/// What a download needs: the chart as shown (hidden series left out), its words in
/// `locale`, the palette of the page, and the width of the chart on the page.
pub struct Request<'a> {
    pub chart: &'a ChartData,
    pub locale: Locale,
    pub palette: &'a Palette,
    pub width: f64,
    pub index: &'a SourceIndex,
    pub sources: &'a [Source],
}

/// Makes the file and offers it. The images are the standalone chart, with its title,
/// legend and sources, drawn by the same function as the page.
pub fn save(format: Format, request: &Request) -> Result<(), String> {
    let Request {
        chart,
        locale,
        palette,
        width,
        index,
        sources,
    } = *request;
    let name = file_name(chart.spec.id, locale, format.extension());
    let (width, height) = standalone_size(chart, locale, width);
    match format {
        Format::Csv => offer_text(&to_csv(chart, locale, index), format, &name),
        Format::Json => offer_text(&to_json(chart, locale, index, sources), format, &name),
        Format::Svg => {
            let svg = render_svg(chart, locale, palette, width as u32, height as u32)?;
            offer_text(&svg, format, &name)
        }
        Format::Png => {
            let canvas = detached_canvas().ok_or("no canvas")?;
            let layout = ChartLayout::new(chart, locale, width, height);
            paint(
                &canvas,
                chart,
                &layout,
                palette,
                (width, height),
                0.0,
                PNG_PIXEL_RATIO,
            )?;
            let done = Closure::once_into_js(move |blob: JsValue| {
                if let Some(blob) = blob.dyn_ref::<Blob>() {
                    let _ = offer(blob, &name);
                }
            });
            canvas
                .to_blob(done.unchecked_ref())
                .map_err(|e| format!("{e:?}"))
        }
    }
}
