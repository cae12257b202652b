//! `name.title-mismatch`: a title written before a knowledge-base person's name ("President
//! Biden") that the person did not hold on the article date, though they held it at another
//! time, with the title they did hold.
//!
//! Precision first. A flag needs: an article date; a person the draft names in full
//! somewhere; a title that maps clearly to one kind of office (President, Vice President,
//! Prime Minister, Secretary of State, Governor, Senator, Representative) with nothing
//! before it but a country word; dated roles of that kind in the knowledge base, none
//! disputed, and every one of them sure not to cover the day (`roles::held_on`). A title
//! they only took later is flagged only where a source lists every holder of the country's
//! offices up to that day (the cabinet extracts, 2000 to mid-2022; US presidents and
//! members of Congress to 2026-06-15). "former", "then-", "late", "state" and the like
//! before the title pass, and so do quotations, sentences that name another year or speak
//! of another time ("during", "when", "under", "the 1800s"), titles within a month of a
//! change of office, and people who left the office twenty years or more before.

use super::{quoted_in_block, Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::names::kb::{Actor, Kind, Role};
use crate::names::ActorRef;
use crate::roles::{date_bounds, held_on, Held};
use crate::Context;
use jiff::civil::Date;
use regex::Regex;
use std::sync::LazyLock;

pub struct NameTitleMismatch;

static META: RuleMeta = RuleMeta {
    id: "name.title-mismatch",
    default_severity: Severity::Information,
    enabled_by_default: true,
    summary: "A title before a person's name that they did not hold on the article date.",
    explanation: "Titles go stale: “President Biden” in a story dated 2015, “Prime Minister Johnson” in one dated 2023. copydesk knows the dated roles of heads of state and government, national cabinet ministers, US governors and members of Congress, and flags a title written before a name when the person held that office at another time but not on the article date (from `--date`, the front matter or the dateline), suggesting the title they did hold, or “former”. It stays quiet unless the knowledge base is sure: the draft names the person in full, the roles have dates, no source disputes them, and the title names one kind of office. “former”, “then-” and “late” before the title, quotations, sentences about another year or time (“during”, “when”, “under”), titles within a month of a change of office and people out of office for twenty years (“President Ulysses S. Grant”) are left alone; without an article date nothing is flagged.",
    wrong: "---\ndate: 2015-06-01\n---\n\nPresident Joe Biden met the delegation.\n",
    right: "---\ndate: 2015-06-01\n---\n\nVice President Joe Biden met the delegation.\n",
};

/// A kind of office a title before a name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Office {
    President,
    VicePresident,
    PrimeMinister,
    SecretaryOfState,
    Governor,
    Senator,
    Representative,
}

/// Titles as written before a name, longest first, and the office each stands for.
const TITLES: &[(&str, Office)] = &[
    ("Secretary of State", Office::SecretaryOfState),
    ("Vice President", Office::VicePresident),
    ("Vice-President", Office::VicePresident),
    ("Prime Minister", Office::PrimeMinister),
    ("Congresswoman", Office::Representative),
    ("Representative", Office::Representative),
    ("Congressman", Office::Representative),
    ("President", Office::President),
    ("Governor", Office::Governor),
    ("Premier", Office::PrimeMinister),
    ("Senator", Office::Senator),
    ("Gov.", Office::Governor),
    ("Sen.", Office::Senator),
    ("Rep.", Office::Representative),
];

/// Words before a title that make it not a claim about the article date.
const QUALIFIERS: &[&str] = &[
    "former",
    "ex",
    "then",
    "late",
    "future",
    "incoming",
    "outgoing",
    "acting",
    "interim",
    "erstwhile",
    "onetime",
    "one-time",
    "deposed",
    "ousted",
    "retiring",
    "previous",
    "later",
    "would-be",
    "state",
    "deputy",
    "first",
    "second",
];

/// Sources that list every holder of a country's tracked offices whose term ended in 2000
/// or later, up to their `as_of` (`built_from`): where a title taken only later is sure.
const HISTORY: &[(&str, &str)] = &[
    ("australia-cabinet", "AU"),
    ("brazil-ministers", "BR"),
    ("canada-cabinet", "CA"),
    ("china-ministers", "CN"),
    ("france-cabinet", "FR"),
    ("india-ministers", "IN"),
    ("iran-ministers", "IR"),
    ("israel-ministers", "IL"),
    ("italy-ministers", "IT"),
    ("japan-ministers", "JP"),
    ("mexico-ministers", "MX"),
    ("pakistan-ministers", "PK"),
    ("russia-cabinet", "RU"),
    ("south-africa-cabinet", "ZA"),
    ("south-korea-ministers", "KR"),
    ("spain-ministers", "ES"),
    ("turkey-ministers", "TR"),
    ("ukraine-cabinet", "UA"),
    ("united-kingdom-cabinet", "GB"),
    ("us-cabinet", "US"),
    ("congress-legislators", "US"),
];

impl Office {
    /// The title as a draft writes it before a name.
    fn label(self) -> &'static str {
        match self {
            Office::President => "President",
            Office::VicePresident => "Vice President",
            Office::PrimeMinister => "Prime Minister",
            Office::SecretaryOfState => "Secretary of State",
            Office::Governor => "Governor",
            Office::Senator => "Senator",
            Office::Representative => "Representative",
        }
    }

    /// Whether a knowledge-base role is an office of this kind.
    fn matches(self, r: &Role) -> bool {
        let kind = r.kind.as_deref().unwrap_or("");
        let t = r.title.to_lowercase();
        let t = t
            .trim_start_matches("interim ")
            .trim_start_matches("acting ")
            .trim_start_matches("transitional ");
        match self {
            Office::President => {
                matches!(
                    kind,
                    "head_of_state" | "head_of_government" | "org_official"
                ) && t.starts_with("president")
            }
            Office::VicePresident => {
                kind == "deputy_head"
                    && (t.starts_with("vice president") || t.starts_with("vice-president"))
            }
            Office::PrimeMinister => {
                kind == "head_of_government"
                    && (t.starts_with("prime minister") || t.starts_with("premier"))
            }
            Office::SecretaryOfState => t == "united states secretary of state",
            Office::Governor => kind == "governor",
            Office::Senator => t.starts_with("u.s. senator"),
            Office::Representative => {
                t.starts_with("u.s. representative")
                    || t.starts_with("delegate to the u.s. house")
                    || t.starts_with("resident commissioner")
            }
        }
    }

    fn of_role(r: &Role) -> Option<Office> {
        [
            Office::President,
            Office::VicePresident,
            Office::PrimeMinister,
            Office::SecretaryOfState,
            Office::Governor,
            Office::Senator,
            Office::Representative,
        ]
        .into_iter()
        .find(|o| o.matches(r))
    }
}

/// A title found before a name, in block-text offsets.
struct TitleBefore {
    office: Office,
    /// The title itself ("President").
    title: std::ops::Range<usize>,
    /// Where "former" would go: the country word before the title, else the title.
    phrase_start: usize,
}

/// A year or a decade ("2012", "the 1800s").
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(1[0-9]{3}|20[0-9]{2})s?\b").expect("valid regex"));

/// Someone who left an office this many years before the article date is a historical
/// figure, and "President Ulysses S. Grant" is how a story names them.
const HISTORICAL_YEARS: i16 = 20;

/// Words that put a sentence at another time than the article date ("during his time as
/// President Obama's vice president", "under Prime Minister Blair").
static PAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(during|at the time|when|while|under|then|era|administration|tenure|term|served|had been|once)\b")
        .expect("valid regex")
});

/// Days around a change of office in which the old or the new title is still news
/// ("the resignation of Governor Rosselló", a week after it).
const GRACE_DAYS: i32 = 31;

/// The title right before block-text offset `at` (one space between them), if any.
fn title_before(text: &str, at: usize) -> Option<TitleBefore> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let (word, office) = TITLES.iter().find(|(w, _)| before.ends_with(w))?;
    let title_start = before.len() - word.len();
    let prefix = &before[..title_start];
    // Part of a longer word ("Vice-President" is its own title, "then-President" qualified,
    // "VicePresident" nothing).
    if let Some(c) = prefix.chars().next_back() {
        if c.is_alphanumeric() || c == '.' || c == '-' {
            return None;
        }
    }
    let mut phrase_start = title_start;
    // Up to three words before the title, back to punctuation.
    let mut rest = prefix;
    for i in 0..3 {
        let trimmed = rest.trim_end_matches(' ');
        if trimmed.len() == rest.len() && !rest.is_empty() {
            break; // not separated by a space: punctuation or quote mark
        }
        let word_start = trimmed
            .rfind(|c: char| c.is_whitespace() || "(,;:\"“”‘’—–".contains(c))
            .map_or(0, |p| {
                p + trimmed[p..].chars().next().map_or(1, char::len_utf8)
            });
        let w = &trimmed[word_start..];
        if w.is_empty() || w.ends_with([',', ';', ':']) {
            break;
        }
        let lower = w.to_lowercase();
        if lower
            .split('-')
            .any(|part| QUALIFIERS.contains(&part.trim_end_matches('.')))
            || QUALIFIERS.contains(&lower.as_str())
        {
            return None;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        if i == 0 && capital {
            // A country word ("U.S.", "Russian", "British") may stand before the title;
            // any other capitalised word makes it another office ("Senate President").
            if !is_country_word(w) {
                return None;
            }
            phrase_start = word_start;
        }
        if !capital && i == 0 {
            break;
        }
        rest = &trimmed[..word_start];
    }
    Some(TitleBefore {
        office: *office,
        title: title_start..before.len(),
        phrase_start,
    })
}

/// "U.S.", "US", "UK", "American", "Russian", "French", "British", "Chinese", "Israeli".
fn is_country_word(w: &str) -> bool {
    if matches!(w, "Republican" | "Libertarian" | "Vatican") {
        return false;
    }
    matches!(
        w,
        "U.S." | "US" | "UK" | "U.K." | "French" | "Dutch" | "Greek" | "Thai"
    ) || ["an", "ese", "ish", "i"]
        .iter()
        .any(|s| w.ends_with(s) && w.chars().all(char::is_alphabetic))
}

/// The country of an office's roles is listed in full, by a source whose date is on or after
/// `day`, from 2000.
fn history_covers(cx: &Context, roles: &[&Role], day: Date) -> bool {
    let kb = &cx.names().kb;
    if day < Date::constant(2000, 1, 1) {
        return false;
    }
    roles.iter().all(|r| {
        let Some(country) = r.country.as_deref() else {
            return false;
        };
        HISTORY.iter().any(|(id, c)| {
            *c == country
                && kb
                    .built_from
                    .iter()
                    .find(|b| b.id == *id)
                    .and_then(|b| b.as_of.as_deref())
                    .and_then(date_bounds)
                    .is_some_and(|(lo, _)| lo >= day)
        })
    })
}

fn disputed(r: &Role) -> bool {
    r.note.as_deref().is_some_and(|n| n.contains("disputed"))
}

/// The role the person held on `day` to suggest, the most senior first.
fn held_role(a: &Actor, day: Date) -> Option<&Role> {
    let rank = |r: &Role| match r.kind.as_deref() {
        Some("head_of_state") => 0,
        Some("head_of_government") => 1,
        Some("deputy_head") => 2,
        Some("foreign_minister") => 3,
        Some("minister") => 4,
        Some("governor") => 5,
        Some("legislator") => 6,
        _ => 7,
    };
    a.roles()
        .iter()
        .filter(|r| !disputed(r) && held_on(r, day) == Held::Yes)
        .min_by_key(|r| rank(r))
}

impl Rule for NameTitleMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let Some(article) = cx.article_date() else {
            return;
        };
        let day = article.date;
        let names = cx.names();
        for m in &names.mentions {
            let ActorRef::Kb(ai) = m.actor else { continue };
            let a = &names.kb.actors[ai as usize];
            if a.kind != Kind::Person {
                continue;
            }
            // Evidence that this is the knowledge-base person: named in full in the draft.
            let Some(e) = names.entry(m.actor) else {
                continue;
            };
            if !e.mentions.iter().any(|&i| names.mentions[i].full) {
                continue;
            }
            let bn = &names.blocks[m.block];
            let block = &cx.doc.blocks[m.block];
            let text = block.text.as_str();
            let start = bn.toks.at(m.toks.start).start();
            let end = bn.toks.at(m.toks.end - 1).end();
            let Some(t) = title_before(text, start) else {
                continue;
            };
            if quoted_in_block(cx, m.block)
                .iter()
                .any(|q| q.start <= t.title.start && t.title.start < q.end)
            {
                continue;
            }
            // A sentence about another year ("In 2003, President Bush …").
            let sentence = cx.doc.sentences[m.block]
                .iter()
                .find(|s| s.start <= start && start < s.end)
                .map_or(text, |s| &text[s.clone()]);
            let year = day.year().to_string();
            if YEAR.find_iter(sentence).any(|y| y.as_str() != year) || PAST.is_match(sentence) {
                continue;
            }
            let office_roles: Vec<&Role> =
                a.roles().iter().filter(|r| t.office.matches(r)).collect();
            // Within a month of holding it (a change of office in the news), or so long ago
            // that the person is history.
            let shifted = |days: i32| day.checked_add(jiff::Span::new().days(days)).ok();
            let (Some(lo), Some(hi), Some(history)) = (
                shifted(-GRACE_DAYS),
                shifted(GRACE_DAYS),
                day.checked_sub(jiff::Span::new().years(HISTORICAL_YEARS))
                    .ok(),
            ) else {
                continue;
            };
            let near_or_long_ago = office_roles.iter().any(|r| {
                let start = r.start.as_deref().and_then(date_bounds).map(|(s, _)| s);
                let end = r
                    .end
                    .as_deref()
                    .or(r.end_before.as_deref())
                    .and_then(date_bounds)
                    .map(|(_, e)| e);
                let near = start.is_none_or(|s| s <= hi) && end.is_none_or(|e| e >= lo);
                near || end.is_some_and(|e| e < history)
            });
            if office_roles.is_empty()
                || office_roles.iter().any(|r| disputed(r))
                || office_roles.iter().any(|r| held_on(r, day) != Held::No)
                || near_or_long_ago
            {
                continue;
            }
            // Left office before the day, or took it only later.
            let ended_before = office_roles.iter().any(|r| {
                r.start
                    .as_deref()
                    .and_then(date_bounds)
                    .is_some_and(|(_, hi)| hi <= day)
            });
            if !ended_before && !history_covers(cx, &office_roles, day) {
                continue;
            }
            let held = held_role(a, day);
            let title_text = &text[t.title.clone()];
            let range = block.source_range(t.title.start..end);
            let when = if ended_before {
                let last = office_roles
                    .iter()
                    .filter_map(|r| r.end.as_deref().or(r.end_before.as_deref()))
                    .max()
                    .unwrap_or("before");
                format!("had left that office ({last})")
            } else {
                let first = office_roles
                    .iter()
                    .filter_map(|r| r.start.as_deref())
                    .min()
                    .unwrap_or("later");
                format!("took that office only later ({first})")
            };
            let held_text = match held {
                Some(r) => format!(
                    " On that date the knowledge base has them as {} ({}).",
                    r.title,
                    crate::roles::dates_text(r)
                ),
                None => String::new(),
            };
            let mut d = Diagnostic::new(
                META.id,
                range,
                format!(
                    "“{title_text}”: on the article date ({day}, {}) {} was not {title_text}: they {when}.{held_text}",
                    article.origin_text(),
                    a.name
                ),
            )
            .with_data("title", title_text.to_string())
            .with_data("article_date", day.to_string());
            let suggestion = held.and_then(Office::of_role).filter(|o| *o != t.office);
            if let Some(o) = suggestion {
                d = d.with_data("held", o.label()).with_fix(Fix {
                    title: format!("Write “{}”", o.label()),
                    safe: false,
                    edits: vec![Edit::replace(
                        block.source_range(t.title.clone()),
                        o.label().to_string(),
                    )],
                });
            } else if ended_before {
                let at = block.source_range(t.phrase_start..t.phrase_start);
                let sentence_start = cx.doc.sentences[m.block]
                    .iter()
                    .any(|s| s.start == t.phrase_start)
                    || t.phrase_start == 0;
                let word = if sentence_start { "Former " } else { "former " };
                let edits = vec![Edit::replace(at.start..at.start, word.to_string())];
                d = d.with_data("held", "former").with_fix(Fix {
                    title: format!("Write “{word}{title_text}”"),
                    safe: false,
                    edits,
                });
            }
            out.push(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Config;

    fn flagged(src: &str) -> Vec<(String, String)> {
        flagged_data("name.title-mismatch", src, &Config::default(), "held")
    }

    fn dated(date: &str, body: &str) -> String {
        format!("---\ndate: {date}\n---\n\n{body}\n")
    }

    #[test]
    fn a_title_held_at_another_time_is_flagged_with_the_one_held() {
        assert_eq!(
            flagged(&dated(
                "2015-06-01",
                "President Joe Biden met the delegation."
            )),
            pairs(&[("President Joe Biden", "Vice President")])
        );
        // Left office: "former".
        assert_eq!(
            flagged(&dated(
                "2023-03-01",
                "Boris Johnson spoke. She said Prime Minister Johnson left."
            )),
            pairs(&[("Prime Minister Johnson", "former")])
        );
        assert_eq!(
            flagged(&dated(
                "2019-03-01",
                "The speech of U.S. President Barack Obama was cited."
            )),
            pairs(&[("President Barack Obama", "former")])
        );
    }

    #[test]
    fn right_titles_qualified_titles_and_undated_drafts_pass() {
        let ok = [
            dated("2015-06-01", "Vice President Joe Biden met the delegation."),
            dated("2015-06-01", "President Barack Obama met the delegation."),
            dated("2019-03-01", "Former President Barack Obama spoke."),
            dated(
                "2019-03-01",
                "The former U.S. President Barack Obama spoke.",
            ),
            dated("2019-03-01", "Then-President Barack Obama had said so."),
            dated("2019-03-01", "In 2012, President Barack Obama said so."),
            dated(
                "2019-03-01",
                "“President Barack Obama would never,” she said of him.",
            ),
            // A title of another office ("Senate President") or an unknown person.
            dated("2019-03-01", "Senate President Barack Obama spoke."),
            dated("2019-03-01", "President Jane Roe spoke."),
            // Historical figures, and a change of office in the news.
            dated(
                "2019-10-19",
                "Generals, including President Ulysses S. Grant, agreed.",
            ),
            dated(
                "2019-03-01",
                "Franklin D. Roosevelt was there; President Roosevelt spoke.",
            ),
            dated("2017-02-10", "President Barack Obama left the White House."),
            // No article date: nothing to compare with.
            "President Joe Biden met the delegation in 2015.\n".to_string(),
        ];
        for src in ok {
            assert!(flagged(&src).is_empty(), "{src}: {:?}", flagged(&src));
        }
    }

    #[test]
    fn a_title_taken_later_needs_a_complete_history() {
        // Biden became President in 2021; the US offices are listed in full.
        let src = dated("2019-05-01", "President Joe Biden spoke.");
        assert_eq!(
            flagged_text("name.title-mismatch", &src, &Config::default()),
            ["President Joe Biden"]
        );
        // Not a country whose offices a source lists in full: no flag for a later title.
        let src = dated("2019-05-01", "Joe Biden met President José Antonio Kast.");
        assert!(flagged(&src).is_empty());
    }
}
