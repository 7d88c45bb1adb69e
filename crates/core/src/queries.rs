//! Lookups, grouping and ordering that the content pages need: plain logic on the typed
//! resources, kept out of the components so it can be tested here.

use crate::date::PartialDate;
use crate::figure::{Confidence, Figure};
use crate::format::format_date;
use crate::resources::{
    Actor, ActorKind, ClimateMetric, ClimateTarget, ClusterRegistry, Country, GlossaryEntry,
    InitiativeMetric, MemberCluster, Milestone, MilestoneKind, NextGenCluster, Partner,
    PartnerMetric, Source, TimelineEvent, UnidentifiedClusters, ValueChainStep,
};
use crate::text::{Locale, Text};

// ---------------------------------------------------------------- provenance

/// Where a fact comes from: what a reader finds behind "Source and confidence".
#[derive(Debug, Clone, PartialEq)]
pub struct Provenance {
    /// The date the fact describes, when it is not already the thing shown.
    pub as_of: Option<PartialDate>,
    pub confidence: Confidence,
    /// Ids in the sources resource.
    pub sources: Vec<String>,
    pub note: Option<Text>,
}

impl Provenance {
    pub fn of_figure<M>(figure: &Figure<M>) -> Provenance {
        Provenance {
            as_of: Some(figure.as_of),
            confidence: figure.confidence,
            sources: figure.sources.clone(),
            note: figure.note.clone(),
        }
    }

    /// An event's date is shown with the event, so it is not repeated.
    pub fn of_event(event: &TimelineEvent) -> Provenance {
        Provenance {
            as_of: None,
            confidence: event.confidence,
            sources: event.sources.clone(),
            note: event.note.clone(),
        }
    }

    pub fn of_cluster(cluster: &MemberCluster) -> Provenance {
        Provenance {
            as_of: None,
            confidence: cluster.confidence,
            sources: cluster.sources.clone(),
            note: cluster.note.clone(),
        }
    }

    pub fn of_unidentified(group: &UnidentifiedClusters) -> Provenance {
        Provenance {
            as_of: Some(group.joined),
            confidence: group.confidence,
            sources: group.sources.clone(),
            note: None,
        }
    }

    pub fn of_actor(actor: &Actor) -> Provenance {
        Provenance {
            as_of: None,
            confidence: actor.confidence,
            sources: actor.sources.clone(),
            note: None,
        }
    }
}

/// The sources behind `ids`, in the order cited; ids that do not resolve are left out
/// (the validator refuses them before publishing).
pub fn cited_sources<'a>(sources: &'a [Source], ids: &[String]) -> Vec<&'a Source> {
    ids.iter()
        .filter_map(|id| sources.iter().find(|source| &source.id == id))
        .collect()
}

/// The publishers of the sources behind `ids`, each once, in the order first cited: the
/// short form of a source line.
pub fn publishers<S: AsRef<str>>(
    sources: &[Source],
    ids: impl IntoIterator<Item = S>,
) -> Vec<&str> {
    publishers_in_their_language(sources, ids)
        .into_iter()
        .map(|(name, _)| name)
        .collect()
}

/// [`publishers`], each with the language its name is written in (that of the first of
/// its publications cited: a name as the publication writes it), for the `lang` a page
/// in the other language needs.
pub fn publishers_in_their_language<S: AsRef<str>>(
    sources: &[Source],
    ids: impl IntoIterator<Item = S>,
) -> Vec<(&str, &str)> {
    let mut publishers: Vec<(&str, &str)> = Vec::new();
    for id in ids {
        if let Some(source) = sources.iter().find(|s| s.id == id.as_ref()) {
            if !publishers.iter().any(|(name, _)| *name == source.publisher) {
                publishers.push((&source.publisher, source.title_language()));
            }
        }
    }
    publishers
}

// ---------------------------------------------------------------- dates and timelines

/// `19–22 January 2026` / `19–22 yanvar 2026` for days of one month, otherwise both
/// dates in full; a single date when there is no end.
pub fn format_date_span(start: PartialDate, end: Option<PartialDate>, locale: Locale) -> String {
    match end {
        None => format_date(start, locale),
        Some(end) if end == start => format_date(start, locale),
        Some(end) => match (start.day, end.day) {
            (Some(first), Some(_)) if start.year == end.year && start.month == end.month => {
                format!("{first}–{}", format_date(end, locale))
            }
            _ => format!(
                "{} – {}",
                format_date(start, locale),
                format_date(end, locale)
            ),
        },
    }
}

/// Events ordered by date. A date known only to the month or year sorts at the start of
/// its span; events on the same date keep the order of the data.
pub fn in_date_order(events: &[TimelineEvent]) -> Vec<&TimelineEvent> {
    let mut ordered: Vec<&TimelineEvent> = events.iter().collect();
    ordered.sort_by_key(|event| event.date);
    ordered
}

/// The events with the given ids, in the order of `ids`.
pub fn events_by_id<'a>(events: &'a [TimelineEvent], ids: &[&str]) -> Vec<&'a TimelineEvent> {
    ids.iter()
        .filter_map(|id| events.iter().find(|event| event.id == *id))
        .collect()
}

/// Every event of the NextGen partners, in date order.
pub fn partner_events(cluster: &NextGenCluster) -> Vec<TimelineEvent> {
    let all: Vec<TimelineEvent> = cluster
        .partners
        .iter()
        .flat_map(|partner| partner.events.iter().cloned())
        .collect();
    in_date_order(&all).into_iter().cloned().collect()
}

// ---------------------------------------------------------------- actors

pub fn find_actor<'a>(actors: &'a [Actor], id: &str) -> Option<&'a Actor> {
    actors.iter().find(|actor| actor.id == id)
}

/// The names of `ids` in `locale`, in the order given; unknown ids are left out.
pub fn actor_names(actors: &[Actor], ids: &[String], locale: Locale) -> Vec<String> {
    ids.iter()
        .filter_map(|id| find_actor(actors, id))
        .map(|actor| actor.name.get(locale).to_string())
        .collect()
}

/// The actors that at least one of `events` names, in the order of `actors`.
pub fn actors_named_in<'a>(actors: &'a [Actor], events: &[TimelineEvent]) -> Vec<&'a Actor> {
    actors
        .iter()
        .filter(|actor| events.iter().any(|event| event.actors.contains(&actor.id)))
        .collect()
}

/// Institutions first, people last.
pub const ACTOR_KIND_ORDER: [ActorKind; 5] = [
    ActorKind::Government,
    ActorKind::Agency,
    ActorKind::Company,
    ActorKind::International,
    ActorKind::Person,
];

/// `actors` grouped by kind in [`ACTOR_KIND_ORDER`]; kinds with no actor are left out.
pub fn actors_by_kind<'a>(actors: &[&'a Actor]) -> Vec<(ActorKind, Vec<&'a Actor>)> {
    ACTOR_KIND_ORDER
        .iter()
        .map(|kind| {
            let group: Vec<&Actor> = actors
                .iter()
                .copied()
                .filter(|actor| actor.kind == *kind)
                .collect();
            (*kind, group)
        })
        .filter(|(_, group)| !group.is_empty())
        .collect()
}

// ---------------------------------------------------------------- members

/// The named member clusters of one country.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryMembers<'a> {
    pub country: &'a Country,
    pub clusters: Vec<&'a MemberCluster>,
}

/// Named members grouped by country. Countries come in the order they first joined
/// (ties in the order of the registry), clusters within a country by joining date.
pub fn members_by_country(registry: &ClusterRegistry) -> Vec<CountryMembers<'_>> {
    let mut groups: Vec<CountryMembers<'_>> = registry
        .countries
        .iter()
        .map(|country| {
            let mut clusters: Vec<&MemberCluster> = registry
                .clusters
                .iter()
                .filter(|cluster| cluster.country == country.code)
                .collect();
            clusters.sort_by_key(|cluster| cluster.joined);
            CountryMembers { country, clusters }
        })
        .filter(|group| !group.clusters.is_empty())
        .collect();
    groups.sort_by_key(|group| group.clusters[0].joined);
    groups
}

// ---------------------------------------------------------------- the initiative's growth

/// A column of the growth table. The CO2 measure changed definition in 2024, so annual
/// emissions and reduction potential are two columns, never one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GrowthColumn {
    Clusters,
    Countries,
    AnnualEmissions,
    ReductionPotential,
    Gdp,
    Jobs,
}

impl GrowthColumn {
    /// Its name in the page's markup: `annualemissions`.
    pub fn key(self) -> &'static str {
        match self {
            GrowthColumn::Clusters => "clusters",
            GrowthColumn::Countries => "countries",
            GrowthColumn::AnnualEmissions => "annualemissions",
            GrowthColumn::ReductionPotential => "reductionpotential",
            GrowthColumn::Gdp => "gdp",
            GrowthColumn::Jobs => "jobs",
        }
    }

    pub const ALL: [GrowthColumn; 6] = [
        GrowthColumn::Clusters,
        GrowthColumn::Countries,
        GrowthColumn::AnnualEmissions,
        GrowthColumn::ReductionPotential,
        GrowthColumn::Gdp,
        GrowthColumn::Jobs,
    ];

    /// The metrics a cell of this column may show, preferred first.
    pub fn metrics(self) -> &'static [InitiativeMetric] {
        use InitiativeMetric as M;
        match self {
            GrowthColumn::Clusters => &[M::Clusters],
            GrowthColumn::Countries => &[M::Countries],
            GrowthColumn::AnnualEmissions => &[M::Co2Emissions, M::NewMembersCo2Emissions],
            GrowthColumn::ReductionPotential => &[M::Co2eReductionPotential, M::Co2SavingPotential],
            GrowthColumn::Gdp => &[M::GdpContribution, M::NewMembersGdp],
            GrowthColumn::Jobs => &[M::Jobs, M::NewMembersJobs],
        }
    }
}

/// How far a cell's figure covers what its column says; anything but `AllMembers` is
/// said in words next to the value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CellScope {
    AllMembers,
    /// Only the clusters that joined at that step.
    NewMembersOnly,
    /// The May 2022 "could save" wording, with no period or method.
    CouldSaveWording,
}

pub fn cell_scope(metric: InitiativeMetric) -> CellScope {
    match metric {
        InitiativeMetric::NewMembersCo2Emissions
        | InitiativeMetric::NewMembersGdp
        | InitiativeMetric::NewMembersJobs => CellScope::NewMembersOnly,
        InitiativeMetric::Co2SavingPotential => CellScope::CouldSaveWording,
        _ => CellScope::AllMembers,
    }
}

/// One row of the growth table: a step of the initiative and a cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct GrowthRow<'a> {
    pub milestone: &'a Milestone,
    /// In the order of [`GrowthColumn::ALL`]; `None` where the step published nothing.
    pub cells: Vec<Option<&'a Figure<InitiativeMetric>>>,
}

/// The steps of the initiative in date order, without its stated ambitions (targets,
/// not results) and without steps that published none of the columns.
pub fn growth_table(milestones: &[Milestone]) -> Vec<GrowthRow<'_>> {
    let mut rows: Vec<GrowthRow<'_>> = milestones
        .iter()
        .filter(|milestone| milestone.kind != MilestoneKind::Ambition)
        .map(|milestone| GrowthRow {
            milestone,
            cells: GrowthColumn::ALL
                .iter()
                .map(|column| {
                    column
                        .metrics()
                        .iter()
                        .find_map(|metric| milestone.figures.iter().find(|f| f.metric == *metric))
                })
                .collect(),
        })
        .filter(|row| row.cells.iter().any(Option::is_some))
        .collect();
    rows.sort_by_key(|row| row.milestone.date);
    rows
}

/// The figures of `milestone` that measure one of `metrics`, in the order of `metrics`.
pub fn figures_of<'a, M: PartialEq>(figures: &'a [Figure<M>], metrics: &[M]) -> Vec<&'a Figure<M>> {
    metrics
        .iter()
        .flat_map(|metric| figures.iter().filter(move |f| &f.metric == metric))
        .collect()
}

/// The latest milestone of `kind`.
pub fn latest_milestone(milestones: &[Milestone], kind: MilestoneKind) -> Option<&Milestone> {
    milestones
        .iter()
        .filter(|milestone| milestone.kind == kind)
        .max_by_key(|milestone| milestone.date)
}

// ---------------------------------------------------------------- NextGen

/// What a partner's figure is about, for grouping on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartnerTopic {
    /// Capacities, production, sales and exports.
    CapacityAndOutput,
    /// Costs, loans, support, ownership and investment.
    MoneyAndOwnership,
    /// Workforce, jobs, residents and land.
    PeopleAndSites,
}

pub fn partner_topic(metric: PartnerMetric) -> PartnerTopic {
    use PartnerMetric as M;
    match metric {
        M::CapacityPolypropylene
        | M::CapacityHdpe
        | M::CapacityUrea
        | M::GasFeed
        | M::ProductGrades
        | M::Production
        | M::Output
        | M::Exports
        | M::ExportValue
        | M::ExportShare
        | M::DomesticShare
        | M::ExportShareTarget
        | M::Sales
        | M::Price
        | M::GrowthRate
        | M::CapacityUtilisation => PartnerTopic::CapacityAndOutput,
        M::ProjectCost
        | M::Loans
        | M::TaxSupport
        | M::OwnershipShare
        | M::InvestmentActual
        | M::InvestmentPortfolio
        | M::RevenueForecast => PartnerTopic::MoneyAndOwnership,
        M::ConstructionWorkforce
        | M::PermanentJobs
        | M::Jobs
        | M::Residents
        | M::EnterprisesOperating
        | M::Area => PartnerTopic::PeopleAndSites,
    }
}

/// A partner's figures about `topics`, in the order of the data.
pub fn partner_figures<'a>(
    partner: &'a Partner,
    topics: &[PartnerTopic],
) -> Vec<&'a Figure<PartnerMetric>> {
    partner
        .figures
        .iter()
        .filter(|figure| topics.contains(&partner_topic(figure.metric)))
        .collect()
}

/// The value chain cut into lines of consecutive steps done by the same actor.
pub fn value_chain_lines(steps: &[ValueChainStep]) -> Vec<(Option<&str>, Vec<&ValueChainStep>)> {
    let mut lines: Vec<(Option<&str>, Vec<&ValueChainStep>)> = Vec::new();
    for step in steps {
        let actor = step.actor.as_deref();
        match lines.last_mut() {
            Some((last, group)) if *last == actor => group.push(step),
            _ => lines.push((actor, vec![step])),
        }
    }
    lines
}

// ---------------------------------------------------------------- climate

/// What a climate figure is about, for grouping on the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClimateTopic {
    /// National totals, per person, derived and outside estimates.
    Emissions,
    SectorShares,
    /// Targets that are not a national emissions target.
    OtherTargets,
    ClimateFinance,
}

pub fn climate_topic(metric: ClimateMetric) -> ClimateTopic {
    use ClimateMetric as M;
    match metric {
        M::GhgEmissions
        | M::GhgNetEmissions
        | M::GhgPerCapita
        | M::GhgEmissionsDerived
        | M::GhgEmissionsRemark
        | M::GhgEmissionsExternalEstimate => ClimateTopic::Emissions,
        M::SectorShare => ClimateTopic::SectorShares,
        M::EmissionsTarget | M::RenewablesTarget => ClimateTopic::OtherTargets,
        M::ClimateFinanceGoal => ClimateTopic::ClimateFinance,
    }
}

/// The figures about `topic`, by the date they describe (stable for equal dates).
pub fn climate_figures(
    figures: &[Figure<ClimateMetric>],
    topic: ClimateTopic,
) -> Vec<&Figure<ClimateMetric>> {
    let mut chosen: Vec<&Figure<ClimateMetric>> = figures
        .iter()
        .filter(|figure| climate_topic(figure.metric) == topic)
        .collect();
    chosen.sort_by_key(|figure| figure.as_of);
    chosen
}

/// Splits `figures` into groups that disagree (linked by `conflicts_with`, in either
/// direction, each group in the order of `figures`) and the figures that stand alone.
/// A conflict is shown once, with every side, wherever its first figure stands.
#[allow(clippy::type_complexity)]
pub fn split_disagreements<'a, M>(
    figures: &[&'a Figure<M>],
) -> (Vec<Vec<&'a Figure<M>>>, Vec<&'a Figure<M>>) {
    let linked = |a: &Figure<M>, b: &Figure<M>| {
        a.conflicts_with.contains(&b.id) || b.conflicts_with.contains(&a.id)
    };
    let mut groups: Vec<Vec<&Figure<M>>> = Vec::new();
    let mut alone: Vec<&Figure<M>> = Vec::new();
    for figure in figures {
        if let Some(group) = groups
            .iter_mut()
            .find(|group| group.iter().any(|member| linked(member, figure)))
        {
            group.push(figure);
        } else if figures
            .iter()
            .any(|other| other.id != figure.id && linked(other, figure))
        {
            groups.push(vec![figure]);
        } else {
            alone.push(figure);
        }
    }
    (groups, alone)
}

/// The target that replaces `target`, when the data names one.
pub fn replacement<'a>(
    targets: &'a [ClimateTarget],
    target: &ClimateTarget,
) -> Option<&'a ClimateTarget> {
    let id = target.superseded_by.as_deref()?;
    targets.iter().find(|other| other.figure.id == id)
}

// ---------------------------------------------------------------- glossary

/// The glossary entries with the given ids, in the order of `ids`.
pub fn glossary_entries<'a>(entries: &'a [GlossaryEntry], ids: &[&str]) -> Vec<&'a GlossaryEntry> {
    ids.iter()
        .filter_map(|id| entries.iter().find(|entry| entry.id == *id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Qualifier, Unit};
    use crate::resources::{EventKind, NotPublished};

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    fn text(en: &str) -> Text {
        Text::new(format!("{en} (az)"), en)
    }

    fn figure<M>(id: &str, metric: M, as_of: &str) -> Figure<M> {
        Figure {
            id: id.into(),
            metric,
            label: text(id),
            value: 1.0,
            unit: Unit::Clusters,
            qualifier: Qualifier::Exact,
            as_of: date(as_of),
            sources: vec!["src-a".into()],
            confidence: Confidence::High,
            note: None,
            conflicts_with: vec![],
        }
    }

    fn event(id: &str, on: &str, actors: &[&str]) -> TimelineEvent {
        TimelineEvent {
            id: id.into(),
            date: date(on),
            end: None,
            kind: EventKind::Announcement,
            title: text(id),
            description: text(id),
            actors: actors.iter().map(|a| a.to_string()).collect(),
            sources: vec!["src-a".into()],
            confidence: Confidence::High,
            note: None,
        }
    }

    fn actor(id: &str, kind: ActorKind) -> Actor {
        Actor {
            id: id.into(),
            kind,
            name: text(id),
            role: text(id),
            sources: vec!["src-a".into()],
            confidence: Confidence::High,
        }
    }

    fn milestone(
        id: &str,
        on: &str,
        kind: MilestoneKind,
        figures: Vec<Figure<InitiativeMetric>>,
    ) -> Milestone {
        Milestone {
            id: id.into(),
            date: date(on),
            kind,
            title: text(id),
            summary: text(id),
            figures,
            sources: vec!["src-a".into()],
            confidence: Confidence::High,
        }
    }

    #[test]
    fn date_spans_share_the_month_when_they_can() {
        let start = date("2026-01-19");
        assert_eq!(format_date_span(start, None, Locale::En), "19 January 2026");
        assert_eq!(
            format_date_span(start, Some(date("2026-01-22")), Locale::En),
            "19–22 January 2026"
        );
        assert_eq!(
            format_date_span(start, Some(date("2026-01-22")), Locale::Az),
            "19–22 yanvar 2026"
        );
        assert_eq!(
            format_date_span(date("2024-11-30"), Some(date("2024-12-02")), Locale::En),
            "30 November 2024 – 2 December 2024"
        );
    }

    #[test]
    fn events_are_ordered_by_date_with_month_dates_at_the_start_of_the_month() {
        let events = vec![
            event("announced", "2026-01-23", &[]),
            event("signed", "2026-01", &[]),
            event("memorandum", "2020-01-21", &[]),
            event("davos", "2026-01-19", &[]),
            event("also-january", "2026-01", &[]),
        ];
        let ids: Vec<&str> = in_date_order(&events)
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["memorandum", "signed", "also-january", "davos", "announced"]
        );
    }

    #[test]
    fn actors_are_resolved_and_grouped_institutions_first() {
        let actors = vec![
            actor("person", ActorKind::Person),
            actor("ministry", ActorKind::Government),
            actor("company", ActorKind::Company),
            actor("unnamed", ActorKind::Agency),
        ];
        let events = vec![event("e", "2026", &["person", "company", "ministry"])];
        let named = actors_named_in(&actors, &events);
        assert_eq!(named.len(), 3, "an actor no event names is left out");
        let kinds: Vec<ActorKind> = actors_by_kind(&named).iter().map(|(k, _)| *k).collect();
        assert_eq!(
            kinds,
            [ActorKind::Government, ActorKind::Company, ActorKind::Person]
        );
        assert_eq!(
            actor_names(&actors, &["company".into(), "nobody".into()], Locale::En),
            ["company"]
        );
    }

    #[test]
    fn members_are_grouped_by_country_in_joining_order() {
        let cluster = |id: &str, country: &str, joined: &str| MemberCluster {
            id: id.into(),
            name: text(id),
            country: country.into(),
            joined: date(joined),
            sector: text("sector"),
            note: None,
            sources: vec!["src-a".into()],
            confidence: Confidence::High,
        };
        let country = |code: &str| Country {
            code: code.into(),
            iso_numeric: "000".into(),
            name: text(code),
        };
        let registry = ClusterRegistry {
            countries: vec![country("AZ"), country("GB"), country("FR"), country("ES")],
            clusters: vec![
                cluster("nextgen", "AZ", "2026-01"),
                cluster("solent", "GB", "2025-01"),
                cluster("humber", "GB", "2021-11"),
                cluster("basque", "ES", "2021-11"),
            ],
            unidentified: vec![],
        };
        let groups = members_by_country(&registry);
        let codes: Vec<&str> = groups.iter().map(|g| g.country.code.as_str()).collect();
        assert_eq!(
            codes,
            ["GB", "ES", "AZ"],
            "France has no named member and is left out"
        );
        let gb: Vec<&str> = groups[0].clusters.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(gb, ["humber", "solent"]);
    }

    #[test]
    fn annual_emissions_and_reduction_potential_never_share_a_column() {
        use InitiativeMetric as M;
        let milestones = vec![
            milestone(
                "2024",
                "2024-01",
                MilestoneKind::Expansion,
                vec![
                    figure("c24", M::Clusters, "2024-01"),
                    figure("p24", M::Co2eReductionPotential, "2024-01"),
                ],
            ),
            milestone(
                "2023",
                "2023-01-19",
                MilestoneKind::Expansion,
                vec![
                    figure("e23", M::Co2Emissions, "2023-01"),
                    figure("g23", M::GdpContribution, "2023-01"),
                ],
            ),
            milestone(
                "ambition",
                "2023-01-19",
                MilestoneKind::Ambition,
                vec![figure("t", M::TargetClusters, "2023-01-19")],
            ),
            milestone(
                "2022",
                "2022-05-24",
                MilestoneKind::Expansion,
                vec![
                    figure("n22", M::NewMembersCo2Emissions, "2022-05-24"),
                    figure("s22", M::Co2SavingPotential, "2022-05-24"),
                ],
            ),
        ];
        let rows = growth_table(&milestones);
        let ids: Vec<&str> = rows.iter().map(|r| r.milestone.id.as_str()).collect();
        assert_eq!(
            ids,
            ["2022", "2023", "2024"],
            "in date order, without the ambition"
        );
        let column = |c: GrowthColumn| GrowthColumn::ALL.iter().position(|x| *x == c).unwrap();
        let emissions = column(GrowthColumn::AnnualEmissions);
        let potential = column(GrowthColumn::ReductionPotential);
        let id_at = |row: usize, col: usize| rows[row].cells[col].map(|f| f.id.as_str());
        assert_eq!(id_at(0, emissions), Some("n22"));
        assert_eq!(id_at(0, potential), Some("s22"));
        assert_eq!(id_at(1, emissions), Some("e23"));
        assert_eq!(id_at(1, potential), None);
        assert_eq!(id_at(2, emissions), None);
        assert_eq!(id_at(2, potential), Some("p24"));
        for row in &rows {
            if let Some(f) = row.cells[emissions] {
                assert!(matches!(
                    f.metric,
                    M::Co2Emissions | M::NewMembersCo2Emissions
                ));
            }
        }
    }

    #[test]
    fn partial_figures_say_what_they_cover() {
        assert_eq!(
            cell_scope(InitiativeMetric::NewMembersJobs),
            CellScope::NewMembersOnly
        );
        assert_eq!(
            cell_scope(InitiativeMetric::Co2SavingPotential),
            CellScope::CouldSaveWording
        );
        assert_eq!(cell_scope(InitiativeMetric::Jobs), CellScope::AllMembers);
    }

    #[test]
    fn the_latest_accession_milestone_is_found() {
        let milestones = vec![
            milestone("before", "2026-01", MilestoneKind::Expansion, vec![]),
            milestone("joins", "2026-01-23", MilestoneKind::Accession, vec![]),
        ];
        assert_eq!(
            latest_milestone(&milestones, MilestoneKind::Accession).map(|m| m.id.as_str()),
            Some("joins")
        );
        assert!(latest_milestone(&milestones, MilestoneKind::Launch).is_none());
    }

    #[test]
    fn value_chain_lines_follow_the_actor() {
        let step = |id: &str, actor: Option<&str>| ValueChainStep {
            id: id.into(),
            input: text("in"),
            output: text("out"),
            actor: actor.map(str::to_string),
            note: text("note"),
            sources: vec!["src-a".into()],
        };
        let steps = vec![
            step("gas", Some("karbamid")),
            step("urea", Some("karbamid")),
            step("pp", Some("polymer")),
            step("unknown", None),
        ];
        let lines = value_chain_lines(&steps);
        let shape: Vec<(Option<&str>, usize)> = lines.iter().map(|(a, s)| (*a, s.len())).collect();
        assert_eq!(
            shape,
            [(Some("karbamid"), 2), (Some("polymer"), 1), (None, 1)]
        );
    }

    #[test]
    fn partner_figures_are_grouped_by_topic() {
        assert_eq!(
            partner_topic(PartnerMetric::CapacityUrea),
            PartnerTopic::CapacityAndOutput
        );
        assert_eq!(
            partner_topic(PartnerMetric::ExportShare),
            PartnerTopic::CapacityAndOutput
        );
        assert_eq!(
            partner_topic(PartnerMetric::OwnershipShare),
            PartnerTopic::MoneyAndOwnership
        );
        assert_eq!(
            partner_topic(PartnerMetric::PermanentJobs),
            PartnerTopic::PeopleAndSites
        );
        let partner = Partner {
            actor: "socar-polymer".into(),
            role_in_cluster: text("role"),
            products: vec![],
            figures: vec![
                figure("cost", PartnerMetric::ProjectCost, "2016-05"),
                figure("pp", PartnerMetric::CapacityPolypropylene, "2019-02-18"),
                figure("jobs", PartnerMetric::PermanentJobs, "2019-02-19"),
            ],
            events: vec![event("b", "2019", &[]), event("a", "2013", &[])],
        };
        let ids = |topics: &[PartnerTopic]| -> Vec<String> {
            partner_figures(&partner, topics)
                .iter()
                .map(|f| f.id.clone())
                .collect()
        };
        assert_eq!(ids(&[PartnerTopic::CapacityAndOutput]), ["pp"]);
        assert_eq!(
            ids(&[
                PartnerTopic::MoneyAndOwnership,
                PartnerTopic::PeopleAndSites
            ]),
            ["cost", "jobs"]
        );
        let cluster = NextGenCluster {
            name: text("NextGen"),
            location: text("Sumgait"),
            aims: vec![],
            sources: vec!["src-a".into()],
            partners: vec![partner],
            value_chain: vec![],
            not_published: vec![NotPublished {
                id: "np".into(),
                topic: text("t"),
                note: text("n"),
            }],
        };
        let order: Vec<String> = partner_events(&cluster).into_iter().map(|e| e.id).collect();
        assert_eq!(order, ["a", "b"]);
    }

    #[test]
    fn disagreeing_figures_are_shown_together_once() {
        let mut inventory = figure("inventory", ClimateMetric::GhgEmissions, "2022");
        inventory.conflicts_with = vec!["remark".into()];
        let remark = figure("remark", ClimateMetric::GhgEmissionsRemark, "2022");
        let per_capita = figure("per-capita", ClimateMetric::GhgPerCapita, "2022");
        let all = [&inventory, &per_capita, &remark];
        let (groups, alone) = split_disagreements(&all);
        assert_eq!(groups.len(), 1);
        let group: Vec<&str> = groups[0].iter().map(|f| f.id.as_str()).collect();
        assert_eq!(
            group,
            ["inventory", "remark"],
            "linked even though only one side names the other"
        );
        let alone: Vec<&str> = alone.iter().map(|f| f.id.as_str()).collect();
        assert_eq!(alone, ["per-capita"]);
    }

    #[test]
    fn climate_figures_are_grouped_and_dated() {
        let figures = vec![
            figure("2022", ClimateMetric::GhgEmissions, "2022"),
            figure("share", ClimateMetric::SectorShare, "2022"),
            figure("1990", ClimateMetric::GhgEmissionsDerived, "1990"),
            figure("finance", ClimateMetric::ClimateFinanceGoal, "2024-11-24"),
        ];
        let ids: Vec<&str> = climate_figures(&figures, ClimateTopic::Emissions)
            .iter()
            .map(|f| f.id.as_str())
            .collect();
        assert_eq!(ids, ["1990", "2022"]);
        assert_eq!(
            climate_figures(&figures, ClimateTopic::ClimateFinance).len(),
            1
        );
    }

    #[test]
    fn a_superseded_target_names_its_replacement() {
        let target = |id: &str, year: u16, by: Option<&str>| ClimateTarget {
            target_year: year,
            base_year: 1990,
            conditional: false,
            figure: figure(id, ClimateMetric::EmissionsTarget, "2023"),
            superseded_by: by.map(str::to_string),
        };
        let targets = vec![
            target("ndc-2050", 2050, Some("ndc-2035")),
            target("ndc-2035", 2035, None),
        ];
        let replaced = replacement(&targets, &targets[0]).map(|t| t.target_year);
        assert_eq!(replaced, Some(2035));
        assert!(replacement(&targets, &targets[1]).is_none());
    }

    #[test]
    fn sources_and_glossary_entries_keep_the_cited_order() {
        let source = |id: &str| Source {
            id: id.into(),
            title: id.into(),
            publisher: "p".into(),
            url: "https://example.org".into(),
            published: None,
            accessed: None,
            language: "en".into(),
            title_language: None,
            note: None,
        };
        let sources = vec![source("a"), source("b")];
        let cited: Vec<&str> = cited_sources(&sources, &["b".into(), "x".into(), "a".into()])
            .iter()
            .map(|s| s.id.as_str())
            .collect();
        assert_eq!(cited, ["b", "a"]);
        let entry = |id: &str| GlossaryEntry {
            id: id.into(),
            term: text(id),
            definition: text(id),
            sources: vec![],
        };
        let entries = vec![entry("x"), entry("y")];
        let found: Vec<&str> = glossary_entries(&entries, &["y", "missing", "x"])
            .iter()
            .map(|e| e.id.as_str())
            .collect();
        assert_eq!(found, ["y", "x"]);
    }

    #[test]
    fn provenance_of_a_figure_keeps_its_date_and_an_event_does_not_repeat_it() {
        let f = figure("f", InitiativeMetric::Clusters, "2025-01-22");
        assert_eq!(Provenance::of_figure(&f).as_of, Some(date("2025-01-22")));
        assert_eq!(Provenance::of_event(&event("e", "2026", &[])).as_of, None);
        let events = [event("a", "2020", &[]), event("b", "2021", &[])];
        let ids = events_by_id(&events, &["b", "a"]);
        assert_eq!(
            ids.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
            ["b", "a"]
        );
    }

    /// The published package, as the pages get it.
    mod published {
        use super::*;
        use crate::resources::{Accession, ClimateContext};

        fn parse<T: serde::de::DeserializeOwned>(json: &str) -> T {
            serde_json::from_str(json).expect("the published resource parses")
        }

        #[test]
        fn the_growth_table_keeps_the_two_co2_measures_apart() {
            let milestones: Vec<Milestone> =
                parse(include_str!("../../../public/data/milestones.json"));
            let rows = growth_table(&milestones);
            assert!(rows.len() >= 6);
            let at = |c: GrowthColumn| GrowthColumn::ALL.iter().position(|x| *x == c).unwrap();
            for row in &rows {
                if let Some(f) = row.cells[at(GrowthColumn::AnnualEmissions)] {
                    assert_eq!(
                        f.unit,
                        crate::Unit::MtCo2PerYear,
                        "{} is an annual emission",
                        f.id
                    );
                }
                if let Some(f) = row.cells[at(GrowthColumn::ReductionPotential)] {
                    assert_ne!(
                        f.unit,
                        crate::Unit::MtCo2PerYear,
                        "{} is not an annual emission",
                        f.id
                    );
                }
            }
            let dates: Vec<PartialDate> = rows.iter().map(|r| r.milestone.date).collect();
            assert!(
                dates.windows(2).all(|w| w[0] <= w[1]),
                "rows are in date order"
            );
        }

        #[test]
        fn azerbaijan_joins_last_and_unnamed_members_are_counted() {
            let registry: ClusterRegistry =
                parse(include_str!("../../../public/data/clusters.json"));
            let groups = members_by_country(&registry);
            let last = groups.last().unwrap();
            assert_eq!(last.country.code, "AZ");
            assert_eq!(last.clusters[0].id, "cluster-nextgen-sumgait");
            let named: usize = groups.iter().map(|g| g.clusters.len()).sum();
            assert_eq!(
                named,
                registry.clusters.len(),
                "every named cluster is in one group"
            );
            assert!(registry.unidentified.iter().all(|u| u.count > 0));
        }

        #[test]
        fn the_accession_actors_and_the_nextgen_chain_resolve() {
            let accession: Accession = parse(include_str!("../../../public/data/accession.json"));
            let named = actors_named_in(&accession.actors, &accession.events);
            for id in [
                "ministry-of-economy",
                "4sim",
                "ezda",
                "socar",
                "socar-polymer",
                "socar-karbamid",
            ] {
                assert!(
                    named.iter().any(|a| a.id == id),
                    "{id} takes part in the accession"
                );
            }
            let nextgen: NextGenCluster = parse(include_str!("../../../public/data/nextgen.json"));
            for partner in &nextgen.partners {
                assert!(
                    find_actor(&accession.actors, &partner.actor).is_some(),
                    "{} resolves",
                    partner.actor
                );
            }
            let lines = value_chain_lines(&nextgen.value_chain);
            let actors: Vec<Option<&str>> = lines.iter().map(|(actor, _)| *actor).collect();
            assert_eq!(
                actors,
                [
                    Some("socar-karbamid"),
                    Some("azerikimya"),
                    Some("socar-polymer")
                ],
                "a fertiliser line, the olefin supply and a polymer line"
            );
        }

        #[test]
        fn the_emission_figures_that_disagree_are_shown_side_by_side() {
            let climate: ClimateContext = parse(include_str!("../../../public/data/climate.json"));
            let emissions = climate_figures(&climate.figures, ClimateTopic::Emissions);
            let (groups, _) = split_disagreements(&emissions);
            let ids: Vec<Vec<&str>> = groups
                .iter()
                .map(|group| group.iter().map(|f| f.id.as_str()).collect())
                .collect();
            // The 1990 level the press quotes from the statistics committee and the
            // one the portal works out; the 2022 inventory and an official's remark.
            assert_eq!(
                ids,
                [
                    vec!["az-ghg-1990-ssc", "az-ghg-1990-derived"],
                    vec!["az-ghg-2022", "az-ghg-2022-remark"]
                ]
            );
        }
    }
}
