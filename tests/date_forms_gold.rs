//! `date.format` (AP month and day forms) measured against `tests/gold/date_forms.tsv`,
//! separately for the tune and the held-out part of the corpus (`tests/corpus/split.tsv`).
//!
//! The gold set lists every capitalised month-name word in the body of its articles, with
//! the form AP style writes it in (`not_date` for a name or a verb) and whether it is in
//! prose, quoted speech or a heading. A row is *wanted* when its AP form differs from what
//! is written, it is a date, and it is in prose (a copy editor does not rewrite quoted
//! speech). The rule runs with `date.format` on and `[dates] style = "ap"`.
//!
//! - right: a flag on a wanted row whose fix (`data.expected`) is the row's AP form;
//! - wrong fix: a flag on a wanted row offering another form;
//! - unwanted: a flag on any other row, or on no row at all;
//! - precision = right / flags; recall = right / wanted.
//!
//! Run: `cargo test --test date_forms_gold -- --nocapture`. Every flag and miss is printed
//! for the TUNE part only (held-out examples are never printed, so that they cannot be
//! tuned to). Only tune figures are asserted, as regression floors. A malformed row, a
//! missing article or a row whose `written` text is not at its offset fails the test.

use copydesk::analysis::config::Level;
use copydesk::analysis::{analyze, Config, Document, Severity};
use std::collections::BTreeMap;
use std::path::Path;
#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/figures.rs"]
mod figures;
use corpus::Part;
use figures::{pct, ratio};

const FILE: &str = "tests/gold/date_forms.tsv";
const HEADER: &str = "article\toffset\twritten\tap\tcontext\tnote";

/// Regression floors on the tune part, at the figures measured when they were set.
const FLOOR_TUNE_PRECISION: f64 = 100.0;
const FLOOR_TUNE_RECALL: f64 = 100.0;
/// The bar, printed for both parts.
const TARGET_PRECISION: f64 = 90.0;
const TARGET_RECALL: f64 = 80.0;

struct Row {
    line: usize,
    offset: usize,
    written: String,
    ap: String,
    context: String,
}

impl Row {
    fn wanted(&self) -> bool {
        self.ap != self.written && self.ap != "not_date" && self.context == "prose"
    }
}

#[derive(Default)]
struct Tally {
    rows: usize,
    wanted: usize,
    flags: usize,
    right: usize,
    wrong_fix: usize,
    unwanted: usize,
}

fn load() -> BTreeMap<String, Vec<Row>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(FILE);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let mut out: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    let mut header = false;
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        if !header {
            assert_eq!(line, HEADER, "{FILE}:{}: header", i + 1);
            header = true;
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 6, "{FILE}:{}: expected 6 columns", i + 1);
        assert!(
            ["prose", "quoted", "heading"].contains(&f[4]),
            "{FILE}:{}: context `{}`",
            i + 1,
            f[4]
        );
        let offset = f[1]
            .parse()
            .unwrap_or_else(|_| panic!("{FILE}:{}: offset `{}`", i + 1, f[1]));
        out.entry(f[0].to_string()).or_default().push(Row {
            line: i + 1,
            offset,
            written: f[2].to_string(),
            ap: f[3].to_string(),
            context: f[4].to_string(),
        });
    }
    assert!(header, "{FILE}: no header");
    out
}

#[test]
fn date_format_against_gold() {
    let gold = load();
    let articles: BTreeMap<String, String> = corpus::articles().into_iter().collect();
    let mut config = Config::default();
    config.set_level("date.format", Level::On(Severity::Information));
    let mut tallies: BTreeMap<Part, Tally> = BTreeMap::new();
    let mut articles_by_part: BTreeMap<Part, usize> = BTreeMap::new();
    let mut report = String::new();
    for (article, rows) in &gold {
        let text = articles
            .get(article)
            .unwrap_or_else(|| panic!("{FILE}: no article {article}"));
        for r in rows {
            assert_eq!(
                text.get(r.offset..r.offset + r.written.len()),
                Some(r.written.as_str()),
                "{FILE}:{}: `{}` is not at offset {}",
                r.line,
                r.written,
                r.offset
            );
        }
        let part = corpus::part(article);
        *articles_by_part.entry(part).or_default() += 1;
        let t = tallies.entry(part).or_default();
        t.rows += rows.len();
        t.wanted += rows.iter().filter(|r| r.wanted()).count();
        let flags: Vec<_> = analyze(&Document::parse(text), &config)
            .into_iter()
            .filter(|d| d.rule == "date.format")
            .collect();
        let mut hit = vec![false; rows.len()];
        for d in &flags {
            t.flags += 1;
            let expected = d.data["expected"].as_str().unwrap_or("");
            let row = rows
                .iter()
                .position(|r| r.offset < d.range.end && d.range.start < r.offset + r.written.len());
            let verdict = match row {
                Some(k) if rows[k].wanted() && rows[k].ap == expected => {
                    hit[k] = true;
                    t.right += 1;
                    "right"
                }
                Some(k) if rows[k].wanted() => {
                    t.wrong_fix += 1;
                    report.push_str(&format!("  (gold: {})\n", rows[k].ap));
                    "WRONG FIX"
                }
                _ => {
                    t.unwanted += 1;
                    "UNWANTED"
                }
            };
            if part == Part::Tune && verdict != "right" {
                report.push_str(&format!(
                    "{verdict} {article}: `{}` → `{expected}`\n",
                    &text[d.range.clone()]
                ));
            }
        }
        if part == Part::Tune {
            for (k, r) in rows.iter().enumerate() {
                if r.wanted() && !hit[k] {
                    report.push_str(&format!(
                        "MISSED {article}: `{}` → `{}` ({FILE}:{})\n",
                        r.written, r.ap, r.line
                    ));
                }
            }
        }
    }
    println!("{report}");
    println!("| part | articles | gold rows | wanted | flags | right | wrong fix | unwanted | precision | recall |");
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    for (part, t) in &tallies {
        println!(
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            part.as_str(),
            articles_by_part[part],
            t.rows,
            t.wanted,
            t.flags,
            t.right,
            t.wrong_fix,
            t.unwanted,
            ratio(t.right, t.flags),
            ratio(t.right, t.wanted),
        );
    }
    println!("(targets: precision ≥ {TARGET_PRECISION}%, recall ≥ {TARGET_RECALL}%)");
    let tune = tallies.get(&Part::Tune).expect("tune rows");
    assert!(
        articles_by_part.values().sum::<usize>() >= 60,
        "the gold set must cover at least 60 articles"
    );
    assert!(
        pct(tune.right, tune.flags) >= FLOOR_TUNE_PRECISION,
        "tune precision {} below {FLOOR_TUNE_PRECISION}%",
        ratio(tune.right, tune.flags)
    );
    assert!(
        pct(tune.right, tune.wanted) >= FLOOR_TUNE_RECALL,
        "tune recall {} below {FLOOR_TUNE_RECALL}%",
        ratio(tune.right, tune.wanted)
    );
}
