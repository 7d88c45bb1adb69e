//! Every resource of the data package in one place. A resource is a Rust type that
//! implements [`Resource`]: its name (which is also its file), how its meaning is checked
//! and its CSV table. [`ResourceName::visit`] is the one table from name to type: the
//! validator, the publisher (schemas, CSV), the fuzz target and the decode benchmark go
//! through it with [`for_each_resource`] and never name a resource type themselves.
//!
//! [`Resources`] holds parsed resources, any subset of the package: the browser fetches
//! only what a chart reads, the publisher has the whole [`Package`]. Asking a set for a
//! resource it lacks names that resource ([`Missing`]).
//!
//! Adding a resource touches three files besides the data: its type and its
//! `ResourceName` variant in `resources.rs`, its `Resource` impl and its arm of
//! `ResourceName::visit` here, and its checks (a `Checker` method) in `validate.rs`. Then
//! list it in `datapackage.json` and run `klaster-publish stamp`, which writes its schema
//! and CSV file.

use crate::csv::{self, Table, FIGURE_HEADER};
use crate::figure::Figure;
use crate::package::PackageDescriptor;
use crate::resources::*;
#[cfg(feature = "validate")]
use crate::validate::{check_descriptor, DESCRIPTOR_FILE};
use crate::validate::{parse_json, Checker, Problem};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::any::Any;
use std::collections::BTreeMap;
#[cfg(feature = "validate")]
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

/// One resource of the package: the Rust type its file parses into.
pub trait Resource:
    Serialize
    + DeserializeOwned
    + Clone
    + PartialEq
    + fmt::Debug
    + Send
    + Sync
    + 'static
    + JsonSchemaIfEnabled
{
    /// Its name in `datapackage.json`, which is also its file stem.
    const NAME: ResourceName;

    /// Checks what parsing cannot (ids, both languages, sources that resolve, ...) and
    /// reports every problem to `checker`.
    fn check(&self, checker: &mut Checker);

    /// Calls `cite` with the id and source ids of each record that names its sources, so
    /// a chart's table can say where each value comes from.
    fn citations(&self, cite: &mut dyn FnMut(&str, &[String]));

    /// Calls `each` with every figure the resource holds, in the order of its file, and
    /// the actor it is about where the resource says so (a NextGen partner), so the
    /// figure pages and the finder can list every figure without knowing where each lives.
    fn figures(&self, _each: &mut dyn FnMut(Figure<()>, Option<&str>)) {}

    /// Its CSV download.
    fn table(&self) -> Table;
}

/// `schemars::JsonSchema` when the `schema` feature is on, so the publisher can generate
/// each resource's schema; nothing otherwise, so the browser's build has no schema code.
#[cfg(feature = "schema")]
pub trait JsonSchemaIfEnabled: schemars::JsonSchema {}
#[cfg(feature = "schema")]
impl<T: schemars::JsonSchema> JsonSchemaIfEnabled for T {}
#[cfg(not(feature = "schema"))]
pub trait JsonSchemaIfEnabled {}
#[cfg(not(feature = "schema"))]
impl<T> JsonSchemaIfEnabled for T {}

/// Work done once per resource type: [`for_each_resource`] calls `visit::<R>()` for
/// every registered `R`, and [`ResourceName::visit`] for the one a name stands for.
pub trait EachResource {
    fn visit<R: Resource>(&mut self);
}

impl ResourceName {
    /// Calls `visitor` with this resource's Rust type: the registry's table from name to
    /// type, and the only one.
    pub fn visit(self, visitor: &mut impl EachResource) {
        match self {
            ResourceName::Milestones => visitor.visit::<Vec<Milestone>>(),
            ResourceName::Clusters => visitor.visit::<ClusterRegistry>(),
            ResourceName::Accession => visitor.visit::<Accession>(),
            ResourceName::Nextgen => visitor.visit::<NextGenCluster>(),
            ResourceName::Park => visitor.visit::<IndustrialPark>(),
            ResourceName::Climate => visitor.visit::<ClimateContext>(),
            ResourceName::Glossary => visitor.visit::<Vec<GlossaryEntry>>(),
            ResourceName::Sources => visitor.visit::<Vec<Source>>(),
            ResourceName::WorldMap => visitor.visit::<WorldMap>(),
        }
    }
}

/// Visits every registered resource type, in the order of [`ResourceName::ALL`].
pub fn for_each_resource(visitor: &mut impl EachResource) {
    for name in ResourceName::ALL {
        name.visit(visitor);
    }
}

/// A resource a set was asked for but does not hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Missing(pub ResourceName);

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the resource '{}' is missing", self.0.as_str())
    }
}

impl std::error::Error for Missing {}

/// A parsed resource of any type, and what a set does with each of them. The checks of
/// meaning and the CSV tables are there only with the feature `validate` (the validator,
/// the publisher): the browser parses what the validator already passed, so its build
/// carries neither.
trait Stored: Any + Send + Sync {
    #[cfg(feature = "validate")]
    fn check_meaning(&self, checker: &mut Checker);
    #[cfg(feature = "validate")]
    fn csv_table(&self) -> Table;
    fn cited(&self, cite: &mut dyn FnMut(&str, &[String]));
    fn listed(&self, each: &mut dyn FnMut(Figure<()>, Option<&str>));
    fn same_as(&self, other: &dyn Stored) -> bool;
}

impl<R: Resource> Stored for R {
    #[cfg(feature = "validate")]
    fn check_meaning(&self, checker: &mut Checker) {
        self.check(checker);
    }

    #[cfg(feature = "validate")]
    fn csv_table(&self) -> Table {
        self.table()
    }

    fn cited(&self, cite: &mut dyn FnMut(&str, &[String])) {
        self.citations(cite);
    }

    fn listed(&self, each: &mut dyn FnMut(Figure<()>, Option<&str>)) {
        self.figures(each);
    }

    fn same_as(&self, other: &dyn Stored) -> bool {
        let other: &dyn Any = other;
        other.downcast_ref::<R>() == Some(self)
    }
}

/// Parsed resources, any subset of the package, each under its name. Cloning a set
/// shares its values.
#[derive(Clone, Default)]
pub struct Resources {
    parsed: BTreeMap<ResourceName, Arc<dyn Stored>>,
}

impl Resources {
    pub fn new() -> Resources {
        Resources::default()
    }

    /// Adds `value`, replacing the resource of the same name if there was one.
    pub fn insert<R: Resource>(&mut self, value: R) {
        self.insert_shared(Arc::new(value));
    }

    /// Adds a value that is shared with others, such as a cache of fetched files.
    pub fn insert_shared<R: Resource>(&mut self, value: Arc<R>) {
        self.parsed.insert(R::NAME, value);
    }

    /// Parses `bytes` as the resource `name`, into the type the registry gives it, and
    /// adds it: the edge where a file becomes a typed value.
    pub fn parse(&mut self, name: ResourceName, bytes: &[u8]) -> Result<(), Problem> {
        struct Parse<'a> {
            bytes: &'a [u8],
            into: &'a mut Resources,
            result: Result<(), Problem>,
        }
        impl EachResource for Parse<'_> {
            fn visit<R: Resource>(&mut self) {
                self.result =
                    parse_json::<R>(&R::NAME.file_name(), self.bytes).map(|v| self.into.insert(v));
            }
        }
        let mut parse = Parse {
            bytes,
            into: self,
            result: Ok(()),
        };
        name.visit(&mut parse);
        parse.result
    }

    /// The resource of type `R`, or which one is missing.
    pub fn get<R: Resource>(&self) -> Result<&R, Missing> {
        self.parsed
            .get(&R::NAME)
            .and_then(|value| {
                let value: &dyn Any = &**value;
                value.downcast_ref::<R>()
            })
            .ok_or(Missing(R::NAME))
    }

    pub fn contains(&self, name: ResourceName) -> bool {
        self.parsed.contains_key(&name)
    }

    /// The names this set holds, in the order of [`ResourceName::ALL`].
    pub fn names(&self) -> impl Iterator<Item = ResourceName> + '_ {
        self.parsed.keys().copied()
    }

    /// The resources of `names` that this set holds, sharing their values.
    pub fn only(&self, names: &[ResourceName]) -> Resources {
        Resources {
            parsed: self
                .parsed
                .iter()
                .filter(|(name, _)| names.contains(name))
                .map(|(name, value)| (*name, value.clone()))
                .collect(),
        }
    }

    /// Calls `cite` with the id and source ids of every record in the set that names its
    /// sources.
    pub fn citations(&self, mut cite: impl FnMut(&str, &[String])) {
        for value in self.parsed.values() {
            value.cited(&mut cite);
        }
    }

    /// Calls `each` with every figure of the set, the resource it is in and the actor it
    /// is about (if any), in the order of [`ResourceName::ALL`] and then of each file.
    pub fn figures(&self, mut each: impl FnMut(ResourceName, Figure<()>, Option<&str>)) {
        for (name, value) in &self.parsed {
            value.listed(&mut |figure, about| each(*name, figure, about));
        }
    }

    /// The CSV table of each resource this set holds, in the order of
    /// [`ResourceName::ALL`].
    #[cfg(feature = "validate")]
    pub fn tables(&self) -> Vec<(ResourceName, Table)> {
        self.parsed
            .iter()
            .map(|(name, value)| (*name, value.csv_table()))
            .collect()
    }
}

/// The names a set holds: the values are large, and printing them all helps nobody.
impl fmt::Debug for Resources {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.parsed.keys()).finish()
    }
}

impl PartialEq for Resources {
    fn eq(&self, other: &Resources) -> bool {
        self.parsed.len() == other.parsed.len()
            && self.parsed.iter().all(|(name, value)| {
                other
                    .parsed
                    .get(name)
                    .is_some_and(|theirs| value.same_as(&**theirs))
            })
    }
}

/// The whole package, parsed and checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Package {
    pub descriptor: PackageDescriptor,
    /// Every registered resource, when [`validate_package`] made the package.
    pub resources: Resources,
}

/// The result of validating: every problem, and the package when nothing failed to parse.
#[cfg(feature = "validate")]
#[derive(Debug)]
pub struct Report {
    pub problems: Vec<Problem>,
    pub package: Option<Package>,
}

/// Validates the package whose files `read` returns by path relative to the package
/// folder (`datapackage.json`, `milestones.json`, ...).
///
/// Structure is checked by parsing into the typed model (unknown fields, unknown units,
/// bad dates and wrong types fail there, one problem per file since parsing stops at the
/// first). Meaning is checked on whatever parsed, and every problem is reported.
#[cfg(feature = "validate")]
pub fn validate_package(read: impl Fn(&str) -> Result<Vec<u8>, String>) -> Report {
    let mut problems = Vec::new();
    let descriptor_bytes = match read(DESCRIPTOR_FILE) {
        Ok(bytes) => bytes,
        Err(error) => {
            problems.push(Problem {
                file: DESCRIPTOR_FILE.into(),
                path: "$".into(),
                message: format!("cannot read the file: {error}"),
            });
            return Report {
                problems,
                package: None,
            };
        }
    };
    let descriptor: Option<PackageDescriptor> = parse_json(DESCRIPTOR_FILE, &descriptor_bytes)
        .map_err(|p| problems.push(p))
        .ok();

    let mut files: HashMap<ResourceName, Vec<u8>> = HashMap::new();
    for name in ResourceName::ALL {
        match read(&name.file_name()) {
            Ok(bytes) => {
                files.insert(name, bytes);
            }
            Err(error) => problems.push(Problem {
                file: name.file_name(),
                path: "$".into(),
                message: format!("cannot read the file: {error}"),
            }),
        }
    }
    if let Some(descriptor) = &descriptor {
        check_descriptor(descriptor, &files, &mut problems);
    }

    let mut resources = Resources::new();
    for name in ResourceName::ALL {
        if let Some(bytes) = files.get(&name) {
            if let Err(problem) = resources.parse(name, bytes) {
                problems.push(problem);
            }
        }
    }
    let checker = checked(&resources);
    // Releases: every change of a file's hash comes with a new release and its changelog
    // entry, naming only ids the package has; every source says when it was read.
    let known_ids = checker.known_ids();
    problems.extend(crate::release::check(
        descriptor.as_ref(),
        &files,
        &known_ids,
        resources.get::<Vec<Source>>().ok().map(Vec::as_slice),
    ));
    problems.extend(checker.problems);

    let complete = ResourceName::ALL
        .iter()
        .all(|name| resources.contains(*name));
    let package = descriptor.filter(|_| complete).map(|descriptor| Package {
        descriptor,
        resources,
    });
    Report { problems, package }
}

/// Every problem of meaning in `resources`, whichever of them are there: ids, texts and
/// sources of each, then the references between them.
#[cfg(feature = "validate")]
pub fn check_resources(resources: &Resources) -> Vec<Problem> {
    checked(resources).problems
}

#[cfg(feature = "validate")]
fn checked(resources: &Resources) -> Checker {
    let sources = resources.get::<Vec<Source>>().ok();
    let accession = resources.get::<Accession>().ok();
    let mut checker = Checker::new(sources.map(Vec::as_slice), accession);
    for value in resources.parsed.values() {
        value.check_meaning(&mut checker);
    }
    checker.cross_references();
    checker
}

// ---------------------------------------------------------------- the resources

impl Resource for Vec<Milestone> {
    const NAME: ResourceName = ResourceName::Milestones;

    fn check(&self, checker: &mut Checker) {
        checker.milestones(self);
    }

    fn citations(&self, cite: &mut dyn FnMut(&str, &[String])) {
        for milestone in self {
            cite(&milestone.id, &milestone.sources);
            for figure in &milestone.figures {
                cite(&figure.id, &figure.sources);
            }
        }
    }

    fn figures(&self, each: &mut dyn FnMut(Figure<()>, Option<&str>)) {
        for figure in self.iter().flat_map(|m| &m.figures) {
            each(figure.erased(), None);
        }
    }

    fn table(&self) -> Table {
        Table {
            header: FIGURE_HEADER.to_vec(),
            rows: self
                .iter()
                .flat_map(|m| m.figures.iter().map(move |f| csv::figure_row(&m.id, f)))
                .collect(),
        }
    }
}

impl Resource for ClusterRegistry {
    const NAME: ResourceName = ResourceName::Clusters;

    fn check(&self, checker: &mut Checker) {
        checker.clusters(self);
    }

    fn citations(&self, cite: &mut dyn FnMut(&str, &[String])) {
        for cluster in &self.clusters {
            cite(&cluster.id, &cluster.sources);
        }
        for group in &self.unidentified {
            cite(&group.id, &group.sources);
        }
    }

    fn table(&self) -> Table {
        Table {
            header: vec![
                "id",
                "count",
                "name_az",
                "name_en",
                "country",
                "joined",
                "sector_az",
                "sector_en",
                "confidence",
                "sources",
                "note_az",
                "note_en",
            ],
            rows: self
                .clusters
                .iter()
                .map(|c| {
                    let [name_az, name_en] = csv::both(&c.name);
                    let [sector_az, sector_en] = csv::both(&c.sector);
                    let [note_az, note_en] = csv::optional(&c.note);
                    vec![
                        c.id.clone(),
                        "1".into(),
                        name_az,
                        name_en,
                        c.country.clone(),
                        c.joined.to_string(),
                        sector_az,
                        sector_en,
                        csv::enum_name(&c.confidence),
                        c.sources.join(" "),
                        note_az,
                        note_en,
                    ]
                })
                .chain(self.unidentified.iter().map(|u| {
                    let [note_az, note_en] = csv::both(&u.note);
                    vec![
                        u.id.clone(),
                        u.count.to_string(),
                        String::new(),
                        String::new(),
                        String::new(),
                        u.joined.to_string(),
                        String::new(),
                        String::new(),
                        csv::enum_name(&u.confidence),
                        u.sources.join(" "),
                        note_az,
                        note_en,
                    ]
                }))
                .collect(),
        }
    }
}

impl Resource for Accession {
    const NAME: ResourceName = ResourceName::Accession;

    fn check(&self, checker: &mut Checker) {
        checker.accession(self);
    }

    fn citations(&self, cite: &mut dyn FnMut(&str, &[String])) {
        for actor in &self.actors {
            cite(&actor.id, &actor.sources);
        }
        for event in &self.events {
            cite(&event.id, &event.sources);
        }
    }

    fn table(&self) -> Table {
        Table {
            header: vec![
                "id",
                "date",
                "end",
                "kind",
                "title_az",
                "title_en",
                "description_az",
                "description_en",
                "actors",
                "confidence",
                "sources",
                "note_az",
                "note_en",
            ],
            rows: self
                .events
                .iter()
                .map(|e| {
                    let [title_az, title_en] = csv::both(&e.title);
                    let [description_az, description_en] = csv::both(&e.description);
                    let [note_az, note_en] = csv::optional(&e.note);
                    vec![
                        e.id.clone(),
                        e.date.to_string(),
                        e.end.map(|d| d.to_string()).unwrap_or_default(),
                        csv::enum_name(&e.kind),
                        title_az,
                        title_en,
                        description_az,
                        description_en,
                        e.actors.join(" "),
                        csv::enum_name(&e.confidence),
                        e.sources.join(" "),
                        note_az,
                        note_en,
                    ]
                })
                .collect(),
        }
    }
}

impl Resource for NextGenCluster {
    const NAME: ResourceName = ResourceName::Nextgen;

    fn check(&self, checker: &mut Checker) {
        checker.nextgen(self);
    }

    fn citations(&self, cite: &mut dyn FnMut(&str, &[String])) {
        for partner in &self.partners {
            for figure in &partner.figures {
                cite(&figure.id, &figure.sources);
            }
            for event in &partner.events {
                cite(&event.id, &event.sources);
            }
        }
        for step in &self.value_chain {
            cite(&step.id, &step.sources);
        }
    }

    fn figures(&self, each: &mut dyn FnMut(Figure<()>, Option<&str>)) {
        for partner in &self.partners {
            for figure in &partner.figures {
                each(figure.erased(), Some(&partner.actor));
            }
        }
    }

    fn table(&self) -> Table {
        Table {
            header: FIGURE_HEADER.to_vec(),
            rows: self
                .partners
                .iter()
                .flat_map(|p| p.figures.iter().map(move |f| csv::figure_row(&p.actor, f)))
                .collect(),
        }
    }
}

impl Resource for IndustrialPark {
    const NAME: ResourceName = ResourceName::Park;

    fn check(&self, checker: &mut Checker) {
        checker.park(self);
    }

    fn citations(&self, cite: &mut dyn FnMut(&str, &[String])) {
        for figure in &self.figures {
            cite(&figure.id, &figure.sources);
        }
        for event in &self.events {
            cite(&event.id, &event.sources);
        }
    }

    fn figures(&self, each: &mut dyn FnMut(Figure<()>, Option<&str>)) {
        for figure in &self.figures {
            each(figure.erased(), None);
        }
    }

    fn table(&self) -> Table {
        Table {
            header: FIGURE_HEADER.to_vec(),
            rows: self
                .figures
                .iter()
                .map(|f| csv::figure_row("sumgait-industrial-park", f))
                .collect(),
        }
    }
}

impl Resource for ClimateContext {
    const NAME: ResourceName = ResourceName::Climate;

    fn check(&self, checker: &mut Checker) {
        checker.climate(self);
    }

    fn citations(&self, cite: &mut dyn FnMut(&str, &[String])) {
        let targets = self.targets.iter().map(|t| &t.figure);
        for figure in self.figures.iter().chain(targets) {
            cite(&figure.id, &figure.sources);
        }
        for event in &self.events {
            cite(&event.id, &event.sources);
        }
    }

    fn figures(&self, each: &mut dyn FnMut(Figure<()>, Option<&str>)) {
        let targets = self.targets.iter().map(|t| t.figure.erased());
        for figure in self.figures.iter().map(Figure::erased).chain(targets) {
            each(figure, None);
        }
    }

    fn table(&self) -> Table {
        Table {
            header: FIGURE_HEADER.to_vec(),
            rows: self
                .figures
                .iter()
                .map(|f| csv::figure_row("azerbaijan", f))
                .chain(self.targets.iter().map(|t| {
                    csv::figure_row(
                        &format!("target {} vs {}", t.target_year, t.base_year),
                        &t.figure,
                    )
                }))
                .collect(),
        }
    }
}

impl Resource for Vec<GlossaryEntry> {
    const NAME: ResourceName = ResourceName::Glossary;

    fn check(&self, checker: &mut Checker) {
        checker.glossary(self);
    }

    fn citations(&self, cite: &mut dyn FnMut(&str, &[String])) {
        for entry in self {
            cite(&entry.id, &entry.sources);
        }
    }

    fn table(&self) -> Table {
        Table {
            header: vec![
                "id",
                "term_az",
                "term_en",
                "definition_az",
                "definition_en",
                "sources",
            ],
            rows: self
                .iter()
                .map(|g| {
                    let [term_az, term_en] = csv::both(&g.term);
                    let [definition_az, definition_en] = csv::both(&g.definition);
                    vec![
                        g.id.clone(),
                        term_az,
                        term_en,
                        definition_az,
                        definition_en,
                        g.sources.join(" "),
                    ]
                })
                .collect(),
        }
    }
}

impl Resource for Vec<Source> {
    const NAME: ResourceName = ResourceName::Sources;

    fn check(&self, checker: &mut Checker) {
        checker.sources(self);
    }

    /// Sources are what others cite; they cite nothing themselves.
    fn citations(&self, _: &mut dyn FnMut(&str, &[String])) {}

    fn table(&self) -> Table {
        Table {
            header: vec![
                "id",
                "title",
                "publisher",
                "url",
                "published",
                "accessed",
                "language",
                "title_language",
            ],
            rows: self
                .iter()
                .map(|s| {
                    vec![
                        s.id.clone(),
                        csv::text(&s.title),
                        csv::text(&s.publisher),
                        s.url.clone(),
                        s.published.map(|d| d.to_string()).unwrap_or_default(),
                        s.accessed.map(|d| d.to_string()).unwrap_or_default(),
                        s.language.clone(),
                        s.title_language.clone().unwrap_or_default(),
                    ]
                })
                .collect(),
        }
    }
}

impl Resource for WorldMap {
    const NAME: ResourceName = ResourceName::WorldMap;

    fn check(&self, checker: &mut Checker) {
        checker.world_map(self);
    }

    /// The outlines name their one source in their own fields, not by id.
    fn citations(&self, _: &mut dyn FnMut(&str, &[String])) {}

    fn table(&self) -> Table {
        Table {
            header: vec!["iso_numeric", "name_en", "rings", "holes", "points"],
            rows: self
                .countries
                .iter()
                .map(|c| {
                    let points: usize = c.rings.iter().chain(&c.holes).map(Vec::len).sum();
                    vec![
                        c.iso_numeric.clone().unwrap_or_default(),
                        csv::text(c.name_en.as_deref().unwrap_or_default()),
                        c.rings.len().to_string(),
                        c.holes.len().to_string(),
                        points.to_string(),
                    ]
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Records the name of every type it visits.
    struct Names(Vec<ResourceName>);

    impl EachResource for Names {
        fn visit<R: Resource>(&mut self) {
            self.0.push(R::NAME);
        }
    }

    #[test]
    fn every_name_stands_for_a_type_of_that_name() {
        for name in ResourceName::ALL {
            let mut visited = Names(Vec::new());
            name.visit(&mut visited);
            assert_eq!(visited.0, vec![name]);
        }
        let mut all = Names(Vec::new());
        for_each_resource(&mut all);
        assert_eq!(all.0, ResourceName::ALL);
    }

    fn glossary() -> Vec<GlossaryEntry> {
        vec![GlossaryEntry {
            id: "ndc".into(),
            term: crate::Text::new("NDC", "NDC"),
            definition: crate::Text::new("töhfə", "contribution"),
            sources: Vec::new(),
        }]
    }

    #[test]
    fn a_set_names_the_resource_it_lacks() {
        let mut resources = Resources::new();
        resources.insert(glossary());
        assert_eq!(resources.get::<Vec<GlossaryEntry>>(), Ok(&glossary()));
        assert_eq!(
            resources.get::<Vec<Source>>(),
            Err(Missing(ResourceName::Sources))
        );
        assert_eq!(
            Missing(ResourceName::WorldMap).to_string(),
            "the resource 'world-map' is missing"
        );
    }

    #[test]
    fn a_set_parses_a_file_into_the_type_of_its_name() {
        let mut resources = Resources::new();
        let bytes = serde_json::to_vec(&glossary()).unwrap_or_default();
        assert_eq!(resources.parse(ResourceName::Glossary, &bytes), Ok(()));
        assert_eq!(resources.get::<Vec<GlossaryEntry>>(), Ok(&glossary()));
        let problem = resources.parse(ResourceName::Sources, b"{}").unwrap_err();
        assert_eq!(problem.file, "sources.json");
        assert!(!resources.contains(ResourceName::Sources));
    }

    #[test]
    fn a_subset_shares_what_it_keeps_and_compares_by_value() {
        let mut resources = Resources::new();
        resources.insert(glossary());
        resources.insert(Vec::<Source>::new());
        let only = resources.only(&[ResourceName::Glossary]);
        assert_eq!(only.names().collect::<Vec<_>>(), [ResourceName::Glossary]);
        assert_ne!(only, resources);
        let mut again = Resources::new();
        again.insert(glossary());
        assert_eq!(only, again);
        assert_eq!(only.tables().len(), 1);
    }
}
