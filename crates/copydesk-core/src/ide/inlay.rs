//! Inlay hints: short labels the editor shows inline (e.g. the absolute date behind
//! "last Tuesday"). Features add their hints here; the language server only converts them.

use crate::Context;

/// A label to show at a source byte offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlayHint {
    pub offset: usize,
    pub label: String,
}

/// Every inlay hint of the document, in source order. Empty unless the editor settings
/// ask for them (`inlay-hints.dates`).
pub fn hints(cx: &Context) -> Vec<InlayHint> {
    let mut out = Vec::new();
    if !cx.config.editor.inlay_hints.dates {
        return out;
    }
    out.extend(super::dates::inlay_hints(cx));
    out.sort_by_key(|h| h.offset);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    #[test]
    fn off_by_default() {
        let doc = Document::parse("He left on Tuesday.\n");
        let config = Config::default();
        assert!(hints(&Context::new(&doc, &config)).is_empty());
    }
}
