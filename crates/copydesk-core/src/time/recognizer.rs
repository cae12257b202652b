//! A time-expression recogniser for English news, in the spirit of HeidelTime's rules:
//! a few regular expressions (compiled once) find candidates, context checks throw out
//! the false ones ("Theresa May", "Super Tuesday", "USA Today", "now that"), and each
//! survivor is parsed into a [`Sem`]: what it says, before any calendar arithmetic.
//!
//! The patterns live in [`super::patterns`], one file per family, each with its gate
//! words, regex and interpretation side by side. This file is what they share: the gate
//! automaton, the per-paragraph loop, the context helpers their checks use, the tense of
//! a sentence, and the settling of overlaps.
//!
//! Overlapping candidates are settled by length: "Friday, January 4, 2019" beats
//! "Friday" and "2019". Spans follow TimeML: prepositions ("on", "in") are left out,
//! modifiers ("last", "early", "the past") are kept.

use super::patterns::{Pattern, ALL};
use crate::cache::{cached, Slot};
use crate::markdown::BlockKind;
use crate::word_regex::WordRegex;
use crate::Document;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub use super::patterns::{month_number, MONTH_ALT, WEEKDAY_ALT};
pub use super::sem::{Rel, Sem, Unit, ANAPHORIC_MONTH};

/// A candidate found in a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub block: usize,
    /// Range in the block text.
    pub range: Range<usize>,
    pub sem: Sem,
    /// Is the sentence about the future (for "on Friday", "in March")?
    pub future: bool,
    /// The sentence it is in (block-text range).
    pub sentence: Range<usize>,
}

/// Which patterns may match in a text: one literal automaton over every gate word, in
/// any case, and a digit test, in one pass each instead of a regex per pattern. A word
/// that must have its exact case (month and weekday names) is checked again on a hit.
struct Gates {
    words: aho_corasick::AhoCorasick,
    /// For each word of the automaton: the bits it admits in any case, and those it admits
    /// only as written, with that spelling.
    bits: Vec<(u64, Option<(&'static str, u64)>)>,
    digit_bits: u64,
    always: u64,
}

impl Gates {
    fn build(patterns: &[&Pattern]) -> Gates {
        const { assert!(ALL.len() <= 64, "gates are the bits of a u64") };
        let mut words: Vec<String> = Vec::new();
        let mut bits: Vec<(u64, Option<(&'static str, u64)>)> = Vec::new();
        let (mut digit_bits, mut always) = (0u64, 0u64);
        let mut slot = |word: &str| match words.iter().position(|w| w.eq_ignore_ascii_case(word)) {
            Some(i) => i,
            None => {
                words.push(word.to_ascii_lowercase());
                bits.push((0, None));
                words.len() - 1
            }
        };
        let mut any_case: Vec<(usize, u64)> = Vec::new();
        let mut exact: Vec<(usize, &'static str, u64)> = Vec::new();
        for (pi, p) in patterns.iter().enumerate() {
            let bit = 1u64 << pi;
            let Some(g) = &p.gate else {
                always |= bit;
                continue;
            };
            for &w in g.exact.iter().flat_map(|list| list.iter()) {
                exact.push((slot(w), w, bit));
            }
            for &w in g.any_case {
                any_case.push((slot(w), bit));
            }
            if g.digit {
                digit_bits |= bit;
            }
        }
        for (i, bit) in any_case {
            bits[i].0 |= bit;
        }
        for (i, word, bit) in exact {
            match &mut bits[i].1 {
                Some((w, b)) if *w == word => *b |= bit,
                Some(_) => panic!("time gates: two exact spellings of {word}"),
                none => *none = Some((word, bit)),
            }
        }
        let words = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // A full DFA: the fastest overlapping search, and this automaton is small.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .unwrap_or_else(|e| panic!("time gates: {e}"));
        Gates {
            words,
            bits,
            digit_bits,
            always,
        }
    }

    /// The bits of the patterns worth running on `text`.
    fn mask(&self, text: &str) -> u64 {
        let mut mask = self.always;
        if text.bytes().any(|b| b.is_ascii_digit()) {
            mask |= self.digit_bits;
        }
        for m in self.words.find_overlapping_iter(text) {
            let (any_case, exact) = self.bits[m.pattern().as_usize()];
            mask |= any_case;
            if let Some((word, bit)) = exact {
                if &text[m.range()] == word {
                    mask |= bit;
                }
            }
        }
        mask
    }
}

static GATES: LazyLock<Gates> = LazyLock::new(|| Gates::build(&ALL));

/// A pattern and its regex, compiled on first use: the first draft a process checks pays
/// only for the patterns its words call for (and, for a pattern with `\w`, in the form its
/// text calls for: see [`WordRegex`]).
struct Compiled {
    pattern: &'static Pattern,
    re: WordRegex,
}

impl Compiled {
    /// The regex to search `text` with.
    fn re(&self, text: &str) -> &Regex {
        self.re.on(text)
    }
}

/// Every pattern, in the order of [`ALL`].
static PATTERNS: LazyLock<Vec<Compiled>> = LazyLock::new(|| {
    ALL.iter()
        .map(|&pattern| Compiled {
            pattern,
            re: WordRegex::made(pattern.regex),
        })
        .collect()
});

/// Run the recogniser over every prose block of a document.
pub fn recognize(doc: &Document) -> Vec<Found> {
    let mut out = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        let title_case = headline_block(block);
        let sentences = doc.sentences.get(bi).map(Vec::as_slice).unwrap_or(&[]);
        // The result depends only on the block's text (sentences come from it) and kind;
        // the gates only skip patterns that cannot match it.
        let variant = title_case as u64;
        let found = cached(
            doc.cache(),
            Slot::TimeExpressions,
            variant,
            &block.text,
            || {
                let mut found = Vec::new();
                let mask = GATES.mask(&block.text);
                recognize_masked(&block.text, sentences, title_case, bi, mask, &mut found);
                found
            },
        );
        out.extend(found.into_iter().map(|f| Found { block: bi, ..f }));
    }
    out
}

/// Recognise time expressions in one block of text with its sentences.
pub fn recognize_text(
    text: &str,
    sentences: &[Range<usize>],
    title_case: bool,
    block: usize,
    out: &mut Vec<Found>,
) {
    recognize_masked(text, sentences, title_case, block, u64::MAX, out);
}

/// [`recognize_text`] with only the patterns whose bit is set in `mask`.
fn recognize_masked(
    text: &str,
    sentences: &[Range<usize>],
    title_case: bool,
    block: usize,
    mask: u64,
    out: &mut Vec<Found>,
) {
    // A lede's dateline ("WASHINGTON (AP) — Earlier Tuesday, …") is not part of its
    // sentence: the word after the dash opens it.
    let split;
    let sentences = match dateline_end(text) {
        Some(end)
            if sentences
                .first()
                .is_some_and(|s| s.start < end && end < s.end) =>
        {
            let mut v = sentences.to_vec();
            v[0].start = end;
            v.insert(0, 0..end);
            split = v;
            split.as_slice()
        }
        _ => sentences,
    };
    let mut cands: Vec<(Range<usize>, Sem, usize)> = Vec::new();
    for (pi, p) in PATTERNS.iter().enumerate() {
        if mask & (1u64 << pi) == 0 {
            continue;
        }
        for c in p.re(text).captures_iter(text) {
            let Some(whole) = c.get(0) else { continue };
            let cx = Ctx {
                text,
                // Sentences are sorted: binary search keeps a long paragraph linear.
                sentence_start: match sentences.partition_point(|s| s.start <= whole.start()) {
                    0 => 0,
                    i => sentences[i - 1].start,
                },
                title_case,
            };
            if let Some((range, sem)) = (p.pattern.interpret)(&c, &cx) {
                // Whatever a pattern's checks did with the span, it must lie in the text.
                if !range.is_empty() && range.end <= text.len() {
                    cands.push((range, sem, pi));
                }
            }
        }
    }
    if cands.is_empty() {
        return;
    }
    // Longest first, then earliest, then pattern order; keep those that overlap nothing kept.
    cands.sort_by(|a, b| (b.0.len(), a.0.start, a.2).cmp(&(a.0.len(), b.0.start, b.2)));
    // Kept ranges are disjoint: keyed by start, only the last one starting before a
    // candidate's end can overlap it (a scan of all kept ones was quadratic).
    let mut kept: std::collections::BTreeMap<usize, (Range<usize>, Sem)> = Default::default();
    for (r, sem, _) in cands {
        let clear = kept
            .range(..r.end)
            .next_back()
            .is_none_or(|(_, (k, _))| k.end <= r.start);
        if clear {
            kept.insert(r.start, (r, sem));
        }
    }
    for (range, sem) in kept.into_values() {
        let i = sentences.partition_point(|s| s.end.max(s.start + 1) <= range.start);
        let sentence = sentences
            .get(i)
            .filter(|s| s.start <= range.start)
            .cloned()
            .unwrap_or(0..text.len());
        let future = is_future(text.get(sentence.clone()).unwrap_or(""));
        out.push(Found {
            block,
            range,
            sem,
            future,
            sentence,
        });
    }
}

/// Where a match is: what a pattern's interpretation may look at around it.
pub struct Ctx<'a> {
    /// The block's text.
    pub text: &'a str,
    /// Where the match's sentence starts.
    pub sentence_start: usize,
    /// A heading: capitals say nothing about names.
    pub title_case: bool,
}

impl Ctx<'_> {
    /// Is `pos` where a capital says nothing (a heading, or the start of a sentence)?
    pub fn initial(&self, pos: usize) -> bool {
        self.title_case || sentence_initial(self.text, self.sentence_start, pos)
    }
}

/// Words that make a sentence look ahead (for "on Friday", "in March", "in three weeks").
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|won['’]t|shall|is\s+to|are\s+to|to\s+be\s+held|scheduled|expected\s+to|plans?\s+to|planning\s+to|set\s+to|(?:is|are)\s+due\s+to\s+(?:be|begin|start|open|close|take|arrive|meet|vote|hold|return|resume|visit|appear|launch|end|finish)|expected\s+(?:in|on|by|next|later)|(?:forecast|predicted|projected|likely)\s+to|going\s+to|upcoming|intends?\s+to|would\s+(?:begin|start|take\s+place|be\s+held))(?-u:\b)|['’]ll(?-u:\b)")
        .expect("future regex")
});

/// Does a sentence look ahead? Quoted words are left out: “…will change…,” Pompeo said
/// on Tuesday is about a past Tuesday.
pub fn is_future(sentence: &str) -> bool {
    if !sentence.contains(['“', '"', '«']) {
        return FUTURE.is_match(sentence);
    }
    let mut outside = String::with_capacity(sentence.len());
    let mut depth = 0usize;
    let mut straight_open = false;
    for c in sentence.chars() {
        match c {
            '“' | '«' => depth += 1,
            '”' | '»' => depth = depth.saturating_sub(1),
            '"' => straight_open = !straight_open,
            _ if depth == 0 && !straight_open => outside.push(c),
            _ => {}
        }
    }
    FUTURE.is_match(&outside)
}

/// The word before `pos` (letters, digits, apostrophes and periods), if any.
pub fn word_before(text: &str, pos: usize) -> &str {
    let before = text[..pos].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// The word after `pos`.
pub fn word_after(text: &str, pos: usize) -> &str {
    let after = text[pos..].trim_start();
    let end = after
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(after.len(), |(i, _)| i);
    &after[..end]
}

/// If the text before `pos` ends with one of `words` (case-insensitive, whole words; the
/// longest listed first) followed by spaces (or a hyphen when `hyphen`), its start and the
/// word as listed.
pub fn modifier_before(
    text: &str,
    pos: usize,
    words: &[&'static str],
    hyphen: bool,
) -> Option<(usize, &'static str)> {
    let before = &text[..pos];
    let trimmed =
        before.trim_end_matches(|c: char| c == ' ' || c == '\u{a0}' || (hyphen && c == '-'));
    if trimmed.len() == before.len() {
        return None;
    }
    words.iter().copied().find_map(|w| {
        let start = trimmed.len().checked_sub(w.len())?;
        let tail = trimmed.get(start..)?;
        let clean = trimmed[..start]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        (clean && tail.eq_ignore_ascii_case(w)).then_some((start, w))
    })
}

/// Whether `text` starts with `prefix`, ignoring ASCII case. Reads only the prefix's length,
/// so a pattern that looks ahead of its match stays linear in the paragraph (lower-casing the
/// rest of the paragraph at every match made a long paragraph quadratic).
pub fn starts_with_ci(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix.as_bytes()))
}

pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words a headline in title case leaves lowercase.
const TITLE_MINOR: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "of", "in", "on", "at", "to", "for", "by", "as",
    "from", "with", "into", "over", "vs", "per", "via", "up", "off", "out",
];

/// Are the words of `s` in title case: at least two, every word of letters capitalised
/// but the short ones a headline leaves lowercase ("Voters Head to Polls Sunday")?
fn title_cased(s: &str) -> bool {
    let mut words = 0;
    for w in s.split_whitespace() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !w.starts_with(char::is_alphabetic) {
            continue;
        }
        words += 1;
        if !is_capitalised(w) && !TITLE_MINOR.contains(&w) {
            return false;
        }
    }
    words >= 2
}

/// A paragraph longer than this is no headline. The bound also keeps the headline tests,
/// asked once per time expression, from reading a long paragraph again each time.
const HEADLINE_MAX_BYTES: usize = 400;

/// A paragraph shaped like a headline: at most [`HEADLINE_MAX_BYTES`], at least four words,
/// no full stop or quotation mark, nothing closing it. Its text and word count.
fn headline_shaped(block: &crate::markdown::Block) -> Option<(&str, usize)> {
    let text = block.text.as_str().trim();
    if !matches!(block.kind, BlockKind::Paragraph)
        || text.len() > HEADLINE_MAX_BYTES
        || text.ends_with(['.', '!', '?', ':', ';', ',', '"', '”', '’', ')'])
        || text.contains(['.', '"', '“', '”'])
    {
        return None;
    }
    let words = text.split_whitespace().count();
    (words >= 4).then_some((text, words))
}

/// Is the block a headline, where capitals say nothing about names: a Markdown heading, or
/// a paragraph written as one — a single short line of at least four words in title case,
/// with no full stop at its end ("Stocks Rally Friday as Hopes Grow for Trade Deal").
pub fn headline_block(block: &crate::markdown::Block) -> bool {
    matches!(block.kind, BlockKind::Heading(_))
        || headline_shaped(block).is_some_and(|(text, _)| title_cased(text))
}

/// Is the block a headline, in title case or in sentence case: a heading, or a paragraph of
/// one line and at most twenty words with no full stop at its end ("Fed leaves rates
/// unchanged Wednesday, signals patience"). Its present tense is the news of the day.
pub fn headline_like(block: &crate::markdown::Block) -> bool {
    headline_block(block)
        || headline_shaped(block).is_some_and(|(text, words)| words <= 20 && !text.contains('\n'))
}

/// Does the quotation opened just before `start` (its first word) hold a title in title case
/// rather than speech: closed within ten words, each capitalised ("the film “Tomorrow Never
/// Dies”", not "“Tomorrow we march,” she said")?
pub fn quoted_title_at(text: &str, start: usize) -> bool {
    let Some(rest) = text.get(start..) else {
        return false;
    };
    let Some(close) = rest.find(['"', '”']) else {
        return false;
    };
    let title = &rest[..close];
    title.split_whitespace().count() <= 10 && title_cased(title)
}

/// A wire dateline opening a paragraph: a place in capitals, then optionally a region or
/// a date after a comma and the agency in brackets, then a dash ("WASHINGTON (AP) —",
/// "KYIV, Ukraine, March 20 (Reuters) -", "BEIJING --"). Where the story's first sentence
/// starts: after the dash and its spaces.
pub fn dateline_end(text: &str) -> Option<usize> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\p{Lu}[\p{Lu}\p{M}'’.-]+(?:[ ][\p{Lu}\p{M}'’.-]+){0,3}(?:,[ ][\p{L}\p{M}0-9.’' ]{1,40}?){0,2}[ ]*(?:\([^()]{1,30}\)[ ]*)?(?:—|–|--|-)[ ]+",
        )
        .expect("dateline regex")
    });
    let m = DATELINE.find(text)?;
    // The place is in capitals: three capital letters or more before any lower-case one.
    let head: String = text[..m.end()]
        .chars()
        .take_while(|c| !c.is_lowercase())
        .collect();
    (head.chars().filter(|c| c.is_uppercase()).count() >= 3 && m.end() < text.len())
        .then_some(m.end())
}

/// Is `pos` the first word of its sentence (after opening quotes and brackets)?
pub fn sentence_initial(text: &str, sentence_start: usize, pos: usize) -> bool {
    text.get(sentence_start..pos).is_some_and(|s| {
        s.chars()
            .all(|c| c.is_whitespace() || "\"“‘'([«—–-*_".contains(c))
    })
}

/// Each pattern's name and compiled regex (the form for English text), for the benchmark to
/// time (the core reads no clock).
#[doc(hidden)]
pub fn pattern_regexes() -> impl Iterator<Item = (&'static str, &'static regex::Regex)> {
    PATTERNS.iter().map(|p| (p.pattern.name, p.re("")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Sem)> {
        let sentences = crate::text::sentences(text);
        let mut out = Vec::new();
        recognize_text(text, &sentences, false, 0, &mut out);
        out.into_iter()
            .map(|f| (text[f.range].to_string(), f.sem))
            .collect()
    }

    fn spans(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(s, _)| s).collect()
    }

    /// A count with an adjective of extent, or "+", between it and its unit (round eight).
    #[test]
    fn counts_with_an_adjective_of_extent() {
        assert_eq!(
            spans("Stocks fell for six straight days."),
            ["six straight days"]
        );
        assert_eq!(
            spans("Profits rose for three consecutive years."),
            ["three consecutive years"]
        );
        assert_eq!(spans("The plant needs two more weeks."), ["two more weeks"]);
        assert_eq!(spans("She has led the lab for 30+ years."), ["30+ years"]);
        assert_eq!(spans("a 20-plus-year career"), ["20-plus-year"]);
        // After the dateline, the lede's first word opens its sentence.
        assert_eq!(
            spans("ROME (AP) — Earlier Friday, the premier resigned."),
            ["Friday"]
        );
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            spans("Friday, January 4, 2019"),
            ["Friday, January 4, 2019"]
        );
        assert_eq!(
            spans("It opened on 4 January 2019 in Kyiv."),
            ["4 January 2019"]
        );
        assert_eq!(spans("On Jan. 4 the House met."), ["Jan. 4"]);
        assert_eq!(spans("The law of 2019-01-04 applies."), ["2019-01-04"]);
        assert_eq!(
            spans("It closed in March 2018 and reopened in May."),
            ["March 2018", "May"]
        );
        assert_eq!(
            spans("Sales rose in the 1990s and in mid-2008."),
            ["the 1990s", "mid-2008"]
        );
        assert_eq!(spans("Built in the 19th century."), ["the 19th century"]);
    }

    #[test]
    fn names_are_not_dates() {
        for s in [
            "Theresa May said the deal was done.",
            "Prime Minister May met Juncker.",
            "He won Super Tuesday.",
            "She told USA Today the plan would work.",
            "He wrote for The Sunday Times.",
            "He was interviewed on Sunday Times Radio.",
            "He appeared on Monday Night Football.",
            "Now that the vote is over, talks begin.",
            "Every now and then, it rains.",
            "The March for Our Lives drew crowds.",
            "He said 2000 people came.",
            "It cost $2019.",
            "The Arab Spring changed the region.",
            "He was criticised by May and her cabinet.",
            "Flight 1549 landed in the Hudson.",
            "The score was 3:1 at half time.",
            "The 2,000 residents left.",
        ] {
            assert_eq!(spans(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn relative_and_deictic() {
        assert_eq!(spans("Pelosi yesterday resumed the office."), ["yesterday"]);
        assert_eq!(
            spans("He said on Tuesday that it would happen."),
            ["Tuesday"]
        );
        assert_eq!(
            spans("It happened last Tuesday night."),
            ["last Tuesday night"]
        );
        assert_eq!(
            spans("Earlier this year the firm said so."),
            ["Earlier this year"]
        );
        assert_eq!(spans("It rained two days ago."), ["two days ago"]);
        assert_eq!(
            spans("Over the past 13 years, prices rose."),
            ["the past 13 years"]
        );
        assert_eq!(
            spans("The vote will be held in three weeks."),
            ["three weeks"]
        );
        assert_eq!(spans("Today, the court ruled."), ["Today"]);
        assert_eq!(spans("He arrived this morning."), ["this morning"]);
        assert_eq!(spans("She left the next day."), ["the next day"]);
        assert_eq!(
            spans("Bolton resigned the next morning."),
            ["the next morning"]
        );
        assert_eq!(
            spans("Reporters asked him that same day."),
            ["that same day"]
        );
        assert_eq!(spans("The fire broke out that night."), ["that night"]);
        assert_eq!(spans("It rained last night."), ["last night"]);
        assert_eq!(spans("Today's vote passed."), ["Today"]);
        // A name after a weekday that a preposition of time introduces starts a new phrase.
        assert_eq!(
            spans("It was reported on Saturday Sirhan Sirhan was stabbed."),
            ["Saturday"]
        );
        assert_eq!(
            spans("This Wednesday Greek Foreign Minister George Katrougalos spoke."),
            ["This Wednesday"]
        );
        // Headline style: a weekday with no preposition.
        assert_eq!(spans("Earlier Friday, the minister resigned."), ["Friday"]);
        assert_eq!(spans("Also Friday, the army withdrew."), ["Friday"]);
        assert_eq!(
            spans("The ministry Saturday condemned the attack."),
            ["Saturday"]
        );
        assert_eq!(
            spans("The president spoke in the Rose Garden Wednesday."),
            ["Wednesday"]
        );
        // Habitual and attributive: a kind of day, not a date.
        assert_eq!(
            spans("The museum is open on Tuesday nights and Sunday opening hours were extended."),
            Vec::<String>::new()
        );
        // "Today" opening a quotation after a name is the speaker's day, not "Atlantic Today".
        assert_eq!(
            spans("Voter Kitty Mak told The Atlantic, \"Today we are trying.\""),
            ["Today"]
        );
    }

    #[test]
    fn vague_durations_and_times() {
        assert_eq!(spans("He recently said so."), ["recently"]);
        assert_eq!(
            spans("Seoul Mayor Park Won-soon said so."),
            Vec::<String>::new()
        );
        assert_eq!(spans("Prices rose in recent years."), ["recent years"]);
        assert_eq!(spans("We will know soon."), ["soon"]);
        assert_eq!(spans("As soon as it ends, we go."), Vec::<String>::new());
        assert_eq!(spans("He served a six-year term."), ["six-year"]);
        assert_eq!(spans("The 34-year-old man fled."), ["34-year-old"]);
        assert_eq!(
            spans("It starts at 10 a.m. local time."),
            ["10 a.m. local time"]
        );
        assert_eq!(spans("It is held every year."), ["every year"]);
        assert_eq!(spans("She has lived there for years."), ["years"]);
        assert_eq!(spans("The shop is now closed."), ["now"]);
        assert_eq!(spans("It costs $5 a day."), Vec::<String>::new());
    }

    #[test]
    fn quoted_words_do_not_set_the_tense() {
        assert!(!is_future(
            "“Nothing will change,” Pompeo told the press on Tuesday."
        ));
        assert!(is_future(
            "The storm was forecast to reach Florida on Wednesday."
        ));
        assert_eq!(
            found("Easter Island is today a barren place.")[0].1,
            Sem::Vague("PRESENT_REF")
        );
        assert_eq!(
            spans("The most recently available data."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for s in [
            "éFriday, January 4, 2019é",
            "ÉÉ last Tuesday night — 2019年 ½ “today”",
            "mid-é2019 early—2019 the day before— yesterday’s",
            "Ωn Friday, ωeek 3 days ago‘’ 10 a.m",
            "\u{a0}\u{a0}last Friday\u{a0}in\u{a0}March",
            "",
            "May",
            "2019-",
        ] {
            let _ = found(s);
        }
    }

    #[test]
    fn future_tense_is_detected() {
        let text = "The court will rule on Friday.";
        let sentences = crate::text::sentences(text);
        let mut out = Vec::new();
        recognize_text(text, &sentences, false, 0, &mut out);
        assert!(out[0].future);
    }

    /// Regression (found by tests/hostile.rs): a paragraph with thousands of time
    /// expressions was quadratic (every match scanned the sentences and the kept matches,
    /// and "Now" lowercased the rest of the paragraph).
    #[test]
    fn a_long_paragraph_stays_linear() {
        let text =
            "Now and then it rained on Monday, March 4, 2019, he said last week. ".repeat(5_000);
        // This thread's CPU time, which a loaded machine does not inflate.
        let took = crate::cpu_time::of(|| {
            let f = found(&text);
            assert!(f.len() >= 10_000, "{}", f.len());
        });
        assert!(took < std::time::Duration::from_secs(30), "{took:?}");
    }
}
