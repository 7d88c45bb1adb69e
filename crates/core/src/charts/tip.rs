//! What the pointer or the keyboard is on, in words: the tooltip's lines and the
//! sentence the live region reads out, from the same row as the table and the CSV.
//! The live card shows them, and the build writes them into an embed's value maps
//! ([`super::values`]), so a tooltip reads the same wherever it comes from.

use super::export::{ChartRow, SourceIndex};
use crate::format::{format_date, format_value};
use crate::i18n::{confidence_label, Msg};
use crate::queries::publishers;
use crate::resources::Source;
use crate::{Confidence, Locale};
use serde::Serialize;

/// One value, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueInfo {
    /// The series, or the value's own name.
    pub title: String,
    /// A point's own label, under its series.
    pub label: Option<String>,
    pub value: Option<String>,
    pub date: Option<String>,
    pub confidence: Option<Confidence>,
    /// The publishers of its sources, once each.
    pub publishers: Vec<String>,
}

impl ValueInfo {
    pub fn new(row: &ChartRow, locale: Locale, index: &SourceIndex, sources: &[Source]) -> Self {
        let group = row.group.as_ref().map(|g| g.get(locale).to_string());
        let label = row.label.as_ref().map(|l| l.get(locale).to_string());
        let (title, label) = match group {
            Some(group) => (group, label),
            None => (label.unwrap_or_default(), None),
        };
        let publishers: Vec<String> = publishers(sources, row.sources(index))
            .into_iter()
            .map(String::from)
            .collect();
        ValueInfo {
            title,
            label,
            value: row
                .value
                .map(|v| format_value(v.value, v.unit, v.qualifier, locale)),
            date: row.date.map(|d| format_date(d, locale)),
            confidence: row.confidence,
            publishers,
        }
    }

    /// The confidence in words when a reader must be warned: unverified, derived, low.
    pub fn warning(&self, locale: Locale) -> Option<&'static str> {
        self.confidence
            .filter(|c| c.needs_warning())
            .map(|c| confidence_label(c).get(locale))
    }

    /// One sentence for the live region: "Member clusters: 40 clusters, January 2026".
    pub fn sentence(&self, locale: Locale) -> String {
        let mut details: Vec<&str> = Vec::new();
        details.extend(self.label.as_deref());
        details.extend(self.value.as_deref());
        details.extend(self.date.as_deref());
        details.extend(self.warning(locale));
        if details.is_empty() {
            self.title.clone()
        } else {
            format!("{}: {}", self.title, details.join(", "))
        }
    }

    /// The tooltip's paragraphs, in order: title, label, value, date, the rating (a
    /// badge when a reader must be warned) and the publishers.
    pub fn lines(&self, locale: Locale) -> Vec<TipLine> {
        let line = |class: Option<&'static str>, text: String| TipLine {
            class,
            confidence: None,
            text,
        };
        let mut lines = vec![line(Some("chart-tooltip__title"), self.title.clone())];
        lines.extend(self.label.clone().map(|l| line(None, l)));
        lines.extend(
            self.value
                .clone()
                .map(|v| line(Some("chart-tooltip__value"), v)),
        );
        lines.extend(self.date.clone().map(|d| line(None, d)));
        if let Some(c) = self.confidence {
            let words = confidence_label(c).get(locale);
            lines.push(match c.needs_warning() {
                true => TipLine {
                    class: Some("badge"),
                    confidence: Some(c.key()),
                    text: words.to_string(),
                },
                false => line(
                    None,
                    format!("{}: {words}", Msg::ConfidenceLabel.get(locale)),
                ),
            });
        }
        if !self.publishers.is_empty() {
            lines.push(line(
                Some("chart-tooltip__source"),
                format!(
                    "{}: {}",
                    Msg::Source.get(locale),
                    self.publishers.join("; ")
                ),
            ));
        }
        lines
    }
}

/// One paragraph of a tooltip: `<p class data-confidence>text</p>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TipLine {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub class: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confidence: Option<&'static str>,
    pub text: String,
}

/// Where a tooltip goes beside the value at `(x, y)` on a canvas `width` wide: above
/// it unless too near the top, and kept inside the canvas at the sides.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placement {
    pub x: f64,
    pub y: f64,
    /// The CSS transform that moves the tooltip from (x, y) to its place.
    pub transform: &'static str,
}

/// How near an edge a value must be for its tooltip to turn inwards.
const EDGE: f64 = 130.0;
/// A tooltip of a source with a long name stands about this tall.
const TOP_ROOM: f64 = 170.0;

pub fn placement((x, y): (f64, f64), width: f64) -> Placement {
    let above = y >= TOP_ROOM;
    let transform = match (x < EDGE, x > width - EDGE, above) {
        (true, _, true) => "translate(-12px, calc(-100% - 12px))",
        (true, _, false) => "translate(-12px, 12px)",
        (_, true, true) => "translate(calc(-100% + 12px), calc(-100% - 12px))",
        (_, true, false) => "translate(calc(-100% + 12px), 12px)",
        (false, false, true) => "translate(-50%, calc(-100% - 12px))",
        (false, false, false) => "translate(-50%, 12px)",
    };
    Placement { x, y, transform }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::export::{row_of, rows};
    use crate::charts::hit::Target;
    use crate::charts::{extract, ChartId};
    use crate::test_data::{package, sources};

    #[test]
    fn a_point_says_its_series_value_date_and_source() {
        let package = package();
        let chart = extract(ChartId::InitiativeGrowth, &package.resources).unwrap();
        let rows = rows(&chart);
        let index = SourceIndex::new(&package.resources);
        let target = Target::Point {
            panel: 0,
            series: 0,
            index: 0,
        };
        let info = ValueInfo::new(
            row_of(&rows, target).unwrap(),
            Locale::En,
            &index,
            sources(&package),
        );
        assert_eq!(info.title, "Member clusters");
        assert!(info.value.as_deref().unwrap().ends_with("clusters"));
        assert!(info.date.is_some());
        assert!(!info.publishers.is_empty());
        let sentence = info.sentence(Locale::En);
        assert!(sentence.starts_with("Member clusters: "), "{sentence}");
        assert!(sentence.contains(info.date.as_deref().unwrap()));
    }

    #[test]
    fn unverified_and_derived_values_say_so_in_words() {
        let package = package();
        let index = SourceIndex::new(&package.resources);
        let mut seen = Vec::new();
        for id in [ChartId::InitiativeGrowth, ChartId::EmissionsTargets] {
            let chart = extract(id, &package.resources).unwrap();
            for row in rows(&chart) {
                let info = ValueInfo::new(&row, Locale::Az, &index, sources(&package));
                if let Some(word) = info.warning(Locale::Az) {
                    assert!(info.sentence(Locale::Az).ends_with(word));
                    seen.push(row.confidence.unwrap());
                }
            }
        }
        assert!(seen.contains(&Confidence::Unverified), "{seen:?}");
        assert!(seen.contains(&Confidence::Derived), "{seen:?}");
    }

    #[test]
    fn tooltips_turn_inwards_at_the_edges_and_go_below_near_the_top() {
        let cases = [
            ((400.0, 200.0), "translate(-50%, calc(-100% - 12px))"),
            ((20.0, 200.0), "translate(-12px, calc(-100% - 12px))"),
            (
                (790.0, 200.0),
                "translate(calc(-100% + 12px), calc(-100% - 12px))",
            ),
            ((400.0, 120.0), "translate(-50%, 12px)"),
            ((790.0, 30.0), "translate(calc(-100% + 12px), 12px)"),
        ];
        for (at, transform) in cases {
            assert_eq!(placement(at, 800.0).transform, transform, "{at:?}");
        }
    }
}
