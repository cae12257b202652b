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
            // The source line, with tabs widened so the carets line up.
            let line_range = index.line_range(text, p.start.line as usize - 1);
            let line = &text[line_range.clone()];
            let gutter = p.start.line.to_string();
            let pad = " ".repeat(gutter.len());
            let shown: String = line
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let before = p.start.col as usize - 1;
            let width = if p.end.line == p.start.line {
                (p.end.col.saturating_sub(p.start.col) as usize).max(1)
            } else {
                line.chars().count().saturating_sub(before).max(1)
            };
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{gutter} | {shown}");
            let _ = writeln!(
                out,
                "{pad} | {}{}",
                " ".repeat(before),
                paint(severity_color(d.severity), &"^".repeat(width))
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
