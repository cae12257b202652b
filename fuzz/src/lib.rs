//! The fuzz targets' bodies, shared by the cargo-fuzz binaries (`fuzz_targets/*.rs`) and
//! the stable fallback driver (`src/bin/budget.rs`). Each function takes arbitrary bytes
//! and panics when an invariant of copydesk is broken.

use copydesk::analysis::config::Level;
use copydesk::analysis::fix::{apply_edits, safe_fix_edits};
use copydesk::analysis::line_index::{floor_char_boundary, rope_line_col, rope_offset};
use copydesk::analysis::markdown::{self, PLACEHOLDER};
use copydesk::analysis::{
    analyze, ide::hover, rules, text, Config, Context, Document, Encoding, LineCol, LineIndex,
};
use ropey::Rope;
use std::ops::Range;

/// Every rule on (opt-in ones too), optionally with an article date so the date rules
/// have something to compare against.
pub fn all_rules_config(with_date: bool) -> Config {
    let mut config = Config::default();
    for rule in rules::all() {
        let meta = rule.meta();
        config.set_level(meta.id, Level::On(meta.default_severity));
    }
    if with_date {
        config.dates.article_date = Some("2019-03-20".to_string());
    }
    config
}

fn assert_range(text: &str, r: &Range<usize>, what: &str) {
    assert!(
        r.start <= r.end && r.end <= text.len(),
        "{what} {r:?} out of bounds (len {})",
        text.len()
    );
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} not on char boundaries"
    );
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

/// Parse + analyse with every rule on: every range is in bounds and on char boundaries,
/// the edits of one fix never overlap, safe fixes apply without skipped edits, and hover
/// at any offset answers without panicking.
pub fn analysis(data: &[u8]) {
    let (mode, rest) = data.split_first().unwrap_or((&0, data));
    let src = String::from_utf8_lossy(rest);
    let src: &str = &src;
    let config = all_rules_config(mode & 1 == 1);
    let doc = Document::parse(src);
    assert_eq!(doc.text(), src);
    let diags = analyze(&doc, &config);
    for d in &diags {
        assert_range(src, &d.range, d.rule);
        for r in &d.related {
            assert_range(src, &r.range, "related");
        }
        for f in &d.fixes {
            for (i, e) in f.edits.iter().enumerate() {
                assert_range(src, &e.range, "fix edit");
                for e2 in &f.edits[..i] {
                    assert!(
                        !overlap(&e.range, &e2.range),
                        "{}: edits of one fix overlap: {e:?} {e2:?}",
                        d.rule
                    );
                }
            }
        }
    }
    let edits = safe_fix_edits(&diags);
    for (i, e) in edits.iter().enumerate() {
        for e2 in &edits[..i] {
            assert!(
                !overlap(&e.range, &e2.range),
                "safe edits overlap: {e:?} {e2:?}"
            );
        }
    }
    let (fixed, skipped) = apply_edits(src, &edits);
    assert!(skipped.is_empty(), "safe edits skipped: {skipped:?}");
    if fixed != src {
        let doc2 = Document::parse(fixed.as_str());
        let _ = analyze(&doc2, &config);
    }

    let cx = Context::new(&doc, &config);
    let mut probes: Vec<usize> = vec![0, src.len(), src.len() + 1, usize::MAX / 2];
    for d in &diags {
        probes.extend([d.range.start, d.range.end, d.range.start + 1]);
    }
    // Every offset for small inputs (inside characters too), a sample of them otherwise.
    let step = (src.len() / 64).max(1);
    probes.extend((0..=src.len()).step_by(step));
    for offset in probes {
        for info in hover::at(&cx, &diags, offset) {
            assert_range(src, &info.range, "hover");
        }
        let _ = doc.block_at(offset);
        let _ = doc.line_col(offset);
    }
}

/// The Markdown layer's map from block text back to source: monotone, in bounds, on
/// char boundaries; characters copied verbatim map to identical bytes; words made only of
/// verbatim text map back to the identical bytes; `text_offset` inverts the map.
pub fn markdown_map(data: &[u8]) {
    let src = String::from_utf8_lossy(data);
    let src: &str = &src;
    let md = markdown::parse(src);
    for b in &md.blocks {
        assert_range(src, &b.source, "block source");
        let mut last = 0;
        for (i, c) in b.text.char_indices() {
            let s = b.source_start(i);
            assert!(s >= last, "source_start not monotone at {i}: {s} < {last}");
            last = s;
            assert!(
                b.source.start <= s && s <= b.source.end && src.is_char_boundary(s),
                "source_start({i}) = {s} outside {:?} or off a boundary",
                b.source
            );
            // A character is copied verbatim, or comes from something that maps as a whole:
            // an entity, an escape, a line break, a placeholder for code or HTML.
            let here = &src[s..];
            assert!(
                here.starts_with(c)
                    || c == PLACEHOLDER
                    || c == ' '
                    || here.starts_with(['&', '\\', '\r', '\n']),
                "text {c:?} at {i} maps to {:?}",
                here.chars().next()
            );
            let e = b.source_end(i + c.len_utf8());
            assert!(e >= s && e <= b.source.end && src.is_char_boundary(e));
            match b.text_offset(s) {
                Some(t) => {
                    assert!(
                        t <= i && b.text.is_char_boundary(t),
                        "text_offset({s}) = {t} > {i}"
                    );
                    if here.starts_with(c) && t == i {
                        assert_eq!(b.source_start(t), s);
                    }
                }
                None => panic!("text_offset({s}) is None for a mapped offset"),
            }
        }
        for w in text::words(&b.text) {
            let r = b.source_range(w.clone());
            assert_range(src, &r, "word source");
            let word = &b.text[w];
            let source = &src[r];
            let plain = |s: &str| {
                s.chars()
                    .filter(|c| !"*_~".contains(*c))
                    .collect::<String>()
            };
            if !word.contains(PLACEHOLDER)
                && !source.contains(['&', '\\', '`', '<', '[', ']', '!', '\n', '\r'])
            {
                assert_eq!(plain(source), plain(word), "word maps to other bytes");
            }
        }
        for s in b.source.clone().filter(|&s| src.is_char_boundary(s)) {
            if let Some(t) = b.text_offset(s) {
                assert!(t <= b.text.len() && b.text.is_char_boundary(t));
            }
        }
    }
}

fn assert_error_place(text: &str, e: &copydesk::analysis::config::ConfigError) {
    if let (Some(line), Some(col)) = (e.line, e.column) {
        let index = LineIndex::new(text);
        assert!(line >= 1 && line <= index.line_count(), "line {line}: {e}");
        let range = index.line_range(text, line - 1);
        let chars = text[range].chars().count();
        assert!(col >= 1 && col <= chars + 1, "column {col} of {chars}: {e}");
    }
}

/// The config loader never panics, and its errors point inside the text.
pub fn config(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let text: &str = &text;
    if let Err(e) = Config::from_toml_str(text, "fuzz.toml") {
        assert_error_place(text, &e);
    }
    match Config::parse_table(text, "fuzz.toml") {
        Err(e) => assert_error_place(text, &e),
        Ok(table) => {
            let _ = Config::from_layers(vec![table], "fuzz.toml");
        }
    }
    // Editor settings arrive as JSON: from the text itself, and from any TOML table
    // (unvalidated) carried over to JSON, layered under the default file.
    let mut values = Vec::new();
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        values.push(v);
    }
    if let Ok(t) = text.parse::<toml::Table>() {
        if let Ok(v) = serde_json::to_value(t) {
            values.push(v);
        }
    }
    for v in values {
        if let Ok(layer) = Config::json_layer(&v) {
            let _ = Config::from_layers(vec![layer.clone()], "editor settings");
            if let Ok(file) =
                Config::parse_table(copydesk::analysis::config::DEFAULT_TOML, "copydesk.toml")
            {
                let _ = Config::from_layers(vec![layer, file], "copydesk.toml");
            }
        }
    }
}

/// A little reader over fuzz bytes.
pub struct Bytes<'a>(&'a [u8]);

impl<'a> Bytes<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Bytes(data)
    }
    pub fn u8(&mut self) -> Option<u8> {
        let (b, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(*b)
    }
    /// A short string from an alphabet rich in line breaks and multi-byte characters.
    pub fn text(&mut self, max: u8) -> Option<String> {
        const PIECES: &[&str] = &[
            "a", "b", " ", "\n", "\r\n", "\r", "é", "😀", "日本", "“", "”", "'", "\"", "x\r", "\ny",
        ];
        let n = self.u8()? % (max + 1);
        let mut s = String::new();
        for _ in 0..n {
            s.push_str(PIECES[self.u8()? as usize % PIECES.len()]);
        }
        Some(s)
    }
}

/// A sequence of LSP `didChange` events (ranges in any position encoding, inverted and
/// out-of-range positions, whole-text replacements) applied to a rope by the server's own
/// `lsp::documents::apply_change`, and to a `String` through `LineIndex::offset`: both
/// agree on every offset and on the resulting text, and positions round-trip.
pub fn lsp_edits(data: &[u8]) {
    use copydesk::lsp::documents::apply_change;
    use tower_lsp::lsp_types::{Position, Range as LspRange, TextDocumentContentChangeEvent};
    let mut r = Bytes::new(data);
    let Some(initial) = r.text(40) else { return };
    let mut rope = Rope::from_str(&initial);
    let mut string = initial;
    while let (Some(e), Some(l1), Some(c1), Some(l2), Some(c2)) =
        (r.u8(), r.u8(), r.u8(), r.u8(), r.u8())
    {
        let enc = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32][e as usize % 3];
        let p1 = LineCol {
            line: u32::from(l1 % 16),
            col: u32::from(c1 % 32),
        };
        let p2 = LineCol {
            line: u32::from(l2 % 16),
            col: u32::from(c2 % 32),
        };
        let Some(new_text) = r.text(8) else { break };
        let index = LineIndex::new(&string);
        let (a, b) = (rope_offset(&rope, p1, enc), rope_offset(&rope, p2, enc));
        assert_eq!(
            a,
            index.offset(&string, p1, enc),
            "{p1:?} {enc:?} in {string:?}"
        );
        assert_eq!(
            b,
            index.offset(&string, p2, enc),
            "{p2:?} {enc:?} in {string:?}"
        );
        assert!(string.is_char_boundary(a) && string.is_char_boundary(b));
        for o in [a, b, a + 1, b + 1] {
            let lc = rope_line_col(&rope, o, enc);
            assert_eq!(lc, index.line_col(&string, o, enc), "offset {o} {enc:?}");
            let f = floor_char_boundary(&string, o);
            let bytes = string.as_bytes();
            if f > 0 && bytes[f - 1] == b'\r' && bytes.get(f) == Some(&b'\n') {
                continue; // between the CR and LF of one line break: no column there
            }
            assert_eq!(
                rope_offset(&rope, lc, enc),
                f,
                "round trip of {o} via {lc:?} {enc:?} in {string:?}"
            );
        }
        let whole = e >= 240;
        let change = TextDocumentContentChangeEvent {
            range: (!whole).then(|| LspRange {
                start: Position::new(p1.line, p1.col),
                end: Position::new(p2.line, p2.col),
            }),
            range_length: None,
            text: new_text.clone(),
        };
        apply_change(&mut rope, &change, enc);
        if whole {
            string = new_text;
        } else {
            // An inverted range is taken as empty, at its start.
            string.replace_range(a..b.max(a), &new_text);
        }
        assert_eq!(rope.len_bytes(), string.len());
        assert_eq!(rope.len_lines(), LineIndex::new(&string).line_count());
    }
    assert_eq!(rope.to_string(), string);
}
