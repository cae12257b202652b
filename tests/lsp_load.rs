//! Load against the real `copydesk lsp`: 200 drafts open at once and 10,000 random edits
//! across them, sent as fast as the pipe takes them. Checks that
//! - every document's published versions only go forward and end at its last version
//!   (no stale version is ever published),
//! - every final diagnostic set equals what `copydesk check --format json` reports for
//!   the same final texts,
//! - the server's memory stays bounded (peak RSS reported, and capped).
//!
//! Takes about 30 s in a debug build. `cargo test --release --test lsp_load -- --nocapture`
//! prints the release figures (in BENCHMARKS.md). `LSP_LOAD_EDITS` overrides the count.

mod common;

use common::lsp_client::*;
#[path = "common/rng.rs"]
mod rng;
use rng::{addressable, Rng};
use serde_json::{json, Value};
use std::collections::BTreeMap;
#[path = "common/corpus.rs"]
mod corpus;
use std::time::{Duration, Instant};

const DRAFTS: usize = 200;

/// What a reporter types: words, quotes, names, dates, line breaks, multi-byte text.
const PIECES: &[&str] = &[
    "a",
    "word ",
    " said ",
    "“",
    "”",
    "\"",
    "'",
    "’",
    " on Monday",
    " yesterday",
    " last week",
    "Zelensky",
    "Zelenskyy",
    " Kyiv",
    "Київ",
    "é",
    "😀",
    "\n",
    "\n\n",
    "\r\n",
    ", ",
    ". ",
    "“We will win,” she said. ",
    "`code`",
    "> ",
    "- ",
];

fn corpus() -> Vec<String> {
    corpus::texts()
}

/// The server process: the child of this test process named `copydesk`.
fn server_pid() -> Option<u32> {
    let me = std::process::id();
    for entry in std::fs::read_dir("/proc").ok()?.flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) else {
            continue;
        };
        let Some(close) = stat.rfind(')') else {
            continue;
        };
        let name = &stat[stat.find('(').unwrap_or(0) + 1..close];
        let ppid: Option<u32> = stat[close + 2..]
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok());
        if name == "copydesk" && ppid == Some(me) {
            return Some(pid);
        }
    }
    None
}

/// (current RSS, peak RSS) in kB.
fn rss_kb(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find(|l| l.starts_with(name))
            .and_then(|l| l.split_whitespace().nth(1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// A diagnostic reduced to what both outputs share: rule, byte range, message.
type Key = (String, usize, usize, String);

#[test]
fn two_hundred_drafts_and_thousands_of_edits() {
    let edits: usize = std::env::var("LSP_LOAD_EDITS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000);
    let dir = tempfile::tempdir().expect("tempdir");
    let corpus = corpus();
    let mut texts: Vec<String> = (0..DRAFTS)
        .map(|i| corpus[i % corpus.len()].clone())
        .collect();
    let uris: Vec<String> = (0..DRAFTS)
        .map(|i| file_uri(&dir.path().join(format!("draft-{i:03}.md"))))
        .collect();
    let mut versions = vec![1i64; DRAFTS];

    let mut c = LspClient::spawn(&[], Some(dir.path()));
    c.initialize(caps(&["utf-16"]), Value::Null, Some(dir.path()));
    let pid = server_pid();
    let (rss_idle, _) = pid.map_or((0, 0), rss_kb);

    let t = Instant::now();
    for (uri, text) in uris.iter().zip(&texts) {
        c.open(uri, 1, text);
    }
    for uri in &uris {
        c.diagnostics(uri, Some(1));
    }
    let open_time = t.elapsed();
    let (rss_open, _) = pid.map_or((0, 0), rss_kb);

    let mut rng = Rng(0x5eed_1234_abcd_ef01);
    let t = Instant::now();
    for _ in 0..edits {
        let i = rng.below(DRAFTS);
        let text = &mut texts[i];
        let a = addressable(text, &mut rng);
        let b = if rng.below(4) == 0 {
            // A deletion of a few characters (or a selection replaced).
            let mut b = a;
            for _ in 0..rng.below(12) {
                let next = addressable(text, &mut rng);
                if next > a && next - a < 40 {
                    b = next;
                    break;
                }
            }
            b
        } else {
            a
        };
        let insert = if a == b || rng.below(2) == 0 {
            PIECES[rng.below(PIECES.len())]
        } else {
            ""
        };
        let range = json!({"start": position(text, a, false), "end": position(text, b, false)});
        text.replace_range(a..b, insert);
        versions[i] += 1;
        c.change(
            &uris[i],
            versions[i],
            json!([{"range": range, "text": insert}]),
        );
    }
    let send_time = t.elapsed();

    // The final diagnostics of every draft, at its final version.
    let mut finals: Vec<Value> = Vec::new();
    for (i, uri) in uris.iter().enumerate() {
        finals.push(c.diagnostics(uri, Some(versions[i])));
    }
    let settle_time = t.elapsed();
    // The server's copy of each text is the client's.
    for i in (0..DRAFTS).step_by(7) {
        assert_eq!(c.debug_text(&uris[i]), json!(texts[i]), "text of draft {i}");
    }
    let (rss_end, rss_peak) = pid.map_or((0, 0), rss_kb);
    c.drain(Duration::from_millis(300));

    // No stale version: per document, published versions strictly increase and end at
    // the last version sent.
    let mut published: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for m in &c.log {
        if m["method"] == "textDocument/publishDiagnostics" {
            let v = m["params"]["version"]
                .as_i64()
                .expect("every publish has a version");
            published
                .entry(m["params"]["uri"].as_str().unwrap_or("").to_string())
                .or_default()
                .push(v);
        }
    }
    let mut total_publishes = 0;
    for (i, uri) in uris.iter().enumerate() {
        let vs = &published[uri];
        total_publishes += vs.len();
        assert!(
            vs.windows(2).all(|w| w[0] < w[1]),
            "draft {i}: versions go back: {vs:?}"
        );
        assert_eq!(vs.last(), Some(&versions[i]), "draft {i}: {vs:?}");
    }

    // The same final texts through `copydesk check --format json`.
    let final_dir = dir.path().join("final");
    std::fs::create_dir(&final_dir).expect("mkdir");
    for (i, text) in texts.iter().enumerate() {
        std::fs::write(final_dir.join(format!("draft-{i:03}.md")), text).expect("write");
    }
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "--no-progress", "final"])
        .current_dir(dir.path())
        .output()
        .expect("run check");
    let report: Value = serde_json::from_slice(&out.stdout).expect("check JSON");
    let mut from_check: BTreeMap<String, Vec<Key>> = BTreeMap::new();
    for f in report["files"].as_array().expect("files") {
        let name = f["path"]
            .as_str()
            .unwrap_or("")
            .rsplit('/')
            .next()
            .unwrap_or("")
            .to_string();
        let mut keys: Vec<Key> = f["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                (
                    d["rule"].as_str().unwrap_or("").to_string(),
                    d["offset"].as_u64().unwrap_or(0) as usize,
                    d["end_offset"].as_u64().unwrap_or(0) as usize,
                    d["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        keys.sort();
        from_check.insert(name, keys);
    }
    let mut total_diagnostics = 0;
    for (i, text) in texts.iter().enumerate() {
        let mut keys: Vec<Key> = finals[i]["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .map(|d| {
                (
                    d["code"].as_str().unwrap_or("").to_string(),
                    offset(text, &d["range"]["start"], false),
                    offset(text, &d["range"]["end"], false),
                    d["message"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect();
        keys.sort();
        total_diagnostics += keys.len();
        let name = format!("draft-{i:03}.md");
        assert_eq!(
            Some(&keys),
            from_check.get(&name),
            "draft {i}: server and check disagree"
        );
    }

    eprintln!(
        "lsp_load: {DRAFTS} drafts opened and analysed in {open_time:.2?}; {edits} edits sent in \
         {send_time:.2?}, all final diagnostics in {settle_time:.2?}; {total_publishes} publishes, \
         {total_diagnostics} final diagnostics"
    );
    eprintln!(
        "lsp_load: RSS idle {} MB, with {DRAFTS} drafts open {} MB ({} kB per draft), after \
         edits {} MB, peak {} MB",
        rss_idle / 1024,
        rss_open / 1024,
        rss_open.saturating_sub(rss_idle) / DRAFTS as u64,
        rss_end / 1024,
        rss_peak / 1024
    );
    if pid.is_some() {
        // Bounded: 200 news drafts (~1 MB of text) must not take more than 512 MB.
        assert!(rss_peak < 512 * 1024, "peak RSS {} MB", rss_peak / 1024);
    }
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
    assert!(!c.stderr().contains("panicked"), "{}", c.stderr());
}
