//! Hover and inlay hints for dates: what a time expression resolves to and how, and
//! which article date copydesk is using and why.

use super::hover::Info;
use super::inlay::InlayHint;
use crate::time::{
    self, long_date, month_name, Anchor, DateStyle, Direction, Granularity, TimeExpr, TimeKind,
};
use crate::Context;
use jiff::civil::Date;

const HOW_TO_DATE: &str = "Give the draft an article date with front matter `date:`, `--date` on the command line, or `[dates] article-date` in copydesk.toml.";

/// Hover items for `offset` (a source byte offset).
pub fn hover(cx: &Context, offset: usize) -> Vec<Info> {
    let mut out = Vec::new();
    if let Some(e) = cx
        .time_expressions()
        .iter()
        .find(|e| e.source.start <= offset && offset <= e.source.end)
    {
        out.push(Info {
            range: e.source.clone(),
            markdown: describe(cx, e),
        });
    }
    out.extend(article_date_hover(cx, offset));
    out
}

fn value_text(e: &TimeExpr) -> String {
    e.value
        .as_deref()
        .map_or(String::new(), |v| format!(" (`{v}`)"))
}

/// What the expression means, in words, when it names a day, week, month or year.
fn meaning(e: &TimeExpr) -> Option<String> {
    if let Some((past, coming)) = e.ambiguous {
        return Some(format!(
            "{} or {}? The sentence does not say whether it is past or coming",
            long_date(past),
            long_date(coming)
        ));
    }
    match (e.granularity, e.day, e.span) {
        (Some(Granularity::Day), Some(d), _) => Some(long_date(d)),
        (Some(Granularity::Week), _, Some((from, _))) => {
            Some(format!("the week of {}", long_date(from)))
        }
        (Some(Granularity::Month), _, Some((from, _))) => {
            Some(format!("{} {}", month_name(from.month()), from.year()))
        }
        (Some(Granularity::Year), _, _) => e.value.clone(),
        _ => None,
    }
}

fn describe(cx: &Context, e: &TimeExpr) -> String {
    let what = match e.kind {
        TimeKind::Absolute => "Date",
        TimeKind::Relative => "Relative date",
        TimeKind::Anaphoric => "Date relative to the story",
        TimeKind::Vague => "Vague time reference",
        TimeKind::Duration => "Length of time",
        TimeKind::Time => "Time of day",
        TimeKind::Set => "Recurring time",
    };
    let mut s = format!("**{what}** “{}”", e.text);
    let value = value_text(e);
    match (e.kind, meaning(e)) {
        (TimeKind::Vague, _) => {
            s.push_str(&format!("{value}: it does not say when."));
            return s;
        }
        (TimeKind::Duration | TimeKind::Set, _) => {
            s.push_str(&value);
            return s;
        }
        (_, Some(m)) => s.push_str(&format!(" — {m}{value}")),
        (_, None) if e.value.is_some() => s.push_str(&value),
        _ => {}
    }
    let article = cx.article_date();
    let how = match (e.anchor, article) {
        (Anchor::Explicit, _) => "Written in full.".to_string(),
        (Anchor::ArticleDate, Some(a)) => format!(
            "Relative to the article date, {} — {}.",
            long_date(a.date),
            a.origin_text()
        ),
        (Anchor::ArticleYear, Some(a)) => format!(
            "The year is not written; taken from the article date ({}, {}) and the tense of the sentence.",
            a.date.year(),
            a.origin_text()
        ),
        (Anchor::ArticleYear, None) => "The year is not written.".to_string(),
        (Anchor::Previous(d), _) => format!(
            "Counted from the last date the text mentions, {}.",
            long_date(d)
        ),
        (_, None) => format!(
            "Cannot be resolved: the draft has no article date. {HOW_TO_DATE}"
        ),
        (Anchor::Unresolved, Some(_)) => "Could not be resolved.".to_string(),
    };
    s.push_str("\n\n");
    s.push_str(&how);
    if let Some(cue) = e.cue.as_ref().filter(|c| !c.words.is_empty()) {
        let way = match cue.direction {
            Direction::Past => "the last one",
            Direction::Future => "the coming one",
            Direction::Unknown => "no week",
        };
        s.push_str(&format!(" The week: {way}, from “{}”.", cue.words));
    }
    if e.kind == TimeKind::Relative {
        if let Some(a) = article {
            if let Some(style) = style_line(cx, e, a.date) {
                s.push_str("\n\n");
                s.push_str(&style);
            }
        }
    }
    s
}

/// What the date style says of a relative expression: what `date.relative` itself says
/// (the rule is run, so the hover cannot disagree with it).
fn style_line(cx: &Context, e: &TimeExpr, a: Date) -> Option<String> {
    let rule = crate::rules::find("date.relative")?;
    cx.config.severity(rule)?;
    let name = match cx.config.dates.style() {
        DateStyle::Ap => "AP style",
        DateStyle::Evergreen => "Evergreen style",
    };
    if time::in_ranges(&crate::rules::quoted_in_block(cx, e.block), &e.range) {
        return Some("In quoted speech: left as the speaker said it.".to_string());
    }
    let mut found = Vec::new();
    rule.check(cx, &mut found);
    let Some(d) = found.into_iter().find(|d| d.range == e.source) else {
        if e.ambiguous.is_some() {
            return Some(format!(
                "{name}: right as written, the day of the week whichever of the two is meant."
            ));
        }
        let within = e.day.is_some_and(|d| time::days_between(a, d).abs() <= 6);
        return (cx.config.dates.style() == DateStyle::Ap && within).then(|| {
            format!("{name}: right as written (the day of the week, within six days of the article date).")
        });
    };
    let fixes: Vec<String> = d
        .fixes
        .iter()
        .filter_map(|f| f.edits.first().map(|e| format!("“{}”", e.new_text)))
        .collect();
    Some(match fixes.as_slice() {
        [] => format!("{name}: give the date (`date.relative`)."),
        [one] => format!("{name}: write {one} (`date.relative` offers the fix)."),
        many => format!(
            "{name}: write the date meant, {} (`date.relative` offers each).",
            many.join(" or ")
        ),
    })
}

/// Hover on the front matter date or the dateline.
fn article_date_hover(cx: &Context, offset: usize) -> Option<Info> {
    let article = cx.article_date();
    if let Some(a) = article {
        if let Some(src) = &a.source {
            if src.start <= offset && offset <= src.end {
                let style = match cx.config.dates.style() {
                    DateStyle::Ap => {
                        let span = |n: i64| {
                            a.date
                                .checked_add(jiff::Span::new().days(n))
                                .map_or(String::new(), long_date)
                        };
                        format!(
                            "AP style (`[dates] style`): the day of the week for dates from {} to {}, month and day beyond; “yesterday”, “tomorrow”, “last week” are written out.",
                            span(-6),
                            span(6)
                        )
                    }
                    DateStyle::Evergreen => "Evergreen style (`[dates] style`): every relative date, weekdays included, is written as its calendar date.".to_string(),
                };
                return Some(Info {
                    range: src.clone(),
                    markdown: format!(
                        "**Article date** — copydesk is using {}, {}. Relative dates (“yesterday”, “on Tuesday”) are resolved against it.\n\n{style}",
                        long_date(a.date),
                        a.origin_text()
                    ),
                });
            }
        }
    }
    // A front matter date that is not the one in use: overridden, or unreadable.
    let field = cx.doc.front_matter.date()?;
    if !(field.range.start <= offset && offset <= field.range.end) {
        return None;
    }
    let markdown = match article {
        Some(a) if a.source.as_ref() != Some(&field.range) => {
            if time::article_date::parse_date(&field.value).is_some() {
                format!(
                    "**Article date** — copydesk is using {}, {}, not this front matter date.",
                    long_date(a.date),
                    a.origin_text()
                )
            } else {
                format!(
                    "**Article date** — copydesk cannot read “{}” as a date (write it as YYYY-MM-DD), so it is using {}, {}.",
                    field.value,
                    long_date(a.date),
                    a.origin_text()
                )
            }
        }
        Some(_) => return None,
        None => format!(
            "**Article date** — copydesk cannot read “{}” as a date. Write it as YYYY-MM-DD (or “March 20, 2023”).",
            field.value
        ),
    };
    Some(Info {
        range: field.range.clone(),
        markdown,
    })
}

fn short(d: Date) -> String {
    let m = &month_name(d.month())[..3];
    format!("{m} {}, {}", d.day(), d.year())
}

/// Inlay hints: the resolved date after each relative or story-relative expression.
pub fn inlay_hints(cx: &Context) -> Vec<InlayHint> {
    cx.time_expressions()
        .iter()
        .filter(|e| matches!(e.kind, TimeKind::Relative | TimeKind::Anaphoric))
        .filter_map(|e| {
            if let Some((past, coming)) = e.ambiguous {
                return Some(InlayHint {
                    offset: e.source.end,
                    label: format!(" ({} or {}?)", short(past), short(coming)),
                });
            }
            let label = match (e.granularity, e.day, e.span) {
                (Some(Granularity::Day), Some(d), _) => short(d),
                (Some(Granularity::Week), _, Some((from, _))) => {
                    format!("week of {}", short(from))
                }
                (Some(Granularity::Month), _, Some((from, _))) => {
                    format!("{} {}", &month_name(from.month())[..3], from.year())
                }
                (Some(Granularity::Year), _, _) => e.value.clone()?,
                (_, _, Some((from, to)))
                    if e.value.as_deref().is_some_and(|v| v.starts_with('P')) =>
                {
                    format!("{}–{}", short(from), short(to))
                }
                _ => return None,
            };
            Some(InlayHint {
                offset: e.source.end,
                label: format!(" ({label})"),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::ide::hover as inspect;
    use crate::{Config, Context, Document};

    fn hover_at(src: &str, needle: &str, config: &Config) -> Vec<String> {
        let doc = Document::parse(src);
        let cx = Context::new(&doc, config);
        let at = src.find(needle).unwrap() + 1;
        inspect::at(&cx, &[], at)
            .into_iter()
            .map(|i| i.markdown)
            .collect()
    }

    const SRC: &str = "---\ndate: 2023-03-20\n---\nThe minister resigned last Tuesday. The vote was on March 3, 2021.\n";

    #[test]
    fn hover_explains_a_relative_date() {
        let h = hover_at(SRC, "last Tuesday", &Config::default());
        assert_eq!(h.len(), 1, "{h:?}");
        assert!(
            h[0].contains("“last Tuesday” — Tuesday, March 14, 2023 (`2023-03-14`)"),
            "{}",
            h[0]
        );
        assert!(
            h[0].contains(
                "Relative to the article date, Monday, March 20, 2023 — from front matter `date`."
            ),
            "{}",
            h[0]
        );
        let h = hover_at(SRC, "March 3, 2021", &Config::default());
        assert!(h[0].contains("Written in full."), "{}", h[0]);
    }

    #[test]
    fn hover_on_the_article_date_says_where_it_came_from() {
        let h = hover_at(SRC, "2023-03-20", &Config::default());
        assert!(
            h[0].contains("copydesk is using Monday, March 20, 2023, from front matter `date`"),
            "{h:?}"
        );
        let mut config = Config::default();
        config.dates.article_date = Some("2023-04-01".into());
        let h = hover_at(SRC, "2023-03-20", &config);
        assert!(h[0].contains("not this front matter date"), "{h:?}");
        let h = hover_at(
            "---\ndate: soonish\n---\nText.\n",
            "soonish",
            &Config::default(),
        );
        assert!(h[0].contains("cannot read “soonish”"), "{h:?}");
    }

    /// The hover says what `date.relative` says: no flag and "right as written" for the
    /// article date's own weekday in AP style, the rule's fix for "today".
    #[test]
    fn hover_agrees_with_the_rule() {
        let src = "---\ndate: 2023-03-20\n---\nThe court ruled on Monday. Talks resume today.\n";
        let config = Config::default();
        let doc = Document::parse(src);
        let diags = crate::analyze(&doc, &config);
        let relative: Vec<&str> = diags
            .iter()
            .filter(|d| d.rule == "date.relative")
            .map(|d| &src[d.range.clone()])
            .collect();
        assert_eq!(relative, ["today"]);
        let h = hover_at(src, "Monday", &config);
        assert!(h[0].contains("AP style: right as written"), "{h:?}");
        assert!(
            h[0].contains("The week: the last one, from “ruled”."),
            "{h:?}"
        );
        let h = hover_at(src, "today", &config);
        assert!(h[0].contains("AP style: write “Monday”"), "{h:?}");
        let fix = &diags
            .iter()
            .find(|d| d.rule == "date.relative")
            .unwrap()
            .fixes[0];
        assert_eq!(fix.edits[0].new_text, "Monday");

        let mut evergreen = Config::default();
        evergreen.dates.style = Some(crate::time::DateStyle::Evergreen);
        let h = hover_at(src, "Monday", &evergreen);
        assert!(h[0].contains("Evergreen style: write “March 20”"), "{h:?}");
        let h = hover_at(src, "2023-03-20", &config);
        assert!(
            h[0].contains("the day of the week for dates from Tuesday, March 14, 2023 to Sunday, March 26, 2023"),
            "{h:?}"
        );
    }

    #[test]
    fn an_ambiguous_weekday_shows_both_days() {
        let src = "---\ndate: 2023-03-20\n---\nHe said the court would rule on Friday.\n";
        let mut config = Config::default();
        let h = hover_at(src, "Friday", &config);
        assert!(
            h[0].contains("Friday, March 17, 2023 or Friday, March 24, 2023?"),
            "{h:?}"
        );
        assert!(h[0].contains("AP style: right as written"), "{h:?}");
        let mut evergreen = Config::default();
        evergreen.dates.style = Some(crate::time::DateStyle::Evergreen);
        let h = hover_at(src, "Friday", &evergreen);
        assert!(h[0].contains("“March 17” or “March 24”"), "{h:?}");
        config.editor.inlay_hints.dates = true;
        let doc = Document::parse(src);
        let hints = crate::ide::inlay::hints(&Context::new(&doc, &config));
        assert_eq!(hints[0].label, " (Mar 17, 2023 or Mar 24, 2023?)");
    }

    #[test]
    fn hover_without_an_article_date_says_how_to_give_one() {
        let h = hover_at("It rained yesterday.\n", "yesterday", &Config::default());
        assert!(h[0].contains("no article date"), "{h:?}");
    }

    #[test]
    fn inlay_hints_follow_relative_dates_when_enabled() {
        let doc = Document::parse(SRC);
        let mut config = Config::default();
        assert!(crate::ide::inlay::hints(&Context::new(&doc, &config)).is_empty());
        config.editor.inlay_hints.dates = true;
        let hints = crate::ide::inlay::hints(&Context::new(&doc, &config));
        assert_eq!(hints.len(), 1);
        assert_eq!(hints[0].label, " (Mar 14, 2023)");
        assert_eq!(
            &SRC[..hints[0].offset],
            &SRC[..SRC.find("last Tuesday").unwrap() + "last Tuesday".len()]
        );
    }
}
