//! Deictic words, resolved against the article date: "yesterday", "tomorrow morning",
//! "later today", "tonight", "this morning", "last night", "the day before yesterday";
//! and "now".

use super::{part_code, Gate, Pattern, Reading, B};
use crate::time::recognizer::{is_capitalised, quoted_title_at, word_after, word_before, Ctx};
use crate::time::sem::Sem;
use regex::Captures;

/// "yesterday", "tomorrow morning", "this morning", "last night" (not "USA Today").
pub const DEICTIC: Pattern = Pattern {
    name: "Deictic",
    gate: Gate::any_case(&[
        "yesterday",
        "today",
        "tomorrow",
        "tonight",
        "morning",
        "afternoon",
        "evening",
        "night",
    ]),
    regex: || {
        format!(
            r"{B}(?i:the\s+day\s+(?P<dby>before\s+yesterday|after\s+tomorrow)|(?P<ed>earlier|later|early|late)\s+(?P<ew>today|tonight|yesterday)(?:\s+(?P<epart>morning|afternoon|evening|night))?|(?P<w>yesterday|tomorrow|today|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?|this\s+(?P<this>morning|afternoon|evening)|last\s+(?P<last>night|evening))(?:{B}|['’])"
        )
    },
    interpret: deictic,
};

/// "now" (not "now that", "every now and then", "from now on").
pub const NOW: Pattern = Pattern {
    name: "Now",
    gate: None,
    regex: || format!(r"{B}(?i:now){B}"),
    interpret: now,
};

/// Nouns of the present age: "today's world", "today's standards", "in today's money",
/// "the youth of today".
pub const PRESENT_AGE: &[&str] = &[
    "world",
    "society",
    "standards",
    "standard",
    "youth",
    "generation",
    "generations",
    "children",
    "kids",
    "economy",
    "market",
    "markets",
    "technology",
    "politics",
    "culture",
    "media",
    "terms",
    "money",
    "dollars",
    "prices",
    "era",
    "age",
    "climate",
    "times",
    "young",
    "society's",
    "combat",
    "modern",
    "digital",
    // Kinds of people and things: "today's consumers", "in today's workplace".
    "consumers",
    "customers",
    "shoppers",
    "buyers",
    "workers",
    "employees",
    "workforce",
    "companies",
    "businesses",
    "firms",
    "families",
    "households",
    "parents",
    "students",
    "teenagers",
    "teens",
    "users",
    "drivers",
    "cars",
    "vehicles",
    "computers",
    "airlines",
    "automakers",
    "workplace",
    "marketplace",
    "landscape",
    "environment",
    "industry",
    "jobs",
    "reality",
    "realities",
    "global",
    "competitive",
    "fast-paced",
    "changing",
    "ever-changing",
];

fn deictic(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let mut range = whole.range();
    let s = whole.as_str();
    let first = s.split_whitespace().next().unwrap_or("");
    // "USA Today", "Russia Today", the "Today" programme.
    if first.starts_with('T') && first.eq_ignore_ascii_case("today") {
        let prev = word_before(text, whole.start());
        // After a quotation mark ("told The Atlantic, “Today we …”) it opens the speech.
        let before = text[..whole.start()].trim_end_matches(' ');
        let opens_quote = before.ends_with(['"', '“', '‘']);
        let name_before = !opens_quote
            && before.ends_with(prev)
            && is_capitalised(prev)
            && !matches!(
                prev.to_ascii_lowercase().as_str(),
                "on" | "and" | "but" | "by" | "since" | "until" | "from" | "as" | "so"
            );
        let capital_mid_sentence =
            first.starts_with('T') && !cx.initial(whole.start()) && !opens_quote;
        if name_before || capital_mid_sentence {
            return None;
        }
    }
    // Outside a heading and not opening a sentence or a quotation, a capital makes a title
    // or a name: the song "Yesterday", "The Tonight Show", "Tomorrow Never Dies".
    let opens_quote = text[..whole.start()]
        .trim_end_matches(' ')
        .ends_with(['"', '“', '‘', '(']);
    if is_capitalised(first) && !cx.initial(whole.start()) && !opens_quote {
        return None;
    }
    // Opening a quotation that is a title in title case, not speech: the film "Tomorrow
    // Never Dies", the album "Yesterday Once More".
    if is_capitalised(first) && opens_quote && quoted_title_at(text, whole.start()) {
        return None;
    }
    // "the engineers of tomorrow", "the waterfront of today", "the cities of tomorrow": a
    // noun phrase with "of" and the bare word is the present age or the future, not a day
    // ("as of today", "by the end of today": no noun after a determiner before "of").
    if c.name("w").is_some() && c.name("part").is_none() {
        let w = first.to_ascii_lowercase();
        if (w == "today" || w == "tomorrow") && word_before(text, whole.start()) == "of" {
            let of_at = text[..whole.start()].trim_end().len().saturating_sub(2);
            let noun = word_before(text, of_at).to_ascii_lowercase();
            let noun_at = text[..of_at].trim_end().len().saturating_sub(noun.len());
            let det = word_before(text, noun_at).to_ascii_lowercase();
            // A part of the day is the day itself: "the end of today", "the rest of today".
            let part_of_day = matches!(
                noun.as_str(),
                "end" | "start" | "beginning" | "middle" | "close" | "rest" | "course" | "events"
            );
            if !part_of_day && matches!(det.as_str(), "the" | "a" | "an") {
                let v = if w == "today" {
                    "PRESENT_REF"
                } else {
                    "FUTURE_REF"
                };
                return Some((range, Sem::Vague(v)));
            }
        }
    }
    // "Easter Island is today a barren place", "the youth of today": today as
    // "nowadays", not a date. "The events of today", "as of today" are the day.
    if first.eq_ignore_ascii_case("today") && s.len() == 5 {
        let prev = word_before(text, whole.start()).to_ascii_lowercase();
        let of_present_age = prev == "of" && {
            let of_at = text[..whole.start()].trim_end().len().saturating_sub(2);
            let noun = word_before(text, of_at).to_ascii_lowercase();
            PRESENT_AGE.contains(&noun.as_str())
        };
        if matches!(prev.as_str(), "is" | "are" | "remains" | "remain") || of_present_age {
            return Some((range, Sem::Vague("PRESENT_REF")));
        }
    }
    // Drop a trailing apostrophe the pattern allowed for.
    if s.ends_with('\'') || s.ends_with('’') {
        range.end -= s.chars().last().map_or(0, char::len_utf8);
    }
    let lower = s.to_ascii_lowercase();
    let sem = if let Some(dby) = c.name("dby") {
        Sem::Deictic {
            days: if dby.as_str().to_ascii_lowercase().starts_with("before") {
                -2
            } else {
                2
            },
            part: None,
        }
    } else if let Some(w) = c.name("ew") {
        let w = w.as_str().to_ascii_lowercase();
        let part = c.name("epart").map(|p| part_code(p.as_str()));
        match w.as_str() {
            "yesterday" => Sem::Deictic { days: -1, part },
            "tonight" => Sem::Deictic {
                days: 0,
                part: Some("TNI"),
            },
            _ => Sem::Deictic { days: 0, part },
        }
    } else if let Some(w) = c.name("w") {
        let w = w.as_str().to_ascii_lowercase();
        let part = c.name("part").map(|p| part_code(p.as_str()));
        match w.as_str() {
            "yesterday" => Sem::Deictic { days: -1, part },
            "tomorrow" => Sem::Deictic { days: 1, part },
            "tonight" => Sem::Deictic {
                days: 0,
                part: Some("TNI"),
            },
            _ => Sem::Deictic { days: 0, part },
        }
    } else if let Some(p) = c.name("this") {
        Sem::Deictic {
            days: 0,
            part: Some(part_code(p.as_str())),
        }
    } else if c.name("last").is_some() {
        let part = if lower.ends_with("evening") {
            "TEV"
        } else {
            "TNI"
        };
        Sem::Deictic {
            days: -1,
            part: Some(part),
        }
    } else {
        return None;
    };
    Some((range, sem))
}

fn now(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let s = whole.as_str();
    if s == "Now" && !cx.initial(whole.start()) {
        return None;
    }
    let next = word_after(text, whole.end()).to_ascii_lowercase();
    let after = &text[whole.end()..];
    if next == "that" || after.starts_with('-') {
        return None;
    }
    // Compare a prefix only: lowercasing the rest of the block per match was
    // quadratic on long paragraphs.
    let rest = after.trim_start().as_bytes();
    let starts = |p: &str| {
        rest.get(..p.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(p.as_bytes()))
    };
    if starts("and then") || starts("and again") {
        return None;
    }
    let prev = word_before(text, whole.start()).to_ascii_lowercase();
    if prev == "from" && (next == "on" || next == "until") {
        return None;
    }
    Some((whole.range(), Sem::Vague("PRESENT_REF")))
}
