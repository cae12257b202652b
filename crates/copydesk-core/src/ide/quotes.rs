//! What the editor shows of the draft's quotations: hover and outline entries.

use super::outline::{Symbol, SymbolKind};
use crate::quotes::{at, by_speaker, Quotation, QuoteKind};
use crate::Context;
use std::ops::Range;

/// The draft's quotes for the document outline, grouped by speaker: one "Quotes" entry
/// whose children are the speakers in order of first appearance (with how often each is
/// quoted), each holding its quotes; unattributed quotes come last under "No speaker".
pub fn outline(cx: &Context) -> Vec<Symbol> {
    let quotes = cx.quotes();
    let groups = by_speaker(quotes);
    if groups.is_empty() {
        return Vec::new();
    }
    let text = cx.doc.text();
    let label = |q: &Quotation| {
        let inner = text.get(q.inner.clone()).unwrap_or("");
        let words: Vec<&str> = inner.split_whitespace().collect();
        let mut s = words.iter().take(8).copied().collect::<Vec<_>>().join(" ");
        if words.len() > 8 {
            s.push('…');
        }
        let (open, close) = if q.kind == QuoteKind::Block {
            ("> ", "")
        } else {
            ("“", "”")
        };
        format!("{open}{s}{close}")
    };
    let mut speakers = Vec::new();
    let mut total = 0;
    for (name, idx) in &groups {
        let children: Vec<Symbol> = idx
            .iter()
            .map(|&i| {
                let q = &quotes[i];
                Symbol {
                    name: label(q),
                    detail: Some(match &q.cue {
                        Some(c) if q.attributed() => format!(
                            "{} — {}, line {}",
                            q.kind.as_str(),
                            c.text,
                            cx.doc.line_col(q.range.start).line + 1
                        ),
                        _ => format!("{} — no speaker", q.kind.as_str()),
                    }),
                    kind: SymbolKind::Quote,
                    range: q.range.clone(),
                    selection: q.range.clone(),
                    children: Vec::new(),
                }
            })
            .collect();
        total += children.len();
        let start = children.iter().map(|c| c.range.start).min().unwrap_or(0);
        let end = children.iter().map(|c| c.range.end).max().unwrap_or(start);
        let n = children.len();
        speakers.push(Symbol {
            name: name.clone().unwrap_or_else(|| "No speaker".to_string()),
            detail: Some(format!("{n} quote{}", if n == 1 { "" } else { "s" })),
            kind: SymbolKind::Actor,
            range: start..end,
            selection: children
                .first()
                .map_or(start..start, |c| c.selection.clone()),
            children,
        });
    }
    let start = speakers.iter().map(|s| s.range.start).min().unwrap_or(0);
    let end = speakers.iter().map(|s| s.range.end).max().unwrap_or(start);
    let first = speakers
        .iter()
        .map(|s| s.selection.clone())
        .min_by_key(|r| r.start)
        .unwrap_or(start..start);
    vec![Symbol {
        name: "Quotes".to_string(),
        detail: Some(format!(
            "{total} from {} source{}",
            speakers.iter().filter(|s| s.name != "No speaker").count(),
            if speakers.len() == 1 { "" } else { "s" }
        )),
        kind: SymbolKind::Quote,
        range: start..end,
        selection: first,
        children: speakers,
    }]
}

/// Hover text for the quotation at a source offset, if any.
pub fn hover(cx: &crate::Context, offset: usize) -> Option<(Range<usize>, String)> {
    let q = at(cx.quotes(), offset)?;
    let mut md = q.describe(cx.doc);
    if let Some(j) = q.from {
        if let Some(o) = cx.quotes().get(j) {
            md.push_str(&format!(
                "\n\nThe speaker carries over from the quote on line {}.",
                cx.doc.line_col(o.range.start).line + 1
            ));
        }
    }
    Some((q.range.clone(), md))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    #[test]
    fn outline_groups_quotes_by_speaker() {
        let src = "“A is fine,” Kirby said. “B is too.”\n\n“C is bad,” said Jane Smith.\n\n“D.”\n";
        let doc = Document::parse(src);
        let config = Config::default();
        let cx = Context::new(&doc, &config);
        let syms = outline(&cx);
        assert_eq!(syms.len(), 1);
        let names: Vec<(&str, usize)> = syms[0]
            .children
            .iter()
            .map(|s| (s.name.as_str(), s.children.len()))
            .collect();
        assert_eq!(names, [("Kirby", 2), ("Jane Smith", 1), ("No speaker", 1)]);
        assert_eq!(syms[0].children[0].children[0].name, "“A is fine,”");
        // The document outline carries them after the headings.
        let all = crate::ide::outline::symbols(&cx);
        assert_eq!(all.last().map(|s| s.name.as_str()), Some("Quotes"));
    }
}
