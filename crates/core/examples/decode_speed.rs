//! How fast the core checks a data package, natively: `cargo xtask bench` runs
//! `cargo run --release -p klaster-core --example decode_speed -- public/data 30`.
//!
//! Per round, over every file of the package: the SHA-256 the browser checks each file
//! against, parsing each file into its typed model (what the app does at its edge), and
//! the whole `validate_package` (parsing plus every check of meaning). Prints one JSON
//! object: the bytes of a round and the milliseconds of each round, per step.

use klaster_core::package::{sha256_hash, ResourceName};
use klaster_core::registry::{for_each_resource, validate_package, EachResource, Resource};
use klaster_core::validate::{parse_json, Problem, DESCRIPTOR_FILE};
use klaster_core::PackageDescriptor;
use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Instant;

/// Parses each registered resource's file into its type, stopping at the first problem.
struct ParseEach<'a> {
    files: &'a HashMap<String, Vec<u8>>,
    result: Result<(), Problem>,
}

impl EachResource for ParseEach<'_> {
    fn visit<R: Resource>(&mut self) {
        if self.result.is_ok() {
            let file = R::NAME.file_name();
            self.result = parse_json::<R>(&file, &self.files[&file]).map(drop);
        }
    }
}

/// Every file into its type, as the app parses what it fetches.
fn parse_all(files: &HashMap<String, Vec<u8>>) -> Result<(), Problem> {
    parse_json::<PackageDescriptor>(DESCRIPTOR_FILE, &files[DESCRIPTOR_FILE])?;
    let mut each = ParseEach {
        files,
        result: Ok(()),
    };
    for_each_resource(&mut each);
    each.result
}

fn millis(started: Instant) -> f64 {
    started.elapsed().as_secs_f64() * 1000.0
}

fn list(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|v| format!("{v:.4}")).collect();
    format!("[{}]", items.join(","))
}

fn main() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "public/data".into()));
    let rounds: usize = match args.next() {
        Some(n) => n
            .parse()
            .map_err(|_| format!("`{n}` is not a number of rounds"))?,
        None => 30,
    };
    let mut files = HashMap::new();
    for file in std::iter::once(DESCRIPTOR_FILE.to_string())
        .chain(ResourceName::ALL.iter().map(|name| name.file_name()))
    {
        let bytes = std::fs::read(dir.join(&file))
            .map_err(|e| format!("{}: {e}", dir.join(&file).display()))?;
        files.insert(file, bytes);
    }
    let bytes: usize = files.values().map(Vec::len).sum();
    let (mut hash, mut parsed, mut validated) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..rounds {
        let started = Instant::now();
        let digests: usize = files.values().map(|b| sha256_hash(b).len()).sum();
        hash.push(millis(started));
        assert!(digests > 0);

        let started = Instant::now();
        parse_all(&files).map_err(|p| p.to_string())?;
        parsed.push(millis(started));

        let started = Instant::now();
        let report = validate_package(|path| {
            files
                .get(path)
                .cloned()
                .ok_or_else(|| format!("{path} is not in the package"))
        });
        validated.push(millis(started));
        if report.package.is_none() || !report.problems.is_empty() {
            return Err(format!(
                "the package does not validate: {} problem(s)",
                report.problems.len()
            ));
        }
    }
    println!(
        "{{\"files\":{},\"bytes\":{bytes},\"hash_ms\":{},\"parse_ms\":{},\"validate_ms\":{}}}",
        files.len(),
        list(&hash),
        list(&parsed),
        list(&validated)
    );
    Ok(())
}
