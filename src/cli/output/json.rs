//! `--format json`: a public contract that other tools parse. Change it only additively,
//! and document every change in docs/json.md.
//!
//! The report is serialized straight from the results (borrowing them), not built as a
//! `serde_json::Value` tree first: a 10 MB draft with every rule on has tens of thousands
//! of diagnostics, and the tree cost ten times the size of the JSON.

use super::{place, severity_counts, Checked};
use crate::analysis::{Diagnostic, Edit, Fix, LineIndex, Severity};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use std::collections::BTreeMap;

pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    files: Files<'a>,
    summary: Summary<'a>,
}

#[derive(Serialize)]
struct Summary<'a> {
    files: usize,
    files_with_errors: usize,
    words: usize,
    diagnostics: usize,
    by_severity: BySeverity,
    by_rule: BTreeMap<&'a str, usize>,
}

/// Counts in the order error, warning, information, hint, keyed by severity name.
struct BySeverity([usize; 4]);

impl Serialize for BySeverity {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(4))?;
        for (severity, n) in Severity::ALL.iter().zip(self.0) {
            map.serialize_entry(severity.as_str(), &n)?;
        }
        map.end()
    }
}

struct Files<'a>(&'a [Checked]);

impl Serialize for Files<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for r in self.0 {
            seq.serialize_element(&File(r))?;
        }
        seq.end()
    }
}

struct File<'a>(&'a Checked);

impl Serialize for File<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut map = s.serialize_map(None)?;
        map.serialize_entry("path", &r.name)?;
        match &r.text {
            Some(text) => {
                let diagnostics = Diagnostics {
                    index: LineIndex::new(text),
                    text,
                    list: &r.diagnostics,
                    fingerprints: &r.fingerprints,
                };
                map.serialize_entry("diagnostics", &diagnostics)?;
            }
            None => map.serialize_entry("diagnostics", &[(); 0])?,
        }
        if let Some(e) = r.any_error() {
            map.serialize_entry("error", e)?;
        }
        map.end()
    }
}

struct Diagnostics<'a> {
    index: LineIndex,
    text: &'a str,
    list: &'a [Diagnostic],
    fingerprints: &'a [String],
}

impl Serialize for Diagnostics<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.list.len()))?;
        for (i, d) in self.list.iter().enumerate() {
            let p = place(&self.index, self.text, d);
            seq.serialize_element(&JsonDiagnostic {
                rule: d.rule,
                severity: d.severity.as_str(),
                message: &d.message,
                line: p.start.line,
                column: p.start.col,
                end_line: p.end.line,
                end_column: p.end.col,
                offset: d.range.start,
                end_offset: d.range.end,
                text: self.text.get(d.range.clone()).unwrap_or(""),
                fixes: Fixes(&d.fixes),
                data: &d.data,
                fingerprint: self.fingerprints.get(i).map_or("", String::as_str),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    rule: &'a str,
    severity: &'a str,
    message: &'a str,
    line: u32,
    column: u32,
    end_line: u32,
    end_column: u32,
    offset: usize,
    end_offset: usize,
    text: &'a str,
    fixes: Fixes<'a>,
    data: &'a serde_json::Map<String, serde_json::Value>,
    /// Added to version 1 (an additive change): see docs/json.md.
    fingerprint: &'a str,
}

struct Fixes<'a>(&'a [Fix]);

impl Serialize for Fixes<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for f in self.0 {
            seq.serialize_element(&JsonFix {
                title: &f.title,
                safe: f.safe,
                edits: Edits(&f.edits),
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    safe: bool,
    edits: Edits<'a>,
}

struct Edits<'a>(&'a [Edit]);

impl Serialize for Edits<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for e in self.0 {
            seq.serialize_element(&JsonEdit {
                offset: e.range.start,
                end_offset: e.range.end,
                new_text: &e.new_text,
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    offset: usize,
    end_offset: usize,
    new_text: &'a str,
}

/// Write the report to `out` as it is serialized: the report of a long draft with every
/// rule on is tens of megabytes, and need not be held in memory whole.
pub fn write(results: &[Checked], out: &mut impl std::io::Write) -> std::io::Result<()> {
    let counts = severity_counts(results);
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        *by_rule.entry(d.rule).or_default() += 1;
    }
    let report = Report {
        version: VERSION,
        files: Files(results),
        summary: Summary {
            files: results.iter().filter(|r| r.was_checked()).count(),
            files_with_errors: results.iter().filter(|r| r.any_error().is_some()).count(),
            words: results.iter().map(|r| r.words).sum(),
            diagnostics: counts.iter().sum(),
            by_severity: BySeverity(counts),
            by_rule,
        },
    };
    serde_json::to_writer_pretty(&mut *out, &report)?;
    out.write_all(b"\n")
}
