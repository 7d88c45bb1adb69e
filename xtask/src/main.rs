//! `cargo xtask`: set up the toolchain, build, serve and test klaster.
//!
//! Plain Rust with few dependencies (sha2 for hashes, serde_json for the benchmark's
//! figures), so it compiles in seconds on a fresh clone.
//!
//! Codemap:
//! - `paths`        where things live: the repo, `dist/`, `~/.cargo/bin`, the tool cache
//! - `process`      run commands: echo them, time-limit them, probe versions, search PATH
//! - `versions`     pinned tool versions, Cargo.lock parsing, version-string matching
//! - `apt`          install Debian packages (root or sudo), `apt-get update` once per run
//! - `wasm_rust`    which Rust compiler builds wasm32: rustup's target or Debian's rustc-web
//! - `tools`        `setup`: each tool checked, installed only when missing or at the wrong version
//! - `build`        `trunk build --release --offline` into `dist/`, then the after-build hook
//! - `harden`       after the build: boot script, Subresource Integrity, the CSP meta tag
//! - `host_config`  the headers per path kind for each host: `_headers`, nginx, Caddy
//! - `compress`     precompressed `.br` and `.gz` copies of the text files and wasm in `dist/`
//! - `sizes`        raw, gzip and brotli sizes of the built `.wasm` and `.js`
//! - `static_files` request target -> file under `dist/`, content types, encodings (pure logic)
//! - `serve`        the small HTTP/1.1 server for `dist/`
//! - `test`         the one pipeline README and CI run
//! - `bench`        per page: sizes, Lighthouse, timings and budgets into `docs/benchmarks.*`
//! - `timing`       elapsed-time formatting

mod apt;
mod bench;
mod build;
mod compress;
mod harden;
mod host_config;
mod paths;
mod process;
mod serve;
mod sizes;
mod static_files;
mod test;
mod timing;
mod tools;
mod versions;
mod wasm_rust;

use std::process::ExitCode;

/// Every failure is a message a person can act on.
pub type Result<T> = std::result::Result<T, String>;

const HELP: &str = "\
cargo xtask <command>

Commands:
  setup                      install missing tools (wasm32 target, wasm-bindgen, trunk,
                             wasm-opt, chromium, brotli, e2e node modules); a warm run
                             only checks versions
  build                      setup, then release build with trunk into dist/ and print
                             raw / gzip / brotli sizes of the .wasm and .js
  pages <package-dir> <dist-dir>
                             render the package's charts and every page again into a
                             dist/ that `build` made (its frames beside it), harden and
                             compress: a data change without rebuilding the app
  serve [--port N] [--no-build]
                             build (unless --no-build), then serve dist/ on 127.0.0.1
                             (default port 8080, or the next free one)
  test                       the full pipeline CI runs: setup, fmt, clippy, cargo test,
                             data validation, release build, browser tests
  bench [--lighthouse-runs N] [--redraws N] [--no-build]
                             release build, then first-load sizes, Lighthouse (mobile),
                             paint times, long tasks, memory and budgets per page into
                             docs/benchmarks.md and .json (10 minutes or more; installs
                             twiggy and Lighthouse on first use)
  help                       this text

Environment:
  KLASTER_DEBIAN_RUST=1      build wasm with Debian's rustc-web instead of rustup's target
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match dispatch(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn dispatch(args: &[String]) -> Result<()> {
    let (command, rest) = match args.split_first() {
        Some((command, rest)) => (command.as_str(), rest),
        None => ("help", &[][..]),
    };
    match command {
        "setup" => {
            expect_no_args(command, rest)?;
            tools::setup().map(|_| ())
        }
        "build" => {
            expect_no_args(command, rest)?;
            let toolchain = tools::setup()?;
            build::release(&toolchain)
        }
        "pages" => match rest {
            [package, dist] => {
                build::pages_again(std::path::Path::new(package), std::path::Path::new(dist))
            }
            _ => Err("usage: cargo xtask pages <package-dir> <dist-dir>".into()),
        },
        "serve" => serve::command(rest),
        "test" => {
            expect_no_args(command, rest)?;
            test::pipeline()
        }
        "bench" => bench::command(rest),
        "help" | "-h" | "--help" => {
            print!("{HELP}");
            Ok(())
        }
        other => Err(format!("unknown command `{other}`; run `cargo xtask help`")),
    }
}

fn expect_no_args(command: &str, rest: &[String]) -> Result<()> {
    match rest.first() {
        None => Ok(()),
        Some(arg) => Err(format!(
            "`cargo xtask {command}` takes no arguments, got `{arg}`"
        )),
    }
}
