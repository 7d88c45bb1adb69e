//! What the browser downloads: raw, gzip and brotli sizes of the bundle's
//! `.wasm` and `.js`, measured with the `gzip` and `brotli` command line tools.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::Result;

/// The `.wasm` and `.js` files under `dist`, sorted.
pub fn bundle_files(dist: &Path) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    collect(dist, &mut found)?;
    found.retain(|path| matches!(extension(path), Some("wasm" | "js")));
    found.sort();
    Ok(found)
}

/// Every file under `dir`, in any order, appended to `found`.
pub fn collect(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let entries =
        std::fs::read_dir(dir).map_err(|err| format!("cannot list {}: {err}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|err| format!("cannot list {}: {err}", dir.display()))?
            .path();
        if path.is_dir() {
            collect(&path, found)?;
        } else {
            found.push(path);
        }
    }
    Ok(())
}

fn extension(path: &Path) -> Option<&str> {
    path.extension().and_then(|ext| ext.to_str())
}

/// Prints one line per bundle file, then the totals.
pub fn report(dist: &Path) -> Result<()> {
    let files = bundle_files(dist)?;
    println!(
        "    {:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip -9", "brotli 11"
    );
    let mut totals = [Some(0u64); 3];
    for file in &files {
        let raw = file.metadata().map(|meta| meta.len()).ok();
        let gzip = compressed_len(Command::new("gzip").arg("-9").arg("-c").arg(file));
        let brotli = compressed_len(Command::new("brotli").args(["-c", "-q", "11"]).arg(file));
        let sizes = [raw, gzip, brotli];
        for (total, size) in totals.iter_mut().zip(sizes) {
            *total = total.zip(size).map(|(a, b)| a + b);
        }
        let name = file
            .strip_prefix(dist)
            .unwrap_or(file)
            .display()
            .to_string();
        print_row(&name, sizes);
    }
    print_row("total", totals);
    Ok(())
}

fn print_row(name: &str, [raw, gzip, brotli]: [Option<u64>; 3]) {
    println!(
        "    {name:<44} {:>10} {:>10} {:>10}",
        kib(raw),
        kib(gzip),
        kib(brotli)
    );
}

/// Bytes written to stdout by a compressor; `None` if it is missing or fails.
fn compressed_len(cmd: &mut Command) -> Option<u64> {
    let output = cmd.stderr(Stdio::null()).output().ok()?;
    output
        .status
        .success()
        .then_some(output.stdout.len() as u64)
}

/// `123.4 KiB`, or `n/a` when unmeasured.
pub fn kib(bytes: Option<u64>) -> String {
    match bytes {
        Some(bytes) => format!("{:.1} KiB", bytes as f64 / 1024.0),
        None => "n/a".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_read_in_kib_with_one_decimal() {
        assert_eq!(kib(Some(126_976)), "124.0 KiB");
        assert_eq!(kib(Some(512)), "0.5 KiB");
        assert_eq!(kib(None), "n/a");
    }

    #[test]
    fn bundle_files_are_the_wasm_and_js_only() {
        let dir = std::env::temp_dir().join(format!("xtask-sizes-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("snippets")).unwrap();
        for name in [
            "app_bg.wasm",
            "app.js",
            "index.html",
            "snippets/x.js",
            "data.json",
        ] {
            std::fs::write(dir.join(name), b"x").unwrap();
        }
        let names: Vec<String> = bundle_files(&dir)
            .unwrap()
            .iter()
            .map(|p| p.strip_prefix(&dir).unwrap().display().to_string())
            .collect();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(names, ["app.js", "app_bg.wasm", "snippets/x.js"]);
    }
}
