//! copydesk: a language server and CI linter for journalists' Markdown drafts.
//!
//! - [`analysis`]: the pure core (text in, diagnostics out).
//! - [`project`]: finding and loading configuration on disk.
//! - [`cli`]: `copydesk check`, `explain`, `rules`, `init`.
//! - [`lsp`]: `copydesk lsp`.

pub mod analysis;
pub mod cli;
pub mod lsp;
pub mod project;
