//! The one place where positions are converted: UTF-8 byte offsets ↔ line/column in
//! UTF-8, UTF-16 or Unicode scalar values (UTF-32), for plain strings and for ropes.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r`, as the Language Server Protocol defines them.
//! Every conversion clamps: a line past the end maps to the end of the text, a column past
//! the end of its line maps to the end of that line, and an offset inside a character is
//! rounded down to the character's start. Nothing here panics on client input.

use ropey::Rope;

/// How columns are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units (the LSP default).
    Utf16,
    /// Unicode scalar values (what `copydesk check` prints).
    Utf32,
}

impl Encoding {
    fn width(self, c: char) -> usize {
        match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        }
    }
}

/// A zero-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct LineCol {
    pub line: u32,
    pub col: u32,
}

/// Line starts of a string, for fast offset → line/column conversion.
#[derive(Debug, Clone)]
pub struct LineIndex {
    /// Byte offset at which each line starts; always begins with 0.
    starts: Vec<usize>,
    len: usize,
    /// Scalar values and UTF-16 code units in `text[..i * CHECKPOINT]`, so a column on a
    /// long line costs at most one checkpoint's scan, not the line's (thousands of
    /// diagnostics on one long line stay linear).
    counts: Vec<(usize, usize)>,
}

/// Bytes between column-count checkpoints.
const CHECKPOINT: usize = 1024;

/// Scalar values and UTF-16 code units in a byte slice (which may cut characters: only
/// lead bytes count).
fn count_units(bytes: &[u8]) -> (usize, usize) {
    let mut chars = 0;
    let mut wide = 0;
    for &b in bytes {
        chars += usize::from(b & 0xC0 != 0x80);
        wide += usize::from(b >= 0xF0);
    }
    (chars, chars + wide)
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
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
        let mut counts = Vec::with_capacity(bytes.len() / CHECKPOINT + 1);
        let mut total = (0, 0);
        counts.push(total);
        for chunk in bytes.chunks_exact(CHECKPOINT) {
            let (c, w) = count_units(chunk);
            total = (total.0 + c, total.1 + w);
            counts.push(total);
        }
        LineIndex {
            starts,
            len: text.len(),
            counts,
        }
    }

    /// Scalar values and UTF-16 code units in `text[..offset]` (offset on a boundary).
    fn units_before(&self, text: &str, offset: usize) -> (usize, usize) {
        let k = offset / CHECKPOINT;
        let (c0, w0) = self.counts[k];
        let (c, w) = count_units(&text.as_bytes()[k * CHECKPOINT..offset]);
        (c0 + c, w0 + w)
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// Byte range of a line's content, without its line ending. Clamped.
    pub fn line_range(&self, text: &str, line: usize) -> std::ops::Range<usize> {
        let line = line.min(self.starts.len() - 1);
        let start = self.starts[line];
        let mut end = self.starts.get(line + 1).copied().unwrap_or(self.len);
        let bytes = text.as_bytes();
        while end > start && matches!(bytes.get(end - 1), Some(b'\n' | b'\r')) {
            end -= 1;
        }
        start..end
    }

    /// The line and column of a byte offset (clamped to the text and to a char boundary).
    pub fn line_col(&self, text: &str, offset: usize, enc: Encoding) -> LineCol {
        let offset = floor_char_boundary(text, offset);
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = if offset - start <= CHECKPOINT || text.len() != self.len {
            text[start..offset].chars().map(|c| enc.width(c)).sum()
        } else {
            let (a, b) = (
                self.units_before(text, start),
                self.units_before(text, offset),
            );
            match enc {
                Encoding::Utf8 => offset - start,
                Encoding::Utf16 => b.1 - a.1,
                Encoding::Utf32 => b.0 - a.0,
            }
        };
        LineCol {
            line: line as u32,
            col: col as u32,
        }
    }

    /// The byte offset of a line and column, clamped to the line's content and rounded
    /// down to a character boundary (a column inside a surrogate pair lands before it).
    pub fn offset(&self, text: &str, pos: LineCol, enc: Encoding) -> usize {
        let line = pos.line as usize;
        if line >= self.starts.len() {
            return self.len;
        }
        let range = self.line_range(text, line);
        column_to_offset(&text[range.clone()], pos.col as usize, enc) + range.start
    }
}

/// Byte offset within `line` of a column counted in `enc`, clamped to the line's end.
fn column_to_offset(line: &str, col: usize, enc: Encoding) -> usize {
    let mut units = 0;
    for (i, c) in line.char_indices() {
        let w = enc.width(c);
        if units + w > col {
            return i;
        }
        units += w;
    }
    line.len()
}

/// The largest char boundary at or before `offset`, clamped to the text.
pub fn floor_char_boundary(text: &str, offset: usize) -> usize {
    if offset >= text.len() {
        return text.len();
    }
    let mut o = offset;
    while !text.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// Byte offset in a rope of an LSP-style line/column, clamped like [`LineIndex::offset`].
pub fn rope_offset(rope: &Rope, pos: LineCol, enc: Encoding) -> usize {
    let line = pos.line as usize;
    if line >= rope.len_lines() {
        return rope.len_bytes();
    }
    let slice = rope.line(line);
    let start = rope.line_to_byte(line);
    let mut units = 0;
    let mut offset = 0;
    for c in slice.chars() {
        if c == '\n' || c == '\r' {
            break;
        }
        let w = enc.width(c);
        if units + w > pos.col as usize {
            break;
        }
        units += w;
        offset += c.len_utf8();
    }
    start + offset
}

/// The LSP position of a byte offset in a rope (clamped, rounded down to a char boundary).
pub fn rope_line_col(rope: &Rope, offset: usize, enc: Encoding) -> LineCol {
    let offset = offset.min(rope.len_bytes());
    // Round down to a char boundary: ropey's byte_to_char already does so.
    let char_idx = rope.byte_to_char(offset);
    let line = rope.char_to_line(char_idx);
    let line_start_char = rope.line_to_char(line);
    let col = match enc {
        Encoding::Utf32 => char_idx - line_start_char,
        Encoding::Utf8 => rope.char_to_byte(char_idx) - rope.line_to_byte(line),
        Encoding::Utf16 => rope.char_to_utf16_cu(char_idx) - rope.char_to_utf16_cu(line_start_char),
    };
    LineCol {
        line: line as u32,
        col: col as u32,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Київ é\r\n日本 😀x\rlast\n";

    fn lc(line: u32, col: u32) -> LineCol {
        LineCol { line, col }
    }

    #[test]
    fn lines_break_on_lf_crlf_and_cr() {
        let idx = LineIndex::new(TEXT);
        assert_eq!(idx.line_count(), 4);
        assert_eq!(&TEXT[idx.line_range(TEXT, 0)], "Київ é");
        assert_eq!(&TEXT[idx.line_range(TEXT, 1)], "日本 😀x");
        assert_eq!(&TEXT[idx.line_range(TEXT, 2)], "last");
        assert_eq!(&TEXT[idx.line_range(TEXT, 3)], "");
    }

    #[test]
    fn columns_in_each_encoding() {
        let idx = LineIndex::new(TEXT);
        let x = TEXT.find('x').unwrap();
        assert_eq!(idx.line_col(TEXT, x, Encoding::Utf8), lc(1, 11));
        assert_eq!(idx.line_col(TEXT, x, Encoding::Utf16), lc(1, 5));
        assert_eq!(idx.line_col(TEXT, x, Encoding::Utf32), lc(1, 4));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let pos = idx.line_col(TEXT, x, enc);
            assert_eq!(idx.offset(TEXT, pos, enc), x);
        }
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let idx = LineIndex::new(TEXT);
        // Past the end of line 0 lands before its CRLF.
        assert_eq!(idx.offset(TEXT, lc(0, 99), Encoding::Utf16), "Київ é".len());
        assert_eq!(idx.offset(TEXT, lc(99, 0), Encoding::Utf16), TEXT.len());
        // Inside the emoji's surrogate pair rounds down to the emoji's start.
        let emoji = TEXT.find('😀').unwrap();
        assert_eq!(idx.offset(TEXT, lc(1, 4), Encoding::Utf16), emoji);
        // Offsets inside a char or past the end clamp too.
        assert_eq!(idx.line_col(TEXT, emoji + 1, Encoding::Utf16), lc(1, 3));
        assert_eq!(idx.line_col(TEXT, 10_000, Encoding::Utf16), lc(3, 0));
    }

    /// Regression: columns on one long line were counted from the line start for every
    /// call, so thousands of unclosed quotes on one line took minutes (found by
    /// tests/hostile.rs). Columns now come from checkpoints, and agree with a direct count.
    #[test]
    fn columns_on_a_long_line_are_exact_and_fast() {
        let line = "“Київ 😀 é x ".repeat(20_000);
        let text = format!("first\r\n{line}\nlast");
        let idx = LineIndex::new(&text);
        let start = text.find('“').unwrap();
        // Expected columns by a running count along the line.
        let mut cols = [0u32; 3];
        let encs = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];
        for (k, (i, c)) in line.char_indices().enumerate() {
            if k % 97 == 0 {
                for (enc, col) in encs.iter().zip(cols) {
                    assert_eq!(
                        idx.line_col(&text, start + i, *enc),
                        lc(1, col),
                        "{i} {enc:?}"
                    );
                }
            }
            for (enc, col) in encs.iter().zip(cols.iter_mut()) {
                *col += enc.width(c) as u32;
            }
        }
        let took = crate::cpu_time::of(|| {
            for (i, _) in text.match_indices('“') {
                idx.line_col(&text, i, Encoding::Utf16);
            }
        });
        // 20,000 columns on a 500 kB line: was ~20 s in a debug build. This thread's CPU
        // time, which a loaded machine does not inflate.
        assert!(took < std::time::Duration::from_secs(5), "{took:?}");
    }

    #[test]
    fn rope_and_string_agree() {
        let rope = Rope::from_str(TEXT);
        let idx = LineIndex::new(TEXT);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            for offset in 0..=TEXT.len() + 2 {
                assert_eq!(
                    rope_line_col(&rope, offset, enc),
                    idx.line_col(TEXT, offset, enc),
                    "offset {offset} {enc:?}"
                );
            }
            for line in 0..6 {
                for col in 0..14 {
                    assert_eq!(
                        rope_offset(&rope, lc(line, col), enc),
                        idx.offset(TEXT, lc(line, col), enc),
                        "{line}:{col} {enc:?}"
                    );
                }
            }
        }
    }
}
