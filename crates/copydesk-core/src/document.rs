//! A parsed draft: its text, prose blocks with sentences, front matter, suppressions and
//! line index. Built once per version of the text; every rule reads from it.

use crate::front_matter::{self, FrontMatter};
use crate::line_index::{Encoding, LineCol, LineIndex};
use crate::markdown::{self, Block, Heading, Html};
use crate::suppress::Suppressions;
use crate::text;
use std::ops::Range;

/// Each paragraph's sentences, kept by the language server between keystrokes.
static SENTENCES: std::sync::LazyLock<crate::memo::BlockMemo<Vec<Range<usize>>>> =
    std::sync::LazyLock::new(Default::default);

#[derive(Debug, Clone)]
pub struct Document {
    text: String,
    pub blocks: Vec<Block>,
    /// Sentences of each block, in block-text offsets (parallel to `blocks`).
    pub sentences: Vec<Vec<Range<usize>>>,
    pub headings: Vec<Heading>,
    pub html: Vec<Html>,
    pub front_matter: FrontMatter,
    pub suppressions: Suppressions,
    lines: LineIndex,
}

impl Document {
    pub fn parse(text: impl Into<String>) -> Document {
        let text = text.into();
        let md = markdown::parse(&text);
        let lines = LineIndex::new(&text);
        let front_matter = md
            .front_matter
            .clone()
            .map(|(kind, range)| front_matter::parse(&text, kind, range))
            .unwrap_or_default();
        let sentences = md
            .blocks
            .iter()
            .map(|b| SENTENCES.get_or_compute(&b.text, 0, || text::sentences(&b.text)))
            .collect();
        let suppressions = Suppressions::from_html(&md.html, &text, &lines);
        Document {
            blocks: md.blocks,
            sentences,
            headings: md.headings,
            html: md.html,
            front_matter,
            suppressions,
            lines,
            text,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn line_index(&self) -> &LineIndex {
        &self.lines
    }

    /// 0-based line and column in Unicode scalar values.
    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines.line_col(&self.text, offset, Encoding::Utf32)
    }

    /// The block whose prose contains a source offset, with the offset in block text.
    pub fn block_at(&self, offset: usize) -> Option<(usize, usize)> {
        self.blocks.iter().enumerate().find_map(|(i, b)| {
            if b.source.start <= offset && offset <= b.source.end {
                b.text_offset(offset).map(|t| (i, t))
            } else {
                None
            }
        })
    }

    /// Words in the whole draft.
    pub fn word_count(&self) -> usize {
        self.blocks.iter().map(|b| text::words(&b.text).len()).sum()
    }
}
