//! Every knowledge-base binding in a folder of drafts, one a line: `file<TAB>offset<TAB>as
//! written<TAB>actor<TAB>full|surname`. Diff two runs to see which bindings a change to the
//! name analysis gains or loses:
//!
//! ```sh
//! cargo run --release -p copydesk-core --example kb_bindings -- tests/corpus/wikinews-2019
//! ```

use copydesk_core::names::{self, ActorRef};
use copydesk_core::{Config, Document};
use std::path::PathBuf;

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: kb_bindings DIR");
        std::process::exit(2);
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(rd) => rd
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "md"))
            .collect(),
        Err(e) => {
            eprintln!("{dir}: {e}");
            std::process::exit(2);
        }
    };
    files.sort();
    let config = Config::default();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{}: not readable as UTF-8", path.display());
            continue;
        };
        let doc = Document::parse(&text);
        let names = names::analyse(&doc, &config.names);
        let file = path
            .file_name()
            .map_or_else(String::new, |f| f.to_string_lossy().into());
        for m in &names.mentions {
            if let ActorRef::Kb(_) = m.actor {
                if !names.is_person(m.actor) {
                    continue;
                }
                println!(
                    "{file}\t{}\t{}\t{}\t{}",
                    m.range.start,
                    &text[m.range.clone()],
                    names.display_name(m.actor),
                    if m.full { "full" } else { "surname" }
                );
            }
        }
    }
}
