//! `--format json`: a public contract that other tools parse. Change it only additively,
//! and document every change in README.md.

use super::{place, severity_counts, Checked};
use crate::analysis::{Diagnostic, LineIndex, Severity};
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;

pub const VERSION: u32 = 1;

fn diagnostic(index: &LineIndex, text: &str, d: &Diagnostic) -> Value {
    let p = place(index, text, d);
    let fixes: Vec<Value> = d
        .fixes
        .iter()
        .map(|f| {
            json!({
                "title": f.title,
                "safe": f.safe,
                "edits": f.edits.iter().map(|e| json!({
                    "offset": e.range.start,
                    "end_offset": e.range.end,
                    "new_text": e.new_text,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message,
        "line": p.start.line,
        "column": p.start.col,
        "end_line": p.end.line,
        "end_column": p.end.col,
        "offset": d.range.start,
        "end_offset": d.range.end,
        "text": text.get(d.range.clone()).unwrap_or(""),
        "fixes": fixes,
        "data": Value::Object(d.data.clone()),
    })
}

pub fn render(results: &[Checked]) -> String {
    let files: Vec<Value> = results
        .iter()
        .map(|r| {
            let mut file = Map::new();
            file.insert("path".into(), json!(r.name));
            let diagnostics: Vec<Value> = match &r.text {
                Some(text) => {
                    let index = LineIndex::new(text);
                    r.diagnostics
                        .iter()
                        .map(|d| diagnostic(&index, text, d))
                        .collect()
                }
                None => Vec::new(),
            };
            file.insert("diagnostics".into(), Value::Array(diagnostics));
            if let Some(e) = &r.error {
                file.insert("error".into(), json!(e));
            }
            Value::Object(file)
        })
        .collect();
    let counts = severity_counts(results);
    let mut by_severity = Map::new();
    for (s, n) in Severity::ALL.iter().zip(counts) {
        by_severity.insert(s.as_str().into(), json!(n));
    }
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for d in results.iter().flat_map(|r| &r.diagnostics) {
        *by_rule.entry(d.rule).or_default() += 1;
    }
    let report = json!({
        "version": VERSION,
        "files": files,
        "summary": {
            "files": results.iter().filter(|r| r.error.is_none()).count(),
            "files_with_errors": results.iter().filter(|r| r.error.is_some()).count(),
            "words": results.iter().map(|r| r.words).sum::<usize>(),
            "diagnostics": counts.iter().sum::<usize>(),
            "by_severity": by_severity,
            "by_rule": by_rule,
        },
    });
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}
