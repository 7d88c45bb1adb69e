//! The Frictionless Data Package descriptor (`datapackage.json`) and its resources.

// Resources are named in the descriptor by the registry's names.
use crate::date::PartialDate;
pub use crate::resources::ResourceName;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct License {
    /// An SPDX identifier, e.g. `CC-BY-4.0`.
    pub name: String,
    pub path: String,
    pub title: String,
}

/// A source as Frictionless lists it on a descriptor: a title and a link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DescriptorSource {
    pub title: String,
    pub path: String,
}

/// The Azerbaijani side of a descriptor's title and description; the standard
/// Frictionless `title` and `description` carry the English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DescriptorTranslation {
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Translations {
    pub az: DescriptorTranslation,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ResourceDescriptor {
    pub name: ResourceName,
    pub path: String,
    pub format: String,
    pub mediatype: String,
    pub encoding: String,
    pub title: String,
    pub description: String,
    pub translations: Translations,
    /// Size of the file in bytes, stamped by the publisher.
    pub bytes: u64,
    /// `sha256:` followed by 64 lowercase hex digits, stamped by the publisher.
    pub hash: String,
    /// Path of the JSON Schema generated from the Rust types.
    #[serde(rename = "jsonSchema")]
    pub json_schema: String,
    pub licenses: Vec<License>,
    pub sources: Vec<DescriptorSource>,
}

// `datapackage.json`: what the package is, under which licence, and every resource with
// its file, size and hash; the parsed resources are a `validate::Package`. A plain comment,
// since a doc comment would become the published schema's description.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
// The published schema keeps the name it was first generated with.
#[cfg_attr(feature = "schema", schemars(rename = "DataPackage"))]
#[serde(deny_unknown_fields)]
pub struct PackageDescriptor {
    pub name: String,
    pub title: String,
    pub description: String,
    pub translations: Translations,
    /// The release version, `MAJOR.MINOR.PATCH`; it is the newest release's and moves with
    /// every change of a resource.
    pub version: String,
    /// When the package was first created, as Frictionless defines it: an RFC 3339 time in
    /// UTC (`2026-11-27T04:06:50Z`).
    pub created: String,
    /// The latest review of the data, and how far its research reaches.
    pub review: Review,
    pub licenses: Vec<License>,
    pub resources: Vec<ResourceDescriptor>,
    /// Every release, newest first: what changed, was added, corrected or removed, with
    /// the ids of the records it touched and the hash of every resource as released.
    pub releases: Vec<Release>,
}

/// When the data was last reviewed, and the newest publication date the research reaches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The day of the latest review (`YYYY-MM-DD`).
    pub reviewed: PartialDate,
    /// The research covers sources published up to this date; nothing later was found.
    pub research_cutoff: PartialDate,
    /// What the review searched for and found, for readers.
    pub note: Text,
}

/// What a change did to the data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Changed,
    Corrected,
    Removed,
}

impl ChangeKind {
    /// Its name in the page's markup, as in the changelog's JSON: `corrected`.
    pub fn key(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Changed => "changed",
            ChangeKind::Corrected => "corrected",
            ChangeKind::Removed => "removed",
        }
    }

    pub const ALL: [ChangeKind; 4] = [
        ChangeKind::Added,
        ChangeKind::Changed,
        ChangeKind::Corrected,
        ChangeKind::Removed,
    ];
}

/// One entry of a release's changelog.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Change {
    pub kind: ChangeKind,
    pub text: Text,
    /// The resources whose files this change touched.
    pub resources: Vec<ResourceName>,
    /// The ids of the figures and other records it touched (figures first); for a
    /// removal, the ids that are gone.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<String>,
}

/// A published state of the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Release {
    /// `MAJOR.MINOR.PATCH`.
    pub version: String,
    /// The day it was released.
    pub date: PartialDate,
    pub changes: Vec<Change>,
    /// The `sha256:` hash of every resource as released. Left empty when a release is
    /// written, and filled in by `klaster-publish stamp`.
    #[serde(default)]
    pub hashes: BTreeMap<ResourceName, String>,
}

impl PackageDescriptor {
    pub fn resource(&self, name: ResourceName) -> Option<&ResourceDescriptor> {
        self.resources.iter().find(|r| r.name == name)
    }
}

impl ResourceDescriptor {
    pub fn title_in(&self, locale: crate::text::Locale) -> &str {
        match locale {
            crate::text::Locale::Az => &self.translations.az.title,
            crate::text::Locale::En => &self.title,
        }
    }

    pub fn description_in(&self, locale: crate::text::Locale) -> &str {
        match locale {
            crate::text::Locale::Az => &self.translations.az.description,
            crate::text::Locale::En => &self.description,
        }
    }

    pub fn title_text(&self) -> Text {
        Text::new(self.translations.az.title.clone(), self.title.clone())
    }
}

/// The hash as a descriptor states it: `sha256:<hex>`.
pub fn sha256_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut hex = String::with_capacity(7 + 64);
    hex.push_str("sha256:");
    for byte in digest {
        hex.push(char::from_digit(u32::from(byte >> 4), 16).unwrap_or('0'));
        hex.push(char::from_digit(u32::from(byte & 0xf), 16).unwrap_or('0'));
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_kinds_key_is_its_name_in_the_changelog() {
        for kind in ChangeKind::ALL {
            let json = serde_json::to_string(&kind).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", kind.key()));
        }
    }

    #[test]
    fn sha256_matches_the_reference_vector() {
        assert_eq!(
            sha256_hash(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
