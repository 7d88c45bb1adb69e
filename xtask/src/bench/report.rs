//! `docs/benchmarks.md` and `docs/benchmarks.json`: the budgets with a sentence per
//! missed one, then each page's figures beside the previous release's
//! (`docs/benchmarks-previous.json`), the requests of every visit and the timings. The
//! markdown is tables of the figures; the JSON holds them all.

use serde_json::{json, Map, Value};

use super::budgets::{Check, Limit, Verdict};
use super::figures::{Figures, Unit};
use super::first_load::Visit;
use super::machine::{Machine, Provenance};
use super::plan::Page;

/// Everything the report is written from.
pub struct Report<'a> {
    pub provenance: &'a Provenance,
    pub machine: &'a Machine,
    /// Chromium and Node versions.
    pub browser: (String, String),
    pub took_seconds: u64,
    pub checks: &'a [Check],
    pub figures: &'a Figures,
    /// `docs/benchmarks-previous.json`, or `Null`.
    pub previous: &'a Value,
    /// The pages measured (those built), with their visits.
    pub visits: &'a [(&'static Page, Visit)],
    pub service_worker: Option<&'a Visit>,
    /// The wasm's shipped bytes per crate and its largest items.
    pub wasm_crates: &'a [(String, u64)],
    pub wasm_items: &'a [(String, u64)],
    /// The browser half's raw sections kept in the JSON: Lighthouse runs, long tasks.
    pub raw: Value,
}

/// `(label, figure key after a prefix, unit)`: the rows of a side-by-side table.
type Rows = [(&'static str, &'static str, Unit)];

const PAGE_ROWS: &Rows = &[
    ("first load: requests", "load.requests", Unit::Count),
    ("first load: brotli", "load.brotli", Unit::Bytes),
    ("first load: gzip", "load.gzip", Unit::Bytes),
    ("first load: raw", "load.raw", Unit::Bytes),
    (
        "chart islands woken by the first load",
        "load.islands",
        Unit::Count,
    ),
    ("everything: requests", "full.requests", Unit::Count),
    ("everything: brotli", "full.brotli", Unit::Bytes),
    (
        "first pointer-over → chart answering, slow 4G",
        "tooltip.live",
        Unit::Ms,
    ),
    (
        "first pointer-over → first tooltip, slow 4G",
        "tooltip.first",
        Unit::Ms,
    ),
    ("Lighthouse score", "lighthouse.score", Unit::Score),
    ("Lighthouse FCP", "lighthouse.fcp", Unit::Ms),
    ("Lighthouse LCP", "lighthouse.lcp", Unit::Ms),
    ("Lighthouse TBT", "lighthouse.tbt", Unit::Ms),
    ("Lighthouse CLS", "lighthouse.cls", Unit::Cls),
    ("Lighthouse Speed Index", "lighthouse.si", Unit::Ms),
    ("Lighthouse bytes", "lighthouse.bytes", Unit::Bytes),
    ("JS heap after everything", "memory.js_heap", Unit::Bytes),
    ("wasm memory after everything", "memory.wasm", Unit::Bytes),
];

const SERVICE_WORKER_ROWS: &Rows = &[
    ("requests", "requests", Unit::Count),
    ("its files, brotli", "brotli", Unit::Bytes),
    (
        "received (a file the browser has is revalidated: headers only)",
        "transferred",
        Unit::Bytes,
    ),
];

const TIMING_ROWS: &Rows = &[
    (
        "longest task while interacting",
        "interaction.longest_task",
        Unit::Ms,
    ),
    (
        "10k-point line: first draw",
        "synthetic.10000.first",
        Unit::Ms,
    ),
    (
        "10k-point line: redraw, median",
        "synthetic.10000.redraw",
        Unit::Ms,
    ),
    (
        "10k-point line: redraw, p95",
        "synthetic.10000.redraw_p95",
        Unit::Ms,
    ),
    (
        "100k-point line: first draw",
        "synthetic.100000.first",
        Unit::Ms,
    ),
    (
        "100k-point line: redraw, median",
        "synthetic.100000.redraw",
        Unit::Ms,
    ),
    (
        "100k-point line: redraw, p95",
        "synthetic.100000.redraw_p95",
        Unit::Ms,
    ),
    (
        "data package in the browser: hash",
        "decode.browser.hash",
        Unit::Ms,
    ),
    (
        "data package in the browser: validate",
        "decode.browser.validate",
        Unit::Ms,
    ),
    (
        "data package natively: hash",
        "decode.native.hash",
        Unit::Ms,
    ),
    (
        "data package natively: parse",
        "decode.native.parse",
        Unit::Ms,
    ),
    (
        "data package natively: validate",
        "decode.native.validate",
        Unit::Ms,
    ),
];

const WASM_ROWS: &Rows = &[
    ("raw", "raw", Unit::Bytes),
    ("gzip", "gzip", Unit::Bytes),
    ("brotli", "brotli", Unit::Bytes),
];

fn rows(prefix: &str, rows: &Rows) -> Vec<(String, String, Unit)> {
    rows.iter()
        .map(|(label, key, unit)| (label.to_string(), format!("{prefix}{key}"), *unit))
        .collect()
}

/// A markdown table; `|` in a cell is escaped.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let line = |cells: Vec<String>| format!("| {} |\n", cells.join(" | "));
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    out += &line(header.iter().map(|_| "---".to_string()).collect());
    for row in rows {
        out += &line(row.iter().map(|c| c.replace('|', "\\|")).collect());
    }
    out
}

fn limit_text(limit: Limit, unit: Unit) -> String {
    match limit {
        Limit::AtMost(v) => format!("≤ {}", unit.show(v)),
        Limit::AtLeast(v) => format!("≥ {}", unit.show(v)),
        Limit::Zero => "0".into(),
    }
}

impl Report<'_> {
    fn previous(&self, key: &str) -> Option<f64> {
        self.previous["figures"][key].as_f64()
    }

    /// Rows `label | this build | previous` for the figures either has.
    fn compare(&self, rows: &[(String, String, Unit)]) -> Vec<Vec<String>> {
        let show = |value: Option<f64>, unit: Unit| value.map_or("–".into(), |v| unit.show(v));
        rows.iter()
            .filter(|(_, key, _)| self.figures.get(key).is_some() || self.previous(key).is_some())
            .map(|(label, key, unit)| {
                vec![
                    label.clone(),
                    show(self.figures.get(key), *unit),
                    show(self.previous(key), *unit),
                ]
            })
            .collect()
    }

    fn budget_rows(&self) -> Vec<Vec<String>> {
        self.checks
            .iter()
            .map(|check| {
                let b = &check.budget;
                let address = super::plan::page(b.page).map_or(b.page, |p| p.address);
                let measured = match check.verdict {
                    Verdict::NotBuilt => "–".into(),
                    Verdict::NotMeasured => "not measured".into(),
                    _ => self.figures.show(&b.figure),
                };
                let result = match check.verdict {
                    Verdict::Fail => "**FAIL**".to_string(),
                    other => other.word().to_string(),
                };
                vec![
                    format!("`{address}`"),
                    b.what.clone(),
                    limit_text(b.limit, b.unit),
                    measured,
                    self.previous(&b.figure)
                        .map_or("–".into(), |v| b.unit.show(v)),
                    result,
                ]
            })
            .collect()
    }

    pub fn markdown(&self) -> String {
        let p = self.provenance;
        let m = self.machine;
        let mut md = String::from("# Benchmarks\n\n");
        md += &format!(
            "Written by `cargo xtask bench` on {} from commit `{}`{} in {}: {}, {} cores, {:.1} GiB, {}; \
             Chromium {}, Node {}; load average {} before, {} after. Do not edit; run the command again. \
             All figures are in `docs/benchmarks.json`, the previous release's in \
             `docs/benchmarks-previous.json` ({}, commit `{}`: the single-page app, whose addresses were \
             `/#/en/`, `/#/en/initiative` and the same embed). Sizes are the build's brotli (or gzip, raw) \
             copies of every request; 1 kB = 1000 bytes.\n\n",
            p.date,
            p.commit,
            if p.dirty { " with uncommitted changes" } else { "" },
            crate::timing::format(std::time::Duration::from_secs(self.took_seconds)),
            m.cpu,
            m.cores,
            m.ram_gib,
            m.os,
            self.browser.0,
            self.browser.1,
            m.load_before.map_or("?".into(), |v| format!("{v:.2}")),
            m.load_after.map_or("?".into(), |v| format!("{v:.2}")),
            self.previous["date"].as_str().unwrap_or("?"),
            self.previous["commit"].as_str().unwrap_or("?"),
        );

        md += "## Budgets\n\n";
        md += &table(
            &["page", "budget", "limit", "measured", "previous", "result"],
            &self.budget_rows(),
        );
        let count = |v: Verdict| self.checks.iter().filter(|c| c.verdict == v).count();
        md += &format!(
            "\n{} budgets: {} met, {} missed, {} not measured, {} not built (their pages are not in this build).\n\n",
            self.checks.len(),
            count(Verdict::Pass),
            count(Verdict::Fail),
            count(Verdict::NotMeasured),
            count(Verdict::NotBuilt)
        );
        for check in self
            .checks
            .iter()
            .filter(|c| c.verdict == Verdict::Fail || c.verdict == Verdict::NotMeasured)
        {
            let address = super::plan::page(check.budget.page).map_or("", |p| p.address);
            md += &format!(
                "- `{address}` {}: {}\n",
                check.budget.what,
                check.why.as_deref().unwrap_or("")
            );
        }

        md += "\n## Pages, beside the previous release\n\n";
        md += "*First load*: a phone screen (412×823) with a 4× slower CPU, empty cache, no network throttling, \
                until the page has settled \
                without scrolling (an embed: 5 s after its load, no interaction). *Everything*: after scrolling to \
                every chart until each is live (an embed: after the first hover, its value map in and a tooltip \
                shown); a file asked for again is counted once. The previous release drew every chart on load, so \
                its first load was everything. The embed's pointer-over timings use Chromium's throttling with \
                Lighthouse's mobile numbers (150 ms round trip, 1.6 Mbps down, 750 kbps up, CPU 4× slower), \
                median of 3 loads.\n\n";
        for (page, visit) in self.visits {
            md += &format!("### `{}`\n\n", page.address);
            md += &table(
                &["", "this build", "previous"],
                &self.compare(&rows(&format!("{}.", page.key), PAGE_ROWS)),
            );
            md += "\n";
            md += &requests_table(visit);
            if !visit.unresolved.is_empty() {
                md += &format!(
                    "\nFailed or not a file of the site: {}.\n",
                    visit.unresolved.join(", ")
                );
            }
            md += "\n";
        }
        if let Some(worker) = self.service_worker {
            md += "### The service worker's install (the same from every portal page)\n\n";
            md += &table(
                &["", "this build", "previous"],
                &self.compare(&rows("sw.", SERVICE_WORKER_ROWS)),
            );
            md += "\n";
            md += &requests_table(worker);
            md += "\n";
        }

        md += "## Timings\n\n";
        md += "Desktop (1280×800), no throttling, every chart woken first. The longest task while interacting: \
                hovering across every chart, keys on the first, the theme switched and back; Long Tasks API (0: \
                no task reached its 50 ms threshold), median of 3 runs (the previous release switched the \
                language instead of the theme). Paints are the card's own `data-draw-ms`; repaints follow window \
                resizes. The synthetic series and the package check in the browser run in the bench build \
                (`--features bench`).\n\n";
        let mut timings = rows("", TIMING_ROWS);
        for key in self
            .figures
            .values
            .keys()
            .filter(|k| k.starts_with("paint.") && k.ends_with(".first"))
        {
            let chart = &key["paint.".len()..key.len() - ".first".len()];
            timings.extend(
                rows(
                    &format!("paint.{chart}."),
                    &[
                        ("first paint", "first", Unit::Ms),
                        ("repaint, median", "repaint", Unit::Ms),
                    ],
                )
                .into_iter()
                .map(|(label, key, unit)| (format!("{chart}: {label}"), key, unit)),
            );
        }
        md += &table(&["", "this build", "previous"], &self.compare(&timings));

        md += "\n## What the wasm is made of\n\n";
        md += &table(
            &["", "this build", "previous"],
            &self.compare(&rows("wasm.", WASM_ROWS)),
        );
        md += "\nShipped bytes (raw) by crate, and the largest items (twiggy, on the same wasm with its names kept):\n\n";
        let bytes_rows = |items: &[(String, u64)]| -> Vec<Vec<String>> {
            items
                .iter()
                .map(|(name, b)| {
                    vec![
                        format!("`{}`", shorten(name, 90)),
                        Unit::Bytes.show(*b as f64),
                    ]
                })
                .collect()
        };
        md += &table(&["crate", "bytes"], &bytes_rows(self.wasm_crates));
        md += "\n";
        md += &table(&["item", "bytes"], &bytes_rows(self.wasm_items));
        md
    }

    pub fn json(&self) -> Value {
        let p = self.provenance;
        let m = self.machine;
        let budgets: Vec<Value> = self
            .checks
            .iter()
            .map(|c| {
                let b = &c.budget;
                let limit = match b.limit {
                    Limit::AtMost(v) => json!({ "atMost": v }),
                    Limit::AtLeast(v) => json!({ "atLeast": v }),
                    Limit::Zero => json!({ "zero": true }),
                };
                json!({
                    "page": b.page, "figure": b.figure, "what": b.what, "limit": limit,
                    "measured": c.measured, "previous": self.previous(&b.figure),
                    "result": c.verdict.word(), "why": c.why,
                })
            })
            .collect();
        let figures: Map<String, Value> = self
            .figures
            .values
            .iter()
            .map(|(k, (v, _))| (k.clone(), json!((v * 1000.0).round() / 1000.0)))
            .collect();
        let mut requests = Map::new();
        for (page, visit) in self.visits {
            requests.insert(page.key.to_string(), visit_json(page.address, visit));
        }
        if let Some(worker) = self.service_worker {
            requests.insert("serviceWorker".into(), visit_json("", worker));
        }
        let items = |items: &[(String, u64)]| -> Value {
            items
                .iter()
                .map(|(name, bytes)| json!({ "name": name, "bytes": bytes }))
                .collect()
        };
        json!({
            "generatedBy": "cargo xtask bench",
            "date": p.date, "commit": p.commit, "dirty": p.dirty, "tookSeconds": self.took_seconds,
            "machine": {
                "cpu": m.cpu, "cores": m.cores, "ramGiB": (m.ram_gib * 10.0).round() / 10.0, "os": m.os,
                "kernel": m.kernel, "rustc": m.rustc, "loadAverageStart": m.load_before,
                "loadAverageEnd": m.load_after, "chromium": self.browser.0, "node": self.browser.1,
            },
            "units": "bytes and milliseconds; CLS and scores as Lighthouse gives them",
            "previous": "docs/benchmarks-previous.json",
            "budgets": budgets,
            "figures": figures,
            "evidence": self.figures.evidence,
            "unmeasured": self.figures.unmeasured,
            "requests": requests,
            "wasm": { "byCrate": items(self.wasm_crates), "top": items(self.wasm_items) },
            "raw": self.raw,
        })
    }
}

fn requests_table(visit: &Visit) -> String {
    let rows: Vec<Vec<String>> = visit
        .rows
        .iter()
        .map(|row| {
            let file = row
                .file
                .as_ref()
                .map_or(row.request.url.clone(), |f| f.display().to_string());
            let size = |pick: fn(&super::first_load::FileSizes) -> u64| {
                row.counted
                    .map_or("again".into(), |s| Unit::Bytes.show(pick(&s) as f64))
            };
            vec![
                row.request.phase.word().to_string(),
                format!("`{file}`"),
                row.request.kind.clone(),
                size(|s| s.raw),
                size(|s| s.gzip),
                size(|s| s.brotli),
            ]
        })
        .collect();
    table(&["phase", "file", "type", "raw", "gzip", "brotli"], &rows)
}

fn visit_json(address: &str, visit: &Visit) -> Value {
    let rows: Vec<Value> = visit
        .rows
        .iter()
        .map(|row| {
            json!({
                "phase": row.request.phase.word(), "url": row.request.url,
                "file": row.file.as_ref().map(|f| f.display().to_string()), "type": row.request.kind,
                "status": row.request.status, "transferred": row.request.transfer_bytes,
                "raw": row.counted.map(|s| s.raw), "gzip": row.counted.map(|s| s.gzip),
                "brotli": row.counted.map(|s| s.brotli),
            })
        })
        .collect();
    json!({ "address": address, "requests": rows, "unresolved": visit.unresolved })
}

fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::budgets::Budget;

    #[test]
    fn a_table_has_its_header_rule_and_escaped_cells() {
        let rows = vec![vec!["a|b".to_string(), "1".to_string()]];
        assert_eq!(
            table(&["x", "y"], &rows),
            "| x | y |\n| --- | --- |\n| a\\|b | 1 |\n"
        );
    }

    #[test]
    fn the_budget_table_shows_limit_measure_previous_and_result() {
        let mut figures = Figures::default();
        figures.set("home.load.brotli", Unit::Bytes, 20_500.0);
        figures.set("home.lighthouse.cls", Unit::Cls, 0.1);
        let budget = |figure: &str, limit| Budget {
            page: "home",
            figure: figure.into(),
            what: figure.into(),
            limit,
            unit: match limit {
                Limit::Zero => Unit::Cls,
                _ => Unit::Bytes,
            },
        };
        let check = |figure: &str, limit, verdict, measured| Check {
            budget: budget(figure, limit),
            measured,
            verdict,
            why: None,
        };
        let checks = [
            check(
                "home.load.brotli",
                Limit::AtMost(100_000.0),
                Verdict::Pass,
                Some(20_500.0),
            ),
            check("home.lighthouse.cls", Limit::Zero, Verdict::Fail, Some(0.1)),
            check(
                "figure.load.brotli",
                Limit::AtMost(50_000.0),
                Verdict::NotBuilt,
                None,
            ),
        ];
        let previous = json!({ "figures": { "home.load.brotli": 464072.0 } });
        let machine = Machine::default();
        let provenance = Provenance::default();
        let report = Report {
            provenance: &provenance,
            machine: &machine,
            browser: (String::new(), String::new()),
            took_seconds: 0,
            checks: &checks,
            figures: &figures,
            previous: &previous,
            visits: &[],
            service_worker: None,
            wasm_crates: &[],
            wasm_items: &[],
            raw: Value::Null,
        };
        let rows = report.budget_rows();
        assert_eq!(
            rows[0],
            [
                "`/en/`",
                "home.load.brotli",
                "≤ 100.0 kB",
                "20.5 kB",
                "464.1 kB",
                "pass"
            ]
        );
        assert_eq!(rows[1][2..], ["0", "0.100", "–", "**FAIL**"]);
        assert_eq!(rows[2][3..], ["–", "–", "not built"]);
        let md = report.markdown();
        assert!(
            md.contains("3 budgets: 1 met, 1 missed, 0 not measured, 1 not built"),
            "{md}"
        );
    }
}
