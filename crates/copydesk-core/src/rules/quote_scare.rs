//! `quote.scare` (opt-in): a few words in quotation marks with no speaker — scare quotes,
//! words used as words, titles, nicknames. Off by default: house styles differ, and many
//! such quotes are fine. The word limit is `[quotes] scare-max-words`.

use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::quotes::QuoteKind;
use crate::Context;

pub struct QuoteScare;

static META: RuleMeta = RuleMeta {
    id: "quote.scare",
    default_severity: Severity::Information,
    enabled_by_default: false,
    summary: "A few words in quotation marks with no speaker: a scare quote, a title or words used as words.",
    explanation: "Quotation marks around a word or two that nobody is quoted as saying read as a sneer (the “experts”), and readers cannot tell whose doubt it is. If someone said it, name them; if it is the reporter's doubt, say it in plain words; for a word used as a word or a title, the house style may prefer italics. Off by default; quotes of up to `scare-max-words` words (3) count.",
    wrong: "The “experts” were wrong again.\n",
    right: "The analysts, who had forecast growth, were wrong again.\n",
};

impl Rule for QuoteScare {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let text = cx.doc.text();
        for q in cx.quotes() {
            if q.kind != QuoteKind::Scare || q.attributed() {
                continue;
            }
            let Some(inner) = text.get(q.inner.clone()) else {
                continue;
            };
            out.push(
                Diagnostic::new(
                    META.id,
                    q.range.clone(),
                    format!(
                        "“{}” is in quotation marks, but nobody is quoted saying it. If it is irony, say it plainly; if someone said it, name them.",
                        inner.trim()
                    ),
                )
                .with_data("words", q.words)
                .with_fix(Fix {
                    title: "Remove the quotation marks".into(),
                    safe: false,
                    edits: vec![
                        Edit::replace(q.range.start..q.inner.start, ""),
                        Edit::replace(q.inner.end..q.range.end, ""),
                    ],
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Level;
    use crate::rules::testing::*;
    use crate::{analyze, Config, Document, Severity};

    fn flagged(src: &str, max: usize) -> Vec<String> {
        let mut config = Config::default();
        config.set_level("quote.scare", Level::On(Severity::Information));
        config.quotes.scare_max_words = max;
        flagged_text("quote.scare", src, &config)
    }

    #[test]
    fn flags_short_unattributed_quotes_only_when_enabled() {
        let src = "The “experts” were wrong. “We will win,” Smith said.";
        assert_eq!(flagged(src, 3), ["“experts”"]);
        assert!(analyze(&Document::parse(src), &Config::default())
            .iter()
            .all(|d| d.rule != "quote.scare"));
        // A longer limit takes in longer phrases.
        let src = "It was a “very big deal indeed” for the town.";
        assert_eq!(flagged(src, 3), Vec::<String>::new());
        assert_eq!(flagged(src, 5), ["“very big deal indeed”"]);
        // Attributed partial quotes are not scare quotes.
        assert_eq!(
            flagged("Schiff called it “a non-starter”.", 3),
            Vec::<String>::new()
        );
    }
}
