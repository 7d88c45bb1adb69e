//! Reusable pieces of the interface, one file each.

pub mod cached_data;
pub mod chart;
pub mod confidence_scale;
pub mod dataset;
pub mod figure;
pub mod footer;
pub mod header;
pub mod source_line;
pub mod sourced_cell;
pub mod status;
pub mod terms;
pub mod theme;
pub mod timeline;
