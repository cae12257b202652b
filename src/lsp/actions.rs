//! Code actions: each diagnostic's fixes as quick fixes, "Disable RULE for this line",
//! and `source.fixAll.copydesk` (every safe fix at once).

use super::convert::Positions;
use super::documents::Analysis;
use crate::analysis::diagnostic::{Diagnostic, Edit};
use crate::analysis::fix::safe_fix_edits;
use crate::analysis::{Document, Encoding};
use std::collections::HashMap;
use std::ops::Range;
use tower_lsp::lsp_types as lsp;

pub fn fix_all_kind() -> lsp::CodeActionKind {
    lsp::CodeActionKind::new("source.fixAll.copydesk")
}

/// Whether a client's `only` filter admits `kind` (a filter entry admits its sub-kinds).
fn wanted(only: Option<&[lsp::CodeActionKind]>, kind: &lsp::CodeActionKind) -> bool {
    only.is_none_or(|list| {
        list.iter().any(|k| {
            let (k, kind) = (k.as_str(), kind.as_str());
            kind == k
                || kind
                    .strip_prefix(k)
                    .is_some_and(|rest| rest.starts_with('.'))
        })
    })
}

fn workspace_edit(uri: &lsp::Url, pos: &Positions, edits: &[Edit]) -> lsp::WorkspaceEdit {
    let mut changes = HashMap::new();
    changes.insert(
        uri.clone(),
        edits.iter().map(|e| pos.text_edit(e)).collect(),
    );
    lsp::WorkspaceEdit {
        changes: Some(changes),
        ..Default::default()
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start <= b.end && b.start <= a.end
}

pub fn code_actions(
    a: &Analysis,
    uri: &lsp::Url,
    range: lsp::Range,
    only: Option<&[lsp::CodeActionKind]>,
    enc: Encoding,
) -> Vec<lsp::CodeActionOrCommand> {
    let pos = Positions::new(&a.doc, enc);
    let wanted_range = pos.offsets(range);
    let mut out = Vec::new();
    if wanted(only, &lsp::CodeActionKind::QUICKFIX) {
        let mut disabled: Vec<(&str, usize)> = Vec::new();
        for (i, d) in a.diagnostics.iter().enumerate() {
            if !overlaps(&d.range, &wanted_range) {
                continue;
            }
            let lsp_diag = a.lsp.get(i).cloned();
            for (k, fix) in d.fixes.iter().enumerate() {
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: fix.title.clone(),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: lsp_diag.clone().map(|d| vec![d]),
                    edit: Some(workspace_edit(uri, &pos, &fix.edits)),
                    is_preferred: Some(k == 0),
                    ..Default::default()
                }));
            }
            let line = a.doc.line_col(d.range.start).line as usize;
            if !disabled.contains(&(d.rule, line)) {
                disabled.push((d.rule, line));
                out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                    title: format!("Disable {} for this line", d.rule),
                    kind: Some(lsp::CodeActionKind::QUICKFIX),
                    diagnostics: lsp_diag.map(|d| vec![d]),
                    edit: Some(workspace_edit(uri, &pos, &[disable_edit(&a.doc, d)])),
                    is_preferred: Some(false),
                    ..Default::default()
                }));
            }
        }
    }
    let kind = fix_all_kind();
    if wanted(only, &kind) {
        let edits = safe_fix_edits(&a.diagnostics);
        if !edits.is_empty() {
            out.push(lsp::CodeActionOrCommand::CodeAction(lsp::CodeAction {
                title: "Fix all safe copydesk issues".into(),
                kind: Some(kind),
                edit: Some(workspace_edit(uri, &pos, &edits)),
                ..Default::default()
            }));
        }
    }
    out
}

/// The edit that silences `d` with `<!-- copydesk-disable-next-line RULE -->` on its own
/// line above it. When the diagnostic's line continues a paragraph begun on an earlier
/// line, the comment goes at the end of the previous line instead: a comment on a line of
/// its own would split the paragraph in two.
pub fn disable_edit(doc: &Document, d: &Diagnostic) -> Edit {
    let text = doc.text();
    let index = doc.line_index();
    let line = doc.line_col(d.range.start).line as usize;
    let here = index.line_range(text, line);
    let comment = format!("<!-- copydesk-disable-next-line {} -->", d.rule);
    let continues = line > 0
        && doc.blocks.iter().any(|b| {
            b.source.start <= d.range.start
                && d.range.start <= b.source.end
                && b.source.start < here.start
        });
    if continues {
        let prev = index.line_range(text, line - 1);
        return Edit::insert(prev.end, format!(" {comment}"));
    }
    let prefix: String = text[here.clone()]
        .chars()
        .take_while(|c| *c == '>' || (c.is_whitespace() && *c != '\n' && *c != '\r'))
        .collect();
    let rest = &text[here.end..];
    let eol = if rest.starts_with("\r\n") {
        "\r\n"
    } else if rest.starts_with('\r') {
        "\r"
    } else {
        "\n"
    };
    Edit::insert(here.start, format!("{prefix}{comment}{eol}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::fix::apply_edits;
    use crate::analysis::{analyze, Config};

    fn silenced(src: &str) -> String {
        let doc = Document::parse(src);
        let config = Config::default();
        let diags = analyze(&doc, &config);
        assert_eq!(diags.len(), 1, "{src:?}");
        let (out, skipped) = apply_edits(src, &[disable_edit(&doc, &diags[0])]);
        assert!(skipped.is_empty());
        let after = analyze(&Document::parse(out.as_str()), &config);
        assert!(after.is_empty(), "still flagged: {out:?}");
        out
    }

    #[test]
    fn disable_comment_silences_the_line() {
        assert_eq!(
            silenced("Intro.\n\nHe said “we will win.\n"),
            "Intro.\n\n<!-- copydesk-disable-next-line quote.unbalanced -->\nHe said “we will win.\n"
        );
        assert_eq!(
            silenced("Intro.\r\n\r\n> He said “we will win.\r\n"),
            "Intro.\r\n\r\n> <!-- copydesk-disable-next-line quote.unbalanced -->\r\n> He said “we will win.\r\n"
        );
        // Second line of a paragraph: at the end of the line before.
        assert_eq!(
            silenced("The mayor spoke.\nHe said “we will win.\n"),
            "The mayor spoke. <!-- copydesk-disable-next-line quote.unbalanced -->\nHe said “we will win.\n"
        );
    }

    /// Apply LSP text edits to `text` through the same position conversion.
    fn apply_lsp(doc: &Document, edits: &[lsp::TextEdit]) -> String {
        let pos = Positions::new(doc, Encoding::Utf16);
        let core: Vec<Edit> = edits
            .iter()
            .map(|e| Edit::replace(pos.offsets(e.range), e.new_text.clone()))
            .collect();
        apply_edits(doc.text(), &core).0
    }

    fn edits_of(a: &lsp::CodeActionOrCommand, uri: &lsp::Url) -> Vec<lsp::TextEdit> {
        match a {
            lsp::CodeActionOrCommand::CodeAction(a) => a
                .edit
                .as_ref()
                .and_then(|e| e.changes.as_ref())
                .and_then(|c| c.get(uri))
                .cloned()
                .unwrap_or_default(),
            lsp::CodeActionOrCommand::Command(_) => Vec::new(),
        }
    }

    #[test]
    fn fix_all_applies_every_safe_fix_and_only_safe_ones() {
        use crate::analysis::diagnostic::Fix;
        let src = "Київ 😀 teh cat.\r\nThe dog and teh bird; “x.\n";
        let doc = Document::parse(src);
        let word = |n: usize| {
            let at = src.match_indices("teh").nth(n).unwrap().0;
            at..at + 3
        };
        let safe = |r: Range<usize>| Fix {
            title: "Use “the”".into(),
            safe: true,
            edits: vec![Edit::replace(r, "the")],
        };
        let quote = src.find('“').unwrap();
        let diagnostics = vec![
            Diagnostic::new("quote.unbalanced", word(0), "typo").with_fix(safe(word(0))),
            Diagnostic::new("quote.unbalanced", word(1), "typo").with_fix(safe(word(1))),
            Diagnostic::new("quote.unbalanced", quote..quote + 3, "open").with_fix(Fix {
                title: "Close".into(),
                safe: false,
                edits: vec![Edit::insert(src.len() - 1, "”")],
            }),
        ];
        let uri = lsp::Url::parse("untitled:x").unwrap();
        let pos = Positions::new(&doc, Encoding::Utf16);
        let lsp_diags = diagnostics
            .iter()
            .map(|d| crate::lsp::convert::diagnostic(d, &pos, &uri, 1))
            .collect();
        let a = Analysis {
            generation: 1,
            version: 1,
            doc: doc.clone(),
            config: std::sync::Arc::new(Config::default()),
            diagnostics,
            lsp: lsp_diags,
            computed: Default::default(),
        };
        let everywhere = lsp::Range::new(lsp::Position::new(0, 0), lsp::Position::new(9, 0));
        let only = [lsp::CodeActionKind::SOURCE_FIX_ALL];
        let actions = code_actions(&a, &uri, everywhere, Some(&only), Encoding::Utf16);
        assert_eq!(actions.len(), 1);
        assert_eq!(
            apply_lsp(&doc, &edits_of(&actions[0], &uri)),
            "Київ 😀 the cat.\r\nThe dog and the bird; “x.\n"
        );
        // Quick fixes only: no fix-all; each fix preferred first, then "Disable".
        let only = [lsp::CodeActionKind::QUICKFIX];
        let first = lsp::Range::new(lsp::Position::new(0, 8), lsp::Position::new(0, 8));
        let actions = code_actions(&a, &uri, first, Some(&only), Encoding::Utf16);
        let titles: Vec<String> = actions
            .iter()
            .map(|a| match a {
                lsp::CodeActionOrCommand::CodeAction(a) => a.title.clone(),
                lsp::CodeActionOrCommand::Command(c) => c.title.clone(),
            })
            .collect();
        assert_eq!(
            titles,
            ["Use “the”", "Disable quote.unbalanced for this line"]
        );
        assert_eq!(
            apply_lsp(&doc, &edits_of(&actions[0], &uri)),
            "Київ 😀 the cat.\r\nThe dog and teh bird; “x.\n"
        );
    }

    #[test]
    fn kind_filter() {
        let q = lsp::CodeActionKind::QUICKFIX;
        let all = fix_all_kind();
        assert!(wanted(None, &q));
        let only = [lsp::CodeActionKind::SOURCE_FIX_ALL];
        assert!(wanted(Some(&only), &all));
        assert!(!wanted(Some(&only), &q));
        let only = [lsp::CodeActionKind::new("source.fix")];
        assert!(!wanted(Some(&only), &all));
    }
}
