//! Line charts: panels sharing a time axis, each with its grid, series, markers and
//! dated events.

use super::canvas::Canvas;
use crate::charts::decimate::decimate_points;
use crate::charts::layout::{PanelLayout, MARKER_RADIUS};
use crate::charts::model::{LineChart, SeriesShape};
use crate::charts::style::{lower_bound_mark, series_style, Dash};
use crate::figure::Qualifier;
use plotters::prelude::DrawingBackend;

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    chart: &LineChart,
    panels: &[PanelLayout],
) -> Result<(), String> {
    let styles = chart.series_with_style();
    let mut styles = styles.iter().map(|(index, _)| *index);
    for (panel, geometry) in chart.panels.iter().zip(panels) {
        frame(canvas, geometry)?;
        for annotation in &geometry.annotations {
            let rule = [
                (annotation.x, geometry.plot.y),
                (annotation.x, geometry.plot.bottom()),
            ];
            canvas.line(&rule, canvas.theme().annotation, 1, Dash::Dashed)?;
            for line in &annotation.lines {
                canvas.text(line)?;
            }
        }
        for series in &panel.series {
            let style = series_style(styles.next().unwrap_or(0));
            let colour = canvas.theme().series_colour(style.colour);
            let points = decimate_points(&series.points, &geometry.x);
            let at: Vec<(f64, f64)> = points
                .iter()
                .map(|p| (geometry.x.map(p.x), geometry.y.map(p.y)))
                .collect();
            let path: Vec<(f64, f64)> = match series.shape {
                SeriesShape::Line => at.clone(),
                SeriesShape::Step => at
                    .iter()
                    .enumerate()
                    .flat_map(|(i, p)| {
                        let corner = i.checked_sub(1).map(|prev| (p.0, at[prev].1));
                        corner.into_iter().chain(std::iter::once(*p))
                    })
                    .collect(),
                SeriesShape::Points => Vec::new(),
            };
            if path.len() > 1 {
                canvas.line(&path, colour, 2, style.dash)?;
            }
            for (point, centre) in points.iter().zip(&at) {
                canvas.marker(
                    style.marker,
                    *centre,
                    colour,
                    !point.confidence.needs_warning(),
                )?;
                if point.qualifier == Qualifier::MoreThan {
                    canvas.line(
                        &lower_bound_mark(*centre, MARKER_RADIUS),
                        colour,
                        2,
                        Dash::Solid,
                    )?;
                }
            }
        }
        for label in &geometry.point_labels {
            canvas.text(label)?;
        }
    }
    Ok(())
}

/// Heading, grid, axis and tick labels.
fn frame<DB: DrawingBackend>(canvas: &Canvas<DB>, geometry: &PanelLayout) -> Result<(), String> {
    let theme = canvas.theme();
    let plot = geometry.plot;
    for line in &geometry.heading {
        canvas.text(line)?;
    }
    for value in &geometry.y_ticks.values {
        let y = geometry.y.map(*value);
        let colour = if *value == 0.0 {
            theme.axis
        } else {
            theme.grid
        };
        canvas.line(&[(plot.x, y), (plot.right(), y)], colour, 1, Dash::Solid)?;
    }
    for label in &geometry.y_labels {
        canvas.text(label)?;
    }
    for year in &geometry.years {
        let x = geometry.x.map(f64::from(*year));
        canvas.line(
            &[(x, plot.bottom()), (x, plot.bottom() + 4.0)],
            theme.axis,
            1,
            Dash::Solid,
        )?;
    }
    for label in &geometry.x_labels {
        canvas.text(label)?;
    }
    Ok(())
}
