//! A small LSP client for end-to-end tests: spawns the real `copydesk lsp`, speaks
//! JSON-RPC with Content-Length framing over its stdio, answers the server's requests
//! (`workspace/configuration` with [`LspClient::set_settings`], everything else `null`)
//! and records every message the server sends.
#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const TIMEOUT: Duration = Duration::from_secs(20);

pub fn write_message(w: &mut impl Write, msg: &Value) -> std::io::Result<()> {
    let body = serde_json::to_vec(msg)?;
    write!(w, "Content-Length: {}\r\n\r\n", body.len())?;
    w.write_all(&body)?;
    w.flush()
}

/// One framed message, or `None` at end of stream.
pub fn read_message(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

/// Settings the client gives for one workspace folder (by its URI) instead of the global ones.
type FolderSettings = Arc<Mutex<Vec<(String, Value)>>>;

pub struct LspClient {
    child: Child,
    stdin: Arc<Mutex<Option<ChildStdin>>>,
    rx: Receiver<Value>,
    /// Messages received but not yet consumed, in arrival order.
    backlog: VecDeque<Value>,
    /// Every message from the server, in order (including consumed ones).
    pub log: Vec<Value>,
    settings: Arc<Mutex<Value>>,
    folder_settings: FolderSettings,
    pub stderr: Arc<Mutex<String>>,
    next_id: i64,
}

impl LspClient {
    /// Start `copydesk lsp` with extra arguments, in `cwd`.
    pub fn spawn(args: &[&str], cwd: Option<&Path>) -> LspClient {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_copydesk"));
        cmd.arg("lsp").args(args);
        if let Some(dir) = cwd {
            cmd.current_dir(dir);
        }
        let mut child = cmd
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn copydesk lsp");
        let stdin = Arc::new(Mutex::new(child.stdin.take()));
        let stdout = child.stdout.take().expect("stdout");
        let stderr_pipe = child.stderr.take().expect("stderr");
        let settings = Arc::new(Mutex::new(Value::Null));
        let folder_settings: FolderSettings = Arc::default();
        let stderr = Arc::new(Mutex::new(String::new()));
        let (tx, rx) = channel();
        {
            let stdin = stdin.clone();
            let settings = settings.clone();
            let folder_settings = folder_settings.clone();
            std::thread::spawn(move || {
                let mut r = BufReader::new(stdout);
                while let Some(msg) = read_message(&mut r) {
                    // Answer the server's requests at once.
                    if let (Some(id), Some(method)) = (msg.get("id"), msg.get("method")) {
                        let result = if method == "workspace/configuration" {
                            let global = settings.lock().unwrap().clone();
                            let scoped = folder_settings.lock().unwrap().clone();
                            let items = msg["params"]["items"].as_array().cloned();
                            let answer = |item: &Value| {
                                let scope = item["scopeUri"].as_str().unwrap_or("");
                                scoped
                                    .iter()
                                    .find(|(uri, _)| scope.trim_end_matches('/') == uri)
                                    .map_or(global.clone(), |(_, v)| v.clone())
                            };
                            Value::Array(items.unwrap_or_default().iter().map(answer).collect())
                        } else {
                            Value::Null
                        };
                        let reply = json!({"jsonrpc": "2.0", "id": id, "result": result});
                        if let Some(w) = stdin.lock().unwrap().as_mut() {
                            let _ = write_message(w, &reply);
                        }
                    }
                    if tx.send(msg).is_err() {
                        break;
                    }
                }
            });
        }
        {
            let stderr = stderr.clone();
            std::thread::spawn(move || {
                let mut r = BufReader::new(stderr_pipe);
                let mut line = String::new();
                while r.read_line(&mut line).unwrap_or(0) > 0 {
                    stderr.lock().unwrap().push_str(&line);
                    line.clear();
                }
            });
        }
        LspClient {
            child,
            stdin,
            rx,
            backlog: VecDeque::new(),
            log: Vec::new(),
            settings,
            folder_settings,
            stderr,
            next_id: 1,
        }
    }

    /// The `copydesk` settings the client answers `workspace/configuration` with.
    pub fn set_settings(&self, v: Value) {
        *self.settings.lock().unwrap() = v;
    }

    /// The settings the client answers for items scoped to the folder at `uri`.
    pub fn set_folder_settings(&self, uri: &str, v: Value) {
        let mut f = self.folder_settings.lock().unwrap();
        f.retain(|(u, _)| u != uri.trim_end_matches('/'));
        f.push((uri.trim_end_matches('/').to_string(), v));
    }

    pub fn send(&self, msg: &Value) {
        let mut guard = self.stdin.lock().unwrap();
        let w = guard.as_mut().expect("stdin open");
        write_message(w, msg).expect("write to server");
    }

    /// Send raw bytes (for malformed input tests).
    pub fn send_raw(&self, bytes: &[u8]) {
        let mut guard = self.stdin.lock().unwrap();
        let w = guard.as_mut().expect("stdin open");
        w.write_all(bytes).unwrap();
        w.flush().unwrap();
    }

    pub fn close_stdin(&self) {
        self.stdin.lock().unwrap().take();
    }

    pub fn notify(&self, method: &str, params: Value) {
        let mut msg = json!({"jsonrpc": "2.0", "method": method});
        if !params.is_null() {
            msg["params"] = params;
        }
        self.send(&msg);
    }

    /// Send a request; returns its id.
    pub fn request_async(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let mut msg = json!({"jsonrpc": "2.0", "id": id, "method": method});
        if !params.is_null() {
            msg["params"] = params;
        }
        self.send(&msg);
        id
    }

    /// Send a request and wait for the whole response message.
    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_async(method, params);
        self.wait_for(
            |m| m.get("id") == Some(&json!(id)) && m.get("method").is_none(),
            TIMEOUT,
        )
        .unwrap_or_else(|| panic!("no response to {method}; stderr:\n{}", self.stderr()))
    }

    /// The `result` of a request (panics on an error response).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        let resp = self.request(method, params);
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    fn recv(&mut self, deadline: Instant) -> Option<Value> {
        let now = Instant::now();
        let left = deadline.saturating_duration_since(now);
        match self.rx.recv_timeout(left) {
            Ok(m) => {
                self.log.push(m.clone());
                Some(m)
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => None,
        }
    }

    /// The first message (from the backlog, then the stream) matching `pred`; others are
    /// kept in the backlog.
    pub fn wait_for(&mut self, pred: impl Fn(&Value) -> bool, timeout: Duration) -> Option<Value> {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + timeout;
        while let Some(m) = self.recv(deadline) {
            if pred(&m) {
                return Some(m);
            }
            self.backlog.push_back(m);
        }
        None
    }

    /// Everything that arrives within `quiet` of silence, into the backlog.
    pub fn drain(&mut self, quiet: Duration) {
        while let Some(m) = self.recv(Instant::now() + quiet) {
            self.backlog.push_back(m);
        }
    }

    /// Remove and return the backlog's messages matching `pred`.
    pub fn take(&mut self, pred: impl Fn(&Value) -> bool) -> Vec<Value> {
        let (hit, keep): (Vec<Value>, Vec<Value>) = self.backlog.drain(..).partition(&pred);
        self.backlog = keep.into();
        hit
    }

    pub fn initialize(
        &mut self,
        capabilities: Value,
        init_options: Value,
        root: Option<&Path>,
    ) -> Value {
        let root_uri = root.map(file_uri);
        let folders = root_uri
            .as_ref()
            .map(|u| json!([{"uri": u, "name": "root"}]))
            .unwrap_or(Value::Null);
        let result = self.call(
            "initialize",
            json!({
                "processId": null,
                "rootUri": root_uri,
                "workspaceFolders": folders,
                "capabilities": capabilities,
                "initializationOptions": init_options,
            }),
        );
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": version, "text": text}}),
        );
    }

    pub fn change(&self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    /// The next `publishDiagnostics` for `uri` (optionally at `version`).
    pub fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Value {
        let uri = uri.to_string();
        self.wait_for(
            |m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri.as_str()
                    && version.is_none_or(|v| m["params"]["version"] == v)
            },
            TIMEOUT,
        )
        .unwrap_or_else(|| {
            panic!(
                "no diagnostics for {uri} v{version:?}; stderr:\n{}",
                self.stderr()
            )
        })["params"]
            .clone()
    }

    pub fn debug_text(&mut self, uri: &str) -> Value {
        self.call("copydesk/debugText", json!({"uri": uri}))
    }

    pub fn wait_exit(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    pub fn shutdown_and_exit(&mut self) -> ExitStatus {
        self.call("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.wait_exit(Duration::from_secs(5))
            .expect("server exits after exit")
    }

    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }
}

impl Drop for LspClient {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

pub fn file_uri(p: &Path) -> String {
    let s = p.to_str().expect("utf-8 path");
    format!("file://{}", s.replace(' ', "%20"))
}

/// Client capabilities: push diagnostics, dynamic file watching, workspace/configuration,
/// with the given position encodings offered.
pub fn caps(encodings: &[&str]) -> Value {
    json!({
        "general": {"positionEncodings": encodings},
        "workspace": {
            "configuration": true,
            "didChangeWatchedFiles": {"dynamicRegistration": true},
            "workspaceFolders": true
        },
        "textDocument": {
            "publishDiagnostics": {"relatedInformation": true, "versionSupport": true, "dataSupport": true},
            "hover": {"contentFormat": ["markdown"]},
            "codeAction": {"codeActionLiteralSupport": {"codeActionKind": {"valueSet": ["quickfix", "source.fixAll"]}}}
        }
    })
}

/// Line breaks as LSP counts them: `\r\n`, `\n`, `\r`.
pub fn line_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let mut starts = vec![0];
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
            starts.push(i + 2);
            i += 2;
            continue;
        }
        if b[i] == b'\n' || b[i] == b'\r' {
            starts.push(i + 1);
        }
        i += 1;
    }
    starts
}

fn width(c: char, utf8: bool) -> usize {
    if utf8 {
        c.len_utf8()
    } else {
        c.len_utf16()
    }
}

/// The LSP position of a byte offset (on a char boundary, not inside a `\r\n`).
pub fn position(text: &str, offset: usize, utf8: bool) -> Value {
    let starts = line_starts(text);
    let line = starts.partition_point(|&s| s <= offset) - 1;
    let col: usize = text[starts[line]..offset]
        .chars()
        .map(|c| width(c, utf8))
        .sum();
    json!({"line": line, "character": col})
}

/// The byte offset of an LSP position (for positions inside the text).
pub fn offset(text: &str, pos: &Value, utf8: bool) -> usize {
    let starts = line_starts(text);
    let line = pos["line"].as_u64().unwrap() as usize;
    let col = pos["character"].as_u64().unwrap() as usize;
    if line >= starts.len() {
        return text.len();
    }
    let mut units = 0;
    let mut o = starts[line];
    for c in text[o..].chars() {
        if c == '\n' || c == '\r' || units + width(c, utf8) > col {
            break;
        }
        units += width(c, utf8);
        o += c.len_utf8();
    }
    o
}

/// Apply LSP text edits (non-overlapping, positions in the original text).
pub fn apply_text_edits(text: &str, edits: &[Value], utf8: bool) -> String {
    let mut spans: Vec<(usize, usize, String)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"], utf8),
                offset(text, &e["range"]["end"], utf8),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    spans.sort_by_key(|s| (s.0, s.1));
    let mut out = String::new();
    let mut cursor = 0;
    for (s, e, t) in spans {
        out.push_str(&text[cursor..s]);
        out.push_str(&t);
        cursor = e;
    }
    out.push_str(&text[cursor..]);
    out
}
