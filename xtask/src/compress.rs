//! Precompressed copies for static hosts: `name.br` (brotli -q 11) and `name.gz`
//! (gzip -9) next to every compressible file in `dist/`, written once at build time so
//! a server or CDN sends them as they are (`Content-Encoding`) instead of compressing
//! on each request at a lower level. A copy that is not smaller is not written.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::static_files::{self, Encoding};
use crate::Result;

/// The command that writes `file` compressed to stdout, at the highest level.
fn compressor(encoding: Encoding, file: &Path) -> Command {
    let mut cmd = match encoding {
        Encoding::Brotli => {
            let mut cmd = Command::new("brotli");
            cmd.args(["-q", "11", "-c"]);
            cmd
        }
        Encoding::Gzip => {
            let mut cmd = Command::new("gzip");
            // -n: no name or time stamp, so equal inputs give equal outputs.
            cmd.args(["-9", "-n", "-c"]);
            cmd
        }
    };
    cmd.arg(file);
    cmd
}

/// `file` compressed, or an error naming the tool.
pub fn compressed(encoding: Encoding, file: &Path) -> Result<Vec<u8>> {
    let mut cmd = compressor(encoding, file);
    let output = cmd
        .stderr(Stdio::piped())
        .output()
        .map_err(|err| match err.kind() {
            std::io::ErrorKind::NotFound => format!(
                "`{}` is not installed; run `cargo xtask setup`",
                cmd.get_program().to_string_lossy()
            ),
            _ => format!(
                "could not run {}: {err}",
                cmd.get_program().to_string_lossy()
            ),
        })?;
    if !output.status.success() {
        return Err(format!(
            "compressing {} failed: {}",
            file.display(),
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    Ok(output.stdout)
}

/// The files under `dir` to compress, sorted.
pub fn compressible_files(dir: &Path) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    crate::sizes::collect(dir, &mut files)?;
    files.retain(|path| static_files::compressible(path));
    files.sort();
    Ok(files)
}

/// Writes the `.br` and `.gz` copies under `dist`; prints one summary line.
pub fn precompress(dist: &Path) -> Result<()> {
    let files = compressible_files(dist)?;
    let (mut written, mut raw_total, mut br_total) = (0, 0u64, 0u64);
    for file in &files {
        let raw = std::fs::metadata(file)
            .map_err(|err| format!("{}: {err}", file.display()))?
            .len();
        raw_total += raw;
        let copies = Encoding::ALL
            .iter()
            .map(|encoding| Ok((*encoding, compressed(*encoding, file)?)))
            .collect::<Result<Vec<_>>>()?;
        // Both copies or neither: a host then answers every request for the file alike
        // (nginx's gzip_static and brotli_static each add `Vary` only with their copy).
        let worth_it = copies.iter().all(|(_, bytes)| (bytes.len() as u64) < raw);
        for (encoding, bytes) in copies {
            let copy = encoding.copy_of(file);
            if worth_it {
                std::fs::write(&copy, &bytes)
                    .map_err(|err| format!("cannot write {}: {err}", copy.display()))?;
                written += 1;
            } else {
                // A stale copy from an earlier build must not outlive its file.
                let _ = std::fs::remove_file(&copy);
            }
            if encoding == Encoding::Brotli {
                br_total += if worth_it { bytes.len() as u64 } else { raw };
            }
        }
    }
    println!(
        "    precompressed: {written} .br/.gz copies of {} files ({} raw, {} as brotli)",
        files.len(),
        crate::sizes::kib(Some(raw_total)),
        crate::sizes::kib(Some(br_total)),
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_are_written_next_to_text_and_wasm_only_when_smaller() {
        let dir = std::env::temp_dir().join(format!("xtask-compress-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).unwrap();
        let repetitive = "klaster ".repeat(500);
        std::fs::write(dir.join("index.html"), &repetitive).unwrap();
        std::fs::write(dir.join("data/x.json"), &repetitive).unwrap();
        std::fs::write(dir.join("tiny.css"), "a").unwrap();
        std::fs::write(dir.join("card.png"), &repetitive).unwrap();
        std::fs::write(dir.join("tiny.css.br"), "stale").unwrap();

        precompress(&dir).unwrap();
        for file in ["index.html", "data/x.json"] {
            for suffix in [".br", ".gz"] {
                let copy = dir.join(format!("{file}{suffix}"));
                let size = std::fs::metadata(&copy).unwrap().len();
                assert!(size > 0 && size < 4000, "{file}{suffix}: {size}");
            }
        }
        assert!(!dir.join("tiny.css.br").exists(), "not smaller: no copy");
        assert!(!dir.join("card.png.br").exists(), "images are left alone");
        // A second build over the copies does not compress the copies.
        precompress(&dir).unwrap();
        assert!(!dir.join("index.html.br.br").exists());

        let gzip = std::fs::read(dir.join("index.html.gz")).unwrap();
        assert_eq!(&gzip[..2], [0x1f, 0x8b], "a gzip stream");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
