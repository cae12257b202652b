//! Clock times: "10 a.m.", "9:30 p.m. local time", "at 14:00", "0600 GMT", "noon",
//! "midnight".

use super::{Gate, Pattern, Reading, B};
use crate::time::recognizer::{word_before, Ctx};
use crate::time::sem::Sem;
use regex::Captures;

/// "10 a.m.", "9:30 p.m. local time", "at 14:00", "0600 GMT", "noon".
pub const TIME: Pattern = Pattern {
    name: "Time",
    gate: Gate::any_case_or_digit(&["a.m", "p.m", "gmt", "utc", "noon", "midday", "midnight"]),
    regex: || {
        format!(
            r"{B}(?i:(?P<h>[0-9]{{1,2}})(?:[:.](?P<m>[0-9]{{2}}))?\s*(?P<ap>a\.m\.?|p\.m\.?|am{B}|pm{B})|(?P<h2>[0-9]{{1,2}}):(?P<m2>[0-9]{{2}}){B}|(?P<h3>[0-2][0-9])(?P<m3>[0-5][0-9])\s+(?:GMT|UTC){B}|(?P<noon>noon|midday|midnight){B})(?:\s+(?:local\s+time|GMT|UTC|[ECMP][SD]T){B})?"
        )
    },
    interpret: time,
};

fn time(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let (h, m): (i8, i8) = if let Some(h) = c.name("h") {
        let mut h: i8 = h.as_str().parse().ok()?;
        let m: i8 = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
        let ap = c.name("ap")?.as_str().to_ascii_lowercase();
        if !(1..=12).contains(&h) {
            return None;
        }
        if ap.starts_with('p') && h != 12 {
            h += 12;
        } else if ap.starts_with('a') && h == 12 {
            h = 0;
        }
        (h, m)
    } else if let Some(h) = c.name("h2") {
        let h: i8 = h.as_str().parse().ok()?;
        let m: i8 = c.name("m2")?.as_str().parse().ok()?;
        // Scores and ratios ("won 3:1") look like times; require a believable clock.
        let prev = word_before(text, whole.start()).to_ascii_lowercase();
        // A zone after it makes it a clock: "as of 18:00 UTC".
        let zoned = c.name("m2").is_some_and(|m| whole.end() > m.end());
        if !zoned
            && !matches!(
                prev.as_str(),
                "at" | "around"
                    | "about"
                    | "until"
                    | "by"
                    | "from"
                    | "after"
                    | "before"
                    | "to"
                    | "since"
                    | "till"
            )
            || h > 23
            || m > 59
        {
            return None;
        }
        (h, m)
    } else if let Some(h) = c.name("h3") {
        (
            h.as_str().parse().ok()?,
            c.name("m3")?.as_str().parse().ok()?,
        )
    } else {
        let n = c.name("noon")?.as_str().to_ascii_lowercase();
        if n == "midnight" {
            (24, 0)
        } else {
            (12, 0)
        }
    };
    if h > 24 || m > 59 {
        return None;
    }
    Some((whole.range(), Sem::Time { h, m }))
}
