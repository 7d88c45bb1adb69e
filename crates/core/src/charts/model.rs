//! What a chart shows: its bilingual config and its data, ready to lay out and draw.
//! Every value carries the ids of the figures it comes from.

use super::catalog::ChartId;
use crate::date::PartialDate;
use crate::figure::{Confidence, Qualifier, Unit};
use crate::resources::EventKind;
use crate::text::Text;

/// The words around a chart, in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    pub id: ChartId,
    pub title: Text,
    pub subtitle: Text,
    /// "Sources: …", the publishers of every figure shown.
    pub source: Text,
    pub notes: Vec<Text>,
    /// The most recent as-of date of the figures shown.
    pub as_of: Option<PartialDate>,
}

/// A chart of the catalog: config plus data.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartData {
    pub spec: ChartSpec,
    pub body: ChartBody,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChartBody {
    /// Series over time, in one or more panels that share the time axis.
    Lines(LineChart),
    /// Horizontal bars on one value axis.
    Bars(BarChart),
    /// Dated events on one time axis, stacked so their labels never overlap.
    Timeline(TimelineChart),
    /// Countries on a world map, shaded by a count.
    Map(MapChart),
}

/// The kinds of chart the portal draws, one drawing function each: a new chart of an
/// existing kind needs no drawing code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Lines,
    Bars,
    Timeline,
    Map,
}

impl ChartKind {
    /// Its name in published files: `lines`, `bars`, `timeline`, `map`.
    pub fn as_str(self) -> &'static str {
        match self {
            ChartKind::Lines => "lines",
            ChartKind::Bars => "bars",
            ChartKind::Timeline => "timeline",
            ChartKind::Map => "map",
        }
    }
}

impl ChartBody {
    pub fn kind(&self) -> ChartKind {
        match self {
            ChartBody::Lines(_) => ChartKind::Lines,
            ChartBody::Bars(_) => ChartKind::Bars,
            ChartBody::Timeline(_) => ChartKind::Timeline,
            ChartBody::Map(_) => ChartKind::Map,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LineChart {
    pub panels: Vec<Panel>,
}

/// One plot of a line chart: series that share a value axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub title: Option<Text>,
    pub series: Vec<Series>,
    /// Dated events drawn as vertical rules.
    pub annotations: Vec<Annotation>,
}

/// How a series joins its points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeriesShape {
    /// Straight segments between points.
    Line,
    /// A count that holds until the next announcement.
    Step,
    /// Markers only: the points are not a continuous measure.
    Points,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Stable within the chart, e.g. `clusters`.
    pub id: String,
    pub label: Text,
    pub unit: Unit,
    pub shape: SeriesShape,
    /// Ordered by `x`.
    pub points: Vec<Point>,
}

/// One figure on a time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// Fractional year ([`PartialDate::as_fractional_year`]).
    pub x: f64,
    /// In the series' unit.
    pub y: f64,
    /// The figure this point shows.
    pub figure_id: String,
    pub date: PartialDate,
    pub qualifier: Qualifier,
    /// `Derived` when the portal worked the value out (a target level, say).
    pub confidence: Confidence,
    /// A label drawn beside the point.
    pub label: Option<Text>,
}

/// A dated event marked on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    pub x: f64,
    pub label: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    pub bars: Vec<Bar>,
    /// Values drawn as vertical rules across the bars (a capacity, say).
    pub references: Vec<ReferenceLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: Text,
    /// A second line under the label (the company, say).
    pub detail: Option<Text>,
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
    pub confidence: Confidence,
    /// The figures (or records) the value comes from.
    pub figure_ids: Vec<String>,
    /// Drawn in the highlight colour and with a bold label.
    pub highlight: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceLine {
    pub value: f64,
    pub unit: Unit,
    pub label: Text,
    pub figure_ids: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TimelineChart {
    /// In time order; events on the same date keep the order of the data.
    pub events: Vec<TimelineMark>,
    /// The date the timeline leads to (Azerbaijan's accession), written in full on the axis.
    pub key_date: Option<PartialDate>,
}

/// One event on the time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineMark {
    /// The event's id in the package.
    pub event_id: String,
    /// Decides the marker's shape.
    pub kind: EventKind,
    pub label: Text,
    pub date: PartialDate,
    /// The last day of an event over several days, drawn as a span.
    pub end: Option<PartialDate>,
    /// [`PartialDate::as_fractional_year`] of `date` and of `end`.
    pub x: f64,
    pub x_end: Option<f64>,
    pub confidence: Confidence,
    /// A step the chart is about (the Letter of Intent, the announcement): drawn larger,
    /// in the highlight colour and with a bold label.
    pub key: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapChart {
    /// Every outline drawn, members or not, in degrees: `(longitude, latitude)`.
    pub shapes: Vec<MapShape>,
    /// The countries with a count, most first (ties by code); the values of the chart.
    pub members: Vec<MapMember>,
    /// The shades, lowest count first.
    pub classes: Vec<CountClass>,
    /// The latitudes shown, south to north; the map is equirectangular.
    pub latitudes: (f64, f64),
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapShape {
    /// Outer rings; each closes itself.
    pub rings: Vec<Vec<(f64, f64)>>,
    /// Holes in them, where another country lies inside.
    pub holes: Vec<Vec<(f64, f64)>>,
    /// The index in [`MapChart::members`] when this country has a count.
    pub member: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapMember {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub name: Text,
    pub value: f64,
    pub unit: Unit,
    /// The index in [`MapChart::classes`] of its shade.
    pub class: usize,
    pub confidence: Confidence,
    /// The records the count comes from.
    pub figure_ids: Vec<String>,
    /// Outlined and named on the map.
    pub highlight: bool,
    /// The index in [`MapChart::shapes`]; `None` when the map has no outline for it.
    pub shape: Option<usize>,
}

/// The counts one shade stands for, `min..=max`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CountClass {
    pub min: f64,
    pub max: f64,
}

impl CountClass {
    /// At most `count` classes of whole numbers that together cover `1..=max`.
    pub fn split(max: u32, count: u32) -> Vec<CountClass> {
        let max = max.max(1);
        let n = max.min(count.max(1));
        (0..n)
            .map(|k| CountClass {
                min: f64::from(1 + k * max / n),
                max: f64::from((k + 1) * max / n),
            })
            .collect()
    }

    pub fn contains(&self, value: f64) -> bool {
        value >= self.min && value <= self.max
    }
}

impl Panel {
    /// The unit of every series, when they share one (then the axis names it).
    pub fn unit(&self) -> Option<Unit> {
        let first = self.series.first()?.unit;
        self.series.iter().all(|s| s.unit == first).then_some(first)
    }
}

impl LineChart {
    /// Every series with its style index. Series with the same label (one measure
    /// split across panels by currency, say) share a style, so the legend and the
    /// plot agree; otherwise the index is the order of first appearance.
    pub fn series_with_style(&self) -> Vec<(usize, &Series)> {
        let mut labels: Vec<&crate::text::Text> = Vec::new();
        let mut out = Vec::new();
        for series in self.panels.iter().flat_map(|p| &p.series) {
            let index = match labels.iter().position(|l| **l == series.label) {
                Some(index) => index,
                None => {
                    labels.push(&series.label);
                    labels.len() - 1
                }
            };
            out.push((index, series));
        }
        out
    }

    /// The smallest and largest `x` of any point, widened when all points share one date.
    pub fn x_extent(&self) -> Option<(f64, f64)> {
        let xs = self
            .panels
            .iter()
            .flat_map(|p| p.series.iter().flat_map(|s| s.points.iter().map(|p| p.x)))
            .chain(
                self.panels
                    .iter()
                    .flat_map(|p| p.annotations.iter().map(|a| a.x)),
            );
        let (min, max) = xs.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), x| {
            (lo.min(x), hi.max(x))
        });
        if !min.is_finite() || !max.is_finite() {
            return None;
        }
        Some(if max - min < 1.0 {
            (min - 0.5, max + 0.5)
        } else {
            (min, max)
        })
    }
}

impl ChartData {
    /// The confidence and qualifier of every value shown: points, bars, events, countries.
    fn values(&self) -> Vec<(Confidence, Qualifier)> {
        match &self.body {
            ChartBody::Lines(lines) => lines
                .panels
                .iter()
                .flat_map(|p| &p.series)
                .flat_map(|s| &s.points)
                .map(|p| (p.confidence, p.qualifier))
                .collect(),
            ChartBody::Bars(bars) => bars
                .bars
                .iter()
                .map(|b| (b.confidence, b.qualifier))
                .collect(),
            ChartBody::Timeline(timeline) => timeline
                .events
                .iter()
                .map(|e| (e.confidence, Qualifier::Exact))
                .collect(),
            ChartBody::Map(map) => map
                .members
                .iter()
                .map(|m| (m.confidence, Qualifier::Exact))
                .collect(),
        }
    }

    /// True when there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        self.values().is_empty()
    }

    /// Whether any value shown needs the "unverified or worked out" key.
    pub fn has_warned_values(&self) -> bool {
        self.values().iter().any(|(c, _)| c.needs_warning())
    }

    /// Whether any value shown is a lower bound ("more than").
    pub fn has_lower_bounds(&self) -> bool {
        self.values().iter().any(|(_, q)| *q == Qualifier::MoreThan)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn count_classes_cover_every_count_once() {
        let five = CountClass::split(5, 5);
        assert_eq!(five.len(), 5);
        assert!(five.iter().all(|c| c.min == c.max));
        let wide = CountClass::split(12, 5);
        assert_eq!(wide.first().map(|c| c.min), Some(1.0));
        assert_eq!(wide.last().map(|c| c.max), Some(12.0));
        for pair in wide.windows(2) {
            assert_eq!(pair[0].max + 1.0, pair[1].min);
        }
        for count in 1..=12 {
            assert_eq!(
                wide.iter().filter(|c| c.contains(f64::from(count))).count(),
                1
            );
        }
        assert_eq!(CountClass::split(2, 5).len(), 2);
    }
}
