//! The one piece of code that knows quotation marks: which characters open and close a
//! quotation, how straight marks take their direction from context, and how single marks
//! are told apart from apostrophes (Xi’s, don’t, ’90s, rock ’n’ roll, the Smiths’ house).
//!
//! [`scan`] walks one block of prose and returns the matched pairs (for the quote finder)
//! and the marks left open or closing nothing (for `quote.unbalanced`).

use crate::text::is_word_char;

/// How a character behaves as a quotation mark, before context is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// “ „ « ‹ ‘
    Open(char),
    /// ” » ›
    Close(char),
    /// " : direction from context.
    Straight,
    /// ' : a quotation mark only in British-style quotes; usually an apostrophe.
    StraightSingle,
    /// ’ : closes a ‘ when it is not inside a word; usually an apostrophe.
    RightSingle,
}

pub fn classify(c: char) -> Option<Mark> {
    match c {
        '“' | '„' | '«' | '‹' | '‘' => Some(Mark::Open(c)),
        '”' | '»' | '›' => Some(Mark::Close(c)),
        '"' => Some(Mark::Straight),
        '\'' => Some(Mark::StraightSingle),
        '’' => Some(Mark::RightSingle),
        _ => None,
    }
}

/// Whether `close` closes a quote opened with `open`.
pub fn closes(open: char, close: char) -> bool {
    matches!(
        (open, close),
        ('“', '”')
            | ('„', '“')
            | ('„', '”')
            | ('«', '»')
            | ('‹', '›')
            | ('"', '"')
            | ('‘', '’')
            | ('\'', '\'')
    )
}

/// The closing mark for an opening one.
pub fn closing_for(open: char) -> char {
    match open {
        '“' => '”',
        '„' => '“',
        '«' => '»',
        '‹' => '›',
        '‘' => '’',
        other => other,
    }
}

/// Characters a quotation may open with, when a paragraph continues the quote before it.
pub const OPENING_MARKS: [char; 6] = ['“', '"', '„', '«', '‹', '‘'];

/// Whether a piece of prose opens with a quotation mark.
pub fn opens_with_quote(text: &str) -> bool {
    text.trim_start().starts_with(OPENING_MARKS)
}

/// A matched quotation in block-text offsets: `open` and `close` are the offsets of the
/// marks (`close` is `None` when the quote runs to the end of the block unclosed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub open: usize,
    pub open_mark: char,
    pub close: Option<usize>,
    pub close_mark: Option<char>,
    /// Nesting depth: 0 for an outermost quote.
    pub depth: usize,
    /// Bytes of the opening and closing marks.
    pub open_len: usize,
    pub close_len: usize,
}

impl Pair {
    /// Offset just after the opening mark.
    pub fn inner_start(&self) -> usize {
        self.open + self.open_len
    }
}

/// A quotation mark left open, or a stray closing one, in block-text offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Unclosed { at: usize, mark: char },
    Stray { at: usize, mark: char },
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Scan {
    /// Quotations in order of their opening mark. Unclosed ones have `close: None`.
    pub pairs: Vec<Pair>,
    pub problems: Vec<Problem>,
}

/// Does the character before a straight or single mark leave it opening? (start, space,
/// bracket, dash, another opening mark)
fn opens_here(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace() || matches!(p, '(' | '[' | '—' | '–' | '-' | '/' | '“' | '‘' | '"')
    })
}

/// Elisions written with a leading apostrophe that looks like an opening single mark.
fn is_leading_elision(rest: &str) -> bool {
    const ELISIONS: &[&str] = &[
        "n", "em", "tis", "twas", "til", "cause", "bout", "round", "nother", "cuz", "kay", "s",
    ];
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    // ’90s, '08: a digit after the mark.
    word.starts_with(|c: char| c.is_ascii_digit()) || ELISIONS.contains(&word.as_str())
}

/// Whether `rest` has a later `mark` that could close a quote: not inside a word, and
/// after a letter or punctuation.
fn later_closer(rest: &str, mark: char) -> bool {
    let mut prev = ' ';
    let mut it = rest.chars().peekable();
    while let Some(c) = it.next() {
        if c == mark
            && !it.peek().is_some_and(|&n| is_word_char(n))
            && (prev.is_alphanumeric() || matches!(prev, '.' | ',' | '!' | '?' | '…'))
            && prev != 's'
        {
            return true;
        }
        prev = c;
    }
    false
}

/// Whether a straight double mark after `before` (with `rest` after it) is an inch mark
/// (a double prime typed as "), not a quotation mark: right after a number, and either
/// after feet (6'2"), or with a later mark that closes the quote better (“He said "the
/// 15" model sold out," …”: the quote ends at the comma, not after 15). A quote that ends
/// on a number with no mark after it (called it "Plan 9".) keeps its closing mark.
fn inch_mark(before: &str, rest: &str) -> bool {
    if !before.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let head = before.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.');
    // Feet before inches: 6'2", 5′11".
    let feet = head
        .strip_suffix(['\'', '′', '’'])
        .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()));
    // A measure stands alone: not the end of a word (Catch-22, the A380).
    let alone =
        head.is_empty() || head.ends_with(|c: char| c.is_whitespace() || c == '(' || c == '/');
    feet || (alone && closes_later(rest))
}

/// Whether a later straight double mark in `rest` closes a quote still open here: one after
/// a letter or punctuation and not before a word, met before any mark that opens a new
/// quote (`"Plan 9" and "Plan 10"`: the quote after opens, so the one here closes).
fn closes_later(rest: &str) -> bool {
    let mut prev = ' ';
    let mut it = rest.chars().peekable();
    while let Some(c) = it.next() {
        if c == '"' {
            let next = it.peek().copied();
            if opens_here(Some(prev)) && next.is_some_and(char::is_alphanumeric) {
                return false;
            }
            if !next.is_some_and(is_word_char)
                && (prev.is_alphabetic() || matches!(prev, '.' | ',' | '!' | '?' | '…'))
            {
                return true;
            }
        }
        prev = c;
    }
    false
}

/// Scan one block of prose.
pub fn scan(text: &str) -> Scan {
    let mut out = Scan::default();
    // Open quotes: index into out.pairs.
    let mut stack: Vec<usize> = Vec::new();
    // Only bytes that can start a mark are looked at: " ' and the lead bytes of the
    // curly marks and guillemets (U+2018–U+203A start with 0xE2, « » with 0xC2).
    let bytes = text.as_bytes();
    for (i, &byte) in bytes.iter().enumerate() {
        if !matches!(byte, b'"' | b'\'' | 0xE2 | 0xC2) {
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            continue;
        };
        let Some(mark) = classify(c) else {
            continue;
        };
        let len = c.len_utf8();
        let prev = text[..i].chars().next_back();
        let rest = &text[i + len..];
        let next = rest.chars().next();
        let open = |out: &mut Scan, stack: &mut Vec<usize>, m: char| {
            stack.push(out.pairs.len());
            out.pairs.push(Pair {
                open: i,
                open_mark: m,
                close: None,
                close_mark: None,
                depth: stack.len() - 1,
                open_len: len,
                close_len: 0,
            });
        };
        // Close the innermost open quote that `c` closes; false if there is none.
        let close = |out: &mut Scan, stack: &mut Vec<usize>, c: char| -> bool {
            match stack
                .iter()
                .rposition(|&p| closes(out.pairs[p].open_mark, c))
            {
                Some(pos) => {
                    let p = stack[pos];
                    out.pairs[p].close = Some(i);
                    out.pairs[p].close_mark = Some(c);
                    out.pairs[p].close_len = len;
                    // Quotes opened inside it and never closed end with it (a stray ‘
                    // is more often a misused apostrophe than a missing mark).
                    stack.truncate(pos);
                    true
                }
                None => false,
            }
        };
        match mark {
            Mark::RightSingle => {
                // Closes an open ‘ only when it is not inside a word (don’t, Xi’s), and
                // not when it is a plural possessive with a better closing mark later
                // (‘the Smiths’ house,’).
                let possessive = prev == Some('s') && later_closer(rest, '’');
                if !(next.is_some_and(is_word_char) || possessive) {
                    close(&mut out, &mut stack, c);
                }
            }
            Mark::StraightSingle => {
                // British-style 'quote': opens after a space before a letter, closes an
                // open ' when not inside a word; otherwise an apostrophe. Never reported.
                let innermost_single = stack
                    .last()
                    .is_some_and(|&p| out.pairs[p].open_mark == '\'');
                if opens_here(prev)
                    && next.is_some_and(|n| n.is_alphabetic())
                    && !is_leading_elision(rest)
                {
                    open(&mut out, &mut stack, '\'');
                } else if !next.is_some_and(is_word_char)
                    && stack.iter().any(|&p| out.pairs[p].open_mark == '\'')
                    && (innermost_single || prev.is_none_or(|p| p != 's'))
                    && !(prev == Some('s') && later_closer(rest, '\''))
                {
                    close(&mut out, &mut stack, c);
                }
            }
            Mark::Open('‘') => {
                // ‘ opens only before a word; otherwise it is a misused apostrophe (‘90s).
                if opens_here(prev)
                    && next.is_some_and(|n| n.is_alphabetic())
                    && !is_leading_elision(rest)
                {
                    open(&mut out, &mut stack, c);
                }
            }
            Mark::Open('“') if stack.last().is_some_and(|&p| out.pairs[p].open_mark == '„') => {
                close(&mut out, &mut stack, c);
            }
            Mark::Open(o) => open(&mut out, &mut stack, o),
            Mark::Close(cl) => {
                if !close(&mut out, &mut stack, cl) {
                    out.problems.push(Problem::Stray { at: i, mark: cl });
                }
            }
            Mark::Straight => {
                // Direction comes from context: after a space or bracket and before a
                // word it opens (also nested, as in "The "United States" is"); else it closes.
                let opening = opens_here(prev)
                    && next.is_some_and(|n| {
                        n.is_alphanumeric()
                            || matches!(n, '\'' | '‘' | '(' | '[' | '…' | '.' | '$' | '£' | '€')
                    });
                if opening {
                    open(&mut out, &mut stack, '"');
                } else if inch_mark(&text[..i], rest) {
                    // A 13.3" screen, a 6'2" forward: a unit, not a quotation mark.
                } else if !close(&mut out, &mut stack, '"')
                    && !prev.is_some_and(|p| p.is_ascii_digit())
                {
                    // (After a digit it is an inch mark: a 12" pizza.)
                    out.problems.push(Problem::Stray { at: i, mark: '"' });
                }
            }
        }
    }
    for p in stack {
        let pair = out.pairs[p];
        // An unclosed straight single quote is an apostrophe after all (the Smiths' house).
        if pair.open_mark == '\'' {
            continue;
        }
        out.problems.push(Problem::Unclosed {
            at: pair.open,
            mark: pair.open_mark,
        });
    }
    out.pairs
        .retain(|p| p.open_mark != '\'' || p.close.is_some());
    out.problems.sort_by_key(|p| match *p {
        Problem::Unclosed { at, .. } | Problem::Stray { at, .. } => at,
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quoted(text: &str) -> Vec<&str> {
        scan(text)
            .pairs
            .iter()
            .filter_map(|p| p.close.map(|c| &text[p.inner_start()..c]))
            .collect()
    }

    #[test]
    fn pairs_of_every_style() {
        assert_eq!(quoted("“We will win,” he said."), ["We will win,"]);
        assert_eq!(
            quoted("He said \"it is 'fine' now\"."),
            ["it is 'fine' now", "fine"]
        );
        assert_eq!(
            quoted("„Wir schaffen das“, sagte sie."),
            ["Wir schaffen das"]
        );
        assert_eq!(
            quoted("« Nous gagnerons », a-t-il dit."),
            [" Nous gagnerons "]
        );
        assert_eq!(
            quoted("‘It’s the Smiths’ house,’ she said."),
            ["It’s the Smiths’ house,"]
        );
        assert_eq!(
            quoted("'It's over,' said the minister's aide."),
            ["It's over,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        for t in [
            "Xi’s aides said the ’90s were different, and they don’t agree.",
            "He played rock ’n’ roll at the Smiths’ house.",
            "He played rock 'n' roll at the Smiths' house in '08.",
            "The '90s were good 'cause of the Joneses' band.",
        ] {
            let s = scan(t);
            assert_eq!(quoted(t), Vec::<&str>::new(), "{t}");
            assert_eq!(s.problems, vec![], "{t}");
        }
    }

    #[test]
    fn inch_marks_are_not_quotation_marks() {
        for t in [
            "The laptop has a 13.3\" widescreen display; the Pro comes with a 15\" or 17\" screen.",
            "The 6'2\" forward signed on Monday.",
            "A 5′11\" guard and a 12\" pizza.",
        ] {
            let s = scan(t);
            assert_eq!(quoted(t), Vec::<&str>::new(), "{t}");
            assert_eq!(s.problems, vec![], "{t}");
        }
        // Inside a quotation, the inch mark does not end it; the mark after the comma does.
        let t = "\"The 15\" model sold out,\" she said.";
        assert_eq!(quoted(t), ["The 15\" model sold out,"]);
        let t = "\"He is 6'2\" and fast,\" the coach said.";
        assert_eq!(quoted(t), ["He is 6'2\" and fast,"]);
        // A quote that ends on a number keeps its closing mark.
        assert_eq!(quoted("They called it \"Plan 9\" and left."), ["Plan 9"]);
        assert_eq!(
            quoted("It was \"Plan 9\" and then \"Plan 10,\" he said."),
            ["Plan 9", "Plan 10,"]
        );
        let t = "\"The 15\" and 17\" models sold out,\" she said.";
        assert_eq!(quoted(t), ["The 15\" and 17\" models sold out,"]);
        assert_eq!(
            quoted("the \"Catch-22\" rule and the \"Apollo 11\" crew"),
            ["Catch-22", "Apollo 11"]
        );
    }

    #[test]
    fn unclosed_quote_is_a_pair_without_close() {
        let s = scan("“We will rebuild. Every school.");
        assert_eq!(s.pairs.len(), 1);
        assert_eq!(s.pairs[0].close, None);
        assert_eq!(s.problems, [Problem::Unclosed { at: 0, mark: '“' }]);
    }
}
