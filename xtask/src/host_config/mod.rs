//! How a host serves `dist/`: which headers each kind of path gets, written once here and
//! then in each host's own language (see docs/hosting.md):
//! - `headers_file`: `dist/_headers` for Netlify and Cloudflare Pages;
//! - `nginx`: a complete nginx site, `dist/nginx/klaster.conf`, and the same rules under a
//!   sub-path to include in an existing site, `dist/nginx/klaster-subpath.conf`;
//! - `caddy`: `dist/caddy/Caddyfile`.
//!
//! Rules go by path kind (`Kind::of`), never by a list of pages, so new pages need no
//! change here. harden.rs computes the Content-Security-Policy; the headers add
//! `frame-ancestors`, which only works as a header.

mod caddy;
mod headers_file;
mod nginx;

use std::fs;
use std::path::Path;

use crate::Result;

/// Files whose name changes with their content: a browser or CDN may keep them a year.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// Everything else: kept, but checked with the server (ETag / Last-Modified) before each
/// use, so a new release reaches readers at once.
pub const REVALIDATE: &str = "no-cache";

/// Headers every file gets. `Access-Control-Allow-Origin: *` because an embed's
/// sandboxed frame has an opaque origin, so even our own files are cross-origin to it;
/// everything here is public, and nothing uses cookies.
const COMMON_HEADERS: [(&str, &str); 3] = [
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ("Access-Control-Allow-Origin", "*"),
];

/// Published data releases that never change once written (a future `data/releases/<v>/`).
const RELEASES: &str = "data/releases/";

/// Extensions of the content-hashed files trunk (and harden.rs's boot script) write.
const HASHED_EXTENSIONS: [&str; 12] = [
    "js", "mjs", "wasm", "css", "woff2", "woff", "png", "svg", "jpg", "jpeg", "webp", "ico",
];

/// Trunk names a hashed file `name-<hash>.ext` with the 64-bit hash in hex without
/// leading zeros (`{:x}`), so usually 16 digits and now and then fewer.
const HASH_DIGITS: std::ops::RangeInclusive<usize> = 12..=16;

/// harden.rs names the boot script `boot-<16 letters or digits>.js`, from its hash.
const BOOT_HASH_LEN: usize = 16;

/// What a path is, for caching and framing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// An HTML page of the portal (`/`, `/index.html`, `/404.html`, `/en/climate/`, ...):
    /// nobody may frame it.
    PortalPage,
    /// `/chart-<id>-<lang>.html`: an embed, made to be framed anywhere.
    ChartPage,
    /// A content-hashed file at the root (`klaster-<hash>_bg.wasm`, `main-<hash>.css`).
    Hashed,
    /// A file in an immutable data release folder.
    Release,
    /// Anything else: data, images, `sw.js`, `embed.js`, feeds. Its name stays, its content
    /// changes.
    Other,
}

impl Kind {
    /// The kind of a URL path from the site's root (`/`, `/en/climate/`, `/data/x.json`).
    pub fn of(path: &str) -> Kind {
        let name = path.trim_start_matches('/');
        if name.starts_with(RELEASES) {
            Kind::Release
        } else if is_hashed_asset(name) {
            Kind::Hashed
        } else if is_chart_page(name) {
            Kind::ChartPage
        } else if name.is_empty() || name.ends_with('/') || name.ends_with(".html") {
            Kind::PortalPage
        } else {
            Kind::Other
        }
    }

    pub fn cache_control(self) -> &'static str {
        match self {
            Kind::Hashed | Kind::Release => IMMUTABLE,
            Kind::PortalPage | Kind::ChartPage | Kind::Other => REVALIDATE,
        }
    }

    /// A regular expression for this kind's paths under `prefix` (`/` or `/portal/`), as
    /// nginx (PCRE) and Caddy (RE2) read it; `None` for the kinds matched by prefix or as
    /// the rest. It must agree with `Kind::of`, and the nginx browser test checks that.
    pub fn regex(self, prefix: &str) -> Option<String> {
        match self {
            Kind::Hashed => Some(format!(
                "^{prefix}(?:[\\w.-]+-[0-9a-f]{{{},{}}}(?:_bg)?\\.(?:{})|boot-[0-9A-Za-z]{{{BOOT_HASH_LEN}}}\\.js)$",
                HASH_DIGITS.start(),
                HASH_DIGITS.end(),
                HASHED_EXTENSIONS.join("|"),
            )),
            Kind::ChartPage => Some(format!("^{prefix}chart-[a-z0-9-]+\\.html$")),
            Kind::PortalPage => Some(format!("^{prefix}(?:.*/|.*\\.html)?$")),
            Kind::Release | Kind::Other => None,
        }
    }
}

/// The folder of immutable releases under `prefix`.
pub fn releases_prefix(prefix: &str) -> String {
    format!("{prefix}{RELEASES}")
}

fn is_chart_page(name: &str) -> bool {
    name.strip_prefix("chart-")
        .and_then(|rest| rest.strip_suffix(".html"))
        .is_some_and(|id| {
            !id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
}

fn is_hashed_asset(name: &str) -> bool {
    let Some((stem, extension)) = name.rsplit_once('.') else {
        return false;
    };
    if name.contains('/') || !HASHED_EXTENSIONS.contains(&extension) {
        return false;
    }
    if let Some(hash) = stem.strip_prefix("boot-") {
        if extension == "js"
            && hash.len() == BOOT_HASH_LEN
            && hash.bytes().all(|b| b.is_ascii_alphanumeric())
        {
            return true;
        }
    }
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let Some((base, hash)) = stem.rsplit_once('-') else {
        return false;
    };
    !base.is_empty()
        && base
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"_.-".contains(&b))
        && HASH_DIGITS.contains(&hash.len())
        && hash
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// `policy` with the framing rule of `kind` (only pages have one).
pub fn policy_for(kind: Kind, policy: &str) -> Option<String> {
    let ancestors = match kind {
        Kind::PortalPage => "'none'",
        Kind::ChartPage => "*",
        _ => return None,
    };
    Some(format!("{policy}; frame-ancestors {ancestors}"))
}

/// Every header a response of `kind` carries, besides Content-Type, encoding and
/// validators.
pub fn headers(kind: Kind, policy: &str) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = COMMON_HEADERS
        .iter()
        .map(|(name, value)| (*name, value.to_string()))
        .collect();
    out.push(("Cache-Control", kind.cache_control().to_string()));
    if let Some(policy) = policy_for(kind, policy) {
        out.push(("Content-Security-Policy", policy));
    }
    if kind == Kind::PortalPage {
        // The portal opens no window that needs it, and browsers without frame-ancestors
        // still know X-Frame-Options.
        out.push(("Cross-Origin-Opener-Policy", "same-origin".into()));
        out.push(("X-Frame-Options", "DENY".into()));
    }
    out
}

/// The URL paths of the files under `dist` that a host serves (not the precompressed
/// copies, nor the host files themselves), sorted.
pub fn served_paths(dist: &Path) -> Result<Vec<String>> {
    let mut files = Vec::new();
    crate::sizes::collect(dist, &mut files)?;
    let mut paths: Vec<String> = files
        .iter()
        .filter_map(|file| file.strip_prefix(dist).ok())
        .map(|rel| format!("/{}", rel.to_string_lossy().replace('\\', "/")))
        .filter(|path| !is_host_file(path) && !path.ends_with(".br") && !path.ends_with(".gz"))
        .collect();
    paths.sort();
    Ok(paths)
}

/// The configuration files this module writes into `dist/`, which no host should serve.
fn is_host_file(path: &str) -> bool {
    path == "/_headers" || path.starts_with("/nginx/") || path.starts_with("/caddy/")
}

/// Writes every host's configuration into `dist`; returns what it wrote, for the log.
pub fn write(dist: &Path, policy: &str) -> Result<Vec<&'static str>> {
    let paths = served_paths(dist)?;
    let headers = headers_file::render(policy, &paths);
    headers_file::check(&headers, policy, &paths)?;
    let files = [
        ("_headers", headers),
        ("nginx/klaster.conf", nginx::site(policy)),
        (
            "nginx/klaster-subpath.conf",
            nginx::subpath(policy, "/portal/"),
        ),
        ("caddy/Caddyfile", caddy::site(policy)),
    ];
    for (name, text) in &files {
        let path = dist.join(name);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder).map_err(|e| format!("{}: {e}", folder.display()))?;
        }
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(files.iter().map(|(name, _)| *name).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_KINDS: [Kind; 5] = [
        Kind::PortalPage,
        Kind::ChartPage,
        Kind::Hashed,
        Kind::Release,
        Kind::Other,
    ];

    #[test]
    fn paths_are_sorted_into_kinds_by_their_shape() {
        for (path, kind) in [
            ("/", Kind::PortalPage),
            ("/index.html", Kind::PortalPage),
            ("/404.html", Kind::PortalPage),
            ("/en/", Kind::PortalPage),
            ("/az/nextgen/", Kind::PortalPage),
            ("/en/figures/park-jobs/index.html", Kind::PortalPage),
            ("/chart-initiative-growth-en.html", Kind::ChartPage),
            ("/chart-park-residents-az.html", Kind::ChartPage),
            ("/klaster-9f86d081884c7d65_bg.wasm", Kind::Hashed),
            ("/klaster-9f86d081884c7d65.js", Kind::Hashed),
            ("/main-f86d081884c7d65.css", Kind::Hashed),
            ("/boot-Zm9vYmFyYmF6cXV4MA.js", Kind::Other),
            ("/boot-Zm9vYmFyYmF6cXV4.js", Kind::Hashed),
            ("/data/releases/2026-01/park.json", Kind::Release),
            ("/sw.js", Kind::Other),
            ("/embed.js", Kind::Other),
            ("/favicon.svg", Kind::Other),
            ("/data/datapackage.json", Kind::Other),
            ("/data/csv/milestones.csv", Kind::Other),
            ("/charts/initiative-growth-en.svg", Kind::Other),
            ("/charts/initiative-growth-en-card.png", Kind::Other),
            ("/oembed/initiative-growth-en.json", Kind::Other),
            ("/feed.xml", Kind::Other),
            ("/en/climate", Kind::Other),
        ] {
            assert_eq!(Kind::of(path), kind, "{path}");
        }
    }

    #[test]
    fn a_word_after_a_hyphen_is_no_hash() {
        for path in [
            "/apple-touch-icon.png",
            "/social-card.png",
            "/favicon-deadbeef.svg",
            "/data/klaster-9f86d081884c7d65.js",
            "/klaster-9F86D081884C7D65.js",
            "/-9f86d081884c7d65.js",
        ] {
            assert_ne!(Kind::of(path), Kind::Hashed, "{path}");
        }
    }

    #[test]
    fn only_hashed_and_released_files_are_immutable() {
        for kind in ALL_KINDS {
            let immutable = matches!(kind, Kind::Hashed | Kind::Release);
            assert_eq!(kind.cache_control() == IMMUTABLE, immutable, "{kind:?}");
        }
        assert_eq!(Kind::Other.cache_control(), "no-cache");
    }

    #[test]
    fn the_portal_refuses_framing_chart_pages_allow_it_and_other_files_carry_no_policy() {
        let header = |kind, name| {
            headers(kind, "default-src 'none'")
                .into_iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v)
        };
        let portal = header(Kind::PortalPage, "Content-Security-Policy").unwrap();
        assert_eq!(portal, "default-src 'none'; frame-ancestors 'none'");
        assert_eq!(
            header(Kind::PortalPage, "X-Frame-Options").as_deref(),
            Some("DENY")
        );
        let chart = header(Kind::ChartPage, "Content-Security-Policy").unwrap();
        assert_eq!(chart, "default-src 'none'; frame-ancestors *");
        assert_eq!(header(Kind::ChartPage, "X-Frame-Options"), None);
        for kind in ALL_KINDS {
            assert_eq!(
                header(kind, "Access-Control-Allow-Origin").as_deref(),
                Some("*")
            );
            assert_eq!(
                header(kind, "X-Content-Type-Options").as_deref(),
                Some("nosniff")
            );
        }
        assert_eq!(header(Kind::Hashed, "Content-Security-Policy"), None);
    }

    #[test]
    fn host_files_and_compressed_copies_are_not_served_paths() {
        let dist = std::env::temp_dir().join(format!("xtask-host-{}", std::process::id()));
        fs::create_dir_all(dist.join("en/climate")).unwrap();
        fs::create_dir_all(dist.join("nginx")).unwrap();
        for file in [
            "index.html",
            "index.html.br",
            "index.html.gz",
            "en/climate/index.html",
            "_headers",
            "nginx/klaster.conf",
        ] {
            fs::write(dist.join(file), "x").unwrap();
        }
        assert_eq!(
            served_paths(&dist).unwrap(),
            ["/en/climate/index.html", "/index.html"]
        );
        fs::remove_dir_all(&dist).unwrap();
    }
}
