//! Names: who the draft mentions. Knowledge-base actors are found with one automaton over
//! every name and variant (`matcher`); people the draft introduces itself are learned from
//! titles and appositives (`draft_actors`); surname-only mentions then resolve to them. The
//! result ([`Names`]) is computed once per document (`Context::names`) and shared by the
//! `name.*` rules, hover and navigation.

pub mod desk;
pub mod distance;
pub mod draft_actors;
pub mod kb;
mod kb_schema;
pub mod lexicon;
pub mod matcher;
mod name_table;
mod settings;
pub mod spellings;
mod word_table;
pub use settings::NamesConfig;

use super::diagnostic::Edit;
use super::document::Document;
use super::markdown::BlockKind;
use super::text;
use crate::cache::{cached, Slot};
use kb::{Kb, Kind};
use matcher::{fold, TargetKind};
use std::collections::HashMap;
use std::ops::Range;
use std::sync::Arc;

/// A knowledge-base surname hit waiting for resolution: block, tokens, candidate
/// (actor, part, variant)s.
type BareHit = (usize, Range<usize>, Vec<(u32, usize, usize)>);

/// Knowledge-base surname hits waiting for resolution, in the order found. A name claimed
/// later removes the hits its tokens overlap; they are looked up by block, so a long
/// draft does not rescan every hit of the draft for each name.
#[derive(Default)]
struct Bare {
    hits: Vec<BareHit>,
    live: Vec<bool>,
    by_block: HashMap<usize, Vec<usize>>,
}

impl Bare {
    fn push(&mut self, hit: BareHit) {
        self.by_block
            .entry(hit.0)
            .or_default()
            .push(self.hits.len());
        self.hits.push(hit);
        self.live.push(true);
    }

    /// Drop the hits of block `bi` whose tokens overlap `toks`.
    fn remove_overlapping(&mut self, bi: usize, toks: Range<usize>) {
        let Some(ids) = self.by_block.get_mut(&bi) else {
            return;
        };
        ids.retain(|&i| {
            let r = &self.hits[i].1;
            let overlaps = r.start < toks.end && toks.start < r.end;
            if overlaps {
                self.live[i] = false;
            }
            !overlaps
        });
    }

    /// The hits still waiting, in the order found.
    fn take(&mut self) -> Vec<BareHit> {
        let live = std::mem::take(&mut self.live);
        self.by_block.clear();
        std::mem::take(&mut self.hits)
            .into_iter()
            .zip(live)
            .filter_map(|(h, keep)| keep.then_some(h))
            .collect()
    }
}

/// An actor of the draft: from the knowledge base, or learned from the draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ActorRef {
    Kb(u32),
    Draft(u32),
}

/// A word of a block: [`Tok::range`] without a possessive ending, [`Tok::full_end`] with it.
///
/// 8 bytes: a draft has one `Tok` per word (one per ~7 bytes of text). The end is a block-text
/// byte offset as `u32` (drafts are read up to 64 MiB); the start shares its `u32` with the
/// possessive ending's length (at most 4 bytes: `’s`) and the two flags, which leaves it 27
/// bits (128 MiB; an offset past that saturates, as a `u32` one did past 4 GiB).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok {
    /// Start in the low 27 bits; then the possessive ending's bytes (3 bits), whether the
    /// word starts with a capital letter, whether it opens its sentence.
    start_flags: u32,
    end: u32,
}

fn offset32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

const TOK_START_BITS: u32 = 27;
const TOK_START_MASK: u32 = (1 << TOK_START_BITS) - 1;
const TOK_POSSESSIVE_SHIFT: u32 = TOK_START_BITS;
const TOK_CAP: u32 = 1 << 30;
const TOK_SENT_START: u32 = 1 << 31;

impl Tok {
    /// A word at `range` (without a possessive ending) whose possessive ends at `full_end`.
    pub fn new(range: Range<usize>, full_end: usize, cap: bool, sent_start: bool) -> Tok {
        let start = offset32(range.start).min(TOK_START_MASK);
        // `tokens` strips at most `’s` (4 bytes); anything longer is kept as 7 (the most
        // three bits hold), as the 8-bit field saturated at 255.
        let possessive = u32::try_from(full_end.saturating_sub(range.end))
            .unwrap_or(u32::MAX)
            .min(7);
        Tok {
            start_flags: start
                | possessive << TOK_POSSESSIVE_SHIFT
                | if cap { TOK_CAP } else { 0 }
                | if sent_start { TOK_SENT_START } else { 0 },
            end: offset32(range.end),
        }
    }

    /// The word without its possessive ending.
    pub fn range(&self) -> Range<usize> {
        self.start()..self.end()
    }

    pub fn start(&self) -> usize {
        (self.start_flags & TOK_START_MASK) as usize
    }

    /// The end of the word without its possessive ending.
    pub fn end(&self) -> usize {
        self.end as usize
    }

    /// The end of the word with its possessive ending.
    pub fn full_end(&self) -> usize {
        self.end() + ((self.start_flags >> TOK_POSSESSIVE_SHIFT) & 7) as usize
    }

    /// Starts with a capital letter.
    pub fn cap(&self) -> bool {
        self.start_flags & TOK_CAP != 0
    }

    /// First word of a sentence.
    pub fn sent_start(&self) -> bool {
        self.start_flags & TOK_SENT_START != 0
    }

    /// Mark the word as the first of its sentence, or not.
    pub fn set_sent_start(&mut self, sent_start: bool) {
        if sent_start {
            self.start_flags |= TOK_SENT_START;
        } else {
            self.start_flags &= !TOK_SENT_START;
        }
    }
}

/// A block's words, kept for the document's life (the name rules read them after the
/// analysis): 4 bytes a word where the block allows it, else 8 ([`Tok`]). Read by value
/// (`at`, `get`, `iter`), as the narrow form has no `Tok` to lend.
#[derive(Debug, Clone)]
pub enum Toks {
    /// Each word in a `u32`: start (16 bits), length without the possessive ending (11),
    /// the possessive ending's bytes (3), capital, sentence start. Used when every word of
    /// the block fits: starts below 64 KiB and words under 2 KiB (nearly every paragraph).
    Narrow(Box<[u32]>),
    Wide(Box<[Tok]>),
}

const NARROW_START_BITS: u32 = 16;
const NARROW_LEN_BITS: u32 = 11;
const NARROW_POSSESSIVE_SHIFT: u32 = NARROW_START_BITS + NARROW_LEN_BITS;
const NARROW_CAP: u32 = 1 << 30;
const NARROW_SENT_START: u32 = 1 << 31;

impl Default for Toks {
    fn default() -> Self {
        Toks::Narrow(Box::default())
    }
}

impl From<Vec<Tok>> for Toks {
    fn from(toks: Vec<Tok>) -> Toks {
        let narrow = |t: &Tok| -> Option<u32> {
            let start = u32::try_from(t.start())
                .ok()
                .filter(|&s| s < 1 << NARROW_START_BITS)?;
            let len = u32::try_from(t.end() - t.start())
                .ok()
                .filter(|&l| l < 1 << NARROW_LEN_BITS)?;
            let possessive = (t.start_flags >> TOK_POSSESSIVE_SHIFT) & 7;
            Some(
                start
                    | len << NARROW_START_BITS
                    | possessive << NARROW_POSSESSIVE_SHIFT
                    | if t.cap() { NARROW_CAP } else { 0 }
                    | if t.sent_start() { NARROW_SENT_START } else { 0 },
            )
        };
        match toks.iter().map(narrow).collect::<Option<Box<[u32]>>>() {
            Some(packed) => Toks::Narrow(packed),
            None => Toks::Wide(toks.into()),
        }
    }
}

impl Toks {
    fn unpack(w: u32) -> Tok {
        let start = w & ((1 << NARROW_START_BITS) - 1);
        let len = (w >> NARROW_START_BITS) & ((1 << NARROW_LEN_BITS) - 1);
        Tok {
            start_flags: start
                | ((w >> NARROW_POSSESSIVE_SHIFT) & 7) << TOK_POSSESSIVE_SHIFT
                | if w & NARROW_CAP != 0 { TOK_CAP } else { 0 }
                | if w & NARROW_SENT_START != 0 {
                    TOK_SENT_START
                } else {
                    0
                },
            end: start + len,
        }
    }

    pub fn len(&self) -> usize {
        match self {
            Toks::Narrow(v) => v.len(),
            Toks::Wide(v) => v.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: usize) -> Option<Tok> {
        match self {
            Toks::Narrow(v) => v.get(i).map(|&w| Toks::unpack(w)),
            Toks::Wide(v) => v.get(i).copied(),
        }
    }

    /// The word at `i`; panics past the end, as indexing a slice does.
    pub fn at(&self, i: usize) -> Tok {
        match self {
            Toks::Narrow(v) => Toks::unpack(v[i]),
            Toks::Wide(v) => v[i],
        }
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Tok> + ExactSizeIterator + '_ {
        self.range(0..self.len())
    }

    /// The words `r`; panics past the end, as slicing does.
    pub fn range(
        &self,
        r: Range<usize>,
    ) -> impl DoubleEndedIterator<Item = Tok> + ExactSizeIterator + '_ {
        assert!(
            r.start <= r.end && r.end <= self.len(),
            "token range out of bounds"
        );
        r.map(move |i| self.at(i))
    }

    /// The index of the first word for which `pred` is false (`pred` true for a prefix, as
    /// for [`slice::partition_point`]).
    pub fn partition_point(&self, mut pred: impl FnMut(&Tok) -> bool) -> usize {
        match self {
            Toks::Narrow(v) => v.partition_point(|&w| pred(&Toks::unpack(w))),
            Toks::Wide(v) => v.partition_point(pred),
        }
    }
}

/// A word's knowledge-base pattern or mention, if any: an index, with `u32::MAX` for none, so
/// that the two a block keeps per word take 8 bytes rather than 16 (`Option<u32>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokSlot(u32);

impl TokSlot {
    pub const NONE: TokSlot = TokSlot(u32::MAX);

    pub fn some(index: u32) -> TokSlot {
        debug_assert!(index != u32::MAX);
        TokSlot(index)
    }

    pub fn get(self) -> Option<u32> {
        (self.0 != u32::MAX).then_some(self.0)
    }

    pub fn is_some(self) -> bool {
        self.0 != u32::MAX
    }

    pub fn is_none(self) -> bool {
        self.0 == u32::MAX
    }
}

impl Default for TokSlot {
    fn default() -> Self {
        TokSlot::NONE
    }
}

/// The [`TokSlot`] of each token of a block, kept only for the tokens that have one: a few
/// words in a hundred are in a name, and a slot per word cost 4 bytes per ~6-byte word.
/// Tokens past `len` have none. A sorted vector of (token, slot), not a map: a block has a
/// handful, and a B-tree allocated a ~100-byte node for the first.
#[derive(Debug, Clone, Default)]
pub struct TokSlots {
    len: u32,
    some: Vec<(u32, u32)>,
}

impl TokSlots {
    /// No slots, for a block of `len` tokens.
    pub fn new(len: usize) -> TokSlots {
        TokSlots {
            len: offset32(len),
            some: Vec::new(),
        }
    }

    pub fn get(&self, tok: usize) -> TokSlot {
        u32::try_from(tok)
            .ok()
            .and_then(|t| self.some.binary_search_by_key(&t, |&(k, _)| k).ok())
            .map_or(TokSlot::NONE, |i| TokSlot::some(self.some[i].1))
    }

    /// Set a token's slot (nothing for a token past the block's).
    pub fn set(&mut self, tok: usize, index: u32) {
        let Ok(t) = u32::try_from(tok) else {
            return;
        };
        if t >= self.len {
            return;
        }
        // Slots are mostly set in token order: append without a search.
        if self.some.last().is_none_or(|&(k, _)| k < t) {
            self.some.push((t, index));
            return;
        }
        match self.some.binary_search_by_key(&t, |&(k, _)| k) {
            Ok(i) => self.some[i].1 = index,
            Err(i) => self.some.insert(i, (t, index)),
        }
    }

    pub fn clear(&mut self) {
        self.some.clear();
    }

    /// Give back the growth room once the block's slots are final.
    fn shrink_to_fit(&mut self) {
        self.some.shrink_to_fit();
    }

    /// The first slot among the tokens `toks`, in token order.
    pub fn first_in(&self, toks: Range<usize>) -> Option<u32> {
        let (start, end) = (offset32(toks.start), offset32(toks.end));
        if start >= end {
            return None;
        }
        let i = self.some.partition_point(|&(k, _)| k < start);
        self.some.get(i).filter(|&&(k, _)| k < end).map(|&(_, s)| s)
    }

    /// Whether any of the tokens `toks` has a slot.
    pub fn any_in(&self, toks: Range<usize>) -> bool {
        self.first_in(toks).is_some()
    }

    /// The slots of the tokens `toks`, one per token.
    pub fn slice(&self, toks: Range<usize>) -> Vec<TokSlot> {
        toks.map(|t| self.get(t)).collect()
    }
}

/// One name part as written in a mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PartUse {
    /// Source range.
    pub range: Range<usize>,
    /// Index of the actor's part (`given`, `surname`, …).
    pub part: usize,
    /// As written.
    pub spelling: String,
    /// Which accepted spelling of a knowledge-base part this is (`None` for a draft actor or
    /// a known misspelling).
    pub variant: Option<usize>,
    /// A misspelling the knowledge base lists.
    pub misspelling: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub actor: ActorRef,
    /// Source range of the whole mention (without a possessive ending).
    pub range: Range<usize>,
    pub block: usize,
    /// Token range in the block.
    pub toks: Range<usize>,
    pub parts: Vec<PartUse>,
    /// Names the actor in full (given name and surname, a whole-name form, or a place).
    pub full: bool,
    pub heading: bool,
}

/// A part of a learned actor's name, with the spellings the draft used (first used first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftPart {
    pub part: &'static str,
    pub spellings: Vec<String>,
    /// `spellings`, folded.
    pub folded: Vec<String>,
}

impl DraftPart {
    fn new(part: &'static str, spelling: String) -> Self {
        DraftPart {
            part,
            folded: vec![fold(&spelling)],
            spellings: vec![spelling],
        }
    }

    fn push(&mut self, spelling: String) {
        self.folded.push(fold(&spelling));
        self.spellings.push(spelling);
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftActor {
    pub name: String,
    pub parts: Vec<DraftPart>,
    /// The knowledge-base person of the same name this one is not (see `rebind_namesakes`).
    pub namesake_of: Option<u32>,
}

/// How the draft introduced an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Intro {
    pub title: Option<String>,
    /// Source range of the name where it was introduced.
    pub range: Range<usize>,
}

/// An actor the draft mentions, with its mentions (indices into [`Names::mentions`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub actor: ActorRef,
    pub mentions: Vec<usize>,
    pub intro: Option<Intro>,
}

/// A block's words as the names scan finds them, in one allocation shared by the scan (and
/// the paragraph cache holding it) and the analysis: three shared slices cost three
/// allocations and 48 bytes a block.
#[derive(Debug, Default)]
pub struct BlockWords {
    pub toks: Toks,
    /// Capitalised words that are no known word: what `name.misspelled` looks at.
    pub unknown: Box<[UnknownWord]>,
    /// Given names and surnames as the block writes them (see [`spellings`]).
    pub words: Box<[spellings::NameWord]>,
}

/// Words and knowledge-base hits of one block. Its words (`toks`, `unknown`, `words`) are
/// read through [`BlockWords`].
#[derive(Debug, Clone, Default)]
pub struct BlockNames {
    /// Shared with the block's scan (and the paragraph cache holding it), not copied.
    scan_words: Arc<BlockWords>,
    /// The knowledge-base pattern each token starts (or is inside), if any.
    pub tok_pattern: TokSlots,
    /// The mention each token belongs to, if any.
    pub tok_mention: TokSlots,
}

impl std::ops::Deref for BlockNames {
    type Target = BlockWords;

    fn deref(&self) -> &BlockWords {
        &self.scan_words
    }
}

/// A capitalised word (or capitalised part of a hyphenated word: "pro-Biejing") that is
/// not in the dictionary, not a known given name or romanisation, not a weekday, month or
/// title, and has at least three letters and nothing but letters and apostrophes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownWord {
    /// The token it is (part of).
    pub tok: u32,
    /// Block-text range of the word (`u32` offsets: 16 bytes a word, not 40).
    start: u32,
    end: u32,
    /// Part of a hyphenated word.
    pub segment: bool,
    /// Letters in it.
    pub letters: u32,
}

impl UnknownWord {
    /// Block-text range of the word.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn unknown_words(text: &str, toks: &[Tok]) -> Vec<UnknownWord> {
    let mut items: Vec<(usize, Range<usize>, bool)> = Vec::new();
    for (t, tok) in toks.iter().enumerate() {
        let w = &text[tok.range()];
        if w.contains('-') {
            let mut off = tok.start();
            for seg in w.split('-') {
                if seg.starts_with(char::is_uppercase) {
                    items.push((t, off..off + seg.len(), true));
                }
                off += seg.len() + 1;
            }
        } else if tok.cap() {
            items.push((t, tok.range(), false));
        }
    }
    items
        .into_iter()
        .filter_map(|(tok, range, segment)| {
            let word = &text[range.clone()];
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            let known = letters < 3
                || letters
                    != word
                        .chars()
                        .filter(|c| c.is_alphabetic() || *c == '-' || *c == '\'' || *c == '’')
                        .count()
                || lexicon::is_dictionary_word(word)
                || lexicon::is_known_given_name(word)
                || lexicon::is_name_variant_form(word)
                || lexicon::is_calendar_word(word)
                || draft_actors::is_title(word);
            (!known).then_some(UnknownWord {
                tok: tok as u32,
                start: offset32(range.start),
                end: offset32(range.end),
                segment,
                letters: letters as u32,
            })
        })
        .collect()
}

/// Everything the name checks know about a draft.
#[derive(Debug)]
pub struct Names {
    pub kb: Arc<Kb>,
    pub mentions: Vec<Mention>,
    pub draft_actors: Vec<DraftActor>,
    /// Actors of the draft, in order of first mention.
    pub entries: Vec<Entry>,
    /// Where each actor is in `entries`: a long draft mentions hundreds of actors, and
    /// the rules ask about each mention's.
    entry_index: HashMap<ActorRef, usize>,
    pub blocks: Vec<BlockNames>,
    /// The draft's spellings of each name part, and its minority spellings.
    pub spellings: spellings::Spellings,
}

impl Names {
    pub fn entry(&self, actor: ActorRef) -> Option<&Entry> {
        self.entry_index.get(&actor).map(|&i| &self.entries[i])
    }

    /// The actor's display name.
    pub fn display_name(&self, actor: ActorRef) -> String {
        match actor {
            ActorRef::Kb(i) => self.kb.actors[i as usize].name.clone(),
            ActorRef::Draft(i) => self.draft_actors[i as usize].name.clone(),
        }
    }

    pub fn is_person(&self, actor: ActorRef) -> bool {
        match actor {
            ActorRef::Kb(i) => self.kb.actors[i as usize].kind == Kind::Person,
            ActorRef::Draft(_) => true,
        }
    }

    /// The mention at a source offset.
    pub fn mention_at(&self, offset: usize) -> Option<usize> {
        self.mentions
            .iter()
            .position(|m| m.range.start <= offset && offset <= m.range.end)
    }

    /// The house spelling for a knowledge-base part: a `[names] prefer` entry that is one of
    /// its accepted spellings.
    pub fn house_variant(&self, config: &NamesConfig, actor: u32, part: usize) -> Option<usize> {
        let p = self.kb.actors.get(actor as usize)?.parts.get(part)?;
        config.prefer.iter().find_map(|pref| {
            let f = fold(pref);
            p.variants.iter().position(|v| fold(v) == f)
        })
    }
}

/// What the name analysis finds in one block on its own: its words, the knowledge-base
/// names in it, and the people it introduces. It depends only on the block's text (its
/// sentences follow from it) and the knowledge base, so the language server keeps it per
/// paragraph in its paragraph cache and a keystroke rescans one paragraph.
#[derive(Debug)]
pub struct BlockScan {
    words: Arc<BlockWords>,
    hits: Vec<matcher::Hit>,
    /// With `block` 0: the caller knows the block's index.
    learned: Vec<draft_actors::Learned>,
}

impl BlockScan {
    fn new(kb: &Kb, text: &str, sentences: &[Range<usize>]) -> Arc<BlockScan> {
        let toks = tokens(text, sentences);
        let hits = kb.matcher.find(text);
        let learned = draft_actors::learn(0, text, &toks);
        let unknown = unknown_words(text, &toks);
        let words = spellings::name_words(kb, text, &toks, &hits);
        Arc::new(BlockScan {
            words: Arc::new(BlockWords {
                toks: toks.into(),
                unknown: unknown.into(),
                words: words.into(),
            }),
            hits,
            learned,
        })
    }
}

fn tokens(text: &str, sentences: &[Range<usize>]) -> Vec<Tok> {
    let mut out: Vec<Tok> = Vec::new();
    let mut sent = 0;
    let mut sent_seen = false;
    for r in text::words(text) {
        while sent < sentences.len() && sentences[sent].end <= r.start {
            sent += 1;
            sent_seen = false;
        }
        let word = &text[r.clone()];
        let mut end = r.end;
        for suffix in ["’s", "'s", "ʼs"] {
            if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                end = r.end - suffix.len();
            }
        }
        let cap = word.chars().next().is_some_and(char::is_uppercase);
        out.push(Tok::new(r.start..end, r.end, cap, !sent_seen));
        sent_seen = true;
    }
    out
}

/// The token containing a block-text offset.
fn tok_at(toks: &Toks, offset: usize) -> Option<usize> {
    let i = toks.partition_point(|t| t.full_end() <= offset);
    (i < toks.len() && toks.at(i).start() <= offset).then_some(i)
}

/// A capitalised word that looks like part of a person's name (not a title, not a
/// sentence-initial common word, not a common word unless a known given name).
fn name_like(word: &str, tok: &Tok) -> bool {
    tok.cap()
        && !draft_actors::is_title(word)
        && (!tok.sent_start() || !lexicon::is_common_word(word))
        && !lexicon::is_calendar_word(word)
        && (lexicon::is_known_given_name(word)
            || !lexicon::is_dictionary_word(word)
            // A common word capitalised mid-sentence is a name ("Hunter Biden").
            || (lexicon::is_common_word(word) && !tok.sent_start()))
        && word.chars().any(char::is_lowercase)
}

struct Chain {
    hits: Vec<(Range<usize>, u32)>,
    toks: Range<usize>,
}

/// The block a mention is found in: the block, its index, whether it is a heading, its text.
#[derive(Clone, Copy)]
struct BlockCx<'a> {
    block: &'a super::markdown::Block,
    bi: usize,
    heading: bool,
    text: &'a str,
}

/// A knowledge-base actor's mention to add: its tokens, block-text range and parts.
struct KbHit {
    actor: u32,
    toks: Range<usize>,
    range: Range<usize>,
    parts: Vec<PartUse>,
    full: bool,
}

fn joined_by_space(text: &str, a: &Tok, b: &Tok) -> bool {
    &text[a.full_end()..b.start()] == " "
        || (&text[a.full_end()..b.start()] == ". " && a.range().len() == 1)
}

/// Analyse a document's names.
pub fn analyse(doc: &Document, config: &NamesConfig) -> Names {
    let kb = Kb::for_overlay(config.overlay.as_deref());
    let mut names = Names {
        kb: kb.clone(),
        mentions: Vec::new(),
        draft_actors: Vec::new(),
        entries: Vec::new(),
        entry_index: HashMap::new(),
        blocks: Vec::with_capacity(doc.blocks.len()),
        spellings: spellings::Spellings::default(),
    };
    // Bare surname hits to resolve once every full mention is known:
    // (block, tok range, source range, candidate KB actors with part and variant).
    let mut bare = Bare::default();
    let mut intros: HashMap<ActorRef, Intro> = HashMap::new();

    for (bi, block) in doc.blocks.iter().enumerate() {
        let text = block.text.as_str();
        let scan: Arc<BlockScan> =
            cached(doc.cache(), Slot::NameScan, kb.fingerprint, text, || {
                BlockScan::new(&kb, text, &doc.sentences[bi])
            });
        let heading = matches!(block.kind, BlockKind::Heading(_));
        let mut bn = BlockNames {
            tok_pattern: TokSlots::new(scan.words.toks.len()),
            tok_mention: TokSlots::new(scan.words.toks.len()),
            scan_words: Arc::clone(&scan.words),
        };
        // Chains of adjacent hits.
        let mut chains: Vec<Chain> = Vec::new();
        for h in &scan.hits {
            let Some(t0) = tok_at(&bn.toks, h.range.start) else {
                continue;
            };
            let t1 = tok_at(&bn.toks, h.range.end.saturating_sub(1)).unwrap_or(t0);
            for t in t0..=t1 {
                bn.tok_pattern.set(t, h.pattern);
            }
            let extend = chains.last().is_some_and(|c| {
                let last = c.toks.end - 1;
                last + 1 == t0
                    && joined_by_space(text, &bn.toks.at(last), &bn.toks.at(t0))
                    && c.hits
                        .last()
                        .is_some_and(|(r, _)| r.end == bn.toks.at(last).end())
            });
            // An initial between two hits ("George W. Bush").
            let extend_initial = !extend
                && chains.last().is_some_and(|c| {
                    let last = c.toks.end - 1;
                    last + 2 == t0
                        && bn.toks.at(last + 1).range().len() == 1
                        && bn.toks.at(last + 1).cap()
                        && joined_by_space(text, &bn.toks.at(last), &bn.toks.at(last + 1))
                        && joined_by_space(text, &bn.toks.at(last + 1), &bn.toks.at(t0))
                });
            if extend || extend_initial {
                let c = chains.last_mut().expect("checked above");
                c.hits.push((h.range.clone(), h.pattern));
                c.toks.end = t1 + 1;
            } else {
                chains.push(Chain {
                    hits: vec![(h.range.clone(), h.pattern)],
                    toks: t0..t1 + 1,
                });
            }
        }
        let cx = BlockCx {
            block,
            bi,
            heading,
            text,
        };
        for chain in chains {
            resolve_chain(&mut names, &mut bn, &mut bare, cx, chain);
        }
        // People the draft introduces.
        for l in scan.learned.iter().map(|l| draft_actors::Learned {
            block: bi,
            ..l.clone()
        }) {
            let name_range = bn.toks.at(l.toks.start).start()..bn.toks.at(l.toks.end - 1).end();
            let src = block.source_range(name_range.clone());
            // A knowledge-base person: keep the introduction.
            if let Some(mi) = bn.tok_mention.first_in(l.toks.clone()) {
                let m = &names.mentions[mi as usize];
                if m.full {
                    intros.entry(m.actor).or_insert(Intro {
                        title: l.title.clone(),
                        range: m.range.clone(),
                    });
                }
                continue;
            }
            let words: Vec<&str> = bn
                .toks
                .range(l.toks.clone())
                .map(|t| &text[t.range()])
                .collect();
            // "Donald Trupm": a knowledge-base person's name with a near miss is that person
            // misspelled (name.misspelled), not a new person.
            if near_miss_of_kb_person(&kb, &words, &bn.tok_pattern.slice(l.toks.clone())) {
                continue;
            }
            let sentence = doc.sentences.get(bi).and_then(|ss| {
                ss.iter()
                    .find(|s| s.start <= name_range.start && name_range.end <= s.end)
            });
            let sentence = sentence.map(|s| block.source_range(s.clone()));
            let actor = match sentence {
                Some(s) if variant_named_in(&names, &words, &s) => {
                    new_actor(&mut names.draft_actors, &words)
                }
                _ => learn_actor(&mut names.draft_actors, &words),
            };
            intros.entry(actor).or_insert(Intro {
                title: l.title.clone(),
                range: src.clone(),
            });
            // Claim the tokens (a KB surname hit inside is this person's, not the KB's).
            bare.remove_overlapping(bi, l.toks.clone());
            push_mention(&mut names, &mut bn, cx, actor, l.toks.clone(), true);
        }
        names.blocks.push(bn);
    }

    // Namesakes of knowledge-base people are people of the draft.
    rebind_namesakes(doc, &mut names, &mut intros);

    // Second pass: full names of learned actors without a cue, and bare surnames.
    second_pass(doc, &mut names, &mut bare);

    // Entries, in order of first mention.
    names.mentions.sort_by_key(|m| m.range.start);
    for (bi, bn) in names.blocks.iter_mut().enumerate() {
        bn.tok_mention.clear();
        let _ = bi;
    }
    for (mi, m) in names.mentions.iter().enumerate() {
        let bn = &mut names.blocks[m.block];
        for t in m.toks.clone() {
            bn.tok_mention.set(t, mi as u32);
        }
        match names.entry_index.get(&m.actor) {
            Some(&i) => names.entries[i].mentions.push(mi),
            None => {
                names.entry_index.insert(m.actor, names.entries.len());
                names.entries.push(Entry {
                    actor: m.actor,
                    mentions: vec![mi],
                    intro: None,
                });
            }
        }
    }
    for e in &mut names.entries {
        e.intro = intros.remove(&e.actor);
        if e.intro.is_none() {
            // The first full mention stands as the introduction.
            if let Some(&mi) = e.mentions.iter().find(|&&mi| names.mentions[mi].full) {
                e.intro = Some(Intro {
                    title: None,
                    range: names.mentions[mi].range.clone(),
                });
            }
        }
    }
    // Kept for the document's life: without their growth room.
    for bn in &mut names.blocks {
        bn.tok_pattern.shrink_to_fit();
        bn.tok_mention.shrink_to_fit();
    }
    names.mentions.shrink_to_fit();
    names.spellings = spellings::cluster(doc, &names, config);
    names
}

/// Whether a learned name mixes a knowledge-base person's name part with a near miss of
/// another part of the same person.
fn near_miss_of_kb_person(kb: &Kb, words: &[&str], patterns: &[TokSlot]) -> bool {
    for (i, p) in patterns.iter().enumerate() {
        let Some(p) = p.get() else { continue };
        for t in kb.matcher.patterns[p as usize].targets.iter().take(64) {
            let TargetKind::Part { part, .. } = t.kind else {
                continue;
            };
            let actor = &kb.actors[t.actor as usize];
            if actor.kind != Kind::Person {
                continue;
            }
            for (j, w) in words.iter().enumerate() {
                if j == i || patterns[j].is_some() {
                    continue;
                }
                let fw = fold(w);
                let n = fw.chars().count();
                let max = distance::max_edits(n);
                if max == 0 {
                    continue;
                }
                let near = actor
                    .parts
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| *k != part as usize)
                    .flat_map(|(_, p)| p.variants.iter())
                    .any(|v| distance::within(&fw, &fold(v), max).is_some_and(|d| d > 0));
                if near {
                    return true;
                }
            }
        }
    }
    false
}

/// Where the surname starts in a name's words: the last word, with particles before it
/// ("Bill de Blasio" → "de Blasio"), leaving at least one given name.
pub fn surname_start(words: &[&str]) -> usize {
    let mut k = words.len().saturating_sub(1);
    while k > 1 && draft_actors::PARTICLES.contains(&words[k - 1].to_lowercase().as_str()) {
        k -= 1;
    }
    k
}

/// How a name relates to a learned actor.
enum Match {
    Same,
    /// Same person, the given name spelled another way.
    GivenVariant,
    /// Same person, the surname spelled another way.
    SurnameVariant,
}

fn find_actor(actors: &[DraftActor], given: &str, surname: &str) -> Option<(usize, Match)> {
    let fs = fold(surname);
    let fg = fold(given);
    let close = |list: &[String], f: &str| {
        list.iter().any(|fs2| {
            let n = fs2.chars().count().min(f.chars().count());
            let max = distance::max_edits(n);
            max > 0 && distance::within(fs2, f, max).is_some()
        })
    };
    for (i, a) in actors.iter().enumerate() {
        let a_given = &a.parts[0].folded;
        let a_surname = &a.parts[1].folded;
        let same_surname = a_surname.contains(&fs);
        let same_given = a_given.contains(&fg);
        if !same_surname && !same_given {
            continue;
        }
        if same_surname
            && (same_given
                || a.parts[0]
                    .spellings
                    .iter()
                    .any(|s| lexicon::are_nicknames(s, given)))
        {
            return Some((i, Match::Same));
        }
        // Two given names that are both names are two people sharing a surname ("Jon" and
        // "John Smith", siblings), not one person spelled two ways.
        let real = |w: &str| {
            lexicon::is_known_given_name(w)
                || lexicon::is_name_variant_form(w)
                || (lexicon::is_dictionary_word(w) && !lexicon::is_common_word(w))
        };
        let two_names = real(given) && a.parts[0].spellings.iter().all(|s| real(s));
        if same_surname && !two_names && close(a_given, &fg) {
            return Some((i, Match::GivenVariant));
        }
        if same_given && close(a_surname, &fs) {
            return Some((i, Match::SurnameVariant));
        }
    }
    None
}

/// Add a learned person (or a new spelling of one already learned) and return it.
fn learn_actor(actors: &mut Vec<DraftActor>, words: &[&str]) -> ActorRef {
    let split = surname_start(words);
    let given = words[..split].join(" ");
    let surname = words[split..].join(" ");
    match find_actor(actors, &given, &surname) {
        Some((i, m)) => {
            match m {
                Match::Same => {}
                Match::GivenVariant => actors[i].parts[0].push(given),
                Match::SurnameVariant => actors[i].parts[1].push(surname),
            }
            ActorRef::Draft(i as u32)
        }
        None => new_actor(actors, words),
    }
}

/// A person of their own, whatever other person the draft names alike.
fn new_actor(actors: &mut Vec<DraftActor>, words: &[&str]) -> ActorRef {
    let split = surname_start(words);
    actors.push(DraftActor {
        name: words.join(" "),
        parts: vec![
            DraftPart::new("given", words[..split].join(" ")),
            DraftPart::new("surname", words[split..].join(" ")),
        ],
        namesake_of: None,
    });
    ActorRef::Draft(actors.len() as u32 - 1)
}

/// A name one spelling from a person the same sentence already names in full ("Kim
/// Min-jun, a councillor, and Kim Min-jung, an activist"): two people introduced
/// together, not one spelled two ways.
fn variant_named_in(names: &Names, words: &[&str], sentence: &Range<usize>) -> bool {
    let split = surname_start(words);
    let (given, surname) = (words[..split].join(" "), words[split..].join(" "));
    let Some((i, m)) = find_actor(&names.draft_actors, &given, &surname) else {
        return false;
    };
    !matches!(m, Match::Same)
        && names.mentions.iter().any(|x| {
            x.actor == ActorRef::Draft(i as u32)
                && x.full
                && sentence.start <= x.range.start
                && x.range.end <= sentence.end
        })
}

fn push_mention(
    names: &mut Names,
    bn: &mut BlockNames,
    cx: BlockCx,
    actor: ActorRef,
    toks: Range<usize>,
    full: bool,
) {
    let BlockCx {
        block,
        bi,
        heading,
        text,
    } = cx;
    let range = bn.toks.at(toks.start).start()..bn.toks.at(toks.end - 1).end();
    let parts = match actor {
        ActorRef::Draft(_) => draft_parts(block, text, &bn.toks, toks.clone(), full),
        ActorRef::Kb(_) => Vec::new(),
    };
    let mi = names.mentions.len() as u32;
    for t in toks.clone() {
        bn.tok_mention.set(t, mi);
    }
    names.mentions.push(Mention {
        actor,
        range: block.source_range(range),
        block: bi,
        toks,
        parts,
        full,
        heading,
    });
}

/// The parts of a draft actor's mention at `toks`: the given name, then the surname (with
/// its particles); only the surname when the mention is not `full`.
fn draft_parts(
    block: &super::markdown::Block,
    text: &str,
    btoks: &Toks,
    toks: Range<usize>,
    full: bool,
) -> Vec<PartUse> {
    // One or two parts: sized for them (a vector grown by a push has room for four).
    let mut parts = Vec::with_capacity(if full { 2 } else { 1 });
    let words: Vec<&str> = btoks
        .range(toks.clone())
        .map(|t| &text[t.range()])
        .collect();
    let split = if full { surname_start(&words) } else { 0 };
    let last = toks.start + split;
    if split > 0 {
        let r = btoks.at(toks.start).start()..btoks.at(last - 1).end();
        parts.push(PartUse {
            range: block.source_range(r.clone()),
            part: 0,
            spelling: text[r].to_string(),
            variant: None,
            misspelling: false,
        });
    }
    let r = btoks.at(last).start()..btoks.at(toks.end - 1).end();
    parts.push(PartUse {
        range: block.source_range(r.clone()),
        part: 1,
        spelling: text[r].to_string(),
        variant: None,
        misspelling: false,
    });
    parts
}

/// Whether the draft's description of a knowledge-base person says it is someone else of
/// the same name: every role the knowledge base knows for them is a public office, and the
/// draft describes them by an occupation outside it ("Andrew Smith, a biologist at …") or
/// an earned title ("Dr. Andrew Smith"), with no word of office anywhere it introduces them
/// ("Dr. Andrew Smith, the health minister" is the minister). An earned title alone does
/// not tell for someone who headed a state, a government or an international organisation
/// ("Dr. Mahathir", "Dr. Tedros"): news copy styles them so.
fn namesake(actor: &kb::Actor, described: draft_actors::Described) -> bool {
    if actor.kind != Kind::Person || actor.roles().is_empty() {
        return false;
    }
    let headed = actor.roles().iter().any(|r| {
        matches!(
            r.kind.as_deref(),
            Some("head_of_state" | "head_of_government" | "deputy_head" | "org_official")
        )
    });
    described.outside_office(!headed)
}

/// Knowledge-base people the draft describes as namesakes ([`namesake`]) become draft
/// actors, as any person the knowledge base does not know: their full mentions, and their
/// introduction, move to a draft actor of the same name (their surname-only mentions follow
/// in the second pass).
fn rebind_namesakes(doc: &Document, names: &mut Names, intros: &mut HashMap<ActorRef, Intro>) {
    // How the draft describes each knowledge-base person where it names them in full.
    // With the first title written, for the introduction of a namesake.
    let mut described: HashMap<u32, (draft_actors::Described, Option<Intro>)> = HashMap::new();
    // The words of the last block read, unpacked (mentions come in block order).
    let mut block_toks: (usize, Vec<Tok>) = (usize::MAX, Vec::new());
    for m in names.mentions.iter().filter(|m| m.full) {
        let ActorRef::Kb(a) = m.actor else { continue };
        if names.kb.actors[a as usize].kind != Kind::Person {
            continue;
        }
        let text = doc.blocks[m.block].text.as_str();
        if block_toks.0 != m.block {
            block_toks = (m.block, names.blocks[m.block].toks.iter().collect());
        }
        let (d, title) = draft_actors::describe(text, &block_toks.1, m.toks.start, m.toks.end);
        let slot = described.entry(a).or_default();
        slot.0 = slot.0.merge(d);
        if slot.1.is_none() && title.is_some() {
            slot.1 = Some(Intro {
                title,
                range: m.range.clone(),
            });
        }
    }
    let namesakes: std::collections::HashSet<u32> = described
        .iter()
        .filter(|(&a, (d, _))| {
            names
                .kb
                .actors
                .get(a as usize)
                .is_some_and(|actor| namesake(actor, *d))
        })
        .map(|(&a, _)| a)
        .collect();
    if namesakes.is_empty() {
        return;
    }
    for mi in 0..names.mentions.len() {
        let m = &names.mentions[mi];
        let ActorRef::Kb(a) = m.actor else { continue };
        if !m.full || !namesakes.contains(&a) {
            continue;
        }
        let (bi, toks) = (m.block, m.toks.clone());
        let block = &doc.blocks[bi];
        let text = block.text.as_str();
        let btoks = &names.blocks[bi].toks;
        let words: Vec<&str> = btoks
            .range(toks.clone())
            .map(|t| &text[t.range()])
            .collect();
        if words.len() < 2 {
            continue;
        }
        let parts = draft_parts(block, text, btoks, toks, true);
        let actor = learn_actor(&mut names.draft_actors, &words);
        if let ActorRef::Draft(d) = actor {
            if let Some(da) = names.draft_actors.get_mut(d as usize) {
                da.namesake_of.get_or_insert(a);
            }
        }
        // The introduction with a title: the learned one, else the first title written.
        let learned = intros
            .remove(&ActorRef::Kb(a))
            .filter(|i| i.title.is_some());
        if let Some(intro) = learned.or_else(|| described.get_mut(&a).and_then(|s| s.1.take())) {
            intros.entry(actor).or_insert(intro);
        }
        names.mentions[mi].actor = actor;
        names.mentions[mi].parts = parts;
    }
}

fn resolve_chain(
    names: &mut Names,
    bn: &mut BlockNames,
    bare: &mut Bare,
    cx: BlockCx,
    chain: Chain,
) {
    let BlockCx { block, text, .. } = cx;
    let kb = names.kb.clone();
    let pats = &kb.matcher.patterns;
    if longer_name_follows(bn, text, &chain) {
        return;
    }
    // Actors every hit of the chain names, with distinct parts.
    if chain.hits.len() >= 2 {
        let first = &pats[chain.hits[0].1 as usize];
        let mut best: Option<u32> = None;
        'cand: for t in &first.targets {
            let actor = t.actor;
            let mut used = Vec::new();
            for (_, p) in &chain.hits {
                let Some(k) = pats[*p as usize]
                    .targets
                    .iter()
                    .find(|x| x.actor == actor)
                    .map(|x| x.kind)
                else {
                    continue 'cand;
                };
                let part = match k {
                    TargetKind::Part { part, .. } | TargetKind::Misspelling { part, .. } => part,
                    TargetKind::Full { .. } => u8::MAX,
                };
                if part != u8::MAX && used.contains(&part) {
                    continue 'cand;
                }
                used.push(part);
            }
            best = Some(actor);
            break;
        }
        if let Some(actor) = best {
            let parts = chain
                .hits
                .iter()
                .filter_map(|(r, p)| {
                    let k = pats[*p as usize]
                        .targets
                        .iter()
                        .find(|x| x.actor == actor)?
                        .kind;
                    part_use(block, text, r.clone(), k)
                })
                .collect();
            let range = chain.hits[0].0.start..chain.hits[chain.hits.len() - 1].0.end;
            let hit = KbHit {
                actor,
                toks: chain.toks,
                range,
                parts,
                full: true,
            };
            add_kb_mention(names, bn, cx, hit);
            return;
        }
        // Person name parts of different actors side by side ("Hunter Biden" when the KB
        // knows another Hunter): someone the KB does not know.
        let all_person_parts = chain.hits.iter().all(|(_, p)| {
            pats[*p as usize].targets.iter().any(|t| {
                kb.actors[t.actor as usize].kind == Kind::Person
                    && matches!(t.kind, TargetKind::Part { .. })
            })
        });
        if all_person_parts {
            return;
        }
        // Different actors side by side: each on its own.
        for (r, p) in chain.hits {
            let t0 = tok_at(&bn.toks, r.start).unwrap_or(0);
            let t1 = tok_at(&bn.toks, r.end.saturating_sub(1)).unwrap_or(t0);
            let c = Chain {
                hits: vec![(r, p)],
                toks: t0..t1 + 1,
            };
            resolve_single(names, bn, bare, cx, c, true);
        }
        return;
    }
    resolve_single(names, bn, bare, cx, chain, false);
}

/// A name of two words or more that another capitalised name word follows ("John James
/// Conyers Jr."): a longer name, so somebody else than the knowledge-base person whose name
/// is its beginning (Representative John James). Everyday words ("Joe Biden
/// Administration"), weekdays and months, titles and all-capital words do not lengthen it.
fn longer_name_follows(bn: &BlockNames, text: &str, chain: &Chain) -> bool {
    if chain.toks.len() < 2 {
        return false;
    }
    let (last, next) = (chain.toks.end - 1, chain.toks.end);
    let (Some(a), Some(b)) = (bn.toks.get(last), bn.toks.get(next)) else {
        return false;
    };
    let w = &text[b.range()];
    a.full_end() == a.end()
        && &text[a.full_end()..b.start()] == " "
        && b.cap()
        && !b.sent_start()
        && w.chars().count() >= 2
        && w.chars().all(char::is_alphabetic)
        && w.chars().any(char::is_lowercase)
        && !lexicon::is_common_word(w)
        && !lexicon::is_calendar_word(w)
        && !draft_actors::is_title(w)
}

fn part_use(
    block: &super::markdown::Block,
    text: &str,
    r: Range<usize>,
    k: TargetKind,
) -> Option<PartUse> {
    match k {
        TargetKind::Part { part, variant } => Some(PartUse {
            range: block.source_range(r.clone()),
            part: part as usize,
            spelling: text[r].to_string(),
            variant: Some(variant as usize),
            misspelling: false,
        }),
        TargetKind::Misspelling { part, .. } => Some(PartUse {
            range: block.source_range(r.clone()),
            part: part as usize,
            spelling: text[r].to_string(),
            variant: None,
            misspelling: true,
        }),
        TargetKind::Full { .. } => None,
    }
}

fn add_kb_mention(names: &mut Names, bn: &mut BlockNames, cx: BlockCx, hit: KbHit) {
    let BlockCx {
        block, bi, heading, ..
    } = cx;
    let KbHit {
        actor,
        toks,
        range,
        mut parts,
        full,
    } = hit;
    // Collected from a filter: a vector of one or two parts had room for four, kept for as
    // long as the mention.
    parts.shrink_to_fit();
    let mi = names.mentions.len() as u32;
    for t in toks.clone() {
        bn.tok_mention.set(t, mi);
    }
    names.mentions.push(Mention {
        actor: ActorRef::Kb(actor),
        range: block.source_range(range),
        block: bi,
        toks,
        parts,
        full,
        heading,
    });
}

fn resolve_single(
    names: &mut Names,
    bn: &mut BlockNames,
    bare: &mut Bare,
    cx: BlockCx,
    chain: Chain,
    beside_other: bool,
) {
    let BlockCx {
        block, bi, text, ..
    } = cx;
    let kb = names.kb.clone();
    let (r, p) = chain.hits[0].clone();
    let pat = &kb.matcher.patterns[p as usize];
    let toks = chain.toks.clone();
    // Whole-name forms (Kim Jong Un, UN, Republic of Turkey).
    if let Some(t) = pat
        .targets
        .iter()
        .find(|t| matches!(t.kind, TargetKind::Full { .. }))
    {
        let hit = KbHit {
            actor: t.actor,
            toks,
            range: r,
            parts: Vec::new(),
            full: true,
        };
        add_kb_mention(names, bn, cx, hit);
        return;
    }
    // Next to another capitalised name word, this is part of a name the KB doesn't know
    // ("Kevin McCarthy", "Jordan Peterson").
    let neighbour_name = |t: Option<usize>| {
        t.is_some_and(|t| {
            bn.tok_pattern.get(t).is_none()
                && name_like(&text[bn.toks.at(t).range()], &bn.toks.at(t))
        })
    };
    let prev = toks
        .start
        .checked_sub(1)
        .filter(|&t| joined_by_space(text, &bn.toks.at(t), &bn.toks.at(toks.start)));
    let next = Some(toks.end).filter(|&t| {
        t < bn.toks.len() && joined_by_space(text, &bn.toks.at(toks.end - 1), &bn.toks.at(t))
    });
    if neighbour_name(prev) || neighbour_name(next) {
        return;
    }
    let original = &text[r.clone()];
    // Places and organisations.
    if let Some(t) = pat.targets.iter().find(|t| {
        kb.actors[t.actor as usize].kind != Kind::Person
            && matches!(t.kind, TargetKind::Part { .. })
    }) {
        if let Some(pu) = part_use(block, text, r.clone(), t.kind) {
            let hit = KbHit {
                actor: t.actor,
                toks,
                range: r,
                parts: vec![pu],
                full: true,
            };
            add_kb_mention(names, bn, cx, hit);
        }
        return;
    }
    // A known misspelling on its own.
    if let Some(t) = pat
        .targets
        .iter()
        .find(|t| matches!(t.kind, TargetKind::Misspelling { .. }))
    {
        if let Some(pu) = part_use(block, text, r.clone(), t.kind) {
            let hit = KbHit {
                actor: t.actor,
                toks,
                range: r,
                parts: vec![pu],
                full: false,
            };
            add_kb_mention(names, bn, cx, hit);
        }
        return;
    }
    // A bare surname: resolved later. Given names alone are too ambiguous.
    let candidates: Vec<(u32, usize, usize)> = pat
        .targets
        .iter()
        .filter_map(|t| match t.kind {
            TargetKind::Part { part, variant } => {
                let a = &kb.actors[t.actor as usize];
                (a.kind == Kind::Person && a.surname_part() == Some(part as usize)).then_some((
                    t.actor,
                    part as usize,
                    variant as usize,
                ))
            }
            _ => None,
        })
        .collect();
    let _ = (original, beside_other);
    if !candidates.is_empty() {
        bare.push((bi, toks, candidates));
    }
}

/// After the first pass: learned actors' full names without a cue, surname-only mentions of
/// present actors, and knowledge-base surname hits.
fn second_pass(doc: &Document, names: &mut Names, bare: &mut Bare) {
    // Surnames of learned actors (folded) → actor.
    // Learned surnames by their last word (folded) → (actor, surname words folded).
    let mut draft_surnames: HashMap<String, Vec<(u32, Vec<String>)>> = HashMap::new();
    for (i, a) in names.draft_actors.iter().enumerate() {
        for s in &a.parts[1].spellings {
            let words: Vec<String> = s.split(' ').map(fold).collect();
            if let Some(last) = words.last() {
                draft_surnames
                    .entry(last.clone())
                    .or_default()
                    .push((i as u32, words.clone()));
            }
        }
    }
    // Full mentions of KB persons, by actor, for bare resolution.
    let full_kb: Vec<(u32, usize)> = names
        .mentions
        .iter()
        .filter(|m| m.full)
        .filter_map(|m| match m.actor {
            ActorRef::Kb(a) => Some((a, m.range.start)),
            _ => None,
        })
        .collect();

    // Where each learned actor is first named in full (kept up to date below): whether one
    // was introduced before a bare surname is asked for every bare surname.
    let mut first_full: HashMap<u32, usize> = HashMap::new();
    for m in names.mentions.iter().filter(|m| m.full) {
        if let ActorRef::Draft(a) = m.actor {
            let first = first_full.entry(a).or_insert(m.range.start);
            *first = (*first).min(m.range.start);
        }
    }
    // Knowledge-base people the draft names in full.
    let full_kb_of: std::collections::HashSet<u32> = full_kb.iter().map(|&(a, _)| a).collect();

    // Surnames (folded) of knowledge-base people the draft names in full.
    let kb_full_surnames: std::collections::HashSet<String> = full_kb
        .iter()
        .filter_map(|&(a, _)| {
            let actor = &names.kb.actors[a as usize];
            let p = actor.surname_part()?;
            (actor.kind == Kind::Person).then(|| actor.parts[p].variants.iter().map(|v| fold(v)))
        })
        .flatten()
        .collect();
    for bi in 0..names.blocks.len() {
        let block = &doc.blocks[bi];
        let text = block.text.as_str();
        let heading = matches!(block.kind, BlockKind::Heading(_));
        let mut bn = std::mem::take(&mut names.blocks[bi]);
        let ntok = bn.toks.len();
        for t in 0..ntok {
            if bn.tok_mention.get(t).is_some() || !bn.toks.at(t).cap() {
                continue;
            }
            let word = text[bn.toks.at(t).range()].to_string();
            let Some(cands) = draft_surnames.get(&fold(&word)) else {
                continue;
            };
            // The surname's particles before it ("de Blasio").
            let Some((cand_actors, s0)) = surname_tokens(text, &bn, t, cands) else {
                continue;
            };
            if bn.tok_mention.any_in(s0..t + 1) {
                continue;
            }
            let surname = text[bn.toks.at(s0).start()..bn.toks.at(t).end()].to_string();
            // A given name before it, shortest first.
            let mut found: Option<(u32, usize)> = None;
            let mut other_person = false;
            let mut k = s0;
            while k > 0
                && s0 - k < 3
                && bn.tok_mention.get(k - 1).is_none()
                && joined_by_space(text, &bn.toks.at(k - 1), &bn.toks.at(k))
            {
                let w = &text[bn.toks.at(k - 1).range()];
                let could_be_given = bn.toks.at(k - 1).cap()
                    && !draft_actors::is_title(w)
                    && !lexicon::is_calendar_word(w)
                    && (!lexicon::is_common_word(w)
                        || lexicon::is_known_given_name(w)
                        || !bn.toks.at(k - 1).sent_start());
                if !could_be_given {
                    break;
                }
                k -= 1;
                let given = text[bn.toks.at(k).start()..bn.toks.at(s0 - 1).end()].to_string();
                match find_actor(&names.draft_actors, &given, &surname) {
                    Some((i, m)) => {
                        if let Match::GivenVariant = m {
                            names.draft_actors[i].parts[0].push(given);
                        }
                        found = Some((i as u32, k));
                        break;
                    }
                    None => other_person = true,
                }
            }
            let (chosen, start, full) = match found {
                Some((a, k)) => (a, k, true),
                // "Ivanka Trump", "Thaksin Shinawatra": someone else with the surname.
                None if other_person => continue,
                None => {
                    // A surname two people of the draft share ("Abdullah Kurdi", "Alan
                    // Kurdi"; a learned "Hunter Biden" and the knowledge base's "Joe Biden")
                    // could be either: left alone.
                    if cand_actors.len() > 1 || kb_full_surnames.contains(&fold(&surname)) {
                        bare.remove_overlapping(bi, s0..t + 1);
                        continue;
                    }
                    // Nearest learned actor introduced before.
                    let at = block.source_start(bn.toks.at(t).start());
                    let chosen = *cand_actors
                        .iter()
                        .rfind(|c| first_full.get(c).is_some_and(|&s| s <= at))
                        .unwrap_or(&cand_actors[0]);
                    // A common word opening a sentence is not a surname mention ("Young").
                    if bn.toks.at(s0).sent_start() && lexicon::is_common_word(&word) {
                        continue;
                    }
                    // "of Allen, Texas": a place.
                    if place_context(text, &bn, s0, t) {
                        continue;
                    }
                    (chosen, s0, false)
                }
            };
            bare.remove_overlapping(bi, start..t + 1);
            let cx = BlockCx {
                block,
                bi,
                heading,
                text,
            };
            push_mention(
                names,
                &mut bn,
                cx,
                ActorRef::Draft(chosen),
                start..t + 1,
                full,
            );
            if full {
                if let Some(m) = names.mentions.last() {
                    let first = first_full.entry(chosen).or_insert(m.range.start);
                    *first = (*first).min(m.range.start);
                }
            }
        }
        names.blocks[bi] = bn;
    }

    // Knowledge-base surname hits.
    for (bi, toks, cands) in bare.take() {
        let block = &doc.blocks[bi];
        let text = block.text.as_str();
        let heading = matches!(block.kind, BlockKind::Heading(_));
        let mut bn = std::mem::take(&mut names.blocks[bi]);
        if bn.tok_mention.any_in(toks.clone()) {
            names.blocks[bi] = bn;
            continue;
        }
        let word = text[bn.toks.at(toks.start).start()..bn.toks.at(toks.end - 1).end()].to_string();
        // Prefer an actor this draft names in full.
        let distinct_present: std::collections::BTreeSet<u32> = cands
            .iter()
            .map(|c| c.0)
            .filter(|a| full_kb_of.contains(a))
            .collect();
        if distinct_present.len() > 1 {
            // Two people of the draft share the surname: it could be either.
            names.blocks[bi] = bn;
            continue;
        }
        let chosen = distinct_present.first().copied().or_else(|| {
            // Otherwise only an unambiguous surname that is not an everyday word.
            let distinct: std::collections::BTreeSet<u32> = cands.iter().map(|c| c.0).collect();
            (distinct.len() == 1
                && !lexicon::is_common_word(&word)
                && !lexicon::is_calendar_word(&word))
            .then_some(cands[0].0)
        });
        if let Some(actor) = chosen {
            if let Some(&(_, part, variant)) = cands.iter().find(|c| c.0 == actor) {
                let r = bn.toks.at(toks.start).start()..bn.toks.at(toks.end - 1).end();
                // Part of a hyphenated compound ("pro-Trump", "the Biden-Trump debate"): a
                // mention (for hover), but no spelling of the name.
                let compound =
                    word.contains('-') && names.kb.matcher.lookup(&fold(&word)).is_none();
                let parts = if compound {
                    Vec::new()
                } else {
                    vec![PartUse {
                        range: block.source_range(r.clone()),
                        part,
                        spelling: text[r.clone()].to_string(),
                        variant: Some(variant),
                        misspelling: false,
                    }]
                };
                let cx = BlockCx {
                    block,
                    bi,
                    heading,
                    text,
                };
                let hit = KbHit {
                    actor,
                    toks,
                    range: r,
                    parts,
                    full: false,
                };
                add_kb_mention(names, &mut bn, cx, hit);
            }
        }
        names.blocks[bi] = bn;
    }
}

/// The tokens of a learned surname ending at token `t`: the candidate actors whose surname
/// words all match, and the first token.
fn surname_tokens(
    text: &str,
    bn: &BlockNames,
    t: usize,
    cands: &[(u32, Vec<String>)],
) -> Option<(Vec<u32>, usize)> {
    let mut best: Option<(Vec<u32>, usize)> = None;
    for (actor, words) in cands {
        let n = words.len();
        if n == 0 || t + 1 < n {
            continue;
        }
        let s0 = t + 1 - n;
        let ok = (s0..t).all(|k| {
            fold(&text[bn.toks.at(k).range()]) == words[k - s0]
                && joined_by_space(text, &bn.toks.at(k), &bn.toks.at(k + 1))
        });
        if !ok {
            continue;
        }
        match &mut best {
            Some((actors, b)) if *b == s0 => actors.push(*actor),
            Some((_, b)) if *b < s0 => {}
            _ => best = Some((vec![*actor], s0)),
        }
    }
    best
}

/// "of Allen, Texas", "in Paris, France": a surname-like word used as a place.
fn place_context(text: &str, bn: &BlockNames, s0: usize, t: usize) -> bool {
    let before = s0
        .checked_sub(1)
        .map(|p| text[bn.toks.at(p).range()].to_lowercase());
    let after = &text[bn.toks.at(t).full_end()..];
    matches!(
        before.as_deref(),
        Some("of" | "in" | "near" | "from" | "at")
    ) && after.starts_with(", ")
        && after[2..].starts_with(|c: char| c.is_uppercase())
}

/// A spelling compared without case, accents or a leading particle: "al-Assad" and "Assad"
/// are the same spelling used in full and short form, not two spellings.
pub fn particle_key(spelling: &str) -> String {
    let f = fold(spelling);
    for particle in [
        "al ", "el ", "ad ", "as ", "ash ", "bin ", "ben ", "de ", "van ", "von ",
    ] {
        if let Some(rest) = f.strip_prefix(particle) {
            if !rest.is_empty() {
                return rest.to_string();
            }
        }
    }
    f
}

/// Edits that respell every mention of `actor`'s `part` as `spelling`.
pub fn respell_edits(names: &Names, actor: ActorRef, part: usize, spelling: &str) -> Vec<Edit> {
    let mut edits: Vec<Edit> = names
        .mentions
        .iter()
        .filter(|m| m.actor == actor)
        .flat_map(|m| m.parts.iter())
        .filter(|p| p.part == part && p.spelling != spelling)
        .map(|p| Edit::replace(p.range.clone(), spelling))
        .collect();
    edits.sort_by_key(|e| e.range.start);
    edits.dedup();
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Document;

    #[test]
    fn a_word_costs_8_bytes_and_keeps_its_possessive_end() {
        assert!(std::mem::size_of::<Tok>() <= 8);
        let text = "Merkel’s aide";
        let toks = tokens(text, std::slice::from_ref(&(0..text.len())));
        assert_eq!((toks[0].range(), toks[0].full_end()), (0..6, 10));
        assert_eq!((toks[1].range(), toks[1].full_end()), (11..15, 15));
    }

    #[test]
    fn a_paragraph_keeps_its_words_in_4_bytes_each_and_gives_them_back_unchanged() {
        let text = "Merkel’s aide, Jong-un and O'Brien met.\nLater Scholz spoke.";
        let later = text.find("Later").unwrap_or(0);
        let sentences = [0..later, later..text.len()];
        let toks = tokens(text, &sentences);
        let kept = Toks::from(toks.clone());
        assert!(matches!(kept, Toks::Narrow(_)));
        assert_eq!(kept.len(), toks.len());
        assert_eq!(kept.iter().collect::<Vec<_>>(), toks);
        assert_eq!(kept.range(1..3).collect::<Vec<_>>(), toks[1..3]);
        assert_eq!(kept.get(toks.len()), None);
        assert_eq!(tok_at(&kept, 3), Some(0));
        assert_eq!(tok_at(&kept, 8), Some(0), "inside the possessive ending");
        assert!(kept.at(6).sent_start() && kept.at(6).cap() && !kept.at(5).sent_start());
    }

    #[test]
    fn a_word_far_into_a_long_paragraph_or_a_very_long_word_keeps_8_bytes() {
        let far = format!("{} Merkel’s aide", "a ".repeat(40_000));
        let toks = tokens(&far, std::slice::from_ref(&(0..far.len())));
        let kept = Toks::from(toks.clone());
        assert!(matches!(kept, Toks::Wide(_)));
        assert_eq!(kept.iter().collect::<Vec<_>>(), toks);
        let long = format!("Ab{} said", "c".repeat(3_000));
        let toks = tokens(&long, std::slice::from_ref(&(0..long.len())));
        let kept = Toks::from(toks.clone());
        assert!(matches!(kept, Toks::Wide(_)));
        assert_eq!(kept.iter().collect::<Vec<_>>(), toks);
    }

    #[test]
    fn token_slots_answer_in_any_order_of_setting() {
        let mut slots = TokSlots::new(10);
        for (t, i) in [(7, 70), (2, 20), (5, 50), (2, 21), (12, 120)] {
            slots.set(t, i);
        }
        assert_eq!(
            slots.get(2).get(),
            Some(21),
            "a second set replaces the first"
        );
        assert_eq!(slots.get(12).get(), None, "past the block");
        assert_eq!(slots.first_in(3..8), Some(50));
        assert_eq!(slots.first_in(8..10), None);
        assert!(!slots.any_in(3..3));
        assert_eq!(slots.slice(4..6), vec![TokSlot::NONE, TokSlot::some(50)]);
    }

    fn analyse_text(text: &str) -> (Document, Names) {
        let doc = Document::parse(text);
        let names = analyse(&doc, &crate::Config::default().names);
        (doc, names)
    }

    fn mentions(text: &str) -> Vec<(String, String, bool)> {
        let (doc, names) = analyse_text(text);
        names
            .mentions
            .iter()
            .map(|m| {
                (
                    doc.text()[m.range.clone()].to_string(),
                    names.display_name(m.actor),
                    m.full,
                )
            })
            .collect()
    }

    #[test]
    fn recognises_kb_actors_in_full_and_by_surname() {
        let m = mentions("Ukrainian President Volodymyr Zelenskiy spoke in Kyiv. Later Zelensky’s aide said Putin's envoy had left.");
        let got: Vec<(&str, &str, bool)> = m
            .iter()
            .map(|(a, b, c)| (a.as_str(), b.as_str(), *c))
            .collect();
        assert_eq!(
            got,
            [
                ("Volodymyr Zelenskiy", "Volodymyr Zelenskyy", true),
                ("Kyiv", "Kyiv", true),
                ("Zelensky", "Volodymyr Zelenskyy", false),
                ("Putin", "Vladimir Putin", false),
            ]
        );
    }

    #[test]
    fn learns_people_from_titles_and_appositives() {
        let text = "Kremlin spokesman Ivan Petrenko spoke first.\n\nJohn Kirby, a White House spokesman, replied. Petrenko said no. Kirby agreed.\n";
        let (doc, names) = analyse_text(text);
        assert_eq!(names.draft_actors.len(), 2, "{:?}", names.draft_actors);
        let peskov = names
            .entries
            .iter()
            .find(|e| names.display_name(e.actor) == "Ivan Petrenko")
            .unwrap();
        assert_eq!(peskov.mentions.len(), 2);
        assert_eq!(
            peskov.intro.as_ref().unwrap().title.as_deref(),
            Some("Kremlin spokesman")
        );
        let kirby = names
            .entries
            .iter()
            .find(|e| names.display_name(e.actor) == "John Kirby")
            .unwrap();
        assert_eq!(
            kirby.intro.as_ref().unwrap().title.as_deref(),
            Some("a White House spokesman")
        );
        let last = &names.mentions[*kirby.mentions.last().unwrap()];
        assert_eq!(&doc.text()[last.range.clone()], "Kirby");
    }

    #[test]
    fn parts_of_hyphenated_compounds_are_mentions_but_not_spellings() {
        let (doc, names) = analyse_text(
            "President Donald Trump spoke. The Biden-Trump debate, a pro-Trump rally and Trump-branded hats.",
        );
        let compounds: Vec<&Mention> = names
            .mentions
            .iter()
            .filter(|m| doc.text()[m.range.clone()].contains('-'))
            .collect();
        assert_eq!(compounds.len(), 3, "{:?}", names.mentions);
        assert!(compounds.iter().all(|m| m.parts.is_empty()));
    }

    #[test]
    fn a_surname_two_people_share_is_left_alone() {
        let m = mentions(
            "Activist Abdullah Kurdi spoke. His son Alan Kurdi drowned. Kurdi said the boy was kind.",
        );
        assert!(m.iter().all(|(t, _, _)| t != "Kurdi"), "{m:?}");
        // Two given names that are both names: two people.
        let (_, names) = analyse_text(
            "Spokesman Mario Petrenko spoke. Spokesman Maria Petrenko, his sister, agreed.",
        );
        assert_eq!(names.draft_actors.len(), 2, "{:?}", names.draft_actors);
    }

    #[test]
    fn a_different_person_with_a_kb_surname_is_not_the_kb_actor() {
        let m = mentions(
            "Republican Kevin McCarthy, who held the post, spoke. Kim Kardashian came too.",
        );
        assert!(m.iter().all(|(_, n, _)| n != "Kim Jong Un"), "{m:?}");
        assert!(
            m.iter()
                .any(|(t, n, _)| t == "Kevin McCarthy" && n == "Kevin McCarthy"),
            "{m:?}"
        );
    }

    #[test]
    fn common_words_that_are_surnames_need_evidence() {
        // Bare, they are words: no person.
        let m = mentions(
            "Rice prices rose. Young voters came out. Bush fires spread in May. The Young family spoke.",
        );
        assert!(
            m.iter().all(|(_, n, _)| !matches!(
                n.as_str(),
                "Condoleezza Rice" | "Susan Rice" | "Todd Young" | "George W. Bush" | "Theresa May"
            )),
            "{m:?}"
        );
        // Named in full, they are people.
        let m = mentions("Condoleezza Rice spoke. Todd Young left.");
        let got: Vec<&str> = m.iter().map(|(_, n, _)| n.as_str()).collect();
        assert_eq!(got, ["Condoleezza Rice", "Todd Young"]);
    }

    #[test]
    fn a_longer_name_is_not_the_person_its_beginning_names() {
        let m = mentions("John James Conyers Jr. was first elected in 1964.");
        assert!(m.iter().all(|(_, n, _)| n != "John James"), "{m:?}");
        let m = mentions("Representative John James spoke. Vladimir Putin Tuesday said no.");
        let got: Vec<&str> = m.iter().map(|(_, n, _)| n.as_str()).collect();
        assert_eq!(got, ["John James", "Vladimir Putin"]);
    }

    /// The display name each mention is bound to, and whether to the knowledge base.
    fn bindings(text: &str) -> Vec<(String, bool)> {
        let (doc, names) = analyse_text(text);
        names
            .mentions
            .iter()
            .filter(|m| names.is_person(m.actor))
            .map(|m| {
                (
                    doc.text()[m.range.clone()].to_string(),
                    matches!(m.actor, ActorRef::Kb(_)),
                )
            })
            .collect()
    }

    #[test]
    fn a_namesake_described_outside_public_office_is_not_the_kb_person() {
        // The knowledge base's Andrew Smith is a British minister.
        for text in [
            "The glue came from the laboratory of Dr. Andrew Smith. Smith said it held.",
            "Andrew Smith, a biologist at the university, said the glue held. Smith smiled.",
            "Professor Andrew Smith said the glue held. Smith smiled.",
            "Striker Andrew Smith scored twice. Smith was substituted late.",
            "The team of laboratory head Andrew Smith found it.",
            "Andrew Smith, head of the materials laboratory, said the glue held.",
        ] {
            let b = bindings(text);
            assert!(!b.is_empty(), "{text}: {b:?}");
            assert!(b.iter().all(|(_, kb)| !kb), "{text}: {b:?}");
        }
        // A person of the draft, introduced as it wrote: hover shows the draft's title.
        let (_, names) = analyse_text("The glue came from the laboratory of Dr. Andrew Smith.");
        let e = &names.entries[0];
        assert!(matches!(e.actor, ActorRef::Draft(_)));
        assert_eq!(
            e.intro.as_ref().and_then(|i| i.title.as_deref()),
            Some("Dr.")
        );
    }

    #[test]
    fn a_politician_described_by_office_or_past_stays_the_kb_person() {
        for text in [
            "Andrew Smith, a former lawyer, said the bill would pass. Smith left.",
            "Dr. Andrew Smith, the health minister, said the bill would pass.",
            "Minister Andrew Smith said the bill would pass.",
            "Mr. Andrew Smith said the bill would pass.",
            "Andrew Smith said the bill would pass.",
            "Andrew Smith, a former pilot and now an MP, said no.",
            "Dr. Andrew Smith, head of the ruling party, said no.",
        ] {
            let b = bindings(text);
            assert!(
                b.first().is_some_and(|(t, kb)| t == "Andrew Smith" && *kb),
                "{text}: {b:?}"
            );
        }
    }

    #[test]
    fn an_earned_title_alone_does_not_unbind_a_head_of_government() {
        // Heads of state and government are styled "Dr." in much news copy.
        let b = bindings("Dr. Manmohan Singh said the economy would grow.");
        assert!(
            b.iter().any(|(t, kb)| t == "Manmohan Singh" && *kb),
            "{b:?}"
        );
        // An occupation does: a namesake footballer.
        let b = bindings("Midfielder Manmohan Singh scored in the final.");
        assert!(b.iter().all(|(_, kb)| !kb), "{b:?}");
    }
}
