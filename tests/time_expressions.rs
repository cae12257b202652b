//! Recall, precision and resolution accuracy of the time-expression recogniser on a
//! hand-labelled set of Wikinews sentences (`tests/fixtures/time_expressions.tsv`).
//!
//! Matching is relaxed (TempEval style): a labelled expression is found when a recognised
//! one overlaps it; each recognised expression matches at most one label. Precision counts
//! every expression recognised in the labelled sentences. Resolution accuracy is the share
//! of found expressions whose value equals the label.
//!
//! `cargo test --test time_expressions -- --nocapture` prints the scores, and every miss of
//! the tune fixtures only: a held-out fixture's misses stay hidden (as the blind probes'
//! do) unless `TIME_EXPRESSIONS_SHOW_HELD_OUT=1`, so that nobody tunes on them by accident.

use copydesk::analysis::{Config, Context, Document};
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;
#[path = "common/corpus.rs"]
mod corpus;

struct Label {
    snippet: String,
    expression: String,
    kind: String,
    value: String,
}

fn fixture(name: &str) -> BTreeMap<String, Vec<Label>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    let text = std::fs::read_to_string(path).expect("fixture");
    let mut out: BTreeMap<String, Vec<Label>> = BTreeMap::new();
    for line in text.lines().skip_while(|l| l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "bad fixture line: {line}");
        out.entry(cols[0].to_string()).or_default().push(Label {
            snippet: cols[1].to_string(),
            expression: cols[2].to_string(),
            kind: cols[3].to_string(),
            value: cols[4].to_string(),
        });
    }
    out
}

#[derive(Default)]
struct Score {
    gold: usize,
    predicted: usize,
    found: usize,
    exact_span: usize,
    value_right: usize,
    type_right: usize,
    /// Per labelled type: (labelled, found, value right).
    by_kind: BTreeMap<String, (usize, usize, usize)>,
    /// Per labelled type: found values that differ from the label only by a TimeML
    /// convention (`convention`).
    by_kind_convention: BTreeMap<String, usize>,
}

/// Is a found value that differs from the label a TimeML convention of the annotators
/// rather than an error? Only differences that name the same time:
/// - the weekend just past labelled with the week of the Monday after it (`2008-W42-WE`
///   for Oct. 11–12, 2008, which ISO 8601 numbers `2008-W41-WE`);
/// - a duration's unit written before its number (`PM6` for `P6M`);
/// - "now" labelled with the article date where TimeML also allows `PRESENT_REF`;
/// - "the past decade", "the last year" read as the span back from the article date
///   (`P1DE`, `P1Y`) where the annotators wrote the calendar decade or year (`200`,
///   `2009`).
///
/// Printed beside the plain figure, never instead of it.
fn convention(expression: &str, found: &str, label: &str) -> Option<&'static str> {
    let week = |v: &str| -> Option<(i32, i32)> {
        let v = v.strip_suffix("-WE")?;
        let (y, w) = v.split_once("-W")?;
        Some((y.parse().ok()?, w.parse().ok()?))
    };
    if let (Some((fy, fw)), Some((ly, lw))) = (week(found), week(label)) {
        if fy == ly && lw == fw + 1 {
            return Some("weekend numbered with the next Monday's week");
        }
    }
    if let (Some(f), Some(l)) = (found.strip_prefix('P'), label.strip_prefix('P')) {
        let unit_first = |s: &str| {
            let (unit, n) = s.split_at(s.find(|c: char| c.is_ascii_digit())?);
            Some(format!("{n}{unit}"))
        };
        if unit_first(l).as_deref() == Some(f) && !l.starts_with(|c: char| c.is_ascii_digit()) {
            return Some("duration unit written before its number");
        }
    }
    if expression.eq_ignore_ascii_case("now") && found == "PRESENT_REF" && label.len() == 10 {
        return Some("\"now\" as the article date");
    }
    let lower = expression.to_ascii_lowercase();
    let span_back = lower.starts_with("the past ") || lower.starts_with("the last ");
    if span_back
        && ((found == "P1DE" && label.len() == 3 && label.chars().all(|c| c.is_ascii_digit()))
            || (found == "P1Y" && label.len() == 4 && label.chars().all(|c| c.is_ascii_digit())))
    {
        return Some("the span back read as the calendar period");
    }
    None
}

/// (recall, precision, resolution accuracy, labelled count), printing every miss.
fn evaluate(name: &str, corpus: &Path) -> (f64, f64, f64, usize) {
    let config = Config::default();
    let mut score = Score::default();
    let mut report = Vec::new();
    for (article, labels) in fixture(name) {
        let text = std::fs::read_to_string(corpus.join(&article))
            .unwrap_or_else(|e| panic!("{article}: {e}"));
        let doc = Document::parse(text.as_str());
        let cx = Context::new(&doc, &config);
        let exprs = cx.time_expressions();
        // Sentences (block, range) taking part, and labels placed in block text.
        let mut region: Vec<(usize, Range<usize>)> = Vec::new();
        let mut gold: Vec<(usize, Range<usize>, &Label)> = Vec::new();
        let mut cursor: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for l in &labels {
            let (bi, at) = doc
                .blocks
                .iter()
                .enumerate()
                .find_map(|(bi, b)| b.text.find(&l.snippet).map(|at| (bi, at)))
                .unwrap_or_else(|| panic!("{article}: snippet not found: {}", l.snippet));
            let sentence_of = |pos: usize| {
                doc.sentences[bi]
                    .iter()
                    .find(|s| s.start <= pos && pos < s.end)
                    .cloned()
                    .unwrap_or(pos..pos + 1)
            };
            let s = sentence_of(at);
            if !region.contains(&(bi, s.clone())) {
                region.push((bi, s.clone()));
            }
            if l.kind == "none" {
                continue;
            }
            let from = cursor.get(&(bi, at)).copied().unwrap_or(at);
            let block = &doc.blocks[bi].text;
            let pos = block[from..]
                .find(&l.expression)
                .map(|p| from + p)
                .unwrap_or_else(|| {
                    panic!(
                        "{article}: `{}` not found after snippet {}",
                        l.expression, l.snippet
                    )
                });
            let r = pos..pos + l.expression.len();
            cursor.insert((bi, at), r.end);
            let s2 = sentence_of(pos);
            if !region.contains(&(bi, s2.clone())) {
                region.push((bi, s2));
            }
            gold.push((bi, r, l));
        }
        let predicted: Vec<_> = exprs
            .iter()
            .filter(|e| {
                region.iter().any(|(b, s)| {
                    *b == e.block && s.start <= e.range.start && e.range.start < s.end
                })
            })
            .collect();
        score.gold += gold.len();
        score.predicted += predicted.len();
        let mut used = vec![false; predicted.len()];
        for (bi, r, l) in &gold {
            let kind = score.by_kind.entry(l.kind.clone()).or_default();
            kind.0 += 1;
            let hit = predicted.iter().enumerate().find(|(i, e)| {
                !used[*i] && e.block == *bi && e.range.start < r.end && r.start < e.range.end
            });
            match hit {
                Some((i, e)) => {
                    used[i] = true;
                    score.found += 1;
                    if e.range == *r {
                        score.exact_span += 1;
                    }
                    if e.kind.label() == l.kind {
                        score.type_right += 1;
                    }
                    let v = e.value.as_deref().unwrap_or("-");
                    let kind = score.by_kind.entry(l.kind.clone()).or_default();
                    kind.1 += 1;
                    if v == l.value {
                        kind.2 += 1;
                        score.value_right += 1;
                    } else {
                        let why = convention(&l.expression, v, &l.value);
                        if why.is_some() {
                            *score.by_kind_convention.entry(l.kind.clone()).or_default() += 1;
                        }
                        report.push(format!(
                            "VALUE  {article}: “{}” → {v} (expected {}){}",
                            l.expression,
                            l.value,
                            why.map(|w| format!(" [convention: {w}]"))
                                .unwrap_or_default()
                        ));
                    }
                }
                None => report.push(format!(
                    "MISSED {article}: “{}” ({} {})",
                    l.expression, l.kind, l.value
                )),
            }
        }
        for (i, e) in predicted.iter().enumerate() {
            if !used[i] {
                report.push(format!(
                    "EXTRA  {article}: “{}” ({} {})",
                    e.text,
                    e.kind.label(),
                    e.value.as_deref().unwrap_or("-")
                ));
            }
        }
    }
    let recall = score.found as f64 / score.gold as f64;
    let precision = score.found as f64 / score.predicted.max(1) as f64;
    let accuracy = score.value_right as f64 / score.found.max(1) as f64;
    let held_out = name.contains("heldout");
    if !held_out || std::env::var_os("TIME_EXPRESSIONS_SHOW_HELD_OUT").is_some() {
        for line in &report {
            println!("{line}");
        }
    } else {
        println!("({} misses of a held-out fixture not listed)", report.len());
    }
    println!("== {name}");
    println!(
        "labelled {}, recognised {}, found {} ({} exact spans, {} right type)",
        score.gold, score.predicted, score.found, score.exact_span, score.type_right
    );
    println!(
        "recall {:.1}%  precision {:.1}%  resolution accuracy {:.1}%",
        recall * 100.0,
        precision * 100.0,
        accuracy * 100.0
    );
    for (kind, (labelled, found, right)) in &score.by_kind {
        let conv = score.by_kind_convention.get(kind).copied().unwrap_or(0);
        println!(
            "  {kind:<9} labelled {labelled:>3}  found {:>5.1}%  value right {:>5.1}% of found ({:>5.1}% with TimeML conventions accepted)",
            100.0 * *found as f64 / (*labelled).max(1) as f64,
            100.0 * *right as f64 / (*found).max(1) as f64,
            100.0 * (*right + conv) as f64 / (*found).max(1) as f64
        );
    }
    (recall, precision, accuracy, score.gold)
}

#[test]
fn recogniser_meets_the_quality_bar() {
    let (recall, precision, accuracy, gold) = evaluate("time_expressions.tsv", &corpus::dir());
    assert!(gold >= 200, "fixture has {gold} expressions");
    assert!(recall > 0.90, "recall {recall:.3}");
    assert!(precision > 0.90, "precision {precision:.3}");
    assert!(accuracy > 0.85, "resolution accuracy {accuracy:.3}");
}

/// Articles labelled after tuning and never tuned on: an honest estimate of how the
/// recogniser does on news it has not seen. Looser bounds, so that the numbers are
/// reported rather than chased.
#[test]
fn recogniser_generalises_to_held_out_articles() {
    let (recall, precision, accuracy, gold) =
        evaluate("time_expressions_heldout.tsv", &corpus::dir());
    assert!(gold >= 50, "held-out set has {gold} expressions");
    assert!(recall > 0.80, "recall {recall:.3}");
    assert!(precision > 0.85, "precision {precision:.3}");
    assert!(accuracy > 0.75, "resolution accuracy {accuracy:.3}");
}

/// News from another period and desk: business news of 2004–2011 from the MEANTIME corpus,
/// labelled by the corpus authors with TimeML values, not by this project. Its conventions
/// differ in places (quarters, fiscal years, week numbers), so the floors only catch a
/// collapse; the figures are reported in QUALITY.md. The tune half may be read while
/// changing the recogniser.
#[test]
fn recogniser_on_other_news_tune_half() {
    let (recall, precision, accuracy, gold) = evaluate(
        "time_expressions_meantime_tune.tsv",
        &corpus::meantime_dir(),
    );
    assert!(gold >= 150, "MEANTIME tune half has {gold} expressions");
    assert!(recall > 0.70, "recall {recall:.3}");
    assert!(precision > 0.85, "precision {precision:.3}");
    assert!(accuracy > 0.75, "resolution accuracy {accuracy:.3}");
}

/// The other half of the MEANTIME articles: never read while tuning, only measured.
#[test]
fn recogniser_on_other_news_held_out_half() {
    let (recall, precision, accuracy, gold) = evaluate(
        "time_expressions_meantime_heldout.tsv",
        &corpus::meantime_dir(),
    );
    assert!(gold >= 150, "MEANTIME held-out half has {gold} expressions");
    assert!(recall > 0.65, "recall {recall:.3}");
    assert!(precision > 0.80, "precision {precision:.3}");
    assert!(accuracy > 0.70, "resolution accuracy {accuracy:.3}");
}
