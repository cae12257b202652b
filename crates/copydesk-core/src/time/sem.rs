//! What a time expression says, before any calendar arithmetic: the recogniser's patterns
//! ([`super::patterns`]) produce a [`Sem`], [`super::resolve`] turns it into a value.

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
    pub(crate) fn parse(s: &str) -> Option<Unit> {
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
    /// "Q3 2019", "the third quarter of 2019"; without a year, "the first quarter of last
    /// year" (`offset` -1/0/1 from the article's year) or, in business copy, "third-quarter
    /// results" (the last such quarter, or the coming one in a future sentence).
    Quarter {
        y: Option<i16>,
        q: u8,
        offset: Option<i32>,
    },
    Weekday {
        wd: i8,
        rel: Rel,
        part: Option<&'static str>,
    },
    /// A weekday a number of weeks beyond the nearest one: "a week from Friday", "Thursday
    /// week" (ahead), "a week ago Saturday", "the Friday before last" (back).
    WeekdayShift {
        wd: i8,
        back: bool,
        weeks: i8,
    },
    /// "the following Tuesday": the first one after the date the story last named; "the
    /// previous Friday" (`back`): the last one before it.
    WeekdayAfter {
        wd: i8,
        back: bool,
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
    /// "ending the day", "for the day": the day the story is about: the last day mentioned
    /// when it lies in the week before the article date, else the article date.
    StoryDay,
    /// "the last week of March" (`n` -1), "the first week of June" (1): the week holding
    /// that part of the month, its year possibly left out.
    WeekOfMonth {
        n: i8,
        m: i8,
        y: Option<i16>,
    },
    /// "the last Friday in September" (`n` -1), "the second Tuesday of March" (2): one day
    /// of a month, its year possibly left out.
    OrdinalWeekday {
        n: i8,
        wd: i8,
        m: i8,
        y: Option<i16>,
    },
    /// A holiday on a fixed or computed date; `y` when written ("Christmas 2018").
    Holiday {
        name: &'static str,
        y: Option<i16>,
    },
}

/// `Sem::Ym::rel` for "that September": the month in the year of the last date mentioned.
pub const ANAPHORIC_MONTH: i32 = 99;
