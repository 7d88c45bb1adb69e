//! The app's modules depend on each other one way: no import cycle between the top-level
//! modules of `src/` (`chart`, `components`, `pages`, `shell`, `context`, …). A cycle is
//! how the app once grew a 22-file knot through the shell's route hook; this reads the
//! sources as a newcomer would (every `crate::<module>` path) and names any cycle it
//! finds, so ARCHITECTURE.md's layering stays true.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

type Graph = BTreeMap<String, BTreeSet<String>>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to: `chart` for `src/chart/live/body.rs`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).expect("a file below src/");
    let first = relative
        .components()
        .next()
        .expect("a path below src/")
        .as_os_str()
        .to_string_lossy()
        .into_owned();
    first.trim_end_matches(".rs").to_string()
}

/// Every `crate::<name>` a source names, comments included: a path in a doc comment is
/// a dependency a reader follows too.
fn named_modules(source: &str) -> BTreeSet<String> {
    source
        .match_indices("crate::")
        .filter(|(at, _)| {
            // `klaster_core::…` and `$crate::…` are other crates' paths.
            let before = source[..*at].chars().next_back();
            !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '$')
        })
        .map(|(at, _)| {
            source[at + "crate::".len()..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

fn graph(src: &Path) -> Graph {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut graph = Graph::new();
    for file in files {
        let module = module_of(src, &file);
        let source =
            fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let uses: Vec<String> = named_modules(&source)
            .into_iter()
            .filter(|name| *name != module)
            .collect();
        graph.entry(module).or_default().extend(uses);
    }
    graph
}

/// A cycle of the graph as its modules in order (`a → b → a`), if there is one.
fn find_cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|n| n == node) {
            let mut cycle = path[at..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|node| visit(node, graph, &mut Vec::new(), &mut done))
}

#[test]
fn the_apps_modules_import_each_other_without_a_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph(&src);
    assert!(
        graph
            .get("pages")
            .is_some_and(|uses| uses.contains("chart")),
        "the reading found the pages' use of the chart cards: {graph:?}"
    );
    if let Some(cycle) = find_cycle(&graph) {
        panic!("import cycle: {}", cycle.join(" → "));
    }
}

#[test]
fn a_cycle_is_found_and_named() {
    let mut graph = Graph::new();
    let edge = |graph: &mut Graph, from: &str, to: &str| {
        graph.entry(from.into()).or_default().insert(to.into());
    };
    edge(&mut graph, "pages", "chart");
    edge(&mut graph, "chart", "context");
    assert_eq!(find_cycle(&graph), None);
    edge(&mut graph, "context", "pages");
    assert_eq!(
        find_cycle(&graph).map(|cycle| cycle.join(" → ")),
        Some("chart → context → pages → chart".to_string())
    );
    assert_eq!(
        named_modules(
            "use crate::chart::ChartCard; $crate::text::X; klaster_core::y; crate::shell"
        ),
        ["chart", "shell"].into_iter().map(String::from).collect()
    );
}
