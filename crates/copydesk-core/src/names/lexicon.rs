//! Word lists the name checks consult: an English dictionary (so "Trumpet" or "Bush" the
//! plant are never misspelled names) and nickname pairs (Bill ↔ William). Both are shipped
//! in `data/` with their licences; see `data/dict/README.md` and `data/names/README.md`.

use std::collections::HashSet;

/// Sets of words that are only looked up: foldhash, several times cheaper to build and query
/// than the default SipHash. (The dictionary is a table build.rs makes, [`DICT`]; the tests
/// compare it with this set of its words.)
type WordSet = HashSet<&'static str, foldhash::fast::FixedState>;

fn word_set(text: &'static str) -> WordSet {
    let mut set = WordSet::with_capacity_and_hasher(text.len() / 8, Default::default());
    set.extend(text.lines().filter(|l| !l.is_empty()));
    set
}
use std::sync::LazyLock;

static WORDS: &str = include_str!("../../data/dict/words.txt");
static NICKNAMES: &str = include_str!("../../data/names/nicknames.csv");
static VARIANT_FORMS: &str = include_str!("../../data/names/name_variant_forms.txt");

static FORMS: LazyLock<WordSet> = LazyLock::new(|| word_set(VARIANT_FORMS));

/// A romanisation of a personal name that some language's tables list (Usama, Yusuf).
pub fn is_name_variant_form(word: &str) -> bool {
    FORMS.contains(word.to_lowercase().as_str())
}

/// Dictionary entries, a hash table over [`WORDS`] that build.rs makes (`word_table.rs`): the
/// name checks ask about every capitalised word of a draft, a lookup here is several times
/// cheaper than a binary search of 75,000 words, and reading the table costs nothing where
/// filling a set cost ~6 ms of the first draft.
static DICT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/words.table"));

/// Each name → the groups (one per formal name: the name and its nicknames) it belongs to.
struct Nicknames {
    groups: std::collections::HashMap<String, Vec<u32>>,
    /// Formal names by how many nicknames the list gives them (John: 7).
    nicknames_of: std::collections::HashMap<String, u32>,
}

static NICKS: LazyLock<Nicknames> = LazyLock::new(|| {
    let mut groups: std::collections::HashMap<String, Vec<u32>> = Default::default();
    let mut formal: std::collections::HashMap<String, u32> = Default::default();
    let mut nicknames_of: std::collections::HashMap<String, u32> = Default::default();
    for line in NICKNAMES.lines().skip(1) {
        let mut f = line.split(',');
        let (Some(a), Some(_), Some(b)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
        *nicknames_of.entry(a.clone()).or_default() += 1;
        let next = formal.len() as u32;
        let g = *formal.entry(a.clone()).or_insert(next);
        for name in [a, b] {
            let v = groups.entry(name).or_default();
            if !v.contains(&g) {
                v.push(g);
            }
        }
    }
    Nicknames {
        groups,
        nicknames_of,
    }
});

fn contains(word: &str) -> bool {
    super::word_table::contains(DICT, WORDS, word)
}

/// A common (lowercase) English word, in any capitalisation: "Trumpet", "Bush", "MAY".
pub fn is_common_word(word: &str) -> bool {
    if !word.chars().any(char::is_uppercase) {
        return contains(word);
    }
    crate::text::with_lowercase(word, contains)
}

/// A British spelling of a common word the (American) dictionary lists: "Defence",
/// "Labour", "Centre", "organisation", "analyse". A house's spelling, not a slip of a
/// name ("the Ministry of Defence" beside "the Secretary of Defense").
pub fn is_british_spelling(word: &str) -> bool {
    let w = word.to_lowercase();
    const ENDINGS: [(&str, &str); 9] = [
        ("ence", "ense"),
        ("ences", "enses"),
        ("tre", "ter"),
        ("tres", "ters"),
        ("ise", "ize"),
        ("ised", "ized"),
        ("ises", "izes"),
        ("yse", "yze"),
        ("ogue", "og"),
    ];
    let by_ending = ENDINGS.iter().any(|(gb, us)| {
        w.strip_suffix(gb)
            .is_some_and(|stem| !stem.is_empty() && contains(&format!("{stem}{us}")))
    });
    by_ending
        || (w.contains("our") && contains(&w.replacen("our", "or", 1)))
        || (w.contains("isation") && contains(&w.replacen("isation", "ization", 1)))
}

/// A dictionary word: a common word in any case, or a proper noun the dictionary lists
/// with this capitalisation (Alan, Mays).
pub fn is_dictionary_word(word: &str) -> bool {
    contains(word) || is_common_word(word)
}

/// Days and months: capitalised, in every draft, and sometimes someone's surname (Friday).
pub fn is_calendar_word(word: &str) -> bool {
    crate::calendar::is_calendar_word(word)
}

/// Whether one name is a nickname of the other, or both of one formal name (Bill, Will,
/// William).
pub fn are_nicknames(a: &str, b: &str) -> bool {
    let (Some(ga), Some(gb)) = (
        NICKS.groups.get(&a.to_lowercase()),
        NICKS.groups.get(&b.to_lowercase()),
    ) else {
        return false;
    };
    ga.iter().any(|g| gb.contains(g))
}

/// A given name the nickname list knows (either side of a pair).
pub fn is_known_given_name(word: &str) -> bool {
    crate::text::with_lowercase(word, |w| NICKS.groups.contains_key(w))
}

/// A formal given name the nickname list gives two nicknames or more (John, William): a
/// name so common that, when it is also an everyday word ("john"), it is still the name.
fn well_known(name: &str) -> bool {
    NICKS
        .nicknames_of
        .get(&name.to_lowercase())
        .is_some_and(|&n| n >= 2)
}

/// The common given name two swapped inner letters of `word` make, if exactly one
/// ("Jhon" → "John", "Micahel" → "Michael"): a given name the nickname list knows that the
/// dictionary also lists as a proper noun, and no everyday word ("Faith", "Hope") unless a
/// formal name with several nicknames (John). Only a
/// swap of two letters neither the first nor the last: it is the slip of a typing hand,
/// where a changed, dropped or doubled letter, or a swapped ending, is as often another
/// name or a language's form of it (Viktor, Riccardo, Krishan, Michela).
pub fn swapped_common_given_name(word: &str) -> Option<String> {
    let c: Vec<char> = word.chars().collect();
    let n = c.len();
    if n < 4 || !c.iter().all(char::is_ascii_alphabetic) {
        return None;
    }
    let mut found: Option<String> = None;
    for i in 1..n - 2 {
        if c[i] == c[i + 1] {
            continue;
        }
        let mut m = c.clone();
        m.swap(i, i + 1);
        let v: String = m.into_iter().collect();
        if common_given(&v) {
            if found.as_ref().is_some_and(|f| *f != v) {
                return None;
            }
            found = Some(v);
        }
    }
    found
}

/// A formal given name common enough to be guessed from a slip of it: a given name the
/// nickname list knows that the dictionary also lists as a proper noun, and no everyday
/// word ("Faith", "Hope") unless a formal name with several nicknames (John). `v` is
/// capitalised as a name is.
fn common_given(v: &str) -> bool {
    contains(v) && is_known_given_name(v) && (!is_common_word(v) || well_known(v))
}

/// Letter trigrams of every name the lists know — the nickname list's names, the
/// romanisations, the dictionary's proper nouns — with `^` and `$` for the word's ends:
/// how names are spelled. A word with a trigram none of them has ("Jhn", "Daviid",
/// "Howarrd") is spelled as no name is.
static NAME_GRAMS: LazyLock<HashSet<[u8; 3], foldhash::fast::FixedState>> = LazyLock::new(|| {
    let mut set: HashSet<[u8; 3], foldhash::fast::FixedState> = HashSet::default();
    let proper = WORDS
        .lines()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase));
    let listed = NICKS.groups.keys().map(String::as_str);
    for w in proper.chain(listed).chain(VARIANT_FORMS.lines()) {
        set.extend(trigrams(w));
    }
    set
});

/// The letter trigrams of an ASCII word, lowercased, with `^` and `$` for its ends (none
/// for a word with other characters).
fn trigrams(word: &str) -> Vec<[u8; 3]> {
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Vec::new();
    }
    let b: Vec<u8> = std::iter::once(b'^')
        .chain(word.bytes().map(|c| c.to_ascii_lowercase()))
        .chain(std::iter::once(b'$'))
        .collect();
    b.windows(3).map(|w| [w[0], w[1], w[2]]).collect()
}

/// The common given name that one dropped or one doubled letter of `word` makes, if
/// exactly one ("Andrw" → "Andrew", "Daviid" → "David", "Johhn" → "John"), and only when
/// `word` is spelled as no name the lists know is (a letter trigram none of them has):
/// a changed, dropped or doubled letter is as often another name or another language's
/// form of it (Viktor, Paola, Michela), but those are spelled as names are. The first
/// letter is kept; a changed vowel is never guessed (Paula, Paola; Valerie, Valerii).
pub fn slipped_common_given_name(word: &str) -> Option<String> {
    let c: Vec<char> = word.chars().collect();
    let n = c.len();
    if n < 3
        || !c.iter().all(char::is_ascii_alphabetic)
        || !c[0].is_ascii_uppercase()
        || c[1..].iter().any(char::is_ascii_uppercase)
        || trigrams(word).iter().all(|g| NAME_GRAMS.contains(g))
    {
        return None;
    }
    let mut found: Option<String> = None;
    let mut take = |v: String| -> bool {
        if v.chars().count() >= 4 && common_given(&v) {
            if found.as_ref().is_some_and(|f| *f != v) {
                return false;
            }
            found = Some(v);
        }
        true
    };
    // A letter dropped: put one back anywhere after the first.
    for i in 1..=n {
        for l in 'a'..='z' {
            let v: String = c[..i]
                .iter()
                .chain(std::iter::once(&l))
                .chain(&c[i..])
                .collect();
            if !take(v) {
                return None;
            }
        }
    }
    // A letter doubled: write it once.
    for i in 1..n - 1 {
        if c[i] == c[i + 1] {
            let v: String = c[..i].iter().chain(&c[i + 1..]).collect();
            if !take(v) {
                return None;
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn british_spellings_of_dictionary_words_are_known() {
        for w in [
            "Defence",
            "Labour",
            "Centre",
            "organisation",
            "Analyse",
            "Catalogue",
        ] {
            assert!(is_british_spelling(w), "{w}");
        }
        // Names and slips are not: "Defemce", "Zelensky", "Laboir".
        for w in ["Defemce", "Zelensky", "Laboir", "Oise", "Ence"] {
            assert!(!is_british_spelling(w), "{w}");
        }
    }

    #[test]
    fn dictionary_knows_common_words_and_listed_proper_nouns() {
        assert!(is_common_word("Trumpet"));
        assert!(is_common_word("Bush"));
        assert!(is_dictionary_word("Mays"));
        assert!(is_dictionary_word("Alan"));
        assert!(!is_dictionary_word("Zelensky"));
        assert!(!is_dictionary_word("Volodomyr"));
        assert!(!is_common_word("Alan"));
    }

    #[test]
    fn the_dictionary_table_holds_every_word_and_no_other() {
        let set = word_set(WORDS);
        assert!(set.len() > 70_000);
        for w in &set {
            assert!(contains(w), "{w}");
            assert!(!contains(&format!("{w}qx")) || set.contains(format!("{w}qx").as_str()));
        }
        assert!(!contains(""));
        assert!(!contains("Zelenskyy"));
        // A table of its own: a word, a miss, and an empty table.
        let text = "a\nbb\n\nccc\n";
        let table = super::super::word_table::build(text);
        assert!(["a", "bb", "ccc"]
            .iter()
            .all(|w| super::super::word_table::contains(&table, text, w)));
        assert!(!super::super::word_table::contains(&table, text, "b"));
        assert!(!super::super::word_table::contains(&[], text, "a"));
    }

    #[test]
    fn nicknames_pair_both_ways() {
        assert!(are_nicknames("Bill", "William"));
        assert!(are_nicknames("william", "Bill"));
        assert!(are_nicknames("Bill", "Will"));
        assert!(!are_nicknames("Bill", "Donald"));
        assert!(is_known_given_name("Katherine"));
    }

    #[test]
    fn a_swap_inside_a_common_given_name_is_found_once() {
        assert_eq!(swapped_common_given_name("Jhon").as_deref(), Some("John"));
        assert_eq!(
            swapped_common_given_name("Micahel").as_deref(),
            Some("Michael")
        );
        assert_eq!(
            swapped_common_given_name("Mragaret").as_deref(),
            Some("Margaret")
        );
        // Swapped endings, first letters, everyday words and short words are not.
        for w in [
            "Fatih",
            "Sylvestre",
            "Ohn",
            "Hamad",
            "Jonh",
            "Zelensky",
            "Krishan",
        ] {
            assert_eq!(swapped_common_given_name(w), None, "{w}");
        }
    }

    #[test]
    fn a_dropped_or_doubled_letter_spelled_as_no_name_is_found() {
        for (w, v) in [
            ("Daviid", "David"),
            ("Johhn", "John"),
            ("Jhn", "John"),
            ("Howarrd", "Howard"),
            ("Andrw", "Andrew"),
        ] {
            assert_eq!(slipped_common_given_name(w).as_deref(), Some(v), "{w}");
        }
        // (Andersson, Deby: real names spelled as no listed name is, the probe's only two
        // among the knowledge base's names, which the callers never ask about.)
        // Spelled as names are (another name, another language's form), or a changed
        // vowel, a changed first letter, an everyday word, two names one slip away, or a
        // word in capitals: not guessed.
        for w in [
            "Kein", "Emilly", "Monnika", "Paola", "Valerii", "Viktor", "Franis", "Rechel", "Davud",
            "Xavid", "Olg", "Ann", "DAVD", "Mccain", "Davids",
        ] {
            assert_eq!(slipped_common_given_name(w), None, "{w}");
        }
    }
}
