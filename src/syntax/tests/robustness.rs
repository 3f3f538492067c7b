//! No input may panic or overflow the stack. Deep inputs run on an 8 MiB thread, the
//! size of a main thread, though refscope parses on a 256 MiB one.

use crate::syntax::{SyntaxErrorKind, parse_file, parse_source};

fn on_thread<T: Send + 'static>(stack: usize, f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(stack)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

const MAIN_STACK: usize = 8 << 20;
/// Rust's default for spawned threads (and so for tests).
const STACK_FOR_MAX_DEPTH: usize = 2 << 20;

#[test]
fn random_bytes_never_panic() {
    let alphabet: &[&[u8]] = &[
        b"(",
        b")",
        b"[",
        b"]",
        b"{",
        b"}",
        b"'",
        b"\"",
        b"\"\"\"",
        b"\\",
        b"\n",
        b"\r",
        b"\t",
        b"    ",
        b"if ",
        b"x",
        b"1",
        b"0x",
        b"=",
        b":",
        b"f'",
        b"{",
        b"#",
        b"\0",
        b"\xff",
        b"\xe2\x82",
        b"\xef\xbb\xbf",
        b"def ",
        b"lambda",
        b",",
        b".",
        b"*",
        b"\xc2\xa0",
        b"e",
        b"_",
        b"else",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    on_thread(MAIN_STACK, move || {
        // REFSCOPE_FUZZ_ITERS=1000000 for a longer run.
        let iters = std::env::var("REFSCOPE_FUZZ_ITERS")
            .ok()
            .and_then(|n| n.parse().ok())
            .unwrap_or(3000);
        for _ in 0..iters {
            let len = (next() % 40) as usize;
            let mut bytes = Vec::new();
            for _ in 0..len {
                if next() % 4 == 0 {
                    bytes.push((next() % 256) as u8);
                } else {
                    bytes.extend_from_slice(alphabet[(next() as usize) % alphabet.len()]);
                }
            }
            if let Err(e) = parse_file(&bytes, "fuzz.py") {
                let _ = e.render();
            }
        }
    });
}

#[test]
fn empty_bom_and_line_endings() {
    assert!(parse_file(b"", "a.py").is_ok());
    assert!(parse_file(b"\xef\xbb\xbf", "a.py").is_ok());
    assert!(parse_file(b"\n\n\r\n\r", "a.py").is_ok());
    assert!(parse_file(b"x = 1\r\nif x:\r\n  y = 2\r\n", "a.py").is_ok());
    assert!(parse_file(b"x = 1\rif x:\r  y = 2\r", "a.py").is_ok());
    assert!(parse_file(b"\xef\xbb\xbfx = 1\n", "a.py").is_ok());
}

#[test]
fn null_bytes_anywhere() {
    for bytes in [&b"\0"[..], b"x = 1\0", b"\0\xff", b"'''\0'''", b"# \0\n"] {
        let err = parse_file(bytes, "n.py").unwrap_err();
        assert_eq!(
            err.msg, "source code cannot contain null bytes",
            "{bytes:?}"
        );
    }
    let err = parse_source("x = 1\n\0", "n.py").unwrap_err();
    assert_eq!(err.line, 2);
}

#[test]
fn two_hundred_brackets_and_no_more() {
    let nested = |n: usize| format!("x = {}1{}\n", "(".repeat(n), ")".repeat(n));
    on_thread(MAIN_STACK, move || {
        assert!(parse_source(&nested(200), "p.py").is_ok());
        let err = parse_source(&nested(201), "p.py").unwrap_err();
        assert_eq!(err.msg, "too many nested parentheses");
        let err = parse_source(&format!("x = {}\n", "[".repeat(500)), "p.py").unwrap_err();
        assert_eq!(err.msg, "too many nested parentheses");
        assert_eq!(err.col, 205);
    });
}

#[test]
fn indentation_is_limited_to_ninety_nine_levels() {
    let ifs = |n: usize| {
        let mut s = String::new();
        for i in 0..n {
            s += &format!("{}if x:\n", " ".repeat(i));
        }
        s + &format!("{}pass\n", " ".repeat(n))
    };
    on_thread(MAIN_STACK, move || {
        assert!(parse_source(&ifs(99), "i.py").is_ok());
        let err = parse_source(&ifs(100), "i.py").unwrap_err();
        assert_eq!(err.kind, SyntaxErrorKind::IndentationError);
        assert_eq!(err.msg, "too many levels of indentation");
        assert_eq!(err.line, 101);
    });
}

#[test]
fn long_chains_are_refused_like_cpython_refuses_them() {
    on_thread(MAIN_STACK, || {
        let sum = |n: usize| format!("x = {}\n", vec!["1"; n].join("+"));
        assert!(parse_source(&sum(2999), "s.py").is_ok());
        for source in [
            sum(3000),
            sum(20_000),
            format!("x = {}1\n", "-".repeat(200_000)),
            format!("x = {}1\n", "not ".repeat(100_000)),
            format!("x = {}1\n", "lambda: ".repeat(100_000)),
            format!("x = a{}\n", ".b".repeat(100_000)),
            format!("x = a{}\n", "()".repeat(100_000)),
        ] {
            let err = parse_source(&source, "deep.py").unwrap_err();
            assert!(err.msg.starts_with("too many nested"), "{}", err.msg);
            assert_eq!(err.line, 1);
        }
    });
}

#[test]
fn a_megabyte_of_source() {
    let mut source = String::new();
    let mut i = 0;
    while source.len() < 1 << 20 {
        source += &format!("def f{i}(a, b=[1, 2, 3]):\n    return {{'k': a + b[0] * {i}}}\n");
        i += 1;
    }
    on_thread(MAIN_STACK, move || {
        let parsed = parse_source(&source, "big.py").unwrap();
        assert_eq!(parsed.module.body.len(), i);
        let mut broken = source.clone();
        broken.push_str("x = (\n");
        let err = parse_source(&broken, "big.py").unwrap_err();
        assert_eq!(err.msg, "'(' was never closed");
    });
}

#[test]
fn a_megabyte_of_garbage() {
    let mut bytes = Vec::with_capacity(1 << 20);
    let mut seed: u32 = 12345;
    while bytes.len() < 1 << 20 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12345);
        let b = (seed >> 16) as u8;
        bytes.push(if b == 0 { b' ' } else { b & 0x7f });
    }
    on_thread(MAIN_STACK, move || {
        let _ = parse_file(&bytes, "garbage.py").map_err(|e| e.render());
    });
}

#[test]
fn the_deepest_accepted_programs_fit_a_small_thread() {
    // refscope itself parses on 256 MiB.
    on_thread(STACK_FOR_MAX_DEPTH, || {
        for source in [
            format!("x = {}\n", vec!["1"; 2999].join("+")),
            format!("x = {}1\n", "-".repeat(2998)),
            format!("x = {}1\n", "not ".repeat(2998)),
            format!("x = a{}\n", ".b".repeat(2998)),
        ] {
            let parsed = parse_source(&source, "deep.py");
            assert!(parsed.is_ok(), "{}", parsed.unwrap_err().msg);
        }
        let err = parse_source(&format!("x = {}1\n", "-".repeat(100_000)), "deep.py").unwrap_err();
        assert!(err.msg.starts_with("too many nested"));
    });
}
