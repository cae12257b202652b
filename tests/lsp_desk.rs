//! End-to-end: names across the desk in `copydesk lsp` — the real binary over stdio, a
//! temporary workspace of drafts on disk indexed in the background.

mod common;

use common::lsp_client::*;
use serde_json::{json, Value};
use std::time::Instant;

const PETRENKO: &str = "Ivan Petrenko, the mayor, said the budget was late. Petrenko left.\n";
const PETRENCO: &str = "Ivan Petrenco, the mayor, opened the bridge.\n\nPetrenco smiled.\n";

fn position(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

/// Two saved drafts spell the mayor “Petrenko”; the open one “Petrenco”: it is flagged
/// once the workspace is indexed, hover counts the desk's spellings, references and
/// workspace symbols reach the other drafts, and rename respells all three, byte-exact.
#[test]
fn names_across_the_workspace_drafts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().canonicalize().expect("canonical");
    std::fs::create_dir_all(root.join("desk")).expect("mkdir");
    for (name, text) in [
        ("desk/monday.md", PETRENKO),
        ("desk/tuesday.md", PETRENKO),
        ("desk/wednesday.md", PETRENCO),
    ] {
        std::fs::write(root.join(name), text).expect("write");
    }
    // Outside the workspace: never read.
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("x.md"), PETRENCO).expect("write");
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path().join("x.md"), root.join("desk/link.md"))
        .expect("symlink");

    let mut c = LspClient::spawn(&[], None);
    c.initialize(caps(&["utf-16"]), Value::Null, Some(&root));
    let uri = file_uri(&root.join("desk/wednesday.md"));
    c.open(&uri, 1, PETRENCO);

    // Diagnostics come again once the index is built.
    let deadline = Instant::now() + TIMEOUT;
    let flagged = loop {
        let d = c.diagnostics(&uri, Some(1));
        let desk: Vec<Value> = d["diagnostics"]
            .as_array()
            .expect("array")
            .iter()
            .filter(|d| d["code"] == "name.inconsistent-desk")
            .cloned()
            .collect();
        if !desk.is_empty() {
            break desk;
        }
        assert!(Instant::now() < deadline, "never flagged: {}", c.stderr());
    };
    assert_eq!(flagged.len(), 1);
    assert_eq!(
        flagged[0]["message"],
        "Ivan Petrenco is spelled “Petrenco” in this draft; the desk spells it “Petrenko” in 2 other drafts (desk/monday.md, desk/tuesday.md)."
    );
    assert_eq!(
        flagged[0]["range"],
        json!({"start": position(0, 5), "end": position(0, 13)})
    );

    let hover = c.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(2, 3)}),
    );
    let md = hover["contents"]["value"].as_str().unwrap_or("");
    assert!(
        md.ends_with("**On the desk** — how the other drafts spell Ivan Petrenco:\n\n- surname: “Petrenko” in 2 drafts (this draft: “Petrenco”)"),
        "{md}"
    );

    let refs = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": uri}, "position": position(0, 7),
               "context": {"includeDeclaration": true}}),
    );
    let mut places: Vec<String> = refs
        .as_array()
        .expect("locations")
        .iter()
        .map(|l| {
            let u = l["uri"].as_str().unwrap_or("");
            let name = u.rsplit('/').next().unwrap_or("");
            format!(
                "{name}:{}:{}",
                l["range"]["start"]["line"], l["range"]["start"]["character"]
            )
        })
        .collect();
    places.sort();
    assert_eq!(
        places,
        [
            "monday.md:0:5",
            "monday.md:0:52",
            "tuesday.md:0:5",
            "tuesday.md:0:52",
            "wednesday.md:0:0",
            "wednesday.md:2:0"
        ]
    );

    let symbols = c.call("workspace/symbol", json!({"query": "petren"}));
    let mut containers: Vec<&str> = symbols
        .as_array()
        .expect("symbols")
        .iter()
        .map(|s| s["containerName"].as_str().unwrap_or(""))
        .collect();
    containers.sort();
    assert_eq!(
        containers,
        ["desk/monday.md", "desk/tuesday.md", "desk/wednesday.md"]
    );

    let edit = c.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": position(0, 7), "newName": "Petrenkov"}),
    );
    let changes = edit["changes"].as_object().expect("changes");
    assert_eq!(changes.len(), 3, "{edit}");
    for (name, text) in [
        ("desk/monday.md", PETRENKO),
        ("desk/tuesday.md", PETRENKO),
        ("desk/wednesday.md", PETRENCO),
    ] {
        let edits = changes[&file_uri(&root.join(name))]
            .as_array()
            .expect("edits");
        let renamed = apply_text_edits(text, edits, false);
        assert_eq!(
            renamed,
            text.replace("Petrenko", "Petrenkov")
                .replace("Petrenco", "Petrenkov"),
            "{name}"
        );
    }
    assert!(!changes
        .keys()
        .any(|k| k.contains("link.md") || k.contains("x.md")));
    c.shutdown_and_exit();

    // Rename in one draft only, by the editor setting; once the desk is indexed (the
    // draft is flagged), so that only the setting keeps the others out.
    let mut c = LspClient::spawn(&[], None);
    c.initialize(
        caps(&["utf-16"]),
        json!({"renameScope": "draft"}),
        Some(&root),
    );
    c.open(&uri, 1, PETRENCO);
    let deadline = Instant::now() + TIMEOUT;
    while !c.diagnostics(&uri, Some(1))["diagnostics"]
        .as_array()
        .is_some_and(|d| d.iter().any(|d| d["code"] == "name.inconsistent-desk"))
    {
        assert!(Instant::now() < deadline, "never flagged: {}", c.stderr());
    }
    let edit = c.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": uri}, "position": position(0, 7), "newName": "Petrenko"}),
    );
    let changes = edit["changes"].as_object().expect("changes");
    assert_eq!(changes.keys().collect::<Vec<_>>(), [&uri]);
    c.shutdown_and_exit();
}
