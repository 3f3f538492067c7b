//! refscope: run Python programs on a modelled CPython heap and show their objects,
//! refcounts, back-references and reference cycles.
//!
//! The engine (syntax → compiler → heap → vm) never knows that a UI exists.

pub mod compiler;
pub mod syntax;
