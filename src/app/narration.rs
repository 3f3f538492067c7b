//! Narration for lecture mode: one line in plain words for the changes of a step.

use crate::analysis::unreachable;
use crate::record::{Event, Snapshot};

use super::inspector::describe;

/// Sentences for `events` (the changes from `before` to `after`), most telling first.
pub fn narrate(before: Option<&Snapshot>, after: &Snapshot, events: &[Event]) -> Vec<String> {
    let name = |id| {
        after
            .object(id)
            .or_else(|| before.and_then(|b| b.object(id)))
            .map(|o| format!("{}#{id}", o.type_name))
            .unwrap_or_else(|| format!("#{id}"))
    };
    let mut out = Vec::new();
    let newly_unreachable: Vec<u32> = {
        let now = unreachable(after);
        let was = before.map(unreachable).unwrap_or_default();
        let mut v: Vec<u32> = now.difference(&was).copied().collect();
        v.sort_unstable();
        v
    };
    if !newly_unreachable.is_empty() {
        let names: Vec<String> = newly_unreachable.iter().take(4).map(|&i| name(i)).collect();
        out.push(format!(
            "{} became unreachable: only the collector can free them",
            names.join(" ↔ ")
        ));
    }
    for e in events {
        let line = match e {
            Event::Alloc {
                id,
                type_name,
                size,
            } => format!("new {type_name}#{id} ({size} bytes)"),
            Event::Free { id, type_name } => format!("{type_name}#{id} freed"),
            Event::Refcount { id, from, to } => {
                let why = events
                    .iter()
                    .find_map(|c| match c {
                        Event::RefCleared {
                            holder,
                            label,
                            to: t,
                        } if t == id && from > to => Some(format!(
                            ": {} dropped it",
                            describe(before.unwrap_or(after), holder, label)
                        )),
                        Event::RefSet {
                            holder,
                            label,
                            to: t,
                        } if t == id && to > from => Some(format!(
                            ": {} now refers to it",
                            describe(after, holder, label)
                        )),
                        _ => None,
                    })
                    .unwrap_or_default();
                format!("{} refcount {from} -> {to}{why}", name(*id))
            }
            _ => continue,
        };
        out.push(line);
    }
    out
}
