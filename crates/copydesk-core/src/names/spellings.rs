//! The draft's own spellings of each name part, clustered: a person's given name and
//! surname are counted separately over every place the draft writes them — full names
//! ("Pradeep Khosla"), surnames alone ("Khosla said") — whether or not the knowledge base
//! knows the person or the draft introduced them with a title. A spelling one edit away
//! from a spelling of the same part that the draft uses more often, or that the knowledge
//! base knows, is the minority spelling and likely a slip ("Joe Bidan" beside "Joe Biden",
//! "Clniton" beside "Hillary Clinton … Clinton").
//!
//! How names are written decides what counts:
//! - A full name is a run of two to four capitalised words (particles and initials inside),
//!   after any title ("Chief Minister Manohar Parrikar"); its first word is the given name,
//!   its last the surname. A run naming a thing (a street, a ministry), a place or
//!   organisation the knowledge base knows, or made of two everyday words ("Humane
//!   Society") is no name.
//! - A capitalised word alone is a surname use, unless it is an everyday word opening a
//!   sentence. Parts of hyphenated compounds ("Biden-Trump", "pro-Trump") are no spelling.
//! - Only a word no dictionary (British spellings included), given-name list or knowledge
//!   base knows can be the slip: "Jon" beside "John" is another person; so is "Olena Zelenska" beside "Volodymyr
//!   Zelensky" (two given names, two people), and "Ivanka" beside "Donald" Trump.
//!
//! Which spelling is right: the more frequent, else — equally frequent, both in full names —
//! the first full reference (the introduction), else the one the knowledge base knows. The
//! draft's evidence comes first: a spelling it uses more often than the knowledge base's is
//! never the slip. A surname written once in full and once alone, each way once, neither
//! known to the knowledge base, is left undecided: both places are flagged as inconsistent,
//! the fix offering the other.

use super::{draft_actors, lexicon, matcher::fold, matcher::TargetKind, Tok};
use super::{kb::Kb, kb::Kind, BlockNames, Names};
use crate::document::Document;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Where a word stands in a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Slot {
    Given,
    Surname,
}

/// A name word of one block, found from the block's text alone (cached per paragraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameWord {
    /// Token index in the block (`u32`: a block keeps a name word per name in it).
    pub tok: u32,
    pub slot: Slot,
    /// The other part's token, in a full name (the surname of a given name and back).
    pub partner: Option<u32>,
    /// An everyday word opening the sentence before a name ("Troy Roberts said", "Later
    /// Biden said"): a given name only if the draft gives the person a given name one edit
    /// from it or equal to it elsewhere. As a surname (no partner), an everyday word
    /// alone before a reporting verb ("Chandler said"): a surname only if a full name
    /// of the draft has that surname or one a slip away.
    pub opener: bool,
    /// Bytes of the token before the name word: an Arabic article joined by a hyphen
    /// ("al-Mansouri": the name is "Mansouri").
    pub skip: u8,
    /// A hyphenated surname standing alone ("Ocasio-Cortez said"): a spelling only if the
    /// draft writes it (or one a slip away) as the surname of a full name; else a compound
    /// ("the Biden-Trump debate").
    pub hyphen_alone: bool,
}

/// Words that never begin a person's name: articles, pronouns, conjunctions,
/// prepositions, auxiliaries and sentence adverbs, capitalised when they open a sentence
/// or a quotation.
const STOP: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "but",
    "or",
    "nor",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "as",
    "at",
    "in",
    "on",
    "of",
    "for",
    "to",
    "by",
    "with",
    "from",
    "after",
    "before",
    "since",
    "until",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "is",
    "was",
    "are",
    "were",
    "be",
    "has",
    "had",
    "have",
    "do",
    "did",
    "does",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "later",
    "then",
    "now",
    "also",
    "meanwhile",
    "however",
    "still",
    "there",
    "here",
    "where",
    "who",
    "what",
    "why",
    "how",
    "not",
    "no",
    "yes",
    "both",
    "each",
    "every",
    "all",
    "some",
    "many",
    "most",
    "said",
    "says",
    "according",
    "dear",
];

fn stop_word(w: &str) -> bool {
    in_list(STOP, w)
}

/// `w` is in a list of lowercase ASCII words, in any case (no allocation: asked of every
/// capitalised word).
fn in_list(list: &[&str], w: &str) -> bool {
    list.iter()
        .any(|x| x.len() == w.len() && x.eq_ignore_ascii_case(w))
}

/// A word of letters (apostrophes inside allowed) starting with a capital: what a name part
/// looks like. Hyphenated words and words with digits are not.
fn plain_capital(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
        && (word.chars().count() == 1 || word.chars().any(char::is_lowercase))
}

/// Arabic articles and "son of" written joined to a surname by a hyphen, as AP writes them
/// ("al-Mansouri", "el-Sayed"): the name is the part after the hyphen.
const JOINED_ARTICLES: &[&str] = &[
    "al", "el", "ad", "ash", "as", "an", "ar", "at", "az", "ibn", "bin",
];

/// Bytes of a token before its name word: the joined article of "al-Mansouri" (any case),
/// else 0.
fn joined_article(word: &str) -> usize {
    match word.split_once('-') {
        Some((a, rest)) if in_list(JOINED_ARTICLES, a) && plain_capital(rest) => a.len() + 1,
        _ => 0,
    }
}

/// A hyphenated given name opening a full name: two name parts, the first a listed given
/// name ("Jean-Luc", "Anne-Marie"), or the second in lowercase as romanised Korean given
/// names are written ("Ji-hoon", "Geun-hye"). Compounds of words ("Long-time", "Pro-Trump")
/// are not.
fn hyphen_given(word: &str) -> bool {
    let Some((a, b)) = word.split_once('-') else {
        return false;
    };
    let letters = |x: &str| x.chars().count() >= 2 && x.chars().all(char::is_alphabetic);
    if !letters(a) || !letters(b) || !plain_capital(a) || in_list(draft_actors::PARTICLES, a) {
        return false;
    }
    let lower_second = b.chars().next().is_some_and(char::is_lowercase);
    if lower_second {
        !lexicon::is_common_word(a)
            && !lexicon::is_common_word(b)
            && !lexicon::is_dictionary_word(a)
    } else {
        plain_capital(b) && lexicon::is_known_given_name(a) && !lexicon::is_common_word(a)
    }
}

/// A romanised Korean given name after its family name: two syllables of two to four
/// letters joined by a hyphen, the first capitalised, the second in lowercase ("Ji-hoon",
/// "Min-jun", "Jae-in"); syllables may be English words ("Min", "in"), but not an
/// English prefix opening a compound ("Co-op", "Re-run", "Pre-war") nor a word of three
/// letters or more closing one ("Ex-wife").
fn korean_given(word: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "co", "re", "pre", "non", "mid", "pro", "anti", "ex", "post", "sub", "self", "out", "off",
        "up", "all", "well", "half", "semi", "de", "un", "in", "on", "by", "pan", "neo", "top",
    ];
    word.split_once('-').is_some_and(|(a, b)| {
        let syllable = |x: &str| {
            (2..=4).contains(&x.chars().count())
                && x.chars().all(|c| c.is_ascii_alphabetic())
                && x.chars().any(|c| "aeiouy".contains(c.to_ascii_lowercase()))
        };
        syllable(a)
            && syllable(b)
            && plain_capital(a)
            && b.chars().all(|c| c.is_ascii_lowercase())
            && !in_list(PREFIXES, a)
            && !(b.chars().count() >= 3 && lexicon::is_common_word(b))
            && !lexicon::is_dictionary_word(word)
    })
}

/// A hyphenated surname's shape ("Ocasio-Cortez", "Smith-Kowalczyk", "Perez-Guerra"): two
/// capitalised name parts of two letters or more, not both everyday words ("Long-Term"),
/// no Arabic article (its own case, [`joined_article`]), no title or calendar word.
fn hyphen_surname_shape(word: &str) -> bool {
    let mut parts = word.split('-');
    let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let part = |x: &str| {
        x.chars().count() >= 2
            && plain_capital(x)
            && x.chars().any(char::is_lowercase)
            && !in_list(JOINED_ARTICLES, x)
            && !lexicon::is_calendar_word(x)
            && !draft_actors::is_title(x)
    };
    part(a) && part(b) && !(lexicon::is_common_word(a) && lexicon::is_common_word(b))
}

/// A given name and a hyphenated surname make a person's name ("Alexandria Ocasio-Cortez",
/// "Jaime Perez-Guerra"): the first word a listed given name or no everyday word, and not
/// a compound after a known person's name ("Donald Trump-Kim summit": the knowledge base
/// knows Donald Trump).
fn hyphen_full_name(kb: &Kb, given: &str, surname: &str) -> bool {
    let Some((first, _)) = surname.split_once('-') else {
        return false;
    };
    let known_pair = kb
        .matcher
        .lookup(&fold(&format!("{given} {first}")))
        .is_some_and(|p| {
            p.targets
                .iter()
                .any(|t| kb.actors[t.actor as usize].kind == Kind::Person)
        });
    given.chars().count() >= 2
        && (lexicon::is_known_given_name(given) || !lexicon::is_common_word(given))
        && !draft_actors::is_title(given)
        && !known_pair
}

/// Whether `word` could be a misspelled name: nothing any word list or the knowledge base
/// knows, three letters or more.
pub fn suspect(kb: &Kb, word: &str) -> bool {
    !listed_name(word) && unknown_but_listed(kb, word)
}

/// A given name or romanisation the name lists know ("Terri", "Baris"), or a name the
/// dictionary knows only capitalised ("Sean").
fn listed_name(word: &str) -> bool {
    lexicon::is_known_given_name(word)
        || lexicon::is_name_variant_form(word)
        || (lexicon::is_dictionary_word(word) && !lexicon::is_common_word(word))
}

/// A listed name that nothing else knows ("Baris" written for Boris): it can be a slip of
/// a name one letter away that no list knows, but only with more evidence than an unknown
/// word needs (the callers ask for it): it is as often somebody's name. Two listed names
/// are two names (Jon, John; Mohamed, Mohammed).
fn listed_only(kb: &Kb, word: &str) -> bool {
    listed_name(word) && unknown_but_listed(kb, word)
}

/// Nothing but the name lists may know the word (the dictionary only as a proper name,
/// "Sandra").
fn unknown_but_listed(kb: &Kb, word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !lexicon::is_common_word(word)
        && !lexicon::is_british_spelling(word)
        && !lexicon::is_calendar_word(word)
        && !draft_actors::is_title(word)
        && !kb.matcher.lookup(&fold(word)).is_some_and(|p| {
            p.targets
                .iter()
                .any(|t| !matches!(t.kind, TargetKind::Misspelling { .. }))
        })
}

/// The name words of one block: given names and surnames of full names, and capitalised
/// words standing alone. `hits` are the knowledge-base hits of the block.
pub fn name_words(
    kb: &Kb,
    text: &str,
    toks: &[Tok],
    hits: &[super::matcher::Hit],
) -> Vec<NameWord> {
    // Each token's name word: the token, without a joined Arabic article ("al-Mansouri").
    let skip: Vec<usize> = toks
        .iter()
        .map(|t| joined_article(&text[t.range()]))
        .collect();
    let word = |k: usize| &text[toks[k].start() + skip[k]..toks[k].end()];
    let name_word = |tok: usize, slot: Slot, partner: Option<usize>, opener: bool| NameWord {
        tok: tok as u32,
        slot,
        partner: partner.map(|p| p as u32),
        opener,
        skip: u8::try_from(skip[tok]).unwrap_or(0),
        hyphen_alone: false,
    };
    // Tokens inside a knowledge-base place or organisation ("New Delhi", "Notre-Dame").
    let mut thing = vec![false; toks.len()];
    for h in hits {
        let pat = &kb.matcher.patterns[h.pattern as usize];
        let person = pat
            .targets
            .iter()
            .any(|t| kb.actors[t.actor as usize].kind == Kind::Person);
        if person {
            continue;
        }
        let first = toks.partition_point(|t| t.full_end() <= h.range.start);
        for (k, t) in toks.iter().enumerate().skip(first) {
            if t.start() >= h.range.end {
                break;
            }
            thing[k] = true;
        }
    }
    let particle = |k: usize| in_list(draft_actors::PARTICLES, word(k));
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // A hyphenated given name opens a full name ("Jean-Luc Moreaux"), never stands alone.
        let hyphenated = hyphen_given(word(i))
            && i + 1 < toks.len()
            && super::joined_by_space(text, &toks[i], &toks[i + 1])
            && plain_capital(word(i + 1));
        if !plain_capital(word(i)) && !hyphenated {
            // A hyphenated surname alone ("Ocasio-Cortez said"), or a compound ("the
            // Biden-Trump debate"): the draft's full names tell which (`cluster`).
            if hyphen_surname_shape(word(i)) && !thing[i] {
                out.push(NameWord {
                    hyphen_alone: true,
                    ..name_word(i, Slot::Surname, None, false)
                });
            }
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < toks.len()
            && super::joined_by_space(text, &toks[j - 1], &toks[j])
            && (plain_capital(word(j)) || particle(j))
        {
            j += 1;
        }
        // A hyphenated surname may end the name ("Alexandria Ocasio-Cortez"), when nothing
        // capitalised follows it (decided below, once the given name is known).
        let joined = |a: usize, b: usize| super::joined_by_space(text, &toks[a], &toks[b]);
        let hy = (j < toks.len()
            && joined(j - 1, j)
            && hyphen_surname_shape(word(j))
            && !thing[j]
            && !(j + 1 < toks.len()
                && joined(j, j + 1)
                && (plain_capital(word(j + 1)) || particle(j + 1))))
        .then_some(j);
        let run = i..j;
        i = j;
        // After the last title; without function words or an everyday word opening the
        // sentence (kept aside: it may be a given name).
        let mut start = run.start;
        let mut opener = None;
        let mut after_thing = false;
        for k in run.clone() {
            let w = word(k);
            // A thing's name before a person's ("House Intelligence Committee
            // Representative Adam Schiff"): the person's name follows it.
            // (Last in the run, such a word is dealt with below: "Doris Day".)
            // A listed given name opening the name is the person's ("Bill Hallorann",
            // "Senator Bill Hallorann"), not a bill's.
            let thing_word = k + 1 < run.end
                && in_list(draft_actors::NOT_PERSON, w)
                && !(k == start && !after_thing && lexicon::is_known_given_name(w));
            after_thing |= thing_word;
            if draft_actors::is_title(w)
                || plural_title(w)
                || thing_word
                || (k == start && stop_word(w))
            {
                start = k + 1;
                opener = None;
            } else if k == start
                && toks[k].sent_start()
                && lexicon::is_common_word(w)
                && !lexicon::is_known_given_name(w)
            {
                start = k + 1;
                opener = Some(k);
            }
        }
        let mut end = run.end;
        while end > start && particle(end - 1) {
            end -= 1;
        }
        // A capitalised particle opening a sentence or a headline is the surname's ("Von
        // der Leyen said": the surname alone); one that is a given name opens a name ("Al
        // Jorden").
        // A particle before another ("Von der", "Van den") is one even when it is also a
        // given name.
        while start < end
            && particle(start)
            && (!lexicon::is_known_given_name(word(start))
                || (start + 1 < end && particle(start + 1)))
        {
            start += 1;
        }
        if start >= end {
            // A Korean name opening the sentence, its family name an everyday word ("Park
            // Min-jun said", "Moon Jae-in arrived").
            if let Some(o) = opener.filter(|&o| {
                run.len() == 1
                    && (2..=5).contains(&word(o).chars().count())
                    && o + 1 < toks.len()
                    && super::joined_by_space(text, &toks[o], &toks[o + 1])
                    && korean_given(word(o + 1))
            }) {
                out.push(name_word(o, Slot::Surname, Some(o + 1), false));
                out.push(name_word(o + 1, Slot::Given, Some(o), false));
                continue;
            }
            // A surname that is also an everyday word opening a sentence before a
            // reporting verb ("Chandler said"): a surname use only where the draft writes
            // it, or one a slip away, as the surname of a full name (`cluster`).
            if let Some(o) = opener.filter(|&o| {
                run.len() == 1
                    && word(o).chars().count() >= 4
                    && o + 1 < toks.len()
                    && draft_actors::is_reporting(word(o + 1))
                    && super::joined_by_space(text, &toks[o], &toks[o + 1])
            }) {
                out.push(name_word(o, Slot::Surname, None, true));
            }
            continue;
        }
        // The hyphenated word is this person's surname: one unit, after a given name.
        let hy = hy
            .filter(|&h| end == h && h - start <= 3 && hyphen_full_name(kb, word(start), word(h)));
        if let Some(h) = hy {
            end = h + 1;
            i = h + 1;
        }
        // A place, an organisation or a date before a person's name ("Ambassador to
        // Germany Richard Grenell", "Mayor of Springfield Piotr Nowak", "On Monday Anna
        // Kessler said"): the name starts after it.
        if let Some(k) = name_after_prefix(text, toks, start..end, &thing) {
            start = k;
        }
        let words = start..end;
        if words
            .clone()
            .any(|k| thing[k] || lexicon::is_calendar_word(word(k)))
        {
            continue;
        }
        // A thing's name ("Memorial Day", "Ryder Cup"), or a person's whose surname is such
        // a word ("Doris Day"): a listed given name and that word are a person's name;
        // another first word is a given name only if the draft gives that surname a given
        // name one edit from it or equal to it elsewhere, as for a sentence opener.
        let pair = end - start == 2;
        if in_list(draft_actors::NOT_PERSON, word(end - 1))
            && !(pair
                && lexicon::is_known_given_name(word(start))
                && !lexicon::is_common_word(word(start)))
        {
            if pair && word(start).chars().count() >= 3 {
                out.push(name_word(start, Slot::Given, Some(end - 1), true));
            }
            continue;
        }
        let n = words.len();
        if n == 1 {
            let k = words.start;
            // A hyphenated given name is no surname.
            if word(k).contains('-') {
                continue;
            }
            // A Korean name, family name first ("Kim Ji-hoon", "Coach Park Min-jun"): a short
            // family name before a romanised given name of two syllables joined by a hyphen,
            // the second in lowercase.
            if opener.is_none()
                && k + 1 == run.end
                && (2..=5).contains(&word(k).chars().count())
                && k + 1 < toks.len()
                && super::joined_by_space(text, &toks[k], &toks[k + 1])
                && korean_given(word(k + 1))
            {
                out.push(name_word(k, Slot::Surname, Some(k + 1), false));
                out.push(name_word(k + 1, Slot::Given, Some(k), false));
                continue;
            }
            if let Some(o) = opener.filter(|_| word(k).chars().count() >= 3) {
                out.push(name_word(o, Slot::Given, Some(k), true));
            }
            if word(k).chars().count() >= 3 {
                out.push(name_word(k, Slot::Surname, None, false));
            }
            continue;
        }
        if n > 4 {
            continue;
        }
        let s = end - 1;
        // Two everyday words are a thing's name ("Humane Society"), not a person's; nor is
        // a run that ends in a given name without starting with one ("Hagia Sophia").
        let g = words.start;
        let common = |k: usize| lexicon::is_common_word(word(k));
        let given_name = |k: usize| lexicon::is_known_given_name(word(k));
        if (common(g) && common(s) && !given_name(g)) || (given_name(s) && !given_name(g)) {
            continue;
        }
        // Every word before the surname is a given name (first and middle names alike);
        // initials and particles are not spellings.
        // A particle opening the name that is a listed given name is the given name ("Al
        // Jorden").
        let givens: Vec<usize> = (g..s)
            .filter(|&k| {
                word(k).chars().count() > 1
                    && (!particle(k) || (k == g && lexicon::is_known_given_name(word(k))))
            })
            .collect();
        if word(s).contains('-') && hy != Some(s) {
            continue;
        }
        for &k in &givens {
            out.push(name_word(k, Slot::Given, Some(s), false));
        }
        // Initials alone before the surname make a full name too ("J. R. Tolliver").
        let partner = givens
            .first()
            .copied()
            .or_else(|| (g..s).find(|&k| word(k).chars().count() == 1));
        out.push(name_word(s, Slot::Surname, partner, false));
    }
    coordinated_given_names(text, toks, &mut out);
    out
}

/// A plural title before the names it applies to ("Senators Jane Roe and John Doe",
/// "Drs. Anna Kessler and Tom Birkett"): the title's word with an "s" (or "ies" for "y").
fn plural_title(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.ends_with("ss") {
        return false;
    }
    if let Some(stem) = w.strip_suffix("ies") {
        return draft_actors::is_title(&format!("{stem}y"));
    }
    w.strip_suffix('s')
        .is_some_and(|stem| stem.len() >= 2 && draft_actors::is_title(stem))
}

/// Where a person's name starts in a capitalised run that opens with something else: the
/// token after a knowledge-base place or organisation or a calendar word ("Germany
/// Richard Grenell", "Monday Anna Kessler"), or, right after a title and "of", "to" or
/// "for" ("Mayor of Springfield Piotr Nowak", "Ambassador to the UN"), after the
/// jurisdiction the title names. The name must be two words at least, the first a listed
/// given name no everyday word is; else (jurisdiction only) the last two of a run of three.
fn name_after_prefix(
    text: &str,
    toks: &[Tok],
    words: Range<usize>,
    thing: &[bool],
) -> Option<usize> {
    let word = |k: usize| &text[toks[k].range()];
    let given = |k: usize| {
        (lexicon::is_known_given_name(word(k)) || lexicon::is_name_variant_form(word(k)))
            && !lexicon::is_common_word(word(k))
    };
    let prefix = |k: usize| thing[k] || lexicon::is_calendar_word(word(k));
    let start = words.start;
    // Leading thing or date words, then a given name.
    let mut k = start;
    while k < words.end && prefix(k) {
        k += 1;
    }
    if k > start && k + 2 <= words.end && given(k) && (k..words.end).all(|x| !prefix(x)) {
        return Some(k);
    }
    // The jurisdiction of a title: "Mayor of Springfield …".
    let jurisdiction = start >= 2
        && matches!(word(start - 1), "of" | "to" | "for")
        && (draft_actors::is_title(word(start - 2)) || plural_title(word(start - 2)))
        && toks[start].start() >= toks[start - 1].end()
        && text[toks[start - 1].end()..toks[start].start()] == *" ";
    if !jurisdiction || words.len() < 3 {
        return None;
    }
    if let Some(g) = (start + 1..words.end - 1).find(|&x| given(x)) {
        return Some(g);
    }
    (words.len() == 3).then_some(start + 1)
}

/// "David and Louise Turpin", "Cherie and Sean O'Donnell": a given name standing alone
/// before "and" and a full name shares that name's surname. Only a listed given name is
/// taken so ("Smith and Jane Doe" is two people).
fn coordinated_given_names(text: &str, toks: &[Tok], out: &mut [NameWord]) {
    let word = |k: usize| &text[toks[k].range()];
    for i in 0..out.len() {
        let w = &out[i];
        if w.slot != Slot::Surname || w.partner.is_some() || w.opener {
            continue;
        }
        let k = w.tok as usize;
        if k + 2 >= toks.len()
            || toks[k].full_end() != toks[k].end()
            || !lexicon::is_known_given_name(word(k))
            || word(k + 1) != "and"
            || &text[toks[k].end()..toks[k + 1].start()] != " "
            || &text[toks[k + 1].end()..toks[k + 2].start()] != " "
        {
            continue;
        }
        // The next name word is the given name of a full name right after "and".
        let Some(surname) = out[i + 1..]
            .iter()
            .find(|n| n.tok as usize == k + 2 && n.slot == Slot::Given && !n.opener)
            .and_then(|n| n.partner)
        else {
            continue;
        };
        out[i].slot = Slot::Given;
        out[i].partner = Some(surname);
    }
}

/// How the right spelling was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// The draft uses each spelling as often and its first reference does not decide; the
    /// knowledge base knows the other spelling.
    Kb,
    /// The draft uses the other spelling more often.
    Frequency,
    /// As often each, both in full names: the first full reference's spelling.
    FirstReference,
    /// As often each, and nothing else decides: flagged on both sides, undecided.
    Tie,
    /// Written once, in a full name whose surname is a knowledge-base person's, one edit
    /// from that person's given name, which the draft never writes ("Maark Warner").
    KbPerson,
    /// Written once, nothing else in the draft to compare it with: two swapped inner
    /// letters of a common given name the name lists know ("Jhon Smith"), or one dropped
    /// or doubled letter of one, spelled as no listed name is ("Davd Smith"). A guess.
    GivenNameList,
    /// "The Dunnes" for the family of a Dunn the draft names: a surname takes "-es" only
    /// after a hiss (s, x, z, ch, sh), so this is the plural of another name.
    FamilyPlural,
    /// A romanised family name written once, never introduced, one letter from the family
    /// name of a person the draft introduces in full and names again ("Zhou Wei … Zhou …
    /// Zhuo said"), both listed romanisations: maybe another person. A guess.
    Romanisation,
}

/// One place where the draft writes a name part its own way, and the spelling the rest
/// of the draft uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Respelling {
    /// Source range of the word.
    pub range: Range<usize>,
    pub word: String,
    pub expected: String,
    pub slot: Slot,
    pub decided: Decided,
    /// The knowledge base spells the part the expected way too.
    pub kb_agrees: bool,
    /// How often the draft writes this part each way.
    pub word_count: usize,
    pub expected_count: usize,
    /// Where the draft first writes the expected spelling.
    pub expected_at: Range<usize>,
    /// The first full reference writes the flagged spelling (position and frequency
    /// disagree: the fix offers both).
    pub against_first_reference: bool,
    /// The person, as the draft names them in full with the expected spelling (or the
    /// expected spelling alone).
    pub person: String,
    /// Every place the draft writes this part this way (for "fix all").
    pub all: Vec<Range<usize>>,
    /// Every place the draft writes it the expected way.
    pub expected_all: Vec<Range<usize>>,
}

/// The clustered spellings of a draft.
#[derive(Debug, Default)]
pub struct Spellings {
    pub respellings: Vec<Respelling>,
    /// Given names written once that the draft cannot check against itself, two swapped
    /// letters from a common given name ([`Decided::GivenNameList`]): "did you mean".
    pub guesses: Vec<Respelling>,
    /// Folded spellings chosen as right over a minority spelling, and those that were the
    /// minority or tied.
    right: HashSet<String>,
    wrong: HashSet<String>,
}

impl Spellings {
    /// Whether another name check's finding — `word` flagged as a misspelling of
    /// `expected` at `range` — contradicts the draft's own spellings: the word is one the
    /// draft uses most (or as often), the expected one is a minority spelling, or the place
    /// already has a respelling.
    pub fn contradicts(&self, word: &str, expected: &str, range: &Range<usize>) -> bool {
        self.right.contains(&fold(word))
            || self.wrong.contains(&fold(expected))
            || self.respellings.iter().any(|r| {
                // A knowledge-base person's given name guessed from the surname alone
                // yields to the knowledge base's own finding there.
                r.decided != Decided::KbPerson
                    && r.range.start < range.end
                    && range.start < r.range.end
            })
    }
}

/// One use of a name word in the draft.
struct Use<'a> {
    range: Range<usize>,
    written: &'a str,
    folded: String,
    slot: Slot,
    /// Folded partner (surname of a given name, given name of a surname).
    partner: Option<String>,
    partner_written: Option<&'a str>,
    /// The full name as written, from its first given name to its surname ("Osama bin
    /// Laden"), for a word of a full name.
    name_written: Option<&'a str>,
    /// The knowledge-base person whose mention this word is in.
    kb_person: Option<u32>,
    /// In a full name.
    full: bool,
    /// Inside a mention of a person (knowledge-base or learned).
    person_mention: bool,
    opener: bool,
    /// Index of the other part's use, in a full name.
    partner_use: Option<usize>,
    /// A hyphenated word alone ([`NameWord::hyphen_alone`]).
    hyphen_alone: bool,
    /// Read as a family or a plural: after "the", "both", a number ("the Clements family",
    /// "both Clintons"), or with a plural's apostrophe ("the Clements’ home").
    plural_cue: bool,
    /// A surname alone right after a title or honorific ("Mr. Tarrow", "Dr. Kessler",
    /// "Secretary Wolfowitz"): a person's name, even if never written in full.
    titled: bool,
    /// The block and the sentence in it.
    sentence: (usize, usize),
}

/// The uses of one spelling in one slot.
#[derive(Default)]
struct Cluster {
    uses: Vec<usize>,
    first_full: Option<usize>,
    person: bool,
}

/// Cluster every name word of the draft and find the minority spellings.
pub fn cluster(doc: &Document, names: &Names, config: &super::NamesConfig) -> Spellings {
    let kb = &names.kb;
    let mut uses: Vec<Use> = Vec::new();
    for (bi, bn) in names.blocks.iter().enumerate() {
        let block = &doc.blocks[bi];
        let text = block.text.as_str();
        // Every word of the block makes one use, in order.
        let base = uses.len();
        for w in bn.words.iter() {
            let tok = &bn.toks.at(w.tok as usize);
            let at = tok.start() + usize::from(w.skip)..tok.end();
            let written = &text[at.clone()];
            let partner = w.partner.map(|p| &text[bn.toks.at(p as usize).range()]);
            // From the first given name to the surname, whichever word this is.
            let ends = match w.slot {
                // (A Korean name has its family name first: "Park Seo-yeon".)
                Slot::Surname => w
                    .partner
                    .map(|g| (g.min(w.tok) as usize, g.max(w.tok) as usize)),
                Slot::Given => w.partner.and_then(|s| {
                    bn.words
                        .iter()
                        .find(|x| x.tok == s && x.slot == Slot::Surname)
                        .map(|x| {
                            let first = x.partner.unwrap_or(w.tok).min(w.tok).min(s);
                            (first as usize, s.max(w.tok) as usize)
                        })
                }),
            };
            let name_written = ends.filter(|_| !w.opener).and_then(|(a, b)| {
                text.get(bn.toks.at(a).start()..bn.toks.at(b).end())
                    .filter(|s| !s.contains('\n') && !s.contains(" and "))
            });
            let partner_use = w.partner.and_then(|p| {
                let slot = match w.slot {
                    Slot::Given => Slot::Surname,
                    Slot::Surname => Slot::Given,
                };
                bn.words
                    .iter()
                    .position(|x| x.tok == p && x.slot == slot)
                    .map(|k| base + k)
            });
            let prev = w
                .tok
                .checked_sub(1)
                .map(|p| &text[bn.toks.at(p as usize).range()]);
            let after = &text[tok.full_end()..];
            let plural_cue = prev.is_some_and(|p| in_list(PLURAL_CUES, p))
                || (tok.full_end() == tok.end()
                    && (after.starts_with('’') || after.starts_with('\''))
                    && written.ends_with('s'));
            let titled = w.slot == Slot::Surname
                && w.partner.is_none()
                && !w.opener
                && prev.is_some_and(|p| draft_actors::is_title(p) || plural_title(p));
            let sentence = doc
                .sentences
                .get(bi)
                .map_or(0, |ss| ss.partition_point(|s| s.end <= tok.start()));
            uses.push(Use {
                sentence: (bi, sentence),
                hyphen_alone: w.hyphen_alone,
                plural_cue,
                titled,
                range: block.source_range(at),
                partner_use,
                written,
                folded: fold(written),
                slot: w.slot,
                partner: partner.map(fold),
                partner_written: partner,
                name_written,
                kb_person: kb_person_at(names, bn, w.tok as usize),
                full: w.partner.is_some() && !w.opener,
                person_mention: in_person_mention(names, bn, w.tok as usize),
                opener: w.opener,
            });
        }
    }
    let mut out = Spellings::default();
    // A word standing alone that the draft uses as the given name of one person, and never
    // as anybody's surname in a full name, is that person's given name used alone ("Terri
    // Collins … Terri said"), as features write it.
    let bare_given: Vec<(usize, String)> = {
        let mut surnames_of: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut full_surnames: HashSet<&str> = HashSet::new();
        for u in &uses {
            // A middle word ("Ana Lucía Mendoza Ferrer") is no given name a word alone
            // could be: alone it is the first of two surnames, or a middle name.
            let middle = u.name_written.is_some_and(|n| !n.starts_with(u.written));
            match (u.slot, &u.partner) {
                (Slot::Given, Some(s)) if !u.opener && !middle => {
                    let v = surnames_of.entry(u.folded.as_str()).or_default();
                    if !v.contains(&s.as_str()) {
                        v.push(s.as_str());
                    }
                }
                (Slot::Surname, Some(_)) => {
                    full_surnames.insert(u.folded.as_str());
                }
                _ => {}
            }
        }
        // The given names one edit from a word, found without comparing it with each.
        let given_index = DeleteIndex::new(surnames_of.keys().copied());
        uses.iter()
            .enumerate()
            .filter(|(_, u)| u.slot == Slot::Surname && u.partner.is_none() && !u.opener)
            .filter(|(_, u)| !full_surnames.contains(u.folded.as_str()))
            // A listed given name, or a name the dictionary knows only capitalised ("Sean"):
            // a middle name or a second surname standing alone ("Pedro Pierluisi Urrutia …
            // Pierluisi said") is the person's surname.
            .filter(|(_, u)| {
                lexicon::is_known_given_name(u.written)
                    || (lexicon::is_dictionary_word(u.written)
                        && !lexicon::is_common_word(u.written))
            })
            .filter_map(|(i, u)| match surnames_of.get(u.folded.as_str()) {
                Some(v) => match v.as_slice() {
                    [s] => Some((i, s.to_string())),
                    _ => None,
                },
                // Nobody's given name in full: the given name of the one full name whose
                // given name no list knows and is one edit from it ("Teerri Collins …
                // Terri said"), a slip in the full name or in the word alone.
                None => {
                    if lexicon::is_common_word(u.written) {
                        return None;
                    }
                    let mut near = given_index.near(&u.folded).into_iter().filter(|g| {
                        (one_edit(g, &u.folded) || one_edit(&u.folded, g)) && suspect(kb, g)
                    });
                    match (near.next(), near.next()) {
                        (Some(g), None) => match surnames_of.get(g).map(Vec::as_slice) {
                            Some([s]) => Some((i, s.to_string())),
                            _ => None,
                        },
                        _ => None,
                    }
                }
            })
            .collect()
    };
    for (i, s) in bare_given {
        uses[i].slot = Slot::Given;
        uses[i].partner = Some(s);
    }
    family_name_first(&mut uses);
    // Given names each surname stands with (not counting sentence openers).
    let mut given_of: HashMap<&str, Vec<&str>> = HashMap::new();
    for u in uses.iter().filter(|u| u.slot == Slot::Given && !u.opener) {
        if let Some(s) = &u.partner {
            let v = given_of.entry(s.as_str()).or_default();
            if !v.contains(&u.folded.as_str()) {
                v.push(u.folded.as_str());
            }
        }
    }
    // A sentence opener is a given name when the draft gives the person that given name,
    // or one a slip away, elsewhere ("Troy Roberts said" and "official Troy Roberts").
    let opener_is_given = |u: &Use| {
        u.partner.as_deref().is_some_and(|s| {
            given_of.get(s).is_some_and(|gs| {
                gs.iter()
                    .any(|g| *g == u.folded || one_edit(g, &u.folded) || one_edit(&u.folded, g))
            })
        })
    };
    let used_as_given: HashSet<&str> = given_of.values().flatten().copied().collect();
    // A hyphenated word alone is a surname only where the draft writes it, or one a slip
    // away, as the surname of a full name ("Alexandria Ocasio-Cortez … Ocasio-Cortes said");
    // otherwise a compound ("the Biden-Trump debate", "Franco-German").
    let hyphen_full: HashSet<&str> = uses
        .iter()
        .filter(|u| u.slot == Slot::Surname && u.full && u.written.contains('-'))
        .map(|u| u.folded.as_str())
        .collect();
    // An everyday word opening a sentence before a reporting verb ("Chandler said") is a
    // surname only where a full name has that surname, or one a slip away.
    let full_surnames: HashSet<&str> = uses
        .iter()
        .filter(|u| u.slot == Slot::Surname && u.full)
        .map(|u| u.folded.as_str())
        .collect();
    let opener_is_surname = |u: &Use| {
        full_surnames
            .iter()
            .any(|f| *f == u.folded || one_edit(f, &u.folded) || one_edit(&u.folded, f))
    };
    let keep: Vec<bool> = uses
        .iter()
        .map(|u| {
            (!u.hyphen_alone
                || hyphen_full
                    .iter()
                    .any(|f| *f == u.folded || one_edit(f, &u.folded) || one_edit(&u.folded, f)))
                && (!u.opener
                    || match u.slot {
                        Slot::Given => opener_is_given(u),
                        Slot::Surname => opener_is_surname(u),
                    })
        })
        .collect();
    // A middle word of a full name the draft also writes alone, as it is or a slip away, is
    // the first of two surnames ("Ana Lucía Mendoza Ferrer … Mendoza said", as Spanish
    // names are written): a surname use too, in full.
    let bare_surnames: HashSet<&str> = uses
        .iter()
        .enumerate()
        .filter(|&(i, u)| {
            keep[i] && u.slot == Slot::Surname && u.partner.is_none() && !u.hyphen_alone
        })
        .map(|(_, u)| u.folded.as_str())
        .collect();
    let second_surname = |u: &Use| {
        u.slot == Slot::Given
            && u.full
            && u.partner.is_some()
            && u.written.chars().count() >= 4
            && u.name_written.is_some_and(|n| !n.starts_with(u.written))
            && bare_surnames
                .iter()
                .any(|b| *b == u.folded || one_edit(b, &u.folded) || one_edit(&u.folded, b))
    };
    // Surnames: every use, in full names and alone.
    let mut surnames: HashMap<&str, Cluster> = HashMap::new();
    // Given names, by the surname they stand with.
    let mut givens: HashMap<(&str, &str), Cluster> = HashMap::new();
    for (i, u) in uses.iter().enumerate() {
        if !keep[i] {
            continue;
        }
        let full = u.full || (u.opener && u.slot == Slot::Given);
        let c = match (u.slot, &u.partner) {
            (Slot::Surname, _) => surnames.entry(u.folded.as_str()).or_default(),
            (Slot::Given, Some(s)) => givens.entry((s.as_str(), u.folded.as_str())).or_default(),
            (Slot::Given, None) => continue,
        };
        c.uses.push(i);
        c.person |= full || u.person_mention || u.titled;
        if full && c.first_full.is_none() {
            c.first_full = Some(u.range.start);
        }
        if second_surname(u) {
            let c = surnames.entry(u.folded.as_str()).or_default();
            c.uses.push(i);
            c.person = true;
            c.first_full.get_or_insert(u.range.start);
        }
    }
    let kb_knows = |folded: &str, slot: Slot| {
        kb.matcher.lookup(folded).is_some_and(|p| {
            p.targets.iter().any(|t| {
                let a = &kb.actors[t.actor as usize];
                let TargetKind::Part { part, .. } = t.kind else {
                    return false;
                };
                a.kind == Kind::Person
                    && (a.surname_part() == Some(part as usize)) == (slot == Slot::Surname)
            })
        })
    };

    // Surnames: each suspect spelling against the spellings one edit away.
    let index = DeleteIndex::new(surnames.keys().copied().filter(|s| s.chars().count() >= 4));
    let mut pairs: Vec<(&str, &str, Slot, Option<&str>)> = Vec::new();
    let mut guessed: Vec<(&str, &str)> = Vec::new();
    for (&w, cw) in &surnames {
        let n = w.chars().count();
        if n < 3 {
            continue;
        }
        // A three-letter word alone ("Muk") is a slip only of a surname written in full.
        let short_bare = n < 4 && cw.first_full.is_none();
        let near = index.near(w);
        // Asked only of words with a neighbour: most names have none.
        if near.is_empty() {
            continue;
        }
        let written = uses[cw.uses[0]].written;
        let listed = if suspect(kb, written) {
            false
        } else if listed_only(kb, written) && !used_as_given.contains(w) {
            true
        } else {
            continue;
        };
        let gw = given_of.get(w).map_or(&[][..], Vec::as_slice);
        let mut best: Option<(&str, usize)> = None;
        let mut ambiguous = false;
        let mut romanised: Vec<&str> = Vec::new();
        for v in near {
            let cv = &surnames[v];
            // A final "s" added or dropped ("Tony Clement … Clements"): a slip of one person's
            // surname, not a family or a plural ("the Clements", "both Clintons") — never with
            // a plural's cue, and one of the two in a full name.
            let final_s = final_s_pair(w, v)
                && !cw.uses.iter().chain(&cv.uses).any(|&i| uses[i].plural_cue)
                && (cw.first_full.is_some() || cv.first_full.is_some())
                && !lexicon::is_known_given_name(written)
                && !lexicon::is_name_variant_form(written);
            // Somebody's surname: in a full name or a person's mention, here or there.
            if !(cv.person || cw.first_full.is_some()) || !(one_edit(w, v) || final_s) {
                continue;
            }
            // Two given names, two people: Olena Zelenska is not a misspelled Zelensky.
            let gv = given_of.get(v).map_or(&[][..], Vec::as_slice);
            let family_slip = gv.len() >= 2 && lone_inner_slip(w, v, cw.uses.len(), cv.uses.len());
            let shares = gw.iter().any(|a| gv.iter().any(|b| same_given(a, b)));
            if !gw.is_empty() && !gv.is_empty() && !shares && !family_slip {
                continue;
            }
            // Two people named together, unless a relative of a family the draft names
            // often ("Anderson Cooper and his father Wyatt Coper").
            if !family_slip && named_together(&uses, cw, cv) {
                continue;
            }
            // Once here, in full and more often there.
            let outnumbered = cv.first_full.is_some() && cv.uses.len() >= 2 && cw.uses.len() == 1;
            if short_bare && !outnumbered {
                continue;
            }
            // Two romanisations one letter apart (Zhou, Zhuo): two family names, unless the
            // one written once was never introduced — alone, nobody's name in full, or in full
            // with the other's given name — and the other is introduced in full and written
            // again. Even then it may be another person: a guess ("did you mean").
            if listed
                && !final_s
                && lexicon::is_name_variant_form(written)
                && lexicon::is_name_variant_form(v)
                && cw.uses.len() == 1
                && cv.uses.len() >= 2
                && cv.first_full.is_some()
                && uses[cw.uses[0]].kb_person.is_none()
                && !uses[cw.uses[0]].person_mention
                && (shares || gw.is_empty())
            {
                romanised.push(v);
                continue;
            }
            // A listed name as a surname ("Andrzej Doda" beside "Andrzej Duda"): only beside
            // the same given name. Alone it is as likely somebody called by a given name, or
            // a place. A final "s" of a surname the dictionary lists ("Clements") is a slip
            // like any other.
            if listed && !final_s && !mac_and_mc(w, v) && (listed_name(v) || !shares) {
                continue;
            }
            match best {
                Some((_, k)) if k > cv.uses.len() => {}
                Some((_, k)) if k == cv.uses.len() => ambiguous = true,
                _ => {
                    best = Some((v, cv.uses.len()));
                    ambiguous = false;
                }
            }
        }
        if let (Some((v, _)), false) = (best, ambiguous) {
            pairs.push((w, v, Slot::Surname, None));
        } else if let ([v], None) = (romanised.as_slice(), best) {
            guessed.push((w, v));
        }
    }
    for (w, v) in guessed {
        let (cw, cv) = (&surnames[w], &surnames[v]);
        let u = &uses[cw.uses[0]];
        let expected = most_written(&uses, &cv.uses);
        let person = cv
            .uses
            .iter()
            .find_map(|&i| uses[i].name_written.filter(|_| uses[i].full))
            .map_or_else(|| expected.clone(), str::to_string);
        out.guesses.push(Respelling {
            range: u.range.clone(),
            word: u.written.to_string(),
            expected,
            slot: Slot::Surname,
            decided: Decided::Romanisation,
            kb_agrees: false,
            word_count: 1,
            expected_count: cv.uses.len(),
            expected_at: uses[cv.uses[0]].range.clone(),
            against_first_reference: false,
            person,
            all: vec![u.range.clone()],
            expected_all: cv.uses.iter().map(|&i| uses[i].range.clone()).collect(),
        });
    }
    // Given names: against the other given names of the same surname.
    let mut by_surname: HashMap<&str, Vec<(&str, &Cluster)>> = HashMap::new();
    for (&(s, g), c) in &givens {
        by_surname.entry(s).or_default().push((g, c));
    }
    for (&(s, w), cw) in &givens {
        if w.chars().count() < 3 {
            continue;
        }
        let others = by_surname.get(s).map_or(&[][..], Vec::as_slice);
        if !others.iter().any(|&(v, _)| one_edit(w, v)) {
            continue;
        }
        let written = uses[cw.uses[0]].written;
        // A listed given name written once ("Baris Dubrovsky" beside "Boris Dubrovsky").
        let listed = if suspect(kb, written) {
            false
        } else if listed_only(kb, written) && cw.uses.len() == 1 {
            true
        } else {
            continue;
        };
        let mut best: Option<(&str, usize)> = None;
        let mut ambiguous = false;
        for &(v, cv) in others {
            if v == w || v.chars().count() < 4 || !one_edit(w, v) {
                continue;
            }
            if lexicon::are_nicknames(w, v) || named_together(&uses, cw, cv) {
                continue;
            }
            // A listed name is a slip of a name no list knows, inside the name, written
            // more often.
            if listed && (listed_name(v) || !same_tail(w, v) || cv.uses.len() < 2) {
                continue;
            }
            match best {
                Some((_, k)) if k > cv.uses.len() => {}
                Some((_, k)) if k == cv.uses.len() => ambiguous = true,
                _ => {
                    best = Some((v, cv.uses.len()));
                    ambiguous = false;
                }
            }
        }
        if let (Some((v, _)), false) = (best, ambiguous) {
            pairs.push((w, v, Slot::Given, Some(s)));
        }
    }
    // One name part of one person written in two romanisations ("Ji-hoon" and "Ji-hun",
    // "Aliyev" and "Aliev", "Mikhail" and "Mihail"): the transliteration rules by which
    // one name is written two ways in English copy ([`transliteration_key`]) make them one
    // spelling, however many letters apart. Only for one person: a surname both spellings
    // of which are somebody's in a full name or a person's mention, never with two given
    // names of their own, never two people named together; a given name beside one surname.
    // Never two spellings the knowledge base knows both (its variant groups decide those),
    // nicknames, everyday words or family plurals.
    {
        let have: HashSet<(&str, &str, Option<&str>)> =
            pairs.iter().map(|&(w, v, _, s)| (w, v, s)).collect();
        let mut found: Vec<(&str, &str, Slot, Option<&str>)> = Vec::new();
        let plain = |c: &Cluster| {
            c.uses.iter().all(|&i| {
                !uses[i].plural_cue
                    && !uses[i].hyphen_alone
                    && !lexicon::is_common_word(uses[i].written)
            })
        };
        let mut by_key: HashMap<String, Vec<&str>> = HashMap::new();
        for (&w, c) in &surnames {
            if w.chars().count() >= 4 && c.person {
                by_key.entry(transliteration_key(w)).or_default().push(w);
            }
        }
        for group in by_key.values().filter(|g| g.len() >= 2) {
            for &w in group {
                for &v in group {
                    let (cw, cv) = (&surnames[w], &surnames[v]);
                    if w == v
                        || have.contains(&(w, v, None))
                        || (cw.first_full.is_none() && cv.first_full.is_none())
                        || (kb_knows(w, Slot::Surname) && kb_knows(v, Slot::Surname))
                        || !plain(cw)
                        || !plain(cv)
                        || named_together(&uses, cw, cv)
                    {
                        continue;
                    }
                    let gw = given_of.get(w).map_or(&[][..], Vec::as_slice);
                    let gv = given_of.get(v).map_or(&[][..], Vec::as_slice);
                    if !gw.is_empty()
                        && !gv.is_empty()
                        && !gw.iter().any(|a| gv.iter().any(|b| same_given(a, b)))
                    {
                        continue;
                    }
                    found.push((w, v, Slot::Surname, None));
                }
            }
        }
        for (&s, others) in &by_surname {
            let mut by_key: HashMap<String, Vec<(&str, &Cluster)>> = HashMap::new();
            for &(g, c) in others {
                if g.chars().count() >= 4 {
                    by_key
                        .entry(transliteration_key(g))
                        .or_default()
                        .push((g, c));
                }
            }
            for group in by_key.values().filter(|g| g.len() >= 2) {
                for &(w, cw) in group {
                    for &(v, cv) in group {
                        if w == v
                            || have.contains(&(w, v, Some(s)))
                            || (kb_knows(w, Slot::Given) && kb_knows(v, Slot::Given))
                            || lexicon::are_nicknames(w, v)
                            || !plain(cw)
                            || !plain(cv)
                            || named_together(&uses, cw, cv)
                        {
                            continue;
                        }
                        found.push((w, v, Slot::Given, Some(s)));
                    }
                }
            }
        }
        pairs.extend(found);
    }
    // A given name the draft writes once, beside no other spelling of it, that nothing
    // knows and that two swapped inner letters make of a common given name ("Jhon Smith"):
    // a guess, for a person the draft cannot be checked against.
    for (&(s, w), cw) in &givens {
        let [i] = cw.uses[..] else {
            continue;
        };
        let u = &uses[i];
        if u.opener
            || !u.full
            || by_surname.get(s).is_some_and(|v| v.len() > 1)
            || uses.iter().filter(|x| x.folded == w).count() > 1
            || !suspect(kb, u.written)
        {
            continue;
        }
        // The knowledge base's person of that surname, one edit from it.
        if let Some((v, a)) = kb_given_near(kb, s, w) {
            let v = if u.written.chars().all(|c| !c.is_lowercase()) {
                v.to_uppercase()
            } else {
                v
            };
            out.respellings.push(Respelling {
                range: u.range.clone(),
                word: u.written.to_string(),
                expected: v.clone(),
                slot: Slot::Given,
                decided: Decided::KbPerson,
                kb_agrees: true,
                word_count: 1,
                expected_count: 0,
                expected_at: u.range.clone(),
                against_first_reference: false,
                person: kb.actors[a as usize].name.clone(),
                all: vec![u.range.clone()],
                expected_all: Vec::new(),
            });
            out.wrong.insert(w.to_string());
            continue;
        }
        let Some(v) = lexicon::swapped_common_given_name(u.written)
            .or_else(|| lexicon::slipped_common_given_name(u.written))
        else {
            continue;
        };
        let person = match u.name_written {
            Some(n) if n.starts_with(u.written) => format!("{v}{}", &n[u.written.len()..]),
            _ => u
                .partner_written
                .map_or_else(|| v.clone(), |p| format!("{v} {p}")),
        };
        out.guesses.push(Respelling {
            range: u.range.clone(),
            word: u.written.to_string(),
            expected: v,
            slot: Slot::Given,
            decided: Decided::GivenNameList,
            kb_agrees: false,
            word_count: 1,
            expected_count: 0,
            expected_at: u.range.clone(),
            against_first_reference: false,
            person,
            all: vec![u.range.clone()],
            expected_all: Vec::new(),
        });
    }
    out.guesses.sort_by_key(|r| r.range.start);
    pairs.sort();
    let paired: HashSet<(&str, &str, Option<&str>)> =
        pairs.iter().map(|&(w, v, _, s)| (w, v, s)).collect();
    for (w, v, slot, s) in pairs {
        let (cw, cv) = match s {
            Some(s) => (&givens[&(s, w)], &givens[&(s, v)]),
            None => (&surnames[w], &surnames[v]),
        };
        let (nw, nv) = (cw.uses.len(), cv.uses.len());
        // The draft's own evidence first (it is what the reader sees); the knowledge base
        // decides only what the draft leaves open, and never against a spelling the draft
        // uses more: "Comey" written three times is not a misspelling of "Comer".
        let kb_agrees = kb_knows(v, slot);
        let decided = if nv > nw {
            Decided::Frequency
        } else if nv < nw {
            continue;
        } else {
            match (cw.first_full, cv.first_full) {
                (Some(a), Some(b)) if b < a => Decided::FirstReference,
                _ if kb_agrees => Decided::Kb,
                // Both in full, this one first: the other is the slip of the first
                // reference, if it can be one; else (a dictionary word: "Timothy D. Coak …
                // Tim Cook") undecided.
                (Some(_), Some(_)) if paired.contains(&(v, w, s)) => continue,
                _ => Decided::Tie,
            }
        };
        let expected_use = &uses[cv.uses[0]];
        // The house spelling of a knowledge-base name, else the spelling as the draft
        // writes it most.
        let expected =
            house(names, config, v, slot).unwrap_or_else(|| most_written(&uses, &cv.uses));
        // The person: the knowledge base's name for them, else their full name as the draft
        // writes it (particles and middle names kept: "Osama bin Laden"), in the expected
        // spelling.
        let kb_name = cv
            .uses
            .iter()
            .find_map(|&i| uses[i].kb_person)
            .map(|a| kb.actors[a as usize].name.clone());
        let person = kb_name.unwrap_or_else(|| {
            cv.uses
                .iter()
                .map(|&i| &uses[i])
                .find(|u| u.full)
                .map(|u| match (u.slot, u.name_written, u.partner_written) {
                    (Slot::Surname, Some(n), _) if n.ends_with(u.written) => {
                        format!("{}{expected}", &n[..n.len() - u.written.len()])
                    }
                    // Family name first ("Zhou Xiaolin").
                    (Slot::Surname, Some(n), _) if n.starts_with(u.written) => {
                        format!("{expected}{}", &n[u.written.len()..])
                    }
                    (Slot::Given, Some(n), _) if n.starts_with(u.written) => {
                        format!("{expected}{}", &n[u.written.len()..])
                    }
                    // The first of two surnames ("Ana Lucía Mendoza Ferrer").
                    (Slot::Given, Some(n), _) if n.contains(u.written) => {
                        n.replacen(u.written, &expected, 1)
                    }
                    (Slot::Surname, _, Some(g)) => format!("{g} {expected}"),
                    (Slot::Given, _, Some(s)) => format!("{expected} {s}"),
                    _ => expected.clone(),
                })
                .unwrap_or_else(|| expected.clone())
        });
        let against = decided != Decided::Tie
            && cw
                .first_full
                .is_some_and(|a| cv.first_full.is_none_or(|b| a < b));
        let all: Vec<Range<usize>> = cw.uses.iter().map(|&i| uses[i].range.clone()).collect();
        let expected_all: Vec<Range<usize>> =
            cv.uses.iter().map(|&i| uses[i].range.clone()).collect();
        for &i in &cw.uses {
            let u = &uses[i];
            out.respellings.push(Respelling {
                range: u.range.clone(),
                word: u.written.to_string(),
                expected: expected.clone(),
                slot,
                decided,
                kb_agrees,
                word_count: nw,
                expected_count: nv,
                expected_at: expected_use.range.clone(),
                against_first_reference: against,
                person: person.clone(),
                all: all.clone(),
                expected_all: expected_all.clone(),
            });
        }
        out.right.insert(v.to_string());
        out.wrong.insert(w.to_string());
    }
    family_plurals(kb, &uses, &surnames, &mut out);
    // One part written with its accents and without them (or with others): the same
    // folded spelling, so one cluster, but the reader sees two spellings.
    let headings: Vec<usize> = doc.headings.iter().map(|h| h.block).collect();
    let clusters = surnames
        .values()
        .map(|c| (Slot::Surname, c))
        .chain(givens.values().map(|c| (Slot::Given, c)));
    for (slot, c) in clusters {
        marks_slip(kb, &uses, c, slot, &headings, &mut out);
    }
    out.respellings.sort_by_key(|r| r.range.start);
    out.respellings.dedup_by(|a, b| a.range == b.range);
    out
}

/// One name as romanisations write it: a folded spelling without its hyphens and spaces,
/// with "dzh" as "j", "kh" as "h", "ph" as "f", "oo" and "ou" as "u", "ee" as "i", a "y"
/// after the first letter as "i", a final "-off" as "-ov", and each doubled letter once.
/// Two spellings with one key are one name written by two transliteration habits
/// ("Ji-hoon", "Jihun"; "Aliyev", "Aliev"; "Mikhail", "Mihail"; "Smirnoff", "Smirnov"),
/// whereas other names stay apart (Jon, John; Jan, Ian; Olsen, Olson).
pub fn transliteration_key(folded: &str) -> String {
    let mut s: String = folded.chars().filter(|c| c.is_alphanumeric()).collect();
    if let Some(stem) = s.strip_suffix("off") {
        s = format!("{stem}ov");
    }
    for (from, to) in [
        ("dzh", "j"),
        ("kh", "h"),
        ("ph", "f"),
        ("oo", "u"),
        ("ou", "u"),
        ("ee", "i"),
    ] {
        if s.contains(from) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        let c = if i > 0 && c == 'y' { 'i' } else { c };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Two spellings of one name by two transliteration habits ("Ji-hoon", "Ji-hun"; "Yousef",
/// "Youssef"): more than one slip apart, or both accepted romanisations the name lists
/// know. Another romanisation, not a typing slip.
pub fn romanisations_apart(a: &str, b: &str) -> bool {
    let (fa, fb) = (fold(a), fold(b));
    fa != fb
        && transliteration_key(&fa) == transliteration_key(&fb)
        && ((!one_edit(&fa, &fb) && !one_edit(&fb, &fa))
            || (lexicon::is_name_variant_form(a) && lexicon::is_name_variant_form(b)))
}

/// One spelling is the other with "Mac" for "Mc" ("MacPherson", "McPherson"): the same
/// name written two ways, which a draft mixes for one person only by a slip.
fn mac_and_mc(w: &str, v: &str) -> bool {
    let pair = |x: &str, y: &str| {
        x.strip_prefix("mac")
            .is_some_and(|rest| rest.len() >= 3 && y.strip_prefix("mc") == Some(rest))
    };
    pair(w, v) || pair(v, w)
}

/// A family plural with "-es" of a surname that takes "-s" ("the Dunnes" for the family
/// of Gary Dunn and Linda Dunn): the draft writes the surname in full, never the name the
/// plural belongs to ("Dunne"), and the surname ends in no hiss.
fn family_plurals(kb: &Kb, uses: &[Use], surnames: &HashMap<&str, Cluster>, out: &mut Spellings) {
    let hiss = |s: &str| s.ends_with(['s', 'x', 'z']) || s.ends_with("ch") || s.ends_with("sh");
    for (&w, cw) in surnames {
        let Some(stem) = w.strip_suffix("es") else {
            continue;
        };
        let Some(cs) = surnames.get(stem) else {
            continue;
        };
        if stem.chars().count() < 3
            || hiss(stem)
            || cs.first_full.is_none()
            || surnames.contains_key(&w[..w.len() - 1])
        {
            continue;
        }
        let expected_stem = most_written(uses, &cs.uses);
        let person = cs
            .uses
            .iter()
            .find_map(|&i| uses[i].name_written.filter(|_| uses[i].full))
            .map_or_else(|| expected_stem.clone(), str::to_string);
        let plurals: Vec<usize> = cw
            .uses
            .iter()
            .copied()
            .filter(|&i| uses[i].plural_cue && unknown_but_listed(kb, uses[i].written))
            .collect();
        let all: Vec<Range<usize>> = plurals.iter().map(|&i| uses[i].range.clone()).collect();
        for &i in &plurals {
            let u = &uses[i];
            let expected = if u.written.chars().all(|c| !c.is_lowercase()) {
                format!("{expected_stem}S").to_uppercase()
            } else {
                format!("{expected_stem}s")
            };
            out.respellings.push(Respelling {
                range: u.range.clone(),
                word: u.written.to_string(),
                expected,
                slot: Slot::Surname,
                decided: Decided::FamilyPlural,
                kb_agrees: false,
                word_count: plurals.len(),
                expected_count: cs.uses.len(),
                expected_at: uses[cs.uses[0]].range.clone(),
                against_first_reference: false,
                person: person.clone(),
                all: all.clone(),
                expected_all: Vec::new(),
            });
        }
    }
}

/// A name part the draft writes two ways that differ only in their accents ("Erdoğan …
/// Erdogan", "Hùng … Hưng", "João … Joao"): the way written less often is the slip; as
/// often each, the first full reference's way in the body: a headline, often written
/// without accents, does not decide a tie, but follows the body when the body decides it
/// ("Jaroslaw Kaczynski" over a story that writes "Jarosław Kaczyński"). A writer who drops
/// accents throughout is left alone (house styles differ); only the mix is flagged.
fn marks_slip(
    kb: &Kb,
    uses: &[Use],
    c: &Cluster,
    slot: Slot,
    headings: &[usize],
    out: &mut Spellings,
) {
    if !c.person || c.uses.len() < 2 {
        return;
    }
    // Each written form (case aside): its uses and where it is first written in full.
    let mut forms: Vec<(String, Vec<usize>, Option<usize>)> = Vec::new();
    // After "the" ("the Nestlé factory", "the Müllers") a name is a thing's or a family's,
    // which may keep accents the person does not.
    for &i in c.uses.iter().filter(|&&i| !uses[i].plural_cue) {
        let u = &uses[i];
        let form = u.written.to_lowercase();
        let k = match forms.iter().position(|f| f.0 == form) {
            Some(k) => k,
            None => {
                forms.push((form, Vec::new(), None));
                forms.len() - 1
            }
        };
        forms[k].1.push(i);
        if u.full && forms[k].2.is_none() && !headings.contains(&u.sentence.0) {
            forms[k].2 = Some(u.range.start);
        }
    }
    let [a, b] = &forms[..] else {
        return;
    };
    if !differ_in_marks_only(&a.0, &b.0) {
        return;
    }
    let (right, wrong, decided) = match a.1.len().cmp(&b.1.len()) {
        std::cmp::Ordering::Greater => (a, b, Decided::Frequency),
        std::cmp::Ordering::Less => (b, a, Decided::Frequency),
        std::cmp::Ordering::Equal => {
            let headline_only = |f: &(String, Vec<usize>, Option<usize>)| {
                f.1.iter().all(|&i| headings.contains(&uses[i].sentence.0))
            };
            match (a.2, b.2) {
                (Some(x), Some(y)) if x < y => (a, b, Decided::FirstReference),
                (Some(x), Some(y)) if y < x => (b, a, Decided::FirstReference),
                (Some(_), None) if headline_only(b) => (a, b, Decided::FirstReference),
                (None, Some(_)) if headline_only(a) => (b, a, Decided::FirstReference),
                _ => return,
            }
        }
    };
    let expected = most_written(uses, &right.1);
    let person = right
        .1
        .iter()
        .find_map(|&i| uses[i].kb_person)
        .map(|a| kb.actors[a as usize].name.clone())
        .or_else(|| {
            right
                .1
                .iter()
                .find_map(|&i| uses[i].name_written.filter(|_| uses[i].full))
                .map(str::to_string)
        })
        .unwrap_or_else(|| expected.clone());
    let all: Vec<Range<usize>> = wrong.1.iter().map(|&i| uses[i].range.clone()).collect();
    let expected_all: Vec<Range<usize>> = right.1.iter().map(|&i| uses[i].range.clone()).collect();
    for &i in &wrong.1 {
        let u = &uses[i];
        out.respellings.push(Respelling {
            range: u.range.clone(),
            word: u.written.to_string(),
            expected: expected.clone(),
            slot,
            decided,
            kb_agrees: false,
            word_count: wrong.1.len(),
            expected_count: right.1.len(),
            expected_at: uses[right.1[0]].range.clone(),
            against_first_reference: false,
            person: person.clone(),
            all: all.clone(),
            expected_all: expected_all.clone(),
        });
    }
}

/// Two spellings of one length whose differing letters are all letters, one of each pair
/// marked (the caller knows they fold alike): accents, not apostrophes or hyphens.
fn differ_in_marks_only(a: &str, b: &str) -> bool {
    a.chars().count() == b.chars().count()
        && a != b
        && a.chars().zip(b.chars()).all(|(x, y)| {
            x == y || (x.is_alphabetic() && y.is_alphabetic() && !(x.is_ascii() && y.is_ascii()))
        })
}

/// Both spellings written in full names in one sentence: two people introduced together
/// ("Tomas Brogan and his cousin Tomasz Brogan", "coach Jon Erikson … referee Jan
/// Eriksen"). A writer does not name one person twice in a sentence, once misspelled.
fn named_together(uses: &[Use], a: &Cluster, b: &Cluster) -> bool {
    a.uses.iter().any(|&i| {
        uses[i].full
            && b.uses
                .iter()
                .any(|&j| uses[j].full && uses[j].sentence == uses[i].sentence)
    })
}

/// The given name of the one knowledge-base person whose surname is `surname` (folded)
/// and whose given name (its first word) is one edit from `given` (folded), with that
/// person; none when two spellings are.
fn kb_given_near(kb: &Kb, surname: &str, given: &str) -> Option<(String, u32)> {
    // People of that surname: those it names alone, and those it names only with a given
    // name (a surname that is also a word, "Warner", "Jones").
    let mut people: Vec<u32> = kb
        .matcher
        .lookup(surname)
        .into_iter()
        .flat_map(|p| p.targets.iter())
        .filter(|t| matches!(t.kind, TargetKind::Part { .. }))
        .map(|t| t.actor)
        .collect();
    if let Some(first) = surname.chars().next() {
        people.extend(
            kb.near()
                .surnames
                .get(&first)
                .into_iter()
                .flatten()
                .filter(|e| e.folded == surname)
                .map(|e| e.actor),
        );
    }
    people.sort_unstable();
    people.dedup();
    let mut found: Option<(String, u32)> = None;
    for actor in people {
        let a = &kb.actors[actor as usize];
        let Some(part) = a.surname_part().filter(|_| a.kind == Kind::Person) else {
            continue;
        };
        if !a.parts[part].variants.iter().any(|v| fold(v) == surname) {
            continue;
        }
        for gp in a.parts.iter().take(part).filter(|g| g.part == "given") {
            for v in &gp.variants {
                let Some(first) = v.split(' ').next() else {
                    continue;
                };
                let f = fold(first);
                if f.chars().count() < 3 || !(one_edit(given, &f) || one_edit(&f, given)) {
                    continue;
                }
                match &found {
                    Some((x, _)) if fold(x) != f => return None,
                    Some(_) => {}
                    None => found = Some((first.to_string(), actor)),
                }
            }
        }
    }
    found
}

/// Names written family name first, as Chinese, Korean and Vietnamese names are in English
/// news ("Zhou Xiaolin … Zhou said"): a full name whose first word the draft also writes
/// alone, and whose last word it never does. The first word is the surname there (and the
/// last the given name), so the surname alone meets it. A listed given name alone is a
/// person called by a given name ("Terri Collins … Terri said"), not this.
fn family_name_first(uses: &mut [Use]) {
    let alone = |u: &Use| u.slot == Slot::Surname && u.partner.is_none() && !u.opener;
    let bare: HashSet<String> = uses
        .iter()
        .filter(|u| alone(u))
        .map(|u| u.folded.clone())
        .collect();
    // Given names each surname has, and surnames each given name has.
    let mut givens_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    let mut surnames_of: HashMap<&str, HashSet<&str>> = HashMap::new();
    for u in uses.iter() {
        if let (Slot::Given, Some(s), false) = (u.slot, &u.partner, u.opener) {
            givens_of
                .entry(s.as_str())
                .or_default()
                .insert(u.folded.as_str());
            surnames_of
                .entry(u.folded.as_str())
                .or_default()
                .insert(s.as_str());
        }
    }
    let flip: Vec<(usize, usize)> = uses
        .iter()
        .enumerate()
        .filter_map(|(i, u)| {
            let j = u.partner_use?;
            let s = u.partner.as_deref()?;
            let ok = u.slot == Slot::Given
                && !u.opener
                && bare.contains(&u.folded)
                && !bare.contains(s)
                && !lexicon::is_known_given_name(u.written)
                && !lexicon::is_dictionary_word(u.written)
                && u.written.chars().count() >= 3
                && givens_of.get(s).is_some_and(|g| g.len() == 1)
                && surnames_of
                    .get(u.folded.as_str())
                    .is_some_and(|g| g.len() == 1);
            ok.then_some((i, j))
        })
        .collect();
    for (i, j) in flip {
        let (g, s) = (uses[i].folded.clone(), uses[j].folded.clone());
        let (gw, sw) = (uses[i].written, uses[j].written);
        uses[i].slot = Slot::Surname;
        uses[i].partner = Some(s);
        uses[i].partner_written = Some(sw);
        uses[j].slot = Slot::Given;
        uses[j].partner = Some(g);
        uses[j].partner_written = Some(gw);
    }
}

/// The house spelling (`[names] prefer`) of the knowledge-base name part `folded` is a
/// spelling of.
fn house(names: &Names, config: &super::NamesConfig, folded: &str, slot: Slot) -> Option<String> {
    if config.prefer.is_empty() {
        return None;
    }
    let kb = &names.kb;
    kb.matcher.lookup(folded)?.targets.iter().find_map(|t| {
        let TargetKind::Part { part, .. } = t.kind else {
            return None;
        };
        let a = &kb.actors[t.actor as usize];
        if a.kind != Kind::Person
            || (a.surname_part() == Some(part as usize)) != (slot == Slot::Surname)
        {
            return None;
        }
        let h = names.house_variant(config, t.actor, part as usize)?;
        Some(a.parts[part as usize].variants[h].clone())
    })
}

/// The knowledge-base person whose mention the token is in.
fn kb_person_at(names: &Names, bn: &BlockNames, tok: usize) -> Option<u32> {
    let mi = bn.tok_mention.get(tok).get()?;
    match names.mentions[mi as usize].actor {
        super::ActorRef::Kb(a) if names.kb.actors[a as usize].kind == Kind::Person => Some(a),
        _ => None,
    }
}

/// Whether the token is inside a mention of a person.
fn in_person_mention(names: &Names, bn: &BlockNames, tok: usize) -> bool {
    bn.tok_mention
        .get(tok)
        .get()
        .is_some_and(|mi| names.is_person(names.mentions[mi as usize].actor))
}

/// The written form used most among `uses` (first used first on a tie).
fn most_written(uses: &[Use], of: &[usize]) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for &i in of {
        let w = uses[i].written;
        match counts.iter_mut().find(|(s, _)| *s == w) {
            Some((_, n)) => *n += 1,
            None => counts.push((w, 1)),
        }
    }
    counts
        .iter()
        .enumerate()
        .max_by_key(|(k, (_, n))| (*n, usize::MAX - k))
        .map(|(_, (s, _))| s.to_string())
        .unwrap_or_default()
}

/// A surname written once, with a given name of its own, one edit inside a surname the
/// draft writes three times or more for a family of two people or more ("author Wyatt
/// Coopper" among Anderson and Carter Cooper): a slip in a relative's name, not another
/// family. (The caller asks for the family.) An edit in the last two letters
/// is a name's other form ("Olena Zelenska" beside Zelensky, Petrova beside Petrov), and
/// short surnames are left alone.
fn lone_inner_slip(w: &str, v: &str, nw: usize, nv: usize) -> bool {
    nw == 1 && nv >= 3 && v.chars().count() >= 5 && same_tail(w, v)
}

/// One spelling is the other with a final "s" ("Clements", "Clement"), the shorter of four
/// letters or more.
fn final_s_pair(w: &str, v: &str) -> bool {
    let pair = |x: &str, y: &str| x.strip_suffix('s') == Some(y) && y.chars().count() >= 4;
    pair(w, v) || pair(v, w)
}

/// Words before a surname that make it a family or a plural ("the Clements", "both
/// Clintons", "two Smiths").
const PLURAL_CUES: &[&str] = &[
    "the", "both", "two", "three", "four", "all", "several", "many", "other", "these", "those",
];

/// The same last two letters: the edit is inside the name, not in an ending that makes
/// another name or form (Zelensky, Zelenska; Mario, Marin).
fn same_tail(w: &str, v: &str) -> bool {
    w.chars().rev().take(2).eq(v.chars().rev().take(2))
}

/// Two given names of one person: the same, nicknames, or one edit apart.
fn same_given(a: &str, b: &str) -> bool {
    a == b || lexicon::are_nicknames(a, b) || one_edit(a, b) || one_edit(b, a)
}

/// Exactly one edit (insertion, deletion, substitution or swap of neighbours) between two
/// folded spellings, keeping the first letter (or swapping the first two), and not a
/// plural or possessive of the other.
pub fn one_edit(w: &str, v: &str) -> bool {
    if w == v {
        return false;
    }
    let (mut a, mut b) = (w.chars(), v.chars());
    let (a0, a1, b0, b1) = (a.next(), a.next(), b.next(), b.next());
    if a0 != b0 && !(a0 == b1 && a1 == b0) {
        return false;
    }
    // A name ending in a hiss takes "-es" for its plural: "Galloiss" is no plural of Gallois.
    let hiss = |y: &str| y.ends_with(['s', 'x', 'z']);
    for (x, y) in [(w, v), (v, w)] {
        if x.strip_suffix('s').is_some_and(|x| x == y && !hiss(y))
            || x.strip_suffix("es") == Some(y)
            || x.strip_suffix("'s") == Some(y)
        {
            return false;
        }
    }
    super::distance::within(w, v, 1) == Some(1)
}

/// Spellings by the strings one deletion (or none) makes of them: two spellings one edit
/// apart share one (a swap too: drop either swapped letter). Finds the neighbours of a
/// word among hundreds of names without comparing it with each.
/// Keys are hashes of those strings (made without allocating them); a shared hash is only
/// a lead, which [`one_edit`] then checks.
struct DeleteIndex<'a> {
    keys: HashMap<u64, Vec<&'a str>>,
}

impl<'a> DeleteIndex<'a> {
    fn new(spellings: impl Iterator<Item = &'a str>) -> Self {
        let mut keys: HashMap<u64, Vec<&'a str>> = HashMap::new();
        for s in spellings {
            for k in deletions(s) {
                let v = keys.entry(k).or_default();
                if !v.contains(&s) {
                    v.push(s);
                }
            }
        }
        DeleteIndex { keys }
    }

    /// Spellings that may be one edit from `w` (to be checked), without `w`, each once.
    fn near(&self, w: &str) -> Vec<&'a str> {
        let mut out: Vec<&'a str> = deletions(w)
            .filter_map(|k| self.keys.get(&k))
            .flatten()
            .copied()
            .filter(|&s| s != w)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Hashes of the word itself and of every string one deletion makes of it.
fn deletions(s: &str) -> impl Iterator<Item = u64> + '_ {
    use std::hash::{Hash, Hasher};
    let n = s.chars().count();
    // `n` stands for "nothing deleted".
    (0..=n).map(move |skip| {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for (i, c) in s.chars().enumerate() {
            if i != skip {
                c.hash(&mut h);
            }
        }
        // The length tells the word itself from a deletion of a longer word.
        (n - usize::from(skip < n)).hash(&mut h);
        h.finish()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn house_style_spells_a_knowledge_base_name() {
        let mut config = crate::Config::default();
        config.names.prefer.push("Zelenskiy".into());
        let doc = Document::parse("Volodymyr Zelensky spoke. Zelenksy left.");
        let names = super::super::analyse(&doc, &config.names);
        let r: Vec<(&str, &str)> = names
            .spellings
            .respellings
            .iter()
            .map(|r| (r.word.as_str(), r.expected.as_str()))
            .collect();
        assert_eq!(r, [("Zelenksy", "Zelenskiy")]);
    }

    fn respellings(text: &str) -> Vec<(String, String, Decided)> {
        let doc = Document::parse(text);
        let names = super::super::analyse(&doc, &crate::Config::default().names);
        names
            .spellings
            .respellings
            .iter()
            .map(|r| (r.word.clone(), r.expected.clone(), r.decided))
            .collect()
    }

    fn pairs(v: &[(&str, &str, Decided)]) -> Vec<(String, String, Decided)> {
        v.iter()
            .map(|(a, b, d)| (a.to_string(), b.to_string(), *d))
            .collect()
    }

    #[test]
    fn two_romanisations_of_one_persons_name_part_are_one_spelling() {
        use Decided::*;
        // A given name two letters apart by another transliteration, beside one surname.
        assert_eq!(
            respellings(
                "Oleksandr Bondarchuk won. Oleksandr Bondarchuk left. Coach Tarvo said Olexandr Bondarchuk rested."
            ),
            Vec::new(),
            "x/ks is not one of the transliteration rules: left alone"
        );
        assert_eq!(
            respellings(
                "Dzhamal Orbeliani won the race. Dzhamal Orbeliani left. Coach Tarvo said Jamal Orbeliani rested."
            ),
            pairs(&[("Jamal", "Dzhamal", Frequency)])
        );
        // A surname: "-yev" and "-ev", "kh" and "h", for one person.
        assert_eq!(
            respellings("Timur Sarkhanov won. Sarkhanov left. Timur Sarhanov rested."),
            pairs(&[("Sarhanov", "Sarkhanov", Frequency)])
        );
        assert_eq!(
            respellings("Ruslan Grigoryev won. Grigoryev left. Ruslan Grigoriiev rested."),
            pairs(&[("Grigoriiev", "Grigoryev", Frequency)])
        );
        // Near misses: two people with other given names; two people named together;
        // another name (Jon, John).
        assert_eq!(
            respellings("Ruslan Grigoryev won. Irina Grigoriiev lost. Grigoryev left."),
            Vec::new()
        );
        assert_eq!(
            respellings("Dzhamal Orbeliani and Jamal Orbeliani, cousins, won. Orbeliani left."),
            Vec::new()
        );
    }

    #[test]
    fn transliteration_keys_join_romanisations_and_keep_other_names_apart() {
        let k = |w: &str| transliteration_key(&fold(w));
        assert_eq!(k("Ji-hoon"), k("Jihun"));
        assert_eq!(k("Aliyev"), k("Aliev"));
        assert_eq!(k("Smirnoff"), k("Smirnov"));
        assert_eq!(k("Youssef"), k("Yousef"));
        assert_ne!(k("Jon"), k("John"));
        assert_ne!(k("Jan"), k("Ian"));
        assert_ne!(k("Olsen"), k("Olson"));
        assert!(romanisations_apart("Ji-hoon", "Ji-hun"));
        assert!(!romanisations_apart("Rasmusen", "Rasmussen"));
    }

    #[test]
    fn a_korean_name_written_family_name_first_is_one_full_name() {
        use Decided::*;
        assert_eq!(
            respellings("Kim Seo-jun won gold. Kim Seo-jun said it was hard. Coach Lee said Kim Seo-joon rested."),
            pairs(&[("Seo-joon", "Seo-jun", Frequency)])
        );
        // Family name first at a sentence start, the family name an everyday word.
        assert_eq!(
            respellings("Song Ha-eun won gold. Song said it was hard. Sonq, 28, rested."),
            pairs(&[("Sonq", "Song", Frequency)])
        );
        assert!(korean_given("Min-jun") && korean_given("Jae-in"));
        // Compounds are not given names.
        assert!(!korean_given("Co-op") && !korean_given("Ex-wife") && !korean_given("Pre-war"));
        assert_eq!(
            respellings("Big Co-op stores opened. Tom Ex-wife left. Coach Ex-wife said."),
            Vec::new()
        );
    }

    #[test]
    fn a_misspelled_part_beside_the_right_other_part_is_the_same_person() {
        use Decided::*;
        assert_eq!(
            respellings("Joe Biden spoke. Later Joe Bidan spoke again."),
            pairs(&[("Bidan", "Biden", FirstReference)])
        );
        assert_eq!(
            respellings("Hillary Clinton spoke. Hillarry Clinton left. Clinton waved."),
            pairs(&[("Hillarry", "Hillary", FirstReference)])
        );
        assert_eq!(
            respellings("Hillary Clinton spoke. Clinton left. Clniton returned."),
            pairs(&[("Clniton", "Clinton", Frequency)])
        );
    }

    #[test]
    fn a_name_written_with_and_without_its_accents_is_one_slip() {
        use Decided::*;
        // Invented people: the accent dropped (or changed) once, beside the accented name.
        assert_eq!(
            respellings("Mayor Dörte Schäfer opened the hall. Schäfer said it was late. Critics said Schafer had waited."),
            pairs(&[("Schafer", "Schäfer", Frequency)])
        );
        assert_eq!(
            respellings("Painter Lê Văn Thành won the prize. Thành thanked his wife. Thạnh said he would paint the river next."),
            pairs(&[("Thạnh", "Thành", Frequency)])
        );
        // As often each, both in full: the introduction's spelling.
        assert_eq!(
            respellings("Chef Estêvão Marques won on Monday. Marques thanked the jury. Estevão Marques will open a bistro."),
            pairs(&[("Estevão", "Estêvão", FirstReference)])
        );
        // A headline without accents over a body with them: the body decides, for the
        // given name as for the surname, and the headline follows it.
        assert_eq!(
            respellings("# Mayor Dorte Schafer opens the hall\n\nMayor Dörte Schäfer opened the hall on Sunday. Schäfer said it was late.\n"),
            pairs(&[("Dorte", "Dörte", FirstReference), ("Schafer", "Schäfer", Frequency)])
        );
        // Accents dropped throughout, or only the case differs: nothing to flag.
        assert!(
            respellings("Mayor Dorte Schafer opened the hall. Schafer said it was late.")
                .is_empty()
        );
        assert!(
            respellings("Mayor Dörte Schäfer opened the hall. SCHÄFER said it was late.")
                .is_empty()
        );
        // An apostrophe of another shape is no accent.
        assert!(
            respellings("Judge Aoife O'Dowd ruled. O’Dowd said it was late. O'Dowd left.")
                .is_empty()
        );
        // A thing named after somebody else may keep its accents.
        assert!(respellings(
            "Paul Nestle, a driver at the Nestlé depot, spoke. Nestle said pay was low."
        )
        .is_empty());
    }

    #[test]
    fn two_full_names_in_one_sentence_are_two_people() {
        // Invented: relatives or rivals introduced together, one letter apart.
        assert!(respellings("Marek Dolan, a plumber, and his cousin Marec Dolan, a baker, shared the prize. Marek Dolan said it was luck.").is_empty());
        assert!(respellings("Striker Ivo Haldsen was booked by referee Ivan Haldson on Sunday. Haldsen later apologised. Haldsen said sorry.").is_empty());
        // In another sentence, the slip is still caught.
        assert_eq!(
            respellings("Striker Ivo Haldsen was booked on Sunday. Haldsen later apologised. Ivo Haldson said sorry."),
            pairs(&[("Haldson", "Haldsen", Decided::Frequency)])
        );
    }

    #[test]
    fn a_family_plural_takes_es_only_after_a_hiss() {
        use Decided::*;
        // Invented families.
        assert_eq!(
            respellings("Ray Brenn and his wife Ada Brenn won the raffle. Ray Brenn said it was luck. The Brennes will travel."),
            pairs(&[("Brennes", "Brenns", FamilyPlural)])
        );
        // Right plurals, and a hiss that takes "-es".
        assert!(respellings(
            "Ray Brenn and his wife Ada Brenn won. Ray Brenn said so. The Brenns will travel."
        )
        .is_empty());
        assert!(respellings(
            "Ray Marsh and his wife Ada Marsh won. Ray Marsh said so. The Marshes will travel."
        )
        .is_empty());
    }

    #[test]
    fn mac_and_mc_for_one_person_is_a_slip() {
        assert_eq!(
            respellings("Councillor Ewan MacTavish spoke on Monday. MacTavish said the ferry was late. The vote on McTavish's motion is in June."),
            pairs(&[("McTavish", "MacTavish", Decided::Frequency)])
        );
        assert!(super::mac_and_mc("mcpherson", "macpherson"));
        assert!(!super::mac_and_mc("mack", "mck"));
    }

    #[test]
    fn the_majority_spelling_wins_even_over_the_first_reference() {
        let r =
            respellings("Activist Marta Kowalsca spoke. Kowalska left. Later Kowalska said no.");
        assert_eq!(r, pairs(&[("Kowalsca", "Kowalska", Decided::Frequency)]));
        let doc = Document::parse(
            "Activist Marta Kowalsca spoke. Kowalska left. Later Kowalska said no.",
        );
        let names = super::super::analyse(&doc, &crate::Config::default().names);
        assert!(names.spellings.respellings[0].against_first_reference);
    }

    #[test]
    fn once_each_in_a_full_name_and_alone_is_undecided() {
        assert_eq!(
            respellings("Chancellor Pradeep Kosla spoke. Khosla talked of the past."),
            pairs(&[
                ("Kosla", "Khosla", Decided::Tie),
                ("Khosla", "Kosla", Decided::Tie)
            ])
        );
    }

    #[test]
    fn a_hyphenated_surname_after_a_given_name_is_one_spelling() {
        use Decided::*;
        assert_eq!(
            respellings("Dagny Albrecht-Sundqvist spoke. Albrecht-Sundqvist left. Albrecht-Sundvqist said no."),
            pairs(&[("Albrecht-Sundvqist", "Albrecht-Sundqvist", Frequency)])
        );
        assert_eq!(
            respellings("Dagny Albrecht-Sundqvist spoke. Later Dangy Albrecht-Sundqvist left."),
            pairs(&[("Dangy", "Dagny", FirstReference)])
        );
        // Compounds alone, or after a known person's name, are no surname.
        assert!(respellings(
            "Joe Biden spoke. The Biden-Trump debate. The Biden-Trimp poll. Donald Trump-Kim talks."
        )
        .is_empty());
    }

    #[test]
    fn a_final_s_is_a_slip_unless_a_family_or_plural() {
        assert_eq!(
            respellings("Tony Pembroke spoke. Pembroke left. Later Pembrokes said no."),
            pairs(&[("Pembrokes", "Pembroke", Decided::Frequency)])
        );
        assert!(
            respellings("Tony Pembroke spoke. The Pembrokes left. Pembroke said no.").is_empty()
        );
        assert!(
            respellings("Tony Pembroke spoke. Sarah Pembrokes left. Pembroke said no.").is_empty()
        );
    }

    #[test]
    fn relatives_words_and_compounds_are_not_misspellings() {
        // A thing's name before a person's is not part of it.
        assert_eq!(
            respellings(
                "Committee Representative Adam Schiff spoke. Committee Chair Adam Shciff left. Schiff said no."
            ),
            pairs(&[("Shciff", "Schiff", Decided::Frequency)])
        );
        // Two given names that are both names: two people.
        assert!(respellings("Jon Smithers spoke. Later John Smithers left.").is_empty());
        // Different given names: different people with close surnames.
        assert!(
            respellings("Olena Zelenska and Volodymyr Zelensky came. Zelensky spoke.").is_empty()
        );
        // Dictionary words and hyphenated compounds are not spellings.
        assert!(respellings("Ann Trumpet spoke. The pro-Trumpt rally. Trumpet left.").is_empty());
        // A plural is not a misspelling.
        assert!(respellings("Mary Kovacs spoke. The Kovacses left. Kovacs said no.").is_empty());
        // A thing's name is no person's name.
        assert!(respellings("Humane Society spoke. Humane Socety left.").is_empty());
    }

    #[test]
    fn given_names_alone_and_coordinated_belong_to_their_person() {
        use Decided::*;
        // "David and Louise Turpal": David is a Turpal too.
        assert_eq!(
            respellings("The court sentenced David and Louise Turpal. Later Davud Turpal spoke."),
            pairs(&[("Davud", "David", FirstReference)])
        );
        // A given name used alone, as features do, counts for the person of that name.
        assert_eq!(
            respellings("Representative Terri Colquin spoke. Terri said no. Teerri Colquin left."),
            pairs(&[("Teerri", "Terri", Frequency)])
        );
        // A given name alone is matched exactly, not one edit away ("Bark" is no "Bary").
        assert!(respellings("Musician Bary Comdel played. The Bark reported it.").is_empty());
        // A middle name or second surname alone is the surname; the full name's middle word
        // is a use of it too, so two spellings twice each: the knowledge base decides.
        assert_eq!(
            respellings(
                "Pedro Pierlusi Urrutia spoke. Pierlusi left. Pierluisi came. Pierluisi won."
            ),
            pairs(&[("Pierlusi", "Pierluisi", Kb), ("Pierlusi", "Pierluisi", Kb)])
        );
        // Not a listed given name before "and": two people.
        assert!(respellings("Marsh and Jane Dorval met. Marsch left.").is_empty());
        // A word that is somebody's surname in a full name stays a surname.
        assert!(
            respellings("Jordan Pelham met Amy Jordan. Jordan said no. Jordna Pelham left.")
                .iter()
                .all(|(w, _, _)| w != "Jordan")
        );
    }

    #[test]
    fn a_relative_written_once_with_an_inner_slip_is_caught_not_gendered_forms() {
        use Decided::*;
        assert_eq!(
            respellings(
                "Anderson Coopet spoke. Carter Coopet died. Coopet wept. The author Wyatt Cooppet wrote."
            ),
            pairs(&[("Cooppet", "Coopet", Frequency)])
        );
        // Gendered forms differ at the end: two people.
        assert!(respellings(
            "Ivan Dubrovin spoke. Dubrovin left. Dubrovin came. His wife Olga Dubrovina wrote."
        )
        .is_empty());
        // A surname used as often as the other is another family.
        assert!(
            respellings("Anne Halvorsen spoke. Mark Halvorson left. Halvorson came.").is_empty()
        );
    }

    #[test]
    fn a_listed_name_is_a_slip_only_of_a_name_no_list_knows() {
        use Decided::*;
        // "Baris" is a romanisation of its own, but beside the surname the draft gives
        // "Boris" twice it is a slip.
        assert_eq!(
            respellings(
                "Boris Kalnovsky spoke. Boris Kalnovsky left. Later Baris Kalnovsky returned."
            ),
            pairs(&[("Baris", "Boris", Frequency)])
        );
        // Written as often: two people (or nothing to go on).
        assert!(respellings("Boris Kalnovsky spoke. Baris Kalnovsky left.").is_empty());
        // A listed name as a surname, beside the same given name.
        assert_eq!(
            respellings("Minister Anna Sendra spoke. Sendra left. Later Anna Sandra said no."),
            pairs(&[("Sandra", "Sendra", Frequency)])
        );
        // Alone it may be somebody called by a given name.
        assert!(
            respellings("Minister Anna Sendra spoke. Sendra left. Later Sandra said no.")
                .is_empty()
        );
        // Not when the listed name is somebody's given name in the draft.
        assert!(respellings(
            "Minister Pau Sendra spoke. Sendra left. Nurse Sandra Lopes said no. Sandra left."
        )
        .iter()
        .all(|(w, _, _)| w != "Sandra"));
    }

    #[test]
    fn short_slips_and_surnames_that_are_words() {
        use Decided::*;
        // Three letters alone: a slip of a surname written in full, and more often.
        assert_eq!(
            respellings("Oceanographer Walter Menk died. Menk was 101. They said Mek was kind."),
            pairs(&[("Mek", "Menk", Frequency)])
        );
        assert!(respellings("Oceanographer Walter Menk died. They said Mek was kind.").is_empty());
        // A surname that ends things' names ("Day", "Hall"), after a listed given name.
        assert_eq!(
            respellings("Actor Doris Hall sang. Doris Hall won. Fans wrote to Dorris Hall."),
            pairs(&[("Dorris", "Doris", Frequency)])
        );
        // Things' names stay things'.
        assert!(respellings("Anzac Day came. Anzak Day went. Labor Day too.").is_empty());
        // A particle that is a listed given name opens a full name ("Al Jorden").
        assert_eq!(
            respellings("Her husband, musician Al Jorvel, played. Jorvell left."),
            pairs(&[("Jorvel", "Jorvell", Tie), ("Jorvell", "Jorvel", Tie)])
        );
    }

    #[test]
    fn a_given_name_alone_meets_the_one_full_name_a_slip_away() {
        // "Sean" alone, and the only full name gives an unknown given name a swap away:
        // once each, the knowledge base (which knows a Sean) decides.
        assert_eq!(
            respellings("Guests Cherie and Saen Odonel spoke. Sean made the gloves."),
            pairs(&[("Saen", "Sean", Decided::Kb)])
        );
        // Two such full names: nothing to choose.
        assert!(
            respellings("Saen Odonel and Sesn Pirrel spoke. Sean made the gloves.")
                .iter()
                .all(|(w, _, _)| w != "Saen" && w != "Sesn")
        );
    }

    #[test]
    fn particles_hyphens_and_initials_keep_the_name_together() {
        use Decided::*;
        // A capitalised particle opening a sentence is the surname's.
        assert_eq!(
            respellings(
                "The chief, Hanna von der Brleitz, spoke. “No,” von der Brelitz said. Von der Brelitz left. Analysts liked von der Brelitz’s plan."
            ),
            pairs(&[("Brleitz", "Brelitz", Frequency)])
        );
        // A hyphenated given name opens a full name.
        assert_eq!(
            respellings(
                "Chief Jean-Luc Moreaux spoke. Moreaux left. Moreaux came. Moraeux said no."
            ),
            pairs(&[("Moraeux", "Moreaux", Frequency)])
        );
        // Initials alone before a surname make a full name.
        assert_eq!(
            respellings("Executive J. R. Tolliver spoke. Tolliver left. Tollvier said no."),
            pairs(&[("Tollvier", "Tolliver", Frequency)])
        );
        // An Arabic article joined by a hyphen: the name is what follows it, and the fix
        // keeps the article.
        assert_eq!(
            respellings(
                "Minister Khalid al-Mansouri spoke. Al-Mansouri left. “No,” al-Mansuori said."
            ),
            pairs(&[("Mansuori", "Mansouri", Frequency)])
        );
        // Compounds of words are no given names; parts of compounds no spellings.
        assert!(hyphen_given("Jean-Luc") && hyphen_given("Ji-hoon"));
        assert!(!hyphen_given("Long-time") && !hyphen_given("Pro-Trump"));
        assert!(!hyphen_given("al-Mansouri"));
    }

    #[test]
    fn a_name_written_family_name_first_meets_its_family_name_alone() {
        use Decided::*;
        assert_eq!(
            respellings(
                "Banker Qoru Xiaolin spoke. Qoru left. Analysts liked Qoru’s plan. Later Qroru said no."
            ),
            pairs(&[("Qroru", "Qoru", Frequency)])
        );
        // A listed given name used alone is somebody called by a given name, not this.
        assert!(respellings(
            "Representative Terri Colquin spoke. Terri said no. Colquin left. Colquin came."
        )
        .is_empty());
    }

    #[test]
    fn a_given_name_written_once_meets_the_knowledge_base_person_of_its_surname() {
        use Decided::*;
        assert_eq!(
            respellings("Vice President Dik Cheney spoke on Monday. Cheney left."),
            pairs(&[("Dik", "Dick", KbPerson)])
        );
        assert_eq!(
            respellings("Senator Maark Warner from Virginia called for rules."),
            pairs(&[("Maark", "Mark", KbPerson)])
        );
        // Another given name of that surname in the draft, a listed name, or a name
        // written twice: somebody else.
        assert!(respellings("Dik Cheney and Lynne Cheney spoke.").is_empty());
        assert!(respellings("Vice President Dirk Cheney spoke.").is_empty());
    }

    fn guesses(text: &str) -> Vec<(String, String)> {
        let doc = Document::parse(text);
        let names = super::super::analyse(&doc, &crate::Config::default().names);
        names
            .spellings
            .guesses
            .iter()
            .map(|r| (r.word.clone(), r.expected.clone()))
            .collect()
    }

    #[test]
    fn a_common_given_name_with_two_letters_swapped_is_a_guess_once() {
        assert_eq!(
            guesses("The analyst, Jhon Pettigrew, said the shares would fall."),
            vec![("Jhon".to_string(), "John".to_string())]
        );
        // Written twice the same way, beside another spelling, or a name the lists know.
        assert!(guesses("Jhon Pettigrew spoke. Jhon Pettigrew left.").is_empty());
        assert!(guesses("Fatih Demirtas and Krishan Pillai spoke.").is_empty());
        assert!(guesses("Viktor Halasz said the shares would fall.").is_empty());
    }

    #[test]
    fn names_after_a_plural_title_are_read_one_by_one() {
        use Decided::*;
        // "Senators" is no given name of the first person: the given-name guess sees one
        // given name of that surname, and a slip there meets the right spelling.
        assert_eq!(
            guesses("The bill was backed by Senators Micahel Tarrow and Jane Roe."),
            vec![("Micahel".to_string(), "Michael".to_string())]
        );
        assert_eq!(
            respellings(
                "Drs. Anna Kesler and Tom Birkett spoke. Anna Kessler left. Kessler said no."
            ),
            pairs(&[("Kesler", "Kessler", Frequency)])
        );
        // Clean: two people after one plural title, each named again the same way.
        assert!(respellings(
            "Senators Jane Roe and John Doe wrote the bill. Roe said it would pass. Doe agreed."
        )
        .is_empty());
        assert!(guesses("Representatives Jane Roe and John Doe wrote the bill.").is_empty());
    }

    #[test]
    fn a_title_s_jurisdiction_or_a_known_place_before_a_name_is_not_part_of_it() {
        use Decided::*;
        // "Mayor of Springfield": the place the title names, then the person.
        assert_eq!(
            guesses("Mayor of Springfield Micahel Tarrow declared a day of mourning."),
            vec![("Micahel".to_string(), "Michael".to_string())]
        );
        assert_eq!(
            respellings(
                "Mayor of Lindenfeld Tadeusz Wroblewksi spoke. Wroblewski left. Wroblewski said no."
            ),
            pairs(&[("Wroblewksi", "Wroblewski", Frequency)])
        );
        // A knowledge-base place before the name ("Ambassador to Germany …"), or a date.
        assert_eq!(
            respellings(
                "US Ambassador to Germany Richard Grenell spoke. Later Richard Grenelll left."
            ),
            pairs(&[("Grenelll", "Grenell", FirstReference)])
        );
        assert_eq!(
            respellings("On Monday Anna Kessler spoke. Later Anna Kesler left."),
            pairs(&[("Kesler", "Kessler", FirstReference)])
        );
        // Clean: a place's own name, a person named after the place.
        assert!(respellings(
            "Texas Christian University won. Mayor of New York Bill de Blasio spoke. De Blasio left."
        )
        .is_empty());
    }

    #[test]
    fn bill_opening_a_name_is_a_given_name_not_a_law() {
        assert_eq!(
            respellings(
                "Bill Hallorann of NASA spoke. Later Bill Halloran said the launch went well."
            ),
            pairs(&[("Halloran", "Hallorann", Decided::FirstReference)])
        );
        // A bill is still a thing's word after another word ("the Health Bill").
        assert!(respellings(
            "The Health Bill Committee met. Committee chairman Anna Kessler spoke. Kessler left."
        )
        .is_empty());
    }

    #[test]
    fn a_surname_that_is_a_word_opening_a_sentence_before_a_reporting_verb_is_read() {
        // "Chandler said": the full name's slip meets it, as a tie (which was typed?), one
        // flag: the everyday word is never the slip.
        assert_eq!(
            respellings(
                "Counsel Mark Chandlr explained the deal. Chandler said more would follow."
            ),
            pairs(&[("Chandlr", "Chandler", Decided::Tie)])
        );
        // Clean: the word with no full name of that surname, or the same surname in full.
        assert!(respellings("Hawks said the war would end. Mark Chandler left.").is_empty());
        assert!(respellings("Mark Chandler spoke. Chandler said more would follow.").is_empty());
    }

    #[test]
    fn a_surname_only_ever_written_after_an_honorific_is_a_person_s() {
        // "Mr. Tarrow" twice, "Mr. Tarow" once: never in full, but titled, so a person.
        assert_eq!(
            respellings("Mr. Tarrow spoke on Monday. Later Mr. Tarow left. Mr. Tarrow said no."),
            pairs(&[("Tarow", "Tarrow", Decided::Frequency)])
        );
        assert_eq!(
            respellings("Dr. Kessler spoke. Dr. Kesler left. Kessler said no."),
            pairs(&[("Kesler", "Kessler", Decided::Frequency)])
        );
        // Clean: the same spelling each time; two words one letter apart never titled.
        assert!(respellings("Mr. Tarrow spoke. Later Mr. Tarrow left. Tarrow said no.").is_empty());
    }

    #[test]
    fn the_first_of_two_surnames_written_alone_meets_the_full_name() {
        // Spanish double surnames: "Mendoza" alone is the first surname of the full name.
        assert_eq!(
            respellings(
                "Ana Lucía Mendoza Ferrer won an award. Mendoza has tagged birds. Mendosa said so."
            ),
            pairs(&[("Mendosa", "Mendoza", Decided::Frequency)])
        );
        // Clean: the first surname alone, as written in full; a middle given name.
        assert!(respellings(
            "Ana Lucía Mendoza Ferrer won an award. Mendoza has tagged birds. Mendoza said so."
        )
        .is_empty());
        assert!(respellings("John Michael Tarrow spoke. Tarrow said no. Michael left.").is_empty());
    }

    #[test]
    fn one_edit_keeps_the_first_letter() {
        assert!(one_edit("bidan", "biden"));
        assert!(one_edit("clniton", "clinton"));
        assert!(one_edit("ibden", "biden"));
        assert!(!one_edit("haas", "maas"));
        assert!(!one_edit("bidens", "biden"));
        // A name ending in a hiss takes "-es": a doubled final s is a slip.
        assert!(one_edit("galloiss", "gallois"));
        assert!(!one_edit("kovacses", "kovacs"));
        assert!(!one_edit("biden", "biden"));
    }

    #[test]
    fn the_delete_index_finds_every_one_edit_neighbour() {
        let idx = DeleteIndex::new(["khosla", "clinton", "biden"].into_iter());
        assert_eq!(idx.near("kosla"), ["khosla"]);
        assert_eq!(idx.near("clniton"), ["clinton"]);
        assert_eq!(idx.near("bidden"), ["biden"]);
        assert_eq!(idx.near("bidan"), ["biden"]);
        assert!(idx.near("trump").is_empty());
    }
}
