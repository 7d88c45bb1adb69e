//! The chart catalog, Grapher style: a chart is a config plus data, drawn by one
//! function for every output (an SVG file, a canvas in the page, a social card).
//!
//! The flow reads one way:
//! - [`catalog`] has one row per chart: its stable string id, the portal page of its
//!   card, the resources it reads, its kind and its extract function;
//! - [`extract`] turns those resources (a [`Resources`](crate::registry::Resources) set:
//!   the whole package, or only what the chart reads) into a
//!   [`ChartData`](model::ChartData): the chart's bilingual config ([`model::ChartSpec`])
//!   and its series or bars, each point carrying the id of the figure it shows;
//! - [`layout`] places everything in pixels with the pure helpers in [`scale`] and
//!   [`ticks`], so the drawing and the pointer/keyboard lookup in [`hit`] agree;
//! - `draw` (feature `charts`) paints it on any plotters `DrawingBackend`, and `svg`
//!   (feature `svg`) renders it to an SVG string with a title and a text description;
//! - [`describe`] writes the same data as sentences in both languages.
//!
//! Everything but `draw` and `svg` is plain Rust with no dependencies, so the browser
//! app can use the data, the geometry and the descriptions without plotters.

pub mod catalog;
pub mod decimate;
pub mod describe;
pub mod export;
pub mod extract;
pub mod frame;
pub mod hit;
pub mod layout;
pub mod model;
pub mod scale;
pub mod style;
pub mod text;
pub mod theme;
pub mod ticks;
pub mod tip;
pub mod values;

#[cfg(feature = "charts")]
pub mod draw;
#[cfg(feature = "svg")]
pub mod svg;

pub use catalog::{cards_in, catalog, ChartEntry, ChartId, ParkTopic};
pub use extract::{extract, ChartError, Lack};
pub use model::{ChartBody, ChartData, ChartKind, ChartSpec, Point, Series};
pub use theme::{Palette, PaletteName};
