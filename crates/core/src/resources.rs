//! The typed content of each resource in the data package, one type per file.

use crate::date::PartialDate;
use crate::figure::{Confidence, Figure};
use crate::text::Text;
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- names

/// The resources the portal publishes. Each name is also the file stem
/// (`milestones` -> `milestones.json`, `schemas/milestones.schema.json`,
/// `world-map` -> `world-map.json`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ResourceName {
    Milestones,
    Clusters,
    Accession,
    Nextgen,
    Park,
    Climate,
    Glossary,
    Sources,
    /// Country outlines for the member map (Natural Earth, public domain).
    #[serde(rename = "world-map")]
    WorldMap,
}

impl ResourceName {
    pub const ALL: [ResourceName; 9] = [
        ResourceName::Milestones,
        ResourceName::Clusters,
        ResourceName::Accession,
        ResourceName::Nextgen,
        ResourceName::Park,
        ResourceName::Climate,
        ResourceName::Glossary,
        ResourceName::Sources,
        ResourceName::WorldMap,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ResourceName::Milestones => "milestones",
            ResourceName::Clusters => "clusters",
            ResourceName::Accession => "accession",
            ResourceName::Nextgen => "nextgen",
            ResourceName::Park => "park",
            ResourceName::Climate => "climate",
            ResourceName::Glossary => "glossary",
            ResourceName::Sources => "sources",
            ResourceName::WorldMap => "world-map",
        }
    }

    pub fn file_name(self) -> String {
        format!("{}.json", self.as_str())
    }

    pub fn schema_path(self) -> String {
        format!("schemas/{}.schema.json", self.as_str())
    }
}

// ---------------------------------------------------------------- milestones.json

/// What a figure of the initiative measures. The CO2 metric changed definition in
/// 2024, so annual emissions and reduction potential are different metrics and are
/// never drawn as one series.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InitiativeMetric {
    /// Member clusters in total after this step.
    Clusters,
    /// Countries with a member cluster after this step.
    Countries,
    ClustersAdded,
    CountriesAdded,
    /// Annual emissions of all member clusters (reported until 2023).
    Co2Emissions,
    /// What all members "could save" (May 2022 wording).
    Co2SavingPotential,
    /// Potential CO2e emissions reduction of all members (reported from 2024).
    Co2eReductionPotential,
    GdpContribution,
    Jobs,
    /// Figures about only the clusters that joined in this step.
    NewMembersCo2Emissions,
    NewMembersGdp,
    NewMembersJobs,
    /// Organisations engaged by the initiative.
    Partners,
    /// The initiative's stated ambitions.
    TargetClusters,
    TargetCo2Reduction,
    TargetGdp,
    TargetJobs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    Launch,
    Expansion,
    Ambition,
    Accession,
}

/// One dated step of the WEF Transitioning Industrial Clusters initiative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Milestone {
    pub id: String,
    pub date: PartialDate,
    pub kind: MilestoneKind,
    pub title: Text,
    pub summary: Text,
    pub figures: Vec<Figure<InitiativeMetric>>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

// ---------------------------------------------------------------- clusters.json

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: String,
    /// ISO 3166-1 numeric, three digits; matches Natural Earth / world-atlas ids.
    pub iso_numeric: String,
    pub name: Text,
}

/// A member cluster that a source names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MemberCluster {
    pub id: String,
    pub name: Text,
    /// A `code` from `countries`.
    pub country: String,
    pub joined: PartialDate,
    pub sector: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

/// Members that are counted by the initiative but that no source consulted names.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct UnidentifiedClusters {
    pub id: String,
    pub count: u32,
    pub joined: PartialDate,
    pub note: Text,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClusterRegistry {
    pub countries: Vec<Country>,
    pub clusters: Vec<MemberCluster>,
    pub unidentified: Vec<UnidentifiedClusters>,
}

// ---------------------------------------------------------------- timelines (accession, park, plants)

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Government,
    Agency,
    Company,
    International,
    Person,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub kind: ActorKind,
    pub name: Text,
    pub role: Text,
    pub sources: Vec<String>,
    pub confidence: Confidence,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// A body is created, renamed or given a legal basis.
    Institution,
    Policy,
    Agreement,
    Announcement,
    Meeting,
    Statement,
    Recognition,
    /// A plant or site is built, opened or expanded.
    Construction,
}

impl EventKind {
    pub const ALL: [EventKind; 8] = [
        EventKind::Institution,
        EventKind::Policy,
        EventKind::Agreement,
        EventKind::Announcement,
        EventKind::Meeting,
        EventKind::Statement,
        EventKind::Recognition,
        EventKind::Construction,
    ];

    /// Its name in the page's markup, as in the package: `construction`.
    pub fn key(self) -> &'static str {
        match self {
            EventKind::Institution => "institution",
            EventKind::Policy => "policy",
            EventKind::Agreement => "agreement",
            EventKind::Announcement => "announcement",
            EventKind::Meeting => "meeting",
            EventKind::Statement => "statement",
            EventKind::Recognition => "recognition",
            EventKind::Construction => "construction",
        }
    }
}

/// A dated event on a timeline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TimelineEvent {
    pub id: String,
    pub date: PartialDate,
    /// Last day of an event that spans several days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<PartialDate>,
    pub kind: EventKind,
    pub title: Text,
    pub description: Text,
    /// Ids from the accession resource's `actors`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actors: Vec<String>,
    pub sources: Vec<String>,
    pub confidence: Confidence,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

// ---------------------------------------------------------------- accession.json

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Accession {
    pub actors: Vec<Actor>,
    pub events: Vec<TimelineEvent>,
}

// ---------------------------------------------------------------- nextgen.json

/// What a figure about a NextGen partner measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PartnerMetric {
    CapacityPolypropylene,
    CapacityHdpe,
    CapacityUrea,
    Production,
    Exports,
    ExportShare,
    DomesticShare,
    ExportShareTarget,
    ProjectCost,
    Loans,
    TaxSupport,
    GasFeed,
    ConstructionWorkforce,
    PermanentJobs,
    Area,
    OwnershipShare,
    ProductGrades,
    RevenueForecast,
    ExportValue,
    Residents,
    EnterprisesOperating,
    InvestmentActual,
    InvestmentPortfolio,
    Jobs,
    Sales,
    Output,
    Price,
    GrowthRate,
    CapacityUtilisation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Partner {
    /// An id from the accession resource's `actors`.
    pub actor: String,
    pub role_in_cluster: Text,
    pub products: Vec<Text>,
    pub figures: Vec<Figure<PartnerMetric>>,
    pub events: Vec<TimelineEvent>,
}

/// One step from raw material to product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ValueChainStep {
    pub id: String,
    pub input: Text,
    pub output: Text,
    /// An actor id, when a source names who does this step.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    pub note: Text,
    pub sources: Vec<String>,
}

/// Something a reader may want that no source consulted publishes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NotPublished {
    pub id: String,
    pub topic: Text,
    pub note: Text,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NextGenCluster {
    pub name: Text,
    pub location: Text,
    pub aims: Vec<Text>,
    pub sources: Vec<String>,
    pub partners: Vec<Partner>,
    pub value_chain: Vec<ValueChainStep>,
    pub not_published: Vec<NotPublished>,
}

// ---------------------------------------------------------------- park.json

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ParkMetric {
    Area,
    Residents,
    ResidentsOperating,
    /// Money actually invested.
    InvestmentActual,
    /// The value of the project portfolio, invested or not.
    InvestmentPortfolio,
    /// "Total project investments", as the January 2026 source words it.
    InvestmentTotalProjects,
    InvestmentPlanned,
    SalesCumulative,
    ExportsCumulative,
    OutputCumulative,
    ExportCountries,
    Jobs,
    JobsPlanned,
    LandAdded,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IndustrialPark {
    pub name: Text,
    pub location: Text,
    pub figures: Vec<Figure<ParkMetric>>,
    pub events: Vec<TimelineEvent>,
}

// ---------------------------------------------------------------- climate.json

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ClimateMetric {
    /// National inventory total, excluding land use (LULUCF).
    GhgEmissions,
    /// National net total, including land use (LULUCF).
    GhgNetEmissions,
    GhgPerCapita,
    /// A level worked out from other figures (for example the 1990 base year).
    GhgEmissionsDerived,
    /// A total given in a spoken remark, which conflicts with the inventory.
    GhgEmissionsRemark,
    /// A model estimate from outside the official inventory.
    GhgEmissionsExternalEstimate,
    SectorShare,
    /// A reduction target relative to the base year, in percent.
    EmissionsTarget,
    RenewablesTarget,
    ClimateFinanceGoal,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClimateTarget {
    pub target_year: u16,
    pub base_year: u16,
    /// Depends on outside support.
    pub conditional: bool,
    pub figure: Figure<ClimateMetric>,
    /// The id of a later target that replaces this one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ClimateContext {
    pub figures: Vec<Figure<ClimateMetric>>,
    pub targets: Vec<ClimateTarget>,
    pub events: Vec<TimelineEvent>,
}

// ---------------------------------------------------------------- glossary.json

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct GlossaryEntry {
    pub id: String,
    pub term: Text,
    pub definition: Text,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

// ---------------------------------------------------------------- sources.json

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// As the publisher titled it, in its own language.
    pub title: String,
    pub publisher: String,
    pub url: String,
    /// Publication date, as precise as known; absent when the page carries none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PartialDate>,
    /// The day the source was read for this package (`public/data/README.md` says how it is
    /// dated). Every source needs one; the validator refuses a source without it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub accessed: Option<PartialDate>,
    /// BCP 47 tag of the source's language.
    pub language: String,
    /// The language of `title` when it is not the source's: a rendering in square brackets
    /// of a headline that was not recorded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title_language: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

impl Source {
    /// The BCP 47 tag of the language `title` is written in, for the `lang` attribute of
    /// an element that quotes it.
    pub fn title_language(&self) -> &str {
        self.title_language.as_deref().unwrap_or(&self.language)
    }

    /// The `lang` an element quoting the title needs on a page in `locale`, or `None` when
    /// the title is already in the page's language.
    pub fn title_lang_attribute(&self, locale: crate::text::Locale) -> Option<&str> {
        let tag = self.title_language();
        let primary = tag.split('-').next().unwrap_or(tag);
        (primary != locale.tag()).then_some(tag)
    }
}

// ---------------------------------------------------------------- world-map.json

/// How a map's coordinates relate to longitude and latitude.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MapProjection {
    /// Plate carrée: `x` is the longitude and `y` the latitude (north is positive), both
    /// in units of 1 / `units_per_degree` of a degree. A chart may project them further.
    Equirectangular,
}

/// Country outlines for the member map, converted by `klaster-publish world-map` from
/// Natural Earth's public-domain boundaries: rounded to a grid and simplified, shared
/// borders kept identical on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorldMap {
    /// The data set and the file it was converted from.
    pub source: String,
    /// Where the data set is published.
    pub source_url: String,
    /// Who made the outlines, on what terms, and that they take no side in disputes.
    pub attribution: Text,
    pub projection: MapProjection,
    /// Coordinate units per degree: 10 means a point is `[longitude × 10, latitude × 10]`.
    pub units_per_degree: u16,
    pub countries: Vec<MapCountry>,
}

/// One country (or territory) of the map.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct MapCountry {
    /// ISO 3166-1 numeric, three digits, as in `clusters.json` `countries[].iso_numeric`.
    /// Absent where Natural Earth gives no code (Kosovo, Northern Cyprus, Somaliland):
    /// such land is drawn but never joined to data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso_numeric: Option<String>,
    /// Natural Earth's short English name, for people reading the file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Outer rings of `[x, y]` points, at least three each. A ring closes itself: its
    /// last point joins its first. No ring crosses the 180° meridian (the publisher cuts
    /// such rings in two), except one round a pole (Antarctica), which closes along its
    /// southern edge.
    pub rings: Vec<Vec<[i32; 2]>>,
    /// Holes in those rings, where another country lies inside (Lesotho in South Africa).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub holes: Vec<Vec<[i32; 2]>>,
}

/// The most recent figure of `metric` across the initiative's milestones.
pub fn latest_initiative_figure(
    milestones: &[Milestone],
    metric: InitiativeMetric,
) -> Option<&Figure<InitiativeMetric>> {
    milestones
        .iter()
        .flat_map(|m| m.figures.iter().map(move |f| (m.date, f)))
        .filter(|(_, f)| f.metric == metric)
        .max_by_key(|(date, f)| (*date, f.as_of))
        .map(|(_, f)| f)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Locale;

    #[test]
    fn an_event_kinds_key_is_its_name_in_the_package() {
        for kind in EventKind::ALL {
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.key()));
        }
    }

    #[test]
    fn the_serialised_name_is_the_file_stem() {
        for name in ResourceName::ALL {
            let json = serde_json::to_string(&name).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", name.as_str()));
        }
        assert_eq!(ResourceName::WorldMap.file_name(), "world-map.json");
    }

    #[test]
    fn every_resource_has_its_own_file() {
        let mut files: Vec<String> = ResourceName::ALL.iter().map(|r| r.file_name()).collect();
        files.dedup();
        assert_eq!(files.len(), ResourceName::ALL.len());
    }

    fn source(language: &str, title_language: Option<&str>) -> Source {
        Source {
            id: "s".into(),
            title: "t".into(),
            publisher: "p".into(),
            url: "https://example.org".into(),
            published: None,
            accessed: None,
            language: language.into(),
            title_language: title_language.map(String::from),
            note: None,
        }
    }

    #[test]
    fn a_quoted_title_is_marked_with_its_own_language() {
        // An English headline on an Azerbaijani page is marked; on an English page it is not.
        assert_eq!(
            source("en", None).title_lang_attribute(Locale::Az),
            Some("en")
        );
        assert_eq!(source("en", None).title_lang_attribute(Locale::En), None);
        assert_eq!(source("az", None).title_lang_attribute(Locale::Az), None);
        assert_eq!(
            source("ru", None).title_lang_attribute(Locale::En),
            Some("ru")
        );
        // A Japanese article whose headline is given as an English rendering.
        let rendered = source("ja", Some("en"));
        assert_eq!(rendered.title_language(), "en");
        assert_eq!(rendered.title_lang_attribute(Locale::Az), Some("en"));
        assert_eq!(rendered.title_lang_attribute(Locale::En), None);
    }
}
