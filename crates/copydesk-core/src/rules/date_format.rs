//! `date.format` (opt-in, under `[dates] style = "ap"` only): month-name dates written
//! other than the AP Stylebook writes them ("months", "dates"), with a byte-exact fix.
//!
//! - With a day, Jan., Feb., Aug., Sept., Oct., Nov. and Dec. are abbreviated; March,
//!   April, May, June and July never are: "January 5" → "Jan. 5", "Sep. 3" → "Sept. 3",
//!   "Mar. 3" → "March 3".
//! - Without a day the month is spelled out, with no comma before the year:
//!   "Sept. 2019" → "September 2019", "October, 2019" → "October 2019".
//! - No ordinals in dates: "March 3rd" → "March 3", "the 3rd of March" → "March 3".
//! - A day before the month is put after it: "5 January 2019" → "Jan. 5, 2019" (not a safe
//!   fix: the sentence around it may need a look).
//! - With `[dates] omit-current-year = true` (off by default), a date in the article's own
//!   year loses its year: "Oct. 5, 2019" → "Oct. 5" in a 2019 article.
//!
//! Never flagged: a month name that is not a date ("May" the verb or name, "March" the
//! noun, "Jan" a name: only a capitalised month before a day or a year is read), an ordinal
//! that is not a day ("the 3rd Infantry"), a number that is not a day ("October 2,000
//! people"), quoted speech, headings, and anything inside a URL or inline code.

use super::quoted_in_block;
use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::markdown::BlockKind;
use crate::text::is_word_char;
use crate::time::{in_ranges, DateStyle};
use crate::Context;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct DateFormat;

static META: RuleMeta = RuleMeta {
    id: "date.format",
    default_severity: Severity::Information,
    enabled_by_default: false,
    summary: "A month-name date not in AP form (“January 5”, “Sept. 2019”, “March 3rd”), under `[dates] style = \"ap\"`.",
    explanation: "The AP Stylebook (“months”, “dates”) abbreviates Jan., Feb., Aug., Sept., Oct., Nov. and Dec. when used with a day and spells every month out without one; March, April, May, June and July are never abbreviated. Dates take no ordinal (“March 3”, not “March 3rd”) and no comma between month and year alone (“October 2019”). With `[dates] omit-current-year = true`, a date in the article's own year drops its year. Quoted speech and headings are left alone. Opt-in (the `ap` preset turns it on), and only under `[dates] style = \"ap\"`.",
    wrong: "The court ruled on January 5, 2019, and will sit again on March 3rd.\n",
    right: "The court ruled on Jan. 5, 2019, and will sit again on March 3.\n",
};

/// The AP form of each month before a day; March–July are never abbreviated.
const AP_WITH_DAY: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

const MONTH_WORDS: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

/// Month first: "October 5th, 2019", "Sept. 2019", "October, 2019".
static MONTH_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<month>{MONTH_WORDS})(?P<dot>\.)?(?:\s(?P<day>[0-9]{{1,2}})(?P<ord>st|nd|rd|th)?\b)?(?P<year>(?P<comma>,)?\s(?P<y>[12][0-9]{{3}})\b)?"
    ))
    .expect("month-first regex")
});

/// Day first: "5 January 2019", "3rd of March", "the 3rd of March".
static DAY_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<the>[Tt]he\s)?(?P<day>[0-9]{{1,2}})(?P<ord>st|nd|rd|th)?\s(?:of\s)?(?P<month>{MONTH_WORDS})(?P<dot>\.)?(?P<year>,?\s(?P<y>[12][0-9]{{3}})\b)?"
    ))
    .expect("day-first regex")
});

/// The month (0-based) a written month word names.
fn month_index(word: &str) -> Option<usize> {
    let lower = word.to_ascii_lowercase();
    let key = lower.get(..3)?;
    crate::calendar::MONTHS
        .iter()
        .position(|m| m[..3].eq_ignore_ascii_case(key))
}

/// One date the rule rewrites, in block-text offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Finding {
    range: Range<usize>,
    new: String,
    /// What is wrong, for the message.
    why: Vec<&'static str>,
    safe: bool,
}

fn ordinal_fits(day: u32, ord: &str) -> bool {
    let want = match (day % 100, day % 10) {
        (11..=13, _) => "th",
        (_, 1) => "st",
        (_, 2) => "nd",
        (_, 3) => "rd",
        _ => "th",
    };
    want == ord
}

/// Is the match glued to a URL, a path, a handle or a code placeholder?
fn glued(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    let glued_before = match before {
        // "v1.January", not "… in Sept. October 5": a dot glued to a word before it.
        Some('.') => text[..range.start]
            .chars()
            .rev()
            .nth(1)
            .is_some_and(is_word_char),
        // "mid-September", "/January", "#May", "@Oct".
        Some(c) => matches!(c, '/' | '-' | '_' | '#' | '@' | '=' | ':') || is_word_char(c),
        None => false,
    };
    let glued_after =
        after.is_some_and(|c| matches!(c, '/' | '_' | '@' | '=' | '%') || is_word_char(c));
    if glued_before || glued_after {
        return true;
    }
    // Inside a URL: the whitespace-delimited token holds "://" or "www.".
    let token_start = text[..range.start]
        .rfind(char::is_whitespace)
        .map_or(0, |i| i + 1);
    let token_end = text[range.end..]
        .find(char::is_whitespace)
        .map_or(text.len(), |i| range.end + i);
    let token = &text[token_start..token_end];
    token.contains("://") || token.contains("www.")
}

/// After the day: a number that goes on ("2,000", "3.5", "10:30") is not a day.
fn number_goes_on(rest: &str) -> bool {
    let mut chars = rest.chars();
    matches!(
        (chars.next(), chars.next()),
        (Some(',' | '.' | ':'), Some(c)) if c.is_ascii_digit()
    )
}

/// The findings in one block's text. `year`: the article's year, when the desk drops it.
fn scan(text: &str, omit_year: Option<i16>) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    for c in MONTH_FIRST.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let Some(m) = c.name("month") else { continue };
        let Some(mi) = month_index(m.as_str()) else {
            continue;
        };
        let written = m.as_str();
        let full = crate::calendar::MONTHS[mi];
        let is_full = written == full;
        let dot = c.name("dot").is_some();
        let day = c
            .name("day")
            .and_then(|d| d.as_str().parse::<u32>().ok().map(|n| (d, n)));
        let year = c.name("year");
        let mut range = whole.range();
        if glued(text, &range) {
            continue;
        }
        match day {
            Some((d, n)) => {
                if !(1..=31).contains(&n) || number_goes_on(&text[d.end()..]) {
                    continue;
                }
                let ord = c.name("ord");
                if ord.is_some_and(|o| !ordinal_fits(n, o.as_str())) {
                    continue;
                }
                // "Jan 5" with no dot, or "Mar 3": an abbreviation the draft made; "May"
                // and the full names are words of their own.
                let mut why = Vec::new();
                let want_month = AP_WITH_DAY[mi];
                let written_month = if dot {
                    &text[m.start()..m.end() + 1]
                } else {
                    written
                };
                if written_month != want_month {
                    why.push(if want_month.ends_with('.') {
                        "months with a day are abbreviated"
                    } else {
                        "March, April, May, June and July are never abbreviated"
                    });
                }
                if ord.is_some() {
                    why.push("dates take no ordinal");
                }
                let mut new = format!("{want_month} {n}");
                let mut safe = true;
                if let (Some(yr), Some(y)) = (year, c.name("y")) {
                    let drop = omit_year.is_some_and(|a| y.as_str().parse::<i16>().ok() == Some(a));
                    if drop {
                        why.push("a date in the article's year takes no year");
                        // "On Oct. 5, 2019, the court": the comma after the year goes too.
                        if text[yr.end()..].starts_with(',') && c.name("comma").is_some() {
                            range.end = yr.end() + 1;
                        }
                    } else if c.name("comma").is_none() {
                        why.push("a year after a day follows a comma");
                        new.push_str(&format!(", {}", y.as_str()));
                    } else {
                        new.push_str(&format!(", {}", y.as_str()));
                    }
                }
                if why.is_empty() {
                    continue;
                }
                if !is_full && !dot && written.len() <= 3 && year.is_none() {
                    // "Jan 5" without a year: a name ("Jan") before a number is possible.
                    safe = false;
                }
                out.push(Finding {
                    range,
                    new,
                    why,
                    safe,
                });
            }
            None => {
                let Some(y) = c.name("y") else { continue };
                let comma = c.name("comma").is_some();
                if is_full && !comma {
                    continue;
                }
                if !is_full && !dot && matches!(written, "Jan" | "Mar" | "May") {
                    // "Jan 2019" could be a name; "Mar" a word.
                    continue;
                }
                let mut why = Vec::new();
                if !is_full {
                    why.push("a month without a day is spelled out");
                }
                if comma {
                    why.push("no comma between month and year");
                }
                out.push(Finding {
                    range,
                    new: format!("{full} {}", y.as_str()),
                    why,
                    safe: true,
                });
            }
        }
    }
    for c in DAY_FIRST.captures_iter(text) {
        let Some(whole) = c.get(0) else { continue };
        let (Some(m), Some(d)) = (c.name("month"), c.name("day")) else {
            continue;
        };
        let Some(mi) = month_index(m.as_str()) else {
            continue;
        };
        let written = m.as_str();
        let dot = c.name("dot").is_some();
        if written != crate::calendar::MONTHS[mi] && !dot {
            continue;
        }
        let Ok(n) = d.as_str().parse::<u32>() else {
            continue;
        };
        if !(1..=31).contains(&n) {
            continue;
        }
        let ord = c.name("ord");
        if ord.is_some_and(|o| !ordinal_fits(n, o.as_str())) {
            continue;
        }
        let mut range = whole.range();
        // "the 3rd of March": the article goes with the reordering; "the 5 January
        // meeting" keeps it ("the Jan. 5 meeting").
        let has_of = text[d.end()..m.start()].contains("of");
        if c.name("the").is_some() && !has_of {
            range.start = d.start();
        }
        if glued(text, &range)
            || out
                .iter()
                .any(|f| f.range.start < range.end && range.start < f.range.end)
        {
            continue;
        }
        if range.start > 0
            && text[..range.start].ends_with(['.', ','])
            && text[..range.start]
                .chars()
                .rev()
                .nth(1)
                .is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        let mut new = format!("{} {n}", AP_WITH_DAY[mi]);
        let mut why = vec!["AP puts the month before the day"];
        if ord.is_some() {
            why.push("dates take no ordinal");
        }
        if let Some(y) = c.name("y") {
            let drop = omit_year.is_some_and(|a| y.as_str().parse::<i16>().ok() == Some(a));
            if drop {
                why.push("a date in the article's year takes no year");
            } else {
                new.push_str(&format!(", {}", y.as_str()));
            }
        }
        out.push(Finding {
            range,
            new,
            why,
            safe: false,
        });
    }
    out.sort_by_key(|f| f.range.start);
    out
}

impl Rule for DateFormat {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        if cx.config.dates.style() != DateStyle::Ap {
            return;
        }
        let omit_year = if cx.config.dates.omit_current_year {
            cx.article_date().map(|a| a.date.year())
        } else {
            None
        };
        let src = cx.doc.text();
        for (bi, block) in cx.doc.blocks.iter().enumerate() {
            if matches!(block.kind, BlockKind::Heading(_)) {
                continue;
            }
            let found = scan(&block.text, omit_year);
            if found.is_empty() {
                continue;
            }
            let quoted = quoted_in_block(cx, bi);
            for f in found {
                if in_ranges(&quoted, &f.range) || overlaps_any(&quoted, &f.range) {
                    continue;
                }
                let range = block.source_range(f.range.clone());
                let written = &block.text[f.range.clone()];
                let message = format!(
                    "AP style writes “{}”, not “{written}”: {}.",
                    f.new,
                    f.why.join("; ")
                );
                let mut d = Diagnostic::new(META.id, range.clone(), message)
                    .with_data("expected", f.new.clone());
                // A fix only where the source is the block text byte for byte.
                if src.get(range.clone()) == Some(written) {
                    d = d.with_fix(Fix {
                        title: format!("Write “{}”", f.new),
                        safe: f.safe,
                        edits: vec![Edit::replace(range, f.new)],
                    });
                }
                out.push(d);
            }
        }
    }
}

/// Does `range` overlap any of `quoted` (a date half inside a quotation is the speaker's)?
fn overlaps_any(quoted: &[Range<usize>], range: &Range<usize>) -> bool {
    quoted
        .iter()
        .any(|q| q.start < range.end && range.start < q.end)
}

#[cfg(test)]
mod tests {
    use super::scan;
    use crate::config::Level;
    use crate::diagnostic::Severity;
    use crate::rules::testing::*;
    use crate::Config;

    fn on() -> Config {
        let mut c = Config::default();
        c.set_level("date.format", Level::On(Severity::Information));
        c
    }

    fn fixes(src: &str) -> Vec<(String, String)> {
        flagged_data("date.format", src, &on(), "expected")
    }

    #[test]
    fn abbreviates_months_with_a_day_only() {
        assert_eq!(
            fixes(
                "It began on January 5 and ended September 30, 2019. Talks resume in Sept. 2019."
            ),
            pairs(&[
                ("January 5", "Jan. 5"),
                ("September 30, 2019", "Sept. 30, 2019"),
                ("Sept. 2019", "September 2019"),
            ])
        );
        assert_eq!(
            fixes("After the Sept 11 attacks."),
            pairs(&[("Sept 11", "Sept. 11")])
        );
        assert_eq!(
            fixes("Filed Sep. 3 and Mar. 4, due Apr 9 2020, held in October, 2019."),
            pairs(&[
                ("Sep. 3", "Sept. 3"),
                ("Mar. 4", "March 4"),
                ("Apr 9 2020", "April 9, 2020"),
                ("October, 2019", "October 2019"),
            ])
        );
    }

    #[test]
    fn right_forms_are_left_alone() {
        for ok in [
            "It began Jan. 5, 2019, and ended Sept. 30.",
            "In September 2019 and in March, sales fell. On March 3 and June 30 they rose.",
            "The vote is May 14. It may rain. Troops march 3 miles.",
            "Since the Sept. 11 attacks. Theresa May 2019 memoir. The March 2 rally.",
        ] {
            assert_eq!(fixes(ok), [], "{ok}");
        }
    }

    #[test]
    fn ordinals_in_dates_only() {
        assert_eq!(
            fixes(
                "The March 3rd vote and the 3rd of March rally. The 3rd Infantry left on the 21st."
            ),
            pairs(&[("March 3rd", "March 3"), ("the 3rd of March", "March 3")])
        );
        assert_eq!(
            fixes("By October 31st, or December 2nd."),
            pairs(&[("October 31st", "Oct. 31"), ("December 2nd", "Dec. 2")])
        );
        // An ordinal that does not fit its number is not a date ordinal we understand.
        assert_eq!(fixes("On March 3th."), []);
    }

    #[test]
    fn day_first_dates_are_reordered_without_a_safe_fix() {
        let src = "Polls closed on 5 January 2019 and the 12 December meeting.";
        assert_eq!(
            fixes(src),
            pairs(&[
                ("5 January 2019", "Jan. 5, 2019"),
                ("12 December", "Dec. 12")
            ])
        );
        let d = crate::analyze(&crate::Document::parse(src), &on());
        assert!(d.iter().all(|d| d.fixes.iter().all(|f| !f.safe)));
    }

    #[test]
    fn names_numbers_urls_code_quotes_and_headings_are_not_dates() {
        assert_eq!(
            fixes("In October 2,000 people marched. In May 3.5 million voted."),
            []
        );
        assert_eq!(
            fixes("See https://example.org/news/January-5 and `January 5`."),
            []
        );
        assert_eq!(fixes("“We met on January 5th,” she said."), []);
        assert_eq!(fixes("# Court rules on January 5\n\nText.\n"), []);
        assert_eq!(fixes("Jan 2019 and Mar 2019."), []);
        // "Jan 5" without a dot may be a name: flagged, but never fixed blindly.
        let d = crate::analyze(&crate::Document::parse("Jan 5 votes."), &on());
        assert!(d.iter().all(|d| d.fixes.iter().all(|f| !f.safe)));
    }

    #[test]
    fn only_under_ap_style() {
        let mut c = on();
        c.dates.style = Some(crate::time::DateStyle::Evergreen);
        assert_eq!(
            flagged_text("date.format", "It began on January 5.", &c),
            Vec::<String>::new()
        );
        // Opt-in: off without a level.
        assert_eq!(
            flagged_text("date.format", "It began on January 5.", &Config::default()),
            Vec::<String>::new()
        );
    }

    #[test]
    fn the_current_year_goes_only_when_configured() {
        let src = "---\ndate: 2019-10-20\n---\nOn October 5, 2019, the court met. On Jan. 5, 2018 it did not.\n";
        assert_eq!(fixes(src), pairs(&[("October 5, 2019", "Oct. 5, 2019")]));
        let mut c = on();
        c.dates.omit_current_year = true;
        assert_eq!(
            flagged_data("date.format", src, &c, "expected"),
            pairs(&[("October 5, 2019,", "Oct. 5")])
        );
        assert_eq!(scan("On Jan. 5, 2019 it met.", Some(2019))[0].new, "Jan. 5");
    }

    #[test]
    fn fixes_are_byte_exact() {
        let src = "Filed on September 30th, 2019 — and — on 1 Dec.\n";
        let d = crate::analyze(&crate::Document::parse(src), &on());
        let (fixed, _) = crate::fix::apply_edits(src, &crate::fix::safe_fix_edits(&d));
        assert_eq!(fixed, "Filed on Sept. 30, 2019 — and — on 1 Dec.\n");
    }
}
