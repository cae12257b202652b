//! Turns the shipped knowledge base (`data/kb/actors.json`, the file `scripts/kb/build_kb.py`
//! makes and the repository keeps) into the compact form the crate embeds: `kb.bin` in
//! `OUT_DIR`, never committed. Reading it costs a few copies where parsing the 2.5 MB of JSON
//! cost most of the first draft's time; the name matcher's table is built here too (with the
//! crate's own `src/names/name_table.rs`), and an actor's roles, sources and description sit
//! in a last section that is decoded only when that actor's are read (see `DEFAULT_BIN` in
//! `src/names/kb.rs`, which documents the layout).
//!
//! The fields, defaults and refusals are those of the JSON reader it replaces (unknown fields
//! in a part, role or source are an error; `version` must be the one the crate reads), so a
//! file the crate would have refused now fails the build, naming the file.

use std::path::Path;

/// The name table and folding, the same file the crate compiles.
#[allow(dead_code)]
#[path = "src/names/name_table.rs"]
mod name_table;
use name_table::TargetKind;

/// The JSON form of the knowledge base, the same file the crate compiles.
#[allow(dead_code)]
#[path = "src/names/kb_schema.rs"]
mod kb_schema;
use kb_schema::{KbFile, Kind};

/// The dictionary's hash table, the same file the crate compiles.
#[allow(dead_code)]
#[path = "src/names/word_table.rs"]
mod word_table;

/// Keep in step with `FORMAT_VERSION` in `src/names/kb.rs`.
const FORMAT_VERSION: u32 = 1;
/// The first bytes of `kb.bin`; keep in step with `BIN_MAGIC` in `src/names/kb.rs`.
const BIN_MAGIC: &[u8; 8] = b"CDKB\x00\x00\x00\x01";

/// Little-endian `u32`s and length-prefixed UTF-8; `u32::MAX` as a length is `None`.
#[derive(Default)]
struct Out(Vec<u8>);

impl Out {
    fn u32(&mut self, v: usize) {
        let v = u32::try_from(v).expect("the knowledge base fits in u32 offsets");
        self.0.extend_from_slice(&v.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len());
        self.0.extend_from_slice(s.as_bytes());
    }
    fn opt(&mut self, s: &Option<String>) {
        match s {
            Some(s) => self.str(s),
            None => self.0.extend_from_slice(&u32::MAX.to_le_bytes()),
        }
    }
    fn strs(&mut self, v: &[String]) {
        self.u32(v.len());
        for s in v {
            self.str(s);
        }
    }
}

fn main() {
    let src = "data/kb/actors.json";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/names/name_table.rs");
    println!("cargo:rerun-if-changed=src/names/kb_schema.rs");
    let json = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let kb: KbFile = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{src}: {e}"));
    assert!(
        kb.version == FORMAT_VERSION,
        "{src}: actor file format version {} is not supported: this copydesk reads version {FORMAT_VERSION}",
        kb.version
    );

    // Section one: what the name index needs, read for every actor at load.
    let mut head = Out::default();
    // Section two: each actor's description, roles and sources, read on demand.
    let mut facts = Out::default();
    head.0.extend_from_slice(BIN_MAGIC);
    head.u32(kb.built_from.len());
    for b in &kb.built_from {
        head.str(&b.id);
        head.str(&b.name);
        head.opt(&b.licence);
        head.opt(&b.as_of);
    }
    head.u32(kb.actors.len());
    for a in &kb.actors {
        head.str(&a.id);
        head.0.push(match a.kind {
            Kind::Person => 0,
            Kind::Organisation => 1,
            Kind::Place => 2,
        });
        head.str(&a.name);
        head.opt(&a.country);
        head.u32(a.parts.len());
        for p in &a.parts {
            head.str(&p.part);
            head.0.push(u8::from(p.alone));
            head.strs(&p.variants);
            head.strs(&p.misspellings);
        }
        head.strs(&a.full_variants);
        head.u32(facts.0.len());

        facts.opt(&a.description);
        facts.u32(a.roles.len());
        for r in &a.roles {
            facts.str(&r.title);
            for f in [
                &r.kind,
                &r.country,
                &r.org,
                &r.start,
                &r.end,
                &r.end_before,
                &r.source,
                &r.as_of,
                &r.note,
            ] {
                facts.opt(f);
            }
        }
        facts.u32(a.sources.len());
        for s in &a.sources {
            facts.str(&s.fact);
            facts.str(&s.source);
            facts.opt(&s.as_of);
            facts.opt(&s.note);
        }
    }
    // The name matcher's table: every pattern (in id order) and the ids in the byte order
    // of their spellings, as `Matcher::build` makes them at run time for a newsroom's file.
    let spellings = kb_schema::spellings(kb.actors.iter().map(|a| {
        (
            a.name.as_str(),
            a.parts.as_slice(),
            a.full_variants.as_slice(),
        )
    }));
    head.u32(spellings.patterns.len());
    for p in &spellings.patterns {
        head.str(&p.folded);
        head.0
            .push(u8::from(p.needs_capital) | u8::from(p.acronym) << 1);
        head.u32(p.targets.len());
        for t in &p.targets {
            head.u32(t.actor as usize);
            let (tag, part, value) = match t.kind {
                TargetKind::Part { part, variant } => (0, part, variant),
                TargetKind::Misspelling { part, index } => (1, part, index),
                TargetKind::Full { index } => (2, 0, index),
            };
            head.0.extend_from_slice(&[tag, part]);
            head.0.extend_from_slice(&value.to_le_bytes());
        }
    }
    let order = name_table::sorted_order(&spellings.patterns);
    head.u32(order.len());
    for i in order {
        head.u32(i as usize);
    }

    // The facts section's length last: the reader finds where it starts from the end.
    let facts_len = facts.0.len();
    head.0.extend_from_slice(&facts.0);
    head.u32(facts_len);

    let out = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = Path::new(&out).join("kb.bin");
    std::fs::write(&path, &head.0).unwrap_or_else(|e| panic!("{}: {e}", path.display()));

    // The dictionary's words as a hash table over the word list the crate embeds.
    let src = "data/dict/words.txt";
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/names/word_table.rs");
    let words = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let path = Path::new(&out).join("words.table");
    std::fs::write(&path, word_table::build(&words))
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}
