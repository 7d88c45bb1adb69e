//! A chart's data as rows, one per value it shows, and as the files a reader downloads:
//! CSV (one line per row) and JSON (the values grouped as drawn, each with its figure
//! ids, sources and confidence). The browser's table view, its CSV and its JSON all
//! come from [`rows`], so they always list the same values.

use super::catalog::ChartId;
use super::hit::Target;
use super::model::{ChartBody, ChartData};
use crate::csv::Table;
use crate::date::PartialDate;
use crate::figure::{Confidence, Qualifier, Unit};
use crate::format::format_date;
use crate::registry::Resources;
use crate::resources::Source;
use crate::text::{Locale, Text};
use serde::Serialize;
use serde_json::{json, Map, Value};
use std::collections::HashMap;

/// `<chart-id>-<locale>.<extension>`, the name of every file a chart is saved as.
pub fn file_name(chart: ChartId, locale: Locale, extension: &str) -> String {
    format!("{}-{}.{extension}", chart.as_str(), locale.tag())
}

/// A number with its unit and how the source states it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RowValue {
    pub value: f64,
    pub unit: Unit,
    pub qualifier: Qualifier,
}

/// One value a chart shows: a point, a bar, a reference rule, an event or a country.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartRow {
    /// Where the value is drawn, for the pointer and the keyboard; `None` for values
    /// that are not a target of their own (a reference rule).
    pub target: Option<Target>,
    /// The series (or other group) the value belongs to: its stable id and its name.
    pub group_id: String,
    pub group: Option<Text>,
    /// The value's own name: a bar, a country, an event, a point's label.
    pub label: Option<Text>,
    pub date: Option<PartialDate>,
    pub value: Option<RowValue>,
    /// `None` where the chart gives none (a sum the chart works out has `Derived`).
    pub confidence: Option<Confidence>,
    /// The figures (or records) of the package the value comes from.
    pub figure_ids: Vec<String>,
}

impl ChartRow {
    fn new(group_id: &str, figure_ids: Vec<String>) -> ChartRow {
        ChartRow {
            target: None,
            group_id: group_id.to_string(),
            group: None,
            label: None,
            date: None,
            value: None,
            confidence: None,
            figure_ids,
        }
    }

    /// The source ids behind the row, each once, in the order the figures cite them.
    pub fn sources<'a>(&self, index: &'a SourceIndex) -> Vec<&'a str> {
        let mut ids: Vec<&str> = Vec::new();
        for figure in &self.figure_ids {
            for id in index.of(figure) {
                if !ids.contains(&id.as_str()) {
                    ids.push(id);
                }
            }
        }
        ids
    }
}

/// Every value of `chart`, in the order it is drawn.
pub fn rows(chart: &ChartData) -> Vec<ChartRow> {
    let mut rows = Vec::new();
    match &chart.body {
        ChartBody::Lines(lines) => {
            for (p, panel) in lines.panels.iter().enumerate() {
                for (s, series) in panel.series.iter().enumerate() {
                    for (i, point) in series.points.iter().enumerate() {
                        rows.push(ChartRow {
                            target: Some(Target::Point {
                                panel: p,
                                series: s,
                                index: i,
                            }),
                            group: Some(series.label.clone()),
                            label: point.label.clone(),
                            date: Some(point.date),
                            value: Some(RowValue {
                                value: point.y,
                                unit: series.unit,
                                qualifier: point.qualifier,
                            }),
                            confidence: Some(point.confidence),
                            ..ChartRow::new(&series.id, vec![point.figure_id.clone()])
                        });
                    }
                }
            }
        }
        ChartBody::Bars(bars) => {
            for (i, bar) in bars.bars.iter().enumerate() {
                rows.push(ChartRow {
                    target: Some(Target::Bar(i)),
                    label: Some(bar.label.clone()),
                    value: Some(RowValue {
                        value: bar.value,
                        unit: bar.unit,
                        qualifier: bar.qualifier,
                    }),
                    confidence: Some(bar.confidence),
                    ..ChartRow::new("bars", bar.figure_ids.clone())
                });
            }
            for reference in &bars.references {
                rows.push(ChartRow {
                    label: Some(reference.label.clone()),
                    value: Some(RowValue {
                        value: reference.value,
                        unit: reference.unit,
                        qualifier: Qualifier::Exact,
                    }),
                    // A rule drawn from several figures is their sum, worked out here.
                    confidence: (reference.figure_ids.len() > 1).then_some(Confidence::Derived),
                    ..ChartRow::new("references", reference.figure_ids.clone())
                });
            }
        }
        ChartBody::Timeline(timeline) => {
            for (i, event) in timeline.events.iter().enumerate() {
                rows.push(ChartRow {
                    target: Some(Target::Event(i)),
                    label: Some(event.label.clone()),
                    date: Some(event.date),
                    confidence: Some(event.confidence),
                    ..ChartRow::new("events", vec![event.event_id.clone()])
                });
            }
        }
        ChartBody::Map(map) => {
            for (i, member) in map.members.iter().enumerate() {
                rows.push(ChartRow {
                    target: Some(Target::Country(i)),
                    label: Some(member.name.clone()),
                    value: Some(RowValue {
                        value: member.value,
                        unit: member.unit,
                        qualifier: Qualifier::Exact,
                    }),
                    confidence: Some(member.confidence),
                    ..ChartRow::new("countries", member.figure_ids.clone())
                });
            }
        }
    }
    rows
}

/// The row that `target` names.
pub fn row_of(rows: &[ChartRow], target: Target) -> Option<&ChartRow> {
    rows.iter().find(|row| row.target == Some(target))
}

/// The sources of every record of the resources that names them, by record id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceIndex {
    by_record: HashMap<String, Vec<String>>,
}

impl SourceIndex {
    pub fn new(resources: &Resources) -> SourceIndex {
        let mut by_record = HashMap::new();
        resources.citations(|id, sources| {
            by_record.insert(id.to_string(), sources.to_vec());
        });
        SourceIndex { by_record }
    }

    /// The source ids of one record; none for an id the package does not have.
    pub fn of(&self, record: &str) -> &[String] {
        self.by_record.get(record).map_or(&[], Vec::as_slice)
    }

    /// Every source behind `rows`, each once, in the order first cited.
    pub fn all<'a>(&'a self, rows: &[ChartRow]) -> Vec<&'a str> {
        let mut ids: Vec<&str> = Vec::new();
        for id in rows.iter().flat_map(|row| row.sources(self)) {
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    }
}

/// The JSON name of an enum value (`"more_than"`, `"mt_co2e"`).
fn name<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(name)) => name,
        _ => String::new(),
    }
}

/// Text from the data, defused so a spreadsheet never runs it as a formula.
fn cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

const CSV_HEADER: [&str; 11] = [
    "chart",
    "series_id",
    "series",
    "label",
    "date",
    "value",
    "unit",
    "qualifier",
    "confidence",
    "figure_ids",
    "sources",
];

/// The rows as the words of a table: the one layout of the table view in the browser
/// and of the static table in the published chart pages, so both read the same.
#[derive(Debug, Clone, PartialEq)]
pub struct TextTable {
    pub headings: Vec<crate::i18n::Msg>,
    pub rows: Vec<TextRow>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextRow {
    /// The first cell is the row's heading; the last names the publishers.
    pub cells: Vec<String>,
    /// A rating the reader must be warned about (unverified, low, derived).
    pub warned: Option<Confidence>,
    /// The last cell's publishers, each with the language its name is written in.
    pub publishers: Vec<(String, String)>,
}

/// Only the columns some row fills; the sources column always. `sources` names each
/// row's publishers.
pub fn text_table(
    rows: &[ChartRow],
    locale: Locale,
    index: &SourceIndex,
    sources: &[Source],
) -> TextTable {
    use crate::format::format_value;
    use crate::i18n::{confidence_label, Msg};
    let group = rows.iter().any(|r| r.group.is_some());
    let label = rows.iter().any(|r| r.label.is_some());
    let date = rows.iter().any(|r| r.date.is_some());
    let value = rows.iter().any(|r| r.value.is_some());
    let confidence = rows.iter().any(|r| r.confidence.is_some());
    let mut headings = Vec::new();
    let columns = [
        (group, Msg::ChartColSeries),
        // A point's label is a note on its series; otherwise it names the row.
        (label, if group { Msg::Note } else { Msg::ChartColItem }),
        (date, Msg::ChartColDate),
        (value, Msg::ChartColValue),
        (confidence, Msg::ConfidenceLabel),
        (true, Msg::Sources),
    ];
    for (shown, heading) in columns {
        if shown {
            headings.push(heading);
        }
    }
    let words = |t: &Option<Text>| {
        t.as_ref()
            .map(|t| t.get(locale).to_string())
            .unwrap_or_default()
    };
    let rows = rows
        .iter()
        .map(|row| {
            let publishers = crate::queries::publishers(sources, row.sources(index));
            let cells = [
                (group, words(&row.group)),
                (label, words(&row.label)),
                (
                    date,
                    row.date.map(|d| format_date(d, locale)).unwrap_or_default(),
                ),
                (
                    value,
                    row.value
                        .map(|v| format_value(v.value, v.unit, v.qualifier, locale))
                        .unwrap_or_default(),
                ),
                (
                    confidence,
                    row.confidence
                        .map(|c| confidence_label(c).get(locale).to_string())
                        .unwrap_or_default(),
                ),
                (true, publishers.join("; ")),
            ];
            TextRow {
                cells: cells
                    .into_iter()
                    .filter(|(shown, _)| *shown)
                    .map(|(_, cell)| cell)
                    .collect(),
                warned: row.confidence.filter(|c| c.needs_warning()),
                publishers: crate::queries::publishers_in_their_language(
                    sources,
                    row.sources(index),
                )
                .into_iter()
                .map(|(name, lang)| (name.to_string(), lang.to_string()))
                .collect(),
            }
        })
        .collect();
    TextTable { headings, rows }
}

/// The chart's rows as CSV: one line per value, words in `locale`, numbers, units,
/// dates and ratings as the data package writes them.
pub fn to_csv(chart: &ChartData, locale: Locale, index: &SourceIndex) -> String {
    let text = |t: &Option<Text>| t.as_ref().map(|t| cell(t.get(locale))).unwrap_or_default();
    let rows = rows(chart)
        .iter()
        .map(|row| {
            let value = row.value;
            vec![
                chart.spec.id.as_str().to_string(),
                row.group_id.clone(),
                text(&row.group),
                text(&row.label),
                row.date.map(|d| d.to_string()).unwrap_or_default(),
                value.map(|v| v.value.to_string()).unwrap_or_default(),
                value.map(|v| name(&v.unit)).unwrap_or_default(),
                value.map(|v| name(&v.qualifier)).unwrap_or_default(),
                row.confidence.map(|c| name(&c)).unwrap_or_default(),
                row.figure_ids.join(" "),
                row.sources(index).join(" "),
            ]
        })
        .collect();
    Table {
        header: CSV_HEADER.to_vec(),
        rows,
    }
    .to_csv()
}

fn row_json(row: &ChartRow, locale: Locale, index: &SourceIndex) -> Value {
    let mut object = Map::new();
    if let Some(label) = &row.label {
        object.insert("label".into(), json!(label.get(locale)));
    }
    if let Some(date) = row.date {
        object.insert("date".into(), json!(date.to_string()));
        object.insert("date_text".into(), json!(format_date(date, locale)));
    }
    if let Some(value) = row.value {
        object.insert("value".into(), json!(value.value));
        object.insert("unit".into(), json!(name(&value.unit)));
        object.insert("qualifier".into(), json!(name(&value.qualifier)));
    }
    if let Some(confidence) = row.confidence {
        object.insert("confidence".into(), json!(name(&confidence)));
    }
    object.insert("figure_ids".into(), json!(row.figure_ids));
    object.insert("sources".into(), json!(row.sources(index)));
    Value::Object(object)
}

/// The chart as JSON: its words in `locale`, its values grouped as drawn (a series,
/// the bars, the events, the countries), and the sources they cite.
pub fn to_json(
    chart: &ChartData,
    locale: Locale,
    index: &SourceIndex,
    sources: &[Source],
) -> String {
    let rows = rows(chart);
    let mut groups: Vec<(&ChartRow, Vec<Value>)> = Vec::new();
    for row in &rows {
        let value = row_json(row, locale, index);
        match groups
            .iter_mut()
            .find(|(first, _)| first.group_id == row.group_id)
        {
            Some((_, values)) => values.push(value),
            None => groups.push((row, vec![value])),
        }
    }
    let series: Vec<Value> = groups
        .into_iter()
        .map(|(first, values)| {
            json!({
                "id": first.group_id,
                "label": first.group.as_ref().map(|g| g.get(locale)),
                "values": values,
            })
        })
        .collect();
    let cited: Vec<Value> = index
        .all(&rows)
        .into_iter()
        .filter_map(|id| sources.iter().find(|s| s.id == id))
        .map(|s| {
            json!({
                "id": s.id,
                "title": s.title,
                "publisher": s.publisher,
                "url": s.url,
                "published": s.published.map(|d| d.to_string()),
            })
        })
        .collect();
    let spec = &chart.spec;
    let document = json!({
        "chart": spec.id.as_str(),
        "locale": locale.tag(),
        "title": spec.title.get(locale),
        "subtitle": spec.subtitle.get(locale),
        "source": spec.source.get(locale),
        "notes": spec.notes.iter().map(|n| n.get(locale)).collect::<Vec<_>>(),
        "as_of": spec.as_of.map(|d| d.to_string()),
        "series": series,
        "sources": cited,
    });
    serde_json::to_string_pretty(&document).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::model::{Bar, BarChart, ChartSpec, LineChart, Panel, Point, Series};
    use crate::charts::model::{ReferenceLine, SeriesShape};

    fn spec(id: ChartId) -> ChartSpec {
        ChartSpec {
            id,
            title: Text::new("Başlıq", "Title"),
            subtitle: Text::new("Alt başlıq", "Subtitle"),
            source: Text::new("Mənbələr: WEF", "Sources: WEF"),
            notes: Vec::new(),
            as_of: PartialDate::parse("2026-01-23").ok(),
        }
    }

    fn point(date: &str, y: f64, figure: &str) -> Point {
        let date = PartialDate::parse(date).unwrap();
        Point {
            x: date.as_fractional_year(),
            y,
            figure_id: figure.into(),
            date,
            qualifier: Qualifier::Exact,
            confidence: Confidence::High,
            label: None,
        }
    }

    fn lines() -> ChartData {
        let series = |id: &str, points| Series {
            id: id.into(),
            label: Text::new(format!("{id} az"), format!("{id}, en")),
            unit: Unit::Clusters,
            shape: SeriesShape::Step,
            points,
        };
        ChartData {
            spec: spec(ChartId::InitiativeGrowth),
            body: ChartBody::Lines(LineChart {
                panels: vec![Panel {
                    title: None,
                    series: vec![
                        series(
                            "clusters",
                            vec![point("2021-11", 4.0, "f-a"), point("2026-01", 40.0, "f-b")],
                        ),
                        series("countries", vec![point("2026-01", 19.0, "f-c")]),
                    ],
                    annotations: Vec::new(),
                }],
            }),
        }
    }

    fn index() -> SourceIndex {
        let mut index = SourceIndex::default();
        for (record, sources) in [("f-a", "s-1"), ("f-b", "s-2"), ("f-c", "s-1")] {
            index
                .by_record
                .insert(record.into(), vec![sources.to_string()]);
        }
        index
    }

    #[test]
    fn file_names_are_the_chart_id_and_the_locale() {
        assert_eq!(
            file_name(ChartId::InitiativeGrowth, Locale::Az, "png"),
            "initiative-growth-az.png"
        );
        assert_eq!(
            file_name(ChartId::EmissionsTargets, Locale::En, "csv"),
            "emissions-targets-en.csv"
        );
    }

    #[test]
    fn every_point_is_a_row_with_its_target() {
        let rows = rows(&lines());
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[2].target,
            Some(Target::Point {
                panel: 0,
                series: 1,
                index: 0
            })
        );
        assert_eq!(rows[2].group_id, "countries");
        assert_eq!(rows[1].value.map(|v| v.value), Some(40.0));
    }

    #[test]
    fn csv_has_a_line_per_row_and_quotes_the_words() {
        let csv = to_csv(&lines(), Locale::En, &index());
        let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
        assert_eq!(lines.len(), 1 + 3);
        assert_eq!(lines[0], CSV_HEADER.join(","));
        assert_eq!(
            lines[1],
            "initiative-growth,clusters,\"clusters, en\",,2021-11,4,clusters,exact,high,f-a,s-1"
        );
    }

    #[test]
    fn csv_defuses_text_a_spreadsheet_would_run() {
        let mut chart = lines();
        if let ChartBody::Lines(l) = &mut chart.body {
            l.panels[0].series[0].label = Text::new("=SUM(A1)", "=SUM(A1)");
        }
        assert!(to_csv(&chart, Locale::Az, &index()).contains(",'=SUM(A1),"));
    }

    #[test]
    fn json_groups_values_by_series_with_their_sources() {
        let sources = vec![Source {
            id: "s-1".into(),
            title: "Report".into(),
            publisher: "WEF".into(),
            url: "https://example.org".into(),
            published: None,
            accessed: None,
            language: "en".into(),
            title_language: None,
            note: None,
        }];
        let text = to_json(&lines(), Locale::Az, &index(), &sources);
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["chart"], "initiative-growth");
        assert_eq!(value["locale"], "az");
        assert_eq!(value["series"].as_array().unwrap().len(), 2);
        assert_eq!(value["series"][0]["label"], "clusters az");
        assert_eq!(value["series"][0]["values"][1]["figure_ids"][0], "f-b");
        assert_eq!(value["series"][0]["values"][1]["sources"][0], "s-2");
        assert_eq!(value["series"][0]["values"][0]["confidence"], "high");
        // s-2 is not in the list of sources given, so only s-1 is described.
        assert_eq!(value["sources"].as_array().unwrap().len(), 1);
    }

    #[test]
    fn a_rule_summed_from_several_figures_is_derived() {
        let bar = Bar {
            label: Text::new("a", "a"),
            detail: None,
            value: 1.0,
            unit: Unit::Tonnes,
            qualifier: Qualifier::Exact,
            confidence: Confidence::Medium,
            figure_ids: vec!["f-a".into()],
            highlight: false,
        };
        let chart = ChartData {
            spec: spec(ChartId::PolymerOutput),
            body: ChartBody::Bars(BarChart {
                bars: vec![bar],
                references: vec![ReferenceLine {
                    value: 3.0,
                    unit: Unit::Tonnes,
                    label: Text::new("b", "b"),
                    figure_ids: vec!["f-b".into(), "f-c".into()],
                }],
            }),
        };
        let rows = rows(&chart);
        assert_eq!(rows[0].target, Some(Target::Bar(0)));
        assert_eq!(rows[1].target, None);
        assert_eq!(rows[1].confidence, Some(Confidence::Derived));
        assert_eq!(rows[1].sources(&index()), vec!["s-2", "s-1"]);
    }
}
