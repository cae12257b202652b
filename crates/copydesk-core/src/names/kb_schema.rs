//! The JSON form of the shipped knowledge base (`data/kb/actors.json`): one file, read by the
//! crate (the types of [`super::kb`], and its tests, which compare the compact form with the
//! JSON) and by `build.rs` (which turns the JSON into that compact form), so that the two
//! cannot drift apart. Like `name_table.rs`, it depends on `serde` and its sibling
//! `name_table.rs` only, for the build script's sake.

use super::name_table::{PartForms, Spellings};
use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Person,
    Organisation,
    Place,
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
    /// `false`: this part is a word that also means something else (a place, a common word:
    /// England, Simpson, King) and is matched only together with the other parts of the
    /// name, never on its own. Absent = `true`.
    #[serde(default = "yes")]
    pub alone: bool,
}

fn yes() -> bool {
    true
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
    /// The role ended on a date the source does not give, before this one (`end` is then
    /// absent or null: the role is not current).
    #[serde(default)]
    pub end_before: Option<String>,
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

/// An actor as the JSON form of the knowledge base has it (build.rs reads the shipped file
/// with it; so do the tests, to compare the compact form with it).
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Deserialize)]
pub struct ActorJson {
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

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct BuiltFrom {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub licence: Option<String>,
    #[serde(default)]
    pub as_of: Option<String>,
}

/// The whole file.
#[cfg_attr(not(test), allow(dead_code))]
#[derive(Deserialize)]
pub struct KbFile {
    pub version: u32,
    #[serde(default)]
    pub built_from: Vec<BuiltFrom>,
    pub actors: Vec<ActorJson>,
}

impl Part {
    /// This part's spellings, as the name table reads them.
    pub fn forms(&self) -> PartForms<'_> {
        PartForms {
            part: &self.part,
            variants: &self.variants,
            misspellings: &self.misspellings,
            alone: self.alone,
        }
    }
}

/// Every spelling of `actors`, each given as its name, parts and whole-name variants (its
/// index is its id): the name matcher's patterns, for `Matcher::build` at run time and for
/// build.rs's table of the shipped knowledge base.
pub fn spellings<'a>(
    actors: impl IntoIterator<Item = (&'a str, &'a [Part], &'a [String])>,
) -> Spellings {
    let mut m = Spellings::default();
    for (ai, (name, parts, full_variants)) in actors.into_iter().enumerate() {
        let forms: Vec<PartForms<'_>> = parts.iter().map(Part::forms).collect();
        m.add_actor(ai as u32, name, &forms, full_variants);
    }
    m
}
