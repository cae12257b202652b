//! The date checks over the Wikinews corpus (`tests/corpus/wikinews-2019`): rates of
//! `date.*` and `claim.undated` diagnostics per 10,000 words, and dumps for reading.
//!
//! `cargo test --test dates_corpus -- --nocapture` prints the rates;
//! `DUMP=time` or `DUMP=diags` prints every expression or diagnostic.

use copydesk::analysis::config::Level;
use copydesk::analysis::Severity;
use copydesk::analysis::{analyze, Config, Context, Document};

#[path = "common/corpus.rs"]
mod corpus;

#[test]
fn corpus_rates() {
    let paths = corpus::paths();
    let dump = std::env::var("DUMP").unwrap_or_default();
    // `claim.undated` is opt-in; its rate is measured as a desk that turns it on.
    let mut config = Config::default();
    config.set_level("claim.undated", Level::On(Severity::Information));
    let mut words = 0usize;
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    let mut exprs = 0usize;
    for p in &paths {
        let text = std::fs::read_to_string(p).unwrap();
        let doc = Document::parse(text.as_str());
        words += doc.word_count();
        let cx = Context::new(&doc, &config);
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        for e in cx.time_expressions() {
            exprs += 1;
            if dump == "time" {
                println!(
                    "{name}\t{}\t{}\t{}\t{:?}",
                    e.text,
                    e.kind.label(),
                    e.value.as_deref().unwrap_or("-"),
                    e.anchor
                );
            }
        }
        for d in analyze(&doc, &config) {
            if d.rule.starts_with("date.") || d.rule == "claim.undated" {
                *counts.entry(d.rule).or_default() += 1;
                if dump == "diags" || dump == d.rule {
                    let line = doc.line_col(d.range.start).line as usize + 1;
                    let (bi, _) = doc.block_at(d.range.start).unwrap_or((0, 0));
                    let ctx = &doc.blocks[bi].text;
                    println!(
                        "{name}:{line}\t{}\t[{}]\t{}\n\t{}",
                        d.rule,
                        &text[d.range.clone()],
                        d.message,
                        ctx
                    );
                }
            }
        }
    }
    println!(
        "{} files, {words} words, {exprs} time expressions",
        paths.len()
    );
    for (rule, n) in &counts {
        println!(
            "{rule}: {n} ({:.1} per 10,000 words)",
            *n as f64 * 10_000.0 / words as f64
        );
    }
    assert!(words > 50_000);
}

/// A fix is never flagged by the configuration that offered it: every `date.relative` and
/// `claim.undated` fix of the corpus is applied (the first offered, then, for an ambiguous
/// weekday, the second), under each `[dates] style`, and the article checked again. Nothing
/// may be flagged where a fix wrote, and a date.relative fix must read back as the day it
/// was offered for (a weekday that the new sentence resolves to another week would be a
/// wrong fix). Failures in tune articles are printed; held-out ones only counted.
#[test]
fn an_applied_date_fix_is_never_flagged_again() {
    use copydesk::analysis::fix::apply_edits;
    use copydesk::analysis::time::DateStyle;
    use copydesk::analysis::Edit;
    let mut problems: Vec<String> = Vec::new();
    let mut heldout_problems = 0usize;
    let mut applied = 0usize;
    for style in [DateStyle::Ap, DateStyle::Evergreen] {
        let mut config = Config::default();
        config.dates.style = Some(style);
        config.set_level("claim.undated", Level::On(Severity::Information));
        for (name, text) in corpus::articles() {
            let doc = Document::parse(text.as_str());
            let diags: Vec<_> = analyze(&doc, &config)
                .into_iter()
                .filter(|d| d.rule == "date.relative" || d.rule == "claim.undated")
                .collect();
            let cx = Context::new(&doc, &config);
            for pass in 0..2 {
                // (edit, the day the expression it replaces was resolved to)
                let mut edits: Vec<(Edit, Option<jiff::civil::Date>)> = Vec::new();
                for d in &diags {
                    let Some(fix) = d.fixes.get(pass).or(d.fixes.first()) else {
                        continue;
                    };
                    let day = cx
                        .time_expressions()
                        .iter()
                        .find(|e| e.source == d.range)
                        .and_then(|e| {
                            e.day
                                .or(e.ambiguous.map(|(p, c)| if pass == 0 { p } else { c }))
                        });
                    for e in &fix.edits {
                        edits.push((e.clone(), day.filter(|_| d.rule == "date.relative")));
                    }
                }
                edits.sort_by_key(|(e, _)| e.range.start);
                edits.dedup_by(|b, a| b.0.range.start < a.0.range.end);
                if edits.is_empty() {
                    continue;
                }
                let plain: Vec<Edit> = edits.iter().map(|(e, _)| e.clone()).collect();
                let (new_text, skipped) = apply_edits(&text, &plain);
                assert!(skipped.is_empty(), "{name}: overlapping fixes");
                // Where each inserted text now stands.
                let mut shift: isize = 0;
                let mut inserted = Vec::new();
                for (e, day) in &edits {
                    let start = (e.range.start as isize + shift) as usize;
                    inserted.push((start..start + e.new_text.len(), e.new_text.clone(), *day));
                    shift += e.new_text.len() as isize - e.range.len() as isize;
                }
                applied += inserted.len();
                let new_doc = Document::parse(new_text.as_str());
                let new_cx = Context::new(&new_doc, &config);
                let again = analyze(&new_doc, &config);
                let mut fail = |what: String| {
                    if corpus::part(&name) == corpus::Part::Tune {
                        problems.push(format!("{name} ({}): {what}", style.as_str()));
                    } else {
                        heldout_problems += 1;
                    }
                };
                for (r, written, day) in &inserted {
                    for d in again.iter().filter(|d| {
                        (d.rule == "date.relative" || d.rule == "claim.undated")
                            && d.range.start < r.end.max(r.start + 1)
                            && r.start < d.range.end
                    }) {
                        fail(format!(
                            "the fix “{written}” is flagged again by {}: {}",
                            d.rule, d.message
                        ));
                    }
                    if let Some(day) = day {
                        let back = new_cx
                            .time_expressions()
                            .iter()
                            .find(|e| e.source.start < r.end && r.start < e.source.end);
                        match back.and_then(|e| e.day) {
                            Some(d) if d == *day => {}
                            other => fail(format!(
                                "the fix “{written}” reads back as {other:?}, not {day}"
                            )),
                        }
                    }
                }
            }
        }
    }
    println!("{applied} fixes applied and checked again");
    assert!(applied > 100, "only {applied} fixes applied");
    assert!(
        problems.is_empty() && heldout_problems == 0,
        "{} problems in held-out articles (not shown); tune:\n{}",
        heldout_problems,
        problems.join("\n")
    );
}
