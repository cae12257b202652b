//! This feature's settings: the `[quotes]` table of `copydesk.toml`, read by `crate::config`.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum QuoteMarks {
    #[default]
    Curly,
    Straight,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct QuotesConfig {
    /// Quotes of at most this many words may be scare quotes or words-as-words.
    #[serde(alias = "scareMaxWords")]
    pub scare_max_words: usize,
    /// The house's quotation marks, for `quote.style`.
    pub marks: QuoteMarks,
}

impl Default for QuotesConfig {
    fn default() -> Self {
        QuotesConfig {
            scare_max_words: 3,
            marks: QuoteMarks::Curly,
        }
    }
}
