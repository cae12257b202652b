//! `--format sarif`: SARIF 2.1.0 as GitHub code scanning accepts it.

use super::{place, Checked};
use crate::analysis::rules::{self, explain_markdown};
use crate::analysis::{LineIndex, Severity};
use serde_json::{json, Value};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Information | Severity::Hint => "note",
    }
}

/// A path as a SARIF `artifactLocation.uri`: a relative reference with every byte but the
/// unreserved ones and `/` percent-encoded (a space, `%`, `:` — a colon in the first segment
/// would read as a scheme — `#`, `?`, non-ASCII as UTF-8). An absolute path becomes a
/// `file://` URI.
pub fn artifact_uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    if path.starts_with('/') {
        out.push_str("file://");
    }
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn render(results: &[Checked]) -> String {
    let all = rules::all();
    let rule_defs: Vec<Value> = all
        .iter()
        .map(|r| {
            let m = r.meta();
            json!({
                "id": m.id,
                "name": m.id,
                "shortDescription": {"text": m.summary},
                "fullDescription": {"text": m.explanation},
                "help": {"text": format!("{}\n\nFlagged:\n{}\nBetter:\n{}", m.explanation, m.wrong, m.right), "markdown": explain_markdown(m)},
                "defaultConfiguration": {
                    "level": level(m.default_severity),
                    "enabled": m.enabled_by_default,
                },
            })
        })
        .collect();
    let mut sarif_results = Vec::new();
    let mut notifications = Vec::new();
    for r in results {
        let uri = artifact_uri(&r.name);
        if let Some(e) = r.any_error() {
            notifications.push(json!({
                "level": "error",
                "message": {"text": e},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri}}}],
            }));
        }
        let Some(text) = &r.text else { continue };
        let index = LineIndex::new(text);
        for (i, d) in r.diagnostics.iter().enumerate() {
            let p = place(&index, text, d);
            let rule_index = all.iter().position(|x| x.meta().id == d.rule);
            let mut result = json!({
                "ruleId": d.rule,
                "level": level(d.severity),
                "message": {"text": d.message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": uri},
                        "region": {
                            "startLine": p.start.line,
                            "startColumn": p.start.col,
                            "endLine": p.end.line,
                            "endColumn": p.end.col,
                            "snippet": {"text": text.get(d.range.clone()).unwrap_or("")},
                        },
                    },
                }],
            });
            if let Some(rule_index) = rule_index {
                result["ruleIndex"] = json!(rule_index);
            }
            // Code scanning matches alerts across commits by these; copydesk's survive
            // edits elsewhere in the file (see cli::fingerprint).
            let fingerprint = r.fingerprint(i);
            if !fingerprint.is_empty() {
                result["partialFingerprints"] = json!({"copydeskFingerprint/v1": fingerprint});
            }
            sarif_results.push(result);
        }
    }
    let report = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "copydesk",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rule_defs,
            }},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
            "invocations": [{
                "executionSuccessful": notifications.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
        }],
    });
    let mut s = serde_json::to_string_pretty(&report).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::artifact_uri;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(artifact_uri("drafts/a b.md"), "drafts/a%20b.md");
        assert_eq!(artifact_uri("100%.md"), "100%25.md");
        assert_eq!(artifact_uri("10:30 news.md"), "10%3A30%20news.md");
        assert_eq!(
            artifact_uri("Київ #1?.md"),
            "%D0%9A%D0%B8%D1%97%D0%B2%20%231%3F.md"
        );
        assert_eq!(artifact_uri("/tmp/x y.md"), "file:///tmp/x%20y.md");
        assert_eq!(artifact_uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(artifact_uri("examples/a-b_c.md"), "examples/a-b_c.md");
    }
}
