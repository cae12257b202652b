//! `quote.speaker-unidentified`: a quotation attributed only to a pronoun or a bare role —
//! “he said”, “the official said” — when the draft has named no person or organisation
//! anywhere before it, so the reader cannot know who is speaking.
//!
//! The speaker is the one quote attribution found (`Context::quotes`). Counted as naming
//! someone, at its first offset: a mention of a person or an organisation the names analysis
//! knows or learns from the draft (not a place), a named speaker of an earlier quote, and a
//! named or institutional source of an earlier attribution (“Smith said”, “the ministry
//! said”, “police said”). Only pronouns (he, she, they) and definite bare roles (“the
//! official”, “the spokesman”, “the man”) are candidates; an indefinite source (“an official
//! said”) is `source.anonymous`'s, and a quote continuing an earlier one's speaker is judged
//! with that one.
//!
//! Off by default (opt-in): the published corpus has no instance to measure it on (every
//! pronoun-attributed quote there follows a name), and a fragment — a snippet pasted into the
//! editor, a draft begun with its best quote — is flagged until its names are written.

use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Severity};
use crate::names::kb::Kind;
use crate::names::ActorRef;
use crate::quotes::attribution::PERSON_NOUNS;
use crate::quotes::How;
use crate::Context;

pub struct QuoteSpeakerUnidentified;

static META: RuleMeta = RuleMeta {
    id: "quote.speaker-unidentified",
    default_severity: Severity::Information,
    enabled_by_default: false,
    summary: "A quote attributed only to a pronoun or a role (“he said”, “the official said”) when nobody has been named before it.",
    explanation: "A quote is only as good as its source, and “he said” or “the official said” tells the reader nothing when the story has not yet said who he or the official is. AP asks that a source be identified at first reference, by name and title where possible, or, if anonymity was granted, by as much description as the policy allows with the reason. Name the speaker at the first quote, or move the introduction up.",
    wrong: "The factory closed on Friday. “We had no warning,” she said.\n",
    right: "The factory closed on Friday. “We had no warning,” said Maria Lopez, a machinist there for 20 years.\n",
};

const PRONOUNS: &[&str] = &["he", "she", "they"];

/// Capitalised words that name no one (with the calendar's days and months).
const NOT_PROPER: &[&str] = &["I", "I'm", "I've", "I'd", "I'll", "Mr", "Mrs", "Ms", "Dr"];

/// Nouns for organisations: “the ministry said” names one.
const ORGANISATIONS: &[&str] = &[
    "police",
    "ministry",
    "government",
    "company",
    "department",
    "agency",
    "council",
    "court",
    "army",
    "military",
    "committee",
    "party",
    "union",
    "association",
    "group",
    "commission",
    "board",
    "office",
    "authority",
    "authorities",
    "firm",
    "hospital",
    "university",
    "school",
    "club",
    "team",
    "embassy",
    "administration",
    "parliament",
    "congress",
    "senate",
    "cabinet",
    "service",
    "organisation",
    "organization",
    "network",
    "bank",
    "airline",
    "spokesperson",
];

impl Rule for QuoteSpeakerUnidentified {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let quotes = cx.quotes();
        // Cheap first: a draft with no quote attributed to a pronoun or role needs nothing else.
        let candidates: Vec<usize> = quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                matches!(
                    q.how,
                    Some(
                        How::SameSentence
                            | How::Colon
                            | How::FollowingSentence
                            | How::PreviousSentence
                    )
                ) && q.speaker.as_ref().is_some_and(|s| unidentified(&s.text))
            })
            .map(|(i, _)| i)
            .collect();
        if candidates.is_empty() {
            return;
        }
        let first_named = first_named(cx);
        for i in candidates {
            let q = &quotes[i];
            let Some(s) = &q.speaker else { continue };
            // An unclosed quote is quote.unbalanced's: where it ends is unknown.
            if !q.closed {
                continue;
            }
            if s.range.start.min(q.range.start) >= first_named {
                continue;
            }
            out.push(
                Diagnostic::new(
                    META.id,
                    s.range.clone(),
                    format!(
                        "“{}” — who? No person or organisation is named before this quote. Name the speaker at first reference.",
                        s.text
                    ),
                )
                .with_data("speaker", s.text.clone()),
            );
        }
    }
}

/// Whether a speaker is only a pronoun or a definite bare role (“the official”).
fn unidentified(speaker: &str) -> bool {
    let words: Vec<&str> = speaker.split_whitespace().collect();
    match words.as_slice() {
        [w] => PRONOUNS.contains(&w.to_lowercase().as_str()),
        [det, rest @ ..] if det.eq_ignore_ascii_case("the") && rest.len() <= 2 => {
            let head = rest.last().map_or(String::new(), |w| w.to_lowercase());
            rest.iter().all(|w| !w.starts_with(char::is_uppercase))
                && PERSON_NOUNS.contains(&head.as_str())
                && !ORGANISATIONS.contains(&head.as_str())
        }
        _ => false,
    }
}

/// Whether a speaker or source names a person or an organisation.
fn names_someone(np: &str, sentence_initial: bool) -> bool {
    let words: Vec<&str> = np.split_whitespace().collect();
    let Some(first) = words.first() else {
        return false;
    };
    let lf = first.to_lowercase();
    if words.len() == 1 && crate::quotes::lexicon::PRONOUNS.contains(&lf.as_str()) {
        return false;
    }
    if unidentified(np) {
        return false;
    }
    if matches!(
        lf.as_str(),
        "a" | "an" | "one" | "some" | "several" | "two" | "three" | "many" | "other"
    ) {
        return false;
    }
    let capital = words
        .iter()
        .enumerate()
        .any(|(i, w)| w.starts_with(char::is_uppercase) && !(i == 0 && sentence_initial));
    let head = words.last().map_or(String::new(), |w| {
        w.trim_end_matches(['\'', '’', 's']).to_lowercase()
    });
    let head_full = words.last().map_or(String::new(), |w| w.to_lowercase());
    capital
        || ORGANISATIONS.contains(&head.as_str())
        || ORGANISATIONS.contains(&head_full.as_str())
        || (words.len() == 1 && sentence_initial && !PERSON_NOUNS.contains(&head.as_str()))
}

/// The first source offset at which the draft names a person or an organisation
/// (`usize::MAX`: never).
fn first_named(cx: &Context) -> usize {
    let names = cx.names();
    let mut first = usize::MAX;
    for m in &names.mentions {
        let place = match m.actor {
            ActorRef::Kb(i) => names
                .kb
                .actors
                .get(i as usize)
                .is_some_and(|a| a.kind == Kind::Place),
            ActorRef::Draft(_) => false,
        };
        if !place {
            first = first.min(m.range.start);
            break; // mentions are in source order
        }
    }
    // A proper name: a capitalised word inside a sentence, or two opening one (“Maria
    // Lopez worked …”). Places count too: ambiguous, so not flagged.
    'blocks: for (bi, b) in names.blocks.iter().enumerate() {
        let Some(block) = cx.doc.blocks.get(bi) else {
            continue;
        };
        if block.source.start >= first {
            break;
        }
        for (i, t) in b.toks.iter().enumerate() {
            if !t.cap() {
                continue;
            }
            let word = block.text.get(t.range()).unwrap_or("");
            let calendar = crate::calendar::WEEKDAYS
                .iter()
                .chain(crate::calendar::MONTHS.iter());
            if NOT_PROPER
                .iter()
                .chain(calendar)
                .any(|w| w.eq_ignore_ascii_case(word))
            {
                continue;
            }
            let next_cap = b.toks.get(i + 1).is_some_and(|n| {
                n.cap() && !n.sent_start() && block.text[t.end()..n.start()].trim().is_empty()
            });
            if !t.sent_start() || next_cap {
                first = first.min(block.source_range(t.range()).start);
                break 'blocks;
            }
        }
    }
    for q in cx.quotes() {
        if q.range.start >= first {
            break;
        }
        if let (Some(s), Some(_)) = (&q.speaker, q.how) {
            // A speaker written with a capital names someone wherever it stands.
            if names_someone(&s.text, false) {
                first = first.min(s.range.start);
            }
        }
    }
    for a in cx.attributions() {
        let Some(block) = cx.doc.blocks.get(a.block) else {
            continue;
        };
        let Some(src) = a.source.clone() else {
            continue;
        };
        let at = block.source_range(src.clone()).start;
        if at >= first {
            break;
        }
        if names_someone(&block.text[src.clone()], src.start == a.sentence.start) {
            first = at;
        }
    }
    first
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Config;

    fn flagged(src: &str) -> Vec<String> {
        let mut config = Config::default();
        config.set_level(
            "quote.speaker-unidentified",
            crate::config::Level::On(crate::Severity::Information),
        );
        flagged_text("quote.speaker-unidentified", src, &config)
    }

    #[test]
    fn is_off_by_default() {
        assert_eq!(
            flagged_text(
                "quote.speaker-unidentified",
                "The factory closed on Friday. “We had no warning,” she said.",
                &Config::default()
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn flags_a_pronoun_or_role_with_nobody_named_before() {
        assert_eq!(
            flagged("The factory closed on Friday. “We had no warning,” she said."),
            ["she"]
        );
        assert_eq!(
            flagged("A fire destroyed the depot. “It spread fast,” the official said."),
            ["the official"]
        );
    }

    #[test]
    fn leaves_a_named_speaker_before_alone() {
        for src in [
            "Maria Lopez worked there for 20 years. “We had no warning,” she said.",
            "The factory closed, the company said. “It spread fast,” the spokesman said.",
            "Police said the depot burned. “It spread fast,” the officer said.",
            "“We had no warning,” said Maria Lopez. “None,” she said.",
        ] {
            assert_eq!(flagged(src), Vec::<String>::new(), "{src}");
        }
    }
}
