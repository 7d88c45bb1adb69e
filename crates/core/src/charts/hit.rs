//! Which value the pointer or the keyboard is on, in the same pixels the drawing
//! uses (the layout), so a tooltip always names what is under it.

use super::layout::{shape_contains, BodyLayout, ChartLayout, KEY_RADIUS};
use super::model::{ChartBody, ChartData, Point};

/// A value of the chart: a point of a line chart, a bar, an event of a timeline, or a
/// country with a count on a map (by its index in the map's members).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Point {
        panel: usize,
        series: usize,
        index: usize,
    },
    Bar(usize),
    Event(usize),
    Country(usize),
}

/// The candidate nearest to `at`, if any lies within `max_distance` pixels.
pub fn nearest<K: Copy>(
    candidates: impl IntoIterator<Item = (K, (f64, f64))>,
    at: (f64, f64),
    max_distance: f64,
) -> Option<K> {
    candidates
        .into_iter()
        .map(|(key, (x, y))| (key, (x - at.0).hypot(y - at.1)))
        .filter(|(_, distance)| *distance <= max_distance)
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(key, _)| key)
}

/// Every point's pixel position, keyed by its target.
fn point_positions<'a>(
    chart: &'a ChartData,
    layout: &'a ChartLayout,
) -> impl Iterator<Item = (Target, (f64, f64))> + 'a {
    let panels = match (&chart.body, &layout.body) {
        (ChartBody::Lines(lines), BodyLayout::Lines(panels)) => Some((lines, panels)),
        _ => None,
    };
    panels.into_iter().flat_map(|(lines, panels)| {
        lines
            .panels
            .iter()
            .zip(panels)
            .enumerate()
            .flat_map(|(p, (panel, geometry))| {
                panel
                    .series
                    .iter()
                    .enumerate()
                    .flat_map(move |(s, series)| {
                        series.points.iter().enumerate().map(move |(i, point)| {
                            (
                                Target::Point {
                                    panel: p,
                                    series: s,
                                    index: i,
                                },
                                (geometry.x.map(point.x), geometry.y.map(point.y)),
                            )
                        })
                    })
            })
    })
}

/// What lies under the pointer at (`x`, `y`): the nearest point within 24 pixels;
/// the bar whose row holds `y`; the event whose marker or label is there, or else the
/// nearest event within 24 pixels; the country whose badge or land is there.
pub fn target_at(chart: &ChartData, layout: &ChartLayout, x: f64, y: f64) -> Option<Target> {
    match &layout.body {
        BodyLayout::Timeline(timeline) => {
            let markers = || {
                timeline
                    .events
                    .iter()
                    .enumerate()
                    .map(|(i, e)| (Target::Event(i), e.at))
            };
            nearest(markers(), (x, y), KEY_RADIUS + 3.0)
                .or_else(|| {
                    timeline
                        .events
                        .iter()
                        .position(|e| e.label_box.contains(x, y))
                        .map(Target::Event)
                })
                .or_else(|| nearest(markers(), (x, y), 24.0))
        }
        BodyLayout::Map(map) => {
            let on_badge = map
                .badges
                .iter()
                .map(|b| (b, (b.centre.0 - x).hypot(b.centre.1 - y)))
                .filter(|(b, distance)| *distance <= b.radius + 2.0)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(b, _)| Target::Country(b.member));
            let ChartBody::Map(data) = &chart.body else {
                return on_badge;
            };
            on_badge.or_else(|| {
                map.shapes
                    .iter()
                    .filter(|shape| shape_contains(shape, (x, y)))
                    .find_map(|shape| data.shapes.get(shape.shape)?.member)
                    .map(Target::Country)
            })
        }
        BodyLayout::Lines(_) => nearest(point_positions(chart, layout), (x, y), 24.0),
        BodyLayout::Bars(bars) => {
            if y < bars.plot.y || y > bars.plot.bottom() || x > bars.plot.right() + 120.0 {
                return None;
            }
            nearest(
                bars.rows
                    .iter()
                    .enumerate()
                    .map(|(i, row)| (Target::Bar(i), (x, row.center))),
                (x, y),
                bars.plot.h / bars.rows.len().max(1) as f64 / 2.0,
            )
        }
    }
}

/// Where a target sits, for a focus ring or a tooltip.
pub fn position(chart: &ChartData, layout: &ChartLayout, target: Target) -> Option<(f64, f64)> {
    match (target, &layout.body, &chart.body) {
        (Target::Point { .. }, _, _) => point_positions(chart, layout)
            .find(|(t, _)| *t == target)
            .map(|(_, at)| at),
        (Target::Bar(i), BodyLayout::Bars(bars), ChartBody::Bars(data)) => {
            let row = bars.rows.get(i)?;
            Some((bars.x.map(data.bars.get(i)?.value), row.center))
        }
        (Target::Event(i), BodyLayout::Timeline(timeline), _) => {
            timeline.events.get(i).map(|e| e.at)
        }
        (Target::Country(i), BodyLayout::Map(map), _) => {
            map.badges.iter().find(|b| b.member == i).map(|b| b.centre)
        }
        _ => None,
    }
}

/// The ids of the figures or records a target shows: a point's figure, a bar's
/// figures, an event's id, the member clusters a country's count is made of.
pub fn record_ids(chart: &ChartData, target: Target) -> Vec<&str> {
    fn ids(list: &[String]) -> Vec<&str> {
        list.iter().map(String::as_str).collect()
    }
    match (target, &chart.body) {
        (Target::Point { .. }, _) => point(chart, target)
            .map(|p| vec![p.figure_id.as_str()])
            .unwrap_or_default(),
        (Target::Bar(i), ChartBody::Bars(bars)) => bars
            .bars
            .get(i)
            .map(|b| ids(&b.figure_ids))
            .unwrap_or_default(),
        (Target::Event(i), ChartBody::Timeline(timeline)) => timeline
            .events
            .get(i)
            .map(|e| vec![e.event_id.as_str()])
            .unwrap_or_default(),
        (Target::Country(i), ChartBody::Map(map)) => map
            .members
            .get(i)
            .map(|m| ids(&m.figure_ids))
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// A keyboard move along a list of targets; with nothing on the list selected, the first.
fn step_along(targets: &[Target], current: Option<Target>, step: Step) -> Option<Target> {
    let last = targets.len().checked_sub(1)?;
    let Some(at) = current.and_then(|c| targets.iter().position(|t| *t == c)) else {
        return targets.first().copied();
    };
    targets
        .get(match step {
            Step::Next | Step::NextSeries => (at + 1).min(last),
            Step::Previous | Step::PreviousSeries => at.saturating_sub(1),
            Step::First => 0,
            Step::Last => last,
        })
        .copied()
}

/// The point a target names.
pub fn point(chart: &ChartData, target: Target) -> Option<&Point> {
    match (target, &chart.body) {
        (
            Target::Point {
                panel,
                series,
                index,
            },
            ChartBody::Lines(lines),
        ) => lines
            .panels
            .get(panel)?
            .series
            .get(series)?
            .points
            .get(index),
        _ => None,
    }
}

/// The key (a `KeyboardEvent.key`) of each move: Left and Right along a series, Up and
/// Down between series, Home and End to its ends. The live card and an embed's value map
/// both read this table.
pub const KEYS: [(&str, Step); 6] = [
    ("ArrowRight", Step::Next),
    ("ArrowLeft", Step::Previous),
    ("ArrowDown", Step::NextSeries),
    ("ArrowUp", Step::PreviousSeries),
    ("Home", Step::First),
    ("End", Step::Last),
];

/// A keyboard move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Next,
    Previous,
    First,
    Last,
    /// To the neighbouring series (across panels), at the point nearest in time.
    NextSeries,
    PreviousSeries,
}

/// Where a keyboard move from `current` lands; with nothing selected, on the first
/// value. Moves stop at the ends rather than wrap.
pub fn step(chart: &ChartData, current: Option<Target>, step: Step) -> Option<Target> {
    match &chart.body {
        ChartBody::Timeline(timeline) => {
            let events: Vec<Target> = (0..timeline.events.len()).map(Target::Event).collect();
            step_along(&events, current, step)
        }
        // Only the countries the map draws.
        ChartBody::Map(map) => {
            let countries: Vec<Target> = map
                .members
                .iter()
                .enumerate()
                .filter(|(_, m)| m.shape.is_some())
                .map(|(i, _)| Target::Country(i))
                .collect();
            step_along(&countries, current, step)
        }
        ChartBody::Bars(bars) => {
            let last = bars.bars.len().checked_sub(1)?;
            let at = match current {
                Some(Target::Bar(i)) => i.min(last),
                _ => return Some(Target::Bar(0)),
            };
            Some(Target::Bar(match step {
                Step::Next | Step::NextSeries => (at + 1).min(last),
                Step::Previous | Step::PreviousSeries => at.saturating_sub(1),
                Step::First => 0,
                Step::Last => last,
            }))
        }
        ChartBody::Lines(lines) => {
            let series: Vec<(usize, usize, &[Point])> = lines
                .panels
                .iter()
                .enumerate()
                .flat_map(|(p, panel)| {
                    panel
                        .series
                        .iter()
                        .enumerate()
                        .filter(|(_, s)| !s.points.is_empty())
                        .map(move |(s, series)| (p, s, series.points.as_slice()))
                })
                .collect();
            let make = |k: usize, index: usize| {
                let (panel, series, _) = series[k];
                Target::Point {
                    panel,
                    series,
                    index,
                }
            };
            let (k, index) = match current {
                Some(Target::Point {
                    panel,
                    series: s,
                    index,
                }) => {
                    let k = series.iter().position(|(p, q, _)| *p == panel && *q == s)?;
                    (k, index.min(series[k].2.len() - 1))
                }
                _ => return series.first().map(|_| make(0, 0)),
            };
            let len = series[k].2.len();
            let nearest_in = |to: usize| {
                let x = series[k].2[index].x;
                let points = series[to].2;
                let best = (0..points.len())
                    .min_by(|a, b| {
                        (points[*a].x - x)
                            .abs()
                            .total_cmp(&(points[*b].x - x).abs())
                    })
                    .unwrap_or(0);
                make(to, best)
            };
            Some(match step {
                Step::Next => make(k, (index + 1).min(len - 1)),
                Step::Previous => make(k, index.saturating_sub(1)),
                Step::First => make(k, 0),
                Step::Last => make(k, len - 1),
                Step::NextSeries => nearest_in((k + 1).min(series.len() - 1)),
                Step::PreviousSeries => nearest_in(k.saturating_sub(1)),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_picks_the_closest_within_reach() {
        let candidates = [
            ("a", (10.0, 10.0)),
            ("b", (30.0, 10.0)),
            ("c", (100.0, 100.0)),
        ];
        assert_eq!(nearest(candidates, (18.0, 12.0), 20.0), Some("a"));
        assert_eq!(nearest(candidates, (24.0, 9.0), 20.0), Some("b"));
        assert_eq!(nearest(candidates, (60.0, 60.0), 20.0), None);
        assert_eq!(
            nearest(Vec::<(u8, (f64, f64))>::new(), (0.0, 0.0), 5.0),
            None
        );
    }

    #[test]
    fn stepping_along_a_list_stops_at_the_ends() {
        let events = [Target::Event(0), Target::Event(1), Target::Event(2)];
        assert_eq!(
            step_along(&events, None, Step::Next),
            Some(Target::Event(0))
        );
        let last = Some(Target::Event(2));
        assert_eq!(step_along(&events, last, Step::Next), last);
        assert_eq!(
            step_along(&events, last, Step::Previous),
            Some(Target::Event(1))
        );
        assert_eq!(
            step_along(&events, Some(Target::Event(1)), Step::First),
            Some(Target::Event(0))
        );
        assert_eq!(step_along(&[], None, Step::Next), None);
    }
}
