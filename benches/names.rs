//! Name recognition and matching: the knowledge-base load (parse the embedded JSON and build
//! the automaton), and `names::analyse` (folding, Aho–Corasick matching, draft-learned
//! actors, surname resolution) plus the three `name.*` rules on a 10,000-word draft made of
//! Wikinews articles.
//!
//! Run: `cargo bench --bench names`. Needs `tests/corpus/wikinews-2019`.

use copydesk::analysis::names::{self, kb::Kb};
use copydesk::analysis::{analyze, config::Level, Config, Document, Severity};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;

fn draft_of_words(words: usize) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/wikinews-2019");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus at {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    let mut out = String::new();
    let mut count = 0;
    for p in paths.iter().cycle() {
        if count >= words {
            break;
        }
        let text = std::fs::read_to_string(p).unwrap_or_default();
        // Bodies only: drop the front matter.
        let body = text.splitn(3, "---\n").nth(2).unwrap_or(&text);
        count += body.split_whitespace().count();
        out.push_str(body);
        out.push_str("\n\n");
    }
    out
}

fn bench(c: &mut Criterion) {
    let mut g = c.benchmark_group("names");
    g.sample_size(20);
    g.bench_function("kb_load", |b| b.iter(Kb::load_uncached));

    let text = draft_of_words(10_000);
    let doc = Document::parse(text.clone());
    let words = doc.word_count() as u64;
    let config = Config::default();
    // Warm the shared knowledge base and word lists outside the measurement.
    let _ = names::analyse(&doc, &config.names);
    g.throughput(Throughput::Elements(words));
    g.bench_function("recognise_10k_words", |b| {
        b.iter(|| names::analyse(&doc, &config.names))
    });
    let mut only_names = Config::default();
    only_names.set_level("quote.unbalanced", Level::Off);
    for id in [
        "name.misspelled",
        "name.inconsistent",
        "name.first-reference",
    ] {
        only_names.set_level(id, Level::On(Severity::Warning));
    }
    g.bench_function("name_rules_10k_words", |b| {
        b.iter(|| analyze(&doc, &only_names))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
