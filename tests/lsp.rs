//! End-to-end tests of `copydesk lsp`: the real binary over stdio, no mocks.

mod common;

use common::lsp_client::*;
#[path = "common/rng.rs"]
mod rng;
use rng::{addressable, Rng};
use serde_json::{json, Value};
use std::time::Duration;

const URI: &str = "untitled:draft-1";

fn started(encodings: &[&str]) -> LspClient {
    let mut c = LspClient::spawn(&[], None);
    c.initialize(caps(encodings), Value::Null, None);
    c
}

fn rules_of(params: &Value) -> Vec<String> {
    params["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn diagnostics_have_the_right_ranges_in_utf16_and_utf8() {
    let text = "Київ 😀 news\r\nHe said “we will win.\n";
    for (encodings, expected_enc, utf8) in [
        (&["utf-16"][..], "utf-16", false),
        (&["utf-8", "utf-16"][..], "utf-8", true),
    ] {
        let mut c = LspClient::spawn(&[], None);
        let init = c.initialize(caps(encodings), Value::Null, None);
        let server_caps = &init["capabilities"];
        assert_eq!(server_caps["positionEncoding"], expected_enc);
        assert_eq!(server_caps["textDocumentSync"]["change"], 2);
        assert!(
            server_caps.get("diagnosticProvider").is_none()
                || server_caps["diagnosticProvider"].is_null()
        );
        c.open(URI, 1, text);
        let p = c.diagnostics(URI, None);
        assert_eq!(p["version"], 1);
        let d = &p["diagnostics"][0];
        assert_eq!(d["code"], "quote.unbalanced");
        assert_eq!(d["source"], "copydesk");
        assert_eq!(d["severity"], 2);
        assert_eq!(d["data"]["rule"], "quote.unbalanced");
        let quote = text.find('“').unwrap();
        assert_eq!(d["range"]["start"], position(text, quote, utf8));
        assert_eq!(
            d["range"]["end"],
            position(text, quote + '“'.len_utf8(), utf8)
        );
        assert_eq!(d["range"]["start"], json!({"line": 1, "character": 8}));
        // After Cyrillic and an emoji on the same line the encodings differ.
        let other = "untitled:draft-2";
        c.open(other, 1, "Київ 😀 “we win.\n");
        let p = c.diagnostics(other, Some(1));
        let col = if utf8 { 14 } else { 8 };
        assert_eq!(
            p["diagnostics"][0]["range"]["start"],
            json!({"line": 0, "character": col})
        );
        assert_eq!(
            p["diagnostics"][0]["range"]["end"],
            json!({"line": 0, "character": col + if utf8 { 3 } else { 1 }})
        );
        assert_eq!(c.shutdown_and_exit().code(), Some(0));
    }
}

const PIECES: &[&str] = &[
    "a",
    "word ",
    "Київ",
    "é",
    "日本語",
    "😀",
    "👩‍👩‍👧",
    "\n",
    "\r\n",
    " ",
    "“",
    "”",
    "\n\n",
    "Ж",
    "x\u{301}",
    "🇺🇦",
];

fn random_edits(utf8: bool, seed: u64) {
    let mut c = started(if utf8 { &["utf-8"] } else { &["utf-16"] });
    let mut text = String::from("Київ 😀 “start\r\nSecond line 日本\n");
    c.open(URI, 1, &text);
    let mut rng = Rng(seed);
    let mut version = 1;
    for round in 0..300 {
        // One to three changes per notification, applied in order.
        let mut changes = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let a = addressable(&text, &mut rng);
            let b = if rng.below(3) == 0 {
                a
            } else {
                addressable(&text, &mut rng)
            };
            let (s, e) = (a.min(b), a.max(b));
            // Deleting the \r of a \r\n would leave a lone \n: fine, both are line breaks.
            let mut insert = String::new();
            for _ in 0..rng.below(4) {
                insert.push_str(PIECES[rng.below(PIECES.len())]);
            }
            changes.push(json!({
                "range": {"start": position(&text, s, utf8), "end": position(&text, e, utf8)},
                "text": insert,
            }));
            text.replace_range(s..e, &insert);
        }
        version += 1;
        c.change(URI, version, Value::Array(changes));
        if round % 50 == 49 {
            assert_eq!(c.debug_text(URI), json!(text), "after round {round}");
        }
    }
    assert_eq!(c.debug_text(URI), json!(text));
    // The diagnostics of the final version are those of the final text.
    let p = c.diagnostics(URI, Some(version));
    let expected = {
        use copydesk::analysis::{analyze, Config, Document};
        analyze(&Document::parse(text.as_str()), &Config::default()).len()
    };
    assert_eq!(p["diagnostics"].as_array().unwrap().len(), expected);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

#[test]
fn hundreds_of_random_multibyte_edits_utf16() {
    random_edits(false, 0x9E37_79B9_7F4A_7C15);
}

#[test]
fn hundreds_of_random_multibyte_edits_utf8() {
    random_edits(true, 0xD1B5_4A32_D192_ED03);
}

#[test]
fn full_document_changes_replace_the_text() {
    let mut c = started(&["utf-16"]);
    c.open(URI, 1, "He said “we will win.\n");
    assert_eq!(rules_of(&c.diagnostics(URI, Some(1))), ["quote.unbalanced"]);
    c.change(URI, 2, json!([{"text": "He said “we will win.”\n"}]));
    assert!(rules_of(&c.diagnostics(URI, Some(2))).is_empty());
    assert_eq!(c.debug_text(URI), "He said “we will win.”\n");
}

#[test]
fn hover_explains_the_rule() {
    let mut c = started(&["utf-16"]);
    let text = "Київ.\n\nHe said “we will win.\n";
    c.open(URI, 1, text);
    c.diagnostics(URI, Some(1));
    let at = position(text, text.find('“').unwrap(), false);
    let h = c.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": at}),
    );
    assert_eq!(h["contents"]["kind"], "markdown");
    assert!(h["contents"]["value"]
        .as_str()
        .unwrap()
        .starts_with("**quote.unbalanced**"));
    assert_eq!(h["range"]["start"], at);
    let h = c.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 0, "character": 1}}),
    );
    assert!(h.is_null());
    // Out of range positions are clamped, not errors.
    let h = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 99, "character": 99}}),
    );
    assert!(h.get("error").is_none());
}

fn action<'a>(actions: &'a Value, title_start: &str) -> &'a Value {
    actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with(title_start))
        .unwrap_or_else(|| panic!("no action {title_start:?} in {actions}"))
}

#[test]
fn code_actions_fix_and_disable() {
    let mut c = started(&["utf-16"]);
    let text = "Intro 😀.\r\n\r\nHe said “we will win.\r\n";
    c.open(URI, 1, text);
    let p = c.diagnostics(URI, Some(1));
    let diag = p["diagnostics"][0].clone();
    let actions = c.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": diag["range"], "context": {"diagnostics": [diag]}}),
    );
    let fix = action(&actions, "Close the quote");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["isPreferred"], true);
    assert_eq!(fix["diagnostics"][0]["code"], "quote.unbalanced");
    let edits = fix["edit"]["changes"][URI].as_array().unwrap().clone();
    let fixed = apply_text_edits(text, &edits, false);
    assert_eq!(fixed, "Intro 😀.\r\n\r\nHe said “we will win.”\r\n");

    let disable = action(&actions, "Disable quote.unbalanced for this line");
    let edits = disable["edit"]["changes"][URI].as_array().unwrap().clone();
    let disabled = apply_text_edits(text, &edits, false);
    assert_eq!(
        disabled,
        "Intro 😀.\r\n\r\n<!-- copydesk-disable-next-line quote.unbalanced -->\r\nHe said “we will win.\r\n"
    );
    // Applying it (as the editor would, incrementally) silences the diagnostic.
    let e = &edits[0];
    c.change(URI, 2, json!([{"range": e["range"], "text": e["newText"]}]));
    assert!(rules_of(&c.diagnostics(URI, Some(2))).is_empty());
    assert_eq!(c.debug_text(URI), json!(disabled));

    // No safe fix among these diagnostics: fix-all offers nothing; a quickfix-only
    // request gets no source action.
    c.change(URI, 3, json!([{"text": text}]));
    c.diagnostics(URI, Some(3));
    let all = c.call(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
               "context": {"diagnostics": [], "only": ["source.fixAll"]}}),
    );
    assert_eq!(all, json!([]));
}

#[test]
fn outline_and_commands() {
    let mut c = started(&["utf-16"]);
    let text = "# Тема\n\nText.\n\n## Один\n\nMore.\n";
    c.open(URI, 1, text);
    let syms = c.call(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(syms[0]["name"], "Тема");
    assert_eq!(syms[0]["children"][0]["name"], "Один");
    assert_eq!(
        syms[0]["selectionRange"]["start"],
        json!({"line": 0, "character": 2})
    );
    let md = c.call(
        "workspace/executeCommand",
        json!({"command": "copydesk.explainRule", "arguments": ["quote.unbalanced"]}),
    );
    assert!(md.as_str().unwrap().starts_with("## quote.unbalanced"));
    assert!(
        !md.as_str().unwrap().contains("Style point"),
        "no preset: {md}"
    );
    let bad = c.request(
        "workspace/executeCommand",
        json!({"command": "copydesk.explainRule", "arguments": ["no.such"]}),
    );
    assert_eq!(bad["error"]["code"], -32602);
    let hints = c.call(
        "textDocument/inlayHint",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}}}),
    );
    assert_eq!(hints, json!([]));
}

#[test]
fn closing_clears_diagnostics() {
    let mut c = started(&["utf-16"]);
    c.open(URI, 1, "He said “we will win.\n");
    assert_eq!(rules_of(&c.diagnostics(URI, Some(1))).len(), 1);
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let p = c.diagnostics(URI, None);
    assert_eq!(p["diagnostics"], json!([]));
    assert!(c.debug_text(URI).is_null());
}

#[test]
fn stale_versions_are_never_published() {
    let mut c = started(&["utf-16"]);
    let base = "Paragraph one is fine.\n\n";
    c.open(URI, 1, base);
    c.diagnostics(URI, Some(1));
    let mut text = base.to_string();
    let mut version = 1;
    for i in 0..200 {
        // Alternate between adding an unbalanced quote and closing it.
        let line = if i % 2 == 0 {
            "He said “we will win.\n"
        } else {
            ""
        };
        let body = format!("{base}{line}{}", "x ".repeat(i));
        version += 1;
        c.change(URI, version, json!([{"text": body}]));
        text = body;
    }
    let last = c.diagnostics(URI, Some(version));
    c.drain(Duration::from_millis(300));
    let publishes: Vec<&Value> = c
        .log
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .collect();
    let versions: Vec<i64> = publishes
        .iter()
        .map(|m| {
            m["params"]["version"]
                .as_i64()
                .expect("every publish has a version")
        })
        .collect();
    assert!(
        versions.windows(2).all(|w| w[0] < w[1]),
        "versions go back: {versions:?}"
    );
    assert_eq!(*versions.last().unwrap(), version, "{versions:?}");
    // Coalesced: far fewer publishes than changes.
    assert!(versions.len() < 200, "{} publishes", versions.len());
    let expected = {
        use copydesk::analysis::{analyze, Config, Document};
        analyze(&Document::parse(text.as_str()), &Config::default()).len()
    };
    assert_eq!(last["diagnostics"].as_array().unwrap().len(), expected);
    assert_eq!(expected, 0, "the last text closes its quote");
}

#[test]
fn config_file_changes_recheck_without_restart() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().canonicalize().unwrap();
    let draft = root.join("story.md");
    let text = "He said “we will win.\n";
    std::fs::write(&draft, text).unwrap();
    let uri = file_uri(&draft);
    let mut c = LspClient::spawn(&[], None);
    c.initialize(caps(&["utf-16"]), Value::Null, Some(&root));
    let reg = c
        .wait_for(|m| m["method"] == "client/registerCapability", TIMEOUT)
        .expect("file watcher registered");
    assert_eq!(
        reg["params"]["registrations"][0]["method"],
        "workspace/didChangeWatchedFiles"
    );
    c.open(&uri, 1, text);
    assert_eq!(
        rules_of(&c.diagnostics(&uri, Some(1))),
        ["quote.unbalanced"]
    );

    let config = root.join("copydesk.toml");
    std::fs::write(&config, "[rules]\n\"quote.unbalanced\" = \"error\"\n").unwrap();
    let changed = json!({"changes": [{"uri": file_uri(&config), "type": 1}]});
    c.notify("workspace/didChangeWatchedFiles", changed.clone());
    let p = c.diagnostics(&uri, Some(1));
    assert_eq!(p["diagnostics"][0]["severity"], 1);

    // A broken file: reported with its place; the last good configuration stays.
    std::fs::write(&config, "[rules]\n\"quote.unbalanced\" = \"loud\"\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", changed.clone());
    let msg = c
        .wait_for(|m| m["method"] == "window/showMessage", TIMEOUT)
        .expect("showMessage");
    let message = msg["params"]["message"].as_str().unwrap();
    assert!(
        message.contains(&format!("{}:2:22", config.display())),
        "{message}"
    );
    let p = c.diagnostics(&uri, Some(1));
    assert_eq!(p["diagnostics"][0]["severity"], 1);

    std::fs::write(&config, "[rules]\n\"quote.unbalanced\" = \"off\"\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", changed);
    // The server's own poll of the file may have published the previous state once more
    // before this change: what must come is a publish under the new configuration.
    let off = c.wait_for(
        |m| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri.as_str()
                && m["params"]["diagnostics"]
                    .as_array()
                    .is_some_and(|d| d.is_empty())
        },
        TIMEOUT,
    );
    assert!(
        off.is_some(),
        "the rule turned off still reports; stderr:\n{}",
        c.stderr()
    );

    // Adding a word to the dictionary edits the same file, keeping what is there.
    c.call(
        "workspace/executeCommand",
        json!({"command": "copydesk.addToDictionary", "arguments": [uri, "Шмигаль"]}),
    );
    let after = std::fs::read_to_string(&config).unwrap();
    assert!(
        after.starts_with("[rules]\n\"quote.unbalanced\" = \"off\"\n"),
        "{after}"
    );
    assert!(after.contains("accept = [\"Шмигаль\"]"), "{after}");
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

#[test]
fn explain_rule_cites_the_presets_style_point() {
    let mut c = LspClient::spawn(&[], None);
    c.initialize(
        caps(&["utf-16"]),
        json!({"copydesk": {"preset": "ap"}}),
        None,
    );
    c.open(URI, 1, "The court ruled on January 5.\n");
    let point = "Style point (preset `ap`): AP Stylebook, “months” and “dates”.";
    // From the editor settings, and from the configuration of the draft named.
    for args in [json!(["date.format"]), json!(["date.format", URI])] {
        let md = c.call(
            "workspace/executeCommand",
            json!({"command": "copydesk.explainRule", "arguments": args}),
        );
        let md = md.as_str().unwrap_or_default();
        assert!(md.starts_with("## date.format"), "{md}");
        assert!(md.ends_with(&format!("\n{point}\n")), "{md}");
    }
}

#[test]
fn settings_from_initialization_options_and_configuration() {
    let mut c = LspClient::spawn(&[], None);
    c.set_settings(json!({"rules": {"quote.unbalanced": "hint"}}));
    c.initialize(
        caps(&["utf-16"]),
        json!({"copydesk": {"rules": {"quote.unbalanced": "error"}}}),
        None,
    );
    c.open(URI, 1, "He said “we will win.\n");
    // workspace/configuration (asked at `initialized`) wins over initializationOptions.
    let deadline = std::time::Instant::now() + TIMEOUT;
    loop {
        let p = c.diagnostics(URI, Some(1));
        if p["diagnostics"][0]["severity"] == 4 {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "settings never applied: {p}"
        );
    }
    c.set_settings(json!({"rules": {"quote.unbalanced": "off"}}));
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    assert!(rules_of(&c.diagnostics(URI, Some(1))).is_empty());
    // Broken settings are reported and ignored.
    c.set_settings(json!({"delayMs": "soon"}));
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    );
    let msg = c
        .wait_for(|m| m["method"] == "window/showMessage", TIMEOUT)
        .unwrap();
    assert!(msg["params"]["message"]
        .as_str()
        .unwrap()
        .contains("editor settings"));
}

/// Open `uri` until it gets no diagnostics (settings arrive asynchronously), closing it
/// in between; fail with `what` after the timeout.
fn reopen_until_quiet(c: &mut LspClient, uri: &str, text: &str, what: &str) {
    let deadline = std::time::Instant::now() + TIMEOUT;
    loop {
        c.open(uri, 1, text);
        if rules_of(&c.diagnostics(uri, Some(1))).is_empty() {
            return;
        }
        assert!(std::time::Instant::now() < deadline, "{what}");
        c.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
    }
}

/// Each workspace folder gets the settings the client gives for it; a folder added later
/// too.
#[test]
fn settings_per_workspace_folder() {
    let root = tempfile::tempdir().unwrap();
    let draft = "He said “we will win.\n";
    let mut uris = Vec::new();
    for name in ["quiet", "loud", "later"] {
        std::fs::create_dir(root.path().join(name)).unwrap();
        std::fs::write(root.path().join(name).join("draft.md"), draft).unwrap();
        uris.push(file_uri(&root.path().join(name).join("draft.md")));
    }
    let folder = |name: &str| file_uri(&root.path().join(name));
    let mut c = LspClient::spawn(&[], None);
    let off = json!({"copydesk": {"rules": {"quote.unbalanced": "off"}}});
    c.set_folder_settings(&folder("quiet"), off.clone());
    c.set_folder_settings(&folder("later"), off);
    let result = c.call(
        "initialize",
        json!({
            "processId": null,
            "workspaceFolders": [
                {"uri": folder("quiet"), "name": "quiet"},
                {"uri": folder("loud"), "name": "loud"},
            ],
            "capabilities": caps(&["utf-16"]),
        }),
    );
    assert!(result["capabilities"].is_object());
    c.notify("initialized", json!({}));
    // Settings are fetched at `initialized`: wait until the quiet folder is quiet.
    reopen_until_quiet(&mut c, &uris[0], draft, "folder settings never applied");
    c.open(&uris[1], 1, draft);
    assert_eq!(
        rules_of(&c.diagnostics(&uris[1], Some(1))),
        ["quote.unbalanced"]
    );
    // A folder added later: its settings are asked for, and apply.
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": folder("later"), "name": "later"}], "removed": []}}),
    );
    reopen_until_quiet(
        &mut c,
        &uris[2],
        draft,
        "settings of the added folder never applied",
    );
    assert_eq!(
        rules_of(&c.diagnostics(&uris[1], None)),
        ["quote.unbalanced"]
    );
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

#[test]
fn settings_pushed_in_did_change_configuration() {
    let mut c = LspClient::spawn(&[], None);
    c.initialize(json!({}), Value::Null, None);
    c.open(URI, 1, "He said “we will win.\n");
    assert_eq!(c.diagnostics(URI, Some(1))["diagnostics"][0]["severity"], 2);
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"quote.unbalanced": "information"}}}}),
    );
    assert_eq!(c.diagnostics(URI, Some(1))["diagnostics"][0]["severity"], 3);
}

#[test]
fn pull_diagnostics_for_clients_that_pull() {
    let mut c = LspClient::spawn(&[], None);
    let init = c.initialize(
        json!({"textDocument": {"diagnostic": {}}, "workspace": {"diagnostics": {"refreshSupport": true}}}),
        Value::Null,
        None,
    );
    assert_eq!(
        init["capabilities"]["diagnosticProvider"]["identifier"],
        "copydesk"
    );
    c.open(URI, 1, "He said “we will win.\n");
    let r = c.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(r["kind"], "full");
    assert_eq!(r["items"][0]["code"], "quote.unbalanced");
    let id = r["resultId"].clone();
    let r = c.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": URI}, "previousResultId": id}),
    );
    assert_eq!(r["kind"], "unchanged");
    c.drain(Duration::from_millis(200));
    assert!(c
        .take(|m| m["method"] == "textDocument/publishDiagnostics")
        .is_empty());
}

/// VS Code's capabilities (LSP 3.17 spelling, `workspace.diagnostics`): after a settings
/// change the server asks the client to pull again, without waiting for an edit.
#[test]
fn pull_clients_are_asked_to_refresh_after_a_settings_change() {
    let mut c = LspClient::spawn(&[], None);
    c.initialize(
        json!({
            "textDocument": {"diagnostic": {"dynamicRegistration": true}},
            "workspace": {"diagnostics": {"refreshSupport": true}, "configuration": false},
        }),
        Value::Null,
        None,
    );
    c.open(URI, 1, "He said “we will win.\n");
    let pull = |c: &mut LspClient| {
        c.call(
            "textDocument/diagnostic",
            json!({"textDocument": {"uri": URI}}),
        )["items"][0]["severity"]
            .clone()
    };
    assert_eq!(pull(&mut c), 2);
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"quote.unbalanced": "information"}}}}),
    );
    let refresh = c.wait_for(
        |m| m["method"] == "workspace/diagnostic/refresh",
        Duration::from_secs(1),
    );
    assert!(
        refresh.is_some(),
        "no workspace/diagnostic/refresh within a second"
    );
    assert_eq!(pull(&mut c), 3);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

#[test]
fn unknown_documents_and_methods() {
    let mut c = started(&["utf-16"]);
    let doc = json!({"uri": "file:///nowhere/x.md"});
    let pos = json!({"line": 0, "character": 0});
    let range = json!({"start": pos, "end": pos});
    assert!(c
        .call(
            "textDocument/hover",
            json!({"textDocument": doc, "position": pos})
        )
        .is_null());
    assert_eq!(
        c.call(
            "textDocument/codeAction",
            json!({"textDocument": doc, "range": range, "context": {"diagnostics": []}})
        ),
        json!([])
    );
    assert_eq!(
        c.call("textDocument/documentSymbol", json!({"textDocument": doc})),
        json!([])
    );
    assert_eq!(
        c.call(
            "textDocument/inlayHint",
            json!({"textDocument": doc, "range": range})
        ),
        json!([])
    );
    assert_eq!(
        c.call("textDocument/diagnostic", json!({"textDocument": doc}))["items"],
        json!([])
    );
    assert!(c.debug_text("file:///nowhere/x.md").is_null());
    // A change for a document that is not open is ignored; the server stays up.
    c.change("file:///nowhere/x.md", 2, json!([{"text": "x"}]));
    let r = c.request("copydesk/noSuchMethod", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

#[test]
fn debug_text_is_not_advertised() {
    let mut c = LspClient::spawn(&[], None);
    let init = c.initialize(caps(&["utf-16"]), Value::Null, None);
    assert!(!init.to_string().contains("debugText"));
    let cmds = &init["capabilities"]["executeCommandProvider"]["commands"];
    assert_eq!(
        cmds,
        &json!(["copydesk.addToDictionary", "copydesk.explainRule"])
    );
    assert_eq!(init["capabilities"]["inlayHintProvider"], true);
}

#[test]
fn exit_without_shutdown_is_code_1() {
    let mut c = started(&["utf-16"]);
    c.notify("exit", Value::Null);
    let status = c.wait_exit(Duration::from_secs(5)).expect("exits promptly");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn shutdown_then_exit_is_code_0_and_prompt() {
    let mut c = started(&["utf-16"]);
    c.open(URI, 1, "He said “we will win.\n");
    c.call("shutdown", Value::Null);
    let t = std::time::Instant::now();
    c.notify("exit", Value::Null);
    // stdin stays open: the server must not wait for it to close.
    let status = c.wait_exit(Duration::from_secs(5)).expect("exits promptly");
    assert_eq!(status.code(), Some(0));
    assert!(t.elapsed() < Duration::from_secs(2));
}

/// Emacs's eglot sends `"params": null` with shutdown and exit.
#[test]
fn shutdown_and_exit_with_null_params() {
    let mut c = started(&["utf-16"]);
    c.send(&serde_json::json!({"jsonrpc": "2.0", "id": 900, "method": "shutdown", "params": null}));
    let resp = c
        .wait_for(
            |m| m.get("id") == Some(&serde_json::json!(900)),
            Duration::from_secs(5),
        )
        .expect("shutdown answered");
    assert!(resp.get("error").is_none(), "{resp}");
    c.send(&serde_json::json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    assert_eq!(
        c.wait_exit(Duration::from_secs(5)).expect("exits").code(),
        Some(0)
    );
}

#[test]
fn end_of_input_ends_the_server() {
    let mut c = started(&["utf-16"]);
    c.open(URI, 1, "He said “we will win.\n");
    c.close_stdin();
    let status = c.wait_exit(Duration::from_secs(5)).expect("exits at EOF");
    assert_eq!(status.code(), Some(1));

    let mut c = started(&["utf-16"]);
    c.call("shutdown", Value::Null);
    c.close_stdin();
    assert_eq!(c.wait_exit(Duration::from_secs(5)).unwrap().code(), Some(0));
}

#[test]
fn log_level_flag_is_honoured() {
    let mut c = LspClient::spawn(&["--stdio", "--log-level", "debug"], None);
    c.initialize(caps(&["utf-16"]), Value::Null, None);
    c.open(URI, 1, "He said “we will win.\n");
    c.diagnostics(URI, Some(1));
    let log = c
        .wait_for(
            |m| {
                m["method"] == "window/logMessage"
                    && m["params"]["message"]
                        .as_str()
                        .unwrap_or("")
                        .starts_with("analysed")
            },
            TIMEOUT,
        )
        .expect("debug log");
    assert_eq!(log["params"]["type"], 4);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
    assert!(c.stderr().contains("analysed untitled:draft-1 v1"));

    let mut bad = LspClient::spawn(&["--log-level", "loud"], None);
    assert_eq!(
        bad.wait_exit(Duration::from_secs(5)).unwrap().code(),
        Some(2)
    );
}

#[test]
fn names_hover_definition_references_and_rename() {
    let mut c = started(&["utf-16"]);
    let text = "Kremlin spokesman Ivan Petrenko met Volodymyr Zelenskiy.\n\nPetrenko said Zelensky left.\n";
    c.open(URI, 1, text);
    c.diagnostics(URI, Some(1));
    let at = position(text, text.rfind("Zelensky").unwrap(), false);
    let h = c.call(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": at}),
    );
    assert!(h["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("**Volodymyr Zelenskyy**"));
    let at = position(text, text.rfind("Petrenko").unwrap(), false);
    let d = c.call(
        "textDocument/definition",
        json!({"textDocument": {"uri": URI}, "position": at}),
    );
    assert_eq!(
        d["range"]["start"],
        position(text, text.find("Ivan").unwrap(), false)
    );
    let r = c.call(
        "textDocument/references",
        json!({"textDocument": {"uri": URI}, "position": at, "context": {"includeDeclaration": true}}),
    );
    assert_eq!(r.as_array().unwrap().len(), 2);
    let e = c.call(
        "textDocument/rename",
        json!({"textDocument": {"uri": URI}, "position": at, "newName": "Petrenco"}),
    );
    assert_eq!(e["changes"][URI].as_array().unwrap().len(), 2);
}
