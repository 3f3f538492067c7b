//! Offsets in the source ↔ 1-based lines and character columns.

use ruff_text_size::TextSize;

/// Where every line starts, so an offset maps to (line, column) by binary search.
///
/// Lines end at `\n`, `\r\n` or a lone `\r`, as in CPython's tokenizer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    source: String,
    /// Byte offset of the start of each line; `starts[0] == 0`.
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes `source` in O(n).
    pub fn new(source: &str) -> Self {
        let bytes = source.as_bytes();
        let mut starts = vec![0];
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'\n' => starts.push(i + 1),
                b'\r' if bytes.get(i + 1) == Some(&b'\n') => {
                    starts.push(i + 2);
                    i += 1;
                }
                b'\r' => starts.push(i + 1),
                _ => {}
            }
            i += 1;
        }
        LineIndex {
            source: source.to_string(),
            starts,
        }
    }

    /// The indexed source.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// Number of lines (a final line without a terminator counts; an empty
    /// last line after a terminator counts too).
    pub fn line_count(&self) -> u32 {
        self.starts.len() as u32
    }

    /// 1-based line of a byte offset, O(log n). Offsets past the end map to the last line.
    pub fn line_of(&self, offset: TextSize) -> u32 {
        let offset = usize::from(offset).min(self.source.len());
        self.starts.partition_point(|&s| s <= offset) as u32
    }

    /// (1-based line, 1-based column in characters) of a byte offset.
    pub fn line_col(&self, offset: TextSize) -> (u32, u32) {
        let line = self.line_of(offset);
        let start = self.starts[line as usize - 1];
        let offset = self.floor_char_boundary(usize::from(offset).min(self.source.len()));
        let col = self.source[start..offset.max(start)].chars().count() as u32 + 1;
        (line, col)
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: u32) -> Option<usize> {
        self.starts.get((line as usize).checked_sub(1)?).copied()
    }

    /// Text of 1-based `line` without its terminator.
    pub fn line_text(&self, line: u32) -> Option<&str> {
        let start = self.line_start(line)?;
        let end = self
            .starts
            .get(line as usize)
            .copied()
            .unwrap_or(self.source.len());
        Some(self.source[start..end].trim_end_matches(['\n', '\r']))
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}
