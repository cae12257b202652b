//! `name.inconsistent`: one actor spelled two ways in one draft — two accepted variants of a
//! knowledge-base name (Zelensky and Zelenskiy), or two close spellings of a person the
//! draft introduced (Ivan Petrenko / Ivan Petrenco). The spellings that differ from the
//! house style (`[names] prefer`), or else from the draft's first use, are flagged; the
//! related information points at the other spelling; one fix respells every mention.

use super::{Rule, RuleMeta};
use crate::context::SpanIndex;
use crate::diagnostic::{Diagnostic, Fix, Severity};
use crate::names::spellings::{Decided, Respelling};
use crate::names::{matcher::fold, particle_key as key, respell_edits, ActorRef, Names};
use crate::Context;

pub struct NameInconsistent;

static META: RuleMeta = RuleMeta {
    id: "name.inconsistent",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "One person or place spelled two different ways in the same draft.",
    explanation: "Many names have several accepted romanisations (Zelensky, Zelenskiy, Zelenskyy; Kyiv, Kiev), and newsrooms pick one. Mixing two in one story looks careless and can make readers think there are two people. copydesk flags every spelling that differs from the house style set in `[names] prefer`, or, without one, from the spelling the draft uses first, and offers to respell every mention at once. Spellings inside quotations are the source's and are left alone; the writer's bracketed insertions are checked.",
    wrong: "Volodymyr Zelensky arrived on Monday. Zelenskiy said the talks would continue.\n",
    right: "Volodymyr Zelensky arrived on Monday. Zelensky said the talks would continue.\n",
};

impl Rule for NameInconsistent {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let names = cx.names();
        let titles = quoted_titles(cx);
        for e in &names.entries {
            let nparts = match e.actor {
                ActorRef::Kb(a) => names.kb.actors[a as usize].parts.len(),
                ActorRef::Draft(d) => names.draft_actors[d as usize].parts.len(),
            };
            for part in 0..nparts {
                check_part(cx, names, &titles, e.actor, part, &e.mentions, out);
            }
        }
        // Two spellings of a name part the draft uses as often each, with nothing to choose
        // between them: reported once, where the second spelling first appears (where a
        // reader meets the clash), offering both. (Only one side may be a candidate: a
        // dictionary word is never the slip.)
        let ties: Vec<&Respelling> = names
            .spellings
            .respellings
            .iter()
            .filter(|r| r.decided == Decided::Tie && r.all.first() == Some(&r.range))
            .collect();
        // The latest start of each (spelling, other spelling) tie, so that each tie finds
        // its mirror by one look-up (a scan of every tie for each was quadratic in a long
        // draft's ties).
        let mut latest: std::collections::HashMap<(String, String), usize> =
            std::collections::HashMap::with_capacity(ties.len());
        for o in &ties {
            let at = latest
                .entry((fold(&o.word), fold(&o.expected)))
                .or_insert(o.range.start);
            *at = (*at).max(o.range.start);
        }
        for r in &ties {
            let other_later = latest
                .get(&(fold(&r.expected), fold(&r.word)))
                .is_some_and(|&at| at > r.range.start);
            if !other_later && !super::name_misspelled::source_spelling(cx, r) {
                out.push(tie_diagnostic(r));
            }
        }
    }
}

/// A tie: `r.word` here, `r.expected` earlier, as often each. Both spellings are the draft's
/// own; the right one may be neither (a copy editor checks the source), so neither fix is
/// preferred over the other but by reading order.
fn tie_diagnostic(r: &Respelling) -> Diagnostic {
    let (there, as_there) = if r.expected_at.start < r.range.start {
        ("earlier", "as earlier")
    } else {
        ("later", "as later")
    };
    let each = match r.word_count {
        1 => "once each".to_string(),
        2 => "twice each".to_string(),
        n => format!("{n} times each"),
    };
    Diagnostic::new(
        META.id,
        r.range.clone(),
        format!(
            "“{}” here and “{}” {there} ({}): the draft uses both spellings equally ({each}), so one is likely misspelled; check which is right, or whether neither is.",
            r.word, r.expected, r.person
        ),
    )
    .with_data("expected", r.expected.clone())
    .with_data("actor", r.person.clone())
    // Both places are in question: this one and the related one; the fixes are a choice.
    .with_data("tie", true)
    .with_related(r.expected_at.clone(), format!("spelled “{}” here", r.expected))
    .with_fix(Fix {
        title: format!("Spell it “{}”, {as_there}", r.expected),
        safe: false,
        edits: r
            .all
            .iter()
            .map(|x| crate::diagnostic::Edit::replace(x.clone(), r.expected.clone()))
            .collect(),
    })
    .with_fix(Fix {
        title: format!("Spell it “{}”, as here", r.word),
        safe: false,
        edits: r
            .expected_all
            .iter()
            .map(|x| crate::diagnostic::Edit::replace(x.clone(), r.word.clone()))
            .collect(),
    })
}

/// Quotation marks around no one's words: a title or words as words (a report “for the
/// Protection of Kiev”), which keep the spelling they were given; indexed once per check
/// (a scan of every quote for every mention was quadratic).
fn quoted_titles(cx: &Context) -> SpanIndex {
    SpanIndex::from_spans(
        cx.quotes()
            .iter()
            .filter(|q| q.kind == crate::quotes::QuoteKind::Scare)
            .map(|q| q.inner.clone())
            .collect(),
    )
}

/// The spellings of one part across an actor's mentions: flag those that differ from the
/// reference spelling.
fn check_part(
    cx: &Context,
    names: &Names,
    titles: &SpanIndex,
    actor: ActorRef,
    part: usize,
    mentions: &[usize],
    out: &mut Vec<Diagnostic>,
) {
    // (folded spelling, as written, source range), in draft order.
    let uses: Vec<(String, &str, std::ops::Range<usize>)> = mentions
        .iter()
        .flat_map(|&mi| names.mentions[mi].parts.iter())
        .filter(|p| p.part == part && !p.misspelling)
        // A quotation keeps its source's spelling (an accepted variant there is no
        // inconsistency of the draft's own text); a writer's bracketed insertion is checked.
        .filter(|p| {
            !super::in_verbatim_quote(cx, &p.range) && titles.containing(&p.range).next().is_none()
        })
        .map(|p| (key(&p.spelling), p.spelling.as_str(), p.range.clone()))
        .collect();
    let Some(first) = uses.first() else {
        return;
    };
    // For a draft actor, only spellings it learned as variants of this part count (a
    // nickname is not an inconsistency).
    if let ActorRef::Draft(d) = actor {
        let spellings = &names.draft_actors[d as usize].parts[part].spellings;
        if spellings.len() < 2 {
            return;
        }
    }
    let house: Option<String> = match actor {
        ActorRef::Kb(a) => names
            .house_variant(&cx.config.names, a, part)
            .map(|h| names.kb.actors[a as usize].parts[part].variants[h].clone()),
        ActorRef::Draft(_) => None,
    };
    let distinct = {
        let mut v: Vec<&String> = uses.iter().map(|u| &u.0).collect();
        v.sort();
        v.dedup();
        v.len()
    };
    let (reference, why) = match &house {
        Some(h) => (h.clone(), "the house style"),
        None => (first.1.to_string(), "the spelling this draft uses first"),
    };
    let fref = key(&reference);
    if distinct < 2 && (house.is_none() || first.0 == fref) {
        return;
    }
    let who = names.display_name(actor);
    let reference_use = uses.iter().find(|u| u.0 == fref);
    let edits = respell_edits(names, actor, part, &reference);
    let mut flagged_spellings: Vec<&str> = Vec::new();
    for (f, spelling, range) in &uses {
        if *f == fref || names.spellings.contradicts(spelling, &reference, range) {
            continue;
        }
        let mut d = Diagnostic::new(
            META.id,
            range.clone(),
            if distinct >= 2 {
                format!("{who} is spelled “{spelling}” here and “{}” elsewhere; {why} is “{reference}”.",
                    uses.iter().find(|u| u.0 != *f).map_or(reference.as_str(), |u| u.1))
            } else {
                format!("“{spelling}” is an accepted spelling of {who}, but {why} is “{reference}”.")
            },
        )
        .with_data("expected", reference.clone())
        .with_data("actor", who.clone())
        .with_fix(Fix {
            title: format!("Spell every mention of {who} “{reference}”"),
            safe: false,
            edits: edits.clone(),
        });
        if let Some(r) = reference_use {
            d = d.with_related(r.2.clone(), format!("spelled “{}” here", r.1));
        } else if let Some(other) = uses.iter().find(|u| u.0 != *f) {
            d = d.with_related(other.2.clone(), format!("spelled “{}” here", other.1));
        }
        flagged_spellings.push(spelling);
        out.push(d);
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::{analyze, Config, Document};

    fn flagged_with(src: &str, config: &Config) -> Vec<(String, String)> {
        flagged_data("name.inconsistent", src, config, "expected")
    }

    #[test]
    fn flags_the_spelling_that_differs_from_first_use() {
        let src =
            "Volodymyr Zelensky arrived in Kyiv. Zelenskiy said Kiev was calm. Zelensky left.\n";
        assert_eq!(
            flagged_with(src, &Config::default()),
            pairs(&[("Zelenskiy", "Zelensky"), ("Kiev", "Kyiv")])
        );
        let doc = Document::parse(src);
        let d = analyze(&doc, &Config::default());
        let d = d.iter().find(|d| d.rule == "name.inconsistent").unwrap();
        assert_eq!(&src[d.related[0].range.clone()], "Zelensky");
        let (fixed, _) = crate::fix::apply_edits(src, &d.fixes[0].edits);
        assert_eq!(
            fixed,
            "Volodymyr Zelensky arrived in Kyiv. Zelensky said Kiev was calm. Zelensky left.\n"
        );
    }

    #[test]
    fn a_variant_inside_a_quoted_title_keeps_its_spelling() {
        // Invented: an old spelling in the title of a document is the title's.
        let src = "Archivists in Kyiv opened the files on Monday. One is a 1954 report titled “Water for the People of Kiev”. Kyiv officials said more would follow.\n";
        assert_eq!(flagged_with(src, &Config::default()), pairs(&[]));
        // Outside quotation marks it is the writer's spelling, and inconsistent.
        let src = "Archivists in Kyiv opened the files on Monday. Officials in Kiev said more would follow.\n";
        assert_eq!(
            flagged_with(src, &Config::default()),
            pairs(&[("Kiev", "Kyiv")])
        );
    }

    #[test]
    fn british_and_american_spellings_in_two_names_are_not_a_clash() {
        let src = "Harold Brant of European Aeronautic Defence and Space said it had won. \
                   He will brief the Secretary of Defense, Brant said.\n";
        assert_eq!(flagged_with(src, &Config::default()), pairs(&[]));
    }

    #[test]
    fn an_accepted_variant_inside_a_quotation_is_the_source_spelling() {
        let config = Config::default();
        // Inside someone's verbatim words: left alone, by either name rule.
        let src = "Volodymyr Zelensky arrived on Monday. The statement read: \"President Zelenskiy will speak to the nation.\" Zelensky left.\n";
        let doc = Document::parse(src);
        let names: Vec<_> = analyze(&doc, &config)
            .into_iter()
            .filter(|d| d.rule.starts_with("name."))
            .collect();
        assert!(names.is_empty(), "{names:?}");
        // Outside quotations both forms are the writer's: inconsistent, not misspelled.
        let src = "Volodymyr Zelensky arrived on Monday. Zelenskiy spoke. Zelensky left.\n";
        assert_eq!(
            flagged_with(src, &config),
            pairs(&[("Zelenskiy", "Zelensky")])
        );
        let doc = Document::parse(src);
        assert!(analyze(&doc, &config)
            .iter()
            .all(|d| d.rule != "name.misspelled"));
    }

    #[test]
    fn house_style_wins_over_first_use() {
        let mut config = Config::default();
        config.names.prefer.push("Zelenskiy".into());
        assert_eq!(
            flagged_with("Volodymyr Zelensky arrived. Zelenskiy spoke.\n", &config),
            pairs(&[("Zelensky", "Zelenskiy")])
        );
        // One spelling, not the house one.
        assert_eq!(
            flagged_with("Volodymyr Zelensky arrived.\n", &config),
            pairs(&[("Zelensky", "Zelenskiy")])
        );
        assert!(flagged_with("Volodymyr Zelenskiy arrived. Zelenskiy left.\n", &config).is_empty());
    }

    #[test]
    fn a_tie_is_reported_once_offering_both_of_the_drafts_spellings() {
        // Both spellings are the writer's and as frequent; the right one may be neither
        // (an analyst called DesRosiers): one flag, both spellings offered, nothing else.
        let src = "Analyst Dennis DesRosier said sales fell.\n\nDesRoiser expects more cuts.\n";
        let doc = Document::parse(src);
        let d: Vec<_> = analyze(&doc, &Config::default())
            .into_iter()
            .filter(|d| d.rule.starts_with("name."))
            .collect();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].rule, "name.inconsistent");
        assert_eq!(&src[d[0].range.clone()], "DesRoiser");
        assert!(d[0].message.contains("equally"), "{}", d[0].message);
        assert_eq!(&src[d[0].related[0].range.clone()], "DesRosier");
        let fixed: Vec<String> = d[0]
            .fixes
            .iter()
            .map(|f| crate::fix::apply_edits(src, &f.edits).0)
            .collect();
        assert_eq!(
            fixed,
            [
                "Analyst Dennis DesRosier said sales fell.\n\nDesRosier expects more cuts.\n",
                "Analyst Dennis DesRoiser said sales fell.\n\nDesRoiser expects more cuts.\n",
            ]
        );
    }

    #[test]
    fn learned_people_with_two_close_spellings() {
        // As often each, once in full and once alone: nothing decides; reported once, where
        // the second spelling appears.
        assert_eq!(
            flagged_with(
                "Kremlin spokesman Ivan Petrenko spoke. Later, Petrenco said no.\n",
                &Config::default()
            ),
            pairs(&[("Petrenco", "Petrenko")])
        );
        // Decided by the first full reference: a misspelling (name.misspelled), not this.
        assert!(flagged_with(
            "Kremlin spokesman Ivan Petrenko spoke. Later, Ivan Petrenco said no.\n",
            &Config::default()
        )
        .is_empty());
        // A nickname is not an inconsistency.
        assert!(flagged_with(
            "Spokesman William Petrenko spoke. Later, Bill Petrenko said no.\n",
            &Config::default()
        )
        .is_empty());
    }

    #[test]
    fn two_close_names_introduced_in_one_sentence_are_two_people() {
        // Invented: two people named together, one letter apart; neither is a slip.
        let src = "Lee Soo-min, a nurse, and Lee Soo-ming, a porter, met the minister on Friday.\n\nThe nurse said wards were full. The porter agreed.\n";
        assert!(flagged_with(src, &Config::default()).is_empty());
        let misspelled = flagged_data("name.misspelled", src, &Config::default(), "expected");
        assert!(misspelled.is_empty(), "{misspelled:?}");
        // In two sentences the second is still a spelling of the first.
        assert_eq!(
            flagged_with(
                "Kremlin spokesman Ivan Petrenko spoke. Later, Petrenco said no.\n",
                &Config::default()
            ),
            pairs(&[("Petrenco", "Petrenko")])
        );
    }
}
