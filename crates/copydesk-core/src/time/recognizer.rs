//! A time-expression recogniser for English news, in the spirit of HeidelTime's rules:
//! a few regular expressions (compiled once) find candidates, context checks throw out
//! the false ones ("Theresa May", "Black Friday", "USA Today", "now that"), and each
//! survivor is parsed into a [`Sem`]: what it says, before any calendar arithmetic.
//!
//! Overlapping candidates are settled by length: "Friday, January 4, 2019" beats
//! "Friday" and "2019". Spans follow TimeML: prepositions ("on", "in") are left out,
//! modifiers ("last", "early", "the past") are kept.

use crate::cache::{cached, Slot};
use crate::markdown::BlockKind;
use crate::Document;
use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

/// Month names and abbreviations, full names first (leftmost-first alternation).
pub const MONTH_ALT: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept\\.?|Sep\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
const MONTH_FULL: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
pub const WEEKDAY_ALT: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\\.?|Tue\\.?|Tues\\.?|Wed\\.?|Thu\\.?|Thur\\.?|Thurs\\.?|Fri\\.?|Sat\\.?|Sun\\.?";
const WEEKDAY_FULL: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const NUM: &str = r"[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+(?:\.[0-9]+)?|one\s+and\s+a\s+half|a\s+half|half\s+a|a\s+couple\s+of|a\s+couple|a\s+few|a\s+dozen|dozens\s+of|hundreds\s+of|thousands\s+of|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[-\s](?:one|two|three|four|five|six|seven|eight|nine)|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|an|a|few|several|some|many|fewer\s+than\s+\w+|more\s+than\s+\w+";
const UNIT: &str = r"seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|years?|decades?|century|centuries|millennium|millennia";

/// The unit of a relative or duration expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Fortnight,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
    /// A season: "SP", "SU", "FA", "WI".
    Season(&'static str),
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        let s = s.to_ascii_lowercase();
        let s = s.as_str();
        Some(match s {
            "second" | "seconds" => Unit::Second,
            "minute" | "minutes" => Unit::Minute,
            "hour" | "hours" => Unit::Hour,
            "day" | "days" => Unit::Day,
            "week" | "weeks" => Unit::Week,
            "fortnight" | "fortnights" => Unit::Fortnight,
            "weekend" | "weekends" => Unit::Weekend,
            "month" | "months" => Unit::Month,
            "quarter" => Unit::Quarter,
            "year" | "years" => Unit::Year,
            "decade" | "decades" => Unit::Decade,
            "century" | "centuries" => Unit::Century,
            "millennium" | "millennia" => Unit::Millennium,
            "spring" => Unit::Season("SP"),
            "summer" => Unit::Season("SU"),
            "autumn" | "fall" => Unit::Season("FA"),
            "winter" => Unit::Season("WI"),
            _ => return None,
        })
    }
}

/// A weekday modifier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rel {
    /// "on Tuesday": by the tense of the sentence.
    Bare,
    /// "last Tuesday", "this past Tuesday".
    Last,
    /// "next Tuesday", "this coming Tuesday".
    Next,
}

/// What an expression says, before calendar arithmetic.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A day, its year possibly left out ("March 20").
    Ymd {
        y: Option<i16>,
        m: i8,
        d: i8,
    },
    /// A month, its year possibly left out ("in March").
    Ym {
        y: Option<i16>,
        m: i8,
        rel: Option<i32>,
    },
    Year(i16),
    /// The decade of a year: 1990 for "the 1990s".
    Decade(i16),
    /// TimeML century value: 18 for "the 19th century".
    Century(i16),
    /// A season of a given year ("summer 2019") or, without one, by tense ("in the summer").
    Season {
        y: Option<i16>,
        s: &'static str,
    },
    /// "Q3 2019", "the third quarter of 2019".
    Quarter {
        y: i16,
        q: u8,
    },
    Weekday {
        wd: i8,
        rel: Rel,
        part: Option<&'static str>,
    },
    /// today (0), yesterday (-1), tomorrow (1), with a part of the day.
    Deictic {
        days: i32,
        part: Option<&'static str>,
    },
    /// this (0) / last (-1) / next (1) week, month, year, weekend, season…
    RelUnit {
        unit: Unit,
        offset: i32,
    },
    /// The weekend by the tense of the sentence ("over the weekend").
    Weekend,
    /// "two days ago" (n < 0), "three weeks from now" / "in three weeks" (n > 0).
    Shift {
        n: f64,
        unit: Unit,
    },
    /// "the past 13 years" (backwards from the article date).
    PastSpan {
        n: Option<f64>,
        unit: Unit,
    },
    /// "the next day" (1), "the previous year" (-1), "that day" (0), "two years later" (2).
    Anaphoric {
        n: f64,
        unit: Unit,
    },
    /// A length of time; `n` None is vague ("years", "several days").
    Duration {
        n: Option<f64>,
        unit: Unit,
    },
    /// PAST_REF, PRESENT_REF, FUTURE_REF.
    Vague(&'static str),
    Time {
        h: i8,
        m: i8,
    },
    /// A recurrence, with its TimeML value.
    Set(String),
    /// "June of this year", "September 20 of this year" (`d` 0 for the whole month),
    /// "January of that year"; `offset` is -1/0/1, or ±[`ANAPHORIC_MONTH`] for anaphora.
    MonthDayOfYear {
        m: i8,
        d: i8,
        offset: i32,
    },
    /// "the first half of this year" (H1/H2).
    Half {
        h: u8,
        y: Option<i16>,
        offset: i32,
    },
    /// A holiday on a fixed or computed date; `y` when written ("Christmas 2018").
    Holiday {
        name: &'static str,
        y: Option<i16>,
    },
}

/// `Sem::Ym::rel` for "that September": the month in the year of the last date mentioned.
pub const ANAPHORIC_MONTH: i32 = 99;

/// A candidate found in a block.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub block: usize,
    /// Range in the block text.
    pub range: Range<usize>,
    pub sem: Sem,
    /// Is the sentence about the future (for "on Friday", "in March")?
    pub future: bool,
    /// The sentence it is in (block-text range).
    pub sentence: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pat {
    Mdy,
    Dmy,
    Iso,
    MonthYear,
    MonthCtx,
    Year,
    Decade,
    Century,
    Weekday,
    Deictic,
    Now,
    RelUnit,
    Weekend,
    Count,
    Bare,
    Vague,
    Time,
    Set,
    Holiday,
    Season,
    Quarter,
    MonthOfYear,
    Half,
    DayBefore,
    Adverb,
}

struct Pattern {
    pat: Pat,
    re: Regex,
}

/// What every match of a pattern contains, so the full pattern (whose optional leading
/// modifiers defeat the regex crate's literal prefilter) runs only on blocks that have it:
/// case-sensitive words, words in any case, or an ASCII digit. `None`: always run.
struct Gate {
    exact: Vec<&'static str>,
    any_case: &'static [&'static str],
    digit: bool,
}

/// Short forms of month names that lead a date ("Jan. 4", "Sept 30").
const MONTH_ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn gate(pat: Pat) -> Option<Gate> {
    let g = |exact: &[&'static str], any_case, digit| {
        Some(Gate {
            exact: exact.to_vec(),
            any_case,
            digit,
        })
    };
    let months_or_short: Vec<&str> = super::MONTHS
        .iter()
        .chain(MONTH_ABBREVIATIONS)
        .copied()
        .collect();
    match pat {
        Pat::Mdy | Pat::Dmy | Pat::MonthYear => g(&months_or_short, &[], false),
        Pat::MonthCtx | Pat::MonthOfYear => g(&super::MONTHS, &[], false),
        // Years, ISO dates and decades ("the 1990s") all have digits.
        Pat::Iso | Pat::Year | Pat::Decade => g(&[], &[], true),
        Pat::Century => g(&[], &["century"], false),
        Pat::Weekday => g(&super::WEEKDAYS, &[], false),
        Pat::Deictic => g(
            &[],
            &[
                "yesterday",
                "today",
                "tomorrow",
                "tonight",
                "morning",
                "afternoon",
                "evening",
                "night",
            ],
            false,
        ),
        Pat::RelUnit => g(
            &[],
            &[
                "week", "month", "year", "decade", "century", "quarter", "day", "summer", "winter",
                "spring", "autumn", "fall",
            ],
            false,
        ),
        Pat::Weekend => g(&[], &["weekend"], false),
        Pat::Count => g(
            &[],
            &[
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
            ],
            false,
        ),
        Pat::Bare => g(
            &[],
            &["days", "weeks", "months", "years", "decades", "centuries"],
            false,
        ),
        Pat::Vague => g(
            &[],
            &[
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
            ],
            false,
        ),
        // Clock times with digits ("9:30", "10 am"), or words.
        Pat::Time => g(
            &[],
            &["a.m", "p.m", "gmt", "utc", "noon", "midday", "midnight"],
            true,
        ),
        Pat::Set => g(
            &[],
            &["every", "each", "annually", "per", "twice", "once"],
            false,
        ),
        Pat::Season => g(
            &[],
            &["spring", "summer", "autumn", "winter", "fall"],
            false,
        ),
        Pat::Quarter => g(&[], &["quarter", "q1", "q2", "q3", "q4"], false),
        Pat::Half => g(&[], &["half"], false),
        Pat::DayBefore => g(&[], &["before", "after"], false),
        Pat::Adverb => g(
            &[],
            &["daily", "weekly", "monthly", "yearly", "nightly"],
            false,
        ),
        Pat::Now | Pat::Holiday => None,
    }
}

/// Which patterns may match in a text: one literal automaton over every gate word, in
/// any case, and a digit test, in one pass each instead of a regex per pattern. A word
/// that must have its exact case (month and weekday names) is checked again on a hit.
struct Gates {
    words: aho_corasick::AhoCorasick,
    /// For each word of the automaton: the bits it admits in any case, and those it admits
    /// only as written, with that spelling.
    bits: Vec<(u64, Option<(&'static str, u64)>)>,
    digit_bits: u64,
    always: u64,
}

impl Gates {
    fn build(patterns: &[Pattern]) -> Gates {
        let mut words: Vec<String> = Vec::new();
        let mut bits: Vec<(u64, Option<(&'static str, u64)>)> = Vec::new();
        let (mut digit_bits, mut always) = (0u64, 0u64);
        let mut slot = |word: &str| match words.iter().position(|w| w.eq_ignore_ascii_case(word)) {
            Some(i) => i,
            None => {
                words.push(word.to_ascii_lowercase());
                bits.push((0, None));
                words.len() - 1
            }
        };
        let mut any_case: Vec<(usize, u64)> = Vec::new();
        let mut exact: Vec<(usize, &'static str, u64)> = Vec::new();
        for (pi, p) in patterns.iter().enumerate() {
            let bit = 1u64 << pi;
            let Some(g) = gate(p.pat) else {
                always |= bit;
                continue;
            };
            for w in g.exact {
                exact.push((slot(w), w, bit));
            }
            for w in g.any_case {
                any_case.push((slot(w), bit));
            }
            if g.digit {
                digit_bits |= bit;
            }
        }
        for (i, bit) in any_case {
            bits[i].0 |= bit;
        }
        for (i, word, bit) in exact {
            match &mut bits[i].1 {
                Some((w, b)) if *w == word => *b |= bit,
                Some(_) => panic!("time gates: two exact spellings of {word}"),
                none => *none = Some((word, bit)),
            }
        }
        let words = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            // A full DFA: the fastest overlapping search, and this automaton is small.
            .kind(Some(aho_corasick::AhoCorasickKind::DFA))
            .build(&words)
            .unwrap_or_else(|e| panic!("time gates: {e}"));
        Gates {
            words,
            bits,
            digit_bits,
            always,
        }
    }

    /// The bits of the patterns worth running on `text`.
    fn mask(&self, text: &str) -> u64 {
        let mut mask = self.always;
        if text.bytes().any(|b| b.is_ascii_digit()) {
            mask |= self.digit_bits;
        }
        for m in self.words.find_overlapping_iter(text) {
            let (any_case, exact) = self.bits[m.pattern().as_usize()];
            mask |= any_case;
            if let Some((word, bit)) = exact {
                if &text[m.range()] == word {
                    mask |= bit;
                }
            }
        }
        mask
    }
}

static GATES: LazyLock<Gates> = LazyLock::new(|| Gates::build(&PATTERNS));

fn build() -> Vec<Pattern> {
    let p = |pat: Pat, src: String| Pattern {
        pat,
        re: Regex::new(&src).unwrap_or_else(|e| panic!("time regex {pat:?}: {e}")),
    };
    let b = r"(?-u:\b)";
    vec![
        p(
            Pat::Mdy,
            format!(
                r"{b}(?P<mon>{MONTH_ALT})\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?{b}(?:(?:,\s*|\s+)(?P<year>[0-9]{{4}}){b})?"
            ),
        ),
        p(
            Pat::Dmy,
            format!(
                r"{b}(?:(?P<wd>{WEEKDAY_FULL}),?\s+)?(?:the\s+)?(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{MONTH_ALT}){b}(?:,?\s+(?P<year>[0-9]{{4}}){b})?"
            ),
        ),
        p(Pat::Iso, format!(r"{b}[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{b}")),
        p(
            Pat::MonthYear,
            format!(r"{b}(?P<mon>{MONTH_ALT}),?\s+(?:of\s+)?(?P<year>[0-9]{{4}}){b}"),
        ),
        p(Pat::MonthCtx, format!(r"{b}(?P<mon>{MONTH_FULL}){b}")),
        p(
            Pat::Year,
            format!(r"{b}(?P<year>1[0-9][0-9][0-9]|20[0-9][0-9]){b}"),
        ),
        p(
            Pat::Decade,
            format!(
                r"(?:{b}(?i:the)\s+)?(?:{b}(?i:(?P<part>early|mid|late))[- ]?\s*)?(?:{b}(?P<c>1[0-9]|20)(?P<d>[0-9])0|['’](?P<s>[0-9])0)s{b}"
            ),
        ),
        p(
            Pat::Century,
            format!(r"{b}(?i:the\s+)?(?P<ord>[0-9]{{1,2}})(?:st|nd|rd|th)[- ](?i:century){b}"),
        ),
        p(
            Pat::Weekday,
            format!(
                r"{b}(?P<wd>{WEEKDAY_FULL}){b}(?:\s+(?i:(?P<part>morning|afternoon|evening|night)){b})?"
            ),
        ),
        p(
            Pat::Deictic,
            format!(
                r"{b}(?i:the\s+day\s+(?P<dby>before\s+yesterday|after\s+tomorrow)|(?P<ed>earlier|later|early|late)\s+(?P<ew>today|tonight|yesterday)(?:\s+(?P<epart>morning|afternoon|evening|night))?|(?P<w>yesterday|tomorrow|today|tonight)(?:\s+(?P<part>morning|afternoon|evening|night))?|this\s+(?P<this>morning|afternoon|evening)|last\s+(?P<last>night|evening))(?:{b}|['’])"
            ),
        ),
        p(Pat::Now, format!(r"{b}(?i:now){b}")),
        p(
            Pat::RelUnit,
            format!(
                r"{b}(?i:(?P<mod>(?:earlier|later|early|late)\s+(?:this|last|next|that)|this\s+past|this\s+coming|the\s+past|the\s+last|the\s+next|the\s+coming|the\s+previous|the\s+preceding|the\s+following|the\s+same|the\s+current|the\s+end\s+of\s+(?:the|this|last|next)|the\s+(?:beginning|start|middle|turn)\s+of\s+(?:the|this|last|next)|last|next|this|coming|past|previous|current|that)\s+(?P<unit>week|weekend|month|year|decade|century|quarter|day|summer|winter|spring|autumn|fall)){b}"
            ),
        ),
        p(Pat::Weekend, format!(r"{b}(?P<x>(?i:weekend)){b}")),
        p(
            Pat::Count,
            format!(
                r"{b}(?i:(?P<in>in|within)\s+)?(?i:(?P<the>the\s+(?:past|last|next|coming|previous|following|first|final|preceding)\s+))?(?i:(?P<num>{NUM}))[\s-]+(?i:(?P<unit>{UNIT})){b}(?:[\s-]+(?i:(?P<old>old|long)){b})?(?:\s+(?i:(?P<dir>ago|earlier|later|before|after|from\s+now|prior|previously|hence|on)){b})?"
            ),
        ),
        p(
            Pat::Bare,
            format!(
                r"{b}(?P<x>(?i:(?P<unit>days|weeks|months|years|decades|centuries)(?:\s+(?P<dir>ago|later|earlier|after|before))?)){b}"
            ),
        ),
        p(
            Pat::Vague,
            format!(
                r"{b}(?i:(?P<ppre>in|over|during|into)\s+)?(?i:(?P<x>until\s+recently|recently|lately|soon|currently|presently|nowadays|recent\s+(?:years|months|weeks|days|decades|times)|the\s+(?:near\s+|distant\s+|recent\s+|not-too-distant\s+|foreseeable\s+)?(?:past|future)|some\s+time\s+ago|for\s+some\s+time|at\s+the\s+moment|at\s+present|these\s+days|the\s+coming\s+(?:days|weeks|months|years|decades)|the\s+days\s+ahead|the\s+other\s+day|a\s+while\s+ago|long\s+ago)){b}"
            ),
        ),
        p(
            Pat::Time,
            format!(
                r"{b}(?i:(?P<h>[0-9]{{1,2}})(?:[:.](?P<m>[0-9]{{2}}))?\s*(?P<ap>a\.m\.?|p\.m\.?|am{b}|pm{b})|(?P<h2>[0-9]{{1,2}}):(?P<m2>[0-9]{{2}}){b}|(?P<h3>[0-2][0-9])(?P<m3>[0-5][0-9])\s+(?:GMT|UTC){b}|(?P<noon>noon|midday|midnight){b})(?:\s+(?:local\s+time|GMT|UTC|[ECMP][SD]T){b})?"
            ),
        ),
        p(
            Pat::Set,
            format!(
                r"{b}(?i:(?:every|each)\s+(?:other\s+)?(?P<unit>day|week|month|year|decade|summer|winter|spring|autumn)|(?:every|each)\s+(?P<wd>{WEEKDAY_FULL})|annually|per\s+(?P<per>year|day|week|month)|twice\s+a\s+(?P<tw>year|day|week|month)|once\s+a\s+(?P<on>year|day|week|month)){b}"
            ),
        ),
        p(
            Pat::Holiday,
            format!(
                r"{b}(?P<name>Christmas\s+(?:Day|Eve)|Christmas|New\s+Year['’]s\s+(?:Day|Eve)|Valentine['’]s\s+Day|Halloween|Boxing\s+Day|Thanksgiving(?:\s+Day)?|Easter\s+Sunday|Easter|Good\s+Friday){b}(?:\s+(?P<year>[0-9]{{4}}){b})?"
            ),
        ),
        p(
            Pat::Season,
            format!(
                r"{b}(?:(?P<prep>in|during|over|by|until|since|through|from)\s+(?:the\s+)?)?(?P<x>(?:(?P<part>early|late|mid)[\s-]+)?(?P<s>[Ss]pring|[Ss]ummer|[Aa]utumn|[Ww]inter|[Ff]all)(?:\s+(?:of\s+)?(?P<year>[0-9]{{4}})(?:[–-][0-9]{{2,4}})?)?){b}"
            ),
        ),
        p(
            Pat::Quarter,
            format!(
                r"{b}(?i:(?:the\s+)?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter\s+of\s+(?P<year>[0-9]{{4}})|Q(?P<qn>[1-4])\s+(?P<year2>[0-9]{{4}})){b}"
            ),
        ),
        p(
            Pat::MonthOfYear,
            format!(
                r"{b}(?P<mon>{MONTH_FULL})(?:\s+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?)?\s+of\s+(?i:(?P<rel>this|last|next|that|the\s+same|the\s+following|the\s+previous))\s+(?i:year){b}"
            ),
        ),
        p(
            Pat::Half,
            format!(
                r"{b}(?i:the\s+(?P<h>first|second|latter)\s+half\s+of\s+(?:(?P<rel>this|last|next)\s+year|(?P<year>[0-9]{{4}}))){b}"
            ),
        ),
        p(
            Pat::DayBefore,
            format!(r"{b}(?i:the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)){b}"),
        ),
        p(
            Pat::Adverb,
            format!(r"{b}(?i:(?P<w>daily|weekly|monthly|yearly|nightly)){b}"),
        ),
    ]
}

static PATTERNS: LazyLock<Vec<Pattern>> = LazyLock::new(build);

static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:will|won['’]t|shall|is\s+to|are\s+to|to\s+be\s+held|scheduled|expected\s+to|plans?\s+to|planning\s+to|set\s+to|(?:is|are)\s+due\s+to\s+(?:be|begin|start|open|close|take|arrive|meet|vote|hold|return|resume|visit|appear|launch|end|finish)|expected\s+(?:in|on|by|next|later)|(?:forecast|predicted|projected|likely)\s+to|going\s+to|upcoming|intends?\s+to|would\s+(?:begin|start|take\s+place|be\s+held))(?-u:\b)|['’]ll(?-u:\b)")
        .expect("future regex")
});

/// Does a sentence look ahead? Quoted words are left out: “…will change…,” Pompeo said
/// on Tuesday is about a past Tuesday.
pub fn is_future(sentence: &str) -> bool {
    if !sentence.contains(['“', '"', '«']) {
        return FUTURE.is_match(sentence);
    }
    let mut outside = String::with_capacity(sentence.len());
    let mut depth = 0usize;
    let mut straight_open = false;
    for c in sentence.chars() {
        match c {
            '“' | '«' => depth += 1,
            '”' | '»' => depth = depth.saturating_sub(1),
            '"' => straight_open = !straight_open,
            _ if depth == 0 && !straight_open => outside.push(c),
            _ => {}
        }
    }
    FUTURE.is_match(&outside)
}

pub fn month_number(s: &str) -> Option<i8> {
    let lower = s.trim_end_matches('.').to_ascii_lowercase();
    let key = lower.get(..3)?;
    let m = match key {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    };
    Some(m)
}

fn weekday_number(s: &str) -> Option<i8> {
    let lower = s.to_ascii_lowercase();
    Some(match lower.get(..3)? {
        "mon" => 1,
        "tue" => 2,
        "wed" => 3,
        "thu" => 4,
        "fri" => 5,
        "sat" => 6,
        "sun" => 7,
        _ => return None,
    })
}

/// A number word or numeral; `None` for vague quantities (several, some, many, a few).
fn number(s: &str) -> Option<f64> {
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
    match s.as_str() {
        "a" | "an" => Some(1.0),
        "hundred" => Some(100.0),
        "a half" | "half a" => Some(0.5),
        "one and a half" => Some(1.5),
        "a couple" | "a couple of" => Some(2.0),
        "a dozen" => Some(12.0),
        _ => None,
    }
}

/// The word before `pos` (letters, digits, apostrophes and periods), if any.
fn word_before(text: &str, pos: usize) -> &str {
    let before = text[..pos].trim_end();
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '.' || c == '\'' || c == '’'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &before[start..]
}

/// The word after `pos`.
fn word_after(text: &str, pos: usize) -> &str {
    let after = text[pos..].trim_start();
    let end = after
        .char_indices()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map_or(after.len(), |(i, _)| i);
    &after[..end]
}

/// If the text before `pos` ends with one of `words` (case-insensitive, whole words; the
/// longest listed first) followed by spaces (or a hyphen when `hyphen`), its start and the
/// word as listed.
fn modifier_before(
    text: &str,
    pos: usize,
    words: &[&'static str],
    hyphen: bool,
) -> Option<(usize, &'static str)> {
    let before = &text[..pos];
    let trimmed =
        before.trim_end_matches(|c: char| c == ' ' || c == '\u{a0}' || (hyphen && c == '-'));
    if trimmed.len() == before.len() {
        return None;
    }
    words.iter().copied().find_map(|w| {
        let start = trimmed.len().checked_sub(w.len())?;
        let tail = trimmed.get(start..)?;
        let clean = trimmed[..start]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        (clean && tail.eq_ignore_ascii_case(w)).then_some((start, w))
    })
}

/// A weekday name ending right before `pos` ("Friday, " before "January 4").
fn weekday_before(text: &str, pos: usize) -> Option<usize> {
    let before = text[..pos].trim_end();
    let before = before.strip_suffix(',').unwrap_or(before);
    if before.len() == text[..pos].len() {
        return None;
    }
    WEEKDAY_FULL.split('|').find_map(|w| {
        let start = before.len().checked_sub(w.len())?;
        if before.get(start..) != Some(w) {
            return None;
        }
        let clean = before[..start]
            .chars()
            .last()
            .is_none_or(|c| !c.is_alphanumeric());
        clean.then_some(start)
    })
}

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Is `pos` the first word of its sentence (after opening quotes and brackets)?
fn sentence_initial(text: &str, sentence_start: usize, pos: usize) -> bool {
    text.get(sentence_start..pos).is_some_and(|s| {
        s.chars()
            .all(|c| c.is_whitespace() || "\"“‘'([«—–-*_".contains(c))
    })
}

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

/// Words a bare four-digit number counts rather than dates.
const COUNTED: &[&str] = &[
    "people",
    "persons",
    "men",
    "women",
    "children",
    "residents",
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "metres",
    "meters",
    "feet",
    "ft",
    "m",
    "kg",
    "tonnes",
    "tons",
    "votes",
    "troops",
    "soldiers",
    "police",
    "officers",
    "units",
    "cases",
    "deaths",
    "homes",
    "houses",
    "jobs",
    "workers",
    "employees",
    "students",
    "passengers",
    "members",
    "delegates",
    "seats",
    "dollars",
    "euros",
    "pounds",
    "years",
    "hours",
    "days",
    "square",
    "acres",
    "hectares",
    "calories",
    "points",
    "signatures",
    "species",
    "participants",
    "protesters",
    "candidates",
    "refugees",
    "migrants",
    "patients",
    "firefighters",
    "hospitals",
    "buildings",
    "vehicles",
    "cars",
    "ships",
    "aircraft",
    "flights",
    "more",
    "others",
    "out",
];

/// Words before a four-digit number that make it a name or a count.
const YEAR_BLOCKERS_BEFORE: &[&str] = &[
    "flight",
    "no.",
    "number",
    "route",
    "highway",
    "interstate",
    "model",
    "apollo",
    "windows",
    "boeing",
    "airbus",
    "room",
    "suite",
    "page",
    "pages",
    "article",
    "resolution",
    "code",
    "bill",
    "order",
    "pc",
    "cve",
    "iso",
    "hr",
    "h.r.",
    "s.",
    "section",
    "rule",
    "chapter",
    "grade",
    "nearly",
    "almost",
    "over",
    "than",
    "some",
    "estimated",
    "least",
    "only",
    "just",
];

/// Prepositions that make a bare month a date (not "Theresa May", "a March").
const MONTH_PREPS: &[&str] = &[
    "in",
    "since",
    "by",
    "until",
    "till",
    "during",
    "through",
    "throughout",
    "from",
    "before",
    "after",
    "between",
    "of",
    "for",
    "and",
    "or",
    "to",
    "on",
];

/// The only prepositions that make "May" a month when no day or year follows.
const MAY_PREPS: &[&str] = &[
    "in",
    "since",
    "until",
    "till",
    "during",
    "through",
    "throughout",
    "from",
    "between",
];

/// Run the recogniser over every prose block of a document.
pub fn recognize(doc: &Document) -> Vec<Found> {
    let mut out = Vec::new();
    for (bi, block) in doc.blocks.iter().enumerate() {
        let title_case = matches!(block.kind, BlockKind::Heading(_));
        let sentences = doc.sentences.get(bi).map(Vec::as_slice).unwrap_or(&[]);
        // The result depends only on the block's text (sentences come from it) and kind;
        // the gates only skip patterns that cannot match it.
        let variant = title_case as u64;
        let found = cached(
            doc.cache(),
            Slot::TimeExpressions,
            variant,
            &block.text,
            || {
                let mut found = Vec::new();
                let mask = GATES.mask(&block.text);
                recognize_masked(&block.text, sentences, title_case, bi, mask, &mut found);
                found
            },
        );
        out.extend(found.into_iter().map(|f| Found { block: bi, ..f }));
    }
    out
}

/// Recognise time expressions in one block of text with its sentences.
pub fn recognize_text(
    text: &str,
    sentences: &[Range<usize>],
    title_case: bool,
    block: usize,
    out: &mut Vec<Found>,
) {
    recognize_masked(text, sentences, title_case, block, u64::MAX, out);
}

/// [`recognize_text`] with only the patterns whose bit is set in `mask`.
fn recognize_masked(
    text: &str,
    sentences: &[Range<usize>],
    title_case: bool,
    block: usize,
    mask: u64,
    out: &mut Vec<Found>,
) {
    let mut cands: Vec<(Range<usize>, Sem, usize)> = Vec::new();
    for (pi, p) in PATTERNS.iter().enumerate() {
        if mask & (1u64 << pi) == 0 {
            continue;
        }
        for c in p.re.captures_iter(text) {
            let Some(whole) = c.get(0) else { continue };
            let cx = Cx {
                text,
                // Sentences are sorted: binary search keeps a long paragraph linear.
                sentence_start: match sentences.partition_point(|s| s.start <= whole.start()) {
                    0 => 0,
                    i => sentences[i - 1].start,
                },
                title_case,
            };
            if let Some((range, sem)) = interpret(p.pat, &c, &cx) {
                if !range.is_empty() {
                    cands.push((range, sem, pi));
                }
            }
        }
    }
    if cands.is_empty() {
        return;
    }
    // Longest first, then earliest, then pattern order; keep those that overlap nothing kept.
    cands.sort_by(|a, b| (b.0.len(), a.0.start, a.2).cmp(&(a.0.len(), b.0.start, b.2)));
    // Kept ranges are disjoint: keyed by start, only the last one starting before a
    // candidate's end can overlap it (a scan of all kept ones was quadratic).
    let mut kept: std::collections::BTreeMap<usize, (Range<usize>, Sem)> = Default::default();
    for (r, sem, _) in cands {
        let clear = kept
            .range(..r.end)
            .next_back()
            .is_none_or(|(_, (k, _))| k.end <= r.start);
        if clear {
            kept.insert(r.start, (r, sem));
        }
    }
    for (range, sem) in kept.into_values() {
        let i = sentences.partition_point(|s| s.end.max(s.start + 1) <= range.start);
        let sentence = sentences
            .get(i)
            .filter(|s| s.start <= range.start)
            .cloned()
            .unwrap_or(0..text.len());
        let future = is_future(text.get(sentence.clone()).unwrap_or(""));
        out.push(Found {
            block,
            range,
            sem,
            future,
            sentence,
        });
    }
}

struct Cx<'a> {
    text: &'a str,
    sentence_start: usize,
    title_case: bool,
}

impl Cx<'_> {
    fn initial(&self, pos: usize) -> bool {
        self.title_case || sentence_initial(self.text, self.sentence_start, pos)
    }
}

fn year_of(c: &Captures, name: &str) -> Option<i16> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

fn interpret(pat: Pat, c: &Captures, cx: &Cx) -> Option<(Range<usize>, Sem)> {
    let whole = c.get(0)?;
    let text = cx.text;
    let mut range = whole.range();
    let sem = match pat {
        Pat::Mdy | Pat::Dmy => {
            let m = month_number(c.name("mon")?.as_str())?;
            let d: i8 = c.name("day")?.as_str().parse().ok()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            let y = year_of(c, "year");
            if pat == Pat::Dmy {
                // "the 5th of May": keep "the"; "3 May supporters" is not a date.
                let mon = c.name("mon")?.as_str();
                if (mon == "May" || mon == "March") && y.is_none() && c.name("wd").is_none() {
                    let after = word_after(text, whole.end());
                    if after.chars().next().is_some_and(char::is_lowercase) {
                        return None;
                    }
                }
                // A count before it ("1,000 3 May")? A digit or comma just before.
                if text[..whole.start()].ends_with([',', '.']) {
                    return None;
                }
            } else {
                // "May 5" after a given name is still a date; but "May 2,000" is not.
                if text[whole.end()..].starts_with([',', '.'])
                    && text[whole.end() + 1..].starts_with(|ch: char| ch.is_ascii_digit())
                    && y.is_none()
                {
                    return None;
                }
            }
            if pat == Pat::Mdy {
                if let Some(start) = weekday_before(text, whole.start()) {
                    range.start = start;
                }
            }
            Sem::Ymd { y, m, d }
        }
        Pat::Iso => {
            let s = whole.as_str();
            let y = s[0..4].parse().ok()?;
            let m = s[5..7].parse().ok()?;
            let d = s[8..10].parse().ok()?;
            jiff::civil::Date::new(y, m, d).ok()?;
            Sem::Ymd { y: Some(y), m, d }
        }
        Pat::MonthYear => {
            let mon = c.name("mon")?;
            let m = month_number(mon.as_str())?;
            let y = year_of(c, "year")?;
            if let Some((start, _)) =
                modifier_before(text, mon.start(), &["early", "mid", "late"], true)
            {
                range.start = start;
            }
            Sem::Ym {
                y: Some(y),
                m,
                rel: None,
            }
        }
        Pat::MonthCtx => {
            let mon = c.name("mon")?;
            let (prep_start, p) = modifier_before(
                text,
                mon.start(),
                &[
                    "this coming",
                    "this past",
                    "the coming",
                    "throughout",
                    "through",
                    "between",
                    "during",
                    "before",
                    "after",
                    "since",
                    "until",
                    "till",
                    "early",
                    "late",
                    "from",
                    "last",
                    "next",
                    "this",
                    "that",
                    "coming",
                    "past",
                    "mid",
                    "for",
                    "and",
                    "of",
                    "or",
                    "to",
                    "on",
                    "in",
                    "by",
                ],
                true,
            )?;
            let m = month_number(mon.as_str())?;
            let after = &text[mon.end()..];
            let possessive = after.starts_with("'s") || after.starts_with("’s");
            let next = word_after(text, mon.end());
            let rel = match p {
                "last" | "past" | "this past" => Some(-1),
                "next" | "coming" | "this coming" | "the coming" => Some(1),
                "this" => Some(0),
                "that" => Some(ANAPHORIC_MONTH),
                _ => None,
            };
            let modifier = rel.is_some() || matches!(p, "early" | "mid" | "late");
            if mon.as_str() == "May" && !(modifier || MAY_PREPS.contains(&p)) {
                return None;
            }
            if !modifier && !MONTH_PREPS.contains(&p) {
                return None;
            }
            if possessive || (is_capitalised(next) && !next.chars().all(|c| c.is_ascii_digit())) {
                // "in May's cabinet", "in March Madness".
                if mon.as_str() == "May" || mon.as_str() == "March" || possessive {
                    return None;
                }
            }
            if matches!(p, "to" | "on" | "and" | "or" | "of" | "for")
                && (mon.as_str() == "March" || mon.as_str() == "May")
            {
                return None;
            }
            range = if modifier {
                prep_start..mon.end()
            } else {
                mon.range()
            };
            Sem::Ym { y: None, m, rel }
        }
        Pat::Year => {
            let y: i16 = year_of(c, "year")?;
            let ystart = c.name("year")?.start();
            let before = &text[..ystart];
            let after = &text[whole.end()..];
            let part = modifier_before(text, ystart, &["early", "mid", "late"], true);
            if let Some((start, _)) = part {
                range.start = start;
            }
            if before.ends_with(|ch: char| {
                ch.is_alphanumeric()
                    || matches!(
                        ch,
                        '$' | '€' | '£' | '¥' | '#' | ',' | '.' | '/' | '-' | '+' | ':'
                    )
            }) && part.is_none()
            {
                // "$2019", "No.2019", "1/2019"; but "mid-2019" has its part.
                if !before.ends_with('-') {
                    return None;
                }
                // "2018-2019": the second year of a range is a year; "10-2019" is not.
                let prev = word_before(text, ystart - 1);
                if !prev.chars().all(|ch| ch.is_ascii_digit()) || prev.len() != 4 {
                    return None;
                }
            }
            if after.starts_with(['%', '-', '/', '°'])
                && !after.starts_with("-year")
                && !after
                    .strip_prefix('-')
                    .is_some_and(|r| r.starts_with(|ch: char| ch.is_ascii_digit()))
            {
                return None;
            }
            if (after.starts_with([',', '.', ':']))
                && after[1..].starts_with(|ch: char| ch.is_ascii_digit())
            {
                return None;
            }
            let next = word_after(text, whole.end()).to_ascii_lowercase();
            if weekday_number(&next).is_some_and(|_| next.ends_with("day"))
                || matches!(
                    next.as_str(),
                    "utc" | "gmt" | "hours" | "hrs" | "local" | "est" | "edt" | "cet" | "bst"
                )
            {
                return None;
            }
            if COUNTED.contains(&next.as_str()) {
                return None;
            }
            let prev = word_before(text, ystart).to_ascii_lowercase();
            if YEAR_BLOCKERS_BEFORE.contains(&prev.as_str()) {
                return None;
            }
            if y < 1600
                && !matches!(
                    prev.as_str(),
                    "in" | "since" | "of" | "from" | "until" | "year" | "by" | "around"
                )
            {
                return None;
            }
            Sem::Year(y)
        }
        Pat::Decade => {
            let y = if let Some(cc) = c.name("c") {
                let cent: i16 = cc.as_str().parse().ok()?;
                let d: i16 = c.name("d")?.as_str().parse().ok()?;
                cent * 100 + d * 10
            } else {
                let s: i16 = c.name("s")?.as_str().parse().ok()?;
                if s >= 3 {
                    1900 + s * 10
                } else {
                    2000 + s * 10
                }
            };
            Sem::Decade(y)
        }
        Pat::Century => {
            let ord: i16 = c.name("ord")?.as_str().parse().ok()?;
            if !(1..=22).contains(&ord) {
                return None;
            }
            Sem::Century(ord - 1)
        }
        Pat::Weekday => {
            let wd_m = c.name("wd")?;
            let wd = weekday_number(wd_m.as_str())?;
            let rel_m = modifier_before(
                text,
                wd_m.start(),
                &[
                    "this past",
                    "this coming",
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
                Some("last" | "this past" | "past" | "previous") => Rel::Last,
                Some("next" | "this coming" | "coming") => Rel::Next,
                Some(_) => Rel::Bare,
            };
            let start = rel_m.map_or(wd_m.start(), |(s, _)| s);
            let prev = word_before(text, start);
            let prev_l = prev.to_ascii_lowercase();
            if WEEKDAY_NAMES_BEFORE.contains(&prev_l.as_str()) {
                return None;
            }
            if prev_l == "on" && word_before(text, start - prev.len()).eq_ignore_ascii_case("mail")
            {
                return None;
            }
            // A capitalised word before ("Super Tuesday") makes a name, unless it starts
            // the sentence or is a word that introduces dates.
            if rel_m.is_none()
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
                && !sentence_initial(text, cx.sentence_start, start - prev.len())
                && prev.chars().any(char::is_lowercase)
            {
                return None;
            }
            let end = c.name("part").map_or(wd_m.end(), |p| p.end());
            if c.name("part").is_none() {
                let next = word_after(text, wd_m.end());
                let next_l = next.to_ascii_lowercase();
                let after = &text[wd_m.end()..];
                let gap_is_space = after.starts_with(' ');
                if gap_is_space
                    && is_capitalised(next)
                    && month_number(next).is_none()
                    && (!cx.title_case || WEEKDAY_NAMES_AFTER.contains(&next_l.as_str()))
                {
                    return None;
                }
                if next_l == "prayers" || next_l == "prayer" {
                    return None;
                }
            }
            let part = c.name("part").map(|p| part_code(p.as_str()));
            range = start..end;
            Sem::Weekday { wd, rel, part }
        }
        Pat::Deictic => {
            let s = whole.as_str();
            let first = s.split_whitespace().next().unwrap_or("");
            // "USA Today", "Russia Today", the "Today" programme.
            if first.starts_with('T') && first.eq_ignore_ascii_case("today") {
                let prev = word_before(text, whole.start());
                let name_before = is_capitalised(prev)
                    && !matches!(
                        prev.to_ascii_lowercase().as_str(),
                        "on" | "and" | "but" | "by" | "since" | "until" | "from" | "as" | "so"
                    );
                let capital_mid_sentence = first.starts_with('T') && !cx.initial(whole.start());
                if name_before || capital_mid_sentence {
                    return None;
                }
            }
            // "Easter Island is today a barren place": today as "nowadays", not a date.
            if first.eq_ignore_ascii_case("today") && s.len() == 5 {
                let prev = word_before(text, whole.start()).to_ascii_lowercase();
                if matches!(prev.as_str(), "is" | "are" | "remains" | "remain" | "of") {
                    return Some((range, Sem::Vague("PRESENT_REF")));
                }
            }
            // Drop a trailing apostrophe the pattern allowed for.
            if s.ends_with('\'') || s.ends_with('’') {
                range.end -= s.chars().last().map_or(0, char::len_utf8);
            }
            let lower = s.to_ascii_lowercase();
            if let Some(dby) = c.name("dby") {
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
            }
        }
        Pat::Now => {
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
            Sem::Vague("PRESENT_REF")
        }
        Pat::RelUnit => {
            let md = c.name("mod")?.as_str().to_ascii_lowercase();
            let md = md.split_whitespace().collect::<Vec<_>>().join(" ");
            let unit = Unit::parse(c.name("unit")?.as_str())?;
            let after = &text[whole.end()..];
            // "this year's", fine; "the next day's" fine. "last year-old"? no.
            if after.starts_with('-') {
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
                "the same" | "that" | "earlier that" | "later that" | "early that"
                | "late that" => Sem::Anaphoric { n: 0.0, unit },
                _ => return None,
            };
            sem
        }
        Pat::Weekend => {
            let x = c.name("x")?;
            modifier_before(
                text,
                x.start(),
                &["during the", "over the", "at the", "on the"],
                false,
            )?;
            range = x.range();
            Sem::Weekend
        }
        Pat::Count => {
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
                let lead = text[..whole.start()].to_ascii_lowercase();
                let completes = lead.split_whitespace().rev().take(3).any(|w| {
                    matches!(
                        w,
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
            range = start_no_in..end;
            sem
        }
        Pat::Bare => {
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
            range = x_start..x.end();
            match (dir.as_deref(), the) {
                (Some("ago"), _) => Sem::Vague("PAST_REF"),
                (_, Some(t)) if t.contains("past") || t.contains("last") => {
                    Sem::PastSpan { n: None, unit }
                }
                (Some("after" | "before"), None) if prep.is_none() => {
                    range = x_start..unit_m.end();
                    Sem::Duration { n: None, unit }
                }
                (Some(_), _) if prep.is_some() => {
                    range = x_start..unit_m.end();
                    Sem::Duration { n: None, unit }
                }
                _ => Sem::Duration { n: None, unit },
            }
        }
        Pat::Vague => {
            let x = c.name("x")?;
            let s = x.as_str().to_ascii_lowercase();
            let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
            let after = text[x.end()..].trim_start().to_ascii_lowercase();
            if s == "recently" {
                let prev = word_before(text, x.start()).to_ascii_lowercase();
                if matches!(prev.as_str(), "most" | "more" | "only") {
                    return None;
                }
            }
            if s == "soon" {
                let prev = word_before(text, x.start()).to_ascii_lowercase();
                if prev == "as"
                    || after.starts_with("after")
                    || after.starts_with("afterward")
                    || text[x.end()..].starts_with('-')
                {
                    return None;
                }
            }
            // "the past" as a noun phrase needs a preposition before it.
            let ppre = c.name("ppre");
            if (s.starts_with("the ") && (s.ends_with("past") || s.ends_with("future")))
                && ppre.is_none()
            {
                return None;
            }
            range = x.range();
            if s.starts_with("recent ") {
                // TimeML leaves the preposition out: "recent years".
            }
            let v = if s.contains("future")
                || s == "soon"
                || s.starts_with("the coming")
                || s.contains("ahead")
            {
                "FUTURE_REF"
            } else if matches!(
                s.as_str(),
                "currently"
                    | "presently"
                    | "nowadays"
                    | "at the moment"
                    | "at present"
                    | "these days"
            ) {
                "PRESENT_REF"
            } else {
                "PAST_REF"
            };
            Sem::Vague(v)
        }
        Pat::Time => {
            let (h, m): (i8, i8) = if let Some(h) = c.name("h") {
                let mut h: i8 = h.as_str().parse().ok()?;
                let m: i8 = c.name("m").map_or(Some(0), |m| m.as_str().parse().ok())?;
                let ap = c.name("ap")?.as_str().to_ascii_lowercase();
                if !(1..=12).contains(&h) {
                    return None;
                }
                if ap.starts_with('p') && h != 12 {
                    h += 12;
                } else if ap.starts_with('a') && h == 12 {
                    h = 0;
                }
                (h, m)
            } else if let Some(h) = c.name("h2") {
                let h: i8 = h.as_str().parse().ok()?;
                let m: i8 = c.name("m2")?.as_str().parse().ok()?;
                // Scores and ratios ("won 3:1") look like times; require a believable clock.
                let prev = word_before(text, whole.start()).to_ascii_lowercase();
                if !matches!(
                    prev.as_str(),
                    "at" | "around"
                        | "about"
                        | "until"
                        | "by"
                        | "from"
                        | "after"
                        | "before"
                        | "to"
                        | "since"
                        | "till"
                ) || h > 23
                    || m > 59
                {
                    return None;
                }
                (h, m)
            } else if let Some(h) = c.name("h3") {
                (
                    h.as_str().parse().ok()?,
                    c.name("m3")?.as_str().parse().ok()?,
                )
            } else {
                let n = c.name("noon")?.as_str().to_ascii_lowercase();
                if n == "midnight" {
                    (24, 0)
                } else {
                    (12, 0)
                }
            };
            if h > 24 || m > 59 {
                return None;
            }
            Sem::Time { h, m }
        }
        Pat::Set => {
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
            Sem::Set(v)
        }
        Pat::Holiday => {
            let name = c.name("name")?.as_str();
            let key: &'static str = holiday_key(name)?;
            let y = year_of(c, "year");
            if key == "christmas" && y.is_none() {
                // "Christmas tree", "Christmas market": only in date position.
                let prev = word_before(text, whole.start()).to_ascii_lowercase();
                let next = word_after(text, whole.end());
                if !matches!(
                    prev.as_str(),
                    "at" | "on"
                        | "before"
                        | "after"
                        | "over"
                        | "since"
                        | "until"
                        | "by"
                        | "for"
                        | "this"
                        | "last"
                        | "next"
                        | "during"
                        | "till"
                ) || next.chars().next().is_some_and(char::is_lowercase)
                    && !matches!(next, "and" | "or" | "when" | "in")
                {
                    return None;
                }
            }
            if key == "easter" && y.is_none() {
                let next = word_after(text, whole.end());
                if is_capitalised(next)
                    || next.chars().next().is_some_and(char::is_lowercase)
                        && !matches!(
                            next,
                            "and" | "or" | "in" | "weekend" | "holiday" | "holidays"
                        )
                {
                    return None;
                }
            }
            Sem::Holiday { name: key, y }
        }
        Pat::Season => {
            let x = c.name("x")?;
            let s = Unit::parse(c.name("s")?.as_str())?;
            let Unit::Season(code) = s else { return None };
            let y = year_of(c, "year");
            let word = c.name("s")?.as_str();
            if y.is_none() {
                if c.name("prep").is_none() || is_capitalised(word) {
                    return None;
                }
                if word.eq_ignore_ascii_case("fall") {
                    return None;
                }
            }
            // "Arab Spring 2011"? capitalised season after a capitalised word is a name.
            if is_capitalised(word)
                && is_capitalised(word_before(text, x.start()))
                && !cx.title_case
            {
                return None;
            }
            range = x.range();
            Sem::Season { y, s: code }
        }
        Pat::MonthOfYear => {
            let m = month_number(c.name("mon")?.as_str())?;
            let rel = c.name("rel")?.as_str().to_ascii_lowercase();
            let rel = rel.split_whitespace().collect::<Vec<_>>().join(" ");
            let offset = match rel.as_str() {
                "this" => 0,
                "last" => -1,
                "next" => 1,
                "the previous" => -ANAPHORIC_MONTH - 1,
                "the following" => ANAPHORIC_MONTH + 1,
                _ => ANAPHORIC_MONTH,
            };
            let d = match c.name("day") {
                Some(d) => d.as_str().parse().ok()?,
                None => 0,
            };
            Sem::MonthDayOfYear { m, d, offset }
        }
        Pat::Half => {
            let h = if c.name("h")?.as_str().eq_ignore_ascii_case("first") {
                1
            } else {
                2
            };
            let offset = c
                .name("rel")
                .map(|r| match r.as_str().to_ascii_lowercase().as_str() {
                    "last" => -1,
                    "next" => 1,
                    _ => 0,
                });
            Sem::Half {
                h,
                y: year_of(c, "year"),
                offset: offset.unwrap_or(0),
            }
        }
        Pat::DayBefore => {
            let unit = Unit::parse(c.name("unit")?.as_str())?;
            let before = c.name("dir")?.as_str().eq_ignore_ascii_case("before");
            // "the day after tomorrow" is deictic and found elsewhere.
            let next = word_after(text, whole.end()).to_ascii_lowercase();
            if matches!(next.as_str(), "tomorrow" | "yesterday") {
                return None;
            }
            Sem::Anaphoric {
                n: if before { -1.0 } else { 1.0 },
                unit,
            }
        }
        Pat::Adverb => {
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
            Sem::Set(v.to_string())
        }
        Pat::Quarter => {
            let (q, y) = if let Some(q) = c.name("q") {
                let q = match q.as_str().to_ascii_lowercase().as_str() {
                    "first" | "1st" => 1,
                    "second" | "2nd" => 2,
                    "third" | "3rd" => 3,
                    _ => 4,
                };
                (q, year_of(c, "year")?)
            } else {
                (c.name("qn")?.as_str().parse().ok()?, year_of(c, "year2")?)
            };
            Sem::Quarter { y, q }
        }
    };
    if range.start > range.end || range.end > text.len() {
        return None;
    }
    Some((range, sem))
}

fn duration_or_span(n: Option<f64>, unit: Unit, the: Option<&str>) -> Sem {
    match the {
        Some("past" | "last" | "preceding") => Sem::PastSpan { n, unit },
        _ => Sem::Duration { n, unit },
    }
}

fn part_code(s: &str) -> &'static str {
    match s.to_ascii_lowercase().as_str() {
        "morning" => "TMO",
        "afternoon" => "TAF",
        "evening" => "TEV",
        _ => "TNI",
    }
}

fn holiday_key(name: &str) -> Option<&'static str> {
    let n = name.to_ascii_lowercase().replace('’', "'");
    let n: String = n.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(match n.as_str() {
        "christmas" | "christmas day" => "christmas",
        "christmas eve" => "christmas eve",
        "new year's day" => "new year's day",
        "new year's eve" => "new year's eve",
        "valentine's day" => "valentine's day",
        "halloween" => "halloween",
        "boxing day" => "boxing day",
        "thanksgiving" | "thanksgiving day" => "thanksgiving",
        "easter" | "easter sunday" => "easter",
        "good friday" => "good friday",
        _ => return None,
    })
}

/// Time spent by each pattern scanning `text` (for the benchmark).
#[doc(hidden)]
pub fn pattern_timings(text: &str) -> Vec<(String, std::time::Duration)> {
    PATTERNS
        .iter()
        .map(|p| {
            let mut best = std::time::Duration::MAX;
            let mut n = 0;
            for _ in 0..20 {
                let t = std::time::Instant::now();
                n = p.re.captures_iter(text).count();
                best = best.min(t.elapsed());
            }
            (format!("{:?} ({n})", p.pat), best)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Sem)> {
        let sentences = crate::text::sentences(text);
        let mut out = Vec::new();
        recognize_text(text, &sentences, false, 0, &mut out);
        out.into_iter()
            .map(|f| (text[f.range].to_string(), f.sem))
            .collect()
    }

    fn spans(text: &str) -> Vec<String> {
        found(text).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn explicit_dates() {
        assert_eq!(
            spans("Friday, January 4, 2019"),
            ["Friday, January 4, 2019"]
        );
        assert_eq!(
            spans("It opened on 4 January 2019 in Kyiv."),
            ["4 January 2019"]
        );
        assert_eq!(spans("On Jan. 4 the House met."), ["Jan. 4"]);
        assert_eq!(spans("The law of 2019-01-04 applies."), ["2019-01-04"]);
        assert_eq!(
            spans("It closed in March 2018 and reopened in May."),
            ["March 2018", "May"]
        );
        assert_eq!(
            spans("Sales rose in the 1990s and in mid-2008."),
            ["the 1990s", "mid-2008"]
        );
        assert_eq!(spans("Built in the 19th century."), ["the 19th century"]);
    }

    #[test]
    fn names_are_not_dates() {
        for s in [
            "Theresa May said the deal was done.",
            "Prime Minister May met Juncker.",
            "Shoppers flocked to Black Friday sales.",
            "He won Super Tuesday.",
            "She told USA Today the plan would work.",
            "He wrote for The Sunday Times.",
            "Now that the vote is over, talks begin.",
            "Every now and then, it rains.",
            "The March for Our Lives drew crowds.",
            "He said 2000 people came.",
            "It cost $2019.",
            "The Arab Spring changed the region.",
            "He was criticised by May and her cabinet.",
            "Flight 1549 landed in the Hudson.",
            "The score was 3:1 at half time.",
            "The 2,000 residents left.",
        ] {
            assert_eq!(spans(s), Vec::<String>::new(), "{s}");
        }
    }

    #[test]
    fn relative_and_deictic() {
        assert_eq!(spans("Pelosi yesterday resumed the office."), ["yesterday"]);
        assert_eq!(
            spans("He said on Tuesday that it would happen."),
            ["Tuesday"]
        );
        assert_eq!(
            spans("It happened last Tuesday night."),
            ["last Tuesday night"]
        );
        assert_eq!(
            spans("Earlier this year the firm said so."),
            ["Earlier this year"]
        );
        assert_eq!(spans("It rained two days ago."), ["two days ago"]);
        assert_eq!(
            spans("Over the past 13 years, prices rose."),
            ["the past 13 years"]
        );
        assert_eq!(
            spans("The vote will be held in three weeks."),
            ["three weeks"]
        );
        assert_eq!(spans("Today, the court ruled."), ["Today"]);
        assert_eq!(spans("He arrived this morning."), ["this morning"]);
        assert_eq!(spans("She left the next day."), ["the next day"]);
        assert_eq!(spans("It rained last night."), ["last night"]);
        assert_eq!(spans("Today's vote passed."), ["Today"]);
    }

    #[test]
    fn vague_durations_and_times() {
        assert_eq!(spans("He recently said so."), ["recently"]);
        assert_eq!(spans("Prices rose in recent years."), ["recent years"]);
        assert_eq!(spans("We will know soon."), ["soon"]);
        assert_eq!(spans("As soon as it ends, we go."), Vec::<String>::new());
        assert_eq!(spans("He served a six-year term."), ["six-year"]);
        assert_eq!(spans("The 34-year-old man fled."), ["34-year-old"]);
        assert_eq!(
            spans("It starts at 10 a.m. local time."),
            ["10 a.m. local time"]
        );
        assert_eq!(spans("It is held every year."), ["every year"]);
        assert_eq!(spans("She has lived there for years."), ["years"]);
        assert_eq!(spans("The shop is now closed."), ["now"]);
        assert_eq!(spans("It costs $5 a day."), Vec::<String>::new());
    }

    #[test]
    fn quoted_words_do_not_set_the_tense() {
        assert!(!is_future(
            "“Nothing will change,” Pompeo told the press on Tuesday."
        ));
        assert!(is_future(
            "The storm was forecast to reach Florida on Wednesday."
        ));
        assert_eq!(
            found("Easter Island is today a barren place.")[0].1,
            Sem::Vague("PRESENT_REF")
        );
        assert_eq!(
            spans("The most recently available data."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn odd_text_never_panics() {
        for s in [
            "éFriday, January 4, 2019é",
            "ÉÉ last Tuesday night — 2019年 ½ “today”",
            "mid-é2019 early—2019 the day before— yesterday’s",
            "Ωn Friday, ωeek 3 days ago‘’ 10 a.m",
            "\u{a0}\u{a0}last Friday\u{a0}in\u{a0}March",
            "",
            "May",
            "2019-",
        ] {
            let _ = found(s);
        }
    }

    #[test]
    fn future_tense_is_detected() {
        let text = "The court will rule on Friday.";
        let sentences = crate::text::sentences(text);
        let mut out = Vec::new();
        recognize_text(text, &sentences, false, 0, &mut out);
        assert!(out[0].future);
    }

    /// Regression (found by tests/hostile.rs): a paragraph with thousands of time
    /// expressions was quadratic (every match scanned the sentences and the kept matches,
    /// and "Now" lowercased the rest of the paragraph).
    #[test]
    fn a_long_paragraph_stays_linear() {
        let text =
            "Now and then it rained on Monday, March 4, 2019, he said last week. ".repeat(5_000);
        let t = std::time::Instant::now();
        let f = found(&text);
        assert!(f.len() >= 10_000, "{}", f.len());
        assert!(
            t.elapsed() < std::time::Duration::from_secs(30),
            "{:?}",
            t.elapsed()
        );
    }
}
