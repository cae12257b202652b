//! `copydesk check`: read drafts, analyse them in parallel, report, optionally fix.

use super::ci;
use super::exit;
use super::files::{self, Input};
use super::output::{self, Checked, Format, Style};
use crate::analysis::config::FailOn;
use crate::analysis::fix::{apply_edits, safe_fix_edits};
use crate::analysis::{analyze, Document};
use crate::project::ConfigCache;
use rayon::prelude::*;
use std::io::{IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
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
    #[command(flatten)]
    ci: ci::CiArgs,
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
    s.parse::<jiff::civil::Date>()
        .map(|d| d.to_string())
        .map_err(|_| format!("`{s}` is not a date in the form YYYY-MM-DD"))
}

/// How many rounds of fixing before giving up on fixes that make new fixes.
const FIX_ROUNDS: usize = 4;

pub fn run(args: CheckArgs) -> ExitCode {
    let started = Instant::now();
    let filters = match ci::Filters::prepare(&args.ci) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(exit::ERROR);
        }
    };
    let (inputs, walk_errors) = files::collect(&args.paths, args.stdin_filename.as_deref());
    let mut stdin_text: Option<Result<String, String>> = None;
    if inputs.iter().any(|i| matches!(i, Input::Stdin(_))) {
        let mut bytes = Vec::new();
        stdin_text = Some(match std::io::stdin().read_to_end(&mut bytes) {
            Ok(_) => String::from_utf8(bytes).map_err(|e| not_utf8(&e)),
            Err(e) => Err(format!("cannot read standard input: {e}")),
        });
    }

    let configs = ConfigCache::new(args.config.clone());
    let progress = progress_bar(&args, inputs.len());
    let mut results: Vec<Checked> = inputs
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
    for (path, message) in walk_errors {
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
    let style = Style { color };

    let stdin_fixed = args.fix && results.iter().any(|r| r.is_stdin);
    let mut stdout = std::io::stdout().lock();
    let written = if args.diff {
        stdout.write_all(output::diff(&results).as_bytes())
    } else if stdin_fixed {
        // Like other fixers: with `-` and --fix, the fixed text is the output.
        results
            .iter()
            .filter(|r| r.is_stdin)
            .filter_map(|r| r.text.as_deref())
            .try_for_each(|t| stdout.write_all(t.as_bytes()))
    } else {
        let mut out = std::io::BufWriter::new(&mut stdout);
        output::write(args.format, &results, style, &mut out).and_then(|_| out.flush())
    };
    if written.and_then(|_| stdout.flush()).is_err() {
        // A closed pipe (e.g. `| head`) is not the linter's failure.
    }
    if matches!(args.format, Format::Text | Format::Gitlab) || args.diff {
        for r in results.iter().filter(|r| r.error.is_some()) {
            eprintln!("error: {}: {}", r.name, r.error.as_deref().unwrap_or(""));
        }
    }
    for note in &notes {
        eprintln!("{note}");
    }
    eprintln!("{}", output::timing_line(&results, started.elapsed()));

    let any_error = results.iter().any(|r| r.error.is_some());
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

fn not_utf8(e: &std::string::FromUtf8Error) -> String {
    format!(
        "not valid UTF-8 (first bad byte at offset {}); save the file as UTF-8",
        e.utf8_error().valid_up_to()
    )
}

fn check_one(
    input: &Input,
    stdin: Option<&Result<String, String>>,
    configs: &ConfigCache,
    args: &CheckArgs,
) -> Checked {
    let name = input.display();
    let text = match input {
        Input::Stdin(_) => match stdin {
            Some(Ok(t)) => t.clone(),
            Some(Err(e)) => return Checked::failed(name, e.clone()),
            None => return Checked::failed(name, "standard input was not read".into()),
        },
        Input::File(path) => match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => return Checked::failed(name, not_utf8(&e)),
            },
            Err(e) => return Checked::failed(name, format!("cannot read: {e}")),
        },
    };
    let loaded = match configs.for_file(input.path()) {
        Ok(l) => l,
        Err(e) => return Checked::failed(name, format!("invalid configuration: {e}")),
    };
    let mut config = (*loaded.config).clone();
    if let Some(date) = &args.date {
        config.dates.article_date = Some(date.clone());
    }
    let fail_on = config.check.fail_on.unwrap_or(FailOn::Warning);

    let mut doc = Document::parse(text.clone());
    let mut diagnostics = analyze(&doc, &config);
    if args.fix || args.diff {
        for _ in 0..FIX_ROUNDS {
            let edits = safe_fix_edits(&diagnostics);
            if edits.is_empty() {
                break;
            }
            let (new_text, _) = apply_edits(doc.text(), &edits);
            if new_text == doc.text() {
                break;
            }
            doc = Document::parse(new_text);
            diagnostics = analyze(&doc, &config);
        }
    }
    let mut checked = Checked {
        name,
        words: doc.word_count(),
        bytes: text.len(),
        is_stdin: matches!(input, Input::Stdin(_)),
        original: Some(text),
        text: Some(doc.text().to_string()),
        diagnostics,
        fingerprints: Vec::new(),
        error: None,
        fail_on,
    };
    if args.fix && checked.is_fixed() {
        if let (Input::File(path), Some(new_text)) = (input, &checked.text) {
            if let Err(e) = std::fs::write(path, new_text) {
                checked.error = Some(format!("cannot write fixes: {e}"));
            }
        }
    }
    checked
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
