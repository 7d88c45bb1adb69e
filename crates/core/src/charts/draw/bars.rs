//! Horizontal bar charts: labelled rows on one value axis, reference rules.

use super::canvas::Canvas;
use crate::charts::layout::BarsLayout;
use crate::charts::model::BarChart;
use crate::charts::style::Dash;
use plotters::prelude::DrawingBackend;

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    chart: &BarChart,
    geometry: &BarsLayout,
) -> Result<(), String> {
    let theme = canvas.theme();
    let plot = geometry.plot;
    for value in &geometry.ticks.values {
        let x = geometry.x.map(*value);
        let colour = if *value == 0.0 {
            theme.axis
        } else {
            theme.grid
        };
        canvas.line(&[(x, plot.y), (x, plot.bottom())], colour, 1, Dash::Solid)?;
    }
    for label in &geometry.x_labels {
        canvas.text(label)?;
    }
    let zero = geometry.x.map(0.0);
    for (bar, row) in chart.bars.iter().zip(&geometry.rows) {
        for line in &row.label {
            canvas.text(line)?;
        }
        let end = geometry.x.map(bar.value);
        let colour = if bar.highlight {
            theme.highlight
        } else {
            theme.series_colour(0)
        };
        let top = row.center - row.thickness / 2.0;
        canvas.bar(
            zero,
            top,
            (end - zero).max(1.0),
            row.thickness,
            colour,
            !bar.confidence.needs_warning(),
        )?;
        canvas.text(&row.value_label)?;
    }
    for reference in &geometry.references {
        let rule = [(reference.x, plot.y - 4.0), (reference.x, plot.bottom())];
        canvas.line(&rule, theme.annotation, 2, Dash::Dashed)?;
        canvas.text(&reference.label)?;
    }
    Ok(())
}
