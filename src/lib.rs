//! The portal's pages and islands, one set of Leptos components for two places:
//!
//! - ahead of time (feature `ssr`): `crates/site` renders every page in both languages to
//!   HTML from the validated data package, with [`context::Site`] provided once at the top;
//! - in the browser (feature `hydrate`): only the `#[island]` components wake up (the chart
//!   cards, [`chart::island`]); text, tables and sources stay the HTML the build wrote.
//!
//! The flow reads one way: data package → validated model → page rendered ahead of time
//! (`pages/`, `components/`) → islands that wake up in the browser (`chart/`).

// A chart card's view type nests deeply.
#![recursion_limit = "256"]

pub mod chart;
// What only the build renders: the browser build leaves it out entirely.
#[cfg(feature = "ssr")]
pub mod components;
#[cfg(feature = "ssr")]
pub mod context;
#[cfg(feature = "ssr")]
pub mod figure_index;
#[cfg(feature = "ssr")]
pub mod head;
#[cfg(feature = "ssr")]
pub mod pages;
#[cfg(feature = "ssr")]
pub mod shell;

#[cfg(feature = "bench")]
mod bench;
#[cfg(feature = "hydrate")]
mod data;
#[cfg(feature = "hydrate")]
mod panic_notice;

/// Called by the boot script once the wasm is instantiated, before it hands each
/// `<leptos-island>` to its hydrate function.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    panic_notice::install();
    leptos::mount::hydrate_islands();
}

/// The shipped data package, validated, for the app's unit tests.
#[cfg(test)]
pub(crate) mod test_data {
    use klaster_core::registry::{validate_package, Package};

    pub fn package() -> Package {
        let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data");
        let report = validate_package(|p| std::fs::read(dir.join(p)).map_err(|e| e.to_string()));
        report.package.expect("the shipped package parses")
    }
}
