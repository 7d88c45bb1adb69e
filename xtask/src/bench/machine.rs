//! The machine, the moment and the commit a report was made on.

use std::process::Command;

use crate::paths;
use crate::process;

#[derive(Debug, Clone, Default)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub ram_gib: f64,
    pub os: String,
    pub kernel: String,
    pub rustc: String,
    /// The 1-minute load average when the benchmark started and ended.
    pub load_before: Option<f64>,
    pub load_after: Option<f64>,
}

#[derive(Debug, Clone, Default)]
pub struct Provenance {
    /// UTC, `2026-11-27T07:24:35Z`.
    pub date: String,
    pub commit: String,
    /// Uncommitted changes besides the report itself.
    pub dirty: bool,
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_default()
}

/// The value of the first `key: value` line of `text` whose key is `key`.
pub fn field<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(':')?;
        (k.trim() == key).then(|| v.trim())
    })
}

/// `PRETTY_NAME` of an os-release text.
pub fn pretty_name(os_release: &str) -> Option<&str> {
    os_release.lines().find_map(|line| {
        line.strip_prefix("PRETTY_NAME=")
            .map(|v| v.trim_matches('"'))
    })
}

/// The 1-minute load average, from `/proc/loadavg`.
pub fn load_average() -> Option<f64> {
    read("/proc/loadavg")
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

pub fn describe(load_before: Option<f64>) -> Machine {
    let cpuinfo = read("/proc/cpuinfo");
    let meminfo = read("/proc/meminfo");
    let ram_kib: f64 = field(&meminfo, "MemTotal")
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0.0);
    Machine {
        cpu: field(&cpuinfo, "model name")
            .unwrap_or("unknown")
            .to_string(),
        cores: std::thread::available_parallelism().map_or(0, |n| n.get()),
        ram_gib: ram_kib / 1024.0 / 1024.0,
        os: pretty_name(&read("/etc/os-release"))
            .unwrap_or("unknown")
            .to_string(),
        kernel: read("/proc/sys/kernel/osrelease").trim().to_string(),
        rustc: process::probe("rustc", &["--version"]).unwrap_or_default(),
        load_before,
        load_after: load_average(),
    }
}

/// Files the benchmark writes; their changes do not make the tree dirty.
pub const REPORT_FILES: [&str; 2] = ["docs/benchmarks.md", "docs/benchmarks.json"];

/// Whether `git status --porcelain` lists a change other than the report's files.
pub fn dirty(porcelain: &str) -> bool {
    porcelain
        .lines()
        .filter(|line| line.len() > 3)
        .any(|line| !REPORT_FILES.contains(&line[3..].trim()))
}

pub fn provenance() -> Provenance {
    let git = |args: &[&str]| {
        Command::new("git")
            .args(args)
            .current_dir(paths::repo_root())
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
    };
    Provenance {
        date: process::probe("date", &["-u", "+%Y-%m-%dT%H:%M:%SZ"]).unwrap_or_default(),
        commit: git(&["rev-parse", "HEAD"])
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| "unknown".into()),
        // Every untracked file by name, so a new docs/ folder is seen as the report's files.
        dirty: git(&["status", "--porcelain", "--untracked-files=all"]).is_some_and(|s| dirty(&s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_memory_and_os_fields_are_read() {
        let cpuinfo = "processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t: fpu";
        assert_eq!(field(cpuinfo, "model name"), Some("AMD EPYC 7B13"));
        assert_eq!(
            field("MemTotal:       24576000 kB", "MemTotal"),
            Some("24576000 kB")
        );
        let os = "NAME=\"Debian GNU/Linux\"\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"";
        assert_eq!(pretty_name(os), Some("Debian GNU/Linux 12 (bookworm)"));
    }

    #[test]
    fn only_changes_besides_the_report_make_the_tree_dirty() {
        assert!(!dirty(""));
        assert!(!dirty(" M docs/benchmarks.md\n M docs/benchmarks.json\n"));
        assert!(!dirty("?? docs/benchmarks.json\n"));
        assert!(dirty(" M docs/benchmarks.md\n M src/main.rs\n"));
        assert!(dirty("?? xtask/src/new.rs\n"));
    }
}
