//! The Frictionless Data Package descriptor (`datapackage.json`) and its resources.

// Resources are named in the descriptor by the registry's names.
pub use crate::resources::ResourceName;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

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
    pub version: String,
    pub licenses: Vec<License>,
    pub resources: Vec<ResourceDescriptor>,
}

/// The descriptor's former name, kept for the app until the static-first rewrite lands.
pub type DataPackage = PackageDescriptor;

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
    fn sha256_matches_the_reference_vector() {
        assert_eq!(
            sha256_hash(b"abc"),
            "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
