//! Debian packages: `apt-get update` at most once per run, then `apt-get install -y`.
//! As root directly; otherwise through `sudo` when present.

use std::process::Command;

use crate::process;
use crate::Result;

#[derive(Default)]
pub struct Apt {
    updated: bool,
}

impl Apt {
    pub fn install(&mut self, packages: &[&str]) -> Result<()> {
        let as_root = root_prefix().map_err(|why| {
            format!(
                "{why}; install these Debian packages by hand: {}",
                packages.join(" ")
            )
        })?;
        if !self.updated {
            process::run(&mut apt_get(&as_root, &["update"]))?;
            self.updated = true;
        }
        let mut args = vec!["install", "-y", "--no-install-recommends"];
        args.extend_from_slice(packages);
        process::run(&mut apt_get(&as_root, &args))
    }
}

/// Whether a Debian package is installed (`dpkg-query` status `ii`).
pub fn is_installed(package: &str) -> bool {
    process::probe("dpkg-query", &["-W", "-f=${db:Status-Abbrev}", package])
        .map(|status| status.starts_with("ii"))
        .unwrap_or(false)
}

/// `[]` when we are root, `["sudo"]` when sudo exists, else why we cannot install.
fn root_prefix() -> Result<Vec<&'static str>> {
    let uid = process::probe("id", &["-u"]).unwrap_or_default();
    if uid == "0" {
        Ok(Vec::new())
    } else if process::find_program("sudo", &[]).is_some() {
        Ok(vec!["sudo"])
    } else {
        Err("not running as root and `sudo` is not available".to_string())
    }
}

fn apt_get(prefix: &[&str], args: &[&str]) -> Command {
    let mut words = prefix.iter().chain(["apt-get"].iter()).chain(args.iter());
    let mut cmd = Command::new(words.next().copied().unwrap_or("apt-get"));
    cmd.args(words).env("DEBIAN_FRONTEND", "noninteractive");
    cmd
}
