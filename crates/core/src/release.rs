//! How current the data is, and how it changed: the review date and research cut-off a
//! page shows, the changelog written from the releases in `datapackage.json`, and the
//! checks that keep the release version, the changelog and the resources' hashes moving
//! together and every source dated.

use crate::date::{days_in_month, PartialDate};
use crate::format::format_date;
use crate::i18n::Msg;
use crate::package::{sha256_hash, ChangeKind, PackageDescriptor, Release, ResourceName};
use crate::resources::Source;
use crate::text::Locale;
use crate::validate::{Problem, DESCRIPTOR_FILE};
use std::collections::{HashMap, HashSet};

// ---------------------------------------------------------------- what a page shows

/// "Data reviewed on 5 December 2026." in `locale`.
pub fn reviewed_on(descriptor: &PackageDescriptor, locale: Locale) -> String {
    Msg::DataReviewedOn.fill(
        locale,
        &[("date", &format_date(descriptor.review.reviewed, locale))],
    )
}

/// "The research covers sources published up to March 2026." in `locale`.
pub fn research_cutoff(descriptor: &PackageDescriptor, locale: Locale) -> String {
    Msg::ResearchCutoff.fill(
        locale,
        &[(
            "date",
            &format_date(descriptor.review.research_cutoff, locale),
        )],
    )
}

/// The line every page and embed shows: the review date, then the research cut-off.
pub fn review_line(descriptor: &PackageDescriptor, locale: Locale) -> String {
    format!(
        "{} {}",
        reviewed_on(descriptor, locale),
        research_cutoff(descriptor, locale)
    )
}

/// The release the package is at, when the changelog has one.
pub fn current_release(descriptor: &PackageDescriptor) -> Option<&Release> {
    descriptor.releases.first()
}

/// The word for a kind of change.
pub fn change_kind_label(kind: ChangeKind) -> Msg {
    match kind {
        ChangeKind::Added => Msg::ChangeAdded,
        ChangeKind::Changed => Msg::ChangeChanged,
        ChangeKind::Corrected => Msg::ChangeCorrected,
        ChangeKind::Removed => Msg::ChangeRemoved,
    }
}

/// `public/data/CHANGELOG.md`, written from the releases: each release with its date,
/// each change in English and Azerbaijani with the resources and ids it touched.
pub fn changelog_markdown(descriptor: &PackageDescriptor) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {} · {}\n\n",
        Msg::ChangelogTitle.get(Locale::En),
        Msg::ChangelogTitle.get(Locale::Az)
    ));
    out.push_str(
        "Written from `releases` in `datapackage.json` by `klaster-publish stamp`; do not edit it by hand.  \n\
         `datapackage.json` faylındakı `releases` siyahısından `klaster-publish stamp` ilə yazılır; əl ilə dəyişməyin.\n\n",
    );
    out.push_str(&format!(
        "{}  \n{}\n",
        review_line(descriptor, Locale::En),
        review_line(descriptor, Locale::Az)
    ));
    for release in &descriptor.releases {
        out.push_str(&format!(
            "\n## {} · {} · {}\n\n",
            release.version,
            format_date(release.date, Locale::En),
            format_date(release.date, Locale::Az)
        ));
        for change in &release.changes {
            let label = change_kind_label(change.kind);
            let mut lines = vec![
                format!("**{}**: {}", label.get(Locale::En), change.text.en),
                format!("**{}**: {}", label.get(Locale::Az), change.text.az),
            ];
            let mut touched = Vec::new();
            if !change.resources.is_empty() {
                let names: Vec<String> = change
                    .resources
                    .iter()
                    .map(|r| format!("`{}`", r.as_str()))
                    .collect();
                touched.push(format!("resources · resurslar: {}", names.join(", ")));
            }
            if !change.ids.is_empty() {
                let ids: Vec<String> = change.ids.iter().map(|id| format!("`{id}`")).collect();
                touched.push(format!("ids: {}", ids.join(", ")));
            }
            if !touched.is_empty() {
                lines.push(touched.join("; "));
            }
            out.push_str(&format!("- {}\n", lines.join("  \n  ")));
        }
    }
    out
}

// ---------------------------------------------------------------- what the publisher does

/// Records the resources' hashes in the newest release when it has none yet (it was just
/// written). Returns whether it did. A release that already has hashes is never changed:
/// a later edit of a resource needs a release of its own.
pub fn record_release_hashes(descriptor: &mut PackageDescriptor) -> bool {
    let hashes: Vec<(ResourceName, String)> = descriptor
        .resources
        .iter()
        .map(|r| (r.name, r.hash.clone()))
        .collect();
    match descriptor.releases.first_mut() {
        Some(newest) if newest.hashes.is_empty() => {
            newest.hashes = hashes.into_iter().collect();
            true
        }
        _ => false,
    }
}

// ---------------------------------------------------------------- what the validator checks

/// `MAJOR.MINOR.PATCH` as numbers.
pub fn parse_version(version: &str) -> Option<(u64, u64, u64)> {
    let mut parts = version.split('.');
    let mut number = || -> Option<u64> {
        let part = parts.next()?;
        let plain = !part.is_empty()
            && part.bytes().all(|b| b.is_ascii_digit())
            && (part == "0" || !part.starts_with('0'));
        plain.then(|| part.parse().ok()).flatten()
    };
    let version = (number()?, number()?, number()?);
    parts.next().is_none().then_some(version)
}

/// The first and the last day a date can mean (`2026-03` is 1 to 31 March 2026).
fn span(date: PartialDate) -> ((u16, u8, u8), (u16, u8, u8)) {
    let first = (date.year, date.month.unwrap_or(1), date.day.unwrap_or(1));
    let last_month = date.month.unwrap_or(12);
    let last = (
        date.year,
        last_month,
        date.day
            .unwrap_or_else(|| days_in_month(date.year, last_month)),
    );
    (first, last)
}

fn is_day(date: PartialDate) -> bool {
    date.day.is_some()
}

/// `2026-11-27T04:06:50Z` (seconds may carry a fraction).
fn is_utc_timestamp(text: &str) -> bool {
    let Some(date) = text.get(..10) else {
        return false;
    };
    let Some(rest) = text.get(10..).and_then(|r| r.strip_prefix('T')) else {
        return false;
    };
    let Some(time) = rest.strip_suffix('Z') else {
        return false;
    };
    let (clock, fraction) = time.split_once('.').unwrap_or((time, "0"));
    let parts: Vec<&str> = clock.split(':').collect();
    let two = |p: &str, max: u8| {
        p.len() == 2
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u8>().is_ok_and(|n| n <= max)
    };
    PartialDate::parse(date).is_ok_and(is_day)
        && parts.len() == 3
        && two(parts[0], 23)
        && two(parts[1], 59)
        && two(parts[2], 59)
        && !fraction.is_empty()
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Every problem with the releases, the review and the sources' access dates.
///
/// `files` are the resources' bytes as read; `known_ids` every id the package holds.
pub fn check(
    descriptor: Option<&PackageDescriptor>,
    files: &HashMap<ResourceName, Vec<u8>>,
    known_ids: &HashSet<&str>,
    sources: Option<&[Source]>,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(descriptor) = descriptor {
        check_review(descriptor, &mut problems);
        check_releases(descriptor, files, known_ids, &mut problems);
    }
    if let Some(sources) = sources {
        check_sources(descriptor, sources, &mut problems);
    }
    problems
}

fn descriptor_problem(path: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        file: DESCRIPTOR_FILE.into(),
        path: path.into(),
        message: message.into(),
    }
}

fn check_review(descriptor: &PackageDescriptor, problems: &mut Vec<Problem>) {
    let review = &descriptor.review;
    if !is_utc_timestamp(&descriptor.created) {
        problems.push(descriptor_problem(
            "$.created",
            format!(
                "'{}' is not a UTC time like 2026-11-27T04:06:50Z",
                descriptor.created
            ),
        ));
    }
    if !is_day(review.reviewed) {
        problems.push(descriptor_problem(
            "$.review.reviewed",
            "the review date must be a day (YYYY-MM-DD)",
        ));
    }
    if span(review.research_cutoff).0 > span(review.reviewed).1 {
        problems.push(descriptor_problem(
            "$.review.research_cutoff",
            format!(
                "the research cut-off ({}) comes after the review ({})",
                review.research_cutoff, review.reviewed
            ),
        ));
    }
    if descriptor
        .created
        .get(..10)
        .and_then(|d| PartialDate::parse(d).ok())
        > Some(review.reviewed)
    {
        problems.push(descriptor_problem(
            "$.review.reviewed",
            "the package was reviewed before it was created",
        ));
    }
    for locale in Locale::ALL {
        let path = format!("$.review.note.{}", locale.tag());
        let text = review.note.get(locale);
        if text.trim().is_empty() {
            problems.push(descriptor_problem(path.clone(), "must not be empty"));
        }
        for message in crate::wording::style_problems(text, locale) {
            problems.push(descriptor_problem(path.clone(), message));
        }
    }
}

fn check_releases(
    descriptor: &PackageDescriptor,
    files: &HashMap<ResourceName, Vec<u8>>,
    known_ids: &HashSet<&str>,
    problems: &mut Vec<Problem>,
) {
    let releases = &descriptor.releases;
    let Some(newest) = releases.first() else {
        problems.push(descriptor_problem(
            "$.releases",
            "the package has no release: add one with its version, date and changes",
        ));
        return;
    };
    if parse_version(&descriptor.version).is_none() {
        problems.push(descriptor_problem(
            "$.version",
            format!(
                "'{}' is not a MAJOR.MINOR.PATCH version",
                descriptor.version
            ),
        ));
    }
    if descriptor.version != newest.version {
        problems.push(descriptor_problem(
            "$.version",
            format!(
                "the version is {} but the newest release in `releases` is {}; they must be the same",
                descriptor.version, newest.version
            ),
        ));
    }
    if newest.date > descriptor.review.reviewed {
        problems.push(descriptor_problem(
            "$.releases[0].date",
            format!(
                "release {} is dated {}, after the review of {}",
                newest.version, newest.date, descriptor.review.reviewed
            ),
        ));
    }
    for (index, release) in releases.iter().enumerate() {
        let at = |field: &str| format!("$.releases[{index}].{field}");
        if parse_version(&release.version).is_none() {
            problems.push(descriptor_problem(
                at("version"),
                format!("'{}' is not a MAJOR.MINOR.PATCH version", release.version),
            ));
        }
        if !is_day(release.date) {
            problems.push(descriptor_problem(
                at("date"),
                "a release is dated to the day",
            ));
        }
        if let Some(older) = releases.get(index + 1) {
            if parse_version(&release.version) <= parse_version(&older.version) {
                problems.push(descriptor_problem(
                    at("version"),
                    format!(
                        "{} must be higher than the release after it ({}): releases are listed newest first",
                        release.version, older.version
                    ),
                ));
            }
            if release.date < older.date {
                problems.push(descriptor_problem(
                    at("date"),
                    format!(
                        "{} is dated before the release after it ({})",
                        release.version, older.version
                    ),
                ));
            }
        }
        if release.changes.is_empty() {
            problems.push(descriptor_problem(
                at("changes"),
                format!("release {} lists no change", release.version),
            ));
        }
        for (c, change) in release.changes.iter().enumerate() {
            for locale in Locale::ALL {
                let path = format!("$.releases[{index}].changes[{c}].text.{}", locale.tag());
                let text = change.text.get(locale);
                if text.trim().is_empty() {
                    problems.push(descriptor_problem(path.clone(), "must not be empty"));
                }
                for message in crate::wording::style_problems(text, locale) {
                    problems.push(descriptor_problem(path.clone(), message));
                }
            }
        }
        if release.hashes.is_empty() {
            problems.push(descriptor_problem(
                at("hashes"),
                format!(
                    "release {} has no hashes recorded; run `cargo run -p klaster-publish -- stamp public/data`",
                    release.version
                ),
            ));
            continue;
        }
        for name in ResourceName::ALL {
            if !release.hashes.contains_key(&name) {
                problems.push(descriptor_problem(
                    at("hashes"),
                    format!(
                        "release {} has no hash for '{}'",
                        release.version,
                        name.as_str()
                    ),
                ));
            }
        }
    }
    // The newest release's ids resolve (older ones may name records removed since).
    for (c, change) in newest.changes.iter().enumerate() {
        for (i, id) in change.ids.iter().enumerate() {
            let path = format!("$.releases[0].changes[{c}].ids[{i}]");
            let present = known_ids.contains(id.as_str());
            if change.kind == ChangeKind::Removed && present {
                problems.push(descriptor_problem(
                    path,
                    format!("'{id}' is listed as removed but is still in the package"),
                ));
            } else if change.kind != ChangeKind::Removed && !present {
                problems.push(descriptor_problem(
                    path,
                    format!("unknown id '{id}': no figure or record in the package has it"),
                ));
            }
        }
    }
    check_hashes_move_with_releases(descriptor, files, problems);
}

/// A resource whose bytes differ from the newest release's hash changed without a
/// release; between two releases, every resource whose hash changed is named by a change
/// of the newer one, and no change names a resource that did not change.
fn check_hashes_move_with_releases(
    descriptor: &PackageDescriptor,
    files: &HashMap<ResourceName, Vec<u8>>,
    problems: &mut Vec<Problem>,
) {
    let releases = &descriptor.releases;
    let Some(newest) = releases.first() else {
        return;
    };
    if !newest.hashes.is_empty() {
        for resource in &descriptor.resources {
            let current = files
                .get(&resource.name)
                .map(|bytes| sha256_hash(bytes))
                .unwrap_or_else(|| resource.hash.clone());
            if let Some(released) = newest.hashes.get(&resource.name) {
                if *released != current {
                    problems.push(descriptor_problem(
                        format!("$.releases[0].hashes.{}", resource.name.as_str()),
                        format!(
                            "{} changed since release {} (which recorded {released}, the file has {current}); add a new release above it in `releases` with a higher version, the same version in `version`, and a change naming '{}', then run `cargo run -p klaster-publish -- stamp public/data`",
                            resource.path, newest.version, resource.name.as_str()
                        ),
                    ));
                }
            }
        }
    }
    for (index, pair) in releases.windows(2).enumerate() {
        let (newer, older) = (&pair[0], &pair[1]);
        if newer.hashes.is_empty() || older.hashes.is_empty() {
            continue;
        }
        let named: HashSet<ResourceName> = newer
            .changes
            .iter()
            .flat_map(|c| c.resources.iter().copied())
            .collect();
        for name in ResourceName::ALL {
            let changed = newer.hashes.get(&name) != older.hashes.get(&name);
            if changed && !named.contains(&name) {
                problems.push(descriptor_problem(
                    format!("$.releases[{index}].changes"),
                    format!(
                        "'{}' changed between {} and {} but no change of {} names it",
                        name.as_str(),
                        older.version,
                        newer.version,
                        newer.version
                    ),
                ));
            }
            if !changed && named.contains(&name) {
                problems.push(descriptor_problem(
                    format!("$.releases[{index}].changes"),
                    format!(
                        "a change of {} names '{}', but its hash is the same as in {}",
                        newer.version,
                        name.as_str(),
                        older.version
                    ),
                ));
            }
        }
    }
}

fn check_sources(
    descriptor: Option<&PackageDescriptor>,
    sources: &[Source],
    problems: &mut Vec<Problem>,
) {
    let file = "sources.json";
    let problem = |path: String, message: String| Problem {
        file: file.into(),
        path,
        message,
    };
    for (index, source) in sources.iter().enumerate() {
        let at = |field: &str| format!("$[{index}].{field}");
        let Some(accessed) = source.accessed else {
            problems.push(problem(
                at("accessed"),
                format!(
                    "source '{}' has no access date: give the day it was read (YYYY-MM-DD); public/data/README.md says how sources are dated",
                    source.id
                ),
            ));
            continue;
        };
        if !is_day(accessed) {
            problems.push(problem(
                at("accessed"),
                "an access date is a day (YYYY-MM-DD)".into(),
            ));
        }
        if let Some(published) = source.published {
            if span(accessed).1 < span(published).0 {
                problems.push(problem(
                    at("accessed"),
                    format!("accessed {accessed}, before the source was published ({published})"),
                ));
            }
        }
        if let Some(descriptor) = descriptor {
            if span(accessed).0 > span(descriptor.review.reviewed).1 {
                problems.push(problem(
                    at("accessed"),
                    format!(
                        "accessed {accessed}, after the package's review ({})",
                        descriptor.review.reviewed
                    ),
                ));
            }
            if let Some(published) = source.published {
                if span(published).0 > span(descriptor.review.research_cutoff).1 {
                    problems.push(problem(
                        at("published"),
                        format!(
                            "published {published}, after the research cut-off ({}) in datapackage.json; move the cut-off",
                            descriptor.review.research_cutoff
                        ),
                    ));
                }
            }
        }
        if let Some(tag) = &source.title_language {
            if !crate::validate::is_language_tag(tag) {
                problems.push(problem(
                    at("title_language"),
                    format!("'{tag}' is not a language tag like 'az' or 'en'"),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped_descriptor() -> PackageDescriptor {
        crate::validate::parse_json(
            "datapackage.json",
            include_bytes!("../../../public/data/datapackage.json"),
        )
        .expect("the shipped descriptor parses")
    }

    #[test]
    fn pages_show_the_review_date_and_the_research_cut_off_in_both_languages() {
        let mut descriptor = shipped_descriptor();
        descriptor.review.reviewed = PartialDate::parse("2026-12-05").unwrap();
        descriptor.review.research_cutoff = PartialDate::parse("2026-03").unwrap();
        assert_eq!(
            review_line(&descriptor, Locale::En),
            "Data reviewed on 5 December 2026. The research covers sources published up to March 2026."
        );
        assert_eq!(
            review_line(&descriptor, Locale::Az),
            "Məlumatların yoxlanma tarixi: 5 dekabr 2026. Araşdırma mart 2026-dək dərc olunmuş mənbələri əhatə edir."
        );
    }

    #[test]
    fn stamping_records_hashes_only_in_a_release_that_has_none() {
        let mut descriptor = shipped_descriptor();
        let recorded = descriptor.releases[0].hashes.clone();
        assert!(!record_release_hashes(&mut descriptor));
        assert_eq!(descriptor.releases[0].hashes, recorded);
        descriptor.releases[0].hashes.clear();
        assert!(record_release_hashes(&mut descriptor));
        assert_eq!(
            descriptor.releases[0].hashes.len(),
            descriptor.resources.len()
        );
    }

    #[test]
    fn the_changelog_lists_every_release_newest_first() {
        let descriptor = shipped_descriptor();
        let text = changelog_markdown(&descriptor);
        let positions: Vec<usize> = descriptor
            .releases
            .iter()
            .filter_map(|r| text.find(&format!("## {} ", r.version)))
            .collect();
        assert_eq!(positions.len(), descriptor.releases.len());
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
        assert!(text.contains("**Corrected**") && text.contains("**Düzəldilib**"));
    }

    #[test]
    fn versions_are_three_plain_numbers() {
        assert_eq!(parse_version("1.10.0"), Some((1, 10, 0)));
        assert!(parse_version("1.2.0") > parse_version("1.1.9"));
        for bad in [
            "", "1", "1.2", "1.2.3.4", "v1.2.3", "01.2.3", "1.2.x", "1..3",
        ] {
            assert_eq!(parse_version(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_partial_date_spans_its_month_or_year() {
        let date = |t: &str| PartialDate::parse(t).unwrap();
        assert_eq!(span(date("2026-03")), ((2026, 3, 1), (2026, 3, 31)));
        assert_eq!(span(date("2024")), ((2024, 1, 1), (2024, 12, 31)));
        assert_eq!(span(date("2024-02")).1, (2024, 2, 29));
    }

    #[test]
    fn created_is_a_utc_time() {
        assert!(is_utc_timestamp("2026-11-27T04:06:50Z"));
        assert!(is_utc_timestamp("2026-11-27T04:06:50.123Z"));
        for bad in [
            "2026-11-27",
            "2026-11-27T04:06:50+04:00",
            "2026-11-27T24:00:00Z",
            "x",
        ] {
            assert!(!is_utc_timestamp(bad), "{bad}");
        }
    }
}
