//! Regexes whose Unicode `\w` is cheap to compile on the text news is written in.
//!
//! A bracketed class with `\w` in it (`[\w.&'’-]`) holds the ~770 ranges of Unicode's word
//! characters, and the regex crate compiles each copy of it into a UTF-8 automaton, forwards
//! and backwards: `source.anonymous`'s outlet pattern took 13–19 ms to build, 0.4 ms with
//! the ASCII class. ASCII alone would change what the patterns match on a draft with
//! “José” or “Zürich” in it, so a [`WordRegex`] keeps two forms of its pattern, each compiled
//! on first use:
//!
//! - the *Latin* form, with `\w` read as [`LATIN_WORD`] (ASCII word characters, the Latin-1
//!   and Latin Extended-A/B letters, and the combining diacritics), used on a text whose every
//!   character is ASCII, one of those, or a character that is no word character at all
//!   ([`NOT_WORD`]: the punctuation, spaces, currency and symbols news uses — curly quotes,
//!   dashes, “€”, no-break spaces);
//! - the pattern as written, on any other text (Greek, Cyrillic, Vietnamese, …).
//!
//! On a text of the first kind both forms match exactly the same spans: each of its
//! characters is a word character for the one form if and only if it is for the other (the
//! tests below check every character of both lists against Unicode `\w`), and nothing else
//! in the pattern changes. Case folding (`(?i)`) can add characters to the Latin class, but
//! only word characters, which such a text does not hold outside the class.

use regex::Regex;
use std::sync::OnceLock;

/// `\w` inside a bracketed class, for a [`latin_only`] text.
const LATIN_WORD: &str = r"0-9A-Z_a-z\x{C0}-\x{D6}\x{D8}-\x{F6}\x{F8}-\x{24F}\x{300}-\x{36F}";

/// Word characters beyond ASCII that [`LATIN_WORD`] holds.
fn latin_letter(c: char) -> bool {
    matches!(c, '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{24F}' | '\u{300}'..='\u{36F}')
}

/// Characters beyond ASCII that are not word characters (checked against Unicode `\w` by a
/// test): Latin-1 punctuation and signs (not `ª`, `µ`, `º`), `×`, `÷`, general punctuation
/// and spaces (not the joiners or the ties), currency signs, `™`, arrows, mathematical and
/// technical signs, box drawing, shapes, symbols, dingbats, the ideographic space and marks,
/// the byte-order mark and the emoji blocks.
fn not_word(c: char) -> bool {
    matches!(c,
        '\u{80}'..='\u{A9}'
        | '\u{AB}'..='\u{B4}'
        | '\u{B6}'..='\u{B9}'
        | '\u{BB}'..='\u{BF}'
        | '\u{D7}'
        | '\u{F7}'
        | '\u{2000}'..='\u{200B}'
        | '\u{200E}'..='\u{203E}'
        | '\u{2041}'..='\u{2053}'
        | '\u{2055}'..='\u{206F}'
        | '\u{20A0}'..='\u{20CF}'
        | '\u{2122}'
        | '\u{2190}'..='\u{23FF}'
        | '\u{2500}'..='\u{2775}'
        | '\u{2794}'..='\u{27BF}'
        | '\u{3000}'..='\u{3004}'
        | '\u{FEFF}'
        | '\u{1F300}'..='\u{1FAFF}'
    )
}

/// Whether a [`WordRegex`]'s Latin form matches on `text` exactly as its pattern does.
pub fn latin_only(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || latin_letter(c) || not_word(c))
}

/// `pattern` with each `\w` read as [`LATIN_WORD`].
fn latin_form(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut depth = 0usize;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if depth > 0 => out.push_str(LATIN_WORD),
                Some('w') => {
                    out.push('[');
                    out.push_str(LATIN_WORD);
                    out.push(']');
                }
                Some(next) => {
                    out.push('\\');
                    out.push(next);
                }
                None => out.push('\\'),
            },
            '[' => {
                depth += 1;
                out.push(c);
            }
            ']' if depth > 0 => {
                depth -= 1;
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A regex with a Unicode `\w`, compiled in the form the text it searches calls for (see the
/// module documentation). Search with `re.on(text).find_iter(text)`: the same `text`.
pub struct WordRegex {
    pattern: Source,
    latin: OnceLock<Regex>,
    full: OnceLock<Regex>,
}

/// A pattern as written, or the function that writes it.
enum Source {
    Text(&'static str),
    Made(fn() -> String),
}

impl WordRegex {
    pub const fn new(pattern: &'static str) -> WordRegex {
        WordRegex::with(Source::Text(pattern))
    }

    /// For a pattern made from parts (`format!`), made when a form of it is first needed.
    pub const fn made(pattern: fn() -> String) -> WordRegex {
        WordRegex::with(Source::Made(pattern))
    }

    const fn with(pattern: Source) -> WordRegex {
        WordRegex {
            pattern,
            latin: OnceLock::new(),
            full: OnceLock::new(),
        }
    }

    fn pattern(&self) -> std::borrow::Cow<'static, str> {
        match self.pattern {
            Source::Text(p) => p.into(),
            Source::Made(make) => make().into(),
        }
    }

    /// The regex to search `text` with.
    pub fn on(&self, text: &str) -> &Regex {
        if latin_only(text) {
            self.latin
                .get_or_init(|| compile(&latin_form(&self.pattern())))
        } else {
            self.full.get_or_init(|| compile(&self.pattern()))
        }
    }
}

fn compile(pattern: &str) -> Regex {
    // The patterns are the crate's own, each compiled by the tests.
    Regex::new(pattern).unwrap_or_else(|e| panic!("regex {pattern}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unicode_word(c: char) -> bool {
        static WORD: OnceLock<Regex> = OnceLock::new();
        WORD.get_or_init(|| Regex::new(r"^\w$").expect("valid"))
            .is_match(c.encode_utf8(&mut [0; 4]))
    }

    #[test]
    fn the_lists_agree_with_unicode_word_characters() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            if latin_letter(c) {
                assert!(unicode_word(c), "{c:?} is not a word character");
            }
            if not_word(c) {
                assert!(!unicode_word(c), "{c:?} is a word character");
            }
        }
        // And the Latin class is exactly ASCII's word characters and those letters.
        let class = Regex::new(&format!("^[{LATIN_WORD}]$")).expect("valid");
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let ascii = c.is_ascii_alphanumeric() || c == '_';
            assert_eq!(
                class.is_match(c.encode_utf8(&mut [0; 4])),
                ascii || latin_letter(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn news_text_is_latin_only_and_other_scripts_are_not() {
        assert!(latin_only("plain ASCII"));
        assert!(latin_only(
            "“José Müller’s café,” said Zoë — €5 at 10\u{a0}a.m. … ½ × 2 ™ 👍"
        ));
        assert!(!latin_only("Владимир Путин"));
        assert!(!latin_only("Ελλάδα"));
        assert!(!latin_only("Nguyễn")); // ễ is in Latin Extended Additional
        assert!(!latin_only("µ"));
    }

    #[test]
    fn the_latin_form_replaces_word_classes_inside_and_outside_brackets() {
        assert_eq!(
            latin_form(r"(?i)\w+ly\s[\w.'’-]*\\w"),
            format!(r"(?i)[{LATIN_WORD}]+ly\s[{LATIN_WORD}.'’-]*\\w")
        );
    }

    #[test]
    fn both_forms_find_the_same_on_latin_text() {
        let re = WordRegex::new(r"(?i)(?-u:\b)[A-Z][\w'’-]+\s+\w+");
        let text = "Señor José Pérez-Müller met Ærøskøbing’s mayor, “Zoë” Ångström.";
        let latin = re.on(text);
        let full = compile(&re.pattern());
        let spans = |r: &Regex| r.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
        assert_eq!(spans(latin), spans(&full));
        assert!(std::ptr::eq(latin, re.latin.get().expect("compiled")));
        assert!(re.full.get().is_none());
        // Greek: the pattern as written.
        assert!(std::ptr::eq(
            re.on("Ελλάδα"),
            re.full.get().expect("compiled")
        ));
    }
}
