//! Parsing `str.format` templates, following CPython 3.11's `Objects/stringlib/unicode_format.h`.
//!
//! The parser yields [`Piece`]s one at a time ([`FormatParser`]) so that the VM can render
//! each field before the next is parsed, which keeps CPython's order of errors: in
//! `'{0.a} }'.format(1)` the `AttributeError` comes before the `Single '}'` error.
//! Automatic field numbers (`{}`) are resolved to indices here.
//!
//! Errors CPython raises only after looking a field up are carried in the field
//! ([`FieldName::error`], [`Field::error`], [`Field::spec_error`]) for the VM to raise at
//! the same moment.

use super::{TextError, TextResult};

/// A piece of a template: literal text or a replacement field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Literal(String),
    Field(Field),
}

/// A replacement field `{name!conversion:spec}`.
///
/// The VM renders it in CPython's order, which also fixes which error wins:
/// 1. look up `name.first`, apply `name.parts`, then raise `name.error` if set;
/// 2. apply `conversion`;
/// 3. raise `error` if set;
/// 4. render `spec` (its nested fields the same way), then raise `spec_error` if set;
/// 5. format the value with the rendered spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub name: FieldName,
    /// `'r'`, `'s'` or `'a'`.
    pub conversion: Option<char>,
    /// The format spec; a single literal or nothing unless it has nested fields, which the
    /// VM renders and concatenates before formatting the value.
    pub spec: Vec<Piece>,
    /// An unknown conversion (`{0!x}`) or too deep nesting. The parser yields nothing
    /// after a field with an error.
    pub error: Option<TextError>,
    /// A syntax error inside the spec, after the pieces of `spec` that precede it.
    pub spec_error: Option<TextError>,
}

/// What a field refers to: an argument, then attribute and item accesses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldName {
    pub first: FieldKey,
    pub parts: Vec<FieldPart>,
    /// A syntax error after `parts`, such as `Empty attribute in format string`. CPython
    /// raises it after looking up `first` and applying `parts`, so the VM does the same.
    pub error: Option<TextError>,
}

/// The argument a field names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldKey {
    /// A positional argument (written, or numbered automatically).
    Index(usize),
    /// A keyword argument.
    Name(String),
}

/// One step after the argument: `.name`, `[3]` or `[key]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldPart {
    Attr(String),
    Index(usize),
    Key(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Numbering {
    Init,
    Auto,
    Manual,
}

/// Automatic field numbering state, shared by a template and its nested specs.
#[derive(Debug, Clone, Copy)]
struct AutoNumber {
    state: Numbering,
    next: usize,
}

/// Parse a whole template, stopping at the first error.
///
/// Rendering must use [`FormatParser`] instead to keep CPython's error order
/// (`'{7} }'.format()` raises `IndexError`, not the `Single '}'` error); this eager form
/// suits tools and tests.
///
/// ```
/// use refscope::vm::text::template::{parse_format_string, Piece, FieldKey};
/// let pieces = parse_format_string("x{}{{{:>{}}").unwrap();
/// assert_eq!(pieces.len(), 4);
/// assert_eq!(pieces[2], Piece::Literal("{".into()));
/// let Piece::Field(f) = &pieces[3] else { panic!() };
/// assert_eq!(f.name.first, FieldKey::Index(1));
/// assert_eq!(parse_format_string("{0}{}").unwrap_err().message,
///            "cannot switch from manual field specification to automatic field numbering");
/// ```
pub fn parse_format_string(s: &str) -> TextResult<Vec<Piece>> {
    FormatParser::new(s).collect()
}

/// An iterator over the pieces of a template; it ends after the first error.
pub struct FormatParser {
    chars: Vec<char>,
    pos: usize,
    auto: AutoNumber,
    depth: u32,
    failed: bool,
}

impl FormatParser {
    pub fn new(s: &str) -> Self {
        FormatParser {
            chars: s.chars().collect(),
            pos: 0,
            auto: AutoNumber {
                state: Numbering::Init,
                next: 0,
            },
            depth: 2,
            failed: false,
        }
    }

    fn nested(chars: Vec<char>, auto: AutoNumber, depth: u32) -> Self {
        FormatParser {
            chars,
            pos: 0,
            auto,
            depth,
            failed: false,
        }
    }

    /// `MarkupIterator_next`: literal text up to a brace, then maybe a field.
    fn next_piece(&mut self) -> TextResult<Option<Piece>> {
        if self.pos >= self.chars.len() {
            return Ok(None);
        }
        let start = self.pos;
        let mut brace = None;
        while self.pos < self.chars.len() {
            let c = self.chars[self.pos];
            self.pos += 1;
            if c == '{' || c == '}' {
                brace = Some(c);
                break;
            }
        }
        let at_end = self.pos >= self.chars.len();
        let next = self.chars.get(self.pos).copied();
        if brace == Some('}') && (at_end || next != Some('}')) {
            return Err(TextError::value_error(
                "Single '}' encountered in format string",
            ));
        }
        if at_end && brace == Some('{') {
            return Err(TextError::value_error(
                "Single '{' encountered in format string",
            ));
        }
        let mut end = self.pos;
        let mut field_follows = brace.is_some();
        if !at_end && brace.is_some() {
            if next == brace {
                self.pos += 1;
                field_follows = false;
            } else {
                end -= 1;
            }
        }
        let literal: String = self.chars[start..end].iter().collect();
        if !field_follows {
            return Ok(Some(Piece::Literal(literal)));
        }
        if !literal.is_empty() {
            // Hand out the literal now and parse the field on the next call.
            self.pos -= 1;
            return Ok(Some(Piece::Literal(literal)));
        }
        self.parse_field().map(|f| Some(Piece::Field(f)))
    }

    /// `parse_field` plus `field_name_split`; `pos` is just after the `{`.
    fn parse_field(&mut self) -> TextResult<Field> {
        let chars = &self.chars;
        let name_start = self.pos;
        let mut c = '\0';
        while self.pos < chars.len() {
            c = chars[self.pos];
            self.pos += 1;
            match c {
                '{' => return Err(TextError::value_error("unexpected '{' in field name")),
                '[' => {
                    while self.pos < chars.len() && chars[self.pos] != ']' {
                        self.pos += 1;
                    }
                }
                '}' | ':' | '!' => break,
                _ => {}
            }
        }
        let name: String = chars[name_start..self.pos.saturating_sub(1).max(name_start)]
            .iter()
            .collect();
        let mut conversion = None;
        let mut spec_chars = Vec::new();
        let mut needs_expanding = false;
        if c == '!' || c == ':' {
            let mut spec_follows = true;
            if c == '!' {
                let Some(&conv) = chars.get(self.pos) else {
                    return Err(TextError::value_error(
                        "end of string while looking for conversion specifier",
                    ));
                };
                self.pos += 1;
                conversion = Some(conv);
                if let Some(&after) = chars.get(self.pos) {
                    self.pos += 1;
                    if after == '}' {
                        spec_follows = false;
                    } else if after != ':' {
                        return Err(TextError::value_error(
                            "expected ':' after conversion specifier",
                        ));
                    }
                }
            }
            if spec_follows {
                let spec_start = self.pos;
                let mut count = 1;
                loop {
                    let Some(&sc) = chars.get(self.pos) else {
                        return Err(TextError::value_error("unmatched '{' in format spec"));
                    };
                    self.pos += 1;
                    match sc {
                        '{' => {
                            needs_expanding = true;
                            count += 1;
                        }
                        '}' => {
                            count -= 1;
                            if count == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                spec_chars = chars[spec_start..self.pos - 1].to_vec();
            }
        } else if c != '}' {
            return Err(TextError::value_error("expected '}' before end of string"));
        }
        let name = self.split_name(&name)?;
        let (conversion, mut error) = match conversion.map(check_conversion).transpose() {
            Ok(c) => (c, None),
            Err(e) => (None, Some(e)),
        };
        let mut spec = Vec::new();
        let mut spec_error = None;
        if error.is_none() && needs_expanding {
            if self.depth <= 1 {
                error = Some(TextError::value_error("Max string recursion exceeded"));
            } else {
                let mut inner = FormatParser::nested(spec_chars, self.auto, self.depth - 1);
                for piece in inner.by_ref() {
                    match piece {
                        Ok(p) => spec.push(p),
                        Err(e) => spec_error = Some(e),
                    }
                }
                self.auto = inner.auto;
            }
        } else if !spec_chars.is_empty() {
            spec = vec![Piece::Literal(spec_chars.into_iter().collect())];
        }
        if error.is_some() || spec_error.is_some() {
            // CPython stops at this field; nothing after it is parsed.
            self.failed = true;
        }
        Ok(Field {
            name,
            conversion,
            spec,
            error,
            spec_error,
        })
    }

    /// `field_name_split` and `FieldNameIterator`.
    fn split_name(&mut self, name: &str) -> TextResult<FieldName> {
        let split = name.find(['.', '[']).unwrap_or(name.len());
        let (first, rest) = name.split_at(split);
        let index = parse_index(first)?;
        let empty = first.is_empty();
        let first = if empty || index.is_some() {
            if self.auto.state == Numbering::Init {
                self.auto.state = if empty {
                    Numbering::Auto
                } else {
                    Numbering::Manual
                };
            }
            match (self.auto.state, empty) {
                (Numbering::Manual, true) => {
                    return Err(TextError::value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                (Numbering::Auto, false) => {
                    return Err(TextError::value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                _ => {}
            }
            if empty {
                self.auto.next += 1;
                FieldKey::Index(self.auto.next - 1)
            } else {
                FieldKey::Index(index.unwrap_or(0))
            }
        } else {
            FieldKey::Name(first.to_string())
        };
        let (parts, error) = split_parts(rest);
        Ok(FieldName {
            first,
            parts,
            error,
        })
    }
}

impl Iterator for FormatParser {
    type Item = TextResult<Piece>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.failed {
            return None;
        }
        let result = self.next_piece().transpose();
        if matches!(result, Some(Err(_))) {
            self.failed = true;
        }
        result
    }
}

/// Validate a conversion character: `r`, `s` or `a`.
pub fn check_conversion(c: char) -> TextResult<char> {
    match c {
        'r' | 's' | 'a' => Ok(c),
        c if (c as u32) > 32 && (c as u32) < 127 => Err(TextError::value_error(format!(
            "Unknown conversion specifier {c}"
        ))),
        c => Err(TextError::value_error(format!(
            "Unknown conversion specifier \\x{:x}",
            c as u32
        ))),
    }
}

/// CPython's `get_integer`: all ASCII digits → the number; anything else → `None`.
fn parse_index(s: &str) -> TextResult<Option<usize>> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(None);
    }
    s.parse::<usize>()
        .ok()
        .filter(|v| *v <= isize::MAX as usize)
        .map(Some)
        .ok_or_else(|| TextError::value_error("Too many decimal digits in format string"))
}

/// The `.attr` and `[item]` steps after the first name, and the error that ends them.
fn split_parts(rest: &str) -> (Vec<FieldPart>, Option<TextError>) {
    let chars: Vec<char> = rest.chars().collect();
    let mut parts = Vec::new();
    let mut pos = 0;
    while pos < chars.len() {
        let kind = chars[pos];
        pos += 1;
        let start = pos;
        let name: String = match kind {
            '.' => {
                while pos < chars.len() && chars[pos] != '.' && chars[pos] != '[' {
                    pos += 1;
                }
                chars[start..pos].iter().collect()
            }
            '[' => {
                while pos < chars.len() && chars[pos] != ']' {
                    pos += 1;
                }
                if pos >= chars.len() {
                    return (
                        parts,
                        Some(TextError::value_error("Missing ']' in format string")),
                    );
                }
                pos += 1;
                chars[start..pos - 1].iter().collect()
            }
            _ => {
                let msg = "Only '.' or '[' may follow ']' in format field specifier";
                return (parts, Some(TextError::value_error(msg)));
            }
        };
        let part = if kind == '.' {
            FieldPart::Attr(name.clone())
        } else {
            match parse_index(&name) {
                Ok(Some(i)) => FieldPart::Index(i),
                Ok(None) => FieldPart::Key(name.clone()),
                Err(e) => return (parts, Some(e)),
            }
        };
        if name.is_empty() {
            return (
                parts,
                Some(TextError::value_error("Empty attribute in format string")),
            );
        }
        parts.push(part);
    }
    (parts, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first error, whether the parser or a field (as the VM would raise it) reports it.
    fn err(s: &str) -> String {
        fn field_error(f: &Field) -> Option<String> {
            let own = f
                .name
                .error
                .as_ref()
                .or(f.error.as_ref())
                .map(|e| e.message.clone());
            own.or_else(|| {
                f.spec.iter().find_map(|p| {
                    if let Piece::Field(g) = p {
                        field_error(g)
                    } else {
                        None
                    }
                })
            })
            .or_else(|| f.spec_error.as_ref().map(|e| e.message.clone()))
        }
        match parse_format_string(s) {
            Err(e) => e.message,
            Ok(pieces) => pieces
                .iter()
                .find_map(|p| {
                    if let Piece::Field(f) = p {
                        field_error(f)
                    } else {
                        None
                    }
                })
                .unwrap_or_default(),
        }
    }

    fn field(s: &str) -> Field {
        match parse_format_string(s).unwrap().pop() {
            Some(Piece::Field(f)) => f,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn errors_match_cpython() {
        // python3 /tmp/q3.py: "...".format(...)
        assert_eq!(
            err("{} {0}"),
            "cannot switch from automatic field numbering to manual field specification"
        );
        assert_eq!(err("}"), "Single '}' encountered in format string");
        assert_eq!(err("{"), "Single '{' encountered in format string");
        assert_eq!(err("{0"), "expected '}' before end of string");
        assert_eq!(err("{0!}"), "unmatched '{' in format spec");
        assert_eq!(err("{0!x}"), "Unknown conversion specifier x");
        assert_eq!(err("{0!rr}"), "expected ':' after conversion specifier");
        assert_eq!(err("{0[}"), "expected '}' before end of string");
        assert_eq!(err("{:{:{}}}"), "Max string recursion exceeded");
        assert_eq!(err("{0:{{}"), "unmatched '{' in format spec");
        assert_eq!(err("{0!r"), "unmatched '{' in format spec");
        assert_eq!(
            err("{0!"),
            "end of string while looking for conversion specifier"
        );
        assert_eq!(
            err("{99999999999999999999}"),
            "Too many decimal digits in format string"
        );
        assert_eq!(err("{a{"), "unexpected '{' in field name");
        assert_eq!(err("{0:{1}{a{}}}"), "unexpected '{' in field name");
    }

    #[test]
    fn deferred_name_errors() {
        let pieces = parse_format_string("{0!x}{1}}").unwrap();
        assert_eq!(
            pieces.len(),
            1,
            "nothing is parsed after a field with an error"
        );
        let f = field("{0.}");
        assert_eq!(f.name.first, FieldKey::Index(0));
        assert_eq!(
            f.name.error.unwrap().message,
            "Empty attribute in format string"
        );
        let f = field("{0[0]x}");
        assert_eq!(f.name.parts, vec![FieldPart::Index(0)]);
        assert_eq!(
            f.name.error.unwrap().message,
            "Only '.' or '[' may follow ']' in format field specifier"
        );
    }

    #[test]
    fn names_and_specs() {
        let f = field("{a.b[c][1][x y]!r:>{}}");
        assert_eq!(f.name.first, FieldKey::Name("a".into()));
        assert_eq!(
            f.name.parts,
            vec![
                FieldPart::Attr("b".into()),
                FieldPart::Key("c".into()),
                FieldPart::Index(1),
                FieldPart::Key("x y".into())
            ]
        );
        assert_eq!(f.conversion, Some('r'));
        assert_eq!(f.spec.len(), 2);
        assert_eq!(field("{ 0}").name.first, FieldKey::Name(" 0".into()));
        assert_eq!(field("{-1}").name.first, FieldKey::Name("-1".into()));
        assert_eq!(field("{00}").name.first, FieldKey::Index(0));
        let pieces = parse_format_string("x}}y{{z").unwrap();
        assert_eq!(
            pieces,
            vec![
                Piece::Literal("x}".into()),
                Piece::Literal("y{".into()),
                Piece::Literal("z".into())
            ]
        );
        let pieces = parse_format_string("{:}}}").unwrap();
        assert_eq!(pieces.len(), 2);
    }
}
