//! Decades ("the 1990s", "the early 2000s", "the '80s") and centuries ("the 19th
//! century").

use super::{Gate, Pattern, Reading, B};
use crate::time::recognizer::Ctx;
use crate::time::sem::Sem;
use regex::Captures;

/// "the 1990s", "the early 2000s", "the '80s".
pub const DECADE: Pattern = Pattern {
    name: "Decade",
    gate: Gate::DIGIT,
    regex: || {
        format!(
            r"(?:{B}(?i:the)\s+)?(?:{B}(?i:(?P<part>early|mid|late))[- ]?\s*)?(?:{B}(?P<c>1[0-9]|20)(?P<d>[0-9])0|['’](?P<s>[0-9])0|{B}(?P<t>[3-9])0)s{B}"
        )
    },
    interpret: decade,
};

/// "the 19th century".
pub const CENTURY: Pattern = Pattern {
    name: "Century",
    gate: Gate::any_case(&["century"]),
    regex: || format!(r"{B}(?i:the\s+)?(?P<ord>[0-9]{{1,2}})(?:st|nd|rd|th)[- ](?i:century){B}"),
    interpret: century,
};

/// A sentence about temperatures or ages, where "the 70s" is not a decade.
static NOT_DECADE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?-u:\b)(?:temperatures?|degrees|fahrenheit|celsius|highs?|lows?|aged?|ages|mph|percent)(?-u:\b)|°|%")
        .expect("not-decade regex")
});

/// A decade written out just before ("the 70s and", "the 1970s or").
static DECADE_BEFORE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?:[0-9]0s|['’][0-9]0s)\s+(?:and|or|to|through|into)\s+$")
        .expect("decade-before regex")
});

fn decade(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    if let Some(t) = c.name("t") {
        // "the 70s", "the 70s and 80s": two digits are a decade after "the" or after
        // another decade, and not in a sentence of temperatures or ages.
        let after_the = whole
            .as_str()
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case("the"));
        if !after_the && !DECADE_BEFORE.is_match(&cx.text[..whole.start()]) {
            return None;
        }
        let sentence = cx
            .text
            .get(cx.sentence_start.min(whole.start())..)
            .unwrap_or("");
        let sentence = sentence.split(['.', '!', '?']).next().unwrap_or("");
        if NOT_DECADE.is_match(sentence) {
            return None;
        }
        let d: i16 = t.as_str().parse().ok()?;
        return Some((whole.range(), Sem::Decade(1900 + d * 10)));
    }
    let y = if let Some(cc) = c.name("c") {
        let cent: i16 = cc.as_str().parse().ok()?;
        let d: i16 = c.name("d")?.as_str().parse().ok()?;
        cent * 100 + d * 10
    } else {
        let s: i16 = c.name("s")?.as_str().parse().ok()?;
        if s >= 3 {
            1900 + s * 10
        } else {
            2000 + s * 10
        }
    };
    Some((whole.range(), Sem::Decade(y)))
}

fn century(c: &Captures, _: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let ord: i16 = c.name("ord")?.as_str().parse().ok()?;
    if !(1..=22).contains(&ord) {
        return None;
    }
    Some((whole.range(), Sem::Century(ord - 1)))
}
