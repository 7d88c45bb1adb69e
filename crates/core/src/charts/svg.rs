//! A chart as a standalone SVG document: drawn by [`super::draw::draw`] on plotters'
//! SVG backend, with the title and the text description as `<title>` and `<desc>` so
//! the file speaks for itself to screen readers and search engines. Text stays SVG
//! `<text>`, so rendering needs no font files.

use super::describe::describe;
use super::draw::draw;
use super::model::ChartData;
use super::theme::Palette;
use crate::text::Locale;
use plotters::drawing::IntoDrawingArea;
use plotters_svg::SVGBackend;

/// The chart drawn in `locale` on a `width` × `height` SVG.
pub fn render_svg(
    chart: &ChartData,
    locale: Locale,
    palette: &Palette,
    width: u32,
    height: u32,
) -> Result<String, String> {
    let mut document = String::new();
    {
        let area = SVGBackend::with_string(&mut document, (width, height)).into_drawing_area();
        draw(&area, chart, locale, palette)?;
        area.present().map_err(|e| e.to_string())?;
    }
    Ok(with_title_and_description(&document, chart, locale))
}

/// Escapes text for an XML element or attribute.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

fn with_title_and_description(document: &str, chart: &ChartData, locale: Locale) -> String {
    let Some(open_end) = document.find(">\n") else {
        return document.to_string();
    };
    let (open, rest) = document.split_at(open_end);
    let open = open.replacen(
        "<svg ",
        &format!(
            "<svg lang=\"{}\" role=\"img\" aria-labelledby=\"chart-title chart-desc\" ",
            locale.tag()
        ),
        1,
    );
    format!(
        "{open}>\n<title id=\"chart-title\">{}</title>\n<desc id=\"chart-desc\">{}</desc>{}",
        escape_xml(chart.spec.title.get(locale)),
        escape_xml(&describe(chart, locale).join(" ")),
        &rest[1..]
    )
}

/// Draws `chart` as `layout` places it on an SVG `size` pixels large, and returns what is
/// inside the `<svg>` element.
fn inner_svg(
    chart: &ChartData,
    layout: &super::layout::ChartLayout,
    palette: &Palette,
    size: (u32, u32),
) -> Result<String, String> {
    let mut document = String::new();
    {
        let area = SVGBackend::with_string(&mut document, size).into_drawing_area();
        super::draw::draw_laid_out(&area, chart, layout, palette)?;
        area.present().map_err(|e| e.to_string())?;
    }
    let start = document.find('>').map_or(0, |at| at + 1);
    let end = document.rfind("</svg>").unwrap_or(document.len());
    Ok(document[start..end].trim().to_string())
}

/// The body of a chart as a page shows it before its code wakes up: `frame` (from
/// [`super::frame::Frame::new`] on the chart without its words), drawn in the light and
/// in the dark palette at once. An SVG image takes the `color-scheme` of the page that
/// shows it, so the picture follows the page's theme, the reader's own choice included.
pub fn render_body_svg(
    chart: &ChartData,
    frame: &super::frame::Frame,
    locale: Locale,
) -> Result<String, String> {
    let size = (frame.width as u32, frame.layout.height.ceil() as u32);
    let light = inner_svg(chart, &frame.layout, &Palette::light(), size)?;
    let dark = inner_svg(chart, &frame.layout, &Palette::dark(), size)?;
    let (width, height, crop) = (frame.width, frame.height, frame.crop);
    Ok(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" lang=\"{lang}\" width=\"{width}\" height=\"{height}\" \
viewBox=\"0 {crop} {width} {height}\">\n<style>.dark{{display:none}}@media (prefers-color-scheme:dark){{.light{{display:none}}.dark{{display:inline}}}}</style>\n\
<g class=\"light\">{light}</g>\n<g class=\"dark\">{dark}</g>\n</svg>\n",
        lang = locale.tag(),
    ))
}

/// A legend entry's mark as inline SVG for an HTML legend, in both palettes; the page's
/// stylesheet shows the one of its theme (`.chart-swatch .light`, `.dark`).
pub fn render_swatch_svg(
    chart: &ChartData,
    mark: super::layout::LegendMark,
) -> Result<String, String> {
    let (chart, layout) = super::frame::swatch(chart.spec.id, mark);
    let size = (super::frame::SWATCH.0 as u32, super::frame::SWATCH.1 as u32);
    let light = inner_svg(&chart, &layout, &Palette::light(), size)?;
    let dark = inner_svg(&chart, &layout, &Palette::dark(), size)?;
    Ok(format!(
        "<svg class=\"chart-swatch\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" aria-hidden=\"true\" focusable=\"false\">\
<g class=\"light\">{light}</g><g class=\"dark\">{dark}</g></svg>",
        w = size.0,
        h = size.1,
    ))
}
