//! Issue 17 against the real `copydesk lsp`: "add to dictionary" edits only the
//! copydesk.toml that governs a draft in an open workspace folder, configuration files
//! that are devices or FIFOs never hang the server, and stale `didChange` versions are
//! ignored.

mod common;

use common::lsp_client::*;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::Duration;

fn read(p: &Path) -> Option<String> {
    std::fs::read_to_string(p).ok()
}

/// Start a server whose workspace folders are `folders`.
fn started_in(folders: &[&Path]) -> LspClient {
    let mut c = LspClient::spawn(&[], None);
    let list: Vec<Value> = folders
        .iter()
        .enumerate()
        .map(|(i, f)| json!({"uri": file_uri(f), "name": format!("ws{i}")}))
        .collect();
    c.call(
        "initialize",
        json!({
            "processId": null,
            "rootUri": null,
            "workspaceFolders": list,
            "capabilities": caps(&["utf-16"]),
        }),
    );
    c.notify("initialized", json!({}));
    c
}

fn add_word(c: &mut LspClient, uri: &str, word: &str) -> Value {
    c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.addToDictionary", "arguments": [uri, word]}),
    )
}

/// The command wrote wherever its URI pointed: outside the workspace folders, through `..`
/// and `%2e%2e`, a folder URI with a trailing slash (the "draft's folder" was then the
/// folder above), a copydesk.toml above the workspace, a symbolic link. And any "word":
/// empty, multi-line, kilobytes long. Now only the copydesk.toml that governs a draft in an
/// open workspace folder is edited, with a plausible word; everything else is refused
/// with a message and nothing is written anywhere.
#[test]
fn add_to_dictionary_edits_only_the_workspace_config() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path().canonicalize().unwrap();
    let write = |rel: &str, text: &str| {
        let p = t.join(rel);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, text).unwrap();
        p
    };
    // ws: a workspace folder with its own copydesk.toml (the one place allowed).
    let ws = t.join("ws");
    let allowed = write("ws/copydesk.toml", "# house style\n[names]\naccept = []\n");
    write("ws/desk/story.md", "Kovalenko spoke.\n");
    // above/inner: a workspace folder governed by a copydesk.toml above it.
    let above = write("above/copydesk.toml", "# newsroom-wide\n");
    let inner = t.join("above/inner");
    write("above/inner/story.md", "Fine.\n");
    // linked: a workspace folder whose copydesk.toml is a link to a file elsewhere.
    let secret = write("secret.toml", "# not copydesk's\n");
    let linked = t.join("linked");
    write("linked/story.md", "Fine.\n");
    #[cfg(unix)]
    std::os::unix::fs::symlink(&secret, linked.join("copydesk.toml")).unwrap();
    // outside: not a workspace folder.
    let outside = write("outside/copydesk.toml", "# outside\n");
    write("outside/story.md", "Fine.\n");

    let mut c = started_in(&[&ws, &inner, &linked]);
    let ws_uri = file_uri(&ws);
    let long = "K".repeat(65);
    let refused: Vec<(String, &str, &str)> = vec![
        (
            file_uri(&t.join("outside/story.md")),
            "Word",
            "outside the workspace folders",
        ),
        (
            format!("{ws_uri}/../outside/story.md"),
            "Word",
            "outside the workspace folders",
        ),
        (
            format!("{ws_uri}/%2e%2e/outside/story.md"),
            "Word",
            "outside the workspace folders",
        ),
        (
            format!("{ws_uri}/%2E%2E/%2e%2e/story.md"),
            "Word",
            "outside the workspace folders",
        ),
        (
            format!("{ws_uri}/desk/..%2F..%2Foutside%2Fstory.md"),
            "Word",
            "has `.` or `..` in its path",
        ),
        (format!("{ws_uri}/"), "Word", "names a folder, not a draft"),
        (
            format!("{ws_uri}/desk/"),
            "Word",
            "names a folder, not a draft",
        ),
        (
            format!("{ws_uri}/desk"),
            "Word",
            "names a folder, not a draft",
        ),
        (
            file_uri(&inner.join("story.md")),
            "Word",
            "outside the workspace folder",
        ),
        (
            "untitled:Untitled-1".to_string(),
            "Word",
            "is not a file on disk",
        ),
        (
            "https://example.com/ws/story.md".to_string(),
            "Word",
            "is not a file on disk",
        ),
        (file_uri(&ws.join("desk/story.md")), "", "the word is empty"),
        (
            file_uri(&ws.join("desk/story.md")),
            "Kova\nlenko",
            "control character or line break",
        ),
        (
            file_uri(&ws.join("desk/story.md")),
            "Kova\u{202E}lenko",
            "control character",
        ),
        (file_uri(&ws.join("desk/story.md")), &long, "at most 64"),
    ];
    #[cfg(unix)]
    let refused = {
        let mut r = refused;
        r.push((
            file_uri(&linked.join("story.md")),
            "Word",
            "is a symbolic link",
        ));
        r
    };
    let mut messages = 0;
    for (uri, word, why) in &refused {
        let resp = add_word(&mut c, uri, word);
        let message = resp["error"]["message"].as_str().unwrap_or_else(|| {
            panic!("{uri} {word:?}: expected a refusal, got {resp}");
        });
        assert!(message.contains(why), "{uri} {word:?}: {message}");
        messages += 1;
    }
    // Each refusal is shown to the user too.
    for _ in 0..messages {
        let shown = c
            .wait_for(|m| m["method"] == "window/showMessage", TIMEOUT)
            .expect("showMessage for a refusal");
        assert!(
            shown["params"]["message"]
                .as_str()
                .unwrap()
                .contains("cannot add to the dictionary"),
            "{shown}"
        );
    }
    // Nothing was written anywhere.
    assert_eq!(read(&above).as_deref(), Some("# newsroom-wide\n"));
    assert_eq!(read(&secret).as_deref(), Some("# not copydesk's\n"));
    assert_eq!(read(&outside).as_deref(), Some("# outside\n"));
    assert_eq!(
        read(&allowed).as_deref(),
        Some("# house style\n[names]\naccept = []\n")
    );
    for p in [
        t.join("copydesk.toml"),
        inner.join("copydesk.toml"),
        t.join("ws/desk/copydesk.toml"),
    ] {
        assert!(!p.exists(), "{} was created", p.display());
    }

    // The one allowed: the workspace's own file, edited in place, formatting kept.
    let story = file_uri(&ws.join("desk/story.md"));
    let resp = add_word(&mut c, &story, "  Kovalenko ");
    assert!(resp.get("error").is_none(), "{resp}");
    assert_eq!(
        read(&allowed).as_deref(),
        Some("# house style\n[names]\naccept = [\"Kovalenko\"]\n")
    );
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

/// A workspace folder with no copydesk.toml (and none above it) gets one at its root.
#[test]
fn add_to_dictionary_creates_the_workspace_config_when_there_is_none() {
    let tmp = tempfile::tempdir().unwrap();
    let ws = tmp.path().canonicalize().unwrap().join("ws");
    std::fs::create_dir_all(ws.join("desk")).unwrap();
    let mut c = started_in(&[&ws]);
    let resp = add_word(&mut c, &file_uri(&ws.join("desk/story.md")), "Шмигаль");
    assert!(resp.get("error").is_none(), "{resp}");
    assert_eq!(
        read(&ws.join("copydesk.toml")).as_deref(),
        Some("[names]\naccept = [\"Шмигаль\"]\n")
    );
    assert!(!ws.join("desk/copydesk.toml").exists());
}

/// `actor-files = ["/dev/stdin"]` in a workspace copydesk.toml: the server read its own
/// standard input (the client's messages) as an actor file, and hung. A FIFO hung it
/// the same way. Now such files are refused at once with an error naming them, the draft
/// is checked with the editor settings and defaults, and the server goes on answering.
#[cfg(unix)]
#[test]
fn actor_files_that_are_not_regular_files_never_hang_the_server() {
    let tmp = tempfile::tempdir().unwrap();
    let root: PathBuf = tmp.path().canonicalize().unwrap();
    for (folder, actor_file, named) in [
        ("a", "/dev/stdin".to_string(), "/dev/stdin".to_string()),
        (
            "b",
            "actors.toml".to_string(),
            root.join("b/actors.toml").display().to_string(),
        ),
        ("c", "/dev/zero".to_string(), "/dev/zero".to_string()),
    ] {
        let dir = root.join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        if folder == "b" {
            let made = std::process::Command::new("mkfifo")
                .arg(dir.join("actors.toml"))
                .status()
                .unwrap();
            assert!(made.success());
        }
        std::fs::write(
            dir.join("copydesk.toml"),
            format!("[names]\nactor-files = [\"{actor_file}\"]\n"),
        )
        .unwrap();
        let draft = dir.join("story.md");
        std::fs::write(&draft, "He said “we will win.\n").unwrap();
        let uri = file_uri(&draft);

        let mut c = started_in(&[&dir]);
        c.open(&uri, 1, "He said “we will win.\n");
        let shown = c
            .wait_for(|m| m["method"] == "window/showMessage", TIMEOUT)
            .unwrap_or_else(|| panic!("{actor_file}: no error shown; stderr:\n{}", c.stderr()));
        let message = shown["params"]["message"].as_str().unwrap();
        assert!(
            message.contains(&format!("{named}: cannot read actor file: is a")),
            "{message}"
        );
        assert!(message.contains("not a regular file"), "{message}");
        // Checked with the defaults, and still serving.
        let d = c.diagnostics(&uri, Some(1));
        assert_eq!(d["diagnostics"][0]["code"], "quote.unbalanced", "{d}");
        let hover = c.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 8}}),
        );
        assert!(hover.get("error").is_none(), "{hover}");
        assert_eq!(c.shutdown_and_exit().code(), Some(0));
    }
}

/// A `didChange` whose version is below the document's was applied and its diagnostics
/// published after the newer ones. Now it is ignored (and logged).
#[test]
fn stale_change_versions_are_ignored() {
    let mut c = LspClient::spawn(&[], None);
    c.initialize(caps(&["utf-16"]), Value::Null, None);
    let uri = "untitled:stale";
    c.open(uri, 1, "Fine.\n");
    c.diagnostics(uri, Some(1));
    c.change(uri, 5, json!([{"text": "He said “we will win.\n"}]));
    assert_eq!(
        c.diagnostics(uri, Some(5))["diagnostics"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    // An older version arrives late.
    c.change(uri, 3, json!([{"text": "Fine again.\n"}]));
    assert_eq!(c.debug_text(uri), "He said “we will win.\n");
    c.change(uri, 6, json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "Then "}]));
    let last = c.diagnostics(uri, Some(6));
    assert_eq!(last["diagnostics"].as_array().unwrap().len(), 1, "{last}");
    assert_eq!(c.debug_text(uri), "Then He said “we will win.\n");
    c.drain(Duration::from_millis(300));
    let versions: Vec<i64> = c
        .log
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .filter_map(|m| m["params"]["version"].as_i64())
        .collect();
    assert!(
        !versions.contains(&3),
        "stale version published: {versions:?}"
    );
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    assert!(
        c.stderr().contains(
            "ignored a stale change to untitled:stale: version 3 is older than version 5"
        ),
        "{}",
        c.stderr()
    );
}
