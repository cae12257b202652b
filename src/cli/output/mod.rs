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

/// What the run does with fixes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// Report only.
    #[default]
    Check,
    /// `--fix`: write the safe fixes.
    Fix,
    /// `--diff`: show them, write nothing.
    Diff,
}

#[derive(Clone, Copy, Debug, Default)]
pub struct Style {
    pub color: bool,
    pub mode: Mode,
}

/// One checked file (or a file that could not be checked).
#[derive(Debug, Clone)]
pub struct Checked {
    /// The path as reported.
    pub name: String,
    pub is_stdin: bool,
    /// The text as read.
    pub original: Option<String>,
    /// The text the diagnostics refer to: what the file holds after the run (the original,
    /// or the fixed text once `--fix` wrote it; for `-` with `--fix`, the text printed).
    pub text: Option<String>,
    /// The text with the safe fixes applied, when they change it (`--fix`, `--diff`).
    pub fixed: Option<String>,
    /// How many fixes (edits) were applied (`--fix`) or would be (`--diff`).
    pub fixes: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Each diagnostic's stable fingerprint, in the same order (see `cli::fingerprint`);
    /// empty until `fingerprint::fill` runs.
    pub fingerprints: Vec<String>,
    /// Why the file could not be checked (I/O, encoding, configuration).
    pub error: Option<String>,
    /// Why the fixes could not be written (the file was checked and is unchanged).
    pub write_error: Option<String>,
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
            fixed: None,
            fixes: 0,
            diagnostics: Vec::new(),
            fingerprints: Vec::new(),
            error: Some(error),
            write_error: None,
            fail_on: FailOn::Warning,
            words: 0,
            bytes: 0,
        }
    }

    /// Whether the file was checked (its fixes may still have failed to be written).
    pub fn was_checked(&self) -> bool {
        self.error.is_none()
    }

    /// The error to report for this file: it could not be checked, or not written.
    pub fn any_error(&self) -> Option<&str> {
        self.error.as_deref().or(self.write_error.as_deref())
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
        if let (Some(before), Some(after)) = (&r.original, &r.fixed) {
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

/// "s" when `n` is not 1.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// What happened to the fixes, for the summaries: "applied 3 fixes to 2 files", "--fix would
/// apply 3 fixes to 2 files", "fixes could not be written to 1 file" (empty when there is
/// nothing to say).
pub(crate) fn fixes_phrase(results: &[Checked], mode: Mode) -> String {
    let fixes: usize = results.iter().map(|r| r.fixes).sum();
    let files = results.iter().filter(|r| r.fixes > 0).count();
    let unwritten = results.iter().filter(|r| r.write_error.is_some()).count();
    let mut parts = Vec::new();
    match mode {
        Mode::Check => {}
        // Nothing applied because writing failed: the failure says it.
        Mode::Fix if fixes == 0 && unwritten > 0 => {}
        Mode::Fix => parts.push(format!(
            "applied {fixes} fix{} to {files} file{}",
            if fixes == 1 { "" } else { "es" },
            plural(files)
        )),
        Mode::Diff => parts.push(format!(
            "--fix would apply {fixes} fix{} to {files} file{}",
            if fixes == 1 { "" } else { "es" },
            plural(files)
        )),
    }
    if unwritten > 0 {
        parts.push(format!(
            "fixes could not be written to {unwritten} file{}",
            plural(unwritten)
        ));
    }
    parts.join("; ")
}

/// The closing line on stderr: files, diagnostics by severity, size and time, and with
/// `--fix` or `--diff` what happened to the fixes.
pub fn timing_line(results: &[Checked], mode: Mode, elapsed: Duration) -> String {
    let files = results.iter().filter(|r| r.was_checked()).count();
    let bytes: usize = results.iter().map(|r| r.bytes).sum();
    let words: usize = results.iter().map(|r| r.words).sum();
    let counts = counts_phrase(severity_counts(results));
    let secs = elapsed.as_secs_f64();
    let fixes = fixes_phrase(results, mode);
    format!(
        "copydesk: {files} file{} ({words} words, {:.1} MB) in {secs:.2}s: {}{}{fixes}",
        plural(files),
        bytes as f64 / 1e6,
        if counts.is_empty() {
            "no problems".to_string()
        } else {
            counts
        },
        if fixes.is_empty() { "" } else { "; " },
    )
}
