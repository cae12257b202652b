//! One-edit misspellings of a name part, as the name-check tests inject them: swap two
//! neighbouring letters, drop one, double one, or change a vowel. Only lowercase letters
//! change, never the first one.
// Each test uses only part of this module.
#![allow(dead_code)]

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Swap,
    Drop,
    Double,
    Vowel,
}

pub const KINDS: [Kind; 4] = [Kind::Swap, Kind::Drop, Kind::Double, Kind::Vowel];

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Swap => "swap",
            Kind::Drop => "drop",
            Kind::Double => "double",
            Kind::Vowel => "vowel",
        }
    }
}

/// a↔e, i↔e, o↔a, u↔o, one direction each.
fn other_vowel(c: char) -> Option<char> {
    match c {
        'a' => Some('e'),
        'e' => Some('i'),
        'i' => Some('e'),
        'o' => Some('a'),
        'u' => Some('o'),
        _ => None,
    }
}

/// The positions of `word` (in characters) where an edit of `kind` applies: an inner
/// lowercase letter (neither the first nor the last) for swaps, drops and doubles — a
/// double not beside the same letter, a swap of two different letters — and any lowercase
/// vowel after the first letter for a vowel change.
pub fn positions(word: &str, kind: Kind) -> Vec<usize> {
    let c: Vec<char> = word.chars().collect();
    let n = c.len();
    let inner = |i: usize| i >= 1 && i + 1 < n && c[i].is_lowercase();
    match kind {
        Kind::Swap => (1..n)
            .filter(|&i| inner(i) && inner(i + 1) && c[i] != c[i + 1])
            .collect(),
        Kind::Drop => (1..n).filter(|&i| inner(i)).collect(),
        Kind::Double => (1..n)
            .filter(|&i| inner(i) && c[i] != c[i - 1] && c[i] != c[i + 1])
            .collect(),
        Kind::Vowel => (1..n).filter(|&i| other_vowel(c[i]).is_some()).collect(),
    }
}

/// `word` with the edit of `kind` at position `i` (one of [`positions`]).
pub fn apply(word: &str, kind: Kind, i: usize) -> String {
    let c: Vec<char> = word.chars().collect();
    let mut m = c.clone();
    match kind {
        Kind::Swap => m.swap(i, i + 1),
        Kind::Drop => {
            m.remove(i);
        }
        Kind::Double => m.insert(i, c[i]),
        Kind::Vowel => m[i] = other_vowel(c[i]).unwrap_or(c[i]),
    }
    m.into_iter().collect()
}
