//! The browser half's raw figures (`tests/bench/run.mjs` writes them as JSON), read
//! into types. A section the browser half could not measure holds its error.

use serde_json::Value;

use super::first_load::{Phase, Request};

pub type Section<T> = std::result::Result<T, String>;

/// A section's value, or the error the browser half recorded for it.
fn section<T>(value: &Value, read: impl FnOnce(&Value) -> Option<T>) -> Section<T> {
    if value.is_null() {
        return Err("not measured".into());
    }
    if let Some(error) = value.get("error").and_then(Value::as_str) {
        return Err(first_line(error));
    }
    read(value).ok_or_else(|| "the browser half wrote an unexpected shape".to_string())
}

fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or(text).to_string()
}

fn numbers(value: &Value) -> Vec<f64> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_f64).collect())
        .unwrap_or_default()
}

fn text(value: &Value, key: &str) -> Option<String> {
    value.get(key).and_then(Value::as_str).map(String::from)
}

fn number(value: &Value, key: &str) -> Option<f64> {
    value.get(key).and_then(Value::as_f64)
}

/// The items of the list `key` that `read` accepts.
fn list<T>(value: &Value, key: &str, read: impl Fn(&Value) -> Option<T>) -> Vec<T> {
    value
        .get(key)
        .and_then(Value::as_array)
        .map(|items| items.iter().filter_map(read).collect())
        .unwrap_or_default()
}

#[derive(Debug, Clone)]
pub struct PageLoad {
    pub settled: bool,
    pub settled_ms: Option<f64>,
    pub service_worker_installed: bool,
    pub requests: Vec<Request>,
    pub js_heap_bytes: Option<f64>,
    pub wasm_memory_bytes: Option<f64>,
    /// Every largest-contentful-paint candidate, in order (the last is the LCP).
    pub lcp_candidates: Vec<LcpCandidate>,
    pub layout_shifts: Vec<LayoutShift>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LcpCandidate {
    pub ms: f64,
    /// Painted area, CSS px².
    pub size: f64,
    pub element: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LayoutShift {
    pub ms: f64,
    pub value: f64,
    pub sources: Vec<String>,
}

/// A page the build does not have (the embed before it exists).
#[derive(Debug, Clone)]
pub enum Page {
    Loaded(PageLoad),
    Absent,
}

#[derive(Debug, Clone)]
pub struct ChartPaints {
    pub id: String,
    pub first_ms: Option<f64>,
    pub load_paints: usize,
    pub repaints_ms: Vec<f64>,
    pub paints_per_resize: Vec<f64>,
}

#[derive(Debug, Clone)]
pub struct Synthetic {
    pub points: u64,
    pub first_layout_ms: Option<f64>,
    pub first_paint_ms: Option<f64>,
    pub layout_ms: Vec<f64>,
    pub paint_ms: Vec<f64>,
}

impl Synthetic {
    /// Layout plus paint, per redraw.
    pub fn redraw_ms(&self) -> Vec<f64> {
        self.layout_ms
            .iter()
            .zip(&self.paint_ms)
            .map(|(l, p)| l + p)
            .collect()
    }
}

/// The long tasks of one interaction run, and its phases in order.
#[derive(Debug, Clone)]
pub struct LongTasks {
    pub phases: Vec<String>,
    pub tasks: Vec<LongTask>,
    /// Every chart paint of the run, with its phase and duration.
    pub paints: Vec<LongTask>,
}

/// Phases of an interaction run that count as interacting (`hover <chart id>` per chart);
/// `load` does not.
const INTERACTION_PHASES: [&str; 3] = ["hover", "keyboard", "language"];

pub fn interacting(phase: &str) -> bool {
    INTERACTION_PHASES
        .iter()
        .any(|p| phase == *p || phase.starts_with(&format!("{p} ")))
}

impl LongTasks {
    /// The durations of the long tasks in `phase`.
    pub fn in_phase(&self, phase: &str) -> Vec<f64> {
        self.tasks
            .iter()
            .filter(|t| t.phase == phase)
            .map(|t| t.ms)
            .collect()
    }

    /// How many chart paints `phase` had, and their total time.
    pub fn paints_in(&self, phase: &str) -> (usize, f64) {
        self.paints
            .iter()
            .filter(|p| p.phase == phase)
            .fold((0, 0.0), |(n, total), p| (n + 1, total + p.ms))
    }

    /// The longest task while interacting; 0 when there was none.
    pub fn longest_interacting(&self) -> f64 {
        self.tasks
            .iter()
            .filter(|t| interacting(&t.phase))
            .map(|t| t.ms)
            .fold(0.0, f64::max)
    }
}

#[derive(Debug, Clone)]
pub struct LongTask {
    pub phase: String,
    pub ms: f64,
}

#[derive(Debug, Clone)]
pub struct BrowserDecode {
    pub files: u64,
    pub bytes: u64,
    pub hash_ms: Vec<f64>,
    pub validate_ms: Vec<f64>,
}

#[derive(Debug, Clone)]
pub struct LighthouseRun {
    pub score: Option<f64>,
    pub fcp_ms: Option<f64>,
    pub lcp_ms: Option<f64>,
    pub tbt_ms: Option<f64>,
    pub cls: Option<f64>,
    pub speed_index_ms: Option<f64>,
    pub interactive_ms: Option<f64>,
    pub total_bytes: Option<f64>,
    pub main_thread_ms: Option<f64>,
    pub bootup_ms: Option<f64>,
    pub benchmark_index: Option<f64>,
    pub lcp_element: Option<String>,
    /// `(phase, ms)`: TTFB, load delay, load time, render delay.
    pub lcp_phases: Vec<(String, f64)>,
    /// `(script URL, ms)` of each long task on the simulated phone.
    pub long_tasks: Vec<(String, f64)>,
    /// Audits Lighthouse could not run: `(why, how many)`.
    pub audit_errors: Vec<(String, usize)>,
    pub error: Option<String>,
    pub version: Option<String>,
    pub settings: Option<Value>,
}

/// The entry of `key` in a keyed list.
pub fn by_key<'a, T>(list: &'a [(String, T)], key: &str) -> Option<&'a T> {
    list.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

#[derive(Debug, Clone)]
pub struct Browser {
    pub chromium: String,
    pub node: String,
    pub redraws: u64,
    pub lighthouse_runs: u64,
    /// home, chart, embed.
    pub pages: Vec<(String, Section<Page>)>,
    /// Per chart page (hash): its charts.
    pub chart_paints: Vec<(String, Section<Vec<ChartPaints>>)>,
    pub synthetic: Section<Vec<Synthetic>>,
    /// One per interaction run.
    pub long_tasks: Vec<Section<LongTasks>>,
    pub decode: Section<BrowserDecode>,
    pub lighthouse: Vec<(String, Section<Vec<LighthouseRun>>)>,
}

fn request(value: &Value) -> Option<Request> {
    Some(Request {
        url: text(value, "url")?,
        path: text(value, "path"),
        kind: text(value, "type").unwrap_or_default(),
        status: number(value, "status").map(|s| s as u16),
        failed: value.get("failed").is_some(),
        content_encoding: text(value, "contentEncoding"),
        transfer_bytes: number(value, "transferBytes").map(|b| b.max(0.0) as u64),
        phase: match value.get("phase").and_then(Value::as_str) {
            Some("page") => Phase::Page,
            _ => Phase::Background,
        },
    })
}

fn page(value: &Value) -> Option<Page> {
    if value.get("absent").and_then(Value::as_bool) == Some(true) {
        return Some(Page::Absent);
    }
    let memory = value.get("memory")?;
    Some(Page::Loaded(PageLoad {
        settled: value.get("settled")?.as_bool()?,
        settled_ms: number(value, "settledMs"),
        service_worker_installed: value
            .get("serviceWorkerInstalled")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        requests: value
            .get("requests")?
            .as_array()?
            .iter()
            .map(request)
            .collect::<Option<Vec<_>>>()?,
        js_heap_bytes: number(memory, "jsHeapBytes"),
        wasm_memory_bytes: number(memory, "wasmMemoryBytes"),
        lcp_candidates: list(value, "lcp", |c| {
            Some(LcpCandidate {
                ms: number(c, "ms")?,
                size: number(c, "size").unwrap_or(0.0),
                element: text(c, "element").unwrap_or_else(|| "(removed element)".into()),
            })
        }),
        layout_shifts: list(value, "shifts", |s| {
            Some(LayoutShift {
                ms: number(s, "ms")?,
                value: number(s, "value")?,
                sources: s["sources"]
                    .as_array()
                    .map(|a| {
                        a.iter()
                            .filter_map(|v| v.as_str().map(String::from))
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        }),
    }))
}

fn chart_paints(value: &Value) -> Option<Vec<ChartPaints>> {
    let charts = value.get("charts")?.as_array()?;
    Some(
        charts
            .iter()
            .map(|chart| ChartPaints {
                id: text(chart, "id").unwrap_or_default(),
                first_ms: number(chart, "firstMs"),
                load_paints: number(chart, "loadPaints").unwrap_or(0.0) as usize,
                repaints_ms: numbers(&chart["repaints"]),
                paints_per_resize: numbers(&chart["paintsPerResize"]),
            })
            .collect(),
    )
}

fn synthetic(value: &Value) -> Option<Vec<Synthetic>> {
    let series = value.get("series")?.as_object()?;
    let mut out: Vec<Synthetic> = series
        .iter()
        .map(|(points, s)| Synthetic {
            points: points.parse().unwrap_or(0),
            first_layout_ms: s.get("first").and_then(|f| number(f, "layoutMs")),
            first_paint_ms: s.get("first").and_then(|f| number(f, "paintMs")),
            layout_ms: numbers(&s["layoutMs"]),
            paint_ms: numbers(&s["paintMs"]),
        })
        .collect();
    out.sort_by_key(|s| s.points);
    Some(out)
}

fn long_tasks(value: &Value) -> Option<LongTasks> {
    let timed = |t: &Value| {
        Some(LongTask {
            phase: text(t, "phase")?,
            ms: number(t, "ms")?,
        })
    };
    let tasks = value
        .get("tasks")?
        .as_array()?
        .iter()
        .map(timed)
        .collect::<Option<Vec<_>>>()?;
    Some(LongTasks {
        phases: list(value, "phases", |p| p.as_str().map(String::from)),
        tasks,
        paints: list(value, "paints", timed),
    })
}

fn decode(value: &Value) -> Option<BrowserDecode> {
    Some(BrowserDecode {
        files: number(value, "files")? as u64,
        bytes: number(value, "bytes")? as u64,
        hash_ms: numbers(value.get("hashMs")?),
        validate_ms: numbers(value.get("validateMs")?),
    })
}

fn lighthouse_run(value: &Value) -> LighthouseRun {
    let element = value.get("lcpElement").and_then(|e| {
        let selector = text(e, "selector");
        let snippet = text(e, "snippet");
        match (selector, snippet) {
            (Some(s), Some(n)) => Some(format!("{n} ({s})")),
            (a, b) => a.or(b),
        }
    });
    let phases = value
        .get("lcpPhases")
        .and_then(Value::as_object)
        .map(|o| {
            o.iter()
                .filter_map(|(k, v)| Some((k.clone(), v.as_f64()?)))
                .collect()
        })
        .unwrap_or_default();
    LighthouseRun {
        score: number(value, "score"),
        fcp_ms: number(value, "fcpMs"),
        lcp_ms: number(value, "lcpMs"),
        tbt_ms: number(value, "tbtMs"),
        cls: number(value, "cls"),
        speed_index_ms: number(value, "speedIndexMs"),
        interactive_ms: number(value, "interactiveMs"),
        total_bytes: number(value, "totalByteWeight"),
        main_thread_ms: number(value, "mainThreadMs"),
        bootup_ms: number(value, "bootupMs"),
        benchmark_index: number(value, "benchmarkIndex"),
        lcp_element: element,
        lcp_phases: phases,
        long_tasks: list(value, "longTasks", |t| {
            Some((text(t, "url")?, number(t, "ms")?))
        }),
        audit_errors: list(value, "auditErrors", |e| {
            Some((text(e, "message")?, e["audits"].as_array()?.len()))
        }),
        error: text(value, "runtimeError"),
        version: text(value, "lighthouseVersion"),
        settings: value.get("settings").cloned(),
    }
}

pub fn parse(json: &str) -> crate::Result<Browser> {
    let root: Value =
        serde_json::from_str(json).map_err(|err| format!("the browser half's JSON: {err}"))?;
    let keyed = |key: &str| -> Vec<(String, Value)> {
        root.get(key)
            .and_then(Value::as_object)
            .map(|o| o.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
            .unwrap_or_default()
    };
    Ok(Browser {
        chromium: text(&root, "chromium").unwrap_or_default(),
        node: text(&root, "node").unwrap_or_default(),
        redraws: number(&root, "redraws").unwrap_or(0.0) as u64,
        lighthouse_runs: number(&root, "lighthouseRuns").unwrap_or(0.0) as u64,
        pages: keyed("pages")
            .into_iter()
            .map(|(k, v)| (k, section(&v, page)))
            .collect(),
        chart_paints: root
            .get("chartPaints")
            .and_then(Value::as_array)
            .map(|pages| {
                pages
                    .iter()
                    .map(|p| {
                        (
                            text(p, "hash").unwrap_or_default(),
                            section(p, chart_paints),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        synthetic: section(&root["synthetic"], synthetic),
        long_tasks: root
            .get("longTasks")
            .and_then(Value::as_array)
            .map(|runs| runs.iter().map(|r| section(r, long_tasks)).collect())
            .unwrap_or_default(),
        decode: section(&root["decode"], decode),
        lighthouse: keyed("lighthouse")
            .into_iter()
            .map(|(k, v)| {
                let runs = section(&v, |v| {
                    Some(v.as_array()?.iter().map(lighthouse_run).collect())
                });
                (k, runs)
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hovering_keys_and_language_are_interacting_loading_is_not() {
        for phase in ["hover", "hover chart-member-map", "keyboard", "language"] {
            assert!(interacting(phase), "{phase}");
        }
        for phase in ["load", "hovercraft", ""] {
            assert!(!interacting(phase), "{phase}");
        }
    }

    #[test]
    fn sections_keep_their_figures_or_their_error() {
        let json = r##"{
          "chromium": "156.0", "node": "v20", "redraws": 2, "lighthouseRuns": 1,
          "pages": {
            "home": {"target": "/#/en/", "settled": true, "settledMs": 900, "serviceWorkerInstalled": true,
                     "requests": [{"url": "http://h/", "path": "/", "type": "document", "status": 200,
                                   "contentEncoding": "br", "transferBytes": 1500, "phase": "page"}],
                     "memory": {"jsHeapBytes": 2000000, "wasmMemoryBytes": 3000000},
                     "lcp": [{"ms": 300, "size": 9000, "element": "h1 (static HTML)"},
                             {"ms": 2100, "size": 12000, "element": null}],
                     "shifts": [{"ms": 2000, "value": 0.01, "sources": ["main#main"]}]},
            "embed": {"target": "/chart-x.html", "absent": true}
          },
          "chartPaints": [{"hash": "#/en/climate", "error": "Error: timed out\n  at x"},
                          {"hash": "#/en/nextgen", "settled": true, "charts": [
                             {"id": "chart-b", "firstMs": 4.5, "loadPaints": 2, "repaints": [3, 2], "paintsPerResize": [1, 1]},
                             {"id": "chart-a", "firstMs": 1, "loadPaints": 1, "repaints": [], "paintsPerResize": []}]}],
          "synthetic": {"settled": true, "series": {"100000": {"first": {"layoutMs": 9, "paintMs": 20},
                        "layoutMs": [1, 2], "paintMs": [3, 4]}, "10000": {"layoutMs": [1], "paintMs": [2]}}},
          "longTasks": [{"phases": ["load", "hover chart-a"],
                          "tasks": [{"phase": "load", "ms": 90}, {"phase": "hover chart-a", "start": 1, "ms": 61}],
                          "paints": [{"phase": "hover chart-a", "ms": 2.5}, {"phase": "hover chart-a", "ms": 1.5},
                                     {"phase": null, "ms": 9}]},
                         {"error": "Error: did not finish"}],
          "lighthouse": {"home": [{"score": 71, "lcpMs": 3100, "lcpPhases": {"TTFB": 600}}]}
        }"##;
        let browser = parse(json).unwrap();
        let Some(Ok(Page::Loaded(home))) = by_key(&browser.pages, "home") else {
            panic!("home loaded")
        };
        assert_eq!(home.requests[0].phase, Phase::Page);
        assert_eq!(home.wasm_memory_bytes, Some(3e6));
        assert_eq!(home.lcp_candidates[1].element, "(removed element)");
        assert_eq!(home.layout_shifts[0].sources, ["main#main"]);
        assert!(matches!(
            by_key(&browser.pages, "embed"),
            Some(Ok(Page::Absent))
        ));
        assert_eq!(
            browser.chart_paints[0].1.as_ref().unwrap_err(),
            "Error: timed out"
        );
        let nextgen = browser.chart_paints[1].1.as_ref().unwrap();
        let ids: Vec<&str> = nextgen.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["chart-b", "chart-a"], "in the order of the page");
        assert_eq!(nextgen[0].repaints_ms, [3.0, 2.0]);
        let synthetic = browser.synthetic.unwrap();
        assert_eq!(synthetic[0].points, 10_000);
        assert_eq!(synthetic[1].redraw_ms(), [4.0, 6.0]);
        let run = browser.long_tasks[0].as_ref().unwrap();
        assert_eq!(run.phases, ["load", "hover chart-a"]);
        assert_eq!(run.in_phase("hover chart-a"), [61.0]);
        assert_eq!(run.longest_interacting(), 61.0, "load is not interacting");
        assert_eq!(run.paints_in("hover chart-a"), (2, 4.0));
        assert!(browser.long_tasks[1].is_err());
        assert_eq!(browser.decode.unwrap_err(), "not measured");
        let runs = browser.lighthouse[0].1.as_ref().unwrap();
        assert_eq!(runs[0].lcp_phases, [("TTFB".to_string(), 600.0)]);
    }
}
