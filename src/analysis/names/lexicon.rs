//! Word lists the name checks consult: an English dictionary (so "Trumpet" or "Bush" the
//! plant are never misspelled names) and nickname pairs (Bill ↔ William). Both are shipped
//! in `data/` with their licences; see `data/dict/README.md` and `data/names/README.md`.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

static WORDS: &str = include_str!("../../../data/dict/words.txt");
static NICKNAMES: &str = include_str!("../../../data/names/nicknames.csv");
static VARIANT_FORMS: &str = include_str!("../../../data/names/name_variant_forms.txt");

static FORMS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| VARIANT_FORMS.lines().filter(|l| !l.is_empty()).collect());

/// A romanisation of a personal name that some language's tables list (Usama, Yusuf).
pub fn is_name_variant_form(word: &str) -> bool {
    FORMS.contains(word.to_lowercase().as_str())
}

/// Sorted (bytewise) dictionary entries.
static DICT: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    let mut v: Vec<&str> = WORDS.lines().filter(|l| !l.is_empty()).collect();
    v.sort_unstable();
    v
});

struct Nicknames {
    /// Each name's nicknames and formal names, both ways (lowercase).
    related: HashMap<String, HashSet<String>>,
}

static NICKS: LazyLock<Nicknames> = LazyLock::new(|| {
    let mut related: HashMap<String, HashSet<String>> = HashMap::new();
    for line in NICKNAMES.lines().skip(1) {
        let mut f = line.split(',');
        let (Some(a), Some(_), Some(b)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
        related.entry(a.clone()).or_default().insert(b.clone());
        related.entry(b).or_default().insert(a);
    }
    Nicknames { related }
});

fn contains(word: &str) -> bool {
    DICT.binary_search(&word).is_ok()
}

/// A common (lowercase) English word, in any capitalisation: "Trumpet", "Bush", "MAY".
pub fn is_common_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    contains(&lower)
}

/// A dictionary word: a common word in any case, or a proper noun the dictionary lists
/// with this capitalisation (Alan, Mays).
pub fn is_dictionary_word(word: &str) -> bool {
    contains(word) || is_common_word(word)
}

/// Days and months: capitalised, in every draft, and sometimes someone's surname (Friday).
pub fn is_calendar_word(word: &str) -> bool {
    const CALENDAR: &[&str] = &[
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    CALENDAR.contains(&word.to_lowercase().as_str())
}

/// Whether one name is a nickname of the other, or both of one formal name (Bill, Will,
/// William).
pub fn are_nicknames(a: &str, b: &str) -> bool {
    let (a, b) = (a.to_lowercase(), b.to_lowercase());
    let Some(near) = NICKS.related.get(&a) else {
        return false;
    };
    // Directly related, or two nicknames of one name (a hash look-up per neighbour: this
    // runs for every pair of draft actors).
    near.contains(&b)
        || near
            .iter()
            .any(|y| NICKS.related.get(y).is_some_and(|n| n.contains(&b)))
}

/// A given name the nickname list knows (either side of a pair).
pub fn is_known_given_name(word: &str) -> bool {
    NICKS.related.contains_key(&word.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn nicknames_pair_both_ways() {
        assert!(are_nicknames("Bill", "William"));
        assert!(are_nicknames("william", "Bill"));
        assert!(are_nicknames("Bill", "Will"));
        assert!(!are_nicknames("Bill", "Donald"));
        assert!(is_known_given_name("Katherine"));
    }
}
