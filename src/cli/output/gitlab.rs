//! `--format gitlab`: a GitLab Code Quality report, the JSON array that a job's
//! `artifacts:reports:codequality` file holds. Every finding is one object with exactly the
//! fields GitLab documents: `description`, `check_name`, `fingerprint`, `severity` and
//! `location` (`path`, `lines.begin`).
//!
//! Files that could not be checked have no place in the format: they are reported on
//! standard error, and the run exits 2.

use super::{place, Checked};
use crate::analysis::{LineIndex, Severity};
use serde::Serialize;

/// GitLab's scale is info, minor, major, critical, blocker; copydesk's four levels take
/// the lower four, so that a copydesk error ranks above a warning in the merge request.
pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Hint => "info",
        Severity::Information => "minor",
        Severity::Warning => "major",
        Severity::Error => "critical",
    }
}

#[derive(Serialize)]
struct Issue<'a> {
    description: &'a str,
    check_name: &'a str,
    fingerprint: &'a str,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
}

pub fn render(results: &[Checked]) -> String {
    let mut issues = Vec::new();
    for r in results {
        let Some(text) = &r.text else { continue };
        let index = LineIndex::new(text);
        for (i, d) in r.diagnostics.iter().enumerate() {
            issues.push(Issue {
                description: &d.message,
                check_name: d.rule,
                fingerprint: r.fingerprint(i),
                severity: severity(d.severity),
                location: Location {
                    path: &r.name,
                    lines: Lines {
                        begin: place(&index, text, d).start.line,
                    },
                },
            });
        }
    }
    let mut s = serde_json::to_string_pretty(&issues).unwrap_or_else(|_| "[]".into());
    s.push('\n');
    s
}
