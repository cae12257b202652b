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

pub use config::Config;
pub use diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
pub use document::Document;
pub use line_index::{Encoding, LineCol, LineIndex};

/// What every rule gets: the document, the configuration, and analyses shared between
/// rules (computed once, on first use).
pub struct Context<'a> {
    pub doc: &'a Document,
    pub config: &'a Config,
    quotes: std::cell::OnceCell<Vec<quotes::Quotation>>,
    article_date: std::cell::OnceCell<Option<time::ArticleDate>>,
    time_expressions: std::cell::OnceCell<Vec<time::TimeExpr>>,
    names: std::cell::OnceCell<names::Names>,
    quoted_by_block: std::cell::OnceCell<Vec<Vec<std::ops::Range<usize>>>>,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, config: &'a Config) -> Self {
        Context {
            doc,
            config,
            quotes: std::cell::OnceCell::new(),
            article_date: std::cell::OnceCell::new(),
            time_expressions: std::cell::OnceCell::new(),
            names: std::cell::OnceCell::new(),
            quoted_by_block: std::cell::OnceCell::new(),
        }
    }

    /// Every quotation of the draft with its speaker, computed on first use.
    pub fn quotes(&self) -> &[quotes::Quotation] {
        self.quotes
            .get_or_init(|| quotes::find(self.doc, &self.config.quotes))
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
            .get_or_init(|| time::find_all(self.doc, self.article_date()))
    }

    /// For each block, the block-text ranges its quotations (not scare quotes) cover: what
    /// the date checks leave alone as someone else's words.
    pub fn quoted_by_block(&self) -> &[Vec<std::ops::Range<usize>>] {
        self.quoted_by_block
            .get_or_init(|| quotes::by_block(self.doc, self.quotes()))
    }

    /// The draft's actors and their mentions (computed on first use).
    pub fn names(&self) -> &names::Names {
        self.names
            .get_or_init(|| names::analyse(self.doc, self.config))
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
