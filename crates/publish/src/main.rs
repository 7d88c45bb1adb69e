//! `klaster-publish`: the publisher's command line.

use klaster_publish::{freeze_release, stamp_dir, validate_dir};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "klaster-publish: validate and stamp the klaster data package

usage:
  klaster-publish validate <package-dir>   check structure, meaning, hashes and schemas; list every problem
  klaster-publish stamp <package-dir>      after an intended edit: regenerate schemas and CSV files, re-stamp sizes and hashes,
                                           record them in a new release that has none (and freeze it), write CHANGELOG.md,
                                           then validate
  klaster-publish release <package-dir>    freeze the newest release: copy the descriptor, every resource, CSV file and
                                           schema into <package-dir>/releases/<version>/, which never changes again
  klaster-publish render <package-dir> <out-dir>
                                           validate, then draw every chart in both languages to <out-dir>/<chart>-<locale>.svg,
                                           the same as a PNG (<chart>-<locale>.png), a social card (<chart>-<locale>-card.png),
                                           its data (<chart>-<locale>.csv, .json), and the body a page shows before its
                                           code wakes, one file per width (body/<chart>-<locale>-<s|m|l>.svg), each with
                                           what its spots show, for an embed's pointer and keys (values/…-<s|m|l>.json)
  klaster-publish world-map <countries-110m.json> <package-dir>
                                           convert world-atlas's TopoJSON (Natural Earth) into <package-dir>/world-map.json;
                                           then stamp";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.as_slice() {
        [command, dir] if command == "validate" => validate(&PathBuf::from(dir)),
        [command, dir] if command == "stamp" => {
            let dir = PathBuf::from(dir);
            changed_then_valid(stamp_dir(&dir), "nothing to stamp", &dir)
        }
        [command, dir] if command == "release" => {
            let dir = PathBuf::from(dir);
            changed_then_valid(
                freeze_release(&dir),
                "the newest release is already frozen",
                &dir,
            )
        }
        [command, dir, out] if command == "render" => {
            match klaster_publish::render::render_dir(&PathBuf::from(dir), &PathBuf::from(out)) {
                Ok(files) => {
                    println!(
                        "rendered {} files (SVG, PNG, social card, data, page bodies and their value maps) to {}",
                        files.len(),
                        out
                    );
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        [command, input, dir] if command == "world-map" => {
            match klaster_publish::world_map::write_world_map(
                &PathBuf::from(input),
                &PathBuf::from(dir),
            ) {
                Ok(summary) => {
                    println!("{summary}");
                    println!("now run: klaster-publish stamp {dir}");
                    ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("error: {error}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// Prints what a command changed (or `nothing`), then validates the package.
fn changed_then_valid(
    result: Result<Vec<String>, klaster_core::validate::Problem>,
    nothing: &str,
    dir: &std::path::Path,
) -> ExitCode {
    match result {
        Ok(changes) => {
            for change in &changes {
                println!("{change}");
            }
            if changes.is_empty() {
                println!("{nothing}");
            }
            validate(dir)
        }
        Err(problem) => {
            eprintln!("error: {problem}");
            ExitCode::FAILURE
        }
    }
}

fn validate(dir: &std::path::Path) -> ExitCode {
    let report = validate_dir(dir);
    for problem in &report.problems {
        eprintln!("error: {problem}");
    }
    if report.problems.is_empty() {
        if let Some(package) = &report.package {
            println!(
                "ok: {} is valid ({} resources, {} sources)",
                dir.display(),
                package.descriptor.resources.len(),
                package
                    .resources
                    .get::<Vec<klaster_core::resources::Source>>()
                    .map_or(0, Vec::len)
            );
        }
        ExitCode::SUCCESS
    } else {
        eprintln!("{} problem(s) in {}", report.problems.len(), dir.display());
        ExitCode::FAILURE
    }
}
