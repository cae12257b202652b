//! Time-expression finding (recognition + resolution) and the date rules on a 10,000-word
//! draft made of Wikinews articles.
//!
//! Run: `cargo bench --bench time`. Needs `tests/corpus/wikinews-2019`.

use copydesk::analysis::{time, Config, Context, Document};
use criterion::{criterion_group, criterion_main, Criterion};

mod common;
use common::{corpus, draft_of_words};

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let config = Config::default();
    let draft = draft_of_words(&articles, 10_000);
    let doc = Document::parse(draft.as_str());
    let cx = Context::new(&doc, &config);
    let article = cx.article_date().cloned();
    let n = time::find_all(&doc, article.as_ref()).len();
    eprintln!(
        "10,000-word draft: {} bytes, {n} time expressions",
        draft.len()
    );
    // The machine may be shared: the best of many runs is the cost without interference.
    let mut best = std::time::Duration::MAX;
    for _ in 0..50 {
        let t = std::time::Instant::now();
        std::hint::black_box(time::find_all(&doc, article.as_ref()).len());
        best = best.min(t.elapsed());
    }
    eprintln!("find_all on 10,000 words, best of 50 runs: {best:?}");
    if std::env::var("TIME_PATTERNS").is_ok() {
        let text: String = doc
            .blocks
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        for (name, re) in time::recognizer::pattern_regexes() {
            // Best of 20 scans of the whole text by this pattern alone.
            let mut best = std::time::Duration::MAX;
            let mut n = 0;
            for _ in 0..20 {
                let t = std::time::Instant::now();
                n = re.captures_iter(&text).count();
                best = best.min(t.elapsed());
            }
            eprintln!("{:>24} {best:?}", format!("{name} ({n})"));
        }
    }

    let mut group = c.benchmark_group("time");
    group.bench_function("find_10k_words", |b| {
        b.iter(|| time::find_all(&doc, article.as_ref()).len())
    });
    group.bench_function("recognize_only_10k_words", |b| {
        b.iter(|| time::recognizer::recognize(&doc).len())
    });
    group.bench_function("date_rules_10k_words", |b| {
        let rules: Vec<_> = ["date.relative", "date.vague", "claim.undated"]
            .iter()
            .filter_map(|id| copydesk::analysis::rules::find(id))
            .collect();
        b.iter(|| {
            let cx = Context::new(&doc, &config);
            let mut out = Vec::new();
            for r in &rules {
                r.check(&cx, &mut out);
            }
            out.len()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
