//! `copydesk lsp`: the language server (tower-lsp over stdio), a thin adapter over
//! [`crate::analysis`].

/// Options from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub log_level: Option<String>,
}

/// Run the server on stdin/stdout until the client says `exit` or closes the stream.
pub fn run(_options: Options) -> std::process::ExitCode {
    eprintln!("copydesk lsp: not built yet");
    std::process::ExitCode::from(2)
}
