//! `parse_json::<T>` for the descriptor and every registered resource type, on arbitrary
//! bytes.
//!
//! The first input byte chooses the type (modulo one more than the number of resources:
//! 0 is the descriptor, then the registry's order, `ResourceName::ALL`); the rest is the
//! file. A resource added to the registry is fuzzed with no change here. Parsing must fail
//! with a `Problem`, never panic or overflow the stack; and whatever parses must survive a
//! serialize/parse round trip unchanged (the publisher rewrites files this way).

#![no_main]

use klaster_core::registry::{for_each_resource, EachResource, Resource};
use klaster_core::validate::{parse_json, DESCRIPTOR_FILE};
use klaster_core::{PackageDescriptor, ResourceName};
use libfuzzer_sys::fuzz_target;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::fmt::Debug;

fn check<T: DeserializeOwned + Serialize + PartialEq + Debug>(file: &str, bytes: &[u8]) {
    let Ok(value) = parse_json::<T>(file, bytes) else {
        return;
    };
    let written = serde_json::to_vec(&value).expect("a parsed value serializes");
    let again = parse_json::<T>(file, &written)
        .unwrap_or_else(|problem| panic!("a re-serialized {file} does not parse: {problem}"));
    assert_eq!(
        value, again,
        "{file} changed in a serialize/parse round trip"
    );
}

/// Checks `bytes` as the resource at `wanted` in the registry's order.
struct CheckOne<'a> {
    wanted: usize,
    seen: usize,
    bytes: &'a [u8],
}

impl EachResource for CheckOne<'_> {
    fn visit<R: Resource>(&mut self) {
        if self.seen == self.wanted {
            check::<R>(&R::NAME.file_name(), self.bytes);
        }
        self.seen += 1;
    }
}

fuzz_target!(|input: &[u8]| {
    let Some((&selector, bytes)) = input.split_first() else {
        return;
    };
    match usize::from(selector) % (ResourceName::ALL.len() + 1) {
        0 => check::<PackageDescriptor>(DESCRIPTOR_FILE, bytes),
        resource => for_each_resource(&mut CheckOne {
            wanted: resource - 1,
            seen: 0,
            bytes,
        }),
    }
});
