//! refscope: run Python programs on a modelled CPython heap and show their objects,
//! refcounts, back-references and reference cycles.
//!
//! The engine (syntax → compiler → heap → vm) never knows that a UI exists.

pub mod analysis;
#[cfg(feature = "gui")]
pub mod app;
pub mod bench;
pub mod cli;
pub mod compiler;
pub mod engine;
pub mod export;
pub mod heap;
pub mod record;
pub mod syntax;
pub mod vm;
