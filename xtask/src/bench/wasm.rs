//! What the wasm is made of. The published wasm has no names (wasm-opt drops them), so
//! the benchmark optimises wasm-bindgen's output once more with the same wasm-opt level
//! and features plus `-g`, which keeps the name section: the same code, with names.
//! twiggy then lists its largest items, and this module adds them up by crate.

use std::collections::HashMap;

/// One item of `twiggy top --format json`.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub name: String,
    pub bytes: u64,
}

/// The item twiggy lists for the name section; not shipped.
pub fn is_name_section(item: &Item) -> bool {
    item.name.contains("\"function names\" subsection") || item.name == "custom section 'name'"
}

/// The crate a symbol belongs to, by its path: `klaster_core::charts::…` is
/// `klaster_core`; `<tachys::view::X as T>::f` is `tachys`; `<T as serde::Deserialize>`
/// is `serde`; `core[a1b2]::fmt::…` is `core`. Generic code is counted in the crate
/// that defines it, not the one that instantiated it. Data segments, imports, tables and
/// the like are grouped under a name in parentheses.
pub fn crate_of(symbol: &str) -> String {
    if symbol.starts_with("data segment") {
        return "(data: strings and tables)".into();
    }
    if symbol.starts_with("import ") {
        return "(imports)".into();
    }
    if symbol.starts_with("export ") {
        return "(exports)".into();
    }
    let path = symbol.trim_start_matches('<').trim_start_matches('&');
    if let Some(name) = leading_crate(path) {
        return name;
    }
    // `<T as trait::Path>::…`: the trait's crate.
    if let Some(at) = path.find(" as ") {
        if let Some(name) = leading_crate(&path[at + 4..]) {
            return name;
        }
    }
    "(other: tables, types, glue)".into()
}

/// `name` from `name::…` or `name[hash]::…`, when it looks like a crate name.
fn leading_crate(path: &str) -> Option<String> {
    let end = path.find("::")?;
    let head = &path[..end];
    let head = head.split('[').next().unwrap_or(head);
    let is_crate = !head.is_empty()
        && head
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && head.starts_with(|c: char| c.is_ascii_lowercase() || c == '_');
    is_crate.then(|| head.to_string())
}

/// Shipped bytes per crate, largest first (the name section left out).
pub fn by_crate(items: &[Item]) -> Vec<(String, u64)> {
    let mut totals: HashMap<String, u64> = HashMap::new();
    for item in items.iter().filter(|i| !is_name_section(i)) {
        *totals.entry(crate_of(&item.name)).or_default() += item.bytes;
    }
    let mut sorted: Vec<(String, u64)> = totals.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    sorted
}

/// The `n` largest shipped items.
pub fn top(items: &[Item], n: usize) -> Vec<Item> {
    let mut shipped: Vec<Item> = items
        .iter()
        .filter(|i| !is_name_section(i))
        .cloned()
        .collect();
    shipped.sort_by(|a, b| b.bytes.cmp(&a.bytes).then_with(|| a.name.cmp(&b.name)));
    shipped.truncate(n);
    shipped
}

/// Parses `twiggy top --format json`.
pub fn parse_twiggy(json: &str) -> crate::Result<Vec<Item>> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|err| format!("twiggy's JSON: {err}"))?;
    let rows = value.as_array().ok_or("twiggy's JSON is not a list")?;
    rows.iter()
        .map(|row| {
            Some(Item {
                name: row.get("name")?.as_str()?.to_string(),
                bytes: row.get("shallow_size")?.as_u64()?,
            })
        })
        .collect::<Option<Vec<Item>>>()
        .ok_or_else(|| "a twiggy row has no name or shallow_size".to_string())
}

/// The wasm-opt arguments trunk uses, from index.html's
/// `<link data-trunk rel="rust" data-wasm-opt="z" data-wasm-opt-params="…">`.
pub fn wasm_opt_args(index_html: &str) -> Option<Vec<String>> {
    let start = index_html.find("rel=\"rust\"")?;
    let tag_start = index_html[..start].rfind('<')?;
    let tag_end = start + index_html[start..].find('>')?;
    let tag = &index_html[tag_start..tag_end];
    let attribute = |name: &str| {
        let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
        Some(&tag[at..at + tag[at..].find('"')?])
    };
    let level = attribute("data-wasm-opt")?;
    let mut args = vec![format!("-O{level}")];
    if let Some(params) = attribute("data-wasm-opt-params") {
        args.extend(params.split_whitespace().map(String::from));
    }
    Some(args)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_counted_in_the_crate_that_defines_them() {
        for (symbol, expected) in [
            ("klaster_core::charts::layout::ChartLayout::new::h5938", "klaster_core"),
            ("klaster::app::__component_app::{{closure}}::hab92", "klaster"),
            ("tachys::reactive_graph::<impl tachys::view::Render for F>::build", "tachys"),
            ("<reactive_graph::computed::ScopedFuture<Fut> as core::future::Future>::poll", "reactive_graph"),
            ("<T as tachys::view::any_view::IntoAny>::into_any::rebuild::hc14", "tachys"),
            ("<&T as core::fmt::Display>::fmt::h1", "core"),
            ("core[c5930c85a12de822]::num::flt2dec::strategy", "core"),
            ("<serde_path_to_error::de::TrackedSeed<X> as serde_core::de::DeserializeSeed>::deserialize", "serde_path_to_error"),
            ("data segment \".rodata.15\"", "(data: strings and tables)"),
            ("import ./klaster_bg.js::__wbg_fetch", "(imports)"),
            ("elem[0]", "(other: tables, types, glue)"),
            ("main", "(other: tables, types, glue)"),
        ] {
            assert_eq!(crate_of(symbol), expected, "{symbol}");
        }
    }

    #[test]
    fn the_name_section_is_not_counted_as_shipped() {
        let items = [
            Item {
                name: "\"function names\" subsection".into(),
                bytes: 1000,
            },
            Item {
                name: "tachys::a".into(),
                bytes: 30,
            },
            Item {
                name: "tachys::b".into(),
                bytes: 20,
            },
            Item {
                name: "klaster::c".into(),
                bytes: 40,
            },
        ];
        assert_eq!(
            by_crate(&items),
            [("tachys".to_string(), 50), ("klaster".to_string(), 40)]
        );
        let names: Vec<String> = top(&items, 2).into_iter().map(|i| i.name).collect();
        assert_eq!(names, ["klaster::c", "tachys::a"]);
    }

    #[test]
    fn twiggy_json_parses_into_items() {
        let json = r#"[{"name":"a::b","shallow_size":12,"shallow_size_percent":1.5},
                       {"name":"c","shallow_size":3,"shallow_size_percent":0.1}]"#;
        assert_eq!(
            parse_twiggy(json).unwrap(),
            [
                Item {
                    name: "a::b".into(),
                    bytes: 12
                },
                Item {
                    name: "c".into(),
                    bytes: 3
                }
            ]
        );
        assert!(parse_twiggy(r#"[{"name":"a"}]"#).is_err());
    }

    #[test]
    fn wasm_opt_arguments_come_from_the_trunk_link() {
        let html = r#"<link data-trunk rel="css" href="x.css">
  <link data-trunk rel="rust" data-bin="klaster" data-wasm-opt="z" data-wasm-opt-params="--enable-bulk-memory --enable-sign-ext">"#;
        assert_eq!(
            wasm_opt_args(html).unwrap(),
            ["-Oz", "--enable-bulk-memory", "--enable-sign-ext"]
        );
        assert_eq!(wasm_opt_args("<link data-trunk rel=\"rust\">"), None);
    }
}
