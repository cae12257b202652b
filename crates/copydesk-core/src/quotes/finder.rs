//! Finding quotations: matched marks in each block (from [`super::marks`]), quotes that run
//! over paragraphs joined into one, and `>` block quotes.

use super::marks;
use crate::cache::{cached, ParagraphCache, Slot};
use crate::document::Document;
use std::ops::Range;

/// A quotation before attribution, in block-text offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Block of the opening mark and the range from the opening mark to the end of the
    /// quote in that block (the closing mark included, or the block end).
    pub first_block: usize,
    pub first: Range<usize>,
    /// Block of the closing mark (the same block unless the quote runs over paragraphs)
    /// and the range from the start of the quote in that block to past the closing mark.
    pub last_block: usize,
    pub last: Range<usize>,
    /// Inner text: from after the opening mark (first block) to before the closing mark
    /// (last block).
    pub inner_start: usize,
    pub inner_end: usize,
    /// A `>` block quote with no quotation marks of its own.
    pub block_quote: bool,
    /// Whether the quote was closed.
    pub closed: bool,
}

/// Depth-0 quotations of one block, with unclosed ones running to the block end.
pub(crate) fn block_pairs(cache: Option<&ParagraphCache>, text: &str) -> Vec<marks::Pair> {
    cached(cache, Slot::QuotePairs, 0, text, || {
        marks::scan(text)
            .pairs
            .into_iter()
            .filter(|p| p.depth == 0)
            .collect()
    })
}

/// End of the trimmed block text.
fn text_end(text: &str) -> usize {
    text.trim_end().len()
}

pub(crate) fn find(doc: &Document, pairs: &[Vec<marks::Pair>]) -> Vec<Found> {
    let blocks = &doc.blocks;
    let mut out: Vec<Found> = Vec::new();
    // The pair in a block already used as the continuation of a quote before it.
    let mut continued = vec![false; blocks.len()];
    let mut bi = 0;
    while bi < blocks.len() {
        let block = &blocks[bi];
        // A run of `>` blocks with no quotation marks is one block quote.
        if block.quote_depth > 0 && pairs[bi].is_empty() {
            let mut end = bi;
            while end + 1 < blocks.len()
                && blocks[end + 1].quote_depth > 0
                && pairs[end + 1].is_empty()
            {
                end += 1;
            }
            let last_len = text_end(&blocks[end].text);
            let lead = block.text.len() - block.text.trim_start().len();
            out.push(Found {
                first_block: bi,
                first: lead..text_end(&block.text),
                last_block: end,
                last: 0..last_len,
                inner_start: lead,
                inner_end: last_len,
                block_quote: true,
                closed: true,
            });
            bi = end + 1;
            continue;
        }
        for (pi, p) in pairs[bi].iter().enumerate() {
            if pi == 0 && continued[bi] {
                continue;
            }
            let mut f = Found {
                first_block: bi,
                first: p.open
                    ..p.close
                        .map_or(text_end(&block.text), |c| c + p.close_len.max(1)),
                last_block: bi,
                last: 0..0,
                inner_start: p.inner_start(),
                inner_end: p.close.unwrap_or(text_end(&block.text)),
                block_quote: false,
                closed: p.close.is_some(),
            };
            f.last = f.first.clone();
            // A quote left open at the end of its paragraph continues when the next
            // paragraph opens with a quotation mark (wire style).
            let is_last = pi + 1 == pairs[bi].len();
            if p.close.is_none() && is_last {
                let mut cb = bi;
                while let (Some(next), Some(np)) = (
                    blocks.get(cb + 1),
                    pairs.get(cb + 1).and_then(|p| p.first()),
                ) {
                    let lead = next.text.len() - next.text.trim_start().len();
                    if next.quote_depth != blocks[cb].quote_depth || np.open != lead {
                        break;
                    }
                    cb += 1;
                    continued[cb] = true;
                    f.last_block = cb;
                    f.closed = np.close.is_some();
                    let end = np
                        .close
                        .map_or(text_end(&next.text), |c| c + np.close_len.max(1));
                    f.last = np.open..end;
                    f.inner_end = np.close.unwrap_or(text_end(&next.text));
                    if np.close.is_some() || pairs[cb].len() > 1 {
                        break;
                    }
                }
            }
            out.push(f);
        }
        bi += 1;
    }
    out
}
