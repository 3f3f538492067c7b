//! `list.sort()` as CPython 3.11 sorts (Objects/listsort.txt): natural runs found by
//! `count_run`, short runs extended by binary insertion to `minrun`, runs merged by the
//! powersort policy, and merges that gallop once one side keeps winning. Making the same
//! comparisons in the same order matters here: a key's or an item's `__lt__` is Python
//! code, and a program can watch it (print, count, raise).
//!
//! Items are (key, value) pairs; only keys are compared. A comparison that raises stops
//! the sort with every item still in the slice, as CPython leaves the list.

use crate::compiler::code::CmpOp;
use crate::heap::ObjId;
use crate::vm::{PyResult, Vm};

type Item = (ObjId, ObjId);

const MIN_GALLOP: usize = 7;

struct Run {
    base: usize,
    len: usize,
    power: u32,
}

struct MergeState<'v> {
    vm: &'v mut Vm,
    min_gallop: usize,
    pending: Vec<Run>,
    listlen: usize,
    tmp: Vec<Item>,
}

impl MergeState<'_> {
    fn lt(&mut self, a: ObjId, b: ObjId) -> PyResult<bool> {
        self.vm.compare_bool(a, b, CmpOp::Lt)
    }

    /// The run starting at `lo` (at most `hi - lo` long), reversed in place when it was
    /// strictly descending.
    fn count_run(&mut self, v: &mut [Item], lo: usize, hi: usize) -> PyResult<usize> {
        if lo + 1 == hi {
            return Ok(1);
        }
        let mut n = 2;
        if self.lt(v[lo + 1].0, v[lo].0)? {
            while lo + n < hi && self.lt(v[lo + n].0, v[lo + n - 1].0)? {
                n += 1;
            }
            v[lo..lo + n].reverse();
        } else {
            while lo + n < hi && !self.lt(v[lo + n].0, v[lo + n - 1].0)? {
                n += 1;
            }
        }
        Ok(n)
    }

    /// Binary insertion of `v[start..hi]` into the sorted `v[lo..start]`.
    fn binarysort(&mut self, v: &mut [Item], lo: usize, hi: usize, start: usize) -> PyResult<()> {
        let start = if start == lo { start + 1 } else { start };
        for s in start..hi {
            let pivot = v[s];
            let (mut l, mut r) = (lo, s);
            while l < r {
                let p = l + ((r - l) >> 1);
                if self.lt(pivot.0, v[p].0)? {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            v.copy_within(l..s, l + 1);
            v[l] = pivot;
        }
        Ok(())
    }

    /// Where `key` belongs in the sorted `a` (before any equal item), searched by
    /// galloping from `hint`.
    fn gallop_left(&mut self, key: ObjId, a: &[Item], hint: usize) -> PyResult<usize> {
        let n = a.len();
        let (mut lastofs, mut ofs);
        if self.lt(a[hint].0, key)? {
            // a[hint] < key: gallop right.
            let maxofs = n - hint;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(a[hint + ofs].0, key)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        } else {
            // key <= a[hint]: gallop left.
            let maxofs = hint + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(a[hint - ofs].0, key)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            // hint - ofs may be -1: kept as lastofs + 1 below.
            lastofs = (hint + 1).wrapping_sub(ofs).wrapping_sub(1);
            ofs = hint - k;
        }
        // a[lastofs] < key <= a[ofs]: binary search in between.
        let mut lo = lastofs.wrapping_add(1);
        while lo < ofs {
            let m = lo + ((ofs - lo) >> 1);
            if self.lt(a[m].0, key)? {
                lo = m + 1;
            } else {
                ofs = m;
            }
        }
        Ok(ofs)
    }

    /// Where `key` belongs in the sorted `a` (after any equal item), searched by
    /// galloping from `hint`.
    fn gallop_right(&mut self, key: ObjId, a: &[Item], hint: usize) -> PyResult<usize> {
        let n = a.len();
        let (mut lastofs, mut ofs);
        if self.lt(key, a[hint].0)? {
            // key < a[hint]: gallop left.
            let maxofs = hint + 1;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(key, a[hint - ofs].0)? {
                    lastofs = ofs;
                    ofs = (ofs << 1) + 1;
                } else {
                    break;
                }
            }
            ofs = ofs.min(maxofs);
            let k = lastofs;
            lastofs = (hint + 1).wrapping_sub(ofs).wrapping_sub(1);
            ofs = hint - k;
        } else {
            // a[hint] <= key: gallop right.
            let maxofs = n - hint;
            lastofs = 0;
            ofs = 1;
            while ofs < maxofs {
                if self.lt(key, a[hint + ofs].0)? {
                    break;
                }
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            }
            ofs = ofs.min(maxofs);
            lastofs += hint;
            ofs += hint;
        }
        let mut lo = lastofs.wrapping_add(1);
        while lo < ofs {
            let m = lo + ((ofs - lo) >> 1);
            if self.lt(key, a[m].0)? {
                ofs = m;
            } else {
                lo = m + 1;
            }
        }
        Ok(ofs)
    }

    /// Merges the adjacent sorted runs `v[a..a+na]` and `v[a+na..a+na+nb]`, na <= nb,
    /// from the left, with the shorter run copied aside.
    fn merge_lo(&mut self, v: &mut [Item], a: usize, na: usize, nb: usize) -> PyResult<()> {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&v[a..a + na]);
        let r = self.merge_lo_in(v, &tmp, a, na, nb);
        self.tmp = tmp;
        r
    }

    fn merge_lo_in(
        &mut self,
        v: &mut [Item],
        tmp: &[Item],
        a: usize,
        mut na: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        let (mut dest, mut pa, mut pb) = (a, 0usize, a + na);
        // Copies what is left of `a` back (also when a comparison raised).
        macro_rules! finish {
            ($r:expr) => {{
                v[dest..dest + na].copy_from_slice(&tmp[pa..pa + na]);
                return $r;
            }};
        }
        macro_rules! copy_b {
            () => {{
                // na == 1: the last item of `a` goes after the rest of `b`.
                v.copy_within(pb..pb + nb, dest);
                v[dest + nb] = tmp[pa];
                return Ok(());
            }};
        }
        v[dest] = v[pb];
        dest += 1;
        pb += 1;
        nb -= 1;
        if nb == 0 {
            finish!(Ok(()));
        }
        if na == 1 {
            copy_b!();
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            // One item at a time until one run wins min_gallop times in a row.
            loop {
                match self.lt(v[pb].0, tmp[pa].0) {
                    Err(e) => finish!(Err(e)),
                    Ok(true) => {
                        v[dest] = v[pb];
                        dest += 1;
                        pb += 1;
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 0 {
                            finish!(Ok(()));
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                    Ok(false) => {
                        v[dest] = tmp[pa];
                        dest += 1;
                        pa += 1;
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 1 {
                            copy_b!();
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                }
            }
            // Gallop while a run keeps winning by MIN_GALLOP or more.
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let k = match self.gallop_right(v[pb].0, &tmp[pa..pa + na], 0) {
                    Ok(k) => k,
                    Err(e) => finish!(Err(e)),
                };
                acount = k;
                if k > 0 {
                    v[dest..dest + k].copy_from_slice(&tmp[pa..pa + k]);
                    dest += k;
                    pa += k;
                    na -= k;
                    if na == 1 {
                        copy_b!();
                    }
                    // Only an inconsistent comparison empties `a` here.
                    if na == 0 {
                        finish!(Ok(()));
                    }
                }
                v[dest] = v[pb];
                dest += 1;
                pb += 1;
                nb -= 1;
                if nb == 0 {
                    finish!(Ok(()));
                }
                let key = tmp[pa].0;
                let k = match self.gallop_left(key, &v[pb..pb + nb], 0) {
                    Ok(k) => k,
                    Err(e) => finish!(Err(e)),
                };
                bcount = k;
                if k > 0 {
                    v.copy_within(pb..pb + k, dest);
                    dest += k;
                    pb += k;
                    nb -= k;
                    if nb == 0 {
                        finish!(Ok(()));
                    }
                }
                v[dest] = tmp[pa];
                dest += 1;
                pa += 1;
                na -= 1;
                if na == 1 {
                    copy_b!();
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// Merges `v[a..a+na]` and `v[a+na..a+na+nb]`, na > nb, from the right, with the
    /// shorter run `b` copied aside.
    fn merge_hi(&mut self, v: &mut [Item], a: usize, na: usize, nb: usize) -> PyResult<()> {
        let mut tmp = std::mem::take(&mut self.tmp);
        tmp.clear();
        tmp.extend_from_slice(&v[a + na..a + na + nb]);
        let r = self.merge_hi_in(v, &tmp, a, na, nb);
        self.tmp = tmp;
        r
    }

    fn merge_hi_in(
        &mut self,
        v: &mut [Item],
        tmp: &[Item],
        a: usize,
        mut na: usize,
        mut nb: usize,
    ) -> PyResult<()> {
        // Positions one past the last unmerged item: `dest` in v, `ea` of run a in v,
        // `eb` of run b in tmp.
        let (mut dest, mut ea, mut eb) = (a + na + nb, a + na, nb);
        macro_rules! finish {
            ($r:expr) => {{
                v[dest - nb..dest].copy_from_slice(&tmp[eb - nb..eb]);
                return $r;
            }};
        }
        macro_rules! copy_a {
            () => {{
                // nb == 1: the first item of `b` goes before the rest of `a`.
                v.copy_within(ea - na..ea, dest - na);
                v[dest - na - 1] = tmp[eb - 1];
                return Ok(());
            }};
        }
        dest -= 1;
        ea -= 1;
        v[dest] = v[ea];
        na -= 1;
        if na == 0 {
            finish!(Ok(()));
        }
        if nb == 1 {
            copy_a!();
        }
        let mut min_gallop = self.min_gallop;
        loop {
            let (mut acount, mut bcount) = (0usize, 0usize);
            loop {
                match self.lt(tmp[eb - 1].0, v[ea - 1].0) {
                    Err(e) => finish!(Err(e)),
                    Ok(true) => {
                        dest -= 1;
                        ea -= 1;
                        v[dest] = v[ea];
                        acount += 1;
                        bcount = 0;
                        na -= 1;
                        if na == 0 {
                            finish!(Ok(()));
                        }
                        if acount >= min_gallop {
                            break;
                        }
                    }
                    Ok(false) => {
                        dest -= 1;
                        eb -= 1;
                        v[dest] = tmp[eb];
                        bcount += 1;
                        acount = 0;
                        nb -= 1;
                        if nb == 1 {
                            copy_a!();
                        }
                        if bcount >= min_gallop {
                            break;
                        }
                    }
                }
            }
            min_gallop += 1;
            loop {
                min_gallop -= usize::from(min_gallop > 1);
                self.min_gallop = min_gallop;
                let key = tmp[eb - 1].0;
                let k = match self.gallop_right(key, &v[a..a + na], na - 1) {
                    Ok(k) => na - k,
                    Err(e) => finish!(Err(e)),
                };
                acount = k;
                if k > 0 {
                    v.copy_within(ea - k..ea, dest - k);
                    dest -= k;
                    ea -= k;
                    na -= k;
                    if na == 0 {
                        finish!(Ok(()));
                    }
                }
                dest -= 1;
                eb -= 1;
                v[dest] = tmp[eb];
                nb -= 1;
                if nb == 1 {
                    copy_a!();
                }
                let key = v[ea - 1].0;
                let k = match self.gallop_left(key, &tmp[..nb], nb - 1) {
                    Ok(k) => nb - k,
                    Err(e) => finish!(Err(e)),
                };
                bcount = k;
                if k > 0 {
                    v[dest - k..dest].copy_from_slice(&tmp[eb - k..eb]);
                    dest -= k;
                    eb -= k;
                    nb -= k;
                    if nb == 1 {
                        copy_a!();
                    }
                    // Only an inconsistent comparison empties `b` here.
                    if nb == 0 {
                        finish!(Ok(()));
                    }
                }
                dest -= 1;
                ea -= 1;
                v[dest] = v[ea];
                na -= 1;
                if na == 0 {
                    finish!(Ok(()));
                }
                if acount < MIN_GALLOP && bcount < MIN_GALLOP {
                    break;
                }
            }
            min_gallop += 1;
            self.min_gallop = min_gallop;
        }
    }

    /// Merges pending runs `i` and `i + 1`.
    fn merge_at(&mut self, v: &mut [Item], i: usize) -> PyResult<()> {
        let (a, na) = (self.pending[i].base, self.pending[i].len);
        let (b, nb) = (self.pending[i + 1].base, self.pending[i + 1].len);
        self.pending[i].len = na + nb;
        self.pending.remove(i + 1);
        // Items of `a` before where b[0] goes are already in place.
        let key = v[b].0;
        let k = self.gallop_right(key, &v[a..a + na], 0)?;
        let (a, na) = (a + k, na - k);
        if na == 0 {
            return Ok(());
        }
        // Items of `b` after where a's last goes are in place too.
        let key = v[a + na - 1].0;
        let nb = self.gallop_left(key, &v[b..b + nb], nb - 1)?;
        if nb == 0 {
            return Ok(());
        }
        if na <= nb {
            self.merge_lo(v, a, na, nb)
        } else {
            self.merge_hi(v, a, na, nb)
        }
    }

    /// Powersort: the new run (`n2` items after the last pending one) gets a power, and
    /// pending runs of greater power are merged first.
    fn found_new_run(&mut self, v: &mut [Item], n2: usize) -> PyResult<()> {
        let Some(last) = self.pending.last() else {
            return Ok(());
        };
        let power = powerloop(last.base, last.len, n2, self.listlen);
        while self.pending.len() > 1 && self.pending[self.pending.len() - 2].power > power {
            let i = self.pending.len() - 2;
            self.merge_at(v, i)?;
        }
        if let Some(last) = self.pending.last_mut() {
            last.power = power;
        }
        Ok(())
    }

    fn force_collapse(&mut self, v: &mut [Item]) -> PyResult<()> {
        while self.pending.len() > 1 {
            let mut n = self.pending.len() - 2;
            if n > 0 && self.pending[n - 1].len < self.pending[n + 1].len {
                n -= 1;
            }
            self.merge_at(v, n)?;
        }
        Ok(())
    }
}

/// The powersort "power" of the boundary between a run at `s1` of length `n1` and the
/// next run of length `n2`, in a list of `n` items.
fn powerloop(s1: usize, n1: usize, n2: usize, n: usize) -> u32 {
    let mut result = 0;
    let mut a = 2 * s1 + n1;
    let mut b = a + n1 + n2;
    loop {
        result += 1;
        if a >= n {
            a -= n;
            b -= n;
        } else if b >= n {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    result
}

/// The shortest run worth making by binary insertion for a list of `n` items.
fn compute_minrun(mut n: usize) -> usize {
    let mut r = 0;
    while n >= 64 {
        r |= n & 1;
        n >>= 1;
    }
    n + r
}

/// Sorts `v` by its keys, stably, making CPython 3.11's comparisons in its order.
pub fn timsort(vm: &mut Vm, v: &mut [Item]) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut ms = MergeState {
        vm,
        min_gallop: MIN_GALLOP,
        pending: vec![],
        listlen: n,
        tmp: vec![],
    };
    let minrun = compute_minrun(n);
    let mut lo = 0;
    while lo < n {
        let remaining = n - lo;
        let mut run = ms.count_run(v, lo, n)?;
        if run < minrun {
            let force = remaining.min(minrun);
            ms.binarysort(v, lo, lo + force, lo + run)?;
            run = force;
        }
        ms.found_new_run(v, run)?;
        ms.pending.push(Run {
            base: lo,
            len: run,
            power: 0,
        });
        lo += run;
    }
    ms.force_collapse(v)
}
