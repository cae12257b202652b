//! `name.misspelled` and `name.inconsistent` measured on the hand-labelled name gold sets
//! (`tests/gold/names.tune.tsv`, `tests/gold/names.heldout.tsv`: every person named in 98
//! Wikinews 2019 articles), separately for the tune and the held-out part (issue 13).
//!
//! 1. Clean copy: every `name.*` diagnostic on the unedited articles, per 10,000 words. A
//!    flag on a spelling the gold notes as INCONSISTENT is expected; every other flag is
//!    wrong and printed with its sentence. Flags on `not_person` words are counted too.
//! 2. Injection: every gold person whose given name or surname is one word of four letters
//!    or more gets one-edit misspellings (swap of two neighbouring inner letters, dropped
//!    inner letter, doubled inner letter, changed vowel — a→e, e→i, i→e, o→a, u→o — never
//!    the first letter) of ONE mention, the last full-name mention or the last bare-surname
//!    mention. Two kinds per (person, part, mention), rotated so every kind is covered.
//!    Misspellings that are dictionary words, another form or form word of the article, or
//!    a knowledge-base spelling are not made (the next position or kind is tried); people
//!    the gold already notes INCONSISTENT are not injected. "Elsewhere": another mention of
//!    the person keeps the right spelling of that part; "alone": none does. A misspelling
//!    is caught when a `name.misspelled` or `name.inconsistent` diagnostic covers it, and
//!    fixed when that diagnostic's first fix puts the right spelling back at that place
//!    (diacritic-insensitively).
//! 3. Recall and fix accuracy per part, kind of edit, part of the name, mention, position
//!    and whether the knowledge base knows the person (a person actor with that surname
//!    and, when it has a given name, that given name), as Markdown tables for QUALITY.md,
//!    with the held-out misses counted by reason (`NAME_GOLD_MISSES=all` lists them all).
//!
//! Only the tune part is asserted (regression floors); the issue-13 targets are printed.
//! A missing or malformed gold file, or a form not in its article, fails the test.
//!
//! A further section, "MEANTIME", measures the same way on another desk's news: the name
//! golds `tests/gold/names.meantime.{tune,heldout}.tsv` over the two halves of the MEANTIME
//! corpus (`tests/corpus/meantime-en`, the article lists of
//! `tests/fixtures/time_expressions_meantime_{tune,heldout}.tsv`). Their figures are printed,
//! no floor is asserted on them; held-out examples are hidden like the Wikinews ones.
//!
//! Run with figures: `cargo test --release --test name_gold -- --nocapture`
//! (`NAME_GOLD_PARTS=tune` measures the tune parts only).

use copydesk::analysis::names::{self, kb::Kb, lexicon, matcher::fold, ActorRef};
use copydesk::analysis::{analyze, fix::apply_edits, Config, Diagnostic, Document};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;
#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/misspell.rs"]
mod misspell;
use corpus::Part;
use misspell::{Kind, KINDS};

/// The rules measured here.
const SPELLING_RULES: [&str; 2] = ["name.misspelled", "name.inconsistent"];

// ---------------------------------------------------------------------------------------
// The gold sets.

const COLUMNS: [&str; 8] = [
    "article", "name", "given", "surname", "forms", "mentions", "role", "note",
];
const ROLES: [&str; 4] = ["politician", "official", "other", "not_person"];

#[derive(Debug, Clone)]
struct Row {
    line: usize,
    article: String,
    name: String,
    given: Option<String>,
    surname: Option<String>,
    forms: Vec<String>,
    mentions: usize,
    role: String,
    note: String,
}

impl Row {
    fn is_person(&self) -> bool {
        self.role != "not_person"
    }

    /// The spellings an `INCONSISTENT: A vs B` note names.
    fn inconsistent_spellings(&self) -> Vec<String> {
        self.note
            .split(';')
            .filter_map(|s| s.trim().strip_prefix("INCONSISTENT:"))
            .flat_map(|s| s.split(" vs "))
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    }
}

/// A name gold set: a part of the Wikinews corpus, or the MEANTIME tune half.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gold {
    Wikinews(Part),
    Meantime(Part),
}

impl Gold {
    fn label(self) -> &'static str {
        match self {
            Gold::Wikinews(p) => p.as_str(),
            Gold::Meantime(Part::Tune) => "MEANTIME tune",
            Gold::Meantime(Part::Heldout) => "MEANTIME held-out",
        }
    }

    /// Whether its flags and misses may be shown to whoever tunes the checks.
    fn is_tune(self) -> bool {
        matches!(
            self,
            Gold::Wikinews(Part::Tune) | Gold::Meantime(Part::Tune)
        )
    }

    /// The corpus folder its articles are in.
    fn corpus(self) -> &'static str {
        match self {
            Gold::Wikinews(_) => "tests/corpus/wikinews-2019",
            Gold::Meantime(_) => "tests/corpus/meantime-en",
        }
    }

    /// Fewer people than this and the figures mean nothing.
    fn min_people(self) -> usize {
        match self {
            Gold::Wikinews(_) => 100,
            Gold::Meantime(_) => 90,
        }
    }
}

fn gold_path(gold: Gold) -> std::path::PathBuf {
    let file = match gold {
        Gold::Wikinews(Part::Tune) => "names.tune.tsv",
        Gold::Wikinews(Part::Heldout) => "names.heldout.tsv",
        Gold::Meantime(Part::Tune) => "names.meantime.tune.tsv",
        Gold::Meantime(Part::Heldout) => "names.meantime.heldout.tsv",
    };
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/gold")
        .join(file)
}

/// The rows of one gold file; panics with the file and line on anything malformed.
fn load_gold(gold: Gold) -> Vec<Row> {
    let path = gold_path(gold);
    let shown = path.display();
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!("the name gold set {shown} is missing or unreadable ({e}); it is part of the repository: restore it with `git checkout -- tests/gold`")
    });
    let mut rows = Vec::new();
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        let ln = i + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if !header {
            assert_eq!(
                cols, COLUMNS,
                "{shown}:{ln}: the first row must be the header {COLUMNS:?}"
            );
            header = true;
            continue;
        }
        assert_eq!(
            cols.len(),
            COLUMNS.len(),
            "{shown}:{ln}: expected {} tab-separated columns, found {}: {line:?}",
            COLUMNS.len(),
            cols.len()
        );
        let opt = |s: &str| (s != "-" && !s.is_empty()).then(|| s.to_string());
        let article = cols[0].to_string();
        assert!(
            article.ends_with(".md") && !cols[1].is_empty(),
            "{shown}:{ln}: no article file name or name"
        );
        match gold {
            Gold::Wikinews(part) => assert_eq!(
                corpus::part(&article),
                part,
                "{shown}:{ln}: {article} is not in the {} part of tests/corpus/split.tsv",
                part.as_str()
            ),
            Gold::Meantime(part) => assert_eq!(
                corpus::meantime_part(&article),
                Some(part),
                "{shown}:{ln}: {article} is not in the MEANTIME {} half (tests/fixtures/time_expressions_meantime_*.tsv)",
                part.as_str()
            ),
        }
        let forms: Vec<String> = cols[4]
            .split('|')
            .map(|f| f.trim().to_string())
            .filter(|f| !f.is_empty() && f != "-")
            .collect();
        assert!(!forms.is_empty(), "{shown}:{ln}: no forms");
        let mentions = cols[5]
            .parse::<usize>()
            .ok()
            .filter(|&m| m > 0)
            .unwrap_or_else(|| panic!("{shown}:{ln}: mentions `{}` is not a count", cols[5]));
        let role = cols[6].to_string();
        assert!(
            ROLES.contains(&role.as_str()),
            "{shown}:{ln}: unknown role `{role}` (expected one of {ROLES:?})"
        );
        let row = Row {
            line: ln,
            article,
            name: cols[1].to_string(),
            given: opt(cols[2]),
            surname: opt(cols[3]),
            forms,
            mentions,
            role,
            note: cols[7].to_string(),
        };
        // People known by a handle or a single name ("Moth Monarch", "Francis") have
        // neither; they are in the clean copy but not injected.
        assert!(
            row.is_person() || (row.given.is_none() && row.surname.is_none()),
            "{shown}:{ln}: a not_person row with a given name or surname"
        );
        if row.note.contains("INCONSISTENT") {
            assert!(
                row.inconsistent_spellings().len() >= 2,
                "{shown}:{ln}: an INCONSISTENT note must read `INCONSISTENT: A vs B`"
            );
        }
        rows.push(row);
    }
    assert!(header, "{shown}: no header row");
    assert!(
        rows.iter().filter(|r| r.is_person()).count() >= gold.min_people(),
        "{shown}: too few people to measure anything"
    );
    rows
}

// ---------------------------------------------------------------------------------------
// Where the gold forms are in an article.

/// One occurrence of a gold form.
#[derive(Debug, Clone)]
struct Occ {
    /// Index into the article's rows.
    row: usize,
    form: usize,
    range: Range<usize>,
}

/// Where counting starts: the `# ` headline (the front-matter title repeats it).
fn body_start(text: &str) -> usize {
    if text.starts_with("# ") {
        0
    } else {
        text.find("\n# ").map_or(0, |i| i + 1)
    }
}

/// Whole-word, case-sensitive occurrences of `needle` in `text[from..]`.
fn whole_words(text: &str, from: usize, needle: &str) -> Vec<Range<usize>> {
    text[from..]
        .match_indices(needle)
        .map(|(i, _)| from + i..from + i + needle.len())
        .filter(|r| {
            !text[..r.start]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
                && !text[r.end..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .collect()
}

/// Every form of every row, longest first, each occurrence claimed by one row. Panics when
/// a form is not in the article at all.
fn locate(text: &str, rows: &[&Row]) -> Vec<Occ> {
    let from = body_start(text);
    let mut forms: Vec<(usize, usize, &str)> = rows
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.forms
                .iter()
                .enumerate()
                .map(move |(f, s)| (r, f, s.as_str()))
        })
        .collect();
    forms.sort_by_key(|&(r, f, s)| (std::cmp::Reverse(s.chars().count()), r, f));
    let mut out: Vec<Occ> = Vec::new();
    for (r, f, form) in forms {
        let found = whole_words(text, from, form);
        assert!(
            !found.is_empty(),
            "gold line {}: the form `{form}` of {} is not in {} (as a whole word, from the headline on)",
            rows[r].line,
            rows[r].name,
            rows[r].article
        );
        for range in found {
            if out
                .iter()
                .all(|o| o.range.end <= range.start || range.end <= o.range.start)
            {
                out.push(Occ {
                    row: r,
                    form: f,
                    range,
                });
            }
        }
    }
    out.sort_by_key(|o| o.range.start);
    out
}

// ---------------------------------------------------------------------------------------
// Clean copy.

#[derive(Default)]
struct Clean {
    articles: usize,
    words: usize,
    /// Per measured rule: flags.
    by_rule: BTreeMap<&'static str, usize>,
    expected: usize,
    unexpected: Vec<String>,
    /// Wrong flags on a `not_person` word.
    on_not_person: usize,
    other_rules: Vec<String>,
    /// Gold people noted INCONSISTENT, and how many of them a measured rule flags.
    gold_inconsistent: usize,
    gold_inconsistent_flagged: usize,
    /// Rows whose whole-word count differs from the gold `mentions` column.
    count_mismatches: Vec<String>,
}

/// The sentence around `range`, on one line.
fn sentence(text: &str, range: &Range<usize>) -> String {
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[range.end..]
        .find('\n')
        .map_or(text.len(), |i| range.end + i);
    let before = &text[line_start..range.start];
    let start = [". ", "? ", "! "]
        .iter()
        .filter_map(|p| before.rfind(p).map(|i| line_start + i + 2))
        .max()
        .unwrap_or(line_start);
    let after = &text[range.end..line_end];
    let end = [". ", "? ", "! "]
        .iter()
        .filter_map(|p| after.find(p).map(|i| range.end + i + 1))
        .min()
        .unwrap_or(line_end);
    let s = &text[start..end];
    if s.chars().count() > 220 {
        let cut: String = s.chars().take(217).collect();
        format!("{cut}…")
    } else {
        s.to_string()
    }
}

fn clean_copy(
    rows: &[Row],
    texts: &HashMap<String, String>,
    config: &Config,
    occs: &HashMap<String, Vec<Occ>>,
) -> Clean {
    let mut c = Clean::default();
    for (article, arows) in by_article(rows) {
        let text = &texts[article];
        let doc = Document::parse(text.clone());
        c.articles += 1;
        c.words += doc.word_count();
        let located = &occs[article];
        for (ri, r) in arows.iter().enumerate() {
            let n = located.iter().filter(|o| o.row == ri).count();
            if n != r.mentions {
                c.count_mismatches.push(format!(
                    "line {}: {} — gold {} mentions, {} whole-word matches",
                    r.line, r.name, r.mentions, n
                ));
            }
        }
        let expected: HashSet<String> = arows
            .iter()
            .flat_map(|r| r.inconsistent_spellings())
            .flat_map(|s| {
                let words: Vec<String> = s.split(' ').map(str::to_string).collect();
                std::iter::once(s).chain(words)
            })
            .collect();
        let not_person: HashSet<&str> = arows
            .iter()
            .filter(|r| !r.is_person())
            .flat_map(|r| r.forms.iter())
            .flat_map(|f| std::iter::once(f.as_str()).chain(f.split(' ')))
            .collect();
        let diags = analyze(&doc, config);
        for (ri, r) in arows.iter().enumerate() {
            if !r.note.contains("INCONSISTENT") {
                continue;
            }
            c.gold_inconsistent += 1;
            let flagged = located.iter().filter(|o| o.row == ri).any(|o| {
                diags.iter().any(|d| {
                    SPELLING_RULES.contains(&d.rule)
                        && o.range.start < d.range.end
                        && d.range.start < o.range.end
                })
            });
            c.gold_inconsistent_flagged += usize::from(flagged);
        }
        for d in diags {
            if !d.rule.starts_with("name.") {
                continue;
            }
            let flagged = &text[d.range.clone()];
            let line = format!(
                "{article}: {} `{flagged}` — {} — «{}»",
                d.rule,
                d.message,
                sentence(text, &d.range)
            );
            if !SPELLING_RULES.contains(&d.rule) {
                c.other_rules.push(line);
                continue;
            }
            *c.by_rule.entry(d.rule).or_default() += 1;
            let in_not_person = not_person.contains(flagged)
                || located.iter().any(|o| {
                    !arows[o.row].is_person()
                        && o.range.start < d.range.end
                        && d.range.start < o.range.end
                });
            if expected.contains(flagged) {
                c.expected += 1;
            } else {
                c.on_not_person += usize::from(in_not_person);
                let tag = if in_not_person { " [not_person]" } else { "" };
                c.unexpected.push(format!("{line}{tag}"));
            }
        }
    }
    c
}

/// The rows of each article, articles in name order.
fn by_article(rows: &[Row]) -> BTreeMap<&str, Vec<&Row>> {
    let mut m: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in rows {
        m.entry(r.article.as_str()).or_default().push(r);
    }
    m
}

// ---------------------------------------------------------------------------------------
// Injection.

/// A one-edit misspelling of `word` of `kind`, trying positions from `seed` on until `ok`
/// accepts one. Only lowercase letters change; never the first letter.
fn misspell(word: &str, kind: Kind, seed: usize, ok: impl Fn(&str) -> bool) -> Option<String> {
    let positions = misspell::positions(word, kind);
    let k = positions.len();
    (0..k).find_map(|j| {
        let bad = misspell::apply(word, kind, positions[(seed + j) % k]);
        ok(&bad).then_some(bad)
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum NamePart {
    Given,
    Surname,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum MentionKind {
    Full,
    Bare,
}

/// One injected misspelling and what the checks made of it.
#[derive(Debug, Clone)]
struct Injection {
    article: String,
    person: String,
    kind: Kind,
    part: NamePart,
    mention: MentionKind,
    elsewhere: bool,
    kb: bool,
    right: String,
    bad: String,
    caught: bool,
    /// Caught by a tie: one flag naming the two spellings and both places.
    tie: bool,
    fixed: bool,
    /// Why it was missed, or what the wrong fix wrote.
    why: String,
    context: String,
}

/// Single-word name part of four letters or more, letters only (accented ones too).
fn injectable(part: Option<&String>) -> Option<&str> {
    let p = part?.as_str();
    (p.chars().count() >= 4 && p.chars().all(char::is_alphabetic)).then_some(p)
}

/// Whether the knowledge base has this person: a person actor with the surname among its
/// parts' spellings and, when both have one, the given name too.
fn kb_knows(kb: &Kb, row: &Row) -> bool {
    let given = row.given.as_deref().map(fold);
    let surname = row.surname.as_deref().map(fold);
    kb.actors.iter().any(|a| {
        if a.kind != names::kb::Kind::Person {
            return false;
        }
        let has = |s: &str, part: Option<&str>| {
            a.parts.iter().any(|p| {
                part.is_none_or(|k| p.part == k) && p.variants.iter().any(|v| fold(v) == s)
            })
        };
        let has_given_part = a.parts.iter().any(|p| p.part == "given");
        match (&given, &surname) {
            (g, Some(s)) => {
                has(s, None)
                    && (g.is_none()
                        || !has_given_part
                        || has(g.as_deref().unwrap_or(""), Some("given")))
            }
            (Some(g), None) => has(g, None),
            (None, None) => false,
        }
    })
}

/// Words of a form with their byte offsets.
fn form_words(form: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut off = 0;
    for w in form.split(' ') {
        out.push((off, w));
        off += w.len() + 1;
    }
    out
}

/// Where `part` is in a form: given name first, surname last; `None` when the form is not a
/// mention of that kind (a full mention has both, a bare one is the surname alone).
fn part_in_form(
    form: &str,
    row: &Row,
    part: NamePart,
    mention: MentionKind,
) -> Option<Range<usize>> {
    let words = form_words(form);
    let is = |w: &str, s: Option<&String>| s.is_some_and(|s| fold(w) == fold(s));
    let g = words.iter().position(|(_, w)| is(w, row.given.as_ref()));
    let s = words.iter().rposition(|(_, w)| is(w, row.surname.as_ref()));
    let at = |i: usize| words[i].0..words[i].0 + words[i].1.len();
    match mention {
        MentionKind::Full => match (g, s) {
            (Some(g), Some(s)) if g < s => Some(at(if part == NamePart::Given { g } else { s })),
            _ => None,
        },
        MentionKind::Bare => {
            (part == NamePart::Surname && words.len() == 1 && s == Some(0)).then(|| at(0))
        }
    }
}

/// The first covering diagnostic of the measured rules: the narrowest, `name.misspelled`
/// first. A tie (two spellings as frequent, nothing to choose: `name.inconsistent` with
/// `data.tie`) is one flag about two places, its own and its related one; it covers both.
fn covering<'a>(diags: &'a [Diagnostic], at: &Range<usize>) -> Option<&'a Diagnostic> {
    let inside = |r: &Range<usize>| r.start <= at.start && at.end <= r.end;
    diags
        .iter()
        .filter(|d| SPELLING_RULES.contains(&d.rule))
        .filter(|d| inside(&d.range) || (is_tie(d) && d.related.iter().any(|r| inside(&r.range))))
        .min_by_key(|d| {
            (
                !inside(&d.range),
                d.range.len(),
                d.rule != "name.misspelled",
            )
        })
}

fn is_tie(d: &Diagnostic) -> bool {
    d.data.get("tie").and_then(serde_json::Value::as_bool) == Some(true)
}

/// Whether the first fix of `d`, applied to `injected`, puts `right` back at `at`
/// (diacritic-insensitively: Erdogan for Erdoğan). Returns what it wrote there otherwise.
fn fix_restores(
    d: &Diagnostic,
    injected: &str,
    original: &str,
    at: &Range<usize>,
    right: &str,
) -> Result<(), String> {
    let Some(fix) = d.fixes.first() else {
        return Err("no fix".into());
    };
    let (out, skipped) = apply_edits(injected, &fix.edits);
    if out == original {
        return Ok(());
    }
    if !skipped.is_empty() {
        return Err(format!("{} edit(s) could not be applied", skipped.len()));
    }
    let Some(e) = fix
        .edits
        .iter()
        .find(|e| e.range.start <= at.start && at.end <= e.range.end)
    else {
        return Err("the fix leaves the misspelling".into());
    };
    let want = format!(
        "{}{right}{}",
        &injected[e.range.start..at.start],
        &injected[at.end..e.range.end]
    );
    if e.new_text == want || fold(&e.new_text) == fold(&want) {
        Ok(())
    } else {
        Err(format!("writes “{}”", e.new_text))
    }
}

#[allow(clippy::too_many_arguments)]
fn inject_one(
    article: &str,
    text: &str,
    row: &Row,
    at: Range<usize>,
    kind: Kind,
    bad: String,
    part: NamePart,
    mention: MentionKind,
    elsewhere: bool,
    kb: bool,
    config: &Config,
    clean_flags: &HashSet<(&'static str, Range<usize>)>,
) -> Injection {
    let right = text[at.clone()].to_string();
    let mut injected = text.to_string();
    injected.replace_range(at.clone(), &bad);
    let span = at.start..at.start + bad.len();
    let doc = Document::parse(injected.clone());
    let diags = analyze(&doc, config);
    let s = at.start.saturating_sub(50);
    let s = (0..=s)
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let e = (at.end + 30).min(text.len());
    let e = (e..=text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len());
    let context = format!(
        "…{}[{bad}]{}…",
        &injected[s..at.start],
        &injected[span.end..e - at.end + span.end]
    )
    .replace('\n', " ");
    let mut inj = Injection {
        article: article.to_string(),
        person: row.name.clone(),
        kind,
        part,
        mention,
        elsewhere,
        kb,
        right: right.clone(),
        bad: bad.clone(),
        caught: false,
        tie: false,
        fixed: false,
        why: String::new(),
        context,
    };
    if let Some(d) = covering(&diags, &span) {
        inj.caught = true;
        inj.tie = is_tie(d);
        // A tie offers both spellings as equals: right when one of its fixes restores it.
        let result = if inj.tie {
            d.fixes
                .iter()
                .map(|f| {
                    let one = Diagnostic {
                        fixes: vec![f.clone()],
                        ..d.clone()
                    };
                    fix_restores(&one, &injected, text, &span, &right)
                })
                .find(Result::is_ok)
                .unwrap_or_else(|| fix_restores(d, &injected, text, &span, &right))
        } else {
            fix_restores(d, &injected, text, &span, &right)
        };
        match result {
            Ok(()) => inj.fixed = true,
            Err(w) => inj.why = format!("{}: {w}", d.rule),
        }
        return inj;
    }
    // Why not: by design, the reading of the name, or a flag elsewhere.
    let delta = bad.len() as isize - right.len() as isize;
    let new_flags: Vec<&Diagnostic> = diags
        .iter()
        .filter(|d| SPELLING_RULES.contains(&d.rule))
        .filter(|d| {
            let r = if d.range.start >= span.end {
                (d.range.start as isize - delta) as usize..(d.range.end as isize - delta) as usize
            } else {
                d.range.clone()
            };
            !clean_flags.contains(&(d.rule, r))
        })
        .collect();
    let listed = |v: &[&Diagnostic]| {
        v.iter()
            .map(|d| format!("{} “{}”", d.rule, &injected[d.range.clone()]))
            .collect::<Vec<_>>()
            .join(", ")
    };
    inj.why = if lexicon::is_known_given_name(&bad) || lexicon::is_name_variant_form(&bad) {
        "the misspelling is a listed given name or romanisation".into()
    } else if new_flags.iter().any(|d| injected[d.range.clone()] == right) {
        format!(
            "the right spelling flagged instead, as a misspelling of the injected one: {}",
            listed(&new_flags)
        )
    } else if !new_flags.is_empty() {
        format!("another word flagged instead: {}", listed(&new_flags))
    } else {
        let n = names::analyse(&doc, &config.names);
        let read = n
            .mentions
            .iter()
            .find(|m| m.range.start <= span.start && span.end <= m.range.end)
            .map(|m| (m.actor, n.display_name(m.actor)));
        let place = match (elsewhere, kb) {
            (true, true) => "right spelling elsewhere, KB person",
            (true, false) => "right spelling elsewhere, not in KB",
            (false, true) => "right spelling alone, KB person",
            (false, false) => "right spelling alone, not in KB",
        };
        match read {
            Some((ActorRef::Kb(_), who)) => format!("{place}: read as KB actor {who}"),
            Some((ActorRef::Draft(_), who)) => {
                format!("{place}: read as a person of its own ({who})")
            }
            None => format!("{place}: not read as a name, not flagged"),
        }
    };
    inj
}

fn injections(
    rows: &[Row],
    texts: &HashMap<String, String>,
    config: &Config,
    kb: &Kb,
    occs: &HashMap<String, Vec<Occ>>,
) -> (Vec<Injection>, BTreeMap<&'static str, usize>) {
    let mut out = Vec::new();
    let mut skipped: BTreeMap<&'static str, usize> = BTreeMap::new();
    let mut slot_no = 0usize;
    for (article, arows) in by_article(rows) {
        let text = &texts[article];
        let located = &occs[article];
        let doc = Document::parse(text.clone());
        let clean_flags: HashSet<(&'static str, Range<usize>)> = analyze(&doc, config)
            .into_iter()
            .filter(|d| SPELLING_RULES.contains(&d.rule))
            .map(|d| (d.rule, d.range))
            .collect();
        // Every form and form word of the article, folded: a misspelling equal to one is
        // another name, not a misspelling.
        let taken: HashSet<String> = arows
            .iter()
            .flat_map(|r| r.forms.iter())
            .flat_map(|f| std::iter::once(f.as_str()).chain(f.split(' ')))
            .map(fold)
            .collect();
        for (ri, row) in arows.iter().enumerate() {
            if !row.is_person() {
                continue;
            }
            if row.note.contains("INCONSISTENT") {
                *skipped
                    .entry("person already spelled two ways (INCONSISTENT)")
                    .or_default() += 1;
                continue;
            }
            let mine: Vec<&Occ> = located.iter().filter(|o| o.row == ri).collect();
            let known = kb_knows(kb, row);
            for (part, spelling) in [
                (NamePart::Given, injectable(row.given.as_ref())),
                (NamePart::Surname, injectable(row.surname.as_ref())),
            ] {
                if spelling.is_none() {
                    let has = match part {
                        NamePart::Given => row.given.is_some(),
                        NamePart::Surname => row.surname.is_some(),
                    };
                    if has {
                        *skipped
                            .entry("name part shorter than 4 letters or not one word of letters")
                            .or_default() += 1;
                    }
                    continue;
                }
                for mention in [MentionKind::Full, MentionKind::Bare] {
                    if part == NamePart::Given && mention == MentionKind::Bare {
                        continue;
                    }
                    // The last mention of this kind.
                    let Some((occ, within)) = mine.iter().rev().find_map(|o| {
                        let form = &row.forms[o.form];
                        part_in_form(form, row, part, mention).map(|w| (*o, w))
                    }) else {
                        continue;
                    };
                    let at = occ.range.start + within.start..occ.range.start + within.end;
                    let right = &text[at.clone()];
                    let elsewhere = mine.iter().any(|o| {
                        o.range != occ.range
                            && form_words(&row.forms[o.form])
                                .iter()
                                .any(|(_, w)| *w == right)
                    });
                    let ok = |bad: &str| {
                        !lexicon::is_dictionary_word(bad)
                            && !taken.contains(&fold(bad))
                            && kb.matcher.lookup(&fold(bad)).is_none()
                    };
                    let seed = row.name.bytes().map(usize::from).sum::<usize>() + part as usize;
                    let mut chosen = 0;
                    for j in 0..KINDS.len() {
                        if chosen == 2 {
                            break;
                        }
                        let kind = KINDS[(slot_no + j) % KINDS.len()];
                        let Some(bad) = misspell(right, kind, seed, ok) else {
                            *skipped
                                .entry("kind with no misspelling that is not a word or name")
                                .or_default() += 1;
                            continue;
                        };
                        chosen += 1;
                        out.push(inject_one(
                            article,
                            text,
                            row,
                            at.clone(),
                            kind,
                            bad,
                            part,
                            mention,
                            elsewhere,
                            known,
                            config,
                            &clean_flags,
                        ));
                    }
                    slot_no += 1;
                }
            }
        }
    }
    (out, skipped)
}

// ---------------------------------------------------------------------------------------
// Report.

#[derive(Default, Clone, Copy)]
struct Tally {
    n: usize,
    caught: usize,
    fixed: usize,
}

impl Tally {
    fn add(&mut self, i: &Injection) {
        self.n += 1;
        self.caught += usize::from(i.caught);
        self.fixed += usize::from(i.fixed);
    }
    fn recall(&self) -> f64 {
        pct(self.caught, self.n)
    }
    fn fix_accuracy(&self) -> f64 {
        pct(self.fixed, self.caught)
    }
}

fn pct(a: usize, b: usize) -> f64 {
    100.0 * a as f64 / b.max(1) as f64
}

fn tally(inj: &[Injection], keep: impl Fn(&Injection) -> bool) -> Tally {
    let mut t = Tally::default();
    for i in inj.iter().filter(|i| keep(i)) {
        t.add(i);
    }
    t
}

/// The rows of the injection table: (label, filter).
type Breakdown = (&'static str, Box<dyn Fn(&Injection) -> bool>);

fn breakdowns() -> Vec<Breakdown> {
    let mut v: Vec<Breakdown> = vec![("**all**", Box::new(|_| true))];
    for k in KINDS {
        let label: &'static str = match k {
            Kind::Swap => "edit: swap",
            Kind::Drop => "edit: drop",
            Kind::Double => "edit: double",
            Kind::Vowel => "edit: vowel",
        };
        v.push((label, Box::new(move |i| i.kind == k)));
    }
    v.push(("part: given name", Box::new(|i| i.part == NamePart::Given)));
    v.push(("part: surname", Box::new(|i| i.part == NamePart::Surname)));
    v.push((
        "mention: full name",
        Box::new(|i| i.mention == MentionKind::Full),
    ));
    v.push((
        "mention: bare surname",
        Box::new(|i| i.mention == MentionKind::Bare),
    ));
    v.push(("right spelling elsewhere", Box::new(|i| i.elsewhere)));
    v.push(("right spelling alone", Box::new(|i| !i.elsewhere)));
    v.push(("KB knows the person", Box::new(|i| i.kb)));
    v.push(("KB does not", Box::new(|i| !i.kb)));
    v.push(("KB · elsewhere", Box::new(|i| i.kb && i.elsewhere)));
    v.push(("KB · alone", Box::new(|i| i.kb && !i.elsewhere)));
    v.push(("not KB · elsewhere", Box::new(|i| !i.kb && i.elsewhere)));
    v.push(("not KB · alone", Box::new(|i| !i.kb && !i.elsewhere)));
    v
}

fn injection_table(label: &str, inj: &[Injection]) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "| {label} injections | n | caught | recall | first fix right | fix accuracy |"
    );
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|");
    for (label, keep) in breakdowns() {
        let t = tally(inj, keep);
        if t.n == 0 {
            let _ = writeln!(s, "| {label} | 0 | – | – | – | – |");
            continue;
        }
        let fix = if t.caught == 0 {
            "–".to_string()
        } else {
            format!("{:.1}%", t.fix_accuracy())
        };
        let _ = writeln!(
            s,
            "| {label} | {} | {} | {:.1}% | {} | {fix} |",
            t.n,
            t.caught,
            t.recall(),
            t.fixed
        );
    }
    s
}

fn clean_table(rows: &[(&str, &Clean)]) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "| clean copy | articles | words | name.misspelled | name.inconsistent | expected (gold INCONSISTENT) | wrong | wrong / 10,000 words | wrong on not_person words | gold INCONSISTENT people flagged |");
    let _ = writeln!(s, "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (label, c) in rows {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {:.2} | {} | {} of {} |",
            label,
            c.articles,
            c.words,
            c.by_rule.get("name.misspelled").copied().unwrap_or(0),
            c.by_rule.get("name.inconsistent").copied().unwrap_or(0),
            c.expected,
            c.unexpected.len(),
            per_10k(c.unexpected.len(), c.words),
            c.on_not_person,
            c.gold_inconsistent_flagged,
            c.gold_inconsistent
        );
    }
    s
}

fn per_10k(n: usize, words: usize) -> f64 {
    10_000.0 * n as f64 / words.max(1) as f64
}

struct PartResult {
    part: Gold,
    clean: Clean,
    inj: Vec<Injection>,
}

fn measure(part: Gold, texts: &HashMap<String, String>, config: &Config, kb: &Kb) -> PartResult {
    let rows = load_gold(part);
    let mut occs: HashMap<String, Vec<Occ>> = HashMap::new();
    for (article, arows) in by_article(&rows) {
        let text = texts.get(article).unwrap_or_else(|| {
            panic!(
                "{}: the article {article} is not in {}",
                gold_path(part).display(),
                part.corpus()
            )
        });
        occs.insert(article.to_string(), locate(text, &arows));
    }
    let clean = clean_copy(&rows, texts, config, &occs);
    let t = std::time::Instant::now();
    let (inj, skipped) = injections(&rows, texts, config, kb, &occs);
    let people = rows.iter().filter(|r| r.is_person()).count();
    println!(
        "\n## {} part: {} articles, {} people, {} words; {} injections in {:.1?}",
        part.label(),
        clean.articles,
        people,
        clean.words,
        inj.len(),
        t.elapsed()
    );
    for (why, n) in &skipped {
        println!("  not injected: {why}: {n}");
    }
    let show = part.is_tune() || std::env::var("NAME_GOLD_HELDOUT").is_ok_and(|v| v == "show");
    if !clean.count_mismatches.is_empty() && show {
        println!(
            "  note: {} gold rows whose `mentions` differs from the whole-word matches (informational):",
            clean.count_mismatches.len()
        );
        for m in &clean.count_mismatches {
            println!("    {m}");
        }
    }
    PartResult { part, clean, inj }
}

fn print_clean_flags(r: &PartResult) {
    let c = &r.clean;
    println!(
        "\n### {} clean copy: {} expected flag(s), {} wrong flag(s):",
        r.part.label(),
        c.expected,
        c.unexpected.len()
    );
    for u in &c.unexpected {
        println!("  - {u}");
    }
    println!(
        "  ({} name.first-reference and other name.* diagnostics, not measured here:)",
        c.other_rules.len()
    );
    for o in &c.other_rules {
        println!("    · {o}");
    }
}

/// A part's wrong flags and misses. Held-out examples stay off the screen unless asked for
/// (NAME_GOLD_HELDOUT=show): whoever tunes the checks reads the tune part's flags and misses,
/// and only the held-out figures.
fn print_details(r: &PartResult) {
    let show_heldout = std::env::var("NAME_GOLD_HELDOUT").is_ok_and(|v| v == "show");
    if r.part.is_tune() || show_heldout {
        print_clean_flags(r);
        print_misses(r);
    } else {
        println!(
            "\n### {} clean copy: {} expected flag(s), {} wrong flag(s); {} misses of {} injections (examples hidden: NAME_GOLD_HELDOUT=show lists them)",
            r.part.label(),
            r.clean.expected,
            r.clean.unexpected.len(),
            r.inj.iter().filter(|i| !i.caught).count(),
            r.inj.len()
        );
    }
}

fn print_misses(r: &PartResult) {
    let misses: Vec<&Injection> = r.inj.iter().filter(|i| !i.caught).collect();
    let mut reasons: BTreeMap<String, usize> = BTreeMap::new();
    for m in &misses {
        // Group "another word flagged instead: …" under one reason.
        let key = m.why.split(':').next().unwrap_or("").to_string();
        let key = if m.why.starts_with("another word")
            || m.why.starts_with("the misspelling")
            || m.why.starts_with("the right spelling flagged")
        {
            key
        } else {
            m.why.clone()
        };
        let key = if key.contains("read as KB actor") {
            key.split(": read").next().unwrap_or("").to_string() + ": read as another KB actor"
        } else if key.contains("read as a person of its own") {
            key.split(": read").next().unwrap_or("").to_string() + ": read as a person of its own"
        } else {
            key
        };
        *reasons.entry(key).or_default() += 1;
    }
    println!(
        "\n### {} misses: {} of {} injections",
        r.part.label(),
        misses.len(),
        r.inj.len()
    );
    let mut by_count: Vec<(&String, &usize)> = reasons.iter().collect();
    by_count.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    for (why, n) in by_count {
        println!("  {n:>4}  {why}");
    }
    // Examples: the misses that count against the issue-13 targets (right spelling
    // elsewhere, or a knowledge-base person) first, spread over the list; then the rest.
    // NAME_GOLD_MISSES=all lists every miss.
    let all = std::env::var("NAME_GOLD_MISSES").is_ok_and(|v| v == "all");
    let (target, rest): (Vec<&Injection>, Vec<&Injection>) =
        misses.iter().partition(|m| m.elsewhere || m.kb);
    let spread = |v: &[&'_ Injection], n: usize| -> Vec<Injection> {
        let step = (v.len() / n.max(1)).max(1);
        v.iter()
            .step_by(step)
            .take(n)
            .map(|m| (*m).clone())
            .collect()
    };
    let mut examples = if all {
        misses.iter().map(|m| (*m).clone()).collect()
    } else {
        spread(&target, 15)
    };
    if !all {
        let more = 20 - examples.len();
        examples.extend(spread(&rest, more));
    }
    println!(
        "  examples ({} against the targets: right spelling elsewhere or KB person):",
        target.len()
    );
    for m in &examples {
        println!(
            "  - {} → {} ({}, {}): {} — {} — {}",
            m.right,
            m.bad,
            m.kind.as_str(),
            m.person,
            m.why,
            m.context,
            m.article
        );
    }
    let wrong: Vec<&Injection> = r.inj.iter().filter(|i| i.caught && !i.fixed).collect();
    println!("  wrong first fixes: {}", wrong.len());
    for w in wrong.iter().take(20) {
        println!("  - {} → {}: {} — {}", w.right, w.bad, w.why, w.article);
    }
}

/// The issue-13 targets for one part: printed, not asserted.
fn print_targets(r: &PartResult) {
    let el = tally(&r.inj, |i| i.elsewhere);
    let kb_alone = tally(&r.inj, |i| i.kb && !i.elsewhere);
    let ties = r.inj.iter().filter(|i| i.tie).count();
    println!(
        "- {}: {ties} caught as a tie (one flag, the two spellings as frequent, both places named)",
        r.part.label()
    );
    let all = tally(&r.inj, |_| true);
    let wrong = per_10k(r.clean.unexpected.len(), r.clean.words) * 2.0;
    let met = |b: bool| if b { "met" } else { "NOT met" };
    println!(
        "- {}: caught where the right spelling is elsewhere {:.1}% (target ≥ 95%: {}); KB names alone {:.1}% of {} (target ≥ 85%: {}); first fix right {:.1}% (target ≥ 95%: {}); wrong name flags on clean copy {:.2} per 20,000 words (target ≤ 1: {})",
        r.part.label(),
        el.recall(),
        met(el.recall() >= 95.0),
        kb_alone.recall(),
        kb_alone.n,
        met(kb_alone.recall() >= 85.0),
        all.fix_accuracy(),
        met(all.fix_accuracy() >= 95.0),
        wrong,
        met(wrong <= 1.0)
    );
}

/// The parts measured: both, or only the tune parts with `NAME_GOLD_PARTS=tune` (whoever
/// tunes the checks runs this, so that no held-out figure is seen before the end).
fn parts() -> Vec<Part> {
    if std::env::var("NAME_GOLD_PARTS").is_ok_and(|v| v == "tune") {
        vec![Part::Tune]
    } else {
        vec![Part::Tune, Part::Heldout]
    }
}

#[test]
fn name_checks_on_the_gold_sets() {
    let texts: HashMap<String, String> = corpus::articles().into_iter().collect();
    let config = Config::default();
    let kb = Kb::default_kb();
    let results: Vec<PartResult> = parts()
        .into_iter()
        .map(|p| measure(Gold::Wikinews(p), &texts, &config, &kb))
        .collect();

    // Held-out examples stay off the screen unless asked for (NAME_GOLD_HELDOUT=show): whoever
    // tunes the checks reads the tune part's flags and misses, and only the held-out figures.
    for r in &results {
        print_details(r);
    }

    println!("\n## Tables for QUALITY.md\n");
    println!(
        "{}",
        clean_table(
            &results
                .iter()
                .map(|r| (r.part.label(), &r.clean))
                .collect::<Vec<_>>()
        )
    );
    for r in &results {
        println!("{}", injection_table(r.part.label(), &r.inj));
    }

    // Issue-13 targets: printed, not asserted.
    println!("## Issue-13 targets (printed, not asserted)\n");
    for r in &results {
        print_targets(r);
    }

    // Another desk's news: the MEANTIME halves, measured the same way; printed, no floor.
    println!("\n# MEANTIME (names.meantime.{{tune,heldout}}.tsv; printed, no floor asserted)");
    let meantime_texts: HashMap<String, String> = corpus::meantime_articles().into_iter().collect();
    let meantime: Vec<PartResult> = parts()
        .into_iter()
        .map(|p| measure(Gold::Meantime(p), &meantime_texts, &config, &kb))
        .collect();
    for r in &meantime {
        print_details(r);
    }
    println!("\n## MEANTIME tables\n");
    println!(
        "{}",
        clean_table(
            &meantime
                .iter()
                .map(|r| (r.part.label(), &r.clean))
                .collect::<Vec<_>>()
        )
    );
    for r in &meantime {
        println!("{}", injection_table(r.part.label(), &r.inj));
        print_targets(r);
    }

    // Regression floors, tune part only: a little below the figures of the commit that
    // added this test.
    let tune = &results[0];
    let all = tally(&tune.inj, |_| true);
    let el = tally(&tune.inj, |i| i.elsewhere);
    let mut failures = Vec::new();
    let mut floor = |what: &str, got: f64, min: f64| {
        if got < min {
            failures.push(format!("{what}: {got:.1} < floor {min:.1}"));
        }
    };
    floor("tune injections", all.n as f64, TUNE_MIN_INJECTIONS);
    floor("tune recall", all.recall(), TUNE_RECALL);
    floor(
        "tune recall, right spelling elsewhere",
        el.recall(),
        TUNE_RECALL_ELSEWHERE,
    );
    floor(
        "tune recall, KB people",
        tally(&tune.inj, |i| i.kb).recall(),
        TUNE_RECALL_KB,
    );
    floor("tune first fix right", all.fix_accuracy(), TUNE_FIX);
    let wrong = per_10k(tune.clean.unexpected.len(), tune.clean.words);
    if wrong > TUNE_MAX_WRONG_PER_10K {
        failures.push(format!(
            "tune wrong name flags on clean copy: {wrong:.2} per 10,000 words > ceiling {TUNE_MAX_WRONG_PER_10K:.2}"
        ));
    }
    assert!(
        failures.is_empty(),
        "name gold regression (tune part):\n  {}",
        failures.join("\n  ")
    );
}

const TUNE_MIN_INJECTIONS: f64 = 650.0;
/// Today 51.3% (issue 13, round four: listed names as slips, short slips, surnames that
/// end things' names; was 50.1%).
const TUNE_RECALL: f64 = 50.5;
/// Today 100% (round seven; was 99.7%, 96.5%).
const TUNE_RECALL_ELSEWHERE: f64 = 99.0;
const TUNE_RECALL_KB: f64 = 95.0;
const TUNE_FIX: f64 = 97.0;
/// Today: no wrong flag in 19,443 words; one would be 0.51.
const TUNE_MAX_WRONG_PER_10K: f64 = 0.6;
