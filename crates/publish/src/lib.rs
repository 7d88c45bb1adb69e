//! The publisher's work on a package folder: validate it, stamp its hashes, and keep the
//! JSON Schemas beside it equal to the ones generated from the Rust types.

pub mod render;
pub mod world_map;

use klaster_core::csv::csv_path;
use klaster_core::package::{sha256_hash, PackageDescriptor};
use klaster_core::registry::{
    for_each_resource, validate_package, EachResource, Package, Report, Resource,
};
use klaster_core::validate::{parse_json, Problem, DESCRIPTOR_FILE};
use std::fs;
use std::path::Path;

fn render_schema(schema: schemars::Schema) -> String {
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON Schema of each published file, generated from the types that parse it.
pub fn generated_schemas() -> Vec<(String, String)> {
    struct Schemas(Vec<(String, String)>);
    impl EachResource for Schemas {
        fn visit<R: Resource>(&mut self) {
            let schema = render_schema(schemars::schema_for!(R));
            self.0.push((R::NAME.schema_path(), schema));
        }
    }
    let mut schemas = Schemas(Vec::new());
    for_each_resource(&mut schemas);
    schemas.0.push((
        "schemas/datapackage.schema.json".to_string(),
        render_schema(schemars::schema_for!(PackageDescriptor)),
    ));
    schemas.0
}

/// The CSV download of each resource, generated from the parsed package.
pub fn generated_csv(package: &Package) -> Vec<(String, String)> {
    package
        .resources
        .tables()
        .into_iter()
        .map(|(name, table)| (csv_path(name), table.to_csv()))
        .collect()
}

/// Where the changelog written from the releases lives in the package folder.
pub const CHANGELOG_FILE: &str = "CHANGELOG.md";

/// The changelog, written from the descriptor's releases.
pub fn generated_changelog(package: &Package) -> Vec<(String, String)> {
    vec![(
        CHANGELOG_FILE.to_string(),
        klaster_core::release::changelog_markdown(&package.descriptor),
    )]
}

/// Validates the package in `dir`, including that its schemas, CSV files and changelog
/// are current.
pub fn validate_dir(dir: &Path) -> Report {
    let mut report =
        validate_package(|relative| fs::read(dir.join(relative)).map_err(|e| e.to_string()));
    let csv = report
        .package
        .as_ref()
        .map(|package| [generated_csv(package), generated_changelog(package)].concat())
        .unwrap_or_default();
    for (relative, expected) in generated_schemas().into_iter().chain(csv) {
        let found = fs::read_to_string(dir.join(&relative)).unwrap_or_default();
        if found != expected {
            report.problems.push(Problem {
                file: relative,
                path: "$".into(),
                message: "the file is missing or differs from the one generated from the data and the Rust types; run `cargo run -p klaster-publish -- stamp public/data`".into(),
            });
        }
    }
    report
}

/// Rewrites the schemas and the size and hash of every resource after an intended edit,
/// records the hashes in a new release that has none yet, and writes the CSV files and the
/// changelog.
pub fn stamp_dir(dir: &Path) -> Result<Vec<String>, Problem> {
    let mut changes = Vec::new();
    let schema_dir = dir.join("schemas");
    fs::create_dir_all(&schema_dir).map_err(|e| io_problem("schemas", e))?;
    for (relative, text) in generated_schemas() {
        let path = dir.join(&relative);
        if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
            fs::write(&path, text).map_err(|e| io_problem(&relative, e))?;
            changes.push(format!("wrote {relative}"));
        }
    }
    let descriptor_path = dir.join(DESCRIPTOR_FILE);
    let bytes = fs::read(&descriptor_path).map_err(|e| io_problem(DESCRIPTOR_FILE, e))?;
    let mut descriptor: PackageDescriptor = parse_json(DESCRIPTOR_FILE, &bytes)?;
    for resource in &mut descriptor.resources {
        let data = fs::read(dir.join(&resource.path)).map_err(|e| io_problem(&resource.path, e))?;
        let hash = sha256_hash(&data);
        if resource.hash != hash || resource.bytes != data.len() as u64 {
            changes.push(format!(
                "stamped {} ({} bytes, {hash})",
                resource.path,
                data.len()
            ));
            resource.hash = hash;
            resource.bytes = data.len() as u64;
        }
    }
    if klaster_core::release::record_release_hashes(&mut descriptor) {
        changes.push("recorded the resources' hashes in the newest release".to_string());
    }
    let mut text = serde_json::to_string_pretty(&descriptor).map_err(|e| Problem {
        file: DESCRIPTOR_FILE.into(),
        path: "$".into(),
        message: e.to_string(),
    })?;
    text.push('\n');
    if text.as_bytes() != bytes.as_slice() {
        fs::write(&descriptor_path, text).map_err(|e| io_problem(DESCRIPTOR_FILE, e))?;
    }
    // CSV files follow the data; they can only be written once the package parses.
    if let Some(package) =
        validate_package(|relative| fs::read(dir.join(relative)).map_err(|e| e.to_string())).package
    {
        fs::create_dir_all(dir.join("csv")).map_err(|e| io_problem("csv", e))?;
        for (relative, text) in [generated_csv(&package), generated_changelog(&package)].concat() {
            let path = dir.join(&relative);
            if fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
                fs::write(&path, text).map_err(|e| io_problem(&relative, e))?;
                changes.push(format!("wrote {relative}"));
            }
        }
    }
    Ok(changes)
}

fn io_problem(file: &str, error: std::io::Error) -> Problem {
    Problem {
        file: file.into(),
        path: "$".into(),
        message: error.to_string(),
    }
}
