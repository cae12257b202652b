//! This feature's settings: the `[names]` table of `copydesk.toml`, read by `crate::config`.

use serde::Deserialize;

/// House style and dictionaries for names.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct NamesConfig {
    /// The house spelling of a variant group, e.g. "Zelenskiy" or "Kyiv".
    pub prefer: Vec<String>,
    /// Newsroom dictionary: words the name checks leave alone.
    pub accept: Vec<String>,
    /// Actor files (TOML or JSON) merged over the shipped knowledge base, relative to the
    /// config file.
    #[serde(alias = "actorFiles")]
    pub actor_files: Vec<String>,
    /// The actor files' contents, parsed by the project loader (the shell); the core
    /// never reads files.
    #[serde(skip)]
    pub overlay: Option<std::sync::Arc<super::kb::Overlay>>,
    /// Compare each draft's spellings of a person with the other drafts of the run (or the
    /// editor's workspace): `name.inconsistent-desk`. Default: on.
    #[serde(alias = "acrossDrafts")]
    pub across_drafts: Option<bool>,
}

impl NamesConfig {
    /// Whether drafts are compared with the desk (`[names] across-drafts`, default true).
    pub fn across_drafts(&self) -> bool {
        self.across_drafts.unwrap_or(true)
    }
}
