//! `cargo xtask bench`: builds the release, measures it and writes `docs/benchmarks.md`
//! and `docs/benchmarks.json`. It checks the budgets of issues 12, 13 and 15 in the
//! report; a missed budget does not fail the command (only a build or a tool that cannot
//! run does). Not part of `cargo xtask test`: CI never runs it.
//!
//! Steps:
//! 1. `setup`, then twiggy and the benchmark's node modules (`tools::bench_setup`);
//! 2. the published build into `dist/`, its wasm again with names for twiggy, and the
//!    wasm alone with the `bench` feature (hooks for synthetic series and the in-browser
//!    package check, `src/bench.rs`) on a blank page in `target/bench/dist`, built by trunk
//!    in the same cargo target folder;
//! 3. twiggy, and the package check natively (`crates/core/examples/decode_speed.rs`);
//! 4. the browser half, `tests/bench/run.mjs`, on the pages of [`plan::PAGES`] the build
//!    has: first loads, Lighthouse, paint times, long tasks, memory (raw figures in
//!    `target/bench/browser.json`);
//! 5. here: the sizes of every request (`first_load`), the figures (`figures`), the
//!    budgets (`budgets`) and the report (`report`).

mod budgets;
mod figures;
mod first_load;
mod machine;
mod plan;
mod report;
mod stats;
mod wasm;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::{json, Value};

use crate::build::{self, Variant};
use crate::paths;
use crate::process;
use crate::timing;
use crate::tools;
use crate::Result;

use figures::Figures;
use first_load::{FileSizes, Phase, Request};
use plan::{Kind, Page, PAGES};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub lighthouse_runs: u32,
    pub redraws: u32,
    /// Measure the builds already in `dist/` and `target/bench/dist`.
    pub build: bool,
}

impl Options {
    pub const DEFAULT: Options = Options {
        lighthouse_runs: 5,
        redraws: 20,
        build: true,
    };
}

fn parse_options(args: &[String]) -> Result<Options> {
    let mut options = Options::DEFAULT;
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut number = |name: &str| -> Result<u32> {
            let value = args.next().ok_or(format!("`{name}` needs a number"))?;
            match value.parse() {
                Ok(n) if n > 0 => Ok(n),
                _ => Err(format!("`{name} {value}`: not a positive number")),
            }
        };
        match arg.as_str() {
            "--lighthouse-runs" => options.lighthouse_runs = number("--lighthouse-runs")?,
            "--redraws" => options.redraws = number("--redraws")?,
            "--no-build" => options.build = false,
            other => {
                return Err(format!(
                    "`bench` does not know `{other}`; see `cargo xtask help`"
                ))
            }
        }
    }
    Ok(options)
}

/// Times the embed is loaded on slow 4G for its pointer-over-to-tooltip figure.
const TOOLTIP_RUNS: u32 = 3;

pub fn command(args: &[String]) -> Result<()> {
    let options = parse_options(args)?;
    let started = Instant::now();
    let load_before = machine::load_average();
    let toolchain = tools::setup()?;
    let bench_tools = tools::bench_setup()?;
    let out = paths::bench_target_dir();
    std::fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let dist = paths::dist_dir();
    let bench_dist = out.join("dist");
    let named_wasm = out.join("klaster_bg.names.wasm");
    if options.build {
        step("published build into dist/");
        build::release(&toolchain)?;
        step("the published wasm again, with names, for twiggy");
        keep_names(&toolchain.wasm_opt_dir, &named_wasm)?;
        step("the wasm with the bench hooks into target/bench/dist");
        let root = paths::repo_root();
        let index = std::fs::read_to_string(root.join("index.html"))
            .map_err(|e| format!("index.html: {e}"))?;
        let page = out.join("index.html");
        write(
            &page,
            &bench_page(&index)
                .ok_or("index.html has no rust link whose data-cargo-features include hydrate")?,
        )?;
        build::release_variant(
            &toolchain,
            &Variant {
                dist: bench_dist.clone(),
                html: page,
                site: false,
            },
        )?;
    }
    for folder in [&dist, &bench_dist] {
        if !folder.join("index.html").is_file() {
            return Err(format!(
                "{} has no index.html; run without --no-build",
                folder.display()
            ));
        }
    }
    if bench_hooks_in(&dist)? {
        return Err("the published dist/ names a bench hook (klaster_bench_*): rebuild it with `cargo xtask build`".into());
    }

    let mut figures = Figures::default();
    step("twiggy");
    let wasm = published_wasm(&dist)?;
    if let Some(sizes) = FileSizes::of(&dist, Path::new(&wasm)) {
        figures.set("wasm.raw", figures::Unit::Bytes, sizes.raw as f64);
        figures.set("wasm.gzip", figures::Unit::Bytes, sizes.gzip as f64);
        figures.set("wasm.brotli", figures::Unit::Bytes, sizes.brotli as f64);
    }
    let items = twiggy(&bench_tools.twiggy, &named_wasm).unwrap_or_else(|error| {
        println!("    twiggy: {error}");
        Vec::new()
    });
    step("package check, natively");
    match native_decode(options.redraws) {
        Ok(value) => figures::decode(&mut figures, "native", &value),
        Err(error) => figures.unmeasured("decode.native", &error),
    }

    step("browser: first loads, paints, long tasks, memory, Lighthouse");
    let built: Vec<&'static Page> = PAGES
        .iter()
        .filter(|p| first_load::file_for(&dist, p.address).is_some())
        .collect();
    let plan_file = out.join("plan.json");
    let browser_json = out.join("browser.json");
    let plan = json!({
        "dist": dist, "benchDist": bench_dist, "out": browser_json,
        "lighthouseRuns": options.lighthouse_runs, "redraws": options.redraws, "tooltipRuns": TOOLTIP_RUNS,
        "pages": built.iter().map(|p| json!({
            "key": p.key, "address": p.address,
            "kind": if p.kind == Kind::Embed { "embed" } else { "portal" },
        })).collect::<Vec<_>>(),
        "chartPages": chart_pages(&dist),
        "interactionPage": plan::page(plan::INTERACTION_PAGE).map(|p| p.address),
    });
    write(
        &plan_file,
        &serde_json::to_string_pretty(&plan).unwrap_or_default(),
    )?;
    let browser = run_browser_half(&plan_file)
        .and_then(|()| {
            std::fs::read_to_string(&browser_json)
                .map_err(|e| format!("{}: {e}", browser_json.display()))
        })
        .and_then(|text| {
            serde_json::from_str::<Value>(&text)
                .map_err(|e| format!("{}: {e}", browser_json.display()))
        })
        .unwrap_or_else(|error| json!({ "error": error }));
    if let Err(error) = figures::section(&browser) {
        figures.unmeasured("", &error);
    }

    step("sizes of every request");
    let mut visits = Vec::new();
    for page in &built {
        match figures::section(&browser["pages"][page.key]) {
            Err(error) => figures.unmeasured(page.key, &error),
            Ok(raw) => {
                let visit = first_load::account(&dist, &requests(raw), |f| FileSizes::of(&dist, f));
                let woken = raw["islands"]["woken"].as_u64().unwrap_or(0);
                figures::sizes(&mut figures, page.key, &visit, woken);
                figures::page_load(&mut figures, page.key, raw);
                visits.push((*page, visit));
            }
        }
        match figures::section(&browser["lighthouse"][page.key]) {
            Err(error) => figures.unmeasured(&format!("{}.lighthouse", page.key), &error),
            Ok(runs) => {
                figures::lighthouse(&mut figures, page.key, runs.as_array().map_or(&[], |r| r))
            }
        }
        if page.kind == Kind::Embed {
            match figures::section(&browser["tooltip"]) {
                Err(error) => figures.unmeasured(&format!("{}.tooltip", page.key), &error),
                Ok(tooltip) => figures::tooltip(&mut figures, page.key, tooltip),
            }
        }
    }
    let service_worker = match figures::section(&browser["serviceWorker"]) {
        Err(error) => {
            figures.unmeasured("sw", &error);
            None
        }
        Ok(raw) => {
            let visit = first_load::account(&dist, &requests(raw), |f| FileSizes::of(&dist, f));
            figures::service_worker(&mut figures, &visit);
            Some(visit)
        }
    };
    for page in browser["chartPaints"].as_array().into_iter().flatten() {
        if let Ok(page) = figures::section(page) {
            figures::paints(&mut figures, page);
        }
    }
    match figures::section(&browser["synthetic"]) {
        Ok(series) => figures::synthetic(&mut figures, series),
        Err(error) => figures.unmeasured("synthetic", &error),
    }
    match figures::section(&browser["decode"]) {
        Ok(decode) => figures::decode(&mut figures, "browser", decode),
        Err(error) => figures.unmeasured("decode.browser", &error),
    }
    figures::interaction(
        &mut figures,
        browser["longTasks"].as_array().map_or(&[], |r| r),
    );

    let checks = budgets::evaluate(&plan::budgets(), &figures, |page| {
        built.iter().any(|p| p.key == page)
    });
    let docs = paths::repo_root().join("docs");
    let previous = std::fs::read_to_string(docs.join("benchmarks-previous.json"))
        .ok()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or(Value::Null);
    let named = |items: Vec<wasm::Item>| {
        items
            .into_iter()
            .map(|i| (i.name, i.bytes))
            .collect::<Vec<_>>()
    };
    let crates: Vec<(String, u64)> = wasm::by_crate(&items).into_iter().take(15).collect();
    let top = named(wasm::top(&items, 15));
    let report = report::Report {
        provenance: &machine::provenance(),
        machine: &machine::describe(load_before),
        browser: (
            browser["chromium"].as_str().unwrap_or("?").to_string(),
            browser["node"].as_str().unwrap_or("?").to_string(),
        ),
        took_seconds: started.elapsed().as_secs(),
        checks: &checks,
        figures: &figures,
        previous: &previous,
        visits: &visits,
        service_worker: service_worker.as_ref(),
        wasm_crates: &crates,
        wasm_items: &top,
        raw: json!({ "lighthouse": browser["lighthouse"], "longTasks": browser["longTasks"], "tooltip": browser["tooltip"] }),
    };
    write(&docs.join("benchmarks.md"), &report.markdown())?;
    write(
        &docs.join("benchmarks.json"),
        &(serde_json::to_string_pretty(&report.json()).unwrap_or_default() + "\n"),
    )?;
    println!("\n==> budgets");
    for check in &checks {
        let b = &check.budget;
        println!(
            "  {:<12} {:<24} {:<62} {}",
            check.verdict.word(),
            b.figure,
            b.what,
            figures.show(&b.figure)
        );
    }
    println!(
        "\nWrote docs/benchmarks.md and docs/benchmarks.json in {}.",
        timing::format(started.elapsed())
    );
    Ok(())
}

fn step(title: &str) {
    println!("\n==> bench: {title}");
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

/// The bench build's page: index.html's rust link alone, with the `bench` feature (the
/// hooks of src/bench.rs) and the workspace's Cargo.toml as seen from `target/bench/`.
fn bench_page(index_html: &str) -> Option<String> {
    let at = index_html.find("rel=\"rust\"")?;
    let open = index_html[..at].rfind('<')?;
    let close = at + index_html[at..].find('>')?;
    let link = &index_html[open..=close];
    // The app's features, whatever they are (`hydrate`, `hydrate,share`): `bench` turns on
    // the portal's own and the hooks.
    let name = "data-cargo-features=\"";
    let from = link.find(name)? + name.len();
    let to = from + link[from..].find('"')?;
    link[from..to].split(',').any(|f| f == "hydrate").then(|| {
        let link = format!(
            "{}bench\" href=\"../../Cargo.toml{}",
            &link[..from],
            &link[to..]
        );
        format!(
            "<!doctype html>\n<html><head><title>bench</title>{link}</head><body></body></html>\n"
        )
    })
}

/// The requests of a visit the browser half recorded.
fn requests(visit: &Value) -> Vec<Request> {
    let text = |r: &Value, key: &str| r[key].as_str().map(String::from);
    visit["requests"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| {
            Some(Request {
                url: text(r, "url")?,
                path: text(r, "path"),
                kind: text(r, "type").unwrap_or_default(),
                status: r["status"].as_u64().map(|s| s as u16),
                failed: text(r, "failed"),
                transfer_bytes: r["transferBytes"].as_f64().map_or(0, |b| b.max(0.0) as u64),
                phase: Phase::parse(r["phase"].as_str()?)?,
            })
        })
        .collect()
}

/// The portal pages (English) whose HTML has a chart island, as addresses.
fn chart_pages(dist: &Path) -> Vec<String> {
    let mut pages: Vec<String> = std::fs::read_dir(dist.join("en"))
        .into_iter()
        .flatten()
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            let html =
                std::fs::read_to_string(dist.join("en").join(&name).join("index.html")).ok()?;
            html.contains("data-component=\"ChartIsland")
                .then(|| format!("/en/{name}/"))
        })
        .collect();
    pages.sort();
    pages
}

/// wasm-bindgen's output of the published build, optimised as trunk does plus `-g`
/// (keep the name section), so twiggy can name what the published wasm holds.
fn keep_names(wasm_opt_dir: &Path, named: &Path) -> Result<()> {
    let root = paths::repo_root();
    let index =
        std::fs::read_to_string(root.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let args = wasm::wasm_opt_args(&index)
        .ok_or("index.html has no data-wasm-opt on its rel=\"rust\" link")?;
    let source = root.join("target/wasm-bindgen/release/klaster_bg.wasm");
    if !source.is_file() {
        return Err(format!("{} is missing after the build", source.display()));
    }
    process::run(
        Command::new(wasm_opt_dir.join("wasm-opt"))
            .args(&args)
            .arg("-g")
            .arg(&source)
            .arg("-o")
            .arg(named),
    )
}

/// The portal's published `.wasm`, relative to `dist/`: the one its pages' import map
/// names (the embeds' own build sits beside it).
fn published_wasm(dist: &Path) -> Result<String> {
    // The home page loads no wasm itself: its boot script names the portal's app.
    let page = dist.join("en/index.html");
    let html = std::fs::read_to_string(&page).map_err(|e| format!("{}: {e}", page.display()))?;
    let boot = named_file(&html, "boot-", ".js")
        .ok_or_else(|| format!("{} names no boot script", page.display()))?;
    let text = std::fs::read_to_string(dist.join(&boot)).map_err(|e| format!("{boot}: {e}"))?;
    named_file(&text, "klaster-", "_bg.wasm").ok_or_else(|| format!("{boot} names no app"))
}

/// The first file name in `text` that is `prefix`, then letters and digits, then `suffix`.
fn named_file(text: &str, prefix: &str, suffix: &str) -> Option<String> {
    text.match_indices(prefix).find_map(|(at, _)| {
        let rest = &text[at + prefix.len()..];
        let stem = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
                .len();
        rest[stem..]
            .starts_with(suffix)
            .then(|| format!("{prefix}{}{suffix}", &rest[..stem]))
    })
}

/// Whether any top-level `.js` or `.wasm` of `dist` names a bench hook.
fn bench_hooks_in(dist: &Path) -> Result<bool> {
    const MARKER: &[u8] = b"klaster_bench";
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for path in entries.filter_map(|e| e.ok()).map(|e| e.path()) {
        if path.extension().is_some_and(|e| e == "js" || e == "wasm") {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            if bytes.windows(MARKER.len()).any(|w| w == MARKER) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

fn twiggy(twiggy: &Path, named: &Path) -> Result<Vec<wasm::Item>> {
    let output = Command::new(twiggy)
        .args(["top", "-n", "1000000", "--format", "json"])
        .arg(named)
        .output()
        .map_err(|e| format!("could not run twiggy: {e}"))?;
    if !output.status.success() {
        return Err(format!(
            "twiggy failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    wasm::parse_twiggy(&String::from_utf8_lossy(&output.stdout))
}

/// `crates/core/examples/decode_speed.rs`, release build, `rounds` rounds.
fn native_decode(rounds: u32) -> Result<Value> {
    let root = paths::repo_root();
    let output = Command::new(paths::cargo())
        .args([
            "run",
            "--release",
            "-q",
            "-p",
            "klaster-core",
            "--example",
            "decode_speed",
            "--",
        ])
        .arg(root.join("public/data"))
        .arg(rounds.to_string())
        .current_dir(&root)
        .output()
        .map_err(|e| format!("could not run cargo: {e}"))?;
    if !output.status.success() {
        return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
    }
    let value: Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("decode_speed's output: {e}"))?;
    Ok(json!({
        "files": value["files"], "bytes": value["bytes"], "hashMs": value["hash_ms"],
        "parseMs": value["parse_ms"], "validateMs": value["validate_ms"],
    }))
}

fn run_browser_half(plan: &PathBuf) -> Result<()> {
    let bench = paths::bench_dir();
    process::run(
        Command::new("node")
            .arg(bench.join("run.mjs"))
            .arg(plan)
            .current_dir(&bench),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<String> {
        words.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn options_default_to_five_lighthouse_runs_and_twenty_redraws() {
        assert_eq!(parse_options(&[]).unwrap(), Options::DEFAULT);
        assert_eq!(
            parse_options(&args(&[
                "--lighthouse-runs",
                "1",
                "--redraws",
                "3",
                "--no-build"
            ]))
            .unwrap(),
            Options {
                lighthouse_runs: 1,
                redraws: 3,
                build: false
            }
        );
        assert!(parse_options(&args(&["--redraws", "0"])).is_err());
        assert!(parse_options(&args(&["--redraws"])).is_err());
        assert!(parse_options(&args(&["--fast"])).is_err());
    }

    #[test]
    fn the_bench_hooks_are_found_by_name() {
        let dir = std::env::temp_dir().join(format!("xtask-hooks-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("app.js"), "export function start() {}").unwrap();
        assert_eq!(bench_hooks_in(&dir), Ok(false));
        std::fs::write(dir.join("app_bg.wasm"), b"\0asm..klaster_bench_draw..").unwrap();
        assert_eq!(bench_hooks_in(&dir), Ok(true));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn the_app_is_found_by_its_file_name_not_by_other_words() {
        let boot = "localStorage 'klaster-theme'; import('./klaster-49ed504c.js'); fetch('klaster-49ed504c_bg.wasm')";
        assert_eq!(
            named_file(boot, "klaster-", "_bg.wasm").as_deref(),
            Some("klaster-49ed504c_bg.wasm")
        );
        assert_eq!(
            named_file("<script src=\"../boot-rgG8Cq.js\">", "boot-", ".js").as_deref(),
            Some("boot-rgG8Cq.js")
        );
        assert_eq!(named_file("klaster-theme", "klaster-", ".js"), None);
    }

    #[test]
    fn the_bench_page_builds_the_app_with_the_bench_feature() {
        let index = r#"<head><link data-trunk rel="css" href="style/main.css">
  <link data-trunk rel="rust" data-target-name="klaster" data-cargo-features="hydrate" data-wasm-opt="z"></head>"#;
        let page = bench_page(index).unwrap();
        assert!(page.contains(r#"<link data-trunk rel="rust" data-target-name="klaster" data-cargo-features="bench" href="../../Cargo.toml" data-wasm-opt="z">"#), "{page}");
        assert!(!page.contains("main.css"));
        assert_eq!(bench_page(r#"<link data-trunk rel="rust">"#), None);
        let portal = index.replace("\"hydrate\"", "\"hydrate,share\"");
        assert_eq!(bench_page(&portal), Some(page));
    }

    #[test]
    fn requests_keep_their_phase_and_a_request_without_one_is_left_out() {
        let visit = json!({"requests": [
            {"url": "http://h/en/", "path": "/en/", "type": "document", "status": 200, "failed": null,
             "transferBytes": 3800, "phase": "load"},
            {"url": "http://h/x.wasm", "path": "/x.wasm", "type": "fetch", "status": null,
             "failed": "net::ERR_ABORTED", "transferBytes": null, "phase": "more"},
            {"url": "http://h/y", "phase": "elsewhere"}
        ]});
        let parsed = requests(&visit);
        assert_eq!(parsed.len(), 2);
        assert_eq!(
            (parsed[0].phase, parsed[0].transfer_bytes),
            (Phase::Load, 3800)
        );
        assert_eq!(parsed[1].failed.as_deref(), Some("net::ERR_ABORTED"));
        assert_eq!((parsed[1].phase, parsed[1].status), (Phase::More, None));
    }
}
