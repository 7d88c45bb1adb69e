//! Chart cards: a chart of the core's catalog with its words, legend, table and sources.
//!
//! - `card`: the card as the build renders it (the static form, inside the island);
//! - `content`: the card's words, shared by the static and the live form;
//! - `island`: the `#[island]` that wakes up in the browser; `actions` (downloads),
//!   `share` and `embed_dialog` are its own from the start;
//! - `state`: what a reader sets on a card, and that state in the address;
//! - `live` (browser only): the card's files fetched and verified, the canvas drawn by the
//!   core's `draw_laid_out`, the legend toggles, tooltips and keys;
//! - `keyboard`, `clipboard`: one concern each (the tooltip's words are the core's
//!   `charts::tip`).

#[cfg(feature = "ssr")]
mod card;
// The share menu is the portal's: the embed build (without `share`) leaves it out.
#[cfg(any(feature = "share", feature = "ssr"))]
mod clipboard;
pub mod content;
#[cfg(any(feature = "share", feature = "ssr"))]
mod embed_dialog;
pub mod island;
// Pure parts of the live card, compiled (and tested) natively too.
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod keyboard;
#[cfg(feature = "hydrate")]
pub(crate) mod live;
pub mod parts;
#[cfg(any(feature = "share", feature = "ssr"))]
mod share;
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
mod state;
#[cfg_attr(not(feature = "hydrate"), allow(dead_code))]
#[cfg(feature = "ssr")]
pub use card::ChartCard;

use klaster_core::charts::ParkTopic;
use klaster_core::i18n::Msg;

/// The words of the park card's metric switch.
pub fn topic_name(topic: ParkTopic) -> Msg {
    match topic {
        ParkTopic::Residents => Msg::ChartMetricResidents,
        ParkTopic::Investment => Msg::ChartMetricInvestment,
        ParkTopic::Jobs => Msg::ChartMetricJobs,
        ParkTopic::Sales => Msg::ChartMetricSales,
        ParkTopic::Exports => Msg::ChartMetricExports,
    }
}
