//! Which Rust compiler builds the app for wasm32.
//!
//! Normally rustup's toolchain with the `wasm32-unknown-unknown` target. When
//! rustup cannot download that target, Debian's `rustc-web` (1.96, with the
//! standard library's source) builds std itself (see /work/shared/TOOLCHAIN.md).
//! [`detect`] decides afresh on every build; nothing is remembered between runs.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use crate::apt::{self, Apt};
use crate::paths;
use crate::process;
use crate::Result;

const TARGET: &str = "wasm32-unknown-unknown";

/// How long `rustup target add` may try before we take the Debian path.
const RUSTUP_TIME_LIMIT: Duration = Duration::from_secs(180);

/// Debian packages of the fallback compiler and its wasm linker.
pub const DEBIAN_PACKAGES: [&str; 4] = ["rustc-web", "cargo-web", "rust-web-src", "lld-19"];

const DEBIAN_CARGO: &str = "/usr/bin/cargo";
const DEBIAN_RUSTC: &str = "/usr/bin/rustc";

/// Set to `1` to build with Debian's compiler even when rustup's target exists.
const FORCE_DEBIAN_ENV: &str = "KLASTER_DEBIAN_RUST";

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WasmRust {
    /// rustup's toolchain; the target's std lives in this folder.
    Rustup { target_dir: PathBuf },
    /// `/usr/bin/cargo` + `/usr/bin/rustc` from `rustc-web`, building std from source.
    DebianWeb,
}

impl WasmRust {
    pub fn describe(&self) -> String {
        match self {
            WasmRust::Rustup { target_dir } => format!("rustup target at {}", target_dir.display()),
            WasmRust::DebianWeb => format!(
                "Debian rustc-web ({}) building std for {TARGET}",
                process::probe(DEBIAN_RUSTC, &["--version"]).unwrap_or_default()
            ),
        }
    }

    /// Folders that must come first on PATH so trunk's `cargo` is this compiler's.
    pub fn path_dirs(&self) -> Vec<PathBuf> {
        match self {
            WasmRust::Rustup { .. } => Vec::new(),
            WasmRust::DebianWeb => vec![PathBuf::from("/usr/bin")],
        }
    }

    /// Environment for trunk (and the cargo it starts).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        match self {
            WasmRust::Rustup { .. } => Vec::new(),
            WasmRust::DebianWeb => vec![
                ("CARGO", DEBIAN_CARGO.to_string()),
                ("RUSTC", DEBIAN_RUSTC.to_string()),
                ("RUSTC_BOOTSTRAP", "1".to_string()),
                ("CARGO_UNSTABLE_BUILD_STD", "std,panic_abort".to_string()),
                (
                    "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER",
                    "wasm-ld-19".to_string(),
                ),
                // Its own target dir: host builds by rustup's rustc and these
                // by Debian's would otherwise invalidate each other's artifacts.
                (
                    "CARGO_TARGET_DIR",
                    paths::repo_root()
                        .join("target")
                        .join("debian-web")
                        .display()
                        .to_string(),
                ),
            ],
        }
    }
}

/// The compiler that can build wasm32 right now, if any.
pub fn detect() -> Option<WasmRust> {
    if forced_debian() {
        return debian_ready().then_some(WasmRust::DebianWeb);
    }
    rustup_target().or_else(|| debian_ready().then_some(WasmRust::DebianWeb))
}

/// Makes a wasm32 compiler available; returns it and what was done.
pub fn ensure(apt: &mut Apt) -> Result<(WasmRust, String)> {
    if let Some(found) = detect() {
        if found == WasmRust::DebianWeb {
            fetch_std_dependencies()?;
        }
        return Ok((found.clone(), format!("found: {}", found.describe())));
    }
    if !forced_debian() {
        match add_rustup_target() {
            Ok(()) => {
                if let Some(found) = rustup_target() {
                    return Ok((found.clone(), format!("installed: {}", found.describe())));
                }
                println!("    rustup reported success but the target folder is missing");
            }
            Err(err) => println!("    {err}; falling back to Debian's rustc-web"),
        }
    }
    apt.install(&DEBIAN_PACKAGES)?;
    if debian_ready() {
        fetch_std_dependencies()?;
        let found = WasmRust::DebianWeb;
        Ok((found.clone(), format!("installed: {}", found.describe())))
    } else {
        Err(format!(
            "installed {} but {DEBIAN_CARGO} or wasm-ld-19 is still missing",
            DEBIAN_PACKAGES.join(" ")
        ))
    }
}

fn forced_debian() -> bool {
    std::env::var(FORCE_DEBIAN_ENV).is_ok_and(|value| value == "1")
}

fn rustup_target() -> Option<WasmRust> {
    let sysroot = process::probe("rustc", &["--print", "sysroot"])?;
    let target_dir = PathBuf::from(sysroot.lines().next()?.trim())
        .join("lib")
        .join("rustlib")
        .join(TARGET);
    target_dir
        .is_dir()
        .then_some(WasmRust::Rustup { target_dir })
}

fn add_rustup_target() -> Result<()> {
    if process::find_program("rustup", &[paths::cargo_bin_dir()]).is_none() {
        return Err("rustup is not installed".to_string());
    }
    process::run_with_time_limit(
        Command::new("rustup").args(["target", "add", TARGET]),
        RUSTUP_TIME_LIMIT,
    )
}

/// Building std needs the crates std depends on (dlmalloc, hashbrown, ...).
/// Trunk builds `--offline`, so they must be in cargo's cache beforehand:
/// fetch them by std's own lock file, online only when the cache lacks some.
fn fetch_std_dependencies() -> Result<()> {
    let sysroot = process::probe(DEBIAN_RUSTC, &["--print", "sysroot"])
        .ok_or("cannot ask /usr/bin/rustc for its sysroot")?;
    let manifest = PathBuf::from(sysroot.trim()).join("lib/rustlib/src/rust/library/Cargo.toml");
    let fetch = |offline: bool| {
        let mut cmd = Command::new(DEBIAN_CARGO);
        cmd.arg("fetch")
            .arg("--manifest-path")
            .arg(&manifest)
            .env("RUSTC", DEBIAN_RUSTC)
            .env("RUSTC_BOOTSTRAP", "1");
        if offline {
            cmd.arg("--offline");
        }
        cmd
    };
    let cached = fetch(true)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if cached {
        Ok(())
    } else {
        process::run(&mut fetch(false))
    }
}

fn debian_ready() -> bool {
    DEBIAN_PACKAGES
        .iter()
        .all(|package| apt::is_installed(package))
        && PathBuf::from(DEBIAN_CARGO).is_file()
        && process::find_program("wasm-ld-19", &[]).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rustup_path_changes_nothing_in_the_environment() {
        let rustup = WasmRust::Rustup {
            target_dir: PathBuf::from("/x"),
        };
        assert!(rustup.env().is_empty());
        assert!(rustup.path_dirs().is_empty());
    }

    #[test]
    fn debian_path_builds_std_and_links_with_wasm_ld_19() {
        let env = WasmRust::DebianWeb.env();
        let get = |key: &str| env.iter().find(|(k, _)| *k == key).map(|(_, v)| v.as_str());
        assert_eq!(get("RUSTC_BOOTSTRAP"), Some("1"));
        assert_eq!(get("CARGO_UNSTABLE_BUILD_STD"), Some("std,panic_abort"));
        assert_eq!(
            get("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER"),
            Some("wasm-ld-19")
        );
        assert_eq!(get("CARGO"), Some("/usr/bin/cargo"));
        assert_eq!(
            WasmRust::DebianWeb.path_dirs(),
            vec![PathBuf::from("/usr/bin")]
        );
    }
}
