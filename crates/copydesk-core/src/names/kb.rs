//! The actor knowledge base: the shipped `data/kb/actors.json` (embedded, parsed once) with a
//! newsroom's actor files merged over it by id. The format is documented in
//! `data/kb/FORMAT.md`; newsroom files use the same fields (see `docs/notes/names.md`).

use super::matcher::Matcher;
use super::BlockScan;
use crate::memo::BlockMemo;
use serde::Deserialize;
use std::sync::{Arc, LazyLock, OnceLock};

/// The shipped knowledge base, exactly as built by `scripts/kb/build_kb.py`.
pub static DEFAULT_JSON: &[u8] = include_bytes!("../../data/kb/actors.json");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organisation,
    Place,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organisation => "organisation",
            Kind::Place => "place",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// `given`, `surname` or `name`.
    pub part: String,
    /// Accepted spellings; the first is the display form.
    pub variants: Vec<String>,
    #[serde(default)]
    pub misspellings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub title: String,
    #[serde(default, rename = "type")]
    pub kind: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub org: Option<String>,
    #[serde(default)]
    pub start: Option<String>,
    #[serde(default)]
    pub end: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceFact {
    pub fact: String,
    pub source: String,
    #[serde(default)]
    pub as_of: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Actor {
    pub id: String,
    pub kind: Kind,
    pub name: String,
    #[serde(default)]
    pub country: Option<String>,
    pub parts: Vec<Part>,
    #[serde(default)]
    pub full_variants: Vec<String>,
    #[serde(default)]
    pub roles: Vec<Role>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceFact>,
}

impl Actor {
    /// The part index of the surname (or single name).
    pub fn surname_part(&self) -> Option<usize> {
        self.parts
            .iter()
            .position(|p| p.part == "surname")
            .or_else(|| (self.parts.len() == 1).then_some(0))
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BuiltFrom {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub licence: Option<String>,
    #[serde(default)]
    pub as_of: Option<String>,
}

#[derive(Debug, Deserialize)]
struct KbFile {
    #[allow(dead_code)]
    version: u32,
    #[serde(default)]
    built_from: Vec<BuiltFrom>,
    actors: Vec<Actor>,
}

/// One actor in a newsroom file: `id` picks the actor to override (or adds a new one); every
/// other field given replaces the shipped one. `remove = true` drops a shipped actor.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActorPatch {
    pub id: String,
    #[serde(default)]
    pub remove: bool,
    #[serde(default)]
    pub kind: Option<Kind>,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub country: Option<String>,
    #[serde(default)]
    pub parts: Option<Vec<Part>>,
    #[serde(default)]
    pub full_variants: Option<Vec<String>>,
    #[serde(default)]
    pub roles: Option<Vec<Role>>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub sources: Option<Vec<SourceFact>>,
    /// Where the patch came from (file name), for hover: "facts from the newsroom file …".
    #[serde(skip)]
    pub origin: String,
}

/// A newsroom actor file, TOML (`[[actors]]`) or JSON (`{"actors": [...]}`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PatchFile {
    #[serde(default)]
    actors: Vec<ActorPatch>,
}

/// An actor file that could not be read, with its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorFileError {
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
}

/// Parse one newsroom actor file. `json` chooses the syntax. Errors carry 1-based line/column.
pub fn parse_actor_file(
    text: &str,
    json: bool,
    origin: &str,
) -> Result<Vec<ActorPatch>, ActorFileError> {
    let mut patches = if json {
        serde_json::from_str::<PatchFile>(text).map_err(|e| ActorFileError {
            line: Some(e.line()),
            column: Some(e.column()),
            message: e.to_string(),
        })?
    } else {
        toml::from_str::<PatchFile>(text).map_err(|e| {
            let (line, column) = match e.span() {
                Some(span) => {
                    let before = &text[..span.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    (Some(line), Some(col))
                }
                None => (None, None),
            };
            ActorFileError {
                line,
                column,
                message: e.message().to_string(),
            }
        })?
    }
    .actors;
    for (i, p) in patches.iter_mut().enumerate() {
        p.origin = origin.to_string();
        let bad = |message: String| ActorFileError {
            line: None,
            column: None,
            message: format!("actor {} (`{}`): {message}", i + 1, p.id),
        };
        if p.id.trim().is_empty() {
            return Err(bad("`id` is empty".into()));
        }
        if let Some(parts) = &p.parts {
            if parts.is_empty() || parts.iter().any(|part| part.variants.is_empty()) {
                return Err(bad(
                    "every part needs at least one spelling in `variants`".into()
                ));
            }
        }
    }
    Ok(patches)
}

/// Newsroom actors handed to the core by the project loader (`crate::project`). The merged
/// knowledge base is built once per overlay and shared by every draft using it.
#[derive(Debug, Default)]
pub struct Overlay {
    pub patches: Vec<ActorPatch>,
    merged: OnceLock<Arc<Kb>>,
}

impl Overlay {
    pub fn new(patches: Vec<ActorPatch>) -> Self {
        Overlay {
            patches,
            merged: OnceLock::new(),
        }
    }
}

impl PartialEq for Overlay {
    fn eq(&self, other: &Self) -> bool {
        self.patches == other.patches
    }
}

/// The knowledge base a draft is checked against: actors plus their match index.
#[derive(Debug)]
pub struct Kb {
    pub actors: Vec<Actor>,
    pub built_from: Vec<BuiltFrom>,
    /// For each actor, the newsroom file that changed it, if any.
    pub overridden_by: Vec<Option<String>>,
    pub matcher: Matcher,
    near: OnceLock<NearIndex>,
    /// Each paragraph's words, hits and introductions against this knowledge base, kept
    /// by the language server between keystrokes (see `memo`).
    pub(super) scans: BlockMemo<Arc<BlockScan>>,
}

/// A single-word spelling of a name part, for near-miss lookups.
#[derive(Debug, Clone)]
pub struct NearEntry {
    pub actor: u32,
    pub part: usize,
    pub spelling: String,
    pub folded: String,
    /// Index of the spelling in the part's `variants`.
    pub index: usize,
}

/// Spellings that may be recognised without other evidence in the draft, by first folded
/// letter: countries and capitals, and people's surnames (used after a title).
#[derive(Debug, Default)]
pub struct NearIndex {
    pub places: std::collections::HashMap<char, Vec<NearEntry>>,
    pub surnames: std::collections::HashMap<char, Vec<NearEntry>>,
    /// All-capital short forms of organisations and places (NATO, UNICEF), four letters or
    /// more; `part` is unused.
    pub acronyms: Vec<NearEntry>,
}

fn parse_default() -> (Vec<Actor>, Vec<BuiltFrom>) {
    match serde_json::from_slice::<KbFile>(DEFAULT_JSON) {
        Ok(f) => (f.actors, f.built_from),
        // The file is built and tested in this repository; an unreadable one is a build bug,
        // but the checks must degrade, not crash.
        Err(_) => (Vec::new(), Vec::new()),
    }
}

static DEFAULT: LazyLock<Arc<Kb>> = LazyLock::new(|| {
    let (actors, built_from) = parse_default();
    let overridden_by = vec![None; actors.len()];
    Arc::new(Kb::new(actors, built_from, overridden_by))
});

impl Kb {
    fn new(
        actors: Vec<Actor>,
        built_from: Vec<BuiltFrom>,
        overridden_by: Vec<Option<String>>,
    ) -> Kb {
        let matcher = Matcher::build(&actors);
        Kb {
            actors,
            built_from,
            overridden_by,
            matcher,
            near: OnceLock::new(),
            scans: BlockMemo::default(),
        }
    }

    /// The near-miss index (built on first use).
    pub fn near(&self) -> &NearIndex {
        self.near.get_or_init(|| {
            let mut idx = NearIndex::default();
            for (ai, a) in self.actors.iter().enumerate() {
                if a.kind != Kind::Person {
                    let forms = a
                        .full_variants
                        .iter()
                        .chain(a.parts.iter().flat_map(|p| p.variants.iter()));
                    for (index, v) in forms.enumerate() {
                        if v.chars().count() >= 4 && v.chars().all(|c| c.is_ascii_uppercase()) {
                            idx.acronyms.push(NearEntry {
                                actor: ai as u32,
                                part: usize::MAX,
                                spelling: v.clone(),
                                folded: super::matcher::fold(v),
                                index,
                            });
                        }
                    }
                }
                let (map, part) = match a.kind {
                    Kind::Place => (&mut idx.places, 0),
                    Kind::Person => match a.surname_part() {
                        Some(p) => (&mut idx.surnames, p),
                        None => continue,
                    },
                    Kind::Organisation => continue,
                };
                let Some(p) = a.parts.get(part) else { continue };
                for (index, v) in p.variants.iter().enumerate() {
                    let folded = super::matcher::fold(v);
                    if folded.contains(' ') || folded.chars().count() < 4 {
                        continue;
                    }
                    let Some(first) = folded.chars().next() else {
                        continue;
                    };
                    map.entry(first).or_default().push(NearEntry {
                        actor: ai as u32,
                        part,
                        spelling: v.clone(),
                        folded,
                        index,
                    });
                }
            }
            idx
        })
    }

    /// Parse the shipped file and build its index afresh (what the first use costs; the
    /// benchmark measures it).
    pub fn load_uncached() -> Kb {
        let (actors, built_from) = parse_default();
        let overridden_by = vec![None; actors.len()];
        Kb::new(actors, built_from, overridden_by)
    }

    /// The shipped knowledge base.
    pub fn default_kb() -> Arc<Kb> {
        DEFAULT.clone()
    }

    /// The knowledge base for a configuration: the shipped one, or it with the newsroom's
    /// actors merged over it (built once per overlay).
    pub fn for_overlay(overlay: Option<&Overlay>) -> Arc<Kb> {
        match overlay {
            None => Self::default_kb(),
            Some(o) if o.patches.is_empty() => Self::default_kb(),
            Some(o) => o
                .merged
                .get_or_init(|| Arc::new(Self::merged(&o.patches)))
                .clone(),
        }
    }

    fn merged(patches: &[ActorPatch]) -> Kb {
        let (mut actors, built_from) = parse_default();
        let mut overridden_by: Vec<Option<String>> = vec![None; actors.len()];
        let mut index: std::collections::HashMap<String, usize> = actors
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
        let mut removed = vec![false; actors.len()];
        for p in patches {
            let i = match index.get(&p.id) {
                Some(&i) => i,
                None => {
                    if p.remove {
                        continue;
                    }
                    actors.push(Actor {
                        id: p.id.clone(),
                        kind: p.kind.unwrap_or(Kind::Person),
                        name: String::new(),
                        country: None,
                        parts: Vec::new(),
                        full_variants: Vec::new(),
                        roles: Vec::new(),
                        description: None,
                        sources: Vec::new(),
                    });
                    overridden_by.push(None);
                    removed.push(false);
                    index.insert(p.id.clone(), actors.len() - 1);
                    actors.len() - 1
                }
            };
            if p.remove {
                removed[i] = true;
                continue;
            }
            removed[i] = false;
            let a = &mut actors[i];
            if let Some(k) = p.kind {
                a.kind = k;
            }
            if let Some(v) = &p.name {
                a.name = v.clone();
            }
            if let Some(v) = &p.country {
                a.country = Some(v.clone());
            }
            if let Some(v) = &p.parts {
                a.parts = v.clone();
            }
            if let Some(v) = &p.full_variants {
                a.full_variants = v.clone();
            }
            if let Some(v) = &p.roles {
                a.roles = v.clone();
            }
            if let Some(v) = &p.description {
                a.description = Some(v.clone());
            }
            if let Some(v) = &p.sources {
                a.sources = v.clone();
            }
            if a.name.is_empty() {
                a.name = a
                    .parts
                    .iter()
                    .filter_map(|p| p.variants.first())
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(" ");
            }
            overridden_by[i] = Some(p.origin.clone());
        }
        let (actors, overridden_by): (Vec<Actor>, Vec<Option<String>>) = actors
            .into_iter()
            .zip(overridden_by)
            .zip(removed)
            .filter(|((a, _), removed)| !removed && !a.parts.is_empty())
            .map(|(pair, _)| pair)
            .unzip();
        Kb::new(actors, built_from, overridden_by)
    }

    /// The source entry named by a role or fact's `source` (ids joined by `+`).
    pub fn source_names(&self, source: &str) -> String {
        source
            .split('+')
            .map(|id| {
                self.built_from
                    .iter()
                    .find(|b| b.id == id)
                    .map_or_else(|| id.to_string(), |b| b.name.clone())
            })
            .collect::<Vec<_>>()
            .join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_kb_loads_fast_and_has_zelenskyy() {
        let t = std::time::Instant::now();
        let (actors, built_from) = parse_default();
        let parse = t.elapsed();
        assert!(actors.len() > 1000, "{}", actors.len());
        assert!(!built_from.is_empty());
        let z = actors.iter().find(|a| a.id == "Q3874799").unwrap();
        assert_eq!(z.parts[1].variants[0], "Zelenskyy");
        assert!(z.parts[0].misspellings.contains(&"Volodomyr".to_string()));
        // Generous in debug builds; the release figure is measured by `benches/names.rs`.
        assert!(parse.as_millis() < 500, "{parse:?}");
    }

    #[test]
    fn newsroom_files_merge_by_id_and_errors_have_lines() {
        let toml = "[[actors]]\nid = \"Q3874799\"\ndescription = \"Ukraine's wartime president\"\n\n[[actors]]\nid = \"person:olena-kovalenko\"\nkind = \"person\"\nparts = [{ part = \"given\", variants = [\"Olena\"] }, { part = \"surname\", variants = [\"Kovalenko\", \"Kowalenko\"] }]\n\n[[actors]]\nid = \"place:kyiv\"\nremove = true\n";
        let patches = parse_actor_file(toml, false, "newsroom.toml").unwrap();
        let kb = Kb::merged(&patches);
        let z = kb.actors.iter().position(|a| a.id == "Q3874799").unwrap();
        assert_eq!(
            kb.actors[z].description.as_deref(),
            Some("Ukraine's wartime president")
        );
        assert_eq!(kb.actors[z].parts[1].variants[0], "Zelenskyy");
        assert_eq!(kb.overridden_by[z].as_deref(), Some("newsroom.toml"));
        let k = kb
            .actors
            .iter()
            .find(|a| a.id == "person:olena-kovalenko")
            .unwrap();
        assert_eq!(k.name, "Olena Kovalenko");
        assert!(!kb.actors.iter().any(|a| a.id == "place:kyiv"));

        let e = parse_actor_file("[[actors]]\nid = \"x\"\nnmae = \"X\"\n", false, "f.toml")
            .unwrap_err();
        assert_eq!(e.line, Some(3), "{e:?}");
        assert!(e.message.contains("unknown field `nmae`"), "{e:?}");
        let e = parse_actor_file(
            "{\"actors\": [\n{\"id\": \"x\", \"parts\": 3}]}",
            true,
            "f.json",
        )
        .unwrap_err();
        assert_eq!(e.line, Some(2), "{e:?}");
        let e =
            parse_actor_file("[[actors]]\nid = \"x\"\nparts = []\n", false, "f.toml").unwrap_err();
        assert!(e.message.contains("variants"), "{e:?}");
    }
}
