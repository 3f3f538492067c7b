//! One test per message: the expected text is what `python3 file.py` (CPython 3.11.7)
//! printed on stderr for the same bytes, with the script's directory removed from the
//! `File` line (the tests pass the bare file name).

use crate::syntax::parse_file;

/// `case!(name, source, stderr)`: parsing `source` as `name.py` fails and renders `stderr`.
macro_rules! case {
    ($name:ident, $source:expr, $expected:expr) => {
        #[test]
        fn $name() {
            let filename = concat!(stringify!($name), ".py");
            let err = parse_file($source, filename).expect_err("CPython rejects this source");
            assert_eq!(err.render(), $expected);
        }
    };
}

case!(
    invalid_syntax,
    b"print(1 +)\n",
    "  File \"invalid_syntax.py\", line 1\n    print(1 +)\n             ^\nSyntaxError: invalid syntax\n"
);

case!(
    forgot_comma,
    b"x = [1 2]\n",
    "  File \"forgot_comma.py\", line 1\n    x = [1 2]\n         ^^^\nSyntaxError: invalid syntax. Perhaps you forgot a comma?\n"
);

case!(
    never_closed,
    b"x = (1,\ny = 2\n",
    "  File \"never_closed.py\", line 1\n    x = (1,\n        ^\nSyntaxError: '(' was never closed\n"
);

case!(
    never_closed_at_eof,
    b"foo(a, [1,\n",
    "  File \"never_closed_at_eof.py\", line 1\n    foo(a, [1,\n           ^\nSyntaxError: '[' was never closed\n"
);

case!(
    unmatched_paren,
    b"x = 1)\n",
    "  File \"unmatched_paren.py\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n"
);

case!(
    mismatched_paren,
    b"x = (1]\n",
    "  File \"mismatched_paren.py\", line 1\n    x = (1]\n          ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n"
);

case!(
    mismatched_paren_other_line,
    b"x = (1,\n2]\n",
    "  File \"mismatched_paren_other_line.py\", line 2\n    2]\n     ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '(' on line 1\n"
);

case!(
    expected_colon,
    b"if x\n    pass\n",
    "  File \"expected_colon.py\", line 1\n    if x\n        ^\nSyntaxError: expected ':'\n"
);

case!(
    expected_colon_def,
    b"def f()\n    pass\n",
    "  File \"expected_colon_def.py\", line 1\n    def f()\n           ^\nSyntaxError: expected ':'\n"
);

case!(
    unexpected_indent,
    b"x = 1\n    y = 2\n",
    "  File \"unexpected_indent.py\", line 2\n    y = 2\nIndentationError: unexpected indent\n"
);

case!(
    block_after_if,
    b"if x:\npass\n",
    "  File \"block_after_if.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n"
);

case!(
    block_after_def,
    b"def f():\nreturn 1\n",
    "  File \"block_after_def.py\", line 2\n    return 1\n    ^\nIndentationError: expected an indented block after function definition on line 1\n"
);

case!(
    block_after_for,
    b"for i in x:\npass\n",
    "  File \"block_after_for.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'for' statement on line 1\n"
);

case!(
    block_after_while,
    b"while x:\npass\n",
    "  File \"block_after_while.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'while' statement on line 1\n"
);

case!(
    block_after_class,
    b"class C:\npass\n",
    "  File \"block_after_class.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after class definition on line 1\n"
);

case!(
    block_after_with,
    b"with x:\npass\n",
    "  File \"block_after_with.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'with' statement on line 1\n"
);

case!(
    block_after_try,
    b"try:\npass\n",
    "  File \"block_after_try.py\", line 2\n    pass\n    ^\nIndentationError: expected an indented block after 'try' statement on line 1\n"
);

case!(
    block_after_else,
    b"if x:\n    pass\nelse:\npass\n",
    "  File \"block_after_else.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'else' statement on line 3\n"
);

case!(
    block_after_elif,
    b"if x:\n    pass\nelif y:\npass\n",
    "  File \"block_after_elif.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'elif' statement on line 3\n"
);

case!(
    block_after_except,
    b"try:\n    pass\nexcept E:\npass\n",
    "  File \"block_after_except.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'except' statement on line 3\n"
);

case!(
    block_after_finally,
    b"try:\n    pass\nfinally:\npass\n",
    "  File \"block_after_finally.py\", line 4\n    pass\n    ^\nIndentationError: expected an indented block after 'finally' statement on line 3\n"
);

case!(
    block_at_eof,
    b"if x:\n",
    "  File \"block_at_eof.py\", line 1\n    if x:\nIndentationError: expected an indented block after 'if' statement on line 1\n"
);

case!(
    unindent_mismatch,
    b"if x:\n        a = 1\n    b = 2\n",
    "  File \"unindent_mismatch.py\", line 3\n    b = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"
);

case!(
    tabs_and_spaces,
    b"if x:\n\ta = 1\n        b = 2\n",
    "  File \"tabs_and_spaces.py\", line 3\n    b = 2\nTabError: inconsistent use of tabs and spaces in indentation\n"
);

case!(
    unterminated_string,
    b"x = \"abc\ny = 1\n",
    "  File \"unterminated_string.py\", line 1\n    x = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"
);

case!(
    unterminated_triple_string,
    b"x = \"\"\"abc\ny = 1\n\n",
    "  File \"unterminated_triple_string.py\", line 1\n    x = \"\"\"abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 3)\n"
);

case!(
    unterminated_string_wins_over_parse_error,
    b"print(1 +)\nx = \"abc\n",
    "  File \"unterminated_string_wins_over_parse_error.py\", line 2\n    x = \"abc\n        ^\nSyntaxError: unterminated string literal (detected at line 2)\n"
);

case!(
    invalid_decimal_literal,
    b"x = 1abc\n",
    "  File \"invalid_decimal_literal.py\", line 1\n    x = 1abc\n        ^\nSyntaxError: invalid decimal literal\n"
);

case!(
    invalid_hex_literal,
    b"x = 0xg\n",
    "  File \"invalid_hex_literal.py\", line 1\n    x = 0xg\n         ^\nSyntaxError: invalid hexadecimal literal\n"
);

case!(
    leading_zeros,
    b"x = 0777\n",
    "  File \"leading_zeros.py\", line 1\n    x = 0777\n        ^\nSyntaxError: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers\n"
);

case!(
    assign_to_literal,
    b"1 = x\n",
    "  File \"assign_to_literal.py\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"
);

case!(
    assign_to_call,
    b"f() = 1\n",
    "  File \"assign_to_call.py\", line 1\n    f() = 1\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"
);

case!(
    assign_to_none,
    b"None = 1\n",
    "  File \"assign_to_none.py\", line 1\n    None = 1\n    ^^^^\nSyntaxError: cannot assign to None\n"
);

case!(
    assign_to_comparison,
    b"a < b = 1\n",
    "  File \"assign_to_comparison.py\", line 1\n    a < b = 1\n    ^^^^^\nSyntaxError: cannot assign to comparison\n"
);

case!(
    equals_in_condition,
    b"if x = 1:\n    pass\n",
    "  File \"equals_in_condition.py\", line 1\n    if x = 1:\n       ^^^^^\nSyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?\n"
);

case!(
    augassign_call,
    b"f() += 1\n",
    "  File \"augassign_call.py\", line 1\n    f() += 1\n    ^^^\nSyntaxError: 'function call' is an illegal expression for augmented assignment\n"
);

case!(
    delete_call,
    b"del f()\n",
    "  File \"delete_call.py\", line 1\n    del f()\n        ^^^\nSyntaxError: cannot delete function call\n"
);

case!(
    invalid_character,
    b"x = 1 \xe2\x82\xac 2\n",
    "  File \"invalid_character.py\", line 1\n    x = 1 € 2\n          ^\nSyntaxError: invalid character '€' (U+20AC)\n"
);

case!(
    non_printable_character,
    b"x = 1\xc2\xa0+ 2\n",
    "  File \"non_printable_character.py\", line 1\n    x = 1\u{a0}+ 2\n         ^\nSyntaxError: invalid non-printable character U+00A0\n"
);

case!(
    null_byte,
    b"x = 1\x00\n",
    "  File \"null_byte.py\", line 1\n    x = 1\nSyntaxError: source code cannot contain null bytes\n"
);

case!(
    null_byte_after_parse_error,
    b"print(1 +)\nx = 1\x00\n",
    "  File \"null_byte_after_parse_error.py\", line 2\n    x = 1\nSyntaxError: source code cannot contain null bytes\n"
);

case!(
    non_utf8,
    b"x = \"\xff\xfe\"\n",
    "SyntaxError: Non-UTF-8 code starting with '\\xff' in file non_utf8.py on line 1, but no encoding declared; see https://peps.python.org/pep-0263/ for details\n"
);

case!(
    binary_file,
    b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00\xff\xfe",
    "  File \"binary_file.py\", line 1\n    \u{7f}ELF\u{2}\u{1}\u{1}\nSyntaxError: source code cannot contain null bytes\n"
);

case!(
    declared_utf8_bad_byte,
    b"# -*- coding: utf-8 -*-\nx = \"\xff\xfe\"\n",
    "  File \"declared_utf8_bad_byte.py\", line 2\n    x = \"��\"\n          ^\nSyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte\n"
);

case!(
    unknown_encoding,
    b"# coding: foo\nx = 1\n",
    "SyntaxError: encoding problem: foo\n"
);

case!(
    missing_parens_print,
    b"print \"hello\"\n",
    "  File \"missing_parens_print.py\", line 1\n    print \"hello\"\n    ^^^^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"
);

case!(
    missing_parens_exec,
    b"exec \"x\"\n",
    "  File \"missing_parens_exec.py\", line 1\n    exec \"x\"\n    ^^^^^^^^\nSyntaxError: Missing parentheses in call to 'exec'. Did you mean exec(...)?\n"
);

case!(
    two_statements_one_line,
    b"x = 1 y = 2\n",
    "  File \"two_statements_one_line.py\", line 1\n    x = 1 y = 2\n          ^\nSyntaxError: invalid syntax\n"
);

case!(
    positional_after_keyword,
    b"f(x=1, 2)\n",
    "  File \"positional_after_keyword.py\", line 1\n    f(x=1, 2)\n            ^\nSyntaxError: positional argument follows keyword argument\n"
);

case!(
    non_default_after_default,
    b"def f(x=1, y): pass\n",
    "  File \"non_default_after_default.py\", line 1\n    def f(x=1, y): pass\n               ^\nSyntaxError: non-default argument follows default argument\n"
);

case!(
    dict_key_without_value,
    b"x = {1: 2, 3}\n",
    "  File \"dict_key_without_value.py\", line 1\n    x = {1: 2, 3}\n               ^\nSyntaxError: ':' expected after dictionary key\n"
);

case!(
    line_continuation,
    b"x = 1 \\ 2\n",
    "  File \"line_continuation.py\", line 1\n    x = 1 \\ 2\n           ^\nSyntaxError: unexpected character after line continuation character\n"
);

case!(
    eof_after_continuation,
    b"x = 1 + \\\n",
    "  File \"eof_after_continuation.py\", line 1\n    x = 1 + \\\n             ^\nSyntaxError: unexpected EOF while parsing\n"
);

case!(
    type_parameters_are_3_12,
    b"def f[T](x): pass\n",
    "  File \"type_parameters_are_3_12.py\", line 1\n    def f[T](x): pass\n         ^\nSyntaxError: expected '('\n"
);

case!(
    type_alias_is_3_12,
    b"type X = int\n",
    "  File \"type_alias_is_3_12.py\", line 1\n    type X = int\n         ^\nSyntaxError: invalid syntax\n"
);

case!(
    expected_else,
    b"x = 1 if y\n",
    "  File \"expected_else.py\", line 1\n    x = 1 if y\n        ^^^^^^\nSyntaxError: expected 'else' after 'if' expression\n"
);

case!(
    try_without_except,
    b"try:\n    pass\nx = 1\n",
    "  File \"try_without_except.py\", line 3\n    x = 1\n    ^\nSyntaxError: expected 'except' or 'finally' block\n"
);

case!(
    crlf,
    b"x = 1\r\nif x\r\n  pass\r\n",
    "  File \"crlf.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n"
);

case!(
    cr,
    b"x = 1\rif x\r  pass\r",
    "  File \"cr.py\", line 2\n    if x\n        ^\nSyntaxError: expected ':'\n"
);

case!(
    bom_shifts_caret,
    b"\xef\xbb\xbfprint(1 +)\n",
    "  File \"bom_shifts_caret.py\", line 1\n    \u{feff}print(1 +)\n           ^\nSyntaxError: invalid syntax\n"
);

case!(
    fstring_empty_expression,
    b"x = f\"{}\"\n",
    "  File \"fstring_empty_expression.py\", line 1\n    x = f\"{}\"\n             ^\nSyntaxError: f-string: empty expression not allowed\n"
);

case!(
    fstring_nested_quote_is_3_12,
    b"x = f'{'a'}'\n",
    "  File \"fstring_nested_quote_is_3_12.py\", line 1\n    x = f'{'a'}'\n            ^\nSyntaxError: f-string: expecting '}'\n"
);
