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
pub mod outline;
pub mod rules;
pub mod suppress;
pub mod text;

pub use config::Config;
pub use diagnostic::{Diagnostic, Edit, Fix, Related, Severity};
pub use document::Document;
pub use line_index::{Encoding, LineCol, LineIndex};

/// What every rule gets: the document, the configuration, and analyses shared between
/// rules (computed once, on first use).
pub struct Context<'a> {
    pub doc: &'a Document,
    pub config: &'a Config,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document, config: &'a Config) -> Self {
        Context { doc, config }
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
