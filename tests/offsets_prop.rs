//! Property tests of the offset module (`copydesk::analysis::line_index`): the string and
//! rope conversions agree with each other and with a naive reference, for random
//! multi-byte text (Cyrillic, CJK, emoji, combining marks, CR/LF/CRLF) and random
//! positions, including positions past the end of a line or of the text.

use copydesk::analysis::line_index::{
    floor_char_boundary, rope_line_col, rope_offset, LineCol, LineIndex,
};
use copydesk::analysis::Encoding;
use proptest::prelude::*;
use ropey::Rope;

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "a", "Z", " ", "é", "Ж", "ї", "日", "本", "😀", "🇺🇦", "👍🏽", "\u{301}", "\n", "\r\n",
            "\r", "“", "\t",
        ]),
        0..60,
    )
    .prop_map(|v| v.concat())
}

fn width(c: char, enc: Encoding) -> u32 {
    match enc {
        Encoding::Utf8 => c.len_utf8() as u32,
        Encoding::Utf16 => c.len_utf16() as u32,
        Encoding::Utf32 => 1,
    }
}

/// Lines as (start, content end) byte offsets, the naive way.
fn naive_lines(t: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut chars = t.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\n' || c == '\r' {
            let mut next = i + 1;
            if c == '\r' && chars.peek().map(|&(_, n)| n) == Some('\n') {
                chars.next();
                next += 1;
            }
            out.push((start, i));
            start = next;
        }
    }
    out.push((start, t.len()));
    out
}

fn naive_line_col(t: &str, offset: usize, enc: Encoding) -> LineCol {
    let mut o = offset.min(t.len());
    while !t.is_char_boundary(o) {
        o -= 1;
    }
    let lines = naive_lines(t);
    let line = lines.iter().rposition(|&(s, _)| s <= o).unwrap_or(0);
    let (s, _) = lines[line];
    LineCol {
        line: line as u32,
        col: t[s..o].chars().map(|c| width(c, enc)).sum(),
    }
}

fn naive_offset(t: &str, pos: LineCol, enc: Encoding) -> usize {
    let lines = naive_lines(t);
    let Some(&(s, e)) = lines.get(pos.line as usize) else {
        return t.len();
    };
    let mut units = 0;
    for (i, c) in t[s..e].char_indices() {
        if units + width(c, enc) > pos.col {
            return s + i;
        }
        units += width(c, enc);
    }
    e
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn offsets_to_positions_agree(t in text(), offsets in prop::collection::vec(0usize..400, 1..20)) {
        let index = LineIndex::new(&t);
        let rope = Rope::from_str(&t);
        prop_assert_eq!(index.line_count(), naive_lines(&t).len());
        prop_assert_eq!(rope.len_lines(), naive_lines(&t).len());
        for &o in &offsets {
            for enc in ENCODINGS {
                let expected = naive_line_col(&t, o, enc);
                prop_assert_eq!(index.line_col(&t, o, enc), expected, "offset {} {:?}", o, enc);
                prop_assert_eq!(rope_line_col(&rope, o, enc), expected, "rope offset {} {:?}", o, enc);
            }
            let f = floor_char_boundary(&t, o);
            prop_assert!(f <= t.len() && t.is_char_boundary(f) && (o >= t.len() || f <= o));
        }
    }

    #[test]
    fn positions_to_offsets_agree_and_clamp(
        t in text(),
        positions in prop::collection::vec((0u32..20, 0u32..80), 1..20),
    ) {
        let index = LineIndex::new(&t);
        let rope = Rope::from_str(&t);
        for &(line, col) in &positions {
            let pos = LineCol { line, col };
            for enc in ENCODINGS {
                let expected = naive_offset(&t, pos, enc);
                let got = index.offset(&t, pos, enc);
                prop_assert_eq!(got, expected, "{:?} {:?}", pos, enc);
                prop_assert_eq!(rope_offset(&rope, pos, enc), expected, "rope {:?} {:?}", pos, enc);
                prop_assert!(t.is_char_boundary(got));
            }
        }
    }

    #[test]
    fn round_trips_at_every_addressable_offset(t in text()) {
        let index = LineIndex::new(&t);
        for (o, _) in t.char_indices().chain(std::iter::once((t.len(), ' '))) {
            // Between \r and \n is not a position LSP can name.
            if o > 0 && t.as_bytes()[o - 1] == b'\r' && t.as_bytes().get(o) == Some(&b'\n') {
                continue;
            }
            for enc in ENCODINGS {
                let pos = index.line_col(&t, o, enc);
                prop_assert_eq!(index.offset(&t, pos, enc), o, "{:?} {:?}", pos, enc);
            }
        }
    }
}
