//! Core types ↔ LSP types. Positions go through [`crate::analysis::line_index`] only.

use crate::analysis::diagnostic::{Diagnostic, Edit, Severity};
use crate::analysis::line_index::{rope_offset, LineCol, LineIndex};
use crate::analysis::{Document, Encoding};
use ropey::Rope;
use std::ops::Range;
use tower_lsp::lsp_types as lsp;

pub const SOURCE: &str = "copydesk";

/// The position encoding to use, from the client's offer (LSP 3.17): UTF-8 when offered,
/// else UTF-16, which every client must support.
pub fn negotiate(caps: &lsp::ClientCapabilities) -> Encoding {
    let offered = caps
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_ref());
    match offered {
        Some(list) if list.contains(&lsp::PositionEncodingKind::UTF8) => Encoding::Utf8,
        _ => Encoding::Utf16,
    }
}

pub fn encoding_kind(enc: Encoding) -> lsp::PositionEncodingKind {
    match enc {
        Encoding::Utf8 => lsp::PositionEncodingKind::UTF8,
        Encoding::Utf16 => lsp::PositionEncodingKind::UTF16,
        Encoding::Utf32 => lsp::PositionEncodingKind::UTF32,
    }
}

fn line_col(p: lsp::Position) -> LineCol {
    LineCol {
        line: p.line,
        col: p.character,
    }
}

fn position(lc: LineCol) -> lsp::Position {
    lsp::Position::new(lc.line, lc.col)
}

/// Byte offset of an LSP position in a rope (clamped).
pub fn rope_pos_to_offset(rope: &Rope, p: lsp::Position, enc: Encoding) -> usize {
    rope_offset(rope, line_col(p), enc)
}

/// Positions in one analysed text.
pub struct Positions<'a> {
    text: &'a str,
    index: &'a LineIndex,
    enc: Encoding,
}

impl<'a> Positions<'a> {
    pub fn new(doc: &'a Document, enc: Encoding) -> Self {
        Positions {
            text: doc.text(),
            index: doc.line_index(),
            enc,
        }
    }

    pub fn position(&self, offset: usize) -> lsp::Position {
        position(self.index.line_col(self.text, offset, self.enc))
    }

    pub fn range(&self, r: &Range<usize>) -> lsp::Range {
        lsp::Range::new(self.position(r.start), self.position(r.end))
    }

    /// Byte offset of a position (clamped to the text).
    pub fn offset(&self, p: lsp::Position) -> usize {
        self.index.offset(self.text, line_col(p), self.enc)
    }

    /// Byte range of an LSP range; an inverted range is taken as empty at its start.
    pub fn offsets(&self, r: lsp::Range) -> Range<usize> {
        let start = self.offset(r.start);
        let end = self.offset(r.end).max(start);
        start..end
    }

    pub fn text_edit(&self, e: &Edit) -> lsp::TextEdit {
        lsp::TextEdit {
            range: self.range(&e.range),
            new_text: e.new_text.clone(),
        }
    }
}

pub fn severity(s: Severity) -> lsp::DiagnosticSeverity {
    match s {
        Severity::Error => lsp::DiagnosticSeverity::ERROR,
        Severity::Warning => lsp::DiagnosticSeverity::WARNING,
        Severity::Information => lsp::DiagnosticSeverity::INFORMATION,
        Severity::Hint => lsp::DiagnosticSeverity::HINT,
    }
}

/// An LSP diagnostic: `code` is the rule id, `data` the rule's fields and the version it
/// was computed for (used by code actions).
pub fn diagnostic(
    d: &Diagnostic,
    pos: &Positions,
    uri: &lsp::Url,
    version: i32,
) -> lsp::Diagnostic {
    let related: Vec<lsp::DiagnosticRelatedInformation> = d
        .related
        .iter()
        .map(|r| lsp::DiagnosticRelatedInformation {
            location: lsp::Location::new(uri.clone(), pos.range(&r.range)),
            message: r.message.clone(),
        })
        .collect();
    let mut data = serde_json::Map::new();
    data.insert("rule".into(), d.rule.into());
    data.insert("version".into(), version.into());
    if !d.data.is_empty() {
        data.insert("data".into(), serde_json::Value::Object(d.data.clone()));
    }
    lsp::Diagnostic {
        range: pos.range(&d.range),
        severity: Some(severity(d.severity)),
        code: Some(lsp::NumberOrString::String(d.rule.to_string())),
        code_description: None,
        source: Some(SOURCE.to_string()),
        message: d.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: Some(serde_json::Value::Object(data)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{analyze, Config};

    #[test]
    fn diagnostic_ranges_in_both_encodings() {
        let src = "Київ 😀\r\nHe said “we will win.\n";
        let doc = Document::parse(src);
        let diags = analyze(&doc, &Config::default());
        assert_eq!(diags.len(), 1);
        let uri = lsp::Url::parse("file:///tmp/a.md").unwrap();
        for (enc, col) in [(Encoding::Utf16, 8), (Encoding::Utf8, 8)] {
            let pos = Positions::new(&doc, enc);
            let d = diagnostic(&diags[0], &pos, &uri, 3);
            assert_eq!(d.range.start, lsp::Position::new(1, col));
            assert_eq!(
                d.code,
                Some(lsp::NumberOrString::String("quote.unbalanced".into()))
            );
            assert_eq!(d.source.as_deref(), Some("copydesk"));
            assert_eq!(d.data.as_ref().unwrap()["version"], 3);
        }
        // On the first line the encodings differ.
        let pos16 = Positions::new(&doc, Encoding::Utf16);
        let pos8 = Positions::new(&doc, Encoding::Utf8);
        let end0 = src.find('\r').unwrap();
        assert_eq!(pos16.position(end0), lsp::Position::new(0, 7));
        assert_eq!(pos8.position(end0), lsp::Position::new(0, 13));
        assert_eq!(pos16.offset(lsp::Position::new(0, 7)), end0);
        assert_eq!(pos16.offset(lsp::Position::new(0, 99)), end0);
        assert_eq!(pos16.offset(lsp::Position::new(9, 0)), src.len());
    }

    #[test]
    fn utf8_is_chosen_only_when_offered() {
        let mut caps = lsp::ClientCapabilities::default();
        assert_eq!(negotiate(&caps), Encoding::Utf16);
        caps.general = Some(lsp::GeneralClientCapabilities {
            position_encodings: Some(vec![
                lsp::PositionEncodingKind::UTF16,
                lsp::PositionEncodingKind::UTF8,
            ]),
            ..Default::default()
        });
        assert_eq!(negotiate(&caps), Encoding::Utf8);
    }
}
