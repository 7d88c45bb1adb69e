//! What a visit downloads: each request the browser made, resolved to its file in
//! `dist/` with the sizes of the build's precompressed copies, and the totals per phase.
//! A file asked for again in the same visit is counted once (the browser has it).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::static_files::{self, Lookup};

/// When a request was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Phase {
    /// The first load: a portal page settled without scrolling, an embed 5 s after load.
    Load,
    /// After it: every chart scrolled to (portal), the first hover (embed).
    More,
    /// The service worker's install, in a visit of its own.
    ServiceWorker,
}

impl Phase {
    pub fn parse(text: &str) -> Option<Phase> {
        match text {
            "load" => Some(Phase::Load),
            "more" => Some(Phase::More),
            "service-worker" => Some(Phase::ServiceWorker),
            _ => None,
        }
    }

    pub fn word(self) -> &'static str {
        match self {
            Phase::Load => "load",
            Phase::More => "more",
            Phase::ServiceWorker => "service worker",
        }
    }
}

/// One request, as the browser half recorded it.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub url: String,
    /// The URL's path when it is on the site's origin.
    pub path: Option<String>,
    /// The browser's resource type: document, script, stylesheet, fetch, image, ...
    pub kind: String,
    /// `None` when the browser could not say.
    pub status: Option<u16>,
    /// Why the browser gave up on it, if it did.
    pub failed: Option<String>,
    /// Bytes received, headers included.
    pub transfer_bytes: u64,
    pub phase: Phase,
}

/// A file's size as stored and as its precompressed copies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FileSizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl FileSizes {
    /// The sizes a host with the build's `.gz` and `.br` copies sends: a copy, or the file
    /// itself where there is none or it is not smaller.
    pub fn of(dist: &Path, file: &Path) -> Option<FileSizes> {
        let path = dist.join(file);
        let raw = std::fs::metadata(&path).ok()?.len();
        let copy = |suffix: &str| {
            let mut name = path.clone().into_os_string();
            name.push(suffix);
            std::fs::metadata(name).map_or(raw, |m| m.len().min(raw))
        };
        Some(FileSizes {
            raw,
            gzip: copy(".gz"),
            brotli: copy(".br"),
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub request: Request,
    /// The file under `dist/`, relative to it; `None` when the request is not for one.
    pub file: Option<PathBuf>,
    /// `None` for a request that is not a file of the site, or a file already counted.
    pub counted: Option<FileSizes>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub requests: usize,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// Bytes the browser received from the benchmark's server, headers included.
    pub transferred: u64,
}

impl Totals {
    fn add(&mut self, row: &Row) {
        self.requests += 1;
        self.transferred += row.request.transfer_bytes;
        if let Some(sizes) = row.counted {
            self.raw += sizes.raw;
            self.gzip += sizes.gzip;
            self.brotli += sizes.brotli;
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Visit {
    pub rows: Vec<Row>,
    /// Requests that failed or did not resolve to a file of the site.
    pub unresolved: Vec<String>,
}

impl Visit {
    pub fn totals(&self, phases: &[Phase]) -> Totals {
        let mut totals = Totals::default();
        for row in self
            .rows
            .iter()
            .filter(|r| phases.contains(&r.request.phase))
        {
            totals.add(row);
        }
        totals
    }

    /// The `n` counted files of `phases` with the most brotli bytes, largest first.
    pub fn largest(&self, phases: &[Phase], n: usize) -> Vec<(String, u64)> {
        let mut files: Vec<(String, u64)> = self
            .rows
            .iter()
            .filter(|r| phases.contains(&r.request.phase))
            .filter_map(|r| Some((r.file.as_ref()?.display().to_string(), r.counted?.brotli)))
            .collect();
        files.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        files.truncate(n);
        files
    }
}

/// The file under `dist` that answers `path`, relative to `dist`.
pub fn file_for(dist: &Path, path: &str) -> Option<PathBuf> {
    match static_files::lookup(dist, path) {
        Lookup::File(file) => file.strip_prefix(dist).ok().map(Path::to_path_buf),
        _ => None,
    }
}

/// Resolves every request to its file; each file is counted once per visit, in the
/// phase that first asked for it (the service worker's visit is a visit of its own).
/// `sizes_of` measures a file relative to `dist`.
pub fn account(
    dist: &Path,
    requests: &[Request],
    mut sizes_of: impl FnMut(&Path) -> Option<FileSizes>,
) -> Visit {
    let mut measured: HashMap<PathBuf, Option<FileSizes>> = HashMap::new();
    let mut seen: HashSet<(bool, PathBuf)> = HashSet::new();
    let mut visit = Visit::default();
    for request in requests {
        let ok = request.failed.is_none() && request.status.is_none_or(|s| (200..400).contains(&s));
        let file = request
            .path
            .as_deref()
            .filter(|_| ok)
            .and_then(|path| file_for(dist, path));
        let sizes = file.as_ref().and_then(|file| {
            *measured
                .entry(file.clone())
                .or_insert_with(|| sizes_of(file))
        });
        if sizes.is_none() {
            visit.unresolved.push(match &request.failed {
                Some(why) => format!("{} ({why})", request.url),
                None => format!(
                    "{} ({})",
                    request.url,
                    request.status.map_or("no status".into(), |s| s.to_string())
                ),
            });
        }
        let first_time = file
            .as_ref()
            .is_some_and(|file| seen.insert((request.phase == Phase::ServiceWorker, file.clone())));
        visit.rows.push(Row {
            request: request.clone(),
            file,
            counted: sizes.filter(|_| first_time),
        });
    }
    visit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(path: &str, phase: Phase) -> Request {
        Request {
            url: format!("http://127.0.0.1:1{path}"),
            path: Some(path.to_string()),
            kind: "fetch".into(),
            status: Some(200),
            failed: None,
            transfer_bytes: 100,
            phase,
        }
    }

    fn sizes(raw: u64, gzip: u64, brotli: u64) -> FileSizes {
        FileSizes { raw, gzip, brotli }
    }

    #[test]
    fn each_phase_adds_up_its_files_once_per_visit() {
        let dist = std::env::temp_dir().join(format!("xtask-first-load-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("en")).unwrap();
        std::fs::create_dir_all(dist.join("data")).unwrap();
        for file in ["en/index.html", "app.wasm", "data/a.json", "favicon.svg"] {
            std::fs::write(dist.join(file), "x").unwrap();
        }
        let mut asked = 0;
        let requests = [
            request("/en/", Phase::Load),
            request("/favicon.svg", Phase::Load),
            request("/app.wasm", Phase::More),
            request("/data/a.json", Phase::More),
            // Asked for again: the browser has it.
            request("/favicon.svg", Phase::More),
            Request {
                status: Some(404),
                ..request("/missing.js", Phase::More)
            },
            Request {
                failed: Some("net::ERR_ABORTED".into()),
                ..request("/data/a.json", Phase::More)
            },
            // The service worker's own visit counts its files again.
            request("/app.wasm", Phase::ServiceWorker),
            Request {
                path: None,
                ..request("/elsewhere.js", Phase::Load)
            },
        ];
        let visit = account(&dist, &requests, |file| {
            asked += 1;
            Some(match file.to_str().unwrap() {
                "en/index.html" => sizes(4000, 1500, 1200),
                "app.wasm" => sizes(100_000, 40_000, 30_000),
                "data/a.json" => sizes(9000, 2000, 1800),
                "favicon.svg" => sizes(200, 180, 150),
                other => panic!("{other}"),
            })
        });
        std::fs::remove_dir_all(&dist).unwrap();

        assert_eq!(asked, 4, "each file is measured once");
        let load = visit.totals(&[Phase::Load]);
        assert_eq!((load.requests, load.brotli, load.raw), (3, 1350, 4200));
        let full = visit.totals(&[Phase::Load, Phase::More]);
        assert_eq!(full.requests, 8);
        assert_eq!(full.brotli, 1200 + 150 + 30_000 + 1800);
        assert_eq!(full.gzip, 1500 + 180 + 40_000 + 2000);
        assert_eq!(full.transferred, 800);
        let worker = visit.totals(&[Phase::ServiceWorker]);
        assert_eq!((worker.requests, worker.brotli), (1, 30_000));
        assert_eq!(
            visit.unresolved,
            [
                "http://127.0.0.1:1/missing.js (404)",
                "http://127.0.0.1:1/data/a.json (net::ERR_ABORTED)",
                "http://127.0.0.1:1/elsewhere.js (200)"
            ]
        );
        assert_eq!(
            visit.largest(&[Phase::Load, Phase::More], 2),
            [
                ("app.wasm".to_string(), 30_000),
                ("data/a.json".to_string(), 1800)
            ]
        );
    }

    #[test]
    fn sizes_are_the_precompressed_copies_or_the_file_when_smaller() {
        let dist = std::env::temp_dir().join(format!("xtask-sizes-{}", std::process::id()));
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("a.js"), vec![b'a'; 1000]).unwrap();
        std::fs::write(dist.join("a.js.br"), vec![0; 20]).unwrap();
        std::fs::write(dist.join("a.js.gz"), vec![0; 30]).unwrap();
        std::fs::write(dist.join("tiny.svg"), vec![b'a'; 10]).unwrap();
        std::fs::write(dist.join("tiny.svg.br"), vec![0; 14]).unwrap();
        let a = FileSizes::of(&dist, Path::new("a.js"));
        let tiny = FileSizes::of(&dist, Path::new("tiny.svg"));
        let none = FileSizes::of(&dist, Path::new("none"));
        std::fs::remove_dir_all(&dist).unwrap();
        assert_eq!(a, Some(sizes(1000, 30, 20)));
        assert_eq!(tiny, Some(sizes(10, 10, 10)));
        assert_eq!(none, None);
    }
}
