//! `claim.undated`: a sentence that states something that changes over time — a figure
//! ("has killed 30 people", "is 4%"), a ranking or record ("is the world's second-largest
//! economy"), or a changing status ("has grown", "is rising") — with no time anchor (an
//! explicit date, month, weekday, year or resolved relative expression) in its sentence
//! or paragraph.
//!
//! Precision matters more than recall here: only present-tense and present-perfect
//! statements are considered (a past-tense figure is an event, dated by the story);
//! headlines, quoted speech and attributed statements ("said", "according to") are not
//! the draft's own claims; numbers that are years, ages, durations, measurements of
//! things that do not change, ordinals or parts of names are not figures.

use super::quoted_in_block;
use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::markdown::BlockKind;
use crate::time::{attributed, house_style_date, in_ranges, is_interview_answer};
use crate::Context;
use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

pub struct ClaimUndated;

static META: RuleMeta = RuleMeta {
    id: "claim.undated",
    default_severity: Severity::Information,
    enabled_by_default: true,
    summary: "A figure, ranking or changing status stated with no date (“the unemployment rate is 4%”).",
    explanation: "Figures, rankings and states of affairs change: a death toll rises, a record is broken, a rate moves. Without an “as of” date the sentence is only true on the day it was written, and a reader of the archive cannot tell when that was. Anchor the claim with a date in its sentence or paragraph.",
    wrong: "The unemployment rate is 4.2%.\n",
    right: "The unemployment rate was 4.2% in February.\n",
};

/// A present-tense or present-perfect verb that states a current fact.
static PRESENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:is|are|isn['’]t|aren['’]t|has|have|hasn['’]t|haven['’]t|remains?|stands?\s+at|totals?|numbers?|exceeds?|employs|houses|hosts|counts|accounts\s+for|make\s+up|makes\s+up|boasts|owns|tops|ranks|holds|contains|serves|attracts|receives|earns|costs|generates|spends|live|include|includes|suffers|pays|controls|leads|operates|resides)(?-u:\b)")
        .expect("present regex")
});

/// A figure: money, a percentage, a number with thousands separators, a large number
/// word, or a plain number of things.
static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:[$€£¥]\s?\d[\d,.]*(?:\s*(?:million|billion|trillion|bn|m)(?-u:\b))?|(?-u:\b)\d[\d,.]*\s*(?:%|percent(?-u:\b)|per\s+cent(?-u:\b))|(?-u:\b)\d[\d.]*\s+(?:million|billion|trillion|thousand)(?-u:\b)|(?-u:\b)(?:tens|hundreds)\s+of\s+(?:thousands|millions)(?-u:\b)|(?-u:\b)\d{1,3}(?:,\d{3})+(?-u:\b)|(?-u:\b)\d+(?-u:\b))")
        .expect("figure regex")
});

/// Rankings and records.
static RANKING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))[- ])?(?:largest|biggest|highest|lowest|fastest[- ]growing|richest|poorest|deadliest|busiest|smallest|most\s+populous|most\s+visited|most\s+valuable|most\s+expensive|most\s+popular|most[- ]watched|most[- ]followed|most[- ]used|most[- ]spoken|best[- ]selling|top[- ]selling|record[- ](?:high|low|level|number|levels)|all[- ]time\s+(?:high|low)|never\s+been\s+(?:higher|lower|stronger|weaker|better|worse|more|less)|greatest\s+number|fewest|ranked\s+(?:first|second|third|\d+(?:st|nd|rd|th)?)|(?:the\s+)?only\s+(?:country|city|company|state|nation|person|woman|man)\s+to)(?-u:\b)")
        .expect("ranking regex")
});

/// What makes a ranking one that changes: its scope.
static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:(?-u:\b)(?:world['’]s|country['’]s|nation['’]s|state['’]s|city['’]s|region['’]s|continent['’]s|in\s+the\s+(?:world|country|nation|region|state|city|history)|on\s+record|ever|in\s+history|history|record|one\s+of\s+the|greatest\s+number)(?-u:\b)|(?-u:\b)\p{Lu}[\p{L}.]*['’]s\s)")
        .expect("scope regex")
});

/// A status that changes, with its own verb.
static TREND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:has|have)\s+(?:\w+ly\s+)?(?:become|grown|risen|fallen|increased|decreased|declined|doubled|tripled|halved|soared|surged|dropped|climbed|expanded|shrunk|shrank|surpassed|overtaken|worsened|improved)|(?:is|are)\s+(?:\w+ly\s+)?(?:growing|rising|falling|increasing|decreasing|declining|shrinking|expanding|surging|soaring|dropping|climbing|worsening|improving)|continues?\s+to\s+(?:grow|rise|fall|increase|decline|expand|climb|drop|worsen|improve|shrink))(?-u:\b)")
        .expect("trend regex")
});

/// Words that say a state holds at the time of writing.
/// "It is now known that…", "is now clear": news of a fact, not a state.
static NOW_KNOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:is|are)\s+now\s+(?:known|clear|understood|believed|thought|confirmed|established)(?-u:\b)")
        .expect("now known regex")
});

static STATE_NOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:currently|presently|at\s+present|at\s+the\s+moment|so\s+far|to\s+date|as\s+yet|still\s+(?:\w+ing|open|closed|missing|unknown|in\s+\w+)|(?:is|are)\s+now|now\s+(?:\w+s|lives?|resides?|holds?|has|have|is|are))(?-u:\b)")
        .expect("state regex")
});

/// Who holds an office now, who leads a poll: "the current champion", "the incumbent
/// mayor", "leads the polls".
static HOLDER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the\s+(?:current|incumbent|reigning|sitting)\s+(?:[a-z]+\s+){0,2}?(?:champions?|president|prime\s+minister|chair(?:man|woman|person)?|leader|holder|mayor|governor|minister|ceo|head|director|king|queen|coach|manager|speaker|secretary|chief|government|shutdown|crisis|record)|(?:leads?|leading|trails?|trailing|tops?|topping)\s+(?:in\s+)?(?:the\s+)?(?:polls?|opinion\s+polls?|race|standings|table|league|charts?|rankings?))(?-u:\b)")
        .expect("holder regex")
});

/// What is not known yet or being investigated.
static UNKNOWN_YET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:cause|causes|motive|reason|identity|identities|whereabouts)(?-u:\b)[^.;]{0,40}?(?-u:\b)(?:is|are|was|were|remains?|remained)\s+(?:still\s+|as\s+yet\s+|immediately\s+|currently\s+)?(?:not\s+(?:\w+ly\s+)?|un)(?:known|clear|confirmed|determined|established)|(?:is|are|was|were)\s+(?:\w+ly\s+)?(?:still\s+)?(?:investigating|being\s+investigated|under\s+investigation))(?-u:\b)")
        .expect("unknown regex")
});

/// A present progressive or present perfect progressive: something going on.
static PROGRESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:(?:is|are)\s+(?:still\s+|now\s+|\w+ly\s+)?|(?:has|have)\s+been\s+(?:\w+ly\s+)?)(?:[a-z]+ing)(?-u:\b)")
        .expect("progressive regex")
});

/// Intentions: what is going on is a plan, not a state ("is planning to", "is seeking").
static INTENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:going|planning|hoping|expecting|preparing|seeking|trying|looking\s+to)(?-u:\b)")
        .expect("intent regex")
});

fn is_future(sentence: &str) -> bool {
    crate::time::recognizer::is_future(sentence) || INTENT.is_match(sentence)
}

/// Words in -ing that are not verbs ("there is nothing", "is during").
fn ing_noun(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "nothing"
            | "something"
            | "anything"
            | "everything"
            | "during"
            | "king"
            | "thing"
            | "ring"
            | "spring"
            | "string"
            | "evening"
            | "morning"
            | "wing"
            | "sibling"
            | "ceiling"
            | "darling"
            | "bring"
            | "sing"
            | "being"
    )
}

/// Units of things that do not change from week to week (distances, heights, masses…).
const STABLE_UNITS: &[&str] = &[
    "km",
    "kilometres",
    "kilometers",
    "miles",
    "mile",
    "metres",
    "meters",
    "metre",
    "meter",
    "feet",
    "foot",
    "ft",
    "m",
    "cm",
    "mm",
    "inches",
    "inch",
    "kg",
    "kilograms",
    "grams",
    "g",
    "tonnes",
    "tons",
    "pounds",
    "lb",
    "lbs",
    "degrees",
    "°",
    "light-years",
    "acres",
    "hectares",
    "square",
    "sq",
    "km2",
    "mph",
    "km/h",
    "kph",
    "volts",
    "watts",
    "mw",
    "gw",
    "kw",
    "hz",
    "storeys",
    "stories",
    "floors",
    "seats",
    "sides",
    "members",
    "judges",
    "justices",
    "senators",
    "electoral",
    "districts",
    "states",
    "provinces",
    "counties",
    "times",
    "minutes",
    "seconds",
    "hours",
    "days",
    "weeks",
    "months",
    "years",
    "decades",
    "centuries",
    "am",
    "pm",
    "a.m.",
    "p.m.",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Claim {
    Figure,
    Ranking,
    Status,
}

impl Claim {
    fn as_str(self) -> &'static str {
        match self {
            Claim::Figure => "figure",
            Claim::Ranking => "ranking",
            Claim::Status => "status",
        }
    }
}

impl Rule for ClaimUndated {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let article = cx.article_date().map(|a| a.date);
        for found in claims(cx) {
            let Some(block) = cx.doc.blocks.get(found.block) else {
                continue;
            };
            let text = &block.text;
            let sentence = &text[found.sentence.clone()];
            let range = found.range;
            let phrase = &text[range.clone()];
            let what = match found.claim {
                Claim::Figure => "states a figure that changes over time",
                Claim::Ranking => "states a ranking or record that can change",
                Claim::Status => "describes a state of affairs that changes",
            };
            let mut d = Diagnostic::new(
                META.id,
                block.source_range(range.clone()),
                format!(
                    "“{phrase}” {what}, and nothing in its sentence or paragraph says when. Add an “as of” date so the claim stays true when read later."
                ),
            )
            .with_data("claim", found.claim.as_str());
            if let Some(a) = article {
                let trimmed = sentence.trim_end();
                if trimmed.ends_with('.') && !trimmed.ends_with("..") {
                    let at = block.source_start(found.sentence.start + trimmed.len() - 1);
                    let as_of = format!(" as of {}", house_style_date(a, a));
                    d = d.with_fix(Fix {
                        title: format!("Add “{}”", as_of.trim()),
                        safe: false,
                        edits: vec![Edit::insert(at, as_of)],
                    });
                }
            }
            out.push(d);
        }
    }
}

/// An undated claim: where it is and what kind.
pub(super) struct Found {
    pub block: usize,
    /// The sentence (block-text range).
    pub sentence: Range<usize>,
    /// The claim phrase (block-text range).
    pub range: Range<usize>,
    claim: Claim,
}

/// Every undated claim of the draft, in order.
pub(super) fn claims(cx: &Context) -> Vec<Found> {
    let mut out = Vec::new();
    let exprs = cx.time_expressions();
    let article = cx.article_date().map(|a| a.date);
    // Expressions grouped by block once (filtering all of them per block was
    // quadratic in the draft's length: a 10 MB file took 18 s).
    let mut by_block: Vec<Vec<usize>> = vec![Vec::new(); cx.doc.blocks.len()];
    for (i, e) in exprs.iter().enumerate() {
        if let Some(v) = by_block.get_mut(e.block) {
            v.push(i);
        }
    }
    for (bi, block) in cx.doc.blocks.iter().enumerate() {
        if !matches!(block.kind, BlockKind::Paragraph | BlockKind::ListItem) {
            continue;
        }
        let mine = &by_block[bi];
        let in_block: Vec<&Range<usize>> = mine.iter().map(|&i| &exprs[i].range).collect();
        // A date near the article date anywhere in the paragraph dates its claims; a
        // year long past ("since 2011") or a plan ahead ("this spring") does not date a
        // state of today.
        if mine.iter().any(|&i| dates_today(&exprs[i], article)) {
            continue;
        }
        let text = &block.text;
        // An interview answer ("NG: We think…") is the speaker's, not the draft's.
        if is_interview_answer(text) {
            continue;
        }
        let quoted = quoted_in_block(cx, bi);
        let Some(sentences) = cx.doc.sentences.get(bi) else {
            continue;
        };
        for s in sentences {
            let sentence = &text[s.clone()];
            // The sentence's own date dates it when it says when the state held: a date
            // near the article date, or one the state runs from or to ("since 2011", "as
            // of May", "by 2020"). "The firm, founded in 1990, employs 3,000 people": 1990
            // dates the founding, not the staff.
            let own_date = mine.iter().any(|&i| {
                let e = &exprs[i];
                let r = &e.range;
                let inside = e.kind.anchors() && r.start >= s.start && r.end <= s.end;
                let prep = text[..r.start]
                    .trim_end()
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("")
                    .to_ascii_lowercase();
                inside
                    && (dates_today(e, article)
                        || matches!(prep.as_str(), "since" | "of" | "by" | "until" | "through")
                        || !PRESENT.is_match(&text[s.clone()]))
            });
            // "has fallen recently": the vague word is date.vague's finding (one diagnostic
            // per problem); "currently" is this rule's, with its "as of" fix.
            let vague = mine.iter().any(|&i| {
                let e = &exprs[i];
                e.kind == crate::time::TimeKind::Vague
                    && e.value.as_deref() != Some("PRESENT_REF")
                    && e.range.start >= s.start
                    && e.range.end <= s.end
            });
            if own_date || vague || !the_drafts_own(sentence) || in_ranges(&quoted, s) {
                continue;
            }
            if let Some((range, claim)) = find_claim(text, s.clone(), &quoted, &in_block) {
                out.push(Found {
                    block: bi,
                    sentence: s.clone(),
                    range,
                    claim,
                });
            }
        }
    }
    out
}

/// Does `e` date the present of its paragraph? A date within the month before the article
/// date (or the week after it) does; without an article date, any date does.
fn dates_today(e: &crate::time::TimeExpr, article: Option<jiff::civil::Date>) -> bool {
    if !e.kind.anchors() {
        return false;
    }
    let Some(a) = article else {
        return true;
    };
    if e.kind == crate::time::TimeKind::Time {
        return true;
    }
    let Some((from, to)) = e.span.or(e.ambiguous) else {
        return false;
    };
    let days = |d| crate::time::days_between(a, d);
    days(to) >= -31 && days(from) <= 7
}

/// Is the sentence a claim of the draft's own: not a question, not attributed to a
/// source ("said", "according to"; "reportedly" names none), not a condition or a
/// possibility?
fn the_drafts_own(sentence: &str) -> bool {
    let unsourced = UNSOURCED.replace_all(sentence, "");
    !(sentence.ends_with('?')
        || attributed(&unsourced)
        || starts_conditional(sentence)
        || MODAL.is_match(sentence))
}

/// Hedges that name no source: they do not attribute a claim.
static UNSOURCED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:reportedly|allegedly)(?-u:\b)").expect("unsourced regex")
});

/// Modal and hypothetical sentences state no current fact.
static MODAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:would|could|should|might|must|can|cannot|can['’]t|may)(?-u:\b)")
        .expect("modal regex")
});

fn starts_conditional(sentence: &str) -> bool {
    let first = sentence
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(first.as_str(), "if" | "unless" | "when" | "whether")
}

fn overlaps(r: &Range<usize>, others: &[&Range<usize>]) -> bool {
    others.iter().any(|o| r.start < o.end && o.start < r.end)
}

/// The clause around `at` ends at a semicolon, colon, dash or the sentence end.
fn clause_end(text: &str, from: usize, limit: usize) -> usize {
    let window = &text[from..limit];
    let hard = window
        .find([';', ':', '—', '–', '('])
        .unwrap_or(window.len());
    let comma = window.find(", ").unwrap_or(window.len());
    let conj = [
        " and ",
        " but ",
        " which ",
        " who ",
        " where ",
        " while ",
        " whereas ",
    ]
    .iter()
    .filter_map(|c| window.find(c))
    .min()
    .unwrap_or(window.len());
    from + hard.min(comma).min(conj)
}

/// Is the verb at `at` inside a complement clause ("the calculation that the universe
/// is…"), i.e. reported rather than asserted? A relative "that" right before the verb
/// ("a plant that employs") does not count.
fn in_that_clause(text: &str, sentence_start: usize, at: usize) -> bool {
    let before = &text[sentence_start..at];
    let words: Vec<&str> = before.split_whitespace().rev().take(5).collect();
    words
        .iter()
        .enumerate()
        .any(|(i, w)| i >= 1 && w.eq_ignore_ascii_case("that"))
}

/// Is the figure at `r` a real quantity (not an ordinal, a name, a measurement or an age)?
fn is_quantity(text: &str, r: &Range<usize>, times: &[&Range<usize>]) -> bool {
    if overlaps(r, times) {
        return false;
    }
    let before = &text[..r.start];
    let after = &text[r.end..];
    // Glued to letters or hyphens: COVID-19, G20, A320, F-35.
    if before
        .ends_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/' || c == '#' || c == '.')
        || after.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '/')
    {
        // …except "4%" and money, whose match already includes what follows.
        let figure = &text[r.clone()];
        if !(figure.ends_with('%') || figure.starts_with(['$', '€', '£', '¥'])) {
            return false;
        }
        // "US$4.2 billion", "A$3": a currency's country letters are part of the money.
        let letters = before.len()
            - before
                .trim_end_matches(|c: char| c.is_ascii_uppercase())
                .len();
        let currency = figure.starts_with(['$', '€', '£', '¥']) && (1..=3).contains(&letters);
        if before.ends_with(|c: char| c.is_alphanumeric()) && !currency {
            return false;
        }
    }
    // A capitalised word right before a bare number is a name: Boeing 737, Route 66.
    let figure = &text[r.clone()];
    let prev = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or("");
    let bare = figure.chars().all(|c| c.is_ascii_digit());
    if bare
        && prev.starts_with(char::is_uppercase)
        && !matches!(
            prev,
            "The" | "Some" | "About" | "Nearly" | "Almost" | "Over" | "Only" | "All"
        )
    {
        return false;
    }
    if bare
        && matches!(
            prev.to_ascii_lowercase().as_str(),
            "no."
                | "number"
                | "article"
                | "section"
                | "chapter"
                | "page"
                | "room"
                | "flight"
                | "route"
                | "level"
                | "category"
                | "grade"
                | "phase"
                | "stage"
                | "round"
                | "game"
                | "episode"
                | "season"
                | "version"
                | "of"
                | "top"
        )
    {
        return false;
    }
    let next = after
        .trim_start()
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == ')')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    if STABLE_UNITS.contains(&next.as_str()) || next.starts_with("year") {
        return false;
    }
    // A small bare number alone ("is 1 of 3") is seldom a figure worth dating.
    if bare
        && figure.len() == 1
        && !matches!(
            next.as_str(),
            "people" | "dead" | "deaths" | "cases" | "killed" | "injured" | "million" | "billion"
        )
    {
        return false;
    }
    true
}

/// The first claim in sentence `s`, as (range of the claim phrase, kind).
fn find_claim(
    text: &str,
    s: Range<usize>,
    quoted: &[Range<usize>],
    times: &[&Range<usize>],
) -> Option<(Range<usize>, Claim)> {
    let sentence = &text[s.clone()];
    let off = s.start;
    let unquoted =
        |r: &Range<usize>| !in_ranges(quoted, r) && !in_that_clause(text, s.start, r.start);
    // A state said to hold now: "currently", "presently", "still", "so far", "now resides"
    // with a verb of the present ("There is currently a commission", "NASA currently pays").
    if let Some(m) = STATE_NOW.find(sentence) {
        let r = off + m.start()..off + m.end();
        let present = PRESENT.is_match(sentence)
            || PROGRESSIVE.is_match(sentence)
            || m.as_str().contains(' ');
        if present && unquoted(&r) && !is_future(sentence) && !NOW_KNOWN.is_match(sentence) {
            return Some((r, Claim::Status));
        }
    }
    if let Some(m) = HOLDER.find(sentence) {
        let r = off + m.start()..off + m.end();
        if unquoted(&r) {
            return Some((r, Claim::Ranking));
        }
    }
    // What is not known yet, or under investigation: "the cause was not known".
    if let Some(m) = UNKNOWN_YET.find(sentence) {
        let r = off + m.start()..off + m.end();
        if unquoted(&r) {
            return Some((r, Claim::Status));
        }
    }
    // Something going on: "Syria is taxing reconstruction", "has been funding searches".
    if let Some(m) = PROGRESSIVE
        .find_iter(sentence)
        .find(|m| !ing_noun(m.as_str().rsplit(' ').next().unwrap_or("")))
    {
        let r = off + m.start()..off + m.end();
        if unquoted(&r) && !is_future(sentence) {
            return Some((r, Claim::Status));
        }
    }
    // Status: its own verb.
    if let Some(m) = TREND.find(sentence) {
        let r = off + m.start()..off + m.end();
        if !in_ranges(quoted, &r) && !in_that_clause(text, s.start, r.start) {
            return Some((r, Claim::Status));
        }
    }
    for v in PRESENT.find_iter(sentence) {
        let vr = off + v.start()..off + v.end();
        if in_ranges(quoted, &vr) || in_that_clause(text, s.start, vr.start) {
            continue;
        }
        // "has to", "is to": obligation and plans, not a state.
        if text[vr.end..].starts_with(" to ") {
            continue;
        }
        // 70 bytes on, rounded down to a character boundary (the text is not ASCII).
        let window_end = crate::line_index::floor_char_boundary(text, (vr.end + 70).min(s.end));
        let limit = clause_end(text, vr.end, window_end.max(vr.end));
        let window = &text[vr.end..limit];
        if let Some(m) = RANKING.find(window) {
            // Only a ranking with a scope that moves: the world's, the country's, ever, on
            // record, in history, an ordinal ("second-largest"). "The OIC is the largest
            // group representing…" describes what it is.
            let phrase = &window[..m.end()];
            let rest = &text[vr.end + m.end()..limit];
            let scoped = SCOPE.is_match(phrase)
                || SCOPE.is_match(rest)
                || m.as_str().contains('-')
                || m.as_str().starts_with(|c: char| c.is_ascii_digit());
            // "the third-highest ranking official": a post's rank, fixed by the rules.
            let post = rest.trim_start_matches(['-', ' ']).to_ascii_lowercase();
            if scoped && !post.starts_with("ranking") {
                let r = vr.start..vr.end + m.end();
                return Some((r, Claim::Ranking));
            }
        }
        for f in FIGURE.find_iter(window) {
            let fm = f.as_str().trim_end_matches([',', '.']);
            let fr = vr.end + f.start()..vr.end + f.start() + fm.len();
            if is_quantity(text, &fr, times) && !in_ranges(quoted, &fr) {
                // Extend over the counted noun: "has killed 30 people".
                let rest = &text[fr.end..limit];
                let noun_end = rest
                    .char_indices()
                    .skip_while(|(_, c)| *c == ' ')
                    .find(|(_, c)| !(c.is_alphabetic()))
                    .map_or(rest.len(), |(i, _)| i);
                let end = if rest.starts_with(' ') {
                    fr.end + noun_end
                } else {
                    fr.end
                };
                return Some((vr.start..end, Claim::Figure));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::{analyze, Config, Document};

    fn flagged(src: &str) -> Vec<(String, String)> {
        flagged_data("claim.undated", src, &Config::default(), "claim")
    }

    #[test]
    fn flags_figures_rankings_and_status() {
        assert_eq!(
            flagged("The outbreak has killed 30 people.\n"),
            [("has killed 30 people".into(), "figure".into())]
        );
        assert_eq!(
            flagged("China is the world's second-largest economy.\n"),
            [("is the world's second-largest".into(), "ranking".into())]
        );
        assert_eq!(
            flagged("The movement has grown across the region.\n"),
            [("has grown".into(), "status".into())]
        );
        assert_eq!(
            flagged("The unemployment rate is 4.2%.\n"),
            [("is 4.2%".into(), "figure".into())]
        );
        for (src, phrase) in [
            (
                "The company employs 3,000 people.\n",
                "employs 3,000 people",
            ),
            (
                "Tesla is the world's most valuable carmaker.\n",
                "is the world's most valuable",
            ),
            ("The death toll has risen to 30.\n", "has risen"),
            (
                "There are 1,200 refugees in the camp.\n",
                "are 1,200 refugees",
            ),
            (
                "The virus has infected more than 2,000 people.\n",
                "has infected more than 2,000 people",
            ),
        ] {
            assert_eq!(
                flagged(src).first().map(|f| f.0.as_str()),
                Some(phrase),
                "{src}"
            );
        }
        assert_eq!(
            flagged("The papers are now public and they are to pay €20,000.\n"),
            vec![]
        );
    }

    /// States that change, said to hold now, with no date: counts, prices, rankings,
    /// office-holders, investigations, things going on.
    #[test]
    fn flags_states_of_the_world_said_to_hold_now() {
        for (src, phrase) in [
            (
                "There is currently a commission studying the draft.\n",
                "currently",
            ),
            (
                "The contract is valued at US$2.6 billion.\n",
                "is valued at US$2.6 billion",
            ),
            ("Iran's air fleet is ageing.\n", "is ageing"),
            (
                "The cause of the fire was not known.\n",
                "cause of the fire was not known",
            ),
            (
                "The incumbent mayor leads the polls.\n",
                "The incumbent mayor",
            ),
            ("It has Iran's largest fleet.\n", "has Iran's largest"),
            ("The team is ranked 27th in the world.\n", "is ranked 27th"),
            ("Kurdi now resides in Iraq.\n", "now resides"),
            (
                "---\ndate: 2023-03-20\n---\nThe firm, founded in 1990, employs 3,000 people.\n",
                "employs 3,000 people",
            ),
        ] {
            assert_eq!(
                flagged(src).first().map(|f| f.0.as_str()),
                Some(phrase),
                "{src}"
            );
        }
        // A year long past in the paragraph dates the past, not today's price.
        let src = "---\ndate: 2023-03-20\n---\nFlights began in 2011. NASA currently pays $80 million a seat.\n";
        assert_eq!(flagged(src).len(), 1);
        // A date near the article date dates the paragraph.
        let src = "---\ndate: 2023-03-20\n---\nThe vote was on Friday. NASA currently pays $80 million a seat.\n";
        assert_eq!(flagged(src), vec![]);
    }

    #[test]
    fn constants_rules_and_news_of_a_fact_pass() {
        for ok in [
            "It is now known that the man fled.\n",
            "The Speaker is the third-highest ranking official.\n",
            "The firm has employed 3,000 people since 2011.\n",
            "The talks are going to resume.\n",
            "There is nothing left.\n",
            "The outbreak reportedly killed 30 people in 2020, officials said.\n",
        ] {
            assert_eq!(flagged(ok), vec![], "{ok}");
        }
    }

    /// Regression: after quote.style's curly fixes, the Leonov article's clause window
    /// (70 bytes) ended inside a curly apostrophe and sliced through it.
    #[test]
    fn a_clause_window_never_splits_a_character() {
        let text =
            crate::test_corpus::article("2019-10-12-cosmonaut-alexei-leonov-dies-at-age-85.md");
        let mut config = Config::default();
        config.set_level(
            "quote.style",
            crate::config::Level::On(crate::Severity::Warning),
        );
        let diags = analyze(&Document::parse(text.as_str()), &config);
        let edits = crate::fix::safe_fix_edits(&diags);
        assert!(!edits.is_empty());
        let (curly, _) = crate::fix::apply_edits(&text, &edits);
        let _ = analyze(&Document::parse(curly), &Config::default());
    }

    #[test]
    fn a_vague_time_word_is_left_to_date_vague() {
        let src = "The district's enrolment has fallen recently.\n";
        let doc = Document::parse(src);
        let rules: Vec<&str> = analyze(&doc, &Config::default())
            .iter()
            .map(|d| d.rule)
            .collect();
        assert_eq!(rules, ["date.vague"]);
    }

    #[test]
    fn anchored_quoted_attributed_and_past_claims_pass() {
        for ok in [
            "The outbreak has killed 30 people since March.\n",
            "The outbreak has killed 30 people. It began on Monday.\n",
            "“The outbreak has killed 30 people,” the minister said.\n",
            "The outbreak has killed 30 people, according to the ministry.\n",
            "The outbreak killed 30 people.\n",
            "The lake is 300 metres deep.\n",
            "Senators serve six-year terms.\n",
            "He is 34 years old.\n",
            "The Boeing 737 is a popular aircraft.\n",
            "# The outbreak has killed 30 people\n",
        ] {
            assert_eq!(flagged(ok), vec![], "{ok}");
        }
    }

    #[test]
    fn offers_an_as_of_date() {
        let src = "---\ndate: 2023-03-20\n---\nThe outbreak has killed 30 people.\n";
        let doc = Document::parse(src);
        let d = analyze(&doc, &Config::default())
            .into_iter()
            .find(|d| d.rule == "claim.undated")
            .unwrap();
        let (fixed, _) = crate::fix::apply_edits(src, &d.fixes[0].edits);
        assert!(
            fixed.ends_with("has killed 30 people as of March 20.\n"),
            "{fixed}"
        );
    }

    /// Regression (found benchmarking a 10 MB draft): every paragraph filtered every time
    /// expression of the draft, so checking grew with paragraphs × dates.
    #[test]
    fn many_paragraphs_with_dates_stay_linear() {
        let para = "The council met on Monday. The unemployment rate is 4%.\n\n";
        let src = para.repeat(20_000);
        let t = std::time::Instant::now();
        // Anchored paragraphs: nothing flagged.
        assert!(flagged(&src).is_empty());
        assert!(
            t.elapsed() < std::time::Duration::from_secs(60),
            "{:?}",
            t.elapsed()
        );
    }
}
