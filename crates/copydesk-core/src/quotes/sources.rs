//! Attributions in the draft's own sentences: every reporting cue outside quoted speech with
//! the source it names — “officials said”, “said a source”, “according to people familiar
//! with the matter”, “the spokesman, who …, said”. Built from the same words, cues and noun
//! phrases as quote attribution ([`BlockInfo`]), once per analysis
//! (`Context::attributions`), for the standards rules (`source.anonymous`,
//! `attribution.loaded`, `attribution.vague`, `quote.speaker-unidentified`).
//!
//! Linear in the draft: one pass over each block's cues, each looked at in its own sentence.

use super::attribution::BlockInfo;
use super::lexicon::CueKind;
use crate::document::Document;
use std::ops::Range;

/// One reporting cue in the draft's own voice, with its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub block: usize,
    /// Block-text range of the cue's sentence.
    pub sentence: Range<usize>,
    /// Block-text range of the cue: said, told, according to, in a statement…
    pub cue: Range<usize>,
    pub kind: CueKind,
    /// A verb that reports speech only beside a quotation (“thought”, “continued”).
    pub weak: bool,
    /// Block-text range of the source the cue names: the subject before it (“officials
    /// said”), or the noun phrase after an inverted cue or “according to” (“said a source”).
    pub source: Option<Range<usize>>,
    /// Whether the source comes after the cue.
    pub after: bool,
}

/// Every attribution of the draft, in source order. `quoted` is each block's quoted ranges
/// (`Context::quoted_by_block`): cues inside them are someone else's words.
pub fn attributions(doc: &Document, quoted: &[Vec<Range<usize>>]) -> Vec<Attribution> {
    let mut out = Vec::new();
    for (bi, (block, sentences)) in doc.blocks.iter().zip(&doc.sentences).enumerate() {
        let q: Vec<Range<usize>> = quoted
            .get(bi)
            .map(|v| {
                v.iter()
                    .map(|r| r.start.min(block.text.len())..r.end.min(block.text.len()))
                    .collect()
            })
            .unwrap_or_default();
        if q.iter().any(|r| r.start == 0 && r.end >= block.text.len()) {
            continue;
        }
        let info = BlockInfo::new(doc.cache(), &block.text, sentences, q);
        for c in &info.cues {
            let Some(si) = info.sentence_index(c.start) else {
                continue;
            };
            let sentence = sentences[si].clone();
            let (source, after) = match c.cue.kind {
                CueKind::According => (info.np_right(c.end, sentence.end), true),
                CueKind::Verb | CueKind::Naming => {
                    if let Some(right) = inverted_after_comma(&info, c.start, c.end, sentence.end) {
                        (Some(right), true)
                    } else {
                        match left_source(&info, c.start, sentence.start) {
                            Some(s) => (Some(s), false),
                            None => {
                                // ““…,” said a source.”: a source right after the verb;
                                // right after a quotation a speaker must follow, so a
                                // role before the name counts (““…,” claimed analyst Jane
                                // Doe.”).
                                let before = &info.text[sentence.start..c.start];
                                let after_quote = before.trim_end().ends_with(['”', '"', '’']);
                                let right = info
                                    .np_right_with(c.end, sentence.end, after_quote)
                                    .filter(|_| inverted(before));
                                let after = right.is_some();
                                (right, after)
                            }
                        }
                    }
                }
                CueKind::Source => (None, false),
            };
            out.push(Attribution {
                block: bi,
                sentence,
                cue: c.start..c.end,
                kind: c.cue.kind,
                weak: c.cue.weak,
                source,
                after,
            });
        }
    }
    out
}

/// “…, with the toll rising to 22, reported officials, with …”: an inverted cue between
/// commas with its source right after it and nothing more of the clause, or only the
/// source's description (“…, said a source close to the talks.”).
fn inverted_after_comma(
    info: &BlockInfo,
    start: usize,
    end: usize,
    ceiling: usize,
) -> Option<Range<usize>> {
    if !info.text[..start].trim_end().ends_with(',') {
        return None;
    }
    let np = info.np_right(end, ceiling)?;
    let rest = info.text[np.end..ceiling].trim_start();
    if rest.is_empty() || rest.starts_with([',', '.', ';', ':', '—']) {
        return Some(np);
    }
    // The description may start inside the words read for the source (“a person close”).
    let phrase = &info.text[np.start..ceiling];
    phrase
        .char_indices()
        .filter(|&(i, c)| c == ' ' && i < np.len())
        .map(|(i, _)| i)
        .chain(std::iter::once(np.len()))
        .find(|&i| describes_a_person(phrase[i..].trim_start()))
        .map(|i| np.start..np.start + phrase[..i].trim_end().len())
}

/// Whether `rest` opens with what describes the person before it by what they know or
/// whom they are near: “close to the talks”, “familiar with the plan”, “briefed on …”,
/// “with knowledge of …”, “who …”. After an inverted cue these end the source's clause as
/// a full stop would (“…, said a person familiar with the matter.”).
fn describes_a_person(rest: &str) -> bool {
    const DESCRIPTIONS: &[&str] = &[
        "close to ",
        "familiar with ",
        "briefed on ",
        "briefed about ",
        "with knowledge of ",
        "with direct knowledge of ",
        "with first-hand knowledge of ",
        "knowledgeable about ",
        "involved in ",
        "aware of ",
        "privy to ",
        "in the know",
        "who ",
    ];
    let head = rest
        .char_indices()
        .nth(32)
        .map_or(rest, |(i, _)| &rest[..i]);
    let lower = head.to_lowercase();
    DESCRIPTIONS.iter().any(|d| lower.starts_with(d))
}

/// The subject before a cue, across a relative clause (“an official who spoke on condition
/// of anonymity said”, “a source, whom they did not name, said”).
fn left_source(info: &BlockInfo, at: usize, floor: usize) -> Option<Range<usize>> {
    // “a source, whom they did not name, said”: the subject before the clause.
    let before = info.text[floor..at].trim_end();
    if let Some(inner) = before.strip_suffix(',') {
        if let Some(open) = inner.rfind(", ") {
            let opener = inner[open + 2..]
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_lowercase();
            let open = floor + open;
            // “a company executive, speaking anonymously, said”: a participle insert too.
            if matches!(opener.as_str(), "who" | "whom" | "whose" | "speaking")
                && info.words_between(open, floor + inner.len()) <= 25
            {
                if let Some(np) = info.np_left(open, floor) {
                    return Some(np);
                }
            }
        }
    }
    if let Some(np) = info.np_left(at, floor) {
        // “…, with officials saying …”: the subject of the absolute clause.
        if let Some(w) = info.text[np.clone()].rfind(", with ") {
            return Some(np.start + w + 7..np.end);
        }
        return Some(np);
    }
    let before = &info.text[floor..at];
    let who = before.rfind(" who ")?;
    let who = floor + who + 1;
    if info.words_between(who, at) > 20 || info.text[who..at].contains([',', ';']) {
        return None;
    }
    info.np_left(who, floor)
}

/// Whether the text of the sentence before an inverted cue leaves room for it: “said
/// Smith” after a quote or a comma, or opening the sentence.
fn inverted(before: &str) -> bool {
    let b = before.trim_end();
    b.is_empty() || b.ends_with([',', '”', '"', '’', '—', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sources(src: &str) -> Vec<(String, String)> {
        let doc = Document::parse(src);
        let quotes = super::super::find(&doc, &Default::default());
        let quoted = super::super::by_block(&doc, &quotes);
        attributions(&doc, &quoted)
            .into_iter()
            .map(|a| {
                let t = &doc.blocks[a.block].text;
                (
                    t[a.cue.clone()].to_string(),
                    a.source.map_or(String::new(), |s| t[s].to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn finds_sources_left_right_and_across_a_relative_clause() {
        assert_eq!(
            sources("Officials said the road was closed. “It was,” said a source."),
            [
                ("said".into(), "Officials".into()),
                ("said".into(), "a source".into())
            ]
        );
        assert_eq!(
            sources("An official who spoke on condition of anonymity said it was over."),
            [
                ("spoke".into(), "An official".into()),
                ("said".into(), "An official".into())
            ]
        );
        assert_eq!(
            sources("A source, whom they did not name, said it was over."),
            [("said".into(), "A source".into())]
        );
        assert_eq!(
            sources("The toll rose to 22, reported officials, with 25 hurt."),
            [("reported".into(), "officials".into())]
        );
        assert_eq!(
            sources("“Sales will double,” claimed analyst Jane Doe."),
            [("claimed".into(), "analyst Jane Doe".into())]
        );
        assert_eq!(
            sources("Znak.com claimed a source had seen it."),
            [("claimed".into(), "Znak.com".into())]
        );
        assert_eq!(
            sources("The fire was out, according to police."),
            [("according to".into(), "police".into())]
        );
    }

    #[test]
    fn a_noun_in_ly_is_a_subject_not_an_adverb() {
        assert_eq!(
            sources("Friends of the family said the boy was safe."),
            [("said".into(), "Friends of the family".into())]
        );
        assert_eq!(
            sources("The deal was off, an ally said."),
            [("said".into(), "an ally".into())]
        );
        // An adverb before the cue is still stepped over.
        assert_eq!(
            sources("Officials reportedly said the deal was off."),
            [("said".into(), "Officials".into())]
        );
    }

    #[test]
    fn leaves_quoted_cues_alone() {
        assert_eq!(
            sources("“Critics said we would fail,” Smith said."),
            [("said".into(), "Smith".into())]
        );
    }
}
