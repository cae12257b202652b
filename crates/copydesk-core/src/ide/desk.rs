//! Editor views of the desk (see [`crate::names::desk`]): what hover says about how the
//! other drafts spell a person, and which of a draft's mentions are the same person as a
//! name in another draft (for references and rename across the workspace). Source byte
//! ranges and edits out; the language server converts them.

use crate::diagnostic::Edit;
use crate::names::desk::{DeskIndex, DeskKey, DraftNames};
use crate::names::respell_edits;
use crate::Context;
use std::fmt::Write;

/// A person and one of their name parts, as the desk knows them: what references and
/// rename look for in other drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskTarget {
    pub key: DeskKey,
    pub part: String,
    /// The folded spellings that are this name in the desk.
    pub spellings: Vec<String>,
    /// The person as this draft names them.
    pub name: String,
}

/// The person and name part under `offset` (the surname of a person the draft
/// introduced), with the desk's spellings of it.
pub fn target(cx: &Context, offset: usize, index: &DeskIndex) -> Option<DeskTarget> {
    let names = cx.names();
    let mi = names.mention_at(offset)?;
    let m = &names.mentions[mi];
    let draft = DraftNames::of(names, &cx.config.names);
    let actor = draft.actors.iter().find(|a| a.local == m.actor)?;
    let at = m
        .parts
        .iter()
        .find(|p| p.range.start <= offset && offset <= p.range.end)
        .map(|p| p.part);
    let part = at
        .and_then(|i| actor.parts.iter().find(|p| p.index == i))
        .or_else(|| actor.parts.last())?;
    Some(DeskTarget {
        key: actor.key.clone(),
        part: part.part.clone(),
        spellings: index.same_name(&actor.key, &part.part, &part.folded),
        name: actor.name.clone(),
    })
}

/// Hover on a person: how the desk's other drafts spell each part of the name, and in how
/// many drafts. `None` when the desk has nothing to add (the person is in no other draft).
pub fn hover(
    cx: &Context,
    offset: usize,
    index: &DeskIndex,
    label: Option<&str>,
) -> Option<String> {
    let names = cx.names();
    let mi = names.mention_at(offset)?;
    let m = &names.mentions[mi];
    let draft = DraftNames::of(names, &cx.config.names);
    let actor = draft.actors.iter().find(|a| a.local == m.actor)?;
    let mut lines = Vec::new();
    for p in &actor.parts {
        let spellings = index.spellings(label, &actor.key, &p.part, &p.folded);
        if spellings.is_empty() {
            continue;
        }
        let listed: Vec<String> = spellings
            .iter()
            .map(|s| {
                let n = s.drafts.len();
                format!(
                    "“{}” in {n} {}",
                    s.spelling,
                    if n == 1 { "draft" } else { "drafts" }
                )
            })
            .collect();
        lines.push(format!(
            "- {}: {} (this draft: “{}”)",
            p.part,
            listed.join(", "),
            p.spelling
        ));
    }
    if lines.is_empty() {
        return None;
    }
    let mut md = String::new();
    let _ = write!(
        md,
        "**On the desk** — how the other drafts spell {}:\n\n{}",
        actor.name,
        lines.join("\n")
    );
    Some(md)
}

/// In this draft: every mention's part that is `target`'s name, respelled `new_name`.
/// Empty when the draft does not name the person.
pub fn respell(cx: &Context, target: &DeskTarget, new_name: &str) -> Vec<Edit> {
    let new_name = new_name.trim();
    if new_name.is_empty() {
        return Vec::new();
    }
    let names = cx.names();
    let draft = DraftNames::of(names, &cx.config.names);
    let mut edits = Vec::new();
    for a in draft.actors.iter().filter(|a| a.key == target.key) {
        for p in &a.parts {
            if p.part == target.part && target.spellings.contains(&p.folded) {
                edits.extend(respell_edits(names, a.local, p.index, new_name));
            }
        }
    }
    edits.sort_by_key(|e| e.range.start);
    edits.dedup();
    edits
}

/// In this draft: where it names `target` (each mention's part), for find references.
pub fn references(cx: &Context, target: &DeskTarget) -> Vec<std::ops::Range<usize>> {
    let names = cx.names();
    let draft = DraftNames::of(names, &cx.config.names);
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for a in draft.actors.iter().filter(|a| a.key == target.key) {
        for p in &a.parts {
            if p.part == target.part && target.spellings.contains(&p.folded) {
                out.extend(
                    names
                        .mentions
                        .iter()
                        .filter(|m| m.actor == a.local)
                        .map(|m| m.range.clone()),
                );
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    const A: &str = "Ivan Petrenko, the mayor, said the budget was late. Petrenko left.\n";
    const C: &str = "Ivan Petrenco, the mayor, opened the bridge. Petrenco smiled.\n";

    fn index(config: &Config) -> DeskIndex {
        let mut index = DeskIndex::new();
        for (label, text) in [("a.md", A), ("b.md", A)] {
            let doc = Document::parse(text);
            let cx = Context::new(&doc, config);
            index.add(label, &DraftNames::of(cx.names(), &config.names));
        }
        index
    }

    #[test]
    fn hover_counts_the_desk_spellings_and_rename_reaches_every_spelling() {
        let config = Config::default();
        let index = index(&config);
        let doc = Document::parse(C);
        let cx = Context::new(&doc, &config);
        let md = hover(&cx, 7, &index, None).unwrap_or_default();
        assert_eq!(
            md,
            "**On the desk** — how the other drafts spell Ivan Petrenco:\n\n- surname: “Petrenko” in 2 drafts (this draft: “Petrenco”)"
        );
        let t = target(&cx, 7, &index).expect("a person");
        assert_eq!(t.spellings, ["petrenco", "petrenko"]);
        let edits = respell(&cx, &t, "Petrenko");
        assert_eq!(
            edits
                .iter()
                .map(|e| &C[e.range.clone()])
                .collect::<Vec<_>>(),
            ["Petrenco", "Petrenco"]
        );
        // The same target in another draft, spelled the desk's way.
        let doc_a = Document::parse(A);
        let cx_a = Context::new(&doc_a, &config);
        assert_eq!(respell(&cx_a, &t, "Petrenco").len(), 2);
        assert_eq!(references(&cx_a, &t).len(), 2);
        // Someone else who shares the surname is not the target.
        let doc_o = Document::parse("Olga Petrenko, a teacher, spoke.\n");
        let cx_o = Context::new(&doc_o, &config);
        assert!(respell(&cx_o, &t, "X").is_empty());
        // Nothing in the desk about the person: no hover.
        let doc_n = Document::parse("Maria Kowalczyk, the mayor, spoke.\n");
        assert!(hover(&Context::new(&doc_n, &config), 2, &index, None).is_none());
    }
}
