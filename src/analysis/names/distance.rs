//! Edit distance between name spellings: Damerau–Levenshtein (optimal string alignment:
//! insertions, deletions, substitutions and swaps of neighbours), on folded characters.

/// Optimal-string-alignment distance between two spellings, or `None` when it exceeds
/// `max` (computed with early exit).
pub fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let d = osa(&a, &b);
    (d <= max).then_some(d)
}

/// The full optimal-string-alignment distance.
pub fn osa(a: &[char], b: &[char]) -> usize {
    let (n, m) = (a.len(), b.len());
    if n == 0 {
        return m;
    }
    if m == 0 {
        return n;
    }
    // Three rolling rows: two back (for swaps), previous, current.
    let mut two: Vec<usize> = vec![0; m + 1];
    let mut prev: Vec<usize> = (0..=m).collect();
    let mut cur: Vec<usize> = vec![0; m + 1];
    for i in 1..=n {
        cur[0] = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(two[j - 2] + 1);
            }
            cur[j] = v;
        }
        std::mem::swap(&mut two, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

/// How many edits a name of this many letters may be away from a spelling and still count
/// as a misspelling of it: none for very short names (Xi, Kim, Abe: one edit makes another
/// real name), one up to seven letters, two from eight.
pub fn max_edits(letters: usize) -> usize {
    match letters {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_each_kind_of_edit_once() {
        assert_eq!(within("Zelensky", "Zelensky", 2), Some(0));
        assert_eq!(within("Zelensky", "Zelenksy", 2), Some(1)); // swap
        assert_eq!(within("Zelensky", "Zelensy", 2), Some(1)); // drop
        assert_eq!(within("Zelensky", "Zelenskky", 2), Some(1)); // double
        assert_eq!(within("Volodymyr", "Volodomyr", 2), Some(1)); // wrong vowel
        assert_eq!(within("Peskov", "Pesokv", 2), Some(1));
        assert_eq!(within("Peskov", "Pskv", 1), None);
        assert_eq!(within("ab", "ba", 1), Some(1));
        assert_eq!(within("", "abc", 3), Some(3));
        assert_eq!(within("Trump", "Biden", 1), None);
    }

    #[test]
    fn short_names_get_no_edits() {
        assert_eq!(max_edits(2), 0);
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(5), 1);
        assert_eq!(max_edits(9), 2);
    }
}
