//! Running other programs: echo the command, fail with a message naming it,
//! enforce a time limit, probe a tool's `--version`, search PATH.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::Result;

/// `program arg1 arg2`, for messages.
pub fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs `cmd` with inherited stdio; an error if it cannot start or exits non-zero.
pub fn run(cmd: &mut Command) -> Result<()> {
    let shown = describe(cmd);
    println!("    $ {shown}");
    let status = cmd
        .status()
        .map_err(|err| format!("could not start `{shown}`: {err}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Like [`run`], but kills the command when it outlives `limit`.
pub fn run_with_time_limit(cmd: &mut Command, limit: Duration) -> Result<()> {
    let shown = describe(cmd);
    println!("    $ {shown}   (time limit {}s)", limit.as_secs());
    let mut child = cmd
        .spawn()
        .map_err(|err| format!("could not start `{shown}`: {err}"))?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(format!("`{shown}` failed ({status})")),
            Ok(None) if started.elapsed() >= limit => {
                // Best effort: the child may exit between try_wait and kill.
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "`{shown}` did not finish within {}s and was stopped",
                    limit.as_secs()
                ));
            }
            Ok(None) => thread::sleep(Duration::from_millis(200)),
            Err(err) => return Err(format!("waiting for `{shown}` failed: {err}")),
        }
    }
}

/// Stdout and stderr of `program args`, when it starts and exits zero.
/// Used to ask a tool its version: absence and failure both mean "not usable".
pub fn probe<S: AsRef<OsStr>>(program: impl AsRef<OsStr>, args: &[S]) -> Option<String> {
    let output = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.push_str(&String::from_utf8_lossy(&output.stderr));
    Some(text.trim().to_string())
}

/// The first executable file called `name` in `preferred` dirs, then on PATH.
pub fn find_program(name: &str, preferred: &[PathBuf]) -> Option<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    preferred
        .iter()
        .chain(on_path.iter())
        .map(|dir| dir.join(name))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    path.metadata()
        .map(|meta| meta.is_file() && meta.permissions().mode() & 0o111 != 0)
        .unwrap_or(false)
}

/// A PATH value with `first` dirs ahead of the current PATH.
pub fn path_with(first: &[PathBuf]) -> Result<std::ffi::OsString> {
    let current = std::env::var_os("PATH").unwrap_or_default();
    let dirs = first.iter().cloned().chain(std::env::split_paths(&current));
    std::env::join_paths(dirs).map_err(|err| format!("cannot build PATH: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_limit_stops_a_command_that_runs_too_long() {
        let started = Instant::now();
        let result =
            run_with_time_limit(Command::new("sleep").arg("30"), Duration::from_millis(300));
        assert!(result.unwrap_err().contains("did not finish"));
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn time_limit_passes_through_a_quick_success_and_a_failure() {
        assert!(run_with_time_limit(&mut Command::new("true"), Duration::from_secs(5)).is_ok());
        let failed = run_with_time_limit(&mut Command::new("false"), Duration::from_secs(5));
        assert!(failed.unwrap_err().contains("failed"));
    }

    #[test]
    fn probe_of_a_missing_program_is_none() {
        assert_eq!(probe("klaster-no-such-tool", &["--version"]), None);
    }

    #[test]
    fn preferred_dirs_win_over_path() {
        let found = find_program("sh", &[PathBuf::from("/bin")]).unwrap();
        assert_eq!(found, PathBuf::from("/bin/sh"));
    }
}
