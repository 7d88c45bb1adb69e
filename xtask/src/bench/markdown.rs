//! `docs/benchmarks.md`: the budgets first, why each missed one is missed and what would
//! meet it, then every figure behind them.

use std::fmt::Write as _;

use super::browser::{self, LighthouseRun, Page};
use super::budgets::{kb, ms, opt_ms, shorten, Check, Verdict};
use super::figures::{lighthouse_median, lighthouse_runs, page_load, page_name, relative, MB};
use super::first_load::Phase;
use super::stats::{self, summarise, Summary};
use super::wasm;
use super::why::{
    layout_shifts_text, lcp_candidates_text, lcp_evidence, long_tasks_text, why_section,
};
use super::{Options, Results, PAGES};
use crate::timing;

fn summary_cells(summary: Option<Summary>) -> String {
    match summary {
        Some(s) => format!("{} | {} | {}", ms(s.median), ms(s.p95), s.count),
        None => "– | – | 0".into(),
    }
}

fn mib(bytes: f64) -> String {
    format!("{:.1} MiB", bytes / 1024.0 / 1024.0)
}

pub fn markdown(results: &Results, checks: &[Check]) -> String {
    let mut md = String::new();
    header(&mut md, results);
    budget_table(&mut md, checks);
    why_section(&mut md, results, checks);
    first_load_section(&mut md, results);
    wasm_section(&mut md, results);
    lighthouse_section(&mut md, results);
    paints_section(&mut md, results);
    long_task_section(&mut md, results);
    decode_section(&mut md, results);
    memory_section(&mut md, results);
    method_section(&mut md, results);
    md
}

fn header(md: &mut String, results: &Results) {
    let m = &results.machine;
    let p = &results.provenance;
    let (chromium, node) = match &results.browser {
        Ok(b) => (b.chromium.clone(), b.node.clone()),
        Err(_) => ("?".into(), "?".into()),
    };
    let load = |v: Option<f64>| v.map_or("?".into(), |v| format!("{v:.2}"));
    let _ = writeln!(md, "# Benchmarks\n");
    let _ = writeln!(
        md,
        "Written by `cargo xtask bench` (this run took {}); do not edit by hand, run the command again. \
         The raw figures are in `docs/benchmarks.json`; what each budget means is in issue 8.\n",
        timing::format(results.took)
    );
    let _ = writeln!(md, "| | |\n|---|---|");
    let _ = writeln!(md, "| date | {} |", p.date);
    let _ = writeln!(
        md,
        "| commit | `{}`{} |",
        p.commit,
        if p.dirty {
            " with uncommitted changes"
        } else {
            ""
        }
    );
    let _ = writeln!(
        md,
        "| machine | {}, {} cores, {:.1} GiB RAM |",
        m.cpu, m.cores, m.ram_gib
    );
    let _ = writeln!(md, "| system | {}, Linux {} |", m.os, m.kernel);
    let _ = writeln!(
        md,
        "| browser | Chromium {chromium} (headless), Node {node} |"
    );
    let _ = writeln!(md, "| compiler | {} |", m.rustc);
    let _ = writeln!(
        md,
        "| load average (1 min) | {} at the start, {} at the end |",
        load(m.load_before),
        load(m.load_after)
    );
    if results.options != Options::DEFAULT {
        let _ = writeln!(
            md,
            "| options | **not the defaults**: {} Lighthouse run(s) per page, {} redraw(s){} |",
            results.options.lighthouse_runs,
            results.options.redraws,
            if results.options.build {
                ""
            } else {
                ", builds reused (--no-build)"
            }
        );
    }
    // The benchmark's own Chromium and Lighthouse keep both cores busy, so only the load
    // before it started says whether others were using the machine.
    let shared = m.load_before.is_some_and(|l| l >= 0.5 * m.cores as f64);
    let _ = writeln!(
        md,
        "\nTimings were taken on a {}-core machine{}; the load at the end is mostly the \
         benchmark's own Chromium and Lighthouse. Lighthouse's simulated throttling scales its CPU \
         figures by the machine's own speed (its `benchmarkIndex`, below), so a busy machine makes \
         TBT and LCP worse, not better.\n",
        m.cores,
        if shared {
            " that other builds were using when the benchmark started (see the load average)"
        } else {
            " that was nearly idle when the benchmark started (see the load average); other \
             builds share it and may have run meanwhile"
        }
    );
}

fn budget_table(md: &mut String, checks: &[Check]) {
    let _ = writeln!(md, "## Budgets\n");
    let _ = writeln!(
        md,
        "| budget | limit | measured | result |\n|---|---|---|---|"
    );
    for c in checks {
        let result = match c.verdict {
            Verdict::Fail => "**FAIL**",
            other => other.word(),
        };
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            c.name, c.limit_text, c.measured_text, result
        );
    }
    let count = |v: Verdict| checks.iter().filter(|c| c.verdict == v).count();
    let _ = writeln!(
        md,
        "\n{} budgets: {} met, {} failed, {} not measured. Sizes are of every request of the first load, \
         each file as brotli -q 11 (or as is, where that is smaller); 1 kB = 1000 bytes. Lighthouse \
         figures are medians of the runs; the 10k redraw is the card's own layout and paint of a \
         synthetic series.\n",
        checks.len(),
        count(Verdict::Pass),
        count(Verdict::Fail),
        count(Verdict::NotMeasured)
    );
}

fn first_load_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## First load\n");
    let _ = writeln!(
        md,
        "A first visit in headless Chromium with an empty cache and a phone screen (412×823, DPR 1.75), \
         served by the benchmark's static server with the build's precompressed copies, until the \
         page has settled (app started, every chart painted, network idle) and its service worker \
         has installed. *Page* requests are every request the page itself made: what the budgets \
         count. *Background* requests are the service worker's: its script, and its install, which \
         saves the app and the whole data package for offline visits and revalidates (304, headers \
         only) what the browser already has.\n"
    );
    for (key, load) in &results.first_loads {
        let _ = writeln!(md, "### {}\n", page_name(key));
        let load = match load {
            Ok(Some(load)) => load,
            Ok(None) => {
                let _ = writeln!(md, "Not present in this build.\n");
                continue;
            }
            Err(error) => {
                let _ = writeln!(md, "Not measured: {error}\n");
                continue;
            }
        };
        let _ = writeln!(
            md,
            "Page: {} requests, {} raw, {} gzip, **{} brotli**, {} received from the server (headers \
             included). Background: {} requests, {} received (revalidating a file the page already \
             has costs only headers).\n",
            load.page.requests,
            kb(load.page.raw as f64),
            kb(load.page.gzip as f64),
            kb(load.page.brotli as f64),
            kb(load.page.transferred as f64),
            load.background.requests,
            kb(load.background.transferred as f64),
        );
        let _ = writeln!(
            md,
            "| when | file | type | raw | gzip -9 | brotli -q 11 | served as |\n|---|---|---|---:|---:|---:|---|"
        );
        for asset in &load.assets {
            let when = match asset.request.phase {
                Phase::Page => "page",
                Phase::Background => "background",
            };
            let name = asset
                .file
                .as_ref()
                .map_or(asset.request.url.clone(), |f| f.display().to_string());
            let (raw, gzip, brotli) = asset
                .sizes
                .map_or(("–".into(), "–".into(), "–".into()), |s| {
                    (kb(s.raw as f64), kb(s.gzip as f64), kb(s.brotli as f64))
                });
            let served = format!(
                "{} {}",
                asset
                    .request
                    .content_encoding
                    .as_deref()
                    .unwrap_or("identity"),
                asset
                    .request
                    .transfer_bytes
                    .map_or("–".into(), |b| kb(b as f64))
            );
            let _ = writeln!(
                md,
                "| {when} | `{name}` | {} | {raw} | {gzip} | {brotli} | {served} |",
                asset.request.kind
            );
        }
        if let Some(page) = page_load(results, key) {
            let _ = writeln!(
                md,
                "\n{}{}",
                lcp_candidates_text(page),
                layout_shifts_text(page)
            );
        }
        let data = load.data_files();
        let _ = writeln!(
            md,
            "\nData files the page fetched: {}.\n",
            if data.is_empty() {
                "none".to_string()
            } else {
                data.join(", ")
            }
        );
        if !load.unresolved.is_empty() {
            let _ = writeln!(
                md,
                "Requests that are not files of the site: {}.\n",
                load.unresolved.join(", ")
            );
        }
    }
    let _ = writeln!(md, "{HOME_DATA_NOTE}\n");
}

const HOME_DATA_NOTE: &str = "Per-route data loading: every page fetches only the resources it \
     shows (`src/data.rs` fetches on demand, `src/components/chart/load.rs` lists what each chart \
     reads). The home page needs `datapackage.json` (the hashes every file is checked against), \
     `milestones.json` (its five key figures) and `sources.json` (the publisher named under each \
     figure); of `sources.json` it shows a handful of entries, so a per-page slice of the sources \
     would save most of that file.";

fn wasm_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## What the wasm is made of\n");
    match &results.wasm {
        Err(error) => {
            let _ = writeln!(md, "Not measured: {error}\n");
        }
        Ok(analysis) => {
            let names: u64 = analysis
                .items
                .iter()
                .filter(|i| wasm::is_name_section(i))
                .map(|i| i.bytes)
                .sum();
            let total: u64 = analysis.items.iter().map(|i| i.bytes).sum();
            let shipped = total - names;
            let _ = writeln!(
                md,
                "The published wasm (`{}`, {} raw) has no names: wasm-opt drops them. twiggy 0.8.0 read \
                 `{}` instead: wasm-bindgen's output of the same build (`{}`), optimised with the same \
                 wasm-opt arguments (`{}`) plus `-g`, which keeps the name section. Without its name \
                 section ({}) it is {} raw, against {} published. Sizes are raw bytes before \
                 compression; generic code counts in the crate that defines it.\n",
                analysis.published.file_name().map_or("?".into(), |n| n.to_string_lossy().into_owned()),
                kb(analysis.published_bytes as f64),
                relative(&analysis.analysed),
                relative(&analysis.made_from),
                analysis.wasm_opt_args.join(" "),
                kb(names as f64),
                kb(shipped as f64),
                kb(analysis.published_bytes as f64),
            );
            let _ = writeln!(
                md,
                "By crate:\n\n| crate | bytes | share |\n|---|---:|---:|"
            );
            let crates = wasm::by_crate(&analysis.items);
            for (name, bytes) in crates.iter().take(15) {
                let _ = writeln!(
                    md,
                    "| {name} | {} | {:.1} % |",
                    kb(*bytes as f64),
                    100.0 * *bytes as f64 / shipped as f64
                );
            }
            let rest: u64 = crates.iter().skip(15).map(|(_, b)| b).sum();
            let _ = writeln!(
                md,
                "| {} others | {} | {:.1} % |\n",
                crates.len().saturating_sub(15),
                kb(rest as f64),
                100.0 * rest as f64 / shipped as f64
            );
            let _ = writeln!(
                md,
                "The 15 largest items (`twiggy top`):\n\n| item | bytes |\n|---|---:|"
            );
            for item in wasm::top(&analysis.items, 15) {
                let _ = writeln!(
                    md,
                    "| `{}` | {} |",
                    shorten(&item.name, 110),
                    kb(item.bytes as f64)
                );
            }
            let _ = writeln!(md);
        }
    }
    match &results.hooks_in_published {
        Ok(false) => {
            let _ = writeln!(md, "The published bundle holds none of the bench hooks (`klaster_bench_*`): checked in every `.js` and `.wasm` of `dist/`.\n");
        }
        Ok(true) => {
            let _ = writeln!(md, "**The published bundle holds a bench hook (`klaster_bench_*`)**: the `bench` feature leaked into the published build.\n");
        }
        Err(error) => {
            let _ = writeln!(
                md,
                "Whether the published bundle holds bench hooks could not be checked: {error}\n"
            );
        }
    }
    let _ = writeln!(md, "### Duplicate crates\n");
    match &results.duplicates {
        Err(error) => {
            let _ = writeln!(md, "Not measured: {error}\n");
        }
        Ok(d) => {
            let _ = writeln!(
                md,
                "`cargo tree -d --target wasm32-unknown-unknown -p klaster -e normal` lists: {}. Most of \
                 these are build-time only (proc-macros and their dependencies, or one crate listed once \
                 per feature set). Without proc-macros (`-e normal,no-proc-macro`), what can reach the \
                 wasm:\n\n```text\n{}```\n\nthiserror's runtime is its derived `Display`/`Error` impls, \
                 counted in the crates that use it; the wasm has no second copy of any crate of weight.\n",
                if d.normal.is_empty() { "nothing".to_string() } else { d.normal.iter().map(|l| format!("`{l}`")).collect::<Vec<_>>().join(", ") },
                d.bundle_tree
            );
        }
    }
}

fn lighthouse_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## Lighthouse\n");
    let Ok(browser) = &results.browser else {
        let _ = writeln!(md, "Not measured.\n");
        return;
    };
    let settings = browser
        .lighthouse
        .iter()
        .filter_map(|(_, runs)| runs.as_ref().ok())
        .flatten()
        .find_map(|r| Some((r.version.clone()?, r.settings.clone()?)));
    if let Some((version, settings)) = settings {
        let _ = writeln!(
            md,
            "Lighthouse {version}, {} runs per page, each in a fresh Chromium with a fresh profile; its \
             defaults: form factor `{}`, throttling `{}` ({}). Medians of the runs:\n",
            browser.lighthouse_runs,
            settings["formFactor"].as_str().unwrap_or("?"),
            settings["throttlingMethod"].as_str().unwrap_or("?"),
            throttling_text(&settings["throttling"])
        );
    }
    let _ = writeln!(
        md,
        "| page | score | FCP | LCP | TBT | CLS | Speed Index | TTI | scores of the runs | benchmarkIndex |\n|---|---:|---:|---:|---:|---:|---:|---:|---|---:|"
    );
    for (key, name) in PAGES {
        let cells = match lighthouse_runs(browser, key) {
            None => "not present in this build | | | | | | | | ".to_string(),
            Some(Err(error)) => format!("not measured: {error} | | | | | | | | "),
            Some(Ok(runs)) => {
                let med = |pick: fn(&LighthouseRun) -> Option<f64>| lighthouse_median(runs, pick);
                let scores: Vec<String> = runs
                    .iter()
                    .map(|r| {
                        r.score.map_or_else(
                            || format!("error: {}", r.error.clone().unwrap_or_default()),
                            |s| format!("{s:.0}"),
                        )
                    })
                    .collect();
                format!(
                    "{} | {} | {} | {} | {} | {} | {} | {} | {}",
                    med(|r| r.score).map_or("–".into(), |s| format!("{s:.0}")),
                    opt_ms(med(|r| r.fcp_ms)),
                    opt_ms(med(|r| r.lcp_ms)),
                    opt_ms(med(|r| r.tbt_ms)),
                    med(|r| r.cls).map_or("–".into(), |c| format!("{c:.4}")),
                    opt_ms(med(|r| r.speed_index_ms)),
                    opt_ms(med(|r| r.interactive_ms)),
                    scores.join(", "),
                    med(|r| r.benchmark_index).map_or("–".into(), |b| format!("{b:.0}")),
                )
            }
        };
        let _ = writeln!(md, "| {name} | {cells} |");
    }
    let _ = writeln!(md);
    for (key, name) in PAGES {
        if let Some(Ok(runs)) = lighthouse_runs(browser, key) {
            let evidence = format!("{}{}", lcp_evidence(runs), long_tasks_text(runs));
            if !evidence.is_empty() {
                let _ = writeln!(md, "- {name}: {evidence}");
            }
        }
    }
    let mut errors: Vec<(String, usize)> = browser
        .lighthouse
        .iter()
        .filter_map(|(_, runs)| runs.as_ref().ok())
        .flatten()
        .flat_map(|r| r.audit_errors.iter().cloned())
        .collect();
    errors.sort();
    errors.dedup_by(|a, b| a.0 == b.0);
    if !errors.is_empty() {
        let _ = writeln!(
            md,
            "\nSome of Lighthouse's diagnostic audits could not run with this Chromium (the metrics and \
             the score are not affected): {}. So Lighthouse does not name the LCP element or the shifted \
             elements here; the benchmark's own first load records them (above, under First load).",
            errors
                .iter()
                .map(|(why, n)| format!("\"{}\" ({n} audits)", why.replace('"', "'")))
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    let _ = writeln!(md);
}

/// Lighthouse's throttling settings as people read them.
fn throttling_text(throttling: &serde_json::Value) -> String {
    let number = |key: &str| {
        throttling[key]
            .as_f64()
            .map_or("?".into(), |v| format!("{v:.0}"))
    };
    format!(
        "round trip {} ms, {} kbit/s down, {} kbit/s up, CPU {}× slower than this machine",
        number("rttMs"),
        number("throughputKbps"),
        number("uploadThroughputKbps"),
        number("cpuSlowdownMultiplier")
    )
}

fn paints_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## Chart paint times\n");
    let Ok(browser) = &results.browser else {
        let _ = writeln!(md, "Not measured.\n");
        return;
    };
    let _ = writeln!(
        md,
        "Headless Chromium, desktop window (1280×800, device pixel ratio 1), no CPU throttling. Each \
         card writes how long its paint took (`data-draw-ms`: the core's `draw_laid_out` on the canvas, \
         decimation included, layout not) after every paint; the window was then resized {} times \
         between 1280 and 1024 px wide, each resize repainting every card. *Paints per resize* above 1 \
         means one resize paints a card more than once.\n",
        browser.redraws
    );
    let _ = writeln!(
        md,
        "| page | chart | first paint | paints while loading | repaint median | p95 | n | paints per resize (median) |\n|---|---|---:|---:|---:|---:|---:|---:|"
    );
    for (hash, charts) in &browser.chart_paints {
        match charts {
            Err(error) => {
                let _ = writeln!(md, "| `{hash}` | not measured: {error} | | | | | | |");
            }
            Ok(charts) => {
                for chart in charts {
                    let _ = writeln!(
                        md,
                        "| `{hash}` | `{}` | {} | {} | {} | {} |",
                        chart.id,
                        opt_ms(chart.first_ms),
                        chart.load_paints,
                        summary_cells(summarise(&chart.repaints_ms)),
                        stats::median(&chart.paints_per_resize)
                            .map_or("–".into(), |m| format!("{m:.0}")),
                    );
                }
            }
        }
    }
    let _ = writeln!(md, "\n### Synthetic line series\n");
    let _ = writeln!(
        md,
        "One line series of 10 000 and of 100 000 points, laid out by the card's `Frame::new` (the core's \
         `ChartLayout`) and painted by the card's `paint` (decimation included) on an 800 px canvas, \
         through the bench build's `klaster_bench_draw`; the first draw, then {} redraws at alternating \
         widths (800 and 760 px), one animation frame apart.\n",
        browser.redraws
    );
    match &browser.synthetic {
        Err(error) => {
            let _ = writeln!(md, "Not measured: {error}\n");
        }
        Ok(series) => {
            let _ = writeln!(
                md,
                "| points | first draw (layout + paint) | layout median | p95 | paint median | p95 | redraw median | p95 | n |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
            );
            for s in series {
                let layout = summarise(&s.layout_ms);
                let paint = summarise(&s.paint_ms);
                let redraw = summarise(&s.redraw_ms());
                let pair = |x: Option<Summary>| {
                    x.map_or("– | –".into(), |x| {
                        format!("{} | {}", ms(x.median), ms(x.p95))
                    })
                };
                let _ = writeln!(
                    md,
                    "| {} | {} + {} | {} | {} | {} | {} |",
                    s.points,
                    opt_ms(s.first_layout_ms),
                    opt_ms(s.first_paint_ms),
                    pair(layout),
                    pair(paint),
                    pair(redraw),
                    redraw.map_or(0, |r| r.count)
                );
            }
            let _ = writeln!(md);
        }
    }
}

fn long_task_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## Long tasks while interacting\n");
    let Ok(browser) = &results.browser else {
        let _ = writeln!(md, "Not measured.\n");
        return;
    };
    let _ = writeln!(
        md,
        "`#/en/initiative` (4 charts) in the desktop window, no CPU throttling; a PerformanceObserver \
         records every long task (over 50 ms). *load* is before the interaction and not counted in the \
         budget; then the pointer sweeps across every chart (*hover*), the first chart is stepped \
         through with the arrow keys, End, Home and Escape (*keyboard*), and the header switches the \
         page to Azerbaijani (*language*). The whole sequence runs {} times, each in a fresh browser \
         context; the budget takes the run whose longest task is the median.\n",
        browser.long_tasks.len()
    );
    let runs = &browser.long_tasks;
    let Some(first) = runs.iter().find_map(|r| r.as_ref().ok()) else {
        let error = runs.iter().find_map(|r| r.as_ref().err());
        let _ = writeln!(md, "Not measured: {}\n", error.map_or("no run", |e| e));
        return;
    };
    let heads: Vec<String> = (1..=runs.len()).map(|n| format!("run {n}")).collect();
    let _ = writeln!(
        md,
        "Each cell: how many long tasks, and the longest.\n\n| phase | {} |\n|---|{}",
        heads.join(" | "),
        "---:|".repeat(runs.len())
    );
    for phase in &first.phases {
        let cells: Vec<String> = runs
            .iter()
            .map(|run| match run {
                Err(error) => format!("not measured: {}", shorten(error, 60)),
                Ok(run) => {
                    let mine = run.in_phase(phase);
                    match mine.iter().copied().reduce(f64::max) {
                        None => "none".into(),
                        Some(longest) => format!("{}× {}", mine.len(), ms(longest)),
                    }
                }
            })
            .collect();
        let _ = writeln!(md, "| {phase} | {} |", cells.join(" | "));
    }
    let _ = writeln!(md);
}

fn rate_row(step: &str, bytes: u64, samples: &[f64]) -> String {
    match summarise(samples) {
        Some(s) if bytes > 0 && s.median > 0.0 => {
            let mb = bytes as f64 / MB;
            format!(
                "| {step} | {} | {} | {:.1} ms | {:.0} MB/s |",
                ms(s.median),
                ms(s.p95),
                s.median / mb,
                mb / (s.median / 1000.0)
            )
        }
        _ => format!("| {step} | – | – | – | – |"),
    }
}

fn decode_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## Data package: decode and validation\n");
    let _ = writeln!(
        md,
        "The shipped package (`public/data`: `datapackage.json` and every resource). *hash* is the \
         SHA-256 of every file, which the app checks each fetched file against; *parse* is every file \
         into its typed model, what the app does at its edge; *validate* is the core's whole \
         `validate_package` (parsing, hashes of the descriptor's check, and every check of meaning). \
         1 MB = 1 000 000 bytes.\n"
    );
    match &results.native_decode {
        Err(error) => {
            let _ = writeln!(md, "Natively: not measured: {error}\n");
        }
        Ok(native) => {
            let _ = writeln!(
                md,
                "Natively (`cargo run --release -p klaster-core --example decode_speed`), {} files, {}, {} rounds:\n\n| step | median per package | p95 | per MB | speed |\n|---|---:|---:|---:|---:|",
                native.files,
                kb(native.bytes as f64),
                native.hash_ms.len()
            );
            let _ = writeln!(md, "{}", rate_row("hash", native.bytes, &native.hash_ms));
            let _ = writeln!(md, "{}", rate_row("parse", native.bytes, &native.parse_ms));
            let _ = writeln!(
                md,
                "{}\n",
                rate_row("validate", native.bytes, &native.validate_ms)
            );
        }
    }
    let browser_decode = results
        .browser
        .as_ref()
        .map_err(Clone::clone)
        .and_then(|b| b.decode.clone());
    match browser_decode {
        Err(error) => {
            let _ = writeln!(md, "In the browser: not measured: {error}\n");
        }
        Ok(decode) => {
            let _ = writeln!(
                md,
                "In headless Chromium (the bench build's `klaster_bench_decode`: the same core code compiled \
                 to wasm, release profile), {} files, {}, {} rounds after one warm-up:\n\n| step | median per package | p95 | per MB | speed |\n|---|---:|---:|---:|---:|",
                decode.files,
                kb(decode.bytes as f64),
                decode.hash_ms.len()
            );
            let _ = writeln!(md, "{}", rate_row("hash", decode.bytes, &decode.hash_ms));
            let _ = writeln!(
                md,
                "{}\n",
                rate_row("validate", decode.bytes, &decode.validate_ms)
            );
        }
    }
}

fn memory_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## Memory after load\n");
    let Ok(browser) = &results.browser else {
        let _ = writeln!(md, "Not measured.\n");
        return;
    };
    let _ = writeln!(
        md,
        "After the first load above settled and the service worker (where there is one) installed: the JS \
         heap in use after a forced garbage collection (`performance.memory.usedJSHeapSize`, Chromium \
         with `--enable-precise-memory-info`) and the wasm instance's linear memory \
         (`memory.buffer.byteLength` of the module's exports; it only grows).\n"
    );
    let _ = writeln!(
        md,
        "| page | JS heap | wasm memory | settled after | service worker installed |\n|---|---:|---:|---:|---|"
    );
    for (key, name) in PAGES {
        let cells = match browser::by_key(&browser.pages, key) {
            Some(Ok(Page::Loaded(page))) => format!(
                "{} | {} | {} | {}",
                page.js_heap_bytes.map_or("–".into(), mib),
                page.wasm_memory_bytes.map_or("–".into(), mib),
                if page.settled {
                    opt_ms(page.settled_ms)
                } else {
                    "did not settle within 30 s".into()
                },
                if page.service_worker_installed {
                    "yes"
                } else {
                    "no"
                }
            ),
            Some(Ok(Page::Absent)) => "not present in this build | | | ".into(),
            Some(Err(error)) => format!("not measured: {error} | | | "),
            None => "not measured | | | ".into(),
        };
        let _ = writeln!(md, "| {name} | {cells} |");
    }
    let _ = writeln!(md);
}

fn method_section(md: &mut String, results: &Results) {
    let _ = writeln!(md, "## How this was measured\n");
    let _ = writeln!(
        md,
        "- `cargo xtask bench` builds the published release into `dist/` (as `cargo xtask build`: trunk, \
         wasm-opt, hardening, precompressed copies), and a second release with the `bench` feature into \
         `target/bench/dist` for the synthetic series and the in-browser package check; the pages and \
         Lighthouse use the published build only.\n\
         - `tests/bench/run.mjs` (playwright-core, Lighthouse and chrome-launcher pinned in \
         `tests/bench/package-lock.json`, installed only by this command) serves each build with a \
         keep-alive static server that sends `Content-Type: application/wasm` and the `.br`/`.gz` copies \
         with `Content-Encoding` when accepted, and writes the raw figures to `target/bench/browser.json`.\n\
         - Medians and 95th percentiles (nearest rank), sizes and budgets are computed in \
         `xtask/src/bench/`; the budgets are checked here, not by timed tests, and a missed budget does \
         not fail the command.\n\
         - This run: {} Lighthouse runs per page, {} redraws per chart.\n",
        results.options.lighthouse_runs, results.options.redraws
    );
}
