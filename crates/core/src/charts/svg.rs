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
