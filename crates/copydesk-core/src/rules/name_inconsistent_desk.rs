//! `name.inconsistent-desk`: a draft spells a person differently from the desk's other
//! drafts (see [`crate::names::desk`]). A new id rather than `name.inconsistent` with another
//! message: that rule's findings depend on one draft alone, these on which other drafts a
//! run reads, and a baseline, a severity or a suppression should be able to tell them apart.
//!
//! It needs the desk, which one draft's analysis does not have: [`analyze`](crate::analyze)
//! never reports it. A shell that has read the desk calls [`desk_diagnostics`].

use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::names::desk::{DeskFinding, DeskIndex, DraftNames};
use crate::{Config, Context, Document};

pub struct NameInconsistentDesk;

pub(crate) static META: RuleMeta = RuleMeta {
    id: "name.inconsistent-desk",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "A draft spells a person differently from the desk's other drafts.",
    explanation: "A desk writes about the same people every day; the story filed this morning should spell the minister as yesterday's did. When copydesk checks a folder (or the editor has a workspace open) it learns how the drafts spell each person, and flags a draft whose spelling differs from the house style (`[names] prefer`) or from a clear majority of the other drafts (at least two, and twice as many as spell it this draft's way). Only spellings of one person are compared: the same knowledge-base entry, or the same given name with surnames one letter apart, so two people who share a surname are never confused. The message names the drafts that spell it the other way; the fix respells every mention in this draft. Turn it off for a folder with `[names] across-drafts = false`. Found only by `copydesk check` over several drafts and by the language server, not in a draft checked alone. The example is flagged when two other drafts of the desk write “Ivan Petrenko”.",
    wrong: "Ivan Petrenco, the mayor, opened the bridge. Petrenco smiled.\n",
    right: "Ivan Petrenko, the mayor, opened the bridge. Petrenko smiled.\n",
};

impl Rule for NameInconsistentDesk {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    /// Nothing from one draft alone: see [`desk_diagnostics`].
    fn check(&self, _cx: &Context, _out: &mut Vec<Diagnostic>) {}
}

/// The draft's people and spellings, for the desk index: nothing when the draft's
/// configuration turns the comparison off.
pub fn draft_names(cx: &Context) -> DraftNames {
    if !cx.config.names.across_drafts() || cx.config.severity(&NameInconsistentDesk).is_none() {
        return DraftNames::default();
    }
    DraftNames::of(cx.names(), &cx.config.names)
}

/// `name.inconsistent-desk` for one draft: its spellings (`names`, from [`draft_names`] of
/// this `doc`) compared with the `index` of the desk, leaving out the draft's own entry
/// `label`. At the configured severity, without suppressed ones, sorted.
pub fn desk_diagnostics(
    doc: &Document,
    config: &Config,
    label: Option<&str>,
    names: &DraftNames,
    index: &DeskIndex,
) -> Vec<Diagnostic> {
    if !config.names.across_drafts() {
        return Vec::new();
    }
    let Some(severity) = config.severity(&NameInconsistentDesk) else {
        return Vec::new();
    };
    let mut out: Vec<Diagnostic> = index
        .compare(label, names, &config.names)
        .iter()
        .filter_map(diagnostic)
        .collect();
    for d in &mut out {
        d.severity = severity;
    }
    out.retain(|d| {
        let line = doc.line_col(d.range.start).line as usize;
        !doc.suppressions.suppresses(d, line)
    });
    out.sort_by_key(|a| (a.range.start, a.range.end));
    out
}

/// How many other drafts a message names before "and N more".
const NAMED: usize = 3;

fn diagnostic(f: &DeskFinding) -> Option<Diagnostic> {
    let first = f.uses.first()?.clone();
    let n = f.drafts.len();
    let mut named = f.drafts[..n.min(NAMED)].join(", ");
    if n > NAMED {
        named.push_str(&format!(" and {} more", n - NAMED));
    }
    let drafts = if n == 1 { "draft" } else { "drafts" };
    let why = if f.house {
        format!(
            "the house style is “{}” ({n} other {drafts}: {named})",
            f.expected
        )
    } else {
        format!(
            "the desk spells it “{}” in {n} other {drafts} ({named}){}",
            f.expected,
            match f.same_as_this {
                0 => String::new(),
                k => format!(", “{}” in {k}", f.spelling),
            }
        )
    };
    Some(
        Diagnostic::new(
            META.id,
            first,
            format!(
                "{} is spelled “{}” in this draft; {why}.",
                f.actor, f.spelling
            ),
        )
        .with_data("expected", f.expected.clone())
        .with_data("actor", f.actor.clone())
        .with_data("drafts", f.drafts.clone())
        .with_data("house", f.house)
        .with_fix(Fix {
            title: format!("Spell every mention here “{}”", f.expected),
            safe: false,
            edits: f
                .uses
                .iter()
                .map(|r| Edit::replace(r.clone(), f.expected.clone()))
                .collect(),
        }),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::names::desk::DeskIndex;

    fn names_of(text: &str, config: &Config) -> DraftNames {
        let doc = Document::parse(text.to_string());
        draft_names(&Context::new(&doc, config))
    }

    fn run(desk: &[&str], text: &str, config: &Config) -> Vec<Diagnostic> {
        let mut index = DeskIndex::new();
        for (i, d) in desk.iter().enumerate() {
            index.add(&format!("d{i}.md"), &names_of(d, config));
        }
        let doc = Document::parse(text.to_string());
        desk_diagnostics(&doc, config, None, &names_of(text, config), &index)
    }

    const RIGHT: &str = META.right;

    #[test]
    fn the_example_is_flagged_against_a_desk_that_spells_it_the_right_way() {
        let config = Config::default();
        let d = run(&[RIGHT, RIGHT], META.wrong, &config);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "Ivan Petrenco is spelled “Petrenco” in this draft; the desk spells it “Petrenko” in 2 other drafts (d0.md, d1.md)."
        );
        assert_eq!(&META.wrong[d[0].range.clone()], "Petrenco");
        assert_eq!(d[0].severity, Severity::Warning);
        assert_eq!(d[0].fixes[0].edits.len(), 2);
        assert_eq!(d[0].data["drafts"], serde_json::json!(["d0.md", "d1.md"]));
        assert!(run(&[RIGHT, RIGHT], RIGHT, &config).is_empty());
        // Alone, the draft is nothing to flag.
        assert!(crate::analyze(&Document::parse(META.wrong), &config)
            .iter()
            .all(|d| d.rule != META.id));
    }

    #[test]
    fn switched_off_suppressed_or_at_another_severity() {
        let mut config = Config::default();
        config.names.across_drafts = Some(false);
        assert!(run(&[RIGHT, RIGHT], META.wrong, &config).is_empty());
        let mut config = Config::default();
        config.set_level(META.id, crate::config::Level::Off);
        assert!(run(&[RIGHT, RIGHT], META.wrong, &config).is_empty());
        let mut config = Config::default();
        config.set_level(META.id, crate::config::Level::On(Severity::Information));
        assert_eq!(
            run(&[RIGHT, RIGHT], META.wrong, &config)[0].severity,
            Severity::Information
        );
        let suppressed = format!(
            "<!-- copydesk-disable-next-line name.inconsistent-desk -->\n{}",
            META.wrong
        );
        assert!(run(&[RIGHT, RIGHT], &suppressed, &Config::default()).is_empty());
    }

    #[test]
    fn many_other_drafts_are_counted_not_all_named() {
        let config = Config::default();
        let d = run(&[RIGHT; 5], META.wrong, &config);
        assert!(
            d[0].message
                .ends_with("“Petrenko” in 5 other drafts (d0.md, d1.md, d2.md and 2 more)."),
            "{}",
            d[0].message
        );
    }
}
