//! `cargo xtask build`: the release bundle in `dist/`, built by trunk offline
//! with the wasm-bindgen and wasm-opt that `setup` installed.
//!
//! Trunk's own settings (relative `public_url`, wasm-opt level and features)
//! live in `Trunk.toml` and the `<link data-trunk rel="rust">` of `index.html`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::paths;
use crate::process;
use crate::sizes;
use crate::timing;
use crate::tools::Toolchain;
use crate::versions;
use crate::wasm_rust;
use crate::Result;

/// The published bundle: `dist/`, default features.
pub fn release(toolchain: &Toolchain) -> Result<()> {
    release_variant(toolchain, &Variant::published())
}

/// What a trunk release build makes, and where.
pub struct Variant {
    pub dist: PathBuf,
    /// Cargo features of the app (`--features`), e.g. `bench`.
    pub features: Option<&'static str>,
    /// A cargo target folder of its own, so the published build's is not rebuilt.
    pub cargo_target_dir: Option<PathBuf>,
}

impl Variant {
    pub fn published() -> Variant {
        Variant {
            dist: paths::dist_dir(),
            features: None,
            cargo_target_dir: None,
        }
    }
}

pub fn release_variant(toolchain: &Toolchain, variant: &Variant) -> Result<()> {
    trunk_build(toolchain, variant, Profile::Release)?;
    after_trunk_build(&variant.dist)
}

/// Where the debug build of the islands goes: its own cargo target folder (so neither
/// build invalidates the other's) and its own `dist/`, both under `target/`.
pub fn debug_islands_dir() -> PathBuf {
    paths::repo_root().join("target").join("debug-islands")
}

/// The site with the islands built without `--release`: Leptos reports hydration
/// mismatches only in debug builds, so the browser suite loads every page with charts
/// from here (`KLASTER_DIST_DEBUG`) and fails on any such warning. Pages, chart images
/// and hardening as in the published build; no compressed copies, no size report.
/// Returns its `dist/`.
pub fn debug_islands(toolchain: &Toolchain) -> Result<PathBuf> {
    let out = debug_islands_dir();
    let variant = Variant {
        dist: out.join("dist"),
        features: None,
        cargo_target_dir: Some(out.join("cargo")),
    };
    trunk_build(toolchain, &variant, Profile::Debug)?;
    check_bundle(&variant.dist)?;
    render_charts(&variant.dist)?;
    render_pages(&variant.dist)?;
    crate::harden::harden(&variant.dist)?;
    Ok(variant.dist)
}

/// Trunk's `--release`, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Profile {
    Release,
    Debug,
}

fn trunk_build(toolchain: &Toolchain, variant: &Variant, profile: Profile) -> Result<()> {
    let root = paths::repo_root();
    let dist = &variant.dist;
    if !root.join("index.html").is_file() {
        return Err(format!(
            "{} is missing: it is trunk's entry point",
            root.join("index.html").display()
        ));
    }
    // Decided afresh on every build: rustup's wasm32 target, or Debian's rustc-web.
    let wasm_rust = wasm_rust::detect()
        .ok_or("no Rust compiler can build wasm32 here; run `cargo xtask setup`")?;
    let kind = match profile {
        Profile::Release => "release",
        Profile::Debug => "debug",
    };
    println!("==> build: trunk {kind} build into {}", dist.display());
    println!("    compiler: {}", wasm_rust.describe());

    // wasm-opt's folder first, so no other wasm-opt (never Debian's binaryen) is found.
    let mut path_dirs = vec![toolchain.wasm_opt_dir.clone()];
    path_dirs.extend(wasm_rust.path_dirs());
    path_dirs.push(paths::cargo_bin_dir());

    let mut trunk = Command::new(&toolchain.trunk);
    trunk.arg("build");
    if profile == Profile::Release {
        trunk.arg("--release");
    }
    trunk
        .args(["--offline", "--dist"])
        .arg(dist)
        .current_dir(&root)
        .env("PATH", process::path_with(&path_dirs)?)
        // Trunk uses a tool found on PATH when its version equals these, and
        // with --offline fails rather than download another.
        .env("TRUNK_TOOLS_WASM_BINDGEN", &toolchain.wasm_bindgen_version)
        .env("TRUNK_TOOLS_WASM_OPT", versions::trunk_wasm_opt_version())
        .envs(wasm_rust.env());
    if let Some(features) = variant.features {
        trunk.args(["--features", features]);
    }
    if let Some(target_dir) = &variant.cargo_target_dir {
        trunk.env("CARGO_TARGET_DIR", target_dir);
    }
    let started = Instant::now();
    process::run(&mut trunk)?;
    println!("    trunk done in {}", timing::format(started.elapsed()));
    Ok(())
}

/// Runs after every successful trunk build. Checks the bundle is complete, hardens it,
/// writes the precompressed copies and reports its sizes. The place for later
/// publishing steps on `dist/`.
pub fn after_trunk_build(dist: &Path) -> Result<()> {
    check_bundle(dist)?;
    render_charts(dist)?;
    render_pages(dist)?;
    crate::harden::harden(dist)?;
    warn_on_absolute_asset_urls(&dist.join("index.html"));
    // Last: the copies must match the files as published.
    crate::compress::precompress(dist)?;
    sizes::report(dist)
}

/// Trunk wrote the page template and a wasm file.
fn check_bundle(dist: &Path) -> Result<()> {
    let index = dist.join("index.html");
    if !index.is_file() {
        return Err(format!("trunk finished but {} is missing", index.display()));
    }
    let bundle = sizes::bundle_files(dist)?;
    if !bundle
        .iter()
        .any(|file| file.extension().is_some_and(|ext| ext == "wasm"))
    {
        return Err(format!(
            "trunk finished but {} holds no .wasm file",
            dist.display()
        ));
    }
    Ok(())
}

/// Every chart drawn by the core's drawing functions: the files to download, the social
/// cards, and the bodies the pages show before their code wakes (`klaster-publish render`).
fn render_charts(dist: &Path) -> Result<()> {
    println!("==> build: chart images, page bodies and data files (klaster-publish render)");
    let started = Instant::now();
    process::run(
        Command::new(paths::cargo())
            .args([
                "run",
                "-q",
                "-p",
                "klaster-publish",
                "--",
                "render",
                "public/data",
            ])
            .arg(dist.join("charts"))
            .current_dir(paths::repo_root()),
    )?;
    println!("    charts done in {}", timing::format(started.elapsed()));
    Ok(())
}

/// Every page in both languages, rendered ahead of time from the app's components into
/// trunk's index.html (`klaster-site render`). Before hardening, which then treats every
/// page alike.
fn render_pages(dist: &Path) -> Result<()> {
    println!("==> build: every page rendered ahead of time (klaster-site render)");
    let started = Instant::now();
    process::run(
        Command::new(paths::cargo())
            .args([
                "run",
                "-q",
                "-p",
                "klaster-site",
                "--",
                "render",
                "public/data",
            ])
            .arg(dist)
            .current_dir(paths::repo_root()),
    )?;
    println!("    pages done in {}", timing::format(started.elapsed()));
    Ok(())
}

/// dist/ must work from any folder or sub-path, so asset URLs must be relative.
fn warn_on_absolute_asset_urls(index: &Path) {
    let Ok(html) = std::fs::read_to_string(index) else {
        return;
    };
    if let Some(found) = root_relative_url(&html) {
        println!(
            "    warning: {} links `{found}...` from the site root; \
             set public_url = \"./\" in Trunk.toml so dist/ works from any folder",
            index.display()
        );
    }
}

/// The first `src="/x`, `href="/x` or JS import of `'/x` (but not `//host`), if any.
fn root_relative_url(html: &str) -> Option<&str> {
    const OPENERS: [&str; 4] = ["src=\"/", "href=\"/", "from '/", "module_or_path: '/"];
    OPENERS.into_iter().find(|opener| {
        html.match_indices(opener)
            .any(|(at, _)| !html[at + opener.len()..].starts_with('/'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_relative_asset_urls_are_noticed() {
        assert_eq!(
            root_relative_url(r#"<script type="module">import init from '/klaster-1.js';"#),
            Some("from '/")
        );
        assert_eq!(
            root_relative_url(r#"<link rel="stylesheet" href="/style.css">"#),
            Some("href=\"/")
        );
    }

    #[test]
    fn relative_and_protocol_relative_urls_pass() {
        let html = r#"<link href="./style.css"><script src="//cdn.example/x.js"></script>
            <script type="module">import init from './klaster-1.js';
            init({ module_or_path: './klaster-1_bg.wasm' });</script>"#;
        assert_eq!(root_relative_url(html), None);
    }
}
