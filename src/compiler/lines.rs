//! Byte offsets → 1-based line and column numbers, as CPython reports them.

use ruff_text_size::TextSize;

/// The start offset of every line of one source text.
pub(crate) struct LineIndex<'a> {
    source: &'a str,
    starts: Vec<u32>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(source: &'a str) -> Self {
        let mut starts = vec![0];
        for (i, b) in source.bytes().enumerate() {
            if b == b'\n' {
                starts.push(i as u32 + 1);
            }
        }
        LineIndex { source, starts }
    }

    /// The source text of `range`.
    pub(crate) fn text(&self, range: ruff_text_size::TextRange) -> &'a str {
        self.source
            .get(usize::from(range.start())..usize::from(range.end()))
            .unwrap_or("")
    }

    /// The 1-based line of an offset.
    pub(crate) fn line(&self, offset: TextSize) -> u32 {
        let off = u32::from(offset);
        match self.starts.binary_search(&off) {
            Ok(i) => i as u32 + 1,
            Err(i) => i as u32,
        }
    }

    /// The 1-based line and 1-based column (in characters) of an offset.
    pub(crate) fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let line = self.line(offset);
        let start = self.starts.get(line as usize - 1).copied().unwrap_or(0) as usize;
        let end = (u32::from(offset) as usize).min(self.source.len());
        let col = self
            .source
            .get(start..end)
            .map_or(end.saturating_sub(start), |s| s.chars().count());
        (line, col as u32 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_are_one_based() {
        let idx = LineIndex::new("ab\ncé d\n");
        assert_eq!(idx.line_col(TextSize::new(0)), (1, 1));
        assert_eq!(idx.line_col(TextSize::new(3)), (2, 1));
        // 'd' is at byte 7 but character 4 of line 2 ('é' is two bytes).
        assert_eq!(idx.line_col(TextSize::new(7)), (2, 4));
        assert_eq!(idx.line(TextSize::new(9)), 3);
    }
}
