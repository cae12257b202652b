//! Years: "2019", "mid-2008", the second year of "2018-2019"; not counts, money, flight
//! numbers or times ("2,000 people", "$2019", "Flight 1549", "1500 GMT").

use super::{weekday_number, year_of, Gate, Pattern, Reading, B};
use crate::time::recognizer::{modifier_before, word_after, word_before, Ctx};
use crate::time::sem::Sem;
use regex::Captures;

/// "2019", "mid-2008".
pub const YEAR: Pattern = Pattern {
    name: "Year",
    gate: Gate::DIGIT,
    regex: || format!(r"{B}(?P<year>1[0-9][0-9][0-9]|20[0-9][0-9]){B}"),
    interpret: year,
};

fn year(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let mut range = whole.range();
    let y: i16 = year_of(c, "year")?;
    let ystart = c.name("year")?.start();
    let before = &text[..ystart];
    let after = &text[whole.end()..];
    let part = modifier_before(text, ystart, &["early", "mid", "late"], true);
    if let Some((start, _)) = part {
        range.start = start;
    }
    if before.ends_with(|ch: char| {
        ch.is_alphanumeric()
            || matches!(
                ch,
                '$' | '€' | '£' | '¥' | '#' | ',' | '.' | '/' | '-' | '+' | ':'
            )
    }) && part.is_none()
    {
        // "$2019", "No.2019", "1/2019"; but "mid-2019" has its part.
        if !before.ends_with('-') {
            return None;
        }
        // "2018-2019": the second year of a range is a year; "10-2019" is not.
        let prev = word_before(text, ystart - 1);
        if !prev.chars().all(|ch| ch.is_ascii_digit()) || prev.len() != 4 {
            return None;
        }
    }
    if after.starts_with(['%', '-', '/', '°'])
        && !after.starts_with("-year")
        && !after
            .strip_prefix('-')
            .is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit()))
    {
        return None;
    }
    if (after.starts_with([',', '.', ':']))
        && after[1..].starts_with(|ch: char| ch.is_ascii_digit())
    {
        return None;
    }
    let next = word_after(text, whole.end()).to_ascii_lowercase();
    if weekday_number(&next).is_some_and(|_| next.ends_with("day"))
        || matches!(
            next.as_str(),
            "utc" | "gmt" | "hours" | "hrs" | "local" | "est" | "edt" | "cet" | "bst"
        )
    {
        return None;
    }
    if COUNTED.contains(&next.as_str()) {
        return None;
    }
    let prev = word_before(text, ystart).to_ascii_lowercase();
    if YEAR_BLOCKERS_BEFORE.contains(&prev.as_str()) {
        return None;
    }
    if y < 1600
        && !matches!(
            prev.as_str(),
            "in" | "since" | "of" | "from" | "until" | "year" | "by" | "around"
        )
    {
        return None;
    }
    Some((range, Sem::Year(y)))
}

/// Words a bare four-digit number counts rather than dates.
const COUNTED: &[&str] = &[
    "people",
    "persons",
    "men",
    "women",
    "children",
    "residents",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "ft",
    "m",
    "kg",
    "tonnes",
    "tons",
    "votes",
    "troops",
    "soldiers",
    "police",
    "officers",
    "units",
    "cases",
    "deaths",
    "homes",
    "houses",
    "jobs",
    "workers",
    "employees",
    "students",
    "passengers",
    "members",
    "delegates",
    "seats",
    "dollars",
    "euros",
    "pounds",
    "years",
    "hours",
    "days",
    "square",
    "acres",
    "hectares",
    "calories",
    "points",
    "signatures",
    "species",
    "participants",
    "protesters",
    "candidates",
    "refugees",
    "migrants",
    "patients",
    "firefighters",
    "hospitals",
    "buildings",
    "vehicles",
    "cars",
    "ships",
    "aircraft",
    "flights",
    "more",
    "others",
    "out",
];

/// Words before a four-digit number that make it a name or a count.
const YEAR_BLOCKERS_BEFORE: &[&str] = &[
    "flight",
    "no.",
    "number",
    "route",
    "highway",
    "interstate",
    "model",
    "apollo",
    "windows",
    "boeing",
    "airbus",
    "room",
    "suite",
    "page",
    "pages",
    "article",
    "resolution",
    "code",
    "bill",
    "order",
    "pc",
    "cve",
    "iso",
    "hr",
    "h.r.",
    "s.",
    "section",
    "rule",
    "chapter",
    "grade",
    "nearly",
    "almost",
    "over",
    "than",
    "some",
    "estimated",
    "least",
    "only",
    "just",
];
