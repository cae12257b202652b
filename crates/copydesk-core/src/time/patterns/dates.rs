//! Explicit dates: a day of a month, with or without its year ("March 20", "Friday,
//! January 4, 2019", "the 5th of May", "4 January 2019"), and ISO dates ("2019-01-04").
//! January 4, 2019", "the 5th of May", "4 January 2019"), and ISO dates ("2019-01-04").

use super::{
    month_number, year_of, Gate, Pattern, Reading, B, MONTH_ABBREVIATIONS, MONTH_ALT, WEEKDAY_FULL,
};
use crate::calendar::MONTHS;
use crate::time::recognizer::{word_after, Ctx};
use crate::time::sem::Sem;
use regex::Captures;

/// "March 20", "Jan. 4, 2019", "Friday, January 4, 2019".
pub const MDY: Pattern = Pattern {
    name: "Mdy",
    gate: Gate::exact(&[&MONTHS, MONTH_ABBREVIATIONS]),
    regex: || {
        format!(
            r"{B}(?P<mon>{MONTH_ALT})\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?{B}(?:(?:,\s*|\s+)(?P<year>[0-9]{{4}}){B})?"
        )
    },
    interpret: |c, cx| day_month(c, cx, false),
};

/// "4 January 2019", "the 5th of May".
pub const DMY: Pattern = Pattern {
    name: "Dmy",
    gate: Gate::exact(&[&MONTHS, MONTH_ABBREVIATIONS]),
    regex: || {
        format!(
            r"{B}(?:(?P<wd>{WEEKDAY_FULL}),?\s+)?(?:the\s+)?(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_ALT}){B}(?:,?\s+(?P<year>[0-9]{{4}}){B})?"
        )
    },
    interpret: |c, cx| day_month(c, cx, true),
};

/// "2019-01-04".
pub const ISO: Pattern = Pattern {
    name: "Iso",
    gate: Gate::DIGIT,
    regex: || format!(r"{B}[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{B}"),
    interpret: iso,
};

/// "7/8/07", "12/25/2019": a numeric date with its year, month first as American copy
/// writes it (day first only when the first number cannot be a month).
pub const SLASH: Pattern = Pattern {
    name: "Slash",
    gate: Gate::DIGIT,
    regex: || {
        format!(r"{B}(?P<a>[0-9]{{1,2}})/(?P<b>[0-9]{{1,2}})/(?P<y>[0-9]{{4}}|[0-9]{{2}}){B}")
    },
    interpret: slash,
};

fn slash(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    // Part of a path, a longer run of numbers or a score ("2019/05/06/", "1/2/3/4").
    if text[..whole.start()].ends_with(['/', '.', '-', ':'])
        || text[whole.end()..].starts_with(['/', '-', ':'])
        || text[whole.end()..]
            .strip_prefix('.')
            .is_some_and(|t| t.starts_with(|ch: char| ch.is_ascii_digit()))
    {
        return None;
    }
    let a: i8 = c.name("a")?.as_str().parse().ok()?;
    let b: i8 = c.name("b")?.as_str().parse().ok()?;
    let ys = c.name("y")?.as_str();
    let y: i16 = ys.parse().ok()?;
    let y = match ys.len() {
        2 if y < 50 => 2000 + y,
        2 => 1900 + y,
        _ => y,
    };
    let (m, d) = if a <= 12 { (a, b) } else { (b, a) };
    jiff::civil::Date::new(y, m, d).ok()?;
    Some((whole.range(), Sem::Ymd { y: Some(y), m, d }))
}

/// A day and a month, either way round, with its year when written.
fn day_month(c: &Captures, cx: &Ctx, dmy: bool) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let m = month_number(c.name("mon")?.as_str())?;
    let d: i8 = c.name("day")?.as_str().parse().ok()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let y = year_of(c, "year");
    let mut range = whole.range();
    if dmy {
        // "the 5th of May": keep "the"; "3 May supporters" is not a date.
        let mon = c.name("mon")?.as_str();
        if (mon == "May" || mon == "March") && y.is_none() && c.name("wd").is_none() {
            let after = word_after(text, whole.end());
            if after.chars().next().is_some_and(char::is_lowercase) {
                return None;
            }
        }
        // A count before it ("1,000 3 May")? A digit or comma just before.
        if text[..whole.start()].ends_with([',', '.']) {
            return None;
        }
    } else {
        // "May 5" after a given name is still a date; but "May 2,000" is not.
        if text[whole.end()..].starts_with([',', '.'])
            && text[whole.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit())
            && y.is_none()
        {
            return None;
        }
        if let Some(start) = weekday_before(text, whole.start()) {
            range.start = start;
        }
    }
    Some((range, Sem::Ymd { y, m, d }))
}

fn iso(c: &Captures, _: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let s = whole.as_str();
    let y = s[0..4].parse().ok()?;
    let m = s[5..7].parse().ok()?;
    let d = s[8..10].parse().ok()?;
    jiff::civil::Date::new(y, m, d).ok()?;
    Some((whole.range(), Sem::Ymd { y: Some(y), m, d }))
}

/// A weekday name ending right before `pos` ("Friday, " before "January 4").
fn weekday_before(text: &str, pos: usize) -> Option<usize> {
    let before = text[..pos].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before);
    if before.len() == text[..pos].len() {
        return None;
    }
    WEEKDAY_FULL.split('|').find_map(|w| {
        let start = before.len().checked_sub(w.len())?;
        if before.get(start..) != Some(w) {
            return None;
        }
        let clean = before[..start]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        clean.then_some(start)
    })
}
