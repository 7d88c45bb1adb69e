//! How series and events tell themselves apart besides colour: marker shape and dash
//! pattern, and the pure geometry of both.

use crate::resources::EventKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerShape {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Cross,
    /// A five-pointed star.
    Star,
    /// An upright cross, `+`.
    Plus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dash {
    Solid,
    Dashed,
    Dotted,
    LongDash,
}

impl Dash {
    /// Pixels drawn and skipped, or `None` for a solid line.
    pub fn pattern(self) -> Option<(f64, f64)> {
        match self {
            Dash::Solid => None,
            Dash::Dashed => Some((7.0, 4.0)),
            Dash::Dotted => Some((2.0, 3.0)),
            Dash::LongDash => Some((14.0, 5.0)),
        }
    }
}

/// The look of the series at a style index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeriesStyle {
    pub colour: usize,
    pub marker: MarkerShape,
    pub dash: Dash,
}

const MARKERS: [MarkerShape; 6] = [
    MarkerShape::Circle,
    MarkerShape::Square,
    MarkerShape::Triangle,
    MarkerShape::Diamond,
    MarkerShape::TriangleDown,
    MarkerShape::Cross,
];
const DASHES: [Dash; 4] = [Dash::Solid, Dash::Dashed, Dash::Dotted, Dash::LongDash];

/// Neighbouring series always differ in colour, marker and dash.
pub fn series_style(index: usize) -> SeriesStyle {
    SeriesStyle {
        colour: index,
        marker: MARKERS[index % MARKERS.len()],
        dash: DASHES[index % DASHES.len()],
    }
}

/// The marker of each kind of timeline event: a different shape for every kind.
pub fn event_shape(kind: EventKind) -> MarkerShape {
    match kind {
        EventKind::Institution => MarkerShape::Square,
        EventKind::Policy => MarkerShape::Triangle,
        EventKind::Agreement => MarkerShape::Diamond,
        EventKind::Announcement => MarkerShape::Star,
        EventKind::Meeting => MarkerShape::Circle,
        EventKind::Statement => MarkerShape::TriangleDown,
        EventKind::Recognition => MarkerShape::Cross,
        EventKind::Construction => MarkerShape::Plus,
    }
}

/// The outline of a polygon marker of `radius` around `center`; `None` for the
/// circle and the crosses, which backends draw with their own primitives.
pub fn marker_polygon(
    shape: MarkerShape,
    center: (f64, f64),
    radius: f64,
) -> Option<Vec<(f64, f64)>> {
    let (x, y) = center;
    let r = radius;
    let points = match shape {
        MarkerShape::Circle | MarkerShape::Cross | MarkerShape::Plus => return None,
        MarkerShape::Star => (0..10)
            .map(|k| {
                let reach = if k % 2 == 0 { r * 1.3 } else { r * 0.55 };
                let angle = std::f64::consts::PI * (k as f64 / 5.0 - 0.5);
                (x + reach * angle.cos(), y + reach * angle.sin())
            })
            .collect(),
        MarkerShape::Square => {
            let s = r * 0.85;
            vec![
                (x - s, y - s),
                (x + s, y - s),
                (x + s, y + s),
                (x - s, y + s),
            ]
        }
        MarkerShape::Triangle => vec![
            (x, y - r * 1.1),
            (x + r, y + r * 0.75),
            (x - r, y + r * 0.75),
        ],
        MarkerShape::TriangleDown => {
            vec![
                (x, y + r * 1.1),
                (x + r, y - r * 0.75),
                (x - r, y - r * 0.75),
            ]
        }
        MarkerShape::Diamond => vec![(x, y - r * 1.2), (x + r, y), (x, y + r * 1.2), (x - r, y)],
    };
    Some(points)
}

/// The small upward chevron drawn above a point that is a lower bound ("more than").
pub fn lower_bound_mark(center: (f64, f64), radius: f64) -> Vec<(f64, f64)> {
    let (x, y) = center;
    let top = y - radius - 7.0;
    vec![(x - 4.0, top + 4.0), (x, top), (x + 4.0, top + 4.0)]
}

/// Cuts a polyline into the pieces a dash pattern draws: `on` pixels drawn, `off`
/// skipped, continuing across corners.
pub fn dash_segments(points: &[(f64, f64)], on: f64, off: f64) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    if on <= 0.0 || points.len() < 2 {
        return pieces;
    }
    let mut drawing = true;
    let mut left = on;
    let mut current: Vec<(f64, f64)> = vec![points[0]];
    for pair in points.windows(2) {
        let (mut from, to) = (pair[0], pair[1]);
        let mut length = ((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt();
        while length > 0.0 {
            let step = left.min(length);
            let t = step / length;
            let at = (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t);
            if drawing {
                current.push(at);
            }
            length -= step;
            left -= step;
            from = at;
            if left <= 1e-9 {
                if drawing {
                    pieces.push(std::mem::take(&mut current));
                } else {
                    current = vec![at];
                }
                drawing = !drawing;
                left = if drawing { on } else { off };
            }
        }
    }
    if drawing && current.len() > 1 {
        pieces.push(current);
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbouring_series_differ_in_more_than_colour() {
        for i in 0..12 {
            let (a, b) = (series_style(i), series_style(i + 1));
            assert_ne!(a.marker, b.marker);
            assert_ne!(a.dash, b.dash);
            assert_ne!(a.colour, b.colour);
        }
    }

    #[test]
    fn dashes_cover_the_line_with_gaps() {
        let line = [(0.0, 0.0), (22.0, 0.0)];
        let pieces = dash_segments(&line, 7.0, 4.0);
        // 0-7 drawn, 7-11 skipped, 11-18 drawn, 18-22 skipped.
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0], vec![(0.0, 0.0), (7.0, 0.0)]);
        assert_eq!(pieces[1], vec![(11.0, 0.0), (18.0, 0.0)]);
    }

    #[test]
    fn dashes_continue_round_corners() {
        let corner = [(0.0, 0.0), (5.0, 0.0), (5.0, 5.0)];
        let pieces = dash_segments(&corner, 7.0, 4.0);
        assert_eq!(pieces[0], vec![(0.0, 0.0), (5.0, 0.0), (5.0, 2.0)]);
    }

    #[test]
    fn every_kind_of_event_has_its_own_shape() {
        let kinds = EventKind::ALL;
        let shapes: std::collections::HashSet<_> = kinds.iter().map(|k| event_shape(*k)).collect();
        assert_eq!(shapes.len(), kinds.len());
    }

    #[test]
    fn polygon_markers_surround_their_centre() {
        for shape in MARKERS.into_iter().chain([MarkerShape::Star]) {
            if let Some(points) = marker_polygon(shape, (10.0, 10.0), 4.0) {
                let (sx, sy) = points
                    .iter()
                    .fold((0.0, 0.0), |(a, b), p| (a + p.0, b + p.1));
                let n = points.len() as f64;
                assert!(
                    (sx / n - 10.0).abs() < 1.5 && (sy / n - 10.0).abs() < 1.5,
                    "{shape:?}"
                );
            }
        }
    }
}
