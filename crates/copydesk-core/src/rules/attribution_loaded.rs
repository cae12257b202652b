//! `attribution.loaded`: a reporting verb that editorialises where “said” is meant —
//! “claimed”, “insisted”, “admitted”, “conceded”, “confessed”, “revealed”. AP: “said” is
//! neutral and almost always the right word; “claim” casts doubt, “admit” and “confess”
//! imply wrongdoing, “insist” stubbornness, “reveal” that something was hidden.
//!
//! Flagged only where the verb reports speech (attribution grammar: a source, then the
//! verb, then what was said):
//! - the verb is the cue of a quotation (“…,” she insisted; He claimed: “…”);
//! - the verb is followed by “that” or by a clause that opens with a subject pronoun
//!   (“claimed that …”, “admitted he had …”).
//!
//! Not flagged: the verb's other senses (“claimed responsibility”, “claimed 40 lives”,
//! “admitted to hospital”, “revealed a new model”), the passive (“it was claimed that” is
//! `attribution.vague`'s), nouns (“his claims that”, “Smith's claim that”), a document as
//! the subject (“the report revealed that”), and quoted speech. “Denied” is never flagged:
//! whether what follows is a denial cannot be told from the words.
//!
//! The fix (“said”, in the same tense and person: claimed → said, claims → says, claiming →
//! saying, claim → say) is offered but not safe: sometimes the loaded word is the accurate one
//! (a defendant who admitted guilt).

use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::quotes::lexicon::{CueKind, DOCUMENTS};
use crate::Context;
use std::collections::HashSet;

pub struct AttributionLoaded;

static META: RuleMeta = RuleMeta {
    id: "attribution.loaded",
    default_severity: Severity::Information,
    enabled_by_default: true,
    summary: "A loaded attribution verb (“claimed”, “insisted”, “admitted”, “conceded”, “confessed”, “revealed”) where “said” is meant.",
    explanation: "AP's guidance on “said”: it is neutral and nearly always right. “Claimed” suggests the reporter doubts the speaker, “admitted”, “conceded” and “confessed” imply wrongdoing or a point lost, “insisted” stubbornness and “revealed” a secret; the SPJ code asks reporters not to let their view colour the report. Use “said” (the fix keeps the tense: “claimed” → “said”, “claims” → “says”) unless the stronger word is a fact you can stand behind. Quoted speech, the verbs' other senses (“claimed responsibility”, “admitted to hospital”) and “denied” are not flagged.",
    wrong: "The minister claimed that the figures were wrong.\n",
    right: "The minister said the figures were wrong.\n",
};

/// Loaded verb forms and the form of “say” that replaces each.
const LOADED: &[(&str, &str)] = &[
    ("claim", "say"),
    ("claims", "says"),
    ("claimed", "said"),
    ("claiming", "saying"),
    ("insist", "say"),
    ("insists", "says"),
    ("insisted", "said"),
    ("insisting", "saying"),
    ("admit", "say"),
    ("admits", "says"),
    ("admitted", "said"),
    ("admitting", "saying"),
    ("concede", "say"),
    ("concedes", "says"),
    ("conceded", "said"),
    ("conceding", "saying"),
    ("confess", "say"),
    ("confesses", "says"),
    ("confessed", "said"),
    ("confessing", "saying"),
    ("reveal", "say"),
    ("reveals", "says"),
    ("revealed", "said"),
    ("revealing", "saying"),
];

/// Subjects that are things, not speakers: “the report revealed”, “tests revealed”.
const THINGS: &[&str] = &[
    "investigation",
    "investigations",
    "inquiry",
    "research",
    "data",
    "test",
    "tests",
    "analysis",
    "records",
    "figures",
    "evidence",
    "autopsy",
    "footage",
    "images",
    "photos",
    "video",
    "survey",
    "poll",
    "study",
    "studies",
    "documents",
    "papers",
    "results",
    "scan",
    "scans",
    "review",
    "audit",
    "search",
    "x-rays",
];

/// Words that open a clause after the verb: “claimed he had …”.
const CLAUSE_SUBJECTS: &[&str] = &["that", "he", "she", "they", "we", "i", "there"];

impl Rule for AttributionLoaded {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        // Quotation cues, by source offset.
        let quote_cues: HashSet<usize> = cx
            .quotes()
            .iter()
            .filter_map(|q| q.cue.as_ref().map(|c| c.range.start))
            .collect();
        for a in cx.attributions() {
            if a.kind != CueKind::Verb {
                continue;
            }
            let Some(block) = cx.doc.blocks.get(a.block) else {
                continue;
            };
            let text = &block.text;
            let verb = &text[a.cue.clone()];
            let lower = verb.to_lowercase();
            let Some(&(_, say)) = LOADED.iter().find(|(f, _)| *f == lower) else {
                continue;
            };
            if crate::time::is_interview_answer(text) {
                continue;
            }
            let Some(src) = a.source.clone() else {
                continue;
            };
            let subject = text[src].trim();
            let head = subject
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .to_lowercase();
            if subject.ends_with("'s") || subject.ends_with("’s") {
                continue; // “Smith's claim that”: a noun.
            }
            if THINGS.contains(&head.as_str()) || DOCUMENTS.contains(&head.as_str()) {
                continue;
            }
            let prev = text[..a.cue.start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if matches!(
                prev.as_str(),
                "was" | "were" | "is" | "are" | "be" | "been" | "being"
            ) {
                continue; // the passive
            }
            let source_range = block.source_range(a.cue.clone());
            let quote_cue = quote_cues.contains(&source_range.start);
            let next = text[a.cue.end..]
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            let space_after = text[a.cue.end..].starts_with(' ');
            let clause = space_after && CLAUSE_SUBJECTS.contains(&next.as_str());
            if !quote_cue && !clause {
                continue;
            }
            let fix_text = if verb.starts_with(char::is_uppercase) {
                let mut c = say.chars();
                c.next()
                    .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                    .unwrap_or_default()
            } else {
                say.to_string()
            };
            out.push(
                Diagnostic::new(
                    META.id,
                    source_range.clone(),
                    format!(
                        "“{verb}” tells the reader what to think of the statement. Use “{fix_text}” unless the stronger word is a fact you can stand behind."
                    ),
                )
                .with_data("verb", verb.to_string())
                .with_data("replacement", fix_text.clone())
                .with_fix(Fix {
                    title: format!("Replace with “{fix_text}”"),
                    safe: false,
                    edits: vec![Edit::replace(source_range, fix_text)],
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Config;

    fn flagged(src: &str) -> Vec<(String, String)> {
        flagged_data("attribution.loaded", src, &Config::default(), "replacement")
    }

    #[test]
    fn flags_loaded_verbs_that_attribute_with_said_in_the_same_tense() {
        assert_eq!(
            flagged("The minister claimed that the figures were wrong."),
            pairs(&[("claimed", "said")])
        );
        assert_eq!(
            flagged("Smith claims he was never paid."),
            pairs(&[("claims", "says")])
        );
        assert_eq!(
            flagged("“We will win,” she insisted."),
            pairs(&[("insisted", "said")])
        );
        assert_eq!(
            flagged("The company admitted that it had been slow."),
            pairs(&[("admitted", "said")])
        );
        assert_eq!(
            flagged("“It was wrong,” conceded Smith."),
            pairs(&[("conceded", "said")])
        );
    }

    #[test]
    fn leaves_other_senses_nouns_things_and_quotes_alone() {
        for src in [
            "The group claimed responsibility for the attack.",
            "The storm claimed 40 lives.",
            "He was admitted to hospital on Monday.",
            "Apple revealed a new phone.",
            "The report revealed that the dam was weak.",
            "Tests revealed he had been poisoned.",
            "It was claimed that the vote was rigged.",
            "Smith's claim that the vote was rigged was rejected.",
            "His claims that the vote was rigged were rejected.",
            "“They claimed that we lied,” Smith said.",
            "The minister denied that the figures were wrong.",
            "Smith insisted on a recount.",
        ] {
            assert_eq!(flagged(src), pairs(&[]), "{src}");
        }
    }

    #[test]
    fn the_fix_is_said_and_not_safe() {
        use crate::{analyze, Document};
        let src = "Jones claimed that the deal was off.";
        let d = analyze(&Document::parse(src), &Config::default())
            .into_iter()
            .find(|d| d.rule == "attribution.loaded")
            .expect("flagged");
        assert_eq!(d.fixes.len(), 1);
        assert!(!d.fixes[0].safe);
        assert_eq!(d.fixes[0].edits[0].new_text, "said");
        assert_eq!(&src[d.fixes[0].edits[0].range.clone()], "claimed");
    }
}
