//! `date.vague`: "recently", "soon", "in recent years", "some years ago" — a time
//! reference that tells the reader nothing definite, where a desk would pin a date. A hint:
//! the fix is a fact only the reporter has.
//!
//! Not flagged: "now" (plain present), generic phrases ("in the past", "in the future",
//! "long ago"), and quoted speech. In a dated story, "currently", "presently", "at
//! present", "at the moment" are not flagged either: the copy desk's premise, which the
//! project adopts, is that a dated story's present tense is anchored by its dateline, so
//! "the wildfires currently destroying the forest" is as of the story's date and an "as
//! of" would repeat it. "Recently" and "soon" are different: the event has a date of its
//! own, before or after the dateline, that the reader is not given. In a draft with no
//! article date, "currently" is still flagged: nothing says when its present is.

use super::quoted_in_block;
use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::time::{in_ranges, TimeKind};
use crate::Context;

pub struct DateVague;

static META: RuleMeta = RuleMeta {
    id: "date.vague",
    default_severity: Severity::Hint,
    enabled_by_default: true,
    summary: "A vague time reference (“recently”, “soon”, “in recent years”; “currently” in an undated draft).",
    explanation: "“Recently” can mean last week or last year, and “soon” next week or next year: the event has a date the reader is not given. When it is known, give it (“in February”, “since 2019”, “by June”); when it is not, consider whether the word is needed. In a dated story, “currently”, “presently” and “at present” are left alone: the dateline says when the story's present is. In a draft with no article date they are flagged, since nothing does.",
    wrong: "The company recently closed its Kyiv office.\n",
    right: "The company closed its Kyiv office in February.\n",
};

/// Vague expressions that are generic rather than missing a date.
const GENERIC: &[&str] = &[
    "now",
    // "nowadays" (AP: "customs today are different from those of a century ago").
    "today",
    "the past",
    "the distant past",
    "the future",
    "the distant future",
    "the foreseeable future",
    "long ago",
];

impl Rule for DateVague {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let mut quoted: Option<(usize, Vec<std::ops::Range<usize>>)> = None;
        // "currently" in a claim that claim.undated flags is that rule's finding, with its
        // "as of" fix: one diagnostic per problem.
        let claimed: Vec<(usize, std::ops::Range<usize>)> = match super::find("claim.undated") {
            Some(rule) if cx.config.severity(rule).is_some() => super::claim_undated::claims(cx)
                .into_iter()
                .map(|c| (c.block, c.sentence))
                .collect(),
            _ => Vec::new(),
        };
        let dated = cx.article_date().is_some();
        for e in cx.time_expressions() {
            if e.kind != TimeKind::Vague {
                continue;
            }
            let lower = e.text.to_lowercase();
            if GENERIC.contains(&lower.as_str()) {
                continue;
            }
            if quoted.as_ref().is_none_or(|(b, _)| *b != e.block) {
                quoted = Some((e.block, quoted_in_block(cx, e.block)));
            }
            if quoted.as_ref().is_some_and(|(_, q)| in_ranges(q, &e.range)) {
                continue;
            }
            // The dateline anchors a dated story's present: "currently" is as of its date.
            if e.value.as_deref() == Some("PRESENT_REF") && dated {
                continue;
            }
            if e.value.as_deref() == Some("PRESENT_REF")
                && claimed
                    .iter()
                    .any(|(b, s)| *b == e.block && s.start <= e.range.start && e.range.end <= s.end)
            {
                continue;
            }
            let ask = match e.value.as_deref() {
                Some("PRESENT_REF") => {
                    "Say as of when (“as of March 20”), so it stays true when read later."
                }
                Some("FUTURE_REF") => {
                    "Say when, if it is known (“by June”, “next week, on March 27”)."
                }
                _ => "Give the date or period if it is known (“in February”, “since 2019”).",
            };
            out.push(
                Diagnostic::new(
                    META.id,
                    e.source.clone(),
                    format!("“{}” does not tell the reader when. {ask}", e.text),
                )
                .with_data("expression", e.text.clone())
                .with_data(
                    "resolved",
                    e.value.clone().map_or(serde_json::Value::Null, Into::into),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Config;

    fn flagged(src: &str) -> Vec<String> {
        flagged_text("date.vague", src, &Config::default())
    }

    #[test]
    fn flags_vague_words() {
        assert_eq!(
            flagged("Prices rose in recent years and will fall soon. He is currently ill."),
            // No article date: nothing says when "currently" is.
            ["recent years", "soon", "currently"]
        );
    }

    /// A dated story's present tense is anchored by its dateline: "currently" and
    /// "presently" are as of its date; "recently", "soon" and "some years ago" still hide
    /// a date of their own.
    #[test]
    fn the_dateline_anchors_currently_in_a_dated_story() {
        let src = "---\ndate: 2023-03-20\n---\nThe wildfires currently destroying the forest began recently. The agency is presently unable to operate. At present the herd numbers 1,500. It will reopen soon. The plant closed some time ago.\n";
        assert_eq!(flagged(src), ["recently", "soon", "some time ago"]);
    }

    #[test]
    fn leaves_a_dated_claim_to_claim_undated() {
        // In an undated draft, "currently" in a claim claim.undated flags is that rule's,
        // when the desk has turned it on (it is opt-in).
        let mut on = Config::default();
        on.set_level(
            "claim.undated",
            crate::config::Level::On(crate::diagnostic::Severity::Information),
        );
        assert_eq!(
            flagged_text(
                "date.vague",
                "The world record currently stands at 9.58 seconds.",
                &on
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            flagged("The world record currently stands at 9.58 seconds."),
            ["currently"]
        );
    }

    #[test]
    fn leaves_generic_and_quoted_alone() {
        assert_eq!(
            flagged("It is now open. It happened in the past. “We will know soon,” he said."),
            Vec::<String>::new()
        );
    }
}
