//! Steps and time travel: what the VM reports while a program runs (steps with the heap
//! events they caused), the `Recording` that stores them, and the `Snapshot` of the heap
//! at any step. Owns no VM state; the VM feeds it. Must not depend on the app.

pub mod snapshot;

pub use snapshot::{FrameInfo, GcInfo, Holder, ObjKey, ObjectInfo, Reference, Snapshot};
