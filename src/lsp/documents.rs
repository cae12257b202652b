//! Open documents: text in a rope, the client's version, the configuration in force and
//! the latest analysis.

use super::convert;
use crate::analysis::{Computed, Context};
use crate::analysis::{Config, Diagnostic, Document, Encoding};
use ropey::Rope;
use std::collections::HashMap;
use std::sync::Arc;
use tower_lsp::lsp_types as lsp;

/// The result of analysing one state of a document.
pub struct Analysis {
    /// The state it was computed for (see [`Doc::generation`]).
    pub generation: u64,
    pub version: i32,
    pub doc: Document,
    pub config: Arc<Config>,
    /// Empty when the analysis panicked.
    pub diagnostics: Vec<Diagnostic>,
    /// The same, converted for the client.
    pub lsp: Vec<lsp::Diagnostic>,
    /// The shared analyses (quotes, names, time expressions) the rules computed.
    pub computed: Computed,
}

impl Analysis {
    /// A context for requests on this state (hover, actions, outline) that reuses what the
    /// analysis computed instead of computing it again.
    pub fn context(&self) -> Context<'_> {
        Context::with_computed(&self.doc, &self.config, self.computed.clone())
    }
}

pub struct Doc {
    pub rope: Rope,
    pub version: i32,
    /// Bumped on every change of the text or of its configuration: an analysis is current
    /// when its generation equals the document's.
    pub generation: u64,
    pub config: Arc<Config>,
    pub analysis: Option<Arc<Analysis>>,
    /// The generation whose diagnostics were last sent to the client.
    pub published: u64,
}

impl Doc {
    pub fn current_analysis(&self) -> Option<Arc<Analysis>> {
        self.analysis
            .as_ref()
            .filter(|a| a.generation == self.generation)
            .cloned()
    }
}

/// What the worker needs to analyse a document, taken under the lock.
pub struct Snapshot {
    pub generation: u64,
    pub version: i32,
    pub text: String,
    pub config: Arc<Config>,
}

/// What became of a `didChange`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Changed {
    Applied,
    NotOpen,
    /// Its version is below the document's (`current`): ignored.
    Stale {
        current: i32,
    },
}

#[derive(Default)]
pub struct Documents {
    pub map: HashMap<lsp::Url, Doc>,
    next_generation: u64,
}

impl Documents {
    pub fn next_generation(&mut self) -> u64 {
        self.next_generation += 1;
        self.next_generation
    }

    pub fn open(&mut self, uri: lsp::Url, text: &str, version: i32, config: Arc<Config>) {
        let generation = self.next_generation();
        self.map.insert(
            uri,
            Doc {
                rope: Rope::from_str(text),
                version,
                generation,
                config,
                analysis: None,
                published: 0,
            },
        );
    }

    /// Apply the changes of one `didChange` in order.
    ///
    /// Versions only go up (LSP): a change with a version below the document's is stale
    /// (a confused client, or one replaying old messages) and is ignored, so that text and
    /// diagnostics of an older version never replace newer ones.
    pub fn change(
        &mut self,
        uri: &lsp::Url,
        version: i32,
        changes: &[lsp::TextDocumentContentChangeEvent],
        enc: Encoding,
    ) -> Changed {
        let Some(current) = self.map.get(uri).map(|d| d.version) else {
            return Changed::NotOpen;
        };
        if version < current {
            return Changed::Stale { current };
        }
        let generation = self.next_generation();
        let Some(doc) = self.map.get_mut(uri) else {
            return Changed::NotOpen;
        };
        for change in changes {
            apply_change(&mut doc.rope, change, enc);
        }
        doc.version = version;
        doc.generation = generation;
        Changed::Applied
    }

    pub fn snapshot(&self, uri: &lsp::Url) -> Option<Snapshot> {
        let doc = self.map.get(uri)?;
        Some(Snapshot {
            generation: doc.generation,
            version: doc.version,
            text: doc.rope.to_string(),
            config: doc.config.clone(),
        })
    }
}

/// Apply one content change: a range replacement, or the whole text when there is no
/// range. Positions out of range are clamped; an inverted range is taken as empty.
pub fn apply_change(rope: &mut Rope, change: &lsp::TextDocumentContentChangeEvent, enc: Encoding) {
    let Some(range) = change.range else {
        *rope = Rope::from_str(&change.text);
        return;
    };
    let start = convert::rope_pos_to_offset(rope, range.start, enc);
    let end = convert::rope_pos_to_offset(rope, range.end, enc).max(start);
    // Offsets from the line index are on char boundaries.
    let start_char = rope.byte_to_char(start);
    let end_char = rope.byte_to_char(end);
    if end_char > start_char {
        rope.remove(start_char..end_char);
    }
    if !change.text.is_empty() {
        rope.insert(start_char, &change.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::line_index::{LineCol, LineIndex};
    use proptest::prelude::*;

    fn change(
        l0: u32,
        c0: u32,
        l1: u32,
        c1: u32,
        text: &str,
    ) -> lsp::TextDocumentContentChangeEvent {
        lsp::TextDocumentContentChangeEvent {
            range: Some(lsp::Range::new(
                lsp::Position::new(l0, c0),
                lsp::Position::new(l1, c1),
            )),
            range_length: None,
            text: text.to_string(),
        }
    }

    /// The reference: the same edit on a plain String through `LineIndex`.
    fn apply_reference(text: &mut String, c: &lsp::TextDocumentContentChangeEvent, enc: Encoding) {
        let Some(r) = c.range else {
            *text = c.text.clone();
            return;
        };
        let index = LineIndex::new(text);
        let at = |p: lsp::Position| {
            index.offset(
                text,
                LineCol {
                    line: p.line,
                    col: p.character,
                },
                enc,
            )
        };
        let start = at(r.start);
        let end = at(r.end).max(start);
        text.replace_range(start..end, &c.text);
    }

    #[test]
    fn edits_with_multibyte_text_and_crlf() {
        let mut rope = Rope::from_str("Київ 😀 x\r\n日本\n");
        // Replace the emoji (2 UTF-16 units at col 5).
        apply_change(&mut rope, &change(0, 5, 0, 7, "é"), Encoding::Utf16);
        assert_eq!(rope.to_string(), "Київ é x\r\n日本\n");
        // Join the lines across the CRLF.
        apply_change(&mut rope, &change(0, 8, 1, 0, " "), Encoding::Utf16);
        assert_eq!(rope.to_string(), "Київ é x 日本\n");
        // UTF-8 columns: after "日" (3 bytes into the CJK run).
        let at = "Київ é x ".len() as u32 + 3;
        apply_change(&mut rope, &change(0, at, 0, at, "|"), Encoding::Utf8);
        assert_eq!(rope.to_string(), "Київ é x 日|本\n");
        // Out of range clamps; inverted is empty.
        apply_change(&mut rope, &change(7, 0, 9, 9, "!"), Encoding::Utf16);
        assert_eq!(rope.to_string(), "Київ é x 日|本\n!");
        apply_change(&mut rope, &change(0, 3, 0, 1, "-"), Encoding::Utf16);
        assert_eq!(rope.to_string(), "Киї-в é x 日|本\n!");
    }

    #[test]
    fn changes_with_an_older_version_are_ignored() {
        let mut docs = Documents::default();
        let uri = lsp::Url::parse("untitled:a").unwrap();
        let full = |t: &str| lsp::TextDocumentContentChangeEvent {
            range: None,
            range_length: None,
            text: t.into(),
        };
        let config = Arc::new(Config::default());
        assert_eq!(
            docs.change(&uri, 2, &[full("x")], Encoding::Utf16),
            Changed::NotOpen
        );
        docs.open(uri.clone(), "one", 1, config);
        let enc = Encoding::Utf16;
        assert_eq!(docs.change(&uri, 5, &[full("five")], enc), Changed::Applied);
        let generation = docs.map[&uri].generation;
        assert_eq!(
            docs.change(&uri, 3, &[full("three")], enc),
            Changed::Stale { current: 5 }
        );
        let doc = &docs.map[&uri];
        assert_eq!((doc.rope.to_string().as_str(), doc.version), ("five", 5));
        assert_eq!(doc.generation, generation, "nothing to re-analyse");
        assert_eq!(docs.change(&uri, 5, &[full("5")], enc), Changed::Applied);
        assert_eq!(docs.change(&uri, 6, &[full("six")], enc), Changed::Applied);
    }

    fn piece() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop::sample::select(vec![
                "a", "é", "Ж", "日本", "😀", "👍🏽", "\n", "\r\n", "\r", " ", "“", "x\u{301}",
            ]),
            0..6,
        )
        .prop_map(|v| v.concat())
    }

    fn edit() -> impl Strategy<Value = (u32, u32, u32, u32, String)> {
        (0u32..8, 0u32..14, 0u32..8, 0u32..14, piece())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn rope_edits_match_a_string_reference(
            initial in piece(),
            edits in prop::collection::vec(edit(), 1..40),
            utf8 in any::<bool>(),
        ) {
            let enc = if utf8 { Encoding::Utf8 } else { Encoding::Utf16 };
            let mut rope = Rope::from_str(&initial);
            let mut reference = initial.clone();
            for (l0, c0, l1, c1, text) in edits {
                let c = change(l0, c0, l1, c1, &text);
                apply_change(&mut rope, &c, enc);
                apply_reference(&mut reference, &c, enc);
                prop_assert_eq!(rope.to_string(), reference.clone());
            }
        }
    }
}
