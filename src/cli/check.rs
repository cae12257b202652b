//! `copydesk check`: read drafts, analyse them in parallel, report, optionally fix.

use super::ci;
use super::exit;
use super::files::{self, Input};
use super::output::{self, Checked, Format, Mode, Style};
use crate::analysis::config::FailOn;
use crate::analysis::fix::{apply_edits, safe_fix_edits};
use crate::analysis::names::desk::{DeskIndex, DraftNames};
use crate::analysis::rules::name_inconsistent_desk::{desk_diagnostics, draft_names};
use crate::analysis::{analyze, analyze_with, Config, Context, Diagnostic, Document};
use crate::project::ConfigCache;
use crate::safe_fs;
use rayon::prelude::*;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct CheckArgs {
    /// Files or folders to check (folders recursively: .md and .markdown, honouring
    /// .gitignore); `-` reads standard input.
    #[arg(default_value = ".")]
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Apply safe fixes in place.
    #[arg(long)]
    fix: bool,
    /// Show what --fix would change, without writing.
    #[arg(long, conflicts_with = "fix")]
    diff: bool,
    /// The lowest severity that makes the run fail (exit 1). Default: the config's
    /// `[check] fail-on`, else warning.
    #[arg(long, value_enum)]
    fail_on: Option<FailOnArg>,
    /// The article date (YYYY-MM-DD) that relative dates are resolved against.
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
    /// The file name to report (and find configuration for) when reading standard input.
    #[arg(long)]
    stdin_filename: Option<PathBuf>,
    /// Use this configuration file instead of looking for copydesk.toml.
    #[arg(long)]
    config: Option<PathBuf>,
    /// When to colour the text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    color: ColorChoice,
    /// Never show a progress bar.
    #[arg(long)]
    no_progress: bool,
    /// Check only shard I of N (1-based, e.g. 2/4): the drafts whose path hashes to it, for
    /// splitting an archive across CI jobs. Names across drafts then compare only the
    /// drafts of the shard (see docs/ci.md).
    #[arg(long, value_name = "I/N", value_parser = parse_shard)]
    shard: Option<Shard>,
    #[command(flatten)]
    ci: ci::CiArgs,
    /// Set by the run: more than one draft, so each one's people are kept for the desk.
    #[arg(skip)]
    desk: bool,
}

/// `--shard I/N`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

fn parse_shard(s: &str) -> Result<Shard, String> {
    let bad = || format!("expected I/N with 1 <= I <= N (e.g. 2/4), not {s:?}");
    let (i, n) = s.split_once('/').ok_or_else(bad)?;
    let index: u64 = i.trim().parse().map_err(|_| bad())?;
    let count: u64 = n.trim().parse().map_err(|_| bad())?;
    if index == 0 || count == 0 || index > count {
        return Err(bad());
    }
    Ok(Shard { index, count })
}

impl Shard {
    /// Whether a draft (its path as reported) is in this shard: FNV-1a of the path, so a
    /// draft stays in its shard when others are added or removed, on every platform.
    fn holds(&self, name: &str) -> bool {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in name.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h % self.count == self.index - 1
    }
}

/// What pass one keeps of a draft for the desk: its people and the configuration it was
/// checked with.
struct DeskInput {
    names: DraftNames,
    config: Arc<Config>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum FailOnArg {
    Error,
    Warning,
    Information,
    Hint,
    Never,
}

impl From<FailOnArg> for FailOn {
    fn from(f: FailOnArg) -> FailOn {
        match f {
            FailOnArg::Error => FailOn::Error,
            FailOnArg::Warning => FailOn::Warning,
            FailOnArg::Information => FailOn::Information,
            FailOnArg::Hint => FailOn::Hint,
            FailOnArg::Never => FailOn::Never,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_date(s: &str) -> Result<String, String> {
    crate::project::parse_article_date(s).map(|d| d.to_string())
}

/// How many rounds of fixing before giving up on fixes that make new fixes.
const FIX_ROUNDS: usize = 4;

pub fn run(mut args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    if args.stdin_filename.is_some() && !args.paths.iter().any(|p| p.as_os_str() == "-") {
        // Without `-` the name would be ignored and the current folder checked instead.
        eprintln!(
            "error: --stdin-filename names standard input, but `-` is not among the paths; \
             add `-` to check standard input"
        );
        return ExitCode::from(exit::ERROR);
    }
    let walk = files::collect(&args.paths, args.stdin_filename.as_deref());
    for (path, note) in &walk.notes {
        eprintln!("note: {path}: {note}");
    }
    let mut inputs = walk.inputs;
    if let Some(shard) = args.shard {
        inputs.retain(|i| shard.holds(&i.display()));
    }
    args.desk = inputs.len() > 1;
    let filters = match ci::Filters::prepare(&args.ci) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(exit::ERROR);
        }
    };
    let mut stdin_text: Option<Result<String, String>> = None;
    if inputs.iter().any(|i| matches!(i, Input::Stdin(_))) {
        let read = safe_fs::read_limited(std::io::stdin().lock(), safe_fs::DRAFT_LIMIT)
            .and_then(safe_fs::utf8);
        stdin_text = Some(read.map_err(|e| match e {
            safe_fs::ReadError::TooLarge(limit) => format!(
                "standard input is larger than {}, the most copydesk reads of one draft",
                safe_fs::mib(limit)
            ),
            safe_fs::ReadError::NotUtf8(_) => e.to_string(),
            e => format!("cannot read standard input: {e}"),
        }));
    }

    let configs = ConfigCache::new(args.config.clone());
    let progress = progress_bar(&args, inputs.len());
    // Pass one, in parallel: each draft on its own, keeping its people for the desk.
    let checked: Vec<(Checked, Option<DeskInput>)> = inputs
        .par_iter()
        .map(|input| {
            let checked = check_one(input, stdin_text.as_ref(), &configs, &args);
            if let Some(p) = &progress {
                p.inc(1);
            }
            checked
        })
        .collect();
    if let Some(p) = progress {
        p.finish_and_clear();
    }
    // Pass two: every draft compared with the others.
    let mut results = across_drafts(checked);
    for (path, message) in walk.errors {
        results.push(Checked::failed(path, message));
    }
    let notes = match filters.apply(&mut results) {
        Ok(notes) => notes,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(exit::ERROR);
        }
    };

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let mode = if args.fix {
        Mode::Fix
    } else if args.diff {
        Mode::Diff
    } else {
        Mode::Check
    };
    let style = Style { color, mode };

    let stdin_fixed = args.fix && results.iter().any(|r| r.is_stdin);
    let mut stdout = std::io::stdout().lock();
    let written = if args.diff {
        stdout.write_all(output::diff(&results).as_bytes())
    } else if stdin_fixed {
        // Like other fixers: with `-` and --fix, the fixed text is the output.
        results
            .iter()
            .filter(|r| r.is_stdin)
            .filter_map(|r| r.fixed.as_deref().or(r.text.as_deref()))
            .try_for_each(|t| stdout.write_all(t.as_bytes()))
    } else {
        let mut out = std::io::BufWriter::new(&mut stdout);
        output::write(args.format, &results, style, &mut out).and_then(|_| out.flush())
    };
    if written.and_then(|_| stdout.flush()).is_err() {
        // A closed pipe (e.g. `| head`) is not the linter's failure.
    }
    if matches!(args.format, Format::Text | Format::Gitlab) || args.diff || stdin_fixed {
        for r in &results {
            if let Some(e) = r.error.as_ref().or(r.write_error.as_ref()) {
                eprintln!("error: {}: {e}", r.name);
            }
        }
    }
    for note in &notes {
        eprintln!("{note}");
    }
    eprintln!("{}", output::timing_line(&results, mode, started.elapsed()));

    let any_error = results
        .iter()
        .any(|r| r.error.is_some() || r.write_error.is_some());
    let failing = results.iter().any(|r| {
        let threshold = args
            .fail_on
            .map(FailOn::from)
            .unwrap_or(r.fail_on)
            .threshold();
        threshold.is_some_and(|t| r.diagnostics.iter().any(|d| d.severity >= t))
    });
    ExitCode::from(if any_error {
        exit::ERROR
    } else if failing {
        exit::FINDINGS
    } else {
        exit::OK
    })
}

/// The safe fixes of `diagnostics`, applied round after round (a fix can make another):
/// the text at the end, its diagnostics, and how many edits were applied.
fn fix_rounds(
    mut doc: Document,
    mut diagnostics: Vec<Diagnostic>,
    config: &Config,
) -> (Document, Vec<Diagnostic>, usize) {
    let mut applied = 0;
    for _ in 0..FIX_ROUNDS {
        let edits = safe_fix_edits(&diagnostics);
        if edits.is_empty() {
            break;
        }
        let (new_text, skipped) = apply_edits(doc.text(), &edits);
        if new_text == doc.text() {
            break;
        }
        applied += edits.len() - skipped.len();
        doc = Document::parse(new_text);
        diagnostics = analyze(&doc, config);
    }
    (doc, diagnostics, applied)
}

/// Merge the drafts' people into the desk index, then add each draft's
/// `name.inconsistent-desk` findings (a cheap comparison per draft; only a draft with a
/// finding is parsed again, for its suppressions and positions).
fn across_drafts(checked: Vec<(Checked, Option<DeskInput>)>) -> Vec<Checked> {
    let mut index = DeskIndex::new();
    for (c, d) in &checked {
        if let Some(d) = d {
            index.add(&c.name, &d.names);
        }
    }
    if index.len() < 2 {
        return checked.into_iter().map(|(c, _)| c).collect();
    }
    checked
        .into_par_iter()
        .map(|(mut c, d)| {
            let Some(d) = d else {
                return c;
            };
            if index
                .compare(Some(&c.name), &d.names, &d.config.names)
                .is_empty()
            {
                return c;
            }
            let Some(text) = c.text.clone() else {
                return c;
            };
            let doc = Document::parse(text);
            let found = desk_diagnostics(&doc, &d.config, Some(&c.name), &d.names, &index);
            if !found.is_empty() {
                c.diagnostics.extend(found);
                c.diagnostics.sort_by(|a, b| {
                    (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
                });
            }
            c
        })
        .collect()
}

fn check_one(
    input: &Input,
    stdin: Option<&Result<String, String>>,
    configs: &ConfigCache,
    args: &CheckArgs,
) -> (Checked, Option<DeskInput>) {
    check_one_with(input, stdin, configs, args, &mut |f, b| f.write_all(b))
}

/// [`check_one`] with the step that writes fixes given (tests give one that fails).
fn check_one_with(
    input: &Input,
    stdin: Option<&Result<String, String>>,
    configs: &ConfigCache,
    args: &CheckArgs,
    write_step: safe_fs::WriteStep<'_>,
) -> (Checked, Option<DeskInput>) {
    let name = input.display();
    let text = match input {
        Input::Stdin(_) => match stdin {
            Some(Ok(t)) => t.clone(),
            Some(Err(e)) => return (Checked::failed(name, e.clone()), None),
            None => {
                return (
                    Checked::failed(name, "standard input was not read".into()),
                    None,
                )
            }
        },
        Input::File(path) => {
            match safe_fs::read_regular(path, safe_fs::DRAFT_LIMIT).and_then(safe_fs::utf8) {
                Ok(t) => t,
                Err(e @ safe_fs::ReadError::NotUtf8(_)) => {
                    return (Checked::failed(name, e.to_string()), None)
                }
                Err(e) => return (Checked::failed(name, format!("cannot read: {e}")), None),
            }
        }
    };
    let loaded = match configs.for_file(input.path()) {
        Ok(l) => l,
        Err(e) => {
            return (
                Checked::failed(name, format!("invalid configuration: {e}")),
                None,
            )
        }
    };
    // Shared by the drafts of a folder (pass two keeps it), copied only to set --date.
    let config: Arc<Config> = match &args.date {
        Some(date) => {
            let mut c = (*loaded.config).clone();
            c.dates.article_date = Some(date.clone());
            Arc::new(c)
        }
        None => loaded.config.clone(),
    };
    let fail_on = config.check.fail_on.unwrap_or(FailOn::Warning);

    // A plain check keeps one copy of the text: the document's, handed back for the report
    // (a copy per draft held until the report is written cost a byte per byte of draft).
    let plain = !(args.fix || args.diff);
    let bytes = text.len();
    let (doc, text) = if plain {
        (Document::parse(text), String::new())
    } else {
        (Document::parse(text.clone()), text)
    };
    let (diagnostics, people) = {
        let cx = Context::new(&doc, &config);
        let people = if args.desk {
            draft_names(&cx)
        } else {
            DraftNames::default()
        };
        (analyze_with(&cx), people)
    };
    let mut checked = Checked {
        name,
        words: doc.word_count(),
        bytes,
        is_stdin: matches!(input, Input::Stdin(_)),
        original: None,
        text: None,
        fixed: None,
        fixes: 0,
        diagnostics: Vec::new(),
        fingerprints: Vec::new(),
        error: None,
        write_error: None,
        fail_on,
    };
    if plain {
        // `original` is read only for a diff, which a plain check does not make.
        checked.diagnostics = diagnostics;
        checked.text = Some(doc.into_text());
        return (checked, desk_input(people, config));
    }
    let (fixed_doc, fixed_diagnostics, applied) = fix_rounds(doc, diagnostics.clone(), &config);
    let changed = fixed_doc.text() != text;
    checked.fixes = if changed { applied } else { 0 };
    checked.fixed = changed.then(|| fixed_doc.text().to_string());
    // With --diff nothing is written: the report is about the file as it is. With --fix
    // the report is about the text written, once it is written.
    let mut keep_fixed = args.fix && (changed || checked.is_stdin);
    if args.fix && changed {
        if let (Input::File(path), Some(new_text)) = (input, &checked.fixed) {
            let written = safe_fs::write_atomic_with(
                path,
                new_text.as_bytes(),
                safe_fs::Expect::Unchanged(text.as_bytes()),
                safe_fs::Symlinks::Follow,
                write_step,
            );
            if let Err(e) = written {
                checked.write_error = Some(format!(
                    "fixes not written ({e}); the file was left as it is"
                ));
                checked.fixes = 0;
                keep_fixed = false;
            }
        }
    }
    let people = if keep_fixed {
        checked.words = fixed_doc.word_count();
        checked.diagnostics = fixed_diagnostics;
        checked.text = Some(fixed_doc.text().to_string());
        if args.desk {
            draft_names(&Context::new(&fixed_doc, &config))
        } else {
            DraftNames::default()
        }
    } else {
        checked.diagnostics = diagnostics;
        checked.text = Some(text.clone());
        people
    };
    checked.original = Some(text);
    (checked, desk_input(people, config))
}

fn desk_input(names: DraftNames, config: Arc<Config>) -> Option<DeskInput> {
    (!names.actors.is_empty()).then_some(DeskInput { names, config })
}

fn progress_bar(args: &CheckArgs, files: usize) -> Option<indicatif::ProgressBar> {
    const MIN_FILES: usize = 200;
    if args.no_progress || files < MIN_FILES || !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} files {elapsed_precise}")
    {
        bar.set_style(style);
    }
    Some(bar)
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Parser)]
    struct Cli {
        #[command(flatten)]
        args: CheckArgs,
    }

    fn args(a: &[&str]) -> CheckArgs {
        Cli::parse_from(std::iter::once("check").chain(a.iter().copied())).args
    }

    fn report(results: &[Checked], mode: Mode) -> String {
        let mut out = Vec::new();
        let style = Style { color: false, mode };
        output::write(Format::Text, results, style, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// A folder whose drafts `--fix` can change (`quote.style` on, curly quotes wanted).
    fn fixable(text: &str) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("copydesk.toml"),
            "[rules]\n\"quote.style\" = \"warning\"\n[quotes]\nmarks = \"curly\"\n",
        )
        .unwrap();
        let path = dir.path().join("d.md");
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    /// The reporter saves the draft (same length, one letter changed) while `--fix` is
    /// writing: the save wins, nothing is written, and the report says so about the text
    /// that was read, not about fixes that were never written.
    #[test]
    fn shards_split_drafts_by_path_deterministically() {
        assert!(parse_shard("0/3").is_err() && parse_shard("4/3").is_err());
        assert!(parse_shard("x").is_err() && parse_shard("1/0").is_err());
        let shards: Vec<Shard> = (1..=3)
            .map(|i| parse_shard(&format!("{i}/3")).unwrap())
            .collect();
        for n in 0..200 {
            let name = format!("desk/2026/story-{n}.md");
            let holders = shards.iter().filter(|s| s.holds(&name)).count();
            assert_eq!(holders, 1, "{name}");
        }
        // Fixed: the same shard on every run and platform.
        assert!(shards[1].holds("desk/a.md") == shards[1].holds("desk/a.md"));
        let one = parse_shard("1/1").unwrap();
        assert!(one.holds("anything.md"));
    }

    #[test]
    fn a_draft_saved_while_fixes_are_written_is_left_as_saved() {
        let read = "She said \"we will win,\" and left.\n";
        let saved = "She said \"we will won,\" and left.\n";
        let (_dir, path) = fixable(read);
        let a = args(&["--fix", path.to_str().unwrap()]);
        let p = path.clone();
        let mut meanwhile = |f: &mut std::fs::File, b: &[u8]| -> std::io::Result<()> {
            std::fs::write(&p, saved)?;
            f.write_all(b)
        };
        let input = Input::File(path.clone());
        let checked = check_one_with(&input, None, &ConfigCache::new(None), &a, &mut meanwhile).0;
        assert_eq!(std::fs::read_to_string(&path).unwrap(), saved);
        let e = checked.write_error.as_deref().unwrap_or("");
        assert!(
            e.contains("the file changed on disk after copydesk read it"),
            "{e}"
        );
        assert_eq!(checked.fixes, 0);
        assert_eq!(checked.text.as_deref(), Some(read));
        assert_eq!(checked.diagnostics.len(), 2);
        let out = report(std::slice::from_ref(&checked), Mode::Fix);
        assert!(
            out.ends_with(
                "Found 2 problems (2 warnings) in 1 of 1 file; fixes could not be written to 1 file; 2 fixable with --fix.\n"
            ),
            "{out}"
        );
    }

    /// A write step that fails halfway (disk full): the draft is whole, and the report is
    /// about the draft as it is.
    #[test]
    fn a_failing_write_leaves_the_draft_and_reports_it_as_it_is() {
        let read = "She said \"we will win,\" and left.\n";
        let (dir, path) = fixable(read);
        let a = args(&["--fix", path.to_str().unwrap()]);
        let mut failing = |f: &mut std::fs::File, b: &[u8]| -> std::io::Result<()> {
            f.write_all(&b[..5])?;
            Err(std::io::Error::other("No space left on device"))
        };
        let input = Input::File(path.clone());
        let checked = check_one_with(&input, None, &ConfigCache::new(None), &a, &mut failing).0;
        assert_eq!(std::fs::read_to_string(&path).unwrap(), read);
        assert!(checked
            .write_error
            .as_deref()
            .unwrap_or("")
            .contains("No space left on device"));
        assert_eq!(checked.text.as_deref(), Some(read));
        let names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");

        // The same draft, written: the report is about the text written.
        let checked = check_one(&input, None, &ConfigCache::new(None), &a).0;
        assert!(checked.write_error.is_none());
        assert_eq!(checked.fixes, 2);
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "She said “we will win,” and left.\n"
        );
        assert_eq!(
            report(std::slice::from_ref(&checked), Mode::Fix),
            "No problems found in 1 file; applied 2 fixes to 1 file.\n"
        );
    }
}
