//! The publisher's work on a package folder: validate it, stamp its hashes, keep the
//! JSON Schemas beside it equal to the ones generated from the Rust types, and freeze
//! each release whole under `releases/<version>/`.

pub mod render;
pub mod world_map;

use klaster_core::csv::csv_path;
use klaster_core::frozen::{check_frozen, frozen_files, release, RELEASES_DIR};
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
/// are current, and that its frozen releases are the files their hashes recorded.
pub fn validate_dir(dir: &Path) -> Report {
    let mut report =
        validate_package(|relative| fs::read(dir.join(relative)).map_err(|e| e.to_string()));
    let descriptor = fs::read(dir.join(DESCRIPTOR_FILE))
        .ok()
        .and_then(|bytes| parse_json::<PackageDescriptor>(DESCRIPTOR_FILE, &bytes).ok());
    if let Some(descriptor) = &descriptor {
        report
            .problems
            .extend(frozen_release_problems(dir, descriptor));
    }
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

/// The frozen releases in `dir/releases/`: the newest release must be there, every
/// folder must be a release of the package, and each must hold the files it recorded.
fn frozen_release_problems(dir: &Path, descriptor: &PackageDescriptor) -> Vec<Problem> {
    let read = |relative: &str| fs::read(dir.join(relative)).map_err(|e| e.to_string());
    let mut problems = Vec::new();
    let folders: Vec<String> = fs::read_dir(dir.join(RELEASES_DIR))
        .map(|entries| {
            entries
                .flatten()
                .filter(|entry| entry.path().is_dir())
                .map(|entry| entry.file_name().to_string_lossy().to_string())
                .collect()
        })
        .unwrap_or_default();
    for folder in &folders {
        if release(descriptor, folder).is_none() {
            problems.push(Problem {
                file: format!("{RELEASES_DIR}/{folder}"),
                path: "$".into(),
                message: format!("'{folder}' is not a release in datapackage.json's `releases`"),
            });
        }
    }
    for (index, release) in descriptor.releases.iter().enumerate() {
        // Releases from before freezing existed may be absent; the newest never is.
        if index == 0 || folders.contains(&release.version) {
            problems.extend(check_frozen(descriptor, release, read));
        }
    }
    problems
}

/// Freezes the newest release: copies every file of the package (descriptor, resources,
/// CSV files, schemas) into `releases/<version>/`, once. A release already frozen is left
/// as it is; a folder that holds other files than the release recorded is an error,
/// since a published release never changes.
pub fn freeze_release(dir: &Path) -> Result<Vec<String>, Problem> {
    let bytes = fs::read(dir.join(DESCRIPTOR_FILE)).map_err(|e| io_problem(DESCRIPTOR_FILE, e))?;
    let descriptor: PackageDescriptor = parse_json(DESCRIPTOR_FILE, &bytes)?;
    let refuse = |message: String| Problem {
        file: DESCRIPTOR_FILE.into(),
        path: "$.releases[0]".into(),
        message,
    };
    let newest = descriptor
        .releases
        .first()
        .ok_or_else(|| refuse("the package has no release to freeze".into()))?;
    let version = &newest.version;
    let read = |relative: &str| fs::read(dir.join(relative)).map_err(|e| e.to_string());
    if check_frozen(&descriptor, newest, read).is_empty() {
        return Ok(Vec::new());
    }
    for resource in &descriptor.resources {
        let current = fs::read(dir.join(&resource.path))
            .map(|bytes| sha256_hash(&bytes))
            .map_err(|e| io_problem(&resource.path, e))?;
        if newest.hashes.get(&resource.name) != Some(&current) {
            return Err(refuse(format!(
                "{} is not the file release {version} recorded: stamp the package and give the change a release of its own first",
                resource.path
            )));
        }
    }
    let target = dir.join(RELEASES_DIR).join(version);
    if target.exists() {
        return Err(refuse(format!(
            "{} exists but is not release {version} as recorded; a published release is never rewritten",
            target.display()
        )));
    }
    let mut changes = Vec::new();
    for file in frozen_files(&descriptor) {
        let to = target.join(&file);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|e| io_problem(&file, e))?;
        }
        fs::copy(dir.join(&file), &to).map_err(|e| io_problem(&file, e))?;
    }
    changes.push(format!(
        "froze release {version} in {RELEASES_DIR}/{version}/"
    ));
    Ok(changes)
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
    let recorded = klaster_core::release::record_release_hashes(&mut descriptor);
    if recorded {
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
    // The moment a release is made is the moment it is frozen.
    if recorded {
        changes.extend(freeze_release(dir)?);
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
