//! After trunk: start the app from an external, integrity-checked boot script instead of an
//! inline one, pin every script and the wasm with Subresource Integrity, and ship a strict
//! Content-Security-Policy as a meta tag and, through `host_config`, in the host files.
//!
//! Trunk.toml's `pattern_script` leaves a marker (`<meta name="klaster-boot" ...>`) where
//! trunk would put its inline bootstrap; this module replaces it.

use sha2::{Digest, Sha256, Sha384};
use std::fs;
use std::path::Path;

use crate::Result;

const MARKER: &str = "<meta name=\"klaster-boot\"";

/// The policy every page is served with. `frame-ancestors` only works as a header, so the
/// meta tag leaves it out (browsers ignore it there, with a console error).
fn policy(inline_script_hashes: &[String]) -> String {
    let hashes: String = inline_script_hashes
        .iter()
        .map(|h| format!(" '{h}'"))
        .collect();
    [
        "default-src 'none'".to_string(),
        format!("script-src 'self' 'wasm-unsafe-eval'{hashes}"),
        "style-src 'self'".into(),
        "img-src 'self' data: blob:".into(),
        "connect-src 'self'".into(),
        // The Embed dialog's live preview is one of our own chart pages.
        "frame-src 'self'".into(),
        "manifest-src 'self'".into(),
        "worker-src 'self'".into(),
        "base-uri 'none'".into(),
        // The header's search box sends its words to the finder, a page of our own.
        "form-action 'self'".into(),
        "object-src 'none'".into(),
        "require-trusted-types-for 'script'".into(),
        // Only the boot script's `default` policy may exist; see `boot_script`.
        "trusted-types default".into(),
    ]
    .join("; ")
}

/// `sha384-…` as Subresource Integrity writes it.
pub fn sri(bytes: &[u8]) -> String {
    format!("sha384-{}", base64(&Sha384::digest(bytes)))
}

/// `sha256-…` as a CSP source expression writes an inline script's hash.
fn csp_hash(text: &str) -> String {
    format!("sha256-{}", base64(&Sha256::digest(text.as_bytes())))
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The value of `name="…"` inside one tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let end = start + tag[start..].find('"')?;
    Some(&tag[start..end])
}

/// The script every page loads: theme switch, landing redirect, language switch, an
/// embed's height and notices and its answers from value maps, the service worker, and
/// the islands, woken near the viewport (portal) or when an embed's picture must change. See boot.js; a failure anywhere leaves
/// the page as it is, complete, with a note on each chart card.
const BOOT_TEMPLATE: &str = include_str!("boot.js");

/// Applies the theme a reader chose (or an embed's address asks for) before the first
/// paint. Inline, so it costs no request; the policy allows exactly this text.
const THEME_SCRIPT: &str = "(function(){try{var e=document.documentElement,t=e.hasAttribute('data-embed')?(/[?&]theme=(light|dark)(&|$)/.exec(location.search)||[])[1]:localStorage.getItem('klaster-theme');if(t==='dark'||t==='light')e.setAttribute('data-theme',t)}catch(x){}})();";

/// How an embed answers from value maps: an ES module the boot script imports when a
/// reader engages, so no page's first view carries it.
const VALUES_TEMPLATE: &str = include_str!("values.js");

/// A served script: its code, with the source's comments left in the source (every
/// page's first view carries the boot script), under one line that says where it comes
/// from.
fn served(source: &str, from: &str) -> String {
    let code: Vec<&str> = source
        .lines()
        .filter(|line| !line.trim_start().starts_with("//"))
        .collect();
    format!(
        "// Written by `cargo xtask build` from xtask/src/{from} (read the comments there); do not edit.\n{}\n",
        code.join("\n")
    )
}

/// The value maps' module as served, and its file name, which changes with its content.
fn values_module() -> (String, String) {
    let text = served(VALUES_TEMPLATE, "values.js");
    (content_named("values.js", text.as_bytes()), text)
}

/// `name` with 16 hex digits of its content's SHA-256 before the extension
/// (`figures-<hex>.js`), as trunk names the app's files, so hosts may keep it a year.
fn content_named(name: &str, content: &[u8]) -> String {
    let hex: String = Sha256::digest(content)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect();
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}-{hex}.{extension}"),
        None => format!("{name}-{hex}"),
    }
}

fn boot_script(js: &str, wasm: &str, wasm_integrity: &str, values: &str) -> String {
    served(BOOT_TEMPLATE, "boot.js")
        .replace("__KLASTER_JS__", js)
        .replace("__KLASTER_WASM__", wasm)
        .replace("__KLASTER_WASM_INTEGRITY__", wasm_integrity)
        .replace("__KLASTER_VALUES__", values)
}

/// The service worker's release: a short hash over the app (its boot script names every
/// hashed file) and the data package's descriptor (it names every data file's hash), so
/// any change of either makes a new worker, which starts a new cache and deletes the old.
/// `None` when the build has no worker.
fn stamp_service_worker(dist: &Path, boot_text: &str) -> Result<Option<String>> {
    let path = dist.join("sw.js");
    let Ok(worker) = fs::read_to_string(&path) else {
        return Ok(None);
    };
    let descriptor = fs::read(dist.join("data/datapackage.json")).unwrap_or_default();
    let mut hasher = Sha256::new();
    hasher.update(boot_text.as_bytes());
    hasher.update(&descriptor);
    let release: String = hasher
        .finalize()
        .iter()
        .take(6)
        .map(|b| format!("{b:02x}"))
        .collect();
    if !worker.contains(SW_RELEASE) {
        return Err(format!("{}: no {SW_RELEASE} to stamp", path.display()));
    }
    fs::write(&path, worker.replace(SW_RELEASE, &release)).map_err(|e| e.to_string())?;
    Ok(Some(release))
}

/// `html` with its release on `<html>`: a worker of a newer release tells only pages of
/// older ones that newer data is published. Written last on the tag, so the page still
/// opens with `<html lang="…"`.
fn with_release(html: &str, release: Option<&str>) -> String {
    let tag_end = html
        .find("<html")
        .and_then(|at| html[at..].find('>').map(|end| at + end));
    match (release, tag_end) {
        (Some(release), Some(end)) => {
            format!(
                "{} data-release=\"{release}\"{}",
                &html[..end],
                &html[end..]
            )
        }
        _ => html.to_string(),
    }
}

/// Where sw.js takes its release.
const SW_RELEASE: &str = "__KLASTER_RELEASE__";

/// Every HTML page below `dist` that still carries trunk's boot marker, relative paths.
fn html_pages(dist: &Path) -> Result<Vec<String>> {
    fn walk(dir: &Path, prefix: &str, pages: &mut Vec<String>) -> Result<()> {
        let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().to_string();
            let path = entry.path();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), pages)?;
            } else if name.ends_with(".html") {
                let text = fs::read_to_string(&path).unwrap_or_default();
                if text.contains(MARKER) {
                    pages.push(format!("{prefix}{name}"));
                }
            }
        }
        Ok(())
    }
    let mut pages = Vec::new();
    walk(dist, "", &mut pages)?;
    pages.sort();
    Ok(pages)
}

pub fn harden(dist: &Path) -> Result<()> {
    let pages = html_pages(dist)?;
    let texts: Vec<(String, String)> = pages
        .iter()
        .map(|name| {
            let path = dist.join(name);
            fs::read_to_string(&path)
                .map(|text| (name.clone(), text))
                .map_err(|e| format!("{}: {e}", path.display()))
        })
        .collect::<Result<_>>()?;
    // The portal's pages boot one app, the chart pages the embeds' own build; each app has
    // one boot script. Pages in other folders reach them by other relative addresses, so
    // the policy lists each app's import map for each folder depth.
    let hardened = prepare(texts.iter().map(|(_, text)| text.as_str()), |file| {
        fs::read(dist.join(file)).map_err(|e| format!("{}: {e}", dist.join(file).display()))
    })?;
    for app in &hardened.apps {
        fs::write(dist.join(&app.boot_file), &app.boot_text).map_err(|e| e.to_string())?;
    }
    fs::write(dist.join(&hardened.values.file), &hardened.values.text)
        .map_err(|e| e.to_string())?;
    let renamed = fingerprint_page_scripts(dist)?;
    // A release changes with any script a page loads: the apps' boot scripts name their
    // files by content, and the page scripts' new names do too.
    let scripts: String = hardened
        .apps
        .iter()
        .map(|a| a.boot_text.as_str())
        .chain(renamed.iter().map(|(_, to)| to.as_str()))
        .collect();
    let release = stamp_service_worker(dist, &scripts)?;
    for (name, html) in &texts {
        let rewritten = apply(html, &hardened).map_err(|e| format!("{name}: {e}"))?;
        let rewritten = renamed.iter().fold(rewritten, |html, (from, to)| {
            html.replace(&format!("{from}\""), &format!("{to}\""))
        });
        let folder = Path::new(name).parent().unwrap_or(Path::new(""));
        let rewritten = pin_scripts(&rewritten, |src| {
            let file = dist.join(folder).join(src);
            fs::read(&file).map_err(|e| format!("{name}: {}: {e}", file.display()))
        })?;
        let rewritten = with_release(&rewritten, release.as_deref());
        fs::write(dist.join(name), rewritten).map_err(|e| e.to_string())?;
    }
    let written = crate::host_config::write(dist, &hardened.policy)?;
    println!(
        "    hardened {} pages: boot script, CSP meta tag; host files {}",
        pages.len(),
        written.join(", ")
    );
    Ok(())
}

/// Chart pages load inside sandboxed iframes, whose origin is opaque: every file they
/// load is then a cross-origin request, and an integrity check on one needs CORS.
fn with_cors_stylesheets(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + 128);
    let mut rest = html;
    while let Some(at) = rest.find("<link rel=\"stylesheet\"") {
        let end = at + rest[at..].find('>').unwrap_or(rest.len() - at);
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if tag.contains("integrity=") && !tag.contains("crossorigin") {
            out.push_str("<link rel=\"stylesheet\" crossorigin=\"anonymous\"");
            out.push_str(&tag["<link rel=\"stylesheet\"".len()..]);
        } else {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Scripts that only some pages load (trunk copies them as they are): the figures' script
/// of the finder and the figure pages.
const PAGE_SCRIPTS: [&str; 1] = ["figures.js"];

/// Gives each of [`PAGE_SCRIPTS`] a name that changes with its content
/// ([`content_named`]). Returns the old and new names.
fn fingerprint_page_scripts(dist: &Path) -> Result<Vec<(String, String)>> {
    let mut renamed = Vec::new();
    for name in PAGE_SCRIPTS {
        let from = dist.join(name);
        let Ok(bytes) = fs::read(&from) else {
            continue;
        };
        let to = content_named(name, &bytes);
        fs::rename(&from, dist.join(&to)).map_err(|e| format!("{}: {e}", from.display()))?;
        renamed.push((name.to_string(), to));
    }
    Ok(renamed)
}

/// Every other script a page loads from our files (the figures' script on the finder and
/// the figure pages) gets its integrity hash too: `read` gives the bytes of a `src` as
/// the page writes it.
pub fn pin_scripts(html: &str, read: impl Fn(&str) -> Result<Vec<u8>>) -> Result<String> {
    let mut out = String::with_capacity(html.len() + 256);
    let mut rest = html;
    while let Some(at) = rest.find("<script src=\"") {
        let end = at + rest[at..].find('>').ok_or("an unterminated <script> tag")?;
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        match attribute(tag, "src") {
            Some(src) if !tag.contains("integrity=") && !src.contains("://") => {
                out.push_str(&format!(
                    "<script integrity=\"{}\" crossorigin=\"anonymous\"{}",
                    sri(&read(src)?),
                    &tag["<script".len()..]
                ));
            }
            _ => out.push_str(tag),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    Ok(out)
}

/// What every page's head gets: its app's boot script, and the one policy.
pub struct Hardened {
    pub apps: Vec<App>,
    /// The value maps' module, which every boot script may import.
    pub values: Module,
    pub policy: String,
}

/// One build of the islands (the portal's, or the embeds') with its boot script.
pub struct App {
    pub boot_file: String,
    pub boot_text: String,
    /// The integrity of the boot script and of the app's JS glue.
    boot_integrity: String,
    js_integrity: String,
    /// The app's files, as the marker names them (without the way to the root).
    js: String,
    wasm: String,
}

/// A page's marker: where it is, the way from the page to the site's root, and the JS
/// and wasm files it names.
struct Marker<'a> {
    start: usize,
    end: usize,
    root: &'a str,
    js: &'a str,
    wasm: &'a str,
}

fn find_marker(html: &str) -> Result<Marker<'_>> {
    let start = html
        .find(MARKER)
        .ok_or("no klaster-boot marker: check pattern_script in Trunk.toml")?;
    let end = start
        + html[start..]
            .find('>')
            .ok_or("unterminated klaster-boot marker")?
        + 1;
    let tag = &html[start..end];
    let js_path = attribute(tag, "data-js").ok_or("the marker has no data-js")?;
    let wasm_path = attribute(tag, "data-wasm").ok_or("the marker has no data-wasm")?;
    fn split(path: &str) -> (&str, &str) {
        let at = path.rfind('/').map_or(0, |at| at + 1);
        (&path[..at], &path[at..])
    }
    let (root, js) = split(js_path);
    let (wasm_root, wasm) = split(wasm_path);
    if root != wasm_root {
        return Err(format!(
            "the marker names {js_path} and {wasm_path} in different folders"
        ));
    }
    Ok(Marker {
        start,
        end,
        root,
        js,
        wasm,
    })
}

/// The import map that gives the app's JS glue and the value maps' module their
/// integrity, as `root` reaches them.
fn import_map(root: &str, js: &str, integrity: &str, values: &Module) -> String {
    format!(
        r#"{{"integrity":{{"{root}{js}":"{integrity}","{root}{}":"{}"}}}}"#,
        values.file, values.integrity
    )
}

/// A module the boot script imports, with its integrity.
pub struct Module {
    pub file: String,
    pub text: String,
    integrity: String,
}

/// The boot scripts of the apps the pages' markers name, and the policy that allows each
/// app's import map from each folder the pages are in.
pub fn prepare<'a>(
    pages: impl IntoIterator<Item = &'a str>,
    read: impl Fn(&str) -> Result<Vec<u8>>,
) -> Result<Hardened> {
    // Each app's files, and the ways to the root its pages use.
    let mut named: Vec<((String, String), Vec<String>)> = Vec::new();
    for html in pages {
        let marker = find_marker(html)?;
        let names = (marker.js.to_string(), marker.wasm.to_string());
        let at = match named.iter().position(|(n, _)| *n == names) {
            Some(at) => at,
            None => {
                named.push((names, Vec::new()));
                named.len() - 1
            }
        };
        if !named[at].1.iter().any(|r| r == marker.root) {
            named[at].1.push(marker.root.to_string());
        }
    }
    if named.is_empty() {
        return Err("no page to harden".into());
    }
    let (file, text) = values_module();
    let values = Module {
        integrity: sri(text.as_bytes()),
        file,
        text,
    };
    let mut apps = Vec::new();
    let mut hashes = Vec::new();
    for ((js, wasm), roots) in named {
        let boot_text = boot_script(&js, &wasm, &sri(&read(&wasm)?), &values.file);
        let boot_file = format!(
            "boot-{}.js",
            &csp_hash(&boot_text)[7..23].replace(['+', '/'], "0")
        );
        let js_integrity = sri(&read(&js)?);
        hashes.extend(
            roots
                .iter()
                .map(|root| csp_hash(&import_map(root, &js, &js_integrity, &values))),
        );
        apps.push(App {
            boot_integrity: sri(boot_text.as_bytes()),
            boot_file,
            boot_text,
            js_integrity,
            js,
            wasm,
        });
    }
    hashes.sort();
    hashes.push(csp_hash(THEME_SCRIPT));
    Ok(Hardened {
        apps,
        values,
        policy: policy(&hashes),
    })
}

/// One page with its marker replaced by the theme script, its app's import map and boot
/// script's tag, its stylesheets fetched with CORS, and the policy as a meta tag before
/// any script.
pub fn apply(html: &str, hardened: &Hardened) -> Result<String> {
    let marker = find_marker(html)?;
    let app = hardened
        .apps
        .iter()
        .find(|app| (marker.js, marker.wasm) == (app.js.as_str(), app.wasm.as_str()))
        .ok_or_else(|| {
            format!(
                "the marker names {} and {}, not an app the hardening prepared",
                marker.js, marker.wasm
            )
        })?;
    let root = marker.root;
    let tags = format!(
        "<script>{THEME_SCRIPT}</script>\n  <script type=\"importmap\">{}</script>\n  <script src=\"{root}{}\" integrity=\"{}\" crossorigin=\"anonymous\" defer></script>",
        import_map(root, &app.js, &app.js_integrity, &hardened.values),
        app.boot_file,
        app.boot_integrity,
    );
    let mut out = String::with_capacity(html.len() + 2048);
    out.push_str(&html[..marker.start]);
    out.push_str(&tags);
    out.push_str(&html[marker.end..]);
    let mut out = with_cors_stylesheets(&out);
    let charset = "<meta charset=\"utf-8\">";
    let at = out.find(charset).ok_or("no <meta charset=\"utf-8\">")? + charset.len();
    out.insert_str(
        at,
        &format!(
            "\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
            hardened.policy
        ),
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_release_goes_last_on_the_html_tag() {
        let page = "<!DOCTYPE html><html lang=\"az\"><head></head></html>";
        assert_eq!(
            with_release(page, Some("ab12")),
            "<!DOCTYPE html><html lang=\"az\" data-release=\"ab12\"><head></head></html>"
        );
        assert_eq!(with_release(page, None), page);
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn sri_of_abc_matches_the_known_digest() {
        assert_eq!(
            sri(b"abc"),
            "sha384-ywB1P0WjXou1oD1pmsZQBycsMqsO3tFjGotgWkP/W+2AhgcroefMI1i67KE0yCWn"
        );
    }

    /// One page as `harden` writes it: prepared from itself, then applied.
    fn rewrite_index(
        html: &str,
        read: impl Fn(&str) -> Result<Vec<u8>>,
    ) -> Result<(String, Hardened)> {
        let hardened = prepare([html], read)?;
        Ok((apply(html, &hardened)?, hardened))
    }

    fn sample() -> String {
        "<!doctype html><html><head><meta charset=\"utf-8\">\n<meta name=\"klaster-boot\" data-js=\"./app-1.js\" data-wasm=\"./app-1_bg.wasm\">\n</head><body></body></html>".into()
    }

    fn read(file: &str) -> Result<Vec<u8>> {
        Ok(file.as_bytes().to_vec())
    }

    #[test]
    fn the_marker_becomes_an_import_map_and_an_integrity_checked_boot_script() {
        let (html, hardened) = rewrite_index(&sample(), read).unwrap();
        assert!(!html.contains("klaster-boot\""));
        assert!(html.contains(&format!("\"./app-1.js\":\"{}\"", sri(b"app-1.js"))));
        assert!(html.contains(&format!(
            "src=\"./{}\" integrity=\"sha384-",
            hardened.apps[0].boot_file
        )));
        assert!(hardened.apps[0].boot_text.contains("siteUrl('app-1.js')"));
        assert!(hardened.apps[0].boot_text.contains(&sri(b"app-1_bg.wasm")));
        assert!(
            !html.contains("<script type=\"module\">"),
            "no inline bootstrap remains"
        );
    }

    #[test]
    fn the_value_maps_module_is_its_own_file_named_by_the_boot_script_with_its_integrity() {
        let (html, hardened) = rewrite_index(&sample(), read).unwrap();
        let values = &hardened.values;
        assert!(values.file.starts_with("values-") && values.file.ends_with(".js"));
        assert!(values
            .text
            .contains("export function answerFromValues(card, boot)"));
        assert!(hardened.apps[0]
            .boot_text
            .contains(&format!("siteUrl('{}')", values.file)));
        assert!(!hardened.apps[0]
            .boot_text
            .contains("function answerFromValues"));
        assert!(html.contains(&format!(
            "\"./{}\":\"{}\"",
            values.file,
            sri(values.text.as_bytes())
        )));
        // The name follows the content, so a host may keep the file a year.
        assert!(
            crate::host_config::Kind::of(&format!("/{}", values.file))
                == crate::host_config::Kind::Hashed
        );
    }

    #[test]
    fn a_served_script_keeps_its_code_and_not_its_comments() {
        let script = boot_script("app.js", "app_bg.wasm", "sha384-x", "values-0.js");
        assert!(script.starts_with("// Written by `cargo xtask build` from xtask/src/boot.js"));
        assert_eq!(
            script
                .lines()
                .filter(|l| l.trim_start().starts_with("//"))
                .count(),
            1
        );
        assert!(script.contains("siteUrl('app.js')") && script.contains("'sha384-x'"));
        assert!(
            script.len() * 10 < BOOT_TEMPLATE.len() * 9,
            "the source's comments are more than a tenth of it"
        );
    }

    #[test]
    fn the_policy_is_strict_and_allows_exactly_the_import_map() {
        let (html, hardened) = rewrite_index(&sample(), read).unwrap();
        let policy = &hardened.policy;
        assert!(!policy.contains("unsafe-inline") && !policy.contains("'unsafe-eval'"));
        for directive in [
            "object-src 'none'",
            "base-uri 'none'",
            "form-action 'self'",
            "script-src 'self' 'wasm-unsafe-eval' 'sha256-",
        ] {
            assert!(policy.contains(directive), "{directive}");
        }
        let map_start = html.find("<script type=\"importmap\">").unwrap() + 25;
        let map_end = map_start + html[map_start..].find("</script>").unwrap();
        assert!(policy.contains(&csp_hash(&html[map_start..map_end])));
        assert!(
            policy.contains(&csp_hash(THEME_SCRIPT)),
            "the theme script is allowed"
        );
        assert_eq!(
            html.matches("<script>").count(),
            1,
            "no other inline script"
        );
        let meta = html.find("Content-Security-Policy").unwrap();
        assert!(
            meta < html.find("<script").unwrap(),
            "the policy comes before any script"
        );
        assert!(!html[..html.find("</head>").unwrap()].contains("frame-ancestors"));
    }

    #[test]
    fn trusted_types_allow_only_the_boot_scripts_default_policy() {
        let (_, hardened) = rewrite_index(&sample(), read).unwrap();
        assert!(hardened
            .policy
            .contains("require-trusted-types-for 'script'; trusted-types default"));
        assert!(hardened.apps[0]
            .boot_text
            .contains("createPolicy('default'"));
        assert!(
            !hardened.apps[0].boot_text.contains("__KLASTER_"),
            "every placeholder is filled"
        );
    }

    #[test]
    fn a_page_script_of_our_own_is_pinned_with_its_integrity() {
        let html = "<p>x</p><script src=\"../../figures.js\" defer></script><script src=\"./boot-1.js\" integrity=\"sha384-b\"></script>";
        let pinned = pin_scripts(html, |src| Ok(src.as_bytes().to_vec())).unwrap();
        assert!(pinned.contains(&format!(
            "<script integrity=\"{}\" crossorigin=\"anonymous\" src=\"../../figures.js\" defer></script>",
            sri(b"../../figures.js")
        )));
        assert_eq!(
            pinned.matches("integrity=").count(),
            2,
            "the boot script keeps its own"
        );
        assert!(
            pin_scripts(html, |_| Err("gone".into())).is_err(),
            "a missing script fails the build"
        );
    }

    #[test]
    fn a_page_script_gets_a_name_that_changes_with_its_content() {
        let dist = std::env::temp_dir().join(format!("klaster-harden-{}", std::process::id()));
        fs::create_dir_all(&dist).unwrap();
        fs::write(dist.join("figures.js"), "x").unwrap();
        let renamed = fingerprint_page_scripts(&dist).unwrap();
        let (from, to) = &renamed[0];
        assert_eq!(from, "figures.js");
        assert_eq!(
            crate::host_config::Kind::of(&format!("/{to}")),
            crate::host_config::Kind::Hashed,
            "{to} is cached as a hashed file"
        );
        assert!(dist.join(to).is_file() && !dist.join("figures.js").exists());
        let _ = fs::remove_dir_all(&dist);
    }

    #[test]
    fn a_missing_marker_is_an_error_that_names_the_setting() {
        let error = rewrite_index("<html><head><meta charset=\"utf-8\"></head></html>", read)
            .err()
            .unwrap();
        assert!(error.contains("pattern_script"));
    }

    #[test]
    fn stylesheets_with_integrity_are_fetched_with_cors() {
        let html = "<link rel=\"stylesheet\" href=\"./a.css\" integrity=\"sha384-x\"/><link rel=\"stylesheet\" href=\"b.css\">";
        let out = with_cors_stylesheets(html);
        assert!(out.contains("<link rel=\"stylesheet\" crossorigin=\"anonymous\" href=\"./a.css\" integrity=\"sha384-x\"/>"));
        assert!(out.contains("<link rel=\"stylesheet\" href=\"b.css\">"));
        assert_eq!(with_cors_stylesheets(&out), out, "idempotent");
    }

    #[test]
    fn pages_in_folders_reach_the_shared_boot_and_the_policy_allows_each_folders_map() {
        let nested = sample().replace("=\"./", "=\"../../");
        let pages = [sample(), nested.clone()];
        let hardened = prepare(pages.iter().map(String::as_str), read).unwrap();
        let page = apply(&nested, &hardened).unwrap();
        assert!(page.contains(&format!("src=\"../../{}\"", hardened.apps[0].boot_file)));
        assert!(page.contains("{\"integrity\":{\"../../app-1.js\""));
        for root in ["./", "../../"] {
            let map = import_map(root, "app-1.js", &sri(b"app-1.js"), &hardened.values);
            assert!(hardened.policy.contains(&csp_hash(&map)), "{root}");
        }
        assert!(page.contains(&hardened.policy));
    }

    #[test]
    fn each_app_gets_its_own_boot_script_and_the_policy_allows_both() {
        let embeds = sample().replace("app-1", "embed-1");
        let pages = [sample(), embeds.clone()];
        let hardened = prepare(pages.iter().map(String::as_str), read).unwrap();
        assert_eq!(hardened.apps.len(), 2);
        let page = apply(&embeds, &hardened).unwrap();
        assert!(page.contains(&hardened.apps[1].boot_file));
        assert!(!page.contains(&hardened.apps[0].boot_file));
        assert!(hardened.apps[1].boot_text.contains("siteUrl('embed-1.js')"));
        for js in ["app-1.js", "embed-1.js"] {
            let map = import_map("./", js, &sri(js.as_bytes()), &hardened.values);
            assert!(hardened.policy.contains(&csp_hash(&map)), "{js}");
        }
    }

    #[test]
    fn a_page_naming_an_app_not_prepared_is_an_error() {
        let other = sample().replace("app-1.js", "app-2.js");
        let hardened = prepare([sample().as_str()], read).unwrap();
        assert!(apply(&other, &hardened).unwrap_err().contains("app-2.js"));
    }
}
