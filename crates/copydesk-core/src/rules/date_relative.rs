//! `date.relative`: "yesterday", "on Tuesday", "last week", "two days ago" — time
//! counted from the day the draft was written, which is wrong by the day it runs.
//!
//! With an article date the message gives the date the expression means and a quick fix
//! writes it the way the `[dates] style` wants:
//!
//! - `ap` (the default): the day of the week is right for dates within six days before or
//!   after the article date ("Tuesday"); beyond that, month and day ("March 13"), with the
//!   year when it differs. "yesterday", "tomorrow", "tonight", "last week", "next month",
//!   "this year" are flagged with that form as the fix ("Sunday", "in 2022"). Spans counted
//!   back from the article date ("the past 13 years") are left alone. "next Tuesday" within
//!   the week, which readers take as either of two Tuesdays, is flagged with the bare day;
//!   "last Tuesday" and "this Friday" read one way and are kept.
//! - `evergreen`: every relative expression, weekday names included, gets its calendar date.
//!
//! A weekday whose sentence does not say which week (no tense, or a future seen from the
//! past) is right AP style either way (both days it can mean are within six days of the
//! article date; the hover names them); in evergreen style it is flagged with both dates
//! offered. A fix never produces text the
//! same configuration flags again: a weekday is offered only when it reads back, in its
//! sentence, as the same day; otherwise the date is. Quoted speech is left alone: a copy
//! editor does not rewrite a quotation.

use super::quoted_in_block;
use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::time::recognizer::{self, Sem};
use crate::time::resolve::resolve_alone;
use crate::time::{
    self, days_between, in_ranges, long_date, month_name, weekday_name, ArticleDate, DateStyle,
    Granularity, TimeExpr, TimeKind,
};
use crate::word_regex::WordRegex;
use crate::Context;
use jiff::civil::Date;

pub struct DateRelative;

static META: RuleMeta = RuleMeta {
    id: "date.relative",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "A date counted from the day of writing (“yesterday”, “last week”; in evergreen style, “on Tuesday”).",
    explanation: "Relative dates go stale: “yesterday” is wrong by the time the story runs a day late, and a reader of the archive cannot count back from a date they do not see. copydesk resolves the expression against the article date (from `--date`, front matter `date:` or the dateline) and offers it the way `[dates] style` wants. `ap` (the default) keeps the day of the week for dates within six days before or after the article date and writes month and day beyond (“March 13”, with the year when it differs); “yesterday”, “tomorrow”, “last week”, “next month”, “this year” become “Sunday”, “the week of March 13”, “in April”, “in 2023”. `evergreen` gives every relative expression, weekday names included, its calendar date. In evergreen style a weekday whose sentence does not say whether it is past or coming is flagged with both dates offered.",
    wrong: "---\ndate: 2023-03-20\n---\nThe minister resigned last month.\n",
    right: "---\ndate: 2023-03-20\n---\nThe minister resigned in February.\n",
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
            if quoted_cache.as_ref().is_none_or(|(b, _)| *b != e.block) {
                quoted_cache = Some((e.block, quoted_in_block(cx, e.block)));
            }
            if let Some((_, q)) = &quoted_cache {
                if in_ranges(q, &e.range) {
                    continue;
                }
            }
            if let Some(d) = diagnose(cx, e, article) {
                out.push(d);
            }
        }
    }
}

/// Is the expression a weekday name ("on Tuesday", "last Friday night", "Monday's")?
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

/// "next Monday": readers split between the coming Monday and the Monday of next week
/// (AP: "Avoid such redundancies as last Tuesday or next Tuesday"), so within the week the
/// bare day is written. "last Wednesday", "this Friday", "this past Sunday" read one way
/// and are left alone, as the documented style keeps a weekday within six days.
fn weekday_modifier(e: &TimeExpr) -> bool {
    e.text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("next"))
}

const NO_DATE: &str = "Give the draft an article date with front matter `date:`, `--date` on the command line, or `[dates] article-date` in copydesk.toml.";

/// What the date style asks of one relative expression (with an article date).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Advice {
    /// Right as written in this style: a weekday within six days of the article date, in
    /// AP style.
    Keep,
    /// Flag it, and write this instead when there is a fix (ready to replace the
    /// expression: with its preposition and capital).
    Write(Option<String>),
    /// A weekday whose sentence does not say which week, in evergreen style: the past and
    /// the coming day, and the date written for each.
    Ambiguous {
        past: Date,
        coming: Date,
        fixes: [String; 2],
    },
    /// Not this rule's business: far from the article date or coarser than a year, or a
    /// span back from it in AP style ("the past 13 years").
    Ignore,
    /// "Earlier this week" beside the weekday it contains ("Earlier this week on
    /// Wednesday"): the week repeats the day. The deletion (block-text range and what
    /// replaces it: the next word's capital at a sentence start), when the two stand side
    /// by side; otherwise the message says so.
    Redundant {
        day: String,
        delete: Option<(std::ops::Range<usize>, String)>,
    },
    /// "last September" in an October story: the month has already come round in the
    /// article's year, and readers take "last" as either that one or the one a year
    /// before. The two months, and the fix for each.
    EitherYear {
        recent: Date,
        earlier: Date,
        fixes: [String; 2],
    },
    /// "last year" in a paragraph about a season or a yearly cycle (a winter count, a
    /// migration): the cycle may straddle two calendar years, so no calendar-year fix.
    Season,
    /// "last year" in a paragraph about a fiscal year ("fiscal 2007", "for the year ended
    /// March 31"): the company's year need not be the calendar's, so no calendar-year fix.
    Fiscal,
}

/// What `[dates] style` asks of `e` (a relative expression outside quotation marks), for
/// the rule and the hover alike.
fn advice(cx: &Context, e: &TimeExpr, a: Date) -> Advice {
    let style = cx.config.dates.style();
    let Some(block) = cx.doc.blocks.get(e.block) else {
        return Advice::Ignore;
    };
    let text = block.text.as_str();
    if let Some((past, coming)) = e.ambiguous {
        // Both days it can mean are within six days of the article date: AP style writes
        // the day of the week either way (the hover says which two days they are).
        if style == DateStyle::Ap {
            return Advice::Keep;
        }
        let at = Around::new(cx, e, text);
        return Advice::Ambiguous {
            past,
            coming,
            fixes: [date_text(&at, past, a, e), date_text(&at, coming, a, e)],
        };
    }
    // Far from the article date, a day's delay changes nothing ("900 years ago", "the
    // past century", "this decade").
    if e.granularity == Some(Granularity::Coarser) {
        return Advice::Ignore;
    }
    if let Some((from, _)) = e.span {
        if days_between(from, a).abs() > 3660 {
            return Advice::Ignore;
        }
    }
    let value = e.value.as_deref().unwrap_or("");
    if value.starts_with('P') {
        // A span back from the article date: AP style has nothing against "the past 13
        // years"; evergreen copy needs its start, which takes rewriting, not a fix.
        return match style {
            DateStyle::Ap => Advice::Ignore,
            DateStyle::Evergreen => Advice::Write(None),
        };
    }
    if let (Some(d), Some(Granularity::Day)) = (e.day, e.granularity) {
        let near = days_between(a, d).abs() <= 6;
        let weekday = is_weekday_expr(e);
        if style == DateStyle::Ap && near && weekday && !weekday_modifier(e) {
            return Advice::Keep;
        }
        let at = Around::new(cx, e, text);
        if style == DateStyle::Ap && near {
            // "next Monday" within the week: the bare day is the fix when it reads back as
            // the same day (`weekday_modifier`).
            // AP names the day of the week: "yesterday" is "Sunday", if it reads back as
            // that Sunday in its sentence.
            let new = weekday_text(&at, d, e);
            if reads_as(cx, e, &new, d) {
                return Advice::Write(Some(new));
            }
        }
        return Advice::Write(Some(date_text(&at, d, a, e)));
    }
    if style == DateStyle::Ap && e.granularity == Some(Granularity::Week) && value.ends_with("-WE")
    {
        // "Over the weekend" in a Tuesday story: a weekend within six days of the article
        // date is as plain as the day of the week, and AP copy writes it so.
        if let Some((from, to)) = e.span {
            if days_between(a, from).abs() <= 6 && days_between(a, to).abs() <= 6 {
                return Advice::Keep;
            }
        }
    }
    if e.granularity == Some(Granularity::Week) && !value.ends_with("-WE") {
        if let Some(r) = redundant_week(cx, e, text) {
            return r;
        }
    }
    if let Some(advice) = either_year(cx, e, a, text) {
        return advice;
    }
    if e.granularity == Some(Granularity::Year)
        && !value.contains("-H")
        && !value.contains("-Q")
        && SEASON.on(text).is_match(text)
    {
        return Advice::Season;
    }
    if e.granularity == Some(Granularity::Year) && FISCAL.on(text).is_match(text) {
        return Advice::Fiscal;
    }
    Advice::Write(replacement(cx, e, a, text).filter(|new| *new != e.text))
}

/// "last September", "this past March" when that month has come round in the article's
/// year: usage splits between the most recent one and the one a year before (in an
/// October story, "the highest since last September" is often the year before, since
/// "last month" would name the recent one). The date written with its year is plain
/// either way, so the fix offers both rather than choose.
fn either_year(cx: &Context, e: &TimeExpr, a: Date, text: &str) -> Option<Advice> {
    if e.granularity != Some(Granularity::Month) {
        return None;
    }
    let lower = e.text.to_ascii_lowercase();
    let mut words = lower.split_whitespace();
    let first = words.next()?;
    let month = match first {
        "last" | "past" => words.next()?,
        "this" if words.next()? == "past" => words.next()?,
        _ => return None,
    };
    let bare = month.trim_end_matches('.');
    let named = crate::calendar::MONTHS
        .iter()
        .any(|m| m.eq_ignore_ascii_case(bare))
        || (bare.len() <= 4 && crate::time::patterns::month_number(bare).is_some());
    if !named {
        return None;
    }
    let (recent, _) = e.span?;
    if recent.year() != a.year() {
        return None;
    }
    let earlier = recent.checked_sub(jiff::Span::new().years(1)).ok()?;
    let at = Around::new(cx, e, text);
    let prep = (at.has_prep && !at.than) || at.possessive;
    let fix = |d: Date| at.finish(with_modifier("", &month_year(d), prep));
    Some(Advice::EitherYear {
        recent,
        earlier,
        fixes: [fix(recent), fix(earlier)],
    })
}

/// A season or a yearly cycle whose year is not the calendar's: "over-wintering", "the
/// 2017–18 season", "the migration", "the harvest".
static SEASON: WordRegex = WordRegex::new(
    r"(?i)(?-u:\b)(?:winter|wintering|over-wintering|seasons?|seasonal|migrations?|migratory|harvests?|breeding|hibernat\w*|nesting|spawning|monsoon)(?-u:\b)",
);

/// A fiscal year: "fiscal 2007", "its fiscal year", "the financial year", "FY2008", "for
/// the year ended March 31", "in the 12 months to June". Not "fiscal policy".
static FISCAL: WordRegex = WordRegex::new(
    r"(?i)(?-u:\b)(?:fiscal(?:\s+|-)(?:years?|\d{4}|'\d{2}|\d{2}|first|second|third|fourth|full|quarters?|results|earnings|profits?|losses|revenues?|sales)|(?:financial|school|academic)\s+years?|FY\s?'?\d{2,4}|(?:year|twelve\s+months|12\s+months|quarter|half|period|six\s+months|nine\s+months)\s+(?:ended|ending|to|through)\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?)(?-u:\b)",
);

/// "Earlier this week" with a weekday of that week in its sentence: the week repeats the
/// day. Deleted when the two stand side by side ("Earlier this week on Wednesday," →
/// "On Wednesday,"); said so otherwise.
fn redundant_week(cx: &Context, e: &TimeExpr, text: &str) -> Option<Advice> {
    let (from, to) = e.span?;
    let sentence = cx
        .doc
        .sentences
        .get(e.block)?
        .iter()
        .find(|s| s.start <= e.range.start && e.range.end <= s.end)?
        .clone();
    let day = cx.time_expressions_in(e.block).iter().find(|o| {
        o.block == e.block
            && o.range.start >= sentence.start
            && o.range.end <= sentence.end
            && (o.range.end <= e.range.start || o.range.start >= e.range.end)
            && is_weekday_expr(o)
            && o.day.is_some_and(|d| from <= d && d <= to)
    })?;
    let gap_ok = |g: &str| {
        g.chars().all(|c| c.is_whitespace() || c == ',')
            || g.trim().trim_matches(',').trim().eq_ignore_ascii_case("on")
    };
    let delete = if day.range.start >= e.range.end {
        // "Earlier this week on Wednesday": delete up to the day (or its "on").
        let gap = &text[e.range.end..day.range.start];
        gap_ok(gap).then(|| {
            let k = e.range.end + (gap.len() - gap.trim_start_matches([' ', ',']).len());
            let before = text[..e.range.start].trim_end();
            let at_start = before.is_empty() || before.ends_with(SENTENCE_OPENERS);
            match text[k..].chars().next() {
                Some(c) if at_start => {
                    (e.range.start..k + c.len_utf8(), c.to_uppercase().collect())
                }
                _ => (e.range.start..k, String::new()),
            }
        })
    } else {
        // "on Wednesday earlier this week": delete the week with the space before it.
        let gap = &text[day.range.end..e.range.start];
        gap.chars()
            .all(|c| c.is_whitespace() || c == ',')
            .then(|| (day.range.end..e.range.end, String::new()))
    };
    Some(Advice::Redundant {
        day: day.text.clone(),
        delete,
    })
}

/// What a sentence (or a quotation) can start after.
const SENTENCE_OPENERS: [char; 8] = ['.', '!', '?', '“', '"', ':', '‘', '('];

/// The text around an expression that its replacement depends on.
struct Around {
    /// Whether the replacement starts the sentence (and takes a capital).
    capital: bool,
    /// A preposition right before it ("on", "since"): no "on" of its own.
    has_prep: bool,
    /// That preposition is "on" or "at", which take a day but never a month or a year:
    /// "took on this year" is a particle and "this year", so "took on in 2019".
    day_prep: bool,
    possessive: bool,
    /// A capitalised word right before it ("Pelosi yesterday").
    after_name: bool,
    /// It opens its sentence as an adverb ("Today, the court …"): a weekday takes "On".
    opens_sentence: bool,
    /// "than" right before it: a year is compared as "than in 2018", not "than 2018".
    than: bool,
    /// A month name right before it ("in January next year"): the year follows it bare
    /// ("in January 2008").
    after_month: bool,
    /// Between an auxiliary (or "also") and the rest of its verb: "was yesterday reported",
    /// "which also today reported". A bare weekday there does not read ("was Tuesday
    /// reported"); "on Tuesday" does.
    mid_verb: bool,
    /// A date without its year would be read in another year: the paragraph already
    /// names another year (a story that narrates 2018 keeps 2018 for "Jan. 3"), or the
    /// sentence's tense moves a month without a year ("will … in January" is next year's).
    year_needed: Box<dyn Fn(i8, Option<i8>, i16) -> bool>,
}

impl Around {
    fn new(cx: &Context, e: &TimeExpr, text: &str) -> Self {
        let before = text[..e.range.start].trim_end();
        let prev_word = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let prev = prev_word.to_ascii_lowercase();
        let after = &text[e.range.end..];
        let sentence_start = before.is_empty() || before.ends_with(SENTENCE_OPENERS);
        // A name right before a weekday reads as one with it ("Pelosi Sunday"): AP puts
        // "on" between them.
        let function_word = matches!(
            prev.as_str(),
            "the"
                | "a"
                | "an"
                | "on"
                | "in"
                | "at"
                | "by"
                | "it"
                | "he"
                | "she"
                | "they"
                | "we"
                | "i"
                | "this"
                | "that"
                | "and"
                | "but"
        );
        Around {
            capital: e.text.starts_with(char::is_uppercase) && sentence_start,
            has_prep: PREPS.contains(&prev.as_str()),
            day_prep: matches!(prev.as_str(), "on" | "at"),
            possessive: after.starts_with("'s") || after.starts_with("’s"),
            after_name: prev_word.starts_with(char::is_uppercase) && !function_word,
            opens_sentence: sentence_start
                && !after.starts_with(['\'', '’'])
                && opens_clause(after),
            than: prev == "than",
            after_month: crate::calendar::MONTHS
                .iter()
                .any(|m| m.eq_ignore_ascii_case(prev_word)),
            mid_verb: matches!(
                prev.as_str(),
                "is" | "are"
                    | "was"
                    | "were"
                    | "be"
                    | "been"
                    | "has"
                    | "have"
                    | "had"
                    | "will"
                    | "would"
                    | "also"
            ) && after.starts_with(' ')
                && after.trim_start().starts_with(|c: char| c.is_lowercase()),
            year_needed: year_needed(cx, e, text),
        }
    }

    fn finish(&self, s: String) -> String {
        if self.capital {
            capitalise(&s)
        } else {
            s
        }
    }
}

/// "Sunday", "Sunday morning", "on Sunday" after a name ("Pelosi on Sunday resumed").
fn weekday_text(at: &Around, d: Date, e: &TimeExpr) -> String {
    let mut s = weekday_name(d).to_string();
    if let Some(p) = part_words(e.value.as_deref().unwrap_or("")) {
        s = format!("{s} {p}");
    }
    // "Early yesterday morning", "earlier today": the qualifier says when in the day and
    // stays, with no "on" ("early Thursday", AP).
    if let Some(q) = e.text.split_whitespace().next().filter(|w| {
        ["early", "earlier", "late", "later"]
            .iter()
            .any(|q| w.eq_ignore_ascii_case(q))
    }) {
        return at.finish(format!("{} {s}", q.to_lowercase()));
    }
    // AP: "On Wednesday," at the start of a sentence; a name before it reads as one
    // with it ("Pelosi on Sunday resumed").
    if (at.after_name || at.opens_sentence || at.mid_verb) && !at.has_prep && !at.possessive {
        s = format!("on {s}");
    }
    at.finish(s)
}

/// Does the text after an expression that starts a sentence go on with a clause of its
/// own ("Today, the court …", "Yesterday Carrie Lam said …"), so that the expression is
/// an adverb and takes "On"? "Today marks …" (a subject) does not.
fn opens_clause(after: &str) -> bool {
    let after = after.trim_start();
    if after.starts_with(',') {
        return true;
    }
    let word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
    word.starts_with(char::is_uppercase)
        || matches!(
            word.as_str(),
            "the"
                | "a"
                | "an"
                | "he"
                | "she"
                | "it"
                | "they"
                | "we"
                | "i"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "police"
                | "officials"
                | "there"
                | "some"
                | "several"
                | "two"
                | "three"
                | "four"
                | "five"
                | "many"
                | "more"
                | "hundreds"
                | "thousands"
        )
}

/// Would a month (and day) written without a year be read in another year than `year`?
fn year_needed(cx: &Context, e: &TimeExpr, text: &str) -> Box<dyn Fn(i8, Option<i8>, i16) -> bool> {
    let Some(a) = cx.article_date().map(|a| a.date) else {
        return Box::new(|_, _, _| false);
    };
    // Any earlier day, week or month of the paragraph in another year (written so, or a
    // relative one whose fix will write it so), as `time::resolve` reads a story's year.
    let other_year = cx
        .other_year_from()
        .get(e.block)
        .is_some_and(|&from| from <= e.range.start);
    // Sentences are in order: the last one starting at or before the expression.
    let sentence = cx
        .doc
        .sentences
        .get(e.block)
        .and_then(|ss| {
            let i = ss.partition_point(|s| s.start <= e.range.start);
            ss.get(i.checked_sub(1)?)
        })
        .filter(|s| e.range.start < s.end)
        .and_then(|s| text.get(s.clone()))
        .unwrap_or("");
    let future = recognizer::is_future(sentence);
    Box::new(move |m, d, year| other_year || time::resolve::infer_year(a, m, d, future) != year)
}

/// Month and day in AP style, with the year when it differs from the article's or would
/// otherwise be misread.
fn ap_date(at: &Around, d: Date, a: Date) -> String {
    if (at.year_needed)(d.month(), Some(d.day()), d.year()) && d.year() == a.year() {
        format!("{}, {}", time::house_style_date(d, a), d.year())
    } else {
        time::house_style_date(d, a)
    }
}

/// "March 19", "on March 19", "the night of Dec. 31, 2018"; for a possessive, "the March
/// 19" (the fix takes the "'s" with it: "yesterday's vote" → "the March 19 vote").
fn date_text(at: &Around, d: Date, a: Date, e: &TimeExpr) -> String {
    let date = ap_date(at, d, a);
    let mut s = match part_words(e.value.as_deref().unwrap_or("")) {
        Some(p) => format!("the {p} of {date}"),
        // AP sets a year used as a modifier off with commas: "the Oct. 16, 2019, vote".
        None if at.possessive && date.contains(", ") => format!("the {date},"),
        None if at.possessive => format!("the {date}"),
        None => date,
    };
    if !at.has_prep && !at.possessive {
        s = format!("on {s}");
    }
    at.finish(s)
}

/// Where a fix goes: the expression, and its "'s" when the fix is a date used as a
/// modifier ("the March 19 vote").
fn fix_range(cx: &Context, e: &TimeExpr, new: &str) -> std::ops::Range<usize> {
    let Some(block) = cx.doc.blocks.get(e.block) else {
        return e.source.clone();
    };
    let after = block.text.get(e.range.end..).unwrap_or("");
    let mark = ["'s", "’s"].into_iter().find(|m| after.starts_with(m));
    match mark {
        Some(m)
            if e.granularity == Some(Granularity::Day)
                && (new.starts_with("the ") || new.starts_with("The "))
                && !new.contains(" of ") =>
        {
            block.source_range(e.range.start..e.range.end + m.len())
        }
        _ => e.source.clone(),
    }
}

/// Does `new`, put in place of `e` in its sentence, read back as day `d`? A weekday's
/// week comes from its sentence, so a fix that names one is checked where it will stand.
fn reads_as(cx: &Context, e: &TimeExpr, new: &str, d: Date) -> bool {
    let Some(block) = cx.doc.blocks.get(e.block) else {
        return false;
    };
    let sentences = cx
        .doc
        .sentences
        .get(e.block)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let s = sentences
        .iter()
        .find(|s| s.start <= e.range.start && e.range.end <= s.end)
        .cloned()
        .unwrap_or(0..block.text.len());
    let text = &block.text;
    let sentence = format!(
        "{}{new}{}",
        &text[s.start..e.range.start],
        &text[e.range.end..s.end]
    );
    let at = e.range.start - s.start;
    let inserted = at..at + new.len();
    let title_case = recognizer::headline_block(block);
    let mut found = Vec::new();
    // The whole text is one sentence.
    let whole = 0..sentence.len();
    recognizer::recognize_text(
        &sentence,
        std::slice::from_ref(&whole),
        title_case,
        0,
        &mut found,
    );
    let article = cx.article_date().map(|a| a.date);
    // The weekday must be found where it was put, and mean the same day.
    let Some(f) = found
        .iter()
        .find(|f| f.range.start < inserted.end && inserted.start < f.range.end)
    else {
        return false;
    };
    if !matches!(f.sem, Sem::Weekday { .. }) || !new.ends_with(&sentence[f.range.clone()]) {
        return false;
    }
    let r = resolve_alone(&sentence, f, article);
    if r.day == Some(d) && r.ambiguous.is_none() {
        return true;
    }
    // A future seen from the past ("said the outages would begin Thursday") leaves a bare
    // weekday open between the last one and the coming one; said in the story's week, the
    // future of the report is the coming one, and AP style names it so (a weekday left open
    // is not flagged again in that style; evergreen style never offers a weekday).
    let coming_of_a_report = r.cue.as_ref().is_some_and(|c| c.future_in_past)
        && article.is_some_and(|a| d > a)
        && r.ambiguous.is_some_and(|(_, coming)| coming == d);
    coming_of_a_report && cx.config.dates.style() == DateStyle::Ap
}

fn diagnose(cx: &Context, e: &TimeExpr, article: Option<&ArticleDate>) -> Option<Diagnostic> {
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
    let style = cx.config.dates.style();
    let data = |d: Diagnostic| {
        d.with_data("expression", e.text.clone())
            .with_data(
                "resolved",
                e.value.clone().map_or(serde_json::Value::Null, Into::into),
            )
            .with_data("style", style.as_str())
    };
    let block = cx.doc.blocks.get(e.block)?;
    match advice(cx, e, a) {
        Advice::Keep | Advice::Ignore => None,
        Advice::Redundant { day, delete } => {
            let message = format!(
                "“{}” repeats what “{day}” already says: the day is enough (AP names the day of the week within six days of the article date). Delete “{}”.",
                e.text, e.text
            );
            let mut d = data(Diagnostic::new(META.id, e.source.clone(), message))
                .with_data("redundantWith", day.clone());
            if let Some((range, new)) = delete {
                d = d.with_fix(Fix {
                    title: format!("Delete “{}”", e.text),
                    safe: false,
                    edits: vec![Edit::replace(block.source_range(range), new)],
                });
            }
            Some(d)
        }
        Advice::Season => {
            let meaning = meaning(e, a)?;
            let message = format!(
                "“{}” is {meaning}, counting from the article date ({}, {}). The paragraph speaks of a season or a yearly cycle, which may straddle two calendar years: write the one meant (“last winter's count”, “the 2017–18 season”).",
                e.text,
                long_date(a),
                article.origin_text()
            );
            Some(data(Diagnostic::new(META.id, e.source.clone(), message)))
        }
        Advice::Fiscal => {
            let meaning = meaning(e, a)?;
            let school = ["school", "academic"]
                .iter()
                .any(|w| e.text.to_ascii_lowercase().contains(w));
            let (kind, example) = if school {
                ("school", "“the 2005-06 school year”")
            } else {
                ("fiscal", "“fiscal 2005”, “the year ended March 31, 2006”")
            };
            let message = format!(
                "“{}” is {meaning} by the calendar, counting from the article date ({}, {}). The paragraph speaks of a {kind} year, which need not be the calendar year: write the one meant ({example}).",
                e.text,
                long_date(a),
                article.origin_text()
            );
            Some(data(Diagnostic::new(META.id, e.source.clone(), message)))
        }
        Advice::EitherYear {
            recent,
            earlier,
            fixes,
        } => {
            let message = format!(
                "“{}” could be {} or {}: the month has already come round in the article's year (article date {}, {}), and readers take “last” either way. Write the month with its year.",
                e.text,
                month_year(recent),
                month_year(earlier),
                long_date(a),
                article.origin_text()
            );
            let d = data(Diagnostic::new(META.id, e.source.clone(), message));
            Some(with_choices(
                cx,
                e,
                d,
                fixes,
                ["this year's", "the year before"],
            ))
        }
        Advice::Ambiguous {
            past,
            coming,
            fixes,
        } => {
            let message = format!(
                "“{}” could be {} or {}: nothing in its sentence says whether it is past or coming (article date {}, {}). Write the date meant.",
                e.text,
                long_date(past),
                long_date(coming),
                long_date(a),
                article.origin_text()
            );
            let d = data(Diagnostic::new(META.id, e.source.clone(), message)).with_data(
                "ambiguous",
                vec![time::resolve::ymd(past), time::resolve::ymd(coming)],
            );
            Some(with_choices(
                cx,
                e,
                d,
                fixes,
                ["the past one", "the coming one"],
            ))
        }
        Advice::Write(new) => {
            let meaning = meaning(e, a)?;
            let names_weekday = e
                .day
                .is_some_and(|d| new.as_deref().is_some_and(|n| n.contains(weekday_name(d))));
            let how = if names_weekday {
                "AP style names the day of the week within six days of the article date."
            } else {
                "Write the date so the story stays right whenever it runs."
            };
            let message = if e.day == Some(a) && e.granularity == Some(Granularity::Day) {
                format!(
                    "“{}” is the article date itself, {meaning} ({}). {how}",
                    e.text,
                    article.origin_text()
                )
            } else {
                format!(
                    "“{}” is {meaning}, counting from the article date ({}, {}). {how}",
                    e.text,
                    long_date(a),
                    article.origin_text()
                )
            };
            // "less than two weeks ago" is a bound, not a day: the date its count gives is
            // not the date meant, so the writer gets the question and no fix.
            if let Some(bound) = approximate_count(&block.text, e) {
                let message = format!(
                    "“{bound}{}” is only a bound on the date (“{}” counts to {meaning}, article date {}, {}). Write the date meant.",
                    e.text,
                    e.text,
                    long_date(a),
                    article.origin_text()
                );
                return Some(data(Diagnostic::new(META.id, e.source.clone(), message)));
            }
            let mut d = data(Diagnostic::new(META.id, e.source.clone(), message));
            if let Some(new) = new.filter(|n| *n != e.text) {
                d = d.with_fix(Fix {
                    title: format!("Write “{new}”"),
                    safe: false,
                    edits: vec![Edit::replace(fix_range(cx, e, &new), new)],
                });
            }
            Some(d)
        }
    }
}

/// Words that make a count a bound or an estimate: "less than two weeks ago", "nearly a
/// month ago", "more than three years ago".
const BOUNDS: &[&str] = &[
    "less than",
    "more than",
    "fewer than",
    "at least",
    "at most",
    "up to",
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "some",
    "over",
    "under",
];

/// The bound before (or opening) a counted expression, with its trailing space: `Some("less
/// than ")` for "less than two weeks ago", `Some("")` when the expression holds it ("more than
/// two years ago"); `None` for an exact count ("two weeks ago") or an expression that does not
/// open with a count ("over the past two weeks": "over" is a preposition there).
fn approximate_count(block: &str, e: &TimeExpr) -> Option<String> {
    let lower = e.text.to_ascii_lowercase();
    let inner = BOUNDS
        .iter()
        .find(|b| lower.strip_prefix(*b).is_some_and(|r| r.starts_with(' ')));
    let count = inner.map_or(lower.as_str(), |b| lower[b.len()..].trim_start());
    let first = count.split([' ', '-']).next().unwrap_or("");
    // A count the recogniser reads as a number ("two", "a", "twenty-one", "3"), or one of
    // the vague ones a bound still bounds.
    let counted = crate::time::patterns::counts::number(first).is_some()
        || matches!(first, "several" | "half");
    if !counted || !lower.ends_with(" ago") {
        return None;
    }
    if inner.is_some() {
        return Some(String::new());
    }
    let before = block.get(..e.range.start)?.trim_end();
    let before_lower = before.to_ascii_lowercase();
    BOUNDS
        .iter()
        .find(|b| {
            before_lower.strip_suffix(*b).is_some_and(|rest| {
                rest.chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphanumeric())
            })
        })
        .map(|b| format!("{} ", &before[before.len() - b.len()..]))
}

/// Two readings, a fix for each, the writer to choose ("Write “March 3” (the past one)").
fn with_choices(
    cx: &Context,
    e: &TimeExpr,
    mut d: Diagnostic,
    fixes: [String; 2],
    which: [&str; 2],
) -> Diagnostic {
    for (new, which) in fixes.into_iter().zip(which) {
        d = d.with_fix(Fix {
            title: format!("Write “{new}” ({which})"),
            safe: false,
            edits: vec![Edit::replace(fix_range(cx, e, &new), new)],
        });
    }
    d
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
        Some(Granularity::Year) => Some(half_words(value).unwrap_or_else(|| value.to_string())),
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

/// "2023-H1" → "the first half of 2023"; "2023-Q3" → "the third quarter of 2023".
fn half_words(value: &str) -> Option<String> {
    if let Some((y, q)) = value.split_once("-Q") {
        let which = match q {
            "1" => "first",
            "2" => "second",
            "3" => "third",
            "4" => "fourth",
            _ => return None,
        };
        return Some(format!("the {which} quarter of {y}"));
    }
    let (y, h) = value.split_once("-H")?;
    let which = match h {
        "1" => "first",
        "2" => "second",
        _ => return None,
    };
    Some(format!("the {which} half of {y}"))
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

/// A week, month or year written out, ready to replace the expression ("the week of
/// March 13", "in February", "earlier in 2023").
fn replacement(cx: &Context, e: &TimeExpr, a: Date, text: &str) -> Option<String> {
    let value = e.value.as_deref().unwrap_or("");
    let at = Around::new(cx, e, text);
    let lower = e.text.to_ascii_lowercase();
    // A month or a year after "on" or "at" takes its own "in" (unless possessive: "at this
    // year's fair" → "at 2023's fair").
    let year_prep = (at.has_prep && !at.than && !at.day_prep) || at.possessive;
    let new = match e.granularity {
        Some(Granularity::Week) if e.text.eq_ignore_ascii_case("weekend") => {
            // "during the weekend": the article is already there.
            let (from, _) = e.span?;
            format!("weekend of {}", ap_date(&at, from, a))
        }
        Some(Granularity::Week) => {
            // "last week's protests": "the week of June 10's protests" reads badly; the
            // message gives the week and the reporter rewrites.
            if at.possessive {
                return None;
            }
            let (from, _) = e.span?;
            let what = if value.ends_with("-WE") {
                "weekend"
            } else {
                "week"
            };
            let week = format!("the {what} of {}", ap_date(&at, from, a));
            // "earlier this week" → "earlier in the week of March 13".
            match lower.split_whitespace().next().unwrap_or("") {
                w @ ("earlier" | "later" | "early" | "late") => format!("{w} in {week}"),
                _ => week,
            }
        }
        Some(Granularity::Month) => {
            let (from, _) = e.span?;
            // "next month", "later this month": the coming month of the article's own year,
            // which AP writes without the year, whatever years the paragraph named before.
            let forward = matches!(lower.split_whitespace().next(), Some("next" | "coming"))
                || lower.starts_with("later this")
                || lower.starts_with("the coming");
            let m = if from.year() == a.year()
                && (forward || !(at.year_needed)(from.month(), None, from.year()))
            {
                month_name(from.month()).to_string()
            } else {
                month_year(from)
            };
            match part_of(&e.text) {
                // "by the end of the month" → "by the end of March", not "by March".
                Some(part) => format!("{part}{m}"),
                None => with_modifier(&lower, &m, year_prep),
            }
        }
        // "in January next year" → "in January 2008", not "in January in 2008".
        Some(Granularity::Year) if at.after_month && lower.split_whitespace().count() == 2 => {
            value.to_string()
        }
        Some(Granularity::Year) => match half_words(value) {
            Some(half) => half,
            None => match part_of(&e.text) {
                // "by the end of this year" → "by the end of 2023", not "by 2023".
                Some(part) => format!("{part}{value}"),
                None => with_modifier(&lower, value, year_prep),
            },
        },
        _ => return None,
    };
    Some(at.finish(new))
}

/// The part of a period the expression names, up to its "of": "the end of " in "the end
/// of this year". The fix keeps it, since the period alone says something else.
fn part_of(text: &str) -> Option<&str> {
    let lower = text.to_ascii_lowercase();
    let at = lower.find(" of ")? + " of ".len();
    let head = lower[..at].trim_end_matches(" of ");
    let head = head.strip_prefix("the ").unwrap_or(head);
    let part = matches!(
        head,
        "end" | "start" | "beginning" | "middle" | "rest" | "remainder" | "close" | "turn"
    );
    part.then(|| &text[..at])
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
    use crate::time::DateStyle;
    use crate::{analyze, fix::apply_edits, Document};

    /// (flagged text, message, first fix applied to the source).
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

    fn evergreen() -> Config {
        let mut c = Config::default();
        c.dates.style = Some(DateStyle::Evergreen);
        c
    }

    /// 2023-03-20 is a Monday.
    const FM: &str = "---\ndate: 2023-03-20\n---\n";

    fn fixed(src: &str, config: &Config) -> Vec<String> {
        run(&format!("{FM}{src}\n"), config)
            .into_iter()
            .map(|(_, _, f)| {
                f.unwrap_or_default()
                    .trim_start_matches(FM)
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    #[test]
    fn a_weekday_fix_reads_as_a_desk_would_write_it_round_ten() {
        // 2023-03-20 is a Monday. A future seen from a report made in the story's week
        // names the coming day (the copy editor: "tomorrow" → the weekday, not the date).
        assert_eq!(
            fixed(
                "The utility said the repairs would be finished tomorrow.",
                &Config::default()
            ),
            ["The utility said the repairs would be finished Tuesday."]
        );
        // Beside the reporting verb the weekday would read as the past one: the date.
        assert_eq!(
            fixed(
                "The utility said tomorrow it would finish.",
                &Config::default()
            ),
            ["The utility said on March 21 it would finish."]
        );
        assert_eq!(
            fixed(
                "The utility said the repairs would be finished tomorrow.",
                &evergreen()
            ),
            ["The utility said the repairs would be finished on March 21."]
        );
        // "next Friday" within the week: the bare day. "last Friday" reads one way: kept.
        assert_eq!(
            fixed(
                "Lawmakers will vote next Friday on the levy.",
                &Config::default()
            ),
            ["Lawmakers will vote Friday on the levy."]
        );
        assert!(fixed(
            "The board, which met last Friday, rejected it.",
            &Config::default()
        )
        .is_empty());
        // "late this week" ahead in a Sunday story is the coming week.
        let src = "---\ndate: 2023-03-19\n---\nThe new rule takes effect late this week.\n";
        let d = run(src, &Config::default());
        assert!(d[0].1.contains("March 20"), "{}", d[0].1);
    }

    #[test]
    fn last_month_name_already_come_round_this_year_offers_both_years() {
        // 2023-03-20: January has come round in 2023; "last January" may be either.
        let src = format!("{FM}Prices have doubled since last January.\n");
        let doc = Document::parse(&src);
        let d = analyze(&doc, &Config::default())
            .into_iter()
            .find(|d| d.rule == "date.relative")
            .expect("flagged");
        assert!(
            d.message.contains("January 2023 or January 2022"),
            "{}",
            d.message
        );
        let both: Vec<String> = d
            .fixes
            .iter()
            .map(|f| apply_edits(&src, &f.edits).0)
            .map(|t| t.trim_start_matches(FM).trim_end().to_string())
            .collect();
        assert_eq!(
            both,
            [
                "Prices have doubled since January 2023.",
                "Prices have doubled since January 2022."
            ]
        );
        // A month still to come this year is last year's: one reading, one fix.
        assert_eq!(
            fixed("Prices have doubled since last June.", &Config::default()),
            ["Prices have doubled since June 2022."]
        );
        // "Last month" names the month before; not this case.
        assert_eq!(
            fixed("Prices doubled last month.", &Config::default()),
            ["Prices doubled in February."]
        );
    }

    #[test]
    fn a_weekday_inside_a_verb_phrase_takes_on() {
        let ap = Config::default();
        assert_eq!(
            fixed("A bridge was yesterday reported to have collapsed.", &ap),
            ["A bridge was on Sunday reported to have collapsed."]
        );
        assert_eq!(
            fixed(
                "The paper, which also today reported the loss, was sold.",
                &ap
            ),
            ["The paper, which also on Monday reported the loss, was sold."]
        );
        // After the verb, the weekday alone, as before.
        assert_eq!(
            fixed("The bridge was reported yesterday to have collapsed.", &ap),
            ["The bridge was reported Sunday to have collapsed."]
        );
    }

    #[test]
    fn ap_keeps_weekdays_within_six_days_and_names_the_day_for_yesterday() {
        let ap = Config::default();
        for ok in [
            "The minister resigned on Tuesday.",
            "The minister resigned last Tuesday.",
            "The committee will meet on Friday.",
            "Rescue work resumed Wednesday night.",
            "The court ruled on Monday.",
        ] {
            assert_eq!(fixed(ok, &ap), Vec::<String>::new(), "{ok}");
        }
        assert_eq!(
            fixed("The minister resigned yesterday.", &ap),
            ["The minister resigned Sunday."]
        );
        assert_eq!(
            fixed(
                "Yesterday, the court ruled. Pelosi yesterday resumed office.",
                &ap
            ),
            [
                "On Sunday, the court ruled. Pelosi yesterday resumed office.",
                "Yesterday, the court ruled. Pelosi on Sunday resumed office."
            ]
        );
        assert_eq!(
            fixed("The board meets tomorrow morning.", &ap),
            ["The board meets Tuesday morning."]
        );
        // The article date's own weekday is today.
        assert_eq!(fixed("Talks resume today.", &ap), ["Talks resume Monday."]);
        // A year after a month name follows it bare.
        assert_eq!(
            fixed("The plant opens in January next year.", &ap),
            ["The plant opens in January 2024."]
        );
        // A qualifier of the day stays, with no "on" (AP: "early Thursday").
        assert_eq!(
            fixed("Early yesterday morning, police raided the flat.", &ap),
            ["Early Sunday morning, police raided the flat."]
        );
        assert_eq!(
            fixed("Prices rose slightly from earlier today.", &ap),
            ["Prices rose slightly from earlier Monday."]
        );
        // Seven days back is no longer "Monday": the date.
        assert_eq!(
            fixed("The minister resigned last Monday.", &ap),
            ["The minister resigned on March 13."]
        );
        assert_eq!(
            fixed("Sales fell last year and rose earlier this month.", &ap),
            [
                "Sales fell in 2022 and rose earlier this month.",
                "Sales fell last year and rose earlier in March."
            ]
        );
        // A span back from the article date is AP style.
        assert_eq!(
            fixed("Prices rose over the past 13 years.", &ap),
            Vec::<String>::new()
        );
    }

    /// Issue 15: in a story dated Friday, February 14, "On Tuesday, the agency announced"
    /// is February 11 (not the 18th), and "yesterday" fixed to "Thursday" stays fixed.
    #[test]
    fn possessives_and_modified_weeks_read_as_written() {
        // 2023-03-20 is a Monday.
        let f = fixed(
            "Some were convicted before yesterday's announcements.",
            &Config::default(),
        );
        assert_eq!(
            f,
            ["Some were convicted before the March 19 announcements."]
        );
        // A year written in a date used as a modifier is set off with commas (AP).
        let src = "---\ndate: 2023-01-01\n---\nSome were convicted before yesterday's rulings.\n";
        let r = run(src, &evergreen());
        assert_eq!(
            r[0].2.as_deref(),
            Some(
                "---\ndate: 2023-01-01\n---\nSome were convicted before the Dec. 31, 2022, rulings.\n"
            ),
            "{r:?}"
        );
        // A week's possessive has no fix that reads well: the message says which week.
        let r = run(
            &format!("{FM}The bill was dropped after last week's protests.\n"),
            &Config::default(),
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(
            r[0].1.contains("the week of Monday, March 13, 2023"),
            "{}",
            r[0].1
        );
        assert_eq!(r[0].2, None);
        assert_eq!(
            fixed(
                "Earlier this week, the ministry said so.",
                &Config::default()
            ),
            ["Earlier in the week of March 20, the ministry said so."]
        );
    }

    /// Sample rows 20–24 of a copy editor's read: "On Wednesday," at a sentence start;
    /// "Earlier this week" beside its weekday is deleted, not dated; a season's "last
    /// year" gets no calendar year; "greater than last year" is "than in 2022".
    #[test]
    fn fixes_read_as_a_desk_would_write_them() {
        let ap = Config::default();
        // 2023-03-20 is a Monday.
        assert_eq!(
            fixed("Today, the minister spoke. Today Lam spoke.", &ap),
            [
                "On Monday, the minister spoke. Today Lam spoke.",
                "Today, the minister spoke. On Monday Lam spoke."
            ]
        );
        // "Today" as a subject takes no "On".
        assert_eq!(
            fixed("Today marks a year since the fire.", &ap),
            ["Monday marks a year since the fire."]
        );
        // 2023-03-26 is a Sunday; Wednesday is March 22.
        let sun = "---\ndate: 2023-03-26\n---\n";
        let src = format!("{sun}Earlier this week on Wednesday, the president spoke.\n");
        let r = run(&src, &ap);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(
            r[0].1.contains("repeats what “Wednesday” already says"),
            "{}",
            r[0].1
        );
        assert_eq!(
            r[0].2.as_deref(),
            Some(format!("{sun}On Wednesday, the president spoke.\n").as_str())
        );
        let src = format!("{sun}The president spoke on Wednesday earlier this week.\n");
        assert_eq!(
            run(&src, &ap)[0].2.as_deref(),
            Some(format!("{sun}The president spoke on Wednesday.\n").as_str())
        );
        // Apart in the sentence: said, not rewritten.
        let src = format!("{sun}Earlier this week, the president, who spoke on Wednesday, left.\n");
        let r = run(&src, &ap);
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].2, None);
        // A yearly cycle is not the calendar year.
        let src =
            format!("{FM}The butterflies counted over-wintering were 144% more than last year.\n");
        let r = run(&src, &ap);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].1.contains("season or a yearly cycle"), "{}", r[0].1);
        assert_eq!(r[0].2, None);
        assert_eq!(
            fixed("Sales were 14% greater than last year.", &ap),
            ["Sales were 14% greater than in 2022."]
        );
        assert_eq!(
            fixed("Sales have doubled since last year.", &ap),
            ["Sales have doubled since 2022."]
        );
    }

    /// "last year" in a paragraph about a company's fiscal year is flagged with no
    /// calendar-year fix; "fiscal policy" is not a fiscal year.
    #[test]
    fn a_fiscal_year_is_not_given_a_calendar_year() {
        let ap = Config::default();
        for src in [
            "The carmaker earned $9 billion in fiscal 2022, up from $7 billion last year.",
            "Profit for the year ended March 31 rose 20% from last year.",
            "Sales fell last year. Its financial year runs from April to March.",
            "Revenue this year will top its FY2022 figure.",
        ] {
            let r = run(&format!("{FM}{src}\n"), &ap);
            assert_eq!(r.len(), 1, "{src}: {r:?}");
            assert!(r[0].1.contains("fiscal year"), "{}", r[0].1);
            assert_eq!(r[0].2, None, "{src}");
        }
        assert_eq!(
            fixed("The central bank tightened fiscal policy last year.", &ap),
            ["The central bank tightened fiscal policy in 2022."]
        );
    }

    /// "next fiscal year", "this school year": flagged, with no calendar year for a fix.
    #[test]
    fn a_fiscal_or_school_year_is_named_without_a_fix() {
        let ap = Config::default();
        for (src, kind) in [
            (
                "The county expects a deficit next fiscal year.",
                "fiscal year",
            ),
            ("Enrolment fell this school year.", "school year"),
        ] {
            let r = run(&format!("{FM}{src}\n"), &ap);
            assert_eq!(r.len(), 1, "{src}: {r:?}");
            assert!(r[0].1.contains(kind), "{}", r[0].1);
            assert_eq!(r[0].2, None, "{src}");
        }
    }

    /// "next month" is a month of the article's year: AP writes it without the year, even
    /// after another year in the paragraph.
    #[test]
    fn next_month_in_the_article_year_has_no_year() {
        let ap = Config::default();
        assert_eq!(
            fixed(
                "The jet first flew in 2019. Deliveries begin next month.",
                &ap
            ),
            ["The jet first flew in 2019. Deliveries begin in April."]
        );
        assert_eq!(
            fixed(
                "The plant, built in 2009, will reopen later this month.",
                &ap
            ),
            ["The plant, built in 2009, will reopen later in March."]
        );
        // December's "next month" is another year's.
        let src = "---\ndate: 2023-12-05\n---\nDeliveries begin next month.\n";
        let r = run(src, &ap);
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(
            r[0].2
                .as_deref()
                .is_some_and(|f| f.contains("in January 2024")),
            "{r:?}"
        );
    }

    #[test]
    fn the_weekend_keeps_its_article() {
        // 2023-03-20 is a Monday. AP writes the weekend just gone as it writes its days;
        // evergreen copy dates it, keeping the article.
        let src = format!("{FM}Talks held during the weekend failed.\n");
        assert_eq!(run(&src, &Config::default()), vec![]);
        assert_eq!(
            fixed("Talks held during the weekend failed.", &evergreen()),
            ["Talks held during the weekend of March 18 failed."]
        );

        assert_eq!(
            run(
                &format!("{FM}Talks held during the weekend of March 18 failed.\n"),
                &Config::default()
            ),
            vec![]
        );
    }

    #[test]
    fn the_part_of_a_year_stays_in_the_fix() {
        let ap = Config::default();
        let r = fixed("The merger should close by the end of this year.", &ap);
        assert_eq!(r, ["The merger should close by the end of 2023."]);
        let r = fixed("Sales rose at the start of last year.", &ap);
        assert_eq!(r, ["Sales rose at the start of 2022."]);
        // And of a month.
        let r = fixed("The talks should end by the end of the month.", &ap);
        assert_eq!(r, ["The talks should end by the end of March."]);
        let r = fixed("The loans run out at the end of next month.", &ap);
        assert_eq!(r, ["The loans run out at the end of April."]);
    }

    #[test]
    fn on_or_at_before_a_year_is_no_preposition_of_the_year() {
        let ap = Config::default();
        // A particle ("took on"): the year needs its own "in".
        let r = fixed("The role she took on this year was her first lead.", &ap);
        assert_eq!(r, ["The role she took on in 2023 was her first lead."]);
        let r = fixed("The firm it took on last month has folded.", &ap);
        assert_eq!(r, ["The firm it took on in February has folded."]);
        // A preposition that takes a year keeps it bare.
        let r = fixed("Prices have risen since last year.", &ap);
        assert_eq!(r, ["Prices have risen since 2022."]);
        // A possessive keeps "at".
        let r = fixed("She spoke at this year's fair.", &ap);
        assert_eq!(r, ["She spoke at 2023's fair."]);
    }

    #[test]
    fn half_a_year_is_written_in_words() {
        let r = run(
            &format!("{FM}Cases in the first half of this year exceeded any year since 2006.\n"),
            &Config::default(),
        );
        assert_eq!(r.len(), 1, "{r:?}");
        assert!(r[0].1.contains("the first half of 2023"), "{}", r[0].1);
        let fixed = r[0].2.clone().unwrap_or_default();
        assert!(
            fixed.contains("Cases in the first half of 2023 exceeded"),
            "{fixed}"
        );
        assert_eq!(run(&fixed, &Config::default()), vec![]);
    }

    #[test]
    fn the_issue_examples() {
        let fm = "---\ndate: 2020-02-14\n---\n";
        let src = format!("{fm}On Tuesday, the agency announced it will cut 300 jobs.\n");
        assert_eq!(run(&src, &Config::default()), vec![]);
        let r = run(&src, &evergreen());
        assert!(
            r[0].1
                .starts_with("“Tuesday” is Tuesday, February 11, 2020"),
            "{}",
            r[0].1
        );
        assert!(
            r[0].2
                .as_deref()
                .unwrap()
                .contains("On Feb. 11, the agency"),
            "{r:?}"
        );
        let src = format!("{fm}The minister resigned yesterday.\n");
        let fixed = run(&src, &Config::default())[0].2.clone().unwrap();
        assert!(
            fixed.ends_with("The minister resigned Thursday.\n"),
            "{fixed}"
        );
        assert_eq!(run(&fixed, &Config::default()), vec![]);
    }

    #[test]
    fn a_bounded_count_is_flagged_without_a_fix() {
        let fm = "---\ndate: 2010-06-16\n---\n";
        for (sentence, bound) in [
            (
                "The phone was introduced less than two weeks ago.",
                "less than ",
            ),
            ("The plant closed nearly a month ago.", "nearly "),
            ("The talks began about three weeks ago.", "about "),
            ("The firm was sold more than two weeks ago.", ""),
        ] {
            let r = run(&format!("{fm}{sentence}\n"), &Config::default());
            assert_eq!(r.len(), 1, "{sentence}: {r:?}");
            assert!(r[0].1.contains("is only a bound on the date"), "{r:?}");
            assert!(r[0].1.starts_with(&format!("“{bound}")), "{r:?}");
            assert_eq!(r[0].2, None, "{sentence}: a fix was offered");
        }
        // An exact count keeps its fix; "over the past two weeks" is no bound.
        let r = run(
            &format!("{fm}The phone was introduced two weeks ago.\n"),
            &Config::default(),
        );
        assert!(r[0].2.is_some(), "{r:?}");
        let r = run(
            &format!("{fm}Sales rose over the past two weeks.\n"),
            &Config::default(),
        );
        assert!(r.iter().all(|d| !d.1.contains("bound")), "{r:?}");
    }

    #[test]
    fn ap_writes_the_date_when_the_weekday_would_read_as_another_week() {
        // "yesterday" in a sentence that looks ahead: "Sunday" would read as next Sunday.
        let ap = Config::default();
        let r = fixed("The report released yesterday says prices will rise.", &ap);
        assert_eq!(r, ["The report released Sunday says prices will rise."]);
        let r = fixed("A ruling is expected after yesterday's hearing.", &ap);
        assert_eq!(r, ["A ruling is expected after the March 19 hearing."]);
    }

    #[test]
    fn ap_names_the_day_when_the_sentence_also_looks_ahead() {
        // "today" before an object, in a sentence with a later date: the weekday reads as
        // the article date where it stands, so AP's weekday is the fix, not the date.
        let ap = Config::default();
        let r = fixed(
            "Acme announced today another event, to be held on March 28.",
            &ap,
        );
        assert_eq!(
            r,
            ["Acme announced Monday another event, to be held on March 28."]
        );
        assert_eq!(
            run(&format!("{FM}{}\n", r[0]), &ap),
            vec![],
            "the fix is not flagged again"
        );
    }

    #[test]
    fn evergreen_dates_every_relative_expression() {
        let eg = evergreen();
        assert_eq!(
            fixed("The minister resigned on Tuesday.", &eg),
            ["The minister resigned on March 14."]
        );
        assert_eq!(
            fixed("The minister resigned yesterday.", &eg),
            ["The minister resigned on March 19."]
        );
        assert_eq!(
            fixed("Delgado wrote on Facebook late Monday.", &eg),
            ["Delgado wrote on Facebook late on March 20."]
        );
        assert_eq!(
            fixed("Rescue work resumed Wednesday night.", &eg),
            ["Rescue work resumed on the night of March 15."]
        );
        let r = run(
            &format!("{FM}Prices rose over the past three years.\n"),
            &eg,
        );
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].2, None);
    }

    #[test]
    fn an_ambiguous_weekday_is_ap_style_and_evergreen_offers_both_dates() {
        let src = format!("{FM}He said the court would rule on Friday.\n");
        assert_eq!(run(&src, &Config::default()), vec![]);
        {
            let config = evergreen();
            let doc = Document::parse(src.as_str());
            let d = analyze(&doc, &config)
                .into_iter()
                .find(|d| d.rule == "date.relative")
                .expect("flagged");
            assert!(
                d.message.starts_with(
                    "“Friday” could be Friday, March 17, 2023 or Friday, March 24, 2023"
                ),
                "{}",
                d.message
            );
            let fixes: Vec<String> = d
                .fixes
                .iter()
                .map(|f| apply_edits(&src, &f.edits).0)
                .collect();
            assert!(fixes[0].ends_with("would rule on March 17.\n"), "{fixes:?}");
            assert!(fixes[1].ends_with("would rule on March 24.\n"), "{fixes:?}");
            assert_eq!(d.data["ambiguous"][0], "2023-03-17");
        }
    }

    #[test]
    fn the_data_carries_the_value_and_style() {
        let src = format!("{FM}It rained two days ago.\n");
        let doc = Document::parse(src.as_str());
        let d = analyze(&doc, &Config::default())
            .into_iter()
            .find(|d| d.rule == "date.relative")
            .unwrap();
        assert_eq!(d.data["resolved"], "2023-03-18");
        assert_eq!(d.data["style"], "ap");
        assert!(
            d.message.contains("AP style names the day of the week"),
            "{}",
            d.message
        );
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
        assert_eq!(run(&src, &evergreen()), vec![]);
    }
}
