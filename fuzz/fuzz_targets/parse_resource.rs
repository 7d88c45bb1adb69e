//! `parse_json::<T>` for the descriptor and every resource type, on arbitrary bytes.
//!
//! The first input byte chooses the type (modulo 10: the descriptor, then the order of
//! `ResourceName::ALL`); the rest is the file. Parsing must fail with a `Problem`, never
//! panic or overflow the stack; and whatever parses must survive a serialize/parse round
//! trip unchanged (the publisher rewrites files this way).

#![no_main]

use klaster_core::resources::*;
use klaster_core::validate::parse_json;
use klaster_core::PackageDescriptor;
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

fuzz_target!(|input: &[u8]| {
    let Some((&selector, bytes)) = input.split_first() else {
        return;
    };
    match selector % 10 {
        0 => check::<PackageDescriptor>("datapackage.json", bytes),
        1 => check::<Vec<Milestone>>("milestones.json", bytes),
        2 => check::<ClusterRegistry>("clusters.json", bytes),
        3 => check::<Accession>("accession.json", bytes),
        4 => check::<NextGenCluster>("nextgen.json", bytes),
        5 => check::<IndustrialPark>("park.json", bytes),
        6 => check::<ClimateContext>("climate.json", bytes),
        7 => check::<Vec<GlossaryEntry>>("glossary.json", bytes),
        8 => check::<Vec<Source>>("sources.json", bytes),
        _ => check::<WorldMap>("world-map.json", bytes),
    }
});
