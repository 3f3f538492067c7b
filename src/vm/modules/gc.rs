//! The `gc` module, on top of the vm's collector.

use crate::heap::kinds::NativeFn;
use crate::heap::visit::{Edge, for_each_ref};
use crate::heap::{Kind, ObjId, Sym, UNTRACKED};
use crate::vm::builtins::{check_args, check_kwargs, kwarg, new_native_module, to_i64};
use crate::vm::collector::{
    DEBUG_COLLECTABLE, DEBUG_LEAK, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE,
};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn create(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("collect", collect),
        ("enable", enable),
        ("disable", disable),
        ("isenabled", isenabled),
        ("get_count", get_count),
        ("get_threshold", get_threshold),
        ("set_threshold", set_threshold),
        ("get_objects", get_objects),
        ("get_referrers", get_referrers),
        ("get_referents", get_referents),
        ("is_tracked", is_tracked),
        ("is_finalized", is_finalized),
        ("set_debug", set_debug),
        ("get_debug", get_debug),
        ("get_stats", get_stats),
        ("freeze", freeze),
        ("unfreeze", unfreeze),
        ("get_freeze_count", get_freeze_count),
    ];
    let m = new_native_module(vm, "gc", FUNCS);
    for (name, v) in [
        ("DEBUG_STATS", DEBUG_STATS),
        ("DEBUG_COLLECTABLE", DEBUG_COLLECTABLE),
        ("DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", DEBUG_LEAK),
    ] {
        let i = vm.new_int(v);
        let s = vm.heap.intern_sym(name);
        vm.ns_set(m, s, i);
    }
    for (name, l) in [("garbage", vm.gc.garbage), ("callbacks", vm.gc.callbacks)] {
        vm.heap.incref(l);
        let s = vm.heap.intern_sym(name);
        vm.ns_set(m, s, l);
    }
    m
}

fn collect(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "collect", kw, &["generation"])?;
    if args.len() + kw.len() > 1 {
        let n = args.len() + kw.len();
        return Err(vm.type_error(format!("collect() takes at most 1 argument ({n} given)")));
    }
    let g = match args
        .first()
        .copied()
        .or_else(|| kwarg(vm, kw, "generation"))
    {
        Some(v) => to_i64(vm, v, "")?,
        None => 2,
    };
    if !(0..=2).contains(&g) {
        return Err(vm.value_error("invalid generation"));
    }
    let n = vm.collect_with_callbacks(g as usize)?;
    Ok(vm.new_int(n))
}

fn enable(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.enable", args, kw, 0, 0)?;
    vm.gc.enabled = true;
    vm.sync_gc_trigger();
    Ok(vm.none())
}

fn disable(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.disable", args, kw, 0, 0)?;
    vm.gc.enabled = false;
    vm.sync_gc_trigger();
    Ok(vm.none())
}

fn isenabled(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.isenabled", args, kw, 0, 0)?;
    let e = vm.gc.enabled;
    Ok(vm.new_bool(e))
}

fn get_count(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.get_count", args, kw, 0, 0)?;
    let c = [vm.heap.gc_count0, vm.gc.counts[1], vm.gc.counts[2]];
    let items = c.iter().map(|v| vm.new_int(*v)).collect();
    Ok(vm.new_tuple(items))
}

fn get_threshold(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.get_threshold", args, kw, 0, 0)?;
    let t = vm.gc.thresholds;
    let items = t.iter().map(|v| vm.new_int(*v)).collect();
    Ok(vm.new_tuple(items))
}

fn set_threshold(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    // (`set_threshold` parses its arguments itself, with its own messages.)
    if !kw.is_empty() {
        return Err(vm.type_error("set_threshold() takes no keyword arguments"));
    }
    if args.is_empty() || args.len() > 3 {
        let (bound, n) = if args.is_empty() {
            ("at least 1 argument", 0)
        } else {
            ("at most 3 arguments", args.len())
        };
        return Err(vm.type_error(format!("set_threshold() takes {bound} ({n} given)")));
    }
    for (i, a) in args.iter().enumerate() {
        vm.gc.thresholds[i] = to_i64(vm, *a, "")?;
    }
    vm.sync_gc_trigger();
    Ok(vm.none())
}

/// Objects the user's program can see (not the runtime's own).
fn user_visible(vm: &Vm, id: ObjId) -> bool {
    !vm.heap.has_flag(id, crate::heap::flags::BUILTIN)
}

fn get_objects(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_kwargs(vm, "get_objects", kw, &["generation"])?;
    if args.len() + kw.len() > 1 {
        let n = args.len() + kw.len();
        return Err(vm.type_error(format!(
            "get_objects() takes at most 1 argument ({n} given)"
        )));
    }
    let g = match args
        .first()
        .copied()
        .or_else(|| kwarg(vm, kw, "generation"))
    {
        Some(v) if v != vm.none => Some(to_i64(vm, v, "")?),
        _ => None,
    };
    if let Some(g) = g
        && !(0..=2).contains(&g)
    {
        return Err(vm.value_error(
            "generation parameter must be less than the number of available generations (3)",
        ));
    }
    let ids: Vec<ObjId> = match g {
        Some(g) => vm.heap.gens[g as usize].to_vec(),
        None => vm.heap.gens[..3].iter().flat_map(|g| g.iter()).collect(),
    };
    let mut ids: Vec<ObjId> = ids.into_iter().filter(|id| user_visible(vm, *id)).collect();
    ids.sort_by_key(|id| vm.heap.get(*id).serial);
    for id in &ids {
        vm.heap.incref(*id);
    }
    Ok(vm.new_list(ids))
}

fn get_referrers(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if !kw.is_empty() {
        return Err(vm.type_error("get_referrers() takes no keyword arguments"));
    }
    let mut out = vec![];
    let tracked: Vec<ObjId> = vm.heap.gens[..3].iter().flat_map(|g| g.iter()).collect();
    for id in tracked {
        let mut hit = false;
        for_each_ref(vm.heap.kind(id), &mut |_, to| {
            if args.contains(&to) {
                hit = true;
            }
        });
        if hit && user_visible(vm, id) {
            out.push(id);
        }
    }
    out.sort_by_key(|id| vm.heap.get(*id).serial);
    for id in &out {
        vm.heap.incref(*id);
    }
    Ok(vm.new_list(out))
}

fn get_referents(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    if !kw.is_empty() {
        return Err(vm.type_error("get_referents() takes no keyword arguments"));
    }
    let mut out = vec![];
    for a in args {
        // An instance of a subclass of a built-in type: as CPython's subtype_traverse,
        // its slots, its `__dict__` and its class, then what the built-in holds.
        if let Some(inst) = vm.heap.kind(*a).ext() {
            out.extend(inst.slots.iter().filter(|v| !v.is_null()));
            out.extend(inst.attrs.iter().map(|(_, v)| v));
            if !inst.dict.is_null() {
                out.push(inst.dict);
            }
            out.push(inst.class);
        }
        if matches!(vm.heap.kind(*a), Kind::Dict(t) if t.all_str) {
            // CPython skips str keys of unicode-keyed dicts in tp_traverse.
            if let Kind::Dict(t) = vm.heap.kind(*a) {
                out.extend(t.iter().map(|(_, e)| e.value));
            }
            continue;
        }
        let is_sub = vm.heap.kind(*a).ext().is_some();
        // A static type is not visited (ExceptionGroup is a heap type in CPython).
        let static_type = |c: ObjId| vm.heap.has_flag(c, crate::heap::flags::BUILTIN);
        for_each_ref(vm.heap.kind(*a), &mut |edge, to| {
            let own = matches!(
                edge,
                Edge::Class | Edge::Attr(_) | Edge::Dict | Edge::Slot(_)
            );
            if !(is_sub && own || edge == Edge::Class && static_type(to)) {
                out.push(to)
            }
        });
    }
    for id in &out {
        vm.heap.incref(*id);
    }
    Ok(vm.new_list(out))
}

fn is_tracked(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.is_tracked", args, kw, 1, 1)?;
    // (The runtime's built-in functions stay out of the generations, but CPython tracks
    // every builtin_function_or_method.)
    let t = vm.heap.get(args[0]).generation != UNTRACKED
        || matches!(vm.heap.kind(args[0]), Kind::Builtin(_));
    Ok(vm.new_bool(t))
}

fn is_finalized(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.is_finalized", args, kw, 1, 1)?;
    let f = vm.heap.has_flag(args[0], crate::heap::flags::FINALIZED);
    Ok(vm.new_bool(f))
}

fn set_debug(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.set_debug", args, kw, 1, 1)?;
    vm.gc.debug = to_i64(vm, args[0], "")?;
    Ok(vm.none())
}

fn get_debug(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.get_debug", args, kw, 0, 0)?;
    let d = vm.gc.debug;
    Ok(vm.new_int(d))
}

fn get_stats(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.get_stats", args, kw, 0, 0)?;
    let stats = vm.gc.stats.clone();
    let mut items = vec![];
    for s in stats {
        let d = vm.new_dict();
        for (k, v) in [
            ("collections", s.collections),
            ("collected", s.collected),
            ("uncollectable", s.uncollectable),
        ] {
            let key = vm.new_str(k);
            let val = vm.new_int(v);
            vm.dict_set(d, key, val)?;
            vm.heap.decref(key);
            vm.heap.decref(val);
        }
        items.push(d);
    }
    Ok(vm.new_list(items))
}

fn freeze(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.freeze", args, kw, 0, 0)?;
    let all: Vec<ObjId> = crate::heap::gc::young(&vm.heap, 2);
    for id in all {
        vm.heap.move_to_gen(id, crate::heap::PERMANENT);
    }
    Ok(vm.none())
}

fn unfreeze(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.unfreeze", args, kw, 0, 0)?;
    let all: Vec<ObjId> = vm.heap.gens[3].to_vec();
    for id in all {
        vm.heap.move_to_gen(id, 2);
    }
    Ok(vm.none())
}

fn get_freeze_count(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "gc.get_freeze_count", args, kw, 0, 0)?;
    let n = vm.heap.gens[3].len() as i64;
    Ok(vm.new_int(n))
}
