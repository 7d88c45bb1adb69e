//! Which file answers a request target, and with what Content-Type.
//! Pure logic; the socket side lives in `serve`.

use std::path::{Path, PathBuf};

/// The answer for one request target.
#[derive(Debug, PartialEq, Eq)]
pub enum Lookup {
    /// Serve this file.
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect here, so the
    /// relative asset URLs of its index.html resolve inside it.
    AddSlash(String),
    NotFound,
    /// Traversal out of the root, or a target we refuse to interpret.
    Rejected,
}

/// Maps `target` (the request line's path, e.g. `/data/x.json?v=2`) to a file under `root`.
pub fn lookup(root: &Path, target: &str) -> Lookup {
    let Some(segments) = safe_segments(target) else {
        return Lookup::Rejected;
    };
    let mut path = root.to_path_buf();
    path.extend(&segments);
    if path.is_dir() {
        let url_path = strip_query(target);
        if !segments.is_empty() && !url_path.ends_with('/') {
            // One leading slash only: `//host` would be a redirect off-site.
            let query = &target[url_path.len()..];
            let local = url_path.trim_start_matches('/');
            return Lookup::AddSlash(format!("/{local}/{query}"));
        }
        path.push("index.html");
    }
    if !path.is_file() {
        return Lookup::NotFound;
    }
    // A symlink inside dist/ must not lead outside it either.
    match (path.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(real_root)) if real.starts_with(&real_root) => Lookup::File(path),
        _ => Lookup::Rejected,
    }
}

fn strip_query(target: &str) -> &str {
    target.split(['?', '#']).next().unwrap_or(target)
}

/// The decoded path segments of `target`, or `None` when it must be refused:
/// not starting with `/`, bad percent-encoding, `..`, backslashes or NUL bytes.
pub fn safe_segments(target: &str) -> Option<Vec<String>> {
    let path = strip_query(target);
    if !path.starts_with('/') {
        return None;
    }
    let decoded = percent_decode(path)?;
    let mut segments = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            _ if segment.contains(['\\', '\0']) => return None,
            _ => segments.push(segment.to_string()),
        }
    }
    Some(segments)
}

/// `%41` -> `A`; `None` for a malformed escape or a result that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The Content-Type for a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("csv") => "text/csv; charset=utf-8",
        Some("txt") => "text/plain; charset=utf-8",
        Some("xml") => "application/xml",
        Some("woff2") => "font/woff2",
        Some("map") => "application/json",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ct(name: &str) -> &'static str {
        content_type(Path::new(name))
    }

    #[test]
    fn content_types_fit_what_browsers_require() {
        assert_eq!(ct("klaster-1a2b_bg.wasm"), "application/wasm");
        assert_eq!(ct("klaster-1a2b.js"), "text/javascript; charset=utf-8");
        assert_eq!(ct("index.html"), "text/html; charset=utf-8");
        assert_eq!(ct("style.css"), "text/css; charset=utf-8");
        assert_eq!(ct("data/datapackage.json"), "application/json");
        assert_eq!(ct("chart.svg"), "image/svg+xml");
        assert_eq!(ct("card.PNG"), "image/png");
        assert_eq!(ct("table.csv"), "text/csv; charset=utf-8");
        assert_eq!(ct("robots.txt"), "text/plain; charset=utf-8");
        assert_eq!(ct("favicon.ico"), "image/x-icon");
        assert_eq!(ct("site.webmanifest"), "application/manifest+json");
        assert_eq!(ct("LICENSE"), "application/octet-stream");
    }

    #[test]
    fn traversal_is_rejected_plain_or_encoded() {
        for target in [
            "/../etc/passwd",
            "/data/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2fetc/passwd",
            "/data\\..\\secret",
            "/a%00b",
            "/bad%zzescape",
            "/trailing%2",
            "etc/passwd",
            "http://example.com/",
        ] {
            assert_eq!(safe_segments(target), None, "{target}");
        }
    }

    #[test]
    fn ordinary_targets_decode_into_segments() {
        assert_eq!(safe_segments("/").unwrap(), Vec::<String>::new());
        assert_eq!(
            safe_segments("/data/./x%20y.json?v=1#top").unwrap(),
            ["data", "x y.json"]
        );
        assert_eq!(safe_segments("//a///b").unwrap(), ["a", "b"]);
    }

    #[test]
    fn lookup_serves_files_index_and_redirects_folders() {
        let root = std::env::temp_dir().join(format!("xtask-static-{}", std::process::id()));
        std::fs::create_dir_all(root.join("embed")).unwrap();
        std::fs::write(root.join("index.html"), "home").unwrap();
        std::fs::write(root.join("embed/index.html"), "embed").unwrap();
        std::fs::write(root.join("app.wasm"), "wasm").unwrap();

        assert_eq!(lookup(&root, "/"), Lookup::File(root.join("index.html")));
        assert_eq!(
            lookup(&root, "/app.wasm"),
            Lookup::File(root.join("app.wasm"))
        );
        assert_eq!(
            lookup(&root, "/embed/?chart=1"),
            Lookup::File(root.join("embed/index.html"))
        );
        assert_eq!(
            lookup(&root, "/embed?chart=1"),
            Lookup::AddSlash("/embed/?chart=1".to_string())
        );
        assert_eq!(
            lookup(&root, "//embed"),
            Lookup::AddSlash("/embed/".to_string())
        );
        assert_eq!(lookup(&root, "/missing.js"), Lookup::NotFound);
        assert_eq!(lookup(&root, "/../index.html"), Lookup::Rejected);
        std::fs::remove_dir_all(&root).unwrap();
    }
}
