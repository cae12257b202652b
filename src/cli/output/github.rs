//! `--format github`: GitHub Actions workflow commands, shown as annotations on the diff.

use super::{place, Checked};
use crate::analysis::{LineIndex, Severity};
use std::fmt::Write;

/// Escape a command's message (`%`, CR, LF).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escape a property value (also `:` and `,`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

pub fn render(results: &[Checked]) -> String {
    let mut out = String::new();
    for r in results {
        if let Some(e) = r.any_error() {
            let title = if r.was_checked() {
                "copydesk could not write fixes to this file"
            } else {
                "copydesk could not check this file"
            };
            let _ = writeln!(
                out,
                "::error file={},title={}::{}",
                escape_property(&r.name),
                escape_property(title),
                escape_data(e)
            );
        }
        let Some(text) = &r.text else { continue };
        let index = LineIndex::new(text);
        for d in &r.diagnostics {
            let p = place(&index, text, d);
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Information | Severity::Hint => "notice",
            };
            let _ = writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&r.name),
                p.start.line,
                p.start.col,
                p.end.line,
                p.end.col,
                escape_property(&format!("copydesk {}", d.rule)),
                escape_data(&d.message)
            );
        }
    }
    out
}
