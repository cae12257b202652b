//! Time in a draft: the article date, and every time expression in the prose with its
//! TimeML-style normalised value (2023-03-14, 2023-W11, 2023-03, 2023, P13Y, PAST_REF…)
//! resolved against the article date (deictic words, weekdays) or the last date the text
//! mentioned ("the next day", "two years later").
//!
//! - [`article_date`]: which date the article is written on, and where that came from.
//! - [`recognizer`]: finds expressions with compiled-once regular expressions.
//! - [`resolve`]: turns what was found into values and calendar dates.

pub mod article_date;
pub mod patterns;
pub mod recognizer;
pub mod resolve;
pub mod sem;
mod settings;
#[cfg(test)]
mod tests_golden;
pub use settings::{DateStyle, DatesConfig};

pub use article_date::{ArticleDate, DateOrigin};
pub use resolve::{clause_direction, Cue, Direction};

pub use crate::calendar::is_calendar_word;
use crate::calendar::{MONTHS, WEEKDAYS};
use jiff::civil::Date;
use std::ops::Range;

/// What kind of time expression, as the rules see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TimeKind {
    /// A calendar date, month, year, decade or season named outright ("March 20, 2023",
    /// "in March", "2019", "the 1990s"). Needs no article date to stay true.
    Absolute,
    /// Relative to the article date: today, yesterday, "on Tuesday", "last week",
    /// "two days ago", "the past 13 years". Goes stale as the draft waits.
    Relative,
    /// Relative to another time in the text: "the next day", "two years later".
    Anaphoric,
    /// A time reference with no date: recently, soon, currently, "in recent years".
    Vague,
    /// A length of time: "three years", "a six-year term".
    Duration,
    /// A clock time: "10 a.m.", "noon".
    Time,
    /// A recurrence: "every year", "annually".
    Set,
}

impl TimeKind {
    /// The label used in the fixture and JSON: absolute, relative, vague, duration, time, set.
    pub fn label(self) -> &'static str {
        match self {
            TimeKind::Absolute => "absolute",
            TimeKind::Relative | TimeKind::Anaphoric => "relative",
            TimeKind::Vague => "vague",
            TimeKind::Duration => "duration",
            TimeKind::Time => "time",
            TimeKind::Set => "set",
        }
    }

    /// Does it anchor a claim in time (an explicit or resolvable date)?
    pub fn anchors(self) -> bool {
        matches!(
            self,
            TimeKind::Absolute | TimeKind::Relative | TimeKind::Anaphoric | TimeKind::Time
        )
    }
}

/// How fine a resolved value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Granularity {
    Day,
    Week,
    Month,
    Year,
    Coarser,
}

/// What a value was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Stands on its own ("March 20, 2023").
    Explicit,
    /// The article date.
    ArticleDate,
    /// The year of the article date completed a partial date ("March 20", "in March").
    ArticleYear,
    /// The last date mentioned before it in the text.
    Previous(Date),
    /// Could not be resolved (no article date, or no earlier date for "the next day").
    Unresolved,
}

/// One time expression in the draft.
#[derive(Debug, Clone, PartialEq)]
pub struct TimeExpr {
    /// Index of the block in `doc.blocks`.
    pub block: usize,
    /// Range in the block's text.
    pub range: Range<usize>,
    /// Range in the source.
    pub source: Range<usize>,
    /// The expression as written.
    pub text: String,
    pub kind: TimeKind,
    /// TimeML-style value, when one follows ("2023-03-14", "2023-W11", "P13Y", "PAST_REF").
    pub value: Option<String>,
    /// The calendar day it names, when it names one.
    pub day: Option<Date>,
    /// The first and last day it covers, for week/month/year values and anchored durations.
    pub span: Option<(Date, Date)>,
    pub granularity: Option<Granularity>,
    pub anchor: Anchor,
    /// A bare weekday whose sentence does not say which week ("on Tuesday" with no verb
    /// to tell): the past and the coming day it can mean. `day` is then `None`.
    pub ambiguous: Option<(Date, Date)>,
    /// For a bare weekday or weekend: the direction its clause points, and the words that
    /// said so ("announced", "will meet").
    pub cue: Option<Cue>,
}

impl TimeExpr {
    /// A deictic expression ("yesterday", "on Tuesday", "last week") the date rules check.
    pub fn is_relative(&self) -> bool {
        self.kind == TimeKind::Relative
    }
}

/// Every time expression in the document, in order.
pub fn find_all(doc: &crate::Document, article: Option<&ArticleDate>) -> Vec<TimeExpr> {
    let found = recognizer::recognize(doc);
    resolve::resolve_all(doc, found, article.map(|a| a.date))
}

/// AP abbreviations of months before a day ("Jan. 4"); March–July are never abbreviated.
const AP_MONTHS: [&str; 12] = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
];

pub fn month_name(m: i8) -> &'static str {
    MONTHS[(m.clamp(1, 12) - 1) as usize]
}

pub fn weekday_name(d: Date) -> &'static str {
    WEEKDAYS[(d.weekday().to_monday_one_offset() - 1) as usize]
}

/// Whole days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: Date, b: Date) -> i32 {
    a.until(b).map(|s| s.get_days()).unwrap_or(i32::MAX)
}

/// "Tuesday, March 14, 2023": the unambiguous long form used in messages and hover.
pub fn long_date(d: Date) -> String {
    format!(
        "{}, {} {}, {}",
        weekday_name(d),
        month_name(d.month()),
        d.day(),
        d.year()
    )
}

/// How a house style writes a date relative to the article date (AP-like): the weekday
/// within the seven days before or after it, else month and day, with the year when it
/// differs from the article's.
pub fn house_style(d: Date, article: Date) -> String {
    if (-6..=6).contains(&days_between(article, d)) {
        return weekday_name(d).to_string();
    }
    house_style_date(d, article)
}

/// Month and day in AP style ("March 14", "Feb. 1"), with the year when it differs from
/// the article's ("Dec. 30, 2022").
pub fn house_style_date(d: Date, article: Date) -> String {
    let m = AP_MONTHS[(d.month() - 1) as usize];
    if d.year() == article.year() {
        format!("{m} {}", d.day())
    } else {
        format!("{m} {}, {}", d.day(), d.year())
    }
}

static REPORTING: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)(?-u:\b)(?:says?|said|saying|tells?|told|according\s+to|claim(?:s|ed)?|stat(?:es|ed)|add(?:s|ed)|explain(?:s|ed)|not(?:es|ed)|wr(?:ote|ites)|report(?:s|ed|edly)|allegedly|announc(?:es|ed)|believ(?:es|ed)|argu(?:es|ed)|warn(?:s|ed)|insist(?:s|ed)|estimat(?:es|ed)|allege[sd]?|think|thinks|thought|feel|feels|felt|suggest(?:s|ed)|predict(?:s|ed)|expect(?:s|ed)|hop(?:es|ed)|fear(?:s|ed)|describ(?:es|ed)|call(?:s|ed)|consider(?:s|ed)|announced|confirm(?:s|ed)|indicat(?:es|ed)|show(?:s|ed)|found|finds|reveal(?:s|ed)|acknowledg(?:es|ed)|admit(?:s|ted)|tweet(?:s|ed)|posted|commented|remarked|stress(?:es|ed)|emphasi[sz](?:es|ed)|pointed\s+out|in\s+a\s+statement|per\s+the|cited|citing)(?-u:\b)")
        .expect("reporting regex")
});

/// A speaker label opening an interview answer: "NG:", "Wikinews:", "**Dr Smith:**". The
/// answer is the speaker's words, like a quotation. Written out rather than as a regex: up
/// to 31 letters of any script, as a counted regex repetition, made a 4 MB automaton.
pub fn is_interview_answer(block_text: &str) -> bool {
    let rest = block_text.strip_prefix("**").unwrap_or(block_text);
    let mut chars = rest.chars();
    if !chars.next().is_some_and(char::is_alphabetic) {
        return false;
    }
    let label_char = |c: char| c.is_alphabetic() || matches!(c, '.' | '’' | '\'' | ' ');
    let after_first = chars.as_str();
    let label: usize = after_first
        .chars()
        .take_while(|&c| label_char(c))
        .take(31)
        .map(char::len_utf8)
        .sum();
    if after_first[..label].chars().count() > 30 {
        return false;
    }
    let rest = &after_first[label..];
    let rest = rest.strip_prefix("**").unwrap_or(rest);
    let Some(rest) = rest.strip_prefix(':') else {
        return false;
    };
    let rest = rest.strip_prefix("**").unwrap_or(rest);
    rest.starts_with(char::is_whitespace)
}

/// Does a sentence attribute what it says to someone (a reporting verb, "according to")?
///
/// A capitalised match inside the sentence is a name, not a verb: "the United States",
/// "Field Notes".
pub fn attributed(sentence: &str) -> bool {
    REPORTING.find_iter(sentence).any(|m| {
        let initial = sentence[..m.start()]
            .chars()
            .all(|c| c.is_whitespace() || "\"“‘'([«—–-*_".contains(c));
        initial || !m.as_str().starts_with(char::is_uppercase)
    })
}

/// Is `range` inside one of `quoted`? `quoted` is sorted and disjoint, as
/// [`crate::rules::quoted_in_block`] gives it: a binary search, so a paragraph with
/// thousands of quotes and sentences stays linear.
pub fn in_ranges(quoted: &[Range<usize>], range: &Range<usize>) -> bool {
    let i = quoted.partition_point(|q| q.start <= range.start);
    i > 0 && range.end <= quoted[i - 1].end
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn interview_labels() {
        for yes in [
            "NG: We think so.",
            "Wikinews: Why?",
            "**Dr Smith:** Yes.",
            "**Dr Smith**: Yes.",
            "The plan: cuts",
            "Олена Зеленська: так",
            "O’Brien: fine",
        ] {
            assert!(is_interview_answer(yes), "{yes}");
        }
        for no in [
            "Jean-Luc: no",
            "Note:this",
            ": nothing",
            "1999: a year",
            "A label far too long to be anyone's name at all: no",
            "",
            "**",
        ] {
            assert!(!is_interview_answer(no), "{no}");
        }
        // Exactly 31 label characters (one, then 30) is the longest a label may be.
        assert!(is_interview_answer(&format!("A{}: yes", "b".repeat(30))));
        assert!(!is_interview_answer(&format!("A{}: yes", "b".repeat(31))));
    }

    /// The function says what the regex it replaced said, on every paragraph start of the
    /// corpus and on edge cases.
    #[test]
    fn interview_labels_as_the_old_regex() {
        let old =
            regex::Regex::new(r"^(?:\*\*)?[\p{L}][\p{L}.’' ]{0,30}(?:\*\*)?:(?:\*\*)?\s").unwrap();
        let mut texts: Vec<String> = crate::test_corpus::texts()
            .into_iter()
            .flat_map(|t| t.split("\n").map(str::to_string).collect::<Vec<_>>())
            .collect();
        for extra in [
            "**A**:\u{a0}x",
            "A**: x",
            "A: **x",
            "A:** x",
            "A:**x",
            "ǅ: x",
            "Aa.’' : x",
        ] {
            texts.push(extra.to_string());
        }
        for t in &texts {
            assert_eq!(is_interview_answer(t), old.is_match(t), "{t:?}");
        }
    }

    #[test]
    fn house_style_follows_ap() {
        let art = date(2023, 3, 20);
        assert_eq!(house_style(date(2023, 3, 14), art), "Tuesday");
        assert_eq!(house_style(date(2023, 3, 13), art), "March 13");
        assert_eq!(house_style(date(2023, 3, 20), art), "Monday");
        assert_eq!(house_style(date(2023, 3, 27), art), "March 27");
        assert_eq!(house_style(date(2023, 2, 1), art), "Feb. 1");
        assert_eq!(house_style(date(2022, 12, 30), art), "Dec. 30, 2022");
        assert_eq!(long_date(date(2023, 3, 14)), "Tuesday, March 14, 2023");
    }
}
