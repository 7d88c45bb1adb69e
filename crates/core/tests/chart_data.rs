//! The chart catalog on the real, shipped data package: every chart extracts, every
//! value is a figure of the package (or is marked as worked out), measures are never
//! mixed in one series, and the geometry finds what it drew.

mod common;
use common::shipped_resources;
use klaster_core::charts::describe::describe;
use klaster_core::charts::hit::{position, record_ids, step, target_at, Step, Target};
use klaster_core::charts::layout::{
    BodyLayout, ChartLayout, MapLayout, Rect, TextLine, TimelineLayout,
};
use klaster_core::charts::model::{
    BarChart, ChartBody, ChartData, LineChart, MapChart, TimelineChart,
};
use klaster_core::charts::{catalog, extract, ChartId, ParkTopic};
use klaster_core::figure::{Confidence, Unit};
use klaster_core::registry::{Resource, Resources};
use klaster_core::resources::{
    latest_initiative_figure, Accession, ClimateContext, ClimateMetric, ClusterRegistry,
    IndustrialPark, InitiativeMetric, Milestone, MilestoneKind, NextGenCluster, ResourceName,
};
use klaster_core::text::Locale;
use std::collections::HashMap;

/// One resource of the shipped package, which has them all.
fn part<R: Resource>(package: &Resources) -> &R {
    package
        .get()
        .expect("the shipped package has every resource")
}

/// What the package says about each figure: value, unit and metric (as its JSON name).
struct Known {
    value: f64,
    unit: Unit,
    metric: String,
}

fn known_figures(package: &Resources) -> HashMap<String, Known> {
    fn name<M: serde::Serialize>(metric: &M) -> String {
        serde_json::to_string(metric).unwrap_or_default()
    }
    let mut all = HashMap::new();
    let mut add = |id: &str, value: f64, unit: Unit, metric: String| {
        all.insert(
            id.to_string(),
            Known {
                value,
                unit,
                metric,
            },
        );
    };
    for m in part::<Vec<Milestone>>(package) {
        for f in &m.figures {
            add(&f.id, f.value, f.unit, name(&f.metric));
        }
    }
    for p in &part::<NextGenCluster>(package).partners {
        for f in &p.figures {
            add(&f.id, f.value, f.unit, name(&f.metric));
        }
    }
    for f in &part::<IndustrialPark>(package).figures {
        add(&f.id, f.value, f.unit, name(&f.metric));
    }
    for f in &part::<ClimateContext>(package).figures {
        add(&f.id, f.value, f.unit, name(&f.metric));
    }
    for t in &part::<ClimateContext>(package).targets {
        add(
            &t.figure.id,
            t.figure.value,
            t.figure.unit,
            name(&t.figure.metric),
        );
    }
    all
}

fn all_charts(package: &Resources) -> Vec<ChartData> {
    ChartId::ALL
        .iter()
        .map(|id| extract(*id, package).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

fn lines(chart: &ChartData) -> &LineChart {
    match &chart.body {
        ChartBody::Lines(lines) => lines,
        _ => panic!("{} is not a line chart", chart.spec.id),
    }
}

fn bars(chart: &ChartData) -> &BarChart {
    match &chart.body {
        ChartBody::Bars(bars) => bars,
        _ => panic!("{} is not a bar chart", chart.spec.id),
    }
}

fn timeline(chart: &ChartData) -> &TimelineChart {
    match &chart.body {
        ChartBody::Timeline(timeline) => timeline,
        _ => panic!("{} is not a timeline", chart.spec.id),
    }
}

fn map(chart: &ChartData) -> &MapChart {
    match &chart.body {
        ChartBody::Map(map) => map,
        _ => panic!("{} is not a map", chart.spec.id),
    }
}

fn timeline_layout(layout: &ChartLayout) -> &TimelineLayout {
    match &layout.body {
        BodyLayout::Timeline(timeline) => timeline,
        _ => panic!("not a timeline layout"),
    }
}

fn map_layout(layout: &ChartLayout) -> &MapLayout {
    match &layout.body {
        BodyLayout::Map(map) => map,
        _ => panic!("not a map layout"),
    }
}

/// `value` in `unit` expressed in `target`, for the conversions charts make.
fn converted(value: f64, unit: Unit, target: Unit) -> Option<f64> {
    match (unit, target) {
        (a, b) if a == b => Some(value),
        (Unit::KtCo2e, Unit::MtCo2e) => Some(value / 1000.0),
        _ => None,
    }
}

#[test]
fn every_chart_reads_exactly_the_resources_its_row_lists() {
    let package = shipped_resources();
    for entry in catalog() {
        entry
            .check_needs(&package)
            .unwrap_or_else(|e| panic!("{e}"));
    }
}

#[test]
fn the_needs_check_fails_on_a_row_that_lists_too_few_or_too_many() {
    let package = shipped_resources();
    let mut entry = ChartId::NextgenCapacities.entry();
    entry.needs = &[ResourceName::Nextgen, ResourceName::Sources];
    let error = entry.check_needs(&package).unwrap_err();
    assert!(error.contains("does not list"), "{error}");
    entry.needs = &[
        ResourceName::Nextgen,
        ResourceName::Accession,
        ResourceName::Glossary,
        ResourceName::Sources,
    ];
    let error = entry.check_needs(&package).unwrap_err();
    assert!(error.contains("lists glossary"), "{error}");
}

#[test]
fn every_chart_is_of_the_kind_its_row_says() {
    let package = shipped_resources();
    for entry in catalog() {
        let chart = extract(entry.chart, &package).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(chart.body.kind(), entry.kind, "{}", entry.id);
        assert_eq!(chart.spec.id, entry.chart);
    }
}

#[test]
fn a_chart_given_too_few_resources_names_the_missing_one() {
    let package = shipped_resources();
    let only_sources = package.only(&[ResourceName::Sources]);
    let error = extract(ChartId::MemberMap, &only_sources).unwrap_err();
    assert_eq!(error.missing(), Some(ResourceName::Clusters));
    assert_eq!(
        error.to_string(),
        "chart member-map: the resource 'clusters' is missing"
    );
}

#[test]
fn every_chart_of_the_catalog_extracts_from_the_shipped_package() {
    let package = shipped_resources();
    for chart in all_charts(&package) {
        assert!(!chart.is_empty(), "{} is empty", chart.spec.id);
        assert!(
            chart.spec.as_of.is_some(),
            "{} has no as-of date",
            chart.spec.id
        );
        for locale in Locale::ALL {
            assert!(!chart.spec.title.get(locale).is_empty());
            assert!(
                chart.spec.source.get(locale).len() > 12,
                "{} names no source",
                chart.spec.id
            );
        }
    }
}

#[test]
fn every_value_is_a_figure_of_the_package_or_marked_as_worked_out() {
    let package = shipped_resources();
    let known = known_figures(&package);
    for chart in all_charts(&package) {
        match &chart.body {
            ChartBody::Lines(lines) => {
                for series in lines.panels.iter().flat_map(|p| &p.series) {
                    for point in &series.points {
                        let figure = known
                            .get(&point.figure_id)
                            .unwrap_or_else(|| panic!("{} is no figure", point.figure_id));
                        if point.confidence == Confidence::Derived
                            && converted(figure.value, figure.unit, series.unit).is_none()
                        {
                            continue; // a level worked out from the figure, checked below
                        }
                        let expected = converted(figure.value, figure.unit, series.unit)
                            .unwrap_or_else(|| panic!("{} has another unit", point.figure_id));
                        assert!(
                            (point.y - expected).abs() < 1e-9,
                            "{}: {} drawn as {}",
                            point.figure_id,
                            expected,
                            point.y
                        );
                    }
                }
            }
            ChartBody::Bars(bars) => {
                for bar in &bars.bars {
                    if bar.figure_ids.len() == 1 {
                        if let Some(figure) = known.get(&bar.figure_ids[0]) {
                            assert_eq!(bar.value, figure.value);
                            assert_eq!(bar.unit, figure.unit);
                        }
                    }
                }
            }
            // Events and counts of records are checked by their own tests below.
            ChartBody::Timeline(_) | ChartBody::Map(_) => {}
        }
    }
}

#[test]
fn no_series_mixes_measures_or_units() {
    let package = shipped_resources();
    let known = known_figures(&package);
    for chart in all_charts(&package) {
        let ChartBody::Lines(lines) = &chart.body else {
            continue;
        };
        for series in lines.panels.iter().flat_map(|p| &p.series) {
            let metrics: Vec<&str> = series
                .points
                .iter()
                .filter_map(|p| known.get(&p.figure_id))
                .map(|f| f.metric.as_str())
                .collect();
            assert!(
                metrics.windows(2).all(|w| w[0] == w[1]),
                "{} / {} mixes {metrics:?}",
                chart.spec.id,
                series.id
            );
            for point in series
                .points
                .iter()
                .filter(|p| p.confidence != Confidence::Derived)
            {
                let unit = known[&point.figure_id].unit;
                assert!(
                    converted(1.0, unit, series.unit).is_some(),
                    "{} / {} draws {unit:?} on a {:?} axis",
                    chart.spec.id,
                    series.id,
                    series.unit
                );
            }
            assert!(
                series.points.windows(2).all(|w| w[0].x <= w[1].x),
                "{} / {} is not in time order",
                chart.spec.id,
                series.id
            );
        }
    }
}

#[test]
fn growth_ends_at_the_latest_counts_and_marks_azerbaijans_accession() {
    let package = shipped_resources();
    let chart = extract(ChartId::InitiativeGrowth, &package).unwrap();
    let panel = &lines(&chart).panels[0];
    for (series, metric) in panel
        .series
        .iter()
        .zip([InitiativeMetric::Clusters, InitiativeMetric::Countries])
    {
        let latest = latest_initiative_figure(part::<Vec<Milestone>>(&package), metric).unwrap();
        assert_eq!(series.points.last().map(|p| p.y), Some(latest.value));
    }
    let accession = part::<Vec<Milestone>>(&package)
        .iter()
        .find(|m| m.kind == MilestoneKind::Accession)
        .unwrap();
    assert_eq!(panel.annotations.len(), 1);
    assert_eq!(panel.annotations[0].x, accession.date.as_fractional_year());
    assert!(panel.annotations[0].label.en.contains("Azerbaijan joins"));
    assert!(panel.annotations[0].label.az.contains("Azərbaycan qoşulur"));
}

#[test]
fn the_two_co2_measures_are_separate_series_and_the_change_is_marked() {
    let package = shipped_resources();
    let known = known_figures(&package);
    let chart = extract(ChartId::InitiativeMetrics, &package).unwrap();
    let co2 = &lines(&chart).panels[0];
    assert_eq!(co2.series.len(), 2);
    let metric_of = |i: usize| &known[&co2.series[i].points[0].figure_id].metric;
    assert_eq!(metric_of(0), "\"co2_emissions\"");
    assert_eq!(metric_of(1), "\"co2e_reduction_potential\"");
    let last_old = co2.series[0]
        .points
        .iter()
        .map(|p| p.x)
        .fold(f64::MIN, f64::max);
    let first_new = co2.series[1].points[0].x;
    assert!(last_old < first_new, "the measures overlap in time");
    assert_eq!(co2.annotations.len(), 1);
    assert_eq!(co2.annotations[0].x, first_new);
}

#[test]
fn named_and_unnamed_members_add_up_to_the_latest_count() {
    let package = shipped_resources();
    let chart = extract(ChartId::MembersByCountry, &package).unwrap();
    let bars = bars(&chart);
    let named: f64 = bars.bars.iter().map(|b| b.value).sum();
    let unnamed: u32 = part::<ClusterRegistry>(&package)
        .unidentified
        .iter()
        .map(|u| u.count)
        .sum();
    let latest =
        latest_initiative_figure(part::<Vec<Milestone>>(&package), InitiativeMetric::Clusters)
            .unwrap();
    assert_eq!(named + f64::from(unnamed), latest.value);
    let highlighted: Vec<_> = bars.bars.iter().filter(|b| b.highlight).collect();
    assert_eq!(highlighted.len(), 1);
    assert_eq!(highlighted[0].label.en, "Azerbaijan");
    assert!(
        bars.bars.windows(2).all(|w| w[0].value >= w[1].value),
        "most members first"
    );
    assert!(chart.spec.notes[0].en.contains(&unnamed.to_string()));
}

#[test]
fn capacities_are_the_plants_published_capacities_in_tonnes_a_year() {
    let package = shipped_resources();
    let chart = extract(ChartId::NextgenCapacities, &package).unwrap();
    let bars = bars(&chart);
    assert_eq!(bars.bars.len(), 3);
    assert!(bars.bars.iter().all(|b| b.unit == Unit::TonnesPerYear));
    assert!(
        bars.bars.iter().all(|b| b.detail.is_some()),
        "each names its company"
    );
}

#[test]
fn polymer_capacity_rule_is_the_sum_of_its_plants() {
    let package = shipped_resources();
    let known = known_figures(&package);
    let chart = extract(ChartId::PolymerOutput, &package).unwrap();
    let bars = bars(&chart);
    let reference = &bars.references[0];
    let sum: f64 = reference.figure_ids.iter().map(|id| known[id].value).sum();
    assert_eq!(reference.figure_ids.len(), 2);
    assert_eq!(reference.value, sum);
    assert!(bars
        .bars
        .iter()
        .any(|b| b.confidence == Confidence::Derived));
}

#[test]
fn park_investment_keeps_each_currency_in_its_own_panel() {
    let package = shipped_resources();
    let chart = extract(ChartId::Park(ParkTopic::Investment), &package).unwrap();
    let lines = lines(&chart);
    assert!(lines.panels.len() >= 2);
    for panel in &lines.panels {
        assert!(panel.unit().is_some(), "a panel mixes currencies");
        assert!(panel.title.is_some(), "the currency is named");
    }
}

#[test]
fn every_park_topic_shows_one_unit() {
    let package = shipped_resources();
    for topic in [
        ParkTopic::Residents,
        ParkTopic::Jobs,
        ParkTopic::Sales,
        ParkTopic::Exports,
    ] {
        let chart = extract(ChartId::Park(topic), &package).unwrap();
        let lines = lines(&chart);
        assert_eq!(lines.panels.len(), 1, "{topic:?}");
        assert_eq!(lines.panels[0].series.len(), 1, "{topic:?}");
    }
}

#[test]
fn target_levels_are_cuts_from_the_base_year_level() {
    let package = shipped_resources();
    let chart = extract(ChartId::EmissionsTargets, &package).unwrap();
    let panel = &lines(&chart).panels[0];
    let targets: Vec<_> = panel
        .series
        .iter()
        .filter(|s| s.id.contains("targets"))
        .flat_map(|s| &s.points)
        .collect();
    assert_eq!(
        targets.len(),
        part::<ClimateContext>(&package).targets.len()
    );
    for point in targets {
        let target = part::<ClimateContext>(&package)
            .targets
            .iter()
            .find(|t| t.figure.id == point.figure_id)
            .unwrap();
        // The published level (the State Statistics Committee's, for 1990), not the
        // one the portal works out, when the package has both.
        let base = part::<ClimateContext>(&package)
            .figures
            .iter()
            .find(|f| f.as_of.year == target.base_year && f.metric == ClimateMetric::GhgEmissions)
            .unwrap();
        let expected = base.value * (1.0 + target.figure.value / 100.0);
        assert!((point.y - expected).abs() < 1e-9);
        assert_eq!(point.confidence, Confidence::Derived);
        assert_eq!(point.date.year, target.target_year);
        assert!(point.label.is_some());
    }
}

#[test]
fn every_chart_is_described_in_both_languages() {
    let package = shipped_resources();
    for chart in all_charts(&package) {
        let az = describe(&chart, Locale::Az);
        let en = describe(&chart, Locale::En);
        assert!(!en.is_empty() && en.len() == az.len(), "{}", chart.spec.id);
        for (a, e) in az.iter().zip(&en) {
            assert!(!a.trim().is_empty() && !e.trim().is_empty());
            assert_ne!(a, e);
        }
    }
    let growth = extract(ChartId::InitiativeGrowth, &package).unwrap();
    let latest =
        latest_initiative_figure(part::<Vec<Milestone>>(&package), InitiativeMetric::Clusters)
            .unwrap();
    let text = describe(&growth, Locale::En).join(" ");
    assert!(
        text.contains(&format!(
            "the last figure found is {} clusters",
            latest.value
        )),
        "{text}"
    );
}

fn text_fits(line: &TextLine, width: f64) -> bool {
    let bounds = line.bounds();
    bounds.x >= -0.5 && bounds.right() <= width + 0.5
}

#[test]
fn every_text_stays_on_the_canvas() {
    let package = shipped_resources();
    for chart in all_charts(&package) {
        for locale in Locale::ALL {
            let layout = ChartLayout::new(&chart, locale, 800.0, 450.0);
            let mut texts: Vec<&TextLine> = layout.header.iter().chain(&layout.footer).collect();
            texts.extend(layout.legend.iter().map(|e| &e.label));
            match &layout.body {
                BodyLayout::Lines(panels) => {
                    for p in panels {
                        assert!(p.plot.w > 100.0 && p.plot.h > 100.0, "{}", chart.spec.id);
                        texts.extend(p.heading.iter().chain(&p.y_labels).chain(&p.x_labels));
                        texts.extend(p.annotations.iter().flat_map(|a| &a.lines));
                        texts.extend(&p.point_labels);
                    }
                }
                BodyLayout::Bars(bars) => {
                    assert!(
                        bars.plot.w > 100.0 && bars.plot.h > 100.0,
                        "{}",
                        chart.spec.id
                    );
                    texts.extend(bars.rows.iter().flat_map(|r| &r.label));
                    texts.extend(bars.references.iter().map(|r| &r.label));
                }
                BodyLayout::Timeline(timeline) => {
                    assert!(timeline.plot.w > 100.0 && timeline.plot.h > 100.0);
                    texts.extend(&timeline.tick_labels);
                    texts.extend(timeline.key_date.iter().map(|(_, label)| label));
                    texts.extend(timeline.events.iter().flat_map(|e| &e.label));
                }
                BodyLayout::Map(map) => {
                    assert!(map.frame.w > 300.0 && map.frame.h > 100.0);
                    texts.extend(map.badges.iter().map(|b| &b.text));
                    texts.extend(map.badges.iter().filter_map(|b| b.name.as_ref()));
                }
            }
            for line in texts {
                assert!(
                    text_fits(line, 800.0) && line.y >= 0.0 && line.y < 450.0,
                    "{} ({}): '{}' runs off the canvas",
                    chart.spec.id,
                    locale.tag(),
                    line.text
                );
            }
        }
    }
}

#[test]
fn the_pointer_finds_every_point_where_it_is_drawn() {
    let package = shipped_resources();
    for chart in all_charts(&package) {
        let layout = ChartLayout::new(&chart, Locale::En, 800.0, 450.0);
        let mut target = step(&chart, None, Step::First);
        let mut seen = 0;
        while let Some(current) = target {
            let (x, y) = position(&chart, &layout, current).expect("a drawn value");
            let found = target_at(&chart, &layout, x + 1.0, y - 1.0);
            // Two values drawn on one pixel are the same to a pointer.
            let found_at = found.and_then(|f| position(&chart, &layout, f));
            assert_eq!(
                found_at.map(|(fx, fy)| ((fx - x).abs() < 1.0, (fy - y).abs() < 1.0)),
                Some((true, true))
            );
            seen += 1;
            let next = step(&chart, Some(current), Step::Next);
            target = if next == Some(current) {
                let series = step(&chart, Some(current), Step::NextSeries);
                match (series, current) {
                    (
                        Some(Target::Point {
                            panel, series: s, ..
                        }),
                        Target::Point {
                            panel: p0,
                            series: s0,
                            ..
                        },
                    ) if (panel, s) != (p0, s0) => step(&chart, series, Step::First),
                    _ => None,
                }
            } else {
                next
            };
        }
        assert!(seen > 0, "{}", chart.spec.id);
    }
}

#[test]
fn the_timeline_shows_every_accession_event_once_in_time_order() {
    let package = shipped_resources();
    let chart = extract(ChartId::AccessionTimeline, &package).unwrap();
    let events = &timeline(&chart).events;
    let mut drawn: Vec<&str> = events.iter().map(|e| e.event_id.as_str()).collect();
    let mut published: Vec<&str> = part::<Accession>(&package)
        .events
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    drawn.sort_unstable();
    published.sort_unstable();
    assert_eq!(drawn, published);
    assert!(events.windows(2).all(|w| w[0].x <= w[1].x));
    for event in events {
        let source = part::<Accession>(&package)
            .events
            .iter()
            .find(|e| e.id == event.event_id)
            .unwrap();
        assert_eq!(event.label, source.title);
        assert_eq!(
            (event.date, event.end, event.kind),
            (source.date, source.end, source.kind)
        );
        assert_eq!(
            event.x_end.is_some(),
            source.end.is_some(),
            "a range is a span"
        );
    }
}

#[test]
fn the_timeline_emphasises_the_letter_of_intent_and_the_announcement() {
    let package = shipped_resources();
    let chart = extract(ChartId::AccessionTimeline, &package).unwrap();
    let timeline = timeline(&chart);
    let mut key: Vec<&str> = timeline
        .events
        .iter()
        .filter(|e| e.key)
        .map(|e| e.event_id.as_str())
        .collect();
    key.sort_unstable();
    assert_eq!(key, vec!["accession-announced", "letter-of-intent-signed"]);
    let accession = part::<Vec<Milestone>>(&package)
        .iter()
        .find(|m| m.kind == MilestoneKind::Accession)
        .unwrap();
    assert_eq!(timeline.key_date, Some(accession.date));
    let en = describe(&chart, Locale::En).join(" ");
    assert!(
        en.starts_with(&format!("{} events, from ", timeline.events.len())),
        "{en}"
    );
    assert!(en.contains("Accession date: 23 January 2026."), "{en}");
    assert!(
        en.contains("The Letter of Intent is signed (January 2026)"),
        "{en}"
    );
    let az = describe(&chart, Locale::Az).join(" ");
    assert!(az.contains("Qoşulma tarixi: 23 yanvar 2026."), "{az}");
}

/// The words of a label's lines.
fn said(lines: &[TextLine]) -> String {
    lines
        .iter()
        .map(|l| l.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn timeline_labels_clear_every_label_marker_and_stem_in_both_languages() {
    let package = shipped_resources();
    let chart = extract(ChartId::AccessionTimeline, &package).unwrap();
    for locale in Locale::ALL {
        let layout = ChartLayout::new(&chart, locale, 800.0, 450.0);
        let events = &timeline_layout(&layout).events;
        let axis_y = timeline_layout(&layout).axis_y;
        for (i, a) in events.iter().enumerate() {
            assert!(a.at.1 < axis_y, "above the axis");
            for (j, b) in events.iter().enumerate().filter(|(j, _)| *j != i) {
                let marker = Rect {
                    x: b.at.0 - b.radius,
                    y: b.at.1 - b.radius,
                    w: 2.0 * b.radius,
                    h: 2.0 * b.radius,
                };
                let stem = Rect {
                    x: b.axis_x - 0.5,
                    y: b.at.1,
                    w: 1.0,
                    h: axis_y - b.at.1,
                };
                assert!(
                    !a.label_box.overlaps(&b.label_box),
                    "({}) '{}' overlaps '{}'",
                    locale.tag(),
                    said(&a.label),
                    said(&b.label)
                );
                assert!(
                    !a.label_box.overlaps(&marker) && !a.label_box.overlaps(&stem),
                    "({}) '{}' covers event {j}",
                    locale.tag(),
                    said(&a.label)
                );
            }
        }
    }
}

#[test]
fn the_map_counts_each_countrys_named_clusters() {
    let package = shipped_resources();
    let chart = extract(ChartId::MemberMap, &package).unwrap();
    let map = map(&chart);
    let by_country = extract(ChartId::MembersByCountry, &package).unwrap();
    assert_eq!(map.members.len(), bars(&by_country).bars.len());
    for member in &map.members {
        let named: Vec<&str> = part::<ClusterRegistry>(&package)
            .clusters
            .iter()
            .filter(|c| c.country == member.code)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(member.figure_ids, named, "{}", member.code);
        assert_eq!(member.value, named.len() as f64);
        assert!(map.classes[member.class].contains(member.value));
        let shape = member
            .shape
            .unwrap_or_else(|| panic!("{} is not drawn", member.code));
        assert_eq!(
            map.shapes[shape].member,
            map.members.iter().position(|m| m == member)
        );
    }
    let highlighted: Vec<_> = map.members.iter().filter(|m| m.highlight).collect();
    assert_eq!(highlighted.len(), 1);
    assert_eq!(highlighted[0].code, "AZ");
    assert!(map.latitudes.0 > -60.0, "Antarctica is left off");
    assert!(chart
        .spec
        .notes
        .iter()
        .any(|n| n.en.contains("Natural Earth")));
    let en = describe(&chart, Locale::En).join(" ");
    assert!(
        en.contains(&format!(
            "{} countries have at least one",
            map.members.len()
        )),
        "{en}"
    );
    assert!(en.contains("Azerbaijan: 1 cluster."), "{en}");
}

#[test]
fn map_badges_never_overlap_and_stay_on_the_map() {
    let package = shipped_resources();
    let chart = extract(ChartId::MemberMap, &package).unwrap();
    for locale in Locale::ALL {
        let layout = ChartLayout::new(&chart, locale, 800.0, 450.0);
        let map = map_layout(&layout);
        assert_eq!(map.badges.len(), self::map(&chart).members.len());
        for (i, a) in map.badges.iter().enumerate() {
            assert!(map.frame.contains(a.centre.0, a.centre.1));
            for b in &map.badges[i + 1..] {
                let distance = (a.centre.0 - b.centre.0).hypot(a.centre.1 - b.centre.1);
                assert!(
                    distance >= a.radius + b.radius,
                    "badges of members {} and {} overlap",
                    a.member,
                    b.member
                );
            }
        }
        let named = map.badges.iter().filter(|b| b.name.is_some()).count();
        assert_eq!(named, 1, "only the highlighted country is named");
    }
}

#[test]
fn the_pointer_names_the_records_of_events_and_countries() {
    let package = shipped_resources();
    let chart = extract(ChartId::AccessionTimeline, &package).unwrap();
    let layout = ChartLayout::new(&chart, Locale::En, 800.0, 450.0);
    for (i, event) in timeline(&chart).events.iter().enumerate() {
        let label = &timeline_layout(&layout).events[i].label_box;
        let on_label = target_at(
            &chart,
            &layout,
            label.x + label.w / 2.0,
            label.y + label.h / 2.0,
        );
        assert_eq!(on_label, Some(Target::Event(i)), "{}", event.event_id);
        assert_eq!(
            record_ids(&chart, Target::Event(i)),
            vec![event.event_id.as_str()]
        );
    }
    let chart = extract(ChartId::MemberMap, &package).unwrap();
    let layout = ChartLayout::new(&chart, Locale::En, 800.0, 450.0);
    let india = map(&chart)
        .members
        .iter()
        .position(|m| m.code == "IN")
        .unwrap();
    let (x, y) = (
        map_layout(&layout).x.map(78.0),
        map_layout(&layout).y.map(22.0),
    );
    assert_eq!(
        target_at(&chart, &layout, x, y),
        Some(Target::Country(india)),
        "on India's land"
    );
    assert_eq!(record_ids(&chart, Target::Country(india)).len(), 5);
    let (x, y) = (
        map_layout(&layout).x.map(-40.0),
        map_layout(&layout).y.map(-30.0),
    );
    assert_eq!(
        target_at(&chart, &layout, x, y),
        None,
        "in the South Atlantic"
    );
}

#[test]
fn point_labels_never_cover_each_other_even_on_a_narrow_phone() {
    let package = shipped_resources();
    for chart in all_charts(&package) {
        for locale in Locale::ALL {
            for width in [300.0, 360.0, 800.0] {
                let layout = ChartLayout::new(&chart, locale, width, 450.0);
                let BodyLayout::Lines(panels) = &layout.body else {
                    continue;
                };
                for panel in panels {
                    let bounds: Vec<Rect> =
                        panel.point_labels.iter().map(TextLine::bounds).collect();
                    for (i, a) in bounds.iter().enumerate() {
                        for b in &bounds[i + 1..] {
                            assert!(
                                !a.overlaps(b),
                                "{} ({}) at {width}px: {a:?} covers {b:?}",
                                chart.spec.id,
                                locale.tag()
                            );
                        }
                    }
                }
            }
        }
    }
}
