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

    // Re-stamping after the intended edit makes the package valid again.
    stamp_dir(&scratch.0).expect("stamp succeeds");
    assert_eq!(scratch.problems(), vec![]);
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
