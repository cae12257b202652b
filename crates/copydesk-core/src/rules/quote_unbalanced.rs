//! `quote.unbalanced`: an opening quotation mark that is never closed in its paragraph,
//! or a closing mark with nothing to close.
//!
//! Wire style lets a quotation run over several paragraphs: each paragraph but the last
//! is left unclosed and the next one opens with a quotation mark. That is not flagged.
//! Single curly quotes double as apostrophes (Xi’s, don’t, ’90s, rock ’n’ roll), so a
//! right single mark is never called stray, and a left one is flagged only when no right
//! mark after it could close it.

use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::markdown::Block;
use crate::quotes::marks::{self, closing_for, Problem};
use crate::Context;

pub struct QuoteUnbalanced;

static META: RuleMeta = RuleMeta {
    id: "quote.unbalanced",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "A quotation mark that is opened and never closed, or closed and never opened.",
    explanation: "A missing quotation mark leaves the reader unsure where the speaker's words end and the reporter's begin, and it can put words in someone's mouth. Close every quotation in the paragraph where it opens. A quotation that runs on into the next paragraph may leave the first one open if the next paragraph opens with a quotation mark (wire style).",
    wrong: "“We will rebuild every school, the mayor said.\n",
    right: "“We will rebuild every school,” the mayor said.\n",
};

/// Whether a block opens with a quotation mark, continuing a quote from the paragraph before.
fn opens_with_quote(block: &Block) -> bool {
    marks::opens_with_quote(&block.text)
}

impl Rule for QuoteUnbalanced {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let blocks = &cx.doc.blocks;
        for (bi, block) in blocks.iter().enumerate() {
            let problems = marks::scan(&block.text).problems;
            let last_unclosed = problems.iter().rev().find_map(|p| match p {
                Problem::Unclosed { at, .. } => Some(*at),
                _ => None,
            });
            for p in problems {
                match p {
                    Problem::Unclosed { at, mark } => {
                        // Wire style: the innermost open quote runs on into the next
                        // paragraph, which opens with a quotation mark.
                        let continues = Some(at) == last_unclosed
                            && blocks.get(bi + 1).is_some_and(|next| {
                                next.quote_depth == block.quote_depth && opens_with_quote(next)
                            });
                        if continues {
                            continue;
                        }
                        let range = block.source_range(at..at + mark.len_utf8());
                        let end_text = block.text.trim_end().len();
                        let close_at = block.source_end(end_text);
                        let close = closing_for(mark);
                        out.push(
                            Diagnostic::new(
                                META.id,
                                range,
                                format!(
                                    "This quotation mark {mark} opens a quote that is never closed in its paragraph. Close it where the quoted words end."
                                ),
                            )
                            .with_data("mark", mark.to_string())
                            .with_data("problem", "unclosed")
                            .with_fix(Fix {
                                title: format!("Close the quote at the end of the paragraph ({close})"),
                                safe: false,
                                edits: vec![Edit::insert(close_at, close.to_string())],
                            }),
                        );
                    }
                    Problem::Stray { at, mark } => {
                        let range = block.source_range(at..at + mark.len_utf8());
                        out.push(
                            Diagnostic::new(
                                META.id,
                                range.clone(),
                                format!(
                                    "This closing quotation mark {mark} has no opening mark before it in its paragraph. Add the opening mark where the quote starts, or remove this one."
                                ),
                            )
                            .with_data("mark", mark.to_string())
                            .with_data("problem", "stray")
                            .with_fix(Fix {
                                title: format!("Remove the stray {mark}"),
                                safe: false,
                                edits: vec![Edit::replace(range, "")],
                            }),
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::{analyze, Config, Document};

    fn flagged(src: &str) -> Vec<(String, String)> {
        flagged_data("quote.unbalanced", src, &Config::default(), "problem")
    }

    #[test]
    fn balanced_quotes_and_apostrophes_pass() {
        for ok in [
            "“We will win,” he said.",
            "Xi’s aides said the ’90s were different, and they don’t agree.",
            "He played rock ’n’ roll at the Smiths’ house.",
            "He said “it is ‘fine’ now” and left.",
            "\"We will win,\" he said, calling it \"a 'great' day.\"",
            "„Wir schaffen das“, sagte sie.",
            "« Nous gagnerons », a-t-il dit.",
            "He ordered a 12\" pizza.",
            "He wrote: \"The \"United States\" is not holding them.\"",
            "\"I thought, 'Bloody hell, I'm a drummer' \", he recalled.",
        ] {
            assert_eq!(flagged(ok), vec![], "{ok}");
        }
    }

    #[test]
    fn unclosed_and_stray_marks_are_flagged() {
        assert_eq!(
            flagged("He said “we will win."),
            [("“".into(), "unclosed".into())]
        );
        assert_eq!(
            flagged("He said we will win,” he said."),
            [("”".into(), "stray".into())]
        );
        assert_eq!(
            flagged("He said \"we will win."),
            [("\"".into(), "unclosed".into())]
        );
        assert_eq!(
            flagged("She called it ‘absurd."),
            [("‘".into(), "unclosed".into())]
        );
    }

    #[test]
    fn a_quote_running_over_paragraphs_is_not_flagged() {
        let src = "“We will rebuild,” she said. “Every school will open.\n\n“Every road too,” she added.\n";
        assert_eq!(flagged(src), vec![]);
        // …but the last paragraph of the run must close.
        let src = "“We will rebuild.\n\n“Every road too.\n\nThe end.\n";
        assert_eq!(flagged(src), [("“".into(), "unclosed".into())]);
    }

    #[test]
    fn fix_closes_at_paragraph_end() {
        let src = "He said “we will win.  \n\nNext.\n";
        let doc = Document::parse(src);
        let d = &analyze(&doc, &Config::default())[0];
        let (fixed, _) = crate::fix::apply_edits(src, &d.fixes[0].edits);
        assert_eq!(fixed, "He said “we will win.”  \n\nNext.\n");
    }
}
