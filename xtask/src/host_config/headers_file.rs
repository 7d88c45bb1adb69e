//! `dist/_headers` for Netlify and Cloudflare Pages.
//!
//! Both hosts send the headers of *every* rule whose pattern matches a path, and join two
//! values of one header with a comma, so no header may come from two rules for one path:
//! `check` proves that for every file of the build. Their patterns know only `*` (any
//! characters), so the content-hashed files are named one by one, as this build wrote
//! them. A file with no Cache-Control rule gets the host's default, `public, max-age=0,
//! must-revalidate` with an ETag: revalidated, as `REVALIDATE` asks.

use super::{headers, releases_prefix, Kind, COMMON_HEADERS, REVALIDATE};
use crate::Result;

/// The patterns of the portal's pages: the root, root-level pages other than chart pages,
/// and every page in a folder (`/en/climate/`, `/en/climate/index.html`).
const PORTAL_PATTERNS: [&str; 5] = ["/", "/index.html", "/404.html", "/*/", "/*/index.html"];

/// The chart pages (`/chart-<id>-<lang>.html`).
const CHART_PATTERN: &str = "/chart-*";

/// The rules, in order, as (pattern, headers).
fn rules(policy: &str, paths: &[String]) -> Vec<(String, Vec<(&'static str, String)>)> {
    // Every header but the common ones, which `/*` gives every file once.
    let own = |kind: Kind| -> Vec<(&'static str, String)> {
        headers(kind, policy)
            .into_iter()
            .filter(|(name, _)| !COMMON_HEADERS.iter().any(|(common, _)| common == name))
            .collect()
    };
    let common = COMMON_HEADERS
        .iter()
        .map(|(name, value)| (*name, value.to_string()))
        .collect();
    let mut rules = vec![("/*".to_string(), common)];
    for pattern in PORTAL_PATTERNS {
        rules.push((pattern.to_string(), own(Kind::PortalPage)));
    }
    rules.push((CHART_PATTERN.to_string(), own(Kind::ChartPage)));
    for path in paths.iter().filter(|path| Kind::of(path) == Kind::Hashed) {
        rules.push((path.clone(), own(Kind::Hashed)));
    }
    rules.push((format!("{}*", releases_prefix("/")), own(Kind::Release)));
    rules.push((
        "/*.wasm".to_string(),
        vec![("Content-Type", "application/wasm".to_string())],
    ));
    rules
}

pub fn render(policy: &str, paths: &[String]) -> String {
    let mut out = String::from(
        "# Netlify and Cloudflare Pages. Written by `cargo xtask build` (xtask/src/host_config) with\n\
         # this build's Content-Security-Policy: deploy it with the files it names. See docs/hosting.md.\n\
         # Both hosts send every rule that matches a path, so no header comes from two rules.\n\
         # Files without a Cache-Control rule get the host's default, which revalidates.\n",
    );
    for (pattern, headers) in rules(policy, paths) {
        out.push('\n');
        out.push_str(&pattern);
        out.push('\n');
        for (name, value) in headers {
            out.push_str(&format!("  {name}: {value}\n"));
        }
    }
    out
}

/// Does a `_headers` pattern match `path`? `*` stands for any characters, `/` included.
pub fn matches(pattern: &str, path: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == path,
        Some((head, tail)) => path.strip_prefix(head).is_some_and(|rest| {
            (0..=rest.len())
                .filter(|at| rest.is_char_boundary(*at))
                .any(|at| matches(tail, &rest[at..]))
        }),
    }
}

/// The headers `text` gives `path`, or an error when two rules give it one header.
pub fn headers_for(text: &str, path: &str) -> Result<Vec<(String, String)>> {
    let mut found: Vec<(String, String)> = Vec::new();
    let mut applies = false;
    for line in text.lines() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with(char::is_whitespace) {
            applies = matches(line.trim(), path);
        } else if applies {
            let (name, value) = line
                .split_once(':')
                .ok_or_else(|| format!("_headers: `{line}` is no `Name: value`"))?;
            let name = name.trim();
            if found.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)) {
                return Err(format!("_headers gives {path} two {name} headers"));
            }
            found.push((name.to_string(), value.trim().to_string()));
        }
    }
    Ok(found)
}

/// Every file of the build gets each header once, and the values of its kind; a file
/// without a Cache-Control rule must be one that revalidates.
pub fn check(text: &str, policy: &str, paths: &[String]) -> Result<()> {
    for path in paths {
        // A page in a folder is asked for as the folder (`/en/climate/`).
        let folder = path.strip_suffix("index.html");
        for asked in std::iter::once(path.as_str()).chain(folder) {
            let kind = Kind::of(asked);
            let given = headers_for(text, asked)?;
            for (name, value) in headers(kind, policy) {
                let got = given.iter().find(|(n, _)| n == name).map(|(_, v)| v);
                let host_default = name == "Cache-Control" && value == REVALIDATE;
                match got {
                    Some(got) if *got == value => {}
                    None if host_default => {}
                    _ => {
                        return Err(format!(
                        "_headers gives {asked} {name}: {got:?}, not {value:?} as a {kind:?} file"
                    ))
                    }
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host_config::IMMUTABLE;

    fn paths(list: &[&str]) -> Vec<String> {
        list.iter().map(|p| p.to_string()).collect()
    }

    const SITE: [&str; 9] = [
        "/index.html",
        "/404.html",
        "/en/climate/index.html",
        "/chart-initiative-growth-en.html",
        "/klaster-9f86d081884c7d65_bg.wasm",
        "/main-9f86d081884c7d65.css",
        "/data/datapackage.json",
        "/data/releases/2026-01/park.json",
        "/sw.js",
    ];

    fn value(text: &str, path: &str, name: &str) -> Option<String> {
        headers_for(text, path)
            .unwrap()
            .into_iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v)
    }

    #[test]
    fn patterns_match_like_the_hosts() {
        assert!(matches("/*", "/"));
        assert!(matches("/*", "/data/x.json"));
        assert!(matches("/*/", "/en/climate/"));
        assert!(!matches("/*/", "/"));
        assert!(!matches("/*/index.html", "/index.html"));
        assert!(matches("/chart-*", "/chart-a-en.html"));
        assert!(matches("/*.wasm", "/klaster-1_bg.wasm"));
        assert!(!matches("/", "/index.html"));
    }

    #[test]
    fn every_file_gets_one_policy_and_one_cache_rule_of_its_kind() {
        let site = paths(&SITE);
        let text = render("default-src 'none'", &site);
        check(&text, "default-src 'none'", &site).unwrap();
        for page in ["/", "/index.html", "/404.html", "/en/climate/"] {
            let csp = value(&text, page, "Content-Security-Policy").unwrap();
            assert!(csp.ends_with("frame-ancestors 'none'"), "{page}");
            assert_eq!(value(&text, page, "Cache-Control").unwrap(), "no-cache");
        }
        let chart = value(
            &text,
            "/chart-initiative-growth-en.html",
            "Content-Security-Policy",
        );
        assert!(chart.unwrap().ends_with("frame-ancestors *"));
        for hashed in [
            "/klaster-9f86d081884c7d65_bg.wasm",
            "/data/releases/2026-01/park.json",
        ] {
            assert_eq!(value(&text, hashed, "Cache-Control").unwrap(), IMMUTABLE);
        }
        assert_eq!(
            value(&text, "/sw.js", "Cache-Control"),
            None,
            "host default"
        );
        assert_eq!(
            value(&text, "/sw.js", "Access-Control-Allow-Origin").unwrap(),
            "*"
        );
    }

    #[test]
    fn a_header_from_two_rules_is_an_error() {
        let text = "/*\n  Cache-Control: no-cache\n/x.js\n  Cache-Control: public\n";
        let error = headers_for(text, "/x.js").unwrap_err();
        assert!(error.contains("two Cache-Control"), "{error}");
    }

    #[test]
    fn a_wrong_value_for_a_kind_is_an_error() {
        let site = paths(&SITE);
        let text = render("default-src 'none'", &site).replace("immutable", "max-age=60");
        let error = check(&text, "default-src 'none'", &site).unwrap_err();
        assert!(
            error.contains("Hashed") || error.contains("Release"),
            "{error}"
        );
    }
}
