//! The options of `copydesk check` for CI: which findings a run reports.
//!
//! - `--changed-since REF`: only findings on lines added or changed since a git revision
//!   (see `cli::changed`).
//!
//! Every format reports what is left, and the exit code follows it. Fingerprints are
//! computed before anything is hidden, so they do not depend on these options.

use super::changed::ChangedLines;
use super::fingerprint;
use super::output::{place, Checked};
use crate::analysis::LineIndex;
use std::path::PathBuf;

#[derive(clap::Args, Debug, Default, Clone)]
pub struct CiArgs {
    /// Report only findings on lines added or changed since this git revision (`git diff
    /// REF`, working tree included), and in new files git does not track yet.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
}

/// The filters of one run, prepared before any file is read so that a bad revision stops
/// the run at once (exit 2).
pub struct Filters {
    changed: Option<(String, ChangedLines, PathBuf)>,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

impl Filters {
    pub fn prepare(args: &CiArgs) -> Result<Filters, String> {
        let changed = match &args.changed_since {
            Some(reference) => {
                let cwd = std::env::current_dir()
                    .map_err(|e| format!("cannot read the current folder: {e}"))?;
                let lines = ChangedLines::since_in(&cwd, reference)?;
                Some((reference.clone(), lines, cwd))
            }
            None => None,
        };
        Ok(Filters { changed })
    }

    /// Fingerprint every finding, then hide what the options hide. Returns lines for
    /// standard error saying what was hidden.
    pub fn apply(&self, results: &mut [Checked]) -> Result<Vec<String>, String> {
        fingerprint::fill(results);
        let mut notes = Vec::new();
        if let Some((reference, changed, cwd)) = &self.changed {
            let mut hidden = 0;
            for r in results.iter_mut() {
                let lines = changed.for_name(cwd, &r.name);
                let Some(text) = &r.text else { continue };
                let index = LineIndex::new(text);
                let keep: Vec<bool> = r
                    .diagnostics
                    .iter()
                    .map(|d| {
                        let p = place(&index, text, d);
                        // An end at the start of a line does not reach into that line.
                        let last = if p.end.line > p.start.line && p.end.col == 1 {
                            p.end.line - 1
                        } else {
                            p.end.line
                        };
                        lines.is_some_and(|l| l.overlaps(p.start.line, last))
                    })
                    .collect();
                hidden += keep.iter().filter(|k| !**k).count();
                r.retain_findings(&keep);
            }
            if hidden > 0 {
                notes.push(format!(
                    "copydesk: {hidden} finding{} outside the lines changed since {reference} not reported",
                    plural(hidden)
                ));
            }
        }
        Ok(notes)
    }
}
