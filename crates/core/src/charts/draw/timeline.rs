//! Timelines: the axis with its dates, and each event's stem, span, marker and label.

use super::canvas::Canvas;
use crate::charts::layout::TimelineLayout;
use crate::charts::model::TimelineChart;
use crate::charts::style::{event_shape, Dash};
use plotters::prelude::DrawingBackend;

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    chart: &TimelineChart,
    geometry: &TimelineLayout,
) -> Result<(), String> {
    let theme = canvas.theme();
    let axis_y = geometry.axis_y;
    let plot = geometry.plot;
    canvas.line(
        &[(plot.x, axis_y), (plot.right(), axis_y)],
        theme.axis,
        1,
        Dash::Solid,
    )?;
    for x in &geometry.ticks {
        canvas.line(
            &[(*x, axis_y), (*x, axis_y + 4.0)],
            theme.axis,
            1,
            Dash::Solid,
        )?;
    }
    for label in &geometry.tick_labels {
        canvas.text(label)?;
    }
    if let Some((x, label)) = &geometry.key_date {
        let tick = [(*x, axis_y - 6.0), (*x, axis_y + 4.0)];
        canvas.line(&tick, theme.annotation, 3, Dash::Solid)?;
        canvas.text(label)?;
    }
    let colour = |key: bool| {
        if key {
            theme.highlight
        } else {
            theme.series_colour(0)
        }
    };
    for (event, at) in chart.events.iter().zip(&geometry.events) {
        let stem = [(at.axis_x, at.at.1), (at.axis_x, axis_y)];
        canvas.line(&stem, theme.grid.mix(theme.axis, 0.5), 1, Dash::Solid)?;
        if let Some((start, end)) = at.span {
            // At least as wide as the stem's foot, so a few days still show.
            let (start, end) = (start.min(end - 3.0), end.max(start + 3.0));
            canvas.bar(
                start,
                axis_y - 3.0,
                end - start,
                6.0,
                colour(event.key),
                true,
            )?;
        }
    }
    for (event, at) in chart.events.iter().zip(&geometry.events) {
        canvas.marker_of_size(
            event_shape(event.kind),
            at.at,
            at.radius,
            colour(event.key),
            !event.confidence.needs_warning(),
        )?;
        for line in &at.label {
            canvas.text(line)?;
        }
    }
    Ok(())
}
