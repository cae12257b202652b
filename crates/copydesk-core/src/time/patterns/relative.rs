//! A unit with a modifier: deictic ("last week", "this year", "next month", "earlier
//! this year", "the end of last year"), spans up to the article date ("the past year"),
//! and anaphoric ("the next day", "the following year", "the same week", "that year").

use super::{Gate, Pattern, Reading, B};
use crate::time::recognizer::Ctx;
use crate::time::sem::{Sem, Unit};
use regex::Captures;

/// "last week", "earlier this year", "the past year", "the next day", "that year".
pub const REL_UNIT: Pattern = Pattern {
    name: "RelUnit",
    gate: Gate::any_case(&[
        "week", "month", "year", "decade", "century", "quarter", "day", "summer", "winter",
        "spring", "autumn", "fall",
    ]),
    regex: || {
        format!(
            r"{B}(?i:(?P<mod>(?:earlier|later|early|late)\s+(?:this|last|next|that)|this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+preceding|the\s+following|the\s+same|that\s+same|the\s+current|the\s+end\s+of\s+(?:the|this|last|next)|the\s+(?:beginning|start|middle|turn)\s+of\s+(?:the|this|last|next)|last|next|this|coming|past|previous|current|that)\s+(?:(?P<fy>fiscal|financial|school|academic)\s+)?(?P<unit>week|weekend|month|year|decade|century|quarter|day|summer|winter|spring|autumn|fall)){B}"
        )
    },
    interpret: rel_unit,
};

fn rel_unit(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    let md = c.name("mod")?.as_str().to_ascii_lowercase();
    let md = md.split_whitespace().collect::<Vec<_>>().join(" ");
    let unit = Unit::parse(c.name("unit")?.as_str())?;
    // "next fiscal year", "this school year": a year of its own calendar, named as the
    // year is (the fix is left to the rule, which knows it need not be the calendar's).
    if c.name("fy").is_some() && unit != Unit::Year {
        return None;
    }
    let after = &text[whole.end()..];
    // "this year's", fine; "the next day's" fine. "last year-old"? no.
    if after.starts_with('-') {
        return None;
    }
    // "ABC's This Week", "Next Year in Jerusalem": outside a heading and a sentence's
    // start, capitals on the modifier and the unit make a title.
    if c.name("mod")?.as_str().starts_with(char::is_uppercase)
        && c.name("unit")?.as_str().starts_with(char::is_uppercase)
        && !cx.initial(whole.start())
    {
        return None;
    }
    let deictic = |offset: i32| Sem::RelUnit { unit, offset };
    let sem = match md.as_str() {
        "this"
        | "current"
        | "the current"
        | "earlier this"
        | "later this"
        | "early this"
        | "late this"
        | "the end of this"
        | "the beginning of this"
        | "the start of this"
        | "the middle of this"
        | "the turn of this"
        | "this past"
        | "the end of the"
        | "the beginning of the"
        | "the start of the"
        | "the middle of the"
        | "the turn of the" => {
            if unit == Unit::Day {
                return None;
            }
            if md.contains("the the") {
                return None;
            }
            if md == "this past" && unit == Unit::Weekend {
                deictic(-1)
            } else if md.ends_with("of the") {
                // "the end of the year": this year, unless it is a narrative.
                if unit == Unit::Week || unit == Unit::Weekend {
                    return None;
                }
                deictic(0)
            } else {
                deictic(0)
            }
        }
        "last"
        | "earlier last"
        | "early last"
        | "late last"
        | "later last"
        | "the end of last"
        | "the beginning of last"
        | "the start of last"
        | "the middle of last"
        | "the turn of last"
        | "past" => {
            if unit == Unit::Day {
                return None;
            }
            if md == "past" {
                // "past year" without "the": "in past years"? only "this past".
                return None;
            }
            deictic(-1)
        }
        "next"
        | "coming"
        | "early next"
        | "late next"
        | "later next"
        | "earlier next"
        | "the end of next"
        | "the beginning of next"
        | "the start of next"
        | "the middle of next"
        | "this coming" => {
            if unit == Unit::Day {
                return None;
            }
            deictic(1)
        }
        "the past" | "the last" if unit == Unit::Weekend => return None,
        "the past" | "the last" => {
            if c.name("unit")?.as_str().eq_ignore_ascii_case("day") {
                Sem::PastSpan {
                    n: Some(1.0),
                    unit: Unit::Day,
                }
            } else {
                Sem::PastSpan { n: Some(1.0), unit }
            }
        }
        "the next" | "the coming" => {
            if unit == Unit::Day {
                Sem::Anaphoric { n: 1.0, unit }
            } else {
                Sem::Duration { n: Some(1.0), unit }
            }
        }
        "the following" => Sem::Anaphoric { n: 1.0, unit },
        "the previous" | "the preceding" => Sem::Anaphoric { n: -1.0, unit },
        "previous" => return None,
        "the same" | "that same" | "that" | "earlier that" | "later that" | "early that"
        | "late that" => Sem::Anaphoric { n: 0.0, unit },
        _ => return None,
    };
    Some((whole.range(), sem))
}
