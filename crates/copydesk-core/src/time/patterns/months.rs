//! Months: with a year ("March 2018", "mid-March 2018"), alone after a preposition or a
//! modifier ("in March", "last March", "that September"), and of a year named by its
//! relation ("June of this year", "September 20 of the following year").

use super::{
    month_number, year_of, Gate, Pattern, Reading, B, MONTH_ABBREVIATIONS, MONTH_ALT, MONTH_FULL,
};
use crate::calendar::MONTHS;
use crate::time::recognizer::{is_capitalised, modifier_before, word_after, Ctx};
use crate::time::sem::{Sem, ANAPHORIC_MONTH};
use regex::Captures;

/// "March 2018", "mid-March 2018".
pub const MONTH_YEAR: Pattern = Pattern {
    name: "MonthYear",
    gate: Gate::exact(&[&MONTHS, MONTH_ABBREVIATIONS]),
    regex: || format!(r"{B}(?P<mon>{MONTH_ALT}),?\s+(?:of\s+)?(?P<year>[0-9]{{4}}){B}"),
    interpret: month_year,
};

/// "in March", "last March".
pub const MONTH_CTX: Pattern = Pattern {
    name: "MonthCtx",
    gate: Gate::exact(&[&MONTHS]),
    regex: || format!(r"{B}(?P<mon>{MONTH_FULL}){B}"),
    interpret: month_ctx,
};

/// "the last week of March", "the first week of June 2019": a week named by its place in
/// a month.
pub const WEEK_OF_MONTH: Pattern = Pattern {
    name: "WeekOfMonth",
    gate: Gate::exact(&[&MONTHS]),
    regex: || {
        format!(
            r"{B}(?i:the\s+(?P<n>first|second|third|fourth|last|final)\s+week\s+of)\s+(?P<mon>{MONTH_FULL})(?:,?\s+(?P<year>[0-9]{{4}}))?{B}"
        )
    },
    interpret: week_of_month,
};

fn week_of_month(c: &Captures, _: &Ctx) -> Option<Reading> {
    let m = month_number(c.name("mon")?.as_str())?;
    let n = match c.name("n")?.as_str().to_ascii_lowercase().as_str() {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        _ => -1,
    };
    let sem = Sem::WeekOfMonth {
        n,
        m,
        y: year_of(c, "year"),
    };
    Some((c.get(0)?.range(), sem))
}

/// "June of this year".
pub const MONTH_OF_YEAR: Pattern = Pattern {
    name: "MonthOfYear",
    gate: Gate::exact(&[&MONTHS]),
    regex: || {
        format!(
            r"{B}(?P<mon>{MONTH_FULL})(?:\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?)?\s+of\s+(?i:(?P<rel>this|last|next|that|the\s+same|the\s+following|the\s+previous))\s+(?i:year){B}"
        )
    },
    interpret: month_of_year,
};

fn month_year(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let mon = c.name("mon")?;
    let m = month_number(mon.as_str())?;
    let y = year_of(c, "year")?;
    let mut range = c.get(0)?.range();
    if let Some((start, _)) = modifier_before(cx.text, mon.start(), &["early", "mid", "late"], true)
    {
        range.start = start;
    }
    let sem = Sem::Ym {
        y: Some(y),
        m,
        rel: None,
    };
    Some((range, sem))
}

fn month_ctx(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let text = cx.text;
    let mon = c.name("mon")?;
    let (prep_start, p) = modifier_before(
        text,
        mon.start(),
        &[
            "this coming",
            "this past",
            "the coming",
            "throughout",
            "through",
            "between",
            "during",
            "before",
            "after",
            "since",
            "until",
            "till",
            "early",
            "late",
            "from",
            "last",
            "next",
            "this",
            "that",
            "coming",
            "past",
            "mid",
            "for",
            "and",
            "of",
            "or",
            "to",
            "on",
            "in",
            "by",
        ],
        true,
    )?;
    let m = month_number(mon.as_str())?;
    let after = &text[mon.end()..];
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    let next = word_after(text, mon.end());
    let rel = match p {
        "last" | "past" | "this past" => Some(-1),
        "next" | "coming" | "this coming" | "the coming" => Some(1),
        "this" => Some(0),
        "that" => Some(ANAPHORIC_MONTH),
        _ => None,
    };
    let modifier = rel.is_some() || matches!(p, "early" | "mid" | "late");
    if mon.as_str() == "May" && !(modifier || MAY_PREPS.contains(&p)) {
        return None;
    }
    if !modifier && !MONTH_PREPS.contains(&p) {
        return None;
    }
    if possessive || (is_capitalised(next) && !next.chars().all(|c| c.is_ascii_digit())) {
        // "in May's cabinet", "in March Madness".
        if mon.as_str() == "May" || mon.as_str() == "March" || possessive {
            return None;
        }
    }
    if matches!(p, "to" | "on" | "and" | "or" | "of" | "for")
        && (mon.as_str() == "March" || mon.as_str() == "May")
    {
        return None;
    }
    let range = if modifier {
        prep_start..mon.end()
    } else {
        mon.range()
    };
    Some((range, Sem::Ym { y: None, m, rel }))
}

fn month_of_year(c: &Captures, _: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let m = month_number(c.name("mon")?.as_str())?;
    let rel = c.name("rel")?.as_str().to_ascii_lowercase();
    let rel = rel.split_whitespace().collect::<Vec<_>>().join(" ");
    let offset = match rel.as_str() {
        "this" => 0,
        "last" => -1,
        "next" => 1,
        "the previous" => -ANAPHORIC_MONTH - 1,
        "the following" => ANAPHORIC_MONTH + 1,
        _ => ANAPHORIC_MONTH,
    };
    let d = match c.name("day") {
        Some(d) => d.as_str().parse().ok()?,
        None => 0,
    };
    Some((whole.range(), Sem::MonthDayOfYear { m, d, offset }))
}

/// Prepositions that make a bare month a date (not "Theresa May", "a March").
const MONTH_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "through",
    "throughout",
    "from",
    "before",
    "after",
    "between",
    "of",
    "for",
    "and",
    "or",
    "to",
    "on",
];

/// The only prepositions that make "May" a month when no day or year follows.
const MAY_PREPS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "during",
    "through",
    "throughout",
    "from",
    "between",
];
