//! A world map: equirectangular (a degree of longitude as wide as a degree of latitude
//! is high), fitted into the body. Outlines are projected to whole pixels and thinned to
//! the points that still show, so the drawing and the pointer share them. Each country
//! with a count gets a numbered badge, on the country when it is free, otherwise moved
//! aside with a leader line; the highlighted country also gets its name.

use super::{text_width, Align, Rect, TextLine, Tone, BODY_BOLD};
use crate::charts::model::MapChart;
use crate::charts::scale::LinearScale;
use crate::format::format_number;
use crate::text::Locale;

/// Distances, in pixels, at which a badge is tried around its country.
const BADGE_DISTANCES: [f64; 8] = [14.0, 20.0, 27.0, 35.0, 44.0, 54.0, 66.0, 80.0];

#[derive(Debug, Clone, PartialEq)]
pub struct ShapeLayout {
    /// The index in [`MapChart::shapes`].
    pub shape: usize,
    pub rings: Vec<Vec<(f64, f64)>>,
    pub holes: Vec<Vec<(f64, f64)>>,
}

/// A country's count in a circle.
#[derive(Debug, Clone, PartialEq)]
pub struct BadgeLayout {
    /// The index in [`MapChart::members`].
    pub member: usize,
    /// A point inside the country.
    pub anchor: (f64, f64),
    pub centre: (f64, f64),
    pub radius: f64,
    pub text: TextLine,
    /// The country's name beside the badge, for the highlighted country.
    pub name: Option<TextLine>,
}

impl BadgeLayout {
    /// Whether the badge was moved off its country, and needs a leader line.
    pub fn is_moved(&self) -> bool {
        (self.centre.0 - self.anchor.0).hypot(self.centre.1 - self.anchor.1) > 0.5
    }

    /// The end of the leader line on the badge's rim.
    pub fn leader_end(&self) -> (f64, f64) {
        let (dx, dy) = (self.anchor.0 - self.centre.0, self.anchor.1 - self.centre.1);
        let length = dx.hypot(dy).max(1e-9);
        (
            self.centre.0 + dx / length * self.radius,
            self.centre.1 + dy / length * self.radius,
        )
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// Where the map sits.
    pub frame: Rect,
    /// Longitude to pixels, and latitude to pixels (north up).
    pub x: LinearScale,
    pub y: LinearScale,
    /// In drawing order: countries with holes first, so the country inside each hole is
    /// drawn over it.
    pub shapes: Vec<ShapeLayout>,
    /// One per member that has an outline, in the chart's order of members.
    pub badges: Vec<BadgeLayout>,
}

/// Twice the signed area of the triangle `a`, `b`, `c`.
fn cross(a: (f64, f64), b: (f64, f64), c: (f64, f64)) -> f64 {
    (b.0 - a.0) * (c.1 - a.1) - (b.1 - a.1) * (c.0 - a.0)
}

/// How far, in pixels, thinning may move an outline: less than a pixel, so no one sees it.
const THINNING: f64 = 0.9;

/// Distance from `p` to the segment `a`–`b`.
fn distance_to_segment(p: (f64, f64), a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length = dx * dx + dy * dy;
    let t = if length == 0.0 {
        0.0
    } else {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / length).clamp(0.0, 1.0)
    };
    (p.0 - a.0 - t * dx).hypot(p.1 - a.1 - t * dy)
}

/// Douglas–Peucker on a closed ring: the fewest points that stay within `tolerance` of
/// it, keeping its first point and the point farthest from it.
fn thin_ring(ring: Vec<(f64, f64)>, tolerance: f64) -> Vec<(f64, f64)> {
    let n = ring.len();
    if n < 4 {
        return ring;
    }
    let first = ring[0];
    let far = (1..n)
        .max_by(|a, b| {
            let d = |i: usize| (ring[i].0 - first.0).hypot(ring[i].1 - first.1);
            d(*a).total_cmp(&d(*b))
        })
        .unwrap_or(1);
    let at = |i: usize| ring[i % n];
    let mut keep = vec![false; n];
    keep[0] = true;
    keep[far] = true;
    let mut spans = vec![(0, far), (far, n)];
    while let Some((start, end)) = spans.pop() {
        let farthest = (start + 1..end)
            .map(|i| (i, distance_to_segment(at(i), at(start), at(end))))
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((i, distance)) = farthest {
            if distance > tolerance {
                keep[i] = true;
                spans.push((start, i));
                spans.push((i, end));
            }
        }
    }
    ring.into_iter()
        .zip(keep)
        .filter(|(_, kept)| *kept)
        .map(|(p, _)| p)
        .collect()
}

/// A ring in whole pixels, without repeated points, points on a straight line or
/// wiggles under a pixel; empty when it shrinks below a triangle.
fn pixel_ring(ring: &[(f64, f64)], x: &LinearScale, y: &LinearScale) -> Vec<(f64, f64)> {
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(ring.len());
    for (lon, lat) in ring {
        let p = (x.map(*lon).round(), y.map(*lat).round());
        while out.len() >= 2 && cross(out[out.len() - 2], out[out.len() - 1], p) == 0.0 {
            out.pop();
        }
        if out.last() != Some(&p) {
            out.push(p);
        }
    }
    while out.len() >= 3
        && (out.last() == out.first()
            || cross(out[out.len() - 2], out[out.len() - 1], out[0]) == 0.0)
    {
        out.pop();
    }
    let out = thin_ring(out, THINNING);
    if out.len() < 3 {
        return Vec::new();
    }
    out
}

/// The area a ring encloses, in square pixels.
pub fn ring_area(ring: &[(f64, f64)]) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            a.0 * b.1 - b.0 * a.1
        })
        .sum::<f64>()
        .abs()
        / 2.0
}

/// Whether `p` is inside `ring` (even–odd rule).
pub fn ring_contains(ring: &[(f64, f64)], p: (f64, f64)) -> bool {
    let n = ring.len();
    let mut inside = false;
    for i in 0..n {
        let (a, b) = (ring[i], ring[(i + n - 1) % n]);
        if (a.1 > p.1) != (b.1 > p.1) && p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0 {
            inside = !inside;
        }
    }
    inside
}

/// Whether `p` is on the land of a shape: in one of its rings and none of its holes.
pub fn shape_contains(shape: &ShapeLayout, p: (f64, f64)) -> bool {
    shape.rings.iter().any(|r| ring_contains(r, p))
        && !shape.holes.iter().any(|h| ring_contains(h, p))
}

fn distance_to_ring(ring: &[(f64, f64)], p: (f64, f64)) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| distance_to_segment(p, ring[i], ring[(i + 1) % n]))
        .fold(f64::INFINITY, f64::min)
}

/// A point well inside the shape's largest ring: of a grid of points over it, the one
/// farthest from every edge. Falls back to the ring's first point.
fn interior_point(shape: &ShapeLayout) -> Option<(f64, f64)> {
    let ring = shape
        .rings
        .iter()
        .max_by(|a, b| ring_area(a).total_cmp(&ring_area(b)))?;
    let (mut x0, mut y0, mut x1, mut y1) = (
        f64::INFINITY,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NEG_INFINITY,
    );
    for (x, y) in ring {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    const STEPS: usize = 24;
    let mut best: Option<((f64, f64), f64)> = None;
    for i in 0..=STEPS {
        for j in 0..=STEPS {
            let p = (
                x0 + (x1 - x0) * i as f64 / STEPS as f64,
                y0 + (y1 - y0) * j as f64 / STEPS as f64,
            );
            if !shape_contains(shape, p) {
                continue;
            }
            let clearance = shape
                .rings
                .iter()
                .chain(&shape.holes)
                .map(|r| distance_to_ring(r, p))
                .fold(f64::INFINITY, f64::min);
            if best.is_none_or(|(_, c)| clearance > c) {
                best = Some((p, clearance));
            }
        }
    }
    best.map(|(p, _)| p).or_else(|| ring.first().copied())
}

/// The height the map wants `width` wide: as tall as its projection makes it.
pub(super) fn wanted_height(chart: &MapChart, width: f64) -> f64 {
    let (south, north) = chart.latitudes;
    width * (north - south).max(1.0) / 360.0
}

pub(super) fn map_layout(chart: &MapChart, locale: Locale, area: Rect) -> MapLayout {
    let (south, north) = chart.latitudes;
    let aspect = 360.0 / (north - south).max(1.0);
    let w = area.w.min(area.h * aspect);
    let h = w / aspect;
    let frame = Rect {
        x: area.x + (area.w - w) / 2.0,
        y: area.y,
        w,
        h,
    };
    let x = LinearScale::new((-180.0, 180.0), (frame.x, frame.right()));
    let y = LinearScale::new((south, north), (frame.bottom(), frame.y));
    let mut shapes: Vec<ShapeLayout> = chart
        .shapes
        .iter()
        .enumerate()
        .map(|(index, shape)| ShapeLayout {
            shape: index,
            rings: shape
                .rings
                .iter()
                .map(|r| pixel_ring(r, &x, &y))
                .filter(|r| !r.is_empty())
                .collect(),
            holes: shape
                .holes
                .iter()
                .map(|r| pixel_ring(r, &x, &y))
                .filter(|r| !r.is_empty())
                .collect(),
        })
        .filter(|s| !s.rings.is_empty())
        .collect();
    shapes.sort_by_key(|s| s.holes.is_empty());

    // Where each member is, smallest country first: small ones need the free spots.
    let mut anchors: Vec<(usize, (f64, f64), f64)> = chart
        .members
        .iter()
        .enumerate()
        .filter_map(|(m, member)| {
            let shape = shapes.iter().find(|s| Some(s.shape) == member.shape)?;
            let area: f64 = shape.rings.iter().map(|r| ring_area(r)).sum();
            Some((m, interior_point(shape)?, area))
        })
        .collect();
    let mut taken: Vec<Rect> = Vec::new();
    let dot = |p: (f64, f64)| Rect {
        x: p.0 - 2.0,
        y: p.1 - 2.0,
        w: 4.0,
        h: 4.0,
    };
    // The highlighted country is placed first, so its name gets the best place.
    anchors.sort_by(|a, b| {
        let highlight = |m: usize| !chart.members[m].highlight;
        highlight(a.0)
            .cmp(&highlight(b.0))
            .then(a.2.total_cmp(&b.2))
    });
    let mut badges: Vec<BadgeLayout> = Vec::new();
    for (member_index, anchor, area) in &anchors {
        let member = &chart.members[*member_index];
        let number = format_number(member.value, 0, locale);
        let radius = (text_width(&number, BODY_BOLD) / 2.0 + 4.0).max(7.5);
        let name = member
            .highlight
            .then(|| member.name.get(locale).to_string());
        let name_width = name
            .as_ref()
            .map_or(0.0, |n| text_width(n, BODY_BOLD) + 4.0);
        // The badge, and the name to its right, as one box.
        let footprint = |c: (f64, f64)| Rect {
            x: c.0 - radius - 1.0,
            y: c.1 - radius - 1.0,
            w: 2.0 * radius + 2.0 + name_width,
            h: 2.0 * radius + 2.0,
        };
        // A badge on the highlighted country would hide its outline, and one on a small
        // country its shade, so those move aside.
        let badge_area = std::f64::consts::PI * radius * radius;
        let on_country = (!member.highlight && *area >= 1.5 * badge_area).then_some(*anchor);
        let around = BADGE_DISTANCES.iter().flat_map(|d| {
            // Up and right first, where the leader crosses the least.
            [-45.0f64, 0.0, -90.0, 45.0, 90.0, 180.0, -135.0, 135.0]
                .into_iter()
                .map(move |angle| {
                    let a = angle.to_radians();
                    (anchor.0 + d * a.cos(), anchor.1 + d * a.sin())
                })
        });
        let others: Vec<Rect> = anchors
            .iter()
            .filter(|(m, _, _)| m != member_index)
            .map(|(_, p, _)| dot(*p))
            .collect();
        let mut best: Option<((f64, f64), f64)> = None;
        for centre in on_country.into_iter().chain(around) {
            let footprint = footprint(centre);
            let inside = footprint.x >= frame.x
                && footprint.right() <= frame.right()
                && footprint.y >= frame.y
                && footprint.bottom() <= frame.bottom();
            if !inside {
                continue;
            }
            let clash: f64 = taken
                .iter()
                .chain(&others)
                .filter(|o| footprint.overlaps(o))
                .map(|o| {
                    (footprint.right().min(o.right()) - footprint.x.max(o.x))
                        * (footprint.bottom().min(o.bottom()) - footprint.y.max(o.y))
                })
                .sum();
            if best.is_none_or(|(_, least)| clash < least) {
                best = Some((centre, clash));
            }
            if clash == 0.0 {
                break;
            }
        }
        let centre = best.map_or(*anchor, |(c, _)| c);
        taken.push(footprint(centre));
        badges.push(BadgeLayout {
            member: *member_index,
            anchor: *anchor,
            centre,
            radius,
            text: TextLine {
                text: number,
                x: centre.0,
                y: centre.1 - BODY_BOLD.px * 0.6,
                font: BODY_BOLD,
                tone: Tone::Text,
                align: Align::Center,
            },
            name: name.map(|text| TextLine {
                text,
                x: centre.0 + radius + 4.0,
                y: centre.1 - BODY_BOLD.px * 0.6,
                font: BODY_BOLD,
                tone: Tone::Text,
                align: Align::Left,
            }),
        });
    }
    badges.sort_by_key(|b| b.member);
    MapLayout {
        frame,
        x,
        y,
        shapes,
        badges,
    }
}

/// A legend label for a shade: "1 cluster", "4–5 clusters".
pub fn class_label(min: f64, max: f64, unit: crate::figure::Unit, locale: Locale) -> String {
    use crate::figure::Qualifier;
    use crate::format::format_value;
    if min == max {
        format_value(min, unit, Qualifier::Exact, locale)
    } else {
        format!(
            "{}–{}",
            format_number(min, 0, locale),
            format_value(max, unit, Qualifier::Exact, locale)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, side: f64) -> Vec<(f64, f64)> {
        vec![(x, y), (x + side, y), (x + side, y + side), (x, y + side)]
    }

    #[test]
    fn a_point_in_a_hole_is_not_on_the_land() {
        let shape = ShapeLayout {
            shape: 0,
            rings: vec![square(0.0, 0.0, 30.0)],
            holes: vec![square(10.0, 10.0, 10.0)],
        };
        assert!(shape_contains(&shape, (5.0, 5.0)));
        assert!(!shape_contains(&shape, (15.0, 15.0)));
        assert!(!shape_contains(&shape, (35.0, 5.0)));
        let inside = interior_point(&shape).unwrap();
        assert!(shape_contains(&shape, inside));
        assert_eq!(ring_area(&square(0.0, 0.0, 30.0)), 900.0);
    }

    #[test]
    fn rings_shrink_to_the_pixels_that_show() {
        let x = LinearScale::new((0.0, 10.0), (0.0, 10.0));
        let y = LinearScale::new((0.0, 10.0), (10.0, 0.0));
        let ring = [
            (0.0, 0.0),
            (0.2, 0.1),
            (5.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (0.0, 10.0),
        ];
        assert_eq!(
            pixel_ring(&ring, &x, &y),
            vec![(0.0, 10.0), (10.0, 10.0), (10.0, 0.0), (0.0, 0.0)]
        );
        assert!(pixel_ring(&[(0.0, 0.0), (0.1, 0.1), (0.2, 0.0)], &x, &y).is_empty());
    }

    #[test]
    fn thinning_keeps_corners_and_drops_wiggles() {
        let ring = vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 10.0),
            (5.0, 10.4),
            (0.0, 10.0),
        ];
        assert_eq!(
            thin_ring(ring, 0.6),
            vec![(0.0, 0.0), (10.0, 0.0), (10.0, 10.0), (0.0, 10.0)]
        );
    }

    #[test]
    fn classes_are_labelled_with_their_counts() {
        use crate::figure::Unit;
        assert_eq!(
            class_label(1.0, 1.0, Unit::Clusters, Locale::En),
            "1 cluster"
        );
        assert_eq!(
            class_label(4.0, 5.0, Unit::Clusters, Locale::En),
            "4–5 clusters"
        );
        assert_eq!(
            class_label(4.0, 5.0, Unit::Clusters, Locale::Az),
            "4–5 klaster"
        );
    }
}
