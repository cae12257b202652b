//! Issue 21's three figures in one place, printed and never asserted, so that a slow or busy
//! machine fails nothing:
//!
//! - **open → first diagnostics**: a fresh `copydesk lsp` per sample, `initialize`,
//!   `initialized`, then at once `didOpen` of a ~1,000-word draft; timed from `didOpen` to its
//!   first `publishDiagnostics` (the server builds the tables before it answers
//!   `initialize`; spawn → that answer is printed too). Group `first_diagnostics`.
//! - **check: CPU per MB and memory per byte**: `copydesk check --format json` of the corpus
//!   repeated to 1 and 10 MB, and of a one-article draft for the fixed base; user + system
//!   CPU and peak RSS of that one process (`wait4`, Unix only); and the 1 MB draft as one
//!   paragraph, which shows any work that grows with the paragraph. Printed as a table.
//! - **the tables' cost**: `kb_load` parses the embedded knowledge base and builds its index,
//!   what the first draft that needs names pays once per process.
//!
//! Run: `cargo bench --bench speed` (it runs the release binary criterion builds).

#[path = "../tests/common/lsp_client.rs"]
mod lsp_client;

mod common;
use common::{concat_to_bytes, corpus, draft_of_words};

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};
use lsp_client::LspClient;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

/// didOpen → first publishDiagnostics, in a new server process.
fn first_diagnostics(text: &str) -> Duration {
    first_diagnostics_and_start(text).1
}

/// Spawn → `initialize` answered (the server builds its tables before answering), and
/// didOpen → first publishDiagnostics, in a new server process.
fn first_diagnostics_and_start(text: &str) -> (Duration, Duration) {
    let t = Instant::now();
    let mut client = LspClient::spawn(&[], None);
    client.initialize(json!({}), Value::Null, None);
    let start = t.elapsed();
    let uri = "untitled:first.md";
    let t = Instant::now();
    client.open(uri, 1, text);
    client.diagnostics(uri, Some(1));
    let elapsed = t.elapsed();
    client.shutdown_and_exit();
    (start, elapsed)
}

fn median_ms(mut v: Vec<f64>) -> (f64, f64, f64) {
    v.sort_by(f64::total_cmp);
    (v[0], v[v.len() / 2], v[v.len() - 1])
}

/// CPU seconds (user + system) and peak RSS in bytes of `copydesk check --format json FILE`.
#[cfg(unix)]
fn check_usage(file: &std::path::Path) -> Option<(f64, u64)> {
    use std::process::{Command, Stdio};
    let child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json"])
        .arg(file)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut status = 0;
    // SAFETY: an all-zero `rusage` is a valid value; `wait4` fills it for our own child.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    if pid <= 0 {
        return None;
    }
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    let cpu = secs(usage.ru_utime) + secs(usage.ru_stime);
    // Linux reports kilobytes.
    Some((cpu, usage.ru_maxrss as u64 * 1024))
}

#[cfg(unix)]
fn report_check(articles: &[String]) {
    let dir = std::env::temp_dir().join(format!("copydesk-speed-bench-{}", std::process::id()));
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    println!("copydesk check --format json: CPU (user + system) and peak RSS, best of 3");
    println!(
        "{:>11} | {:>9} | {:>9} | {:>10} | {:>18}",
        "draft", "CPU s", "CPU s/MB", "peak RSS", "bytes/byte above base"
    );
    let mut base = None;
    // The last row is the 1 MB draft as one paragraph: a pattern that rescans the rest of its
    // paragraph at every match is linear on news and quadratic there, so its CPU per MB should
    // stay near the 1 MB row's.
    let sizes = [
        ("one article", 0usize),
        ("1 MB", 1 << 20),
        ("10 MB", 10 << 20),
        ("1 MB, 1 par", 1 << 20),
    ];
    for (name, bytes) in sizes {
        let text = if bytes == 0 {
            articles[0].clone()
        } else if name.ends_with("1 par") {
            concat_to_bytes(articles, bytes).replace('\n', " ")
        } else {
            concat_to_bytes(articles, bytes)
        };
        let file = dir.join("draft.md");
        if std::fs::write(&file, &text).is_err() {
            break;
        }
        let runs: Vec<(f64, u64)> = (0..3).filter_map(|_| check_usage(&file)).collect();
        let Some(cpu) = runs.iter().map(|r| r.0).min_by(f64::total_cmp) else {
            continue;
        };
        let rss = runs.iter().map(|r| r.1).min().unwrap_or(0);
        let base_rss = *base.get_or_insert(rss);
        let mb = text.len() as f64 / (1 << 20) as f64;
        let per_byte = if bytes == 0 {
            String::from("(base)")
        } else {
            format!(
                "{:.1}",
                rss.saturating_sub(base_rss) as f64 / text.len() as f64
            )
        };
        let per_mb = if bytes == 0 {
            String::from("-")
        } else {
            format!("{:.3}", cpu / mb)
        };
        println!(
            "{name:>11} | {cpu:>9.3} | {per_mb:>9} | {:>7.1} MB | {per_byte:>18}",
            rss as f64 / 1e6
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[cfg(not(unix))]
fn report_check(_: &[String]) {
    println!("check CPU and peak RSS: Unix only (wait4)");
}

fn bench(c: &mut Criterion) {
    let articles = corpus();
    let draft = draft_of_words(&articles, 1_000);

    let (starts, samples): (Vec<f64>, Vec<f64>) = (0..10)
        .map(|_| {
            let (start, first) = first_diagnostics_and_start(&draft);
            (start.as_secs_f64() * 1e3, first.as_secs_f64() * 1e3)
        })
        .unzip();
    let (min, p50, max) = median_ms(samples);
    println!(
        "open -> first diagnostics, {} bytes (~1,000 words), new server each time: min / p50 / max {min:.1} / {p50:.1} / {max:.1} ms",
        draft.len()
    );
    let (min, p50, max) = median_ms(starts);
    println!(
        "spawn -> initialize answered (the tables built), same servers: min / p50 / max {min:.1} / {p50:.1} / {max:.1} ms"
    );
    report_check(&articles);

    let mut group = c.benchmark_group("first_diagnostics");
    group.sample_size(10);
    group.bench_function(BenchmarkId::from_parameter(1_000), |b| {
        b.iter_custom(|iters| (0..iters).map(|_| first_diagnostics(&draft)).sum())
    });
    group.finish();

    let mut group = c.benchmark_group("tables");
    group.sample_size(10);
    group.bench_function("kb_load", |b| {
        b.iter(|| copydesk::analysis::names::kb::Kb::load_uncached().map(|kb| kb.actors.len()))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
