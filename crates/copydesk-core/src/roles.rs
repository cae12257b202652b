//! Dated roles of knowledge-base people: which offices a person held on a given day (the
//! article date), as far as the sources know, and the hover text that lists them. Used by
//! hover (`ide::navigate`) and by `name.title-mismatch`.
//!
//! A role's `start` and `end` are as precise as its source (`2009-01-20`, `2009-01`, `2009`);
//! `end` absent and no `end_before` means "in office when the source was made" (`as_of`), and
//! nothing is known after that.

use crate::names::kb::{Actor, Kb, Role};
use crate::time::ArticleDate;
use jiff::civil::Date;
use std::fmt::Write;

/// Whether a role was held on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    Yes,
    No,
    /// The dates are too coarse, missing, or the day is after the source's `as_of`.
    Unknown,
}

/// The first and the last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` value can mean (the first
/// ten characters are read: `as_of` values such as `2024-05-03/2026-06` give their first date).
pub fn date_bounds(s: &str) -> Option<(Date, Date)> {
    let s = s.get(..10).unwrap_or(s);
    let mut it = s.split('-');
    let y: i16 = it.next()?.parse().ok()?;
    match (it.next(), it.next()) {
        (None, _) => Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)),
        (Some(m), None) => {
            let first = Date::new(y, m.parse().ok()?, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        (Some(m), Some(d)) => {
            let d = Date::new(y, m.parse().ok()?, d.parse().ok()?).ok()?;
            Some((d, d))
        }
    }
}

/// The role has ended (an `end`, or `end_before`).
pub fn ended(r: &Role) -> bool {
    r.end.is_some() || r.end_before.is_some()
}

/// Whether `r` was held on `day`. Sure answers only: a day before the earliest possible
/// start or after the latest possible end is `No`; a day between the latest possible start
/// and the earliest possible end (or the source's date, for a role open then) is `Yes`.
pub fn held_on(r: &Role, day: Date) -> Held {
    let start = r.start.as_deref().and_then(date_bounds);
    let end = r.end.as_deref().and_then(date_bounds);
    let before = r.end_before.as_deref().and_then(date_bounds);
    if start.is_some_and(|(lo, _)| day < lo) {
        return Held::No;
    }
    if end.is_some_and(|(_, hi)| day > hi) || before.is_some_and(|(lo, _)| day >= lo) {
        return Held::No;
    }
    let Some((_, start_hi)) = start else {
        return Held::Unknown;
    };
    if day < start_hi {
        return Held::Unknown;
    }
    // Last day known to be in office.
    let until = match (end, before) {
        (Some((lo, _)), _) => Some(lo),
        (None, Some(_)) => None,
        (None, None) => r.as_of.as_deref().and_then(date_bounds).map(|(lo, _)| lo),
    };
    match until {
        Some(u) if day <= u => Held::Yes,
        _ => Held::Unknown,
    }
}

/// "2009-01-20 – 2017-01-20", "since 2021-01-20", "2004 – ended before 2022-07-23".
pub fn dates_text(r: &Role) -> String {
    match (
        r.start.as_deref(),
        r.end.as_deref(),
        r.end_before.as_deref(),
    ) {
        (Some(s), Some(e), _) => format!("{s} – {e}"),
        (Some(s), None, Some(b)) => format!("{s} – ended before {b} (end date not in the source)"),
        (Some(s), None, None) => format!("since {s}"),
        (None, Some(e), _) => format!("until {e}"),
        (None, None, Some(b)) => format!("ended before {b}"),
        (None, None, None) => "dates not in the source".to_string(),
    }
}

/// How many roles hover lists before "… and N more".
const HOVER_ROLES: usize = 8;

/// One role as a hover line (without the leading "- ").
fn role_line(kb: &Kb, r: &Role) -> String {
    let place = r
        .country
        .as_deref()
        .or(r.org.as_deref())
        .map(|c| format!(" ({c})"))
        .unwrap_or_default();
    let source = r
        .source
        .as_deref()
        .map(|s| kb.source_names(s))
        .unwrap_or_else(|| "no source".into());
    let as_of = r.as_of.as_deref().unwrap_or("unknown date");
    let mut line = format!(
        "{}{place}, {} — source: {source}, as of {as_of}",
        r.title,
        dates_text(r)
    );
    if !ended(r) {
        let _ = write!(
            line,
            "; current only as far as that source knew on {as_of} — it may be out of date"
        );
    }
    if let Some(note) = &r.note {
        let _ = write!(line, " ({note})");
    }
    line
}

/// Whether two roles are the same office over the same dates (the title, place and dates
/// agree), however their sources or kinds differ.
fn same_office(x: &Role, y: &Role) -> bool {
    x.title == y.title
        && x.country == y.country
        && x.org == y.org
        && x.start == y.start
        && x.end == y.end
}

/// The roles of a person for hover, in Markdown: those held on the article date first, then
/// the current ones (as far as their sources know), then the rest, newest first. Without an
/// article date, says so and which date the roles are given for.
pub fn hover_roles(kb: &Kb, a: &Actor, article: Option<&ArticleDate>, md: &mut String) {
    if a.roles().is_empty() {
        return;
    }
    let mut order: Vec<usize> = (0..a.roles().len()).collect();
    // Newest first: by end (open roles first), then start.
    order.sort_by(|&x, &y| {
        let (rx, ry) = (&a.roles()[x], &a.roles()[y]);
        let key = |r: &Role| {
            (
                !ended(r),
                r.end.clone().unwrap_or_default(),
                r.start.clone().unwrap_or_default(),
            )
        };
        key(ry).cmp(&key(rx))
    });
    let mut shown = 0;
    let mut listed = vec![false; a.roles().len()];
    let mut section = |md: &mut String, heading: &str, pick: &dyn Fn(&Role) -> bool| {
        let picked: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&i| !listed[i] && pick(&a.roles()[i]))
            .collect();
        if picked.is_empty() || shown >= HOVER_ROLES {
            return;
        }
        let _ = writeln!(md, "{heading}\n");
        for i in picked {
            if listed[i] {
                continue;
            }
            listed[i] = true;
            // One office from two sources, or listed as head of state and of government
            // ("President of Benin"), is one line; a note either gives is kept.
            let twins: Vec<usize> = (0..a.roles().len())
                .filter(|&j| !listed[j] && same_office(&a.roles()[i], &a.roles()[j]))
                .collect();
            let mut role = a.roles()[i].clone();
            for j in twins {
                listed[j] = true;
                if role.note.is_none() {
                    role.note.clone_from(&a.roles()[j].note);
                }
            }
            if shown < HOVER_ROLES {
                let _ = writeln!(md, "- {}", role_line(kb, &role));
                shown += 1;
            }
        }
        md.push('\n');
    };
    match article {
        Some(ad) => {
            let day = ad.date;
            section(
                md,
                &format!("Held on the article date, {day} ({}):", ad.origin_text()),
                &|r| held_on(r, day) == Held::Yes,
            );
            section(
                md,
                &format!("Not known to be held on {day}; current as far as the sources know:"),
                &|r| !ended(r),
            );
        }
        None => {
            let latest = a
                .roles()
                .iter()
                .filter_map(|r| r.as_of.as_deref())
                .max()
                .unwrap_or("an unknown date");
            section(
                md,
                &format!(
                    "No article date (give `--date`, a front matter `date` or a dateline): roles as their sources knew them, the latest as of {latest}. Current:"
                ),
                &|r| !ended(r),
            );
        }
    }
    section(md, "Other roles:", &|_| true);
    let total = a.roles().len();
    if total > shown {
        let _ = writeln!(md, "- … and {} more roles\n", total - shown);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn role(start: Option<&str>, end: Option<&str>, as_of: &str) -> Role {
        Role {
            title: "President of the United States".into(),
            kind: Some("head_of_state".into()),
            country: Some("US".into()),
            org: None,
            start: start.map(String::from),
            end: end.map(String::from),
            end_before: None,
            source: Some("congress-legislators".into()),
            as_of: Some(as_of.into()),
            note: None,
        }
    }

    fn day(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn held_on_is_sure_only_inside_known_dates() {
        let obama = role(Some("2009-01-20"), Some("2017-01-20"), "2026-06-15");
        assert_eq!(held_on(&obama, day("2015-06-01")), Held::Yes);
        assert_eq!(held_on(&obama, day("2009-01-20")), Held::Yes);
        assert_eq!(held_on(&obama, day("2008-12-31")), Held::No);
        assert_eq!(held_on(&obama, day("2019-03-01")), Held::No);
        // Year-only dates: unsure within the year.
        let johnson = role(Some("2019-07-24"), Some("2022"), "2026");
        assert_eq!(held_on(&johnson, day("2022-10-01")), Held::Unknown);
        assert_eq!(held_on(&johnson, day("2023-01-02")), Held::No);
        // Open at the source's date: unknown after it.
        let open = role(Some("2021-01-20"), None, "2022-08-03");
        assert_eq!(held_on(&open, day("2022-01-01")), Held::Yes);
        assert_eq!(held_on(&open, day("2024-01-01")), Held::Unknown);
        assert_eq!(held_on(&open, day("2020-01-01")), Held::No);
        // Ended on an unknown date before the source's.
        let mut gone = role(Some("2004"), None, "2022-07-23");
        gone.end_before = Some("2022-07-23".into());
        assert_eq!(held_on(&gone, day("2023-01-01")), Held::No);
        assert_eq!(held_on(&gone, day("2010-01-01")), Held::Unknown);
        assert_eq!(
            date_bounds("2024-05-03/2026-06").unwrap().0,
            day("2024-05-03")
        );
        assert_eq!(date_bounds("2022-02").unwrap().1, day("2022-02-28"));
    }

    /// Hover on a person in an invented draft: `(markdown)`.
    fn hover_on(src: &str, name: &str) -> String {
        let doc = crate::Document::parse(src);
        let config = crate::Config::default();
        let cx = crate::Context::new(&doc, &config);
        let at = src.rfind(name).unwrap();
        crate::ide::navigate::hover(&cx, at).unwrap().1
    }

    #[test]
    fn hover_gives_the_roles_held_on_the_article_date_first() {
        let md = hover_on(
            "---\ndate: 2015-06-01\n---\n\nBarack Obama met Joe Biden. Obama spoke.\n",
            "Obama",
        );
        let held = md.find("Held on the article date, 2015-06-01 (from front matter `date`):");
        assert!(held.is_some(), "{md}");
        assert!(
            md.contains("- President of the United States (US), 2009-01-20 – 2017-01-20 — source:"),
            "{md}"
        );
        // Biden: Vice President on the day; President later, listed after it.
        let md = hover_on(
            "---\ndate: 2015-06-01\n---\n\nBarack Obama met Joe Biden. Biden spoke.\n",
            "Biden",
        );
        let vp = md.find("Vice President of the United States (US), 2009-01-20 – 2017-01-20");
        let p = md.find("- President of the United States (US), 2021-01-20 – 2025-01-20");
        let held = md.find("Held on the article date");
        let other = md.find("Other roles:");
        assert!(held < vp && vp < other && other < p, "{md}");
    }

    #[test]
    fn one_office_from_two_lists_is_one_line() {
        // The shipped data lists Patrice Talon as head of state and of government, both
        // "President of Benin"; the note on one of them is kept.
        let md = hover_on(
            "---\ndate: 2019-06-01\n---\n\nPatrice Talon spoke. Talon left.\n",
            "Talon",
        );
        assert_eq!(md.matches("President of Benin (BJ)").count(), 1, "{md}");
        assert!(md.contains("disputed"), "{md}");
    }

    #[test]
    fn hover_without_an_article_date_says_which_date_the_roles_are_for() {
        let md = hover_on("Vladimir Putin spoke. Putin left.\n", "Putin");
        assert!(md.contains("No article date"), "{md}");
        assert!(md.contains("the latest as of 2026"), "{md}");
        assert!(
            md.contains("President of Russia (RU), since 2012-05-07"),
            "{md}"
        );
        assert!(
            md.contains("Prime Minister of Russia (RU), 2008-05-08 – 2012-05-07"),
            "{md}"
        );
        // A role the sources hold open is current only as far as they knew.
        assert!(md.contains("may be out of date"), "{md}");
    }
}
