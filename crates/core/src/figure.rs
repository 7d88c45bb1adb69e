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
