//! Quotations and who said them.
//!
//! [`find`] returns every top-level quotation of a draft (quotes inside quotes belong to
//! the quote around them) with its kind, its speaker and reporting cue when the draft names
//! them, how that attribution was found, or the reason none was. `Context::quotes()` computes
//! this once per analysis and shares it between `quote.unattributed`, `quote.scare`, hover,
//! the outline and other features (the date rules skip quoted speech; the name rules read
//! speakers).
//!
//! - [`marks`]: the quotation marks themselves (shared with `quote.unbalanced`);
//! - [`finder`]: quotations from the marks, paragraph runs, block quotes;
//! - [`attribution`]: speakers and cues;
//! - [`lexicon`]: reporting verbs and other word lists;
//! - [`sources`]: reporting cues in the draft's own sentences and the sources they name.

pub mod attribution;
pub(crate) mod finder;
pub mod lexicon;
pub mod marks;
mod settings;
pub mod sources;
pub(crate) mod transcript;
pub use settings::{QuoteMarks, QuotesConfig};

use crate::document::Document;
use crate::markdown::Block;
use attribution::BlockInfo;
use std::ops::Range;

/// What a quotation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// A whole sentence or more of someone's words: “We will win,” she said.
    Full,
    /// Some words woven into the reporter's sentence: called it a “stalling tactic”.
    Partial,
    /// A few words in quotation marks with no speaker: irony, a title, a nickname, the word
    /// “crisis” (words as words).
    Scare,
    /// A `>` block quote.
    Block,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Full => "full",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
            QuoteKind::Block => "block",
        }
    }
}

/// How the speaker of a quotation was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum How {
    /// A speaker and cue in the quote's own sentence: “…,” Kirby said.
    SameSentence,
    /// A sentence or paragraph ending in a colon that names the speaker: Kirby said:
    Colon,
    /// The sentence right after it names the speaker: “…” That was how Kirby put it.
    FollowingSentence,
    /// An earlier quote of the same paragraph, or of the quote-only paragraph before,
    /// established the speaker (wire style attributes once).
    Run,
    /// A Q&A or transcript paragraph with a speaker label: `Q:`, `**Kirby:**`.
    Transcript,
    /// The sentence just before names the speaker: Smith was blunt. “We lost.”
    PreviousSentence,
    /// The paragraph before it refers to one person only, and the sentence just before
    /// to them: Smith left the series. She wanted more. “It was time.”
    Paragraph,
    /// The same words are quoted with their speaker elsewhere in the draft: a pull quote,
    /// a headline or caption that repeats a quote of the story.
    Repeated,
}

impl How {
    pub fn describe(self) -> &'static str {
        match self {
            How::SameSentence => "in the same sentence",
            How::Colon => "introduced with a colon",
            How::FollowingSentence => "in the sentence after it",
            How::Run => "continuing the speaker's earlier quote",
            How::Transcript => "transcript label",
            How::PreviousSentence => "named in the sentence before it",
            How::Paragraph => "the one person the paragraph names before it",
            How::Repeated => "the same words quoted with their speaker elsewhere in the draft",
        }
    }
}

/// A piece of the draft: source range and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub text: String,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    /// Source range, quotation marks included (the whole block quote for `>` quotes).
    pub range: Range<usize>,
    /// Source range of the quoted words, without the marks.
    pub inner: Range<usize>,
    pub kind: QuoteKind,
    /// Who said it, if the draft says.
    pub speaker: Option<Span>,
    /// The reporting cue: said, told reporters, according to, in a statement…
    pub cue: Option<Span>,
    /// How the attribution was found; `None` when the quote is unattributed.
    pub how: Option<How>,
    /// Index (in [`find`]'s list) of the quote whose speaker this one inherits (`Run`).
    pub from: Option<usize>,
    /// Why no speaker was found (when `how` is `None`).
    pub reason: Option<&'static str>,
    /// Words inside the quote.
    pub words: usize,
    /// Blocks of the opening and the closing mark.
    pub first_block: usize,
    pub last_block: usize,
    /// Block-text range of the quote in its first block.
    pub(crate) text_range: Range<usize>,
    /// Whether the quote's closing mark was found.
    pub closed: bool,
}

impl Quotation {
    pub fn attributed(&self) -> bool {
        self.how.is_some()
    }

    /// Whether `quote.unattributed` should report it.
    /// A quote left unclosed is reported by `quote.unbalanced` instead: where it ends,
    /// and so whether its speaker is named after it, is unknown.
    pub fn needs_speaker(&self) -> bool {
        !self.attributed() && self.kind != QuoteKind::Scare && self.closed
    }

    /// One line for hover: "Quote from John Kirby — said, line 14", or why not.
    pub fn describe(&self, doc: &Document) -> String {
        let kind = match self.kind {
            QuoteKind::Full => "Quote",
            QuoteKind::Partial => "Partial quote",
            QuoteKind::Scare => "Scare quote or words-as-words",
            QuoteKind::Block => "Block quote",
        };
        match (&self.speaker, self.how) {
            (Some(s), Some(how)) => {
                let cue = self.cue.as_ref().map_or(String::new(), |c| c.text.clone());
                let line = doc.line_col(s.range.start).line + 1;
                let cue_part = if cue.is_empty() {
                    String::new()
                } else {
                    format!(" — {cue}")
                };
                format!(
                    "{kind} from **{}**{cue_part}, line {line} ({}).",
                    s.text,
                    how.describe()
                )
            }
            _ if self.kind == QuoteKind::Scare => format!(
                "{kind} ({} word{}): no speaker, and none needed for a few words in quotation marks.",
                self.words,
                if self.words == 1 { "" } else { "s" }
            ),
            _ => format!(
                "{kind} with no speaker named. {}",
                self.reason.unwrap_or("")
            ),
        }
    }
}

/// The text of a source span, with soft breaks flattened.
fn span(_doc: &Document, block: &Block, r: Range<usize>) -> Span {
    Span {
        range: block.source_range(r.clone()),
        text: block.text[r].to_string(),
    }
}

/// Nouns right after a quote that make it a name for something: the “one country, two
/// systems” model, a “Revoke Article 50” poster.
const NAME_FOR: &[&str] = &[
    "sign",
    "signs",
    "poster",
    "posters",
    "banner",
    "banners",
    "placard",
    "placards",
    "slogan",
    "model",
    "policy",
    "doctrine",
    "principle",
    "rule",
    "movement",
    "campaign",
    "programme",
    "program",
    "initiative",
    "plan",
    "law",
    "act",
    "bill",
    "agreement",
    "accord",
    "treaty",
    "deal",
    "settlement",
    "report",
    "package",
    "scheme",
    "fund",
    "protocol",
    "amendment",
    "clause",
    "provision",
    "legislation",
    "product",
    "line",
    "device",
    "system",
    "strategy",
    "era",
    "meme",
    "hashtag",
    "label",
    "brand",
    "t-shirt",
    "t-shirts",
    "shirt",
    "shirts",
    "chant",
    "chants",
    "sticker",
    "stickers",
    "badge",
    "logo",
    "headline",
    "category",
    "status",
    "list",
    "tag",
    "operation",
    "project",
    "panel",
    "session",
    "event",
    "exhibit",
    "exhibition",
    "award",
    "prize",
    "song",
    "album",
    "film",
    "book",
    "series",
    "episode",
    "show",
];

/// Whether the quote at `open` follows a verb of naming and “as”: “referred to her as
/// “…””, “billed as “…””, “looked at the role as a “…””.
fn named_as(b: &BlockInfo, open: usize) -> bool {
    let mut k = b.words.partition_point(|w| w.end <= open);
    let word = |i: usize| b.text[b.words[i].clone()].to_lowercase();
    if k > 0 && matches!(word(k - 1).as_str(), "a" | "an" | "the") {
        k -= 1;
    }
    if k == 0 || word(k - 1) != "as" {
        return false;
    }
    let as_start = b.words[k - 1].start;
    (2..=7).any(|back| {
        k.checked_sub(back).is_some_and(|i| {
            lexicon::NAMING_AS.contains(&word(i).as_str())
                && !b.text[b.words[i].end..as_start].contains(['.', ';', '!', '?', ','])
        })
    })
}

/// Words around a quote that make it words-as-words or a title: "the word “crisis”", a
/// “Revoke Article 50” poster.
fn words_as_words(b: &BlockInfo, open: usize, close_end: usize) -> bool {
    let after = b.words.partition_point(|w| w.start < close_end);
    if let Some(w) = b.words.get(after) {
        let gap = &b.text[close_end.min(w.start)..w.start];
        let lw = b.text[w.clone()].to_lowercase();
        if gap.trim().is_empty() && NAME_FOR.contains(&lw.as_str()) {
            return true;
        }
    }
    // “COVID-19” is the name of …, “ghosting” means …: the quote defines a word.
    let next = |n: usize| {
        b.words
            .get(after + n)
            .map(|w| b.text[w.clone()].to_lowercase())
            .unwrap_or_default()
    };
    let defines = match next(0).as_str() {
        "means" | "meant" | "stands" | "refers" => true,
        "is" | "was" | "became" => {
            matches!(next(1).as_str(), "the" | "a" | "an")
                && matches!(
                    next(2).as_str(),
                    "name"
                        | "word"
                        | "term"
                        | "phrase"
                        | "nickname"
                        | "title"
                        | "slogan"
                        | "motto"
                        | "acronym"
                        | "abbreviation"
                        | "label"
                        | "hashtag"
                )
        }
        _ => false,
    };
    if defines
        && b.words
            .get(after)
            .is_some_and(|w| b.text[close_end.min(w.start)..w.start].trim().is_empty())
    {
        return true;
    }
    let k = b.words.partition_point(|w| w.end <= open);
    (1..=2).any(|back| {
        k.checked_sub(back).is_some_and(|i| {
            let w = b.text[b.words[i].clone()].to_lowercase();
            lexicon::WORDS_AS_WORDS.contains(&w.as_str())
                && b.text[b.words[i].end..open]
                    .chars()
                    .all(|c| !matches!(c, '.' | ';' | '!' | '?'))
        })
    })
}

/// For each block, the block-text ranges of the quotations (not scare quotes) that overlap
/// it, in draft order. One pass over the quotations, each visiting only its blocks.
pub fn by_block(doc: &Document, quotes: &[Quotation]) -> Vec<Vec<Range<usize>>> {
    let blocks = &doc.blocks;
    debug_assert!(
        blocks
            .windows(2)
            .all(|w| w[0].source.end <= w[1].source.start),
        "blocks overlap or are out of order"
    );
    let mut out = vec![Vec::new(); blocks.len()];
    for q in quotes.iter().filter(|q| q.kind != QuoteKind::Scare) {
        // Blocks are disjoint and in source order.
        let first = blocks.partition_point(|b| b.source.end <= q.range.start);
        for (bi, block) in blocks.iter().enumerate().skip(first) {
            if block.source.start >= q.range.end {
                break;
            }
            let start = if q.range.start >= block.source.start {
                block.text_offset(q.range.start).unwrap_or(0)
            } else {
                0
            };
            let end = if q.range.end <= block.source.end {
                block.text_offset(q.range.end).unwrap_or(block.text.len())
            } else {
                block.text.len()
            };
            out[bi].push(start..end.max(start));
        }
    }
    out
}

/// Every top-level quotation of the draft, attributed.
pub fn find(doc: &Document, config: &QuotesConfig) -> Vec<Quotation> {
    let pairs: Vec<Vec<marks::Pair>> = doc
        .blocks
        .iter()
        .map(|b| finder::block_pairs(doc.cache(), &b.text))
        .collect();
    let found = finder::find(doc, &pairs);
    // Quoted ranges per block.
    let mut quoted: Vec<Vec<Range<usize>>> = vec![Vec::new(); doc.blocks.len()];
    for f in &found {
        if f.block_quote {
            continue;
        }
        quoted[f.first_block].push(f.first.clone());
        if f.last_block != f.first_block {
            for q in quoted.iter_mut().take(f.last_block).skip(f.first_block + 1) {
                q.push(0..usize::MAX);
            }
            quoted[f.last_block].push(f.last.clone());
        }
    }
    // Only blocks with a quote, and their neighbours (colon introductions, dash
    // signatures), need words and cues.
    let mut needed = vec![false; doc.blocks.len()];
    for f in &found {
        let lo = f.first_block.saturating_sub(1);
        let hi = (f.last_block + 1).min(doc.blocks.len().saturating_sub(1));
        for n in needed.iter_mut().take(hi + 1).skip(lo) {
            *n = true;
        }
    }
    let infos: Vec<BlockInfo> = doc
        .blocks
        .iter()
        .zip(&doc.sentences)
        .zip(quoted)
        .zip(needed)
        .map(|(((b, s), q), needed)| {
            let q = q
                .into_iter()
                .map(|r| r.start..r.end.min(b.text.len()))
                .collect();
            if needed {
                BlockInfo::new(doc.cache(), &b.text, s, q)
            } else {
                BlockInfo::empty(&b.text, s)
            }
        })
        .collect();

    let turns = transcript::turns(doc, &infos);
    let mut out: Vec<Quotation> = Vec::with_capacity(found.len());
    for f in &found {
        let fb = &doc.blocks[f.first_block];
        let lb = &doc.blocks[f.last_block];
        let range = fb.source_start(f.first.start)..lb.source_end(f.last.end);
        let inner = fb.source_start(f.inner_start)..lb.source_end(f.inner_end);
        let words = if f.first_block == f.last_block {
            crate::text::count_words(&fb.text[f.inner_start..f.inner_end.max(f.inner_start)])
        } else {
            crate::text::count_words(&fb.text[f.inner_start..])
                + doc.blocks[f.first_block + 1..f.last_block]
                    .iter()
                    .map(|b| crate::text::count_words(&b.text))
                    .sum::<usize>()
                + crate::text::count_words(&lb.text[..f.inner_end])
        };
        let mut q = Quotation {
            range,
            inner,
            kind: QuoteKind::Full,
            speaker: None,
            cue: None,
            how: None,
            from: None,
            reason: None,
            words,
            first_block: f.first_block,
            last_block: f.last_block,
            text_range: f.first.clone(),
            closed: f.closed,
        };
        if f.block_quote {
            q.kind = QuoteKind::Block;
            match &turns[f.first_block] {
                Some(turn) if turn.block != f.first_block => {
                    let tb = &doc.blocks[turn.block];
                    q.speaker =
                        (!turn.speaker.is_empty()).then(|| span(doc, tb, turn.speaker.clone()));
                    q.cue = Some(span(doc, tb, turn.cue.clone()));
                    q.how = Some(How::Transcript);
                }
                _ => attribute_block_quote(doc, &infos, f, &mut q),
            }
            out.push(q);
            continue;
        }
        let bi = &infos[f.first_block];
        // Same sentence: first the sentence the quote opens in, then the one it closes in.
        if q.how.is_none() {
            let mut reason = None;
            let first_host = bi.host(&f.first);
            let mut tries = vec![(f.first_block, f.first.clone(), first_host)];
            if f.last_block != f.first_block {
                let li = &infos[f.last_block];
                tries.push((f.last_block, f.last.clone(), li.host(&f.last)));
            }
            for (blk, r, host) in tries {
                match attribution::in_sentence(&infos[blk], &r, &host) {
                    Ok(found) if infos[blk].pronoun_of_two(&found, &host) => {
                        reason.get_or_insert(attribution::PRONOUN_OF_TWO);
                    }
                    Ok(found) => {
                        let b = &doc.blocks[blk];
                        q.speaker = found.speaker.map(|s| span(doc, b, s));
                        q.cue = Some(span(doc, b, found.cue));
                        q.how = Some(How::SameSentence);
                        break;
                    }
                    Err(why) => {
                        reason.get_or_insert(why);
                    }
                }
            }
            q.reason = reason;
        }
        // Transcript paragraphs: a quote with no speaker in its sentence is the turn's, named
        // by the label or the introduction (a quote inside an answer is the answer's).
        // So is a quote told inside an answer (“she's like, “…”” / “I said “no””): the
        // label's speaker is the one talking.
        let told = q.how == Some(How::SameSentence)
            && q.speaker
                .as_ref()
                .is_some_and(|s| lexicon::PRONOUNS.contains(&s.text.to_lowercase().as_str()));
        let open = turns[f.first_block]
            .as_ref()
            .filter(|t| q.how.is_none() || (told && !t.speaker.is_empty()));
        if let Some(turn) = open {
            let own_label = turn.block == f.first_block;
            if !own_label || turn.cue.end <= f.first.start {
                let tb = &doc.blocks[turn.block];
                q.speaker = (!turn.speaker.is_empty()).then(|| span(doc, tb, turn.speaker.clone()));
                q.cue = Some(span(doc, tb, turn.cue.clone()));
                q.how = Some(How::Transcript);
            }
        }
        // The kind, from the quote's shape and place.
        let inner_text = &fb.text[f.inner_start..f.first.end.min(fb.text.len()).max(f.inner_start)];
        let host = bi.host(&f.first);
        let starts_sentence = fb.text[host.start..f.first.start].trim().is_empty()
            || fb.text[..f.first.start].trim_end().ends_with(':');
        let first_char = inner_text.trim_start().chars().next().unwrap_or(' ');
        let capital = first_char.is_uppercase()
            || first_char.is_ascii_digit()
            || matches!(first_char, '…' | '[' | '.');
        let inner_trim = inner_text
            .trim_end_matches(['”', '"', '’', '\'', '»', '›', '“'])
            .trim_end();
        let ends_sentence = inner_trim.ends_with(['.', '!', '?', ',', '…']);
        let title_case = inner_text.split_whitespace().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()) || w.len() <= 3
        });
        let short = q.words <= config.scare_max_words;
        // A name or label given with “as” is not speech when nobody is named giving it
        // (“known as “…””, “was billed as “…””); when someone is, it is their partial
        // quote (“Critics have referred to the plan as “…””).
        let wordy = words_as_words(bi, f.first.start, f.first.end)
            || (!q.attributed() && named_as(bi, f.first.start));
        // Hearsay in the passive (“It was said that the smelter would “never reopen.””):
        // the words that close the clause are someone's speech, however few.
        let closes_host = fb.text[f.first.end.min(host.end)..host.end]
            .trim()
            .chars()
            .all(|c| c.is_ascii_punctuation());
        let hearsay = !q.attributed()
            && q.reason == Some(attribution::PASSIVE_NO_SPEAKER)
            && !starts_sentence
            && closes_host
            && bi.passive_report_before(&host, f.first.start);
        q.kind = if f.last_block != f.first_block {
            QuoteKind::Full
        } else if hearsay {
            QuoteKind::Partial
        } else if wordy
            && q.words <= config.scare_max_words.max(4) * 3
            && !(starts_sentence && ends_sentence)
        {
            QuoteKind::Scare
        } else if !starts_sentence && title_case && capital && q.words <= 12 && !q.attributed() {
            // Titles of works and names: “Underappreciated Sports Anime”.
            QuoteKind::Scare
        } else if starts_sentence || (capital && ends_sentence && !short) {
            QuoteKind::Full
        } else if short && !q.attributed() {
            QuoteKind::Scare
        } else if capital && !short {
            QuoteKind::Full
        } else {
            QuoteKind::Partial
        };
        out.push(q);
    }

    // Words the draft capitalises inside a sentence (names), built on first need.
    let names = std::cell::OnceCell::new();
    let names_in_draft = || names.get_or_init(|| capitalised_mid_sentence(doc));
    // The people the draft names (see [`attribution::draft_persons`]), on first need.
    let persons = std::cell::OnceCell::new();
    // Quotes sharing a host sentence are contiguous (quotes are in order and disjoint):
    // each quote's group is found once, and what a sibling needs is carried forward, so a
    // paragraph (or a sentence) with thousands of quotes stays linear.
    let groups = host_groups(&infos, &out);
    let mut first_same_sentence: Vec<Option<usize>> = vec![None; out.len()];
    for (j, q) in out.iter().enumerate() {
        if q.how == Some(How::SameSentence) {
            first_same_sentence[groups[j]].get_or_insert(j);
        }
    }
    let mut first_attributed: Vec<Option<usize>> = vec![None; out.len()];
    // The nearest earlier quote that is not a scare quote (see [`previous_in_block`]).
    let mut kept: Vec<Option<usize>> = vec![None; out.len()];
    // Attribution from around the quote's sentence.
    for i in 0..out.len() {
        // Earlier quotes are settled: the first attributed one of each group.
        if i > 0 {
            if out[i - 1].attributed() {
                first_attributed[groups[i - 1]].get_or_insert(i - 1);
            }
            kept[i] = if out[i - 1].kind == QuoteKind::Scare {
                kept[i - 1]
            } else {
                Some(i - 1)
            };
        }
        if out[i].attributed() || out[i].kind == QuoteKind::Block {
            continue;
        }
        let (fbi, tr) = (out[i].first_block, out[i].text_range.clone());
        // Quotes are in document order: those opening in this block.
        let same_block = out.partition_point(|q| q.first_block < fbi)
            ..out.partition_point(|q| q.first_block <= fbi);
        let b = &infos[fbi];
        let blk = &doc.blocks[fbi];
        let host = b.host(&tr);
        // Nothing before the quote in its sentence but a short introductory phrase
        // ("During the premiere, “…”").
        let lead_in = b.text[host.start..tr.start].trim();
        let starts_sentence = lead_in.is_empty()
            || (lead_in.ends_with(',') && b.words_between(host.start, tr.start) <= 4);
        let before = b.text[..tr.start].trim_end();
        // Colon introduction in the same paragraph: "He had a warning: “…”".
        let colon_before = before.ends_with(':');
        let sent_idx = b.sentence_index(host.start);
        // The sentence before, in the same block.
        let prev_sentence = sent_idx
            .and_then(|s| s.checked_sub(1))
            .map(|s| b.sentences[s].clone());
        let set = |q: &mut Quotation, found: attribution::Found, how: How, b: &Block| {
            q.speaker = found.speaker.map(|s| span(doc, b, s));
            q.cue = Some(span(doc, b, found.cue));
            q.how = Some(how);
            if q.kind == QuoteKind::Scare && !q.text_range.is_empty() {
                q.kind = QuoteKind::Partial;
            }
        };
        // Another quote of the same sentence has a speaker: “…” and “…”, she said.
        let sibling = match (first_same_sentence[groups[i]], first_attributed[groups[i]]) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
        if let Some(j) = sibling {
            take_speaker(&mut out, i, j, How::SameSentence);
            let q = &mut out[i];
            if q.kind == QuoteKind::Scare && q.words > config.scare_max_words {
                q.kind = QuoteKind::Partial;
            }
            continue;
        }
        if colon_before || starts_sentence {
            // An earlier attributed quote in the same paragraph (wire style).
            // It must be the nearest quote before, with no sentence of narrative between
            // them: “…,” Kirby said. “…” — not “…,” Kirby said. The talks resumed. “…”
            let earlier = previous_in_block(doc, &out, &kept, i, fbi, tr.start)
                .filter(|&(j, _)| out[j].attributed())
                // The run is “A,” Kirby said. “B.” (or Kirby said: “A.” “B.”): a full
                // quote that ends its sentence — not Kirby called it a “farce”. “B.”,
                // where B is a new quote that needs its own attribution.
                // So is the second half of a quote the tag interrupts: “A,” Kirby said,
                // “B.” “C.” — the tag stands between “A” and “B”, so “C” is his too.
                .filter(|&(j, _)| {
                    run_leader(&out[j], doc.text())
                        || (j > 0
                            && groups[j - 1] == groups[j]
                            && out[j - 1].kind == QuoteKind::Full
                            && out[j].kind != QuoteKind::Scare
                            && out[j].how == Some(How::SameSentence)
                            && out[j - 1].how == Some(How::SameSentence)
                            && out[j].cue.as_ref().is_some_and(|c| {
                                out[j - 1].range.end <= c.range.start
                                    && c.range.end <= out[j].range.start
                            }))
                })
                .filter(|&(_, end)| {
                    let gap = end..tr.start;
                    // Sentences are sorted: only those from the gap's start on.
                    let from = b.sentences.partition_point(|s| s.start < gap.start);
                    !b.sentences[from..]
                        .iter()
                        .take_while(|s| s.end <= gap.end)
                        .any(|s| b.quoted_overlapping(s.clone()).is_empty())
                })
                .map(|(j, _)| j);
            if let Some(j) = earlier.filter(|_| starts_sentence) {
                take_speaker(&mut out, i, j, How::Run);
                continue;
            }
            // The sentence before ends in a colon: "Kirby told reporters: “…”" split
            // oddly, or "Kirby was blunt:" in a sentence of its own.
            if let Some(ps) = prev_sentence.clone() {
                if b.text[..ps.end].trim_end().ends_with(':') {
                    if let Some(found) = attribution::speaker_statement(b, &ps, true) {
                        set(&mut out[i], found, How::Colon, blk);
                        continue;
                    }
                }
            }
            if colon_before {
                let intro = host.start..tr.start;
                let found = attribution::speaker_statement(b, &intro, true).or_else(|| {
                    // "The palace issued the following statement from the king:": the
                    // subject of the introducing clause — none when the clause only says
                    // that something exists ("There was anger among residents:").
                    if existential(&b.text[intro.clone()]) {
                        return None;
                    }
                    b.subject(&intro)
                        .or_else(|| b.last_name_in(&intro))
                        .map(|s| attribution::Found {
                            cue: before.len() - 1..before.len(),
                            speaker: Some(s),
                            kind: lexicon::CueKind::Source,
                        })
                });
                if let Some(found) = found {
                    set(&mut out[i], found, How::Colon, blk);
                    continue;
                }
            }
        }
        // A clause that gives words and a comma: "Jobs left this farewell, “…”", "The
        // ministry issued a statement, “…”": its subject is the speaker.
        if before.ends_with(',') {
            let intro = host.start..before.len() - 1;
            let noun = b.text[intro.clone()]
                .rsplit(|c: char| !c.is_alphanumeric())
                .find(|w| !w.is_empty())
                .map(str::to_lowercase);
            let spoken = noun.is_some_and(|n| lexicon::SPEECH_NOUNS.contains(&n.as_str()));
            if spoken && b.words_between(intro.start, intro.end) > 0 {
                if let Some(s) = b.subject(&intro) {
                    let found = attribution::Found {
                        cue: before.len() - 1..before.len(),
                        speaker: Some(s),
                        kind: lexicon::CueKind::Source,
                    };
                    set(&mut out[i], found, How::SameSentence, blk);
                    continue;
                }
            }
        }
        // The sentence opens by citing a document: "On the Saffir–Simpson scale, at
        // Category 5, “…”", "Under the agreement, the firm may sell “…”".
        if let Some(found) = cited_document(b, host.start, tr.start) {
            set(&mut out[i], found, How::SameSentence, blk);
            continue;
        }
        // Words woven into a sentence that names a document before them: “under the Gold
        // Reserve Act, which lets the Treasury “deal in gold …””, “the settlement let Apple
        // market “goods or services …””: the document's language, not someone's speech.
        if !starts_sentence && !colon_before && out[i].kind != QuoteKind::Full {
            if let Some(found) = document_before(b, host.start, tr.start) {
                set(&mut out[i], found, How::SameSentence, blk);
                continue;
            }
        }
        // The sentence after: "“…” That was how Kirby put it." / "“…” Kirby said."
        let ends_sentence = host.end <= out[i].text_range.end
            || b.text[out[i].text_range.end..host.end].trim().is_empty();
        if ends_sentence && out[i].last_block == fbi {
            if let Some(next) = sent_idx.and_then(|s| {
                b.sentences
                    .iter()
                    .skip(s + 1)
                    .find(|n| n.start >= host.end)
                    .cloned()
            }) {
                let opening = &b.text[next.clone()];
                // Words are sorted: binary searches, not a scan per quote.
                let first_word = b.words.partition_point(|w| w.start < next.start);
                let head_end = b.words.get(first_word + 8).map_or(next.end, |w| w.start);
                let demonstrative = opening.split_whitespace().next().is_some_and(|w| {
                    matches!(w, "That" | "This" | "So" | "Those" | "These" | "Such")
                });
                let head = next.start..head_end;
                // Only sentences that do nothing but attribute: "That was how Kirby put
                // it." / "So said Kirby." / "Kirby said." — not "Kirby also said that …",
                // which starts a new thought.
                let bare = b.words[first_word..]
                    .iter()
                    .take_while(|w| w.end <= next.end)
                    .take(6)
                    .count()
                    <= 5
                    && !b.text[next.clone()].contains(" that ");
                let asked = b.text[tr.clone()]
                    .trim_end_matches(['”', '"', '’', '\'', '»'])
                    .ends_with(['?', '!']);
                let found = b
                    .tag_sentence(&next, asked)
                    .or_else(|| {
                        demonstrative
                            .then(|| attribution::demonstrative_source(b, &next))
                            .flatten()
                    })
                    .or_else(|| {
                        attribution::speaker_statement(b, &head, demonstrative).filter(|f| {
                            demonstrative
                                || (bare
                                    && f.speaker.as_ref().is_some_and(|s| s.start == next.start)
                                    // “Detours add about 40 minutes.” is a fact, not a tag.
                                    && (f.kind != lexicon::CueKind::Verb
                                        || b.trailing_phrase(f.cue.end, next.end)))
                        })
                    });
                if let Some(found) = found {
                    if !b.is_quoted_public(found.cue.start) {
                        set(&mut out[i], found, How::FollowingSentence, blk);
                        continue;
                    }
                }
            }
        }
        // The sentence just before names the speaker: “Smith was blunt. “We lost.”” /
        // “Kirby spoke for an hour. He said the plan would “never work”.” A full quote
        // must open its sentence and follow narrative (Kirby said, “A.” “B.” is left to the
        // run above); a partial quote may also follow a quote of that sentence whose
        // speaker is named (“…,” she announced. She was directing … to “…”.).
        if let Some(ps) = prev_sentence.clone() {
            let partial = out[i].kind == QuoteKind::Partial;
            let quote_in_prev = !b.quoted_overlapping(ps.clone()).is_empty();
            if partial && quote_in_prev {
                // Quotes of the block are in order: stop at the first before `ps`.
                let earlier = (same_block.start..i)
                    .rev()
                    .take_while(|&j| out[j].text_range.start >= ps.start)
                    .find(|&j| {
                        out[j].first_block == fbi
                            && out[j].attributed()
                            && out[j].speaker.is_some()
                            && out[j].text_range.start >= ps.start
                            && out[j].text_range.end <= ps.end.max(tr.start)
                    });
                if let Some(j) = earlier {
                    take_speaker(&mut out, i, j, How::Run);
                    continue;
                }
            } else if !quote_in_prev && (partial || starts_sentence) {
                let is_name = |w: &str| names_in_draft().contains(w);
                let found = if partial {
                    b.speaker_before(&ps, &is_name)
                } else {
                    b.setup_sentence(&ps, &is_name)
                };
                if let Some(found) = found {
                    set(&mut out[i], found, How::PreviousSentence, blk);
                    continue;
                }
            }
        }
        // The paragraph before: a colon introduction, or a quote-only paragraph of a run.
        let block_start = b.text[..tr.start].trim().is_empty();
        if block_start && fbi > 0 {
            let pb = fbi - 1;
            let pinfo = &infos[pb];
            let ptext = doc.blocks[pb].text.trim_end();
            if ptext.ends_with(':') {
                if let Some(last) = pinfo.sentences.last() {
                    let found = attribution::speaker_statement(pinfo, last, true).or_else(|| {
                        if existential(&pinfo.text[last.clone()]) {
                            return None;
                        }
                        pinfo
                            .subject(last)
                            .or_else(|| pinfo.last_name_in(last))
                            .map(|s| attribution::Found {
                                cue: ptext.len() - 1..ptext.len(),
                                speaker: Some(s),
                                kind: lexicon::CueKind::Source,
                            })
                    });
                    if let Some(found) = found {
                        set(&mut out[i], found, How::Colon, &doc.blocks[pb]);
                        continue;
                    }
                }
            }
            // The previous paragraph is all quotation, attributed by a colon or a run.
            let prev_block = out.partition_point(|q| q.first_block < pb)..same_block.start;
            let prev = prev_block
                .rev()
                .find(|&j| out[j].last_block == pb && out[j].first_block == pb);
            if let Some(j) = prev {
                let whole = out[j].text_range.start == ptext.len() - ptext.trim_start().len()
                    && out[j].text_range.end >= ptext.len();
                if whole && matches!(out[j].how, Some(How::Colon | How::Run)) {
                    take_speaker(&mut out, i, j, How::Run);
                    continue;
                }
            }
        }
        // A quote alone in its paragraph, credited by a dash line under it (a pull quote,
        // a `>` quote with the credit in a paragraph of its own): “…” / — Jane Smith, …
        let alone = block_start
            && out[i].last_block == fbi
            && b.text[out[i].text_range.end.min(b.text.len())..]
                .trim()
                .is_empty();
        if alone {
            // A dash credit under it (“> — Tomas Berg, hydrologist”); or, for a question
            // alone, its tag opening the next paragraph with the answer: “How can it go
            // away?” / Alan Mulally remembered asking, “It sells.”
            let asked = b.text[tr.clone()]
                .trim_end_matches(['”', '"', '’', '\'', '»'])
                .ends_with(['?', '!']);
            let next = infos.get(fbi + 1).filter(|_| {
                matches!(
                    doc.blocks[fbi + 1].kind,
                    crate::markdown::BlockKind::Paragraph
                )
            });
            let tag = || {
                next.filter(|_| asked)
                    .and_then(|n| Some((n, n.sentences.first()?.clone())))
                    .filter(|(n, first)| n.text[..first.start].trim().is_empty())
                    .and_then(|(n, first)| n.tag_sentence(&first, true))
            };
            if let Some(found) = dash_credit(doc, &infos, fbi + 1).or_else(tag) {
                set(
                    &mut out[i],
                    found,
                    How::FollowingSentence,
                    &doc.blocks[fbi + 1],
                );
                continue;
            }
        }
        // The paragraph's one person (wire style attributes a run of quotes once).
        let is_name = |w: &str| names_in_draft().contains(w);
        let persons = persons.get_or_init(|| {
            attribution::draft_persons(
                doc.blocks.iter().map(|b| b.text.as_str()),
                out.iter()
                    .filter_map(|o| o.speaker.as_ref())
                    .map(|s| s.text.as_str()),
            )
        });
        if let Some((found, wb)) = paragraph_speaker(doc, &infos, &out, i, &is_name, persons) {
            set(&mut out[i], found, How::Paragraph, &doc.blocks[wb]);
        }
    }
    repeated_quotes(doc, &mut out);
    for q in &mut out {
        if q.attributed() {
            q.reason = None;
        }
    }
    out
}

/// The fewest words a quote must have for its repetition elsewhere to attribute it: a
/// phrase of two or three words (“never again”) may be anyone's.
const REPEATED_WORDS: usize = 5;

/// The words of a quote, lowercased, with punctuation dropped: “It will take a year,”
/// and “It will take a year.” are the same words.
fn quote_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for w in text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(
            w.chars()
                .flat_map(char::to_lowercase)
                .map(|c| if c == '’' { '\'' } else { c }),
        );
    }
    out
}

/// A quote still without a speaker whose words are quoted, with a speaker, elsewhere in
/// the draft (a pull quote or a block quote that repeats the story's quote, a headline,
/// deck or caption that quotes it): news repeats quotes in display type and attributes
/// them once, in the story. The repeated words must be at least [`REPEATED_WORDS`] long
/// and the whole of the unattributed quote, found whole-word inside the attributed one.
fn repeated_quotes(doc: &Document, out: &mut [Quotation]) {
    let text = doc.text();
    let words_of = |q: &Quotation| text.get(q.inner.clone()).map(quote_words);
    let pending: Vec<usize> = (0..out.len())
        .filter(|&i| {
            let q = &out[i];
            !q.attributed() && q.kind != QuoteKind::Scare && q.closed && q.words >= REPEATED_WORDS
        })
        .collect();
    if pending.is_empty() {
        return;
    }
    let sources: Vec<(usize, String)> = (0..out.len())
        .filter(|&j| out[j].attributed() && out[j].speaker.is_some())
        .filter_map(|j| Some((j, format!(" {} ", words_of(&out[j])?))))
        .collect();
    // Each run of [`REPEATED_WORDS`] words of the attributed quotes, to the first few
    // quotes that hold it: a repeated quote is looked up by its first words, then checked
    // whole, so a draft of thousands of quotes stays near linear.
    let mut index: std::collections::HashMap<String, Vec<usize>> = std::collections::HashMap::new();
    for (n, (_, w)) in sources.iter().enumerate() {
        let ws: Vec<&str> = w.split_whitespace().collect();
        for win in ws.windows(REPEATED_WORDS) {
            let at = index.entry(win.join(" ")).or_default();
            if at.len() < 4 && at.last() != Some(&n) {
                at.push(n);
            }
        }
    }
    for i in pending {
        let Some(mine) = words_of(&out[i]) else {
            continue;
        };
        let key: Vec<&str> = mine.split(' ').take(REPEATED_WORDS).collect();
        if key.len() < REPEATED_WORDS {
            continue;
        }
        let Some(candidates) = index.get(&key.join(" ")) else {
            continue;
        };
        let needle = format!(" {mine} ");
        let found = candidates
            .iter()
            .map(|&n| &sources[n])
            .find(|(j, w)| *j != i && w.contains(&needle));
        if let Some(&(j, _)) = found {
            take_speaker(out, i, j, How::Repeated);
            if out[i].kind == QuoteKind::Scare {
                out[i].kind = QuoteKind::Partial;
            }
        }
    }
}

/// Whether a clause only says that something exists or happened ("There has been
/// skepticism among academics about the bill:", "There were mixed reactions:"): its
/// subject is "there", and the people it mentions are examples, not a speaker the colon
/// introduces.
fn existential(clause: &str) -> bool {
    let mut words = clause
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty());
    let first = words.next().unwrap_or("").to_lowercase();
    if first == "there's" || first == "there’s" {
        return true;
    }
    if first != "there" {
        return false;
    }
    let verb = words.next().unwrap_or("").to_lowercase();
    matches!(
        verb.as_str(),
        "is" | "are"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "may"
            | "might"
            | "seems"
            | "seemed"
            | "appears"
            | "appeared"
            | "remains"
            | "remained"
            | "exists"
            | "existed"
            | "came"
            | "comes"
            | "followed"
    )
}

/// The most sentences before a quote read for its paragraph's one person: a paragraph of
/// news runs to a few sentences, and a longer stretch is no longer “just before”.
const PARAGRAPH_WINDOW: usize = 6;

/// The speaker of quote `i`, still unattributed, from the paragraph it opens a sentence in
/// (or in which its sentence's subject is the one person the paragraph names): see
/// [`BlockInfo::paragraph_speaker`]. Scare quotes are left
/// alone (they need no speaker).
fn paragraph_speaker(
    doc: &Document,
    infos: &[BlockInfo],
    out: &[Quotation],
    i: usize,
    is_name: &dyn Fn(&str) -> bool,
    persons: &std::collections::HashSet<String>,
) -> Option<(attribution::Found, usize)> {
    let q = &out[i];
    if q.kind == QuoteKind::Scare || q.kind == QuoteKind::Block {
        return None;
    }
    let (fbi, tr) = (q.first_block, q.text_range.clone());
    let b = &infos[fbi];
    let host = b.host(&tr);
    let lead = host.start..tr.start;
    let lead_text = b.text[lead.clone()].trim();
    // Nothing before the quote in its sentence but a short phrase (“During the premiere,
    // “…””), or a subject of its own that must be the paragraph's person.
    let opens = lead_text.is_empty()
        || (lead_text.ends_with(',') && b.words_between(lead.start, lead.end) <= 4);
    // The sentences before it in the paragraph, at most [`PARAGRAPH_WINDOW`] (binary
    // search and a bound: a paragraph of thousands of quotes stays linear).
    let upto = b.sentences.partition_point(|s| s.end <= host.start);
    let mut window: Vec<Range<usize>> =
        b.sentences[upto.saturating_sub(PARAGRAPH_WINDOW)..upto].to_vec();
    if !opens {
        b.person_subject(&lead, is_name)?;
        window.push(lead);
    } else if let Some(ps) = window.last() {
        // A full quote just before: “Kirby said, “A.” “B.”” is left to the run rule,
        // which does not carry a speaker there (it is where a second speaker's tag goes
        // missing).
        let full_before = out[..i]
            .iter()
            .rev()
            .take_while(|o| o.first_block == fbi && o.text_range.end > ps.start)
            .any(|o| {
                o.kind == QuoteKind::Full
                    && o.text_range.start >= ps.start
                    && o.text_range.start < ps.end
            });
        if full_before {
            return None;
        }
    }
    // A quote that opens its paragraph is a new quotation (one that goes on from the
    // paragraph before leaves its closing mark off, see the run above): it needs its own
    // attribution, or a colon or setup sentence that introduces it.
    if window.is_empty() {
        return None;
    }
    let wb = fbi;
    let wi = &infos[wb];
    let block = &doc.blocks[wb];
    // Speakers of the earlier quotes named in the window's paragraph.
    let from = window.first().map_or(0, |w| w.start);
    let speakers: Vec<(Range<usize>, &str)> = out[..i]
        .iter()
        .rev()
        .take_while(|o| o.first_block == wb && o.text_range.end > from)
        .filter_map(|o| {
            let s = o.speaker.as_ref()?;
            let start = block.text_offset(s.range.start)?;
            let end = block.text_offset(s.range.end)?;
            (start < end && end <= wi.text.len()).then(|| (start..end, &wi.text[start..end]))
        })
        .collect();
    let found = wi.paragraph_speaker(&window, &speakers, is_name, persons, !opens)?;
    // “Goalkeeper Tariq Mansour has not conceded a goal in six matches. “He reads the
    // game better than anyone.””: a quote that opens on “he” or “she” when the paragraph
    // names nobody else is about its one person, so someone else said it.
    let speaker = found.speaker.clone()?;
    let opens_on_third_person = b.text[tr.clone()]
        .trim_start_matches(['"', '“', '‘', '\'', '«', '„'])
        .split(|c: char| !c.is_alphabetic())
        .next()
        .is_some_and(|w| matches!(w, "He" | "She" | "His" | "Her"));
    let spoken_of = opens_on_third_person
        && !lexicon::PRONOUNS.contains(&wi.text[speaker.clone()].to_lowercase().as_str())
        && !window.iter().any(|s| wi.mentions_another(s, &speaker));
    (!spoken_of).then_some((found, wb))
}

/// Every word the draft writes with a capital letter other than at the start of a sentence
/// or after a quotation mark: the names it uses (“Smith”, “Ministry”), to tell “Smith was
/// blunt.” from “Costumes take months.”
fn capitalised_mid_sentence(doc: &Document) -> std::collections::HashSet<&str> {
    let mut out = std::collections::HashSet::new();
    for (b, sentences) in doc.blocks.iter().zip(&doc.sentences) {
        let text = b.text.as_str();
        for s in sentences {
            let mut first = true;
            let mut prev_end = s.start;
            for w in crate::text::words(&text[s.clone()]) {
                let (start, end) = (s.start + w.start, s.start + w.end);
                let word = &text[start..end];
                let gap = &text[prev_end..start];
                let after_mark = gap.contains(['“', '"', '‘', '«', ':', '(']);
                if !first && !after_mark && word.starts_with(char::is_uppercase) {
                    out.insert(word);
                }
                first = false;
                prev_end = end;
            }
        }
    }
    out
}

/// For each quote, the index of the first quote of its group: the quotes of one block
/// whose host sentences (see [`BlockInfo::host`]) are the same.
fn host_groups(infos: &[BlockInfo], out: &[Quotation]) -> Vec<usize> {
    let mut groups: Vec<usize> = Vec::with_capacity(out.len());
    let mut prev: Option<(usize, Range<usize>)> = None;
    for (j, q) in out.iter().enumerate() {
        let key = (q.first_block, infos[q.first_block].host(&q.text_range));
        let start = match (&prev, groups.last()) {
            (Some(p), Some(&g)) if *p == key => g,
            _ => j,
        };
        groups.push(start);
        prev = Some(key);
    }
    groups
}

/// Words of a phrase that cites a document: “On the Saffir–Simpson scale used by the NHC
/// for classifying tropical cyclones,” is twelve.
const MAX_CITING_WORDS: usize = 14;

/// The document a sentence opens by citing, before the quote at `open`: “On|In|Under|Per”,
/// at most [`MAX_CITING_WORDS`] words with a document noun (see [`lexicon::DOCUMENTS`]), and a comma.
fn cited_document(b: &BlockInfo, start: usize, open: usize) -> Option<attribution::Found> {
    let lead = &b.text[start..open];
    let comma = lead.find(',')?;
    let first = b.words.partition_point(|w| w.start < start);
    let last = b.words.partition_point(|w| w.end <= start + comma);
    if last <= first || last - first > MAX_CITING_WORDS {
        return None;
    }
    let opener = b.text[b.words[first].clone()].to_lowercase();
    if !matches!(opener.as_str(), "on" | "in" | "under" | "per") {
        return None;
    }
    let noun = (first + 1..last).find(|&k| {
        let w = b.text[b.words[k].clone()].to_lowercase();
        lexicon::DOCUMENTS.contains(&w.as_str())
    })?;
    let phrase = b.words[first + 1].start..b.words[last - 1].end;
    Some(attribution::Found {
        cue: b.words[noun].clone(),
        speaker: Some(phrase),
        kind: lexicon::CueKind::Source,
    })
}

/// Determiners that make the word after them (within three words) a noun: “the
/// settlement”, “a more specific agreement”, “its 1991 contract”.
const DOC_DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "its", "their", "his", "her", "whose",
];

/// Words before a partial quote read for the document it quotes.
const DOCUMENT_WORDS: usize = 40;

/// The document named in the sentence before a partial quote at `open`: a document noun
/// (see [`lexicon::DOCUMENTS`]) after a determiner, or capitalised in a name (“the Gold
/// Reserve Act”, “the Clean Air Act of 1970”). The nearest one before the quote wins.
fn document_before(b: &BlockInfo, start: usize, open: usize) -> Option<attribution::Found> {
    let last = b.words.partition_point(|w| w.end <= open);
    // At most [`DOCUMENT_WORDS`] words back: a sentence of many quotes stays linear.
    let first = b
        .words
        .partition_point(|w| w.start < start)
        .max(last.saturating_sub(DOCUMENT_WORDS));
    let word = |k: usize| &b.text[b.words[k].clone()];
    // “The contract was “a way to stall …””: a copula before the quote makes it what
    // someone calls the document, not the document's words.
    let copula = last > first
        && matches!(
            word(last - 1).to_lowercase().as_str(),
            "is" | "was" | "are" | "were" | "be" | "been" | "being" | "as"
        );
    if copula {
        return None;
    }
    (first..last).rev().find_map(|k| {
        let w = word(k);
        let lower = w.to_lowercase();
        if !lexicon::DOCUMENTS.contains(&lower.as_str()) {
            return None;
        }
        // Nothing but words between the noun's phrase and the noun.
        let det = (1..=3).filter_map(|back| k.checked_sub(back)).find(|&d| {
            d >= first
                && DOC_DETERMINERS.contains(&word(d).to_lowercase().as_str())
                && !b.text[b.words[d].end..b.words[k].start].contains([',', ';', ':', '.'])
        });
        let named = w.starts_with(char::is_uppercase)
            && k > first
            && word(k - 1).starts_with(char::is_uppercase)
            && b.text[b.words[k - 1].end..b.words[k].start]
                .trim()
                .is_empty();
        if det.is_none() && !named {
            return None;
        }
        let from = det.unwrap_or(k - 1);
        Some(attribution::Found {
            cue: b.words[k].clone(),
            speaker: Some(b.words[from].start..b.words[k].end),
            kind: lexicon::CueKind::Source,
        })
    })
}

/// Whether a quote can lead a run of quotes that inherit its speaker: a full quote whose
/// attribution stands between it and the next quote (“A,” Kirby said. “B.”), or that was
/// introduced by a colon, a label or an earlier run. Not “Kirby said, “A.” “B.””: closing
/// and reopening the quotation with nothing between them is where a second speaker's tag
/// goes missing, and a copy editor asks whose “B” is. Not a partial quote either: Kirby
/// called it a “farce”. “B.” is a new quote.
/// Quote `i` takes quote `j`'s speaker and cue, attributed the way `how` says.
fn take_speaker(out: &mut [Quotation], i: usize, j: usize, how: How) {
    let (speaker, cue) = (out[j].speaker.clone(), out[j].cue.clone());
    let q = &mut out[i];
    q.speaker = speaker;
    q.cue = cue;
    q.how = Some(how);
    q.from = Some(j);
}

fn run_leader(o: &Quotation, source: &str) -> bool {
    o.kind == QuoteKind::Full
        && match o.how {
            // The tag after the quote, or before it with a colon (Kirby said: “A.” “B.”).
            Some(How::SameSentence) => o.cue.as_ref().is_some_and(|c| {
                c.range.start >= o.range.end
                    || source
                        .get(c.range.end..o.range.start)
                        .is_some_and(|gap| gap.trim_end().ends_with(':'))
            }),
            Some(_) => true,
            None => false,
        }
}

/// The nearest quotation (not a scare quote) before quote `i` that ends in block `bi`
/// before block-text offset `before`, with the block-text offset where it ends: one of the
/// same paragraph, or a quote that ran on into this paragraph from the one before.
/// `kept[j]` is the nearest quote before `j` that is not a scare quote, so scare quotes
/// cost nothing to step over.
fn previous_in_block(
    doc: &Document,
    out: &[Quotation],
    kept: &[Option<usize>],
    i: usize,
    bi: usize,
    before: usize,
) -> Option<(usize, usize)> {
    let block = &doc.blocks[bi];
    let mut next = kept.get(i).copied().flatten();
    while let Some(j) = next {
        next = kept.get(j).copied().flatten();
        let o = &out[j];
        if o.first_block < bi && o.last_block != bi {
            // Quotes are in order of their opening: only the last one opened before this
            // block can reach into it (a quote that ran on over paragraphs).
            return None;
        }
        if o.kind == QuoteKind::Scare || o.last_block != bi {
            continue;
        }
        let end = if o.first_block == bi {
            o.text_range.end
        } else {
            block.text_offset(o.range.end).unwrap_or(block.text.len())
        };
        if end <= before {
            return Some((j, end));
        }
    }
    None
}

impl BlockInfo<'_> {
    pub(crate) fn is_quoted_public(&self, at: usize) -> bool {
        self.is_quoted(at)
    }
}

/// A `>` block quote is attributed by the paragraph before it (ending in a colon or
/// naming a speaker with a cue), or by a dash line in it or after it ("— Jane Smith").
/// The speaker of block `bi` when the block is a dash credit line: “— Jane Smith,
/// volcanologist”, “-- Jane Smith”. The dash must open the block, and a name or a noun
/// phrase follow it.
fn dash_credit(doc: &Document, infos: &[BlockInfo], bi: usize) -> Option<attribution::Found> {
    let b = doc.blocks.get(bi)?;
    let info = infos.get(bi)?;
    let text = &b.text;
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let dash = ["—", "―", "-- ", "– "]
        .into_iter()
        .find(|d| rest.starts_with(d))?;
    let after = lead + dash.len();
    let after = after + text[after..].len() - text[after..].trim_start().len();
    let speaker = info.np_right(after, text.len())?;
    Some(attribution::Found {
        cue: lead..after,
        speaker: Some(speaker),
        kind: lexicon::CueKind::Source,
    })
}

fn attribute_block_quote(
    doc: &Document,
    infos: &[BlockInfo],
    f: &finder::Found,
    q: &mut Quotation,
) {
    // "— Name" as the last line of the quote or the paragraph right after.
    for bi in [Some(f.last_block), Some(f.last_block + 1)]
        .into_iter()
        .flatten()
    {
        let Some(b) = doc.blocks.get(bi) else {
            continue;
        };
        let info = &infos[bi];
        let text = &b.text;
        let dash = text
            .rfind(['—', '―'])
            .filter(|&d| text[..d].trim().is_empty() || text[..d].ends_with(' '))
            .or_else(|| {
                text.trim_start()
                    .starts_with("-- ")
                    .then(|| text.find("--").unwrap_or(0))
            });
        if let Some(d) = dash {
            let after = d + text[d..].chars().next().map_or(1, char::len_utf8);
            let after =
                after + text[after..].len() - text[after..].trim_start_matches(['-', ' ']).len();
            if let Some(s) = info.np_right(after, text.len()) {
                q.speaker = Some(span(doc, b, s));
                q.cue = Some(span(doc, b, d..after));
                q.how = Some(How::SameSentence);
                return;
            }
        }
    }
    if f.first_block > 0 {
        let pb = f.first_block - 1;
        let info = &infos[pb];
        if let Some(last) = info.sentences.last() {
            let colon = doc.blocks[pb].text.trim_end().ends_with(':');
            if let Some(found) = attribution::speaker_statement(info, last, colon) {
                let b = &doc.blocks[pb];
                q.speaker = found.speaker.map(|s| span(doc, b, s));
                q.cue = Some(span(doc, b, found.cue));
                q.how = Some(How::Colon);
                return;
            }
        }
    }
    q.reason = Some("The paragraph before the block quote does not say whose words these are (end it with “Kirby said:” or add “— Kirby”).");
}

/// Quotes grouped by speaker for the document outline: speakers in order of first quote,
/// each with its quotes (index into `quotes`); unattributed quotes last under `None`.
/// Scare quotes are left out.
pub fn by_speaker(quotes: &[Quotation]) -> Vec<(Option<String>, Vec<usize>)> {
    let mut groups: Vec<(Option<String>, Vec<usize>)> = Vec::new();
    let mut unattributed = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if q.kind == QuoteKind::Scare {
            continue;
        }
        match &q.speaker {
            Some(s) if q.attributed() => {
                let name = canonical_speaker(&s.text);
                match groups
                    .iter_mut()
                    .find(|(n, _)| n.as_deref() == Some(name.as_str()))
                {
                    Some((_, v)) => v.push(i),
                    None => groups.push((Some(name), vec![i])),
                }
            }
            _ => unattributed.push(i),
        }
    }
    if !unattributed.is_empty() {
        groups.push((None, unattributed));
    }
    groups
}

/// A speaker's text as a group name: whitespace collapsed, a leading "the" dropped.
pub fn canonical_speaker(s: &str) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let s = s
        .strip_prefix("the ")
        .or_else(|| s.strip_prefix("The "))
        .unwrap_or(&s);
    s.to_string()
}

/// The quotation that contains a source offset (marks included), if any. Other features
/// use it to skip quoted speech: `quotes::at(cx.quotes(), offset).is_some()`.
pub fn at(quotes: &[Quotation], offset: usize) -> Option<&Quotation> {
    // Quotations are in document order and do not overlap.
    let i = quotes.partition_point(|q| q.range.start <= offset);
    let q = quotes.get(i.checked_sub(1)?)?;
    (offset < q.range.end).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Context};

    fn quotes(src: &str) -> Vec<(String, QuoteKind, Option<String>, Option<How>)> {
        let doc = Document::parse(src);
        find(&doc, &QuotesConfig::default())
            .into_iter()
            .map(|q| {
                (
                    src[q.range.clone()].to_string(),
                    q.kind,
                    q.speaker.map(|s| s.text),
                    q.how,
                )
            })
            .collect()
    }

    #[test]
    fn a_dash_credit_under_a_quote_names_its_speaker() {
        // A `>` quote with its credit in a paragraph of its own, in or out of the block
        // quote, and a pull quote.
        for src in [
            "> “The river has never been this low.”\n\n> — Tomas Berg, hydrologist\n",
            "> “The river has never been this low.”\n>\n> — Tomas Berg, hydrologist\n",
            "“The river has never been this low.”\n\n-- Tomas Berg, hydrologist\n",
        ] {
            let q = quotes(src);
            assert_eq!(q[0].2.as_deref(), Some("Tomas Berg"), "{src}");
            assert_eq!(q[0].3, Some(How::FollowingSentence), "{src}");
        }
        // A question alone, its tag opening the paragraph after, with the answer.
        let q = quotes(
            "“Why would we close it?”\n\nMayor Lena Ortiz asked, “It is our best school.”\n",
        );
        assert_eq!(q[0].2.as_deref(), Some("Mayor Lena Ortiz"));
        let q =
            quotes("“Why would we close it?”\n\nMayor Lena Ortiz said the school would close.\n");
        assert_eq!(q[0].3, None);
        // Not a quote with more of its paragraph after it, nor a paragraph that is no credit.
        let q = quotes("“The river is low.” The dam opened.\n\n— Tomas Berg, hydrologist\n");
        assert_eq!(q[0].3, None);
        let q = quotes("“The river has never been this low.”\n\nTomas Berg is a hydrologist.\n");
        assert_eq!(q[0].3, None);
    }

    #[test]
    fn speakers_and_cues_of_common_forms() {
        let q = quotes("“We will win,” said John Kirby, the spokesman.");
        assert_eq!(q[0].2.as_deref(), Some("John Kirby"));
        let q = quotes("“We will win,” the ministry’s spokeswoman told reporters.");
        assert_eq!(q[0].2.as_deref(), Some("the ministry’s spokeswoman"));
        let q = quotes("According to eyewitness Vinnie DeVita, “it exploded.”");
        assert_eq!(q[0].2.as_deref(), Some("eyewitness Vinnie DeVita"));
        let q = quotes("Officials said the plan was “dead on arrival in the Senate”.");
        assert_eq!(q[0].2.as_deref(), Some("Officials"));
        assert_eq!(q[0].1, QuoteKind::Partial);
        let q =
            quotes("Sen. Mitt Romney, R-Utah, called the measure “fiscally reckless and wrong.”");
        assert_eq!(q[0].2.as_deref(), Some("Sen. Mitt Romney"));
        let q =
            quotes("Advocates, who have pushed for it since 2021, hailed it as “long overdue.”");
        assert_eq!(q[0].2.as_deref(), Some("Advocates"));
        let q = quotes("The so-called “deal” collapsed.");
        assert_eq!(q[0].1, QuoteKind::Scare);
    }

    #[test]
    fn counts_words_like_the_tokenizer() {
        for t in [
            "Xi’s aide, Kim Jong-un and O'Brien don't—'90s.",
            "",
            " a  b ",
            "—'x-",
        ] {
            assert_eq!(
                crate::text::count_words(t),
                crate::text::words(t).len(),
                "{t}"
            );
        }
    }

    #[test]
    fn finds_the_quote_at_an_offset() {
        let src = "He said “yes” and she said “no”.";
        let doc = Document::parse(src);
        let qs = find(&doc, &QuotesConfig::default());
        let yes = src.find("yes").unwrap();
        let no = src.find("no").unwrap();
        assert_eq!(at(&qs, yes).map(|q| q.range.start), src.find('“'));
        assert_eq!(at(&qs, no).map(|q| q.range.start), src.rfind('“'));
        assert!(at(&qs, src.find("and").unwrap()).is_none());
        assert!(at(&qs, 0).is_none());
    }

    #[test]
    fn a_quote_over_paragraphs_is_one_quotation() {
        let src = "“We will rebuild every school.\n\n“And every road,” she said.\n";
        let q = quotes(src);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, src.trim_end().trim_end_matches(" she said."));
        assert_eq!(q[0].2.as_deref(), Some("she"));
    }

    proptest::proptest! {
        /// No input makes the quote analysis, its rules, hover or outline panic.
        #[test]
        fn never_panics(src in "([\"'“”‘’„«»‹›:,. \n>*a-zA-Zé—\\-]|said|told|according to| he | the |\n\n|Q: |\\*\\*A:\\*\\*){0,60}") {
            let doc = Document::parse(src.as_str());
            let mut config = Config::default();
            for id in ["quote.scare", "quote.style"] {
                config.set_level(id, crate::config::Level::On(crate::Severity::Hint));
            }
            let cx = Context::new(&doc, &config);
            let diags = crate::analyze_with(&cx);
            for d in &diags {
                for f in &d.fixes {
                    let _ = crate::fix::apply_edits(&src, &f.edits);
                }
            }
            for off in (0..=src.len()).filter(|&o| src.is_char_boundary(o)) {
                let _ = crate::ide::hover::at(&cx, &diags, off);
            }
            let _ = crate::ide::quotes::outline(&cx);
        }
    }
}
