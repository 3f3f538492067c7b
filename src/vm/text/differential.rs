//! Differential test against python3: thousands of deterministic cases, evaluated once by
//! this crate and once by a single python3 process, compared line by line (results as
//! `repr`, errors as `ERR Type: message`). Skipped, with a note, when python3 is missing.

use super::percent::{Arg, Args, PercentSource, percent_format};
use super::spec::{Formattable, format};
use super::template::{FieldKey, FieldPart, FormatParser, Piece};
use super::{TextError, TextResult, bytes, float_repr, repr, strings};
use num_bigint::BigInt;
use std::io::Write;
use std::process::Stdio;

/// Deterministic xorshift generator.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    /// Floats of all magnitudes: random bit patterns and "human" decimal values.
    fn float(&mut self) -> f64 {
        match self.below(4) {
            0 => loop {
                let x = f64::from_bits(self.next());
                if x.is_finite() {
                    return x;
                }
            },
            1 => {
                let mant = (self.next() % 100_000) as f64;
                let exp = self.below(40) as i32 - 20;
                let x = mant * 10f64.powi(exp);
                if self.below(2) == 0 { -x } else { x }
            }
            2 => (self.next() % 2000) as f64 / 8.0 - 125.0,
            _ => (self.next() as f64 / u64::MAX as f64) * 10f64.powi(self.below(30) as i32 - 10),
        }
    }
}

type Predicate = fn(&str) -> bool;

/// A Python expression and what this crate says it evaluates to.
struct Case {
    expr: String,
    ours: String,
}

fn py_str(s: &str) -> String {
    repr::str_repr(s)
}

/// A Python expression for `x` that does not depend on our float repr.
fn py_float(x: f64) -> String {
    if x.is_nan() {
        return "float('nan')".into();
    }
    if x.is_infinite() {
        return if x > 0.0 {
            "float('inf')".into()
        } else {
            "float('-inf')".into()
        };
    }
    let bits = x.to_bits();
    let sign = if bits >> 63 == 1 { "-" } else { "" };
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    format!("float.fromhex('{sign}0x{lead}.{mant:013x}p{e:+}')")
}

/// A Python literal for `v`; hexadecimal when long, as Python refuses huge decimal literals.
fn py_int(v: &BigInt) -> String {
    let s = v.to_string();
    if s.len() < 100 {
        return s;
    }
    let hex = v.magnitude().to_str_radix(16);
    if v.sign() == num_bigint::Sign::Minus {
        format!("-0x{hex}")
    } else {
        format!("0x{hex}")
    }
}

fn show<T>(r: TextResult<T>, f: impl Fn(T) -> String) -> String {
    match r {
        Ok(v) => f(v),
        Err(TextError { kind, message }) => format!("ERR {}: {message}", kind.name()),
    }
}

fn show_list(items: &[String]) -> String {
    format!(
        "[{}]",
        items
            .iter()
            .map(|s| py_str(s))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn show_bool(b: bool) -> String {
    if b { "True".into() } else { "False".into() }
}

fn opt(v: Option<i64>) -> String {
    v.map_or("None".into(), |v| v.to_string())
}

const STRINGS: &[&str] = &[
    "",
    "a",
    "abc",
    "  hello  world  ",
    "a,b,,c",
    "Hello World",
    "hELLo wOrLD",
    "they're bill's",
    "\t a\tb\n\tc",
    "line1\nline2\r\nline3\rline4\x0bx\x0cy\x1cz\u{85}w\u{2028}v",
    "aaaa",
    "-42",
    "+7",
    "ßtraße",
    "ΑΣ ΟΔΟΣ",
    "éàç ÉÀÇ",
    "µ ÿ",
    "ǆemal",
    "ﬁne",
    "x\u{a0}y",
    "日本語テキスト",
    "😀 smile 😀",
    "ab\u{200b}cd",
    "'\"",
    "back\\slash",
    "ǅ Title",
    "123",
    "١٢٣",
    "²",
    "½",
    "1_000",
];

fn float_cases(rng: &mut Rng, cases: &mut Vec<Case>) {
    let specials = [
        0.0,
        -0.0,
        1.0,
        0.1,
        1e16,
        1e-5,
        1.5e-7,
        123456789012345.0,
        1e15,
        9999999999999998.0,
        0.0001,
        1e22,
        5e-324,
        f64::MAX,
        f64::INFINITY,
        f64::NEG_INFINITY,
        f64::NAN,
        2.5,
        0.5,
        1.25,
        0.125,
        100.0,
    ];
    let mut floats: Vec<f64> = specials.to_vec();
    floats.extend((0..5000).map(|_| rng.float()));
    for &x in &floats {
        cases.push(Case {
            expr: format!("repr({})", py_float(x)),
            ours: py_str(&float_repr(x)),
        });
    }
    let specs = [
        "", "e", ".3e", "f", ".0f", ".10f", "g", ".1g", ".17g", "#g", "%", ".2%", "n", "+.3",
        ">12.4f", "012,.2f", "_", "z.1f", "E", "G", "#.0e", "#.0f", "^+15.6g", " 10", "=+10.2f",
        ".30f", ",", ".5", "F", "r", "d", "*<10.3", "015", "-", ".0", "#", "#.3", ",.1e",
        "0=20_.2f", ".0%", "#.0g", "z", "z.0f", "c", "s", ",n", "10.2n", ".50g", ".100e",
    ];
    for (i, &x) in floats.iter().enumerate() {
        let n = if i < specials.len() { specs.len() } else { 3 };
        for k in 0..n {
            let spec = if i < specials.len() {
                specs[k]
            } else {
                rng.pick(&specs)
            };
            cases.push(Case {
                expr: format!("format({}, {})", py_float(x), py_str(spec)),
                ours: show(format(Formattable::Float(x), spec), |s| py_str(&s)),
            });
        }
    }
}

fn int_cases(rng: &mut Rng, cases: &mut Vec<Case>) {
    let mut ints: Vec<BigInt> = [
        0i64,
        1,
        -1,
        7,
        -42,
        255,
        1234,
        -1234567,
        65,
        0x10ffff,
        0x110000,
        i64::MAX,
        i64::MIN,
    ]
    .iter()
    .map(|&i| BigInt::from(i))
    .collect();
    ints.push(BigInt::from(1) << 70usize);
    ints.push(-(BigInt::from(3) << 100usize));
    ints.push(BigInt::from(1) << 1100usize);
    ints.push(num_traits::pow(BigInt::from(10), 4299));
    ints.push(-num_traits::pow(BigInt::from(10), 4299));
    ints.push(num_traits::pow(BigInt::from(10), 4300));
    for _ in 0..200 {
        let v = BigInt::from(rng.next() as i64) >> rng.below(64);
        ints.push(v);
    }
    let specs = [
        "",
        "d",
        "b",
        "#b",
        "o",
        "#o",
        "x",
        "#X",
        ",",
        "_",
        "_x",
        "_b",
        "08,",
        "+08",
        " d",
        "=+10",
        "^10",
        "*<10x",
        "c",
        "e",
        ".2f",
        "%",
        "n",
        ".3",
        ",x",
        "#c",
        "z",
        "0=10",
        "010_",
        "09,",
        "#010x",
        "-#o",
        "g",
        ".3g",
        "E",
        "s",
        "q",
        "+c",
        "<5",
        "0",
        "00",
        "abc",
        "_,",
        ",,",
        "10,d",
        "#_b",
        "x<+#012_X",
        "\u{1}",
    ];
    for v in &ints {
        for spec in specs {
            cases.push(Case {
                expr: format!("format({}, {})", py_int(v), py_str(spec)),
                ours: show(format(Formattable::Int(v), spec), |s| py_str(&s)),
            });
        }
    }
    for b in [true, false] {
        for spec in ["", "d", ">5", "x", ".1f", "s"] {
            let name = if b { "True" } else { "False" };
            cases.push(Case {
                expr: format!("format({name}, {})", py_str(spec)),
                ours: show(format(Formattable::Bool(b), spec), |s| py_str(&s)),
            });
        }
    }
    let _ = rng;
}

/// A random spec from the grammar's pieces (valid or not).
fn random_spec(rng: &mut Rng) -> String {
    let mut spec = String::new();
    let parts: [&[&str]; 9] = [
        &["", "", "*<", "0>", "é^", "=", "<", ">", "^", " =", "x", "{"],
        &["", "", "+", "-", " "],
        &["", "", "", "z"],
        &["", "", "#"],
        &["", "", "0"],
        &["", "", "1", "7", "12", "25", "010"],
        &["", "", ",", "_", ",_"],
        &["", "", ".0", ".1", ".3", ".12", ".", ".25"],
        &[
            "", "", "d", "x", "X", "o", "b", "c", "e", "E", "f", "F", "g", "G", "%", "n", "s", "q",
        ],
    ];
    for options in parts {
        spec.push_str(rng.pick::<&str>(options));
    }
    spec
}

fn random_spec_cases(rng: &mut Rng, cases: &mut Vec<Case>) {
    for _ in 0..4000 {
        let spec = random_spec(rng);
        let x = rng.float();
        cases.push(Case {
            expr: format!("format({}, {})", py_float(x), py_str(&spec)),
            ours: show(format(Formattable::Float(x), &spec), |s| py_str(&s)),
        });
        let v = BigInt::from(rng.next() as i64) >> rng.below(64);
        cases.push(Case {
            expr: format!("format({v}, {})", py_str(&spec)),
            ours: show(format(Formattable::Int(&v), &spec), |s| py_str(&s)),
        });
        let text = *rng.pick(STRINGS);
        cases.push(Case {
            expr: format!("format({}, {})", py_str(text), py_str(&spec)),
            ours: show(format(Formattable::Str(text), &spec), |s| py_str(&s)),
        });
    }
}

fn str_format_cases(cases: &mut Vec<Case>) {
    let specs = [
        "", "10", "<10", ">10", "^10", "*^9", ".2", "10.3", "05", "+", "=5", "d", ",", "#", " ",
        "z", "0<5", "s", "x^7s", "^^5", "é>4", ".",
    ];
    for s in STRINGS {
        for spec in specs {
            cases.push(Case {
                expr: format!("format({}, {})", py_str(s), py_str(spec)),
                ours: show(format(Formattable::Str(s), spec), |s| py_str(&s)),
            });
        }
    }
}

/// Plain `%` arguments and their Python literals.
fn percent_values() -> Vec<(Arg, String)> {
    let int = |i: i64| (Arg::Int(BigInt::from(i)), i.to_string());
    let float = |x: f64| (Arg::Float(x), py_float(x));
    let s = |v: &str| (Arg::Str(v.into()), py_str(v));
    vec![
        int(42),
        int(-7),
        int(0),
        int(255),
        int(0x110000),
        (Arg::Int(BigInt::from(1) << 70), "2**70".into()),
        float(3.5),
        float(-0.0),
        float(1e20),
        float(f64::NAN),
        float(f64::INFINITY),
        float(-2.675),
        float(1e-7),
        s("abc"),
        s("é"),
        s("x"),
        s("it's"),
        (Arg::Bool(true), "True".into()),
    ]
}

fn percent_cases(rng: &mut Rng, cases: &mut Vec<Case>) {
    let formats = [
        "%s", "%r", "%a", "%5d", "%-5d|", "%05.1f", "%+e", "%#x", "%x", "%c", "%.3s", "%i", "%u",
        "%o", "%#o", "%10.4g", "%G", "% 05d", "%#.0f", "%-8.3E|", "%+.2f%%", "%X", "%#X", "%.5d",
        "%08.3x", "%y", "%", "%5", "%s %s", "%d%%", "%-#10o|", "%.0e", "%#.3g", "%g", "%.20f",
        "%+d", "% d", "%05s", "%-+6d|", "%ld", "%.1%",
    ];
    let values = percent_values();
    for fmt in formats {
        for (arg, lit) in &values {
            let mut src = Args {
                items: vec![arg.clone()],
                tuple: false,
            };
            cases.push(Case {
                expr: format!("{} % {lit}", py_str(fmt)),
                ours: show(percent_format(fmt, &mut src), |s| py_str(&s)),
            });
        }
    }
    // Tuples, stars and argument counting.
    let multi = [
        "%s %s", "%*d|", "%-*d|", "%.*f", "%*.*s|", "%d %d %d", "", "x", "%%", "%s", "%c%c",
    ];
    for _ in 0..600 {
        let fmt = rng.pick(&multi);
        let n = rng.below(4);
        let picked: Vec<&(Arg, String)> = (0..n).map(|_| rng.pick(&values)).collect();
        let items: Vec<Arg> = picked.iter().map(|(a, _)| a.clone()).collect();
        let lits: Vec<&str> = picked.iter().map(|(_, l)| l.as_str()).collect();
        let tuple = if n == 1 {
            format!("({},)", lits[0])
        } else {
            format!("({})", lits.join(", "))
        };
        let mut src = Args { items, tuple: true };
        cases.push(Case {
            expr: format!("{} % {tuple}", py_str(fmt)),
            ours: show(percent_format(fmt, &mut src), |s| py_str(&s)),
        });
    }
}

/// Random single conversions with flags, widths and precisions (including `*`).
fn random_percent_cases(rng: &mut Rng, cases: &mut Vec<Case>) {
    let values = percent_values();
    let types = [
        "s", "r", "a", "d", "i", "u", "o", "x", "X", "e", "E", "f", "F", "g", "G", "c", "%", "k",
    ];
    for _ in 0..3000 {
        let mut fmt = String::from("<%");
        let mut items = Vec::new();
        let mut lits = Vec::new();
        for flag in ["-", "+", " ", "#", "0"] {
            if rng.below(4) == 0 {
                fmt.push_str(flag);
            }
        }
        let mut star = |fmt: &mut String, rng: &mut Rng| {
            let v = rng.below(17) as i64 - 8;
            fmt.push('*');
            items.push(Arg::Int(BigInt::from(v)));
            lits.push(v.to_string());
        };
        match rng.below(4) {
            0 => star(&mut fmt, rng),
            1 => fmt.push_str(rng.pick::<&str>(&["1", "5", "12"])),
            _ => {}
        }
        match rng.below(4) {
            0 => {
                fmt.push('.');
                star(&mut fmt, rng);
            }
            1 => fmt.push_str(rng.pick::<&str>(&[".0", ".3", ".12", "."])),
            _ => {}
        }
        fmt.push_str(rng.pick::<&str>(&types));
        fmt.push('>');
        let (arg, lit) = rng.pick(&values).clone();
        items.push(arg);
        lits.push(lit);
        let tuple = format!("({},)", lits.join(", "));
        let mut src = Args { items, tuple: true };
        cases.push(Case {
            expr: format!("{} % {tuple}", py_str(&fmt)),
            ours: show(percent_format(&fmt, &mut src), |s| py_str(&s)),
        });
    }
}

/// `fmt % {'a': 1, 'b': 'x y', 'o': Obj()}` where `Obj` has its own `str` and `repr`.
struct DictSource;

const DICT_REPR: &str = "{'a': 1, 'b': 'x y', 'o': Obj('é')}";

impl PercentSource for DictSource {
    fn tuple_len(&self) -> Option<usize> {
        None
    }
    fn is_mapping(&self) -> bool {
        true
    }
    fn get(&mut self, _i: usize) -> Arg {
        Arg::Object {
            id: 0,
            type_name: "dict".into(),
            int: None,
            index: None,
            float: None,
        }
    }
    fn mapping_get(&mut self, key: &str) -> TextResult<Arg> {
        match key {
            "a" => Ok(Arg::Int(BigInt::from(1))),
            "b" => Ok(Arg::Str("x y".into())),
            "o" => Ok(Arg::Object {
                id: 1,
                type_name: "Obj".into(),
                int: None,
                index: None,
                float: None,
            }),
            _ => Err(TextError::new(super::ExcKind::KeyError, py_str(key))),
        }
    }
    fn text(&mut self, id: u64, repr: bool) -> TextResult<String> {
        Ok(match (id, repr) {
            (0, _) => DICT_REPR.into(),
            (_, true) => "Obj('é')".into(),
            (_, false) => "obj é".into(),
        })
    }
}

fn mapping_cases(cases: &mut Vec<Case>) {
    let formats = [
        "%(a)s",
        "%(b)r",
        "%(o)s",
        "%(o)r",
        "%(o)a",
        "%(a)d %(b)s",
        "%(missing)s",
        "%(a)s %s",
        "%s",
        "%(a",
        "%(a)*d",
        "abc",
        "%(o)d",
        "%(o)x",
        "%(o)f",
        "%(o)c",
        "%(b)5.1s|",
        "%(a)-4d|",
        "%(a)#o",
        "%((a))s",
        "%()s",
        "%(a)s%%",
        "%(o)10.3a|",
    ];
    for fmt in formats {
        cases.push(Case {
            expr: format!("{} % {{'a': 1, 'b': 'x y', 'o': Obj()}}", py_str(fmt)),
            ours: show(percent_format(fmt, &mut DictSource), |s| py_str(&s)),
        });
    }
}

/// Render a template with positional `str` arguments and keyword `x`, `y`, through our
/// parser and our `format_str`, as `str.format` would.
fn render(template: &str, args: &[&str]) -> TextResult<String> {
    fn field_value(f: &super::template::Field, args: &[&str]) -> TextResult<String> {
        let base = match &f.name.first {
            FieldKey::Index(i) => args.get(*i).map(|s| s.to_string()).ok_or_else(|| {
                TextError::new(
                    super::ExcKind::IndexError,
                    format!("Replacement index {i} out of range for positional args tuple"),
                )
            })?,
            FieldKey::Name(n) if n == "x" => "X".into(),
            FieldKey::Name(n) if n == "y" => "yy".into(),
            FieldKey::Name(n) => return Err(TextError::new(super::ExcKind::KeyError, py_str(n))),
        };
        let mut value = base;
        for part in &f.name.parts {
            value = match part {
                FieldPart::Index(i) => strings::str_index(&value, *i as i64)?.to_string(),
                _ => {
                    return Err(TextError::type_error(
                        "string indices must be integers, not 'str'",
                    ));
                }
            };
        }
        if let Some(e) = &f.name.error {
            return Err(e.clone());
        }
        let value = match f.conversion {
            Some('r') => repr::str_repr(&value),
            Some('a') => repr::ascii(&value),
            _ => value,
        };
        if let Some(e) = &f.error {
            return Err(e.clone());
        }
        let mut spec = String::new();
        for p in &f.spec {
            match p {
                Piece::Literal(l) => spec.push_str(l),
                Piece::Field(inner) => spec.push_str(&field_value(inner, args)?),
            }
        }
        if let Some(e) = &f.spec_error {
            return Err(e.clone());
        }
        format(Formattable::Str(&value), &spec)
    }
    let mut out = String::new();
    // Lazily, as the VM must: a field is rendered before later text is parsed.
    for piece in FormatParser::new(template) {
        match piece? {
            Piece::Literal(l) => out.push_str(&l),
            Piece::Field(f) => out.push_str(&field_value(&f, args)?),
        }
    }
    Ok(out)
}

fn template_cases(cases: &mut Vec<Case>) {
    let templates = [
        "{} {}",
        "{0} {1} {0}",
        "{} {0}",
        "{0} {}",
        "}",
        "{",
        "{0",
        "{0!}",
        "{0!x}",
        "{0!rr}",
        "{0:{1}}",
        "{0[}",
        "{0.}",
        "{0[0]x}",
        "{:{:{}}}",
        "{0!r:>5}",
        "{0]}",
        "{[}",
        "{0:}}",
        "{0:{{}",
        "x}}y{{z",
        "{!r}",
        "{ 0}",
        "{00}",
        "{-1}",
        "{0[1]}",
        "{0a}",
        "{:}}}",
        "{0!r",
        "{0:",
        "{0!r:",
        "{0[1}",
        "{0[]}",
        "{x}{y!a:*^{1}}",
        "{z}",
        "{5}",
        "{:{}}{}",
        "{x:{}}{}",
        "{0[0]}{1[-1]}",
        "{2!s:.{0}}",
        "{!a}",
        "{0!a:}",
        "a{{b}}c{}",
        "{0:{1}.{2}}",
        "{}{}{}{}",
        "{0:\u{e9}^9}",
        "{1!r:{0}}",
        "{7!x}",
        "{7:{:{}}}",
        "{0:{7:{}}}",
        "{0!x} }",
        "{7!r:{0!x}}",
        "{0:{1}}}",
        "{7:{0}}}",
        "{0:{7}}}",
        "{0:{1!x}}",
        "{0:{7!x}}",
        "{0:{}}",
        "{0:{7}{a{}}}",
        "{0:{1}{a{}}}",
        "{0:{1}{2!}}}",
    ];
    let args = ["ab", "8", "é"];
    for t in templates {
        let lits: Vec<String> = args.iter().map(|a| py_str(a)).collect();
        cases.push(Case {
            expr: format!("{}.format({}, x='X', y='yy')", py_str(t), lits.join(", ")),
            ours: show(render(t, &args), |s| py_str(&s)),
        });
    }
}

fn str_method_cases(rng: &mut Rng, cases: &mut Vec<Case>) {
    let idx = [
        None,
        Some(0),
        Some(1),
        Some(2),
        Some(-1),
        Some(-3),
        Some(5),
        Some(-20),
        Some(20),
        Some(4),
    ];
    let seps = [
        None,
        Some(","),
        Some(" "),
        Some("a"),
        Some("ab"),
        Some(""),
        Some("ΟΣ"),
        Some("😀"),
    ];
    let subs = ["", "a", "l", "o", "ab", "ΟΣ", "😀", " ", "xyz", "ll"];
    for s in STRINGS {
        let q = py_str(s);
        let mut push = |expr: String, ours: String| cases.push(Case { expr, ours });
        for m in [
            "upper",
            "lower",
            "casefold",
            "title",
            "capitalize",
            "swapcase",
        ] {
            let ours = match m {
                "upper" => strings::upper(s),
                "lower" => strings::lower(s),
                "casefold" => strings::casefold(s),
                "title" => strings::title(s),
                "capitalize" => strings::capitalize(s),
                _ => strings::swapcase(s),
            };
            push(format!("{q}.{m}()"), py_str(&ours));
        }
        let preds: [(&str, Predicate); 14] = [
            ("isdigit", strings::isdigit),
            ("isdecimal", strings::isdecimal),
            ("isnumeric", strings::isnumeric),
            ("isalpha", strings::isalpha),
            ("isalnum", strings::isalnum),
            ("isspace", strings::isspace),
            ("isupper", strings::isupper),
            ("islower", strings::islower),
            ("istitle", strings::istitle),
            ("isidentifier", strings::isidentifier),
            ("isprintable", strings::isprintable),
            ("isascii", strings::isascii),
            ("__len__", |s| !s.is_empty()),
            ("isspace", strings::isspace),
        ];
        for (name, f) in preds {
            if name == "__len__" {
                push(format!("{q}.__len__() > 0"), show_bool(f(s)));
            } else {
                push(format!("{q}.{name}()"), show_bool(f(s)));
            }
        }
        push(format!("repr({q})"), py_str(&repr::str_repr(s)));
        push(format!("ascii({q})"), py_str(&repr::ascii(s)));
        push(
            format!("sys.getsizeof({q})"),
            repr::str_getsizeof(s).to_string(),
        );
        push(
            format!("{q}.splitlines()"),
            show_list(&strings::splitlines(s, false)),
        );
        push(
            format!("{q}.splitlines(True)"),
            show_list(&strings::splitlines(s, true)),
        );
        push(format!("{q}.strip()"), py_str(&strings::strip(s, None)));
        push(
            format!("{q}.lstrip('a h')"),
            py_str(&strings::lstrip(s, Some("a h"))),
        );
        push(
            format!("{q}.rstrip('dl ')"),
            py_str(&strings::rstrip(s, Some("dl "))),
        );
        push(
            format!("{q}.expandtabs()"),
            py_str(&strings::expandtabs(s, 8)),
        );
        push(
            format!("{q}.expandtabs(3)"),
            py_str(&strings::expandtabs(s, 3)),
        );
        push(
            format!("{q}.encode()"),
            repr::bytes_repr(&strings::encode_utf8(s)),
        );
        for w in [-1, 0, 5, 12, 13] {
            push(
                format!("{q}.center({w}, '*')"),
                py_str(&strings::center(s, w, '*')),
            );
            push(
                format!("{q}.ljust({w}, 'é')"),
                py_str(&strings::ljust(s, w, 'é')),
            );
            push(
                format!("{q}.rjust({w})"),
                py_str(&strings::rjust(s, w, ' ')),
            );
            push(format!("{q}.zfill({w})"), py_str(&strings::zfill(s, w)));
        }
        for sep in seps {
            let sep_lit = sep.map_or("None".to_string(), py_str);
            for maxsplit in [-1, 0, 1, 2] {
                push(
                    format!("{q}.split({sep_lit}, {maxsplit})"),
                    show(strings::split(s, sep, maxsplit), |v| show_list(&v)),
                );
                push(
                    format!("{q}.rsplit({sep_lit}, {maxsplit})"),
                    show(strings::rsplit(s, sep, maxsplit), |v| show_list(&v)),
                );
            }
            if let Some(sep) = sep {
                let tuple = |(a, b, c): (String, String, String)| {
                    format!("({}, {}, {})", py_str(&a), py_str(&b), py_str(&c))
                };
                push(
                    format!("{q}.partition({sep_lit})"),
                    show(strings::partition(s, sep), tuple),
                );
                push(
                    format!("{q}.rpartition({sep_lit})"),
                    show(strings::rpartition(s, sep), tuple),
                );
                push(
                    format!("{q}.removeprefix({sep_lit})"),
                    py_str(strings::removeprefix(s, sep)),
                );
                push(
                    format!("{q}.removesuffix({sep_lit})"),
                    py_str(strings::removesuffix(s, sep)),
                );
                for count in [-1, 0, 1, 2] {
                    push(
                        format!("{q}.replace({sep_lit}, '<>', {count})"),
                        py_str(&strings::replace(s, sep, "<>", count)),
                    );
                }
                let parts: Vec<&str> = STRINGS.iter().take(4).copied().collect();
                let lits: Vec<String> = parts.iter().map(|p| py_str(p)).collect();
                push(
                    format!("{sep_lit}.join([{}])", lits.join(", ")),
                    py_str(&strings::join(sep, &parts)),
                );
            }
        }
        for _ in 0..12 {
            let sub = *rng.pick(&subs);
            let (start, end) = (*rng.pick(&idx), *rng.pick(&idx));
            let args = format!("{}, {}, {}", py_str(sub), opt(start), opt(end));
            push(
                format!("{q}.find({args})"),
                strings::find(s, sub, start, end).to_string(),
            );
            push(
                format!("{q}.rfind({args})"),
                strings::rfind(s, sub, start, end).to_string(),
            );
            push(
                format!("{q}.index({args})"),
                show(strings::index(s, sub, start, end), |v| v.to_string()),
            );
            push(
                format!("{q}.rindex({args})"),
                show(strings::rindex(s, sub, start, end), |v| v.to_string()),
            );
            push(
                format!("{q}.count({args})"),
                strings::count(s, sub, start, end).to_string(),
            );
            let other = *rng.pick(&subs);
            let tuple_args = format!(
                "({}, {}), {}, {}",
                py_str(sub),
                py_str(other),
                opt(start),
                opt(end)
            );
            push(
                format!("{q}.startswith({tuple_args})"),
                show_bool(strings::startswith(s, &[sub, other], start, end)),
            );
            push(
                format!("{q}.endswith({tuple_args})"),
                show_bool(strings::endswith(s, &[sub, other], start, end)),
            );
            let step = *rng.pick(&[None, Some(1), Some(2), Some(-1), Some(-2), Some(3), Some(0)]);
            push(
                format!("{q}[{}:{}:{}]", opt(start), opt(end), opt(step)),
                show(strings::str_slice(s, start, end, step), |v| py_str(&v)),
            );
            if let Some(i) = start {
                push(
                    format!("{q}[{i}]"),
                    show(strings::str_index(s, i), |c| py_str(&c.to_string())),
                );
            }
        }
    }
}

fn char_cases(cases: &mut Vec<Case>) {
    // Exact claims: every Latin-1 character.
    for u in 0..256u32 {
        let c = char::from_u32(u).unwrap_or('\0');
        let s = c.to_string();
        let q = format!("chr({u})");
        let checks: [(&str, bool); 12] = [
            ("isprintable", strings::isprintable(&s)),
            ("isspace", strings::isspace(&s)),
            ("isalpha", strings::isalpha(&s)),
            ("isdigit", strings::isdigit(&s)),
            ("isdecimal", strings::isdecimal(&s)),
            ("isnumeric", strings::isnumeric(&s)),
            ("isalnum", strings::isalnum(&s)),
            ("isupper", strings::isupper(&s)),
            ("islower", strings::islower(&s)),
            ("istitle", strings::istitle(&s)),
            ("isidentifier", strings::isidentifier(&s)),
            ("isascii", strings::isascii(&s)),
        ];
        for (name, ours) in checks {
            cases.push(Case {
                expr: format!("{q}.{name}()"),
                ours: show_bool(ours),
            });
        }
        for (m, ours) in [
            ("upper", strings::upper(&s)),
            ("lower", strings::lower(&s)),
            ("title", strings::title(&s)),
            ("casefold", strings::casefold(&s)),
        ] {
            cases.push(Case {
                expr: format!("{q}.{m}()"),
                ours: py_str(&ours),
            });
        }
        cases.push(Case {
            expr: format!("repr({q})"),
            ours: py_str(&repr::str_repr(&s)),
        });
    }
}

fn bytes_cases(rng: &mut Rng, cases: &mut Vec<Case>) {
    let pool: &[u8] = &[
        b'a', b' ', b',', 0x00, 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xed, 0xa0,
        0xf0, 0x9f, 0x98, 0x80, 0xf4, 0x90, 0xff, b'\'', b'"', b'\n',
    ];
    for _ in 0..500 {
        let n = rng.below(7);
        let b: Vec<u8> = (0..n).map(|_| *rng.pick(pool)).collect();
        let lit = repr::bytes_repr(&b);
        cases.push(Case {
            expr: format!("{lit}.decode()"),
            ours: show(bytes::decode(&b, "utf-8"), |s| py_str(&s)),
        });
        cases.push(Case {
            expr: format!("{lit}.decode('ascii')"),
            ours: show(bytes::decode(&b, "ascii"), |s| py_str(&s)),
        });
        cases.push(Case {
            expr: format!("{lit}.hex(':', {})", n as i64 - 3),
            ours: show(bytes::hex(&b, Some(":"), n as i64 - 3), |h| py_str(&h)),
        });
        cases.push(Case {
            expr: format!("{lit}.split()"),
            ours: show(bytes::split(&b, None, -1), |v| {
                format!(
                    "[{}]",
                    v.iter()
                        .map(|x| repr::bytes_repr(x))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }),
        });
        cases.push(Case {
            expr: format!("{lit}.split(b',', 1)"),
            ours: show(bytes::split(&b, Some(b","), 1), |v| {
                format!(
                    "[{}]",
                    v.iter()
                        .map(|x| repr::bytes_repr(x))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }),
        });
        cases.push(Case {
            expr: format!("{lit}.find(b'a', 1)"),
            ours: bytes::find(&b, b"a", Some(1), None).to_string(),
        });
        cases.push(Case {
            expr: format!("{lit}.rfind(b'', 2, -1)"),
            ours: bytes::rfind(&b, b"", Some(2), Some(-1)).to_string(),
        });
        cases.push(Case {
            expr: format!("{lit}.count(b'a')"),
            ours: bytes::count(&b, b"a", None, None).to_string(),
        });
        cases.push(Case {
            expr: format!("{lit}.startswith((b'a', b' '), 1)"),
            ours: show_bool(bytes::startswith(&b, &[b"a", b" "], Some(1), None)),
        });
    }
    cases.push(Case {
        expr: "b''.decode('nope')".into(),
        ours: show(bytes::decode(b"", "nope"), |s| py_str(&s)),
    });
}

fn run_python(cases: &[Case]) -> Option<Vec<String>> {
    let mut script = String::from(
        "import sys\nclass Obj:\n    __str__ = lambda self: 'obj é'\n    __repr__ = lambda self: \"Obj('é')\"\ndef t(f):\n    try:\n        print(repr(f()))\n    except Exception as e:\n        print('ERR', type(e).__name__ + ':', e)\n",
    );
    for case in cases {
        script.push_str(&format!("t(lambda: {})\n", case.expr));
    }
    let child = crate::bench::python3()
        .arg("-")
        .env("PYTHONIOENCODING", "utf-8")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        println!("note: python3 not found; differential test skipped");
        return None;
    };
    child.stdin.take()?.write_all(script.as_bytes()).ok()?;
    let output = child.wait_with_output().ok()?;
    assert!(
        output.status.success(),
        "python3 failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    Some(
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .map(str::to_string)
            .collect(),
    )
}

#[test]
fn matches_cpython() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut cases = Vec::new();
    float_cases(&mut rng, &mut cases);
    int_cases(&mut rng, &mut cases);
    str_format_cases(&mut cases);
    random_spec_cases(&mut rng, &mut cases);
    percent_cases(&mut rng, &mut cases);
    template_cases(&mut cases);
    mapping_cases(&mut cases);
    random_percent_cases(&mut rng, &mut cases);
    str_method_cases(&mut rng, &mut cases);
    char_cases(&mut cases);
    bytes_cases(&mut rng, &mut cases);
    let Some(theirs) = run_python(&cases) else {
        return;
    };
    assert_eq!(
        theirs.len(),
        cases.len(),
        "python3 printed a different number of lines"
    );
    let mismatches: Vec<String> = cases
        .iter()
        .zip(&theirs)
        .filter(|(c, t)| &c.ours != *t)
        .map(|(c, t)| format!("{}\n    python: {t}\n    ours:   {}", c.expr, c.ours))
        .collect();
    println!("{} cases compared with python3", cases.len());
    assert!(
        mismatches.is_empty(),
        "{} of {} cases differ from python3:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

/// Every code point of planes 0–2 and 14: the twelve `str.is*` predicates of a
/// one-character string, its decimal value, and its upper, lower, title and casefold
/// mappings, compared with python3.
#[test]
fn unicode_classes_match_cpython() {
    let script = "import sys, unicodedata
for u in list(range(0x30000)) + list(range(0xE0000, 0xE0200)):
    if 0xD800 <= u <= 0xDFFF: continue
    c = chr(u)
    f = ''.join('1' if m() else '0' for m in (c.isprintable, c.isspace, c.isalpha, c.isdigit, c.isdecimal,
        c.isnumeric, c.isupper, c.islower, c.istitle, c.isidentifier, c.isalnum, ('a' + c).isidentifier))
    print(f, unicodedata.decimal(c, -1), ascii(c.upper()), ascii(c.lower()), ascii(c.title()), ascii(c.casefold()))
";
    let child = crate::bench::python3()
        .args(["-c", script])
        .env("PYTHONIOENCODING", "utf-8")
        .stdout(Stdio::piped())
        .spawn();
    let Ok(child) = child else {
        println!("note: python3 not found; Unicode differential test skipped");
        return;
    };
    let output = child.wait_with_output().expect("python3 output");
    let theirs = String::from_utf8_lossy(&output.stdout);
    let code_points = (0..0x30000u32)
        .chain(0xE0000..0xE0200)
        .filter_map(char::from_u32);
    let mut mismatches = Vec::new();
    let mut compared = 0;
    for (c, line) in code_points.zip(theirs.lines()) {
        let s = c.to_string();
        let b = |x: bool| if x { '1' } else { '0' };
        let flags: String = [
            strings::isprintable(&s),
            strings::isspace(&s),
            strings::isalpha(&s),
            strings::isdigit(&s),
            strings::isdecimal(&s),
            strings::isnumeric(&s),
            strings::isupper(&s),
            strings::islower(&s),
            strings::istitle(&s),
            strings::isidentifier(&s),
            strings::isalnum(&s),
            strings::isidentifier(&format!("a{c}")),
        ]
        .iter()
        .map(|x| b(*x))
        .collect();
        let decimal = super::unicode::decimal_value(c).map_or(-1, |v| v as i64);
        let ours = format!(
            "{flags} {decimal} {} {} {} {}",
            repr::ascii(&strings::upper(&s)),
            repr::ascii(&strings::lower(&s)),
            repr::ascii(&strings::title(&s)),
            repr::ascii(&strings::casefold(&s))
        );
        compared += 1;
        if ours != line && mismatches.len() < 40 {
            mismatches.push(format!(
                "U+{:04X}\n    python: {line}\n    ours:   {ours}",
                c as u32
            ));
        }
    }
    assert!(compared > 190_000, "python3 printed only {compared} lines");
    assert!(
        mismatches.is_empty(),
        "code points differ from python3:\n{}",
        mismatches.join("\n")
    );
}
