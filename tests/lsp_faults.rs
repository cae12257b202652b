//! Faults against the real `copydesk lsp`: malformed JSON-RPC, bad and oversized
//! Content-Length headers, requests before `initialize`, hostile documents and positions,
//! and the client vanishing mid-message. Each gets a clear error or a bounded answer
//! within a time limit, and the server keeps serving other documents.

mod common;

use common::lsp_client::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const OTHER: &str = "untitled:other";

fn started() -> LspClient {
    let mut c = LspClient::spawn(&[], None);
    c.initialize(caps(&["utf-16"]), Value::Null, None);
    c
}

/// The server still analyses a fresh document and answers a request.
fn still_serving(c: &mut LspClient, version: i64) {
    c.open(OTHER, version, "He said “we will win.\n");
    let d = c.diagnostics(OTHER, Some(version));
    assert_eq!(d["diagnostics"].as_array().map(Vec::len), Some(1), "{d}");
    let r = c.request("copydesk/noSuchMethod", json!({}));
    assert_eq!(r["error"]["code"], -32601, "{r}");
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": OTHER}}),
    );
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut v = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    v.extend_from_slice(body);
    v
}

/// Malformed messages: not JSON, truncated JSON, the wrong shape, invalid UTF-8, bad
/// headers. tower-lsp 0.20's own reader stops at the first one it cannot decode, so
/// `src/lsp/framing.rs` checks every frame before tower-lsp sees it.
fn malformed_inputs() -> Vec<Vec<u8>> {
    vec![
        frame(b"this is not json"),
        frame(b"{\"jsonrpc\": \"2.0\", \"id\": 9"),
        frame(b"[1, 2, 3]"),
        frame(b"\"just a string\""),
        frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\xff\xfe\"}"),
        frame(b"{}"),
        b"Content-Length: lots\r\n\r\n{}".to_vec(),
        b"Content-Type: text/plain\r\n\r\n{}".to_vec(),
        b"Content-Length: 999999999999999999999999999\r\n\r\n{}".to_vec(),
    ]
}

/// A malformed message gets a JSON-RPC error and the server goes on serving the drafts it
/// has open, without a panic.
#[test]
fn malformed_json_rpc_gets_errors_and_the_server_goes_on() {
    for bad in malformed_inputs() {
        let shown = String::from_utf8_lossy(&bad[..bad.len().min(40)]).into_owned();
        let mut c = started();
        c.open(OTHER, 1, "He said “we will win.\n");
        c.diagnostics(OTHER, Some(1));
        c.send_raw(&bad);
        let answer = c
            .wait_for(
                |m| m.get("method").is_none() && m["id"].is_null() && m.get("error").is_some(),
                TIMEOUT,
            )
            .unwrap_or_else(|| panic!("no error answer to {shown}"));
        let code = answer["error"]["code"].as_i64();
        assert!(matches!(code, Some(-32700 | -32600)), "{shown}: {answer}");
        still_serving(&mut c, 1);
        assert_eq!(c.shutdown_and_exit().code(), Some(0));
        assert!(
            c.stderr().contains("malformed message"),
            "{shown}: {}",
            c.stderr()
        );
        assert!(!c.stderr().contains("panicked"), "{shown}: {}", c.stderr());
    }
}

/// Wrongly typed params and unknown notifications are answered or ignored, and the
/// server goes on.
#[test]
fn invalid_params_and_unknown_notifications() {
    let mut c = started();
    let bad = c.request(
        "textDocument/hover",
        json!({"textDocument": 42, "position": "nowhere"}),
    );
    assert_eq!(bad["error"]["code"], -32602, "invalid params: {bad}");
    c.notify("$/noSuchNotification", json!({"x": 1}));
    c.notify("textDocument/didOpen", json!({"textDocument": {"uri": 5}}));
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": OTHER}, "contentChanges": "nope"}),
    );
    still_serving(&mut c, 1);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
    assert!(!c.stderr().contains("panicked"), "{}", c.stderr());
}

/// An absurd Content-Length must not make the server allocate it: it waits for the body
/// (it cannot know better) and ends cleanly when the client goes.
#[test]
fn oversized_content_length_is_not_allocated() {
    let mut c = started();
    c.send_raw(b"Content-Length: 99999999999999\r\n\r\n{\"jsonrpc\":\"2.0\"");
    std::thread::sleep(Duration::from_millis(500));
    c.close_stdin();
    let status = c
        .wait_exit(Duration::from_secs(10))
        .expect("ends when the client goes");
    assert!(status.code().is_some(), "killed by a signal: {status:?}");
    assert!(!c.stderr().contains("panicked"), "{}", c.stderr());
}

/// A header that claims 10 GB and is followed by a short body and the client's next
/// messages: the claim is refused, and the server goes on serving what follows.
#[test]
fn a_lying_content_length_does_not_cost_the_server() {
    let mut c = started();
    c.send_raw(b"Content-Length: 10000000000\r\n\r\n{\"jsonrpc\":\"2.0\"}");
    let refused = c
        .wait_for(|m| m["error"]["code"] == -32600, Duration::from_secs(5))
        .expect("the claim is refused");
    assert!(
        refused["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("over the limit")),
        "{refused}"
    );
    still_serving(&mut c, 1);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

/// A client that writes initialize, shutdown and exit in one go gets both answers, and
/// the server ends with 0 (shutdown came before exit).
#[test]
fn initialize_shutdown_and_exit_at_once_are_all_answered() {
    let mut c = LspClient::spawn(&[], None);
    let mut all = frame(
        json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
               "params": {"capabilities": {}, "processId": null, "rootUri": null}})
        .to_string()
        .as_bytes(),
    );
    all.extend(frame(br#"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#));
    all.extend(frame(br#"{"jsonrpc":"2.0","method":"exit"}"#));
    c.send_raw(&all);
    let status = c.wait_exit(Duration::from_secs(10)).expect("ends at exit");
    assert_eq!(status.code(), Some(0), "{}", c.stderr());
    let init = c
        .wait_for(|m| m["id"] == 1, Duration::from_secs(2))
        .expect("initialize answered");
    assert!(init["result"]["capabilities"].is_object(), "{init}");
    let shutdown = c
        .wait_for(|m| m["id"] == 2, Duration::from_secs(2))
        .expect("shutdown answered");
    assert_eq!(shutdown["result"], Value::Null, "{shutdown}");
    assert!(shutdown.get("error").is_none(), "{shutdown}");
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut c = LspClient::spawn(&[], None);
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": OTHER}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r["error"]["code"], -32002, "server not initialized: {r}");
    let r = c.request("shutdown", Value::Null);
    assert!(r.get("error").is_some(), "{r}");
    // Notifications before initialize are dropped, not acted on.
    c.open(OTHER, 1, "He said “we will win.\n");
    c.drain(Duration::from_millis(300));
    assert!(c
        .take(|m| m["method"] == "textDocument/publishDiagnostics")
        .is_empty());
    // Initialize then works as usual, twice is an error.
    c.initialize(caps(&["utf-16"]), Value::Null, None);
    let again = c.request(
        "initialize",
        json!({"processId": null, "rootUri": null, "capabilities": {}}),
    );
    assert!(again.get("error").is_some(), "{again}");
    still_serving(&mut c, 2);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

#[test]
fn client_vanishing_mid_message_ends_the_server_cleanly() {
    for cut in [
        &b"Content-Length: 120\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"textDo"[..],
        &b"Content-Len"[..],
        &b"Content-Length: 52\r\n"[..],
    ] {
        let mut c = started();
        c.open(OTHER, 1, "He said “we will win.\n");
        c.diagnostics(OTHER, Some(1));
        c.send_raw(cut);
        c.close_stdin();
        let t = Instant::now();
        let status = c
            .wait_exit(Duration::from_secs(10))
            .expect("the server ends when its client vanishes");
        assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
        // Like end of input without shutdown: exit code 1, no panic.
        assert_eq!(status.code(), Some(1), "{:?}", String::from_utf8_lossy(cut));
        assert!(!c.stderr().contains("panicked"), "{}", c.stderr());
    }
}

#[test]
fn out_of_range_and_inverted_positions_are_clamped() {
    let mut c = started();
    let uri = "untitled:clamp";
    c.open(uri, 1, "Київ 😀\r\nsecond line\n");
    let big = json!({"line": 4_000_000_000u32, "character": 4_000_000_000u32});
    let changes = json!([
        {"range": {"start": {"line": 0, "character": 999}, "end": {"line": 0, "character": 999}}, "text": "!"},
        {"range": {"start": big, "end": big}, "text": "END"},
        // Inside the emoji's surrogate pair: rounds to its start.
        {"range": {"start": {"line": 0, "character": 6}, "end": {"line": 0, "character": 6}}, "text": "|"},
        // Inverted: taken as empty at its start.
        {"range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 0}}, "text": "~"},
    ]);
    c.change(uri, 2, changes);
    c.diagnostics(uri, Some(2));
    let text = c.debug_text(uri);
    assert_eq!(text, json!("Київ |😀!\r\nsecond~ line\nEND"), "{text}");
    for req in [
        "textDocument/hover",
        "textDocument/codeAction",
        "textDocument/inlayHint",
    ] {
        let r = c.request(
            req,
            json!({"textDocument": {"uri": uri}, "position": big,
                   "range": {"start": big, "end": {"line": 0, "character": 0}},
                   "context": {"diagnostics": []}}),
        );
        assert!(r.get("error").is_none(), "{req}: {r}");
    }
    still_serving(&mut c, 1);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}

#[test]
fn hostile_documents_get_bounded_answers_and_others_are_served() {
    let mut c = started();
    let docs: Vec<(String, String)> = vec![
        (
            "untitled:quotes".into(),
            "He said “we will win. ".repeat(5_000),
        ),
        (
            "untitled:line".into(),
            "The council said on Monday that “the budget” would pass. ".repeat(8_000),
        ),
        (
            "untitled:nested".into(),
            format!(
                "{}deep “quote\n\n{}deep\n",
                "> ".repeat(3_000),
                "- ".repeat(5_000)
            ),
        ),
        ("untitled:nul".into(), "He said \0 “hi\0.\n\n".repeat(2_000)),
        ("untitled:empty".into(), String::new()),
    ];
    let t = Instant::now();
    for (uri, text) in &docs {
        c.open(uri, 1, text);
    }
    for (uri, _) in &docs {
        c.diagnostics(uri, Some(1));
    }
    let all = t.elapsed();
    eprintln!("hostile documents analysed and published in {all:?}");
    // Hover in the middle of the long line answers.
    let r = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": "untitled:quotes"}, "position": {"line": 0, "character": 40_000}}),
    );
    assert!(r.get("error").is_none(), "{r}");
    still_serving(&mut c, 1);
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
    assert!(!c.stderr().contains("panicked"), "{}", c.stderr());
}

/// A draft over the large-draft size is analysed on a worker of its own, after a pause:
/// a small draft opened right after it is served first, the user is told once what
/// happens to the big one, and the big one still gets its diagnostics.
#[test]
fn a_large_draft_does_not_keep_small_ones_waiting() {
    let mut c = started();
    let paragraph = "The council said on Monday that “the budget” would pass.\n\n";
    // Just over the limit: a debug build on a busy machine analyses it in seconds.
    let big = paragraph.repeat((11 << 17) / paragraph.len());
    c.open("untitled:big", 1, &big);
    c.open(OTHER, 1, "He said “we will win.\n");
    let first = c
        .wait_for(
            |m| m["method"] == "textDocument/publishDiagnostics",
            Duration::from_secs(60),
        )
        .expect("a publish");
    assert_eq!(first["params"]["uri"], OTHER, "the small draft comes first");
    let notice = c
        .wait_for(
            |m| m["method"] == "window/showMessage",
            Duration::from_secs(60),
        )
        .expect("the user is told");
    let text = notice["params"]["message"].as_str().unwrap_or_default();
    assert!(
        text.contains("big") && text.contains("pause in typing"),
        "{text}"
    );
    assert_eq!(notice["params"]["type"], 3, "information");
    let big_published = |version: i64| {
        move |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == "untitled:big"
                && m["params"]["version"] == version
        }
    };
    let d = c
        .wait_for(big_published(1), Duration::from_secs(120))
        .expect("the big draft is checked too");
    assert!(
        d["params"]["diagnostics"]
            .as_array()
            .is_some_and(|a| !a.is_empty()),
        "{}",
        d["params"]["diagnostics"]
    );
    // An edit is analysed again, and the notice is not repeated.
    c.change(
        "untitled:big",
        2,
        json!([{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 3}}, "text": "A"}]),
    );
    c.wait_for(big_published(2), Duration::from_secs(120))
        .expect("the edit is checked");
    assert!(c.take(|m| m["method"] == "window/showMessage").is_empty());
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}
