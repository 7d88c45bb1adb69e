//! Drawing a chart on any plotters `DrawingBackend`: SVG natively, a canvas in the
//! browser. One entry point for every chart of the catalog, [`draw`]; the layout
//! decides where things go, these functions only paint.

mod bars;
mod canvas;
mod lines;
mod map;
mod timeline;

use super::layout::{BodyLayout, ChartLayout, LegendMark, EVENT_RADIUS, KEY_RADIUS};
use super::model::{ChartBody, ChartData, SeriesShape};
use super::style::{lower_bound_mark, series_style, MarkerShape};
use super::theme::Palette;
use crate::text::Locale;
use canvas::Canvas;
use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

/// Draws `chart` in `locale` over the whole of `area`.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartData,
    locale: Locale,
    theme: &Palette,
) -> Result<(), String> {
    let (width, height) = area.dim_in_pixel();
    let layout = ChartLayout::new(chart, locale, f64::from(width), f64::from(height));
    draw_laid_out(area, chart, &layout, theme)
}

/// Draws `chart` as `layout` places it. The browser keeps the layout to find what is
/// under the pointer ([`super::hit`]).
pub fn draw_laid_out<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ChartData,
    layout: &ChartLayout,
    theme: &Palette,
) -> Result<(), String> {
    let canvas = Canvas::new(area, theme);
    canvas.background()?;
    for line in layout.header.iter().chain(&layout.footer) {
        canvas.text(line)?;
    }
    legend(&canvas, layout)?;
    match (&chart.body, &layout.body) {
        (ChartBody::Lines(data), BodyLayout::Lines(panels)) => lines::draw(&canvas, data, panels),
        (ChartBody::Bars(data), BodyLayout::Bars(bars)) => bars::draw(&canvas, data, bars),
        (ChartBody::Timeline(data), BodyLayout::Timeline(timeline)) => {
            timeline::draw(&canvas, data, timeline)
        }
        (ChartBody::Map(data), BodyLayout::Map(map)) => map::draw(&canvas, data, map),
        _ => Err("the layout was made for another kind of chart".to_string()),
    }
}

fn legend<DB: DrawingBackend>(canvas: &Canvas<DB>, layout: &ChartLayout) -> Result<(), String> {
    let theme = canvas.theme();
    for entry in &layout.legend {
        let (x, y) = (entry.x, entry.y);
        let middle = (x + 13.0, y);
        match entry.mark {
            LegendMark::Series(index, shape) => {
                let style = series_style(index);
                let colour = theme.series_colour(style.colour);
                if shape != SeriesShape::Points {
                    canvas.line(&[(x, y), (x + 26.0, y)], colour, 2, style.dash)?;
                }
                canvas.marker(style.marker, middle, colour, true)?;
            }
            LegendMark::Hollow => canvas.marker(MarkerShape::Circle, middle, theme.text, false)?,
            LegendMark::OutlinedBar => {
                canvas.bar(x + 3.0, y - 5.0, 20.0, 10.0, theme.text, false)?;
            }
            LegendMark::LowerBound => {
                let mark = lower_bound_mark((middle.0, middle.1 + 5.0), 0.0);
                canvas.line(&mark, theme.text, 2, super::style::Dash::Solid)?;
            }
            LegendMark::Event(shape) => {
                canvas.marker_of_size(shape, middle, EVENT_RADIUS, theme.series_colour(0), true)?;
            }
            LegendMark::KeyEvent => {
                let side = 2.0 * KEY_RADIUS;
                canvas.bar(
                    x + 13.0 - KEY_RADIUS,
                    y - KEY_RADIUS,
                    side,
                    side,
                    theme.highlight,
                    true,
                )?;
            }
            LegendMark::Span => {
                canvas.bar(x + 3.0, y - 3.0, 20.0, 6.0, theme.series_colour(0), true)?;
            }
            LegendMark::Class { index, of } => {
                let shade = theme
                    .sequential(of)
                    .get(index)
                    .copied()
                    .unwrap_or(theme.text);
                canvas.bar(x + 3.0, y - 6.0, 20.0, 12.0, shade, true)?;
            }
            LegendMark::NoMembers => {
                canvas.bar(x + 3.0, y - 6.0, 20.0, 12.0, theme.land(), true)?;
            }
        }
        canvas.text(&entry.label)?;
    }
    Ok(())
}
