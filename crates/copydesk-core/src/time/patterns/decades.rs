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
            r"(?:{B}(?i:the)\s+)?(?:{B}(?i:(?P<part>early|mid|late))[- ]?\s*)?(?:{B}(?P<c>1[0-9]|20)(?P<d>[0-9])0|['’](?P<s>[0-9])0)s{B}"
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

fn decade(c: &Captures, _: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
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
