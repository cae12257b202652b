//! Parts of a year: seasons ("summer 2019", "in the spring", "late autumn"), quarters
//! ("Q3 2019", "the third quarter of 2019") and halves ("the first half of this year").

use super::{year_of, Gate, Pattern, Reading, B};
use crate::time::recognizer::{is_capitalised, word_before, Ctx};
use crate::time::sem::{Sem, Unit};
use regex::Captures;

/// "summer 2019", "in the spring" (not "the Arab Spring", nor "fall" without a year).
pub const SEASON: Pattern = Pattern {
    name: "Season",
    gate: Gate::any_case(&["spring", "summer", "autumn", "winter", "fall"]),
    regex: || {
        format!(
            r"{B}(?:(?P<prep>in|during|over|by|until|since|through|from)\s+(?:the\s+)?)?(?P<x>(?:(?P<part>early|late|mid)[\s-]+)?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)(?:\s+(?:of\s+)?(?P<year>[0-9]{{4}})(?:[–-][0-9]{{2,4}})?)?){B}"
        )
    },
    interpret: season,
};

/// "Q3 2019", "the third quarter of 2019".
pub const QUARTER: Pattern = Pattern {
    name: "Quarter",
    gate: Gate::any_case(&["quarter", "q1", "q2", "q3", "q4"]),
    regex: || {
        format!(
            r"{B}(?i:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?P<year>[0-9]{{4}})|Q(?P<qn>[1-4])\s+(?P<year2>[0-9]{{4}})){B}"
        )
    },
    interpret: quarter,
};

/// "the first half of this year".
pub const HALF: Pattern = Pattern {
    name: "Half",
    gate: Gate::any_case(&["half"]),
    regex: || {
        format!(
            r"{B}(?i:the\s+(?P<h>first|second|latter)\s+half\s+of\s+(?:(?P<rel>this|last|next)\s+year|(?P<year>[0-9]{{4}}))){B}"
        )
    },
    interpret: half,
};

fn season(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let text = cx.text;
    let x = c.name("x")?;
    let s = Unit::parse(c.name("s")?.as_str())?;
    let Unit::Season(code) = s else { return None };
    let y = year_of(c, "year");
    let word = c.name("s")?.as_str();
    if y.is_none() {
        if c.name("prep").is_none() || is_capitalised(word) {
            return None;
        }
        if word.eq_ignore_ascii_case("fall") {
            return None;
        }
    }
    // "Arab Spring 2011"? capitalised season after a capitalised word is a name.
    if is_capitalised(word) && is_capitalised(word_before(text, x.start())) && !cx.title_case {
        return None;
    }
    Some((x.range(), Sem::Season { y, s: code }))
}

fn quarter(c: &Captures, _: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let (q, y) = if let Some(q) = c.name("q") {
        let q = match q.as_str().to_ascii_lowercase().as_str() {
            "first" | "1st" => 1,
            "second" | "2nd" => 2,
            "third" | "3rd" => 3,
            _ => 4,
        };
        (q, year_of(c, "year")?)
    } else {
        (c.name("qn")?.as_str().parse().ok()?, year_of(c, "year2")?)
    };
    Some((whole.range(), Sem::Quarter { y, q }))
}

fn half(c: &Captures, _: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let h = if c.name("h")?.as_str().eq_ignore_ascii_case("first") {
        1
    } else {
        2
    };
    let offset = c
        .name("rel")
        .map(|r| match r.as_str().to_ascii_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        });
    let sem = Sem::Half {
        h,
        y: year_of(c, "year"),
        offset: offset.unwrap_or(0),
    };
    Some((whole.range(), sem))
}
