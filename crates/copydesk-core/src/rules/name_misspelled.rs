//! `name.misspelled`: a capitalised word one or two letters away from a name this draft
//! talks about — a knowledge-base actor it mentions, or a person it introduced itself — and
//! not itself a known name, variant, dictionary word or newsroom-accepted word.
//!
//! Precision first: a near-miss counts only with evidence that the draft means that actor —
//! the word stands next to another part of the actor's name ("Volodomyr Zelenskiy"), or the
//! draft mentions the actor elsewhere and the word is not part of some other person's full
//! name ("Olena Zelenska" is not a misspelled Zelensky).

use super::{Rule, RuleMeta};
use crate::diagnostic::{Diagnostic, Edit, Fix, Severity};
use crate::names::spellings::{romanisations_apart, Decided, Respelling};
use crate::names::{distance, draft_actors, lexicon, matcher::fold, ActorRef, Names};
use crate::Context;
use std::collections::HashMap;
use std::ops::Range;

pub struct NameMisspelled;

static META: RuleMeta = RuleMeta {
    id: "name.misspelled",
    default_severity: Severity::Warning,
    enabled_by_default: true,
    summary: "A name spelled one or two letters away from a person or place the draft mentions.",
    explanation: "Spell-checkers either flag every proper name or none, so a misspelled name is the error most likely to reach print — and the one readers and sources notice first. copydesk knows the actors in the news (heads of state and government, ministers, international officials, countries and capitals) and the people this draft introduces, and flags a capitalised word that is a near miss of one of their names when the draft gives evidence it means that person: the word stands next to another part of their name, or the draft mentions them elsewhere. The draft's own usage comes first: a spelling it uses more often than another wins, and one it uses consistently (twice or more, never in the knowledge base's spelling) names somebody else — “James Comey” throughout is not a misspelled James Comer. Dictionary words, nicknames (Bill for William), accepted variants the knowledge base records (its transliterations and aliases) and words in the newsroom dictionary (`[names] accept`) are never flagged; nor is a spelling the draft uses more than once, always inside someone's quoted words (a statement's own transliteration: a copy editor does not alter a quote), while the writer's bracketed insertions in a quote are checked. A person the draft names once, with nothing in it to compare: a given name no list knows, one letter from the given name of the knowledge base's only person of that surname, is flagged (“Maark Warner”); and a given name no list knows that two swapped inner letters, or a dropped or doubled letter, make of a common given name (“Jhon Smith”, “Daviid Smith”) draws a low-confidence “did you mean”, reported a level below the rule's severity (information by default), since the person may spell it that way; so does a romanised family name written once and never introduced, one letter from the family name of a person the draft introduces in full and names again (“Zhuo” beside “Zhou Wei … Zhou”), since both are real names. A hyphenated surname after a given name (“Alexandria Ocasio-Cortez”) is one name, while compounds (“the Biden-Trump debate”) are not; a final “s” added to a surname (“Tony Clement … Clements”) is a slip unless the draft writes it as a family or a plural (“the Clements”). Another romanisation of a knowledge-base name (ia/ya, iu/yu, -iy/-y) is left alone when the draft never writes the knowledge base's own spelling (“Nikol Pashinian”), and an accent on the wrong letter of a known name is a slip (“Sanchéz”). The fix uses the house spelling (`[names] prefer`), else the spelling the draft already uses.",
    wrong: "Ukrainian President Volodymyr Zelenskiy met reporters. Zelenksiy said the talks would go on.\n",
    right: "Ukrainian President Volodymyr Zelenskiy met reporters. Zelenskiy said the talks would go on.\n",
};

impl Rule for NameMisspelled {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check(&self, cx: &Context, out: &mut Vec<Diagnostic>) {
        let start = out.len();
        let names = cx.names();
        let found = findings(cx, names);
        let everywhere = occurrences(cx, names, &found);
        for f in &found {
            let all = everywhere
                .get(f.word.as_str())
                .map_or(&[][..], Vec::as_slice);
            out.push(diagnostic(names, f, all));
        }
        // Minority spellings of the draft's own names.
        for r in &names.spellings.respellings {
            let found_there = r.decided == Decided::KbPerson
                && out[start..]
                    .iter()
                    .any(|d| d.range.start < r.range.end && r.range.start < d.range.end);
            if r.decided != Decided::Tie
                && !found_there
                && !accepted(cx, &r.word)
                && !source_spelling(cx, r)
                && !quoted_romanisation(cx, r)
            {
                out.push(respelling_diagnostic(r));
            }
        }
        // Guesses: a given name written once, two letters from a common one. Only where
        // nothing better was said about the word.
        for r in &names.spellings.guesses {
            let said = out[start..]
                .iter()
                .any(|d| d.range.start < r.range.end && r.range.start < d.range.end);
            if !said && !accepted(cx, &r.word) {
                out.push(guess_diagnostic(r));
            }
        }
    }
}

/// "Did you mean": a given name no list knows, written once, two swapped letters from a
/// common given name. Low confidence (reported a level below the rule's severity): the
/// person may spell it that way.
fn guess_diagnostic(r: &Respelling) -> Diagnostic {
    Diagnostic::new(
        META.id,
        r.range.clone(),
        if r.decided == Decided::Romanisation {
            format!(
                "“{}” is a family name of its own, but the draft writes it only once and never introduces that person, and writes “{}” {} ({}): did you mean “{}”? Check whether this is another person.",
                r.word,
                r.expected,
                times(r.expected_count),
                r.person,
                r.expected
            )
        } else {
            format!(
                "“{}” is a given name no name list knows, and the draft writes it only once: did you mean “{}” ({})? Check the person's own spelling.",
                r.word, r.expected, r.person
            )
        },
    )
    .with_data("expected", r.expected.clone())
    .with_data("actor", r.person.clone())
    .with_data("confidence", "low")
    .with_fix(Fix {
        title: format!("Replace with “{}”", r.expected),
        safe: false,
        edits: vec![Edit::replace(r.range.clone(), r.expected.clone())],
    })
}

/// A spelling the draft writes more than once, every time inside someone's verbatim words
/// ("Usama bin Ladin" in a quoted government statement): the source's own transliteration,
/// which a copy editor does not alter, not a slip. A single use inside a quotation is still
/// checked: one odd spelling there is as likely the writer's typing.
pub(crate) fn source_spelling(cx: &Context, r: &Respelling) -> bool {
    r.all.len() >= 2 && r.all.iter().all(|x| super::in_verbatim_quote(cx, x))
}

/// Another romanisation of the name written only inside someone's verbatim words: the
/// source's own spelling, as a quotation keeps it (a slip there is still checked).
fn quoted_romanisation(cx: &Context, r: &Respelling) -> bool {
    romanisations_apart(&r.word, &r.expected)
        && r.all.iter().all(|x| super::in_verbatim_quote(cx, x))
}

fn times(n: usize) -> String {
    match n {
        1 => "once".to_string(),
        2 => "twice".to_string(),
        n => format!("{n} times"),
    }
}

/// The diagnostic for a minority spelling of a name part: the spelling the rest of the
/// draft (or the knowledge base) uses, and why.
fn respelling_diagnostic(r: &Respelling) -> Diagnostic {
    let why = match r.decided {
        Decided::Kb => format!(
            "the knowledge base spells it “{}”, and so does this draft {}",
            r.expected,
            times(r.expected_count)
        ),
        Decided::FamilyPlural => format!(
            "the family of {} are “{}”: a surname takes “-es” only after s, x, z, ch or sh",
            r.person, r.expected
        ),
        Decided::KbPerson => format!(
            "the knowledge base knows {} and the draft names nobody else of that surname",
            r.person
        ),
        Decided::FirstReference => format!(
            "the draft introduces {} with “{}” and uses each spelling {}",
            r.person,
            r.expected,
            times(r.word_count)
        ),
        _ => format!(
            "the draft writes “{}” {} and “{}” {}",
            r.expected,
            times(r.expected_count),
            r.word,
            times(r.word_count)
        ),
    };
    let against = if r.against_first_reference {
        format!(
            "; the first full reference writes “{}”: check which is right",
            r.word
        )
    } else {
        String::new()
    };
    // Only the accents differ: say so, not "misspelling".
    let message = if fold(&r.word) == fold(&r.expected) {
        let marks = if r.word.is_ascii() {
            "drops the accents of"
        } else if r.expected.is_ascii() {
            "has accents that the draft leaves off in"
        } else {
            "has other accents than"
        };
        format!(
            "“{}” {marks} “{}” ({}): {why}; write the name one way.",
            r.word, r.expected, r.person
        )
    } else if romanisations_apart(&r.word, &r.expected) {
        format!(
            "“{}” and “{}” are two romanisations of one name ({}): {why}{against}; write it one way.",
            r.word, r.expected, r.person
        )
    } else {
        format!(
            "“{}” looks like a misspelling of “{}” ({}): {why}{against}.",
            r.word, r.expected, r.person
        )
    };
    let mut d = Diagnostic::new(META.id, r.range.clone(), message)
        .with_data("expected", r.expected.clone())
        .with_data("actor", r.person.clone())
        .with_data(
            "confidence",
            if r.against_first_reference
                || r.decided == Decided::KbPerson
                || (r.decided == Decided::FirstReference && !r.kb_agrees)
            {
                "medium"
            } else {
                "high"
            },
        )
        .with_related(
            r.expected_at.clone(),
            format!("spelled “{}” here", r.expected),
        )
        .with_fix(Fix {
            title: format!("Replace with “{}”", r.expected),
            safe: false,
            edits: vec![Edit::replace(r.range.clone(), r.expected.clone())],
        });
    if r.all.len() > 1 {
        d = d.with_fix(Fix {
            title: format!(
                "Replace all {} “{}” with “{}”",
                r.all.len(),
                r.word,
                r.expected
            ),
            safe: false,
            edits: r
                .all
                .iter()
                .map(|x| Edit::replace(x.clone(), r.expected.clone()))
                .collect(),
        });
    }
    if r.against_first_reference {
        d = d.with_fix(Fix {
            title: format!(
                "Keep “{}”: respell the other {}",
                r.word,
                r.expected_all.len()
            ),
            safe: false,
            edits: r
                .expected_all
                .iter()
                .map(|x| Edit::replace(x.clone(), r.word.clone()))
                .collect(),
        });
    }
    d
}

/// A misspelled word and the spelling it should have.
#[derive(Debug, Clone)]
pub struct Finding {
    pub range: Range<usize>,
    pub word: String,
    pub expected: String,
    pub actor: ActorRef,
    /// The word stands next to another part of the actor's name, or the knowledge base
    /// lists it as a misspelling.
    pub strong: bool,
    /// The knowledge base lists the word as a misspelling of the name.
    pub listed: bool,
}

#[derive(Debug, Clone)]
struct Candidate {
    actor: ActorRef,
    part: usize,
    distance: usize,
    strong: bool,
    /// The spelling it is close to, and its place in the part's list.
    spelling: String,
    index: usize,
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
        if let Some(h) = names.house_variant(&cx.config.names, a, part) {
            return spellings[h].clone();
        }
    }
    // The spelling the draft itself uses most (as written: "Erdogan", not "Erdoğan").
    let mut counts: Vec<(&str, usize, usize)> = Vec::new();
    // The actor's own mentions (not every mention of the draft: this runs per finding).
    let own = names
        .entry(actor)
        .map_or(&[][..], |e| e.mentions.as_slice());
    for m in own.iter().filter_map(|&mi| names.mentions.get(mi)) {
        for p in m.parts.iter().filter(|p| p.part == part && !p.misspelling) {
            let order = counts.len();
            match counts.iter_mut().find(|(s, _, _)| *s == p.spelling) {
                Some((_, n, _)) => *n += 1,
                None => counts.push((p.spelling.as_str(), 1, order)),
            }
        }
    }
    let fnear = fold(near);
    let chars = |s: &str| fold(s).chars().collect::<Vec<_>>();
    let near_chars: Vec<char> = fnear.chars().collect();
    if let Some(&(s, _, _)) = counts.iter().min_by_key(|(s, n, order)| {
        (
            distance::osa(&chars(s), &near_chars),
            usize::MAX - n,
            *order,
        )
    }) {
        return s.to_string();
    }
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

/// Whether `part` of the actor's name is a given name (before the surname).
fn given_part(names: &Names, actor: ActorRef, part: usize) -> bool {
    match actor {
        ActorRef::Kb(a) => names.kb.actors[a as usize]
            .surname_part()
            .is_some_and(|s| part < s),
        ActorRef::Draft(_) => part == 0,
    }
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
                listed: true,
            });
        }
    }
    // A knowledge-base name written with an accent, but not where the name has it
    // ("Pedro Sanchéz" for Sánchez): a slip of the accent. Without accents ("Sanchez") it is
    // the spelling many houses use, and left alone.
    for m in names
        .mentions
        .iter()
        .filter(|m| matches!(m.actor, ActorRef::Kb(_)))
    {
        for p in m.parts.iter().filter(|p| !p.misspelling) {
            if p.spelling.is_ascii() || accepted(cx, &p.spelling) {
                continue;
            }
            let variants = part_spellings(names, m.actor, p.part);
            if variants.contains(&p.spelling) {
                continue;
            }
            let fw = fold(&p.spelling);
            let accented = variants.iter().find(|v| {
                !v.is_ascii() && fold(v) == fw && v.chars().count() == p.spelling.chars().count()
            });
            if let Some(v) = accented {
                out.push(Finding {
                    range: p.range.clone(),
                    word: p.spelling.clone(),
                    expected: v.clone(),
                    actor: m.actor,
                    strong: true,
                    listed: true,
                });
            }
        }
    }
    // Actors the draft mentions, and their spellings (folded once).
    let present: Vec<ActorRef> = names.entries.iter().map(|e| e.actor).collect();
    let present_spellings: Vec<(ActorRef, usize, usize, String, String)> = present
        .iter()
        .flat_map(|&actor| {
            (0..part_count(names, actor)).flat_map(move |part| {
                part_spellings(names, actor, part)
                    .into_iter()
                    .enumerate()
                    .map(move |(i, s)| (actor, part, i, fold(&s), s))
            })
        })
        .collect();
    let present_index = FirstLetters::new(present_spellings.iter().map(|p| p.3.as_str()));
    let mut near_present: HashMap<(String, usize), Vec<Candidate>> = HashMap::new();
    for (bi, bn) in names.blocks.iter().enumerate() {
        let block = &cx.doc.blocks[bi];
        let text = block.text.as_str();
        for u in bn.unknown.iter() {
            let (t, range, segment, letters) =
                (u.tok as usize, u.range(), u.segment, u.letters as usize);
            let tok = &bn.toks.at(t);
            if bn.tok_pattern.get(t).is_some() || bn.tok_mention.get(t).is_some() {
                continue;
            }
            let word = &text[range.clone()];
            if accepted(cx, word) {
                continue;
            }
            let fw = fold(word);
            // All capitals: only a near miss of an organisation's short form (NTAO, UNICFE).
            if word.chars().all(|c| !c.is_lowercase()) {
                if !(4..=8).contains(&letters) {
                    continue;
                }
                let near = names.kb.near();
                let best = near
                    .acronyms
                    .iter()
                    .filter(|e| e.folded.len().abs_diff(fw.len()) <= 1)
                    // Same first letter: IAAF is not a misspelled TAAF.
                    .filter(|e| e.folded.chars().next() == fw.chars().next())
                    .filter_map(|e| {
                        distance::within(&fw, &e.folded, 1)
                            .filter(|&d| d > 0)
                            .map(|d| (d, e))
                    })
                    .min_by_key(|(d, e)| (*d, e.index));
                if let Some((_, e)) = best {
                    out.push(Finding {
                        range: block.source_range(range.clone()),
                        word: word.to_string(),
                        expected: e.spelling.clone(),
                        actor: ActorRef::Kb(e.actor),
                        strong: false,
                        listed: false,
                    });
                }
                continue;
            }
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
                let between = &text[bn.toks.at(a).full_end()..bn.toks.at(b).start()];
                between == " " || (between == ". " && bn.toks.at(a).range().len() == 1)
            };
            let prev = t.checked_sub(1).filter(|&p| !segment && joined(p, t));
            let next = Some(t + 1).filter(|&n| !segment && n < bn.toks.len() && joined(t, n));
            let possessive = tok.full_end() > tok.end();
            let mut neighbour_actors: Vec<(ActorRef, usize)> = Vec::new();
            for n in [prev, next].into_iter().flatten() {
                if let Some(p) = bn.tok_pattern.get(n).get() {
                    for target in names.kb.matcher.patterns[p as usize]
                        .targets
                        .iter()
                        .take(64)
                    {
                        if let crate::names::matcher::TargetKind::Part { part, .. } = target.kind {
                            neighbour_actors.push((ActorRef::Kb(target.actor), part as usize));
                        }
                    }
                }
                if let Some(mi) = bn.tok_mention.get(n).get() {
                    let m = &names.mentions[mi as usize];
                    for p in &m.parts {
                        neighbour_actors.push((m.actor, p.part));
                    }
                }
            }
            // Beside another part of the name, even a three-letter word may be a
            // misspelling of a four-letter name ("Narendra Mdi").
            let max_beside = distance::max_edits(letters.max(4));
            for &(actor, used_part) in &neighbour_actors {
                for part in (0..part_count(names, actor)).filter(|&p| p != used_part) {
                    for (index, s) in part_spellings(names, actor, part).into_iter().enumerate() {
                        if let Some(d) = close(&fw, &s, max_beside) {
                            cands.push(Candidate {
                                actor,
                                part,
                                distance: d,
                                strong: true,
                                spelling: s,
                                index,
                            });
                        }
                    }
                }
            }
            // Actors mentioned elsewhere — unless the word is part of another person's
            // full name ("Olena Zelenska").
            // A capitalised word beside it (not a title, not a sentence-opening common
            // word): the word is part of a longer name ("Al Jorden", "Olena Zelenska").
            let other_name_beside = [
                prev.filter(|&p| bn.toks.at(p).full_end() == bn.toks.at(p).end()),
                next.filter(|_| !possessive),
            ]
            .into_iter()
            .flatten()
            .any(|n| {
                let nw = &text[bn.toks.at(n).range()];
                bn.toks.at(n).cap()
                    && !draft_actors::is_title(nw)
                    && (!bn.toks.at(n).sent_start() || !lexicon::is_common_word(nw))
            });
            if cands.is_empty() && !other_name_beside && letters >= 4 {
                // Depends on the word alone: worked out once per distinct word.
                let near = near_present
                    .entry((fw.clone(), letters))
                    .or_insert_with(|| {
                        present_index
                            .candidates(&fw)
                            .filter_map(|i| {
                                let (actor, part, index, folded, s) = &present_spellings[i];
                                if (!names.is_person(*actor) && letters < 5)
                                    || folded.len().abs_diff(fw.len()) > 2
                                {
                                    return None;
                                }
                                close_folded(&fw, folded, max).map(|d| Candidate {
                                    actor: *actor,
                                    part: *part,
                                    distance: d,
                                    strong: false,
                                    spelling: s.clone(),
                                    index: *index,
                                })
                            })
                            .collect()
                    });
                cands.extend(near.iter().cloned());
            }
            // Without other evidence: a country or capital (five letters or more), or a
            // person's surname right after a title ("President Erdgoan").
            if cands.is_empty() && !other_name_beside {
                let near = names.kb.near();
                let after_title =
                    prev.is_some_and(|p| draft_actors::is_title(&text[bn.toks.at(p).range()]));
                // A lone capitalised word in running text ("talks in Polnad", "Mexcio's").
                let after = &text[tok.full_end()..];
                let running = segment
                    || (!tok.sent_start() && !prev.is_some_and(|p| bn.toks.at(p).cap()))
                    || possessive
                    || after.starts_with(',');
                let mut lists = Vec::new();
                if running {
                    lists.push(&near.places);
                }
                if after_title {
                    lists.push(&near.surnames);
                }
                for map in lists {
                    let firsts: Vec<char> = fw.chars().take(2).collect();
                    let vowel_first = firsts.first().is_some_and(|c| "aeiouy".contains(*c));
                    let keys: Vec<char> = if vowel_first {
                        "aeiouy".chars().chain(firsts.iter().copied()).collect()
                    } else {
                        firsts.clone()
                    };
                    let mut seen_keys = Vec::new();
                    for k in keys {
                        if seen_keys.contains(&k) {
                            continue;
                        }
                        seen_keys.push(k);
                        for e in map.get(&k).into_iter().flatten() {
                            if e.folded.len().abs_diff(fw.len()) > 1 {
                                continue;
                            }
                            if let Some(d) = close_folded(&fw, &e.folded, 1) {
                                cands.push(Candidate {
                                    actor: ActorRef::Kb(e.actor),
                                    part: e.part,
                                    distance: d,
                                    strong: false,
                                    spelling: e.spelling.clone(),
                                    index: e.index,
                                });
                            }
                        }
                    }
                }
            }
            let mention_count = |a: ActorRef| names.entry(a).map_or(0, |e| e.mentions.len());
            let Some(best) = cands.into_iter().min_by_key(|c| {
                (
                    c.distance,
                    !c.strong,
                    usize::MAX - mention_count(c.actor),
                    c.index,
                )
            }) else {
                continue;
            };
            // A nickname of the name it is close to is a name, not a misspelling.
            let expected = if names.entry(best.actor).is_some() {
                preferred_spelling(cx, names, best.actor, best.part, word)
            } else {
                match best.actor {
                    ActorRef::Kb(a) => names
                        .house_variant(&cx.config.names, a, best.part)
                        .map(|h| part_spellings(names, best.actor, best.part)[h].clone())
                        .unwrap_or(best.spelling.clone()),
                    ActorRef::Draft(_) => best.spelling.clone(),
                }
            };
            // A given name alone between an article and a lowercase word ("a Kier building
            // site"): a company or a thing named so. News calls a person's ally, rally or
            // government by the surname ("a Starmer ally").
            let article_before = prev.is_some_and(|p| {
                matches!(
                    text[bn.toks.at(p).range()].to_lowercase().as_str(),
                    "a" | "an" | "the"
                )
            });
            let lowercase_after = next.is_some_and(|n| {
                !possessive && text[bn.toks.at(n).range()].starts_with(char::is_lowercase)
            });
            if article_before && lowercase_after && given_part(names, best.actor, best.part) {
                continue;
            }
            if expected.is_empty()
                || lexicon::are_nicknames(word, &expected)
                || fold(&expected) == fw
                || (!names.is_person(best.actor)
                    && another_form_of_place(
                        word,
                        &expected,
                        names.entry(best.actor).is_some(),
                        text[tok.full_end()..]
                            .strip_prefix(' ')
                            .is_some_and(|a| a.starts_with(char::is_lowercase)),
                    ))
            {
                continue;
            }
            out.push(Finding {
                range: block.source_range(range.clone()),
                word: word.to_string(),
                expected,
                actor: best.actor,
                strong: best.strong,
                listed: false,
            });
        }
    }
    listed_given_slips(cx, names, &mut out);
    // The draft's own spellings decide between two of its spellings.
    out.retain(|f| !names.spellings.contradicts(&f.word, &f.expected, &f.range));
    // A spelling the draft uses consistently — twice or more, and never the spelling it is
    // close to — names somebody else ("James Comey" throughout is not a misspelled "James
    // Comer" of the knowledge base): the knowledge base beats the draft only when the draft
    // shows its spelling too, or the near miss is a one-off.
    if !out.is_empty() {
        let counts = name_word_counts(cx, names);
        let count = |w: &str| counts.get(fold(w).as_str()).copied().unwrap_or(0);
        out.retain(|f| {
            f.listed
                || count(&f.word) < 2
                || count(&f.expected) > 0
                || names.entry(f.actor).is_some()
        });
        // Another romanisation of the same name ("Pashinian", "Mirziyoev"), in a draft that
        // never writes the knowledge base's spelling: the house may write it so. Beside that
        // spelling it is an inconsistency, flagged as one.
        out.retain(|f| {
            f.listed
                || count(&f.expected) > 0
                || !romanisation_variant(&fold(&f.word), &fold(&f.expected))
        });
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// Two romanisations of one name (folded spellings): they differ only where transliteration
/// tables differ — "ia", "iu", "io", "ie" for "ya", "yu", "yo", "ye" (Pashinian,
/// Pashinyan); "ye" or "e" after a vowel (Mirziyoev, Mirziyoyev; Dostoevsky); "iy", "y" or
/// "i" at the end (Valeriy, Valery, Valeri). One such difference, nothing else.
fn romanisation_variant(a: &str, b: &str) -> bool {
    let one_way = |a: &str, b: &str| {
        const PAIRS: [(&str, &str); 4] = [("ia", "ya"), ("iu", "yu"), ("io", "yo"), ("ie", "ye")];
        let swapped = PAIRS.iter().any(|(x, y)| {
            a.match_indices(x)
                .any(|(i, _)| i > 0 && format!("{}{y}{}", &a[..i], &a[i + 2..]) == b)
        });
        let ye_after_vowel = a.match_indices("ye").any(|(i, _)| {
            a[..i].chars().last().is_some_and(is_vowel)
                && format!("{}{}", &a[..i], &a[i + 1..]) == b
        });
        let ending = [("iy", "y"), ("iy", "i"), ("y", "i")].iter().any(|(x, y)| {
            a.strip_suffix(x)
                .is_some_and(|stem| stem.len() >= 3 && format!("{stem}{y}") == b)
        });
        swapped || ye_after_vowel || ending
    };
    a != b && (one_way(a, b) || one_way(b, a))
}

/// A listed given name or romanisation right before a knowledge-base person's surname, one
/// letter inside the person's given name, which no list knows ("Baris Dubrovsky" for Boris
/// Dubrovsky): as a name it is no unknown word, but written as that person's given name it
/// is a slip. Two listed names are two people's (a relative, "Jon" and "John"), and the
/// edit must be inside the name, not in an ending that makes another name.
fn listed_given_slips(cx: &Context, names: &Names, out: &mut Vec<Finding>) {
    let listed = |w: &str| lexicon::is_known_given_name(w) || lexicon::is_name_variant_form(w);
    for (bn, block) in names.blocks.iter().zip(&cx.doc.blocks) {
        let text = block.text.as_str();
        for t in 0..bn.toks.len().saturating_sub(1) {
            let (tok, next) = (&bn.toks.at(t), &bn.toks.at(t + 1));
            // The word right before a knowledge-base name word, itself no name word known.
            let Some(p) = bn.tok_pattern.get(t + 1).get() else {
                continue;
            };
            if !tok.cap()
                || tok.full_end() != tok.end()
                || text.get(tok.end()..next.start()) != Some(" ")
                || bn.tok_mention.get(t).get().is_some()
                || bn.tok_pattern.get(t).get().is_some()
            {
                continue;
            }
            let word = &text[tok.range()];
            if !listed(word) || lexicon::is_common_word(word) || accepted(cx, word) {
                continue;
            }
            let fw = fold(word);
            let slip = |v: &String| {
                let fv = fold(v);
                crate::names::spellings::one_edit(&fw, &fv)
                    && fw.chars().rev().take(2).eq(fv.chars().rev().take(2))
                    && !listed(v)
            };
            // The people whose surname the next word is, with a given name the word is a
            // slip of: one, or nothing to choose.
            let mut people = names.kb.matcher.patterns[p as usize]
                .targets
                .iter()
                .take(64)
                .filter_map(|target| {
                    let crate::names::matcher::TargetKind::Part { part, .. } = target.kind else {
                        return None;
                    };
                    let actor = &names.kb.actors[target.actor as usize];
                    if actor.kind != crate::names::kb::Kind::Person
                        || actor.surname_part() != Some(part as usize)
                    {
                        return None;
                    }
                    let gp = actor.parts.iter().position(|x| x.part == "given")?;
                    actor.parts[gp]
                        .variants
                        .iter()
                        .any(slip)
                        .then_some((ActorRef::Kb(target.actor), gp))
                });
            let (Some((actor, gp)), None) = (people.next(), people.next()) else {
                continue;
            };
            let expected = preferred_spelling(cx, names, actor, gp, word);
            if expected.is_empty() || fold(&expected) == fw {
                continue;
            }
            out.push(Finding {
                range: block.source_range(tok.range()),
                word: word.to_string(),
                expected,
                actor,
                strong: true,
                listed: false,
            });
        }
    }
}

/// How often the draft writes each capitalised word (folded), for the findings to weigh the
/// draft's own usage.
fn name_word_counts(cx: &Context, names: &Names) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for (bn, block) in names.blocks.iter().zip(&cx.doc.blocks) {
        for tok in bn.toks.iter().filter(|t| t.cap()) {
            *counts.entry(fold(&block.text[tok.range()])).or_default() += 1;
        }
    }
    counts
}

/// Whether a word one edit from a place's name is another word made from it or beside it,
/// not a misspelling: a demonym ("Omani", "Yemeni", "Cuban"), the place's name cut short
/// to four letters or fewer where the draft does not name the place (the shorter, the
/// likelier another town: "Beni" for Benin) or before a noun (an adjective: "the Myanma
/// embassy"), or a plural ("APIs", "Samoas"). `present`: the draft names the place;
/// `attributive`: a lowercase word follows.
fn another_form_of_place(word: &str, place: &str, present: bool, attributive: bool) -> bool {
    let (w, p) = (fold(word), fold(place));
    if let Some(added) = w.strip_prefix(p.as_str()) {
        if matches!(added, "i" | "n") && !p.ends_with(added) {
            return true;
        }
    }
    if p.starts_with(w.as_str()) && ((!present && w.chars().count() <= 4) || attributive) {
        return true;
    }
    // An acronym's plural: capitals, then a lowercase s.
    let acronym_plural = word
        .strip_suffix('s')
        .is_some_and(|stem| stem.chars().count() >= 2 && stem.chars().all(|c| c.is_uppercase()));
    acronym_plural
        || word
            .strip_suffix('s')
            .is_some_and(lexicon::is_dictionary_word)
}

/// Folded spellings by their first and second letters, to visit only those that
/// [`close_folded`] can accept for a word (same first letter, a swapped first pair, or two
/// first vowels) instead of every spelling of every actor in the draft.
struct FirstLetters {
    first: HashMap<char, Vec<usize>>,
    second: HashMap<char, Vec<usize>>,
}

impl FirstLetters {
    fn new<'a>(spellings: impl Iterator<Item = &'a str>) -> Self {
        let mut index = FirstLetters {
            first: HashMap::new(),
            second: HashMap::new(),
        };
        for (i, s) in spellings.enumerate() {
            let mut c = s.chars();
            if let Some(c0) = c.next() {
                index.first.entry(c0).or_default().push(i);
            }
            if let Some(c1) = c.next() {
                index.second.entry(c1).or_default().push(i);
            }
        }
        index
    }

    /// Indices of the spellings worth comparing with the folded word `fw`, in order.
    fn candidates(&self, fw: &str) -> impl Iterator<Item = usize> {
        let mut c = fw.chars();
        let (a0, a1) = (c.next(), c.next());
        let mut firsts: Vec<char> = a0.into_iter().chain(a1).collect();
        if a0.is_some_and(is_vowel) {
            firsts.extend(VOWELS.chars());
        }
        let mut out: Vec<usize> = firsts
            .iter()
            .filter_map(|c| self.first.get(c))
            .chain(a0.and_then(|c| self.second.get(&c)))
            .flatten()
            .copied()
            .collect();
        out.sort_unstable();
        out.dedup();
        out.into_iter()
    }
}

const VOWELS: &str = "aeiouy";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// Distance between a folded word and a spelling, if within `max` edits (scaled to the
/// shorter of the two).
fn close(fw: &str, spelling: &str, max: usize) -> Option<usize> {
    close_folded(fw, &fold(spelling), max)
}

/// [`close`] for an already folded spelling.
fn close_folded(fw: &str, fs: &str, max: usize) -> Option<usize> {
    if fs == fw || fs.contains(' ') || fw.len().abs_diff(fs.len()) > 2 * max {
        return None;
    }
    // Names sharing neither first letter nor a swapped first pair are different names
    // ("Maas"/"Haas"), unless both start with a vowel (a wrong first vowel).
    let (mut a, mut b) = (fw.chars(), fs.chars());
    let (a0, a1, b0, b1) = (a.next(), a.next(), b.next(), b.next());
    let vowel = |c: Option<char>| c.is_some_and(is_vowel);
    if a0 != b0 && a1 != b0 && a0 != b1 && !(vowel(a0) && vowel(b0)) {
        return None;
    }
    // Plurals: "the Bidens".
    if fw.strip_suffix('s') == Some(fs) || fw.strip_suffix("es") == Some(fs) {
        return None;
    }
    let max = max.min(distance::max_edits(
        fs.chars().filter(|c| c.is_alphabetic()).count(),
    ));
    if max == 0 {
        return None;
    }
    distance::within(fw, fs, max).filter(|&d| d > 0)
}

/// Where each flagged word occurs in the draft (source ranges), for the fix that respells
/// it everywhere: one pass over the words of the draft, however many findings there are.
fn occurrences<'f>(
    cx: &Context,
    names: &Names,
    found: &'f [Finding],
) -> HashMap<&'f str, Vec<Range<usize>>> {
    let mut map: HashMap<&str, Vec<Range<usize>>> = found
        .iter()
        .map(|f| (f.word.as_str(), Vec::new()))
        .collect();
    if map.is_empty() {
        return map;
    }
    for (bn, block) in names.blocks.iter().zip(&cx.doc.blocks) {
        for tok in bn.toks.iter() {
            if let Some(v) = map.get_mut(&block.text[tok.range()]) {
                v.push(block.source_range(tok.range()));
            }
        }
    }
    map
}

/// The diagnostic for a finding; `everywhere` lists every occurrence of the word.
fn diagnostic(names: &Names, f: &Finding, everywhere: &[Range<usize>]) -> Diagnostic {
    let who = names.display_name(f.actor);
    let count = everywhere.len();
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
            edits: everywhere
                .iter()
                .map(|r| Edit::replace(r.clone(), f.expected.clone()))
                .collect(),
        });
    }
    d
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::*;
    use crate::{analyze, Config, Document};

    fn flagged_with(src: &str, config: &Config) -> Vec<(String, String)> {
        flagged_data("name.misspelled", src, config, "expected")
    }

    fn flagged(src: &str) -> Vec<(String, String)> {
        flagged_with(src, &Config::default())
    }

    fn messages(src: &str) -> Vec<String> {
        let doc = Document::parse(src);
        analyze(&doc, &Config::default())
            .into_iter()
            .filter(|d| d.rule.starts_with("name."))
            .map(|d| format!("{} {}: {}", d.rule, &src[d.range.clone()], d.message))
            .collect()
    }

    #[test]
    fn another_romanisation_of_a_known_name_is_left_alone_unless_the_draft_mixes_them() {
        assert!(super::romanisation_variant("pashinian", "pashinyan"));
        assert!(super::romanisation_variant("mirziyoev", "mirziyoyev"));
        assert!(super::romanisation_variant("valeriy", "valery"));
        for (a, b) in [
            ("pashinyen", "pashinyan"),
            ("shahbaz", "shehbaz"),
            ("zelenksy", "zelensky"),
            ("iakov", "yakov"),
        ] {
            assert!(!super::romanisation_variant(a, b), "{a} {b}");
        }
        for src in [
            "Armenian Prime Minister Nikol Pashinian said a treaty was ready.\n",
            "Uzbek President Shavkat Mirziyoev opened an airport.\n",
        ] {
            assert_eq!(flagged(src), [], "{src}");
        }
        // Beside the knowledge base's spelling it is an inconsistency; a vowel slip is a slip.
        assert!(!messages(
            "Nikol Pashinyan spoke on Monday. Later Pashinian said a treaty was ready.\n"
        )
        .is_empty());
        assert_eq!(
            flagged("Armenian Prime Minister Nikol Pashinyen said a treaty was ready.\n"),
            [("Pashinyen".to_string(), "Pashinyan".to_string())]
        );
    }

    #[test]
    fn a_given_name_between_an_article_and_a_noun_names_a_thing() {
        // Invented: a company named like a known person's given name.
        assert_eq!(
            flagged("Keir Starmer spoke in Leeds. Workers at the Kier depot in Hull cheered.\n"),
            []
        );
        // Alone after the person, it is still the person's slipped name.
        assert_eq!(
            flagged("Keir Starmer spoke in Leeds. Later Kier said the vote was close.\n"),
            [("Kier".to_string(), "Keir".to_string())]
        );
    }

    #[test]
    fn an_accent_on_the_wrong_letter_of_a_known_name_is_a_slip() {
        assert_eq!(
            flagged("Spanish Prime Minister Pedro Sanchéz spoke on Monday.\n"),
            [("Sanchéz".to_string(), "Sánchez".to_string())]
        );
        // No accent, or the name's own: left alone.
        assert_eq!(flagged("Spanish Prime Minister Pedro Sanchez spoke.\n"), []);
        assert_eq!(flagged("Spanish Prime Minister Pedro Sánchez spoke.\n"), []);
    }

    #[test]
    fn a_listed_name_written_for_a_known_persons_given_name_is_a_slip() {
        // "Baris" is a romanisation of its own, but before Gryzlov it is a slip for Boris.
        assert_eq!(
            flagged("The speaker, Baris Gryzlov, opened the session."),
            [("Baris".to_string(), "Boris".to_string())]
        );
        // Another listed name, not one letter inside his: somebody else.
        assert!(flagged("The speaker, Doris Gryzlov, opened the session.").is_empty());
    }

    #[test]
    fn a_source_spelling_repeated_in_its_own_quotation_is_left_alone() {
        // The statement's own transliteration, twice, inside the quotation: not a slip.
        let src =
            "Ahmed bin Qarshawi founded the group. Qarshawi died in 2011. Qarshawi was 54.\n\n\
            The ministry's statement read: \"Ahmed bin Qarshavi, the founder, is dead. The loss of \
            Qarshavi deprives the group of its leader.\"\n";
        assert_eq!(messages(src), Vec::<String>::new());
        // Once inside a quotation it is still a likely typo, and the label is the person's
        // full name with its particle.
        let src =
            "Ahmed bin Qarshawi founded the group. Qarshawi died in 2011. Qarshawi was 54.\n\n\
            The ministry said: \"Ahmed bin Qarshavi is dead.\"\n";
        assert_eq!(
            messages(src),
            ["name.misspelled Qarshavi: “Qarshavi” looks like a misspelling of “Qarshawi” (Ahmed bin Qarshawi): the draft writes “Qarshawi” 3 times and “Qarshavi” once."]
        );
        // The writer's bracketed insertion in a quotation is the writer's text.
        let src = "Bashar Kadrov spoke. Kadrov left. Kadrov returned.\n\n\
            He said: \"I told [Kadrof] so, and [Kadrof] agreed.\"\n";
        assert_eq!(
            flagged(src),
            pairs(&[("Kadrof", "Kadrov"), ("Kadrof", "Kadrov")])
        );
        // Twice in the writer's own text is still a minority spelling.
        let src = "Ahmed bin Qarshawi founded the group. Qarshawi died. Qarshawi was 54. \
            Qarshavi had fled. Qarshavi hid.\n";
        assert_eq!(
            flagged(src),
            pairs(&[("Qarshavi", "Qarshawi"), ("Qarshavi", "Qarshawi")])
        );
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
        // A person the draft introduced, whose name the draft spells one way more often.
        assert_eq!(
            flagged(
                "Kremlin spokesman Ivan Petrenko spoke. Petrneko later denied it. Petrenko left.\n"
            ),
            pairs(&[("Petrneko", "Petrenko")])
        );
        // Anybody the draft names in full, introduced or not.
        assert_eq!(
            flagged("Joe Biden spoke. Later Joe Bidan spoke again.\n"),
            pairs(&[("Bidan", "Biden")])
        );
        assert_eq!(
            flagged("Hillary Clinton spoke. Clinton left. Clniton returned.\n"),
            pairs(&[("Clniton", "Clinton")])
        );
        assert_eq!(
            flagged("James Comey spoke. Jammes Comey left. Comey said no.\n"),
            pairs(&[("Jammes", "James")])
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
    fn demonyms_plurals_and_towns_are_not_misspelled_places() {
        assert!(flagged("Omani officials met in Muscat. Oman agreed.\n").is_empty());
        assert!(flagged("The Myanma embassy said pilgrims from Myanmar died.\n").is_empty());
        assert!(flagged("Rebels attacked Beni, a town in the east.\n").is_empty());
        assert!(flagged("The APIs of the service changed.\n").is_empty());
        // A misspelled place is still one.
        assert_eq!(
            flagged("Talks in Polnad went on.\n"),
            pairs(&[("Polnad", "Poland")])
        );
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
        let (fixed, _) = crate::fix::apply_edits(src, &d.fixes[1].edits);
        assert_eq!(
            fixed,
            "Volodymyr Zelensky spoke. Zelensky left. Zelensky came back.\n"
        );
    }
}
