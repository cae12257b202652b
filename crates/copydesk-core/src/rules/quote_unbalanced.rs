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

/// Most words of an attribution tag that ends the quote's sentence: “…, said Alicia
/// Moreno, a parent of two.”
const TAG_WORDS: usize = 10;

/// Where a quote opened at block-text offset `at` and never closed surely ends, and how to
/// say it: before an attribution tag that ends its sentence (“…job, said Alicia Moreno.” →
/// “…job,” said Alicia Moreno.), or at the end of the paragraph when the quote opens in its
/// last sentence. `None` when the end cannot be told (a quote opened in an earlier
/// sentence may end at any sentence after it, and closing at the paragraph's end would put
/// the reporter's words in the speaker's mouth): no fix is better than a wrong one.
fn closing_place(
    block: &Block,
    sentences: &[std::ops::Range<usize>],
    at: usize,
) -> Option<(usize, &'static str)> {
    let text = block.text.as_str();
    let end = text.trim_end().len();
    let host = sentences.iter().find(|s| s.start <= at && at < s.end)?;
    // The tag: a comma of the quote's sentence with a reporting verb after it, and after
    // the tag nothing but the sentence's end or an appositive (“, a parent of two.”).
    let inside = &text[at..host.end.min(end)];
    let commas: Vec<usize> = inside.match_indices(',').map(|(k, _)| k).collect();
    for (n, &comma) in commas.iter().enumerate().rev() {
        let tail = &inside[comma + 1..];
        if tail.split_whitespace().count() > TAG_WORDS {
            break;
        }
        let tag_end = commas.get(n + 1).map_or(tail.len(), |&c| c - comma - 1);
        let tag = &tail[..tag_end];
        let attributes = crate::quotes::lexicon::cues_in(tag)
            .iter()
            .any(|c| !tag[..c.start].contains(['.', '!', '?']));
        let after_ok = commas.get(n + 1).is_none_or(|&c| {
            let rest = inside[c + 1..].trim_start();
            let first = rest.split_whitespace().next().unwrap_or("");
            matches!(
                first.to_lowercase().as_str(),
                "a" | "an" | "the" | "who" | "whose" | "his" | "her" | "its" | "their"
            ) || first.starts_with(char::is_uppercase)
        });
        if attributes && after_ok && n + 2 >= commas.len() {
            return Some((at + comma + 1, "before its attribution"));
        }
    }
    // A reporting verb inside that is not a tag at the end (“…, he said, and …”): the
    // quote closes somewhere before it and may open again; no fix.
    if !crate::quotes::lexicon::cues_in(inside).is_empty() {
        return None;
    }
    // The quote opens in the paragraph's last sentence, which ends the paragraph.
    let last = host.end >= end || text[host.end..end].trim().is_empty();
    let ends = text[..end]
        .trim_end_matches(['”', '’', ')', ']'])
        .ends_with(['.', '!', '?', '…']);
    (last && ends).then_some((end, "at the end of the paragraph"))
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
                        let close = closing_for(mark);
                        let mut d = Diagnostic::new(
                            META.id,
                            range,
                            format!(
                                "This quotation mark {mark} opens a quote that is never closed in its paragraph. Close it where the quoted words end."
                            ),
                        )
                        .with_data("mark", mark.to_string())
                        .with_data("problem", "unclosed");
                        let sentences = cx.doc.sentences.get(bi).map_or(&[][..], Vec::as_slice);
                        if let Some((close_at, place)) = closing_place(block, sentences, at) {
                            d = d.with_fix(Fix {
                                title: format!("Close the quote {place} ({close})"),
                                safe: false,
                                edits: vec![Edit::insert(
                                    block.source_end(close_at),
                                    close.to_string(),
                                )],
                            });
                        }
                        out.push(d);
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

    fn fix_titles(src: &str) -> Vec<String> {
        let doc = Document::parse(src);
        analyze(&doc, &Config::default())
            .iter()
            .filter(|d| d.rule == "quote.unbalanced")
            .flat_map(|d| d.fixes.iter().map(|f| f.title.clone()))
            .collect()
    }

    #[test]
    fn fix_closes_before_an_attribution_that_ends_the_sentence() {
        let src = "“Every week they wait is a week we lose, said Ana Ruiz, a parent of two.\n";
        // An interrupting tag does not end the quote: no fix.
        assert_eq!(
            fix_titles("“We will win, he said, and then we rebuild.\n"),
            Vec::<String>::new()
        );
        let doc = Document::parse(src);
        let d = &analyze(&doc, &Config::default())[0];
        assert_eq!(
            d.fixes[0].title,
            "Close the quote before its attribution (”)"
        );
        let (fixed, _) = crate::fix::apply_edits(src, &d.fixes[0].edits);
        assert_eq!(
            fixed,
            "“Every week they wait is a week we lose,” said Ana Ruiz, a parent of two.\n"
        );
    }

    #[test]
    fn no_fix_where_the_quote_may_end_before_the_paragraph_does() {
        // The quote opens in an earlier sentence: where it ends is anybody's guess, and
        // closing at the paragraph's end would put the background in the speaker's mouth.
        let src =
            "The chief said “we will appeal. The contract was cancelled in 2006 after a scandal.\n";
        assert_eq!(flagged(src), [("“".into(), "unclosed".into())]);
        assert_eq!(fix_titles(src), Vec::<String>::new());
    }

    #[test]
    fn a_quote_running_on_is_never_flagged_whatever_precedes_it() {
        // An earlier quote closed, a scare quote, an inch mark: the last open quote runs on.
        let src = "She called it a “farce” and said the 15\" screen was fine. “We will appeal.\n\n“And we will win,” she said.\n";
        assert_eq!(flagged(src), vec![]);
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
