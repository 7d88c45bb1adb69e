//! Where things live. Tools go where every clone of the repo finds them again
//! (`~/.cargo/bin`, `~/.cache/klaster/tools`), never inside the repo.

use std::path::PathBuf;

/// The workspace root (the parent of `xtask/`). `cargo run` sets
/// `CARGO_MANIFEST_DIR` at run time too; that wins over the compile-time value,
/// which goes stale when a `target/` folder is copied to another checkout.
pub fn repo_root() -> PathBuf {
    let xtask_dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    xtask_dir.parent().map(PathBuf::from).unwrap_or(xtask_dir)
}

/// Trunk's output folder.
pub fn dist_dir() -> PathBuf {
    repo_root().join("dist")
}

/// The browser test package.
pub fn e2e_dir() -> PathBuf {
    repo_root().join("tests").join("e2e")
}

/// The benchmark's node package (Lighthouse, playwright-core).
pub fn bench_dir() -> PathBuf {
    repo_root().join("tests").join("bench")
}

/// Where `cargo xtask bench` keeps its builds and raw measurements.
pub fn bench_target_dir() -> PathBuf {
    repo_root().join("target").join("bench")
}

fn home() -> PathBuf {
    std::env::var_os("HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("/root"))
}

/// `cargo install` puts binaries here: `$CARGO_HOME/bin`, else `~/.cargo/bin`.
pub fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|| home().join(".cargo"))
        .join("bin")
}

/// npm-installed tools (binaryen's wasm-opt) live under this prefix, and
/// cargo-installed tools only the benchmark needs (twiggy) in its `bin/`.
pub fn tools_cache_dir() -> PathBuf {
    home().join(".cache").join("klaster").join("tools")
}

/// The cargo that runs xtask (cargo sets `CARGO`), for workspace commands.
pub fn cargo() -> PathBuf {
    std::env::var_os("CARGO")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from("cargo"))
}
