//! World maps: land in shades, borders in the background colour, the highlighted
//! country outlined, and each count in a badge.

use super::canvas::Canvas;
use crate::charts::layout::MapLayout;
use crate::charts::model::MapChart;
use crate::charts::style::Dash;
use plotters::prelude::DrawingBackend;

pub fn draw<DB: DrawingBackend>(
    canvas: &Canvas<DB>,
    chart: &MapChart,
    geometry: &MapLayout,
) -> Result<(), String> {
    let theme = canvas.theme();
    let shades = theme.sequential(chart.classes.len());
    let member = |shape: usize| {
        chart
            .shapes
            .get(shape)
            .and_then(|s| s.member)
            .and_then(|m| chart.members.get(m))
    };
    for shape in &geometry.shapes {
        let fill = member(shape.shape)
            .and_then(|m| shades.get(m.class).copied())
            .unwrap_or_else(|| theme.land());
        for ring in &shape.rings {
            canvas.polygon(ring, fill)?;
        }
    }
    for shape in &geometry.shapes {
        for ring in shape.rings.iter().chain(&shape.holes) {
            canvas.outline(ring, theme.background, 1)?;
        }
    }
    for shape in &geometry.shapes {
        if member(shape.shape).is_some_and(|m| m.highlight) {
            for ring in &shape.rings {
                canvas.outline(ring, theme.highlight, 2)?;
            }
        }
    }
    for badge in &geometry.badges {
        if badge.is_moved() {
            canvas.line(
                &[badge.anchor, badge.leader_end()],
                theme.text,
                1,
                Dash::Solid,
            )?;
            canvas.disc(badge.anchor, 1.5, theme.text, theme.text)?;
        }
    }
    for badge in &geometry.badges {
        let highlight = chart.members.get(badge.member).is_some_and(|m| m.highlight);
        let rim = if highlight {
            theme.highlight
        } else {
            theme.text
        };
        canvas.disc(badge.centre, badge.radius, theme.background, rim)?;
        canvas.text(&badge.text)?;
        if let Some(name) = &badge.name {
            canvas.text(name)?;
        }
    }
    Ok(())
}
