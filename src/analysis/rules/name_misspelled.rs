//! `name.misspelled`: a capitalised word one or two letters away from a name this draft
//! talks about — a knowledge-base actor it mentions, or a person it introduced itself — and
//! not itself a known name, variant, dictionary word or newsroom-accepted word.
//!
//! Precision first: a near-miss counts only with evidence that the draft means that actor —
//! the word stands next to another part of the actor's name ("Volodomyr Zelenskiy"), or the
//! draft mentions the actor elsewhere and the word is not part of some other person's full
//! name ("Olena Zelenska" is not a misspelled Zelensky).

use super::{Rule, RuleMeta};
use crate::analysis::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::analysis::names::{distance, draft_actors, lexicon, matcher::fold, ActorRef, Names};
use crate::analysis::Context;

pub struct NameMisspelled;

static META: RuleMeta = RuleMeta {
    id: "name.misspelled",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "A name spelled one or two letters away from a person or place the draft mentions.",
    explanation: "Spell-checkers either flag every proper name or none, so a misspelled name is the error most likely to reach print — and the one readers and sources notice first. copydesk knows the actors in the news (heads of state and government, ministers, international officials, countries and capitals) and the people this draft introduces, and flags a capitalised word that is a near miss of one of their names when the draft gives evidence it means that person: the word stands next to another part of their name, or the draft mentions them elsewhere. Dictionary words, nicknames (Bill for William) and words in the newsroom dictionary (`[names] accept`) are never flagged. The fix uses the house spelling (`[names] prefer`), else the spelling the draft already uses.",
    wrong: "Ukrainian President Volodymyr Zelenskiy met reporters. Zelenksiy said the talks would go on.\n",
    right: "Ukrainian President Volodymyr Zelenskiy met reporters. Zelenskiy said the talks would go on.\n",
};

impl Rule for NameMisspelled {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let names = cx.names();
        for f in findings(cx, names) {
            out.push(diagnostic(cx, names, f));
        }
    }
}

/// A misspelled word and the spelling it should have.
#[derive(Debug, Clone)]
pub struct Finding {
    pub range: std::ops::Range<usize>,
    pub word: String,
    pub expected: String,
    pub actor: ActorRef,
    /// The word stands next to another part of the actor's name, or the knowledge base
    /// lists it as a misspelling.
    pub strong: bool,
}

#[derive(Debug, Clone)]
struct Candidate {
    actor: ActorRef,
    part: usize,
    distance: usize,
    strong: bool,
}

/// Spellings of one part of an actor.
fn part_spellings(names: &Names, actor: ActorRef, part: usize) -> Vec<String> {
    match actor {
        ActorRef::Kb(a) => names.kb.actors[a as usize]
            .parts
            .get(part)
            .map(|p| p.variants.clone())
            .unwrap_or_default(),
        ActorRef::Draft(d) => names.draft_actors[d as usize]
            .parts
            .get(part)
            .map(|p| p.spellings.clone())
            .unwrap_or_default(),
    }
}

fn part_count(names: &Names, actor: ActorRef) -> usize {
    match actor {
        ActorRef::Kb(a) => names.kb.actors[a as usize].parts.len(),
        ActorRef::Draft(d) => names.draft_actors[d as usize].parts.len(),
    }
}

/// The spelling a fix should use for an actor's part: the house style, else the spelling the
/// draft uses most, else the closest accepted spelling.
pub fn preferred_spelling(
    cx: &Context,
    names: &Names,
    actor: ActorRef,
    part: usize,
    near: &str,
) -> String {
    let spellings = part_spellings(names, actor, part);
    if let ActorRef::Kb(a) = actor {
        if let Some(h) = names.house_variant(cx.config, a, part) {
            return spellings[h].clone();
        }
    }
    let mut counts: Vec<(usize, usize)> = Vec::new();
    for m in names.mentions.iter().filter(|m| m.actor == actor) {
        for p in m.parts.iter().filter(|p| p.part == part && !p.misspelling) {
            let f = fold(&p.spelling);
            if let Some(i) = spellings.iter().position(|s| fold(s) == f) {
                match counts.iter_mut().find(|(j, _)| *j == i) {
                    Some((_, n)) => *n += 1,
                    None => counts.push((i, 1)),
                }
            }
        }
    }
    if let Some(&(i, _)) = counts.iter().max_by_key(|(i, n)| (*n, usize::MAX - i)) {
        return spellings[i].clone();
    }
    let fnear = fold(near);
    spellings
        .iter()
        .min_by_key(|s| {
            distance::osa(
                &fold(s).chars().collect::<Vec<_>>(),
                &fnear.chars().collect::<Vec<_>>(),
            )
        })
        .cloned()
        .unwrap_or_default()
}

fn accepted(cx: &Context, word: &str) -> bool {
    let f = fold(word);
    cx.config.names.accept.iter().any(|a| fold(a) == f)
}

/// Every misspelled name in the draft.
pub fn findings(cx: &Context, names: &Names) -> Vec<Finding> {
    let mut out = Vec::new();
    // Misspellings the knowledge base lists.
    for m in &names.mentions {
        for p in m.parts.iter().filter(|p| p.misspelling) {
            if accepted(cx, &p.spelling) {
                continue;
            }
            let expected = preferred_spelling(cx, names, m.actor, p.part, &p.spelling);
            out.push(Finding {
                range: p.range.clone(),
                word: p.spelling.clone(),
                expected,
                actor: m.actor,
                strong: true,
            });
        }
    }
    // Actors the draft mentions.
    let present: Vec<ActorRef> = names.entries.iter().map(|e| e.actor).collect();
    for (bi, bn) in names.blocks.iter().enumerate() {
        let block = &cx.doc.blocks[bi];
        let text = block.text.as_str();
        for (t, tok) in bn.toks.iter().enumerate() {
            if !tok.cap || bn.tok_pattern[t].is_some() || bn.tok_mention[t].is_some() {
                continue;
            }
            let word = &text[tok.range.clone()];
            let letters = word.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 4
                || letters
                    != word
                        .chars()
                        .filter(|c| c.is_alphabetic() || *c == '-' || *c == '\'' || *c == '’')
                        .count()
                || word.chars().all(|c| !c.is_lowercase())
                || lexicon::is_dictionary_word(word)
                || lexicon::is_known_given_name(word)
                || lexicon::is_name_variant_form(word)
                || lexicon::is_calendar_word(word)
                || draft_actors::is_title(word)
                || accepted(cx, word)
            {
                continue;
            }
            let fw = fold(word);
            // Plurals and possessives of known names ("the Bidens", "Bidens'").
            if let Some(stem) = fw.strip_suffix("es").or_else(|| fw.strip_suffix('s')) {
                if names.kb.matcher.lookup(stem).is_some()
                    || names.kb.matcher.lookup(&fw[..fw.len() - 1]).is_some()
                {
                    continue;
                }
            }
            let max = distance::max_edits(letters);
            let mut cands: Vec<Candidate> = Vec::new();
            // Neighbours: another part of an actor's name right beside the word.
            let joined = |a: usize, b: usize| {
                let between = &text[bn.toks[a].full_end..bn.toks[b].range.start];
                between == " " || (between == ". " && bn.toks[a].range.len() == 1)
            };
            let prev = t.checked_sub(1).filter(|&p| joined(p, t));
            let next = Some(t + 1).filter(|&n| n < bn.toks.len() && joined(t, n));
            let mut neighbour_actors: Vec<(ActorRef, usize)> = Vec::new();
            for n in [prev, next].into_iter().flatten() {
                if let Some(p) = bn.tok_pattern[n] {
                    for target in names.kb.matcher.patterns[p as usize]
                        .targets
                        .iter()
                        .take(64)
                    {
                        if let crate::analysis::names::matcher::TargetKind::Part { part, .. } =
                            target.kind
                        {
                            neighbour_actors.push((ActorRef::Kb(target.actor), part as usize));
                        }
                    }
                }
                if let Some(mi) = bn.tok_mention[n] {
                    let m = &names.mentions[mi as usize];
                    for p in &m.parts {
                        neighbour_actors.push((m.actor, p.part));
                    }
                }
            }
            for &(actor, used_part) in &neighbour_actors {
                for part in (0..part_count(names, actor)).filter(|&p| p != used_part) {
                    for s in part_spellings(names, actor, part) {
                        if let Some(d) = close(&fw, &s, max) {
                            cands.push(Candidate {
                                actor,
                                part,
                                distance: d,
                                strong: true,
                            });
                        }
                    }
                }
            }
            // Actors mentioned elsewhere — unless the word is part of another person's
            // full name ("Olena Zelenska").
            let other_name_beside = [prev, next].into_iter().flatten().any(|n| {
                let nw = &text[bn.toks[n].range.clone()];
                bn.toks[n].cap
                    && !draft_actors::is_title(nw)
                    && (!bn.toks[n].sent_start || !lexicon::is_common_word(nw))
                    && (lexicon::is_known_given_name(nw) || !lexicon::is_dictionary_word(nw))
                    && !neighbour_actors.iter().any(|(a, _)| present.contains(a))
            });
            if cands.is_empty() && !other_name_beside {
                for &actor in &present {
                    if !names.is_person(actor) && letters < 5 {
                        continue;
                    }
                    for part in 0..part_count(names, actor) {
                        for s in part_spellings(names, actor, part) {
                            if let Some(d) = close(&fw, &s, max) {
                                cands.push(Candidate {
                                    actor,
                                    part,
                                    distance: d,
                                    strong: false,
                                });
                            }
                        }
                    }
                }
            }
            let Some(best) = cands.into_iter().min_by_key(|c| (c.distance, !c.strong)) else {
                continue;
            };
            // A nickname of the name it is close to is a name, not a misspelling.
            let expected = preferred_spelling(cx, names, best.actor, best.part, word);
            if expected.is_empty()
                || lexicon::are_nicknames(word, &expected)
                || fold(&expected) == fw
            {
                continue;
            }
            out.push(Finding {
                range: block.source_range(tok.range.clone()),
                word: word.to_string(),
                expected,
                actor: best.actor,
                strong: best.strong,
            });
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// Distance between a folded word and a spelling, if within `max` edits (scaled to the
/// shorter of the two).
fn close(fw: &str, spelling: &str, max: usize) -> Option<usize> {
    let fs = fold(spelling);
    if fs.contains(' ') || fs == fw {
        return None;
    }
    // Plurals: "the Bidens".
    if fw.strip_suffix('s') == Some(fs.as_str()) || fw.strip_suffix("es") == Some(fs.as_str()) {
        return None;
    }
    let max = max.min(distance::max_edits(
        fs.chars().filter(|c| c.is_alphabetic()).count(),
    ));
    if max == 0 {
        return None;
    }
    // Names sharing neither first nor last letter are different names ("Maas"/"Haas").
    let (a, b): (Vec<char>, Vec<char>) = (fw.chars().collect(), fs.chars().collect());
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiouy".contains(*c));
    if a.first() != b.first()
        && a.get(1) != b.first()
        && a.first() != b.get(1)
        && !(vowel(a.first()) && vowel(b.first()))
    {
        return None;
    }
    distance::within(fw, &fs, max).filter(|&d| d > 0)
}

fn diagnostic(cx: &Context, names: &Names, f: Finding) -> Diagnostic {
    let who = names.display_name(f.actor);
    let mut all: Vec<Edit> = Vec::new();
    for (bi, bn) in names.blocks.iter().enumerate() {
        let block = &cx.doc.blocks[bi];
        for tok in &bn.toks {
            if block.text[tok.range.clone()] == f.word {
                all.push(Edit::replace(
                    block.source_range(tok.range.clone()),
                    f.expected.clone(),
                ));
            }
        }
    }
    let count = all.len();
    let mut d = Diagnostic::new(
        META.id,
        f.range.clone(),
        format!(
            "“{}” looks like a misspelling of “{}” ({who}).",
            f.word, f.expected
        ),
    )
    .with_data("expected", f.expected.clone())
    .with_data("actor", who.clone())
    .with_data("confidence", if f.strong { "high" } else { "medium" })
    .with_fix(Fix {
        title: format!("Replace with “{}”", f.expected),
        safe: false,
        edits: vec![Edit::replace(f.range.clone(), f.expected.clone())],
    });
    if count > 1 {
        d = d.with_fix(Fix {
            title: format!("Replace all {count} “{}” with “{}”", f.word, f.expected),
            safe: false,
            edits: all,
        });
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::analysis::{analyze, Config, Document};

    fn flagged_with(src: &str, config: &Config) -> Vec<(String, String)> {
        let doc = Document::parse(src);
        analyze(&doc, config)
            .into_iter()
            .filter(|d| d.rule == "name.misspelled")
            .map(|d| {
                (
                    src[d.range.clone()].to_string(),
                    d.data["expected"].as_str().unwrap_or("").to_string(),
                )
            })
            .collect()
    }

    fn flagged(src: &str) -> Vec<(String, String)> {
        flagged_with(src, &Config::default())
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn flags_near_misses_of_actors_the_draft_mentions() {
        assert_eq!(
            flagged("Ukrainian President Volodomyr Zelenskiy spoke. Later Zelenksiy left.\n"),
            pairs(&[("Volodomyr", "Volodymyr"), ("Zelenksiy", "Zelenskiy")])
        );
        // Neighbour evidence: the given name of the same actor.
        assert_eq!(
            flagged("President Donald Trupm spoke.\n"),
            pairs(&[("Trupm", "Trump")])
        );
        // A person the draft introduced.
        assert_eq!(
            flagged("Kremlin spokesman Ivan Petrenko spoke. Petrneko later denied it.\n"),
            pairs(&[("Petrneko", "Petrenko")])
        );
    }

    #[test]
    fn leaves_other_people_dictionary_words_nicknames_and_accepted_words_alone() {
        assert!(flagged("Volodymyr Zelensky and his wife Olena Zelenska arrived.\n").is_empty());
        assert!(flagged("President Donald Trump played the Trumpet.\n").is_empty());
        assert!(flagged("William Ruto spoke. Bill Ruto's aide agreed.\n").is_empty());
        let mut config = Config::default();
        config.names.accept.push("Zelenskyj".into());
        assert!(flagged_with("Volodymyr Zelensky spoke. Zelenskyj left.\n", &config).is_empty());
    }

    #[test]
    fn house_style_picks_the_fix_and_fix_all_covers_every_occurrence() {
        let mut config = Config::default();
        config.names.prefer.push("Zelenskiy".into());
        assert_eq!(
            flagged_with("Volodymyr Zelensky spoke. Zelenksy left.\n", &config),
            pairs(&[("Zelenksy", "Zelenskiy")])
        );
        let src = "Volodymyr Zelensky spoke. Zelenksy left. Zelenksy came back.\n";
        let doc = Document::parse(src);
        let d = analyze(&doc, &Config::default());
        let d = d.iter().find(|d| d.rule == "name.misspelled").unwrap();
        assert_eq!(d.fixes.len(), 2);
        let (fixed, _) = crate::analysis::fix::apply_edits(src, &d.fixes[1].edits);
        assert_eq!(
            fixed,
            "Volodymyr Zelensky spoke. Zelensky left. Zelensky came back.\n"
        );
    }
}
