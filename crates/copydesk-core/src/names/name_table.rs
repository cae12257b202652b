//! The spellings a knowledge base is matched by, and how a spelling is folded: one file, read
//! by the crate (`matcher.rs`, for a newsroom's actors) and by `build.rs` (which builds the
//! shipped knowledge base's table once, at compile time, so that a process only reads it).
//! It depends on `std` and `unicode-normalization` only, for the build script's sake.

use std::collections::HashMap;

/// What a pattern stands for in one actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// An accepted spelling: `variant` of `part`.
    Part { part: u8, variant: u16 },
    /// A known misspelling of `part` (index into its `misspellings`).
    Misspelling { part: u8, index: u16 },
    /// A whole-name form: the canonical name (`u16::MAX`) or `full_variants[index]`.
    Full { index: u16 },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub actor: u32,
    pub kind: TargetKind,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Pattern {
    pub folded: String,
    pub targets: Vec<Target>,
    /// Every source spelling starts with a capital: the text must too.
    pub needs_capital: bool,
    /// Every source spelling is all capitals (UN, US): the text must be too.
    pub acronym: bool,
}

/// One part of an actor's name, as the table reads it.
pub struct PartForms<'a> {
    /// `given`, `surname` or `name`.
    pub part: &'a str,
    pub variants: &'a [String],
    pub misspellings: &'a [String],
    pub alone: bool,
}

/// The patterns of a knowledge base, in the order their spellings were first met (a
/// pattern's id is its index).
#[derive(Default)]
pub struct Spellings {
    pub patterns: Vec<Pattern>,
    by_folded: HashMap<String, u32>,
}

impl Spellings {
    /// Every spelling of one actor (`actor` is its index): each part's spellings and known
    /// misspellings, the whole name where a part is never matched alone, the name when it
    /// is not its parts in order, and the whole-name variants.
    pub fn add_actor(
        &mut self,
        actor: u32,
        name: &str,
        parts: &[PartForms<'_>],
        full_variants: &[String],
    ) {
        for (pi, part) in parts.iter().enumerate() {
            if !part.alone {
                continue;
            }
            for (vi, v) in part.variants.iter().enumerate() {
                let kind = TargetKind::Part {
                    part: pi as u8,
                    variant: vi as u16,
                };
                self.add(v, Target { actor, kind });
            }
            for (mi, v) in part.misspellings.iter().enumerate() {
                let kind = TargetKind::Misspelling {
                    part: pi as u8,
                    index: mi as u16,
                };
                self.add(v, Target { actor, kind });
            }
        }
        if parts.iter().any(|p| !p.alone) {
            // A part never matched alone: the whole name is, in every combination of the
            // parts' spellings, and with only the first word of a given name ("Gordon
            // England" for Gordon R. England).
            let mut forms: Vec<String> = vec![String::new()];
            for p in parts {
                let mut spellings: Vec<String> = p.variants.to_vec();
                if p.part == "given" {
                    for v in p.variants {
                        if let Some((first, _)) = v.split_once(' ') {
                            spellings.push(first.to_string());
                        }
                    }
                }
                forms = forms
                    .iter()
                    .flat_map(|f| spellings.iter().map(move |v| format!("{f} {v}")))
                    .take(64)
                    .collect();
            }
            for f in &forms {
                let kind = TargetKind::Full { index: u16::MAX };
                self.add(f.trim(), Target { actor, kind });
            }
        }
        let composed: Vec<&str> = parts
            .iter()
            .filter_map(|p| p.variants.first().map(String::as_str))
            .collect();
        if parts.len() > 1 && fold(name) != fold(&composed.join(" ")) {
            let kind = TargetKind::Full { index: u16::MAX };
            self.add(name, Target { actor, kind });
        }
        for (fi, v) in full_variants.iter().enumerate() {
            let kind = TargetKind::Full { index: fi as u16 };
            self.add(v, Target { actor, kind });
        }
    }

    fn add(&mut self, spelling: &str, target: Target) {
        let folded = fold(spelling);
        let folded = folded.trim();
        if folded.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            return;
        }
        let capital = spelling.chars().next().is_some_and(char::is_uppercase);
        let letters: Vec<char> = spelling.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let id = match self.by_folded.get(folded) {
            Some(&id) => {
                let p = &mut self.patterns[id as usize];
                p.needs_capital &= capital;
                p.acronym &= acronym;
                id
            }
            None => {
                let id = self.patterns.len() as u32;
                self.patterns.push(Pattern {
                    folded: folded.to_string(),
                    targets: Vec::new(),
                    needs_capital: capital,
                    acronym,
                });
                self.by_folded.insert(folded.to_string(), id);
                id
            }
        };
        let p = &mut self.patterns[id as usize];
        if !p.targets.contains(&target) {
            p.targets.push(target);
        }
    }
}

/// The pattern ids in the byte order of their folded spellings (each spelling is one
/// pattern's, so the order is total).
pub fn sorted_order(patterns: &[Pattern]) -> Vec<u32> {
    let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| {
        patterns[a as usize]
            .folded
            .as_bytes()
            .cmp(patterns[b as usize].folded.as_bytes())
    });
    order
}

/// Fold a spelling for comparison: lowercase, no diacritics, hyphens as spaces, straight
/// apostrophes, runs of spaces collapsed. The same characters as `Folded` in `matcher.rs`
/// (one table, [`fold_char`]); only the spaces differ, as `Folded` keeps one per source space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last_space = true;
    let mut push = |c: char| {
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else {
            out.push(c);
            last_space = false;
        }
    };
    for c in s.chars() {
        fold_char(c, &mut push);
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// The folding table, shared by both views of a text ([`fold`] and `Folded`): what one
/// source character becomes. Lowercase; diacritics (combining marks after canonical
/// decomposition) dropped; a few letters without a decomposition spelt out; hyphens become
/// spaces and apostrophe-like marks a straight apostrophe.
#[inline]
pub fn fold_char(c: char, mut emit: impl FnMut(char)) {
    if c.is_ascii() {
        emit(if c == '-' {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
        return;
    }
    match c {
        '’' | 'ʼ' | '‘' | 'ʻ' | 'ʿ' | 'ʾ' | '´' => emit('\''),
        '‑' | '‐' => emit(' '),
        'ß' => {
            emit('s');
            emit('s');
        }
        'ø' | 'Ø' => emit('o'),
        'ł' | 'Ł' => emit('l'),
        'đ' | 'Đ' => emit('d'),
        'ı' => emit('i'),
        'æ' | 'Æ' => {
            emit('a');
            emit('e');
        }
        _ => unicode_normalization::char::decompose_canonical(c, |d| {
            if !unicode_normalization::char::is_combining_mark(d) {
                for l in d.to_lowercase() {
                    emit(l);
                }
            }
        }),
    }
}
