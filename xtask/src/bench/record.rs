//! `docs/benchmarks.json`: the same figures for machines, summaries and raw lists.

use serde_json::{json, Value};

use super::browser::{self, LighthouseRun, Page};
use super::budgets::{Check, Measure};
use super::figures::{lighthouse_median, relative};
use super::first_load::{FirstLoad, Phase, Totals};
use super::stats::{summarise, Summary};
use super::wasm;
use super::{Results, PAGES};

fn summary_json(summary: Option<Summary>) -> Value {
    summary.map_or(
        Value::Null,
        |s| json!({"count": s.count, "median": s.median, "p95": s.p95, "min": s.min, "max": s.max}),
    )
}

fn first_load_json(load: &FirstLoad) -> Value {
    let totals = |t: &Totals| json!({"requests": t.requests, "raw": t.raw, "gzip": t.gzip, "brotli": t.brotli, "transferred": t.transferred});
    json!({
        "page": totals(&load.page),
        "afterLoad": totals(&load.background),
        "dataFiles": load.data_files(),
        "unresolved": load.unresolved,
        "assets": load.assets.iter().map(|a| json!({
            "phase": match a.request.phase { Phase::Page => "page", Phase::Background => "after-load" },
            "url": a.request.url,
            "file": a.file.as_ref().map(|f| f.display().to_string()),
            "type": a.request.kind,
            "status": a.request.status,
            "raw": a.sizes.map(|s| s.raw),
            "gzip": a.sizes.map(|s| s.gzip),
            "brotli": a.sizes.map(|s| s.brotli),
            "contentEncoding": a.request.content_encoding,
            "transferBytes": a.request.transfer_bytes,
        })).collect::<Vec<_>>(),
    })
}

fn error_json(error: &str) -> Value {
    json!({ "error": error })
}

pub fn to_json(results: &Results, checks: &[Check]) -> Value {
    let m = &results.machine;
    let p = &results.provenance;
    let browser = results.browser.as_ref().ok();
    let measure = |m: &Measure| match m {
        Measure::Value(v) => json!(v),
        Measure::Missing(_) => Value::Null,
    };
    let mut out = json!({
        "generatedBy": "cargo xtask bench",
        "date": p.date,
        "commit": p.commit,
        "dirty": p.dirty,
        "tookSeconds": results.took.as_secs(),
        "options": {
            "lighthouseRuns": results.options.lighthouse_runs,
            "redraws": results.options.redraws,
            "build": results.options.build,
        },
        "machine": {
            "cpu": m.cpu, "cores": m.cores, "ramGiB": (m.ram_gib * 10.0).round() / 10.0,
            "os": m.os, "kernel": m.kernel, "rustc": m.rustc,
            "loadAverageStart": m.load_before, "loadAverageEnd": m.load_after,
            "chromium": browser.map(|b| b.chromium.clone()),
            "node": browser.map(|b| b.node.clone()),
        },
        "units": "bytes; milliseconds; 1 kB = 1000 bytes in the markdown",
        "budgets": checks.iter().map(|c| json!({
            "key": c.key, "name": c.name, "limit": c.limit_text, "measured": measure(&c.measure),
            "shown": c.measured_text, "verdict": c.verdict.word(),
        })).collect::<Vec<_>>(),
    });
    out["firstLoad"] = results
        .first_loads
        .iter()
        .map(|(key, load)| {
            let value = match load {
                Ok(Some(load)) => first_load_json(load),
                Ok(None) => json!({"absent": true}),
                Err(error) => error_json(error),
            };
            (key.clone(), value)
        })
        .collect::<serde_json::Map<String, Value>>()
        .into();
    if let Some(browser) = browser {
        out["lighthouse"] = browser
            .lighthouse
            .iter()
            .map(|(key, runs)| {
                let value = match runs {
                    Err(error) => error_json(error),
                    Ok(runs) => {
                        let med = |pick: fn(&LighthouseRun) -> Option<f64>| lighthouse_median(runs, pick);
                        json!({
                            "median": {
                                "score": med(|r| r.score), "fcp": med(|r| r.fcp_ms), "lcp": med(|r| r.lcp_ms),
                                "tbt": med(|r| r.tbt_ms), "cls": med(|r| r.cls), "speedIndex": med(|r| r.speed_index_ms),
                                "interactive": med(|r| r.interactive_ms), "totalByteWeight": med(|r| r.total_bytes),
                                "mainThread": med(|r| r.main_thread_ms), "bootup": med(|r| r.bootup_ms),
                                "benchmarkIndex": med(|r| r.benchmark_index),
                            },
                            "runs": runs.iter().map(|r| json!({
                                "score": r.score, "fcp": r.fcp_ms, "lcp": r.lcp_ms, "tbt": r.tbt_ms, "cls": r.cls,
                                "benchmarkIndex": r.benchmark_index, "lcpElement": r.lcp_element, "error": r.error,
                            })).collect::<Vec<_>>(),
                            "settings": runs.iter().find_map(|r| r.settings.clone()),
                        })
                    }
                };
                (key.clone(), value)
            })
            .collect::<serde_json::Map<String, Value>>()
            .into();
        out["chartPaints"] = browser
            .chart_paints
            .iter()
            .map(|(hash, charts)| match charts {
                Err(error) => json!({"page": hash, "error": error}),
                Ok(charts) => json!({"page": hash, "charts": charts.iter().map(|c| json!({
                    "id": c.id, "firstPaint": c.first_ms, "paintsWhileLoading": c.load_paints,
                    "repaint": summary_json(summarise(&c.repaints_ms)),
                    "paintsPerResize": summary_json(summarise(&c.paints_per_resize)),
                })).collect::<Vec<_>>()}),
            })
            .collect::<Vec<_>>()
            .into();
        out["synthetic"] = match &browser.synthetic {
            Err(error) => error_json(error),
            Ok(series) => series
                .iter()
                .map(|s| {
                    json!({
                        "points": s.points,
                        "firstLayout": s.first_layout_ms, "firstPaint": s.first_paint_ms,
                        "layout": summary_json(summarise(&s.layout_ms)),
                        "paint": summary_json(summarise(&s.paint_ms)),
                        "redraw": summary_json(summarise(&s.redraw_ms())),
                    })
                })
                .collect::<Vec<_>>()
                .into(),
        };
        out["longTasks"] = browser
            .long_tasks
            .iter()
            .map(|run| match run {
                Err(error) => error_json(error),
                Ok(run) => json!({
                    "phases": run.phases,
                    "longestInteracting": run.longest_interacting(),
                    "tasks": run.tasks.iter().map(|t| json!({"phase": t.phase, "ms": t.ms})).collect::<Vec<_>>(),
                }),
            })
            .collect::<Vec<_>>()
            .into();
        out["memory"] = PAGES
            .iter()
            .map(|(key, _)| {
                let value = match browser::by_key(&browser.pages, key) {
                    Some(Ok(Page::Loaded(page))) => json!({"jsHeapBytes": page.js_heap_bytes, "wasmMemoryBytes": page.wasm_memory_bytes}),
                    Some(Ok(Page::Absent)) => json!({"absent": true}),
                    Some(Err(error)) => error_json(error),
                    None => Value::Null,
                };
                (key.to_string(), value)
            })
            .collect::<serde_json::Map<String, Value>>()
            .into();
        out["decodeBrowser"] = match &browser.decode {
            Err(error) => error_json(error),
            Ok(d) => json!({"files": d.files, "bytes": d.bytes,
                "hash": summary_json(summarise(&d.hash_ms)), "validate": summary_json(summarise(&d.validate_ms))}),
        };
    } else if let Err(error) = &results.browser {
        out["browser"] = error_json(error);
    }
    out["decodeNative"] = match &results.native_decode {
        Err(error) => error_json(error),
        Ok(d) => json!({"files": d.files, "bytes": d.bytes,
            "hash": summary_json(summarise(&d.hash_ms)), "parse": summary_json(summarise(&d.parse_ms)),
            "validate": summary_json(summarise(&d.validate_ms))}),
    };
    out["wasm"] = match &results.wasm {
        Err(error) => error_json(error),
        Ok(a) => json!({
            "published": relative(&a.published), "publishedBytes": a.published_bytes,
            "analysed": relative(&a.analysed), "madeFrom": relative(&a.made_from), "wasmOptArgs": a.wasm_opt_args,
            "byCrate": wasm::by_crate(&a.items).iter().take(25).map(|(c, b)| json!({"crate": c, "bytes": b})).collect::<Vec<_>>(),
            "top": wasm::top(&a.items, 15).iter().map(|i| json!({"item": i.name, "bytes": i.bytes})).collect::<Vec<_>>(),
        }),
    };
    out["benchHooksInPublished"] = match &results.hooks_in_published {
        Ok(found) => json!(found),
        Err(error) => error_json(error),
    };
    out["duplicateCrates"] = match &results.duplicates {
        Err(error) => error_json(error),
        Ok(d) => json!({"normal": d.normal, "bundleTree": d.bundle_tree}),
    };
    rounded(out)
}

/// Every fractional number to three decimals (microseconds, for times in ms): the
/// browser's timers are not finer, and the file stays readable.
fn rounded(value: Value) -> Value {
    match value {
        Value::Number(n) if n.is_f64() => n
            .as_f64()
            .map(|f| (f * 1000.0).round() / 1000.0)
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number),
        Value::Array(items) => Value::Array(items.into_iter().map(rounded).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, rounded(v))).collect())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_are_rounded_to_three_decimals_everywhere() {
        let raw = json!({"a": 11.699999999254942, "b": [0.6000000014901161, 3], "c": {"d": 2.0005}, "e": "x"});
        assert_eq!(
            rounded(raw),
            json!({"a": 11.7, "b": [0.6, 3], "c": {"d": 2.001}, "e": "x"})
        );
    }
}
