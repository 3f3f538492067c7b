//! The state of the heap at one step, as plain data: what the app draws, what analysis
//! works on and what `refscope snapshot` writes as JSON (schema `refscope.snapshot/1`).
//!
//! Invariant: for every object, `refcount` equals the number of `references` whose `to`
//! is that object. Objects of the runtime (None, True, small ints, builtin types and
//! functions...) appear only when a non-runtime holder refers to them; their other
//! holders then appear as `Holder::Runtime` references.

pub use compact_str::CompactString;
use serde::{Deserialize, Serialize};

/// An object's identity in snapshots: its allocation serial number, which is what the
/// program's `id()` shows and is never reused (unlike heap slots).
pub type ObjKey = u32;

pub const SNAPSHOT_SCHEMA: &str = "refscope.snapshot/1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub schema: String,
    /// The step this snapshot shows (the state when that step is reported, before the
    /// line it announces runs).
    pub step: u64,
    /// The line about to run (0 when no line is, e.g. at the end of the program).
    pub line: u32,
    /// Sorted by `id`.
    pub objects: Vec<ObjectInfo>,
    /// Sorted by (`to`, holder, label).
    pub references: Vec<Reference>,
    /// Outermost first (the module frame is frame 0).
    pub frames: Vec<FrameInfo>,
    pub gc: GcInfo,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectInfo {
    pub id: ObjKey,
    /// The type's name as `type(x).__name__` gives it (`list`, `Node`, `function`...).
    #[serde(rename = "type")]
    pub type_name: CompactString,
    /// A short repr computed without running Python code (at most about 60 characters):
    /// `[1, 2, 3]`, `{'a': 1, ...}`, `<Node object>`, `<function f>`.
    pub repr: CompactString,
    pub refcount: u32,
    /// The modelled `sys.getsizeof`.
    pub size: u64,
    /// Tracked by the cycle collector.
    pub tracked: bool,
    /// 0, 1 or 2 when tracked (3 for frozen objects); None when untracked.
    pub generation: Option<u8>,
    /// Shared by the runtime: small ints (-5..256) and interned strings.
    pub cached: bool,
    /// Created by the runtime before the program started (None, builtin types, small
    /// ints...).
    pub runtime: bool,
    /// `__del__` already ran (PEP 442).
    pub finalized: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Holder {
    /// A slot of another object; the reference's label says which (`[0]`, `.x`,
    /// `['key']`, `__dict__`, `__class__`...).
    Object { id: ObjKey },
    /// A local, cell or free variable of a running frame (`frame` indexes
    /// `Snapshot::frames`).
    Variable { frame: usize, name: String },
    /// A name in a module's namespace.
    Global { module: String, name: String },
    /// A temporary on a running frame's value stack.
    Stack { frame: usize },
    /// The constant table of a code object (`function` is its name).
    Constant { function: String },
    /// A holder inside the runtime: the small-int cache, the builtins, `sys.modules`,
    /// a native call in progress, the finalizer queue... `what` says which.
    Runtime { what: String },
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Reference {
    pub to: ObjKey,
    pub holder: Holder,
    /// objgraph-style edge label: `[0]`, `['key']`, `.name`, `key`, `__dict__`,
    /// `__class__`, `__closure__`, or the variable name for variables and globals.
    pub label: CompactString,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FrameInfo {
    /// `<module>` for the module frame, the function's name otherwise.
    pub function: String,
    pub filename: String,
    pub line: u32,
    /// Bound variables, sorted by name: (name, object).
    pub variables: Vec<(String, ObjKey)>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct GcInfo {
    /// `gc.get_count()`
    pub count: [u32; 3],
    /// `gc.get_threshold()`
    pub threshold: [u32; 3],
    pub enabled: bool,
    /// Sum of the modelled sizes of all live non-runtime objects.
    pub heap_bytes: u64,
}

impl Snapshot {
    pub fn object(&self, id: ObjKey) -> Option<&ObjectInfo> {
        self.objects
            .binary_search_by_key(&id, |o| o.id)
            .ok()
            .map(|i| &self.objects[i])
    }

    /// The references that point at `id` (its holders).
    pub fn holders_of(&self, id: ObjKey) -> &[Reference] {
        let start = self.references.partition_point(|r| r.to < id);
        let end = self.references.partition_point(|r| r.to <= id);
        &self.references[start..end]
    }

    /// Every object whose `refcount` differs from the number of references to it (the
    /// invariant says there are none), as (id, refcount, references).
    pub fn ledger_mismatches(&self) -> Vec<(ObjKey, u32, usize)> {
        self.objects
            .iter()
            .filter_map(|o| {
                let n = self.holders_of(o.id).len();
                (n != o.refcount as usize).then_some((o.id, o.refcount, n))
            })
            .collect()
    }
}
