//! Which value the pointer or the keyboard is on, in the same pixels the drawing
//! uses (the layout), so a tooltip always names what is under it.

use super::layout::{BodyLayout, ChartLayout};
use super::model::{ChartBody, ChartData, Point};

/// A value of the chart: a point of a line chart or a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Point {
        panel: usize,
        series: usize,
        index: usize,
    },
    Bar(usize),
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

/// What lies under the pointer at (`x`, `y`): the nearest point within 24 pixels,
/// or the bar whose row holds `y`.
pub fn target_at(chart: &ChartData, layout: &ChartLayout, x: f64, y: f64) -> Option<Target> {
    match &layout.body {
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
        _ => None,
    }
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
}
