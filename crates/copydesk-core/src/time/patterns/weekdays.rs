//! Weekdays, resolved by their modifier or the tense of the sentence ("on Tuesday", "last
//! Tuesday night", "this coming Friday"), and the weekend ("over the weekend").

use super::{month_number, part_code, weekday_number, Gate, Pattern, Reading, B, WEEKDAY_FULL};
use crate::calendar::WEEKDAYS;
use crate::time::recognizer::{
    is_capitalised, modifier_before, sentence_initial, starts_with_ci, word_after, word_before, Ctx,
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
            "preceding",
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
        Some("last" | "this past" | "past" | "previous" | "preceding") => Rel::Last,
        Some("next" | "this coming" | "coming") => Rel::Next,
        Some(_) => Rel::Bare,
    };
    let start = rel_m.map_or(wd_m.start(), |(s, _)| s);
    // "the previous Friday", "the preceding Friday": the last one before the date the
    // story last named, as "the following Tuesday" is the first after it.
    // "the preceding Saturday, August 17": the date written after it says which day, and
    // is found with its weekday by the date pattern.
    let rest = text.get(wd_m.end()..)?.trim_start_matches(',');
    let month = word_after(rest, 0);
    let date_after = month_number(month).is_some()
        && rest.trim_start().get(month.len()..).is_some_and(|t| {
            t.trim_start_matches(['.', ' '])
                .starts_with(|ch: char| ch.is_ascii_digit())
        });
    if date_after && rel_m.is_some() {
        return None;
    }
    if rel_m.is_some_and(|(_, w)| matches!(w, "previous" | "preceding")) && c.name("part").is_none()
    {
        let the = word_before(text, start);
        if the.eq_ignore_ascii_case("the") {
            let from = text[..start].trim_end().len() - the.len();
            return Some((from..wd_m.end(), Sem::WeekdayAfter { wd, back: true }));
        }
    }
    let prev = word_before(text, start);
    let prev_l = prev.to_ascii_lowercase();
    if WEEKDAY_NAMES_BEFORE.contains(&prev_l.as_str()) {
        return None;
    }
    if prev_l == "on" && word_before(text, start - prev.len()).eq_ignore_ascii_case("mail") {
        return None;
    }
    // A capitalised word before ("Super Tuesday") makes a name, unless it starts
    // the sentence or is a word that introduces dates, or ends a name of its own ("in the
    // Rose Garden Wednesday", "President Trump Friday said"): a one-word modifier makes
    // the weekday's names.
    let prev_start = text[..start].trim_end().len().saturating_sub(prev.len());
    let ends_a_name = is_capitalised(word_before(text, prev_start))
        && text[..prev_start].ends_with(' ')
        && !sentence_initial(
            text,
            cx.sentence_start,
            text[..prev_start]
                .trim_end()
                .len()
                .saturating_sub(word_before(text, prev_start).len()),
        );
    // A one-word place after a preposition of place, or the last of a list of places ("in
    // Tokyo Monday", "in Europe and Asia Monday"): the weekday dates the clause.
    let bp = word_before(text, prev_start);
    let before_prev = bp.to_ascii_lowercase();
    let after_place = match before_prev.as_str() {
        "in" | "at" | "across" | "throughout" => true,
        "and" | "or" => {
            let at = text[..prev_start].trim_end().len().saturating_sub(bp.len());
            is_capitalised(word_before(text, at))
        }
        _ => false,
    } && !WEEKDAY_NAMES_BEFORE.contains(&prev_l.as_str());
    if rel_m.is_none()
        && !ends_a_name
        && !after_place
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
        && !sentence_initial(text, cx.sentence_start, prev_start)
        && prev.chars().any(char::is_lowercase)
    {
        return None;
    }
    let end = c.name("part").map_or(wd_m.end(), |p| p.end());
    // "the last Tuesday of each month", "the first Monday in October", "the second Sunday
    // of Advent": an ordinal counts weekdays inside a month or a season (a rule or a
    // calendar), not from the day of writing.
    let ordinal = match rel_m.map(|(_, w)| w) {
        Some("last") => word_before(text, start).eq_ignore_ascii_case("the"),
        Some(_) => false,
        None => matches!(
            prev_l.as_str(),
            "first" | "second" | "third" | "fourth" | "fifth" | "final" | "penultimate"
        ),
    };
    if ordinal
        && matches!(
            word_after(text, end).to_ascii_lowercase().as_str(),
            "of" | "in"
        )
    {
        return ordinal_weekday_of_month(text, start, end, wd, rel_m.is_some(), &prev_l);
    }
    // "Monday Night Football", "Saturday Night Live", "shares of Tuesday Morning": outside
    // a heading, a capitalised part of the day makes a name (sentence case writes "Tuesday
    // morning").
    if let Some(p) = c.name("part") {
        if !cx.title_case && p.as_str().starts_with(char::is_uppercase) {
            return None;
        }
    }
    if c.name("part").is_none() {
        let next = word_after(text, wd_m.end());
        let next_l = next.to_ascii_lowercase();
        let after = &text[wd_m.end()..];
        let gap_is_space = after.starts_with(' ');
        // "on Saturday Sirhan Sirhan was stabbed": after a preposition of time, a
        // capitalised word starts the next phrase, unless it names a paper or a show.
        let after_time_word = rel_m.is_some()
            || matches!(
                prev_l.as_str(),
                "on" | "by" | "since" | "until" | "till" | "before" | "after" | "early" | "late"
            );
        if gap_is_space
            && is_capitalised(next)
            && month_number(next).is_none()
            && (!(cx.title_case || after_time_word)
                || WEEKDAY_NAMES_AFTER.contains(&next_l.as_str()))
        {
            return None;
        }
        if next_l == "prayers" || next_l == "prayer" {
            return None;
        }
        // Habitual: "on Tuesday nights", "Sunday mornings".
        if gap_is_space
            && matches!(
                next_l.as_str(),
                "nights" | "mornings" | "afternoons" | "evenings"
            )
        {
            return None;
        }
        // A weekday before a noun with no preposition to make it a time is a kind of
        // day, not a date: "Sunday opening hours", "Sunday trading laws", "Friday
        // service". Before a verb ("the ministry Saturday condemned") or a function word
        // ("said Monday that"), it is a date.
        if gap_is_space
            && rel_m.is_none()
            && !TIME_PREPOSITIONS.contains(&prev_l.as_str())
            && attributive(next)
        {
            return None;
        }
    }
    let part = c.name("part").map(|p| part_code(p.as_str()));
    if rel_m.is_none() && part.is_none() {
        if let Some(r) = counted_weekday(text, start, end, wd) {
            return Some(r);
        }
    }
    Some((start..end, Sem::Weekday { wd, rel, part }))
}

/// "the last Friday in September", "the second Tuesday of March 2027": a calendar
/// description of one day, which names no date counted from the day of writing. "of each
/// month", "in Advent" and other rules or seasons are not a day at all (`None`).
fn ordinal_weekday_of_month(
    text: &str,
    start: usize,
    end: usize,
    wd: i8,
    last: bool,
    ordinal_word: &str,
) -> Option<Reading> {
    let n: i8 = if last {
        -1
    } else {
        match ordinal_word {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" => 4,
            "fifth" => 5,
            "final" => -1,
            _ => return None,
        }
    };
    // "in September", "of September 2027": a month written out, then perhaps its year.
    let rest = &text[end..];
    let after_prep = rest
        .trim_start()
        .split_once(char::is_whitespace)
        .map(|(_, r)| r.trim_start())?;
    let month_word: String = after_prep
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    if !super::MONTH_FULL.split('|').any(|m| m == month_word) {
        return None;
    }
    let m = month_number(&month_word)?;
    let mut span_end = end + (rest.len() - after_prep.len()) + month_word.len();
    let tail = &text[span_end..];
    let year_digits: String = tail
        .strip_prefix(' ')
        .or_else(|| tail.strip_prefix(", "))
        .map(|t| t.chars().take_while(char::is_ascii_digit).collect())
        .unwrap_or_default();
    let y = if year_digits.len() == 4
        && !text[span_end..]
            .trim_start_matches([' ', ','])
            .get(4..)
            .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_alphanumeric()))
    {
        span_end = text[span_end..]
            .find(&year_digits)
            .map_or(span_end, |p| span_end + p + 4);
        year_digits.parse().ok()
    } else {
        None
    };
    // Start at the ordinal ("the last Friday", "the first Monday").
    let ord_start = if last {
        start
    } else {
        text[..start]
            .trim_end()
            .len()
            .saturating_sub(ordinal_word.len())
    };
    let the = word_before(text, ord_start);
    let from = if the.eq_ignore_ascii_case("the") {
        text[..ord_start].trim_end().len() - the.len()
    } else {
        ord_start
    };
    Some((from..span_end, Sem::OrdinalWeekday { n, wd, m, y }))
}

/// A weekday counted in weeks from the nearest one, or from the date before it: "a week
/// from Friday", "two weeks from Monday", "Thursday week" (ahead); "a week ago Saturday",
/// "the Friday before last" (back); "the Friday after next" (ahead); "the following
/// Tuesday" (after the date the story last named).
fn counted_weekday(text: &str, start: usize, end: usize, wd: i8) -> Option<Reading> {
    let before = text[..start].trim_end();
    let after = &text[end..];
    let w1 = word_before(text, start).to_ascii_lowercase();
    let at_w1 = before.len().saturating_sub(w1.len());
    let w2 = word_before(text, at_w1).to_ascii_lowercase();
    let at_w2 = text[..at_w1].trim_end().len().saturating_sub(w2.len());
    let w3 = word_before(text, at_w2).to_ascii_lowercase();
    let at_w3 = text[..at_w2].trim_end().len().saturating_sub(w3.len());
    // "a week from Friday", "two weeks ago Saturday".
    if matches!(w1.as_str(), "from" | "ago") && matches!(w2.as_str(), "week" | "weeks") {
        let weeks = match w3.as_str() {
            "a" | "one" => 1,
            "two" => 2,
            "three" => 3,
            _ => return None,
        };
        let back = w1 == "ago";
        return Some((at_w3..end, Sem::WeekdayShift { wd, back, weeks }));
    }
    // "the Friday before last", "the Monday after next".
    if w1 == "the" {
        for (tail, back) in [(" before last", true), (" after next", false)] {
            if starts_with_ci(after, tail)
                && after[tail.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric())
            {
                return Some((
                    at_w1..end + tail.len(),
                    Sem::WeekdayShift { wd, back, weeks: 1 },
                ));
            }
        }
    }
    // "the following Tuesday".
    if w1 == "following" && w2 == "the" {
        return Some((at_w2..end, Sem::WeekdayAfter { wd, back: false }));
    }
    // "Thursday week" (British: a week after the coming Thursday), ending its phrase.
    if let Some(rest) = after.strip_prefix(" week") {
        // Ending its phrase: punctuation, or a preposition or conjunction opening the next
        // ("resumes Monday week with evidence"); not "the Monday week of the fair".
        let next = word_after(rest, 0).to_ascii_lowercase();
        let ends = rest
            .chars()
            .next()
            .is_none_or(|c| matches!(c, ',' | '.' | ';' | ':' | ')'))
            || (rest.starts_with(' ')
                && matches!(
                    next.as_str(),
                    "with"
                        | "at"
                        | "in"
                        | "when"
                        | "and"
                        | "to"
                        | "for"
                        | "after"
                        | "before"
                        | "as"
                        | "if"
                        | "unless"
                        | "or"
                        | "but"
                        | "from"
                        | "until"
                ));
        if ends {
            return Some((
                start..end + 5,
                Sem::WeekdayShift {
                    wd,
                    back: false,
                    weeks: 1,
                },
            ));
        }
    }
    None
}

fn weekend(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let x = c.name("x")?;
    // "the weekend of Aug. 3" is dated already.
    let after = cx.text[x.end()..].trim_start();
    if let Some(rest) = after.strip_prefix("of ") {
        if month_number(word_after(rest, 0)).is_some() {
            return None;
        }
    }
    modifier_before(
        cx.text,
        x.start(),
        &["during the", "over the", "at the", "on the"],
        false,
    )?;
    Some((x.range(), Sem::Weekend))
}

/// Words before a weekday that make it a time: "on Tuesday", "by Friday".
const TIME_PREPOSITIONS: &[&str] = &[
    "on", "by", "since", "until", "till", "from", "before", "after", "early", "late", "last",
    "next", "this", "through", "during", "to", "of", "for", "between", "as", "at", "than",
];

/// Is `next`, the word after a weekday, a noun that the weekday qualifies ("opening",
/// "trading", "school", "lunch")? Lowercase content words only: not a verb form (-ed, -s,
/// an irregular past), not a function word, not an adverb.
fn attributive(next: &str) -> bool {
    if next.is_empty() || !next.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    if next.ends_with("ed") || next.ends_with('s') || next.ends_with("ly") {
        return false;
    }
    !NOT_ATTRIBUTIVE.contains(&next)
}

/// Words after a bare weekday that leave it a date: verbs without -ed or -s, function words.
const NOT_ATTRIBUTIVE: &[&str] = &[
    // irregular pasts and the like
    "said",
    "told",
    "met",
    "made",
    "held",
    "took",
    "gave",
    "saw",
    "began",
    "came",
    "went",
    "left",
    "won",
    "lost",
    "drew",
    "hit",
    "struck",
    "spoke",
    "sent",
    "ran",
    "found",
    "got",
    "put",
    "set",
    "led",
    "fled",
    "fell",
    "broke",
    "brought",
    "bought",
    "built",
    "became",
    "chose",
    "cut",
    "did",
    "felt",
    "fought",
    "flew",
    "forgot",
    "grew",
    "heard",
    "hid",
    "kept",
    "knew",
    "laid",
    "let",
    "meant",
    "paid",
    "quit",
    "read",
    "rose",
    "sold",
    "shot",
    "shut",
    "sat",
    "slept",
    "stood",
    "stole",
    "swore",
    "taught",
    "threw",
    "thought",
    "understood",
    "withdrew",
    "wrote",
    "overturned",
    "upheld",
    "sought",
    "sank",
    "spent",
    "split",
    "spread",
    "bit",
    "beat",
    "bore",
    "sworn",
    "won't",
    "can't",
    "don't",
    "didn't",
    "wasn't",
    "weren't",
    // auxiliaries and modals
    "will",
    "would",
    "can",
    "could",
    "may",
    "might",
    "must",
    "should",
    "shall",
    "is",
    "was",
    "are",
    "were",
    "be",
    "been",
    "has",
    "had",
    "have",
    "do",
    // function words
    "the",
    "a",
    "an",
    "that",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "this",
    "these",
    "those",
    "there",
    "to",
    "in",
    "at",
    "on",
    "for",
    "with",
    "by",
    "from",
    "of",
    "as",
    "after",
    "before",
    "during",
    "amid",
    "ahead",
    "against",
    "about",
    "over",
    "under",
    "into",
    "onto",
    "near",
    "outside",
    "inside",
    "despite",
    "following",
    "through",
    "until",
    "till",
    "toward",
    "towards",
    "without",
    "within",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "when",
    "while",
    "where",
    "whether",
    "because",
    "since",
    "than",
    "then",
    "not",
    "never",
    "also",
    "just",
    "only",
    "even",
    "still",
    "again",
    "too",
    "last",
    "next",
    "local",
    "night",
    "morning",
    "afternoon",
    "evening",
    "noon",
    "midday",
    "midnight",
    "week",
    "via",
    "per",
    "up",
    "down",
    "out",
    "off",
    "back",
    "around",
    "across",
    "along",
    "alongside",
    "following",
    "according",
    "some",
    "another",
    "any",
    "many",
    "several",
    "more",
    "most",
    "my",
    "your",
    "all",
    "both",
    "each",
    "no",
    "one",
    "two",
    "what",
    "who",
    "which",
    "how",
    "why",
    "here",
    "now",
    "what's",
    "whose",
    "once",
];

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
