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
