//! Applying edits to a text, byte-exact: everything outside the edited ranges is kept.

use crate::diagnostic::{Diagnostic, Edit};

/// Apply non-overlapping edits. Edits that overlap an earlier accepted edit, fall outside
/// the text or off char boundaries are skipped and returned, so callers can report them.
pub fn apply_edits(text: &str, edits: &[Edit]) -> (String, Vec<Edit>) {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.range.start, e.range.end));
    let mut out = String::with_capacity(text.len());
    let mut skipped = Vec::new();
    let mut cursor = 0;
    for edit in sorted {
        let r = &edit.range;
        let valid = r.start >= cursor
            && r.start <= r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end);
        if !valid {
            skipped.push(edit.clone());
            continue;
        }
        out.push_str(&text[cursor..r.start]);
        out.push_str(&edit.new_text);
        cursor = r.end;
    }
    out.push_str(&text[cursor..]);
    (out, skipped)
}

/// The edits of every diagnostic's first safe fix, skipping fixes that would overlap
/// one already chosen (the next run picks them up). Fixes are taken whole or not at all.
pub fn safe_fix_edits(diagnostics: &[Diagnostic]) -> Vec<Edit> {
    let mut chosen: Vec<Edit> = Vec::new();
    for d in diagnostics {
        let Some(fix) = d.fixes.iter().find(|f| f.safe) else {
            continue;
        };
        let overlaps = fix.edits.iter().any(|e| {
            chosen
                .iter()
                .any(|c| ranges_touch(&c.range, &e.range) && c != e)
        });
        if overlaps {
            continue;
        }
        for e in &fix.edits {
            // The same edit can come from two diagnostics (a "fix all" spelling); keep one.
            if !chosen.contains(e) {
                chosen.push(e.clone());
            }
        }
    }
    chosen
}

/// Whether two ranges overlap, or are both insertions at the same point (order would be
/// ambiguous).
fn ranges_touch(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applies_edits_byte_exact() {
        let text = "Zelensky met “Putin.\r\nZelensky left.";
        let second = text.rfind("Zelensky").unwrap();
        let edits = vec![
            Edit::replace(second..second + 8, "Zelenskyy"),
            Edit::replace(0..8, "Zelenskyy"),
        ];
        let (out, skipped) = apply_edits(text, &edits);
        assert_eq!(out, "Zelenskyy met “Putin.\r\nZelenskyy left.");
        assert!(skipped.is_empty());
    }

    #[test]
    fn skips_overlapping_and_invalid_edits() {
        let text = "“abc";
        let edits = vec![
            Edit::replace(0..3, "\""),
            Edit::replace(1..2, "x"), // inside the curly quote, and overlapping
            Edit::replace(3..99, "y"), // past the end
        ];
        let (out, skipped) = apply_edits(text, &edits);
        assert_eq!(out, "\"abc");
        assert_eq!(skipped.len(), 2);
    }
}
