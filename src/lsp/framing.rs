//! JSON-RPC framing in front of tower-lsp, so that a malformed message cannot end the server.
//!
//! tower-lsp 0.20 reads stdin through a codec that stops for good at the first message it
//! cannot decode. Here we read the frames ourselves, check each one, and pass only
//! well-formed ones on; a malformed one gets a JSON-RPC error answer, a warning on stderr,
//! and the reader resynchronises on the next `Content-Length:` header.
//!
//! ```text
//! stdin ─▶ forward ── good frames, re-framed ──▶ pipe ─▶ tower-lsp ─▶ pipe ─┐
//!             └──── error answers ──▶ channel ──────────────────▶ relay ◀─┘
//!                                                                   └──▶ stdout
//! ```
//!
//! One task, [`relay`], owns stdout. It copies tower-lsp's output one complete frame at a
//! time and writes the error answers waiting in the channel only between frames, so an
//! answer can never land inside another message.
//!
//! What counts as well-formed (see [`check_body`]) is stricter than what tower-lsp's
//! decoder accepts, so nothing that is forwarded can stop its reader.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use std::fmt;
use std::io;
use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt,
};
use tokio::sync::mpsc;
use tower_lsp::jsonrpc::{Error as RpcError, ErrorCode, Id, Response};

/// The largest message accepted (a 50 MB draft, JSON-escaped, fits). A bigger one is
/// answered with an error and its bytes are skipped as they arrive, never buffered.
pub const MAX_MESSAGE: u64 = 64 << 20;
/// The most bytes a header block may take (LSP sends one or two short headers).
const MAX_HEADER: usize = 8 << 10;
/// What resynchronisation looks for (clients spell it this way; headers are otherwise
/// matched without regard to case).
const MARKER: &[u8] = b"Content-Length:";
/// Buffer sizes: stdin reads and the in-process pipes.
const READ_BUFFER: usize = 64 << 10;
pub const PIPE_BUFFER: usize = 1 << 20;

/// A message that could not be passed on, and the answer it gets.
#[derive(Debug, Clone, PartialEq)]
pub struct Malformed {
    pub code: ErrorCode,
    pub detail: String,
    /// The request's id when it could be read, else null.
    pub id: Id,
}

impl Malformed {
    fn parse(detail: impl Into<String>) -> Self {
        Malformed {
            code: ErrorCode::ParseError,
            detail: detail.into(),
            id: Id::Null,
        }
    }

    fn invalid(detail: impl Into<String>, id: Id) -> Self {
        Malformed {
            code: ErrorCode::InvalidRequest,
            detail: detail.into(),
            id,
        }
    }

    /// The framed JSON-RPC error response.
    pub fn answer(&self) -> Vec<u8> {
        let error = RpcError {
            code: self.code,
            message: format!("{}: {}", self.code.description(), self.detail).into(),
            data: None,
        };
        let body = serde_json::to_vec(&Response::from_error(self.id.clone(), error))
            .unwrap_or_else(|_| {
                br#"{"jsonrpc":"2.0","error":{"code":-32603,"message":"Internal error"},"id":null}"#
                    .to_vec()
            });
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(&body);
        out
    }
}

/// One step of the input.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A well-formed message, re-framed (`Content-Length` header, blank line, the body
    /// byte for byte), ready for tower-lsp.
    Message(Vec<u8>),
    /// A malformed message or stray bytes.
    Malformed(Malformed),
}

/// Reads LSP frames from a buffered byte stream.
pub struct FrameReader<R> {
    input: R,
    max_message: u64,
    /// After a header we could not use: skip to the next `Content-Length:`.
    resync: bool,
    /// The start of the next header line, already consumed (the resync marker, or a
    /// header found after stray bytes on the same line), and whether it is a whole line.
    pending: Option<(Vec<u8>, bool)>,
    /// Body bytes still to skip (an oversized message, or one in an unsupported charset).
    skip: u64,
}

enum Line {
    Done,
    Eof,
    TooLong,
}

/// The useful part of a header block.
struct Headers {
    len: u64,
    /// The charset named by `Content-Type` when it is not UTF-8.
    bad_charset: Option<String>,
}

impl<R: AsyncBufRead + Unpin> FrameReader<R> {
    pub fn new(input: R) -> Self {
        Self::with_limit(input, MAX_MESSAGE)
    }

    pub fn with_limit(input: R, max_message: u64) -> Self {
        FrameReader {
            input,
            max_message,
            resync: false,
            pending: None,
            skip: 0,
        }
    }

    /// The next frame, or `None` at the end of input (also in the middle of a message:
    /// the client is gone).
    pub async fn next(&mut self) -> io::Result<Option<Frame>> {
        if self.skip > 0 && !self.skip_body().await? {
            return Ok(None);
        }
        if self.resync {
            if !self.skip_to_marker().await? {
                return Ok(None);
            }
            self.resync = false;
            self.pending = Some((MARKER.to_vec(), false));
        }
        let headers = match self.read_headers().await? {
            None => return Ok(None),
            Some(Ok(h)) => h,
            Some(Err(m)) => return Ok(Some(Frame::Malformed(m))),
        };
        if headers.len > self.max_message {
            self.skip = headers.len;
            return Ok(Some(Frame::Malformed(Malformed::invalid(
                format!(
                    "a message of {} bytes is over the limit of {} bytes; skipped",
                    headers.len, self.max_message
                ),
                Id::Null,
            ))));
        }
        if let Some(charset) = headers.bad_charset {
            self.skip = headers.len;
            return Ok(Some(Frame::Malformed(Malformed::parse(format!(
                "charset `{charset}` is not supported, only utf-8"
            )))));
        }
        // At most `max_message`: fits in memory and in usize.
        let len = headers.len as usize;
        let header = format!("Content-Length: {len}\r\n\r\n");
        let mut frame = Vec::with_capacity(header.len() + len);
        frame.extend_from_slice(header.as_bytes());
        let end = header.len() + len;
        // Straight into the frame (BufReader hands big reads to stdin directly); `take`
        // keeps the next message's bytes out.
        while frame.len() < end {
            let want = (end - frame.len()) as u64;
            if (&mut self.input).take(want).read_buf(&mut frame).await? == 0 {
                return Ok(None);
            }
        }
        Ok(Some(match check_body(&frame[header.len()..]) {
            Ok(()) => Frame::Message(frame),
            Err(m) => Frame::Malformed(m),
        }))
    }

    /// Skip `self.skip` bytes as they arrive. False at end of input.
    async fn skip_body(&mut self) -> io::Result<bool> {
        while self.skip > 0 {
            let buf = self.input.fill_buf().await?;
            if buf.is_empty() {
                return Ok(false);
            }
            let n = buf
                .len()
                .min(usize::try_from(self.skip).unwrap_or(usize::MAX));
            self.input.consume(n);
            self.skip -= n as u64;
        }
        Ok(true)
    }

    /// Consume input up to and including the next `Content-Length:`. False at end of input.
    async fn skip_to_marker(&mut self) -> io::Result<bool> {
        let mut matched = 0;
        loop {
            let buf = self.input.fill_buf().await?;
            if buf.is_empty() {
                return Ok(false);
            }
            let mut found = None;
            for (i, &b) in buf.iter().enumerate() {
                // No proper prefix of the marker is also its suffix, so on a mismatch the
                // match can only restart at this byte.
                matched = if b == MARKER[matched] {
                    matched + 1
                } else {
                    usize::from(b == MARKER[0])
                };
                if matched == MARKER.len() {
                    found = Some(i + 1);
                    break;
                }
            }
            let n = found.unwrap_or(buf.len());
            self.input.consume(n);
            if found.is_some() {
                return Ok(true);
            }
        }
    }

    /// Append input up to the next `\n` (consumed, not appended) to `line`, within `budget`
    /// bytes in all.
    async fn read_line(&mut self, line: &mut Vec<u8>, budget: usize) -> io::Result<Line> {
        loop {
            let buf = self.input.fill_buf().await?;
            if buf.is_empty() {
                return Ok(Line::Eof);
            }
            let newline = buf.iter().position(|&b| b == b'\n');
            let take = newline.unwrap_or(buf.len());
            if line.len() + take > budget {
                // Leave the rest for resynchronisation, which may find a header in it.
                let n = budget.saturating_sub(line.len());
                self.input.consume(n);
                return Ok(Line::TooLong);
            }
            line.extend_from_slice(&buf[..take]);
            match newline {
                Some(i) => {
                    self.input.consume(i + 1);
                    return Ok(Line::Done);
                }
                None => {
                    self.input.consume(take);
                }
            }
        }
    }

    /// Read a header block up to its blank line. `None` at end of input.
    async fn read_headers(&mut self) -> io::Result<Option<Result<Headers, Malformed>>> {
        let mut len: Option<u64> = None;
        let mut bad_charset = None;
        let mut seen_any = false;
        let mut used = 0;
        loop {
            let (mut line, complete) = self.pending.take().unwrap_or_default();
            if !complete {
                match self
                    .read_line(&mut line, MAX_HEADER.saturating_sub(used))
                    .await?
                {
                    Line::Done => {}
                    Line::Eof => return Ok(None),
                    Line::TooLong => {
                        self.resync = true;
                        return Ok(Some(Err(Malformed::parse(format!(
                            "header block longer than {MAX_HEADER} bytes"
                        )))));
                    }
                }
            }
            used += line.len() + 1;
            let line = line.strip_suffix(b"\r").unwrap_or(&line);
            if line.is_empty() {
                if !seen_any {
                    // Blank lines between messages are harmless.
                    used = 0;
                    continue;
                }
                break;
            }
            seen_any = true;
            let Some((name, value)) = split_header(line) else {
                // Stray bytes: either right before a header on the same line (the rest of
                // a message whose length was wrong), or no header at all.
                let shown = String::from_utf8_lossy(&line[..line.len().min(40)]).into_owned();
                return Ok(Some(Err(match find(line, MARKER) {
                    Some(at) => {
                        self.pending = Some((line[at..].to_vec(), true));
                        Malformed::parse(format!(
                            "{at} stray bytes before a header: `{}`",
                            String::from_utf8_lossy(&line[..at.min(40)])
                        ))
                    }
                    None => {
                        self.resync = true;
                        Malformed::parse(format!("not a header: `{shown}`"))
                    }
                })));
            };
            if name.eq_ignore_ascii_case(b"content-length") {
                match parse_length(value) {
                    Some(n) if len.is_none_or(|l| l == n) => len = Some(n),
                    _ => {
                        self.resync = true;
                        let value = value.trim_ascii();
                        return Ok(Some(Err(Malformed::parse(format!(
                            "invalid Content-Length `{}`",
                            String::from_utf8_lossy(&value[..value.len().min(40)])
                        )))));
                    }
                }
            } else if name.eq_ignore_ascii_case(b"content-type") {
                bad_charset = unsupported_charset(value);
            }
            // Other headers are ignored, as LSP allows.
        }
        match len {
            Some(len) if len > 0 => Ok(Some(Ok(Headers { len, bad_charset }))),
            Some(_) => Ok(Some(Err(Malformed::parse("empty message")))),
            None => {
                self.resync = true;
                Ok(Some(Err(Malformed::parse("no Content-Length header"))))
            }
        }
    }
}

/// `Name: value` with a token for a name.
fn split_header(line: &[u8]) -> Option<(&[u8], &[u8])> {
    let colon = line.iter().position(|&b| b == b':')?;
    let name = &line[..colon];
    let token = !name.is_empty()
        && name
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    token.then(|| (name, &line[colon + 1..]))
}

/// Decimal digits only (no sign), fitting in a u64.
fn parse_length(value: &[u8]) -> Option<u64> {
    let digits = value.trim_ascii();
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// The charset of a `Content-Type` value when it names one other than UTF-8.
fn unsupported_charset(value: &[u8]) -> Option<String> {
    let value = String::from_utf8_lossy(value);
    let charset = value
        .split(';')
        .skip(1)
        .filter_map(|p| p.trim().split_once('='))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("charset"))
        .map(|(_, v)| v.trim().trim_matches('"').to_string())?;
    let utf8 = charset.eq_ignore_ascii_case("utf-8") || charset.eq_ignore_ascii_case("utf8");
    (!utf8).then_some(charset)
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Check a message body: UTF-8, JSON, and a JSON-RPC 2.0 request, notification or
/// response object.
///
/// Parsing goes through `deserialize_any` like tower-lsp's own decoder, so the same
/// nesting limit and number ranges apply, but it builds no values except for the small
/// envelope fields (`params` and `result` are only walked).
pub fn check_body(body: &[u8]) -> Result<(), Malformed> {
    // `from_slice` checks UTF-8 as it goes: outside strings only ASCII is valid JSON, and
    // each string is checked as it is read (no separate pass over the body).
    let shape: Shape = serde_json::from_slice(body).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => Malformed::invalid(e.to_string(), Id::Null),
        _ => Malformed::parse(e.to_string()),
    })?;
    let fields = match shape {
        Shape::Object(fields) => fields,
        Shape::Array => {
            return Err(Malformed::invalid(
                "batches (JSON arrays) are not supported",
                Id::Null,
            ))
        }
        Shape::Other => {
            return Err(Malformed::invalid(
                "a message must be a JSON object",
                Id::Null,
            ))
        }
    };
    let id = fields.id.as_ref().map(to_id);
    // A request's id can go in the answer; a (malformed) response's id belongs to one of
    // our own requests and must not be echoed back.
    let reply_id = match (&fields.method, &id) {
        (Some(_), Some(Some(id))) => id.clone(),
        _ => Id::Null,
    };
    let invalid = |detail: &str| Err(Malformed::invalid(detail, reply_id.clone()));
    if let Some(name) = fields.duplicate {
        return invalid(&format!("the field `{name}` appears twice"));
    }
    if fields.jsonrpc.as_ref().and_then(Value::as_str) != Some("2.0") {
        return invalid("`jsonrpc` must be \"2.0\"");
    }
    if let Some(None) = id {
        return invalid("`id` must be an integer, a string or null");
    }
    match &fields.method {
        Some(Value::String(_)) => Ok(()),
        Some(_) => invalid("`method` must be a string"),
        None if id.is_none() => invalid("neither a request (no `method`) nor a response (no `id`)"),
        None => match (fields.has_result, &fields.error) {
            (true, Some(_)) => invalid("a response has `result` or `error`, not both"),
            (false, None) => invalid("a response needs `result` or `error`"),
            (true, None) => Ok(()),
            (false, Some(error)) => match RpcError::deserialize(error) {
                Ok(_) => Ok(()),
                Err(_) => invalid("`error` must be {code, message, data?}"),
            },
        },
    }
}

/// A JSON-RPC id as tower-lsp reads it: an i64, a string or null.
fn to_id(v: &Value) -> Option<Id> {
    match v {
        Value::Null => Some(Id::Null),
        Value::String(s) => Some(Id::String(s.clone())),
        Value::Number(n) => n.as_i64().map(Id::Number),
        _ => None,
    }
}

/// The body, once it parses as JSON.
enum Shape {
    Object(Box<Fields>),
    Array,
    Other,
}

/// The envelope of a JSON-RPC object.
#[derive(Default)]
struct Fields {
    jsonrpc: Option<Value>,
    method: Option<Value>,
    id: Option<Value>,
    error: Option<Value>,
    has_params: bool,
    has_result: bool,
    /// A field tower-lsp reads that appears twice (its decoder rejects that).
    duplicate: Option<&'static str>,
}

impl<'de> Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ShapeVisitor)
    }
}

struct ShapeVisitor;

impl<'de> Visitor<'de> for ShapeVisitor {
    type Value = Shape;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_str<E>(self, _: &str) -> Result<Shape, E> {
        Ok(Shape::Other)
    }
    fn visit_unit<E>(self) -> Result<Shape, E> {
        Ok(Shape::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Shape, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Shape::Array)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Shape, A::Error> {
        let mut f = Fields::default();
        let mut seen = [false; 6];
        while let Some(key) = map.next_key::<Key>()? {
            if let Some(i) = key.index() {
                if std::mem::replace(&mut seen[i], true) {
                    f.duplicate.get_or_insert(key.name());
                }
            }
            match key {
                Key::Jsonrpc => f.jsonrpc = Some(map.next_value()?),
                Key::Method => f.method = Some(map.next_value()?),
                Key::Id => f.id = Some(map.next_value()?),
                Key::Error => f.error = Some(map.next_value()?),
                Key::Params => {
                    map.next_value::<Skip>()?;
                    f.has_params = true;
                }
                Key::Result => {
                    map.next_value::<Skip>()?;
                    f.has_result = true;
                }
                Key::Other => {
                    map.next_value::<Skip>()?;
                }
            }
        }
        Ok(Shape::Object(Box::new(f)))
    }
}

/// A field name of the envelope.
#[derive(Clone, Copy)]
enum Key {
    Jsonrpc,
    Method,
    Params,
    Id,
    Result,
    Error,
    Other,
}

impl Key {
    fn index(self) -> Option<usize> {
        match self {
            Key::Jsonrpc => Some(0),
            Key::Method => Some(1),
            Key::Params => Some(2),
            Key::Id => Some(3),
            Key::Result => Some(4),
            Key::Error => Some(5),
            Key::Other => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Key::Jsonrpc => "jsonrpc",
            Key::Method => "method",
            Key::Params => "params",
            Key::Id => "id",
            Key::Result => "result",
            Key::Error => "error",
            Key::Other => "",
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Key, E> {
                Ok(match s {
                    "jsonrpc" => Key::Jsonrpc,
                    "method" => Key::Method,
                    "params" => Key::Params,
                    "id" => Key::Id,
                    "result" => Key::Result,
                    "error" => Key::Error,
                    _ => Key::Other,
                })
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// Any JSON value, walked and dropped. Unlike `serde::de::IgnoredAny` (which serde_json
/// skips without its nesting limit or number checks), this goes through
/// `deserialize_any`, as tower-lsp's decoder does.
struct Skip;

impl<'de> Deserialize<'de> for Skip {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(SkipVisitor)
    }
}

struct SkipVisitor;

impl<'de> Visitor<'de> for SkipVisitor {
    type Value = Skip;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_i64<E>(self, _: i64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_u64<E>(self, _: u64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_f64<E>(self, _: f64) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_str<E>(self, _: &str) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_unit<E>(self) -> Result<Skip, E> {
        Ok(Skip)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Skip, A::Error> {
        while seq.next_element::<Skip>()?.is_some() {}
        Ok(Skip)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Skip, A::Error> {
        while map.next_entry::<Skip, Skip>()?.is_some() {}
        Ok(Skip)
    }
}

/// One client-capability truth. LSP 3.17 (and vscode-languageclient) spell the workspace
/// diagnostics capability `workspace.diagnostics`; lsp-types 0.94, which tower-lsp 0.20
/// parses `initialize` with, reads only `workspace.diagnostic`, so `refreshSupport` would be
/// lost. An `initialize` request that has the spec's spelling and not the other gets the
/// other too. Every other frame passes untouched (one substring test).
pub fn normalize_initialize(frame: Vec<u8>) -> Vec<u8> {
    let Some(body_at) = find(&frame, b"\r\n\r\n").map(|i| i + 4) else {
        return frame;
    };
    let body = &frame[body_at..];
    if find(body, b"\"initialize\"").is_none() || find(body, b"\"diagnostics\"").is_none() {
        return frame;
    }
    let Ok(mut msg) = serde_json::from_slice::<Value>(body) else {
        return frame;
    };
    if msg.get("method").and_then(Value::as_str) != Some("initialize") {
        return frame;
    }
    let Some(ws) = msg
        .pointer_mut("/params/capabilities/workspace")
        .and_then(Value::as_object_mut)
    else {
        return frame;
    };
    match (ws.get("diagnostics"), ws.get("diagnostic")) {
        (Some(spec), None) if spec.is_object() => {
            let spec = spec.clone();
            ws.insert("diagnostic".into(), spec);
        }
        _ => return frame,
    }
    let Ok(body) = serde_json::to_vec(&msg) else {
        return frame;
    };
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(&body);
    out
}

/// Read frames from `input` and pass the well-formed ones to `server`; send an error
/// answer for each malformed one to `answers` (written out by [`relay`]). Returns at the end
/// of input, closing `server` so that tower-lsp sees the end too.
pub async fn forward<R, W>(input: R, mut server: W, answers: mpsc::Sender<Vec<u8>>, warn: bool)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut frames = FrameReader::new(tokio::io::BufReader::with_capacity(READ_BUFFER, input));
    loop {
        match frames.next().await {
            Ok(Some(Frame::Message(frame))) => {
                let frame = normalize_initialize(frame);
                if server.write_all(&frame).await.is_err() {
                    break;
                }
            }
            Ok(Some(Frame::Malformed(m))) => {
                if warn {
                    eprintln!(
                        "[copydesk WARN] malformed message ({}): {}",
                        m.code.code(),
                        m.detail
                    );
                }
                if answers.send(m.answer()).await.is_err() {
                    break;
                }
            }
            Ok(None) => break,
            Err(e) => {
                eprintln!("[copydesk ERROR] reading stdin: {e}");
                break;
            }
        }
    }
    let _ = server.shutdown().await;
}

/// The only writer of stdout: copies the server's output (`server`, framed by tower-lsp)
/// to `out` in whole frames, and writes each error answer from `answers` between frames.
/// Returns when the server's output ends. If `out` fails (the client is gone), the output
/// is still read and dropped, so the server never blocks on it.
pub async fn relay<R, W>(mut server: R, mut answers: mpsc::Receiver<Vec<u8>>, mut out: W)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut pending: Vec<u8> = Vec::with_capacity(READ_BUFFER);
    let mut answers_open = true;
    let mut out_ok = true;
    loop {
        // Both branches are cancel safe: `read_buf` reads nothing when the other branch
        // wins, and `recv` loses no message.
        tokio::select! {
            n = server.read_buf(&mut pending) => {
                if !matches!(n, Ok(n) if n > 0) {
                    break;
                }
                let whole = complete_frames(&pending);
                if whole > 0 {
                    write_out(&mut out, &pending[..whole], &mut out_ok).await;
                    pending.drain(..whole);
                }
            }
            answer = answers.recv(), if answers_open => match answer {
                Some(answer) => write_out(&mut out, &answer, &mut out_ok).await,
                None => answers_open = false,
            },
        }
    }
    while let Ok(answer) = answers.try_recv() {
        write_out(&mut out, &answer, &mut out_ok).await;
    }
    if !pending.is_empty() {
        write_out(&mut out, &pending, &mut out_ok).await;
    }
}

async fn write_out<W: AsyncWrite + Unpin>(out: &mut W, bytes: &[u8], ok: &mut bool) {
    if !*ok {
        return;
    }
    if let Err(e) = async {
        out.write_all(bytes).await?;
        out.flush().await
    }
    .await
    {
        eprintln!("[copydesk ERROR] writing to stdout: {e}; dropping further output");
        *ok = false;
    }
}

/// How many leading bytes of `buf` are whole frames of tower-lsp's output
/// (`Content-Length: N\r\n\r\n` and N bytes). Should that output ever not parse, all of
/// it counts as whole, so that nothing is held back.
fn complete_frames(buf: &[u8]) -> usize {
    let mut at = 0;
    loop {
        let rest = &buf[at..];
        let Some(end) = find(rest, b"\r\n\r\n") else {
            return at;
        };
        let len = rest[..end]
            .split(|&b| b == b'\n')
            .filter_map(|l| split_header(l.trim_ascii()))
            .find(|(name, _)| name.eq_ignore_ascii_case(b"content-length"))
            .and_then(|(_, v)| parse_length(v))
            .and_then(|n| usize::try_from(n).ok());
        let Some(len) = len else {
            return buf.len();
        };
        let frame_end = end.saturating_add(4).saturating_add(len);
        if rest.len() < frame_end {
            return at;
        }
        at += frame_end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower_lsp::jsonrpc::Request;

    fn frame(body: &[u8]) -> Vec<u8> {
        let mut v = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        v.extend_from_slice(body);
        v
    }

    /// Every frame read from `input`, through a buffer of `buffer` bytes (1 makes every
    /// header and body arrive in pieces).
    fn read_all(input: &[u8], buffer: usize, limit: u64) -> Vec<Frame> {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("runtime");
        rt.block_on(async {
            let mut r =
                FrameReader::with_limit(tokio::io::BufReader::with_capacity(buffer, input), limit);
            let mut out = Vec::new();
            while let Some(f) = r.next().await.expect("reading a slice") {
                out.push(f);
            }
            out
        })
    }

    fn codes(frames: &[Frame]) -> Vec<i64> {
        frames
            .iter()
            .map(|f| match f {
                Frame::Message(_) => 0,
                Frame::Malformed(m) => m.code.code(),
            })
            .collect()
    }

    const GOOD: &[u8] = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;

    #[test]
    fn good_frames_are_forwarded_byte_exactly() {
        let body =
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"x\",\"params\":{\"t\":\"Київ “q” \\n\"}}";
        let mut input = format!(
            "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        )
        .into_bytes();
        input.extend(frame(GOOD));
        for buffer in [1, 7, 64 << 10] {
            let frames = read_all(&input, buffer, MAX_MESSAGE);
            assert_eq!(
                frames,
                vec![
                    Frame::Message(frame(body.as_bytes())),
                    Frame::Message(frame(GOOD))
                ],
                "buffer {buffer}"
            );
        }
    }

    /// The inputs of `tests/lsp_faults.rs`, each followed by a good frame: each gets its
    /// error and the good frame still comes through.
    #[test]
    fn malformed_messages_get_errors_and_reading_goes_on() {
        let cases: Vec<(Vec<u8>, i64)> =
            vec![
            (frame(b"this is not json"), -32700),
            (frame(b"{\"jsonrpc\": \"2.0\", \"id\": 9"), -32700),
            (frame(b"[1, 2, 3]"), -32600),
            (frame(b"\"just a string\""), -32600),
            (frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\xff\xfe\"}"), -32700),
            (frame(b"{}"), -32600),
            (b"Content-Length: lots\r\n\r\n{}".to_vec(), -32700),
            (b"Content-Type: text/plain\r\n\r\n{}".to_vec(), -32700),
            (
                b"Content-Length: 999999999999999999999999999\r\n\r\n{}".to_vec(),
                -32700,
            ),
            (b"Content-Length: -5\r\n\r\n{}".to_vec(), -32700),
            (b"Content-Length: +2\r\n\r\n{}".to_vec(), -32700),
            (b"Content-Length: 0\r\n\r\n".to_vec(), -32700),
            (b"hello\r\n".to_vec(), -32700),
            (frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\"} trailing"), -32700),
            (frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"method\":\"y\"}"), -32600),
            (frame(b"{\"jsonrpc\":\"1.0\",\"method\":\"x\"}"), -32600),
            (frame(b"{\"jsonrpc\":\"2.0\",\"method\":7}"), -32600),
            (frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":1.5}"), -32600),
            (frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"id\":18446744073709551615}"), -32600),
            (frame(b"{\"jsonrpc\":\"2.0\",\"id\":1}"), -32600),
            (frame(b"{\"jsonrpc\":\"2.0\",\"result\":1}"), -32600),
            (frame(b"{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":\"x\"}}"), -32600),
            (frame(b"{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":1e999}"), -32700),
            (
                b"Content-Type: application/json; charset=latin1\r\nContent-Length: 2\r\n\r\n{}"
                    .to_vec(),
                -32700,
            ),
            (b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}".to_vec(), -32700),
        ];
        for (bad, code) in cases {
            let mut input = bad.clone();
            input.extend(frame(GOOD));
            for buffer in [1, 64 << 10] {
                let frames = read_all(&input, buffer, MAX_MESSAGE);
                let shown = String::from_utf8_lossy(&bad);
                assert_eq!(codes(&frames), vec![code, 0], "{shown} (buffer {buffer})");
                assert_eq!(frames[1], Frame::Message(frame(GOOD)), "{shown}");
            }
        }
    }

    #[test]
    fn stray_bytes_before_a_header_on_its_line_are_reported_and_the_header_kept() {
        // A Content-Length three bytes short leaves `x"}` in front of the next header.
        let mut input =
            b"Content-Length: 27\r\n\r\n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}".to_vec();
        input.extend(frame(GOOD));
        let frames = read_all(&input, 64 << 10, MAX_MESSAGE);
        assert_eq!(codes(&frames), vec![-32700, -32700, 0]);
        assert_eq!(frames[2], Frame::Message(frame(GOOD)));
    }

    #[test]
    fn deep_nesting_is_refused_like_tower_lsp_would() {
        let body = |depth: usize| {
            format!(
                "{{\"jsonrpc\":\"2.0\",\"method\":\"x\",\"params\":{}{}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            )
        };
        // The same limit, to the level.
        for depth in 100..140 {
            let b = body(depth);
            assert_eq!(
                check_body(b.as_bytes()).is_ok(),
                b.parse::<Request>().is_ok(),
                "depth {depth}"
            );
        }
        assert!(check_body(body(100).as_bytes()).is_ok());
        assert_eq!(
            check_body(body(300).as_bytes()).map_err(|m| m.code.code()),
            Err(-32700)
        );
        assert!(body(300).parse::<Request>().is_err());
    }

    /// Anything passed on must decode in tower-lsp, or its reader would stop.
    #[test]
    fn what_is_forwarded_decodes_in_tower_lsp() {
        let bodies = [
            r#"{"jsonrpc":"2.0","method":"x"}"#,
            r#"{"jsonrpc":"2.0","method":"shutdown","id":1,"params":null}"#,
            r#"{"jsonrpc":"2.0","method":"x","id":"a","params":[1,{"b":[]}],"extra":{"c":1}}"#,
            r#"{"jsonrpc":"2.0","method":"x","id":null}"#,
            r#"{"jsonrpc":"2.0","id":3,"result":null}"#,
            r#"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"no","data":[1]}}"#,
            r#"{"meth\u006fd":"x","jsonrpc":"2.0"}"#,
            " \n{\"jsonrpc\":\"2.0\",\"method\":\"x\"}\n ",
        ];
        for body in bodies {
            assert_eq!(check_body(body.as_bytes()), Ok(()), "{body}");
            let decodes = body.parse::<Request>().is_ok()
                || body.parse::<tower_lsp::jsonrpc::Response>().is_ok();
            assert!(decodes, "{body}");
        }
    }

    #[test]
    fn a_request_id_is_echoed_a_response_id_is_not() {
        let m = check_body(br#"{"jsonrpc":"1.0","method":"x","id":7}"#).unwrap_err();
        assert_eq!(m.id, Id::Number(7));
        let m = check_body(br#"{"jsonrpc":"2.0","method":"x","id":"q","params":1,"params":2}"#)
            .unwrap_err();
        assert_eq!(m.id, Id::String("q".into()));
        let m = check_body(br#"{"jsonrpc":"2.0","id":7,"error":{"message":"x"}}"#).unwrap_err();
        assert_eq!(m.id, Id::Null);
        let answer = String::from_utf8(
            check_body(br#"{"jsonrpc":"2.0","id":7}"#)
                .unwrap_err()
                .answer(),
        )
        .unwrap();
        let (head, body) = answer.split_once("\r\n\r\n").unwrap();
        assert_eq!(head, format!("Content-Length: {}", body.len()));
        let v: Value = serde_json::from_str(body).unwrap();
        assert_eq!(v["jsonrpc"], "2.0");
        assert_eq!(v["id"], Value::Null);
        assert_eq!(v["error"]["code"], -32600);
        assert!(v["error"]["message"]
            .as_str()
            .unwrap()
            .starts_with("Invalid request"));
    }

    #[test]
    fn an_oversized_message_is_answered_at_once_and_skipped() {
        let big = vec![b'x'; 5000];
        let mut input = format!("Content-Length: {}\r\n\r\n", big.len()).into_bytes();
        input.extend(&big);
        input.extend(frame(GOOD));
        let frames = read_all(&input, 512, 1000);
        assert_eq!(codes(&frames), vec![-32600, 0]);
        // Cut short: the answer comes, then the end.
        let frames = read_all(&input[..300], 512, 1000);
        assert_eq!(codes(&frames), vec![-32600]);
        // A header line that never ends is bounded too.
        let mut input = vec![b'a'; 100_000];
        input.extend(b"\r\n");
        input.extend(frame(GOOD));
        assert_eq!(codes(&read_all(&input, 4096, MAX_MESSAGE)), vec![-32700, 0]);
    }

    #[test]
    fn end_of_input_anywhere_ends_reading() {
        let input = frame(GOOD);
        for cut in 0..input.len() {
            let frames = read_all(&input[..cut], 16, MAX_MESSAGE);
            assert!(frames.is_empty(), "cut at {cut}: {frames:?}");
        }
        assert_eq!(read_all(b"\r\n\r\n", 16, MAX_MESSAGE), vec![]);
    }

    #[test]
    fn complete_frames_counts_whole_frames_only() {
        let a = frame(b"{\"a\":1}");
        let b = frame(b"{\"b\":22}");
        let mut both = a.clone();
        both.extend(&b);
        assert_eq!(complete_frames(&both), both.len());
        for cut in 0..b.len() {
            let mut v = a.clone();
            v.extend(&b[..cut]);
            assert_eq!(complete_frames(&v), a.len(), "cut {cut}");
        }
        assert_eq!(complete_frames(b""), 0);
    }

    /// The server's output arrives in pieces while answers wait: every answer lands
    /// between whole frames, and nothing is lost or reordered within the server's output.
    #[test]
    fn relay_never_splits_a_frame() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("runtime");
        let out = rt.block_on(async {
            let (mut server, from_server) = tokio::io::duplex(64);
            let (tx, rx) = mpsc::channel(4);
            let (out_w, mut out_r) = tokio::io::duplex(1 << 20);
            let relay = tokio::spawn(relay(from_server, rx, out_w));
            let msgs: Vec<Vec<u8>> = (0..20)
                .map(|i| {
                    frame(format!("{{\"n\":{i},\"pad\":\"{}\"}}", "p".repeat(i * 13)).as_bytes())
                })
                .collect();
            let answer = Malformed::parse("x").answer();
            for m in &msgs {
                for piece in m.chunks(5) {
                    server.write_all(piece).await.expect("write");
                    tokio::task::yield_now().await;
                    let _ = tx.try_send(answer.clone());
                }
            }
            drop(server);
            drop(tx);
            relay.await.expect("relay");
            let mut out = Vec::new();
            out_r.read_to_end(&mut out).await.expect("read");
            (out, msgs, answer)
        });
        let (out, msgs, answer) = out;
        // Split the output into frames: each must be whole.
        let mut rest = &out[..];
        let mut server_frames = Vec::new();
        let mut answers = 0;
        while !rest.is_empty() {
            let end = find(rest, b"\r\n\r\n").expect("a header");
            let head = std::str::from_utf8(&rest[..end]).expect("ASCII header");
            let len: usize = head
                .strip_prefix("Content-Length: ")
                .and_then(|n| n.parse().ok())
                .expect("Content-Length");
            let (f, tail) = rest.split_at(end + 4 + len);
            serde_json::from_slice::<Value>(&f[end + 4..]).expect("a whole JSON body");
            if f == &answer[..] {
                answers += 1;
            } else {
                server_frames.push(f.to_vec());
            }
            rest = tail;
        }
        assert!(answers > 0);
        assert_eq!(server_frames, msgs);
    }

    #[test]
    fn initialize_gets_both_spellings_of_the_diagnostics_capability() {
        let body = serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"capabilities": {"workspace": {"diagnostics": {"refreshSupport": true}}}}});
        let out = normalize_initialize(frame(body.to_string().as_bytes()));
        let text = String::from_utf8(out).unwrap();
        let (head, json) = text.split_once("\r\n\r\n").unwrap();
        assert_eq!(head, format!("Content-Length: {}", json.len()));
        let v: Value = serde_json::from_str(json).unwrap();
        let ws = &v["params"]["capabilities"]["workspace"];
        assert_eq!(ws["diagnostic"]["refreshSupport"], true);
        assert_eq!(ws["diagnostics"]["refreshSupport"], true);
        // Anything else passes byte for byte.
        for other in [
            serde_json::json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"diagnostics": {}}}),
            serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "initialize", "params": {"capabilities": {"workspace": {"diagnostic": {"refreshSupport": false}, "diagnostics": {"refreshSupport": true}}}}}),
        ] {
            let f = frame(other.to_string().as_bytes());
            assert_eq!(normalize_initialize(f.clone()), f);
        }
    }
}
