//! The date checks over the Wikinews corpus (`tests/corpus/wikinews-2019`): rates of
//! `date.*` and `claim.undated` diagnostics per 10,000 words, and dumps for reading.
//!
//! `cargo test --test dates_corpus -- --nocapture` prints the rates;
//! `DUMP=time` or `DUMP=diags` prints every expression or diagnostic.

use copydesk::analysis::{analyze, Config, Context, Document};

#[path = "common/corpus.rs"]
mod corpus;

#[test]
fn corpus_rates() {
    let paths = corpus::paths();
    let dump = std::env::var("DUMP").unwrap_or_default();
    let config = Config::default();
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
