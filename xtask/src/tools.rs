//! `cargo xtask setup`: every tool the build and tests need, each checked first
//! and installed only when missing or at the wrong version, one line per tool.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Instant, SystemTime};

use crate::apt::Apt;
use crate::paths;
use crate::process;
use crate::timing;
use crate::versions;
use crate::wasm_rust;
use crate::Result;

/// Debian packages for the browser tests and size report, by the binary each provides.
/// nginx serves the built site in the browser test of the hosting configuration.
const DEBIAN_TOOLS: [(&str, &str); 4] = [
    ("chromium", "chromium"),
    ("chromedriver", "chromium-driver"),
    ("brotli", "brotli"),
    ("nginx", "nginx"),
];

/// Debian packages with no program of their own, checked by their install status: nginx's
/// module that sends the build's `.br` copies.
const DEBIAN_MODULES: [&str; 1] = ["libnginx-mod-http-brotli-static"];

/// Where setup found or put the tools `build` runs.
pub struct Toolchain {
    pub trunk: PathBuf,
    pub wasm_bindgen_version: String,
    /// `node_modules/.bin` of the npm binaryen install.
    pub wasm_opt_dir: PathBuf,
}

pub fn setup() -> Result<Toolchain> {
    println!("==> setup: checking tools (installs only what is missing)");
    let started = Instant::now();
    let mut apt = Apt::default();

    report("wasm32 target", || {
        wasm_rust::ensure(&mut apt).map(|(_, line)| line)
    })?;
    let wasm_bindgen_version = wasm_bindgen_version_from_lock()?;
    report("wasm-bindgen", || {
        ensure_wasm_bindgen(&wasm_bindgen_version)
    })?;
    let mut trunk = PathBuf::new();
    report("trunk", || {
        let (path, line) = ensure_trunk()?;
        trunk = path;
        Ok(line)
    })?;
    let wasm_opt_dir = wasm_opt_bin_dir();
    report("wasm-opt", || ensure_wasm_opt(&wasm_opt_dir))?;
    report("debian tools", || ensure_debian_tools(&mut apt))?;
    report("e2e modules", || ensure_node_modules(&paths::e2e_dir()))?;

    println!("    setup done in {}", timing::format(started.elapsed()));
    Ok(Toolchain {
        trunk,
        wasm_bindgen_version,
        wasm_opt_dir,
    })
}

/// Runs one tool's check, printing `  <tool>  <what happened> [time]`.
fn report(tool: &str, ensure: impl FnOnce() -> Result<String>) -> Result<()> {
    let started = Instant::now();
    let line = ensure().map_err(|err| format!("setting up {tool}: {err}"))?;
    let elapsed = started.elapsed();
    if elapsed.as_secs() >= 1 {
        println!("  {tool:<14} {line} ({})", timing::format(elapsed));
    } else {
        println!("  {tool:<14} {line}");
    }
    Ok(())
}

/// The wasm-bindgen CLI must equal the library version the app is locked to.
pub fn wasm_bindgen_version_from_lock() -> Result<String> {
    let lock_path = paths::repo_root().join("Cargo.lock");
    let lock = std::fs::read_to_string(&lock_path)
        .map_err(|err| format!("cannot read {}: {err}", lock_path.display()))?;
    versions::locked_version(&lock, "wasm-bindgen")
}

/// The cargo-installed tool `name`, when `--version` names `version`.
fn cargo_tool_at(name: &str, version: &str) -> Option<(PathBuf, String)> {
    let path = process::find_program(name, &[paths::cargo_bin_dir()])?;
    let output = process::probe(&path, &["--version"])?;
    versions::reports_version(&output, version).then_some((path, output))
}

fn found_line(path: &Path, output: &str) -> String {
    format!("found: {output} at {}", path.display())
}

fn ensure_wasm_bindgen(version: &str) -> Result<String> {
    if let Some((path, output)) = cargo_tool_at("wasm-bindgen", version) {
        return Ok(found_line(&path, &output));
    }
    // Not `--locked`: the registry here lacks a crate version its lock file names.
    process::run(Command::new(paths::cargo()).args([
        "install",
        "wasm-bindgen-cli",
        "--version",
        version,
    ]))?;
    let (path, _) = cargo_tool_at("wasm-bindgen", version).ok_or_else(|| {
        format!("installed wasm-bindgen-cli {version} but `wasm-bindgen --version` disagrees")
    })?;
    Ok(format!(
        "installed: wasm-bindgen {version} at {}",
        path.display()
    ))
}

fn ensure_trunk() -> Result<(PathBuf, String)> {
    let version = versions::TRUNK;
    if let Some((path, output)) = cargo_tool_at("trunk", version) {
        let line = found_line(&path, &output);
        return Ok((path, line));
    }
    // `--locked`: without it 0.21.14 picks a lightningcss that does not compile.
    process::run(Command::new(paths::cargo()).args([
        "install",
        "trunk",
        "--version",
        version,
        "--locked",
    ]))?;
    let (path, _) = cargo_tool_at("trunk", version)
        .ok_or_else(|| format!("installed trunk {version} but `trunk --version` disagrees"))?;
    let line = format!("installed: trunk {version} at {}", path.display());
    Ok((path, line))
}

fn wasm_opt_bin_dir() -> PathBuf {
    paths::tools_cache_dir().join("node_modules").join(".bin")
}

fn ensure_wasm_opt(bin_dir: &Path) -> Result<String> {
    let wasm_opt = bin_dir.join("wasm-opt");
    let at_version = || {
        process::probe(&wasm_opt, &["--version"])
            .filter(|output| versions::reports_version(output, versions::WASM_OPT))
    };
    if let Some(output) = at_version() {
        return Ok(found_line(&wasm_opt, &output));
    }
    let prefix = paths::tools_cache_dir();
    std::fs::create_dir_all(&prefix)
        .map_err(|err| format!("cannot create {}: {err}", prefix.display()))?;
    let package = format!("binaryen@{}", versions::BINARYEN_NPM);
    process::run(
        Command::new("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&prefix)
            .args(["--no-audit", "--no-fund", "--save-exact", &package]),
    )?;
    let output = at_version().ok_or_else(|| {
        format!(
            "installed {package} but {} does not report version {}",
            wasm_opt.display(),
            versions::WASM_OPT
        )
    })?;
    Ok(format!("installed: {output} at {}", wasm_opt.display()))
}

fn ensure_debian_tools(apt: &mut Apt) -> Result<String> {
    // nginx lives in /usr/sbin, which a user's PATH may leave out.
    let sbin = [PathBuf::from("/usr/sbin")];
    let missing: Vec<&str> = DEBIAN_TOOLS
        .iter()
        .filter(|(binary, _)| process::find_program(binary, &sbin).is_none())
        .map(|(_, package)| *package)
        .chain(
            DEBIAN_MODULES
                .into_iter()
                .filter(|package| !crate::apt::is_installed(package)),
        )
        .collect();
    let wanted: Vec<&str> = DEBIAN_TOOLS
        .iter()
        .map(|(binary, _)| *binary)
        .chain(DEBIAN_MODULES)
        .collect();
    if missing.is_empty() {
        return Ok(format!("found: {}", wanted.join(", ")));
    }
    apt.install(&missing)?;
    Ok(format!("installed: {}", missing.join(", ")))
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lock file.
fn ensure_node_modules(dir: &Path) -> Result<String> {
    let shown = dir
        .strip_prefix(paths::repo_root())
        .unwrap_or(dir)
        .display()
        .to_string();
    let lock = dir.join("package-lock.json");
    if !lock.is_file() {
        return Ok(format!("skipped: no {shown}/package-lock.json"));
    }
    // npm writes this hidden lock file on every install; its age is the install's age.
    let installed = dir.join("node_modules").join(".package-lock.json");
    match (modified(&installed), modified(&lock)) {
        (Some(installed_at), Some(locked_at)) if installed_at >= locked_at => {
            return Ok(format!("found: {shown}/node_modules up to date"));
        }
        _ => {}
    }
    process::run(
        Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir),
    )?;
    Ok(format!("installed: npm ci in {shown}"))
}

/// The tools only `cargo xtask bench` needs, beyond [`setup`]'s.
pub struct BenchTools {
    pub twiggy: PathBuf,
}

/// twiggy in the tool cache and Lighthouse's node modules in tests/bench, each
/// installed only when missing. Not part of `setup`: CI never downloads them.
pub fn bench_setup() -> Result<BenchTools> {
    println!("==> bench setup: twiggy and the benchmark's node modules");
    let mut twiggy = PathBuf::new();
    report("twiggy", || {
        let (path, line) = ensure_twiggy()?;
        twiggy = path;
        Ok(line)
    })?;
    report("bench modules", || ensure_node_modules(&paths::bench_dir()))?;
    Ok(BenchTools { twiggy })
}

fn ensure_twiggy() -> Result<(PathBuf, String)> {
    let version = versions::TWIGGY;
    let root = paths::tools_cache_dir();
    let twiggy = root.join("bin").join("twiggy");
    let at_version = || {
        process::probe(&twiggy, &["--version"])
            .filter(|output| versions::reports_version(output, version))
    };
    if let Some(output) = at_version() {
        let line = found_line(&twiggy, &output);
        return Ok((twiggy, line));
    }
    process::run(
        Command::new(paths::cargo())
            .args([
                "install",
                "twiggy",
                "--version",
                version,
                "--locked",
                "--root",
            ])
            .arg(&root),
    )?;
    at_version().ok_or_else(|| {
        format!(
            "installed twiggy {version} but {} does not report it",
            twiggy.display()
        )
    })?;
    let line = format!("installed: twiggy {version} at {}", twiggy.display());
    Ok((twiggy, line))
}

fn modified(path: &Path) -> Option<SystemTime> {
    path.metadata().and_then(|meta| meta.modified()).ok()
}
