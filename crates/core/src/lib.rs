//! The portal's core: the data model, its validation, locale texts and formatting, and
//! chart drawing. Nothing here knows about the DOM, so the browser app and the native
//! publisher share it unchanged.

pub mod az_suffix;
pub mod charts;
pub mod cite;
pub mod csv;
pub mod date;
pub mod embed;
pub mod feed;
pub mod figure;
pub mod finder;
pub mod frozen;
pub mod package;
pub mod queries;
pub mod registry;
pub mod release;
pub mod resources;
pub mod retry;
pub mod text;
pub mod validate;
pub mod wording;

pub use date::PartialDate;
pub use figure::{Confidence, Figure, Qualifier, Unit};
pub use package::{sha256_hash, PackageDescriptor, ResourceDescriptor, ResourceName};
pub use text::{Locale, Text};
pub mod format;
pub mod i18n;
pub mod link;
pub mod route;

/// The shipped data package, validated, for the core's unit tests (the integration tests
/// have `tests/common`).
#[cfg(test)]
pub(crate) mod test_data {
    use crate::registry::{validate_package, Package};
    use crate::resources::Source;

    pub fn package() -> Package {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
        let report = validate_package(|p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
        report.package.expect("the shipped package parses")
    }

    pub fn sources(package: &Package) -> &[Source] {
        package
            .resources
            .get::<Vec<Source>>()
            .expect("the package has its sources")
    }
}
