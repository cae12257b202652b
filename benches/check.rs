//! Throughput of the whole analysis (parse + every enabled rule) on real news text:
//! a 10 MB file made by concatenating the Wikinews corpus, and drafts of 1,000, 10,000
//! and 100,000 words.
//!
//! `sourcing_10k/{on,off}`: the 10,000-word analysis with the sourcing rules on and off;
//! `sourcing_10k_cpu/{on,off}` the same in the thread's CPU time (`common::ThreadCpu`), which
//! other load on the machine does not inflate: the figure issue 20's budget is read from.
//!
//! Run: `cargo bench --bench check`. Needs `tests/corpus/wikinews-2019`.

use copydesk::analysis::{analyze, analyze_with, Config, Context, Document};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

mod common;
use common::{concat_to_bytes, corpus, draft_of_words, ThreadCpu};

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let config = Config::default();

    let big = concat_to_bytes(&articles, 10_000_000);
    let mut group = c.benchmark_group("check_throughput");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(big.len() as u64));
    group.bench_function("10MB_corpus", |b| {
        b.iter(|| analyze(&Document::parse(big.as_str()), &config).len())
    });
    group.finish();

    let mut group = c.benchmark_group("full_analysis");
    for words in [1_000, 10_000, 100_000] {
        let draft = draft_of_words(&articles, words);
        group.throughput(Throughput::Elements(words as u64));
        group.bench_with_input(BenchmarkId::from_parameter(words), &draft, |b, d| {
            b.iter(|| analyze(&Document::parse(d.as_str()), &config).len())
        });
    }
    group.finish();

    // Issue 20's budget: the full analysis of 10,000 words with the default sourcing rules
    // (`source.anonymous`, `attribution.loaded`, `attribution.vague`) on and off, in the
    // same run, so the difference is theirs and not the machine's.
    let draft = draft_of_words(&articles, 10_000);
    let off = sourcing_off();
    let mut group = c.benchmark_group("sourcing_10k");
    group.throughput(Throughput::Elements(10_000));
    for (name, cfg) in [("on", &config), ("off", &off)] {
        group.bench_function(name, |b| {
            b.iter(|| analyze(&Document::parse(draft.as_str()), cfg).len())
        });
    }
    group.finish();

    // Where the time of a 10,000-word analysis goes: each shared stage on its own (a fresh
    // Context per iteration, so nothing is reused), then the rules once the stages are done.
    let draft = draft_of_words(&articles, 10_000);
    let doc = Document::parse(draft.as_str());
    let mut group = c.benchmark_group("stages_10k");
    group.bench_function("parse", |b| {
        b.iter(|| Document::parse(draft.as_str()).blocks.len())
    });
    group.bench_function("quotes", |b| {
        b.iter(|| Context::new(&doc, &config).quotes().len())
    });
    group.bench_function("names", |b| {
        b.iter(|| Context::new(&doc, &config).names().mentions.len())
    });
    group.bench_function("time_expressions", |b| {
        b.iter(|| Context::new(&doc, &config).time_expressions().len())
    });
    let cx = Context::new(&doc, &config);
    let _ = (cx.quotes(), cx.names(), cx.time_expressions());
    group.bench_function("rules_after_stages", |b| b.iter(|| analyze_with(&cx).len()));
    group.finish();
}

/// The default configuration with the default sourcing rules (`source.anonymous`,
/// `attribution.loaded`, `attribution.vague`) turned off: issue 20's baseline.
fn sourcing_off() -> Config {
    let mut off = Config::default();
    for rule in [
        "source.anonymous",
        "attribution.loaded",
        "attribution.vague",
    ] {
        off.set_level(rule, copydesk::analysis::config::Level::Off);
    }
    off
}

/// Issue 20's budget in CPU time: `sourcing_10k_cpu/{on,off}`, the 10,000-word analysis with
/// the default sourcing rules on and off, measured in the same run.
fn bench_sourcing_cpu(c: &mut Criterion<ThreadCpu>) {
    let articles = corpus();
    let draft = draft_of_words(&articles, 10_000);
    let on = Config::default();
    let off = sourcing_off();
    let mut group = c.benchmark_group("sourcing_10k_cpu");
    group.throughput(Throughput::Elements(10_000));
    for (name, cfg) in [("on", &on), ("off", &off)] {
        group.bench_function(name, |b| {
            b.iter(|| analyze(&Document::parse(draft.as_str()), cfg).len())
        });
    }
    group.finish();
}

/// The analysis the language server runs after a one-word edit: paragraph caches on and
/// warm, every other iteration inserts a word in the middle paragraph (and the next one
/// removes it), so each run re-analyses one changed paragraph against cached neighbours.
fn bench_after_edit(c: &mut Criterion) {
    let articles = corpus();
    let config = Config::default();
    let cache = std::sync::Arc::new(copydesk::analysis::cache::ParagraphCache::new());
    let mut group = c.benchmark_group("analysis_after_edit_cached");
    for words in [1_000, 10_000, 100_000] {
        let draft = draft_of_words(&articles, words);
        let mid = draft[..draft.len() / 2].rfind("\n\n").map_or(0, |i| i + 2);
        let edited = format!("{}Reportedly {}", &draft[..mid], &draft[mid..]);
        let texts = [draft, edited];
        for t in &texts {
            analyze(&Document::parse_cached(t.as_str(), &cache), &config);
        }
        let mut i = 0;
        group.throughput(Throughput::Elements(words as u64));
        group.bench_function(BenchmarkId::from_parameter(words), |b| {
            b.iter(|| {
                i += 1;
                analyze(
                    &Document::parse_cached(texts[i % 2].as_str(), &cache),
                    &config,
                )
                .len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_after_edit);
criterion_group! {
    name = cpu;
    config = Criterion::default().with_measurement(ThreadCpu);
    targets = bench_sourcing_cpu
}
criterion_main!(benches, cpu);
