use ruff_text_size::TextSize;

use crate::syntax::{LineIndex, SyntaxError, SyntaxErrorKind, parse_file, parse_source};

#[test]
fn line_index_maps_offsets_to_lines_and_character_columns() {
    let index = LineIndex::new("a = 1\r\nb = '€'\rc\n");
    assert_eq!(index.line_count(), 4);
    assert_eq!(index.line_col(TextSize::new(0)), (1, 1));
    assert_eq!(index.line_col(TextSize::new(7)), (2, 1));
    // 'b = \'€' is 4 ASCII characters, the quote, then a 3-byte character.
    assert_eq!(index.line_col(TextSize::new(15)), (2, 7));
    assert_eq!(index.line_col(TextSize::new(17)), (3, 1));
    assert_eq!(index.line_text(2), Some("b = '€'"));
    assert_eq!(index.line_text(3), Some("c"));
    assert_eq!(index.line_text(9), None);
    // Past the end and inside a character clamp instead of panicking.
    assert_eq!(index.line_col(TextSize::new(1000)).0, 4);
    assert_eq!(index.line_col(TextSize::new(13)), (2, 6));
}

#[test]
fn new_fills_the_source_line() {
    let e = SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        "invalid syntax",
        "x.py",
        "a = 1\nprint(1 +)\n",
        2,
        10,
        Some(11),
    );
    assert_eq!(e.text.as_deref(), Some("print(1 +)"));
    assert_eq!(e.to_string(), "SyntaxError: invalid syntax (x.py, line 2)");
}

#[test]
fn errors_without_location_render_one_line() {
    let err = parse_file(b"x = '\xff'\n", "x.py").unwrap_err();
    assert_eq!(err.line, 0);
    assert!(
        err.render().starts_with(
            "SyntaxError: Non-UTF-8 code starting with '\\xff' in file x.py on line 1"
        )
    );
    assert!(err.to_string().starts_with("SyntaxError: Non-UTF-8"));
}

#[test]
fn kinds_and_positions_are_exposed() {
    let err = parse_source("if x:\n\ta = 1\n        b = 2\n", "t.py").unwrap_err();
    assert_eq!(err.kind, SyntaxErrorKind::TabError);
    assert_eq!(err.line, 3);
    let err = parse_source("x = 1 € 2\n", "t.py").unwrap_err();
    assert_eq!((err.line, err.col), (1, 7));
    assert_eq!(err.msg, "invalid character '€' (U+20AC)");
}

#[test]
fn parses_valid_python_3_11() {
    for source in [
        "",
        "x = 1\n",
        "match x:\n    case [1, *rest]:\n        pass\n",
        "try:\n    pass\nexcept* ValueError:\n    pass\n",
        "def f(a, /, b, *, c): return (y := a)\n",
        "x = f'{1 + 1!r:>{3}}'\n",
        "class C:\n    def f(self) -> 'C':\n        return self\n",
        "x = 1if 1else 2\n",
        "s = 'a\\\nb'\n",
        "x = (1 +\n     2)\n",
        "# only a comment",
        "if x:\n    pass\n# trailing comment at column 0\n",
    ] {
        let parsed = parse_source(source, "ok.py");
        assert!(
            parsed.is_ok(),
            "{source:?}: {}",
            parsed.unwrap_err().render()
        );
    }
}

#[test]
fn parse_file_decodes_like_cpython() {
    assert!(parse_file(b"", "e.py").unwrap().module.body.is_empty());
    assert!(
        parse_file(b"\xef\xbb\xbf", "bom.py")
            .unwrap()
            .module
            .body
            .is_empty()
    );
    let parsed = parse_file(b"# -*- coding: latin-1 -*-\nx = '\xe9'\n", "l.py").unwrap();
    assert_eq!(parsed.lines.line_text(2), Some("x = 'é'"));
    let parsed = parse_file(
        b"#!/usr/bin/env python3\n# vim: set fileencoding=utf-8 :\nx = 1\n",
        "v.py",
    );
    assert!(parsed.is_ok());
    let err = parse_file(b"x = 1\n# coding: latin-1\n", "late.py");
    assert!(
        err.is_ok(),
        "a declaration on line 2 after code is only a comment"
    );
}
