//! `_random`: the Mersenne Twister (MT19937) under the `random` module, seeded as CPython
//! 3.11 seeds it, so that a seeded program draws the numbers python3 draws.
//!
//! The generator's state lives in the program's heap, as one `array('I')` object of 625
//! items (the 624 words, then the position), which `random.Random` instances hold: the
//! heap shows one object where CPython has the state inside its C `Random` object.

use num_bigint::{BigInt, Sign};

use crate::heap::kinds::{ArrayData, ArrayObj, NativeFn};
use crate::heap::{Kind, ObjId, Sym};
use crate::vm::builtins::{check_args, new_native_module};
use crate::vm::{PyResult, Vm};

type Kw<'a> = &'a [(Sym, ObjId)];

const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER: u32 = 0x8000_0000;
const LOWER: u32 = 0x7fff_ffff;

pub fn create(vm: &mut Vm) -> ObjId {
    const FUNCS: &[(&str, NativeFn)] = &[
        ("new_state", new_state),
        ("seed", seed),
        ("random", random),
        ("getrandbits", getrandbits),
        ("getstate", getstate),
        ("setstate", setstate),
        ("sha512", sha512),
    ];
    new_native_module(vm, "_random", FUNCS)
}

/// The generator: its words and the next word's position (N: twist first).
struct Mt {
    words: [u32; N],
    pos: usize,
}

impl Mt {
    fn from_words(words: &[u32]) -> Mt {
        let mut mt = Mt {
            words: [0; N],
            pos: N,
        };
        mt.words.copy_from_slice(&words[..N]);
        mt
    }

    fn init(&mut self, s: u32) {
        self.words[0] = s;
        for i in 1..N {
            let prev = self.words[i - 1];
            self.words[i] = 1_812_433_253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.pos = N;
    }

    /// Seeds from an array of 32-bit words (MT19937's `init_by_array`).
    fn init_by_array(&mut self, key: &[u32]) {
        self.init(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let w = &mut self.words;
        for _ in 0..N.max(key.len()) {
            let prev = w[i - 1];
            w[i] = (w[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                w[0] = w[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = w[i - 1];
            w[i] =
                (w[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                w[0] = w[N - 1];
                i = 1;
            }
        }
        w[0] = 0x8000_0000;
        self.pos = N;
    }

    fn twist(&mut self) {
        let w = &mut self.words;
        let mix = |a: u32, b: u32, far: u32| {
            let y = (a & UPPER) | (b & LOWER);
            far ^ (y >> 1) ^ if y & 1 != 0 { MATRIX_A } else { 0 }
        };
        for k in 0..N {
            w[k] = mix(w[k], w[(k + 1) % N], w[(k + M) % N]);
        }
        self.pos = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.pos >= N {
            self.twist();
        }
        let mut y = self.words[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }
}

/// The generator kept in a state array (None if `state` is not one).
fn load(vm: &Vm, state: ObjId) -> Option<Mt> {
    match vm.heap.kind(state) {
        Kind::Array(a) => match &a.data {
            ArrayData::UInt(v) if v.len() == N + 1 => {
                let words: Vec<u32> = v[..N].iter().map(|x| *x as u32).collect();
                let mut mt = Mt::from_words(&words);
                mt.pos = (v[N] as usize).min(N);
                Some(mt)
            }
            _ => None,
        },
        _ => None,
    }
}

fn store(vm: &mut Vm, state: ObjId, mt: &Mt) {
    if let Kind::Array(a) = vm.heap.kind_mut(state)
        && let ArrayData::UInt(v) = &mut a.data
    {
        for (d, s) in v.iter_mut().zip(mt.words.iter()) {
            *d = *s as u64;
        }
        v[N] = mt.pos as u64;
    }
}

fn state_arg(vm: &mut Vm, state: ObjId) -> PyResult<Mt> {
    load(vm, state).ok_or_else(|| vm.type_error("not a random generator state"))
}

/// `new_state()`: a state array, seeded with 0 (`seed` seeds it properly).
fn new_state(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "new_state", args, kw, 0, 0)?;
    let mut mt = Mt::from_words(&[0; N]);
    mt.init(0);
    let mut data: Vec<u64> = mt.words.iter().map(|x| *x as u64).collect();
    data.push(mt.pos as u64);
    Ok(vm.heap.alloc(Kind::Array(Box::new(ArrayObj {
        typecode: 'I',
        data: ArrayData::UInt(data),
        cap: N + 1,
    }))))
}

/// `seed(state, n)`: seeds from the int `n` as CPython's `random_seed` does (its
/// absolute value's 32-bit words, least significant first), from a bytes object read
/// as a big-endian unsigned number, or from the clock when `n` is None.
fn seed(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "seed", args, kw, 2, 2)?;
    let mut mt = state_arg(vm, args[0])?;
    let n: BigInt = if args[1] == vm.none {
        clock_seed()
    } else if let Some(i) = vm.int_of(args[1]) {
        i.to_bigint()
    } else if let Some(b) = crate::vm::builtins::bytes::bytes_of(vm, args[1]) {
        BigInt::from_bytes_be(Sign::Plus, &b)
    } else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("seed must be an int or bytes, not {tn}")));
    };
    let mut key = n.magnitude().to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    mt.init_by_array(&key);
    store(vm, args[0], &mt);
    Ok(vm.none())
}

/// A seed for `seed(None)`: the clock's nanoseconds and a count of the seeds made, so
/// that two generators made in the same instant differ.
fn clock_seed() -> BigInt {
    use std::sync::atomic::{AtomicU64, Ordering};
    static SEEDS: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let count = SEEDS.fetch_add(1, Ordering::Relaxed) as u128;
    BigInt::from(nanos ^ (count << 64) ^ ((std::process::id() as u128) << 96))
}

/// `random(state)`: a float in [0.0, 1.0) with 53 random bits, as CPython makes it.
fn random(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "random", args, kw, 1, 1)?;
    let mut mt = state_arg(vm, args[0])?;
    let a = (mt.next_u32() >> 5) as f64;
    let b = (mt.next_u32() >> 6) as f64;
    store(vm, args[0], &mt);
    Ok(vm.new_float((a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)))
}

/// `getrandbits(state, k)`: an int of k random bits, made of 32-bit words, least
/// significant first (the last word keeps its top bits), as CPython does.
fn getrandbits(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "getrandbits", args, kw, 2, 2)?;
    let mut mt = state_arg(vm, args[0])?;
    let Some(k) = vm.small_int_of(args[1]) else {
        let tn = vm.type_name(args[1]);
        return Err(vm.type_error(format!("'{tn}' object cannot be interpreted as an integer")));
    };
    if k < 0 {
        return Err(vm.value_error("number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(vm.new_int(0));
    }
    let r = if k <= 32 {
        vm.new_int((mt.next_u32() >> (32 - k)) as i64)
    } else {
        let mut left = k;
        let mut words = vec![];
        while left > 0 {
            let mut w = mt.next_u32();
            if left < 32 {
                w >>= 32 - left;
            }
            words.push(w);
            left -= 32;
        }
        vm.new_bigint(BigInt::from_slice(Sign::Plus, &words))
    };
    store(vm, args[0], &mt);
    Ok(r)
}

/// `getstate(state)`: the 624 words and the position, as a tuple of ints.
fn getstate(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "getstate", args, kw, 1, 1)?;
    let mt = state_arg(vm, args[0])?;
    let mut items: Vec<ObjId> = mt.words.iter().map(|w| vm.new_int(*w as i64)).collect();
    items.push(vm.new_int(mt.pos as i64));
    Ok(vm.new_tuple(items))
}

/// `setstate(state, words)`: back to a state `getstate` gave.
fn setstate(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    check_args(vm, "setstate", args, kw, 2, 2)?;
    let mut mt = state_arg(vm, args[0])?;
    let items: Vec<ObjId> = match vm.heap.kind(args[1]) {
        Kind::Tuple(t) => t.to_vec(),
        _ => return Err(vm.type_error("state vector must be a tuple")),
    };
    if items.len() != N + 1 {
        return Err(vm.value_error("state vector is the wrong size"));
    }
    for (i, item) in items.iter().enumerate() {
        let v = vm
            .small_int_of(*item)
            .filter(|v| (0..=u32::MAX as i64).contains(v));
        let Some(v) = v else {
            return Err(vm.overflow_error("Python int too large to convert to C unsigned long"));
        };
        if i < N {
            mt.words[i] = v as u32;
        } else if v as usize > N {
            return Err(vm.value_error("invalid state"));
        } else {
            mt.pos = v as usize;
        }
    }
    store(vm, args[0], &mt);
    Ok(vm.none())
}

/// `sha512(data)`: the SHA-512 digest of a bytes object (for seeding from a string, as
/// CPython's `Random.seed` does).
fn sha512(vm: &mut Vm, args: &[ObjId], kw: Kw) -> PyResult<ObjId> {
    use sha2::Digest;
    check_args(vm, "sha512", args, kw, 1, 1)?;
    let Some(b) = crate::vm::builtins::bytes::bytes_of(vm, args[0]) else {
        return Err(vm.type_error("sha512() argument must be bytes"));
    };
    let digest = sha2::Sha512::digest(&b);
    Ok(vm.new_bytes(digest.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::Mt;

    /// The reference output of MT19937 seeded by `init_by_array({0x123, 0x234, 0x345,
    /// 0x456})`, from the authors' mt19937ar.out.
    #[test]
    fn the_generator_gives_the_reference_sequence() {
        let mut mt = Mt::from_words(&[0; super::N]);
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| mt.next_u32()).collect();
        assert_eq!(
            first,
            [
                1_067_595_299,
                955_945_823,
                477_289_528,
                4_107_218_783,
                4_228_976_476
            ]
        );
    }
}
