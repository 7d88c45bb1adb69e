//! Interactive chart cards: a chart of the core's catalog drawn on a canvas by the
//! core's own drawing function, with its words, legend, table, description and
//! downloads around it.
//!
//! - `load`: the resources a chart reads, fetched through `crate::data`;
//! - `geometry`: sizes, the part of the core's layout the page shows, pixel ratios;
//! - `canvas`: the plotters-canvas backend that draws text and rules like the SVG one;
//! - `palette`: the theme and forced colours, as a core palette;
//! - `legend`, `table`, `tooltip`, `keyboard`, `downloads`: one concern each;
//! - `permalink`: the card's state in the address (read at start, kept in step);
//! - `share`, `embed_dialog`, `clipboard`: the share menu, the Embed dialog, and the
//!   clipboard and share sheet they use;
//! - `card`: the component that puts them together.

mod canvas;
mod card;
mod clipboard;
mod downloads;
mod embed_dialog;
mod geometry;
mod keyboard;
mod legend;
pub mod load;
mod palette;
mod permalink;
mod share;
mod table;
mod tooltip;

pub use card::ChartCard;

// The benchmark draws synthetic series through the card's own layout and paint
// (`src/bench.rs`, built only with the `bench` feature).
#[cfg(feature = "bench")]
pub(crate) use {
    canvas::paint,
    geometry::{on_screen, Frame},
};
