//! `_refscope`: what refscope's own library modules need from the engine where CPython's
//! have C code or objects refscope does not model. `traceback_mark` and
//! `traceback_reset` stand for `tb = exc.__traceback__` and `exc.__traceback__ = tb`
//! (refscope keeps a traceback as entries and the frames they keep alive, not as
//! traceback objects): contextlib puts an exception's traceback back as it was before
//! it went through the generator, as CPython's contextmanager does.

use crate::heap::kinds::NativeFn;
use crate::heap::{ObjId, Sym};
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

pub fn create(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("traceback_mark", traceback_mark),
        ("traceback_reset", traceback_reset),
    ];
    new_native_module(vm, "_refscope", FUNCS)
}

/// How long the exception's traceback is now: (entries, frames kept alive).
fn traceback_mark(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "traceback_mark", args, kw, 1, 1)?;
    let (entries, frames) = vm
        .exc_data(args[0])
        .map_or((0, 0), |d| (d.traceback.len(), d.tb_frames.len()));
    let items = vec![vm.new_int(entries as i64), vm.new_int(frames as i64)];
    Ok(vm.new_tuple(items))
}

/// Cuts the exception's traceback back to a mark: the entries added since go, and the
/// frames they kept alive are released.
fn traceback_reset(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "traceback_reset", args, kw, 2, 2)?;
    let mark: Vec<usize> = (0..2)
        .map(|i| {
            vm.seq_item_of(args[1], i)
                .and_then(|v| vm.small_int_of(v))
                .map_or(usize::MAX, |n| n.max(0) as usize)
        })
        .collect();
    let dropped = match vm.exc_data_mut(args[0]) {
        Some(d) => {
            d.traceback.truncate(mark[0]);
            let keep = mark[1].min(d.tb_frames.len());
            d.tb_frames.split_off(keep)
        }
        None => vec![],
    };
    vm.release_all(dropped);
    Ok(vm.none())
}
