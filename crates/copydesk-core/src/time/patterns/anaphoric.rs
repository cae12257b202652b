//! Anaphoric phrases without a number: "the day before", "the week after" — a day, week,
//! month or year from the last date the text mentioned. (Those with a modifier, "the next
//! day", are in [`super::relative`]; those with a count, "two years later", in
//! [`super::counts`].)

use super::{Gate, Pattern, Reading, B};
use crate::time::recognizer::{word_after, Ctx};
use crate::time::sem::{Sem, Unit};
use regex::Captures;

/// "the day before".
pub const DAY_BEFORE: Pattern = Pattern {
    name: "DayBefore",
    gate: Gate::any_case(&["before", "after"]),
    regex: || format!(r"{B}(?i:the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)){B}"),
    interpret: day_before,
};

fn day_before(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let unit = Unit::parse(c.name("unit")?.as_str())?;
    let before = c.name("dir")?.as_str().eq_ignore_ascii_case("before");
    // "the day after tomorrow" is deictic and found elsewhere.
    let next = word_after(text, whole.end()).to_ascii_lowercase();
    if matches!(next.as_str(), "tomorrow" | "yesterday") {
        return None;
    }
    let n = if before { -1.0 } else { 1.0 };
    Some((whole.range(), Sem::Anaphoric { n, unit }))
}
