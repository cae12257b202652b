//! Names across the desk: how each person is spelled in every draft a run (or the language
//! server's workspace) reads, and which drafts spell a person differently from the rest.
//!
//! Two steps, so a shell can analyse drafts in parallel and compare them cheaply:
//! 1. [`DraftNames::of`] — per draft, from its own name analysis: each person it names and
//!    the spelling it gives each name part, with every place it writes it. Small (a few
//!    hundred bytes a person) and independent of every other draft.
//! 2. [`DeskIndex`] — the drafts' spellings merged: for each person and name part, which
//!    drafts write which spelling. [`DeskIndex::compare`] then asks, for one draft, whether
//!    the rest of the desk clearly spells one of its people another way.
//!
//! Who counts as the same person in two drafts, precision first:
//! - a knowledge-base person: the same knowledge-base entry (by id); any two of its
//!   accepted spellings are variants of one name;
//! - a person a draft introduced: the same given name (compared folded) and surnames one
//!   edit apart ([`super::spellings::one_edit`]), each at least five letters, the flagged
//!   one no dictionary word or known given name. Two people who share a surname have two
//!   given names, and are never compared; "Ivan Petrenko" and "Ivan Petrenco" are.
//!
//! When the desk's spelling wins: a house spelling (`[names] prefer`) used by another
//! draft, or else a spelling at least two other drafts use, and at least twice as many as
//! use this draft's (itself counted). A part the draft itself writes two ways is
//! `name.inconsistent`'s, and a knowledge-base part with a house spelling too.
//!
//! Pure: no files, no threads. The CLI and the language server feed it.

use super::kb::Kind;
use super::spellings::one_edit;
use super::{lexicon, particle_key, ActorRef, Names, NamesConfig};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Who a person is, across drafts.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeskKey {
    /// A knowledge-base entry, by its id.
    Kb(String),
    /// A person a draft introduced, by their given name (folded).
    Given(String),
}

/// One name part of a person, as one draft writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskPart {
    /// `given`, `surname`, … (the knowledge base's part names).
    pub part: String,
    /// Its index among the actor's parts in this draft's analysis ([`super::PartUse::part`]).
    pub index: usize,
    /// The draft's spelling (its most frequent; the first on a tie), as written.
    pub spelling: String,
    /// Compared without case, accents or a leading particle (al-Assad is Assad).
    pub folded: String,
    /// The draft writes this part two ways: `name.inconsistent` deals with it.
    pub mixed: bool,
    /// The house spelling decides this part (a knowledge-base part with a `[names] prefer`
    /// entry): `name.inconsistent` deals with it.
    pub house_decided: bool,
    /// A dictionary word or known given name: never flagged as a slip.
    pub known_word: bool,
    /// Every place the draft writes this part this way, in source order.
    pub uses: Vec<Range<usize>>,
}

/// A person one draft names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskActor {
    pub key: DeskKey,
    /// The actor in this draft's own analysis.
    pub local: ActorRef,
    /// How the draft names them in full (or the knowledge base's name).
    pub name: String,
    pub parts: Vec<DeskPart>,
}

/// What one draft contributes to the desk: its people and their spellings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DraftNames {
    pub actors: Vec<DeskActor>,
}

/// Fewest letters of a surname compared across drafts: one edit in a shorter name (Lee,
/// Lea) is too often another person.
const MIN_LETTERS: usize = 5;

impl DraftNames {
    /// The people a draft names, from its name analysis.
    pub fn of(names: &Names, config: &NamesConfig) -> DraftNames {
        let mut actors = Vec::new();
        // The draft's own spelling clusters may see another spelling where the mentions do
        // not (a surname alone, written another way): such a part is mixed too.
        let respelled: HashSet<String> = names
            .spellings
            .respellings
            .iter()
            .flat_map(|r| [particle_key(&r.word), particle_key(&r.expected)])
            .collect();
        for e in &names.entries {
            if !names.is_person(e.actor) {
                continue;
            }
            let (key, part_names): (DeskKey, Vec<String>) = match e.actor {
                ActorRef::Kb(a) => {
                    let actor = &names.kb.actors[a as usize];
                    if actor.kind != Kind::Person {
                        continue;
                    }
                    (
                        DeskKey::Kb(actor.id.clone()),
                        actor.parts.iter().map(|p| p.part.clone()).collect(),
                    )
                }
                ActorRef::Draft(d) => {
                    let actor = &names.draft_actors[d as usize];
                    // A draft person is known by their given name; only the surname is
                    // compared.
                    let Some(given) = actor.parts.first().and_then(|p| p.folded.first()) else {
                        continue;
                    };
                    if given.is_empty() || actor.parts.len() < 2 {
                        continue;
                    }
                    (
                        DeskKey::Given(given.clone()),
                        actor.parts.iter().map(|p| p.part.to_string()).collect(),
                    )
                }
            };
            let mut parts = Vec::new();
            for (pi, part) in part_names.iter().enumerate() {
                if matches!(key, DeskKey::Given(_)) && pi == 0 {
                    continue;
                }
                // (folded, as written, uses), first written first.
                let mut spellings: Vec<(String, &str, Vec<Range<usize>>)> = Vec::new();
                for p in e
                    .mentions
                    .iter()
                    .flat_map(|&mi| names.mentions[mi].parts.iter())
                    .filter(|p| p.part == pi && !p.misspelling)
                {
                    let f = particle_key(&p.spelling);
                    match spellings.iter_mut().find(|s| s.0 == f) {
                        Some(s) => s.2.push(p.range.clone()),
                        None => spellings.push((f, &p.spelling, vec![p.range.clone()])),
                    }
                }
                let mixed = spellings.len() > 1;
                let Some(best) = spellings
                    .iter()
                    .enumerate()
                    .max_by_key(|(i, s)| (s.2.len(), std::cmp::Reverse(*i)))
                    .map(|(i, _)| i)
                else {
                    continue;
                };
                let (folded, written, mut uses) = spellings.swap_remove(best);
                let mixed = mixed || respelled.contains(&folded);
                uses.sort_by_key(|r| r.start);
                let house_decided = match e.actor {
                    ActorRef::Kb(a) => names.house_variant(config, a, pi).is_some(),
                    ActorRef::Draft(_) => false,
                };
                let known_word =
                    lexicon::is_dictionary_word(written) || lexicon::is_known_given_name(written);
                parts.push(DeskPart {
                    part: part.clone(),
                    index: pi,
                    spelling: written.to_string(),
                    folded,
                    mixed,
                    house_decided,
                    known_word,
                    uses,
                });
            }
            if !parts.is_empty() {
                actors.push(DeskActor {
                    key,
                    local: e.actor,
                    name: names.display_name(e.actor),
                    parts,
                });
            }
        }
        DraftNames { actors }
    }

    /// Bytes this summary holds, roughly (for the index's growth figures).
    pub fn heap_size(&self) -> usize {
        self.actors
            .iter()
            .map(|a| {
                std::mem::size_of::<DeskActor>()
                    + a.name.len()
                    + a.parts
                        .iter()
                        .map(|p| {
                            std::mem::size_of::<DeskPart>()
                                + p.part.len()
                                + p.spelling.len()
                                + p.folded.len()
                                + p.uses.len() * std::mem::size_of::<Range<usize>>()
                        })
                        .sum::<usize>()
            })
            .sum()
    }
}

/// The drafts that write one spelling of a part.
#[derive(Debug, Clone, Default)]
struct Spelled {
    written: String,
    /// Draft ids, ascending (drafts are added in order).
    drafts: Vec<u32>,
}

/// Every draft's spellings, merged: for each person and name part, which drafts write
/// which spelling.
#[derive(Debug, Default)]
pub struct DeskIndex {
    labels: Vec<String>,
    ids: HashMap<String, u32>,
    /// (person, part) → folded spelling → the drafts that write it.
    parts: HashMap<(DeskKey, String), HashMap<String, Spelled>>,
}

/// A draft that spells a person differently from the rest of the desk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskFinding {
    /// The person, as this draft names them.
    pub actor: String,
    pub part: String,
    /// This draft's spelling, and every place it writes it.
    pub spelling: String,
    pub uses: Vec<Range<usize>>,
    /// The desk's spelling.
    pub expected: String,
    /// The house style (`[names] prefer`) chose it, not the count.
    pub house: bool,
    /// The other drafts that write it the desk's way (labels, in the order added).
    pub drafts: Vec<String>,
    /// Other drafts that write it this draft's way.
    pub same_as_this: usize,
}

/// A person's part as the desk writes it, for hover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeskSpelling {
    pub spelling: String,
    /// The drafts that write it (labels).
    pub drafts: Vec<String>,
}

impl DeskIndex {
    pub fn new() -> DeskIndex {
        DeskIndex::default()
    }

    /// Drafts in the index.
    pub fn len(&self) -> usize {
        self.labels.len()
    }

    pub fn is_empty(&self) -> bool {
        self.labels.is_empty()
    }

    /// Add a draft under `label` (its path as reported). A label added twice counts once,
    /// with the spellings of both.
    pub fn add(&mut self, label: &str, names: &DraftNames) {
        let id = match self.ids.get(label) {
            Some(&id) => id,
            None => {
                let id = self.labels.len() as u32;
                self.labels.push(label.to_string());
                self.ids.insert(label.to_string(), id);
                id
            }
        };
        for a in &names.actors {
            for p in &a.parts {
                if p.mixed {
                    continue;
                }
                let s = self
                    .parts
                    .entry((a.key.clone(), p.part.clone()))
                    .or_default()
                    .entry(p.folded.clone())
                    .or_default();
                if s.written.is_empty() {
                    s.written = p.spelling.clone();
                }
                if s.drafts.last() != Some(&id) && !s.drafts.contains(&id) {
                    s.drafts.push(id);
                }
            }
        }
    }

    /// The spellings of `part` that stand for the same name as `folded` in the desk: for a
    /// knowledge-base person all of them; for a draft person those one edit away.
    fn candidates<'a>(
        &'a self,
        key: &DeskKey,
        part: &str,
        folded: &'a str,
    ) -> impl Iterator<Item = (&'a String, &'a Spelled)> + 'a {
        let kb = matches!(key, DeskKey::Kb(_));
        self.parts
            .get(&(key.clone(), part.to_string()))
            .into_iter()
            .flat_map(|m| m.iter())
            .filter(move |(f, _)| {
                f.as_str() == folded
                    || kb
                    || (letters(f) >= MIN_LETTERS
                        && letters(folded) >= MIN_LETTERS
                        && one_edit(folded, f))
            })
    }

    /// Where one draft (`label`, whose own indexed spellings are left out; `None` for a
    /// draft not in the index) spells a person differently from the rest of the desk.
    pub fn compare(
        &self,
        label: Option<&str>,
        names: &DraftNames,
        config: &NamesConfig,
    ) -> Vec<DeskFinding> {
        let me = label.and_then(|l| self.ids.get(l)).copied();
        let others = |s: &Spelled| s.drafts.iter().filter(|&&d| Some(d) != me).count();
        let house: Vec<String> = config.prefer.iter().map(|p| particle_key(p)).collect();
        let mut out = Vec::new();
        for a in &names.actors {
            for p in &a.parts {
                if p.mixed || p.house_decided || house.contains(&p.folded) {
                    continue;
                }
                if matches!(a.key, DeskKey::Given(_)) && p.known_word {
                    continue;
                }
                let mut same = 0;
                let mut rivals: Vec<(&Spelled, usize)> = Vec::new();
                for (f, s) in self.candidates(&a.key, &p.part, &p.folded) {
                    let n = others(s);
                    if *f == p.folded {
                        same = n;
                    } else if n > 0 {
                        rivals.push((s, n));
                    }
                }
                let by_house = rivals
                    .iter()
                    .find(|(s, _)| house.contains(&particle_key(&s.written)));
                let chosen = match by_house {
                    Some(&(s, _)) => Some((s, true)),
                    None => {
                        rivals.sort_by_key(|r| std::cmp::Reverse(r.1));
                        match rivals.as_slice() {
                            [(s, n), rest @ ..]
                                if *n >= 2
                                    && *n >= 2 * (same + 1)
                                    && rest.first().is_none_or(|r| r.1 < *n) =>
                            {
                                Some((*s, false))
                            }
                            _ => None,
                        }
                    }
                };
                let Some((s, house)) = chosen else {
                    continue;
                };
                out.push(DeskFinding {
                    actor: a.name.clone(),
                    part: p.part.clone(),
                    spelling: p.spelling.clone(),
                    uses: p.uses.clone(),
                    expected: s.written.clone(),
                    house,
                    drafts: self.labels_except(s, me),
                    same_as_this: same,
                });
            }
        }
        out
    }

    /// The labels of the drafts that write spelling `s`, leaving out draft `me`.
    fn labels_except(&self, s: &Spelled, me: Option<u32>) -> Vec<String> {
        s.drafts
            .iter()
            .filter(|&&d| Some(d) != me)
            .map(|&d| self.labels[d as usize].clone())
            .collect()
    }

    /// The folded spellings the desk has that stand for the same name as `folded` (it
    /// included, when the desk has it).
    pub fn same_name(&self, key: &DeskKey, part: &str, folded: &str) -> Vec<String> {
        let mut v: Vec<String> = self
            .candidates(key, part, folded)
            .map(|(f, _)| f.clone())
            .collect();
        if !v.iter().any(|f| f == folded) {
            v.push(folded.to_string());
        }
        v.sort();
        v
    }

    /// How the desk spells each part of a person (most drafts first), leaving out `label`'s.
    pub fn spellings(
        &self,
        label: Option<&str>,
        key: &DeskKey,
        part: &str,
        folded: &str,
    ) -> Vec<DeskSpelling> {
        let me = label.and_then(|l| self.ids.get(l)).copied();
        let mut v: Vec<DeskSpelling> = self
            .candidates(key, part, folded)
            .map(|(_, s)| DeskSpelling {
                spelling: s.written.clone(),
                drafts: self.labels_except(s, me),
            })
            .filter(|s| !s.drafts.is_empty())
            .collect();
        v.sort_by(|a, b| {
            b.drafts
                .len()
                .cmp(&a.drafts.len())
                .then(a.spelling.cmp(&b.spelling))
        });
        v
    }
}

fn letters(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Config, Context, Document};

    fn draft(text: &str, config: &Config) -> DraftNames {
        let doc = Document::parse(text.to_string());
        let cx = Context::new(&doc, config);
        DraftNames::of(cx.names(), &config.names)
    }

    fn desk(drafts: &[(&str, &str)], config: &Config) -> (DeskIndex, Vec<DraftNames>) {
        let mut index = DeskIndex::new();
        let mut all = Vec::new();
        for (label, text) in drafts {
            let d = draft(text, config);
            index.add(label, &d);
            all.push(d);
        }
        (index, all)
    }

    fn found(drafts: &[(&str, &str)], config: &Config) -> Vec<(String, String, String)> {
        let (index, all) = desk(drafts, config);
        drafts
            .iter()
            .zip(&all)
            .flat_map(|((label, _), d)| {
                index
                    .compare(Some(label), d, &config.names)
                    .into_iter()
                    .map(|f| (label.to_string(), f.spelling, f.expected))
            })
            .collect()
    }

    const PETRENKO: &str = "Ivan Petrenko, the mayor, said the budget was late. Petrenko left.\n";
    const PETRENCO: &str = "Ivan Petrenco, the mayor, opened the bridge. Petrenco smiled.\n";

    #[test]
    fn a_draft_person_spelled_one_edit_off_the_desk_majority_is_flagged() {
        let config = Config::default();
        let drafts = [("a.md", PETRENKO), ("b.md", PETRENKO), ("c.md", PETRENCO)];
        assert_eq!(
            found(&drafts, &config),
            [("c.md".into(), "Petrenco".into(), "Petrenko".into())]
        );
        let (index, all) = desk(&drafts, &config);
        let f = &index.compare(Some("c.md"), &all[2], &config.names)[0];
        assert_eq!(f.drafts, ["a.md", "b.md"]);
        assert_eq!((f.house, f.same_as_this, f.uses.len()), (false, 0, 2));
        assert_eq!(f.actor, "Ivan Petrenco");
    }

    #[test]
    fn no_clear_majority_flags_nothing() {
        let config = Config::default();
        // One against one, and two against one-plus-this.
        assert!(found(&[("a.md", PETRENKO), ("c.md", PETRENCO)], &config).is_empty());
        let drafts = [
            ("a.md", PETRENKO),
            ("b.md", PETRENKO),
            ("c.md", PETRENCO),
            ("d.md", PETRENCO),
        ];
        assert!(found(&drafts, &config).is_empty());
    }

    #[test]
    fn two_people_who_share_a_surname_are_never_compared() {
        let config = Config::default();
        let olga = "Olga Petrenco, a teacher, said the school was cold.\n";
        let drafts = [("a.md", PETRENKO), ("b.md", PETRENKO), ("c.md", olga)];
        assert!(found(&drafts, &config).is_empty());
    }

    #[test]
    fn the_house_spelling_wins_over_the_count() {
        let mut config = Config::default();
        config.names.prefer = vec!["Petrenco".into()];
        let drafts = [("a.md", PETRENKO), ("b.md", PETRENKO), ("c.md", PETRENCO)];
        let got = found(&drafts, &config);
        assert_eq!(
            got,
            [
                ("a.md".into(), "Petrenko".into(), "Petrenco".into()),
                ("b.md".into(), "Petrenko".into(), "Petrenco".into())
            ]
        );
    }

    #[test]
    fn knowledge_base_variants_follow_the_desk() {
        let config = Config::default();
        let a = "Volodymyr Zelensky spoke in Kyiv on Monday. Zelensky left.\n";
        let b = "Volodymyr Zelenskiy spoke to reporters. Zelenskiy smiled.\n";
        let drafts = [("a.md", a), ("b.md", a), ("c.md", b)];
        assert_eq!(
            found(&drafts, &config),
            [("c.md".into(), "Zelenskiy".into(), "Zelensky".into())]
        );
        // With a house spelling, name.inconsistent already flags each draft: not again.
        let mut config = Config::default();
        config.names.prefer = vec!["Zelenskyy".into()];
        assert!(found(&drafts, &config).is_empty());
    }

    #[test]
    fn a_draft_that_mixes_two_spellings_is_left_to_name_inconsistent() {
        let config = Config::default();
        let mixed = "Ivan Petrenco, the mayor, spoke. Petrenko left. Petrenco came back.\n";
        let d = draft(mixed, &config);
        assert!(d.actors[0].parts[0].mixed);
        let drafts = [("a.md", PETRENKO), ("b.md", PETRENKO), ("c.md", mixed)];
        assert!(found(&drafts, &config).is_empty());
    }

    #[test]
    fn a_draft_not_in_the_index_is_compared_with_all_of_it() {
        let config = Config::default();
        let (index, _) = desk(&[("a.md", PETRENKO), ("b.md", PETRENKO)], &config);
        let open = draft(PETRENCO, &config);
        assert_eq!(index.compare(None, &open, &config.names).len(), 1);
        assert_eq!(index.compare(Some("new.md"), &open, &config.names).len(), 1);
        let s = index.spellings(None, &open.actors[0].key, "surname", "petrenco");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].spelling, "Petrenko");
        assert_eq!(s[0].drafts, ["a.md", "b.md"]);
    }
}
