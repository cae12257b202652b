//! From what an expression says ([`Sem`]) to a TimeML-style value and calendar days.
//!
//! Deictic expressions ("yesterday", "on Friday", "last week") are resolved against the
//! article date; a bare weekday or a month without a year takes the tense of its sentence
//! into account (the most recent Friday in a past-tense sentence, the coming one in a
//! future-tense one). Anaphoric ones ("the next day", "two years later") are resolved
//! against the last date mentioned before them, or the article date when there is none.

use super::recognizer::{Found, Rel, Sem, Unit, ANAPHORIC_MONTH};
use super::{Anchor, Granularity, TimeExpr, TimeKind};
use crate::Document;
use jiff::civil::{date as mkdate, Date};
use jiff::ToSpan;

pub fn resolve_all(doc: &Document, found: Vec<Found>, article: Option<Date>) -> Vec<TimeExpr> {
    let mut out = Vec::with_capacity(found.len());
    let mut reference: Option<Date> = None;
    // The last date written with its year, and its block: a story that narrates 2017
    // ("on November 15, 2017 … on November 21") keeps that year for dates without one.
    let mut narrative: Option<(Date, usize)> = None;
    let mut resolved: Vec<Resolved> = Vec::with_capacity(found.len());
    for f in &found {
        // Only in a past-tense sentence: a deadline ahead keeps the article's year.
        let year = narrative
            .filter(|(_, b)| f.block == *b && !f.future)
            .map(|(d, _)| d.year());
        let r = resolve_in(&f.sem, f.future, article, reference, year);
        if let (Some(day), TimeKind::Absolute | TimeKind::Relative | TimeKind::Anaphoric) =
            (r.day.or(r.span.map(|s| s.0)), r.kind)
        {
            if r.granularity.is_some_and(|g| g <= Granularity::Month) {
                reference = Some(day);
                if r.anchor == Anchor::Explicit {
                    narrative = Some((day, f.block));
                }
            }
        }
        resolved.push(r);
    }
    // A clock time takes the day named in its own sentence ("at 2:49 a.m. on Saturday").
    for i in 0..found.len() {
        let Sem::Time { .. } = found[i].sem else {
            continue;
        };
        let f = &found[i];
        let day = (0..found.len())
            .filter(|&j| j != i && found[j].block == f.block && found[j].sentence == f.sentence)
            .filter_map(|j| resolved[j].day.map(|d| (j.abs_diff(i), d)))
            .min_by_key(|(dist, _)| *dist)
            .map(|(_, d)| d);
        if let (Some(d), Some(v)) = (day, resolved[i].value.as_mut()) {
            if let Some(t) = v.find('T') {
                *v = format!("{}{}", ymd(d), &v[t..]);
                resolved[i].anchor = Anchor::Previous(d);
            }
        }
    }
    for (f, r) in found.into_iter().zip(resolved) {
        let Some(block) = doc.blocks.get(f.block) else {
            continue;
        };
        let text = block.text.get(f.range.clone()).unwrap_or("").to_string();
        out.push(TimeExpr {
            block: f.block,
            source: block.source_range(f.range.clone()),
            range: f.range,
            text,
            kind: r.kind,
            value: r.value,
            day: r.day,
            span: r.span,
            granularity: r.granularity,
            anchor: r.anchor,
        });
    }
    out
}

/// The result of resolving one expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimeKind,
    pub value: Option<String>,
    pub day: Option<Date>,
    pub span: Option<(Date, Date)>,
    pub granularity: Option<Granularity>,
    pub anchor: Anchor,
}

impl Resolved {
    fn new(kind: TimeKind) -> Self {
        Resolved {
            kind,
            value: None,
            day: None,
            span: None,
            granularity: None,
            anchor: Anchor::Unresolved,
        }
    }
    fn value(mut self, v: impl Into<String>) -> Self {
        self.value = Some(v.into());
        self
    }
    fn anchor(mut self, a: Anchor) -> Self {
        self.anchor = a;
        self
    }
    fn day(mut self, d: Date) -> Self {
        self.day = Some(d);
        self.span = Some((d, d));
        self.granularity = Some(Granularity::Day);
        self.value = Some(ymd(d));
        self
    }
    fn week(mut self, d: Date) -> Self {
        let iso = d.iso_week_date();
        let monday = d
            .checked_sub((d.weekday().to_monday_zero_offset() as i64).days())
            .unwrap_or(d);
        let sunday = monday.checked_add(6.days()).unwrap_or(monday);
        self.value = Some(format!("{}-W{:02}", iso.year(), iso.week()));
        self.span = Some((monday, sunday));
        self.granularity = Some(Granularity::Week);
        self
    }
    fn month(mut self, y: i16, m: i8) -> Self {
        if let Ok(first) = Date::new(y, m, 1) {
            self.span = Some((first, first.last_of_month()));
        }
        self.value = Some(format!("{y:04}-{m:02}"));
        self.granularity = Some(Granularity::Month);
        self
    }
    fn year(mut self, y: i16) -> Self {
        if let (Ok(a), Ok(b)) = (Date::new(y, 1, 1), Date::new(y, 12, 31)) {
            self.span = Some((a, b));
        }
        self.value = Some(format!("{y:04}"));
        self.granularity = Some(Granularity::Year);
        self
    }
}

pub fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn add_days(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.days()).ok()
}

fn add_months(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.months()).ok()
}

fn add_years(d: Date, n: i64) -> Option<Date> {
    d.checked_add(n.years()).ok()
}

fn weekday_no(d: Date) -> i8 {
    d.weekday().to_monday_one_offset()
}

/// The weekday `wd` nearest `from`: on or before it (`back`), or on or after it.
fn weekday_near(from: Date, wd: i8, back: bool, strict: bool) -> Option<Date> {
    let cur = weekday_no(from) as i64;
    let wd = wd as i64;
    let delta = if back {
        let mut k = (cur - wd).rem_euclid(7);
        if strict && k == 0 {
            k = 7;
        }
        -k
    } else {
        let mut k = (wd - cur).rem_euclid(7);
        if strict && k == 0 {
            k = 7;
        }
        k
    };
    add_days(from, delta)
}

/// The year for a month and day written without one: the article's year, moved back a year
/// when a past-tense sentence names a later day, or forward when a future-tense one names an
/// earlier day.
fn infer_year(article: Date, m: i8, d: Option<i8>, future: bool) -> i16 {
    let y = article.year();
    let key = (m, d.unwrap_or(if future { 31 } else { 1 }));
    let art = (article.month(), article.day());
    if !future && key > art && (m - article.month()) >= 2 {
        y - 1
    } else if future && key < art && (article.month() - m) >= 2 {
        y + 1
    } else {
        y
    }
}

fn unit_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "S",
        Unit::Minute => "M",
        Unit::Hour => "H",
        Unit::Day => "D",
        Unit::Week | Unit::Weekend => "W",
        Unit::Fortnight => "W",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year => "Y",
        Unit::Decade => "DE",
        Unit::Century => "CE",
        Unit::Millennium => "ML",
        Unit::Season(_) => "M",
    }
}

fn fmt_n(n: f64) -> String {
    if n.fract() == 0.0 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// TimeML duration value: P3Y, PT24H, P2W, PXY for "years".
pub fn duration_value(n: Option<f64>, unit: Unit) -> String {
    let (n, unit) = match (n, unit) {
        (Some(n), Unit::Fortnight) => (Some(n * 2.0), Unit::Week),
        (Some(n), Unit::Season(_)) => (Some(n * 3.0), Unit::Month),
        other => other,
    };
    let t = if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
        "T"
    } else {
        ""
    };
    let n = n.map_or("X".to_string(), fmt_n);
    format!("P{t}{n}{}", unit_code(unit))
}

/// A date shifted by `n` units, at the unit's granularity.
fn shifted(base: Date, n: f64, unit: Unit, r: Resolved) -> Resolved {
    if n.fract() != 0.0 {
        return r.value(if n < 0.0 { "PAST_REF" } else { "FUTURE_REF" });
    }
    let k = n as i64;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => r.day(base),
        Unit::Day => add_days(base, k).map_or(r.clone(), |d| r.day(d)),
        Unit::Week | Unit::Weekend => add_days(base, 7 * k).map_or(r.clone(), |d| r.week(d)),
        Unit::Fortnight => add_days(base, 14 * k).map_or(r.clone(), |d| r.week(d)),
        Unit::Month => add_months(base, k).map_or(r.clone(), |d| r.month(d.year(), d.month())),
        Unit::Quarter => add_months(base, 3 * k).map_or(r.clone(), |d| {
            let mut r = r.clone();
            r.value = Some(format!("{}-Q{}", d.year(), (d.month() - 1) / 3 + 1));
            r.granularity = Some(Granularity::Month);
            r
        }),
        Unit::Year | Unit::Season(_) => add_years(base, k).map_or(r.clone(), |d| r.year(d.year())),
        Unit::Decade => add_years(base, 10 * k).map_or(r.clone(), |d| {
            let mut r = r.clone();
            r.value = Some(format!("{:03}", d.year() / 10));
            r.granularity = Some(Granularity::Coarser);
            r
        }),
        Unit::Century | Unit::Millennium => add_years(base, 100 * k).map_or(r.clone(), |d| {
            let mut r = r.clone();
            r.value = Some(format!("{:02}", d.year() / 100));
            r.granularity = Some(Granularity::Coarser);
            r
        }),
    }
}

fn weekend_of(sat: Date, r: Resolved) -> Resolved {
    let mut r = r.week(sat);
    if let Some(v) = r.value.as_mut() {
        v.push_str("-WE");
    }
    r.span = Some((sat, add_days(sat, 1).unwrap_or(sat)));
    r
}

fn holiday(name: &str, y: i16) -> Option<Date> {
    Some(match name {
        "christmas" => mkdate(y, 12, 25),
        "christmas eve" => mkdate(y, 12, 24),
        "new year's day" => mkdate(y, 1, 1),
        "new year's eve" => mkdate(y, 12, 31),
        "valentine's day" => mkdate(y, 2, 14),
        "halloween" => mkdate(y, 10, 31),
        "boxing day" => mkdate(y, 12, 26),
        "thanksgiving" => Date::new(y, 11, 1)
            .ok()?
            .nth_weekday_of_month(4, jiff::civil::Weekday::Thursday)
            .ok()?,
        "easter" => easter(y)?,
        "good friday" => add_days(easter(y)?, -2)?,
        _ => return None,
    })
}

/// Gregorian Easter Sunday (anonymous Gregorian algorithm).
fn easter(y: i16) -> Option<Date> {
    let y = y as i32;
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y as i16, month as i8, day as i8).ok()
}

/// Resolve one expression. `reference` is the last date mentioned before it.
pub fn resolve(
    sem: &Sem,
    future: bool,
    article: Option<Date>,
    reference: Option<Date>,
) -> Resolved {
    resolve_in(sem, future, article, reference, None)
}

/// Resolve one expression; `narrative_year` is the year of a nearby date written in full,
/// which a date without a year takes when it differs from the article's.
pub fn resolve_in(
    sem: &Sem,
    future: bool,
    article: Option<Date>,
    reference: Option<Date>,
    narrative_year: Option<i16>,
) -> Resolved {
    use TimeKind::*;
    let narrative_year = narrative_year.filter(|y| article.is_none_or(|a| a.year() != *y));
    match sem {
        Sem::Ymd { y: None, m, d } if narrative_year.is_some() => {
            let y = narrative_year.unwrap_or(0);
            match Date::new(y, *m, *d) {
                Ok(day) => Resolved::new(Absolute).day(day).anchor(Anchor::ArticleYear),
                Err(_) => Resolved::new(Absolute),
            }
        }
        Sem::Ym {
            y: None,
            m,
            rel: None,
        } if narrative_year.is_some() => Resolved::new(Absolute)
            .month(narrative_year.unwrap_or(0), *m)
            .anchor(Anchor::ArticleYear),
        Sem::Ym {
            m,
            rel: Some(ANAPHORIC_MONTH),
            ..
        } => {
            let r = Resolved::new(Anaphoric);
            let (base, anchor) = match (reference, article) {
                (Some(d), _) => (d, Anchor::Previous(d)),
                (None, Some(a)) => (a, Anchor::ArticleDate),
                (None, None) => return r.value(format!("XXXX-{m:02}")),
            };
            let y = if *m < base.month() {
                base.year() + 1
            } else {
                base.year()
            };
            r.month(y, *m).anchor(anchor)
        }
        Sem::MonthDayOfYear { m, d, offset } => {
            let anaphoric = offset.abs() >= ANAPHORIC_MONTH;
            let (base, anchor) = match (anaphoric, reference, article) {
                (true, Some(rf), _) => (rf, Anchor::Previous(rf)),
                (_, _, Some(a)) => (a, Anchor::ArticleDate),
                (_, Some(rf), None) => (rf, Anchor::Previous(rf)),
                (_, None, None) => return Resolved::new(Relative),
            };
            let shift = match *offset {
                o if o > ANAPHORIC_MONTH => 1,
                o if o < -ANAPHORIC_MONTH => -1,
                ANAPHORIC_MONTH => 0,
                o => o as i16,
            };
            let y = base.year() + shift;
            let r = Resolved::new(if anaphoric { Anaphoric } else { Relative }).anchor(anchor);
            if *d == 0 {
                r.month(y, *m)
            } else {
                match Date::new(y, *m, *d) {
                    Ok(day) => r.day(day),
                    Err(_) => r,
                }
            }
        }
        Sem::Half { h, y, offset } => {
            let r = Resolved::new(if y.is_some() { Absolute } else { Relative });
            let (year, anchor) = match (y, article) {
                (Some(y), _) => (*y, Anchor::Explicit),
                (None, Some(a)) => (a.year() + *offset as i16, Anchor::ArticleDate),
                (None, None) => return r.value(format!("XXXX-H{h}")),
            };
            let mut r = r.value(format!("{year:04}-H{h}")).anchor(anchor);
            r.granularity = Some(Granularity::Year);
            r
        }
        Sem::Ymd { y, m, d } => {
            let r = Resolved::new(Absolute);
            match (y, article) {
                (Some(y), _) => match Date::new(*y, *m, *d) {
                    Ok(day) => r.day(day).anchor(Anchor::Explicit),
                    Err(_) => r,
                },
                (None, Some(a)) => {
                    let y = infer_year(a, *m, Some(*d), future);
                    match Date::new(y, *m, *d) {
                        Ok(day) => r.day(day).anchor(Anchor::ArticleYear),
                        Err(_) => r,
                    }
                }
                (None, None) => r.value(format!("XXXX-{m:02}-{d:02}")),
            }
        }
        Sem::Ym { y, m, rel } => {
            let r = Resolved::new(Absolute);
            match (y, rel, article) {
                (Some(y), _, _) => r.month(*y, *m).anchor(Anchor::Explicit),
                (None, Some(rel), Some(a)) => {
                    // "last March": the most recent March before this month.
                    let mut y = a.year();
                    let cur = a.month();
                    match rel {
                        -1 if *m >= cur => y -= 1,
                        1 if *m <= cur => y += 1,
                        _ => {}
                    }
                    let mut r = r.month(y, *m).anchor(Anchor::ArticleDate);
                    r.kind = Relative;
                    r
                }
                (None, None, Some(a)) => r
                    .month(infer_year(a, *m, None, future), *m)
                    .anchor(Anchor::ArticleYear),
                (None, _, None) => r.value(format!("XXXX-{m:02}")),
            }
        }
        Sem::Year(y) => Resolved::new(Absolute).year(*y).anchor(Anchor::Explicit),
        Sem::Decade(y) => {
            let mut r = Resolved::new(Absolute).value(format!("{:03}", y / 10));
            r.granularity = Some(Granularity::Coarser);
            r.anchor(Anchor::Explicit)
        }
        Sem::Century(c) => {
            let mut r = Resolved::new(Absolute).value(format!("{c:02}"));
            r.granularity = Some(Granularity::Coarser);
            r.anchor(Anchor::Explicit)
        }
        Sem::Season { y, s } => {
            let r = Resolved::new(Absolute);
            let (y, anchor) = match (y, article) {
                (Some(y), _) => (Some(*y), Anchor::Explicit),
                (None, Some(a)) => (Some(a.year()), Anchor::ArticleYear),
                (None, None) => (None, Anchor::Unresolved),
            };
            let mut r = match y {
                Some(y) => r.value(format!("{y:04}-{s}")),
                None => r.value(format!("XXXX-{s}")),
            };
            r.granularity = Some(Granularity::Month);
            r.anchor(anchor)
        }
        Sem::Quarter { y, q } => {
            let mut r = Resolved::new(Absolute).value(format!("{y:04}-Q{q}"));
            r.granularity = Some(Granularity::Month);
            r.anchor(Anchor::Explicit)
        }
        Sem::Holiday { name, y } => {
            let r = Resolved::new(Absolute);
            let (y, anchor) = match (y, article) {
                (Some(y), _) => (*y, Anchor::Explicit),
                (None, Some(a)) => {
                    // The nearest one in the direction of the sentence's tense.
                    let this = holiday(name, a.year());
                    let y = match this {
                        Some(d) if !future && d > a => a.year() - 1,
                        Some(d) if future && d < a => a.year() + 1,
                        _ => a.year(),
                    };
                    (y, Anchor::ArticleYear)
                }
                (None, None) => return r,
            };
            match holiday(name, y) {
                Some(d) => r.day(d).anchor(anchor),
                None => r,
            }
        }
        Sem::Weekday { wd, rel, part } => {
            let r = Resolved::new(Relative);
            let Some(a) = article else {
                return r.value(format!("XXXX-WXX-{wd}"));
            };
            let d = match rel {
                Rel::Last => weekday_near(a, *wd, true, true),
                Rel::Next => weekday_near(a, *wd, false, true),
                Rel::Bare => weekday_near(a, *wd, !future, false),
            };
            match d {
                Some(d) => {
                    let mut r = r.day(d).anchor(Anchor::ArticleDate);
                    if let (Some(p), Some(v)) = (part, r.value.as_mut()) {
                        v.push('T');
                        v.push_str(&p[1..]);
                    }
                    r
                }
                None => r,
            }
        }
        Sem::Deictic { days, part } => {
            let r = Resolved::new(Relative);
            let Some(a) = article else {
                return r.value(match days {
                    0 => "PRESENT_REF",
                    d if *d < 0 => "PAST_REF",
                    _ => "FUTURE_REF",
                });
            };
            match add_days(a, *days as i64) {
                Some(d) => {
                    let mut r = r.day(d).anchor(Anchor::ArticleDate);
                    if let (Some(p), Some(v)) = (part, r.value.as_mut()) {
                        v.push_str(p);
                    }
                    r
                }
                None => r,
            }
        }
        Sem::RelUnit { unit, offset } => {
            let r = Resolved::new(Relative);
            let Some(a) = article else {
                return r.value(match offset {
                    0 => "PRESENT_REF",
                    o if *o < 0 => "PAST_REF",
                    _ => "FUTURE_REF",
                });
            };
            let r = r.anchor(Anchor::ArticleDate);
            match unit {
                Unit::Weekend => {
                    let sat = match offset {
                        0 => weekday_near(a, 6, !future, false),
                        -1 => add_days(a, -2).and_then(|d| weekday_near(d, 6, true, false)),
                        _ => weekday_near(a, 6, false, true),
                    };
                    sat.map_or(r.clone(), |s| weekend_of(s, r))
                }
                Unit::Season(code) => {
                    let mut y = a.year();
                    let code = *code;
                    let start_month = match code {
                        "SP" => 3,
                        "SU" => 6,
                        "FA" => 9,
                        _ => 12,
                    };
                    match offset {
                        -1 if start_month > a.month() || code == "WI" => y -= 1,
                        1 if start_month <= a.month() && code != "WI" => y += 1,
                        _ => {}
                    }
                    let mut r = r.value(format!("{y:04}-{code}"));
                    r.granularity = Some(Granularity::Month);
                    r
                }
                Unit::Day => add_days(a, *offset as i64).map_or(r.clone(), |d| r.day(d)),
                other => shifted(a, *offset as f64, *other, r),
            }
        }
        Sem::Weekend => {
            let r = Resolved::new(Relative);
            let Some(a) = article else {
                return r.value("XXXX-WXX-WE");
            };
            match weekday_near(a, 6, !future, false) {
                Some(s) => weekend_of(s, r.anchor(Anchor::ArticleDate)),
                None => r,
            }
        }
        Sem::Shift { n, unit } => {
            let r = Resolved::new(Relative);
            let Some(a) = article else {
                return r.value(if *n < 0.0 { "PAST_REF" } else { "FUTURE_REF" });
            };
            shifted(a, *n, *unit, r.anchor(Anchor::ArticleDate))
        }
        Sem::PastSpan { n, unit } => {
            let mut r = Resolved::new(Relative).value(duration_value(*n, *unit));
            if let (Some(a), Some(n)) = (article, n) {
                let back = match unit {
                    Unit::Hour | Unit::Minute | Unit::Second => add_days(a, -1),
                    Unit::Day => add_days(a, -(*n as i64)),
                    Unit::Week | Unit::Weekend => add_days(a, -7 * *n as i64),
                    Unit::Fortnight => add_days(a, -14 * *n as i64),
                    Unit::Month => add_months(a, -(*n as i64)),
                    Unit::Year => add_years(a, -(*n as i64)),
                    Unit::Decade => add_years(a, -10 * *n as i64),
                    Unit::Century => add_years(a, -100 * *n as i64),
                    _ => None,
                };
                if let Some(b) = back {
                    r.span = Some((b, a));
                    r.anchor = Anchor::ArticleDate;
                }
            }
            if r.span.is_none() {
                // "the past few years": anchored but not countable.
                r.kind = Vague;
            }
            r
        }
        Sem::Anaphoric { n, unit } => {
            let r = Resolved::new(Anaphoric);
            let (base, anchor) = match (reference, article) {
                (Some(d), _) => (d, Anchor::Previous(d)),
                (None, Some(a)) => (a, Anchor::ArticleDate),
                (None, None) => return r,
            };
            shifted(base, *n, *unit, r.anchor(anchor))
        }
        Sem::Duration { n, unit } => Resolved::new(Duration).value(duration_value(*n, *unit)),
        Sem::Vague(v) => Resolved::new(Vague).value(*v),
        Sem::Time { h, m } => {
            let r = Resolved::new(Time);
            let t = if *h == 24 {
                "T24:00".to_string()
            } else {
                format!("T{h:02}:{m:02}")
            };
            match reference.or(article) {
                Some(d) => r
                    .value(format!("{}{t}", ymd(d)))
                    .anchor(Anchor::Previous(d)),
                None => r.value(format!("XXXX-XX-XX{t}")),
            }
        }
        Sem::Set(v) => Resolved::new(Set).value(v.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn val(sem: Sem, future: bool) -> Option<String> {
        resolve(&sem, future, Some(mkdate(2023, 3, 20)), None).value
    }

    #[test]
    fn weekdays_follow_tense_and_modifier() {
        // 2023-03-20 is a Monday.
        let tue = |rel| Sem::Weekday {
            wd: 2,
            rel,
            part: None,
        };
        assert_eq!(val(tue(Rel::Last), false).unwrap(), "2023-03-14");
        assert_eq!(val(tue(Rel::Bare), false).unwrap(), "2023-03-14");
        assert_eq!(val(tue(Rel::Bare), true).unwrap(), "2023-03-21");
        assert_eq!(val(tue(Rel::Next), false).unwrap(), "2023-03-21");
        let mon = Sem::Weekday {
            wd: 1,
            rel: Rel::Bare,
            part: None,
        };
        assert_eq!(val(mon, false).unwrap(), "2023-03-20");
        let night = Sem::Weekday {
            wd: 7,
            rel: Rel::Bare,
            part: Some("TNI"),
        };
        assert_eq!(val(night, false).unwrap(), "2023-03-19TNI");
    }

    #[test]
    fn units_and_shifts() {
        let ru = |unit, offset| Sem::RelUnit { unit, offset };
        assert_eq!(val(ru(Unit::Week, -1), false).unwrap(), "2023-W11");
        assert_eq!(val(ru(Unit::Month, 1), false).unwrap(), "2023-04");
        assert_eq!(val(ru(Unit::Year, 0), false).unwrap(), "2023");
        assert_eq!(val(ru(Unit::Weekend, 0), false).unwrap(), "2023-W11-WE");
        assert_eq!(val(ru(Unit::Decade, 0), false).unwrap(), "202");
        assert_eq!(
            val(
                Sem::Shift {
                    n: -2.0,
                    unit: Unit::Day
                },
                false
            )
            .unwrap(),
            "2023-03-18"
        );
        assert_eq!(
            val(
                Sem::Shift {
                    n: -3.0,
                    unit: Unit::Year
                },
                false
            )
            .unwrap(),
            "2020"
        );
        assert_eq!(
            val(
                Sem::PastSpan {
                    n: Some(13.0),
                    unit: Unit::Year
                },
                false
            )
            .unwrap(),
            "P13Y"
        );
        assert_eq!(
            val(
                Sem::Deictic {
                    days: -1,
                    part: None
                },
                false
            )
            .unwrap(),
            "2023-03-19"
        );
        assert_eq!(
            val(
                Sem::Deictic {
                    days: 0,
                    part: Some("TMO")
                },
                false
            )
            .unwrap(),
            "2023-03-20TMO"
        );
        assert_eq!(
            val(
                Sem::Ym {
                    y: None,
                    m: 11,
                    rel: None
                },
                false
            )
            .unwrap(),
            "2022-11"
        );
        assert_eq!(
            val(
                Sem::Ym {
                    y: None,
                    m: 11,
                    rel: None
                },
                true
            )
            .unwrap(),
            "2023-11"
        );
        assert_eq!(
            val(
                Sem::Ym {
                    y: None,
                    m: 3,
                    rel: Some(-1)
                },
                false
            )
            .unwrap(),
            "2022-03"
        );
        assert_eq!(
            val(
                Sem::Holiday {
                    name: "easter",
                    y: Some(2019)
                },
                false
            )
            .unwrap(),
            "2019-04-21"
        );
        assert_eq!(
            val(
                Sem::Holiday {
                    name: "christmas",
                    y: None
                },
                false
            )
            .unwrap(),
            "2022-12-25"
        );
    }

    #[test]
    fn anaphora_use_the_last_date() {
        let r = resolve(
            &Sem::Anaphoric {
                n: 1.0,
                unit: Unit::Day,
            },
            false,
            Some(mkdate(2023, 3, 20)),
            Some(mkdate(2023, 2, 1)),
        );
        assert_eq!(r.value.as_deref(), Some("2023-02-02"));
        assert_eq!(r.anchor, Anchor::Previous(mkdate(2023, 2, 1)));
    }

    #[test]
    fn nothing_resolves_without_an_article_date() {
        let r = resolve(
            &Sem::Deictic {
                days: -1,
                part: None,
            },
            false,
            None,
            None,
        );
        assert_eq!(r.value.as_deref(), Some("PAST_REF"));
        assert_eq!(r.day, None);
    }
}
