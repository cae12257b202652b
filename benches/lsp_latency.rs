//! Keystroke-to-diagnostics latency of `copydesk lsp` on drafts of 1,000, 10,000 and
//! 100,000 words made by concatenating Wikinews articles.
//!
//! - `analysis_after_edit/N`: one one-word incremental edit applied to the rope, then the
//!   server's whole analysis of the new state (text snapshot, parse, every rule,
//!   conversion to LSP diagnostics) — what the worker thread does per change.
//! - `stdio_roundtrip/N`: the real binary over stdio, `didChange` (a one-word insert) →
//!   `publishDiagnostics` for that version.
//!
//! Before the criterion groups it prints p50/p95/max of both, since the goal is a p95.
//! Run: `cargo bench --bench lsp_latency`. Needs `tests/corpus/wikinews-2019`.

#[path = "../tests/common/lsp_client.rs"]
mod lsp_client;

use copydesk::analysis::cache::ParagraphCache;
use copydesk::analysis::{Config, Encoding};
use copydesk::lsp::documents::{apply_change, Snapshot};
use copydesk::lsp::scheduler::analyse;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use lsp_client::LspClient;
use ropey::Rope;
use serde_json::{json, Value};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tower_lsp::lsp_types as lsp;

mod common;
use common::{corpus, draft_of_words};

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];
const WORDS: [&str; 6] = [
    "breaking ",
    "Київ ",
    "reportedly ",
    "“quoted ",
    "日本 ",
    "officials ",
];

/// A line in the middle of the draft with prose on it.
fn middle_line(text: &str) -> u32 {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut mid = lines.len() / 2;
    while mid + 1 < lines.len() && lines[mid].trim().is_empty() {
        mid += 1;
    }
    mid as u32
}

/// Keystroke `i`: even ones insert a word at the start of `line`, odd ones delete it
/// again, so the draft keeps its size however many iterations criterion runs.
fn edit(line: u32, i: usize) -> lsp::TextDocumentContentChangeEvent {
    let word = WORDS[(i / 2) % WORDS.len()];
    let start = lsp::Position::new(line, 0);
    let (end, text) = if i % 2 == 0 {
        (start, word.to_string())
    } else {
        let units = word.encode_utf16().count() as u32;
        (lsp::Position::new(line, units), String::new())
    };
    lsp::TextDocumentContentChangeEvent {
        range: Some(lsp::Range::new(start, end)),
        range_length: None,
        text,
    }
}

/// One keystroke's work in the server: edit the rope, snapshot, analyse, convert.
fn keystroke(
    rope: &mut Rope,
    line: u32,
    i: usize,
    config: &Arc<Config>,
    uri: &lsp::Url,
    cache: &Arc<ParagraphCache>,
) -> usize {
    apply_change(rope, &edit(line, i), Encoding::Utf16);
    let snap = Snapshot {
        generation: i as u64,
        version: i as i32,
        text: rope.to_string(),
        config: config.clone(),
    };
    match analyse(snap, uri, Encoding::Utf16, Some(cache), None) {
        Ok(a) => a.lsp.len(),
        Err(_) => 0,
    }
}

/// min, p50, p95, max. On a busy machine the minimum is the best estimate of the work
/// itself; the percentiles include waiting for a CPU.
fn percentiles(mut ms: Vec<f64>) -> (f64, f64, f64, f64) {
    ms.sort_by(f64::total_cmp);
    let at = |p: f64| ms[((ms.len() - 1) as f64 * p).round() as usize];
    (ms[0], at(0.5), at(0.95), ms[ms.len() - 1])
}

struct Session {
    client: LspClient,
    uri: String,
    line: u32,
    version: i64,
}

impl Session {
    fn start(text: &str) -> Session {
        let mut client = LspClient::spawn(&[], None);
        client.initialize(json!({}), Value::Null, None);
        let uri = "untitled:bench.md".to_string();
        client.open(&uri, 1, text);
        client.diagnostics(&uri, Some(1));
        Session {
            client,
            uri,
            line: middle_line(text),
            version: 1,
        }
    }

    /// didChange → publishDiagnostics of that version.
    fn keystroke(&mut self) -> Duration {
        self.version += 1;
        let change = edit(self.line, self.version as usize);
        let change = serde_json::to_value(change).expect("change as JSON");
        let t = Instant::now();
        self.client.change(&self.uri, self.version, json!([change]));
        self.client.diagnostics(&self.uri, Some(self.version));
        let elapsed = t.elapsed();
        // Forget what arrived meanwhile (log messages).
        self.client.take(|_| true);
        self.client.log.clear();
        elapsed
    }
}

fn report(drafts: &[(usize, String)], cache: &Arc<ParagraphCache>) {
    let config = Arc::new(Config::default());
    let uri = lsp::Url::parse("untitled:bench.md").expect("uri");
    println!("keystroke latency (one-word insert mid-draft), milliseconds:");
    println!(
        "{:>8} {:>8} | {:>35} | {:>35}",
        "words", "bytes", "analysis min / p50 / p95 / max", "stdio min / p50 / p95 / max"
    );
    for (words, text) in drafts {
        let mut rope = Rope::from_str(text);
        let line = middle_line(text);
        let n = if *words >= 100_000 { 40 } else { 200 };
        let analysis: Vec<f64> = (0..n)
            .map(|i| {
                let t = Instant::now();
                std::hint::black_box(keystroke(&mut rope, line, i, &config, &uri, cache));
                t.elapsed().as_secs_f64() * 1e3
            })
            .collect();
        let mut s = Session::start(text);
        let stdio: Vec<f64> = (0..n).map(|_| s.keystroke().as_secs_f64() * 1e3).collect();
        let (amin, a50, a95, amax) = percentiles(analysis);
        let (smin, s50, s95, smax) = percentiles(stdio);
        println!(
            "{words:>8} {:>8} | {amin:>8.2} {a50:>8.2} {a95:>8.2} {amax:>8.2} | {smin:>8.2} {s50:>8.2} {s95:>8.2} {smax:>8.2}",
            text.len()
        );
        s.client.shutdown_and_exit();
    }
}

fn bench(c: &mut Criterion) {
    // As the server does: one paragraph cache for every draft.
    let cache = Arc::new(ParagraphCache::new());
    let articles = corpus();
    let drafts: Vec<(usize, String)> = SIZES
        .iter()
        .map(|&w| (w, draft_of_words(&articles, w)))
        .collect();
    report(&drafts, &cache);

    let config = Arc::new(Config::default());
    let uri = lsp::Url::parse("untitled:bench.md").expect("uri");
    let cache = &cache;
    let mut group = c.benchmark_group("analysis_after_edit");
    for (words, text) in &drafts {
        group.bench_with_input(BenchmarkId::from_parameter(words), text, |b, text| {
            let mut rope = Rope::from_str(text);
            let line = middle_line(text);
            let mut i = 0;
            b.iter(|| {
                // Even: insert a word; odd: delete it.
                let n = keystroke(&mut rope, line, i, &config, &uri, cache);
                i += 1;
                n
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("stdio_roundtrip");
    group.sample_size(20);
    for (words, text) in &drafts {
        let mut s = Session::start(text);
        group.bench_function(BenchmarkId::from_parameter(words), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| s.keystroke()).sum())
        });
        s.client.shutdown_and_exit();
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
