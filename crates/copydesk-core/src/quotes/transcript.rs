//! Transcripts: interviews, hearings and speech excerpts, where a label or an introduction
//! says whose words a paragraph holds, and every quotation inside it belongs to that turn
//! (a quote inside an answer is the answer's speaker's, even when the speaker quotes
//! someone else).
//!
//! - A label opens a paragraph: `Q:`, `A.`, `Smith:`, `**Reporter**:`, `Jane Smith (JS):`,
//!   `SEN. WARREN:`, `((WN))`.
//! - Two or more labelled paragraphs close together make a transcript: the unlabelled
//!   paragraphs between them continue the turn before (a long answer).
//! - A section heading that names a transcript, interview, excerpt or statement (“##
//!   Transcript”, “## Full statement”), or a sentence that introduces one (“Below is an
//!   excerpt of the speech.”, “The interview follows:”), makes the paragraphs after it the
//!   transcript's: to the next heading after a heading; while they open with a quotation
//!   mark, a label or sit in a block quote after a sentence.

use super::attribution::{self, BlockInfo};
use crate::document::Document;
use crate::markdown::BlockKind;
use crate::text::is_word_char;
use std::ops::Range;

/// Whose turn a block is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Turn {
    /// The block holding the label or the introduction.
    pub block: usize,
    /// The label's (or the introduced speaker's) block-text range in `block`; empty when an
    /// introduction names nobody.
    pub speaker: Range<usize>,
    /// The label's colon, or the introducing word (“transcript”, “excerpt”).
    pub cue: Range<usize>,
}

/// Words that name a transcript or a text given whole.
const INTRO_WORDS: &[&str] = &[
    "transcript",
    "transcripts",
    "interview",
    "excerpt",
    "excerpts",
    "statement",
    "remarks",
    "speech",
    "testimony",
    "q&a",
    "exchange",
    "conversation",
    "letter",
    "text",
];

/// Words that make a sentence introduce what follows it.
const INTRO_POINTERS: &[&str] = &["following", "below", "follows", "reads", "here", "full"];

/// Labels longer than this are not labels.
const MAX_LABEL_CHARS: usize = 48;

/// Unlabelled paragraphs a long answer may run over between two labels.
const MAX_CONTINUED: usize = 4;

/// A transcript label at the start of a block, with the range of what marks it as a label
/// (the colon, the full stop after Q/A, the closing `))`): `Q:`, `A.`, `Smith:`, `John
/// Smith:`, `Jane Smith (JS):`, `SEN. WARREN:`, `Ursula von der Leyen:`, `((WN))`.
pub(crate) fn label(text: &str) -> Option<(Range<usize>, Range<usize>)> {
    let lead = text.len() - text.trim_start().len();
    let t = &text[lead..];
    // ((WN)) Which candidates …
    if let Some(rest) = t.strip_prefix("((") {
        let close = rest.find("))")?;
        let name = &rest[..close];
        if !name.is_empty() && name.len() <= MAX_LABEL_CHARS && name_like(name) {
            let start = lead + 2;
            return Some((start..start + close, start + close..start + close + 2));
        }
        return None;
    }
    // Q. / A. as interview labels.
    for l in ["Q. ", "A. "] {
        if t.starts_with(l) {
            return Some((lead..lead + 1, lead + 1..lead + 2));
        }
    }
    let colon = t.find(':')?;
    let name = &t[..colon];
    if name.is_empty() || name.len() > MAX_LABEL_CHARS || !t[colon + 1..].starts_with(' ') {
        return None;
    }
    // “Parliament Square. Image: …” is a caption and a credit, not a speaker.
    let sentence_break = name
        .split_whitespace()
        .any(|w| w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() > 3);
    let meta = NOT_SPEAKERS.contains(&name.trim().to_lowercase().as_str());
    (name_like(name) && !sentence_break && !meta)
        .then_some((lead..lead + colon, lead + colon..lead + colon + 1))
}

/// Labels of captions, credits and notes, not of speakers.
const NOT_SPEAKERS: &[&str] = &[
    "image",
    "images",
    "photo",
    "photos",
    "picture",
    "caption",
    "credit",
    "credits",
    "source",
    "sources",
    "video",
    "audio",
    "file",
    "map",
    "note",
    "notes",
    "update",
    "updated",
    "correction",
    "related",
    "see also",
    "read more",
    "published",
    "date",
    "tags",
    "category",
    "warning",
    "disclaimer",
    "editor's note",
    "editor’s note",
    "contact",
    "email",
    "phone",
    "website",
    "address",
    "location",
    "time",
    "when",
    "where",
    "what",
    "who",
    "why",
    "how",
    "cost",
    "price",
    "tickets",
    "results",
    "result",
    "score",
    "final",
    "summary",
    "background",
    "context",
    "keywords",
    "topics",
    "topic",
    "subject",
    "re",
    "fwd",
    "cc",
    "to",
    "from",
];

/// Whether `label` reads as a speaker's name or role: capitalised words (particles such
/// as “von der” allowed), abbreviations, a parenthesis of initials or party.
fn name_like(label: &str) -> bool {
    let mut words = 0;
    let mut in_paren = false;
    for w in label.split_whitespace() {
        if w.starts_with('(') {
            in_paren = true;
        }
        let paren = in_paren;
        if w.ends_with(')') {
            in_paren = false;
        }
        if paren {
            continue;
        }
        words += 1;
        let particle = matches!(
            w,
            "de" | "da" | "van" | "von" | "der" | "den" | "la" | "le" | "al" | "bin" | "ibn" | "du"
        );
        let ok = (w.starts_with(char::is_uppercase) || particle)
            && w.chars()
                .all(|c| is_word_char(c) || matches!(c, '.' | '\'' | '’' | '-' | '&'));
        if !ok {
            return false;
        }
    }
    (1..=5).contains(&words) && !in_paren
}

/// Whether a heading introduces a transcript (a section heading naming one, not the
/// article's title that happens to contain “interviews”).
fn heading_intro(doc: &Document, bi: usize) -> Option<Range<usize>> {
    let b = &doc.blocks[bi];
    let BlockKind::Heading(level) = b.kind else {
        return None;
    };
    let words = crate::text::words(&b.text);
    if level < 2 && words.len() > 4 {
        return None;
    }
    let lower: Vec<String> = words
        .iter()
        .map(|w| b.text[w.clone()].to_lowercase())
        .collect();
    // A speech named as the section's source (“### From the commencement address by Dr.
    // Horváth”): “from”, “by” or a possessive ties “address” or “lecture” to a speaker;
    // alone (“## Address”) it is a venue's.
    let credited = lower
        .iter()
        .any(|w| matches!(w.as_str(), "from" | "by") || w.ends_with("'s") || w.ends_with("’s"));
    let k = lower.iter().position(|w| {
        INTRO_WORDS.contains(&w.as_str()) || (credited && SPEECH_WORDS.contains(&w.as_str()))
    })?;
    Some(words[k].clone())
}

/// Kinds of speech a heading names as the text below it when it also says whose or
/// where from (see [`heading_intro`]).
const SPEECH_WORDS: &[&str] = &[
    "address", "lecture", "sermon", "eulogy", "homily", "keynote", "oration",
];

/// Whether the last sentence of a paragraph introduces a transcript or a text given whole
/// (“Below is an excerpt of the speech.”, “The ministry's statement reads:”), and the
/// range of the introducing word.
fn sentence_intro(doc: &Document, bi: usize) -> Option<Range<usize>> {
    let b = &doc.blocks[bi];
    if !matches!(b.kind, BlockKind::Paragraph) {
        return None;
    }
    let last = doc.sentences[bi].last()?.clone();
    let s = &b.text[last.clone()];
    let words = crate::text::words(s);
    let lower: Vec<String> = words.iter().map(|w| s[w.clone()].to_lowercase()).collect();
    let pointer =
        lower.iter().any(|w| INTRO_POINTERS.contains(&w.as_str())) || s.trim_end().ends_with(':');
    if !pointer || words.len() > 25 {
        return None;
    }
    let k = lower
        .iter()
        .position(|w| INTRO_WORDS.contains(&w.as_str()))?;
    Some(last.start + words[k].start..last.start + words[k].end)
}

/// Whether block `bi` opens with a quotation mark.
fn opens_with_quote(doc: &Document, bi: usize) -> bool {
    doc.blocks[bi]
        .text
        .trim_start()
        .starts_with(['“', '"', '‘', '\'', '«', '„'])
}

/// For each block, the transcript turn it belongs to, if any. `infos` give words and cues
/// of the blocks that have them (for the speaker an introduction names).
pub(crate) fn turns(doc: &Document, infos: &[BlockInfo]) -> Vec<Option<Turn>> {
    let n = doc.blocks.len();
    let mut out: Vec<Option<Turn>> = vec![None; n];
    let labels: Vec<Option<(Range<usize>, Range<usize>)>> = doc
        .blocks
        .iter()
        .map(|b| match b.kind {
            BlockKind::Heading(_) => None,
            _ => label(&b.text),
        })
        .collect();
    // “A. Smith said …” opens with an initial, not a label: Q. and A. count only beside
    // another such label.
    let dotted = |bi: usize| {
        labels[bi]
            .as_ref()
            .is_some_and(|(_, cue)| doc.blocks[bi].text[cue.clone()] == *".")
    };
    let labels: Vec<Option<(Range<usize>, Range<usize>)>> = (0..n)
        .map(|bi| {
            let near = (bi.saturating_sub(2)..(bi + 3).min(n)).any(|k| k != bi && dotted(k));
            labels[bi].clone().filter(|_| !dotted(bi) || near)
        })
        .collect();
    // Labelled paragraphs, and the unlabelled ones between two labels close together in
    // a transcript (two speakers or more: “Q”/“A”, “Reporter”/“Smith”).
    let name = |bi: usize| {
        labels[bi]
            .as_ref()
            .map(|(s, _)| doc.blocks[bi].text[s.clone()].to_lowercase())
    };
    let mut last_label: Option<usize> = None;
    for bi in 0..n {
        if matches!(doc.blocks[bi].kind, BlockKind::Heading(_)) {
            last_label = None;
            continue;
        }
        if let Some((speaker, cue)) = labels[bi].clone() {
            let two_speakers = |p: usize| {
                let here = name(bi);
                (p.saturating_sub(2 * MAX_CONTINUED)..(bi + 2 * MAX_CONTINUED).min(n))
                    .any(|k| name(k).is_some_and(|o| Some(&o) != here.as_ref()))
            };
            if let Some(prev) =
                last_label.filter(|&p| bi - p > 1 && bi - p <= MAX_CONTINUED + 1 && two_speakers(p))
            {
                let turn = out[prev].clone();
                for o in out.iter_mut().take(bi).skip(prev + 1) {
                    *o = turn.clone();
                }
            }
            out[bi] = Some(Turn {
                block: bi,
                speaker,
                cue,
            });
            last_label = Some(bi);
        }
    }
    // Sections and texts introduced as transcripts, excerpts or statements.
    let mut bi = 0;
    while bi < n {
        // Only a block followed by what a transcript holds can introduce one.
        let next_inside = bi + 1 < n
            && (labels[bi + 1].is_some()
                || doc.blocks[bi + 1].quote_depth > 0
                || opens_with_quote(doc, bi + 1));
        let by_heading = heading_intro(doc, bi);
        let intro = by_heading
            .clone()
            .or_else(|| next_inside.then(|| sentence_intro(doc, bi)).flatten());
        let Some(word) = intro else {
            bi += 1;
            continue;
        };
        let info = infos.get(bi);
        let speaker = info
            .and_then(|i| {
                let s = doc.sentences[bi].last()?.clone();
                attribution::speaker_statement(i, &s, true)
                    .and_then(|f| f.speaker)
                    .or_else(|| i.last_name_in(&s))
            })
            .unwrap_or(word.start..word.start);
        let turn = Turn {
            block: bi,
            speaker,
            cue: word,
        };
        let mut k = bi + 1;
        while k < n {
            let b = &doc.blocks[k];
            if matches!(b.kind, BlockKind::Heading(_)) {
                break;
            }
            let inside = by_heading.is_some()
                || labels[k].is_some()
                || b.quote_depth > 0
                || opens_with_quote(doc, k);
            if !inside {
                break;
            }
            if out[k].is_none() {
                out[k] = Some(turn.clone());
            }
            k += 1;
        }
        bi = k.max(bi + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn turn_speakers(src: &str) -> Vec<Option<String>> {
        let doc = Document::parse(src);
        let infos: Vec<BlockInfo> = doc
            .blocks
            .iter()
            .zip(&doc.sentences)
            .map(|(b, s)| BlockInfo::new(None, &b.text, s, Vec::new()))
            .collect();
        turns(&doc, &infos)
            .into_iter()
            .map(|t| t.map(|t| doc.blocks[t.block].text[t.speaker].to_string()))
            .collect()
    }

    #[test]
    fn an_answer_over_several_paragraphs_is_one_turn() {
        let t = turn_speakers(
            "Intro.\n\nQ: Why?\n\nA: Because.\n\nAnd then “it was done”.\n\nQ: When?\n\nA: Monday.",
        );
        let want = [None, Some("Q"), Some("A"), Some("A"), Some("Q"), Some("A")];
        assert_eq!(t, want.map(|w| w.map(str::to_string)));
        // A caption credit repeated is not a transcript; one label alone is only its own.
        let t = turn_speakers(
            "Image: Jane Doe.\n\nThe march began.\n\nImage: Jane Doe.\n\nSmith: We won.\n\nLater, “it rained”.",
        );
        assert_eq!(t, [None, None, None, Some("Smith".to_string()), None]);
    }

    #[test]
    fn an_introduced_text_is_its_speakers() {
        let t = turn_speakers(
            "The minister released the following statement:\n\n“We regret it.\n\n“We will act.”\n\nThe talks went on.",
        );
        assert_eq!(t[1].as_deref(), Some("The minister"));
        assert_eq!(t[2].as_deref(), Some("The minister"));
        assert_eq!(t[3], None);
        let t = turn_speakers(
            "## Transcript\n\nWe will win.\n\nThey said “no”.\n\n## Reaction\n\nFine.",
        );
        assert_eq!(t[1].as_deref(), Some(""));
        assert_eq!(t[2].as_deref(), Some(""));
        assert_eq!(t[4], None);
        // A heading naming a speech and whose it is introduces its excerpts; an address
        // that is a place does not.
        let t = turn_speakers(
            "### From the budget address by Governor Ana Ruiz\n\n“We will not cut.”\n\n## Address\n\n“Open daily.”",
        );
        assert!(
            t[1].as_deref().is_some_and(|s| s.ends_with("Ana Ruiz")),
            "{t:?}"
        );
        assert_eq!(t[3], None);
        // The article's title is not a section introducing a transcript.
        let t = turn_speakers(
            "# Wikinews interviews Jane Smith about the election\n\nSmith said “no”.",
        );
        assert_eq!(t[1], None);
    }

    #[test]
    fn reads_labels() {
        let l = |t: &str| label(t).map(|(s, _)| t[s].to_string());
        assert_eq!(l("Q: Will you win?").as_deref(), Some("Q"));
        assert_eq!(l("A. We will.").as_deref(), Some("A"));
        assert_eq!(
            l("Jane Smith (JS): We will.").as_deref(),
            Some("Jane Smith (JS)")
        );
        assert_eq!(
            l("SEN. WARREN: Answer the question.").as_deref(),
            Some("SEN. WARREN")
        );
        assert_eq!(
            l("Ursula von der Leyen: Thank you.").as_deref(),
            Some("Ursula von der Leyen")
        );
        assert_eq!(l("((WN)) Why did you run?").as_deref(), Some("WN"));
        for t in [
            "The vote: 12 to 3.",
            "Note that the mayor said: no.",
            "As of Monday: closed",
            "Apples. Pears.",
            "10:30 is the time.",
            "Image: Jane Doe (flickr).",
            "Parliament Square. Image: Jane Doe.",
        ] {
            assert_eq!(l(t), None, "{t}");
        }
    }
}
