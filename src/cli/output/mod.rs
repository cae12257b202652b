//! Rendering check results: text, JSON (a public contract), SARIF and GitHub Actions.

mod github;
mod gitlab;
mod json;
mod sarif;
mod text;

use crate::analysis::config::FailOn;
use crate::analysis::{Diagnostic, Encoding, LineCol, LineIndex, Severity};
use std::time::Duration;

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// path:line:col: severity[rule] message, with the source line underlined.
    Text,
    /// One JSON object (see docs/json.md: a stable contract).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations on pull requests).
    Github,
    /// GitLab Code Quality report (a JSON array; see docs/ci.md).
    Gitlab,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
}

/// One checked file (or a file that could not be checked).
#[derive(Debug, Clone)]
pub struct Checked {
    /// The path as reported.
    pub name: String,
    pub is_stdin: bool,
    /// The text as read.
    pub original: Option<String>,
    /// The text the diagnostics refer to: the original, or the text after --fix/--diff.
    pub text: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Each diagnostic's stable fingerprint, in the same order (see `cli::fingerprint`);
    /// empty until `fingerprint::fill` runs.
    pub fingerprints: Vec<String>,
    /// Why the file could not be checked (I/O, encoding, configuration).
    pub error: Option<String>,
    pub fail_on: FailOn,
    pub words: usize,
    pub bytes: usize,
}

impl Checked {
    pub fn failed(name: String, error: String) -> Checked {
        Checked {
            name,
            is_stdin: false,
            original: None,
            text: None,
            diagnostics: Vec::new(),
            fingerprints: Vec::new(),
            error: Some(error),
            fail_on: FailOn::Warning,
            words: 0,
            bytes: 0,
        }
    }

    pub fn is_fixed(&self) -> bool {
        self.original != self.text
    }

    /// A diagnostic's fingerprint ("" before `fingerprint::fill`).
    pub fn fingerprint(&self, i: usize) -> &str {
        self.fingerprints.get(i).map_or("", String::as_str)
    }

    /// Keep the findings whose `keep` flag is true (the flags are in the order of
    /// `diagnostics`; missing flags keep), and their fingerprints with them.
    pub fn retain_findings(&mut self, keep: &[bool]) {
        let flag = |i: usize| keep.get(i).copied().unwrap_or(true);
        let mut i = 0;
        self.diagnostics.retain(|_| {
            i += 1;
            flag(i - 1)
        });
        let mut i = 0;
        self.fingerprints.retain(|_| {
            i += 1;
            flag(i - 1)
        });
    }
}

/// A diagnostic's place in 1-based lines and columns (Unicode scalar values).
pub(crate) struct Place {
    pub start: LineCol,
    pub end: LineCol,
}

pub(crate) fn place(index: &LineIndex, text: &str, d: &Diagnostic) -> Place {
    let one = |lc: LineCol| LineCol {
        line: lc.line + 1,
        col: lc.col + 1,
    };
    Place {
        start: one(index.line_col(text, d.range.start, Encoding::Utf32)),
        end: one(index.line_col(text, d.range.end, Encoding::Utf32)),
    }
}

/// Write the report in `format` to `out`. JSON is streamed as it is serialized (a long
/// draft's report with every rule on is tens of megabytes); the others are small.
pub fn write(
    format: Format,
    results: &[Checked],
    style: Style,
    out: &mut impl std::io::Write,
) -> std::io::Result<()> {
    let rendered = match format {
        Format::Json => return json::write(results, out),
        Format::Text => text::render(results, style),
        Format::Sarif => sarif::render(results),
        Format::Github => github::render(results),
        Format::Gitlab => gitlab::render(results),
    };
    out.write_all(rendered.as_bytes())
}

/// Unified diffs of what --fix would change.
pub fn diff(results: &[Checked]) -> String {
    let mut out = String::new();
    for r in results {
        if let (Some(before), Some(after)) = (&r.original, &r.text) {
            if before != after {
                let diff = similar::TextDiff::from_lines(before, after);
                out.push_str(
                    &diff
                        .unified_diff()
                        .context_radius(2)
                        .header(&format!("a/{}", r.name), &format!("b/{}", r.name))
                        .to_string(),
                );
            }
        }
    }
    out
}

/// Severity counts in the order error, warning, information, hint.
pub(crate) fn severity_counts(results: &[Checked]) -> [usize; 4] {
    let mut counts = [0; 4];
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        if let Some(i) = Severity::ALL.iter().position(|s| *s == d.severity) {
            counts[i] += 1;
        }
    }
    counts
}

/// "2 errors, 1 warning" (empty when there is nothing).
pub(crate) fn counts_phrase(counts: [usize; 4]) -> String {
    let names = [
        ("error", "errors"),
        ("warning", "warnings"),
        ("information", "information"),
        ("hint", "hints"),
    ];
    counts
        .iter()
        .zip(names)
        .filter(|(n, _)| **n > 0)
        .map(|(n, (one, many))| format!("{n} {}", if *n == 1 { one } else { many }))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The closing line on stderr: files, diagnostics by severity, size and time.
pub fn timing_line(results: &[Checked], elapsed: Duration) -> String {
    let files = results.iter().filter(|r| r.error.is_none()).count();
    let bytes: usize = results.iter().map(|r| r.bytes).sum();
    let words: usize = results.iter().map(|r| r.words).sum();
    let counts = counts_phrase(severity_counts(results));
    let secs = elapsed.as_secs_f64();
    format!(
        "copydesk: {files} file{} ({words} words, {:.1} MB) in {secs:.2}s: {}",
        if files == 1 { "" } else { "s" },
        bytes as f64 / 1e6,
        if counts.is_empty() {
            "no problems".to_string()
        } else {
            counts
        },
    )
}
