//! What the core's integration tests share: the shipped data package, read and validated.

use klaster_core::registry::{validate_package, Resources};
use std::path::PathBuf;

/// Every resource of the shipped package (`public/data`), which must validate.
pub fn shipped_resources() -> Resources {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/data");
    let report = validate_package(|p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    report
        .package
        .expect("the shipped package parses")
        .resources
}
