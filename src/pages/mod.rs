//! One file per route.

pub mod about;
pub mod azerbaijan;
pub mod climate;
pub mod data;
pub mod home;
pub mod initiative;
pub mod nextgen;
pub mod not_found;
pub mod sources;
