//! Property test of the cycle collector: random object graphs of lists, dicts and
//! instances, random references and deletions. After each full collection no reachable
//! object was freed, every unreachable object was freed, and the refcount ledger holds.

use std::collections::{HashMap, HashSet};

use proptest::prelude::*;
use refscope::heap::visit::for_each_ref;
use refscope::heap::{ObjId, flags};
use refscope::vm::builtins::classes::make_class;
use refscope::vm::{CapturedOutput, Options, Vm};

#[derive(Debug, Clone)]
enum Op {
    /// Make a new object of kind 0 (list), 1 (dict) or 2 (instance) and bind it to global `g`.
    New(u8, u8),
    /// Make object `a` refer to object `b` (both picked among the live user objects).
    Link(u16, u16),
    /// Drop global `g`.
    Unbind(u8),
    /// Bind global `g` to object `a`.
    Bind(u8, u16),
    /// Run a full collection now.
    Collect,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0u8..3, 0u8..8).prop_map(|(k, g)| Op::New(k, g)),
        6 => (any::<u16>(), any::<u16>()).prop_map(|(a, b)| Op::Link(a, b)),
        2 => (0u8..8).prop_map(Op::Unbind),
        1 => (0u8..8, any::<u16>()).prop_map(|(g, a)| Op::Bind(g, a)),
        1 => Just(Op::Collect),
    ]
}

/// User objects reachable from the vm's roots (everything outside the heap's objects).
fn reachable(vm: &Vm) -> HashSet<(ObjId, u32)> {
    let mut seen = HashSet::new();
    let mut stack: Vec<ObjId> = vm.root_refs().into_iter().map(|(_, id)| id).collect();
    while let Some(id) = stack.pop() {
        if !seen.insert(id) {
            continue;
        }
        for_each_ref(vm.heap.kind(id), &mut |_, to| stack.push(to));
    }
    seen.into_iter()
        .filter(|id| !vm.heap.has_flag(*id, flags::BUILTIN))
        .map(|id| (id, vm.heap.get(id).serial))
        .collect()
}

fn user_objects(vm: &Vm) -> Vec<ObjId> {
    vm.heap
        .live_ids()
        .filter(|id| {
            !vm.heap.has_flag(*id, flags::BUILTIN) && !vm.heap.has_flag(*id, flags::IMMORTAL)
        })
        .filter(|id| *id != vm.gc.garbage && *id != vm.gc.callbacks)
        .filter(|id| {
            matches!(
                vm.heap.kind(*id),
                refscope::heap::Kind::List(_)
                    | refscope::heap::Kind::Dict(_)
                    | refscope::heap::Kind::Instance(_)
            )
        })
        .collect()
}

fn check_collection(vm: &mut Vm) -> Result<(), TestCaseError> {
    let before: HashSet<(ObjId, u32)> = reachable(vm);
    let all: Vec<(ObjId, u32)> = user_objects(vm)
        .into_iter()
        .map(|id| (id, vm.heap.get(id).serial))
        .collect();
    vm.gc_collect(2)
        .map_err(|_| TestCaseError::fail("the collection raised"))?;
    for (id, serial) in &all {
        let alive = vm.heap.is_live(*id) && vm.heap.get(*id).serial == *serial;
        if before.contains(&(*id, *serial)) {
            prop_assert!(alive, "a reachable object was freed");
        } else {
            prop_assert!(!alive, "an unreachable object survived a full collection");
        }
    }
    vm.check_ledger().map_err(TestCaseError::fail)?;
    Ok(())
}

fn run_ops(ops: &[Op]) -> Result<(), TestCaseError> {
    let mut vm = Vm::new(Box::new(CapturedOutput::default()), Options::default());
    vm.create_main("prop.py", "");
    vm.gc.enabled = false;
    vm.sync_gc_trigger();
    let class = make_class(
        &mut vm,
        "Node",
        "Node",
        "__main__",
        &[],
        ObjId::NULL,
        vec![],
        &[],
        ObjId::NULL,
    )
    .map_err(|_| TestCaseError::fail("class"))?;
    let main = vm.main;
    let class_name = vm.heap.intern_sym("Node");
    vm_ns_replace(&mut vm, main, class_name, class);
    let globals: Vec<_> = (0..8)
        .map(|i| vm.heap.intern_sym(&format!("g{i}")))
        .collect();
    let attrs: Vec<_> = (0..4)
        .map(|i| vm.heap.intern_sym(&format!("a{i}")))
        .collect();
    let mut key_counter: HashMap<ObjId, i64> = HashMap::new();
    for (step, op) in ops.iter().enumerate() {
        match op {
            Op::New(kind, g) => {
                let obj = match kind {
                    0 => vm.new_list(vec![]),
                    1 => vm.new_dict(),
                    _ => vm
                        .new_instance(class)
                        .map_err(|_| TestCaseError::fail("instance"))?,
                };
                if let Some(old) = vm_ns_replace(&mut vm, main, globals[*g as usize], obj) {
                    vm.heap.decref(old);
                }
            }
            Op::Link(a, b) => {
                let objs = user_objects(&vm);
                if objs.is_empty() {
                    continue;
                }
                let (a, b) = (
                    objs[*a as usize % objs.len()],
                    objs[*b as usize % objs.len()],
                );
                // Like the vm's stack, the caller holds what it operates on.
                vm.heap.incref(a);
                vm.heap.incref(b);
                match vm.heap.kind(a) {
                    refscope::heap::Kind::List(_) => {
                        vm.heap.incref(b);
                        vm.list_push(a, b);
                    }
                    refscope::heap::Kind::Dict(_) => {
                        let n = key_counter.entry(a).or_default();
                        *n += 1;
                        let k = vm.new_int(*n % 5);
                        vm.dict_set(a, k, b)
                            .map_err(|_| TestCaseError::fail("dict_set"))?;
                        vm.heap.decref(k);
                    }
                    _ => {
                        let n = key_counter.entry(a).or_default();
                        *n += 1;
                        let attr = attrs[(*n % 4) as usize];
                        vm.setattr(a, attr, b)
                            .map_err(|_| TestCaseError::fail("setattr"))?;
                    }
                }
                vm.heap.decref(a);
                vm.heap.decref(b);
            }
            Op::Unbind(g) => {
                if let Some(old) = vm_ns_remove(&mut vm, main, globals[*g as usize]) {
                    vm.heap.decref(old);
                }
            }
            Op::Bind(g, a) => {
                let objs = user_objects(&vm);
                if objs.is_empty() {
                    continue;
                }
                let a = objs[*a as usize % objs.len()];
                vm.heap.incref(a);
                if let Some(old) = vm_ns_replace(&mut vm, main, globals[*g as usize], a) {
                    vm.heap.decref(old);
                }
            }
            Op::Collect => check_collection(&mut vm)?,
        }
        vm.check_ledger()
            .map_err(|e| TestCaseError::fail(format!("after op {step} ({op:?}): {e}")))?;
        vm.heap
            .check_generations()
            .map_err(|e| TestCaseError::fail(format!("after op {step} ({op:?}): {e}")))?;
    }
    check_collection(&mut vm)?;
    // Program end: drop every global, collect, and nothing of the program remains.
    for g in &globals {
        if let Some(old) = vm_ns_remove(&mut vm, main, *g) {
            vm.heap.decref(old);
        }
    }
    vm.gc_collect(2)
        .map_err(|_| TestCaseError::fail("final collection"))?;
    let left: Vec<String> = user_objects(&vm)
        .iter()
        .map(|id| format!("{} {:?}", vm.type_name(*id), vm.heap.get(*id)))
        .collect();
    prop_assert!(
        left.is_empty(),
        "user objects remain after teardown: {:?}",
        left
    );
    vm.check_ledger().map_err(TestCaseError::fail)?;
    Ok(())
}

fn vm_ns_replace(vm: &mut Vm, ns: ObjId, sym: refscope::heap::Sym, v: ObjId) -> Option<ObjId> {
    match vm.heap.kind_mut(ns) {
        refscope::heap::Kind::Module(m) => m.dict.insert(sym, v),
        _ => None,
    }
}

fn vm_ns_remove(vm: &mut Vm, ns: ObjId, sym: refscope::heap::Sym) -> Option<ObjId> {
    match vm.heap.kind_mut(ns) {
        refscope::heap::Kind::Module(m) => m.dict.remove(sym),
        _ => None,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn collector_frees_exactly_the_unreachable(ops in proptest::collection::vec(op(), 1..120)) {
        run_ops(&ops)?;
    }
}

#[test]
fn two_lists_in_a_cycle_are_collected() {
    let mut vm = Vm::new(Box::new(CapturedOutput::default()), Options::default());
    vm.create_main("t.py", "");
    let a = vm.new_list(vec![]);
    let b = vm.new_list(vec![]);
    vm.heap.incref(b);
    vm.list_push(a, b);
    vm.heap.incref(a);
    vm.list_push(b, a);
    vm.heap.decref(a);
    vm.heap.decref(b);
    assert!(
        vm.heap.is_live(a) && vm.heap.is_live(b),
        "refcounting alone cannot free a cycle"
    );
    assert_eq!(vm.gc_collect(2).ok(), Some((2, 0)));
    assert!(!vm.heap.is_live(a) && !vm.heap.is_live(b));
    assert_eq!(vm.check_ledger(), Ok(()));
}
