//! `date.vague`: "recently", "soon", "in recent years", "some years ago" — a time
//! reference that tells the reader nothing definite, where a desk would pin a date. A hint:
//! the fix is a fact only the reporter has.
//!
//! Not flagged: "now" (plain present), generic phrases ("in the past", "in the future",
//! "long ago"), quoted speech, and reported speech: a source's own vague words ("his agent
//! said she had recently had surgery", "according to the company, it recently switched"),
//! which the writer who reports them cannot date (two copy editors' readings called every
//! such flag wrong); the reporting event itself ("Recently, the ministry announced …") is
//! still the writer's to date. "In recent years" after a superlative ("the biggest losses
//! in recent years") is the comparison's scope, not an event. In a dated story,
//! "currently", "presently", "at present", "at the moment" are not flagged either: the
//! copy desk's premise, which the project adopts, is that a dated story's present tense is
//! anchored by its dateline, so "the wildfires currently destroying the forest" is as of
//! the story's date and an "as of" would repeat it. "Recently" and "soon" are different:
//! the event has a date of its own, before or after the dateline, that the reader is not
//! given. In a draft with no article date, "currently" is still flagged: nothing says when
//! its present is.

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
    explanation: "“Recently” can mean last week or last year, and “soon” next week or next year: the event has a date the reader is not given. When it is known, give it (“in February”, “since 2019”, “by June”); when it is not, consider whether the word is needed. A source's own vague words in reported speech (“his agent said she had recently had surgery”) are left alone: only the source could date them. In a dated story, “currently”, “presently” and “at present” are left alone: the dateline says when the story's present is. In a draft with no article date they are flagged, since nothing does.",
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
            // Reported speech ("According to his agent, he had surgery recently", "The
            // insider said that, over the past few weeks, …"): the vagueness is the source's,
            // and the writer, who reports it, has no date to give.
            if reported_speech(cx, e.block, &e.range) {
                continue;
            }
            // "the biggest losses in recent years": a superlative's idiomatic scope, not an
            // event with a date of its own.
            if superlative_scope(cx, e.block, &e.range, &lower) {
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

/// Is `range` of block `bi` inside someone's reported words: the clause after a reporting
/// verb with a source ("his agent said she had recently had surgery"), the sentence before
/// a closing tag ("…, two aides said."), or a sentence "according to" a source? Not the
/// reporting event itself: in "Recently, the United States announced a coalition" the
/// announcement is the writer's to date.
fn reported_speech(cx: &Context, bi: usize, range: &std::ops::Range<usize>) -> bool {
    use crate::quotes::lexicon::CueKind;
    let Some(text) = cx.doc.blocks.get(bi).map(|b| b.text.as_str()) else {
        return false;
    };
    cx.attributions_in(bi).iter().any(|a| {
        let Some(source) = &a.source else {
            return false;
        };
        if a.weak || a.sentence.start > range.start || range.end > a.sentence.end {
            return false;
        }
        let tag_start = a.cue.start.min(source.start);
        let tag_end = a.cue.end.max(source.end);
        match a.kind {
            CueKind::According => range.end <= tag_start || range.start >= tag_end,
            CueKind::Verb => {
                // The reported clause after the verb.
                range.start >= a.cue.end
                    // Or the words before a tag that closes the sentence.
                    || (range.end <= tag_start
                        && text
                            .get(tag_end..a.sentence.end)
                            .is_some_and(|rest| rest.split_whitespace().count() <= 4)
                        && text
                            .get(range.end..tag_start)
                            .is_some_and(|between| between.contains(',')))
            }
            _ => false,
        }
    })
}

/// Superlatives whose comparison "in recent years" / "in recent memory" bounds.
const SUPERLATIVES: &[&str] = &[
    "biggest",
    "largest",
    "worst",
    "best",
    "highest",
    "lowest",
    "greatest",
    "strongest",
    "weakest",
    "deadliest",
    "most",
    "least",
    "sharpest",
    "steepest",
    "fastest",
    "slowest",
    "longest",
    "heaviest",
    "smallest",
    "hottest",
    "coldest",
    "wettest",
    "driest",
    "first",
];

/// "recent years" / "recent memory" after a superlative earlier in its sentence ("some of
/// the biggest single-day losses in recent years").
fn superlative_scope(cx: &Context, bi: usize, range: &std::ops::Range<usize>, lower: &str) -> bool {
    // "recently" is an event's time ("the largest lender has recently revealed"), not a
    // comparison's scope.
    if ![
        "recent years",
        "recent memory",
        "recent decades",
        "recent history",
        "recent times",
    ]
    .iter()
    .any(|w| lower.ends_with(w))
    {
        return false;
    }
    let Some(text) = cx.doc.blocks.get(bi).map(|b| b.text.as_str()) else {
        return false;
    };
    let before = text.get(..range.start).unwrap_or("");
    let sentence = before
        .rfind(['.', '!', '?', ';'])
        .map_or(before, |i| &before[i + 1..]);
    sentence
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .rev()
        .take(10)
        .any(|w| SUPERLATIVES.contains(&w.to_lowercase().as_str()))
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
    fn leaves_reported_vagueness_and_superlative_scopes_alone() {
        for src in [
            // The source's own vagueness, in reported speech: the writer has no date to give.
            "According to his agent, the singer had undergone surgery recently.",
            "The insider said that, over the past few weeks, his health had declined.",
            "The company noted that recently it had switched suppliers.",
            "The minister would soon resign, two aides said.",
            // A superlative's scope.
            "Shares suffered some of the biggest losses in recent years.",
            "It was the worst storm in recent memory.",
        ] {
            assert_eq!(flagged(src), Vec::<String>::new(), "{src}");
        }
        // The writer's own narration still asks when, the reporting event included.
        assert_eq!(
            flagged("The company recently closed its office. Profits rose in recent years."),
            ["recently", "recent years"]
        );
        assert_eq!(
            flagged("Recently, the government announced a new coalition to patrol the gulf."),
            ["Recently"]
        );
        assert_eq!(
            flagged("Acme Corp., the second largest lender in the US, has recently revealed that its creditors were no longer providing funds."),
            ["recently"]
        );
        assert_eq!(
            flagged("The foundation, which ran a contest some years ago, said the spray is safe."),
            ["some years ago"]
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
