//! Reusable pieces of the interface, one file each.

pub mod figure;
pub mod footer;
pub mod header;
pub mod status;
