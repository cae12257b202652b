//! Bare plural units, a length or time with no count: "for years", "within days",
//! "the past years", "weeks later", "years ago".

use super::{Gate, Pattern, Reading, B};
use crate::time::recognizer::{modifier_before, word_before, Ctx};
use crate::time::sem::{Sem, Unit};
use regex::Captures;

/// "for years", "weeks later", "the past decades".
pub const BARE: Pattern = Pattern {
    name: "Bare",
    gate: Gate::any_case(&["days", "weeks", "months", "years", "decades", "centuries"]),
    regex: || {
        format!(
            r"{B}(?P<x>(?i:(?P<unit>days|weeks|months|years|decades|centuries)(?:\s+(?P<dir>ago|later|earlier|after|before))?)){B}"
        )
    },
    interpret: bare,
};

fn bare(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let text = cx.text;
    let unit_m = c.name("unit")?;
    let unit = Unit::parse(unit_m.as_str())?;
    let x = c.name("x")?;
    let the_m = modifier_before(
        text,
        unit_m.start(),
        &["the coming", "the past", "the last", "the next"],
        false,
    );
    let x_start = the_m.map_or(x.start(), |(s, _)| s);
    let prep = modifier_before(
        text,
        x_start,
        &["within", "during", "before", "after", "over", "for", "in"],
        false,
    )
    .map(|(_, w)| w);
    let dir = c.name("dir").map(|d| d.as_str().to_ascii_lowercase());
    let the = the_m.map(|(_, w)| w);
    if prep.is_none() && dir.is_none() {
        return None;
    }
    // "the years before": only with a direction that reads as time.
    let prev = word_before(text, x_start).to_ascii_lowercase();
    if the.is_none()
        && matches!(
            prev.as_str(),
            "the" | "those" | "these" | "their" | "his" | "her" | "its"
        )
    {
        return None;
    }
    let mut range = x_start..x.end();
    let sem = match (dir.as_deref(), the) {
        (Some("ago"), _) => Sem::Vague("PAST_REF"),
        (_, Some(t)) if t.contains("past") || t.contains("last") => Sem::PastSpan { n: None, unit },
        (Some("after" | "before"), None) if prep.is_none() => {
            range = x_start..unit_m.end();
            Sem::Duration { n: None, unit }
        }
        (Some(_), _) if prep.is_some() => {
            range = x_start..unit_m.end();
            Sem::Duration { n: None, unit }
        }
        _ => Sem::Duration { n: None, unit },
    };
    Some((range, sem))
}
