//! What a first visit downloads: each request the browser made, resolved to its file in
//! `dist/`, with the file's raw, gzip -9 and brotli -q 11 sizes, and the totals the size
//! budgets are checked against.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::static_files::{self, Lookup};

/// When a request was made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Before the page settled: the first load the budgets count.
    Page,
    /// After it settled, including the service worker's install (off the critical path).
    Background,
}

/// One request, as the browser half recorded it.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub url: String,
    /// The URL's path when it is on the site's origin.
    pub path: Option<String>,
    /// The browser's resource type: document, script, stylesheet, fetch, image, ...
    pub kind: String,
    /// `None` when the browser could not say (a service worker's own script, say).
    pub status: Option<u16>,
    /// The browser reported the request as failed.
    pub failed: bool,
    pub content_encoding: Option<String>,
    /// Bytes received, headers included.
    pub transfer_bytes: Option<u64>,
    pub phase: Phase,
}

/// A file's sizes as stored and compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileSizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl FileSizes {
    /// What a server with the precompressed copies sends a brotli-capable browser: the
    /// brotli copy, or the file itself when compressing does not make it smaller.
    pub fn sent_as_brotli(&self) -> u64 {
        self.brotli.min(self.raw)
    }

    pub fn sent_as_gzip(&self) -> u64 {
        self.gzip.min(self.raw)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Asset {
    pub request: Request,
    /// The file under `dist/`, relative to it; `None` when the request is not for one.
    pub file: Option<PathBuf>,
    pub sizes: Option<FileSizes>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Totals {
    pub requests: usize,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// Bytes the browser actually received from the benchmark's server.
    pub transferred: u64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct FirstLoad {
    pub assets: Vec<Asset>,
    pub page: Totals,
    pub background: Totals,
    /// Requests that did not resolve to a file of the site (other hosts, failures).
    pub unresolved: Vec<String>,
}

impl FirstLoad {
    /// The files under `data/` the page itself fetched.
    pub fn data_files(&self) -> Vec<String> {
        self.assets
            .iter()
            .filter(|a| a.request.phase == Phase::Page)
            .filter_map(|a| a.file.as_ref())
            .filter(|f| f.starts_with("data"))
            .map(|f| f.display().to_string())
            .collect()
    }
}

/// The file under `dist` that answers `path`, relative to `dist`.
pub fn file_for(dist: &Path, path: &str) -> Option<PathBuf> {
    match static_files::lookup(dist, path) {
        Lookup::File(file) => file.strip_prefix(dist).ok().map(Path::to_path_buf),
        _ => None,
    }
}

/// Resolves every request to its file and adds up each phase. `sizes_of` measures a
/// file (relative to `dist`); it is asked once per file.
pub fn account(
    dist: &Path,
    requests: &[Request],
    mut sizes_of: impl FnMut(&Path) -> Option<FileSizes>,
) -> FirstLoad {
    let mut measured: HashMap<PathBuf, Option<FileSizes>> = HashMap::new();
    let mut load = FirstLoad {
        assets: Vec::new(),
        page: Totals::default(),
        background: Totals::default(),
        unresolved: Vec::new(),
    };
    for request in requests {
        let ok = !request.failed && request.status.is_none_or(|s| (200..400).contains(&s));
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
        let totals = match request.phase {
            Phase::Page => &mut load.page,
            Phase::Background => &mut load.background,
        };
        totals.requests += 1;
        totals.transferred += request.transfer_bytes.unwrap_or(0);
        match sizes {
            Some(sizes) => {
                totals.raw += sizes.raw;
                totals.gzip += sizes.sent_as_gzip();
                totals.brotli += sizes.sent_as_brotli();
            }
            None => load.unresolved.push(request.url.clone()),
        }
        load.assets.push(Asset {
            request: request.clone(),
            file,
            sizes,
        });
    }
    load
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
            failed: false,
            content_encoding: Some("br".into()),
            transfer_bytes: Some(100),
            phase,
        }
    }

    #[test]
    fn each_phase_adds_up_the_files_its_requests_name() {
        let dist = std::env::temp_dir().join(format!("xtask-first-load-{}", std::process::id()));
        std::fs::create_dir_all(dist.join("data")).unwrap();
        for file in ["index.html", "app.wasm", "data/a.json", "tiny.svg"] {
            std::fs::write(dist.join(file), "x").unwrap();
        }
        let sizes = |file: &Path| {
            Some(match file.to_str().unwrap() {
                "index.html" => FileSizes {
                    raw: 4000,
                    gzip: 1500,
                    brotli: 1200,
                },
                "app.wasm" => FileSizes {
                    raw: 100_000,
                    gzip: 40_000,
                    brotli: 30_000,
                },
                "data/a.json" => FileSizes {
                    raw: 9000,
                    gzip: 2000,
                    brotli: 1800,
                },
                // Compressing does not help: the file itself is sent.
                "tiny.svg" => FileSizes {
                    raw: 90,
                    gzip: 110,
                    brotli: 95,
                },
                other => panic!("{other}"),
            })
        };
        let mut asked = 0;
        let requests = [
            request("/", Phase::Page),
            request("/app.wasm", Phase::Page),
            request("/data/a.json", Phase::Page),
            request("/tiny.svg", Phase::Page),
            request("/data/a.json", Phase::Background),
            Request {
                status: Some(404),
                ..request("/missing.js", Phase::Page)
            },
            Request {
                status: None,
                failed: true,
                ..request("/index.html", Phase::Page)
            },
            // Finished, but the browser did not say with what status.
            Request {
                status: None,
                ..request("/tiny.svg", Phase::Background)
            },
        ];
        let load = account(&dist, &requests, |f| {
            asked += 1;
            sizes(f)
        });
        std::fs::remove_dir_all(&dist).unwrap();

        assert_eq!(asked, 4, "each file is measured once");
        assert_eq!(load.page.requests, 6);
        assert_eq!(load.page.raw, 4000 + 100_000 + 9000 + 90);
        assert_eq!(load.page.brotli, 1200 + 30_000 + 1800 + 90);
        assert_eq!(load.page.gzip, 1500 + 40_000 + 2000 + 90);
        assert_eq!(load.page.transferred, 600);
        assert_eq!(load.background.requests, 2);
        assert_eq!(load.background.brotli, 1800 + 90);
        assert_eq!(
            load.unresolved,
            [
                "http://127.0.0.1:1/missing.js",
                "http://127.0.0.1:1/index.html"
            ]
        );
        assert_eq!(load.assets[0].file, Some(PathBuf::from("index.html")));
        assert_eq!(load.data_files(), ["data/a.json"]);
    }

    #[test]
    fn requests_to_other_hosts_resolve_to_no_file() {
        let dist = std::env::temp_dir();
        let other = Request {
            path: None,
            ..request("/x.js", Phase::Page)
        };
        let load = account(&dist, &[other], |_| panic!("not asked"));
        assert_eq!(load.page.requests, 1);
        assert_eq!(load.page.brotli, 0);
        assert_eq!(load.unresolved.len(), 1);
    }
}
