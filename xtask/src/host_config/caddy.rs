//! Caddy 2: a Caddyfile site for `dist/` at a domain's root.
//!
//! Caddy runs every `header` directive that matches, in an order of its own, so the
//! matchers are made disjoint: each path kind gets exactly one, and no header is set twice.

use super::{headers, releases_prefix, Kind, COMMON_HEADERS};

pub fn site(policy: &str) -> String {
    let regex = |kind: Kind| format!("`{}`", kind.regex("/").unwrap_or_default());
    let release = format!("{}*", releases_prefix("/"));
    let (hashed, chart, portal) = (
        regex(Kind::Hashed),
        regex(Kind::ChartPage),
        regex(Kind::PortalPage),
    );
    let common: String = COMMON_HEADERS
        .iter()
        .map(|(name, value)| format!("\t\t{name} \"{value}\"\n"))
        .collect();
    let own = |kind: Kind| -> String {
        headers(kind, policy)
            .into_iter()
            .filter(|(name, _)| !COMMON_HEADERS.iter().any(|(common, _)| common == name))
            .map(|(name, value)| format!("\t\t{name} \"{value}\"\n"))
            .collect()
    };
    format!(
        "# klaster: a Caddy 2 site for dist/ at the root of a domain (Caddy >= 2.6).\n\
         # Written by `cargo xtask build` (xtask/src/host_config) with this build's\n\
         # Content-Security-Policy, which holds a hash that changes with every build: install\n\
         # it with each release and run `caddy reload`. See docs/hosting.md.\n\
         # Replace :80 with your domain for automatic HTTPS.\n\
         :80 {{\n\
         \t# The folder that holds dist/'s files (index.html, data/, ...).\n\
         \troot * /var/www/klaster\n\n\
         \t# One matcher per path kind, none overlapping.\n\
         \t@hashed path_regexp hashed {hashed}\n\
         \t@release path {release}\n\
         \t@chart path_regexp chart {chart}\n\
         \t@portal {{\n\t\tpath_regexp portal {portal}\n\t\tnot path_regexp {chart}\n\t\tnot path {release}\n\t}}\n\
         \t@other {{\n\t\tnot path_regexp {hashed}\n\t\tnot path {release}\n\t\tnot path_regexp {portal}\n\t}}\n\n\
         \theader {{\n{common}\t}}\n\
         \theader @hashed {{\n{hashed_headers}\t}}\n\
         \theader @release {{\n{release_headers}\t}}\n\
         \theader @chart {{\n{chart_headers}\t}}\n\
         \theader @portal {{\n{portal_headers}\t}}\n\
         \theader @other {{\n{other_headers}\t}}\n\n\
         \t# The host configuration files are no part of the site.\n\
         \t@host_files path /_headers /nginx/* /caddy/*\n\
         \terror @host_files 404\n\n\
         \t# The .br and .gz copies the build wrote; folders redirect to their slash form\n\
         \t# and serve index.html, and are never listed.\n\
         \tfile_server {{\n\t\tprecompressed br gzip\n\t}}\n\n\
         \thandle_errors {{\n\
         \t\t@not_found expression {{err.status_code}} == 404\n\
         \t\thandle @not_found {{\n\
         \t\t\trewrite * /404.html\n\
         \t\t\tfile_server {{\n\t\t\t\tprecompressed br gzip\n\t\t\t\tstatus 404\n\t\t\t}}\n\
         \t\t}}\n\
         \t}}\n\
         }}\n",
        hashed_headers = own(Kind::Hashed),
        release_headers = own(Kind::Release),
        chart_headers = own(Kind::ChartPage),
        portal_headers = own(Kind::PortalPage),
        other_headers = own(Kind::Other),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_one_header_block_and_pages_their_framing_rule() {
        let caddyfile = site("default-src 'none'");
        for matcher in ["@hashed", "@release", "@chart", "@portal", "@other"] {
            assert_eq!(
                caddyfile.matches(&format!("header {matcher} {{")).count(),
                1,
                "{matcher}"
            );
        }
        assert!(caddyfile.contains("frame-ancestors *\""));
        assert!(caddyfile.contains("frame-ancestors 'none'\""));
        assert!(caddyfile.contains("precompressed br gzip"));
        assert!(caddyfile.contains("Access-Control-Allow-Origin \"*\""));
    }
}
