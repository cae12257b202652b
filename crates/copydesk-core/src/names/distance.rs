//! Edit distance between name spellings: Damerau–Levenshtein (optimal string alignment:
//! insertions, deletions, substitutions and swaps of neighbours), on folded characters.

/// Optimal-string-alignment distance between two spellings, or `None` when it exceeds
/// `max`. Called for every capitalised word against many spellings, so names of up to
/// [`SHORT`] characters are compared on the stack, and a row whose every cell already
/// exceeds `max` ends the comparison.
pub fn within(a: &str, b: &str, max: usize) -> Option<usize> {
    let (mut sa, mut sb) = (['\0'; SHORT], ['\0'; SHORT]);
    let (Some(n), Some(m)) = (on_stack(a, &mut sa), on_stack(b, &mut sb)) else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        return osa_on_heap(&a, &b, max);
    };
    let (a, b) = (&sa[..n], &sb[..m]);
    if n.abs_diff(m) > max || letters_differ_by_more_than(a, b, max) {
        return None;
    }
    let mut rows = [[0usize; SHORT + 1]; 3];
    let [two, prev, cur] = &mut rows;
    rolling_osa(a, b, max, two, prev, cur)
}

/// The optimal-string-alignment distance of `a` and `b` if it is at most `max`, in three
/// rolling rows of `b.len() + 1` cells each (two back, for swaps; previous; current).
/// Stops as soon as two consecutive rows both exceed `max`.
fn rolling_osa(
    a: &[char],
    b: &[char],
    max: usize,
    two: &mut [usize],
    prev: &mut [usize],
    cur: &mut [usize],
) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return (n.max(m) <= max).then_some(n.max(m));
    }
    for (j, p) in prev.iter_mut().enumerate().take(m + 1) {
        *p = j;
    }
    let (mut two, mut prev, mut cur) = (two, prev, cur);
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(two[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        // Every path continues through this row or the previous one (a swap reaches back
        // one row), so once both rows exceed `max` the distance does too.
        if row_min > max && prev[..=m].iter().all(|&v| v > max) {
            return None;
        }
        std::mem::swap(&mut two, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    (prev[m] <= max).then_some(prev[m])
}

/// Whether the letters of `a` and `b`, counted without order, differ so much that no `max`
/// edits can turn one into the other: a substitution changes two counts, an insertion or
/// deletion one, a swap none. Cheaper than the distance, and most pairs of names fail it.
fn letters_differ_by_more_than(a: &[char], b: &[char], max: usize) -> bool {
    // Only ASCII letters are counted: the others can only add to the difference.
    let mut counts = [0i16; 128];
    for &c in a {
        if let Some(n) = counts.get_mut(c as usize) {
            *n += 1;
        }
    }
    for &c in b {
        if let Some(n) = counts.get_mut(c as usize) {
            *n -= 1;
        }
    }
    let differ: usize = counts.iter().map(|n| n.unsigned_abs() as usize).sum();
    differ > 2 * max
}

/// Copy the characters of `s` into `buf`; their count, or `None` if they do not fit.
fn on_stack(s: &str, buf: &mut [char; SHORT]) -> Option<usize> {
    let mut n = 0;
    for c in s.chars() {
        *buf.get_mut(n)? = c;
        n += 1;
    }
    Some(n)
}

/// Names up to this many characters are compared without allocating.
const SHORT: usize = 40;

/// The full optimal-string-alignment distance.
pub fn osa(a: &[char], b: &[char]) -> usize {
    osa_on_heap(a, b, usize::MAX).unwrap_or(usize::MAX)
}

/// [`rolling_osa`] with its rows allocated: for names too long for the stack.
fn osa_on_heap(a: &[char], b: &[char], max: usize) -> Option<usize> {
    let cells = b.len() + 1;
    let (mut two, mut prev, mut cur) = (vec![0; cells], vec![0; cells], vec![0; cells]);
    rolling_osa(a, b, max, &mut two, &mut prev, &mut cur)
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
    fn early_exit_agrees_with_the_full_distance() {
        // Every string of up to five letters over a small alphabet (so swaps and repeats
        // are frequent), against each other, for every bound; plus one over the stack size.
        let mut words = vec![String::new()];
        for len in 1..=5 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.chars().count() == len - 1) {
                for c in ['a', 'b', 'é'] {
                    next.push(format!("{w}{c}"));
                }
            }
            words.extend(next);
        }
        let long = "a".repeat(SHORT + 3);
        words.push(long.clone());
        words.push(format!("{long}b"));
        for a in &words {
            let ac: Vec<char> = a.chars().collect();
            for b in words.iter().step_by(7) {
                let full = osa(&ac, &b.chars().collect::<Vec<_>>());
                for max in 0..=3 {
                    assert_eq!(
                        within(a, b, max),
                        (full <= max).then_some(full),
                        "{a} {b} {max}"
                    );
                }
            }
        }
    }

    #[test]
    fn short_names_get_no_edits() {
        assert_eq!(max_edits(2), 0);
        assert_eq!(max_edits(3), 0);
        assert_eq!(max_edits(5), 1);
        assert_eq!(max_edits(9), 2);
    }
}
