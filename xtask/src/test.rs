//! `cargo xtask test`: the one command README and CI run. Steps run in order
//! and the first failure stops the pipeline with a non-zero exit.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::build;
use crate::paths;
use crate::process;
use crate::timing;
use crate::tools;
use crate::wasm_rust;
use crate::Result;

const STEPS: usize = 9;

pub fn pipeline() -> Result<()> {
    let mut run = Pipeline::default();
    let outcome = steps(&mut run);
    run.print_summary(outcome.is_ok());
    outcome
}

fn steps(run: &mut Pipeline) -> Result<()> {
    let toolchain = run.step("setup: toolchain", tools::setup)?;
    run.step("format: cargo fmt --all -- --check", || {
        cargo(&["fmt", "--all", "--", "--check"])
    })?;
    run.step(
        "lint: cargo clippy --workspace --all-targets -- -D warnings",
        || {
            cargo(&[
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
        },
    )?;
    run.step(
        "lint (browser code): cargo clippy --target wasm32-unknown-unknown -p klaster --features hydrate,share --lib -- -D warnings",
        clippy_browser_code,
    )?;
    run.step("unit tests: cargo test --workspace", || {
        cargo(&["test", "--workspace"])
    })?;
    run.step("data: klaster-publish validate public/data", || {
        cargo(&[
            "run",
            "-q",
            "-p",
            "klaster-publish",
            "--",
            "validate",
            "public/data",
        ])
    })?;
    run.step("release build: trunk into dist/", || {
        build::release(&toolchain)
    })?;
    let debug_dist = run.step(
        "debug build of the islands (hydration warnings): trunk into target/debug-islands/dist",
        || build::debug_islands(&toolchain),
    )?;
    run.step("browser tests: npm test in tests/e2e", || {
        browser_tests(&debug_dist)
    })?;
    Ok(())
}

/// The workspace clippy builds for the host, where `src/chart/live/` (feature `hydrate`,
/// the browser's code) does not exist; this lints the app as the browser gets it, with
/// the same compiler the build uses for wasm32.
fn clippy_browser_code() -> Result<()> {
    let wasm_rust = wasm_rust::detect()
        .ok_or("no Rust compiler can build wasm32 here; run `cargo xtask setup`")?;
    let mut path_dirs = wasm_rust.path_dirs();
    path_dirs.push(paths::cargo_bin_dir());
    process::run(
        Command::new(paths::cargo())
            .args([
                "clippy",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "klaster",
                "--features",
                "hydrate,share",
                "--lib",
                "--",
                "-D",
                "warnings",
            ])
            .current_dir(paths::repo_root())
            .env("PATH", process::path_with(&path_dirs)?)
            .envs(wasm_rust.env()),
    )
}

/// A workspace cargo command run from the repo root.
fn cargo(args: &[&str]) -> Result<()> {
    process::run(
        Command::new(paths::cargo())
            .args(args)
            .current_dir(paths::repo_root()),
    )
}

fn browser_tests(debug_dist: &Path) -> Result<()> {
    let e2e = paths::e2e_dir();
    if !e2e.join("package.json").is_file() {
        return Err(format!("{} is missing", e2e.join("package.json").display()));
    }
    process::run(
        Command::new("npm")
            .arg("test")
            .current_dir(&e2e)
            .env("KLASTER_DIST", paths::dist_dir())
            .env("KLASTER_DIST_DEBUG", debug_dist),
    )
}

/// Numbered step headers, per-step times, and the summary at the end.
#[derive(Default)]
struct Pipeline {
    finished: Vec<(&'static str, Duration)>,
    failed: Option<(&'static str, Duration)>,
    started: Option<Instant>,
}

impl Pipeline {
    fn step<T>(&mut self, title: &'static str, work: impl FnOnce() -> Result<T>) -> Result<T> {
        self.started.get_or_insert_with(Instant::now);
        let number = self.finished.len() + 1;
        println!("\n=== [{number}/{STEPS}] {title}");
        let started = Instant::now();
        let outcome = work();
        let elapsed = started.elapsed();
        match outcome {
            Ok(value) => {
                println!("=== [{number}/{STEPS}] ok in {}", timing::format(elapsed));
                self.finished.push((title, elapsed));
                Ok(value)
            }
            Err(err) => {
                println!(
                    "=== [{number}/{STEPS}] FAILED after {}",
                    timing::format(elapsed)
                );
                self.failed = Some((title, elapsed));
                Err(format!("step {number}/{STEPS} `{title}` failed: {err}"))
            }
        }
    }

    fn print_summary(&self, passed: bool) {
        println!("\n=== summary");
        for (title, elapsed) in &self.finished {
            println!("  ok      {:>8}  {title}", timing::format(*elapsed));
        }
        if let Some((title, elapsed)) = self.failed {
            println!("  FAILED  {:>8}  {title}", timing::format(elapsed));
        }
        let skipped = STEPS - self.finished.len() - usize::from(self.failed.is_some());
        if skipped > 0 {
            println!("  skipped {skipped} later step(s)");
        }
        let total = self.started.map(|s| s.elapsed()).unwrap_or_default();
        let verdict = if passed { "passed" } else { "FAILED" };
        println!("  {verdict} in {}", timing::format(total));
    }
}
