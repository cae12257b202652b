//! The recogniser's patterns, one file per family. Each [`Pattern`] is defined once, its
//! three parts side by side: the gate (words one of which every match contains, so that the
//! regex runs only on paragraphs that have one), the regular expression, and the
//! interpretation of a match (context checks that throw out false friends, and the
//! [`Sem`] it says). The recogniser ([`super::recognizer`]) compiles them once, gates them
//! with one automaton, runs them over each paragraph and settles overlaps.
//!
//! Families: [`dates`] (March 20, 4 January 2019, 2019-01-04), [`months`] (March 2018,
//! in March, June of this year), [`years`] (2019, mid-2008), [`decades`] (the 1990s, the
//! 19th century), [`weekdays`] (last Tuesday night, over the weekend), [`deictic`]
//! (yesterday, this morning, now), [`relative`] (last week, the next day, the same year),
//! [`counts`] (two days ago, the past 13 years, three years later, a six-year term),
//! [`durations`] (for years, days later), [`vague`] (recently, in the past),
//! [`clock`] (10 a.m., noon), [`recurrences`] (every year, daily), [`holidays`]
//! (Christmas, Easter 2019), [`seasons`] (summer 2019, Q3 2019, the first half of this
//! year), [`anaphoric`] (the day before, the year previous, at the time).

use super::sem::Sem;
use crate::time::recognizer::Ctx;
use regex::Captures;
use std::ops::Range;

pub mod anaphoric;
pub mod clock;
pub mod counts;
pub mod dates;
pub mod decades;
pub mod deictic;
pub mod durations;
pub mod holidays;
pub mod months;
pub mod recurrences;
pub mod relative;
pub mod seasons;
pub mod vague;
pub mod weekdays;
pub mod years;

/// Every pattern, in priority order: when two candidates of the same length start at the
/// same place, the one listed first wins. (At most 64: the gates are bits of a `u64`.)
pub static ALL: [&Pattern; 29] = [
    &dates::MDY,
    &dates::DMY,
    &dates::ISO,
    &dates::SLASH,
    &months::MONTH_YEAR,
    &months::MONTH_CTX,
    &years::YEAR,
    &decades::DECADE,
    &decades::CENTURY,
    &weekdays::WEEKDAY,
    &deictic::DEICTIC,
    &deictic::NOW,
    &relative::REL_UNIT,
    &weekdays::WEEKEND,
    &counts::COUNT,
    &durations::BARE,
    &vague::VAGUE,
    &clock::TIME,
    &recurrences::SET,
    &holidays::HOLIDAY,
    &seasons::SEASON,
    &seasons::QUARTER,
    &months::MONTH_OF_YEAR,
    &seasons::HALF,
    &anaphoric::DAY_BEFORE,
    &anaphoric::PART_OF_THAT_DAY,
    &anaphoric::THE_DAY,
    &months::WEEK_OF_MONTH,
    &recurrences::ADVERB,
];

/// What a match reads as: its span (block-text range) and what it says.
pub type Reading = (Range<usize>, Sem);

/// One kind of time expression.
pub struct Pattern {
    /// Its name in the benchmark's per-pattern timings.
    pub name: &'static str,
    /// What every match contains; `None`: run on every paragraph.
    pub gate: Option<Gate>,
    /// The regular expression's source (compiled once by the recogniser).
    pub regex: fn() -> String,
    /// What a match reads as, or `None` when the context shows a false friend ("Theresa
    /// May", "Black Friday", "$2019").
    pub interpret: fn(&Captures, &Ctx) -> Option<Reading>,
}

/// What every match of a pattern contains, so the full pattern (whose optional leading
/// modifiers defeat the regex crate's literal prefilter) runs only on blocks that have it:
/// case-sensitive words, words in any case, or an ASCII digit.
pub struct Gate {
    /// Words that count only as written (month and weekday names).
    pub exact: &'static [&'static [&'static str]],
    /// Words (or parts of words) in any case.
    pub any_case: &'static [&'static str],
    /// An ASCII digit.
    pub digit: bool,
}

impl Gate {
    /// Any ASCII digit.
    pub const DIGIT: Option<Gate> = Some(Gate {
        exact: &[],
        any_case: &[],
        digit: true,
    });

    /// One of `words`, as written.
    pub const fn exact(words: &'static [&'static [&'static str]]) -> Option<Gate> {
        Some(Gate {
            exact: words,
            any_case: &[],
            digit: false,
        })
    }

    /// One of `words`, in any case.
    pub const fn any_case(words: &'static [&'static str]) -> Option<Gate> {
        Some(Gate {
            exact: &[],
            any_case: words,
            digit: false,
        })
    }

    /// One of `words` in any case, or a digit.
    pub const fn any_case_or_digit(words: &'static [&'static str]) -> Option<Gate> {
        Some(Gate {
            exact: &[],
            any_case: words,
            digit: true,
        })
    }
}

// What several families share: regex fragments, and words read as numbers.

/// A word boundary on ASCII word characters (`\b` without Unicode tables: smaller, faster).
const B: &str = r"(?-u:\b)";

/// Month names and abbreviations, full names first (leftmost-first alternation).
pub const MONTH_ALT: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

/// Month names in full (a bare month must be written out: "in March", not "in Mar").
const MONTH_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// Weekday names and abbreviations (datelines: "Fri., Jan. 4").
pub const WEEKDAY_ALT: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.?|Tue\\.?|Tues\\.?|Wed\\.?|Thu\\.?|Thur\\.?|Thurs\\.?|Fri\\.?|Sat\\.?|Sun\\.?";

/// Weekday names in full.
const WEEKDAY_FULL: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

/// Short forms of month names that lead a date ("Jan. 4", "Sept 30").
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// 1–12 for a month name or abbreviation ("Sept.", "march").
pub fn month_number(s: &str) -> Option<i8> {
    let lower = s.trim_end_matches('.').to_ascii_lowercase();
    let key = lower.get(..3)?;
    let m = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// 1 (Monday) – 7 for a weekday name or abbreviation.
pub fn weekday_number(s: &str) -> Option<i8> {
    let lower = s.to_ascii_lowercase();
    Some(match lower.get(..3)? {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    })
}

/// The year in capture `name`, when it matched.
fn year_of(c: &Captures, name: &str) -> Option<i16> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// The TimeML code of a part of the day (morning: TMO, afternoon: TAF, evening: TEV,
/// night: TNI).
fn part_code(s: &str) -> &'static str {
    match s.to_ascii_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    }
}
