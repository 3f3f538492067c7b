//! Counting objects by type in one snapshot, and what grew between two: the questions a
//! developer hunting a leak asks first (objgraph's `typestats` and `growth`, over the
//! model's snapshots rather than `gc.get_objects()`, so untracked objects count too).

use std::collections::{BTreeMap, HashSet};

use crate::record::{ObjKey, Snapshot};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeStat {
    pub type_name: String,
    pub count: usize,
    /// Sum of the modelled `sys.getsizeof`.
    pub bytes: u64,
}

/// Live objects of the program (not the runtime's) by type, most numerous first, then
/// by name.
pub fn type_stats(s: &Snapshot) -> Vec<TypeStat> {
    let mut by: BTreeMap<&str, (usize, u64)> = BTreeMap::new();
    for o in s.objects.iter().filter(|o| !o.runtime) {
        let e = by.entry(o.type_name.as_str()).or_default();
        e.0 += 1;
        e.1 += o.size;
    }
    let mut out: Vec<TypeStat> = by
        .into_iter()
        .map(|(t, (count, bytes))| TypeStat {
            type_name: t.to_string(),
            count,
            bytes,
        })
        .collect();
    out.sort_by(|a, b| b.count.cmp(&a.count).then(a.type_name.cmp(&b.type_name)));
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Growth {
    pub type_name: String,
    /// Objects of the type in the later snapshot.
    pub count: usize,
    /// Change in number since the earlier one.
    pub delta: i64,
    /// Change in bytes.
    pub bytes_delta: i64,
}

/// What changed by type from `before` to `after`: the types whose count or bytes
/// changed, the largest increase first (then by name).
pub fn growth(before: &Snapshot, after: &Snapshot) -> Vec<Growth> {
    let old: BTreeMap<String, TypeStat> = type_stats(before)
        .into_iter()
        .map(|t| (t.type_name.clone(), t))
        .collect();
    let new: BTreeMap<String, TypeStat> = type_stats(after)
        .into_iter()
        .map(|t| (t.type_name.clone(), t))
        .collect();
    let names: std::collections::BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    let mut out: Vec<Growth> = names
        .into_iter()
        .filter_map(|name| {
            let (c0, b0) = old.get(name).map_or((0, 0), |t| (t.count, t.bytes));
            let (c1, b1) = new.get(name).map_or((0, 0), |t| (t.count, t.bytes));
            (c0 != c1 || b0 != b1).then(|| Growth {
                type_name: name.clone(),
                count: c1,
                delta: c1 as i64 - c0 as i64,
                bytes_delta: b1 as i64 - b0 as i64,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.delta
            .cmp(&a.delta)
            .then(b.bytes_delta.cmp(&a.bytes_delta))
            .then(a.type_name.cmp(&b.type_name))
    });
    out
}

/// Objects alive in `after` that did not exist in `before` (ids are never reused, so an
/// id missing from `before` is a new object), by id.
pub fn new_objects(before: &Snapshot, after: &Snapshot) -> Vec<ObjKey> {
    let old: HashSet<ObjKey> = before.objects.iter().map(|o| o.id).collect();
    after
        .objects
        .iter()
        .filter(|o| !o.runtime && !old.contains(&o.id))
        .map(|o| o.id)
        .collect()
}
