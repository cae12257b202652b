//! A counted unit of time, the widest family: what the words around the count say decides
//! its meaning — "two days ago" and "three weeks from now" (a shift from the article date),
//! "the past 13 years" (a span up to it), "two years later" (from the last date mentioned),
//! "three years", "a six-year term", "34-year-old" (durations), "in three weeks" (a date
//! when the sentence looks ahead).

use super::{Gate, Pattern, Reading, B};
use crate::time::recognizer::{is_future, word_after, word_before, Ctx};
use crate::time::sem::{Sem, Unit};
use regex::Captures;

/// A count: numerals ("3,000", "2.5"), number words ("twenty-one", "a dozen") and vague
/// quantities ("several", "a few", "more than two").
const NUM: &str = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?|one\s+and\s+a\s+half|a\s+half|half\s+a|a\s+couple\s+of|a\s+couple|a\s+few|(?:a|two|three|four|five|six|seven|eight|nine|ten)\s+dozen|a\s+hundred|dozens\s+of|hundreds\s+of|thousands\s+of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)|single|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|an|a|few|several|some|many|fewer\s+than\s+\w+|more\s+than\s+\w+";

/// An adjective of extent between a count and its unit: "six straight days", "three
/// consecutive years", "two full weeks", "two more years". The count is the same.
const ADJ: &str = r"straight|consecutive|successive|full|whole|more|additional|extra|further";

/// A unit of time, singular or plural.
const UNIT: &str = r"seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries|millennium|millennia";

/// "two days ago", "the past 13 years", "three years later", "a six-year term".
pub const COUNT: Pattern = Pattern {
    name: "Count",
    gate: Gate::any_case(&[
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "fortnight",
        "month",
        "year",
        "decade",
        "centur",
        "millenni",
    ]),
    regex: || {
        format!(
            r"{B}(?i:(?P<in>in|within)\s+)?(?i:(?P<the>the\s+(?:past|last|next|coming|previous|following|first|final|preceding)\s+))?(?i:(?P<num>{NUM}))(?:\+|-plus)?[\s-]+(?i:(?:{ADJ})[\s-]+)?(?i:(?P<unit>{UNIT})){B}(?:[\s-]+(?i:(?P<old>old|long)){B})?(?:\s+(?i:(?P<dir>ago|earlier|later|before|after|from\s+now|prior|previously|hence|on)){B})?"
        )
    },
    interpret: count,
};

fn count(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let num_m = c.name("num")?;
    let unit_m = c.name("unit")?;
    let unit = Unit::parse(unit_m.as_str())?;
    let num_s = num_m.as_str().to_ascii_lowercase();
    if num_s.starts_with("more than") || num_s.starts_with("fewer than") {
        // "more than two years": keep the count, drop the comparison from the value.
        let rest = num_s.split_whitespace().last().unwrap_or("");
        number(rest)?;
    }
    let n = if num_s.starts_with("more than") || num_s.starts_with("fewer than") {
        number(num_s.split_whitespace().last().unwrap_or(""))
    } else {
        number(&num_s)
    };
    // A number glued to something before it ("3,000 years" is fine; "$5 a year" no).
    if text[..num_m.start()].ends_with(|ch: char| ch.is_ascii_digit() || ch == '.') {
        return None;
    }
    let the = c.name("the").map(|t| {
        t.as_str()
            .to_ascii_lowercase()
            .split_whitespace()
            .nth(1)
            .unwrap_or("")
            .to_string()
    });
    let dir = c.name("dir").map(|d| {
        d.as_str()
            .to_ascii_lowercase()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    });
    let is_a = matches!(num_s.as_str(), "a" | "an");
    let prev = word_before(text, num_m.start()).to_ascii_lowercase();
    // "twice a year", "$5 a day", "a day" after a count: a rate, not a time.
    if is_a && dir.is_none() && the.is_none() {
        let p = prev.trim_end_matches('.');
        if matches!(p, "once" | "twice" | "times" | "per")
            || p.chars().next().is_some_and(|ch| ch.is_ascii_digit())
            || p.ends_with("illion")
            || matches!(p, "thousand" | "hundred" | "dollars" | "euros" | "pounds")
        {
            return None;
        }
    }
    // "a day of mourning" names an occasion, not a length of time.
    if is_a
        && unit == Unit::Day
        && dir.is_none()
        && word_after(text, unit_m.end()).eq_ignore_ascii_case("of")
    {
        return None;
    }
    // "some days" ("on some days") is not a duration; "a few days" is.
    if matches!(num_s.as_str(), "some" | "many")
        && dir.is_none()
        && the.is_none()
        && unit_m.as_str().ends_with('s')
        && !matches!(prev.as_str(), "for" | "after" | "in" | "over" | "within")
    {
        return None;
    }
    // "one day" as an adverb ("one day he will…") is vague.
    let in_ = c.name("in").map(|m| m.as_str().to_ascii_lowercase());
    let start_no_in = c.name("the").map_or(num_m.start(), |t| t.start());
    let mut end = c.name("old").map_or(unit_m.end(), |o| o.end());
    let sem = if let Some(d) = dir.as_deref() {
        match d {
            "ago" => {
                end = whole.end();
                match n {
                    Some(n) => Sem::Shift { n: -n, unit },
                    None => Sem::Vague("PAST_REF"),
                }
            }
            "from now" | "hence" => {
                end = whole.end();
                match n {
                    Some(n) => Sem::Shift { n, unit },
                    None => Sem::Vague("FUTURE_REF"),
                }
            }
            "earlier" | "previously" | "later" | "on" | "prior" => {
                let next = word_after(text, whole.end()).to_ascii_lowercase();
                if d == "prior" && next == "to"
                    || d == "on"
                        && !next.is_empty()
                        && !text[whole.end()..].starts_with([',', '.', ';'])
                    || d == "earlier" && next == "than"
                {
                    duration_or_span(n, unit, the.as_deref())
                } else {
                    end = whole.end();
                    let sign = if matches!(d, "later" | "on") {
                        1.0
                    } else {
                        -1.0
                    };
                    match n {
                        Some(n) => Sem::Anaphoric { n: sign * n, unit },
                        None => Sem::Duration { n: None, unit },
                    }
                }
            }
            _ => duration_or_span(n, unit, the.as_deref()),
        }
    } else if c.name("old").is_some() {
        Sem::Duration { n, unit }
    } else if in_.as_deref() == Some("in") && the.is_none() && n.is_some() && !is_a {
        // "in three weeks": a date when the sentence looks ahead, else a duration.
        let sentence = &text[cx.sentence_start..];
        let sentence_end = sentence.find(['.', '?', '!']).map_or(sentence.len(), |e| e);
        let lead = &text[..whole.start()];
        let completes = lead.split_whitespace().rev().take(3).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "completed"
                    | "complete"
                    | "finished"
                    | "finish"
                    | "done"
                    | "ready"
                    | "built"
                    | "repaid"
                    | "expire"
                    | "expires"
                    | "decide"
                    | "decided"
            )
        });
        if is_future(&sentence[..sentence_end]) && !completes {
            Sem::Shift {
                n: n.unwrap_or(0.0),
                unit,
            }
        } else {
            Sem::Duration { n, unit }
        }
    } else {
        duration_or_span(n, unit, the.as_deref())
    };
    // "a second time", "a second round": an ordinal, not a duration.
    if matches!(unit, Unit::Second) && (n.is_none() || is_a) {
        return None;
    }
    if unit == Unit::Weekend {
        return None;
    }
    Some((start_no_in..end, sem))
}

fn duration_or_span(n: Option<f64>, unit: Unit, the: Option<&str>) -> Sem {
    match the {
        Some("past" | "last" | "preceding") => Sem::PastSpan { n, unit },
        _ => Sem::Duration { n, unit },
    }
}

/// A number word or numeral; `None` for vague quantities (several, some, many, a few).
pub(crate) fn number(s: &str) -> Option<f64> {
    let s = s.to_ascii_lowercase();
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Ok(n) = s.replace(',', "").parse::<f64>() {
        return Some(n);
    }
    const SMALL: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some(i) = SMALL.iter().position(|w| *w == s) {
        return Some(i as f64);
    }
    let mut parts = s.split(['-', ' ']);
    if let Some(t) = parts.next().and_then(|t| TENS.iter().position(|w| *w == t)) {
        let tens = (t as f64 + 2.0) * 10.0;
        return match parts.next() {
            None => Some(tens),
            Some(u) => SMALL[1..10]
                .iter()
                .position(|w| *w == u)
                .map(|i| tens + i as f64 + 1.0),
        };
    }
    // "two dozen", "three hundred": a number word times a dozen or a hundred.
    if let Some((n, times)) = s.rsplit_once(' ') {
        let times = match times {
            "dozen" => 12.0,
            "hundred" => 100.0,
            _ => 0.0,
        };
        if times > 0.0 {
            let n = if matches!(n, "a" | "an") {
                Some(1.0)
            } else {
                number(n)
            };
            if let Some(n) = n.filter(|n| *n >= 1.0 && n.fract() == 0.0) {
                return Some(n * times);
            }
        }
    }
    match s.as_str() {
        "a" | "an" | "single" => Some(1.0),
        "hundred" => Some(100.0),
        "a half" | "half a" => Some(0.5),
        "one and a half" => Some(1.5),
        "a couple" | "a couple of" => Some(2.0),
        _ => None,
    }
}
