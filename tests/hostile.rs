//! Hostile input against the real `copydesk check` binary: each case gets a clear error or
//! a bounded answer within a time limit, and nothing panics. Inputs are generated in a
//! temporary folder at test time (never committed).
//!
//! These run against the debug binary (what `cargo test` builds), about 10x slower than
//! release. Limits are on the child's CPU time (a loaded CI machine stretches wall time,
//! not CPU time), generous multiples of what a debug build needs; a wall-clock guard
//! kills a hung child. The full-size cases (50 MB draft, 5 MB line) take minutes in a
//! debug build, so they are `#[ignore]`d and run against the release binary:
//! `cargo test --release --test hostile -- --ignored --nocapture` (figures in
//! BENCHMARKS.md). Each test prints time, CPU time and peak memory (`--nocapture`).

use std::path::Path;
#[path = "common/corpus.rs"]
mod corpus;
#[path = "common/pipes.rs"]
mod pipes;
use pipes::Pipes;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    /// User + system CPU time of the child.
    cpu: Duration,
    /// Peak resident set of the child, in kB (from /proc, 0 where unavailable).
    peak_rss_kb: u64,
}

/// User + system CPU time of a live process, from /proc/PID/stat (Linux).
fn cpu_time(pid: u32) -> Option<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // Fields after the command name (which may contain spaces) start after the last ')'.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on Linux.
    Some(Duration::from_millis(ticks * 10))
}

fn peak_rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Run `copydesk` with `args` in `dir`: fails if it uses more than `limit` of CPU time
/// (or hangs for ten times that in wall time).
fn run_limited(args: &[&str], dir: &Path, stdin: Option<Vec<u8>>, limit: Duration) -> Run {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn copydesk");
    let pid = child.id();
    let pipes = Pipes::start(&mut child, stdin);
    let mut peak = 0;
    let mut cpu = Duration::ZERO;
    let status = loop {
        if let Some(kb) = peak_rss_kb(pid) {
            peak = peak.max(kb);
        }
        if let Some(t) = cpu_time(pid) {
            cpu = cpu.max(t);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if cpu > limit || start.elapsed() > limit * 10 {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "copydesk {args:?} still running after {:?} ({cpu:?} CPU; limit {limit:?} CPU)",
                start.elapsed()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let elapsed = start.elapsed();
    let (stdout, stderr) = pipes.finish();
    let stdout = String::from_utf8(stdout).expect("utf-8 stdout");
    let stderr = String::from_utf8_lossy(&stderr).into_owned();
    assert!(
        !stderr.contains("panicked"),
        "copydesk {args:?} panicked: {stderr}"
    );
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout,
        stderr,
        elapsed,
        cpu,
        peak_rss_kb: peak,
    };
    eprintln!(
        "copydesk {args:?}: exit {} in {:.2?} ({:.2?} CPU), peak RSS {} MB",
        run.code,
        run.elapsed,
        run.cpu,
        run.peak_rss_kb / 1024
    );
    run
}

/// News text: the Wikinews corpus, repeated to `bytes`.
fn news(bytes: usize) -> String {
    let articles = corpus::texts();
    let mut out = String::with_capacity(bytes + 20_000);
    for a in articles.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(a);
        out.push_str("\n\n");
    }
    out
}

fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).expect("JSON output")
}

fn diagnostics(run: &Run) -> usize {
    json(run)["summary"]["diagnostics"]
        .as_u64()
        .expect("summary.diagnostics") as usize
}

fn check_big_draft(bytes: usize, limit: Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = news(bytes);
    std::fs::write(dir.path().join("big.md"), &text).expect("write");
    let run = run_limited(
        &["check", "--format", "json", "big.md"],
        dir.path(),
        None,
        limit,
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let v = json(&run);
    assert_eq!(v["summary"]["files"], 1);
    let words = v["summary"]["words"].as_u64().unwrap_or(0);
    assert!(words as usize > bytes / 10, "{}", v["summary"]);
}

/// A 5 MB draft (the corpus repeated) is read, analysed and reported.
#[test]
fn draft_of_5_mb() {
    check_big_draft(5_000_000, Duration::from_secs(90));
}

/// A 50 MB draft. Minutes in a debug build: run with --release --ignored.
#[test]
#[ignore]
fn draft_of_50_mb() {
    check_big_draft(50_000_000, Duration::from_secs(120));
}

/// A single line of prose (a whole corpus with its line breaks made spaces): one
/// paragraph, thousands of quotations and dates, every column on line 1.
fn check_single_line(bytes: usize, limit: Duration) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = news(bytes).replace(['\n', '\r'], " ");
    text.push('\n');
    std::fs::write(dir.path().join("line.md"), &text).expect("write");
    let run = run_limited(
        &["check", "--format", "json", "line.md"],
        dir.path(),
        None,
        limit,
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let v = json(&run);
    let chars = text.chars().count() as u64;
    let diags = v["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    assert!(!diags.is_empty());
    for d in diags {
        assert_eq!(d["line"], 1, "{d}");
        assert!(
            d["end_column"].as_u64().unwrap_or(u64::MAX) <= chars + 1,
            "{d}"
        );
    }
}

/// A single 1 MB line (was quadratic: 15.7 s CPU in debug, now ~2.5 s).
#[test]
fn single_line_of_1_mb() {
    check_single_line(1_000_000, Duration::from_secs(30));
}

/// A single 5 MB line. About 20 s CPU in a debug build: run with --release --ignored.
#[test]
#[ignore]
fn single_line_of_5_mb() {
    check_single_line(5_000_000, Duration::from_secs(30));
}

/// Thousands of unclosed quotation marks in one paragraph, on one line: one diagnostic
/// each, in linear time (this was quadratic in column counting: 8,000 marks took 32 s).
#[test]
fn thousands_of_unclosed_quotation_marks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let n = 20_000;
    let text = format!("{}\n", "He said “we will win. ".repeat(n));
    std::fs::write(dir.path().join("q.md"), &text).expect("write");
    let run = run_limited(
        &["check", "--format", "json", "q.md"],
        dir.path(),
        None,
        Duration::from_secs(60),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(diagnostics(&run), n);
    // And across many paragraphs and lines, with straight, single and guillemet marks.
    let text = "“open \"straight ‘single «guillemet „low\n\n".repeat(4_000);
    std::fs::write(dir.path().join("q2.md"), &text).expect("write");
    let run = run_limited(
        &["check", "--format", "json", "q2.md"],
        dir.path(),
        None,
        Duration::from_secs(60),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(diagnostics(&run) >= 4_000);
}

/// Lists and block quotes thousands deep, deeply nested emphasis and links.
#[test]
fn deeply_nested_markdown() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::new();
    text.push_str(&"> ".repeat(5_000));
    text.push_str("deep “quote\n\n");
    text.push_str(&"- ".repeat(10_000));
    text.push_str("deep “list\n\n");
    for i in 0..3_000 {
        text.push_str(&"  ".repeat(i));
        text.push_str("- item\n");
    }
    text.push('\n');
    text.push_str(&"*[".repeat(5_000));
    text.push('x');
    text.push_str(&"](u)*".repeat(5_000));
    text.push_str("\n\n");
    text.push_str(&"[".repeat(20_000));
    text.push_str(&"*".repeat(20_000));
    text.push_str("a\n");
    std::fs::write(dir.path().join("deep.md"), &text).expect("write");
    let run = run_limited(
        &["check", "--format", "json", "deep.md"],
        dir.path(),
        None,
        Duration::from_secs(60),
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    // The two unclosed quotes at the bottom of the nesting are still found.
    let v = json(&run);
    let unbalanced = v["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "quote.unbalanced")
        .count();
    assert!(unbalanced >= 2, "{}", run.stdout);
}

/// Invalid UTF-8 on disk: a clear per-file error naming the file, exit 2, and the other
/// files are still checked.
#[test]
fn invalid_utf8_on_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.md"), b"He said \xff\xfe \"hi.\n").expect("write");
    std::fs::write(dir.path().join("good.md"), "He said “we will win.\n").expect("write");
    let run = run_limited(
        &["check", "--color", "never", "."],
        dir.path(),
        None,
        Duration::from_secs(20),
    );
    assert_eq!(
        run.code, 2,
        "stdout: {}\nstderr: {}",
        run.stdout, run.stderr
    );
    let all = format!("{}{}", run.stdout, run.stderr);
    assert!(all.contains("bad.md"), "{all}");
    assert!(all.to_lowercase().contains("utf-8"), "{all}");
    assert!(
        all.contains("good.md") && all.contains("quote.unbalanced"),
        "{all}"
    );
    // The same on standard input.
    let run = run_limited(
        &["check", "-"],
        dir.path(),
        Some(b"x \xc3\x28 y\n".to_vec()),
        Duration::from_secs(20),
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(format!("{}{}", run.stdout, run.stderr)
        .to_lowercase()
        .contains("utf-8"));
}

/// NUL bytes are valid UTF-8: checked like any text, and offsets stay exact.
#[test]
fn nul_bytes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = "He said \0\0 “hi\0.\n\n\0\0\0\n".repeat(2_000);
    std::fs::write(dir.path().join("nul.md"), &text).expect("write");
    let run = run_limited(
        &["check", "--format", "json", "nul.md"],
        dir.path(),
        None,
        Duration::from_secs(60),
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let v = json(&run);
    let diags = v["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    assert_eq!(diags.len(), 2_000);
    for d in diags {
        let (a, b) = (
            d["offset"].as_u64().expect("offset") as usize,
            d["end_offset"].as_u64().expect("end") as usize,
        );
        assert_eq!(&text[a..b], "“", "{d}");
    }
}

/// --fix on hostile input never loses a word and terminates.
#[test]
fn fix_on_hostile_input_is_bounded_and_lossless() {
    let dir = tempfile::tempdir().expect("tempdir");
    let text = format!(
        "{}\n\n{}\n",
        "“a \"b ‘c «d „e ".repeat(5_000),
        "\0 x\r\n> > - \"q\r".repeat(2_000)
    );
    let run = run_limited(
        &["check", "--fix", "-"],
        dir.path(),
        Some(text.clone().into_bytes()),
        Duration::from_secs(120),
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .count()
    };
    assert_eq!(words(&run.stdout), words(&text));
}
