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

/// The published bundle: `dist/` from `index.html`.
pub fn release(toolchain: &Toolchain) -> Result<()> {
    release_variant(toolchain, &Variant::published())
}

/// What a trunk release build makes, and from what.
pub struct Variant {
    pub dist: PathBuf,
    /// Trunk's entry page. Its rust link names the app's features (`data-cargo-features`),
    /// which trunk takes over any `--features`: another set of features is another page.
    pub html: PathBuf,
    /// The published site: charts, pages, hardening and copies after trunk's build.
    pub site: bool,
}

impl Variant {
    pub fn published() -> Variant {
        Variant {
            dist: paths::dist_dir(),
            html: paths::repo_root().join("index.html"),
            site: true,
        }
    }
}

pub fn release_variant(toolchain: &Toolchain, variant: &Variant) -> Result<()> {
    if !variant.html.is_file() {
        return Err(format!(
            "{} is missing: it is trunk's entry point",
            variant.html.display()
        ));
    }
    if !variant.site {
        return trunk(toolchain, &variant.html, &variant.dist, Profile::Release);
    }
    site_islands(toolchain, &variant.dist, Profile::Release)?;
    after_trunk_build(&variant.dist)
}

/// The portal's islands from `index.html` into `dist`, and the embeds' own build: the same
/// islands without the share menu and Embed dialog an embed never opens, so an article's
/// reader downloads only what one chart needs. The embeds' app files join `dist` (their
/// names carry their own hash); its frame stays beside it for the chart pages. The embeds
/// first, so the portal's build is the last wasm-bindgen wrote (the benchmark reads it),
/// and trunk's fresh `dist` does not drop the embeds' files.
fn site_islands(toolchain: &Toolchain, dist: &Path, profile: Profile) -> Result<()> {
    let root = paths::repo_root();
    let embed_build = embed_build_dir(dist);
    trunk(toolchain, &root.join(EMBED_ENTRY), &embed_build, profile)?;
    trunk(toolchain, &root.join("index.html"), dist, profile)?;
    join_embed_build(&embed_build, dist)?;
    keep_frames(dist, &embed_build)
}

/// Where the debug build of the islands goes, under `target/`.
pub fn debug_islands_dir() -> PathBuf {
    paths::repo_root().join("target").join("debug-islands")
}

/// The site with the islands built without `--release`: Leptos reports hydration
/// mismatches only in debug builds, so the browser suite loads every page with charts
/// from here (`KLASTER_DIST_DEBUG`) and fails on any such warning. Pages, chart images
/// and hardening as in the published build; no compressed copies, no size report.
/// Returns its `dist/`.
pub fn debug_islands(toolchain: &Toolchain) -> Result<PathBuf> {
    let dist = debug_islands_dir().join("dist");
    site_islands(toolchain, &dist, Profile::Debug)?;
    check_bundle(&dist)?;
    render_charts(Path::new(PUBLISHED_PACKAGE), &dist)?;
    render_pages(Path::new(PUBLISHED_PACKAGE), &dist)?;
    crate::harden::harden(&dist)?;
    Ok(dist)
}

/// Trunk's `--release`, or not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Profile {
    Release,
    Debug,
}

/// `trunk build` of `entry` into `into`, offline, with the tools `setup` installed.
fn trunk(toolchain: &Toolchain, entry: &Path, into: &Path, profile: Profile) -> Result<()> {
    // Decided afresh on every build: rustup's wasm32 target, or Debian's rustc-web.
    let wasm_rust = wasm_rust::detect()
        .ok_or("no Rust compiler can build wasm32 here; run `cargo xtask setup`")?;
    let kind = match profile {
        Profile::Release => "release",
        Profile::Debug => "debug",
    };
    println!(
        "==> build: trunk {kind} build of {} into {}",
        entry.display(),
        into.display()
    );
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
        .arg(into)
        .arg(entry)
        .current_dir(paths::repo_root())
        .env("PATH", process::path_with(&path_dirs)?)
        // Trunk uses a tool found on PATH when its version equals these, and
        // with --offline fails rather than download another.
        .env("TRUNK_TOOLS_WASM_BINDGEN", &toolchain.wasm_bindgen_version)
        .env("TRUNK_TOOLS_WASM_OPT", versions::trunk_wasm_opt_version())
        .envs(wasm_rust.env());
    let started = Instant::now();
    process::run(&mut trunk)?;
    println!("    trunk done in {}", timing::format(started.elapsed()));
    Ok(())
}

/// The frames the pages are rendered into: trunk's two entries as trunk wrote them, kept
/// beside `dist` (the landing page takes `dist/index.html`'s place), so the pages can be
/// rendered again without trunk (`cargo xtask pages`).
pub fn frames_dir(dist: &Path) -> PathBuf {
    sibling(dist, "frames")
}

fn keep_frames(dist: &Path, embed_build: &Path) -> Result<()> {
    let frames = frames_dir(dist);
    std::fs::create_dir_all(&frames).map_err(|e| format!("{}: {e}", frames.display()))?;
    for (from, to) in [
        (dist.join("index.html"), PORTAL_FRAME),
        (embed_build.join("index.html"), EMBED_FRAME),
    ] {
        std::fs::copy(&from, frames.join(to)).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    Ok(())
}

const PORTAL_FRAME: &str = "portal.html";
const EMBED_FRAME: &str = "embed.html";

/// `cargo xtask pages <package-dir> <dist>`: the package (its files copied into
/// `dist/data/`), its charts and every page rendered again into a site trunk built, with
/// the frames kept beside it, then hardened and compressed: what a publisher's data change
/// (or a test's) needs, in seconds, without rebuilding the app.
pub fn pages_again(package: &Path, dist: &Path) -> Result<()> {
    let absolute = |path: &Path| {
        path.canonicalize()
            .map_err(|e| format!("{}: {e}", path.display()))
    };
    let (package, dist) = (&absolute(package)?, &absolute(dist)?);
    let frames = frames_dir(dist);
    if !frames.join(PORTAL_FRAME).is_file() {
        return Err(format!(
            "{} has no frames beside it ({}): run `cargo xtask build` first",
            dist.display(),
            frames.display()
        ));
    }
    copy_dir(package, &dist.join("data"))?;
    // The frame of the landing page, and the files hardening renames or stamps as trunk
    // copied them: the worker before its release, the page scripts before their hash.
    let root = paths::repo_root();
    for (from, to) in [
        (frames.join(PORTAL_FRAME), dist.join("index.html")),
        (root.join("public/sw.js"), dist.join("sw.js")),
        (root.join("public/figures.js"), dist.join("figures.js")),
    ] {
        std::fs::copy(&from, &to).map_err(|e| format!("{}: {e}", from.display()))?;
    }
    render(package, dist)
}

/// Copies the files of `from` into `to`, folders and all.
fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries.flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
    Ok(())
}

/// `dist`'s sibling folder `<dist>-<suffix>`.
fn sibling(dist: &Path, suffix: &str) -> PathBuf {
    let name = dist
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "dist".into());
    dist.with_file_name(format!("{name}-{suffix}"))
}

/// The embeds' entry: the chart pages' frame.
const EMBED_ENTRY: &str = "embed.html";

/// Where the embeds' build goes before its app files join `dist`.
pub fn embed_build_dir(dist: &Path) -> PathBuf {
    sibling(dist, "embed")
}

/// Copies the embeds' JS glue and wasm into `dist`, beside the portal's.
fn join_embed_build(embed_build: &Path, dist: &Path) -> Result<()> {
    let entries =
        std::fs::read_dir(embed_build).map_err(|e| format!("{}: {e}", embed_build.display()))?;
    let mut copied = 0;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if name.ends_with(".js") || name.ends_with(".wasm") {
            std::fs::copy(entry.path(), dist.join(&name)).map_err(|e| format!("{name}: {e}"))?;
            copied += 1;
        }
    }
    if copied < 2 {
        return Err(format!(
            "the embeds' build in {} has no JS glue and wasm",
            embed_build.display()
        ));
    }
    Ok(())
}

/// Runs after every successful trunk build. Checks the bundle is complete, hardens it,
/// writes the precompressed copies and reports its sizes. The place for later
/// publishing steps on `dist/`.
pub fn after_trunk_build(dist: &Path) -> Result<()> {
    check_bundle(dist)?;
    render(Path::new(PUBLISHED_PACKAGE), dist)?;
    warn_on_absolute_asset_urls(&dist.join("index.html"));
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

/// The data package the build publishes, relative to the repository.
const PUBLISHED_PACKAGE: &str = "public/data";

/// The charts and every page of `package` into `dist`, then hardening and, last (they must
/// match the files as published), the precompressed copies.
fn render(package: &Path, dist: &Path) -> Result<()> {
    render_charts(package, dist)?;
    render_pages(package, dist)?;
    crate::harden::harden(dist)?;
    crate::compress::precompress(dist)
}

/// Every chart drawn by the core's drawing functions: the files to download, the social
/// cards, and the bodies the pages show before their code wakes (`klaster-publish render`).
fn render_charts(package: &Path, dist: &Path) -> Result<()> {
    println!("==> build: chart images, page bodies and data files (klaster-publish render)");
    let started = Instant::now();
    process::run(
        Command::new(paths::cargo())
            .args(["run", "-q", "-p", "klaster-publish", "--", "render"])
            .arg(package)
            .arg(dist.join("charts"))
            .current_dir(paths::repo_root()),
    )?;
    println!("    charts done in {}", timing::format(started.elapsed()));
    Ok(())
}

/// Every page in both languages, rendered ahead of time from the app's components into
/// trunk's index.html (`klaster-site render`). Before hardening, which then treats every
/// page alike.
fn render_pages(package: &Path, dist: &Path) -> Result<()> {
    println!("==> build: every page rendered ahead of time (klaster-site render)");
    let started = Instant::now();
    process::run(
        Command::new(paths::cargo())
            .args(["run", "-q", "-p", "klaster-site", "--", "render"])
            .arg(package)
            .arg(dist)
            .arg(frames_dir(dist).join(EMBED_FRAME))
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
