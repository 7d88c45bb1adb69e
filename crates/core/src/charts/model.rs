//! What a chart shows: its bilingual config and its data, ready to lay out and draw.
//! Every value carries the ids of the figures it comes from.

use super::id::ChartId;
use crate::date::PartialDate;
use crate::figure::{Confidence, Qualifier, Unit};
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
    /// True when there is nothing to draw.
    pub fn is_empty(&self) -> bool {
        !self.any_value(|_| true, |_| true)
    }

    /// Whether any point or bar satisfies the test for its kind.
    fn any_value(&self, point: impl Fn(&Point) -> bool, bar: impl Fn(&Bar) -> bool) -> bool {
        match &self.body {
            ChartBody::Lines(lines) => lines
                .panels
                .iter()
                .flat_map(|p| &p.series)
                .flat_map(|s| &s.points)
                .any(point),
            ChartBody::Bars(bars) => bars.bars.iter().any(bar),
        }
    }

    /// Whether any value shown needs the "unverified or worked out" key.
    pub fn has_warned_values(&self) -> bool {
        self.any_value(
            |p| p.confidence.needs_warning(),
            |b| b.confidence.needs_warning(),
        )
    }

    /// Whether any value shown is a lower bound ("more than").
    pub fn has_lower_bounds(&self) -> bool {
        self.any_value(
            |p| p.qualifier == Qualifier::MoreThan,
            |b| b.qualifier == Qualifier::MoreThan,
        )
    }
}
