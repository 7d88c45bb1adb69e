//! One file per route.

pub mod about;
pub mod data;
pub mod home;
pub mod not_found;
pub mod sources;
