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
        self.quotes
            .get_or_init(|| Arc::new(quotes::find(self.doc, &self.config.quotes)))
    }

    /// The date the article is written for (configuration, front matter or dateline).
    pub fn article_date(&self) -> Option<&time::ArticleDate> {
        self.article_date
            .get_or_init(|| time::article_date::find(self.doc, &self.config.dates))
            .as_ref()
    }

    /// Every time expression in the prose, resolved against the article date.
    pub fn time_expressions(&self) -> &[time::TimeExpr] {
        self.time_expressions
            .get_or_init(|| Arc::new(time::find_all(self.doc, self.article_date())))
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
        self.attributions
            .get_or_init(|| quotes::sources::attributions(self.doc, self.quoted_by_block()))
    }

    /// The draft's actors and their mentions (computed on first use).
    pub fn names(&self) -> &names::Names {
        self.names
            .get_or_init(|| Arc::new(names::analyse(self.doc, &self.config.names)))
    }
}
