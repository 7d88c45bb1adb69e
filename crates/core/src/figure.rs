//! A sourced figure: a number that always travels with its unit, date, sources and rating.

use crate::date::PartialDate;
use crate::text::Text;
use serde::{Deserialize, Serialize};

/// How far a figure can be trusted, as rated in the research notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// A primary or official source, or several independent outlets that agree.
    High,
    /// One secondary source, or an official's spoken remark.
    Medium,
    /// A weak or model-based source.
    Low,
    /// Only in the original announcement; not confirmed by the body it is about.
    Unverified,
    /// Worked out by the portal from other figures, not published by anyone.
    Derived,
}

impl Confidence {
    pub const ALL: [Confidence; 5] = [
        Confidence::High,
        Confidence::Medium,
        Confidence::Low,
        Confidence::Unverified,
        Confidence::Derived,
    ];

    /// The rating as the data package writes it (`high`, `unverified`, ...): a stable key
    /// for markup attributes and style hooks, never shown to a reader.
    pub fn key(self) -> &'static str {
        match self {
            Confidence::High => "high",
            Confidence::Medium => "medium",
            Confidence::Low => "low",
            Confidence::Unverified => "unverified",
            Confidence::Derived => "derived",
        }
    }

    /// Figures a reader must be warned about, in words as well as style.
    pub fn needs_warning(self) -> bool {
        matches!(
            self,
            Confidence::Unverified | Confidence::Derived | Confidence::Low
        )
    }
}

/// How the source states the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    #[default]
    Exact,
    /// "about", "~", "≈".
    Approximately,
    /// "more than", ">": the number is a lower bound.
    MoreThan,
}

impl Qualifier {
    pub fn is_exact(&self) -> bool {
        *self == Qualifier::Exact
    }
}

/// Every unit the package may use. A figure in an unknown unit does not parse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Clusters,
    Countries,
    Organisations,
    Companies,
    Enterprises,
    Jobs,
    People,
    /// Annual emissions, million tonnes of CO2 per year.
    MtCo2PerYear,
    /// Million tonnes of CO2 (a total, not a rate).
    MtCo2,
    /// Million tonnes of CO2-equivalent.
    MtCo2e,
    KtCo2e,
    TCo2ePerCapita,
    UsdBn,
    UsdM,
    UsdPerTonne,
    EurM,
    AznBn,
    AznM,
    TonnesPerYear,
    Tonnes,
    MillionM3PerYear,
    Percent,
    Hectares,
    Grades,
    Years,
}

/// A number with everything a reader needs to check it.
///
/// `M` names what the number measures within its resource (for example the
/// initiative's cluster count); it is how charts find a series.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure<M> {
    /// Unique across the whole package; lowercase letters, digits and hyphens.
    pub id: String,
    pub metric: M,
    pub label: Text,
    pub value: f64,
    pub unit: Unit,
    #[serde(default, skip_serializing_if = "Qualifier::is_exact")]
    pub qualifier: Qualifier,
    pub as_of: PartialDate,
    /// Ids in the sources resource; at least one.
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Other figures that report the same thing differently; shown side by side.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts_with: Vec<String>,
}

impl<M> Figure<M> {
    /// The same figure without its resource-specific metric, so figures from different
    /// resources can be listed together.
    pub fn erased(&self) -> Figure<()> {
        Figure {
            id: self.id.clone(),
            metric: (),
            label: self.label.clone(),
            value: self.value,
            unit: self.unit,
            qualifier: self.qualifier,
            as_of: self.as_of,
            sources: self.sources.clone(),
            confidence: self.confidence,
            note: self.note.clone(),
            conflicts_with: self.conflicts_with.clone(),
        }
    }
}

/// Each pair of figures that disagree, once, in the order the first of them appears.
pub fn conflict_pairs(figures: &[Figure<()>]) -> Vec<(Figure<()>, Figure<()>)> {
    let mut pairs: Vec<(Figure<()>, Figure<()>)> = Vec::new();
    for figure in figures {
        for other_id in &figure.conflicts_with {
            let seen = pairs.iter().any(|(a, b)| {
                (a.id == figure.id && &b.id == other_id) || (&a.id == other_id && b.id == figure.id)
            });
            if seen {
                continue;
            }
            if let Some(other) = figures.iter().find(|f| &f.id == other_id) {
                pairs.push((figure.clone(), other.clone()));
            }
        }
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::PartialDate;

    fn figure(id: &str, conflicts_with: &[&str]) -> Figure<()> {
        Figure {
            id: id.into(),
            metric: (),
            label: Text::new("a", "b"),
            value: 1.0,
            unit: Unit::MtCo2e,
            qualifier: Qualifier::Exact,
            as_of: PartialDate::parse("2022").unwrap(),
            sources: vec!["s".into()],
            confidence: Confidence::High,
            note: None,
            conflicts_with: conflicts_with.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn a_confidence_key_is_its_name_in_the_data() {
        for confidence in Confidence::ALL {
            let json = serde_json::to_string(&confidence).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", confidence.key()));
        }
    }

    #[test]
    fn a_conflict_stated_on_both_sides_is_listed_once() {
        let figures = vec![figure("a", &["b"]), figure("b", &["a"]), figure("c", &[])];
        let pairs = conflict_pairs(&figures);
        assert_eq!(pairs.len(), 1);
        assert_eq!((pairs[0].0.id.as_str(), pairs[0].1.id.as_str()), ("a", "b"));
    }

    #[test]
    fn a_conflict_with_an_unknown_figure_is_skipped() {
        assert!(conflict_pairs(&[figure("a", &["zzz"])]).is_empty());
    }
}
