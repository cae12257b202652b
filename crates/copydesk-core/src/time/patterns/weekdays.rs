//! Weekdays, resolved by their modifier or the tense of the sentence ("on Tuesday", "last
//! Tuesday night", "this coming Friday"), and the weekend ("over the weekend").

use super::{month_number, part_code, weekday_number, Gate, Pattern, Reading, B, WEEKDAY_FULL};
use crate::calendar::WEEKDAYS;
use crate::time::recognizer::{
    is_capitalised, modifier_before, sentence_initial, word_after, word_before, Ctx,
};
use crate::time::sem::{Rel, Sem};
use regex::Captures;

/// "Tuesday", "last Tuesday night" (not "Black Friday", "the Sunday Times").
pub const WEEKDAY: Pattern = Pattern {
    name: "Weekday",
    gate: Gate::exact(&[&WEEKDAYS]),
    regex: || {
        format!(
            r"{B}(?P<wd>{WEEKDAY_FULL}){B}(?:\s+(?i:(?P<part>morning|afternoon|evening|night)){B})?"
        )
    },
    interpret: weekday,
};

/// "over the weekend".
pub const WEEKEND: Pattern = Pattern {
    name: "Weekend",
    gate: Gate::any_case(&["weekend"]),
    regex: || format!(r"{B}(?P<x>(?i:weekend)){B}"),
    interpret: weekend,
};

fn weekday(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let text = cx.text;
    let wd_m = c.name("wd")?;
    let wd = weekday_number(wd_m.as_str())?;
    let rel_m = modifier_before(
        text,
        wd_m.start(),
        &[
            "this past",
            "this coming",
            "previous",
            "coming",
            "last",
            "next",
            "this",
            "past",
        ],
        false,
    );
    let rel = match rel_m.map(|(_, w)| w) {
        None => Rel::Bare,
        Some("last" | "this past" | "past" | "previous") => Rel::Last,
        Some("next" | "this coming" | "coming") => Rel::Next,
        Some(_) => Rel::Bare,
    };
    let start = rel_m.map_or(wd_m.start(), |(s, _)| s);
    let prev = word_before(text, start);
    let prev_l = prev.to_ascii_lowercase();
    if WEEKDAY_NAMES_BEFORE.contains(&prev_l.as_str()) {
        return None;
    }
    if prev_l == "on" && word_before(text, start - prev.len()).eq_ignore_ascii_case("mail") {
        return None;
    }
    // A capitalised word before ("Super Tuesday") makes a name, unless it starts
    // the sentence or is a word that introduces dates.
    if rel_m.is_none()
        && is_capitalised(prev)
        && !cx.title_case
        && !matches!(
            prev_l.as_str(),
            "on" | "by"
                | "since"
                | "until"
                | "from"
                | "before"
                | "after"
                | "early"
                | "late"
                | "and"
                | "but"
                | "then"
                | "each"
                | "every"
                | "through"
                | "till"
                | "last"
                | "next"
                | "this"
                | "during"
                | "or"
                | "as"
                | "of"
                | "that"
                | "for"
        )
        && !sentence_initial(text, cx.sentence_start, start - prev.len())
        && prev.chars().any(char::is_lowercase)
    {
        return None;
    }
    let end = c.name("part").map_or(wd_m.end(), |p| p.end());
    if c.name("part").is_none() {
        let next = word_after(text, wd_m.end());
        let next_l = next.to_ascii_lowercase();
        let after = &text[wd_m.end()..];
        let gap_is_space = after.starts_with(' ');
        if gap_is_space
            && is_capitalised(next)
            && month_number(next).is_none()
            && (!cx.title_case || WEEKDAY_NAMES_AFTER.contains(&next_l.as_str()))
        {
            return None;
        }
        if next_l == "prayers" || next_l == "prayer" {
            return None;
        }
    }
    let part = c.name("part").map(|p| part_code(p.as_str()));
    Some((start..end, Sem::Weekday { wd, rel, part }))
}

fn weekend(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let x = c.name("x")?;
    modifier_before(
        cx.text,
        x.start(),
        &["during the", "over the", "at the", "on the"],
        false,
    )?;
    Some((x.range(), Sem::Weekend))
}

/// Words before a weekday that make it part of a name: Black Friday, Super Tuesday…
const WEEKDAY_NAMES_BEFORE: &[&str] = &[
    "black", "good", "super", "ash", "cyber", "holy", "easter", "palm", "bloody", "maundy", "fat",
    "giving", "shrove", "blue", "manic", "whit", "low", "orange", "small",
];

/// Capitalised words after a weekday that make it part of a name: the Sunday Times…
const WEEKDAY_NAMES_AFTER: &[&str] = &[
    "times",
    "telegraph",
    "express",
    "mirror",
    "herald",
    "post",
    "mail",
    "night",
    "morning",
    "observer",
    "independent",
    "sport",
    "club",
    "mosque",
    "prayers",
    "league",
    "school",
    "service",
    "today",
    "review",
    "agreement",
    "group",
    "movement",
];
