//! "What is at this offset?": the single place the core answers hover questions. Each
//! feature (rules, actors, quotes, dates) contributes items for the offset.

use super::diagnostic::Diagnostic;
use super::rules;
use super::Context;
use std::ops::Range;

/// One thing to say about a place in the draft, in Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Info {
    pub range: Range<usize>,
    pub markdown: String,
}

/// Everything known about `offset`, most specific first. `diagnostics` are the current
/// diagnostics of the document (the caller usually has them already).
pub fn at(cx: &Context, diagnostics: &[Diagnostic], offset: usize) -> Vec<Info> {
    let mut out = Vec::new();
    for d in diagnostics {
        if d.range.start <= offset && offset <= d.range.end {
            if let Some(rule) = rules::find(d.rule) {
                let meta = rule.meta();
                out.push(Info {
                    range: d.range.clone(),
                    markdown: format!(
                        "**{}** — {}\n\n{}\n\n{}",
                        meta.id, d.message, meta.summary, meta.explanation
                    ),
                });
            }
        }
    }
    out.extend(super::time::hover::hover(cx, offset));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Config, Document};

    #[test]
    fn explains_the_rule_on_a_flagged_range() {
        let doc = Document::parse("He said “we will win.\n");
        let config = Config::default();
        let diags = analyze(&doc, &config);
        let cx = Context::new(&doc, &config);
        let at_quote = doc.text().find('“').unwrap();
        let infos = at(&cx, &diags, at_quote);
        assert_eq!(infos.len(), 1);
        assert!(infos[0].markdown.starts_with("**quote.unbalanced**"));
        assert!(at(&cx, &diags, 0).is_empty());
    }
}
