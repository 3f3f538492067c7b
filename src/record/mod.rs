//! Steps and time travel: what the VM reports while a program runs (steps with the heap
//! events they caused), the `Recording` that stores them with checkpoints, the `Snapshot`
//! of the heap at any step, and the `Session` that runs a program in bounded slices.
//! Owns no VM state (the VM feeds it through `vm::steps`); knows nothing of the app.

pub mod chunkmap;
pub mod cli;
pub mod json;
pub mod model;
pub mod recording;
pub mod session;
pub mod snapshot;

pub use recording::{
    Event, HeapSummary, MemProfileReport, MemProfileRow, ProfileLines, ProfileStart, Recording,
    StepBrief, StepInfo, StepKind, TypeCount, ViewLimits,
};
pub use session::{Recorded, Session, SessionOptions, Status, record_file};
pub use snapshot::{FrameInfo, GcInfo, Holder, ObjKey, ObjectInfo, Reference, Snapshot};
