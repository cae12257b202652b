//! The analysis core: a pure function from a draft's text and configuration to
//! diagnostics, hovers and outline. No LSP, CLI or I/O types live here.

pub mod config;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod front_matter;
pub mod inlay;
pub mod inspect;
pub mod line_index;
pub mod markdown;
pub mod memo;
pub mod names;
pub mod outline;
pub mod quotes;
pub mod rules;
pub mod suppress;
pub mod text;
pub mod time;

#[cfg(test)]
mod test_corpus;

pub use config::Config;
pub use diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
pub use document::Document;
pub use line_index::{Encoding, LineCol, LineIndex};
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
            .get_or_init(|| time::article_date::find(self.doc, self.config))
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

    /// The draft's actors and their mentions (computed on first use).
    pub fn names(&self) -> &names::Names {
        self.names
            .get_or_init(|| Arc::new(names::analyse(self.doc, self.config)))
    }
}

/// Build the tables every analysis uses (the knowledge base and its automaton, the
/// dictionary, the rules' patterns) now, on two threads, instead of on the first draft:
/// the language server calls this at start so the first draft opened is checked as fast
/// as the next. Analysing each rule's own example touches every table.
pub fn warm_up() {
    let spawn = |f: fn()| {
        std::thread::Builder::new()
            .name("copydesk-warm-up".into())
            .spawn(f)
    };
    let helpers = [
        spawn(|| {
            let _ = names::kb::Kb::default_kb();
        }),
        spawn(|| {
            names::lexicon::is_dictionary_word("Warm");
            names::lexicon::is_known_given_name("Warm");
            names::lexicon::is_name_variant_form("Warm");
        }),
        spawn(|| {
            let doc = Document::parse("Last week, on Monday, March 2, 2020, it rained.");
            time::find_all(&doc, None);
        }),
    ];
    let config = Config::default();
    for rule in rules::all() {
        analyze(&Document::parse(rule.meta().wrong), &config);
    }
    for handle in helpers.into_iter().flatten() {
        let _ = handle.join();
    }
}

/// Run every enabled rule over a document. Diagnostics come back at their configured
/// severity, without suppressed ones, sorted by position.
pub fn analyze(doc: &Document, config: &Config) -> Vec<Diagnostic> {
    let cx = Context::new(doc, config);
    analyze_with(&cx)
}

pub fn analyze_with(cx: &Context) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for rule in rules::all() {
        let Some(severity) = cx.config.severity(*rule) else {
            continue;
        };
        let start = out.len();
        rule.check(cx, &mut out);
        for d in &mut out[start..] {
            d.severity = severity;
        }
    }
    out.retain(|d| {
        let line = cx.doc.line_col(d.range.start).line as usize;
        !cx.doc.suppressions.suppresses(d, line)
    });
    out.sort_by(|a, b| {
        (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_context_reuses_what_another_computed() {
        let doc = Document::parse("Volodymyr Zelenskyy said “we will win” on Monday.\n");
        let config = Config::default();
        let first = Context::new(&doc, &config);
        let diagnostics = analyze_with(&first);
        let again = Context::with_computed(&doc, &config, first.computed());
        assert!(std::ptr::eq(again.names(), first.names()));
        assert!(std::ptr::eq(again.quotes(), first.quotes()));
        assert!(std::ptr::eq(
            again.time_expressions(),
            first.time_expressions()
        ));
        assert_eq!(analyze_with(&again), diagnostics);
        // Nothing computed: a fresh context computes its own.
        let fresh = Context::with_computed(&doc, &config, Computed::default());
        assert!(!std::ptr::eq(fresh.names(), first.names()));
    }
}
