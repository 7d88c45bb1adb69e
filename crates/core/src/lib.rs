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
