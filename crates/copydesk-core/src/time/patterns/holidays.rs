//! Holidays on a fixed or computed date: "Christmas", "New Year's Eve", "Thanksgiving",
//! "Easter 2019", "Good Friday", and the shopping days after Thanksgiving ("Black Friday",
//! "Cyber Monday").

use super::{year_of, Pattern, Reading, B};
use crate::time::recognizer::{is_capitalised, word_after, word_before, Ctx};
use crate::time::sem::Sem;
use regex::Captures;

/// "Christmas", "Easter 2019" (not "Christmas tree", "Easter Island").
pub const HOLIDAY: Pattern = Pattern {
    name: "Holiday",
    gate: None,
    regex: || {
        format!(
            r"{B}(?P<name>Christmas\s+(?:Day|Eve)|Christmas|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween|Boxing\s+Day|Thanksgiving(?:\s+Day)?|Easter\s+Sunday|Easter|Good\s+Friday|Black\s+Friday|Cyber\s+Monday|Election\s+Day){B}(?:\s+(?P<year>[0-9]{{4}}){B})?"
        )
    },
    interpret: holiday,
};

fn holiday(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let name = c.name("name")?.as_str();
    let key: &'static str = holiday_key(name)?;
    let y = year_of(c, "year");
    if key == "christmas" && y.is_none() {
        // "Christmas tree", "Christmas market": only in date position.
        let prev = word_before(text, whole.start()).to_ascii_lowercase();
        let next = word_after(text, whole.end());
        if !matches!(
            prev.as_str(),
            "at" | "on"
                | "before"
                | "after"
                | "over"
                | "since"
                | "until"
                | "by"
                | "for"
                | "this"
                | "last"
                | "next"
                | "during"
                | "till"
        ) || next.chars().next().is_some_and(char::is_lowercase)
            && !matches!(next, "and" | "or" | "when" | "in")
        {
            return None;
        }
    }
    if key == "easter" && y.is_none() {
        let next = word_after(text, whole.end());
        if is_capitalised(next)
            || next.chars().next().is_some_and(char::is_lowercase)
                && !matches!(
                    next,
                    "and" | "or" | "in" | "weekend" | "holiday" | "holidays"
                )
        {
            return None;
        }
    }
    // "the Black Friday Bushfires": a capital after the day makes the name of an event.
    if matches!(key, "black friday" | "cyber monday" | "election day")
        && y.is_none()
        && is_capitalised(word_after(text, whole.end()))
        && !cx.title_case
    {
        return None;
    }
    Some((whole.range(), Sem::Holiday { name: key, y }))
}

fn holiday_key(name: &str) -> Option<&'static str> {
    let n = name.to_ascii_lowercase().replace('’', "'");
    let n: String = n.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match n.as_str() {
        "christmas" | "christmas day" => "christmas",
        "christmas eve" => "christmas eve",
        "new year's day" => "new year's day",
        "new year's eve" => "new year's eve",
        "valentine's day" => "valentine's day",
        "halloween" => "halloween",
        "boxing day" => "boxing day",
        "thanksgiving" | "thanksgiving day" => "thanksgiving",
        "easter" | "easter sunday" => "easter",
        "good friday" => "good friday",
        "black friday" => "black friday",
        "cyber monday" => "cyber monday",
        "election day" => "election day",
        _ => return None,
    })
}
