//! The shipped package validates, and each kind of mistake a publisher can make is
//! reported with the file and JSON path where it sits.

use klaster_core::registry::Resource;
use klaster_core::resources::{Milestone, Source};
use klaster_core::validate::Problem;
use klaster_publish::{stamp_dir, validate_dir};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

fn shipped_package() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/data")
}

/// A private copy of the shipped package that a test may break.
struct Scratch(PathBuf);

impl Scratch {
    fn new() -> Scratch {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "klaster-validation-{}-{}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = fs::remove_dir_all(&dir);
        copy_dir(&shipped_package(), &dir);
        Scratch(dir)
    }

    fn read(&self, file: &str) -> Value {
        let text = fs::read_to_string(self.0.join(file)).expect("scratch file readable");
        serde_json::from_str(&text).expect("scratch file is JSON")
    }

    fn write(&self, file: &str, value: &Value) {
        let mut text = serde_json::to_string_pretty(value).expect("serialisable");
        text.push('\n');
        fs::write(self.0.join(file), text).expect("scratch file writable");
    }

    fn edit(&self, file: &str, change: impl FnOnce(&mut Value)) {
        let mut value = self.read(file);
        change(&mut value);
        self.write(file, &value);
    }

    fn problems(&self) -> Vec<Problem> {
        validate_dir(&self.0).problems
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create scratch dir");
    for entry in fs::read_dir(from).expect("read package dir") {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

fn assert_reported(problems: &[Problem], file: &str, path: &str, words: &str) {
    assert!(
        problems
            .iter()
            .any(|p| p.file == file && p.path == path && p.message.contains(words)),
        "expected a problem in {file} at {path} mentioning {words:?}; got:\n{}",
        problems
            .iter()
            .map(|p| p.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_shipped_package_is_valid() {
    let report = validate_dir(&shipped_package());
    let listed: Vec<String> = report.problems.iter().map(|p| p.to_string()).collect();
    assert!(
        listed.is_empty(),
        "the shipped package has problems:\n{}",
        listed.join("\n")
    );
    assert!(report.package.is_some());
}

#[test]
fn a_changed_number_without_restamping_names_the_hash() {
    let scratch = Scratch::new();
    scratch.edit("milestones.json", |milestones| {
        let value = &mut milestones[0]["figures"][0]["value"];
        *value = Value::from(value.as_f64().unwrap_or(0.0) + 1.0);
    });
    let problems = scratch.problems();
    let index = scratch.read("datapackage.json")["resources"]
        .as_array()
        .and_then(|resources| resources.iter().position(|r| r["name"] == "milestones"))
        .expect("milestones is listed");
    assert_reported(
        &problems,
        "datapackage.json",
        &format!("$.resources[{index}].hash"),
        "milestones.json has sha256:",
    );

    // Re-stamping after the intended edit records the new hash; the edit then still needs
    // a release of its own (see the release tests below), and with one the package is valid.
    stamp_dir(&scratch.0).expect("stamp succeeds");
    add_release(&scratch, "9.0.0", &["milestones"]);
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_eq!(scratch.problems(), vec![]);
}

/// Adds a release above the newest one, naming `resources`, and moves `version` to it.
fn add_release(scratch: &Scratch, version: &str, resources: &[&str]) {
    scratch.edit("datapackage.json", |descriptor| {
        descriptor["version"] = Value::from(version);
        let release = serde_json::json!({
            "version": version,
            "date": descriptor["review"]["reviewed"].clone(),
            "changes": [{
                "kind": "corrected",
                "text": {"az": "Rəqəm düzəldilib.", "en": "A figure was corrected."},
                "resources": resources,
            }],
            "hashes": {}
        });
        if let Some(releases) = descriptor["releases"].as_array_mut() {
            releases.insert(0, release);
        }
    });
}

fn newest_version(scratch: &Scratch) -> String {
    scratch.read("datapackage.json")["releases"][0]["version"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

fn change_a_milestone_and_stamp(scratch: &Scratch) {
    scratch.edit("milestones.json", |milestones| {
        milestones[0]["title"]["en"] =
            Value::from("The initiative is launched at COP26 in Glasgow");
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
}

#[test]
fn a_resource_changed_without_a_new_release_is_refused() {
    let scratch = Scratch::new();
    let released = newest_version(&scratch);
    change_a_milestone_and_stamp(&scratch);
    assert_reported(
        &scratch.problems(),
        "datapackage.json",
        "$.releases[0].hashes.milestones",
        &format!("milestones.json changed since release {released}"),
    );
}

#[test]
fn a_new_release_must_name_every_resource_it_changed_and_no_other() {
    let scratch = Scratch::new();
    change_a_milestone_and_stamp(&scratch);
    add_release(&scratch, "9.0.0", &["park"]);
    stamp_dir(&scratch.0).expect("stamp succeeds");
    let problems = scratch.problems();
    assert_reported(
        &problems,
        "datapackage.json",
        "$.releases[0].changes",
        "'milestones' changed between",
    );
    assert_reported(
        &problems,
        "datapackage.json",
        "$.releases[0].changes",
        "names 'park', but its hash is the same",
    );
}

#[test]
fn the_version_moves_with_the_newest_release() {
    let scratch = Scratch::new();
    scratch.edit("datapackage.json", |descriptor| {
        descriptor["version"] = Value::from("9.9.9")
    });
    assert_reported(
        &scratch.problems(),
        "datapackage.json",
        "$.version",
        "the newest release in `releases` is",
    );
}

#[test]
fn a_new_release_needs_a_higher_version() {
    let scratch = Scratch::new();
    change_a_milestone_and_stamp(&scratch);
    add_release(&scratch, "0.9.0", &["milestones"]);
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "datapackage.json",
        "$.releases[0].version",
        "must be higher than the release after it",
    );
}

#[test]
fn a_removed_id_that_is_still_there_is_named() {
    let scratch = Scratch::new();
    change_a_milestone_and_stamp(&scratch);
    add_release(&scratch, "9.0.0", &["milestones"]);
    scratch.edit("datapackage.json", |descriptor| {
        descriptor["releases"][0]["changes"][0]["kind"] = Value::from("removed");
        descriptor["releases"][0]["changes"][0]["ids"] =
            serde_json::json!(["tic-2021-11-clusters"]);
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "datapackage.json",
        "$.releases[0].changes[0].ids[0]",
        "listed as removed but is still in the package",
    );
}

#[test]
fn a_source_without_an_access_date_is_refused() {
    let scratch = Scratch::new();
    scratch.edit("sources.json", |sources| {
        if let Some(source) = sources[3].as_object_mut() {
            source.remove("accessed");
        }
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "sources.json",
        "$[3].accessed",
        "has no access date",
    );
}

#[test]
fn an_access_date_must_fall_between_publication_and_review() {
    let scratch = Scratch::new();
    scratch.edit("sources.json", |sources| {
        sources[0]["accessed"] = Value::from("2027-01-01");
        sources[4]["accessed"] = Value::from("2020-01-01");
        sources[5]["accessed"] = Value::from("2026-11");
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    let problems = scratch.problems();
    assert_reported(
        &problems,
        "sources.json",
        "$[0].accessed",
        "after the package's review",
    );
    assert_reported(
        &problems,
        "sources.json",
        "$[4].accessed",
        "before the source was published",
    );
    assert_reported(
        &problems,
        "sources.json",
        "$[5].accessed",
        "an access date is a day",
    );
}

#[test]
fn a_source_published_after_the_research_cut_off_moves_the_cut_off() {
    let scratch = Scratch::new();
    scratch.edit("sources.json", |sources| {
        sources[0]["published"] = Value::from("2026-11-30");
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "sources.json",
        "$[0].published",
        "after the research cut-off",
    );
}

#[test]
fn the_changelog_file_is_written_from_the_releases() {
    let scratch = Scratch::new();
    let changelog = fs::read_to_string(scratch.0.join("CHANGELOG.md")).expect("changelog shipped");
    assert!(changelog.contains(&format!("## {}", newest_version(&scratch))));
    fs::write(scratch.0.join("CHANGELOG.md"), "# edited by hand\n").expect("write");
    assert_reported(
        &scratch.problems(),
        "CHANGELOG.md",
        "$",
        "differs from the one generated",
    );
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_eq!(scratch.problems(), vec![]);
}

#[test]
fn data_texts_follow_the_terminology_lists_number_and_suffix_rules() {
    let scratch = Scratch::new();
    scratch.edit("park.json", |park| {
        park["figures"][0]["note"]["az"] =
            Value::from("Parkın ərazisi 466 370 kvadratmetr, 40-ə yaxın rezident.");
        park["figures"][1]["note"]["en"] = Value::from("Exports to Turkey.");
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    let problems = scratch.problems();
    assert_reported(
        &problems,
        "park.json",
        "$.figures[0].note.az",
        "groups thousands with spaces",
    );
    assert_reported(
        &problems,
        "park.json",
        "$.figures[0].note.az",
        "the suffix is '-a', not '-ə'",
    );
    assert_reported(
        &problems,
        "park.json",
        "$.figures[1].note.en",
        "writes 'Türkiye'",
    );
}

#[test]
fn a_missing_azerbaijani_label_names_the_label() {
    let scratch = Scratch::new();
    scratch.edit("milestones.json", |milestones| {
        if let Some(label) = milestones[1]["figures"][0]["label"].as_object_mut() {
            label.remove("az");
        }
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "milestones.json",
        "$[1].figures[0].label",
        "missing field `az`",
    );
}

#[test]
fn an_empty_azerbaijani_label_names_the_label() {
    let scratch = Scratch::new();
    scratch.edit("park.json", |park| {
        park["figures"][2]["label"]["az"] = Value::from("  ")
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "park.json",
        "$.figures[2].label.az",
        "Azerbaijani text is missing",
    );
}

#[test]
fn an_unknown_source_id_names_the_reference() {
    let scratch = Scratch::new();
    scratch.edit("clusters.json", |clusters| {
        clusters["clusters"][3]["sources"][0] = Value::from("no-such-source");
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "clusters.json",
        "$.clusters[3].sources[0]",
        "unknown source id 'no-such-source'",
    );
}

#[test]
fn an_unknown_field_names_the_field() {
    let scratch = Scratch::new();
    scratch.edit("climate.json", |climate| {
        climate["figures"][0]["colour"] = Value::from("red");
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "climate.json",
        "$.figures[0].colour",
        "unknown field `colour`",
    );
}

#[test]
fn a_bad_date_names_the_date() {
    let scratch = Scratch::new();
    scratch.edit("accession.json", |accession| {
        accession["events"][0]["date"] = Value::from("2026-02-30");
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "accession.json",
        "$.events[0].date",
        "day 30 does not exist",
    );
}

#[test]
fn a_duplicate_id_names_both_places() {
    let scratch = Scratch::new();
    let first = scratch.read("glossary.json")[0]["id"].clone();
    scratch.edit("glossary.json", |glossary| {
        glossary[1]["id"] = first.clone()
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    let words = format!(
        "duplicate id '{}': already used at glossary.json: $[0].id",
        first.as_str().unwrap_or_default()
    );
    assert_reported(&scratch.problems(), "glossary.json", "$[1].id", &words);
}

#[test]
fn an_unknown_unit_is_refused() {
    let scratch = Scratch::new();
    scratch.edit("park.json", |park| {
        park["figures"][0]["unit"] = Value::from("furlongs")
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "park.json",
        "$.figures[0].unit",
        "unknown variant `furlongs`",
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let scratch = Scratch::new();
    scratch.edit("glossary.json", |glossary| {
        glossary[0]["term"]["en"] = Value::from("");
        glossary[1]["definition"]["az"] = Value::from("");
    });
    scratch.edit("sources.json", |sources| {
        sources[0]["url"] = Value::from("not a url")
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    let problems = scratch.problems();
    assert_reported(
        &problems,
        "glossary.json",
        "$[0].term.en",
        "English text is missing",
    );
    assert_reported(
        &problems,
        "glossary.json",
        "$[1].definition.az",
        "Azerbaijani text is missing",
    );
    assert_reported(
        &problems,
        "sources.json",
        "$[0].url",
        "is not an http(s) address",
    );
}

#[test]
fn a_stale_schema_is_reported() {
    let scratch = Scratch::new();
    fs::write(scratch.0.join("schemas/park.schema.json"), "{}\n").expect("write");
    assert_reported(
        &scratch.problems(),
        "schemas/park.schema.json",
        "$",
        "differs from the one generated",
    );
}

#[test]
fn a_stale_csv_download_is_reported_and_restamped() {
    let scratch = Scratch::new();
    scratch.edit("glossary.json", |glossary| {
        glossary[0]["term"]["en"] = Value::from("Changed term")
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    let csv = fs::read_to_string(scratch.0.join("csv/glossary.csv")).expect("csv written");
    assert!(csv.contains("Changed term"));
    fs::write(scratch.0.join("csv/glossary.csv"), "id\r\n").expect("write");
    assert_reported(
        &scratch.problems(),
        "csv/glossary.csv",
        "$",
        "differs from the one generated",
    );
}

#[test]
fn every_csv_has_one_row_per_record() {
    let report = validate_dir(&shipped_package());
    let resources = report
        .package
        .expect("the shipped package parses")
        .resources;
    let milestones: &Vec<Milestone> = resources.get().expect("the milestones");
    let figures: usize = milestones.iter().map(|m| m.figures.len()).sum();
    let table = milestones.table();
    assert_eq!(table.rows.len(), figures);
    assert!(table.rows.iter().all(|row| row.len() == table.header.len()));
    let sources: &Vec<Source> = resources.get().expect("the sources");
    assert_eq!(sources.table().rows.len(), sources.len());
    for (name, table) in resources.tables() {
        assert!(
            table.rows.iter().all(|row| row.len() == table.header.len()),
            "{name:?}"
        );
    }
}

#[test]
fn a_map_point_off_the_globe_and_a_bad_country_code_are_named() {
    let scratch = Scratch::new();
    scratch.edit("world-map.json", |map| {
        map["countries"][0]["rings"][0][1] = serde_json::json!([9999, 0]);
        map["countries"][1]["iso_numeric"] = Value::from("31");
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    let problems = scratch.problems();
    assert_reported(
        &problems,
        "world-map.json",
        "$.countries[0].rings[0]",
        "point 1 [9999, 0] is outside",
    );
    assert_reported(
        &problems,
        "world-map.json",
        "$.countries[1].iso_numeric",
        "'31' is not a three-digit ISO 3166-1 numeric code",
    );
}

#[test]
fn milestones_out_of_date_order_name_the_later_one() {
    let scratch = Scratch::new();
    scratch.edit("milestones.json", |milestones| {
        if let Some(list) = milestones.as_array_mut() {
            list.swap(0, 1);
        }
    });
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_reported(
        &scratch.problems(),
        "milestones.json",
        "$[1].date",
        "date order",
    );
}
