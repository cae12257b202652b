//! Vague references with no date: "recently", "soon", "currently", "in recent years",
//! "in the past", "the near future", "these days", "a while ago".

use super::{Gate, Pattern, Reading, B};
use crate::time::recognizer::{starts_with_ci, word_before, Ctx};
use crate::time::sem::Sem;
use regex::Captures;

/// "recently", "in the past", "soon", "at present".
pub const VAGUE: Pattern = Pattern {
    name: "Vague",
    gate: Gate::any_case(&[
        "recent",
        "lately",
        "soon",
        "current",
        "present",
        "nowadays",
        "past",
        "future",
        "some time",
        "moment",
        "these days",
        "coming",
        "ahead",
        "other day",
        "while ago",
        "long ago",
    ]),
    regex: || {
        format!(
            r"{B}(?i:(?P<ppre>in|over|during|into)\s+)?(?i:(?P<x>until\s+recently|recently|lately|soon|currently|presently|nowadays|recent\s+(?:years|months|weeks|days|decades|times)|the\s+(?:near\s+|distant\s+|recent\s+|not-too-distant\s+|foreseeable\s+)?(?:past|future)|some\s+time\s+ago|for\s+some\s+time|at\s+the\s+moment|at\s+present|these\s+days|the\s+coming\s+(?:days|weeks|months|years|decades)|the\s+days\s+ahead|the\s+other\s+day|a\s+while\s+ago|long\s+ago)){B}"
        )
    },
    interpret: vague,
};

fn vague(c: &Captures, cx: &Ctx) -> Option<Reading> {
    let text = cx.text;
    let x = c.name("x")?;
    let s = x.as_str().to_ascii_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let after = text[x.end()..].trim_start();
    // Part of a hyphenated word or name: "Park Won-soon", "Kim Hyun-soon".
    if text[..x.start()].ends_with(['-', '‐']) {
        return None;
    }
    if s == "recently" {
        let prev = word_before(text, x.start()).to_ascii_lowercase();
        if matches!(prev.as_str(), "most" | "more" | "only") {
            return None;
        }
    }
    if s == "soon" {
        let prev = word_before(text, x.start()).to_ascii_lowercase();
        if prev == "as" || starts_with_ci(after, "after") || text[x.end()..].starts_with('-') {
            return None;
        }
    }
    // "the past" as a noun phrase needs a preposition before it.
    let ppre = c.name("ppre");
    if (s.starts_with("the ") && (s.ends_with("past") || s.ends_with("future"))) && ppre.is_none() {
        return None;
    }
    // TimeML leaves the preposition out: "recent years".
    let v = if s.contains("future")
        || s == "soon"
        || s.starts_with("the coming")
        || s.contains("ahead")
    {
        "FUTURE_REF"
    } else if matches!(
        s.as_str(),
        "currently" | "presently" | "nowadays" | "at the moment" | "at present" | "these days"
    ) {
        "PRESENT_REF"
    } else {
        "PAST_REF"
    };
    Some((x.range(), Sem::Vague(v)))
}
