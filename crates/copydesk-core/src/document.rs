//! A parsed draft: its text, prose blocks with sentences, front matter, suppressions and
//! line index. Built once per version of the text; every rule reads from it.

use crate::cache::{cached, ParagraphCache, Slot};
use crate::front_matter::{self, FrontMatter};
use crate::line_index::{Encoding, LineCol, LineIndex};
use crate::markdown::{self, Block, Heading, Html};
use crate::suppress::Suppressions;
use crate::text;
use std::ops::Range;
use std::sync::Arc;

#[derive(Debug, Clone)]
pub struct Document {
    /// Shared with the blocks whose prose is a verbatim run of it.
    text: Arc<String>,
    pub blocks: Vec<Block>,
    /// Sentences of each block, in block-text offsets (parallel to `blocks`).
    pub sentences: Vec<Vec<Range<usize>>>,
    pub headings: Vec<Heading>,
    pub html: Vec<Html>,
    pub front_matter: FrontMatter,
    pub suppressions: Suppressions,
    lines: LineIndex,
    /// The caller's paragraph cache, read and filled by every analysis of this document.
    cache: Option<Arc<ParagraphCache>>,
}

impl Document {
    /// Parse a draft. Every analysis of it computes from scratch.
    pub fn parse(text: impl Into<String>) -> Document {
        Self::parse_with(text.into(), None)
    }

    /// Parse a draft whose analyses reuse, and fill, the caller's paragraph cache: after an
    /// edit, only the changed paragraphs are analysed again.
    pub fn parse_cached(text: impl Into<String>, cache: &Arc<ParagraphCache>) -> Document {
        Self::parse_with(text.into(), Some(cache.clone()))
    }

    fn parse_with(text: String, cache: Option<Arc<ParagraphCache>>) -> Document {
        let text = Arc::new(text);
        let md = markdown::parse_shared(&text);
        let lines = LineIndex::new(&text);
        let front_matter = md
            .front_matter
            .clone()
            .map(|(kind, range)| front_matter::parse(&text, kind, range))
            .unwrap_or_default();
        let sentences = md
            .blocks
            .iter()
            .map(|b| {
                cached(cache.as_deref(), Slot::Sentences, 0, &b.text, || {
                    text::sentences(&b.text)
                })
            })
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
            cache,
        }
    }

    /// The paragraph cache this document was parsed with, if any.
    pub fn cache(&self) -> Option<&ParagraphCache> {
        self.cache.as_deref()
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text, without the rest of the document (which is dropped first: the blocks
    /// share the text).
    pub fn into_text(self) -> String {
        let text = Arc::clone(&self.text);
        drop(self);
        Arc::try_unwrap(text).unwrap_or_else(|shared| shared.as_str().to_string())
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
        self.blocks.iter().map(|b| text::count_words(&b.text)).sum()
    }
}
