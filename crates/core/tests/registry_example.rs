//! A worked example of the two extension points of issue 16: a new resource (harbours,
//! each with its capacity figures) and a new chart of an existing kind (bars of those
//! capacities), written only against the registry and the catalog, and picked up by the
//! generic code: the checks of meaning, the CSV tables, the citations behind a chart's
//! table, the catalog's needs check, and the drawing.
//!
//! A resource's name and a chart's id are variants of closed enums (`ResourceName`,
//! `ChartId`), which a test cannot add to; so the example harbours stand in for the
//! `glossary` resource (in a set without the real glossary) and the example chart borrows
//! `nextgen-capacities`'s id. A real addition adds its own variants: see the module
//! comments of `registry.rs` and `charts/catalog.rs` for the files it touches.

mod common;
use common::shipped_resources;
use klaster_core::charts::export::SourceIndex;
use klaster_core::charts::model::{Bar, BarChart, ChartBody, ChartData, ChartKind, ChartSpec};
use klaster_core::charts::svg::render_svg;
use klaster_core::charts::{ChartEntry, ChartId, Lack, Palette};
use klaster_core::csv::{self, Table, FIGURE_HEADER};
use klaster_core::figure::{Confidence, Figure, Qualifier, Unit};
use klaster_core::queries::publishers;
use klaster_core::registry::{check_resources, Resource, Resources};
use klaster_core::resources::{ResourceName, Source};
use klaster_core::route::Page;
use klaster_core::validate::Checker;
use klaster_core::{Locale, PartialDate, Text};
use serde::{Deserialize, Serialize};

// ---------------------------------------------------------------- the example resource

/// What a harbour figure measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
enum HarbourMetric {
    Capacity,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct Harbour {
    id: String,
    name: Text,
    figures: Vec<Figure<HarbourMetric>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
struct Harbours {
    harbours: Vec<Harbour>,
}

impl Resource for Harbours {
    const NAME: ResourceName = ResourceName::Glossary;

    fn check(&self, checker: &mut Checker) {
        let file = "harbours.json";
        for (index, harbour) in self.harbours.iter().enumerate() {
            let path = format!("$.harbours[{index}]");
            checker.id(file, &path, &harbour.id);
            checker.text(file, &format!("{path}.name"), &harbour.name);
            for (f, figure) in harbour.figures.iter().enumerate() {
                checker.figure(file, &format!("{path}.figures[{f}]"), figure);
            }
        }
    }

    fn citations(&self, cite: &mut dyn FnMut(&str, &[String])) {
        for figure in self.harbours.iter().flat_map(|h| &h.figures) {
            cite(&figure.id, &figure.sources);
        }
    }

    fn table(&self) -> Table {
        Table {
            header: FIGURE_HEADER.to_vec(),
            rows: self
                .harbours
                .iter()
                .flat_map(|h| h.figures.iter().map(move |f| csv::figure_row(&h.id, f)))
                .collect(),
        }
    }
}

// ---------------------------------------------------------------- the example chart

/// Bars of every harbour's capacity: an existing kind, so no layout or drawing code.
fn harbour_capacities(resources: &Resources) -> Result<ChartData, Lack> {
    let harbours: &Harbours = resources.get()?;
    let sources: &Vec<Source> = resources.get()?;
    let figures: Vec<(&Harbour, &Figure<HarbourMetric>)> = harbours
        .harbours
        .iter()
        .flat_map(|h| h.figures.iter().map(move |f| (h, f)))
        .filter(|(_, f)| f.metric == HarbourMetric::Capacity)
        .collect();
    if figures.is_empty() {
        return Err("no harbour has a capacity".into());
    }
    let cited = publishers(sources, figures.iter().flat_map(|(_, f)| &f.sources)).join("; ");
    Ok(ChartData {
        spec: ChartSpec {
            id: ChartId::NextgenCapacities,
            title: Text::new("Limanların gücü", "Harbour capacities"),
            subtitle: Text::new("Nümunə", "An example"),
            source: Text::new(cited.clone(), cited),
            notes: Vec::new(),
            as_of: figures.iter().map(|(_, f)| f.as_of).max(),
        },
        body: ChartBody::Bars(BarChart {
            bars: figures
                .iter()
                .map(|(harbour, figure)| Bar {
                    label: harbour.name.clone(),
                    detail: None,
                    value: figure.value,
                    unit: figure.unit,
                    qualifier: figure.qualifier,
                    confidence: figure.confidence,
                    figure_ids: vec![figure.id.clone()],
                    highlight: false,
                })
                .collect(),
            references: Vec::new(),
        }),
    })
}

fn harbour_row() -> ChartEntry {
    ChartEntry {
        chart: ChartId::NextgenCapacities,
        id: "harbour-capacities",
        page: Page::Nextgen,
        // Its card stands beside the plants' capacities; the page shows every card the
        // catalog places in a section, so the page file needs no change.
        section: "nextgen-figures",
        card: ChartId::NextgenCapacities,
        needs: &[ResourceName::Glossary, ResourceName::Sources],
        kind: ChartKind::Bars,
        extract: harbour_capacities,
    }
}

// ---------------------------------------------------------------- the data

fn capacity(id: &str, value: f64, source: &str) -> Figure<HarbourMetric> {
    Figure {
        id: id.into(),
        metric: HarbourMetric::Capacity,
        label: Text::new("Yük gücü", "Cargo capacity"),
        value,
        unit: Unit::TonnesPerYear,
        qualifier: Qualifier::Exact,
        as_of: PartialDate::parse("2025").unwrap_or(PartialDate {
            year: 2025,
            month: None,
            day: None,
        }),
        sources: vec![source.into()],
        confidence: Confidence::High,
        note: None,
        conflicts_with: Vec::new(),
    }
}

fn harbours(first_source: &str) -> Harbours {
    Harbours {
        harbours: vec![
            Harbour {
                id: "harbour-a".into(),
                name: Text::new("Liman A", "Harbour A"),
                figures: vec![capacity("harbour-a-capacity", 15.0e6, first_source)],
            },
            Harbour {
                id: "harbour-b".into(),
                name: Text::new("Liman B", "Harbour B"),
                figures: vec![capacity("harbour-b-capacity", 4.0e6, first_source)],
            },
        ],
    }
}

/// The id of a source the shipped package has.
fn a_source(shipped: &Resources) -> String {
    shipped
        .get::<Vec<Source>>()
        .ok()
        .and_then(|s| s.first())
        .map(|s| s.id.clone())
        .expect("the package has sources")
}

/// The shipped resources without the glossary, and the harbours in its place.
fn with_harbours(shipped: &Resources, harbours: Harbours) -> Resources {
    let others: Vec<ResourceName> = ResourceName::ALL
        .into_iter()
        .filter(|name| *name != ResourceName::Glossary)
        .collect();
    let mut resources = shipped.only(&others);
    resources.insert(harbours);
    resources
}

// ---------------------------------------------------------------- what picks them up

#[test]
fn the_checks_of_meaning_run_on_the_new_resource() {
    let shipped = shipped_resources();
    let resources = with_harbours(&shipped, harbours(&a_source(&shipped)));
    assert_eq!(check_resources(&resources), Vec::new());

    let mut broken = harbours("no-such-source");
    broken.harbours[1].name.az = String::new();
    broken.harbours[1].id = "harbour-a".into();
    let resources = with_harbours(&shipped, broken);
    let problems: Vec<String> = check_resources(&resources)
        .iter()
        .map(|p| p.to_string())
        .collect();
    for expected in [
        "harbours.json: $.harbours[1].name.az: the Azerbaijani text is missing or empty",
        "harbours.json: $.harbours[1].id: duplicate id 'harbour-a'",
        "harbours.json: $.harbours[0].figures[0].sources[0]: unknown source id 'no-such-source'",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(expected)),
            "{expected}\nin {problems:#?}"
        );
    }
}

#[test]
fn the_new_resource_has_its_csv_table_beside_the_others() {
    let resources = with_harbours(&shipped_resources(), harbours("s"));
    let tables = resources.tables();
    assert_eq!(tables.len(), ResourceName::ALL.len());
    let (_, table) = tables
        .iter()
        .find(|(name, _)| *name == Harbours::NAME)
        .expect("the harbours' table");
    assert_eq!(table.rows.len(), 2);
    assert!(table
        .to_csv()
        .contains("harbour-a,harbour-a-capacity,capacity"));
}

#[test]
fn the_new_chart_reads_exactly_what_its_row_lists_and_draws_as_bars() {
    let shipped = shipped_resources();
    let source = a_source(&shipped);
    let resources = with_harbours(&shipped, harbours(&source));
    let row = harbour_row();
    row.check_needs(&resources)
        .unwrap_or_else(|e| panic!("{e}"));

    let chart = (row.extract)(&resources).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(chart.body.kind(), row.kind);
    let index = SourceIndex::new(&resources);
    assert_eq!(index.of("harbour-b-capacity"), [source]);
    let svg = render_svg(&chart, Locale::En, &Palette::light(), 800, 450)
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(svg.contains("Harbour capacities"));
    assert!(svg.contains("Harbour B"));

    let mut too_few = harbour_row();
    too_few.needs = &[ResourceName::Glossary];
    assert!(too_few.check_needs(&resources).is_err());
}
