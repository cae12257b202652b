//! Human-readable output: `path:line:col: severity[rule] message`, the source line with a
//! caret underline, and a summary.

use super::{counts_phrase, fixes_phrase, place, plural, severity_counts, Checked, Mode, Style};
use crate::analysis::{LineIndex, Severity};
use std::fmt::Write;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

fn severity_color(s: Severity) -> &'static str {
    match s {
        Severity::Error => "\x1b[1;31m",
        Severity::Warning => "\x1b[1;33m",
        Severity::Information => "\x1b[1;34m",
        Severity::Hint => "\x1b[1;36m",
    }
}

/// The most columns of a source line shown under a finding: a longer line is cut to a
/// window around the finding, with `…` where it was cut (a 5 MB one-line paragraph prints a
/// few lines per finding, not 5 MB each).
pub const WINDOW: usize = 100;
/// Columns of context kept before the finding when the line is cut.
const LEAD: usize = 30;

/// The part of a line shown under a finding, and where its carets go (in columns).
struct Shown {
    line: String,
    caret_at: usize,
    carets: usize,
}

/// The line `line` (a byte range of `text`) cut to at most [`WINDOW`] columns around the
/// finding that starts at byte `start`, column `col` (0-based), `width` columns wide. Costs
/// the window, not the line.
fn window(
    text: &str,
    index: &LineIndex,
    line: std::ops::Range<usize>,
    start: usize,
    col: usize,
    width: usize,
) -> Shown {
    let clean = |c: char| match c {
        '\t' => ' ',
        c if c.is_control() => '\u{FFFD}',
        c => c,
    };
    let line_cols = index
        .line_col(text, line.end, crate::analysis::Encoding::Utf32)
        .col as usize;
    if line_cols <= WINDOW {
        return Shown {
            line: text[line].chars().map(clean).collect(),
            caret_at: col,
            carets: width.min(line_cols.saturating_sub(col)).max(1),
        };
    }
    let start = start.clamp(line.start, line.end);
    let lead = col.min(LEAD);
    let from = match lead {
        0 => start,
        n => text[line.start..start]
            .char_indices()
            .rev()
            .nth(n - 1)
            .map_or(line.start, |(i, _)| line.start + i),
    };
    let mut to = from;
    let mut shown = String::new();
    if from > line.start {
        shown.push('…');
    }
    let mut taken: usize = 0;
    for c in text[from..line.end].chars().take(WINDOW) {
        shown.push(clean(c));
        to += c.len_utf8();
        taken += 1;
    }
    if to < line.end {
        shown.push('…');
    }
    Shown {
        line: shown,
        caret_at: lead + usize::from(from > line.start),
        carets: width.min(taken.saturating_sub(lead)).max(1),
    }
}

pub fn render(results: &[Checked], style: Style) -> String {
    let paint = |code: &str, s: &str| {
        if style.color {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let mut out = String::new();
    for r in results {
        let Some(text) = &r.text else { continue };
        let index = LineIndex::new(text);
        for d in &r.diagnostics {
            let p = place(&index, text, d);
            let _ = writeln!(
                out,
                "{}: {}{} {}",
                paint(
                    BOLD,
                    &format!("{}:{}:{}", r.name, p.start.line, p.start.col)
                ),
                paint(severity_color(d.severity), d.severity.as_str()),
                paint(DIM, &format!("[{}]", d.rule)),
                d.message
            );
            // The source line (around the finding, if it is long), carets under the finding.
            let line_range = index.line_range(text, p.start.line as usize - 1);
            let gutter = p.start.line.to_string();
            let pad = " ".repeat(gutter.len());
            let before = p.start.col as usize - 1;
            let width = if p.end.line == p.start.line {
                (p.end.col.saturating_sub(p.start.col) as usize).max(1)
            } else {
                usize::MAX
            };
            let shown = window(text, &index, line_range, d.range.start, before, width);
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{gutter} | {}", shown.line);
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(shown.caret_at),
                paint(severity_color(d.severity), &"^".repeat(shown.carets))
            );
            if let Some(fix) = d.fixes.first() {
                let kind = if fix.safe { "fix" } else { "suggestion" };
                let _ = writeln!(out, "{pad} = {kind}: {}", fix.title);
            }
            out.push('\n');
        }
    }
    let counts = severity_counts(results);
    let total: usize = counts.iter().sum();
    let checked = results.iter().filter(|r| r.was_checked()).count();
    let failed = results.len() - checked;
    let _ = write!(
        out,
        "{}",
        if total == 0 {
            format!("No problems found in {checked} file{}", plural(checked))
        } else {
            let with = results
                .iter()
                .filter(|r| r.was_checked() && !r.diagnostics.is_empty())
                .count();
            format!(
                "Found {total} problem{} ({}) in {with} of {checked} file{}",
                plural(total),
                counts_phrase(counts),
                plural(checked)
            )
        }
    );
    if failed > 0 {
        let _ = write!(
            out,
            "; {failed} file{} could not be checked",
            plural(failed)
        );
    }
    let fixes = fixes_phrase(results, style.mode);
    if !fixes.is_empty() {
        let _ = write!(out, "; {fixes}");
    }
    let fixable = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .filter(|d| d.fixes.iter().any(|f| f.safe))
        .count();
    if fixable > 0 && style.mode != Mode::Diff {
        let _ = write!(out, "; {fixable} fixable with --fix");
    }
    out.push_str(".\n");
    out
}
