//! The static pieces pages are made of, one file each. They render once, ahead of time,
//! from the validated package; what opens (a figure's sources) is a native `<details>`.

pub mod citation;
pub mod confidence_scale;
pub mod figure;
pub mod fold;
pub mod on_this_page;
pub mod releases;
pub mod source_line;
pub mod sourced;
pub mod terms;
pub mod timeline;
