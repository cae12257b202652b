//! copydesk: a language server and CI linter for journalists' Markdown drafts.
//!
//! - [`analysis`]: the pure core (text in, diagnostics out).
//! - [`project`]: finding and loading configuration on disk.
//! - [`safe_fs`]: bounded reads of regular files and atomic, checked writes.
//! - [`cli`]: `copydesk check`, `explain`, `rules`, `init`.
//! - [`lsp`]: `copydesk lsp`.

/// The pure analysis core, a crate of its own (`crates/copydesk-core`).
pub use copydesk_core as analysis;
pub mod cli;
pub mod lsp;
pub mod project;
pub mod safe_fs;
