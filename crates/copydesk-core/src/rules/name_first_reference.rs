//! `name.first-reference`: a person's first mention in the body is a bare surname, and
//! their full name only comes later (wire style: full name on first reference). Headlines
//! are exempt — they use surnames by design.

use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::names::matcher::fold;
use crate::names::ActorRef;
use crate::Context;
use std::collections::HashMap;

pub struct NameFirstReference;

static META: RuleMeta = RuleMeta {
    id: "name.first-reference",
    default_severity: Severity::Information,
    enabled_by_default: true,
    summary: "A person is first called by surname alone, before the draft gives their full name.",
    explanation: "Wire style gives a person's full name the first time they appear, and the surname after that. A story that says “Peskov said” before “Dmitry Peskov” leaves the reader wondering who Peskov is, and the order often flips when paragraphs are moved during editing. The fix moves the full name to the first reference.",
    wrong: "Petrenko said talks had stalled. Kremlin spokesman Ivan Petrenko later confirmed it.\n",
    right: "Ivan Petrenko said talks had stalled. Kremlin spokesman Ivan Petrenko later confirmed it.\n",
};

impl Rule for NameFirstReference {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let names = cx.names();
        let mut spelled_by: Option<HashMap<String, Vec<ActorRef>>> = None;
        for e in &names.entries {
            if !names.is_person(e.actor) {
                continue;
            }
            let body: Vec<usize> = e
                .mentions
                .iter()
                .copied()
                .filter(|&mi| !names.mentions[mi].heading)
                .collect();
            let Some(&first) = body.first() else {
                continue;
            };
            let m = &names.mentions[first];
            if m.full || m.parts.iter().any(|p| p.misspelling) {
                continue;
            }
            let Some(&full_mi) = body.iter().find(|&&mi| names.mentions[mi].full) else {
                continue;
            };
            // "the Shinawatra family", "the Trump administration": not a reference to one
            // person; and with two people of that surname the bare one is ambiguous.
            let after = &cx.doc.text()[m.range.end..];
            let after = after.trim_start_matches(['’', '\'', 's']).trim_start();
            if [
                "family",
                "administration",
                "government",
                "era",
                "dynasty",
                "campaign",
                "brothers",
                "sisters",
                "clan",
            ]
            .iter()
            .any(|w| after.starts_with(w))
            {
                continue;
            }
            let bare_text = fold(&cx.doc.text()[m.range.clone()]);
            // Another actor's mention with a part spelled so: every part's actors, folded
            // once for the draft (not for each bare first reference).
            let spelled_by = spelled_by.get_or_insert_with(|| {
                let mut by: HashMap<String, Vec<ActorRef>> = HashMap::new();
                for o in &names.entries {
                    for &mi in &o.mentions {
                        for p in &names.mentions[mi].parts {
                            let actors = by.entry(fold(&p.spelling)).or_default();
                            if !actors.contains(&o.actor) {
                                actors.push(o.actor);
                            }
                        }
                    }
                }
                by
            });
            let shared = spelled_by
                .get(&bare_text)
                .is_some_and(|actors| actors.iter().any(|&a| a != e.actor));
            if shared {
                continue;
            }
            let full = &names.mentions[full_mi];
            let full_text = &cx.doc.text()[full.range.clone()];
            let bare = &cx.doc.text()[m.range.clone()];
            let line = cx.doc.line_col(full.range.start).line + 1;
            out.push(
                Diagnostic::new(
                    META.id,
                    m.range.clone(),
                    format!(
                        "First reference to {} is the bare surname “{bare}”; the full name “{full_text}” only comes on line {line}.",
                        names.display_name(e.actor)
                    ),
                )
                .with_data("full_name", full_text.to_string())
                .with_related(full.range.clone(), "full name first given here")
                .with_fix(Fix {
                    title: format!("Write “{full_text}” here"),
                    safe: false,
                    edits: vec![Edit::replace(m.range.clone(), full_text.to_string())],
                }),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::Config;

    fn flagged(src: &str) -> Vec<String> {
        flagged_text("name.first-reference", src, &Config::default())
    }

    #[test]
    fn bare_surname_before_the_full_name() {
        assert_eq!(
            flagged("Zelensky spoke first. Later Volodymyr Zelensky left.\n"),
            ["Zelensky"]
        );
        assert_eq!(
            flagged("Petrenko said no. Kremlin spokesman Ivan Petrenko confirmed it.\n"),
            ["Petrenko"]
        );
    }

    #[test]
    fn full_name_first_headlines_and_surname_only_drafts_pass() {
        assert!(flagged("Volodymyr Zelensky spoke. Zelensky left.\n").is_empty());
        assert!(
            flagged("# Zelensky visits Kyiv\n\nVolodymyr Zelensky spoke. Zelensky left.\n")
                .is_empty()
        );
        // Never given in full: nothing to compare with.
        assert!(flagged("President Trump spoke. Trump left.\n").is_empty());
    }
}
