//! Recurrences (TimeML sets): "every year", "each Monday", "twice a week", "annually",
//! and adverbs ("daily", "weekly").

use super::{weekday_number, Gate, Pattern, Reading, B, WEEKDAY_FULL};
use crate::time::recognizer::Ctx;
use crate::time::sem::{Sem, Unit};
use regex::Captures;

/// "every year", "each Monday", "twice a week", "annually".
pub const SET: Pattern = Pattern {
    name: "Set",
    gate: Gate::any_case(&["every", "each", "annually", "per", "twice", "once"]),
    regex: || {
        format!(
            r"{B}(?i:(?:every|each)\s+(?:other\s+)?(?P<unit>day|week|month|year|decade|summer|winter|spring|autumn)|(?:every|each)\s+(?P<wd>{WEEKDAY_FULL})|annually|per\s+(?P<per>year|day|week|month)|twice\s+a\s+(?P<tw>year|day|week|month)|once\s+a\s+(?P<on>year|day|week|month)){B}"
        )
    },
    interpret: set,
};

/// "daily" as an adverb ("drown daily"), not an adjective ("a daily newspaper").
pub const ADVERB: Pattern = Pattern {
    name: "Adverb",
    gate: Gate::any_case(&["daily", "weekly", "monthly", "yearly", "nightly"]),
    regex: || format!(r"{B}(?i:(?P<w>daily|weekly|monthly|yearly|nightly)){B}"),
    interpret: adverb,
};

fn set(c: &Captures, _: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let v = if let Some(u) = c.name("unit") {
        match Unit::parse(u.as_str())? {
            Unit::Day => "P1D".to_string(),
            Unit::Week => "P1W".to_string(),
            Unit::Month => "P1M".to_string(),
            Unit::Year => "P1Y".to_string(),
            Unit::Decade => "P1DE".to_string(),
            Unit::Season(s) => format!("XXXX-{s}"),
            _ => return None,
        }
    } else if let Some(w) = c.name("wd") {
        format!("XXXX-WXX-{}", weekday_number(w.as_str())?)
    } else if let Some(u) = c.name("per").or(c.name("on")).or(c.name("tw")) {
        match Unit::parse(u.as_str())? {
            Unit::Day => "P1D".to_string(),
            Unit::Week => "P1W".to_string(),
            Unit::Month => "P1M".to_string(),
            _ => "P1Y".to_string(),
        }
    } else {
        "P1Y".to_string()
    };
    Some((whole.range(), Sem::Set(v)))
}

fn adverb(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let whole = c.get(0)?;
    let text = cx.text;
    // Only as an adverb ("drown daily", "twice daily."); "a daily newspaper" is not.
    let after = text[whole.end()..].trim_start();
    if !(after.is_empty() || after.starts_with([',', '.', ';', ')', '[', '”', '"'])) {
        return None;
    }
    let v = match c.name("w")?.as_str().to_ascii_lowercase().as_str() {
        "daily" | "nightly" => "P1D",
        "weekly" => "P1W",
        "monthly" => "P1M",
        _ => "P1Y",
    };
    Some((whole.range(), Sem::Set(v.to_string())))
}
