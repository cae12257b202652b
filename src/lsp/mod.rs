//! `copydesk lsp`: the language server (tower-lsp over stdio), a thin adapter over
//! [`crate::analysis`].
//!
//! - [`server`]: the `LanguageServer` handlers and capabilities.
//! - [`documents`]: open documents (ropes, versions, latest analysis).
//! - [`scheduler`]: analysis on a worker thread, coalesced, stale results dropped.
//! - [`convert`]: core types ↔ LSP types.
//! - [`config`]: `copydesk.toml` per directory, layered over editor settings.
//! - [`actions`]: code actions.
//! - [`framing`]: reads and checks JSON-RPC frames before tower-lsp, answers malformed ones.
//! - [`warm_up`]: the analysis tables, built from the start and awaited by `initialize`.

pub mod actions;
pub mod config;
pub mod convert;
pub mod desk;
pub mod documents;
pub mod framing;
pub mod log;
pub mod scheduler;
pub mod server;
pub mod warm_up;
pub mod watch;

use std::future::Future;
use std::pin::Pin;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use tokio::sync::Notify;
use tower_lsp::jsonrpc::{Request, Response};
use tower_lsp::{LspService, Server as Transport};

/// Options from the command line.
#[derive(Debug, Clone, Default)]
pub struct Options {
    pub log_level: Option<String>,
}

/// Passes every message to the server and signals when `exit` arrives, so the process
/// can end at once instead of waiting for the client to close stdin.
///
/// `initialize` and `shutdown` are barriers: nothing after them is passed on until they
/// are answered. LSP forbids a client to send more before either answer, but some write
/// initialize, shutdown and exit at once; tower-lsp would then refuse the shutdown (not yet
/// initialized) or cancel it (exit), and the process would end with code 1. So the
/// `initialize` and `shutdown` handlers must never wait on the client: its answer would
/// queue behind the barrier.
struct WatchExit<S> {
    inner: S,
    exit: Arc<Notify>,
    barrier: Arc<Barrier>,
}

/// A request the next messages wait for (see [`WatchExit`]).
#[derive(Default)]
struct Barrier {
    up: AtomicBool,
    waiting: std::sync::Mutex<Option<std::task::Waker>>,
}

struct Lower(Arc<Barrier>);

impl Drop for Lower {
    fn drop(&mut self) {
        self.0.lower();
    }
}

impl Barrier {
    fn waiting(&self) -> std::sync::MutexGuard<'_, Option<std::task::Waker>> {
        self.waiting.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn raise(&self) {
        self.up.store(true, Ordering::SeqCst);
    }

    fn lower(&self) {
        self.up.store(false, Ordering::SeqCst);
        if let Some(w) = self.waiting().take() {
            w.wake();
        }
    }

    /// Pending while up; the caller is woken when it comes down.
    fn poll(&self, cx: &mut Context<'_>) -> Poll<()> {
        if !self.up.load(Ordering::SeqCst) {
            return Poll::Ready(());
        }
        *self.waiting() = Some(cx.waker().clone());
        // Lowered between the load and the store: do not sleep through it.
        if self.up.load(Ordering::SeqCst) {
            Poll::Pending
        } else {
            Poll::Ready(())
        }
    }
}

impl<S> tower_service::Service<Request> for WatchExit<S>
where
    S: tower_service::Service<Request, Response = Option<Response>>,
    S::Future: Send + 'static,
{
    type Response = Option<Response>;
    type Error = S::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Option<Response>, S::Error>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        if self.barrier.poll(cx).is_pending() {
            return Poll::Pending;
        }
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        let req = drop_null_params(req);
        let is_exit = req.method() == "exit";
        let barrier = matches!(req.method(), "initialize" | "shutdown") && req.id().is_some();
        if barrier {
            self.barrier.raise();
        }
        let fut = self.inner.call(req);
        let exit = self.exit.clone();
        // Lowered when the answer is ready, or if the request is dropped unanswered.
        let lower = barrier.then(|| Lower(self.barrier.clone()));
        Box::pin(async move {
            let res = fut.await;
            drop(lower);
            if is_exit {
                exit.notify_one();
            }
            res
        })
    }
}

/// `shutdown` and `exit` take no parameters, but some clients (Emacs's eglot) send
/// `"params": null`, which tower-lsp would reject; treat null as absent.
fn drop_null_params(req: Request) -> Request {
    let null_params = matches!(req.method(), "shutdown" | "exit")
        && matches!(req.params(), Some(serde_json::Value::Null));
    if !null_params {
        return req;
    }
    let (method, id, _) = req.into_parts();
    let builder = Request::build(method);
    match id {
        Some(id) => builder.id(id).finish(),
        None => builder.finish(),
    }
}

/// Stdin that signals when it reaches end of input: a client that dies mid-request
/// leaves handlers waiting for answers that will never come, and the server must still end.
struct EofSignal<R> {
    inner: R,
    eof: Arc<Notify>,
}

impl<R: tokio::io::AsyncRead + Unpin> tokio::io::AsyncRead for EofSignal<R> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        let before = buf.filled().len();
        let poll = Pin::new(&mut self.inner).poll_read(cx, buf);
        let at_end = match &poll {
            Poll::Ready(Ok(())) => buf.filled().len() == before && buf.remaining() > 0,
            Poll::Ready(Err(_)) => true,
            Poll::Pending => false,
        };
        if at_end {
            self.eof.notify_one();
        }
        poll
    }
}

/// Run the server on stdin/stdout until the client says `exit` or closes the stream.
/// Exit code 0 when `shutdown` came first, 1 otherwise (as LSP specifies).
pub fn run(options: Options) -> ExitCode {
    // The tables every analysis needs, built while the client starts and sends
    // `initialize` (which waits for them).
    warm_up::start();
    let cli_level = match options.log_level.as_deref() {
        None => None,
        Some(s) => match log::Level::parse(s) {
            Some(l) => Some(l),
            None => {
                eprintln!("error: unknown log level `{s}`: use error, warn, info, debug or trace");
                return ExitCode::from(2);
            }
        },
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::from(2);
        }
    };
    let code = runtime.block_on(async move {
        let handle = tokio::runtime::Handle::current();
        let (service, socket) = LspService::build(|client| {
            let log = log::Logger::new(cli_level, client.clone(), handle);
            server::Server::new(client, log)
        })
        .custom_method("copydesk/debugText", server::Server::debug_text)
        .finish();
        let shared = service.inner().shared();
        let exit = Arc::new(Notify::new());
        let service = WatchExit {
            inner: service,
            exit: exit.clone(),
            barrier: Arc::default(),
        };
        let eof = Arc::new(Notify::new());
        let stdin = EofSignal {
            inner: tokio::io::stdin(),
            eof: eof.clone(),
        };
        // stdin → framing::forward → pipe → tower-lsp → pipe → framing::relay → stdout;
        // malformed messages are answered by `forward` through `relay` (see framing.rs).
        let (server_in, to_server) = tokio::io::duplex(framing::PIPE_BUFFER);
        let (server_out, from_server) = tokio::io::duplex(framing::PIPE_BUFFER);
        let (answers_tx, answers_rx) = tokio::sync::mpsc::channel(16);
        let warn = cli_level.is_none_or(|l| l >= log::Level::Warn);
        let transport = Transport::new(server_in, server_out, socket);
        // One task for all three: no thread hop on the way in or out (measured: spawning
        // them added ~10 µs to a request round trip). Ends when stdin has ended and the
        // last answer is written.
        let serve = async move {
            tokio::join!(
                transport.serve(service),
                framing::forward(stdin, to_server, answers_tx, warn),
                framing::relay(from_server, answers_rx, tokio::io::stdout()),
            );
        };
        tokio::pin!(serve);
        tokio::select! {
            _ = &mut serve => {}
            _ = exit.notified() => {
                // `forward` stopped reading at `exit`, so tower-lsp answers what is in
                // flight and ends; a client that writes initialize, shutdown and exit at
                // once still gets both answers. A handler waiting on the client (which
                // has gone) must not keep the process alive: bounded.
                let _ = tokio::time::timeout(std::time::Duration::from_secs(1), &mut serve).await;
            }
            _ = eof.notified() => {
                // Let answers in flight go out, but do not wait for the client.
                let _ = tokio::time::timeout(std::time::Duration::from_millis(300), &mut serve).await;
            }
        }
        if shared.shutdown_requested.load(Ordering::SeqCst) {
            0
        } else {
            1
        }
    });
    // stdin is read on a blocking thread that may never return: do not wait for it.
    runtime.shutdown_background();
    ExitCode::from(code)
}
