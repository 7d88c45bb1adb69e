//! Checks a data package for structure and meaning, and reports every problem with
//! the file and JSON path where it sits.
//!
//! Structure is checked by parsing into the typed model ([`parse_json`]: unknown fields,
//! unknown units, bad dates and wrong types fail there, one problem per file since parsing
//! stops at the first). Meaning is checked on whatever parsed by the [`Checker`], whose
//! methods each resource's `Resource::check` calls. `registry::validate_package` reads a
//! whole package and runs both.

use crate::figure::{Figure, Unit};
#[cfg(feature = "validate")]
use crate::package::{sha256_hash, PackageDescriptor, ResourceName};
use crate::resources::*;
use crate::text::Text;
use serde::de::DeserializeOwned;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One thing wrong with the package, located precisely enough to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: String,
    /// A JSON path from the file's root, e.g. `$[3].figures[0].sources[1]`.
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

pub const DESCRIPTOR_FILE: &str = "datapackage.json";

/// Largest resource the portal accepts; a bigger file is refused before parsing.
pub const MAX_RESOURCE_BYTES: usize = 4 * 1024 * 1024;

/// Parses one file into `T`, naming the JSON path of the first structural problem.
pub fn parse_json<T: DeserializeOwned>(file: &str, bytes: &[u8]) -> Result<T, Problem> {
    let problem = |path: String, message: String| Problem {
        file: file.to_string(),
        path,
        message,
    };
    if bytes.len() > MAX_RESOURCE_BYTES {
        return Err(problem(
            "$".into(),
            format!(
                "the file has {} bytes, more than the {} allowed",
                bytes.len(),
                MAX_RESOURCE_BYTES
            ),
        ));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Err(problem(
            "$".into(),
            "the file starts with a byte order mark; save it as UTF-8 without BOM".into(),
        ));
    }
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    // The JSON path of a structural problem is for the validator's report; the browser
    // parses files the validator passed, and says where by line and column, without the
    // code that tracks paths.
    #[cfg(feature = "validate")]
    let value = serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        let path = json_path(&error.path().to_string());
        problem(path, error.into_inner().to_string())
    })?;
    #[cfg(not(feature = "validate"))]
    let value = serde::Deserialize::deserialize(&mut deserializer)
        .map_err(|error: serde_json::Error| problem("$".into(), error.to_string()))?;
    deserializer
        .end()
        .map_err(|error| problem("$".into(), error.to_string()))?;
    Ok(value)
}

/// serde_path_to_error writes `a[0].b`, or `.` for the root; we write `$.a[0].b`.
#[cfg(feature = "validate")]
fn json_path(raw: &str) -> String {
    match raw {
        "" | "." => "$".to_string(),
        _ if raw.starts_with('[') => format!("${raw}"),
        _ => format!("$.{raw}"),
    }
}

/// The descriptor's own checks, and each listed file's size and hash against `files`.
#[cfg(feature = "validate")]
pub(crate) fn check_descriptor(
    descriptor: &PackageDescriptor,
    files: &HashMap<ResourceName, Vec<u8>>,
    problems: &mut Vec<Problem>,
) {
    let mut push = |path: String, message: String| {
        problems.push(Problem {
            file: DESCRIPTOR_FILE.into(),
            path,
            message,
        })
    };
    for (field, value) in [
        ("name", &descriptor.name),
        ("title", &descriptor.title),
        ("description", &descriptor.description),
        ("version", &descriptor.version),
        ("translations.az.title", &descriptor.translations.az.title),
        (
            "translations.az.description",
            &descriptor.translations.az.description,
        ),
    ] {
        if value.trim().is_empty() {
            push(format!("$.{field}"), "must not be empty".into());
        }
    }
    if descriptor.licenses.is_empty() {
        push(
            "$.licenses".into(),
            "the package must state a licence".into(),
        );
    }
    let mut seen = HashSet::new();
    for (index, resource) in descriptor.resources.iter().enumerate() {
        let at = |field: &str| format!("$.resources[{index}].{field}");
        if !seen.insert(resource.name) {
            push(
                at("name"),
                format!("resource '{}' is listed twice", resource.name.as_str()),
            );
        }
        if resource.path != resource.name.file_name() {
            push(
                at("path"),
                format!("expected '{}'", resource.name.file_name()),
            );
        }
        if resource.json_schema != resource.name.schema_path() {
            push(
                at("jsonSchema"),
                format!("expected '{}'", resource.name.schema_path()),
            );
        }
        for (field, value, expected) in [
            ("format", &resource.format, "json"),
            ("mediatype", &resource.mediatype, "application/json"),
            ("encoding", &resource.encoding, "utf-8"),
        ] {
            if value != expected {
                push(at(field), format!("expected '{expected}', found '{value}'"));
            }
        }
        for (field, value) in [
            ("title", &resource.title),
            ("description", &resource.description),
            ("translations.az.title", &resource.translations.az.title),
            (
                "translations.az.description",
                &resource.translations.az.description,
            ),
        ] {
            if value.trim().is_empty() {
                push(at(field), "must not be empty".into());
            }
        }
        if resource.licenses.is_empty() {
            push(at("licenses"), "the resource must state a licence".into());
        }
        if let Some(bytes) = files.get(&resource.name) {
            let actual = sha256_hash(bytes);
            if resource.hash != actual {
                push(
                    at("hash"),
                    format!(
                        "{} has {actual} but the descriptor says {}; if the change is intended, run `cargo run -p klaster-publish -- stamp public/data`",
                        resource.path, resource.hash
                    ),
                );
            }
            if resource.bytes != bytes.len() as u64 {
                push(
                    at("bytes"),
                    format!(
                        "{} has {} bytes but the descriptor says {}",
                        resource.path,
                        bytes.len(),
                        resource.bytes
                    ),
                );
            }
        }
    }
    for name in ResourceName::ALL {
        if !seen.contains(&name) {
            push(
                "$.resources".into(),
                format!("resource '{}' is missing", name.as_str()),
            );
        }
    }
}

/// Where a record with an id was first seen.
struct Place {
    file: String,
    path: String,
}

/// Walks the typed resources and collects every problem of meaning. Its public methods
/// check the parts a resource is made of (ids, texts, figures, events, source lists);
/// a resource's `Resource::check` calls them on each of its records.
pub struct Checker {
    pub(crate) problems: Vec<Problem>,
    ids: HashMap<String, Place>,
    source_ids: Option<HashSet<String>>,
    actor_ids: Option<HashSet<String>>,
    /// Figure ids each figure says it conflicts with, checked once all figures are known.
    conflicts: Vec<(String, Place)>,
    figure_ids: HashSet<String>,
}

// Only the validator creates a checker; the browser build carries the type, not its use.
#[cfg_attr(not(feature = "validate"), allow(dead_code))]
impl Checker {
    pub(crate) fn new(sources: Option<&[Source]>, accession: Option<&Accession>) -> Self {
        Checker {
            problems: Vec::new(),
            ids: HashMap::new(),
            source_ids: sources.map(|s| s.iter().map(|s| s.id.clone()).collect()),
            actor_ids: accession.map(|a| a.actors.iter().map(|a| a.id.clone()).collect()),
            conflicts: Vec::new(),
            figure_ids: HashSet::new(),
        }
    }

    pub fn problem(&mut self, file: &str, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            file: file.into(),
            path: path.into(),
            message: message.into(),
        });
    }

    pub fn id(&mut self, file: &str, path: &str, id: &str) {
        let at = format!("{path}.id");
        if !is_valid_id(id) {
            self.problem(
                file,
                &at,
                format!("id '{id}' must be lowercase letters and digits joined by single hyphens"),
            );
        }
        if let Some(first) = self.ids.get(id) {
            let message = format!(
                "duplicate id '{id}': already used at {}: {}",
                first.file, first.path
            );
            self.problem(file, &at, message);
        } else {
            self.ids.insert(
                id.to_string(),
                Place {
                    file: file.into(),
                    path: at,
                },
            );
        }
    }

    /// Every id the package has, once checked.
    pub(crate) fn known_ids(&self) -> HashSet<&str> {
        self.ids.keys().map(String::as_str).collect()
    }

    pub fn text(&mut self, file: &str, path: &str, text: &Text) {
        self.wording(file, path, text);
        if text.az.trim().is_empty() {
            self.problem(
                file,
                &format!("{path}.az"),
                "the Azerbaijani text is missing or empty",
            );
        }
        if text.en.trim().is_empty() {
            self.problem(
                file,
                &format!("{path}.en"),
                "the English text is missing or empty",
            );
        }
    }

    /// Numbers, suffixes and terms as `public/data/TERMINOLOGY.md` writes them.
    fn wording(&mut self, file: &str, path: &str, text: &Text) {
        for locale in crate::text::Locale::ALL {
            for message in crate::wording::style_problems(text.get(locale), locale) {
                self.problem(file, &format!("{path}.{}", locale.tag()), message);
            }
        }
    }

    pub fn source_list(&mut self, file: &str, path: &str, sources: &[String], required: bool) {
        if required && sources.is_empty() {
            self.problem(file, path, "at least one source is required");
        }
        let Some(known) = &self.source_ids else {
            return;
        };
        let unknown: Vec<(usize, String)> = sources
            .iter()
            .enumerate()
            .filter(|(_, id)| !known.contains(*id))
            .map(|(i, id)| (i, id.clone()))
            .collect();
        for (index, id) in unknown {
            self.problem(
                file,
                &format!("{path}[{index}]"),
                format!("unknown source id '{id}': it is not in sources.json"),
            );
        }
    }

    pub fn actor(&mut self, file: &str, path: &str, actor: &str) {
        if let Some(known) = &self.actor_ids {
            if !known.contains(actor) {
                self.problem(
                    file,
                    path,
                    format!("unknown actor id '{actor}': it is not in accession.json actors"),
                );
            }
        }
    }

    pub fn figure<M>(&mut self, file: &str, path: &str, figure: &Figure<M>) {
        self.id(file, path, &figure.id);
        self.figure_ids.insert(figure.id.clone());
        self.text(file, &format!("{path}.label"), &figure.label);
        if let Some(note) = &figure.note {
            self.text(file, &format!("{path}.note"), note);
        }
        self.source_list(file, &format!("{path}.sources"), &figure.sources, true);
        let at_value = format!("{path}.value");
        if !figure.value.is_finite() {
            self.problem(file, &at_value, "the value must be a finite number");
        } else if is_count(figure.unit) && (figure.value < 0.0 || figure.value.fract() != 0.0) {
            self.problem(
                file,
                &at_value,
                format!(
                    "a count of {:?} must be a whole number of zero or more, found {}",
                    figure.unit, figure.value
                ),
            );
        } else if figure.unit == Unit::Percent && !(-100.0..=1000.0).contains(&figure.value) {
            self.problem(
                file,
                &at_value,
                format!("{} is not a plausible percentage", figure.value),
            );
        }
        for (index, other) in figure.conflicts_with.iter().enumerate() {
            self.conflicts.push((
                other.clone(),
                Place {
                    file: file.into(),
                    path: format!("{path}.conflicts_with[{index}]"),
                },
            ));
            if *other == figure.id {
                self.problem(
                    file,
                    &format!("{path}.conflicts_with[{index}]"),
                    "a figure cannot conflict with itself",
                );
            }
        }
    }

    pub fn event(&mut self, file: &str, path: &str, event: &TimelineEvent) {
        self.id(file, path, &event.id);
        self.text(file, &format!("{path}.title"), &event.title);
        self.text(file, &format!("{path}.description"), &event.description);
        if let Some(note) = &event.note {
            self.text(file, &format!("{path}.note"), note);
        }
        if let Some(end) = event.end {
            if end < event.date {
                self.problem(
                    file,
                    &format!("{path}.end"),
                    format!("ends ({end}) before it starts ({})", event.date),
                );
            }
        }
        for (index, actor) in event.actors.iter().enumerate() {
            self.actor(file, &format!("{path}.actors[{index}]"), actor);
        }
        self.source_list(file, &format!("{path}.sources"), &event.sources, true);
    }

    pub(crate) fn sources(&mut self, sources: &[Source]) {
        let file = "sources.json";
        for (index, source) in sources.iter().enumerate() {
            let path = format!("$[{index}]");
            self.id(file, &path, &source.id);
            for (field, value) in [("title", &source.title), ("publisher", &source.publisher)] {
                if value.trim().is_empty() {
                    self.problem(file, &format!("{path}.{field}"), "must not be empty");
                }
            }
            if !(source.url.starts_with("https://") || source.url.starts_with("http://"))
                || source.url.contains(char::is_whitespace)
            {
                self.problem(
                    file,
                    &format!("{path}.url"),
                    format!("'{}' is not an http(s) address", source.url),
                );
            }
            if !is_language_tag(&source.language) {
                self.problem(
                    file,
                    &format!("{path}.language"),
                    format!(
                        "'{}' is not a language tag like 'az' or 'en'",
                        source.language
                    ),
                );
            }
            if let Some(note) = &source.note {
                self.text(file, &format!("{path}.note"), note);
            }
        }
    }

    pub(crate) fn milestones(&mut self, milestones: &[Milestone]) {
        let file = "milestones.json";
        for (index, milestone) in milestones.iter().enumerate() {
            let path = format!("$[{index}]");
            self.id(file, &path, &milestone.id);
            self.text(file, &format!("{path}.title"), &milestone.title);
            self.text(file, &format!("{path}.summary"), &milestone.summary);
            self.source_list(file, &format!("{path}.sources"), &milestone.sources, true);
            for (f, figure) in milestone.figures.iter().enumerate() {
                self.figure(file, &format!("{path}.figures[{f}]"), figure);
            }
        }
        for (first, pair) in milestones.windows(2).enumerate() {
            if pair[1].date < pair[0].date {
                let index = first + 1;
                self.problem(
                    file,
                    &format!("$[{index}].date"),
                    "milestones must be in date order",
                );
            }
        }
    }

    pub(crate) fn clusters(&mut self, registry: &ClusterRegistry) {
        let file = "clusters.json";
        let mut codes = HashSet::new();
        for (index, country) in registry.countries.iter().enumerate() {
            let path = format!("$.countries[{index}]");
            if country.code.len() != 2 || !country.code.bytes().all(|b| b.is_ascii_uppercase()) {
                self.problem(
                    file,
                    &format!("{path}.code"),
                    format!("'{}' is not an ISO 3166-1 alpha-2 code", country.code),
                );
            }
            if country.iso_numeric.len() != 3
                || !country.iso_numeric.bytes().all(|b| b.is_ascii_digit())
            {
                self.problem(
                    file,
                    &format!("{path}.iso_numeric"),
                    format!(
                        "'{}' is not a three-digit ISO 3166-1 numeric code",
                        country.iso_numeric
                    ),
                );
            }
            if !codes.insert(country.code.clone()) {
                self.problem(
                    file,
                    &format!("{path}.code"),
                    format!("country '{}' is listed twice", country.code),
                );
            }
            self.text(file, &format!("{path}.name"), &country.name);
        }
        for (index, cluster) in registry.clusters.iter().enumerate() {
            let path = format!("$.clusters[{index}]");
            self.id(file, &path, &cluster.id);
            self.text(file, &format!("{path}.name"), &cluster.name);
            self.text(file, &format!("{path}.sector"), &cluster.sector);
            if let Some(note) = &cluster.note {
                self.text(file, &format!("{path}.note"), note);
            }
            if !codes.contains(&cluster.country) {
                self.problem(
                    file,
                    &format!("{path}.country"),
                    format!(
                        "unknown country '{}': it is not in countries",
                        cluster.country
                    ),
                );
            }
            self.source_list(file, &format!("{path}.sources"), &cluster.sources, true);
        }
        for (index, group) in registry.unidentified.iter().enumerate() {
            let path = format!("$.unidentified[{index}]");
            self.id(file, &path, &group.id);
            self.text(file, &format!("{path}.note"), &group.note);
            if group.count == 0 {
                self.problem(
                    file,
                    &format!("{path}.count"),
                    "an unidentified group counts at least one cluster",
                );
            }
            self.source_list(file, &format!("{path}.sources"), &group.sources, true);
        }
    }

    pub(crate) fn accession(&mut self, accession: &Accession) {
        let file = "accession.json";
        for (index, actor) in accession.actors.iter().enumerate() {
            let path = format!("$.actors[{index}]");
            self.id(file, &path, &actor.id);
            self.text(file, &format!("{path}.name"), &actor.name);
            self.text(file, &format!("{path}.role"), &actor.role);
            self.source_list(file, &format!("{path}.sources"), &actor.sources, true);
        }
        for (index, event) in accession.events.iter().enumerate() {
            self.event(file, &format!("$.events[{index}]"), event);
        }
    }

    pub(crate) fn nextgen(&mut self, cluster: &NextGenCluster) {
        let file = "nextgen.json";
        self.text(file, "$.name", &cluster.name);
        self.text(file, "$.location", &cluster.location);
        for (index, aim) in cluster.aims.iter().enumerate() {
            self.text(file, &format!("$.aims[{index}]"), aim);
        }
        self.source_list(file, "$.sources", &cluster.sources, true);
        for (index, partner) in cluster.partners.iter().enumerate() {
            let path = format!("$.partners[{index}]");
            self.actor(file, &format!("{path}.actor"), &partner.actor);
            self.text(
                file,
                &format!("{path}.role_in_cluster"),
                &partner.role_in_cluster,
            );
            for (p, product) in partner.products.iter().enumerate() {
                self.text(file, &format!("{path}.products[{p}]"), product);
            }
            for (f, figure) in partner.figures.iter().enumerate() {
                self.figure(file, &format!("{path}.figures[{f}]"), figure);
            }
            for (e, event) in partner.events.iter().enumerate() {
                self.event(file, &format!("{path}.events[{e}]"), event);
            }
        }
        for (index, step) in cluster.value_chain.iter().enumerate() {
            let path = format!("$.value_chain[{index}]");
            self.id(file, &path, &step.id);
            self.text(file, &format!("{path}.input"), &step.input);
            self.text(file, &format!("{path}.output"), &step.output);
            self.text(file, &format!("{path}.note"), &step.note);
            if let Some(actor) = &step.actor {
                self.actor(file, &format!("{path}.actor"), actor);
            }
            self.source_list(file, &format!("{path}.sources"), &step.sources, true);
        }
        for (index, item) in cluster.not_published.iter().enumerate() {
            let path = format!("$.not_published[{index}]");
            self.id(file, &path, &item.id);
            self.text(file, &format!("{path}.topic"), &item.topic);
            self.text(file, &format!("{path}.note"), &item.note);
        }
    }

    pub(crate) fn park(&mut self, park: &IndustrialPark) {
        let file = "park.json";
        self.text(file, "$.name", &park.name);
        self.text(file, "$.location", &park.location);
        for (index, figure) in park.figures.iter().enumerate() {
            self.figure(file, &format!("$.figures[{index}]"), figure);
        }
        for (index, event) in park.events.iter().enumerate() {
            self.event(file, &format!("$.events[{index}]"), event);
        }
    }

    pub(crate) fn climate(&mut self, climate: &ClimateContext) {
        let file = "climate.json";
        for (index, figure) in climate.figures.iter().enumerate() {
            self.figure(file, &format!("$.figures[{index}]"), figure);
        }
        let target_ids: HashSet<&str> = climate
            .targets
            .iter()
            .map(|t| t.figure.id.as_str())
            .collect();
        for (index, target) in climate.targets.iter().enumerate() {
            let path = format!("$.targets[{index}]");
            self.figure(file, &format!("{path}.figure"), &target.figure);
            if target.target_year <= target.base_year {
                self.problem(
                    file,
                    &format!("{path}.target_year"),
                    "the target year must come after the base year",
                );
            }
            if let Some(next) = &target.superseded_by {
                if !target_ids.contains(next.as_str()) {
                    self.problem(
                        file,
                        &format!("{path}.superseded_by"),
                        format!("unknown target '{next}'"),
                    );
                }
            }
        }
        for (index, event) in climate.events.iter().enumerate() {
            self.event(file, &format!("$.events[{index}]"), event);
        }
    }

    pub(crate) fn glossary(&mut self, glossary: &[GlossaryEntry]) {
        let file = "glossary.json";
        for (index, entry) in glossary.iter().enumerate() {
            let path = format!("$[{index}]");
            self.id(file, &path, &entry.id);
            self.text(file, &format!("{path}.term"), &entry.term);
            self.text(file, &format!("{path}.definition"), &entry.definition);
            self.source_list(file, &format!("{path}.sources"), &entry.sources, false);
        }
    }

    pub(crate) fn world_map(&mut self, map: &WorldMap) {
        let file = "world-map.json";
        for (field, value) in [("source", &map.source), ("source_url", &map.source_url)] {
            if value.trim().is_empty() {
                self.problem(file, &format!("$.{field}"), "must not be empty");
            }
        }
        if !map.source_url.starts_with("https://") && !map.source_url.starts_with("http://") {
            self.problem(
                file,
                "$.source_url",
                format!("'{}' is not an http(s) address", map.source_url),
            );
        }
        self.text(file, "$.attribution", &map.attribution);
        if map.units_per_degree == 0 {
            self.problem(file, "$.units_per_degree", "must be at least 1");
        }
        if map.countries.is_empty() {
            self.problem(file, "$.countries", "the map has no countries");
        }
        let unit = i64::from(map.units_per_degree);
        let mut codes = HashSet::new();
        for (index, country) in map.countries.iter().enumerate() {
            let path = format!("$.countries[{index}]");
            if let Some(code) = &country.iso_numeric {
                if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_digit()) {
                    self.problem(
                        file,
                        &format!("{path}.iso_numeric"),
                        format!("'{code}' is not a three-digit ISO 3166-1 numeric code"),
                    );
                } else if !codes.insert(code.as_str()) {
                    self.problem(
                        file,
                        &format!("{path}.iso_numeric"),
                        format!("country '{code}' is listed twice"),
                    );
                }
            }
            if country
                .name_en
                .as_ref()
                .is_some_and(|n| n.trim().is_empty())
            {
                self.problem(file, &format!("{path}.name_en"), "must not be empty");
            }
            if country.rings.is_empty() {
                self.problem(
                    file,
                    &format!("{path}.rings"),
                    "a country needs at least one ring",
                );
            }
            for (field, rings) in [("rings", &country.rings), ("holes", &country.holes)] {
                for (r, ring) in rings.iter().enumerate() {
                    if let Some(message) = ring_problem(ring, unit) {
                        self.problem(file, &format!("{path}.{field}[{r}]"), message);
                    }
                }
            }
        }
    }

    pub(crate) fn cross_references(&mut self) {
        let conflicts = std::mem::take(&mut self.conflicts);
        for (other, place) in conflicts {
            if !self.figure_ids.contains(&other) {
                self.problem(
                    &place.file,
                    &place.path,
                    format!("unknown figure id '{other}'"),
                );
            }
        }
    }
}

fn is_count(unit: Unit) -> bool {
    matches!(
        unit,
        Unit::Clusters
            | Unit::Countries
            | Unit::Organisations
            | Unit::Companies
            | Unit::Enterprises
            | Unit::Jobs
            | Unit::People
            | Unit::Grades
    )
}

/// What is wrong with a map ring of `[x, y]` points at `unit` units per degree: too few
/// points, a point off the globe, or a point repeated next to itself.
fn ring_problem(ring: &[[i32; 2]], unit: i64) -> Option<String> {
    if ring.len() < 3 {
        return Some(format!(
            "a ring needs at least three points, this one has {}",
            ring.len()
        ));
    }
    let (max_x, max_y) = (180 * unit, 90 * unit);
    for (index, [x, y]) in ring.iter().enumerate() {
        if i64::from(*x).abs() > max_x || i64::from(*y).abs() > max_y {
            return Some(format!(
                "point {index} [{x}, {y}] is outside ±{max_x} (longitude) and ±{max_y} (latitude)"
            ));
        }
    }
    let last = ring.len() - 1;
    for index in 0..ring.len() {
        let next = if index == last { 0 } else { index + 1 };
        if ring[index] == ring[next] {
            return Some(format!(
                "point {next} repeats point {index}; a ring closes itself, so do not repeat the first point"
            ));
        }
    }
    None
}

pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

pub(crate) fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts
            .all(|p| !p.is_empty() && p.len() <= 8 && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_lowercase_hyphenated() {
        assert!(is_valid_id("tic-2024-01-clusters"));
        for bad in ["", "Tic", "a--b", "-a", "a-", "a_b", "a b", "ə"] {
            assert!(!is_valid_id(bad), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn map_rings_must_be_on_the_globe_and_not_repeat_points() {
        assert_eq!(ring_problem(&[[0, 0], [10, 0], [10, 10]], 10), None);
        assert!(ring_problem(&[[0, 0], [10, 0]], 10)
            .unwrap()
            .contains("at least three"));
        assert!(ring_problem(&[[0, 0], [1801, 0], [10, 10]], 10)
            .unwrap()
            .contains("outside"));
        assert!(ring_problem(&[[0, 0], [0, 901], [10, 10]], 10)
            .unwrap()
            .contains("outside"));
        assert!(ring_problem(&[[0, 0], [10, 0], [10, 10], [0, 0]], 10)
            .unwrap()
            .contains("do not repeat the first point"));
    }

    #[test]
    fn language_tags() {
        assert!(is_language_tag("az"));
        assert!(is_language_tag("en-GB"));
        assert!(!is_language_tag("English"));
        assert!(!is_language_tag(""));
    }

    #[test]
    fn structural_errors_name_the_json_path() {
        let error = parse_json::<Vec<GlossaryEntry>>(
            "glossary.json",
            br#"[{"id":"a","term":{"az":"x","en":"y"},"definition":{"az":"x","en":"y"},"colour":1}]"#,
        )
        .unwrap_err();
        assert_eq!(error.file, "glossary.json");
        assert_eq!(error.path, "$[0].colour");
        assert!(
            error.message.contains("unknown field `colour`"),
            "{}",
            error.message
        );
    }

    #[test]
    fn a_byte_order_mark_is_refused_with_a_reason() {
        let error =
            parse_json::<Vec<GlossaryEntry>>("glossary.json", b"\xEF\xBB\xBF[]").unwrap_err();
        assert!(error.message.contains("byte order mark"));
    }

    #[test]
    fn trailing_garbage_is_refused() {
        assert!(parse_json::<Vec<GlossaryEntry>>("glossary.json", b"[] []").is_err());
    }
}
