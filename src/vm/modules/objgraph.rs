//! `objgraph`: the statistics are Python (`py/objgraph.py`, over `gc.get_objects()`, as
//! objgraph's own); the native half (`_objgraph`) draws `show_backrefs`/`show_refs` with
//! refscope's analysis and exporter, from a snapshot of the live heap. Pictures are
//! written only where the user asked, next to the program.

use std::path::{Component, Path, PathBuf};

use std::collections::{HashMap, HashSet};

use crate::analysis::{GraphOptions, SceneHooks, backrefs_with, refs_with};
use crate::heap::kinds::NativeFn;
use crate::heap::{Kind, ObjId, Sym};
use crate::record::Holder;
use crate::record::ObjKey;
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

/// The Python source of the `objgraph` module.
pub const SOURCE: &str = include_str!("py/objgraph.py");

pub fn create_native(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[("render", render)];
    new_native_module(vm, "_objgraph", FUNCS)
}

/// Where a picture named by the program goes: next to the program, and nowhere else.
fn picture_path(vm: &Vm, name: &str) -> Result<PathBuf, String> {
    let p = Path::new(name);
    if p.is_absolute() || p.components().any(|c| !matches!(c, Component::Normal(_))) {
        return Err(format!(
            "refscope writes pictures only next to the program: '{name}' is outside its folder"
        ));
    }
    let program = vm
        .sources
        .first()
        .map(|(f, _)| f.to_string())
        .unwrap_or_default();
    let dir = Path::new(&program).parent().unwrap_or(Path::new(""));
    Ok(dir.join(p))
}

/// objgraph's `filter`, `extra_ignore`, `highlight` and `extra_info`, asked of the
/// program's objects as the picture's walk meets them. The first exception a callable
/// raises stops the asking; `render` raises it once the walk is over.
struct ProgramHooks<'v> {
    vm: &'v mut Vm,
    objects: HashMap<ObjKey, ObjId>,
    filter: Option<ObjId>,
    ignore: HashSet<ObjKey>,
    highlight: Option<ObjId>,
    extra_info: Option<ObjId>,
    /// `_long_typename` when the program asked for `shortnames=False`.
    long_names: Option<ObjId>,
    error: Option<crate::vm::Exc>,
}

impl ProgramHooks<'_> {
    fn ask(&mut self, f: Option<ObjId>, id: ObjKey) -> Option<ObjId> {
        let f = f?;
        if self.error.is_some() {
            return None;
        }
        let obj = *self.objects.get(&id)?;
        match self.vm.call(f, &[obj]) {
            Ok(r) => Some(r),
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    fn ask_truth(&mut self, f: Option<ObjId>, id: ObjKey, default: bool) -> bool {
        let Some(r) = self.ask(f, id) else {
            return default;
        };
        let t = self.vm.truthy(r);
        self.vm.heap.decref(r);
        match t {
            Ok(t) => t,
            Err(e) => {
                self.error.get_or_insert(e);
                default
            }
        }
    }
}

impl SceneHooks for ProgramHooks<'_> {
    fn keep(&mut self, id: ObjKey) -> bool {
        !self.ignore.contains(&id) && self.ask_truth(self.filter, id, true)
    }
    fn highlight(&mut self, id: ObjKey) -> bool {
        self.ask_truth(self.highlight, id, false)
    }
    fn title(&mut self, id: ObjKey) -> Option<String> {
        let r = self.ask(self.long_names, id)?;
        let text = match self.vm.str_of(r) {
            Ok(t) => Some(t),
            Err(e) => {
                self.error.get_or_insert(e);
                None
            }
        };
        self.vm.heap.decref(r);
        text
    }
    fn extra_info(&mut self, id: ObjKey) -> Option<String> {
        let r = self.ask(self.extra_info, id)?;
        let text = if r == self.vm.none {
            None
        } else {
            match self.vm.str_of(r) {
                Ok(t) => Some(t),
                Err(e) => {
                    self.error.get_or_insert(e);
                    None
                }
            }
        };
        self.vm.heap.decref(r);
        text
    }
}

/// `render(objs, max_depth, too_many, filename, backrefs, filter, extra_ignore,
/// highlight, extra_info, long_typename)`; the last is None for short type names.
fn render(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "render", args, kw, 10, 10)?;
    // A list or tuple of targets (itself left out of the picture), or one object.
    let (targets, container) = match vm.heap.kind(args[0]) {
        Kind::List(l) => (l.items.to_vec(), Some(args[0])),
        Kind::Tuple(t) => (t.to_vec(), Some(args[0])),
        _ => (vec![args[0]], None),
    };
    let max_depth = vm.small_int_of(args[1]).unwrap_or(3).max(0) as usize;
    let too_many = vm.small_int_of(args[2]).unwrap_or(10).max(1) as usize;
    let back = vm.truthy(args[4])?;
    let filename = if args[3] == vm.none {
        None
    } else {
        Some(vm.str_of(args[3])?)
    };
    let Some(filename) = filename else {
        vm.out
            .write_out("refscope: pass filename='name.png' (or .svg, .dot) to save the graph\n");
        return Ok(vm.none());
    };
    let path = match picture_path(vm, &filename) {
        Ok(p) => p,
        Err(e) => {
            let pe = vm.exc_type_named("PermissionError");
            return Err(vm.new_exception(pe, &e));
        }
    };
    let list_key = container.map(|c| vm.heap.get(c).serial);
    let keys: Vec<u32> = targets.iter().map(|t| vm.heap.get(*t).serial).collect();
    let mut snap = vm.live_snapshot();
    // objgraph's own references (the list of targets, its frames, this call) are not
    // the program's.
    let frozen: Vec<bool> = snap
        .frames
        .iter()
        .map(|f| f.filename.starts_with("<frozen"))
        .collect();
    let own_frame = |f: &usize| frozen.get(*f).copied().unwrap_or(false);
    snap.references.retain(|r| match &r.holder {
        Holder::Object { id } => Some(*id) != list_key,
        Holder::Runtime { what } => what != "native call in progress",
        Holder::Variable { frame, .. } | Holder::Stack { frame } => !own_frame(frame),
        _ => true,
    });
    let opts = GraphOptions {
        max_depth,
        too_many,
        hide_cached: true,
    };
    let optional = |vm: &Vm, v: ObjId| (v != vm.none).then_some(v);
    let (filter, highlight, extra_info, long_names) = (
        optional(vm, args[5]),
        optional(vm, args[7]),
        optional(vm, args[8]),
        optional(vm, args[9]),
    );
    // extra_ignore: the id()s of objects to leave out (id() is the serial).
    let mut ignore = HashSet::new();
    if args[6] != vm.none {
        let it = vm.get_iter(args[6])?;
        while let Some(x) = vm.iter_next(it)? {
            let n = vm.small_int_of(x);
            vm.heap.decref(x);
            if let Some(n) = n.and_then(|n| ObjKey::try_from(n).ok()) {
                ignore.insert(n);
            }
        }
        vm.heap.decref(it);
    }
    let objects: HashMap<ObjKey, ObjId> = vm
        .heap
        .live_ids()
        .map(|id| (vm.heap.get(id).serial, id))
        .collect();
    let mut hooks = ProgramHooks {
        vm,
        objects,
        filter,
        ignore,
        highlight,
        extra_info,
        long_names,
        error: None,
    };
    let scene = if back {
        backrefs_with(&snap, &keys, &opts, &mut hooks)
    } else {
        refs_with(&snap, &keys, &opts, &mut hooks)
    };
    if let Some(e) = hooks.error {
        return Err(e);
    }
    if let Err(e) = crate::export::write(&scene, &path) {
        return Err(vm.value_error(e));
    }
    let msg = if filename.ends_with(".dot") {
        format!(
            "Graph written to {filename} ({} nodes)\n",
            scene.nodes.len()
        )
    } else {
        format!(
            "Graph written to {filename} ({} nodes)\nImage generated as {filename}\n",
            scene.nodes.len()
        )
    };
    vm.out.write_out(&msg);
    Ok(vm.none())
}
