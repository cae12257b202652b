//! Baselines: `check --write-baseline FILE` records the current findings, and
//! `check --baseline FILE` hides the findings recorded there, so a team can adopt copydesk
//! on an archive of drafts and fail only on new findings.
//!
//! Findings are matched by their stable fingerprint (see `cli::fingerprint`), not by line,
//! so an edit elsewhere in a file keeps its recorded findings hidden. The file is JSON:
//!
//! ```json
//! {
//!   "version": 1,
//!   "findings": [
//!     {"fingerprint": "…", "rule": "name.misspelled", "path": "drafts/a.md",
//!      "text": "Volodomyr", "context": "Ukrainian President Volodomyr Zelenskiy's envoy"}
//!   ]
//! }
//! ```
//!
//! Only `fingerprint` is used for matching; `rule`, `path`, `text` and `context` (the
//! flagged text with the words around it that the fingerprint hashes) are there for people
//! reading the file. Line numbers are left out on purpose: rewriting the baseline after
//! unrelated edits leaves it unchanged.

use super::fingerprint::Key;
use super::output::Checked;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// The baseline file's format version. Readers refuse other versions.
pub const VERSION: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Entry {
    fingerprint: String,
    #[serde(default)]
    rule: String,
    #[serde(default)]
    path: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    context: String,
}

/// The recorded findings of a baseline file.
#[derive(Debug, Default)]
pub struct Baseline {
    /// How many findings with each fingerprint are recorded.
    counts: HashMap<String, usize>,
    /// Each recorded fingerprint's path, to tell which unmatched entries belong to files
    /// that were checked.
    paths: HashMap<String, String>,
}

/// What applying a baseline did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Applied {
    /// Findings hidden because they are recorded.
    pub hidden: usize,
    /// Recorded findings of the checked files that were not found (fixed, or changed).
    pub stale: usize,
}

impl Baseline {
    pub fn read(path: &Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("invalid baseline {}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Baseline, String> {
        #[derive(Deserialize)]
        struct Version {
            version: Option<u32>,
        }
        let version: Version = serde_json::from_str(text).map_err(|e| e.to_string())?;
        match version.version {
            Some(VERSION) => {}
            Some(v) => {
                return Err(format!(
                    "version {v} (this copydesk reads version {VERSION}; write it again with \
                     --write-baseline)"
                ))
            }
            None => return Err("no `version` field: not a copydesk baseline".into()),
        }
        let file: File = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut baseline = Baseline::default();
        for e in file.findings {
            *baseline.counts.entry(e.fingerprint.clone()).or_default() += 1;
            baseline.paths.insert(e.fingerprint, e.path);
        }
        Ok(baseline)
    }

    /// Hide the recorded findings. Each recorded fingerprint hides one finding.
    pub fn apply(&self, results: &mut [Checked]) -> Applied {
        let mut left = self.counts.clone();
        let mut applied = Applied::default();
        for r in results.iter_mut() {
            let keep: Vec<bool> = (0..r.diagnostics.len())
                .map(|i| match left.get_mut(r.fingerprint(i)) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        false
                    }
                    _ => true,
                })
                .collect();
            applied.hidden += keep.iter().filter(|k| !**k).count();
            r.retain_findings(&keep);
        }
        let checked: HashSet<&str> = results
            .iter()
            .filter(|r| r.error.is_none())
            .map(|r| r.name.as_str())
            .collect();
        applied.stale = left
            .iter()
            .filter(|(fp, _)| {
                self.paths
                    .get(*fp)
                    .is_some_and(|p| checked.contains(p.as_str()))
            })
            .map(|(_, n)| n)
            .sum();
        applied
    }

    /// A baseline of every finding in `results` (fingerprints filled in).
    pub fn of(results: &[Checked]) -> String {
        let mut findings = Vec::new();
        let mut order: Vec<&Checked> = results.iter().collect();
        order.sort_by(|a, b| a.name.cmp(&b.name));
        for r in order {
            let text = r.text.as_deref().unwrap_or("");
            let mut by_place: Vec<usize> = (0..r.diagnostics.len()).collect();
            by_place.sort_by_key(|&i| {
                let d = &r.diagnostics[i];
                (d.range.start, d.range.end, d.rule)
            });
            for i in by_place {
                let d = &r.diagnostics[i];
                let key = Key::of(text, d.range.clone());
                let context = [key.before.as_str(), &key.text, &key.after]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                findings.push(Entry {
                    fingerprint: r.fingerprint(i).to_string(),
                    rule: d.rule.to_string(),
                    path: r.name.clone(),
                    text: key.text,
                    context,
                });
            }
        }
        let file = File {
            version: VERSION,
            findings,
        };
        let mut s = serde_json::to_string_pretty(&file).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Write a baseline of `results` to `path` (through a temporary file beside it, so a
    /// failed write never leaves half a baseline).
    pub fn write(path: &Path, results: &[Checked]) -> Result<usize, String> {
        let text = Self::of(results);
        let count = results.iter().map(|r| r.diagnostics.len()).sum();
        let file_name = path.file_name().ok_or_else(|| {
            format!(
                "cannot write the baseline {}: not a file name",
                path.display()
            )
        })?;
        let mut tmp_name = std::ffi::OsString::from(".");
        tmp_name.push(file_name);
        tmp_name.push(".tmp");
        let tmp = path.with_file_name(tmp_name);
        std::fs::write(&tmp, text)
            .and_then(|_| std::fs::rename(&tmp, path))
            .map_err(|e| {
                let _ = std::fs::remove_file(&tmp);
                format!("cannot write the baseline {}: {e}", path.display())
            })?;
        Ok(count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_are_checked() {
        assert!(Baseline::parse(r#"{"version": 1, "findings": []}"#).is_ok());
        let e = Baseline::parse(r#"{"version": 2, "findings": []}"#).unwrap_err();
        assert!(e.contains("version 2"), "{e}");
        let e = Baseline::parse(r#"{"findings": []}"#).unwrap_err();
        assert!(e.contains("not a copydesk baseline"), "{e}");
        assert!(Baseline::parse("[]").is_err());
        // Fields other readers may add are ignored.
        let b = Baseline::parse(
            r#"{"version": 1, "extra": true, "findings": [{"fingerprint": "f", "note": "x"}]}"#,
        )
        .unwrap();
        assert_eq!(b.counts.get("f"), Some(&1));
    }
}
