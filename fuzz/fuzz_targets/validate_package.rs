//! `validate_package` with one file of the package replaced by the fuzzer's bytes.
//!
//! The first input byte chooses the file (its value modulo the number of files, 10 today:
//! 0 is `datapackage.json`, 1.. follow `ResourceName::ALL`) and, with its top bit, whether the other files are
//! the shipped ones (bit clear) or missing (bit set, which is faster and reaches the
//! checks that run without cross-references). The rest of the input is the file.
//! The validator must report problems, never panic.

#![no_main]

use klaster_core::registry::validate_package;
use klaster_core::validate::DESCRIPTOR_FILE;
use klaster_core::ResourceName;
use libfuzzer_sys::fuzz_target;
use std::collections::HashMap;
use std::sync::OnceLock;

fn file_names() -> Vec<String> {
    std::iter::once(DESCRIPTOR_FILE.to_string())
        .chain(ResourceName::ALL.iter().map(|name| name.file_name()))
        .collect()
}

/// The published package, read once from `public/data`.
fn shipped() -> &'static HashMap<String, Vec<u8>> {
    static FILES: OnceLock<HashMap<String, Vec<u8>>> = OnceLock::new();
    FILES.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../public/data");
        file_names()
            .into_iter()
            .map(|name| {
                let bytes = std::fs::read(format!("{dir}/{name}"))
                    .unwrap_or_else(|e| panic!("cannot read the shipped {name}: {e}"));
                (name, bytes)
            })
            .collect()
    })
}

fuzz_target!(|input: &[u8]| {
    let Some((&selector, bytes)) = input.split_first() else {
        return;
    };
    let names = file_names();
    let target = &names[usize::from(selector) % names.len()];
    let others_missing = selector & 0x80 != 0;
    let report = validate_package(|path| {
        if path == target {
            Ok(bytes.to_vec())
        } else if others_missing {
            Err("missing".into())
        } else {
            shipped()
                .get(path)
                .cloned()
                .ok_or_else(|| "not in the package".into())
        }
    });
    // A package is only returned when every file parsed.
    if report.package.is_some() {
        assert!(!others_missing);
    }
});
