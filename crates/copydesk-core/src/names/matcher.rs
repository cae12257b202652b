//! Finding knowledge-base names in prose: every name, variant, known misspelling and
//! whole-name form, sorted, and matched on a folded copy of the text (lowercase, diacritics
//! removed, hyphens as spaces, curly apostrophes straight) at word starts only — the longest
//! spelling that starts there — with a word boundary (or a possessive ’s) after the match.
//!
//! A sorted table rather than an automaton: matches are only ever looked for at a word start
//! (anchored), where narrowing a range of the sorted spellings byte by byte finds the longest
//! one, and sorting costs a few milliseconds where building an Aho–Corasick automaton over the
//! same ~20,000 spellings cost ~30 ms on the first draft a process checks.

use super::kb::Actor;
pub use super::name_table::{fold, Pattern, Target, TargetKind};
use super::name_table::{fold_char, sorted_order};
use aho_corasick::BuildError;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

#[derive(Debug)]
pub struct Matcher {
    /// Every folded spelling, in byte order, one after the other (close together in memory,
    /// as the search reads them).
    keys: Vec<u8>,
    /// The spellings in that order: where each is in `keys`, and its pattern id.
    sorted: Vec<Key>,
    /// For each first two bytes, the range of `sorted` whose spellings start with them
    /// (every spelling has at least two).
    first: Vec<(u32, u32)>,
    /// The first word of every spelling (its bytes up to the first that is not a letter or
    /// digit): a word of the text that is none of these starts no name, whatever follows it.
    first_words: HashSet<Box<[u8]>, BuildHasherDefault<Fnv>>,
    pub patterns: Vec<Pattern>,
}

/// FNV-1a: short keys (a word), hashed once per word start of the text; the standard
/// hasher's SipHash costs several times more on them.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// The bytes of `s` up to its first character that is not alphanumeric.
fn first_word(s: &str) -> &str {
    s.find(|c: char| !c.is_alphanumeric())
        .map_or(s, |end| &s[..end])
}

/// One spelling in [`Matcher::sorted`].
#[derive(Debug, Clone, Copy)]
struct Key {
    start: u32,
    len: u32,
    pattern: u32,
}

/// A knowledge-base name found in a text; `range` in the text's byte offsets, without a
/// possessive ending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub range: Range<usize>,
    pub pattern: u32,
}

impl Matcher {
    /// Index every spelling of `actors`. Never fails at present (the `Result` is kept for the
    /// callers that report an index that cannot be built).
    pub fn build(actors: &[Actor]) -> Result<Matcher, BuildError> {
        let m = super::kb_schema::spellings(actors.iter().map(|a| {
            (
                a.name.as_str(),
                a.parts.as_slice(),
                a.full_variants.as_slice(),
            )
        }));
        let order = sorted_order(&m.patterns);
        Ok(Matcher::from_sorted(m.patterns, &order))
    }

    /// The matcher for `patterns` (ids are their indices) given in the byte order of their
    /// folded spellings (`order`, as [`sorted_order`] gives, or build.rs wrote it).
    pub fn from_sorted(patterns: Vec<Pattern>, order: &[u32]) -> Matcher {
        let mut keys = Vec::with_capacity(patterns.iter().map(|p| p.folded.len()).sum());
        let mut sorted = Vec::with_capacity(order.len());
        let mut first = vec![(0u32, 0u32); 1 << 16];
        let mut first_words: HashSet<Box<[u8]>, BuildHasherDefault<Fnv>> = HashSet::default();
        for &p in order {
            let Some(pattern) = patterns.get(p as usize) else {
                continue;
            };
            let i = sorted.len();
            let folded = pattern.folded.as_bytes();
            sorted.push(Key {
                start: keys.len() as u32,
                len: folded.len() as u32,
                pattern: p,
            });
            keys.extend_from_slice(folded);
            let word = first_word(&pattern.folded).as_bytes();
            if !word.is_empty() && !first_words.contains(word) {
                first_words.insert(word.into());
            }
            if let [b0, b1, ..] = *folded {
                let r = &mut first[usize::from(b0) << 8 | usize::from(b1)];
                if r.0 == r.1 {
                    *r = (i as u32, i as u32);
                }
                r.1 = i as u32 + 1;
            }
        }
        Matcher {
            keys,
            sorted,
            first,
            first_words,
            patterns,
        }
    }

    fn key(&self, key: &Key) -> &[u8] {
        &self.keys[key.start as usize..(key.start + key.len) as usize]
    }
}

impl Matcher {
    /// The pattern for a folded spelling, if the knowledge base knows it.
    pub fn lookup(&self, folded: &str) -> Option<&Pattern> {
        let i = self
            .sorted
            .partition_point(|k| self.key(k) < folded.as_bytes());
        let key = self.sorted.get(i)?;
        (self.key(key) == folded.as_bytes()).then(|| &self.patterns[key.pattern as usize])
    }

    /// The longest spelling that `hay` starts with: its pattern id and length in bytes.
    fn longest_prefix(&self, hay: &[u8]) -> Option<(u32, usize)> {
        let [b0, b1, ..] = *hay else { return None };
        let (lo, hi) = self.first[usize::from(b0) << 8 | usize::from(b1)];
        let (mut lo, mut hi) = (lo as usize, hi as usize);
        let mut best = None;
        // `sorted[lo..hi]`: the spellings that start with `hay[..=k]`; one exactly that long
        // sorts first. Every other one has a byte at `k + 1`.
        let byte = |key: &Key, k: usize| self.keys[key.start as usize + k];
        let mut k = 1;
        while lo < hi {
            let key = self.sorted[lo];
            if key.len as usize == k + 1 {
                best = Some((key.pattern, k + 1));
                lo += 1;
            }
            k += 1;
            let Some(&b) = hay.get(k) else { break };
            let range = &self.sorted[lo..hi];
            let start = range.partition_point(|key| byte(key, k) < b);
            let end = start + range[start..].partition_point(|key| byte(key, k) <= b);
            (lo, hi) = (lo + start, lo + end);
        }
        best
    }

    /// Every knowledge-base name in `text`, left to right, longest at each word start.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let folded = Folded::new(text);
        let hay = folded.text.as_bytes();
        let mut next_free = 0;
        let mut prev: [char; 2] = [' ', ' '];
        for (pos, c) in folded.text.char_indices() {
            let inside =
                prev[1].is_alphanumeric() || (prev[1] == '\'' && prev[0].is_alphanumeric());
            prev = [prev[1], c];
            if pos < next_free || !c.is_alphanumeric() || inside {
                continue;
            }
            // A spelling found here must end at a word boundary: it is this word, or this
            // word and more after a space or a stop. Either way its first word is this one.
            if !self
                .first_words
                .contains(first_word(&folded.text[pos..]).as_bytes())
            {
                continue;
            }
            let Some((pattern_id, len)) = self.longest_prefix(&hay[pos..]) else {
                continue;
            };
            let end = pos + len;
            let bounded = match folded.text[end..].chars().next() {
                None => true,
                Some(c) => !c.is_alphanumeric(),
            };
            let range = folded.source(pos..end);
            let pattern = &self.patterns[pattern_id as usize];
            let original = &text[range.clone()];
            let capital_ok =
                !pattern.needs_capital || original.chars().next().is_some_and(char::is_uppercase);
            let acronym_ok = !pattern.acronym
                || original
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase);
            if bounded && capital_ok && acronym_ok {
                out.push(Hit {
                    range,
                    pattern: pattern_id,
                });
                next_free = end;
            }
        }
        out
    }
}

/// A folded copy of a text with a map back to the source offsets of each folded byte.
pub struct Folded {
    pub text: String,
    /// Where the folded text comes from, in folded order: runs of ASCII characters (folded
    /// byte for byte: most of a news paragraph is one run) and single other characters.
    /// A map per folded byte cost eight bytes per byte of every block scanned.
    runs: Vec<FoldRun>,
}

/// A piece of [`Folded::text`] starting at `folded`: with `src_len` 0, ASCII folded byte for
/// byte from `src` on; otherwise one character at `src`, `src_len` bytes long, to which
/// each of its folded bytes maps back whole.
#[derive(Clone, Copy)]
struct FoldRun {
    folded: u32,
    src: u32,
    src_len: u32,
}

impl Folded {
    pub fn new(src: &str) -> Folded {
        let mut f = Folded {
            text: String::with_capacity(src.len()),
            runs: Vec::new(),
        };
        for (i, c) in src.char_indices() {
            let at = f.text.len();
            // An ASCII character folds to one ASCII byte: it extends the run before it
            // when that run is ASCII and ends right here in the source.
            let extends = c.is_ascii()
                && f.runs.last().is_some_and(|r| {
                    r.src_len == 0 && (r.src as usize) + (at - r.folded as usize) == i
                });
            if !extends {
                f.runs.push(FoldRun {
                    folded: at as u32,
                    src: i as u32,
                    src_len: if c.is_ascii() { 0 } else { c.len_utf8() as u32 },
                });
            }
            fold_char(c, |d| f.text.push(d));
        }
        f
    }

    /// The run holding folded byte `k` (`k` < the folded length). A character that folds
    /// to nothing (a lone combining mark) leaves an empty run, which a later one at the
    /// same offset follows: the last run starting at or before `k` is the one.
    fn run_at(&self, k: usize) -> FoldRun {
        let i = self.runs.partition_point(|r| r.folded as usize <= k);
        self.runs[i.saturating_sub(1)]
    }

    /// Source range of a folded range (non-empty).
    pub fn source(&self, r: Range<usize>) -> Range<usize> {
        if r.start >= r.end || r.end > self.text.len() {
            return 0..0;
        }
        let first = self.run_at(r.start);
        let start = if first.src_len == 0 {
            first.src as usize + (r.start - first.folded as usize)
        } else {
            first.src as usize
        };
        let last = self.run_at(r.end - 1);
        let end = if last.src_len == 0 {
            last.src as usize + (r.end - last.folded as usize)
        } else {
            (last.src + last.src_len) as usize
        };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::super::kb::Kb;
    use super::*;
    use proptest::prelude::*;

    /// The longest spelling a text starts with, found by trying every spelling: what the
    /// sorted table's search must give (and what the Aho–Corasick automaton it replaced
    /// gave, anchored and leftmost-longest).
    fn longest_by_brute_force(m: &Matcher, hay: &str) -> Option<(u32, usize)> {
        m.patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| hay.starts_with(p.folded.as_str()))
            .max_by_key(|(_, p)| p.folded.len())
            .map(|(i, p)| (i as u32, p.folded.len()))
    }

    #[test]
    fn the_sorted_search_finds_the_longest_spelling_as_trying_every_one_does() {
        let kb = Kb::default_kb();
        let m = &kb.matcher;
        let n = m.patterns.len();
        for i in (0..n).step_by(97) {
            let p = m.patterns[i].folded.as_str();
            let next = m.patterns[(i * 7 + 1) % n].folded.as_str();
            let cut = p.char_indices().last().map_or(0, |(j, _)| j);
            for hay in [
                p.to_string(),
                format!("{p} said"),
                format!("{p}s and"),
                format!("{p} {next}"),
                format!("{}x", &p[..cut]),
                format!("zz{p}"),
            ] {
                assert_eq!(
                    m.longest_prefix(hay.as_bytes()),
                    longest_by_brute_force(m, &hay),
                    "{hay:?}"
                );
            }
        }
    }

    /// `fold`'s view of a text from `Folded`'s: runs of spaces collapsed, none at the ends.
    fn squeeze_spaces(s: &str) -> String {
        s.split(' ')
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// Texts mixing the characters the table treats specially (accents and combining marks,
    /// hyphens, apostrophes, both cases, letters without decompositions, non-Latin scripts,
    /// spaces) with arbitrary characters.
    fn texts() -> impl Strategy<Value = String> {
        let special = prop::sample::select(vec![
            'a', 'Z', ' ', ' ', '-', '‑', '‐', '\'', '’', '‘', 'ʼ', 'ʻ', 'ʿ', 'ʾ', '´', '`', 'é',
            'É', 'ñ', 'ü', 'Ş', 'ğ', 'İ', 'ı', 'ø', 'Ø', 'ß', 'ẞ', 'ł', 'Ł', 'đ', 'Đ', 'æ', 'Æ',
            'œ', 'þ', '\u{301}', '\u{308}', '\u{a0}', '\t', 'ж', 'Ж', 'Σ', 'ς', 'ΐ', '中', '한',
            'ا', 'ﬁ', 'Ⅻ', 'ǅ',
        ]);
        prop::collection::vec(prop_oneof![3 => special, 1 => any::<char>()], 0..40)
            .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The two views fold every character the same way; only `fold` squeezes spaces.
        #[test]
        fn fold_and_folded_agree(s in texts()) {
            let f = Folded::new(&s);
            prop_assert_eq!(fold(&s), squeeze_spaces(&f.text));
            // Each folded character maps back to whole source characters, which fold to it.
            for (k, c) in f.text.char_indices() {
                let r = f.source(k..k + c.len_utf8());
                prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
                prop_assert!(r.start < r.end);
                let mut alone = String::new();
                fold_char(s[r].chars().next().unwrap(), |d| alone.push(d));
                prop_assert!(alone.contains(c), "{:?} -> {:?}", &s, c);
            }
        }
    }

    /// Source range of each folded byte, as a map per byte (what `Folded` kept before its
    /// runs): the reference the runs must agree with.
    fn byte_map(src: &str) -> (Vec<usize>, Vec<usize>) {
        let (mut start, mut end) = (Vec::new(), Vec::new());
        for (i, c) in src.char_indices() {
            fold_char(c, |d| {
                for _ in 0..d.len_utf8() {
                    start.push(i);
                    end.push(i + c.len_utf8());
                }
            });
        }
        (start, end)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]

        /// Every folded range maps back to what a map per folded byte gives.
        #[test]
        fn folded_runs_map_back_as_a_map_per_byte_does(s in texts()) {
            let f = Folded::new(&s);
            let (start, end) = byte_map(&s);
            prop_assert_eq!(start.len(), f.text.len());
            for a in 0..=f.text.len() + 1 {
                for b in 0..=f.text.len() + 1 {
                    let want = if a >= b || b > start.len() { 0..0 } else { start[a]..end[b - 1] };
                    prop_assert_eq!(f.source(a..b), want, "{:?} {}..{}", &s, a, b);
                }
            }
        }
    }

    fn found(text: &str) -> Vec<&str> {
        let kb = Kb::default_kb();
        kb.matcher
            .find(text)
            .into_iter()
            .map(|h| &text[h.range])
            .collect()
    }

    #[test]
    fn folds_diacritics_case_hyphens_and_apostrophes() {
        assert_eq!(fold("Zelenskýy"), "zelenskyy");
        assert_eq!(fold("Kim Jong-un"), "kim jong un");
        assert_eq!(fold("Erdoğan’s"), "erdogan's");
        assert_eq!(fold("Łukasz Straße"), "lukasz strasse");
        let f = Folded::new("é-Ab");
        assert_eq!(f.text, "e ab");
        assert_eq!(f.source(0..1), 0..2);
        assert_eq!(f.source(2..4), 3..5);
    }

    #[test]
    fn finds_names_on_word_boundaries_with_possessives_and_name_order() {
        assert_eq!(
            found("Xi’s aide met Putin's envoy and President Zelenskiy in Kyiv."),
            ["Xi", "Putin", "Zelenskiy", "Kyiv"]
        );
        // Inside a longer word, nothing.
        assert!(found("Putinism and Kyivan").is_empty());
        assert_eq!(
            found("Kim Jong-un and Kim Jong Un"),
            ["Kim Jong-un", "Kim Jong Un"]
        );
        assert_eq!(found("Recep Tayyip Erdoğan"), ["Recep Tayyip", "Erdoğan"]);
        assert_eq!(found("Donald J. Trump"), ["Donald J. Trump"]);
        // Lower-case common words and acronyms in the wrong case do not match.
        assert!(!found("the us and them; a turkey dinner")
            .iter()
            .any(|s| !s.is_empty()));
        assert_eq!(found("the UN said"), ["UN"]);
    }
}
