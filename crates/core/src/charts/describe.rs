//! The chart in words, in both languages: for each series its latest value, the
//! change since its first, its extremes and its trend; for bars each value. Screen
//! readers get this as the chart's description, and the page can show it as text.

use super::model::{ChartBody, ChartData, MapChart, Point, Series, TimelineChart, TimelineMark};
use super::text::ChartMsg;
use crate::figure::{Qualifier, Unit};
use crate::format::{format_date, format_number, format_value};
use crate::i18n::confidence_label;
use crate::queries::format_date_span;
use crate::text::{Locale, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// Up at every step.
    Rising,
    /// Down at every step.
    Falling,
    /// The same at every step.
    Flat,
    /// Higher at the end, with at least one step down.
    UpOverall,
    /// Lower at the end (or back where it began), with at least one step up.
    DownOverall,
}

impl Trend {
    fn message(self) -> ChartMsg {
        match self {
            Trend::Rising => ChartMsg::TrendRising,
            Trend::Falling => ChartMsg::TrendFalling,
            Trend::Flat => ChartMsg::TrendFlat,
            Trend::UpOverall => ChartMsg::TrendUpOverall,
            Trend::DownOverall => ChartMsg::TrendDownOverall,
        }
    }
}

/// The direction of `values` in order; `None` for fewer than two. A step that
/// neither rises nor falls counts as neither.
pub fn trend(values: &[f64]) -> Option<Trend> {
    let (first, last) = (values.first()?, values.last()?);
    if values.len() < 2 {
        return None;
    }
    let ups = values.windows(2).filter(|w| w[1] > w[0]).count();
    let downs = values.windows(2).filter(|w| w[1] < w[0]).count();
    Some(match (ups, downs) {
        (0, 0) => Trend::Flat,
        (_, 0) => Trend::Rising,
        (0, _) => Trend::Falling,
        _ if last > first => Trend::UpOverall,
        _ => Trend::DownOverall,
    })
}

/// What a description says about a series.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'a> {
    pub first: &'a Point,
    pub latest: &'a Point,
    /// The first point with the lowest value.
    pub lowest: &'a Point,
    /// The first point with the highest value.
    pub highest: &'a Point,
    /// `latest - first`.
    pub change: f64,
    /// The change as a percentage of the first value, unless that is zero.
    pub change_percent: Option<f64>,
    pub trend: Option<Trend>,
}

pub fn summarise(points: &[Point]) -> Option<Summary<'_>> {
    let first = points.first()?;
    let latest = points.last()?;
    let lowest = points
        .iter()
        .fold(first, |a, p| if p.y < a.y { p } else { a });
    let highest = points
        .iter()
        .fold(first, |a, p| if p.y > a.y { p } else { a });
    let change = latest.y - first.y;
    let ys: Vec<f64> = points.iter().map(|p| p.y).collect();
    Some(Summary {
        first,
        latest,
        lowest,
        highest,
        change,
        change_percent: (first.y != 0.0).then(|| change / first.y * 100.0),
        trend: trend(&ys),
    })
}

fn both(make: impl Fn(Locale) -> String) -> Text {
    Text::new(make(Locale::Az), make(Locale::En))
}

fn value(point: &Point, unit: Unit) -> Text {
    both(|l| format_value(point.y, unit, point.qualifier, l))
}

/// The point's date, and its confidence when a reader must be warned about it.
fn date(point: &Point) -> Text {
    both(|l| {
        let date = format_date(point.date, l);
        if point.confidence.needs_warning() {
            format!("{date}; {}", confidence_label(point.confidence).get(l))
        } else {
            date
        }
    })
}

fn signed(number: String, negative: bool) -> String {
    if negative || number == "0" {
        number
    } else {
        format!("+{number}")
    }
}

/// The sentences about one series, in both languages.
pub fn describe_series(series: &Series) -> Option<Text> {
    let summary = summarise(&series.points)?;
    let unit = series.unit;
    if series.points.len() == 1 {
        return Some(ChartMsg::DescSingle.fill(&[
            ("series", &series.label),
            ("value", &value(summary.latest, unit)),
            ("date", &date(summary.latest)),
        ]));
    }
    let latest = ChartMsg::DescSeries.fill(&[
        ("series", &series.label),
        ("value", &value(summary.latest, unit)),
        ("date", &date(summary.latest)),
    ]);
    let approximate = [summary.first, summary.latest]
        .iter()
        .any(|p| p.qualifier != Qualifier::Exact);
    let negative = summary.change < 0.0;
    let change = both(|l| {
        let magnitude = format_value(summary.change.abs(), unit, Qualifier::Exact, l);
        if negative {
            format!("−{magnitude}")
        } else if summary.change == 0.0 {
            magnitude
        } else {
            format!("+{magnitude}")
        }
    });
    // A change between lower bounds or rounded figures is itself approximate.
    let change = if approximate {
        ChartMsg::About.fill(&[("value", &change)])
    } else {
        change
    };
    let percent = both(|l| match summary.change_percent {
        Some(p) => {
            let decimals = if p.abs() >= 10.0 { 0 } else { 1 };
            format!("{}%", signed(format_number(p, decimals, l), p < 0.0))
        }
        None => "–".to_string(),
    });
    let change = ChartMsg::DescChange.fill(&[
        ("date", &both(|l| format_date(summary.first.date, l))),
        ("change", &change),
        ("percent", &percent),
    ]);
    let range = ChartMsg::DescRange.fill(&[
        ("min", &value(summary.lowest, unit)),
        ("min_date", &date(summary.lowest)),
        ("max", &value(summary.highest, unit)),
        ("max_date", &date(summary.highest)),
    ]);
    let mut parts = vec![latest, change, range];
    if let Some(trend) = summary.trend {
        parts.push(ChartMsg::DescTrend.fill(&[("trend", &trend.message().text())]));
    }
    Some(both(|l| {
        parts.iter().map(|t| t.get(l)).collect::<Vec<_>>().join(" ")
    }))
}

/// An event's dates, and its confidence when a reader must be warned about it.
fn event_date(event: &TimelineMark) -> Text {
    both(|l| {
        let date = format_date_span(event.date, event.end, l);
        if event.confidence.needs_warning() {
            format!("{date}; {}", confidence_label(event.confidence).get(l))
        } else {
            date
        }
    })
}

/// How many events, the first and the last; the key date and its steps; then every
/// event with its date.
fn describe_timeline(timeline: &TimelineChart) -> Vec<Text> {
    let (Some(first), Some(last)) = (timeline.events.first(), timeline.events.last()) else {
        return Vec::new();
    };
    let count = both(|l| format_number(timeline.events.len() as f64, 0, l));
    let mut paragraphs = vec![ChartMsg::DescTimeline.fill(&[
        ("count", &count),
        ("first", &first.label),
        ("first_date", &event_date(first)),
        ("last", &last.label),
        ("last_date", &event_date(last)),
    ])];
    let steps: Vec<&TimelineMark> = timeline.events.iter().filter(|e| e.key).collect();
    if let Some(key) = timeline.key_date {
        let steps = both(|l| {
            steps
                .iter()
                .map(|e| format!("{} ({})", e.label.get(l), event_date(e).get(l)))
                .collect::<Vec<_>>()
                .join("; ")
        });
        paragraphs.push(
            ChartMsg::DescAccessionDate
                .fill(&[("date", &both(|l| format_date(key, l))), ("steps", &steps)]),
        );
    }
    let list: Vec<Text> = timeline
        .events
        .iter()
        .map(|e| ChartMsg::DescDatedEvent.fill(&[("date", &event_date(e)), ("label", &e.label)]))
        .collect();
    paragraphs.push(both(|l| {
        list.iter().map(|t| t.get(l)).collect::<Vec<_>>().join(" ")
    }));
    paragraphs
}

/// How many countries have a count, the largest, and every country's count.
fn describe_map(map: &MapChart) -> Vec<Text> {
    let count = both(|l| format_number(map.members.len() as f64, 0, l));
    let mut summary = vec![ChartMsg::DescMapCountries.fill(&[("count", &count)])];
    if let Some(largest) = map.members.first().filter(|_| map.members.len() > 1) {
        let value = both(|l| format_value(largest.value, largest.unit, Qualifier::Exact, l));
        summary.push(ChartMsg::DescLargest.fill(&[("label", &largest.name), ("value", &value)]));
    }
    let list: Vec<Text> = map
        .members
        .iter()
        .map(|m| {
            let value = both(|l| format_value(m.value, m.unit, Qualifier::Exact, l));
            ChartMsg::DescBar.fill(&[("label", &m.name), ("value", &value)])
        })
        .collect();
    let join =
        |texts: &[Text]| both(|l| texts.iter().map(|t| t.get(l)).collect::<Vec<_>>().join(" "));
    vec![join(&summary), join(&list)]
}

/// The whole chart in sentences, one paragraph per series, bar list or event.
pub fn describe(chart: &ChartData, locale: Locale) -> Vec<String> {
    let mut paragraphs = Vec::new();
    match &chart.body {
        ChartBody::Lines(lines) => {
            for panel in &lines.panels {
                for series in &panel.series {
                    if let Some(text) = describe_series(series) {
                        paragraphs.push(text.get(locale).to_string());
                    }
                }
                for annotation in &panel.annotations {
                    paragraphs.push(
                        ChartMsg::DescEvent
                            .fill(&[("label", &annotation.label)])
                            .get(locale)
                            .to_string(),
                    );
                }
            }
        }
        ChartBody::Bars(bars) => {
            let largest = bars.bars.iter().max_by(|a, b| a.value.total_cmp(&b.value));
            if let Some(bar) = largest.filter(|_| bars.bars.len() > 1) {
                let value = both(|l| format_value(bar.value, bar.unit, bar.qualifier, l));
                paragraphs.push(
                    ChartMsg::DescLargest
                        .fill(&[("label", &bar.label), ("value", &value)])
                        .get(locale)
                        .to_string(),
                );
            }
            let mut list: Vec<String> = bars
                .bars
                .iter()
                .map(|bar| {
                    let value = both(|l| format_value(bar.value, bar.unit, bar.qualifier, l));
                    ChartMsg::DescBar
                        .fill(&[("label", &bar.label), ("value", &value)])
                        .get(locale)
                        .to_string()
                })
                .collect();
            list.extend(bars.references.iter().map(|r| {
                let value = both(|l| format_value(r.value, r.unit, Qualifier::Exact, l));
                ChartMsg::DescBar
                    .fill(&[("label", &r.label), ("value", &value)])
                    .get(locale)
                    .to_string()
            }));
            paragraphs.push(list.join(" "));
        }
        ChartBody::Timeline(timeline) => paragraphs.extend(
            describe_timeline(timeline)
                .iter()
                .map(|t| t.get(locale).to_string()),
        ),
        ChartBody::Map(map) => {
            paragraphs.extend(describe_map(map).iter().map(|t| t.get(locale).to_string()))
        }
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::model::SeriesShape;
    use crate::date::PartialDate;
    use crate::figure::Confidence;

    fn point(date: &str, y: f64, qualifier: Qualifier) -> Point {
        let date = PartialDate::parse(date).unwrap();
        Point {
            x: date.as_fractional_year(),
            y,
            figure_id: format!("f-{date}"),
            date,
            qualifier,
            confidence: Confidence::High,
            label: None,
        }
    }

    fn series(points: Vec<Point>, unit: Unit) -> Series {
        Series {
            id: "s".into(),
            label: Text::new("Üzv klasterlər", "Member clusters"),
            unit,
            shape: SeriesShape::Line,
            points,
        }
    }

    #[test]
    fn trends_name_the_direction() {
        assert_eq!(trend(&[1.0, 2.0, 3.0]), Some(Trend::Rising));
        assert_eq!(trend(&[3.0, 2.0, 2.0]), Some(Trend::Falling));
        assert_eq!(trend(&[2.0, 2.0]), Some(Trend::Flat));
        assert_eq!(trend(&[1.0, 3.0, 2.0]), Some(Trend::UpOverall));
        assert_eq!(
            trend(&[6600.0, 6400.0, 6700.0, 6100.0]),
            Some(Trend::DownOverall)
        );
        assert_eq!(trend(&[5.0]), None);
    }

    #[test]
    fn summary_finds_first_latest_and_extremes() {
        let points = vec![
            point("2021-11", 4.0, Qualifier::Exact),
            point("2024-01", 20.0, Qualifier::Exact),
            point("2023-01", 17.0, Qualifier::Exact),
            point("2026-01", 40.0, Qualifier::Exact),
        ];
        let s = summarise(&points).unwrap();
        assert_eq!(s.first.y, 4.0);
        assert_eq!(s.latest.y, 40.0);
        assert_eq!(s.lowest.y, 4.0);
        assert_eq!(s.highest.y, 40.0);
        assert_eq!(s.change, 36.0);
        assert_eq!(s.change_percent, Some(900.0));
        assert_eq!(s.trend, Some(Trend::UpOverall));
    }

    #[test]
    fn a_series_is_described_in_both_languages() {
        let s = series(
            vec![
                point("2021-11", 4.0, Qualifier::Exact),
                point("2026-01-23", 40.0, Qualifier::Exact),
            ],
            Unit::Clusters,
        );
        let text = describe_series(&s).unwrap();
        assert_eq!(
            text.en,
            "Member clusters: the last figure found is 40 clusters (23 January 2026). Change since November 2021: +36 clusters (+900%). \
             Lowest 4 clusters (November 2021); highest 40 clusters (23 January 2026). Trend: rising at every step."
        );
        assert_eq!(
            text.az,
            "Üzv klasterlər: tapılan sonuncu rəqəm – 40 klaster (23 yanvar 2026). Dəyişiklik noyabr 2021 tarixinə nisbətən: +36 klaster (+900%). \
             Ən aşağı: 4 klaster (noyabr 2021); ən yüksək: 40 klaster (23 yanvar 2026). Tendensiya: hər mərhələdə artır."
        );
    }

    #[test]
    fn a_fall_between_lower_bounds_is_approximate_and_signed() {
        let s = series(
            vec![
                point("2023-12-21", 6600.0, Qualifier::MoreThan),
                point("2026-01-27", 6100.0, Qualifier::MoreThan),
            ],
            Unit::Jobs,
        );
        let text = describe_series(&s).unwrap();
        assert!(
            text.en
                .contains("the last figure found is more than 6,100 jobs"),
            "{}",
            text.en
        );
        assert!(text.en.contains("about −500 jobs (−7.6%)"), "{}", text.en);
        assert!(
            text.az.contains("təxminən −500 iş yeri (−7,6%)"),
            "{}",
            text.az
        );
    }

    #[test]
    fn unverified_and_worked_out_values_say_so() {
        let mut unverified = point("2026-01", 39.0, Qualifier::Exact);
        unverified.confidence = Confidence::Unverified;
        let s = series(
            vec![point("2025-01-22", 33.0, Qualifier::Exact), unverified],
            Unit::Clusters,
        );
        let text = describe_series(&s).unwrap();
        assert!(
            text.en
                .contains("the last figure found is 39 clusters (January 2026; unverified)"),
            "{}",
            text.en
        );
        assert!(
            text.az.contains("(yanvar 2026; təsdiqlənməyib)"),
            "{}",
            text.az
        );
    }

    #[test]
    fn a_single_figure_is_named_as_such() {
        let s = series(
            vec![point("2023-01", 451.0, Qualifier::Exact)],
            Unit::MtCo2PerYear,
        );
        let text = describe_series(&s).unwrap();
        assert_eq!(
            text.en,
            "Member clusters: one figure, 451 Mt CO2/yr (January 2023)."
        );
        assert!(describe_series(&series(vec![], Unit::Clusters)).is_none());
    }
}
