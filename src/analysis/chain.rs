//! Shortest chains of references: from a root down to an object (what keeps it alive,
//! objgraph's `find_backref_chain`) and from an object to the first one a predicate
//! accepts (`find_ref_chain`). Unlike objgraph's, which quietly returns `[obj]`, these say
//! why no chain came back: nothing reaches the object, or the chain is longer than
//! `max_depth` (and how long it is).

use std::collections::{HashMap, VecDeque};
use std::fmt;

use crate::record::{Holder, ObjKey, ObjectInfo, Snapshot};

/// One link of a chain: an object and the label of the reference that leads to it
/// (`[3]`, `.target`, `['key']`, or the root's name for the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub id: ObjKey,
    pub label: String,
}

/// A chain from a root holder down to the target (the last link).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackrefChain {
    pub root: Holder,
    pub links: Vec<Link>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChainError {
    /// The object is not in the snapshot.
    Unknown(ObjKey),
    /// No chain exists at all.
    NotFound { from: ObjKey },
    /// A chain exists, but it is `needed` references long, more than `max_depth`.
    TooDeep { needed: usize, max_depth: usize },
}

impl fmt::Display for ChainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChainError::Unknown(id) => write!(f, "object #{id} is not alive at this step"),
            ChainError::NotFound { from } => write!(
                f,
                "no chain of references leads from a root to #{from} (or from it to what was asked)"
            ),
            ChainError::TooDeep { needed, max_depth } => write!(
                f,
                "the shortest chain is {needed} references long, past max_depth={max_depth}"
            ),
        }
    }
}

/// Searches breadth-first from `start` with `next` (which yields (neighbour, label) or a
/// goal), first within `max_depth`, then without a limit to report how deep the goal is.
fn search<G, N>(
    start: ObjKey,
    max_depth: usize,
    mut goal: G,
    mut next: N,
) -> Result<(Vec<Link>, Option<Holder>), ChainError>
where
    G: FnMut(ObjKey) -> Option<Option<Holder>>,
    N: FnMut(ObjKey) -> Vec<(ObjKey, String)>,
{
    let mut parent: HashMap<ObjKey, Option<(ObjKey, String)>> = HashMap::new();
    parent.insert(start, None);
    let mut queue = VecDeque::from([(start, 0usize)]);
    while let Some((at, depth)) = queue.pop_front() {
        if let Some(found) = goal(at) {
            if depth > max_depth {
                return Err(ChainError::TooDeep {
                    needed: depth,
                    max_depth,
                });
            }
            let mut links = vec![];
            let mut cur = at;
            while let Some(Some((prev, label))) = parent.get(&cur) {
                links.push(Link {
                    id: cur,
                    label: label.clone(),
                });
                cur = *prev;
            }
            links.push(Link {
                id: cur,
                label: String::new(),
            });
            return Ok((links, found));
        }
        for (n, label) in next(at) {
            if let std::collections::hash_map::Entry::Vacant(e) = parent.entry(n) {
                e.insert(Some((at, label)));
                queue.push_back((n, depth + 1));
            }
        }
    }
    Err(ChainError::NotFound { from: start })
}

/// The shortest chain from any root holder (variable, global, stack temporary, constant,
/// the runtime) down to `target`. A chain of length `max_depth` or less is returned;
/// a longer one is an error that says its length.
pub fn find_backref_chain(
    s: &Snapshot,
    target: ObjKey,
    max_depth: usize,
) -> Result<BackrefChain, ChainError> {
    if s.object(target).is_none() {
        return Err(ChainError::Unknown(target));
    }
    let goal = |id: ObjKey| {
        s.holders_of(id)
            .iter()
            .find(|r| !matches!(r.holder, Holder::Object { .. }))
            .map(|r| Some(r.holder.clone()))
    };
    let next = |id: ObjKey| {
        s.holders_of(id)
            .iter()
            .filter_map(|r| match r.holder {
                Holder::Object { id: h } => Some((h, r.label.to_string())),
                _ => None,
            })
            .collect()
    };
    let (links, root) = search(target, max_depth, goal, next)?;
    // `links` runs from the object a root holds down to the target, each with the label
    // of the reference from it to the next link: shift them down by one, so that each
    // carries the reference leading to it, and the first its root's.
    let root = root.expect("a backref goal is a root");
    let first = links[0].id;
    let root_label = s
        .holders_of(first)
        .iter()
        .find(|r| r.holder == root)
        .map(|r| r.label.to_string())
        .unwrap_or_default();
    let mut labels: Vec<String> = links.iter().map(|l| l.label.clone()).collect();
    labels.rotate_right(1);
    labels[0] = root_label;
    let links = links
        .into_iter()
        .zip(labels)
        .map(|(l, label)| Link { id: l.id, label })
        .collect();
    Ok(BackrefChain { root, links })
}

/// The shortest chain from `from` to an object `accept` says yes to, `from` first.
pub fn find_ref_chain(
    s: &Snapshot,
    from: ObjKey,
    mut accept: impl FnMut(&ObjectInfo) -> bool,
    max_depth: usize,
) -> Result<Vec<Link>, ChainError> {
    if s.object(from).is_none() {
        return Err(ChainError::Unknown(from));
    }
    let mut out: HashMap<ObjKey, Vec<(ObjKey, String)>> = HashMap::new();
    for r in &s.references {
        if let Holder::Object { id } = r.holder {
            out.entry(id).or_default().push((r.to, r.label.to_string()));
        }
    }
    let goal = |id: ObjKey| (id != from && s.object(id).is_some_and(&mut accept)).then_some(None);
    let next = |id: ObjKey| out.get(&id).cloned().unwrap_or_default();
    let (mut links, _) = search(from, max_depth, goal, next)?;
    // Found from the end: each link carries the label of the reference leading to it.
    links.reverse();
    Ok(links)
}

impl BackrefChain {
    /// The chain as a Python expression a program could follow: `holders[3].target`.
    pub fn expression(&self) -> String {
        let mut out = String::new();
        for l in &self.links {
            if out.is_empty() || l.label.starts_with('[') || l.label.starts_with('.') {
                out.push_str(&l.label);
            } else {
                out.push_str(&format!(" -> {}", l.label));
            }
        }
        out
    }
}
