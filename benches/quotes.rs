//! Quote finding + attribution (`quotes::find`, what `cx.quotes()` computes) on drafts of
//! 10,000 words: real news (Wikinews articles, about one quote per 110 words) and a
//! quote-dense draft (a quote in every paragraph). The document is parsed outside the
//! timed loop. Target: well under 2 ms per 10,000 words.
//!
//! Run: `cargo bench --bench quotes`. Needs `tests/corpus/wikinews-2019`.

use copydesk::analysis::config::QuotesConfig;
use copydesk::analysis::{quotes, Document};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

mod common;
use common::corpus;

/// About `words` words of article bodies.
fn draft_of_words(paragraphs: impl Iterator<Item = String>, words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for para in paragraphs {
        if count >= words {
            break;
        }
        count += para.split_whitespace().count();
        out.push_str(&para);
        out.push_str("\n\n");
    }
    out
}

/// User + system CPU time of this process (Linux `/proc/self/stat`, 10 ms ticks).
fn process_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let news = draft_of_words(
        articles
            .iter()
            .cycle()
            .flat_map(|a| a.splitn(3, "---\n").nth(2).unwrap_or(a).split("\n\n"))
            .map(str::to_string),
        10_000,
    );
    let dense_paras = [
        "“We will rebuild every school in the district,” said Mayor Ana Ruiz, adding that the state had “promised the money twice”.",
        "Ruiz had a warning for the state: “Do not make us wait.” Officials said the plan was “dead on arrival”.",
        "“It is the taxpayers’ money,” a Treasury spokeswoman told reporters. “They deserve better.”",
        "According to the council, “the foundations are sound,” but engineers called the report “a whitewash”.",
        "The so-called “deal” fell apart on Friday. “Nobody asked us,” residents said.",
    ];
    let dense = draft_of_words(dense_paras.iter().cycle().map(|s| s.to_string()), 10_000);
    let config = QuotesConfig::default();
    let mut group = c.benchmark_group("quotes_find");
    group.throughput(Throughput::Elements(10_000));
    for (name, text) in [("news_10k_words", &news), ("quote_dense_10k_words", &dense)] {
        let doc = Document::parse(text.as_str());
        let n = quotes::find(&doc, &config).len();
        // Wall-clock time is meaningless on a loaded machine; CPU time is not.
        let iters = 500;
        let cpu = process_cpu_seconds();
        for _ in 0..iters {
            std::hint::black_box(quotes::find(&doc, &config));
        }
        let per = process_cpu_seconds().map(|end| (end - cpu.unwrap_or(end)) / iters as f64);
        eprintln!(
            "{name}: {} words, {n} quotations, CPU time per run {}",
            doc.word_count(),
            per.map_or("n/a".into(), |s| format!("{:.3} ms", s * 1000.0))
        );
        group.bench_function(name, |b| b.iter(|| quotes::find(&doc, &config).len()));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
