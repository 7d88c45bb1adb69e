//! `cargo xtask bench`: builds the release, measures it and writes `docs/benchmarks.md`
//! and `docs/benchmarks.json` with the machine, date and commit. It reports figures and
//! checks the budgets of issue 8 in the report; a missed budget does not fail the
//! command (only a build or a tool that cannot run does). Not part of `cargo xtask test`.
//!
//! Steps:
//! 1. `setup`, then twiggy and the benchmark's node modules (`tools::bench_setup`);
//! 2. the published build into `dist/` (as `cargo xtask build`), a copy of its wasm with
//!    names for twiggy (`wasm`), and a second build with the `bench` feature (hooks for
//!    synthetic series and the in-browser package check) into `target/bench/dist`;
//! 3. the published bundle checked free of the bench hooks; twiggy; `cargo tree -d`; the
//!    package check natively (`crates/core/examples/decode_speed.rs`);
//! 4. the browser half, `tests/bench/run.mjs`: first loads, Lighthouse, paint times, long
//!    tasks, memory (raw figures in `target/bench/browser.json`);
//! 5. statistics, sizes and budgets here (`stats`, `first_load`, `figures`, `budgets`),
//!    and the report (`markdown`, with `why` for each missed budget; `record` for the
//!    JSON).

mod browser;
mod budgets;
mod figures;
mod first_load;
mod machine;
mod markdown;
mod record;
mod stats;
mod wasm;
mod why;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::build::{self, Variant};
use crate::compress;
use crate::paths;
use crate::process;
use crate::static_files::Encoding;
use crate::timing;
use crate::tools;
use crate::Result;

use browser::{Browser, Page, Section};
use first_load::{FileSizes, FirstLoad};

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

/// The pages whose first load is measured: key, what it is.
pub const PAGES: [(&str, &str); 3] = [
    ("home", "home page (`/#/en/`)"),
    ("chart", "chart page (`/#/en/initiative`, 4 charts)"),
    ("embed", "embed (`chart-initiative-growth-en.html`)"),
];

/// The wasm with names that twiggy reads, and what it was made from.
pub struct WasmAnalysis {
    pub analysed: PathBuf,
    pub made_from: PathBuf,
    pub wasm_opt_args: Vec<String>,
    /// The published wasm, raw.
    pub published: PathBuf,
    pub published_bytes: u64,
    /// All items of the analysed file (the name section included).
    pub items: Vec<wasm::Item>,
}

pub struct NativeDecode {
    pub files: u64,
    pub bytes: u64,
    pub hash_ms: Vec<f64>,
    pub parse_ms: Vec<f64>,
    pub validate_ms: Vec<f64>,
}

pub struct Duplicates {
    /// `cargo tree -d -e normal`: each crate found at more than one version.
    pub normal: Vec<String>,
    /// The same without proc-macros (what can reach the wasm), as cargo prints it.
    pub bundle_tree: String,
}

/// Everything the report is written from.
pub struct Results {
    pub options: Options,
    pub machine: machine::Machine,
    pub provenance: machine::Provenance,
    pub took: Duration,
    pub browser: Section<Browser>,
    /// Per page of [`PAGES`]: its first load, `Ok(None)` when the build has no such page.
    pub first_loads: Vec<(String, Section<Option<FirstLoad>>)>,
    pub wasm: Section<WasmAnalysis>,
    pub duplicates: Section<Duplicates>,
    pub native_decode: Section<NativeDecode>,
    /// Whether the published JS or wasm names a bench hook (it must not).
    pub hooks_in_published: Section<bool>,
}

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
        step("build with the bench hooks into target/bench/dist");
        build::release_variant(
            &toolchain,
            &Variant {
                dist: bench_dist.clone(),
                features: Some("bench"),
                cargo_target_dir: Some(out.join("cargo")),
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

    step("published bundle free of bench hooks");
    let hooks_in_published = bench_hooks_in(&dist);
    println!("    {hooks_in_published:?}");
    step("twiggy");
    let wasm = analyse_wasm(&bench_tools.twiggy, &named_wasm, &dist);
    step("duplicate crates");
    let duplicates = duplicate_crates();
    step("package check, natively");
    let native_decode = native_decode(options.redraws);

    step("browser: first loads, paints, long tasks, memory, Lighthouse");
    let browser_json = out.join("browser.json");
    let browser = run_browser_half(&options, &dist, &bench_dist, &browser_json)
        .and_then(|()| {
            std::fs::read_to_string(&browser_json)
                .map_err(|e| format!("{}: {e}", browser_json.display()))
        })
        .and_then(|json| browser::parse(&json));

    step("sizes of every first-load request");
    let first_loads = first_loads(&browser, &dist);

    let results = Results {
        options,
        machine: machine::describe(load_before),
        provenance: machine::provenance(),
        took: started.elapsed(),
        browser,
        first_loads,
        wasm,
        duplicates,
        native_decode,
        hooks_in_published,
    };
    let docs = paths::repo_root().join("docs");
    std::fs::create_dir_all(&docs).map_err(|e| format!("{}: {e}", docs.display()))?;
    let checks = budgets::evaluate(&figures::figures(&results));
    let markdown = markdown::markdown(&results, &checks);
    let json = serde_json::to_string_pretty(&record::to_json(&results, &checks))
        .map_err(|e| format!("the JSON report: {e}"))?
        + "\n";
    for (file, text) in [("benchmarks.md", markdown), ("benchmarks.json", json)] {
        let path = docs.join(file);
        std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    println!("\n==> budgets");
    for check in &checks {
        println!(
            "  {:<13} {:<62} {:>10}  (limit {})",
            check.verdict.word(),
            check.name,
            check.measured_text,
            check.limit_text
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

/// wasm-bindgen's output of the published build, optimised as trunk does plus `-g`
/// (keep the name section), so twiggy can name what the published wasm holds.
fn keep_names(wasm_opt_dir: &Path, named: &Path) -> Result<()> {
    let root = paths::repo_root();
    let index =
        std::fs::read_to_string(root.join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let args = wasm::wasm_opt_args(&index)
        .ok_or("index.html has no data-wasm-opt on its rel=\"rust\" link")?;
    let source = bindgen_output();
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

/// Where trunk leaves wasm-bindgen's output, before wasm-opt.
fn bindgen_output() -> PathBuf {
    paths::repo_root()
        .join("target/wasm-bindgen/release")
        .join("klaster_bg.wasm")
}

/// The published `.wasm` (one, at the top of `dist/`).
fn published_wasm(dist: &Path) -> Result<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dist)
        .map_err(|e| format!("{}: {e}", dist.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "wasm"))
        .collect();
    found.sort();
    found
        .pop()
        .ok_or_else(|| format!("{} has no .wasm", dist.display()))
}

/// Whether any top-level `.js` or `.wasm` of `dist` names a bench hook.
fn bench_hooks_in(dist: &Path) -> Section<bool> {
    const MARKER: &[u8] = b"klaster_bench";
    let entries = std::fs::read_dir(dist).map_err(|e| format!("{}: {e}", dist.display()))?;
    for entry in entries.filter_map(|e| e.ok()) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "js" || e == "wasm") {
            let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            if bytes.windows(MARKER.len()).any(|w| w == MARKER) {
                return Ok(true);
            }
        }
    }
    Ok(false)
}

fn analyse_wasm(twiggy: &Path, named: &Path, dist: &Path) -> Section<WasmAnalysis> {
    if !named.is_file() {
        return Err(format!(
            "{} is missing; run without --no-build",
            named.display()
        ));
    }
    let published = published_wasm(dist)?;
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
    let items = wasm::parse_twiggy(&String::from_utf8_lossy(&output.stdout))?;
    let index = std::fs::read_to_string(paths::repo_root().join("index.html")).unwrap_or_default();
    Ok(WasmAnalysis {
        analysed: named.to_path_buf(),
        made_from: bindgen_output(),
        wasm_opt_args: wasm::wasm_opt_args(&index).unwrap_or_default(),
        published_bytes: std::fs::metadata(&published).map_or(0, |m| m.len()),
        published,
        items,
    })
}

/// `cargo tree -d` for the wasm target: every crate, then without proc-macros.
fn duplicate_crates() -> Section<Duplicates> {
    let tree = |edges: &str| -> Section<String> {
        let output = Command::new(paths::cargo())
            .args([
                "tree",
                "-d",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "klaster",
                "-e",
            ])
            .arg(edges)
            .current_dir(paths::repo_root())
            .output()
            .map_err(|e| format!("could not run cargo tree: {e}"))?;
        if !output.status.success() {
            return Err(String::from_utf8_lossy(&output.stderr).trim().to_string());
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let normal = tree("normal")?;
    Ok(Duplicates {
        normal: normal
            .lines()
            .filter(|line| line.starts_with(|c: char| c.is_ascii_alphanumeric()))
            .map(String::from)
            .collect(),
        bundle_tree: tree("normal,no-proc-macro")?,
    })
}

/// `crates/core/examples/decode_speed.rs`, release build, `rounds` rounds.
fn native_decode(rounds: u32) -> Section<NativeDecode> {
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
    let value: serde_json::Value = serde_json::from_slice(&output.stdout)
        .map_err(|e| format!("decode_speed's output: {e}"))?;
    let numbers = |key: &str| -> Vec<f64> {
        value[key]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
            .unwrap_or_default()
    };
    Ok(NativeDecode {
        files: value["files"].as_u64().unwrap_or(0),
        bytes: value["bytes"].as_u64().unwrap_or(0),
        hash_ms: numbers("hash_ms"),
        parse_ms: numbers("parse_ms"),
        validate_ms: numbers("validate_ms"),
    })
}

fn run_browser_half(options: &Options, dist: &Path, bench_dist: &Path, out: &Path) -> Result<()> {
    let bench = paths::bench_dir();
    process::run(
        Command::new("node")
            .arg(bench.join("run.mjs"))
            .arg("--dist")
            .arg(dist)
            .arg("--bench-dist")
            .arg(bench_dist)
            .arg("--out")
            .arg(out)
            .args(["--lighthouse-runs", &options.lighthouse_runs.to_string()])
            .args(["--redraws", &options.redraws.to_string()])
            .current_dir(&bench),
    )
}

/// The sizes of a file of `dist`, compressed as the build's copies are.
fn measure(dist: &Path, file: &Path) -> Option<FileSizes> {
    let path = dist.join(file);
    Some(FileSizes {
        raw: std::fs::metadata(&path).ok()?.len(),
        gzip: compress::compressed(Encoding::Gzip, &path).ok()?.len() as u64,
        brotli: compress::compressed(Encoding::Brotli, &path).ok()?.len() as u64,
    })
}

fn first_loads(
    browser: &Section<Browser>,
    dist: &Path,
) -> Vec<(String, Section<Option<FirstLoad>>)> {
    let mut measured: HashMap<PathBuf, Option<FileSizes>> = HashMap::new();
    PAGES
        .iter()
        .map(|(key, _)| {
            let load = match browser {
                Err(error) => Err(error.clone()),
                Ok(browser) => match browser::by_key(&browser.pages, key) {
                    None => Err("not measured".to_string()),
                    Some(Err(error)) => Err(error.clone()),
                    Some(Ok(Page::Absent)) => Ok(None),
                    Some(Ok(Page::Loaded(page))) => {
                        Ok(Some(first_load::account(dist, &page.requests, |file| {
                            *measured
                                .entry(file.to_path_buf())
                                .or_insert_with(|| measure(dist, file))
                        })))
                    }
                },
            };
            (key.to_string(), load)
        })
        .collect()
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
}
