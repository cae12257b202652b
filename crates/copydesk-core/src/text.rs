//! Words and sentences of a block of prose, with an abbreviation-aware sentence splitter.

use std::ops::Range;

/// Apostrophes that may sit inside a word (don’t, Xi’s, O'Brien).
pub fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// Letters, digits and combining marks.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || ('\u{300}'..='\u{36F}').contains(&c)
}

/// A whitespace-separated word as the word lists spell it: lowercase, with the punctuation
/// around it trimmed but its hyphens kept (“Ex-minister,” → “ex-minister”).
pub fn bare_lowercase(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
        .to_lowercase()
}

/// Words: runs of letters and digits, joined across an inner apostrophe or hyphen
/// (don’t, Xi’s, Jong-un). Ranges are byte offsets into `text`.
pub fn words(text: &str) -> Vec<Range<usize>> {
    // Sized for news prose (about six bytes a word with its space): one allocation for
    // most blocks instead of a doubling per power of two.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let bytes = text.as_bytes();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        // A run of ASCII letters and digits, byte by byte: most of a news paragraph, and
        // several passes split every paragraph into words.
        if bytes[i].is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            continue;
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        if is_word_char(c) {
            start.get_or_insert(i);
        } else {
            let joins = start.is_some()
                && (is_apostrophe(c) || c == '-' || c == '‑')
                && char_at(text, i + len).is_some_and(|(n, _)| is_word_char(n));
            if !joins {
                if let Some(s) = start.take() {
                    out.push(s..i);
                }
            }
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// Words in `text`, as [`crate::text::words`] counts them, without allocating.
pub fn count_words(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut n = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() {
        // ASCII letters and digits without decoding, as in `words`.
        if bytes[i].is_ascii_alphanumeric() {
            n += usize::from(!in_word);
            in_word = true;
            i += 1;
            continue;
        }
        let Some((c, len)) = char_at(text, i) else {
            break;
        };
        if is_word_char(c) {
            n += usize::from(!in_word);
            in_word = true;
        } else if in_word
            && (is_apostrophe(c) || c == '-' || c == '‑')
            && char_at(text, i + len).is_some_and(|(next, _)| is_word_char(next))
        {
            // Joined: don’t, Jong-un.
        } else {
            in_word = false;
        }
        i += len;
    }
    n
}

/// `f` of `word` in lower case (`str::to_lowercase`), without allocating for a short ASCII
/// word: the word-list look-ups lower-case nearly every word of a draft.
pub fn with_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const SHORT: usize = 32;
    if word.len() <= SHORT && word.is_ascii() {
        let mut buf = [0u8; SHORT];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        // ASCII lower-cased is still ASCII, so always UTF-8.
        if let Ok(lower) = std::str::from_utf8(lower) {
            return f(lower);
        }
    }
    f(&word.to_lowercase())
}

/// The character at byte offset `i` of `text` (a character boundary) and its length; an
/// ASCII byte is read without decoding.
#[inline]
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some((char::from(b), 1)),
        _ => text.get(i..)?.chars().next().map(|c| (c, c.len_utf8())),
    }
}

/// Abbreviations after which a full stop does not end a sentence (compared without the
/// stop, case-sensitively: "No." before a number, "Gen." before a name).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Sgt", "Capt", "Cmdr", "Adm",
    "Brig", "Cpl", "Pvt", "Gov", "Sen", "Rep", "Rev", "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Ave",
    "Blvd", "Rd", "Jan", "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc",
    "Corp", "Ltd", "Co", "Bros", "No", "Nos", "Nr", "vs", "v", "approx", "est", "ca", "cf", "Vol",
    "Vols", "Pres", "Supt", "Insp", "Det", "Hon", "Atty", "Dept", "Univ", "Assn", "Fig", "ed",
    "eds", "pp", "Op", "al",
];

/// Words that commonly open a sentence; after a dotted abbreviation such as "U.S." or
/// "p.m.", one of these means the stop did end the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "In",
    "On",
    "At",
    "But",
    "And",
    "However",
    "Meanwhile",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "After",
    "Before",
    "When",
    "While",
    "As",
    "According",
    "Police",
    "Officials",
    "Authorities",
    "Earlier",
    "Later",
    "Also",
    "If",
    "Some",
    "Many",
    "Most",
];

const TERMINALS: &[char] = &['.', '!', '?', '…'];
const CLOSERS: &[char] = &['"', '”', '’', '\'', ')', ']', '»', '›', '“'];
const OPENERS: &[char] = &['"', '“', '‘', '\'', '(', '[', '«', '‹', '„'];

/// Split a block of prose into sentences; ranges are byte offsets into `text`, trimmed
/// of surrounding whitespace, and cover the whole text between them.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes_len = text.len();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if !TERMINALS.contains(&c) {
            i += 1;
            continue;
        }
        // Take the whole run of terminals ("?!", "...") and closing quotes/brackets.
        let mut j = i + 1;
        while j < chars.len() && TERMINALS.contains(&chars[j].1) {
            j += 1;
        }
        while j < chars.len() && CLOSERS.contains(&chars[j].1) && chars[j].1 != '“' {
            j += 1;
        }
        let end = chars.get(j).map_or(bytes_len, |&(p, _)| p);
        // A boundary needs whitespace after it, then a plausible sentence start.
        let mut k = j;
        while k < chars.len() && chars[k].1.is_whitespace() {
            k += 1;
        }
        if k == j && j < chars.len() {
            i = j.max(i + 1);
            continue;
        }
        let next = chars.get(k).map(|&(_, c)| c);
        let starts_sentence = match next {
            None => true,
            Some(n) => n.is_uppercase() || n.is_ascii_digit() || OPENERS.contains(&n),
        };
        if starts_sentence && !is_non_final_stop(text, pos, c, chars.get(k).map(|&(p, _)| p)) {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
        i = j.max(i + 1);
    }
    push_trimmed(text, start..bytes_len, &mut out);
    // Kept per block for as long as the document: without the slack of its growth.
    out.shrink_to_fit();
    out
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[range.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(range.start + lead..range.end - trail);
    }
}

/// Whether the terminal `c` at `pos` is part of an abbreviation, an initial or a dotted
/// acronym rather than the end of a sentence. `next` is the offset of the next word.
fn is_non_final_stop(text: &str, pos: usize, c: char, next: Option<usize>) -> bool {
    if c != '.' {
        return false;
    }
    let before = &text[..pos];
    let token_start = before
        .rfind(|ch: char| ch.is_whitespace() || OPENERS.contains(&ch) || ch == '—')
        .map_or(0, |p| {
            p + before[p..].chars().next().map_or(1, char::len_utf8)
        });
    let token = &before[token_start..];
    if token.is_empty() {
        return false;
    }
    let next_word = next.map(|n| {
        let rest = &text[n..];
        let end = rest
            .find(|ch: char| !is_word_char(ch))
            .unwrap_or(rest.len());
        &rest[..end]
    });
    let opens_sentence = next_word.is_some_and(|w| SENTENCE_OPENERS.contains(&w));
    // An initial: "John F. Kennedy".
    let mut tc = token.chars();
    if let (Some(first), None) = (tc.next(), tc.next()) {
        if first.is_uppercase() {
            return !opens_sentence;
        }
    }
    // Dotted acronyms and a.m./p.m.: "U.S.", "D.C.", "p.m."
    if token.contains('.') && token.split('.').all(|p| p.chars().count() <= 2) {
        return !opens_sentence;
    }
    if ABBREVIATIONS.contains(&token) {
        // "No." and "Nos." only before a number.
        if matches!(token, "No" | "Nos" | "Nr") {
            return next_word.is_some_and(|w| w.starts_with(|ch: char| ch.is_ascii_digit()));
        }
        // Month abbreviations end a sentence before a sentence opener.
        return !opens_sentence;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|r| &text[r]).collect()
    }

    /// `words` as first written, a character at a time: the reference for the faster one.
    fn words_by_chars(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if is_word_char(c) {
                start.get_or_insert(i);
                continue;
            }
            let joins = (is_apostrophe(c) || c == '-' || c == '‑')
                && start.is_some()
                && chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            if joins {
                continue;
            }
            if let Some(s) = start.take() {
                out.push(s..i);
            }
        }
        if let Some(s) = start {
            out.push(s..text.len());
        }
        out
    }

    #[test]
    fn with_lowercase_lowers_as_to_lowercase_does() {
        for w in [
            "Smith",
            "MAY",
            "said",
            "",
            "Ärzte",
            "İstanbul",
            "ΣΟΦΟΣ",
            "Bundespräsident",
            "A".repeat(40).as_str(),
        ] {
            assert_eq!(with_lowercase(w, str::to_string), w.to_lowercase(), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn words_match_the_character_at_a_time_reading(
            text in "([a-zA-Z0-9 '’ʼ‑.,-]|é|ß|Ж|中|\u{301}|\u{200d}|😀){0,40}"
        ) {
            proptest::prop_assert_eq!(words(&text), words_by_chars(&text));
            proptest::prop_assert_eq!(count_words(&text), words_by_chars(&text).len());
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_and_hyphens() {
        let t = "Xi’s aide, Kim Jong-un and O'Brien don't—'90s.";
        let w: Vec<&str> = words(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            w,
            ["Xi’s", "aide", "Kim", "Jong-un", "and", "O'Brien", "don't", "90s"]
        );
    }

    #[test]
    fn abbreviations_initials_and_acronyms_do_not_split() {
        assert_eq!(
            split("Gen. Mark Milley met Mr. John F. Kennedy Jr. in Washington, D.C. on Jan. 5. He left."),
            ["Gen. Mark Milley met Mr. John F. Kennedy Jr. in Washington, D.C. on Jan. 5.", "He left."]
        );
        assert_eq!(
            split("The U.S. economy grew 2.5 percent. The U.S. Senate agreed."),
            [
                "The U.S. economy grew 2.5 percent.",
                "The U.S. Senate agreed."
            ]
        );
        assert_eq!(
            split("It rose in the U.S. The rest fell."),
            ["It rose in the U.S.", "The rest fell."]
        );
        assert_eq!(
            split("He lives on St. Mark's Place. No. 10 is next."),
            ["He lives on St. Mark's Place.", "No. 10 is next."]
        );
    }

    #[test]
    fn quotes_and_ellipses() {
        assert_eq!(
            split("“We will win,” he said. “Who?” asked Smith. “Go!” She left."),
            [
                "“We will win,” he said.",
                "“Who?” asked Smith.",
                "“Go!”",
                "She left."
            ]
        );
        assert_eq!(
            split("He paused… Then he spoke. Wait... what?"),
            ["He paused…", "Then he spoke.", "Wait... what?"]
        );
        assert_eq!(
            split("It was at 5 p.m. Tuesday. Police came."),
            ["It was at 5 p.m. Tuesday.", "Police came."]
        );
    }

    #[test]
    fn splits_real_articles_sensibly() {
        // Every sentence of the corpus starts with a capital, digit or opening mark, and
        // sentences never break after a known abbreviation or a single initial.
        let mut count = 0;
        for text in crate::test_corpus::texts() {
            let md = crate::markdown::parse(&text);
            for block in &md.blocks {
                for r in sentences(&block.text) {
                    count += 1;
                    let s = &block.text[r.clone()];
                    let before = block.text[..r.start].trim_end();
                    let last = before.rsplit(' ').next().unwrap_or("");
                    let bad_break = [
                        "Mr.", "Mrs.", "Dr.", "Gen.", "St.", "Jan.", "Feb.", "Aug.", "Sept.",
                        "Oct.", "Nov.", "Dec.",
                    ]
                    .contains(&last)
                        && !s.starts_with("The ");
                    assert!(!bad_break, "broke after {last:?} before {s:?}");
                }
            }
        }
        assert!(count > 3000, "only {count} sentences");
    }
}
