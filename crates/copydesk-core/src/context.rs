//! [`Context`]: what every rule and every editor request gets — the document, the
//! configuration, and the features' analyses, each computed once on first use and shared.

use crate::{names, quotes, time, Config, Document};
use std::cell::OnceCell;
use std::sync::Arc;

/// What every rule gets: the document, the configuration, and analyses shared between
/// rules (computed once, on first use).
pub struct Context<'a> {
    pub doc: &'a Document,
    pub config: &'a Config,
    quotes: OnceCell<Arc<Vec<quotes::Quotation>>>,
    article_date: OnceCell<Option<time::ArticleDate>>,
    time_expressions: OnceCell<Arc<Vec<time::TimeExpr>>>,
    names: OnceCell<Arc<names::Names>>,
    quoted_by_block: OnceCell<Arc<Vec<Vec<std::ops::Range<usize>>>>>,
    other_year_from: OnceCell<Vec<usize>>,
    attributions: OnceCell<Vec<quotes::sources::Attribution>>,
    verbatim_spans: OnceCell<SpanIndex>,
}

/// Source ranges (the inner ranges of the draft's quotations, or of some kind of them),
/// sorted by start, with the furthest end reached by any of them up to each: the spans that
/// can hold a given range are found by a binary search and a short walk back, not a pass
/// over every quotation of the draft.
pub(crate) struct SpanIndex {
    spans: Vec<std::ops::Range<usize>>,
    reach: Vec<usize>,
}

impl SpanIndex {
    /// The quotations that hold someone's words (not scare quotes).
    fn verbatim(quotes: &[quotes::Quotation]) -> Self {
        Self::from_spans(
            quotes
                .iter()
                .filter(|q| q.kind != quotes::QuoteKind::Scare)
                .map(|q| q.inner.clone())
                .collect(),
        )
    }

    pub(crate) fn from_spans(mut spans: Vec<std::ops::Range<usize>>) -> Self {
        spans.sort_by_key(|s| s.start);
        let reach = spans
            .iter()
            .scan(0, |m, s| {
                *m = s.end.max(*m);
                Some(*m)
            })
            .collect();
        SpanIndex { spans, reach }
    }

    /// The spans that contain `r`, nearest start first.
    pub(crate) fn containing<'s>(
        &'s self,
        r: &'s std::ops::Range<usize>,
    ) -> impl Iterator<Item = &'s std::ops::Range<usize>> + 's {
        let upto = self.spans.partition_point(|s| s.start <= r.start);
        self.spans[..upto]
            .iter()
            .zip(&self.reach[..upto])
            .rev()
            .take_while(|(_, &reach)| reach >= r.end)
            .map(|(s, _)| s)
            .filter(|s| r.end <= s.end)
    }
}

/// The shared analyses a [`Context`] has computed, to hand to a later `Context` on the same
/// document and configuration (the language server answers hover and other requests from
/// the last analysis without redoing it).
#[derive(Clone, Default)]
pub struct Computed {
    quotes: Option<Arc<Vec<quotes::Quotation>>>,
    article_date: Option<Option<time::ArticleDate>>,
    time_expressions: Option<Arc<Vec<time::TimeExpr>>>,
    names: Option<Arc<names::Names>>,
    quoted_by_block: Option<Arc<Vec<Vec<std::ops::Range<usize>>>>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, config: &'a Config) -> Self {
        Self::with_computed(doc, config, Computed::default())
    }

    /// A context that starts with analyses computed earlier for this `doc` and `config`.
    pub fn with_computed(doc: &'a Document, config: &'a Config, c: Computed) -> Self {
        fn filled<T>(v: Option<T>) -> OnceCell<T> {
            v.map_or_else(OnceCell::new, OnceCell::from)
        }
        Context {
            doc,
            config,
            quotes: filled(c.quotes),
            article_date: filled(c.article_date),
            time_expressions: filled(c.time_expressions),
            names: filled(c.names),
            quoted_by_block: filled(c.quoted_by_block),
            other_year_from: OnceCell::new(),
            attributions: OnceCell::new(),
            verbatim_spans: OnceCell::new(),
        }
    }

    /// What this context has computed so far.
    pub fn computed(&self) -> Computed {
        Computed {
            quotes: self.quotes.get().cloned(),
            article_date: self.article_date.get().cloned(),
            time_expressions: self.time_expressions.get().cloned(),
            names: self.names.get().cloned(),
            quoted_by_block: self.quoted_by_block.get().cloned(),
        }
    }

    /// Every quotation of the draft with its speaker, computed on first use.
    pub fn quotes(&self) -> &[quotes::Quotation] {
        self.quotes.get_or_init(|| {
            let mut all = quotes::find(self.doc, &self.config.quotes);
            all.shrink_to_fit();
            Arc::new(all)
        })
    }

    /// The verbatim quotations' inner ranges indexed for containment (see [`SpanIndex`]).
    pub(crate) fn verbatim_spans(&self) -> &SpanIndex {
        self.verbatim_spans
            .get_or_init(|| SpanIndex::verbatim(self.quotes()))
    }

    /// The date the article is written for (configuration, front matter or dateline).
    pub fn article_date(&self) -> Option<&time::ArticleDate> {
        self.article_date
            .get_or_init(|| time::article_date::find(self.doc, &self.config.dates))
            .as_ref()
    }

    /// Every time expression in the prose, resolved against the article date.
    pub fn time_expressions(&self) -> &[time::TimeExpr] {
        self.time_expressions.get_or_init(|| {
            let mut all = time::find_all(self.doc, self.article_date());
            debug_assert!(all.windows(2).all(|w| w[0].block <= w[1].block));
            all.shrink_to_fit();
            Arc::new(all)
        })
    }

    /// The time expressions of block `bi` (a slice of [`Context::time_expressions`],
    /// which is in block order).
    pub fn time_expressions_in(&self, bi: usize) -> &[time::TimeExpr] {
        let all = self.time_expressions();
        let from = all.partition_point(|x| x.block < bi);
        let to = from + all[from..].partition_point(|x| x.block == bi);
        &all[from..to]
    }

    /// For each block, the block-text ranges its quotations (not scare quotes) cover: what
    /// the date checks leave alone as someone else's words.
    pub fn quoted_by_block(&self) -> &[Vec<std::ops::Range<usize>>] {
        self.quoted_by_block
            .get_or_init(|| Arc::new(quotes::by_block(self.doc, self.quotes())))
    }

    /// For each block, the block-text offset from which the paragraph has named a day,
    /// week or month in a year other than the article's (`usize::MAX`: never): from there
    /// on, a date without its year would be read in that other year.
    pub fn other_year_from(&self) -> &[usize] {
        self.other_year_from.get_or_init(|| {
            let mut from = vec![usize::MAX; self.doc.blocks.len()];
            let Some(a) = self.article_date().map(|a| a.date) else {
                return from;
            };
            for x in self.time_expressions() {
                let other = x.granularity.is_some_and(|g| g <= time::Granularity::Month)
                    && x.day
                        .or(x.span.map(|s| s.0))
                        .is_some_and(|d| d.year() != a.year());
                if let (true, Some(f)) = (other, from.get_mut(x.block)) {
                    *f = (*f).min(x.range.end);
                }
            }
            from
        })
    }

    /// Every reporting cue in the draft's own sentences with the source it names (computed
    /// on first use): what the sourcing and attribution rules read.
    pub fn attributions(&self) -> &[quotes::sources::Attribution] {
        self.attributions.get_or_init(|| {
            let mut all = quotes::sources::attributions(self.doc, self.quoted_by_block());
            debug_assert!(all.windows(2).all(|w| w[0].block <= w[1].block));
            // Kept for the document's life: without the growth room of its pushes.
            all.shrink_to_fit();
            all
        })
    }

    /// The reporting cues of block `bi` (a slice of [`Context::attributions`], which is in
    /// block order).
    pub fn attributions_in(&self, bi: usize) -> &[quotes::sources::Attribution] {
        let all = self.attributions();
        let from = all.partition_point(|a| a.block < bi);
        let to = from + all[from..].partition_point(|a| a.block == bi);
        &all[from..to]
    }

    /// The draft's actors and their mentions (computed on first use).
    pub fn names(&self) -> &names::Names {
        self.names
            .get_or_init(|| Arc::new(names::analyse(self.doc, &self.config.names)))
    }
}

#[cfg(test)]
mod tests {
    use super::SpanIndex;

    /// The index finds exactly the spans a pass over all of them finds, nested and
    /// overlapping spans included.
    #[test]
    fn verbatim_spans_find_what_a_full_pass_finds() {
        let spans = vec![
            40..90,
            0..10,
            12..30,
            15..20,
            50..60,
            55..58,
            95..96,
            5..100,
        ];
        let index = SpanIndex::from_spans(spans.clone());
        for start in 0..105 {
            for end in start..106 {
                let r = start..end;
                let mut got: Vec<_> = index.containing(&r).cloned().collect();
                let mut want: Vec<_> = spans
                    .iter()
                    .filter(|s| s.start <= r.start && r.end <= s.end)
                    .cloned()
                    .collect();
                got.sort_by_key(|s| (s.start, s.end));
                want.sort_by_key(|s| (s.start, s.end));
                assert_eq!(got, want, "{r:?}");
            }
        }
    }
}
