//! The figures of a run, flat and keyed (`home.load.brotli`, `embed.lighthouse.lcp`,
//! `synthetic.10000.redraw`), each with its unit, picked out of the browser half's raw
//! JSON and the size accounting; beside them, a clause of evidence for the figures a
//! budget checks (what is largest, which element, which task), and why a section has
//! no figures.

use std::collections::BTreeMap;

use serde_json::Value;

use super::first_load::{Phase, Visit};
use super::stats;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Bytes,
    Ms,
    Score,
    Cls,
    Count,
}

impl Unit {
    /// The figure as the report shows it (1 kB = 1000 bytes).
    pub fn show(self, value: f64) -> String {
        match self {
            Unit::Bytes => format!("{:.1} kB", value / 1000.0),
            Unit::Ms if value.abs() >= 1000.0 => format!("{:.2} s", value / 1000.0),
            Unit::Ms => format!("{value:.1} ms"),
            Unit::Score | Unit::Count => format!("{value:.0}"),
            Unit::Cls => format!("{value:.3}"),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    pub values: BTreeMap<String, (f64, Unit)>,
    /// Per figure key: why it is what it is, as a clause.
    pub evidence: BTreeMap<String, String>,
    /// Per key prefix (a page, a section): why its figures are missing.
    pub unmeasured: BTreeMap<String, String>,
}

impl Figures {
    pub fn set(&mut self, key: &str, unit: Unit, value: f64) {
        if value.is_finite() {
            self.values.insert(key.to_string(), (value, unit));
        }
    }

    pub fn set_some(&mut self, key: &str, unit: Unit, value: Option<f64>) {
        if let Some(value) = value {
            self.set(key, unit, value);
        }
    }

    pub fn get(&self, key: &str) -> Option<f64> {
        self.values.get(key).map(|(v, _)| *v)
    }

    /// The figure as the report shows it, or `–`.
    pub fn show(&self, key: &str) -> String {
        self.values.get(key).map_or("–".into(), |(v, u)| u.show(*v))
    }

    pub fn explain(&mut self, key: &str, evidence: &str) {
        self.evidence.insert(key.to_string(), evidence.to_string());
    }

    pub fn unmeasured(&mut self, prefix: &str, why: &str) {
        self.unmeasured.insert(prefix.to_string(), first_line(why));
    }

    /// Why `key` has no figure: the reason recorded for its longest prefix.
    pub fn missing(&self, key: &str) -> String {
        let why = self
            .unmeasured
            .iter()
            .filter(|(prefix, _)| {
                prefix.is_empty() || key == *prefix || key.starts_with(&format!("{prefix}."))
            })
            .max_by_key(|(prefix, _)| prefix.len())
            .map_or("the browser half wrote no figure", |(_, why)| why);
        format!("not measured: {why}")
    }
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or(text).trim().to_string()
}

/// A section of the browser half's JSON, or the error it recorded for it.
pub fn section(value: &Value) -> Result<&Value, String> {
    match value.get("error").and_then(Value::as_str) {
        Some(error) => Err(first_line(error)),
        None if value.is_null() => Err("not run".into()),
        None => Ok(value),
    }
}

pub fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

/// A URL without its origin and query, for evidence: `http://h:1/en/?x` → `en/`.
fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.splitn(4, '/')
        .nth(3)
        .filter(|_| path.contains("://"))
        .unwrap_or(path)
}

fn list_files(files: &[(String, u64)]) -> String {
    let parts: Vec<String> = files
        .iter()
        .map(|(f, b)| format!("{f} ({})", Unit::Bytes.show(*b as f64)))
        .collect();
    parts.join(", ")
}

/// A page's sizes: the first load, and everything once its charts woke (every chart
/// scrolled to, or the embed's first hover).
pub fn sizes(figures: &mut Figures, key: &str, visit: &Visit, woken_at_load: u64) {
    let load = visit.totals(&[Phase::Load]);
    let full = visit.totals(&[Phase::Load, Phase::More]);
    for (phase, t) in [("load", load), ("full", full)] {
        let count = t.requests as u64;
        for (name, unit, value) in [
            ("requests", Unit::Count, count),
            ("raw", Unit::Bytes, t.raw),
            ("gzip", Unit::Bytes, t.gzip),
            ("brotli", Unit::Bytes, t.brotli),
        ] {
            figures.set(&format!("{key}.{phase}.{name}"), unit, value as f64);
        }
    }
    let islands = format!("{key}.load.islands");
    figures.set(&islands, Unit::Count, woken_at_load as f64);
    let mut load_why = format!(
        "the largest requests are {}",
        list_files(&visit.largest(&[Phase::Load], 3))
    );
    if woken_at_load > 0 {
        load_why += &format!(
            ", and {woken_at_load} island(s) woke during the load (the portal wakes a chart within 400 px of the viewport)"
        );
    }
    figures.explain(&format!("{key}.load.brotli"), &load_why);
    figures.explain(
        &format!("{key}.full.brotli"),
        &format!(
            "the largest requests are {}",
            list_files(&visit.largest(&[Phase::Load, Phase::More], 3))
        ),
    );
}

/// What the service worker fetches to install: its files, and the bytes it received
/// (revalidating a file the browser has costs only headers).
pub fn service_worker(figures: &mut Figures, visit: &Visit) {
    let totals = visit.totals(&[Phase::ServiceWorker]);
    figures.set("sw.requests", Unit::Count, totals.requests as f64);
    figures.set("sw.brotli", Unit::Bytes, totals.brotli as f64);
    figures.set("sw.transferred", Unit::Bytes, totals.transferred as f64);
}

/// A page's memory after the full visit, and the evidence from its own unthrottled load
/// for Lighthouse's LCP and CLS: the largest paint's element, the layout shifts.
pub fn page_load(figures: &mut Figures, key: &str, page: &Value) {
    let memory = &page["memory"];
    figures.set_some(
        &format!("{key}.memory.js_heap"),
        Unit::Bytes,
        memory["jsHeapBytes"].as_f64(),
    );
    figures.set_some(
        &format!("{key}.memory.wasm"),
        Unit::Bytes,
        memory["wasmMemoryBytes"].as_f64(),
    );
    let shifts: Vec<String> = page["shifts"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|s| {
            let sources: Vec<&str> = s["sources"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            format!(
                "{} at {}: {}",
                Unit::Cls.show(s["value"].as_f64().unwrap_or(0.0)),
                Unit::Ms.show(s["ms"].as_f64().unwrap_or(0.0)),
                sources.join(", ")
            )
        })
        .collect();
    if !shifts.is_empty() {
        let key = format!("{key}.lighthouse.cls");
        figures.explain(
            &key,
            &format!(
                "the benchmark's own load saw a shift of {}",
                shifts.join("; ")
            ),
        );
    }
    if let Some(element) = page["lcp"]
        .as_array()
        .and_then(|l| l.last())
        .and_then(|c| c["element"].as_str())
    {
        figures.explain(
            &format!("{key}.lighthouse.lcp"),
            &format!("the largest paint is `{element}`"),
        );
    }
}

/// The run whose `metric` is the median (the lower middle of an even count).
fn median_run<'a>(runs: &'a [&'a Value], metric: &str) -> Option<&'a Value> {
    let mut ranked: Vec<&Value> = runs
        .iter()
        .copied()
        .filter(|r| r[metric].is_number())
        .collect();
    ranked.sort_by(|a, b| {
        a[metric]
            .as_f64()
            .unwrap_or(0.0)
            .total_cmp(&b[metric].as_f64().unwrap_or(0.0))
    });
    ranked.get(ranked.len().saturating_sub(1) / 2).copied()
}

/// A page's Lighthouse medians, with the evidence of the median runs.
pub fn lighthouse(figures: &mut Figures, key: &str, runs: &[Value]) {
    const METRICS: [(&str, Unit); 7] = [
        ("score", Unit::Score),
        ("fcp", Unit::Ms),
        ("lcp", Unit::Ms),
        ("tbt", Unit::Ms),
        ("cls", Unit::Cls),
        ("si", Unit::Ms),
        ("bytes", Unit::Bytes),
    ];
    let good: Vec<&Value> = runs.iter().filter(|r| r["error"].is_null()).collect();
    if good.is_empty() {
        let why = runs
            .iter()
            .find_map(|r| r["error"].as_str())
            .unwrap_or("no run finished");
        figures.unmeasured(&format!("{key}.lighthouse"), why);
        return;
    }
    for (metric, unit) in METRICS {
        let values: Vec<f64> = good.iter().filter_map(|r| r[metric].as_f64()).collect();
        figures.set_some(
            &format!("{key}.lighthouse.{metric}"),
            unit,
            stats::median(&values),
        );
    }
    if let Some(run) = median_run(&good, "score") {
        let weakest = run["metricScores"]
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(metric, score)| Some((metric.as_str(), score.as_f64()?)))
            .min_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((metric, score)) = weakest {
            let unit = METRICS
                .iter()
                .find(|(m, _)| *m == metric)
                .map_or(Unit::Ms, |(_, u)| *u);
            let value = run[metric].as_f64().unwrap_or(0.0);
            figures.explain(
                &format!("{key}.lighthouse.score"),
                &format!(
                    "its weakest metric is {} {} (metric score {score:.2})",
                    metric.to_uppercase(),
                    unit.show(value)
                ),
            );
        }
    }
    if let Some(run) = median_run(&good, "tbt") {
        let tasks: Vec<String> = run["longTasks"]
            .as_array()
            .into_iter()
            .flatten()
            .take(3)
            .map(|t| {
                format!(
                    "{} {}",
                    file_name(t["url"].as_str().unwrap_or("?")),
                    Unit::Ms.show(t["ms"].as_f64().unwrap_or(0.0))
                )
            })
            .collect();
        if !tasks.is_empty() {
            figures.explain(
                &format!("{key}.lighthouse.tbt"),
                &format!(
                    "the longest tasks on the simulated phone are {}",
                    tasks.join(", ")
                ),
            );
        }
    }
}

/// The longest task while interacting, per run; the figure is the median run's.
pub fn interaction(figures: &mut Figures, runs: &[Value]) {
    let mut longest: Vec<(f64, String)> = Vec::new();
    for run in runs {
        match section(run) {
            Err(error) => {
                figures.unmeasured("interaction", &error);
            }
            Ok(run) => {
                let phases = numbers_by_phase(run);
                let (ms, phase) = phases
                    .into_iter()
                    .filter(|(phase, _)| !matches!(phase.as_str(), "load" | "between" | "end"))
                    .map(|(phase, ms)| (ms, phase))
                    .max_by(|a, b| a.0.total_cmp(&b.0))
                    .unwrap_or((0.0, String::new()));
                longest.push((ms, phase));
            }
        }
    }
    longest.sort_by(|a, b| a.0.total_cmp(&b.0));
    if let Some((ms, phase)) = longest
        .get(longest.len().saturating_sub(1) / 2)
        .filter(|_| !longest.is_empty())
    {
        figures.set("interaction.longest_task", Unit::Ms, *ms);
        let all: Vec<String> = longest.iter().map(|(ms, _)| Unit::Ms.show(*ms)).collect();
        figures.explain(
            "interaction.longest_task",
            &format!(
                "the median run's longest task came while `{phase}` (runs: {})",
                all.join(", ")
            ),
        );
    }
}

/// `(phase, duration)` of every long task of an interaction run.
fn numbers_by_phase(run: &Value) -> Vec<(String, f64)> {
    run["tasks"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|t| Some((t["phase"].as_str()?.to_string(), t["ms"].as_f64()?)))
        .collect()
}

/// An embed on slow 4G: first pointer-over to the chart going live and to its first
/// tooltip, medians of the runs.
pub fn tooltip(figures: &mut Figures, key: &str, value: &Value) {
    let runs: Vec<&Value> = value["runs"].as_array().into_iter().flatten().collect();
    for (figure, field) in [("tooltip.live", "liveMs"), ("tooltip.first", "tooltipMs")] {
        let values: Vec<f64> = runs.iter().filter_map(|r| r[field].as_f64()).collect();
        figures.set_some(&format!("{key}.{figure}"), Unit::Ms, stats::median(&values));
    }
    let shown = runs
        .iter()
        .filter(|r| r["tooltipShown"] == Value::Bool(true))
        .count();
    figures.set(
        &format!("{key}.tooltip.runs_shown"),
        Unit::Count,
        shown as f64,
    );
}

/// Per chart: its first paint and the median and 95th percentile of its repaints.
pub fn paints(figures: &mut Figures, page: &Value) {
    for chart in page["charts"].as_array().into_iter().flatten() {
        let id = chart["id"].as_str().unwrap_or("?");
        figures.set_some(
            &format!("paint.{id}.first"),
            Unit::Ms,
            chart["firstMs"].as_f64(),
        );
        let repaints = numbers(&chart["repaintsMs"]);
        figures.set_some(
            &format!("paint.{id}.repaint"),
            Unit::Ms,
            stats::median(&repaints),
        );
        figures.set_some(
            &format!("paint.{id}.repaint_p95"),
            Unit::Ms,
            stats::p95(&repaints),
        );
    }
}

/// Per synthetic series size: the first draw, and the redraws' median and 95th percentile.
pub fn synthetic(figures: &mut Figures, series: &Value) {
    for (points, s) in series.as_object().into_iter().flatten() {
        figures.set_some(
            &format!("synthetic.{points}.first"),
            Unit::Ms,
            s["firstMs"].as_f64(),
        );
        let redraws = numbers(&s["redrawMs"]);
        let key = format!("synthetic.{points}.redraw");
        figures.set_some(&key, Unit::Ms, stats::median(&redraws));
        figures.set_some(&format!("{key}_p95"), Unit::Ms, stats::p95(&redraws));
    }
}

/// The data package checked in the browser (wasm) and natively: medians per step.
pub fn decode(figures: &mut Figures, place: &str, value: &Value) {
    figures.set_some("decode.files", Unit::Count, value["files"].as_f64());
    figures.set_some("decode.bytes", Unit::Bytes, value["bytes"].as_f64());
    for (step, field) in [
        ("hash", "hashMs"),
        ("parse", "parseMs"),
        ("validate", "validateMs"),
    ] {
        let key = format!("decode.{place}.{step}");
        figures.set_some(&key, Unit::Ms, stats::median(&numbers(&value[field])));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn units_read_in_kb_ms_and_scores() {
        assert_eq!(Unit::Bytes.show(149_999.0), "150.0 kB");
        assert_eq!(Unit::Ms.show(15.94), "15.9 ms");
        assert_eq!(Unit::Ms.show(2345.0), "2.35 s");
        assert_eq!(Unit::Score.show(97.0), "97");
        assert_eq!(Unit::Cls.show(0.10163), "0.102");
    }

    #[test]
    fn a_missing_figure_names_the_reason_of_its_section() {
        let mut figures = Figures::default();
        figures.unmeasured("home", "page crashed\nstack");
        figures.unmeasured("home.lighthouse", "no run finished");
        assert_eq!(
            figures.missing("home.load.brotli"),
            "not measured: page crashed"
        );
        assert_eq!(
            figures.missing("home.lighthouse.lcp"),
            "not measured: no run finished"
        );
        assert_eq!(
            figures.missing("homepage.x"),
            "not measured: the browser half wrote no figure"
        );
    }

    #[test]
    fn lighthouse_medians_and_the_evidence_of_the_median_runs() {
        let run = |score: f64, lcp: f64, tbt: f64, cls_score: f64| {
            json!({"error": null, "score": score, "fcp": 900.0, "lcp": lcp, "tbt": tbt, "cls": 0.1,
                   "si": 1000.0, "bytes": 20000.0,
                   "metricScores": {"fcp": 1.0, "lcp": 1.0, "tbt": 1.0, "cls": cls_score, "si": 1.0},
                   "longTasks": [{"url": "http://h/boot-1.js", "ms": 120.0}, {"url": "http://h/en/", "ms": 80.0}]})
        };
        let runs = [
            run(97.0, 1100.0, 30.0, 0.89),
            run(96.0, 1300.0, 60.0, 0.88),
            run(99.0, 1000.0, 10.0, 0.95),
            json!({"error": "page hung"}),
        ];
        let mut figures = Figures::default();
        lighthouse(&mut figures, "home", &runs);
        assert_eq!(figures.get("home.lighthouse.score"), Some(97.0));
        assert_eq!(figures.get("home.lighthouse.lcp"), Some(1100.0));
        assert_eq!(figures.get("home.lighthouse.tbt"), Some(30.0));
        assert_eq!(figures.get("home.lighthouse.bytes"), Some(20000.0));
        assert_eq!(
            figures.evidence["home.lighthouse.score"],
            "its weakest metric is CLS 0.100 (metric score 0.89)"
        );
        assert_eq!(
            figures.evidence["home.lighthouse.tbt"],
            "the longest tasks on the simulated phone are boot-1.js 120.0 ms, en/ 80.0 ms"
        );
    }

    #[test]
    fn the_interaction_figure_is_the_median_runs_longest_task_outside_loading() {
        let run = |tasks: Value| json!({"phases": [], "tasks": tasks});
        let runs = [
            run(json!([{"phase": "load", "ms": 300.0}, {"phase": "theme", "ms": 51.0}])),
            run(json!([{"phase": "hover chart-a", "ms": 70.0}])),
            run(json!([])),
        ];
        let mut figures = Figures::default();
        interaction(&mut figures, &runs);
        assert_eq!(figures.get("interaction.longest_task"), Some(51.0));
        assert_eq!(
            figures.evidence["interaction.longest_task"],
            "the median run's longest task came while `theme` (runs: 0.0 ms, 51.0 ms, 70.0 ms)"
        );
    }

    #[test]
    fn file_names_of_urls() {
        assert_eq!(
            file_name("http://h:1/klaster-1_bg.wasm?x=1"),
            "klaster-1_bg.wasm"
        );
        assert_eq!(file_name("http://h:1/en/initiative/"), "en/initiative/");
        assert_eq!(file_name("Unattributable"), "Unattributable");
    }
}
