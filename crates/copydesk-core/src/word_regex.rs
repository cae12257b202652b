//! Regexes whose Unicode `\w` is cheap to compile on the text news is written in.
//!
//! A bracketed class with `\w` in it (`[\w.&'’-]`) holds the ~770 ranges of Unicode's word
//! characters, and the regex crate compiles each copy of it into a UTF-8 automaton, forwards
//! and backwards: `source.anonymous`'s outlet pattern took 13–19 ms to build, 0.4 ms with
//! the ASCII class. ASCII alone would change what the patterns match on a draft with
//! “José” or “Zürich” in it, so a [`WordRegex`] keeps two forms of its pattern, each compiled
//! on first use:
//!
//! - the *European* form, with `\w` read as ASCII's word characters and
//!   [`EUROPEAN_LETTERS`] (the letters of Latin-1, Latin Extended-A, -B and Additional, Greek
//!   and Cyrillic, the combining diacritics and the zero-width joiners), used on a text
//!   whose every character is ASCII, one of those, or a character that is no word
//!   character at all ([`not_word`]: the punctuation, spaces, currency and symbols news
//!   uses — curly quotes, dashes, “€”, no-break spaces);
//! - the pattern as written, on any other text (Arabic, Chinese, Japanese, …).
//!
//! On a text of the first kind both forms match exactly the same spans: each of its
//! characters is a word character for the one form if and only if it is for the other (the
//! tests below check every character of both lists against Unicode `\w`), and nothing else
//! in the pattern changes. Case folding (`(?i)`) can add characters to the European class,
//! but only word characters, which such a text does not hold outside the class. A draft with
//! a paragraph in another script compiles both forms, one each for its paragraphs.

use regex::Regex;
use std::sync::OnceLock;

/// Word characters beyond ASCII that the European form's `\w` holds, as inclusive ranges:
/// Latin-1, Latin Extended-A and -B, the combining diacritics, Greek, Cyrillic, Latin
/// Extended Additional, and the zero-width joiners (in emoji sequences).
const EUROPEAN_LETTERS: [(char, char); 14] = [
    ('\u{C0}', '\u{D6}'),
    ('\u{D8}', '\u{F6}'),
    ('\u{F8}', '\u{24F}'),
    ('\u{300}', '\u{36F}'),
    ('\u{386}', '\u{386}'),
    ('\u{388}', '\u{38A}'),
    ('\u{38C}', '\u{38C}'),
    ('\u{38E}', '\u{3A1}'),
    ('\u{3A3}', '\u{3F5}'),
    ('\u{3F7}', '\u{3FF}'),
    ('\u{400}', '\u{481}'),
    ('\u{483}', '\u{52F}'),
    ('\u{1E00}', '\u{1EFF}'),
    ('\u{200C}', '\u{200D}'),
];

fn european_letter(c: char) -> bool {
    EUROPEAN_LETTERS.iter().any(|&(lo, hi)| lo <= c && c <= hi)
}

/// `\w` inside a bracketed class, for a [`european_only`] text: ASCII's word characters
/// and [`EUROPEAN_LETTERS`].
fn european_word() -> &'static str {
    static CLASS: OnceLock<String> = OnceLock::new();
    CLASS.get_or_init(|| {
        let mut class = String::from("0-9A-Z_a-z");
        for (lo, hi) in EUROPEAN_LETTERS {
            class.push_str(&format!(r"\x{{{:X}}}", u32::from(lo)));
            if hi != lo {
                class.push_str(&format!(r"-\x{{{:X}}}", u32::from(hi)));
            }
        }
        class
    })
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

/// Whether a [`WordRegex`]'s European form matches on `text` exactly as its pattern does.
pub fn european_only(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || european_letter(c) || not_word(c))
}

/// `pattern` with each `\w` read as [`european_word`].
fn european_form(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut depth = 0usize;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') if depth > 0 => out.push_str(european_word()),
                Some('w') => {
                    out.push('[');
                    out.push_str(european_word());
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
    european: OnceLock<Regex>,
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
            european: OnceLock::new(),
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
        if european_only(text) {
            self.european
                .get_or_init(|| compile(&european_form(&self.pattern())))
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
            if european_letter(c) {
                assert!(unicode_word(c), "{c:?} is not a word character");
            }
            if not_word(c) {
                assert!(!unicode_word(c), "{c:?} is a word character");
            }
        }
        // And the European class is exactly ASCII's word characters and those letters.
        let class = Regex::new(&format!("^[{}]$", european_word())).expect("valid");
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            let ascii = c.is_ascii_alphanumeric() || c == '_';
            assert_eq!(
                class.is_match(c.encode_utf8(&mut [0; 4])),
                ascii || european_letter(c),
                "{c:?}"
            );
        }
    }

    #[test]
    fn european_text_takes_the_cheap_form_and_other_scripts_do_not() {
        assert!(european_only("plain ASCII"));
        assert!(european_only(
            "“José Müller’s café,” said Zoë — €5 at 10\u{a0}a.m. … ½ × 2 ™ 👍"
        ));
        assert!(european_only("Владимир Путин, Ελλάδα, Nguyễn"));
        assert!(!european_only("東京"));
        assert!(!european_only("العربية"));
        assert!(!european_only("µ"));
    }

    #[test]
    fn the_european_form_replaces_word_classes_inside_and_outside_brackets() {
        assert_eq!(
            european_form(r"(?i)\w+ly\s[\w.'’-]*\\w"),
            format!(r"(?i)[{w}]+ly\s[{w}.'’-]*\\w", w = european_word())
        );
    }

    #[test]
    fn both_forms_find_the_same_on_european_text() {
        let re = WordRegex::new(r"(?i)(?-u:\b)[A-Z][\w'’-]+\s+\w+");
        let text = "Señor José Pérez-Müller met Ærøskøbing’s mayor, “Zoë” Ångström, Юрий Гагарин and Νίκος Ξυλούρης.";
        let european = re.on(text);
        let full = compile(&re.pattern());
        let spans = |r: &Regex| r.find_iter(text).map(|m| m.range()).collect::<Vec<_>>();
        assert_eq!(spans(european), spans(&full));
        assert!(std::ptr::eq(european, re.european.get().expect("compiled")));
        assert!(re.full.get().is_none());
        // Japanese: the pattern as written.
        assert!(std::ptr::eq(
            re.on("東京"),
            re.full.get().expect("compiled")
        ));
    }
}
