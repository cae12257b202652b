//! `quote.style` (opt-in): quotation marks and apostrophes in the wrong style for the
//! house (`[quotes] marks = "curly"` or `"straight"`), with a safe fix.
//!
//! Going to curly, each straight mark gets the curly mark its role calls for, from the
//! shared mark scanner: an opening quote “ or ‘, a closing quote ” or ’, and an apostrophe
//! ’ (don’t, ’90s, the Smiths’ house — an apostrophe is never ‘). A mark whose role is
//! unclear (an unmatched " or ', an inch mark after a digit) is left alone.

use super::{Rule, RuleMeta};
use crate::config::QuoteMarks;
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::quotes::marks;
use crate::text::is_word_char;
use crate::Context;

pub struct QuoteStyle;

static META: RuleMeta = RuleMeta {
    id: "quote.style",
    default_severity: Severity::Information,
    enabled_by_default: false,
    summary: "Quotation marks or apostrophes in a style the house does not use (straight where it wants curly, or the reverse).",
    explanation: "A house style uses one kind of quotation mark. Mixed marks look careless in print and can confuse tools downstream. Set `[quotes] marks` to \"curly\" (the default) or \"straight\"; the fix picks the right mark for each one: an opening or closing quotation mark, or an apostrophe (don’t, ’90s).",
    wrong: "He said \"we won't stop\" and left.\n",
    right: "He said “we won’t stop” and left.\n",
};

/// The replacement for each mark of a block that is in the wrong style: (block-text
/// offset, mark, replacement).
fn replacements(text: &str, house: QuoteMarks) -> Vec<(usize, char, char)> {
    let mut out = Vec::new();
    match house {
        QuoteMarks::Straight => {
            for (i, c) in text.char_indices() {
                let r = match c {
                    '“' | '”' | '„' => '"',
                    '‘' | '’' => '\'',
                    _ => continue,
                };
                out.push((i, c, r));
            }
        }
        QuoteMarks::Curly => {
            let scan = marks::scan(text);
            let mut role = std::collections::HashMap::new();
            for p in &scan.pairs {
                let Some(close) = p.close else { continue };
                match p.open_mark {
                    '"' => {
                        role.insert(p.open, '“');
                        role.insert(close, '”');
                    }
                    '\'' => {
                        role.insert(p.open, '‘');
                        role.insert(close, '’');
                    }
                    _ => {
                        // A straight mark closing a curly one: “…"
                        if p.close_mark == Some('"') {
                            role.insert(close, '”');
                        }
                    }
                }
            }
            let chars: Vec<(usize, char)> = text.char_indices().collect();
            for (k, &(i, c)) in chars.iter().enumerate() {
                if c != '"' && c != '\'' {
                    continue;
                }
                if let Some(&r) = role.get(&i) {
                    out.push((i, c, r));
                    continue;
                }
                if c == '\'' {
                    let prev = k.checked_sub(1).map(|p| chars[p].1);
                    let next = chars.get(k + 1).map(|&(_, n)| n);
                    // An apostrophe: inside a word (don't), after a plural (Smiths'),
                    // before a year or an elision ('90s, 'em). Not a lone opening mark.
                    let inside = prev.is_some_and(is_word_char) && next.is_some_and(is_word_char);
                    let after_word = prev.is_some_and(is_word_char);
                    let elision = next.is_some_and(|n| n.is_ascii_digit())
                        || text[i + 1..].starts_with("n'")
                        || text[i + 1..].starts_with("em ")
                        || text[i + 1..].starts_with("tis ")
                        || text[i + 1..].starts_with("cause ");
                    if inside || after_word || elision {
                        out.push((i, c, '’'));
                    }
                }
            }
        }
    }
    out
}

impl Rule for QuoteStyle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let house = cx.config.quotes.marks;
        let src = cx.doc.text();
        for block in &cx.doc.blocks {
            for (at, mark, new) in replacements(&block.text, house) {
                let range = block.source_range(at..at + mark.len_utf8());
                // Only a verbatim mark can be replaced byte for byte (not &quot; or \").
                if src.get(range.clone()).and_then(|s| s.chars().next()) != Some(mark)
                    || range.len() != mark.len_utf8()
                {
                    continue;
                }
                let what = match new {
                    '’' if mark == '\'' => "apostrophe",
                    '“' | '‘' => "opening quotation mark",
                    '”' | '’' => "closing quotation mark",
                    _ => "quotation mark",
                };
                let style = match house {
                    QuoteMarks::Curly => "curly",
                    QuoteMarks::Straight => "straight",
                };
                out.push(
                    Diagnostic::new(
                        META.id,
                        range.clone(),
                        format!("House style uses {style} marks: this {what} should be {new}."),
                    )
                    .with_data("mark", mark.to_string())
                    .with_data("replacement", new.to_string())
                    .with_fix(Fix {
                        title: format!("Use {new}"),
                        safe: true,
                        edits: vec![Edit::replace(range, new.to_string())],
                    }),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::{Level, QuoteMarks};
    use crate::fix::apply_edits;
    use crate::{analyze, Config, Document, Severity};

    fn fixed(src: &str, house: QuoteMarks) -> String {
        let mut config = Config::default();
        config.set_level("quote.style", Level::On(Severity::Information));
        config.quotes.marks = house;
        let edits: Vec<_> = analyze(&Document::parse(src), &config)
            .into_iter()
            .filter(|d| d.rule == "quote.style")
            .flat_map(|d| {
                assert!(d.fixes[0].safe);
                d.fixes[0].edits.clone()
            })
            .collect();
        apply_edits(src, &edits).0
    }

    #[test]
    fn straight_marks_become_the_right_curly_ones() {
        assert_eq!(
            fixed(
                "\"We won't stop,\" she said of the '90s.\n",
                QuoteMarks::Curly
            ),
            "“We won’t stop,” she said of the ’90s.\n"
        );
        assert_eq!(
            fixed("'It's the Smiths' house,' he said.\n", QuoteMarks::Curly),
            "‘It’s the Smiths’ house,’ he said.\n"
        );
        assert_eq!(
            fixed(
                "He said \"it is 'fine' now\" and played rock 'n' roll.\n",
                QuoteMarks::Curly
            ),
            "He said “it is ‘fine’ now” and played rock ’n’ roll.\n"
        );
    }

    #[test]
    fn unclear_marks_code_and_escapes_are_left_alone() {
        for src in [
            "A 12\" pizza.\n",
            "He said \"we will.\n",
            "Run `echo \"hi\"` now.\n",
            "Already “curly” and don’t.\n",
        ] {
            assert_eq!(fixed(src, QuoteMarks::Curly), src, "{src}");
        }
    }

    #[test]
    fn curly_marks_become_straight_for_a_straight_house() {
        assert_eq!(
            fixed("“We won’t,” she said.\n", QuoteMarks::Straight),
            "\"We won't,\" she said.\n"
        );
    }
}
