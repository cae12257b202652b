//! Parts of a year: seasons ("summer 2019", "in the spring", "late autumn"), quarters
//! ("Q3 2019", "the third quarter of 2019") and halves ("the first half of this year").

use super::{year_of, Gate, Pattern, Reading, B};
use crate::time::recognizer::{is_capitalised, sentence_initial, word_after, word_before, Ctx};
use crate::time::sem::{Sem, Unit};
use crate::word_regex::WordRegex;
use regex::Captures;

/// "summer 2019", "in the spring" (not "the Arab Spring", nor "fall" without a year).
pub const SEASON: Pattern = Pattern {
    name: "Season",
    gate: Gate::any_case(&["spring", "summer", "autumn", "winter", "fall"]),
    regex: || {
        format!(
            r"{B}(?:(?P<prep>in|during|over|by|until|since|through|from)\s+(?:the\s+)?)?(?P<x>(?:(?P<part>early|late|mid)[\s-]+)?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)(?:\s+(?:of\s+)?(?P<year>[0-9]{{4}})(?:[–-][0-9]{{2,4}})?)?){B}"
        )
    },
    interpret: season,
};

/// "Q3 2019", "the third quarter of 2019", "the final quarter of 2009", "the first quarter
/// of last year", and in business copy "third-quarter results", "in the fourth quarter".
pub const QUARTER: Pattern = Pattern {
    name: "Quarter",
    gate: Gate::any_case(&["quarter", "q1", "q2", "q3", "q4"]),
    regex: || {
        format!(
            r"{B}(?i:(?:the\s+)?(?P<q>first|second|third|fourth|final|last|1st|2nd|3rd|4th)(?:\s+|-)(?:fiscal\s+|financial\s+)?quarter(?:\s+of\s+(?:(?P<rel>this|last|next)\s+year|(?P<year>[0-9]{{4}}))|\s+(?P<year3>[0-9]{{4}}))?|Q(?P<qn>[1-4])\s+(?P<year2>[0-9]{{4}})){B}"
        )
    },
    interpret: quarter,
};

/// A sentence about money or business, where a quarter without a year is the company's or
/// the economy's ("third-quarter results", "profits in the fourth quarter").
static BUSINESS: WordRegex = WordRegex::new(
    r"(?i)(?-u:\b)(?:profits?|loss|losses|revenues?|earnings|sales|results|growth|gdp|econom\w*|fiscal|shares?|investors?|deliveries|dividends?|forecasts?|billion|million|percent)(?-u:\b)|[$€£%]",
);

/// A sentence about a game, where "the third quarter" is a period of play.
static SPORT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?-u:\b)(?:scored?|scoring|touchdowns?|goals?|quarterback|games?|match|overtime|half-?time|innings|penalty|points?\s+(?:ahead|behind|lead))(?-u:\b)")
        .expect("sport regex")
});

/// "the first half of this year".
pub const HALF: Pattern = Pattern {
    name: "Half",
    gate: Gate::any_case(&["half"]),
    regex: || {
        format!(
            r"{B}(?i:the\s+(?P<h>first|second|latter)\s+half\s+of\s+(?:(?P<rel>this|last|next)\s+year|(?P<year>[0-9]{{4}}))){B}"
        )
    },
    interpret: half,
};

fn season(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let text = cx.text;
    let x = c.name("x")?;
    let s = Unit::parse(c.name("s")?.as_str())?;
    let Unit::Season(code) = s else { return None };
    let y = year_of(c, "year");
    let word = c.name("s")?.as_str();
    if y.is_none() {
        if word.eq_ignore_ascii_case("fall") {
            return None;
        }
        let after = word_after(text, x.end());
        // "the Summer Olympics", "the Winter Games": a capitalised season before a
        // capitalised word is a name.
        if is_capitalised(word) && is_capitalised(after) && !cx.title_case {
            return None;
        }
        let prep = c.name("prep").is_some() && !is_capitalised(word);
        if !prep && !season_event(text, x.start(), after) && !season_subject(cx, x.start(), after) {
            return None;
        }
    }
    // "Arab Spring 2011"? capitalised season after a capitalised word is a name.
    if is_capitalised(word) && is_capitalised(word_before(text, x.start())) && !cx.title_case {
        return None;
    }
    Some((x.range(), Sem::Season { y, s: code }))
}

/// A season's event ("their Autumn meetings", "the spring session"): the season of the
/// story's year.
fn season_event(text: &str, start: usize, after: &str) -> bool {
    let before = word_before(text, start).to_ascii_lowercase();
    matches!(
        before.as_str(),
        "their" | "its" | "his" | "her" | "our" | "the" | "this" | "annual"
    ) && matches!(
        after.to_ascii_lowercase().trim_end_matches([',', '.', ';']),
        "meeting"
            | "meetings"
            | "session"
            | "sessions"
            | "summit"
            | "conference"
            | "sale"
            | "sales"
            | "schedule"
            | "recess"
            | "campaign"
            | "offensive"
            | "collection"
            | "collections"
            | "term"
            | "semester"
    )
}

/// A season as the subject of its sentence or clause ("but spring shows signs of hope"): the season of
/// the story's year. Only seasons the word cannot mean anything else in that place.
fn season_subject(cx: &Ctx, start: usize, after: &str) -> bool {
    let opens_clause = sentence_initial(cx.text, cx.sentence_start, start)
        || matches!(
            word_before(cx.text, start),
            "but" | "and" | "as" | "while" | "when" | "until" | "once"
        );
    opens_clause
        && matches!(
            after,
            "shows" | "showed" | "is" | "was" | "has" | "had" | "will" | "brings" | "brought"
        )
}

fn quarter(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let Some(qm) = c.name("q") else {
        let q = c.name("qn")?.as_str().parse().ok()?;
        let y = year_of(c, "year2")?;
        return Some((
            whole.range(),
            Sem::Quarter {
                y: Some(y),
                q,
                offset: None,
            },
        ));
    };
    let word = qm.as_str().to_ascii_lowercase();
    let q = match word.as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    };
    let y = year_of(c, "year").or_else(|| year_of(c, "year3"));
    let offset = rel_offset(c);
    if y.is_none() && offset.is_none() {
        // "the last quarter" is the one before this (a span, found elsewhere); a quarter
        // without a year is a date only in business copy, not a period of a game.
        if word == "last" {
            return None;
        }
        let sentence = sentence_around(cx.text, cx.sentence_start, whole.end());
        if !BUSINESS.on(sentence).is_match(sentence) || SPORT.is_match(sentence) {
            return None;
        }
    }
    Some((whole.range(), Sem::Quarter { y, q, offset }))
}

/// The text from the sentence start to the next full stop after `end` (or the block's end).
/// The year a "last"/"this"/"next" before the period counts from the article's: −1, 0, 1.
fn rel_offset(c: &Captures) -> Option<i32> {
    c.name("rel")
        .map(|r| match r.as_str().to_ascii_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        })
}

fn sentence_around(text: &str, start: usize, end: usize) -> &str {
    let stop = text[end..]
        .find(['.', '!', '?'])
        .map_or(text.len(), |i| end + i + 1);
    text.get(start.min(end)..stop).unwrap_or("")
}

fn half(c: &Captures, _: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let h = if c.name("h")?.as_str().eq_ignore_ascii_case("first") {
        1
    } else {
        2
    };
    let offset = rel_offset(c);
    let sem = Sem::Half {
        h,
        y: year_of(c, "year"),
        offset: offset.unwrap_or(0),
    };
    Some((whole.range(), sem))
}
