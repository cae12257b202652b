//! The command line: a thin shell over [`crate::analysis`].

mod baseline;
mod changed;
mod check;
mod ci;
mod files;
mod fingerprint;
mod output;
mod rules_cmd;

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser, Debug)]
#[command(
    name = "copydesk",
    version,
    about = "A copy editor for Markdown news drafts: unattributed quotes, name spellings, undated claims.",
    propagate_version = true
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check drafts and report what a copy editor would catch (for CI).
    Check(check::CheckArgs),
    /// Run the language server over stdio (for editors).
    Lsp {
        /// Accepted for clients that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
        /// error, warn, info, debug or trace.
        #[arg(long)]
        log_level: Option<String>,
    },
    /// Explain a rule, with an example of what it flags and how to fix it.
    Explain {
        /// A rule id, such as quote.unattributed.
        rule: String,
        /// The copydesk.toml whose preset to cite (default: the nearest one).
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// List every rule.
    Rules {
        #[arg(long, value_enum, default_value_t = RulesFormat::Text)]
        format: RulesFormat,
    },
    /// Write a commented default copydesk.toml.
    Init {
        /// Where to write it.
        #[arg(default_value = "copydesk.toml")]
        path: PathBuf,
        /// Overwrite an existing file.
        #[arg(long)]
        force: bool,
        /// Start from a newsroom preset: ap, reuters, guardian or bbc.
        #[arg(long)]
        preset: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
enum RulesFormat {
    /// One line per rule: id, default level, summary.
    Text,
    /// A JSON array of {id, default_severity, enabled_by_default, summary}.
    Json,
    /// The complete rule reference in Markdown (docs/rules.md is this output).
    Markdown,
}

/// Exit codes, as documented in docs/guide.md.
pub mod exit {
    pub const OK: u8 = 0;
    pub const FINDINGS: u8 = 1;
    pub const ERROR: u8 = 2;
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(exit::ERROR)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Lsp { log_level, .. } => crate::lsp::run(crate::lsp::Options { log_level }),
        Command::Explain { rule, config } => rules_cmd::explain(&rule, config.as_deref()),
        Command::Rules { format } => rules_cmd::list(format),
        Command::Init {
            path,
            force,
            preset,
        } => rules_cmd::init(&path, force, preset.as_deref()),
    }
}
