//! Which file answers a request target, with what Content-Type, and in which of the
//! precompressed encodings the build wrote. Pure logic; the socket side lives in `serve`.

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

/// Content-Type by extension (lower case), for `serve` and for the `types` of the nginx
/// configuration (`host_config`), so both send the same.
pub const CONTENT_TYPES: [(&str, &str); 20] = [
    ("html", "text/html; charset=utf-8"),
    ("htm", "text/html; charset=utf-8"),
    ("js", "text/javascript; charset=utf-8"),
    ("mjs", "text/javascript; charset=utf-8"),
    ("wasm", "application/wasm"),
    ("css", "text/css; charset=utf-8"),
    ("json", "application/json"),
    ("webmanifest", "application/manifest+json"),
    ("svg", "image/svg+xml"),
    ("png", "image/png"),
    ("jpg", "image/jpeg"),
    ("jpeg", "image/jpeg"),
    ("webp", "image/webp"),
    ("ico", "image/x-icon"),
    ("csv", "text/csv; charset=utf-8"),
    ("txt", "text/plain; charset=utf-8"),
    ("xml", "application/xml"),
    ("woff2", "font/woff2"),
    ("woff", "font/woff"),
    ("map", "application/json"),
];

/// What a file of an unknown extension is sent as.
pub const DEFAULT_CONTENT_TYPE: &str = "application/octet-stream";

/// The Content-Type for a file, by extension.
pub fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    CONTENT_TYPES
        .iter()
        .find(|(ext, _)| *ext == extension)
        .map_or(DEFAULT_CONTENT_TYPE, |(_, content_type)| content_type)
}

/// Files worth compressing: text formats and wasm. Images other than SVG are
/// compressed already.
pub fn compressible(path: &Path) -> bool {
    let extension = path
        .extension()
        .and_then(|ext| ext.to_str())
        .map(str::to_ascii_lowercase);
    matches!(
        extension.as_deref(),
        Some(
            "html"
                | "htm"
                | "js"
                | "mjs"
                | "css"
                | "wasm"
                | "json"
                | "svg"
                | "csv"
                | "txt"
                | "xml"
                | "webmanifest"
                | "map"
        )
    )
}

/// A precompressed copy the build writes next to a file (`compress`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// Best first, when a request accepts both equally.
    pub const ALL: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// The name in `Accept-Encoding` and `Content-Encoding`.
    pub fn token(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The suffix of the copy: `app.wasm` -> `app.wasm.br`.
    pub fn suffix(self) -> &'static str {
        match self {
            Encoding::Brotli => ".br",
            Encoding::Gzip => ".gz",
        }
    }

    /// The copy of `path` in this encoding.
    pub fn copy_of(self, path: &Path) -> PathBuf {
        let mut name = path.as_os_str().to_os_string();
        name.push(self.suffix());
        PathBuf::from(name)
    }
}

/// The encodings an `Accept-Encoding` value allows, best first: highest q-value, then
/// brotli before gzip. `q=0` refuses one; `*` stands for any not named.
pub fn accepted_encodings(accept_encoding: &str) -> Vec<Encoding> {
    let mut named: Vec<(String, f64)> = Vec::new();
    for part in accept_encoding.split(',') {
        let mut pieces = part.split(';');
        let token = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        if token.is_empty() {
            continue;
        }
        let q = pieces
            .filter_map(|param| param.trim().strip_prefix("q="))
            .map(|value| value.trim().parse::<f64>().unwrap_or(0.0))
            .next()
            .unwrap_or(1.0);
        named.push((token, q));
    }
    let q_of = |token: &str| {
        let find = |wanted: &str| named.iter().find(|(t, _)| t == wanted).map(|(_, q)| *q);
        find(token).or_else(|| find("*")).unwrap_or(0.0)
    };
    let mut accepted: Vec<(Encoding, f64)> = Encoding::ALL
        .into_iter()
        .map(|encoding| (encoding, q_of(encoding.token())))
        .filter(|(_, q)| *q > 0.0)
        .collect();
    // A stable sort keeps brotli ahead of gzip at equal q.
    accepted.sort_by(|a, b| b.1.total_cmp(&a.1));
    accepted.into_iter().map(|(encoding, _)| encoding).collect()
}

/// The body to send for `path`: its best precompressed copy that the request accepts
/// and that exists, else the file itself (`None`: no Content-Encoding).
pub fn negotiate(path: &Path, accept_encoding: Option<&str>) -> (PathBuf, Option<Encoding>) {
    let copy = accepted_encodings(accept_encoding.unwrap_or(""))
        .into_iter()
        .map(|encoding| (encoding.copy_of(path), encoding))
        .find(|(copy, _)| copy.is_file());
    match copy {
        Some((copy, encoding)) => (copy, Some(encoding)),
        None => (path.to_path_buf(), None),
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

    #[test]
    fn brotli_wins_over_gzip_unless_the_request_prefers_gzip() {
        use Encoding::*;
        assert_eq!(
            accepted_encodings("gzip, deflate, br, zstd"),
            [Brotli, Gzip]
        );
        assert_eq!(accepted_encodings("gzip"), [Gzip]);
        assert_eq!(accepted_encodings("br;q=0.5, gzip;q=0.8"), [Gzip, Brotli]);
        assert_eq!(accepted_encodings("BR"), [Brotli]);
    }

    #[test]
    fn q_zero_identity_and_no_header_mean_no_encoding() {
        use Encoding::*;
        assert_eq!(accepted_encodings(""), []);
        assert_eq!(accepted_encodings("identity"), []);
        assert_eq!(accepted_encodings("br;q=0, gzip"), [Gzip]);
        assert_eq!(accepted_encodings("br;q=0, gzip;q=0"), []);
        assert_eq!(accepted_encodings("br;q=nonsense"), []);
    }

    #[test]
    fn a_star_stands_for_the_encodings_not_named() {
        use Encoding::*;
        assert_eq!(accepted_encodings("*"), [Brotli, Gzip]);
        assert_eq!(accepted_encodings("*;q=0.5, gzip"), [Gzip, Brotli]);
        assert_eq!(accepted_encodings("br;q=0, *"), [Gzip]);
    }

    #[test]
    fn negotiation_serves_an_existing_copy_and_falls_back_to_the_file() {
        let root = std::env::temp_dir().join(format!("xtask-negotiate-{}", std::process::id()));
        std::fs::create_dir_all(&root).unwrap();
        let wasm = root.join("app.wasm");
        let css = root.join("style.css");
        for file in [&wasm, &css] {
            std::fs::write(file, "plain").unwrap();
        }
        std::fs::write(root.join("app.wasm.br"), "br").unwrap();
        std::fs::write(root.join("app.wasm.gz"), "gz").unwrap();
        std::fs::write(root.join("style.css.gz"), "gz").unwrap();

        let br = Some("gzip, deflate, br");
        assert_eq!(
            negotiate(&wasm, br),
            (root.join("app.wasm.br"), Some(Encoding::Brotli))
        );
        assert_eq!(
            negotiate(&wasm, Some("gzip")),
            (root.join("app.wasm.gz"), Some(Encoding::Gzip))
        );
        assert_eq!(negotiate(&wasm, None), (wasm.clone(), None));
        assert_eq!(
            negotiate(&css, br),
            (root.join("style.css.gz"), Some(Encoding::Gzip)),
            "gzip when there is no brotli copy"
        );
        assert_eq!(negotiate(&css, Some("br")), (css.clone(), None));
        std::fs::remove_dir_all(&root).unwrap();
    }

    #[test]
    fn text_and_wasm_are_compressible_images_are_not() {
        for name in [
            "index.html",
            "app.js",
            "app_bg.wasm",
            "main.css",
            "data/x.json",
            "favicon.svg",
            "csv/a.csv",
        ] {
            assert!(compressible(Path::new(name)), "{name}");
        }
        for name in [
            "card.png",
            "photo.jpg",
            "font.woff2",
            "app.wasm.br",
            "app.wasm.gz",
            "_headers",
        ] {
            assert!(!compressible(Path::new(name)), "{name}");
        }
    }
}
