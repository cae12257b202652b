//! Stable fingerprints of findings, for baselines, GitLab Code Quality and code scanning.
//!
//! A finding's fingerprint is a hash of
//!
//! - its rule id,
//! - the file's path as reported,
//! - the flagged text,
//! - its context: the two words before it and the two words after it, within its paragraph,
//! - and its occurrence index: how many findings with the same rule, text and context come
//!   before it in the file (almost always 0).
//!
//! Text and context have their whitespace runs collapsed to one space, so rewrapping a
//! paragraph keeps the fingerprints. Line numbers and offsets are not part of it, so a
//! finding keeps its fingerprint when text is added or removed elsewhere in the file.
//!
//! The context tells apart findings whose flagged text is the same: an unclosed quote
//! flags only its `“`, and a draft may have several. With the occurrence index alone,
//! fixing the first of them would give the second the first's fingerprint, and a new one
//! after them the second's, so a baseline would hide the new finding. Editing the words
//! right around a finding gives it a new fingerprint: it counts as a new finding.
//!
//! The hash is FNV-1a with 128 bits, written as 32 lowercase hex digits. It is not a
//! cryptographic hash (it need not be: nothing here is secret or adversarial), but it is
//! fully specified, so fingerprints stay the same across copydesk versions, platforms
//! and runs. Changing what goes into it breaks every stored baseline: bump
//! [`SCHEME`] and the baseline version if it must ever change.

use super::output::Checked;
use crate::analysis::Diagnostic;
use std::collections::HashMap;

/// Mixed into every fingerprint, so a new scheme never collides with this one.
pub const SCHEME: &str = "copydesk-fingerprint-v1";

/// How many words either side of the flagged text are part of its fingerprint.
const CONTEXT_WORDS: usize = 2;
/// How far (in bytes) to look for them.
const CONTEXT_BYTES: usize = 160;

const FNV_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// FNV-1a, 128 bits.
fn fnv1a_128(parts: &[&[u8]]) -> u128 {
    let mut hash = FNV_OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            // A separator byte that never occurs in UTF-8 text keeps ("ab", "c") and
            // ("a", "bc") apart.
            hash ^= 0xff;
            hash = hash.wrapping_mul(FNV_PRIME);
        }
        for &b in *part {
            hash ^= u128::from(b);
            hash = hash.wrapping_mul(FNV_PRIME);
        }
    }
    hash
}

/// Text as it is hashed: whitespace runs (line breaks included) collapsed to one space,
/// trimmed.
pub fn normalized_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a fingerprint hashes besides the rule and the path.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Key {
    /// The flagged text, normalized.
    pub text: String,
    /// Up to two words before it in its paragraph, normalized.
    pub before: String,
    /// Up to two words after it in its paragraph, normalized.
    pub after: String,
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Whether a line (without its `\n`) is blank: the end of a paragraph.
fn blank(line: &str) -> bool {
    line.trim().is_empty()
}

impl Key {
    pub fn of(text: &str, range: std::ops::Range<usize>) -> Key {
        let start = floor_boundary(text, range.start);
        let end = floor_boundary(text, range.end.max(start));
        // Before: back to the last blank line, or the window's start.
        let window = &text[floor_boundary(text, start.saturating_sub(CONTEXT_BYTES))..start];
        let mut lines: Vec<&str> = window.split('\n').collect();
        let last = lines.pop().unwrap_or("");
        let from = lines.iter().rposition(|l| blank(l)).map_or(0, |i| i + 1);
        let paragraph: Vec<&str> = lines[from..].iter().copied().chain([last]).collect();
        let words: Vec<&str> = paragraph
            .iter()
            .flat_map(|l| l.split_whitespace())
            .collect();
        let before = words[words.len().saturating_sub(CONTEXT_WORDS)..].join(" ");
        // After: up to the next blank line, or the window's end.
        let window = &text[end..floor_boundary(text, end + CONTEXT_BYTES)];
        let mut words = Vec::new();
        for (i, line) in window.split('\n').enumerate() {
            if i > 0 && blank(line) {
                break;
            }
            words.extend(line.split_whitespace());
            if words.len() >= CONTEXT_WORDS {
                break;
            }
        }
        words.truncate(CONTEXT_WORDS);
        Key {
            text: normalized_text(text.get(start..end).unwrap_or("")),
            before,
            after: words.join(" "),
        }
    }
}

/// The fingerprint of one finding.
pub fn fingerprint(rule: &str, path: &str, key: &Key, occurrence: usize) -> String {
    let occurrence = occurrence.to_string();
    let hash = fnv1a_128(&[
        SCHEME.as_bytes(),
        rule.as_bytes(),
        path.as_bytes(),
        key.text.as_bytes(),
        key.before.as_bytes(),
        key.after.as_bytes(),
        occurrence.as_bytes(),
    ]);
    format!("{hash:032x}")
}

/// The fingerprints of a file's findings, in the order of `diagnostics`. Occurrences are
/// counted in the order of the findings' places in the file, whatever the list's order.
pub fn of_file(path: &str, text: &str, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut order: Vec<usize> = (0..diagnostics.len()).collect();
    order.sort_by_key(|&i| {
        let d = &diagnostics[i];
        (d.range.start, d.range.end, d.rule)
    });
    let mut seen: HashMap<(&str, Key), usize> = HashMap::new();
    let mut out = vec![String::new(); diagnostics.len()];
    for i in order {
        let d = &diagnostics[i];
        let key = Key::of(text, d.range.clone());
        let count = seen.entry((d.rule, key.clone())).or_default();
        out[i] = fingerprint(d.rule, path, &key, *count);
        *count += 1;
    }
    out
}

/// Fill in every result's fingerprints (before any finding is filtered out: the occurrence
/// index counts every finding of the file).
pub fn fill(results: &mut [Checked]) {
    for r in results {
        r.fingerprints = match &r.text {
            Some(text) => of_file(&r.name, text, &r.diagnostics),
            None => Vec::new(),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diag(rule: &'static str, range: std::ops::Range<usize>) -> Diagnostic {
        Diagnostic::new(rule, range, "m")
    }

    fn key(text: &str, before: &str, after: &str) -> Key {
        Key {
            text: text.into(),
            before: before.into(),
            after: after.into(),
        }
    }

    #[test]
    fn fnv_matches_the_published_test_vectors() {
        // FNV-1a 128 of "" and "a" (from the FNV reference test suite).
        assert_eq!(fnv1a_128(&[b""]), 0x6c62272e07bb014262b821756295c58d);
        assert_eq!(fnv1a_128(&[b"a"]), 0xd228cb696f1a8caf78912b704e4a8964);
    }

    #[test]
    fn fingerprints_are_fixed_values() {
        // A change here breaks every baseline that users have stored. (The value was
        // checked against an independent FNV-1a 128 in Python.)
        assert_eq!(
            fingerprint(
                "quote.unbalanced",
                "drafts/a.md",
                &key("“", "He said", "we will"),
                0
            ),
            "b58f5fb70b8377e463bc0ff4a156b0fc"
        );
    }

    #[test]
    fn each_part_counts() {
        let k = key("t", "b", "a");
        let base = fingerprint("r", "p", &k, 0);
        assert_ne!(base, fingerprint("s", "p", &k, 0));
        assert_ne!(base, fingerprint("r", "q", &k, 0));
        assert_ne!(base, fingerprint("r", "p", &key("u", "b", "a"), 0));
        assert_ne!(base, fingerprint("r", "p", &key("t", "c", "a"), 0));
        assert_ne!(base, fingerprint("r", "p", &key("t", "b", "c"), 0));
        assert_ne!(base, fingerprint("r", "p", &k, 1));
        assert_ne!(fingerprint("ab", "c", &k, 0), fingerprint("a", "bc", &k, 0));
    }

    #[test]
    fn context_is_two_words_either_side_within_the_paragraph() {
        let text = "Intro words here.\n\nThe mayor said\n“we will win the vote.\n\nNext.";
        let at = text.find('“').unwrap();
        assert_eq!(Key::of(text, at..at + 3), key("“", "mayor said", "we will"));
        // Paragraph edges stop the context.
        let text = "Title\n\n“Yes.\n  \nNext paragraph.";
        let at = text.find('“').unwrap();
        assert_eq!(Key::of(text, at..at + 3), key("“", "", "Yes."));
        // File edges too, and ranges off char boundaries do not panic.
        assert_eq!(Key::of("“", 0..3), key("“", "", ""));
        assert_eq!(Key::of("“x", 1..2), key("", "", "“x"));
    }

    #[test]
    fn survives_edits_elsewhere_and_rewrapping() {
        let a = "He said “no.\n\nShe said “yes.\n";
        let b = "A new paragraph.\n\nHe said\n“no.\n\nShe said “yes.\n";
        let da = [diag("q", 8..11), diag("q", 23..26)];
        let db = [diag("q", 26..29), diag("q", 41..44)];
        assert_eq!(&b[26..29], "“");
        assert_eq!(of_file("d.md", a, &da), of_file("d.md", b, &db));
    }

    #[test]
    fn same_text_and_context_is_told_apart_by_occurrence_in_place_order() {
        let text = "“ x\n\n“ x";
        let k = key("“", "", "x");
        let fps = of_file("d.md", text, &[diag("q", 8..11), diag("q", 0..3)]);
        assert_eq!(fps[1], fingerprint("q", "d.md", &k, 0));
        assert_eq!(fps[0], fingerprint("q", "d.md", &k, 1));
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(normalized_text("  a\r\n  b\tc "), "a b c");
    }
}
