//! `date.relative`: "yesterday", "on Tuesday", "last week", "two days ago" — time
//! counted from the day the draft was written, which is wrong by the day it runs.
//!
//! With an article date the message gives the date the expression means and a quick fix
//! writes it the way the house style wants (AP-like: the weekday within seven days of the
//! article date, else month and day, with the year when it differs). Weekdays within the
//! week can be accepted by policy (`[dates] accept-weekdays-within-week`). Quoted speech
//! is left alone: a copy editor does not rewrite a quotation.

use super::quoted_in_block;
use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::time::{
    self, days_between, in_ranges, long_date, month_name, ArticleDate, Granularity, TimeExpr,
    TimeKind,
};
use crate::Context;
use jiff::civil::Date;

pub struct DateRelative;

static META: RuleMeta = RuleMeta {
    id: "date.relative",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "A date counted from the day of writing (“yesterday”, “on Tuesday”, “last week”).",
    explanation: "Relative dates go stale: “yesterday” is wrong by the time the story runs a day late, and readers of the archive cannot tell which Tuesday “on Tuesday” was. copydesk resolves the expression against the article date (from `--date`, front matter `date:` or the dateline) and offers the date in house style: the weekday within seven days of the article date, otherwise month and day, and the year when it differs from the article's. Set `[dates] accept-weekdays-within-week = true` to accept weekdays within the week.",
    wrong: "---\ndate: 2023-03-20\n---\nThe minister resigned yesterday.\n",
    right: "---\ndate: 2023-03-20\n---\nThe minister resigned on March 19.\n",
};

impl Rule for DateRelative {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let article = cx.article_date();
        let mut quoted_cache: Option<(usize, Vec<std::ops::Range<usize>>)> = None;
        for e in cx.time_expressions() {
            if e.kind != TimeKind::Relative {
                continue;
            }
            let Some(block) = cx.doc.blocks.get(e.block) else {
                continue;
            };
            if quoted_cache.as_ref().is_none_or(|(b, _)| *b != e.block) {
                quoted_cache = Some((e.block, quoted_in_block(cx, e.block)));
            }
            if let Some((_, q)) = &quoted_cache {
                if in_ranges(q, &e.range) {
                    continue;
                }
            }
            if let Some(d) = diagnose(cx, e, article, &block.text) {
                out.push(d);
            }
        }
    }
}

fn is_weekday_expr(e: &TimeExpr) -> bool {
    const DAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let lower = e.text.to_ascii_lowercase();
    DAYS.iter().any(|d| lower.contains(d))
}

const NO_DATE: &str = "Give the draft an article date with front matter `date:`, `--date` on the command line, or `[dates] article-date` in copydesk.toml.";

fn diagnose(
    cx: &Context,
    e: &TimeExpr,
    article: Option<&ArticleDate>,
    text: &str,
) -> Option<Diagnostic> {
    let Some(article) = article else {
        return Some(
            Diagnostic::new(
                META.id,
                e.source.clone(),
                format!(
                    "“{}” is counted from the day of writing, and this draft has no article date, so copydesk cannot say which date it means. {NO_DATE}",
                    e.text
                ),
            )
            .with_data("expression", e.text.clone())
            .with_data("resolved", serde_json::Value::Null),
        );
    };
    let a = article.date;
    if cx.config.dates.accept_weekdays_within_week && is_weekday_expr(e) {
        if let Some(d) = e.day {
            if days_between(a, d).abs() < 7 {
                return None;
            }
        }
    }
    // Far from the article date, a day's delay changes nothing ("900 years ago", "the
    // past century", "this decade").
    if e.granularity == Some(Granularity::Coarser) {
        return None;
    }
    if let Some((from, _)) = e.span {
        if days_between(from, a).abs() > 3660 {
            return None;
        }
    }
    let meaning = meaning(e, a)?;
    let message = if e.day == Some(a) && e.granularity == Some(Granularity::Day) {
        format!(
            "“{}” is the article date itself, {meaning} ({}). Write the date so the story stays right whenever it runs.",
            e.text,
            article.origin_text()
        )
    } else {
        format!(
            "“{}” is {meaning}, counting from the article date ({}, {}). Write the date so the story stays right whenever it runs.",
            e.text,
            long_date(a),
            article.origin_text()
        )
    };
    let mut d = Diagnostic::new(META.id, e.source.clone(), message)
        .with_data("expression", e.text.clone())
        .with_data(
            "resolved",
            e.value.clone().map_or(serde_json::Value::Null, Into::into),
        );
    if let Some(new) = replacement(e, a, text) {
        if new != e.text {
            d = d.with_fix(Fix {
                title: format!("Write “{new}”"),
                safe: false,
                edits: vec![Edit::replace(e.source.clone(), new)],
            });
        }
    }
    Some(d)
}

fn month_year(d: Date) -> String {
    format!("{} {}", month_name(d.month()), d.year())
}

/// What the expression means, in words.
fn meaning(e: &TimeExpr, a: Date) -> Option<String> {
    let value = e.value.as_deref().unwrap_or("");
    let part = part_words(value);
    match e.granularity {
        Some(Granularity::Day) => {
            let d = e.day?;
            Some(match part {
                Some(p) => format!("the {p} of {}", long_date(d)),
                None => long_date(d),
            })
        }
        _ if value.starts_with('P') => {
            let (from, to) = e.span?;
            if from == to || days_between(from, to) < 62 {
                Some(format!(
                    "the time from {} to {}",
                    long_date(from),
                    long_date(to)
                ))
            } else {
                Some(format!(
                    "the time from {} to {}",
                    month_year(from),
                    month_year(to)
                ))
            }
        }
        Some(Granularity::Week) => {
            let (from, _) = e.span?;
            if value.ends_with("-WE") {
                Some(format!("the weekend of {}", long_date(from)))
            } else {
                Some(format!("the week of {}", long_date(from)))
            }
        }
        Some(Granularity::Month) => match e.span {
            Some((from, _)) => Some(month_year(from)),
            None => Some(season_words(value)?),
        },
        Some(Granularity::Year) => Some(value.to_string()),
        Some(Granularity::Coarser) => Some(format!("the {value}0s")),
        None => {
            let _ = a;
            None
        }
    }
}

fn part_words(value: &str) -> Option<&'static str> {
    if value.ends_with("TMO") {
        Some("morning")
    } else if value.ends_with("TAF") {
        Some("afternoon")
    } else if value.ends_with("TEV") {
        Some("evening")
    } else if value.ends_with("TNI") {
        Some("night")
    } else {
        None
    }
}

fn season_words(value: &str) -> Option<String> {
    let (y, s) = value.split_once('-')?;
    let name = match s {
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        "WI" => "winter",
        _ => return None,
    };
    Some(format!("the {name} of {y}"))
}

/// Prepositions after which a date needs no "on"/"in" of its own.
const PREPS: &[&str] = &[
    "on", "in", "since", "until", "till", "by", "from", "before", "after", "of", "during",
    "through", "to", "for", "at", "between", "and", "or", "than",
];

/// The date written in house style, ready to replace the expression.
fn replacement(e: &TimeExpr, a: Date, text: &str) -> Option<String> {
    let value = e.value.as_deref().unwrap_or("");
    let before = text[..e.range.start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    let after = &text[e.range.end..];
    let possessive = after.starts_with("'s") || after.starts_with("’s");
    let has_prep = PREPS.contains(&prev.as_str());
    let lower = e.text.to_ascii_lowercase();
    // Capitalise the replacement only where a sentence starts: "Monday" is always
    // capitalised, but "late Monday" must not become "late On March 20".
    let capital = e.text.starts_with(char::is_uppercase)
        && (before.is_empty() || before.ends_with(['.', '!', '?', '“', '"', ':', '‘', '(']));
    let new = match e.granularity {
        Some(Granularity::Day) => {
            let d = e.day?;
            let mut s = time::house_style(d, a);
            let weekday_written = is_weekday_expr(e)
                && !lower.starts_with("last")
                && !lower.starts_with("next")
                && !lower.starts_with("this");
            if weekday_written || s.eq_ignore_ascii_case(&e.text) {
                // Already the weekday: write the date instead, so it never needs counting.
                s = time::house_style_date(d, a);
            }
            if let Some(p) = part_words(value) {
                s = format!("{s} {p}");
            }
            let is_weekday = s
                .split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with("day") && w.starts_with(char::is_uppercase));
            if !is_weekday && !has_prep && !possessive {
                s = format!("on {s}");
            }
            s
        }
        _ if value.starts_with('P') => return None,
        Some(Granularity::Week) => {
            let (from, _) = e.span?;
            let what = if value.ends_with("-WE") {
                "weekend"
            } else {
                "week"
            };
            format!("the {what} of {}", time::house_style_date(from, a))
        }
        Some(Granularity::Month) => {
            let (from, _) = e.span?;
            let m = if from.year() == a.year() {
                month_name(from.month()).to_string()
            } else {
                month_year(from)
            };
            with_modifier(&lower, &m, has_prep || possessive)
        }
        Some(Granularity::Year) => with_modifier(&lower, value, has_prep || possessive),
        _ => return None,
    };
    Some(if capital { capitalise(&new) } else { new })
}

/// "earlier this year" → "earlier in 2023"; "late last year" → "in late 2022";
/// "last year" → "in 2022" (or "2022" after a preposition).
fn with_modifier(lower: &str, when: &str, has_prep: bool) -> String {
    let first = lower.split_whitespace().next().unwrap_or("");
    match first {
        "earlier" | "later" => format!("{first} in {when}"),
        "early" | "late" if !has_prep => format!("in {first} {when}"),
        "early" | "late" => format!("{first} {when}"),
        _ if has_prep => when.to_string(),
        _ => format!("in {when}"),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::{analyze, fix::apply_edits, Document};

    fn run(src: &str, config: &Config) -> Vec<(String, String, Option<String>)> {
        let doc = Document::parse(src);
        analyze(&doc, config)
            .into_iter()
            .filter(|d| d.rule == "date.relative")
            .map(|d| {
                let fixed = d.fixes.first().map(|f| apply_edits(src, &f.edits).0);
                (src[d.range.clone()].to_string(), d.message, fixed)
            })
            .collect()
    }

    const FM: &str = "---\ndate: 2023-03-20\n---\n";

    #[test]
    fn resolves_and_fixes_in_house_style() {
        let src = format!("{FM}The minister resigned last Tuesday.\n");
        let r = run(&src, &Config::default());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "last Tuesday");
        assert!(r[0].1.starts_with("“last Tuesday” is Tuesday, March 14, 2023, counting from the article date (Monday, March 20, 2023, from front matter `date`)"), "{}", r[0].1);
        assert!(
            r[0].2
                .as_deref()
                .unwrap()
                .ends_with("The minister resigned Tuesday.\n"),
            "{:?}",
            r[0].2
        );

        let src = format!("{FM}Yesterday, the court ruled. Pelosi yesterday resumed office.\n");
        let r = run(&src, &Config::default());
        assert!(r[0]
            .2
            .as_deref()
            .unwrap()
            .contains("Sunday, the court ruled."));
        assert!(r[1].2.as_deref().unwrap().contains("Pelosi Sunday resumed"));

        let src = format!("{FM}Sales fell last year and rose earlier this month.\n");
        let r = run(&src, &Config::default());
        assert!(r[0]
            .2
            .as_deref()
            .unwrap()
            .contains("Sales fell in 2022 and"));
        assert!(r[1]
            .2
            .as_deref()
            .unwrap()
            .contains("rose earlier in March."));
    }

    #[test]
    fn a_fix_inside_a_sentence_stays_lower_case() {
        let src = format!("{FM}Delgado wrote on Facebook late Monday.\n");
        let r = run(&src, &Config::default());
        let fixed = r[0].2.as_deref().unwrap();
        assert!(fixed.contains("on Facebook late on March 20."), "{fixed}");
    }

    #[test]
    fn the_data_carries_the_value() {
        let src = format!("{FM}It rained two days ago.\n");
        let doc = Document::parse(src.as_str());
        let d = analyze(&doc, &Config::default())
            .into_iter()
            .find(|d| d.rule == "date.relative")
            .unwrap();
        assert_eq!(d.data["resolved"], "2023-03-18");
    }

    #[test]
    fn weekdays_within_the_week_can_be_accepted() {
        let src = format!("{FM}The court ruled on Friday. It met last month.\n");
        let mut config = Config::default();
        assert_eq!(run(&src, &config).len(), 2);
        config.dates.accept_weekdays_within_week = true;
        let r = run(&src, &config);
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].0, "last month");
    }

    #[test]
    fn without_an_article_date_it_says_how_to_give_one() {
        let r = run("The court ruled yesterday.\n", &Config::default());
        assert_eq!(r.len(), 1);
        assert!(r[0].1.contains("no article date"), "{}", r[0].1);
        assert!(r[0].1.contains("--date"));
        assert_eq!(r[0].2, None);
    }

    #[test]
    fn quotes_and_absolute_dates_are_left_alone() {
        let src = format!("{FM}“We will win tomorrow,” he said on March 19, 2023.\n");
        assert_eq!(run(&src, &Config::default()), vec![]);
    }
}
