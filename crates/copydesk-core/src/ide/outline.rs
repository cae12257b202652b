//! The outline of a draft (document symbols): headings nested by level. Other features
//! (actors, quotes) add their symbols here, so every client of the core sees one outline.

use crate::Context;
use std::ops::Range;

/// What a symbol stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SymbolKind {
    Heading,
    Actor,
    Quote,
    Date,
}

/// One entry of the outline, in source byte offsets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub detail: Option<String>,
    pub kind: SymbolKind,
    /// Everything the symbol covers (for a heading: its section, up to the next heading of
    /// the same or a higher level).
    pub range: Range<usize>,
    /// The part to select and show (for a heading: its text). Inside `range`.
    pub selection: Range<usize>,
    pub children: Vec<Symbol>,
}

/// The outline of the document, in source order.
pub fn symbols(cx: &Context) -> Vec<Symbol> {
    let mut out = headings(cx);
    out.extend(actors(cx));
    out.extend(super::quotes::outline(cx));
    out
}

/// The draft's people, organisations and places, in order of first mention, under one
/// "Actors" entry (the outline becomes a cast list).
fn actors(cx: &Context) -> Vec<Symbol> {
    let children: Vec<Symbol> = super::navigate::outline(cx)
        .into_iter()
        .map(|a| {
            let times = if a.mentions == 1 { "once" } else { "times" };
            let count = if a.mentions == 1 {
                String::new()
            } else {
                format!("{} ", a.mentions)
            };
            let detail = if a.detail.is_empty() {
                format!("{} — mentioned {count}{times}", a.kind)
            } else {
                format!("{} — {} — mentioned {count}{times}", a.kind, a.detail)
            };
            Symbol {
                name: a.name,
                detail: Some(detail),
                kind: SymbolKind::Actor,
                range: a.range.clone(),
                selection: a.range,
                children: Vec::new(),
            }
        })
        .collect();
    let Some(first) = children.first().map(|c| c.selection.clone()) else {
        return Vec::new();
    };
    let start = children
        .iter()
        .map(|c| c.range.start)
        .min()
        .unwrap_or(first.start);
    let end = children
        .iter()
        .map(|c| c.range.end)
        .max()
        .unwrap_or(first.end);
    vec![Symbol {
        name: "Actors".to_string(),
        detail: Some(format!("{} in this draft", children.len())),
        kind: SymbolKind::Actor,
        range: start..end,
        selection: first,
        children,
    }]
}

/// Headings as a tree: a heading owns the following headings of a deeper level.
fn headings(cx: &Context) -> Vec<Symbol> {
    let doc = cx.doc;
    let text = doc.text();
    let index = doc.line_index();
    // (level, symbol) for each heading, flat.
    let mut flat: Vec<(u8, Symbol)> = Vec::new();
    for h in &doc.headings {
        let Some(block) = doc.blocks.get(h.block) else {
            continue;
        };
        let line = doc.line_col(block.source.start).line as usize;
        let line_start = index.line_range(text, line).start.min(block.source.start);
        let name = block.text.trim();
        if name.is_empty() {
            continue;
        }
        flat.push((
            h.level,
            Symbol {
                name: name.to_string(),
                detail: Some(format!("H{}", h.level)),
                kind: SymbolKind::Heading,
                range: line_start..block.source.end,
                selection: block.source.clone(),
                children: Vec::new(),
            },
        ));
    }
    // A section ends where the next heading of the same or a higher level starts.
    for i in 0..flat.len() {
        let level = flat[i].0;
        let end = flat[i + 1..]
            .iter()
            .find(|(l, _)| *l <= level)
            .map_or(text.len(), |(_, s)| s.range.start);
        let sym = &mut flat[i].1;
        sym.range.end = end.max(sym.selection.end);
    }
    // Nest with a stack of open headings.
    let mut roots: Vec<Symbol> = Vec::new();
    let mut stack: Vec<(u8, Symbol)> = Vec::new();
    fn close(stack: &mut Vec<(u8, Symbol)>, roots: &mut Vec<Symbol>) {
        if let Some((_, sym)) = stack.pop() {
            match stack.last_mut() {
                Some((_, parent)) => parent.children.push(sym),
                None => roots.push(sym),
            }
        }
    }
    for (level, sym) in flat {
        while stack.last().is_some_and(|(l, _)| *l >= level) {
            close(&mut stack, &mut roots);
        }
        stack.push((level, sym));
    }
    while !stack.is_empty() {
        close(&mut stack, &mut roots);
    }
    roots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    #[test]
    fn headings_nest_by_level_and_cover_their_sections() {
        let src = "# Тема\n\nIntro.\n\n## Один\n\nText.\n\n### Deep\n\nMore.\n\n## Два\n\nEnd.\n";
        let doc = Document::parse(src);
        let config = Config::default();
        let cx = Context::new(&doc, &config);
        let syms = symbols(&cx);
        assert_eq!(syms.len(), 1);
        let top = &syms[0];
        assert_eq!(top.name, "Тема");
        assert_eq!(top.range, 0..src.len());
        assert_eq!(&src[top.selection.clone()], "Тема");
        let names: Vec<&str> = top.children.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Один", "Два"]);
        let one = &top.children[0];
        assert_eq!(
            &src[one.range.clone()],
            "## Один\n\nText.\n\n### Deep\n\nMore.\n\n"
        );
        assert_eq!(one.children[0].name, "Deep");
        assert_eq!(one.children[0].detail.as_deref(), Some("H3"));
        for s in [top, one, &one.children[0], &top.children[1]] {
            assert!(s.range.start <= s.selection.start && s.selection.end <= s.range.end);
        }
    }

    #[test]
    fn no_headings_no_symbols() {
        let doc = Document::parse("Just a paragraph.\n");
        let config = Config::default();
        assert!(symbols(&Context::new(&doc, &config)).is_empty());
    }

    #[test]
    fn actors_are_listed_in_order_of_first_mention() {
        let src = "Ukrainian President Volodymyr Zelenskyy met Kremlin spokesman Dmitry Peskov. Zelenskyy left.\n";
        let doc = crate::Document::parse(src);
        let config = crate::Config::default();
        let cx = Context::new(&doc, &config);
        let syms = symbols(&cx);
        let actors = syms
            .iter()
            .find(|s| s.name == "Actors")
            .expect("an Actors entry");
        let names: Vec<&str> = actors.children.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names[0], "Volodymyr Zelenskyy", "{names:?}");
        assert!(names.contains(&"Dmitry Peskov"), "{names:?}");
        assert!(actors.children[0]
            .detail
            .as_deref()
            .unwrap_or("")
            .contains("mentioned 2 times"));
    }
}
