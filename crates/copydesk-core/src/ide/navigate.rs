//! Hover and navigation over the draft's actors: who a mention is, where the draft first
//! names them in full, every mention, respelling every mention, and the outline of actors.
//! Editor-neutral: source byte ranges in, source byte ranges and edits out.

use crate::diagnostic::Edit;
use crate::names::kb::Kind;
use crate::names::{respell_edits, ActorRef, Names};
use crate::Context;
use std::fmt::Write;
use std::ops::Range;

/// The mention under `offset`, with its actor.
fn mention_at(cx: &Context, offset: usize) -> Option<(&'static str, usize)> {
    let names = cx.names();
    names.mention_at(offset).map(|mi| ("", mi))
}

/// Go to definition: the draft's first full reference to the actor under `offset` (its
/// introduction), else its first mention.
pub fn definition(cx: &Context, offset: usize) -> Option<Range<usize>> {
    let names = cx.names();
    let (_, mi) = mention_at(cx, offset)?;
    let e = names.entry(names.mentions[mi].actor)?;
    e.intro
        .as_ref()
        .map(|i| i.range.clone())
        .or_else(|| e.mentions.first().map(|&m| names.mentions[m].range.clone()))
}

/// Find references: every mention of the actor under `offset`, in draft order.
pub fn references(cx: &Context, offset: usize) -> Vec<Range<usize>> {
    let names = cx.names();
    let Some((_, mi)) = mention_at(cx, offset) else {
        return Vec::new();
    };
    let actor = names.mentions[mi].actor;
    names
        .mentions
        .iter()
        .filter(|m| m.actor == actor)
        .map(|m| m.range.clone())
        .collect()
}

/// Rename: respell the name part under `offset` (a given name or a surname) as `new_name`
/// in every mention of that actor. `None` when there is no recognised name part there.
pub fn rename_edits(cx: &Context, offset: usize, new_name: &str) -> Option<Vec<Edit>> {
    let names = cx.names();
    let (_, mi) = mention_at(cx, offset)?;
    let m = &names.mentions[mi];
    let new_name = new_name.trim();
    if new_name.is_empty() {
        return None;
    }
    let part = m
        .parts
        .iter()
        .find(|p| p.range.start <= offset && offset <= p.range.end)
        .or_else(|| m.parts.last())?;
    Some(respell_edits(names, m.actor, part.part, new_name))
}

/// One actor of the draft, for the outline (document symbols).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorSymbol {
    pub name: String,
    /// `person`, `organisation` or `place`.
    pub kind: &'static str,
    /// A one-line description (title in this draft, else the knowledge base's).
    pub detail: String,
    /// Where the draft introduces the actor (the selection range of the symbol).
    pub range: Range<usize>,
    pub mentions: usize,
}

/// The actors of the draft in order of first mention.
pub fn outline(cx: &Context) -> Vec<ActorSymbol> {
    let names = cx.names();
    names
        .entries
        .iter()
        .map(|e| {
            let (kind, description) = match e.actor {
                ActorRef::Kb(a) => {
                    let a = &names.kb.actors[a as usize];
                    (
                        a.kind.as_str(),
                        a.description().unwrap_or_default().to_string(),
                    )
                }
                ActorRef::Draft(_) => ("person", String::new()),
            };
            let detail = e
                .intro
                .as_ref()
                .and_then(|i| i.title.clone())
                .filter(|t| !t.is_empty())
                .unwrap_or(description);
            let range = e
                .intro
                .as_ref()
                .map(|i| i.range.clone())
                .unwrap_or_else(|| names.mentions[e.mentions[0]].range.clone());
            ActorSymbol {
                name: names.display_name(e.actor),
                kind,
                detail,
                range,
                mentions: e.mentions.len(),
            }
        })
        .collect()
}

/// Hover on a recognised mention: who this is, their roles with dates and sources, the
/// accepted spellings and the house one, how this draft introduced them, and how often it
/// mentions them. `(range of the mention, Markdown)`.
pub fn hover(cx: &Context, offset: usize) -> Option<(Range<usize>, String)> {
    let names = cx.names();
    let (_, mi) = mention_at(cx, offset)?;
    let m = &names.mentions[mi];
    let e = names.entry(m.actor)?;
    let mut md = String::new();
    match m.actor {
        ActorRef::Kb(ai) => kb_hover(cx, names, ai, &mut md),
        ActorRef::Draft(d) => {
            let a = &names.draft_actors[d as usize];
            let _ = writeln!(
                md,
                "**{}** — person named in this draft (not in the knowledge base)\n",
                a.name
            );
            // A namesake: none of the knowledge-base person's roles are this person's.
            if let Some(k) = a.namesake_of.and_then(|k| names.kb.actors.get(k as usize)) {
                let _ = writeln!(
                    md,
                    "- Not the knowledge base's {}, who held public office: the draft describes this person otherwise",
                    k.name
                );
            }
            for p in &a.parts {
                if p.spellings.len() > 1 {
                    let _ = writeln!(
                        md,
                        "- {} spelled {} in this draft",
                        p.part,
                        quoted(&p.spellings)
                    );
                }
            }
        }
    }
    if let Some(intro) = &e.intro {
        let line = cx.doc.line_col(intro.range.start).line + 1;
        let name = &cx.doc.text()[intro.range.clone()];
        match intro.title.as_deref().filter(|t| !t.is_empty()) {
            Some(t) => {
                let _ = writeln!(md, "- Introduced on line {line} as “{name}”, {t}");
            }
            None => {
                let _ = writeln!(md, "- First named in full on line {line} (“{name}”)");
            }
        }
    }
    let n = e.mentions.len();
    let _ = writeln!(
        md,
        "- Mentioned {n} time{} in this draft",
        if n == 1 { "" } else { "s" }
    );
    Some((m.range.clone(), md))
}

fn quoted(list: &[String]) -> String {
    list.iter()
        .map(|s| format!("“{s}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn kb_hover(cx: &Context, names: &Names, ai: u32, md: &mut String) {
    let a = &names.kb.actors[ai as usize];
    let id = if a.id.starts_with('Q') {
        format!("Wikidata {}", a.id)
    } else {
        a.id.clone()
    };
    let _ = writeln!(md, "**{}** — {} ({id})\n", a.name, a.kind.as_str());
    if let Some(d) = a.description() {
        let _ = writeln!(md, "{d}\n");
    }
    // Roles held on the article date first, then current ones, each with dates and source.
    crate::roles::hover_roles(&names.kb, a, cx.article_date(), md);
    // Spellings by part, with the house one.
    for (pi, p) in a.parts.iter().enumerate() {
        if p.variants.len() < 2 && cx.config.names.prefer.is_empty() {
            continue;
        }
        let house = names
            .house_variant(&cx.config.names, ai, pi)
            .map(|h| format!("; house style: “{}”", p.variants[h]))
            .unwrap_or_else(|| {
                if p.variants.len() > 1 {
                    "; no house style set (`[names] prefer`)".into()
                } else {
                    String::new()
                }
            });
        let label = match (a.kind, p.part.as_str()) {
            (Kind::Person, part) => part.to_string(),
            _ => "name".into(),
        };
        let _ = writeln!(
            md,
            "- Accepted spellings ({label}): {}{house}",
            quoted(&p.variants)
        );
    }
    if let Some(file) = names.kb.overridden_by.get(ai as usize).cloned().flatten() {
        let _ = writeln!(md, "- Newsroom file {file} changes this entry");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Document};

    const DRAFT: &str = "Kremlin spokesman Ivan Petrenko met Ukrainian President Volodymyr Zelenskiy.\n\nPetrenko said Zelensky would return to Kyiv.\n";

    fn with<T>(f: impl FnOnce(&Context, &Document) -> T) -> T {
        let doc = Document::parse(DRAFT);
        let config = Config::default();
        let cx = Context::new(&doc, &config);
        f(&cx, &doc)
    }

    #[test]
    fn hover_says_who_roles_spellings_introduction_and_count() {
        with(|cx, _| {
            let at = DRAFT.rfind("Zelensky").unwrap();
            let (range, md) = hover(cx, at).unwrap();
            assert_eq!(&DRAFT[range], "Zelensky");
            assert!(
                md.contains("**Volodymyr Zelenskyy** — person (Wikidata Q3874799)"),
                "{md}"
            );
            assert!(md.contains("President of Ukraine"), "{md}");
            assert!(md.contains("as of 2026"), "{md}");
            assert!(md.contains("may be out of date"), "{md}");
            assert!(md.contains("“Zelenskyy”, “Zelensky”, “Zelenskiy”"), "{md}");
            assert!(
                md.contains("Introduced on line 1 as “Volodymyr Zelenskiy”, Ukrainian President"),
                "{md}"
            );
            assert!(md.contains("Mentioned 2 times"), "{md}");
            let at = DRAFT.rfind("Petrenko").unwrap();
            let (_, md) = hover(cx, at).unwrap();
            assert!(md.contains("not in the knowledge base"), "{md}");
            assert!(md.contains("Kremlin spokesman"), "{md}");
            assert!(hover(cx, 0).is_none());
        })
    }

    #[test]
    fn hover_on_a_namesake_gives_no_roles_of_the_kb_person() {
        let text =
            "The glue came from the laboratory of Dr. Andrew Smith.\n\nIt held, Smith said.\n";
        let doc = Document::parse(text);
        let config = Config::default();
        let cx = Context::new(&doc, &config);
        let (range, md) = hover(&cx, text.rfind("Smith").unwrap()).unwrap();
        assert_eq!(&text[range], "Smith");
        assert!(md.contains("not in the knowledge base"), "{md}");
        assert!(md.contains("Not the knowledge base's Andrew Smith"), "{md}");
        assert!(!md.contains("Secretary of State for Work"), "{md}");
        assert!(md.contains("as “Andrew Smith”, Dr."), "{md}");
        assert!(md.contains("Mentioned 2 times"), "{md}");
    }

    #[test]
    fn definition_references_rename_and_outline() {
        with(|cx, _| {
            let at = DRAFT.rfind("Petrenko").unwrap();
            let def = definition(cx, at).unwrap();
            assert_eq!(&DRAFT[def], "Ivan Petrenko");
            let refs: Vec<&str> = references(cx, at).into_iter().map(|r| &DRAFT[r]).collect();
            assert_eq!(refs, ["Ivan Petrenko", "Petrenko"]);
            let at = DRAFT.find("Zelenskiy").unwrap();
            let edits = rename_edits(cx, at, "Zelenskyy").unwrap();
            let (out, _) = crate::fix::apply_edits(DRAFT, &edits);
            assert_eq!(
                out,
                DRAFT
                    .replace("Zelenskiy", "Zelenskyy")
                    .replace("Zelensky ", "Zelenskyy ")
            );
            let o = outline(cx);
            let names: Vec<&str> = o.iter().map(|s| s.name.as_str()).collect();
            assert_eq!(names, ["Ivan Petrenko", "Volodymyr Zelenskyy", "Kyiv"]);
            assert_eq!(o[0].detail, "Kremlin spokesman");
            assert_eq!(o[2].kind, "place");
        })
    }
}
