//! Data releases kept whole: stamping a new release freezes it under
//! `releases/<version>/`, freezing again changes nothing, and a frozen file that no
//! longer matches its release's recorded hash is reported.

use klaster_publish::{freeze_release, stamp_dir, validate_dir};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// A private copy of the shipped package, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let dir =
            std::env::temp_dir().join(format!("klaster-releases-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data"),
            &dir,
        );
        Scratch(dir)
    }

    fn edit(&self, file: &str, change: impl FnOnce(&mut Value)) {
        let path = self.0.join(file);
        let mut value: Value =
            serde_json::from_slice(&fs::read(&path).expect("readable")).expect("JSON");
        change(&mut value);
        let mut text = serde_json::to_string_pretty(&value).expect("serialisable");
        text.push('\n');
        fs::write(path, text).expect("writable");
    }

    /// The package's newest release, as its descriptor says.
    fn newest(&self) -> String {
        let descriptor: Value =
            serde_json::from_slice(&fs::read(self.0.join("datapackage.json")).expect("readable"))
                .expect("JSON");
        descriptor["version"]
            .as_str()
            .expect("a version")
            .to_string()
    }

    fn problems(&self) -> Vec<String> {
        validate_dir(&self.0)
            .problems
            .iter()
            .map(|p| p.to_string())
            .collect()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create dir");
    for entry in fs::read_dir(from).expect("read dir").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// Changes the jobs figure of January 2026 and releases it as 9.0.0.
fn release_a_changed_figure(scratch: &Scratch) {
    scratch.edit("milestones.json", |milestones| {
        for milestone in milestones.as_array_mut().into_iter().flatten() {
            for figure in milestone["figures"].as_array_mut().into_iter().flatten() {
                if figure["id"] == "tic-2026-01-pre-az-jobs" {
                    figure["value"] = Value::from(4_700_000.0);
                }
            }
        }
    });
    scratch.edit("datapackage.json", |descriptor| {
        descriptor["version"] = Value::from("9.0.0");
        let release = serde_json::json!({
            "version": "9.0.0",
            "date": descriptor["review"]["reviewed"].clone(),
            "changes": [{
                "kind": "corrected",
                "text": {"az": "İş yerlərinin sayı düzəldilib.", "en": "The number of jobs was corrected."},
                "resources": ["milestones"],
                "ids": ["tic-2026-01-pre-az-jobs"]
            }],
            "hashes": {}
        });
        if let Some(releases) = descriptor["releases"].as_array_mut() {
            releases.insert(0, release);
        }
    });
    let changes = stamp_dir(&scratch.0).expect("stamp succeeds");
    assert!(
        changes.iter().any(|c| c.contains("froze release 9.0.0")),
        "{changes:?}"
    );
}

#[test]
fn the_shipped_releases_are_frozen_whole() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data/releases");
    for version in ["1.0.0", "1.1.0", "1.1.1"] {
        for file in ["datapackage.json", "milestones.json", "csv/milestones.csv"] {
            assert!(dir.join(version).join(file).is_file(), "{version}/{file}");
        }
    }
}

#[test]
fn stamping_a_new_release_freezes_it_and_keeps_the_older_one_as_it_was() {
    let scratch = Scratch::new("new");
    let kept = scratch
        .0
        .join(format!("releases/{}/milestones.json", scratch.newest()));
    let before = fs::read(&kept).expect("frozen");
    release_a_changed_figure(&scratch);
    assert_eq!(scratch.problems(), Vec::<String>::new());
    let frozen = fs::read_to_string(scratch.0.join("releases/9.0.0/milestones.json"))
        .expect("the new release is frozen");
    assert!(frozen.contains("4700000"));
    assert_eq!(fs::read(&kept).expect("still there"), before);
    assert_eq!(
        freeze_release(&scratch.0).expect("freezing again is harmless"),
        Vec::<String>::new()
    );
}

#[test]
fn a_frozen_file_that_changed_is_reported_and_never_overwritten() {
    let scratch = Scratch::new("tampered");
    let newest = scratch.newest();
    let file = scratch.0.join(format!("releases/{newest}/park.json"));
    let mut bytes = fs::read(&file).expect("frozen");
    bytes.extend_from_slice(b"\n");
    fs::write(&file, bytes).expect("writable");
    let problems = scratch.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&format!("releases/{newest}/park.json"))
                && p.contains("never changes")),
        "{problems:?}"
    );
    let refused = freeze_release(&scratch.0).expect_err("a changed release is not rewritten");
    assert!(refused.message.contains("never rewritten"), "{refused}");
}

#[test]
fn a_missing_newest_release_and_a_stray_folder_are_named() {
    let scratch = Scratch::new("missing");
    let newest = scratch.newest();
    fs::remove_dir_all(scratch.0.join(format!("releases/{newest}"))).expect("removable");
    fs::create_dir_all(scratch.0.join("releases/0.9.0")).expect("creatable");
    let problems = scratch.problems();
    assert!(
        problems
            .iter()
            .any(|p| p.contains(&format!("release {newest} is not frozen"))),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("'0.9.0' is not a release")),
        "{problems:?}"
    );
    freeze_release(&scratch.0).expect("the newest release can be frozen again");
    let problems = scratch.problems();
    assert!(
        !problems.iter().any(|p| p.contains(&newest)),
        "{problems:?}"
    );
}
