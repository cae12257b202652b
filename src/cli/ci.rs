//! The options of `copydesk check` for CI: which findings a run reports.
//!
//! - `--changed-since REF`: only findings on lines added or changed since a git revision
//!   (see `cli::changed`).
//! - `--baseline FILE` / `--write-baseline FILE`: hide recorded findings (see
//!   `cli::baseline`).
//!
//! Every format reports what is left, and the exit code follows it. Fingerprints are
//! computed before anything is hidden, so they do not depend on these options.

use super::baseline::Baseline;
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
    /// Hide the findings recorded in this baseline file (written by --write-baseline).
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Record every current finding in this baseline file, then report as if checked
    /// against it (nothing left to report).
    #[arg(long, value_name = "FILE", conflicts_with = "changed_since")]
    pub write_baseline: Option<PathBuf>,
}

/// The filters of one run, prepared before any file is read so that a bad revision or
/// baseline stops the run at once (exit 2).
pub struct Filters {
    changed: Option<(String, ChangedLines, PathBuf)>,
    baseline: Option<(PathBuf, Baseline)>,
    write_baseline: Option<PathBuf>,
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
        let baseline = match &args.baseline {
            Some(path) => Some((path.clone(), Baseline::read(path)?)),
            None => None,
        };
        Ok(Filters {
            changed,
            baseline,
            write_baseline: args.write_baseline.clone(),
        })
    }

    /// Fingerprint every finding, write the baseline if asked, then hide what the options
    /// hide. Returns lines for standard error saying what was hidden; an error is a
    /// baseline that could not be written.
    pub fn apply(&self, results: &mut [Checked]) -> Result<Vec<String>, String> {
        fingerprint::fill(results);
        let mut notes = Vec::new();
        if let Some(path) = &self.write_baseline {
            let n = Baseline::write(path, results)?;
            notes.push(format!(
                "copydesk: wrote {n} finding{} to the baseline {}",
                plural(n),
                path.display()
            ));
            // The run now reports against the baseline it wrote: nothing is new.
            for r in results.iter_mut() {
                r.retain_findings(&vec![false; r.diagnostics.len()]);
            }
        }
        if let Some((path, baseline)) = &self.baseline {
            let applied = baseline.apply(results);
            if applied.hidden > 0 {
                notes.push(format!(
                    "copydesk: {} finding{} recorded in the baseline {} not reported",
                    applied.hidden,
                    plural(applied.hidden),
                    path.display()
                ));
            }
            if applied.stale > 0 {
                notes.push(format!(
                    "copydesk: {} finding{} recorded in the baseline {} no longer found; \
                     --write-baseline drops them",
                    applied.stale,
                    plural(applied.stale),
                    path.display()
                ));
            }
        }
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
