//! Unit tests, with expected values taken from CPython 3.11.7, and a differential test
//! that asks `python3` directly.

use super::*;
use num_bigint::BigInt;

fn i(v: i64) -> Int {
    Int::Small(v)
}

fn big(s: &str) -> Int {
    Int::from_bigint(s.parse::<BigInt>().unwrap())
}

#[test]
fn int_size_stays_small() {
    assert!(std::mem::size_of::<Int>() <= 40);
}

#[test]
fn floor_division_and_modulo_follow_the_divisor_sign() {
    assert_eq!(i(-7).floordiv(&i(2)).unwrap(), i(-4));
    assert_eq!(i(-7).modulo(&i(2)).unwrap(), i(1));
    assert_eq!(i(7).modulo(&i(-2)).unwrap(), i(-1));
    assert_eq!(
        i(i64::MIN).floordiv(&i(-1)).unwrap(),
        big("9223372036854775808")
    );
    assert_eq!(
        i(1).floordiv(&i(0)),
        Err(NumError::ZeroDivision("integer division or modulo by zero"))
    );
    assert_eq!(
        i(1).modulo(&i(0)),
        Err(NumError::ZeroDivision("integer modulo by zero"))
    );
}

#[test]
fn small_becomes_big_and_back() {
    let m = i(i64::MAX).add(&i(1));
    assert_eq!(m, big("9223372036854775808"));
    assert_eq!(m.sub(&i(1)), i(i64::MAX));
    assert_eq!(i(i64::MIN).neg(), big("9223372036854775808"));
}

#[test]
fn powers() {
    assert_eq!(
        i(2).pow(&i(100), None).unwrap(),
        Number::Int(big("1267650600228229401496703205376"))
    );
    assert_eq!(i(2).pow(&i(-1), None).unwrap(), Number::Float(0.5));
    assert_eq!(
        i(0).pow(&i(-1), None),
        Err(NumError::ZeroDivision(
            "0.0 cannot be raised to a negative power"
        ))
    );
    assert_eq!(i(3).pow(&i(-1), Some(&i(7))).unwrap(), Number::Int(i(5)));
    assert!(i(2).pow(&i(-1), Some(&i(4))).is_err());
    assert_eq!(i(2).pow(&i(10), Some(&i(-7))).unwrap(), Number::Int(i(-5)));
}

#[test]
fn shifts() {
    assert_eq!(i(1).lshift(&i(64)).unwrap(), big("18446744073709551616"));
    assert_eq!(i(-1).rshift(&i(100)).unwrap(), i(-1));
    assert_eq!(big("-18446744073709551617").rshift(&i(64)).unwrap(), i(-2));
    assert!(i(1).lshift(&i(-1)).is_err());
}

#[test]
fn hashes_match_cpython() {
    assert_eq!(i(-1).hash(), -2);
    assert_eq!(big("2305843009213693952").hash(), 1); // 2**61
    assert_eq!(big("2305843009213693951").hash(), 0); // 2**61 - 1
    assert_eq!(big("-2305843009213693952").hash(), -2);
    assert_eq!(float_hash(1.5, 0), 1152921504606846977);
    assert_eq!(float_hash(-0.0, 0), 0);
    assert_eq!(float_hash(0.1, 0), 230584300921369408);
    assert_eq!(float_hash(1e300, 0), 1224995262755759164);
    assert_eq!(float_hash(f64::INFINITY, 0), 314159);
    assert_eq!(float_hash(2.0, 0), i(2).hash());
}

#[test]
fn true_division_is_correctly_rounded() {
    assert_eq!(i(1).truediv(&i(3)).unwrap(), 1.0 / 3.0);
    let a = big("123456789012345678901234567890");
    assert_eq!(a.truediv(&i(7)).unwrap(), 1.763668414462081e28);
    assert_eq!(i(1).truediv(&big(&"1".repeat(700))).unwrap(), 0.0);
    assert!(
        big(&format!("1{}", "0".repeat(400)))
            .truediv(&i(1))
            .is_err()
    );
}

#[test]
fn parsing_ints() {
    assert_eq!(Int::parse(" 12_3 ", 10).unwrap(), i(123));
    assert_eq!(Int::parse("0x_ff", 0).unwrap(), i(255));
    assert_eq!(Int::parse("-0b101", 0).unwrap(), i(-5));
    assert_eq!(Int::parse("ff", 16).unwrap(), i(255));
    assert_eq!(
        Int::parse("010", 0),
        Err(NumError::Value(
            "invalid literal for int() with base 0: '010'".into()
        ))
    );
    assert!(Int::parse("1__2", 10).is_err());
    assert!(Int::parse("_1", 10).is_err());
    assert!(Int::parse("", 10).is_err());
    assert!(Int::parse(&"1".repeat(5000), 10).unwrap_err() == NumError::Value("Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; use sys.set_int_max_str_digits() to increase the limit".into()));
}

#[test]
fn rounding() {
    assert_eq!(float_round(2.675, Some(2)).unwrap(), Number::Float(2.67));
    assert_eq!(float_round(-0.5, None).unwrap(), Number::Int(i(0)));
    assert_eq!(float_round(5.5, None).unwrap(), Number::Int(i(6)));
    assert_eq!(float_round(2.5, None).unwrap(), Number::Int(i(2)));
    assert_eq!(int_round(&i(1250), -2), i(1200));
    assert_eq!(int_round(&i(1350), -2), i(1400));
    assert_eq!(int_round(&i(-1250), -2), i(-1200));
}

#[test]
fn float_floor_division_and_modulo() {
    assert_eq!(float_floordiv(-7.5, 2.0).unwrap(), -4.0);
    assert_eq!(float_mod(-7.5, 2.0).unwrap(), 0.5);
    assert_eq!(float_mod(7.5, -2.0).unwrap(), -0.5);
    assert!(float_mod(0.0, -1.0).unwrap().is_sign_negative());
    assert_eq!(
        float_mod(1.0, 0.0),
        Err(NumError::ZeroDivision("float modulo"))
    );
}

#[test]
fn float_ratio_and_parse() {
    assert_eq!(
        float_as_integer_ratio(1.5).unwrap(),
        (BigInt::from(3), BigInt::from(2))
    );
    assert_eq!(
        float_as_integer_ratio(0.1).unwrap().1,
        BigInt::from(36028797018963968i64)
    );
    assert_eq!(parse_float(" -InFinity ").unwrap(), f64::NEG_INFINITY);
    assert_eq!(parse_float("1_0.5").unwrap(), 10.5);
    assert_eq!(
        parse_float("x"),
        Err(NumError::Value(
            "could not convert string to float: 'x'".into()
        ))
    );
}

/// Asks python3 for the results of many operations and compares them all.
#[test]
fn differential_against_python3() {
    let Ok(probe) = crate::bench::python3().arg("--version").output() else {
        println!("note: python3 not found, differential test skipped");
        return;
    };
    if !probe.status.success() {
        return;
    }
    let values: Vec<i64> = vec![
        0,
        1,
        -1,
        2,
        -2,
        3,
        7,
        -7,
        10,
        255,
        -256,
        1 << 31,
        -(1 << 40),
        i64::MAX,
        i64::MIN + 1,
        123456789,
    ];
    let mut cases = vec![];
    for a in &values {
        for b in &values {
            cases.push((*a, *b));
        }
    }
    let ops = ["//", "%", "/", "<<", ">>", "&", "|", "^", "*", "+", "-"];
    let mut script = String::from("import sys\n");
    for (a, b) in &cases {
        for op in ops {
            let expr = if op == "<<" || op == ">>" {
                format!("({a}) {op} ({})", b.rem_euclid(70))
            } else {
                format!("({a}) {op} ({b})")
            };
            script.push_str(&format!(
                "try:\n    print(repr({expr}))\nexcept Exception as e:\n    print(type(e).__name__, e)\n"
            ));
        }
    }
    use std::io::Write;
    let mut child = crate::bench::python3()
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut lines = text.lines();
    let mut failures = vec![];
    for (a, b) in &cases {
        for op in ops {
            let expected = lines.next().unwrap_or("").to_string();
            let (x, y) = (i(*a), i(*b));
            let y = if op == "<<" || op == ">>" {
                i(b.rem_euclid(70))
            } else {
                y
            };
            let got = match op {
                "//" => x.floordiv(&y).map(|r| r.to_decimal().unwrap()),
                "%" => x.modulo(&y).map(|r| r.to_decimal().unwrap()),
                "/" => x.truediv(&y).map(crate::vm::text::float_repr),
                "<<" => x.lshift(&y).map(|r| r.to_decimal().unwrap()),
                ">>" => x.rshift(&y).map(|r| r.to_decimal().unwrap()),
                "&" => Ok(x.bitand(&y).to_decimal().unwrap()),
                "|" => Ok(x.bitor(&y).to_decimal().unwrap()),
                "^" => Ok(x.bitxor(&y).to_decimal().unwrap()),
                "*" => Ok(x.mul(&y).to_decimal().unwrap()),
                "+" => Ok(x.add(&y).to_decimal().unwrap()),
                _ => Ok(x.sub(&y).to_decimal().unwrap()),
            };
            let got = match got {
                Ok(s) => s,
                Err(NumError::ZeroDivision(m)) => format!("ZeroDivisionError {m}"),
                Err(NumError::Overflow(m)) => format!("OverflowError {m}"),
                Err(NumError::Value(m)) => format!("ValueError {m}"),
                Err(NumError::Type(m)) => format!("TypeError {m}"),
            };
            if got != expected {
                failures.push(format!("{a} {op} {b}: python3 {expected}, refscope {got}"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures[..failures.len().min(20)].join("\n")
    );
}
