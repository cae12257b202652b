//! "What is at this offset?": the single place the core answers hover questions. Each
//! feature (rules, actors, quotes, dates) contributes items for the offset.

use crate::diagnostic::Diagnostic;
use crate::rules;
use crate::Context;
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
    // Who a recognised name is.
    if let Some((range, markdown)) = super::navigate::hover(cx, offset) {
        out.push(Info { range, markdown });
    }
    for d in diagnostics {
        if d.range.start <= offset && offset <= d.range.end {
            if let Some(rule) = rules::find(d.rule) {
                let meta = rule.meta();
                let mut markdown = format!(
                    "**{}** — {}\n\n{}\n\n{}",
                    meta.id, d.message, meta.summary, meta.explanation
                );
                if let Some(line) = rules::style_point_line(cx.config, meta.id) {
                    markdown.push_str("\n\n");
                    markdown.push_str(&line);
                }
                out.push(Info {
                    range: d.range.clone(),
                    markdown,
                });
            }
        }
    }
    // The quotation around the offset: who said it, or why the draft does not say.
    if let Some((range, markdown)) = super::quotes::hover(cx, offset) {
        out.push(Info { range, markdown });
    }
    out.extend(super::dates::hover(cx, offset));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{analyze, Config, Document};

    #[test]
    fn explains_the_rule_on_a_flagged_range() {
        let doc = Document::parse("He said “we will win.\n");
        let config = Config::default();
        let diags = analyze(&doc, &config);
        let cx = Context::new(&doc, &config);
        let at_quote = doc.text().find('“').unwrap();
        let infos = at(&cx, &diags, at_quote);
        assert_eq!(infos.len(), 2);
        assert!(infos[0].markdown.starts_with("**quote.unbalanced**"));
        assert!(
            infos[1].markdown.contains("from **He** — said"),
            "{}",
            infos[1].markdown
        );
        assert!(at(&cx, &diags, 0).is_empty());
    }

    #[test]
    fn cites_the_style_point_under_a_preset() {
        let src = "The court ruled on January 5.\n";
        let doc = Document::parse(src);
        let config = Config::from_toml_str("preset = \"ap\"\n", "c.toml").unwrap();
        let diags = analyze(&doc, &config);
        let cx = Context::new(&doc, &config);
        let infos = at(&cx, &diags, src.find("January").unwrap());
        assert!(
            infos[0].markdown.starts_with("**date.format**"),
            "{infos:?}"
        );
        assert!(
            infos[0]
                .markdown
                .ends_with("\n\nStyle point (preset `ap`): AP Stylebook, “months” and “dates”."),
            "{}",
            infos[0].markdown
        );
        // Without a preset, no style point.
        let config = Config::default();
        let diags = analyze(&doc, &config);
        let cx = Context::new(&doc, &config);
        assert!(at(&cx, &diags, 0)
            .iter()
            .all(|i| !i.markdown.contains("Style point")));
    }

    #[test]
    fn says_who_said_a_quote_or_why_not() {
        let src = "Intro.\n\n“We will win,” said John Kirby.\n\n“We will rebuild.”\n";
        let doc = Document::parse(src);
        let config = Config::default();
        let cx = Context::new(&doc, &config);
        let diags = analyze(&doc, &config);
        let first = at(&cx, &diags, src.find("win").unwrap());
        assert_eq!(first.len(), 1);
        assert_eq!(
            first[0].markdown,
            "Quote from **John Kirby** — said, line 3 (in the same sentence)."
        );
        let second = at(&cx, &diags, src.find("rebuild").unwrap());
        assert!(second[0].markdown.starts_with("**quote.unattributed**"));
        assert!(second[1]
            .markdown
            .starts_with("Quote with no speaker named."));
    }
}
