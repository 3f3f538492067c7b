//! Number literals, following the number branch of CPython 3.11's `tok_get` and its
//! `verify_end_of_number` (`1abc`, `0x`, `0777`, `1__0`, `1e`, ...).

use super::{Step, TokError, Tokenizer};

impl Tokenizer<'_> {
    pub(super) fn is_digit(c: Option<u8>) -> bool {
        matches!(c, Some(b'0'..=b'9'))
    }

    pub(super) fn nextc(&mut self) -> Option<u8> {
        let c = self.peek();
        if c.is_some() {
            self.pos += 1;
        }
        c
    }

    pub(super) fn backup(&mut self, c: Option<u8>) {
        if c.is_some() {
            self.pos -= 1;
        }
    }

    /// CPython's `tok_decimal_tail`: digits with single underscores between them.
    pub(super) fn decimal_tail(&mut self) -> Result<Option<u8>, TokError> {
        loop {
            let mut c;
            loop {
                c = self.nextc();
                if !Self::is_digit(c) {
                    break;
                }
            }
            if c != Some(b'_') {
                return Ok(c);
            }
            c = self.nextc();
            if !Self::is_digit(c) {
                self.backup(c);
                return Err(self.raise("invalid decimal literal"));
            }
        }
    }

    /// CPython's `verify_end_of_number`: a number glued to a name is an error, except
    /// before the keywords that may follow a number (a DeprecationWarning in 3.11).
    pub(super) fn verify_end_of_number(&mut self, c: Option<u8>, kind: &str) -> Step {
        let rest = &self.b[self.pos.min(self.b.len())..];
        let keyword_follows = match c {
            Some(b'a') => rest.starts_with(b"nd"),
            Some(b'e') => rest.starts_with(b"lse"),
            Some(b'f') => rest.starts_with(b"or"),
            Some(b'i') => matches!(rest.first(), Some(b'f' | b'n' | b's')),
            Some(b'o') => rest.starts_with(b"r"),
            Some(b'n') => rest.starts_with(b"ot"),
            _ => false,
        };
        if keyword_follows {
            return Ok(());
        }
        // A non-ASCII character that cannot continue a name is reported by the name
        // that follows ("invalid character ..."), as CPython 3.11 does.
        let non_ascii_name_char = c.is_some_and(|ch| ch >= 0x80)
            && self
                .char_at(self.pos - 1)
                .is_some_and(unicode_ident::is_xid_continue);
        if let Some(ch) = c
            && (ch.is_ascii_alphanumeric() || ch == b'_' || non_ascii_name_char)
        {
            self.backup(c);
            return Err(self.raise(format!("invalid {kind} literal")));
        }
        Ok(())
    }

    /// A number literal, following CPython's `tok_get` number branch.
    pub(super) fn number(&mut self) -> Step {
        let start = self.pos;
        let mut c = self.nextc();
        if c == Some(b'.') {
            c = self.nextc();
            return self.fraction(c);
        }
        if c == Some(b'0') {
            c = self.nextc();
            match c.map(|c| c.to_ascii_lowercase()) {
                Some(b'x') => return self.radix(16, "hexadecimal"),
                Some(b'o') => return self.radix(8, "octal"),
                Some(b'b') => return self.radix(2, "binary"),
                _ => {}
            }
            let mut nonzero = false;
            loop {
                if c == Some(b'_') {
                    c = self.nextc();
                    if !Self::is_digit(c) {
                        self.backup(c);
                        return Err(self.raise("invalid decimal literal"));
                    }
                }
                if c != Some(b'0') {
                    break;
                }
                c = self.nextc();
            }
            let zeros_end = self.pos;
            if Self::is_digit(c) {
                nonzero = true;
                c = self.decimal_tail()?;
            }
            match c {
                Some(b'.') => {
                    c = self.nextc();
                    return self.fraction(c);
                }
                Some(b'e' | b'E') => return self.exponent(c),
                Some(b'j' | b'J') => return self.imaginary(),
                _ if nonzero => {
                    self.backup(c);
                    let col = self.chars_between(self.line_start, start) + 1;
                    let end = self.chars_between(self.line_start, zeros_end);
                    let mut e = self.raise(
                        "leading zeros in decimal integer literals are not permitted; \
                         use an 0o prefix for octal integers",
                    );
                    e.col = col;
                    e.end_col = Some(end);
                    return Err(e);
                }
                _ => {}
            }
            return self.finish_number(c, "decimal");
        }
        self.backup(c);
        c = self.decimal_tail()?;
        if c == Some(b'.') {
            c = self.nextc();
            return self.fraction(c);
        }
        self.after_fraction(c)
    }

    pub(super) fn fraction(&mut self, mut c: Option<u8>) -> Step {
        if Self::is_digit(c) {
            self.backup(c);
            c = self.decimal_tail()?;
        }
        self.after_fraction(c)
    }

    pub(super) fn after_fraction(&mut self, c: Option<u8>) -> Step {
        match c {
            Some(b'e' | b'E') => self.exponent(c),
            Some(b'j' | b'J') => self.imaginary(),
            _ => self.finish_number(c, "decimal"),
        }
    }

    pub(super) fn exponent(&mut self, e: Option<u8>) -> Step {
        let mut c = self.nextc();
        if matches!(c, Some(b'+' | b'-')) {
            c = self.nextc();
            if !Self::is_digit(c) {
                self.backup(c);
                return Err(self.raise("invalid decimal literal"));
            }
        } else if !Self::is_digit(c) {
            self.backup(c);
            self.verify_end_of_number(e, "decimal")?;
            self.backup(e);
            return Ok(());
        }
        self.backup(c);
        let c = self.decimal_tail()?;
        if matches!(c, Some(b'j' | b'J')) {
            return self.imaginary();
        }
        self.finish_number(c, "decimal")
    }

    pub(super) fn imaginary(&mut self) -> Step {
        let c = self.nextc();
        self.finish_number(c, "imaginary")
    }

    pub(super) fn finish_number(&mut self, c: Option<u8>, kind: &str) -> Step {
        self.verify_end_of_number(c, kind)?;
        self.backup(c);
        Ok(())
    }

    /// Hexadecimal, octal or binary digits after the `0x` / `0o` / `0b` prefix.
    pub(super) fn radix(&mut self, radix: u32, kind: &str) -> Step {
        let is_digit = |c: Option<u8>| c.is_some_and(|c| (c as char).is_digit(radix));
        let mut c = self.nextc();
        loop {
            if c == Some(b'_') {
                c = self.nextc();
            }
            if !is_digit(c) {
                if radix != 16 && Self::is_digit(c) {
                    return Err(self.raise(format!(
                        "invalid digit '{}' in {kind} literal",
                        c.map_or(' ', |c| c as char)
                    )));
                }
                self.backup(c);
                return Err(self.raise(format!("invalid {kind} literal")));
            }
            loop {
                c = self.nextc();
                if !is_digit(c) {
                    break;
                }
            }
            if c != Some(b'_') {
                break;
            }
        }
        if radix != 16 && Self::is_digit(c) {
            return Err(self.raise(format!(
                "invalid digit '{}' in {kind} literal",
                c.map_or(' ', |c| c as char)
            )));
        }
        self.finish_number(c, kind)
    }
}
