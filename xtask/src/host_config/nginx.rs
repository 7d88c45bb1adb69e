//! nginx: a complete site for `dist/` at a domain's root, and the same rules under a
//! sub-path to include in an existing site. Both are one `location ^~ <prefix>` block whose
//! nested locations give each path kind its headers, so a host's other locations (a
//! site-wide `\.js$` rule, say) cannot take our files.
//!
//! nginx drops every `add_header` of an outer level in a location that has one of its own,
//! so each location repeats the whole set (`always`: also on 404s and redirects).

use super::{headers, releases_prefix, Kind};
use crate::static_files::{CONTENT_TYPES, DEFAULT_CONTENT_TYPE};

const HEAD: &str = "\
# Written by `cargo xtask build` (xtask/src/host_config) with this build's Content-Security-Policy,
# which holds a hash that changes with every build: install this file with each release of dist/
# and reload nginx (`nginx -t && nginx -s reload`). See docs/hosting.md.
#
# Needs nginx >= 1.19 and the brotli_static module: Debian's libnginx-mod-http-brotli-static loads
# it; elsewhere put `load_module modules/ngx_http_brotli_static_module.so;` in nginx.conf's main
# context (or delete the brotli_static line: the .gz copies still work).
";

/// A complete `server` for `dist/` at the root of a domain.
pub fn site(policy: &str) -> String {
    format!(
        "# klaster: a complete nginx site for dist/ at the root of a domain.\n{HEAD}\
         #\n# On Debian: /etc/nginx/sites-available/klaster, linked from sites-enabled/.\n\
         server {{\n    listen 80;\n    listen [::]:80;\n    server_name _;\n\
         \x20   # The folder that holds dist/'s files (index.html, data/, ...).\n\
         \x20   root /var/www/klaster;\n    server_tokens off;\n\
         \x20   # HTTPS: `listen 443 ssl;` with ssl_certificate and ssl_certificate_key here, and\n\
         \x20   # Strict-Transport-Security added next to the other add_header lines below (nginx\n\
         \x20   # ignores a server-level add_header in locations that have their own).\n\n{}}}\n",
        indent(&locations(policy, "/"), 1)
    )
}

/// The rules under `prefix` (`/portal/`), to include in an existing `server` whose root
/// holds the files of `dist/` in the folder `prefix` names.
pub fn subpath(policy: &str, prefix: &str) -> String {
    let bare = prefix.trim_end_matches('/');
    format!(
        "# klaster under the sub-path {prefix} of an existing site.\n{HEAD}\
         #\n# Include it inside your `server {{ }}` block (include /etc/nginx/klaster-subpath.conf;).\n\
         # That server's root must hold dist/'s files in the folder {bare}/ (root /var/www; with\n\
         # /var/www{prefix}index.html). For another sub-path replace {prefix} everywhere below.\n\n\
         location = {bare} {{\n    absolute_redirect off;\n    return 301 {prefix};\n}}\n\n{}",
        locations(policy, prefix)
    )
}

/// `location <prefix> { ... }` with the nested location of each path kind.
fn locations(policy: &str, prefix: &str) -> String {
    let regex = |kind: Kind| kind.regex(prefix).unwrap_or_default();
    // `^~`: the host's own regex locations (a site-wide `\.js$` rule, say) never take our
    // files; the nested ones below still apply.
    let mut out = format!("location ^~ {prefix} {{\n");
    out.push_str(&indent(&serving(prefix), 1));
    out.push('\n');
    out.push_str(&indent(&add_headers(Kind::Other, policy), 1));
    let nested = [
        (
            "Immutable data releases.",
            format!("^~ {}", releases_prefix(prefix)),
            format!(
                "{}# A release's folder has no page, and is never listed.\nlocation ~ /$ {{\n    return 404;\n}}\n",
                add_headers(Kind::Release, policy)
            ),
        ),
        (
            "The host configuration files are no part of the site.",
            format!("~ ^{prefix}(?:_headers$|nginx/|caddy/)"),
            "return 404;\n".to_string(),
        ),
        (
            "Content-hashed files: their name changes with their content.",
            format!("~ \"{}\"", regex(Kind::Hashed)),
            add_headers(Kind::Hashed, policy),
        ),
        (
            "Chart pages: embeds, framed by anyone.",
            format!("~ \"{}\"", regex(Kind::ChartPage)),
            add_headers(Kind::ChartPage, policy),
        ),
        (
            "Portal pages: a folder serves its index.html, and one without is not found\n# (never listed); /en/climate redirects to /en/climate/ (the location above).",
            format!("~ \"{}\"", regex(Kind::PortalPage)),
            format!(
                "{}try_files $uri ${{uri}}index.html =404;\n",
                add_headers(Kind::PortalPage, policy)
            ),
        ),
    ];
    for (why, matcher, body) in nested {
        out.push('\n');
        out.push_str(&indent(
            &format!("# {why}\nlocation {matcher} {{\n{}}}\n", indent(&body, 1)),
            1,
        ));
    }
    out.push_str("}\n");
    out
}

/// How files are found and sent, the same for every kind.
fn serving(prefix: &str) -> String {
    let types: String = CONTENT_TYPES
        .iter()
        .map(|(extension, content_type)| format!("    \"{content_type}\" {extension};\n"))
        .collect();
    format!(
        "# Our own types, whatever mime.types the host has (.wasm must be application/wasm).\n\
         types {{\n{types}}}\n\
         default_type {DEFAULT_CONTENT_TYPE};\n\
         index index.html;\n\
         autoindex off;\n\
         # A reader's mistyped address is no server error.\n\
         log_not_found off;\n\
         # Redirects say /en/climate/, not http://host:port/en/climate/.\n\
         absolute_redirect off;\n\
         error_page 404 {prefix}404.html;\n\
         # The .br and .gz copies the build wrote next to each file, when the request accepts them.\n\
         brotli_static on;\n\
         gzip_static on;\n\
         gzip_vary on;\n"
    )
}

/// One `add_header` line per header of `kind`.
fn add_headers(kind: Kind, policy: &str) -> String {
    headers(kind, policy)
        .into_iter()
        .map(|(name, value)| {
            // Neither may appear inside nginx's quotes: `$` would start a variable.
            assert!(
                !value.contains(['"', '$']),
                "{name} holds a quote or a `$`: {value}"
            );
            format!("add_header {name} \"{value}\" always;\n")
        })
        .collect()
}

/// `text` with every non-empty line indented by `levels` × 4 spaces.
fn indent(text: &str, levels: usize) -> String {
    let pad = "    ".repeat(levels);
    text.lines()
        .map(|line| {
            if line.is_empty() {
                "\n".to_string()
            } else {
                format!("{pad}{line}\n")
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::host_config::IMMUTABLE;

    /// The body of the nested location whose matcher starts with `matcher`.
    fn block<'a>(config: &'a str, matcher: &str) -> &'a str {
        let start = config
            .find(&format!("location {matcher}"))
            .unwrap_or_else(|| panic!("no location {matcher}"));
        let end = start + config[start..].find("\n        }\n").unwrap();
        &config[start..end]
    }

    #[test]
    fn each_kind_has_its_location_with_the_whole_header_set() {
        let site = site("default-src 'none'");
        let hashed = block(&site, "~ \"^/(?:[\\w.-]+-[0-9a-f]{12,16}");
        assert!(hashed.contains(&format!("add_header Cache-Control \"{IMMUTABLE}\" always;")));
        assert!(hashed.contains("add_header Access-Control-Allow-Origin \"*\" always;"));
        assert!(hashed.contains("add_header X-Content-Type-Options \"nosniff\" always;"));
        let chart = block(&site, "~ \"^/chart-");
        assert!(chart.contains("frame-ancestors *\" always;"));
        assert!(chart.contains("Cache-Control \"no-cache\""));
        let portal = block(&site, "~ \"^/(?:.*/|.*\\.html)?$\"");
        assert!(portal.contains("frame-ancestors 'none'\" always;"));
        assert!(portal.contains("try_files $uri ${uri}index.html =404;"));
        let releases = block(&site, "^~ /data/releases/");
        assert!(releases.contains(IMMUTABLE));
        assert_eq!(
            site.matches("frame-ancestors").count(),
            2,
            "one per page kind"
        );
    }

    #[test]
    fn the_site_serves_precompressed_copies_and_never_lists_a_folder() {
        let site = site("default-src 'none'");
        for line in [
            "brotli_static on;",
            "gzip_static on;",
            "gzip_vary on;",
            "autoindex off;",
            "error_page 404 /404.html;",
            "\"application/wasm\" wasm;",
            "root /var/www/klaster;",
            "listen 80;",
        ] {
            assert!(site.contains(line), "{line}");
        }
        assert_eq!(site.matches('{').count(), site.matches('}').count());
    }

    #[test]
    fn the_subpath_variant_puts_every_rule_under_its_prefix() {
        let config = subpath("default-src 'none'", "/portal/");
        assert!(config.contains("location = /portal {"));
        assert!(config.contains("return 301 /portal/;"));
        assert!(config.contains("location ^~ /portal/ {"));
        assert!(config.contains("location ^~ /portal/data/releases/ {"));
        assert!(config.contains("~ \"^/portal/chart-[a-z0-9-]+\\.html$\""));
        assert!(config.contains("error_page 404 /portal/404.html;"));
        assert!(
            !config.lines().any(|line| line.starts_with("server")),
            "an include for an existing server"
        );
    }
}
