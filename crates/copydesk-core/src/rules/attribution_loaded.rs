//! `attribution.loaded`: a reporting verb that editorialises where “said” is meant —
//! “claimed”, “insisted”, “admitted”, “conceded”, “confessed”, “revealed”. AP: “said” is
//! neutral and almost always the right word; “claim” casts doubt, “admit” and “confess”
//! imply wrongdoing, “insist” stubbornness, “reveal” that something was hidden.
//!
//! Flagged only where the verb reports speech (attribution grammar: a source, then the
//! verb, then what was said):
//! - the verb is the cue of a quotation (“…,” she insisted; He claimed: “…”);
//! - the verb is followed by a clause, with or without “that”: a subject and a finite verb
//!   within a few words, before any punctuation or preposition (“claimed that …”, “claims
//!   he would …”, “claimed 190 were dead”). That leaves out objects (“claimed victory”),
//!   “claimed to be” (no certain fix) and the mandative subjunctive (“insists that the
//!   budget include funding”: a demand, not a statement).
//!
//! - the verb closes its sentence after what was said (“…, police revealed on Saturday”);
//! - the second verb of a coordination with a clause after it (“jumped on stage and claimed
//!   he was …”).
//!
//! Not flagged (round 6, unseen news): “reveal” in its own sense — a refusal or a plan to
//! disclose (“would not reveal the terms”, “declined to reveal”, “to reveal the new
//! iPhone”), or a disclosure made after the fact (“later revealing he had undergone a
//! liver transplant”), where “said” would not fit or “revealed” is the fact; and claims
//! made in a filing the sentence names (“challenged the award in a formal protest,
//! claiming …”, “filed a lawsuit claiming …”), by the round-5 decision on filings below.
//!
//! Not flagged: a legal filing as the subject (“the motion claims”, “the lawsuit claims”):
//! the guidance against “claimed” is about casting doubt on a speaker's remarks, and a
//! filing's claims are its contentions by definition (“claim” is the pleading's own term).
//! Also not: the verb's other senses (“claimed responsibility”, “claimed 40 lives”,
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
    explanation: "AP's guidance on “said”: it is neutral and nearly always right. “Claimed” suggests the reporter doubts the speaker, “admitted”, “conceded” and “confessed” imply wrongdoing or a point lost, “insisted” stubbornness and “revealed” a secret; the SPJ code asks reporters not to let their view colour the report. Use “said” (the fix keeps the tense: “claimed” → “said”, “claims” → “says”) unless the stronger word is a fact you can stand behind. Quoted speech, the verbs' other senses (“claimed responsibility”, “admitted to hospital”), a legal filing's claims (“the lawsuit claims”, “in a formal protest, claiming”: a filing's claims are its contentions, and “claim” is the pleading's own term), “reveal” in the sense of disclose (“would not reveal the terms”, “later revealing he had had surgery”) and “denied” are not flagged.",
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

/// Legal filings as subjects: “the motion claims”, “the lawsuit claims”. A filing's claims
/// are its contentions by definition — “claim” is the pleading's own term (a claim for
/// relief) — so the word tells the reader nothing the filing's nature does not: not
/// loaded. (The guidance against “claimed” is about a speaker's remarks, which the word
/// casts doubt on.)
const FILINGS: &[&str] = &[
    "motion",
    "motions",
    "suit",
    "suits",
    "lawsuit",
    "lawsuits",
    "petition",
    "petitions",
    "brief",
    "briefs",
    "affidavit",
    "affidavits",
    "pleading",
    "pleadings",
    "appeal",
    "appeals",
    "filing",
    "filings",
    "complaint",
    "complaints",
    "indictment",
    "indictments",
    "charges",
    "writ",
    "summons",
    "subpoena",
    "warrant",
    "claim",
    "counterclaim",
];

/// Finite verbs and auxiliaries that show a clause: “claimed (that) the site was …”.
const FINITE: &[&str] = &[
    "was", "were", "is", "are", "has", "have", "had", "would", "will", "could", "can", "may",
    "might", "should", "must", "did", "does", "do", "said", "made", "took", "went", "came", "knew",
    "saw", "got", "gave", "found", "told", "left", "kept", "held", "ran", "fell", "lost", "won",
    "began", "stole", "wanted", "needed",
];

/// Words that end the search for a clause: a preposition or relative word after the verb
/// makes what follows an object or adjunct (“claimed responsibility for”, “claimed the
/// lives of people who were …”, “admitted to hospital”, “claimed to be”).
const BREAKS: &[&str] = &[
    "who", "which", "whom", "whose", "whereby", "where", "when", "for", "in", "of", "to", "by",
    "with", "at", "on", "from", "into", "after", "before", "during", "over", "as", "and", "but",
    "or", "between", "against", "about",
];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "his", "her", "its", "their", "our", "this", "that", "these", "those",
];

/// Whether what follows the verb (up to the end of its sentence) is a clause — what was
/// said: “that” and a clause, or a subject and a finite verb within eight words, before any
/// punctuation or preposition. An object (“claimed victory in the vote”) is not.
fn clause_follows(rest: &str, mandative: bool) -> bool {
    let mut words = Vec::new();
    for token in rest.split_whitespace().take(10) {
        let w: String = token
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '\'' || *c == '’' || *c == '-')
            .collect();
        let ends_clause = token.ends_with([',', '.', ';', ':', '—', '?', '!', '"', '”', ')']);
        let capital = w.starts_with(char::is_uppercase);
        words.push((w.to_lowercase(), ends_clause, capital));
        if ends_clause {
            break;
        }
    }
    let mut iter = words.iter().peekable();
    if iter.peek().is_some_and(|(w, _, _)| w == "that") {
        iter.next();
        // “revealed that in December, …”, “claimed that he …”: “that” and a clause, not
        // “that” as a determiner (“claimed that seat”).
        // “claims that the resulting reduction of weight … will offer”: “that” before a
        // determiner or a name cannot be one itself, so a clause follows however long its
        // subject.
        // Not for “insist”, whose “that” may open a demand (“insisted that the union agree”):
        // there the finite verb below must show a statement.
        if iter.peek().is_some_and(|(w, _, capital)| {
            BREAKS.contains(&w.as_str())
                || (!mandative && ((DETERMINERS.contains(&w.as_str()) && w != "that") || *capital))
                || matches!(
                    w.as_str(),
                    "he" | "she" | "they" | "it" | "we" | "i" | "there"
                )
        }) {
            return true;
        }
    }
    let mut prev: Option<&str> = None;
    let mut prev_capital = false;
    for (i, (w, ends, capital)) in iter.enumerate() {
        if i == 0 && (w.ends_with("ed") || BREAKS.contains(&w.as_str())) {
            return false; // “claimed reported deaths”, “claimed to be”
        }
        if i > 0 {
            if FINITE.contains(&w.as_str()) {
                return true;
            }
            let after_det = prev.is_some_and(|p| DETERMINERS.contains(&p));
            if w.len() > 4 && w.ends_with("ed") && !after_det {
                return true;
            }
            // “claims Mahan flies …”: a name, then a verb in -s.
            if prev_capital && !capital && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
                return true;
            }
            if BREAKS.contains(&w.as_str()) || *ends {
                return false;
            }
        } else if *ends {
            return false;
        }
        prev = Some(w.as_str());
        prev_capital = *capital;
    }
    false
}

/// The verb closes its sentence after what was said: “The toll rose to 12, police revealed
/// on Saturday.”, “…, claimed the ministry.” The source sits after a comma (before the verb)
/// or right after the verb, and only a short adverbial follows.
fn trailing(
    text: &str,
    sentence: &std::ops::Range<usize>,
    src: &std::ops::Range<usize>,
    a: &crate::quotes::sources::Attribution,
    rest: &str,
) -> bool {
    let before_source =
        text[sentence.start.min(src.start)..src.start.max(sentence.start)].trim_end();
    let before_cue = text[sentence.start.min(a.cue.start)..a.cue.start].trim_end();
    let placed = if a.after {
        before_cue.ends_with(',') && before_cue.len() > 1
    } else {
        before_source.ends_with(',') && src.end <= a.cue.start
    };
    if !placed {
        return false;
    }
    // After the verb (and an inverted source): a time or place adverbial at most.
    let tail = if a.after {
        &text[src.end.min(sentence.end)..sentence.end]
    } else {
        rest
    };
    let words: Vec<&str> = tail.split_whitespace().collect();
    words.len() <= 5
        && words.first().is_none_or(|w| {
            let w = w
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            w.is_empty()
                || matches!(
                    w.as_str(),
                    "on" | "in"
                        | "at"
                        | "yesterday"
                        | "today"
                        | "last"
                        | "this"
                        | "earlier"
                        | "later"
                        | "late"
                        | "during"
                        | "after"
                )
        })
}

/// “Reveal” in its own sense, where “said” does not fit: a refusal or a plan to disclose
/// (“would not reveal the terms”, “declined to reveal”, “to reveal the new iPhone”: a
/// negation, a modal or “to” before it), or a disclosure the story stands behind — made
/// after the fact (“later revealing he had undergone a liver transplant”: “later”,
/// “subsequently”, “eventually”, “finally” before it).
fn disclosure(text: &str, sentence_start: usize, cue: std::ops::Range<usize>) -> bool {
    let before: Vec<String> = text[sentence_start.min(cue.start)..cue.start]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let last = |n: usize| before.iter().rev().take(n).map(String::as_str);
    if last(3).any(|w| {
        matches!(
            w,
            "not"
                | "never"
                | "n't"
                | "won't"
                | "wouldn't"
                | "didn't"
                | "don't"
                | "doesn't"
                | "cannot"
                | "can't"
                | "couldn't"
                | "refused"
                | "declined"
        )
    }) {
        return true;
    }
    if last(1).any(|w| {
        matches!(
            w,
            "to" | "would"
                | "will"
                | "could"
                | "can"
                | "may"
                | "might"
                | "should"
                | "must"
                | "later"
                | "subsequently"
                | "eventually"
                | "finally"
        )
    }) {
        return true;
    }
    false
}

/// Assertions made in a filing the sentence names before the verb: “challenged the award in
/// a formal protest, claiming …”, “filed a lawsuit claiming …”, “in court papers, claimed”.
/// Their claims are the filing's contentions (see `FILINGS`).
fn in_filing(before: &str) -> bool {
    static FILED: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?i)(?-u:\b)(?:(?:in|with|through|by|filed|lodged|brought|submitted)\s+(?:a|an|the|its|their|his|her)\s+(?:(?:formal|legal|federal|civil|class-action|bid|written)\s+){0,2}(?:protest|lawsuit|suit|complaint|petition|motion|filing|appeal|challenge|claim|grievance)|court\s+(?:papers|documents|filings)|filed\s+suit)(?-u:\b)")
            .expect("regex builds")
    });
    FILED.is_match(before)
}

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
            let prev_word = text[..a.cue.start]
                .trim_end()
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
                .to_lowercase();
            let Some(src) = a.source.clone().or_else(|| {
                // The second verb of a coordination, its subject out of reach: “jumped on
                // stage and claimed he was …” (a clause must follow, checked below).
                matches!(prev_word.as_str(), "and" | "but" | "then")
                    .then_some(a.cue.start..a.cue.start)
            }) else {
                continue;
            };
            let subject = text[src.clone()].trim();
            // “The motion, filed on Friday, claims”: the head before a comma too.
            let first_head = subject
                .split(',')
                .next()
                .unwrap_or("")
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .to_lowercase();
            if FILINGS.contains(&first_head.as_str()) {
                continue;
            }
            // “Apple Corps' latest suit, filed in September 2003, claims”: the head before
            // a phrase set off by commas, whatever the subject found.
            let lead = text[a.sentence.start.min(a.cue.start)..a.cue.start].trim_end();
            if let Some(inner) = lead.strip_suffix(',') {
                if let Some(open) = inner.rfind(", ") {
                    let head = inner[..open]
                        .rsplit(char::is_whitespace)
                        .next()
                        .unwrap_or("")
                        .to_lowercase();
                    if FILINGS.contains(&head.as_str()) {
                        continue;
                    }
                }
            }
            let head = subject
                .rsplit(char::is_whitespace)
                .next()
                .unwrap_or("")
                .to_lowercase();
            if subject.ends_with("'s") || subject.ends_with("’s") {
                continue; // “Smith's claim that”: a noun.
            }
            if THINGS.contains(&head.as_str())
                || DOCUMENTS.contains(&head.as_str())
                || FILINGS.contains(&head.as_str())
            {
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
            if lower.starts_with("reveal") && disclosure(text, a.sentence.start, a.cue.clone()) {
                continue;
            }
            if in_filing(&text[a.sentence.start.min(a.cue.start)..a.cue.start]) {
                continue;
            }
            let source_range = block.source_range(a.cue.clone());
            let quote_cue = quote_cues.contains(&source_range.start);
            let rest = &text[a.cue.end..a.sentence.end.max(a.cue.end)];
            if !quote_cue
                && !clause_follows(rest, lower.starts_with("insist"))
                && !trailing(text, &a.sentence, &src, a, rest)
            {
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
    fn legal_filings_claim_and_trailing_and_coordinated_verbs() {
        // A filing's claims are its contentions: not loaded.
        for src in [
            "The motion claims the emergency declaration is unlawful.",
            "The lawsuit claims the company knew the brakes were faulty.",
            "The suit, filed in federal court on Friday, claims the rule was illegal.",
            "The petition claimed that the vote had been rigged.",
        ] {
            assert_eq!(flagged(src), pairs(&[]), "{src}");
        }
        // The verb after what was said.
        assert_eq!(
            flagged("The suspect had fled to Spain, police revealed on Saturday."),
            pairs(&[("revealed", "said")])
        );
        assert_eq!(
            flagged("The figures were wrong, the minister insisted."),
            pairs(&[("insisted", "said")])
        );
        // The second verb of a coordination.
        assert_eq!(
            flagged("The man jumped on stage and claimed he had been wrongly jailed."),
            pairs(&[("claimed", "said")])
        );
        // Not a statement: an object, or no clause.
        for src in [
            "The rebels seized the town and claimed it as their capital.",
            "The team won the final and claimed the trophy.",
            "The storm, which struck at night, claimed 12 lives.",
        ] {
            assert_eq!(flagged(src), pairs(&[]), "{src}");
        }
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
            flagged("Mujahid claimed 190 were dead."),
            pairs(&[("claimed", "said")])
        );
        assert_eq!(
            flagged("PBS revealed that in December, the prince took responsibility."),
            pairs(&[("revealed", "said")])
        );
        assert_eq!(
            flagged("The government claims Mahan flies arms to Syria."),
            pairs(&[("claims", "says")])
        );
        assert_eq!(
            flagged("Activists claim safety standards are routinely ignored."),
            pairs(&[("claim", "say")])
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
            "The President insists that the budget include funding for the wall.",
            "The officers claimed to be seeking a bomb.",
            "Both candidates claimed victory in the presidential vote, which was disputed.",
            "It claimed a reported sixteenth death.",
            "Magyar Nemzet revealed a deal whereby the firm was sold.",
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

    #[test]
    fn reveal_in_its_own_sense_and_claims_in_a_filing_are_left_alone() {
        for src in [
            "Neither company would reveal the actual agreement reached between the two firms.",
            "The bank declined to reveal the terms it had agreed.",
            "He took six months off, later revealing he had undergone a liver transplant.",
            "Jobs returned to the stage to reveal the new cloud service, which stores music.",
            "Boeing challenged the award in a formal protest before the GAO, claiming the evaluation was skewed.",
            "The union filed a complaint with the board, claiming the vote was rigged.",
            "Apple Corps' latest suit, filed in September 2003, claims that the company broke the deal.",
        ] {
            assert_eq!(flagged(src), pairs(&[]), "{src}");
        }
        // A disclosure reported as speech is still flagged.
        assert_eq!(
            flagged("The company revealed that its creditors were no longer providing funds."),
            pairs(&[("revealed", "said")])
        );
        assert_eq!(
            flagged("Boeing claims that the new jet is more fuel efficient."),
            pairs(&[("claims", "says")])
        );
    }
}
