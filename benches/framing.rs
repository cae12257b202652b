//! Cost of checking an incoming JSON-RPC message before tower-lsp sees it
//! (`copydesk::lsp::framing::check_body`): a keystroke's `didChange`, and the `didOpen` of
//! 10,000- and 100,000-word drafts (full text in one JSON string).
//! Run: `cargo bench --bench framing`. Needs `tests/corpus/wikinews-2019`.

use copydesk::lsp::framing::check_body;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use serde_json::json;

mod common;
use common::{corpus, draft_of_words};

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let mut group = c.benchmark_group("check_body");
    let keystroke = json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": "file:///drafts/story.md", "version": 42},
        "contentChanges": [{"range": {"start": {"line": 120, "character": 7},
                                      "end": {"line": 120, "character": 7}}, "text": "“"}]}});
    let mut cases = vec![("keystroke".to_string(), serde_json::to_vec(&keystroke))];
    for words in [10_000, 100_000] {
        let text = draft_of_words(&articles, words);
        let open = json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
            "textDocument": {"uri": "file:///drafts/story.md", "languageId": "markdown",
                             "version": 1, "text": text}}});
        cases.push((format!("did_open_{words}_words"), serde_json::to_vec(&open)));
    }
    for (name, body) in cases {
        let body = body.expect("serialises");
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(name), &body, |b, body| {
            b.iter(|| check_body(body).is_ok())
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
