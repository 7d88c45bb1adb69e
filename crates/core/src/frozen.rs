//! Data releases kept whole: when a release is made, the publisher freezes every file of
//! the package (descriptor, resources, CSV downloads, schemas) under
//! `releases/<version>/` of the package folder, published as `data/releases/<version>/`
//! and never changed again. A citation or an embed pinned to a release can then always
//! show the figures it was made with. The validator checks that a frozen release's files
//! are the ones its hashes recorded; the site reads an older release back with today's
//! types, which only ever add optional fields.

use crate::csv::csv_path;
use crate::package::{sha256_hash, PackageDescriptor, Release, ResourceName};
use crate::registry::{Package, Resources};
use crate::validate::{Problem, DESCRIPTOR_FILE};

/// The folder of the frozen releases, in the package folder.
pub const RELEASES_DIR: &str = "releases";

/// A file of a frozen release, relative to the package folder:
/// `releases/1.1.0/milestones.json`.
pub fn frozen_path(version: &str, file: &str) -> String {
    format!("{RELEASES_DIR}/{version}/{file}")
}

/// Every file a frozen release holds, relative to its folder (and to the package
/// folder it was copied from): the descriptor, each resource, its CSV and its schema.
pub fn frozen_files(descriptor: &PackageDescriptor) -> Vec<String> {
    let mut files = vec![
        DESCRIPTOR_FILE.to_string(),
        "schemas/datapackage.schema.json".to_string(),
    ];
    for resource in &descriptor.resources {
        files.push(resource.path.clone());
        files.push(csv_path(resource.name));
        files.push(resource.json_schema.clone());
    }
    files
}

/// The release of `descriptor` named `version`.
pub fn release<'a>(descriptor: &'a PackageDescriptor, version: &str) -> Option<&'a Release> {
    descriptor.releases.iter().find(|r| r.version == version)
}

fn problem(file: String, message: String) -> Problem {
    Problem {
        file,
        path: "$".into(),
        message,
    }
}

/// Every problem with the frozen copy of `release`: a file that is missing, a resource
/// whose bytes are not the ones the release recorded, a descriptor of another version.
/// `read` takes a path relative to the package folder.
pub fn check_frozen(
    descriptor: &PackageDescriptor,
    release: &Release,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Vec<Problem> {
    let version = release.version.as_str();
    let mut problems = Vec::new();
    let descriptor_file = frozen_path(version, DESCRIPTOR_FILE);
    match read(&descriptor_file) {
        Err(error) => problems.push(problem(
            descriptor_file,
            format!("release {version} is not frozen ({error}); run `cargo run -p klaster-publish -- release public/data`"),
        )),
        Ok(bytes) => {
            // Read loosely: an older release's descriptor predates today's fields.
            let frozen_version = serde_json::from_slice::<serde_json::Value>(&bytes)
                .ok()
                .and_then(|value| value["version"].as_str().map(str::to_string));
            if frozen_version.as_deref() != Some(version) {
                problems.push(problem(
                    descriptor_file,
                    format!(
                        "the frozen descriptor of release {version} says version {}",
                        frozen_version.as_deref().unwrap_or("(none)")
                    ),
                ));
            }
        }
    }
    for resource in &descriptor.resources {
        let file = frozen_path(version, &resource.path);
        let recorded = release.hashes.get(&resource.name);
        match (read(&file), recorded) {
            (Err(error), _) => problems.push(problem(file, format!("cannot read the file: {error}"))),
            (Ok(bytes), Some(recorded)) if sha256_hash(&bytes) != *recorded => {
                problems.push(problem(
                    file,
                    format!(
                        "the frozen file has {}, but release {version} recorded {recorded}: a release never changes once published",
                        sha256_hash(&bytes)
                    ),
                ))
            }
            _ => {}
        }
        let csv = frozen_path(version, &csv_path(resource.name));
        if let Err(error) = read(&csv) {
            problems.push(problem(csv, format!("cannot read the file: {error}")));
        }
    }
    problems
}

/// The package as it was at release `version`, from its frozen files, each checked
/// against the hash the release recorded and parsed with today's types. Its descriptor is
/// today's record of that release: its version, its resources' sizes and hashes, and
/// the releases up to it.
pub fn frozen_package(
    descriptor: &PackageDescriptor,
    version: &str,
    read: impl Fn(&str) -> Result<Vec<u8>, String>,
) -> Result<Package, String> {
    let index = descriptor
        .releases
        .iter()
        .position(|r| r.version == version)
        .ok_or_else(|| format!("the package has no release {version}"))?;
    let release = &descriptor.releases[index];
    let problems = check_frozen(descriptor, release, &read);
    if let Some(first) = problems.first() {
        return Err(first.to_string());
    }
    let mut resources = Resources::new();
    let mut frozen = descriptor.clone();
    frozen.version = version.to_string();
    frozen.releases = descriptor.releases[index..].to_vec();
    for resource in &mut frozen.resources {
        let bytes = read(&frozen_path(version, &resource.path))?;
        resource.bytes = bytes.len() as u64;
        resource.hash = sha256_hash(&bytes);
        resources
            .parse(resource.name, &bytes)
            .map_err(|problem| format!("release {version}: {problem}"))?;
    }
    let complete = ResourceName::ALL
        .iter()
        .all(|name| resources.contains(*name));
    if !complete {
        return Err(format!("release {version} lacks a resource"));
    }
    Ok(Package {
        descriptor: frozen,
        resources,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn package_dir() -> PathBuf {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
    }

    fn read(relative: &str) -> Result<Vec<u8>, String> {
        std::fs::read(package_dir().join(relative)).map_err(|e| e.to_string())
    }

    fn descriptor() -> PackageDescriptor {
        crate::validate::parse_json(DESCRIPTOR_FILE, &read(DESCRIPTOR_FILE).unwrap_or_default())
            .expect("the shipped descriptor parses")
    }

    #[test]
    fn every_shipped_release_is_frozen_as_it_was_recorded() {
        let descriptor = descriptor();
        for release in &descriptor.releases {
            assert_eq!(
                check_frozen(&descriptor, release, read),
                vec![],
                "{}",
                release.version
            );
        }
    }

    #[test]
    fn an_older_release_reads_back_with_its_own_figures() {
        let descriptor = descriptor();
        let Some(older) = descriptor.releases.get(1) else {
            return;
        };
        let package = frozen_package(&descriptor, &older.version, read).expect("it reads back");
        assert_eq!(package.descriptor.version, older.version);
        assert_eq!(package.descriptor.releases[0], *older);
        let resource = &package.descriptor.resources[0];
        assert_eq!(Some(&resource.hash), older.hashes.get(&resource.name));
    }

    #[test]
    fn a_changed_frozen_file_is_named() {
        let descriptor = descriptor();
        let release = &descriptor.releases[0];
        let tampered = |relative: &str| -> Result<Vec<u8>, String> {
            let mut bytes = read(relative)?;
            if relative.ends_with("/park.json") {
                bytes.push(b'\n');
            }
            Ok(bytes)
        };
        let problems = check_frozen(&descriptor, release, tampered);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].file, frozen_path(&release.version, "park.json"));
        assert!(problems[0].message.contains("never changes"));
        let missing = |_: &str| -> Result<Vec<u8>, String> { Err("absent".into()) };
        let problems = check_frozen(&descriptor, release, missing);
        assert!(
            problems[0].message.contains("is not frozen"),
            "{problems:?}"
        );
    }
}
