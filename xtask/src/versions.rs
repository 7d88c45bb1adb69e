//! Which tool versions we need, and whether a tool reports the one we need.

use crate::Result;

/// trunk 0.22 needs a newer rustc than these machines have; 0.21.14 must be
/// installed with `--locked` (see /work/shared/TOOLCHAIN.md).
pub const TRUNK: &str = "0.21.14";

/// The wasm size profiler the benchmark runs (`cargo install --locked`).
pub const TWIGGY: &str = "0.8.0";

/// binaryen from npm. Debian's binaryen 108 makes wasm that Chromium rejects.
pub const BINARYEN_NPM: &str = "132.0.0";

/// What `wasm-opt --version` says for [`BINARYEN_NPM`] (`wasm-opt version 132 ...`).
pub const WASM_OPT: &str = "132";

/// The form trunk compares against (`TRUNK_TOOLS_WASM_OPT`): `version_<n>`.
pub fn trunk_wasm_opt_version() -> String {
    format!("version_{WASM_OPT}")
}

/// The version of `package` in a Cargo.lock text. An error when the package is
/// missing, or locked at more than one version (then no single CLI fits).
pub fn locked_version(lock: &str, package: &str) -> Result<String> {
    let mut versions: Vec<String> = Vec::new();
    let mut name: Option<&str> = None;
    let mut version: Option<&str> = None;
    let mut flush = |name: Option<&str>, version: Option<&str>| {
        if let (Some(n), Some(v)) = (name, version) {
            if n == package && !versions.iter().any(|seen| seen == v) {
                versions.push(v.to_string());
            }
        }
    };
    for line in lock.lines().map(str::trim) {
        if line == "[[package]]" {
            flush(name.take(), version.take());
        } else if let Some(value) = toml_string_value(line, "name") {
            name = Some(value);
        } else if let Some(value) = toml_string_value(line, "version") {
            version = Some(value);
        }
    }
    flush(name, version);
    match versions.as_slice() {
        [] => Err(format!("Cargo.lock has no package `{package}`")),
        [only] => Ok(only.clone()),
        several => Err(format!(
            "Cargo.lock has `{package}` at several versions ({}); pin one",
            several.join(", ")
        )),
    }
}

/// `value` from a line `key = "value"`.
fn toml_string_value<'a>(line: &'a str, key: &str) -> Option<&'a str> {
    let rest = line.strip_prefix(key)?.trim_start();
    let rest = rest.strip_prefix('=')?.trim();
    rest.strip_prefix('"')?.strip_suffix('"')
}

/// Whether a tool's `--version` output names exactly `wanted`, as a whole word:
/// `trunk 0.21.14` has 0.21.14 but not 0.21.1; `wasm-opt version 132 (version_132)`
/// has 132; a leading `v` is ignored.
pub fn reports_version(output: &str, wanted: &str) -> bool {
    output
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ',' | ';' | ':'))
        .map(|word| word.strip_prefix("version_").unwrap_or(word))
        .map(|word| word.strip_prefix('v').unwrap_or(word))
        .any(|word| word == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    const LOCK: &str = r#"
version = 4

[[package]]
name = "wasm-bindgen-macro"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"

[[package]]
name = "wasm-bindgen"
version = "0.2.130"
source = "registry+https://github.com/rust-lang/crates.io-index"
dependencies = [
 "cfg-if",
 "wasm-bindgen-macro",
]

[[package]]
name = "xtask"
version = "0.1.0"
"#;

    #[test]
    fn locked_version_finds_the_exact_package_not_a_prefix_match() {
        assert_eq!(locked_version(LOCK, "wasm-bindgen").unwrap(), "0.2.130");
        assert_eq!(locked_version(LOCK, "xtask").unwrap(), "0.1.0");
    }

    #[test]
    fn locked_version_of_a_missing_package_is_an_error_naming_it() {
        let err = locked_version(LOCK, "trunk").unwrap_err();
        assert!(err.contains("`trunk`"), "{err}");
    }

    #[test]
    fn locked_version_refuses_two_versions_of_one_package() {
        let lock = format!("{LOCK}\n[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.99\"\n");
        let err = locked_version(&lock, "wasm-bindgen").unwrap_err();
        assert!(err.contains("0.2.130") && err.contains("0.2.99"), "{err}");
    }

    #[test]
    fn locked_version_reads_the_real_workspace_lock_file() {
        let lock = std::fs::read_to_string(crate::paths::repo_root().join("Cargo.lock")).unwrap();
        let version = locked_version(&lock, "wasm-bindgen").unwrap();
        assert!(version.starts_with("0.2."), "{version}");
    }

    #[test]
    fn version_output_matches_whole_words_only() {
        assert!(reports_version("trunk 0.21.14", "0.21.14"));
        assert!(!reports_version("trunk 0.21.14", "0.21.1"));
        assert!(!reports_version("trunk 0.21.145", "0.21.14"));
        assert!(reports_version("wasm-bindgen 0.2.130", "0.2.130"));
        assert!(!reports_version("wasm-bindgen 0.2.13", "0.2.130"));
    }

    #[test]
    fn wasm_opt_version_forms_all_match() {
        assert!(reports_version(
            "wasm-opt version 132 (version_132)",
            WASM_OPT
        ));
        assert!(reports_version("wasm-opt version_132", WASM_OPT));
        assert!(!reports_version("wasm-opt version 108", WASM_OPT));
        assert!(!reports_version("wasm-opt version 1320", WASM_OPT));
        assert_eq!(trunk_wasm_opt_version(), "version_132");
    }

    #[test]
    fn a_leading_v_is_ignored() {
        assert!(reports_version("tool v1.2.3", "1.2.3"));
    }
}
