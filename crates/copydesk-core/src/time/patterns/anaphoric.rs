//! Anaphoric phrases without a number: "the day before", "the week after" — a day, week,
//! month or year from the last date the text mentioned. (Those with a modifier, "the next
//! day", are in [`super::relative`]; those with a count, "two years later", in
//! [`super::counts`].)

use super::{Gate, Pattern, Reading, B};
use crate::time::recognizer::{word_after, word_before, Ctx};
use crate::time::sem::{Sem, Unit};
use regex::Captures;

/// "the day before", "the year previous".
pub const DAY_BEFORE: Pattern = Pattern {
    name: "DayBefore",
    gate: Gate::any_case(&["before", "after", "previous", "prior"]),
    regex: || {
        format!(
            r"{B}(?i:the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|previous|prior)){B}"
        )
    },
    interpret: day_before,
};

fn day_before(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let unit = Unit::parse(c.name("unit")?.as_str())?;
    let before = !c.name("dir")?.as_str().eq_ignore_ascii_case("after");
    // "the day after tomorrow" is deictic and found elsewhere.
    let next = word_after(text, whole.end()).to_ascii_lowercase();
    if matches!(next.as_str(), "tomorrow" | "yesterday") {
        return None;
    }
    // "rebounded late in the day after falling 250 points": "after" heads a clause of its
    // own (a gerund), not "the day after".
    if gerund(&next) {
        return None;
    }
    let n = if before { -1.0 } else { 1.0 };
    Some((whole.range(), Sem::Anaphoric { n, unit }))
}

/// A lowercase -ing word that heads a clause ("after falling", "before closing"), not a
/// noun of time ("the day after Thanksgiving").
fn gerund(w: &str) -> bool {
    w.len() > 5
        && w.ends_with("ing")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !matches!(
            w,
            "morning" | "evening" | "meeting" | "opening" | "spring" | "thing"
        )
}

/// "the next morning", "that night", "the following evening": a part of a day counted
/// from the last date the text mentioned.
pub const PART_OF_THAT_DAY: Pattern = Pattern {
    name: "PartOfThatDay",
    gate: Gate::any_case(&["morning", "afternoon", "evening", "night"]),
    regex: || {
        format!(
            r"{B}(?i:(?P<mod>the\s+next|the\s+following|the\s+previous|that\s+same|the\s+same|that)\s+(?:morning|afternoon|evening|night)){B}"
        )
    },
    interpret: part_of_that_day,
};

fn part_of_that_day(c: &Captures, _cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let md = c.name("mod")?.as_str().to_ascii_lowercase();
    let md = md.split_whitespace().collect::<Vec<_>>().join(" ");
    let n = match md.as_str() {
        "the next" | "the following" => 1.0,
        "the previous" => -1.0,
        _ => 0.0,
    };
    Some((whole.range(), Sem::Anaphoric { n, unit: Unit::Day }))
}

/// "ending the day down 31 points", "for the day", "late in the day": in market and sports
/// copy, the day the story is about (the last date mentioned, or the article date).
pub const THE_DAY: Pattern = Pattern {
    name: "TheDay",
    gate: Gate::any_case(&["the day"]),
    regex: || format!(r"{B}(?i:(?:(?P<part>late|early|later|earlier)\s+in\s+)?the\s+day){B}"),
    interpret: the_day,
};

fn the_day(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    // "the day before", "the day after", "the day of the vote", "the day's": other readings.
    let next = word_after(text, whole.end()).to_ascii_lowercase();
    // "late in the day after falling": a gerund clause follows, the day is the story's.
    let before_gerund = matches!(next.as_str(), "before" | "after") && {
        let at = text[whole.end()..]
            .find(next.as_str())
            .map_or(text.len(), |p| whole.end() + p + next.len());
        gerund(&word_after(text, at.min(text.len())).to_ascii_lowercase())
    };
    if text[whole.end()..].starts_with(['\'', '’', '-'])
        || (matches!(
            next.as_str(),
            "before" | "after" | "of" | "when" | "that" | "on" | "he" | "she" | "they" | "it"
        ) && !before_gerund)
    {
        return None;
    }
    if c.name("part").is_none() {
        let prev = word_before(text, whole.start()).to_ascii_lowercase();
        let ok = match prev.as_str() {
            "ending" | "end" | "ended" | "ends" | "close" | "closed" | "closes" | "closing"
            | "finish" | "finished" | "finishes" | "finishing" | "for" => true,
            "of" => {
                let at = text[..whole.start()].trim_end().len() - prev.len();
                let before = word_before(text, at).to_ascii_lowercase();
                let at2 = text[..at].trim_end().len().saturating_sub(before.len());
                // "at the end of the day" is an idiom ("in the end"), not a date.
                matches!(before.as_str(), "most" | "rest" | "end" | "close" | "start")
                    && !word_before(text, at2)
                        .trim_start_matches(['(', '"', '“'])
                        .eq_ignore_ascii_case("the")
            }
            _ => false,
        };
        if !ok {
            return None;
        }
    }
    Some((whole.range(), Sem::StoryDay))
}
