//! The `LanguageServer` implementation: each handler converts, asks the core, converts back.
//!
//! To add a request (rename, definition, references for actors…): advertise it in
//! [`capabilities`], get the document's current analysis with [`Server::analysis`],
//! convert positions with [`Positions`], and call one function of `crate::analysis`.

use super::actions;
use super::config::{self, ConfigStore};
use super::convert::{self, Positions};
use super::desk::{self, Desk};
use super::documents::{Analysis, Changed, Documents};
use super::log::Logger;
use super::scheduler::{run, Queue};
use super::watch;
use crate::analysis::cache::ParagraphCache;
use crate::analysis::ide::{desk as desk_ide, hover, inlay, navigate, outline};
use crate::analysis::{rules, Encoding};
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock};
use std::time::Duration;
use tokio::sync::mpsc;
use tower_lsp::jsonrpc::{Error, Result};
use tower_lsp::lsp_types as lsp;
use tower_lsp::{Client, LanguageServer};

pub const CMD_ADD_TO_DICTIONARY: &str = "copydesk.addToDictionary";
pub const CMD_EXPLAIN_RULE: &str = "copydesk.explainRule";

/// Messages from the worker thread to the client, sent in order by one task.
pub enum Outgoing {
    Publish {
        uri: lsp::Url,
        version: i32,
        generation: u64,
        diagnostics: Vec<lsp::Diagnostic>,
    },
    Clear {
        uri: lsp::Url,
    },
    /// Something the user should know (shown once, as information).
    Notice {
        text: String,
    },
    /// Ask a client that pulls diagnostics to pull again (the desk changed).
    Refresh,
}

/// What the client can do, from `initialize`.
#[derive(Debug, Default, Clone)]
struct ClientFeatures {
    /// The client pulls diagnostics (`textDocument/diagnostic`) and can be asked to pull
    /// again (`workspace/diagnostic/refresh`): we do not push. A client that pulls but cannot
    /// be asked to pull again (Neovim 0.11) gets pushed diagnostics, so that a change of
    /// settings or configuration shows at once, not at the next edit.
    pull_diagnostics: bool,
    watch_files_dynamically: bool,
    configuration: bool,
}

/// State shared by the handlers, the worker and the publisher.
pub struct Shared {
    docs: Mutex<Documents>,
    encoding: OnceLock<Encoding>,
    features: OnceLock<ClientFeatures>,
    folders: Mutex<Vec<PathBuf>>,
    pub configs: ConfigStore,
    pub log: Logger,
    /// Drafts due for analysis, up to [`LARGE_DRAFT`] bytes.
    pub queue: Queue,
    /// Larger drafts, analysed by a worker of their own (see [`LARGE_DRAFT`]).
    pub large_queue: Queue,
    /// Large drafts the user has been told about (once each).
    large_noticed: Mutex<HashSet<lsp::Url>>,
    /// Per-paragraph analyses shared by every open draft: a keystroke re-does only the
    /// edited paragraph's work.
    pub paragraphs: Arc<ParagraphCache>,
    out: mpsc::UnboundedSender<Outgoing>,
    pub shutdown_requested: AtomicBool,
    /// The last look at the configuration files (see [`watch`]).
    watched: Mutex<watch::Stamp>,
    /// The workspace's drafts, indexed in the background (see [`desk`]).
    pub desk: Desk,
}

impl Shared {
    pub fn docs(&self) -> MutexGuard<'_, Documents> {
        self.docs.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn encoding(&self) -> Encoding {
        self.encoding.get().copied().unwrap_or(Encoding::Utf16)
    }

    fn features(&self) -> ClientFeatures {
        self.features.get().cloned().unwrap_or_default()
    }

    pub fn push_diagnostics(&self) -> bool {
        !self.features().pull_diagnostics
    }

    pub fn send(&self, o: Outgoing) {
        let _ = self.out.send(o);
    }

    /// Keep an analysis if it is still current. False when the document moved on.
    ///
    /// Returns the analysis it replaces (`Some(None)` if there was none), for the caller to
    /// drop after publishing and outside the lock: freeing a long draft's analysis takes a
    /// while. `None` if the document moved on.
    #[must_use]
    pub fn store(&self, uri: &lsp::Url, a: &Arc<Analysis>) -> Option<Option<Arc<Analysis>>> {
        let mut docs = self.docs();
        match docs.map.get_mut(uri) {
            Some(doc) if doc.generation == a.generation => Some(doc.analysis.replace(a.clone())),
            _ => None,
        }
    }

    /// Record that a generation's diagnostics are being sent; false if they already were
    /// or the document moved on.
    pub fn mark_published(&self, uri: &lsp::Url, generation: u64) -> bool {
        let mut docs = self.docs();
        match docs.map.get_mut(uri) {
            Some(doc) if doc.generation == generation && doc.published != generation => {
                doc.published = generation;
                true
            }
            _ => false,
        }
    }

    fn is_current(&self, uri: &lsp::Url, generation: u64) -> bool {
        self.docs()
            .map
            .get(uri)
            .is_some_and(|d| d.generation == generation)
    }

    /// Queue `uri` for analysis after `delay_ms`, in the lane its size calls for.
    fn schedule(&self, uri: lsp::Url, delay_ms: u64) {
        let size = self.docs().map.get(&uri).map_or(0, |d| d.rope.len_bytes());
        let delay = Duration::from_millis(delay_ms);
        if size <= LARGE_DRAFT {
            self.large_queue.cancel(&uri);
            self.queue.schedule(uri, delay);
            return;
        }
        self.queue.cancel(&uri);
        let first = self.lock_noticed().insert(uri.clone());
        if first {
            let text = format!(
                "copydesk: {} is {:.1} MB, over {} MB: it is checked after a pause in typing, \
                 on a worker of its own, so other drafts are not kept waiting",
                file_name(&uri),
                size as f64 / 1e6,
                LARGE_DRAFT >> 20
            );
            self.log.info(text.clone());
            self.send(Outgoing::Notice { text });
        }
        self.large_queue.schedule(uri, delay.max(LARGE_DRAFT_PAUSE));
    }

    /// The paragraph cache for a draft of `size` bytes: none over [`LARGE_DRAFT`].
    fn paragraph_cache_for(&self, size: usize) -> Option<&Arc<ParagraphCache>> {
        (size <= LARGE_DRAFT).then_some(&self.paragraphs)
    }

    /// Forget `uri`: closed.
    fn forget(&self, uri: &lsp::Url) {
        self.queue.cancel(uri);
        self.large_queue.cancel(uri);
        self.lock_noticed().remove(uri);
    }

    /// The workspace folders.
    pub fn folders(&self) -> Vec<PathBuf> {
        self.folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// The desk's index as the draft at `uri` sees it.
    pub fn desk_view(&self, uri: &lsp::Url) -> Option<desk::DeskView> {
        self.desk.view(uri, &self.folders())
    }

    /// Check every open draft again (the desk changed): each gets a new generation, is
    /// queued, and a client that pulls is asked to pull again.
    pub fn recheck_open_drafts(&self) {
        let uris: Vec<lsp::Url> = {
            let mut docs = self.docs();
            let uris: Vec<lsp::Url> = docs.map.keys().cloned().collect();
            for uri in &uris {
                let generation = docs.next_generation();
                if let Some(doc) = docs.map.get_mut(uri) {
                    doc.generation = generation;
                }
            }
            uris
        };
        for uri in uris {
            self.schedule(uri, 0);
        }
        if self.features().pull_diagnostics {
            self.send(Outgoing::Refresh);
        }
    }

    fn lock_noticed(&self) -> MutexGuard<'_, HashSet<lsp::Url>> {
        self.large_noticed.lock().unwrap_or_else(|e| e.into_inner())
    }
}

/// Drafts over this size (1 MiB, about 170,000 words) are analysed on a worker of their
/// own, after [`LARGE_DRAFT_PAUSE`] without edits and without the paragraph cache (a
/// draft of tens of thousands of paragraphs would only churn it): an analysis of 10 MB
/// takes seconds, and small drafts must not wait behind it.
pub const LARGE_DRAFT: usize = 1 << 20;
const LARGE_DRAFT_PAUSE: Duration = Duration::from_millis(1000);

/// The last path segment of a URI, for messages.
fn file_name(uri: &lsp::Url) -> &str {
    uri.path_segments()
        .and_then(|mut s| s.next_back())
        .filter(|s| !s.is_empty())
        .unwrap_or(uri.as_str())
}

/// Which worker a thread is, and so which queue it takes documents from.
#[derive(Clone, Copy)]
enum Lane {
    Drafts,
    Large,
}

/// The analysis worker: analyse due documents on a thread of its own (never on the async
/// runtime), keep current results, hand them to the publisher.
fn spawn_worker(shared: Arc<Shared>, lane: Lane) -> std::io::Result<()> {
    let name = match lane {
        Lane::Drafts => "copydesk-analysis",
        Lane::Large => "copydesk-analysis-large",
    };
    std::thread::Builder::new()
        .name(name.into())
        .spawn(move || {
            if matches!(lane, Lane::Drafts) {
                super::warm_up::on_analysis_thread();
            }
            worker_loop(&shared, lane)
        })
        .map(|_| ())
}

fn worker_loop(shared: &Arc<Shared>, lane: Lane) -> ! {
    loop {
        let queue = match lane {
            Lane::Drafts => &shared.queue,
            Lane::Large => &shared.large_queue,
        };
        let uri = queue.next();
        let (snap, ready) = {
            let docs = shared.docs();
            let Some(doc) = docs.map.get(&uri) else {
                continue;
            };
            match doc.current_analysis() {
                Some(a) => (None, Some(a)),
                None => (docs.snapshot(&uri), None),
            }
        };
        let (analysis, retired) = match (ready, snap) {
            (Some(a), _) => (a, None),
            (None, Some(snap)) => {
                let enc = shared.encoding();
                let cache = shared.paragraph_cache_for(snap.text.len());
                let desk = shared.desk_view(&uri);
                let a = Arc::new(run(snap, &uri, enc, cache, desk.as_ref(), &shared.log));
                let Some(retired) = shared.store(&uri, &a) else {
                    continue; // superseded while it ran
                };
                (a, retired)
            }
            (None, None) => continue,
        };
        if shared.push_diagnostics() && shared.mark_published(&uri, analysis.generation) {
            shared.send(Outgoing::Publish {
                uri,
                version: analysis.version,
                generation: analysis.generation,
                diagnostics: analysis.lsp.clone(),
            });
        }
        // The previous analysis is freed only now, once the new one is on its way.
        drop(retired);
    }
}

pub struct Server {
    client: Client,
    shared: Arc<Shared>,
}

impl Server {
    /// Build the server, its analysis worker and its publisher task.
    pub fn new(client: Client, log: Logger) -> Server {
        let (tx, rx) = mpsc::unbounded_channel();
        let shared = Arc::new(Shared {
            docs: Mutex::default(),
            encoding: OnceLock::new(),
            features: OnceLock::new(),
            folders: Mutex::default(),
            configs: ConfigStore::default(),
            log,
            queue: Queue::default(),
            large_queue: Queue::default(),
            large_noticed: Mutex::default(),
            paragraphs: Arc::new(ParagraphCache::new()),
            out: tx,
            shutdown_requested: AtomicBool::new(false),
            watched: Mutex::default(),
            desk: Desk::default(),
        });
        if let Err(e) = desk::spawn(shared.clone()) {
            shared
                .log
                .error(format!("cannot start the desk indexer: {e}"));
        }
        for lane in [Lane::Drafts, Lane::Large] {
            if let Err(e) = spawn_worker(shared.clone(), lane) {
                shared
                    .log
                    .error(format!("cannot start the analysis thread: {e}"));
            }
        }
        tokio::spawn(publisher(client.clone(), shared.clone(), rx));
        Server { client, shared }
    }

    pub fn shared(&self) -> Arc<Shared> {
        self.shared.clone()
    }

    /// The analysis of the document's current text, computing it now if needed.
    /// `None` for a document that is not open.
    pub async fn analysis(&self, uri: &lsp::Url) -> Option<Arc<Analysis>> {
        let snap = {
            let docs = self.shared.docs();
            let doc = docs.map.get(uri)?;
            if let Some(a) = doc.current_analysis() {
                return Some(a);
            }
            docs.snapshot(uri)?
        };
        let shared = self.shared.clone();
        let uri2 = uri.clone();
        let enc = shared.encoding();
        let a = tokio::task::spawn_blocking(move || {
            let cache = shared.paragraph_cache_for(snap.text.len());
            let desk = shared.desk_view(&uri2);
            Arc::new(run(snap, &uri2, enc, cache, desk.as_ref(), &shared.log))
        })
        .await
        .ok()?;
        let retired = self.shared.store(uri, &a);
        drop(retired);
        Some(a)
    }

    fn show_error(&self, message: String) {
        show_error(&self.client, &self.shared, message);
    }

    /// Load the configuration of a document just opened, off the message loop (its files
    /// may be slow or large), then analyse the document with it.
    fn load_config_then_check(&self, uri: lsp::Url) {
        let client = self.client.clone();
        let shared = self.shared.clone();
        tokio::spawn(async move {
            let (uri, config, error) = {
                let shared = shared.clone();
                match tokio::task::spawn_blocking(move || {
                    let (config, error) = shared.configs.for_uri(&uri);
                    (uri, config, error)
                })
                .await
                {
                    Ok(r) => r,
                    Err(_) => return,
                }
            };
            // A reload may have cached a newer configuration meanwhile: take the newest.
            let config = shared.configs.cached(&uri).unwrap_or(config);
            let delay = config.editor.delay_ms;
            let open = {
                let mut docs = shared.docs();
                let generation = docs.next_generation();
                match docs.map.get_mut(&uri) {
                    Some(doc) => {
                        doc.config = config;
                        doc.generation = generation;
                        true
                    }
                    None => false,
                }
            };
            if open {
                shared.schedule(uri, delay);
            }
            if let Some(e) = error {
                show_error(
                    &client,
                    &shared,
                    format!("{e} (using the editor settings and defaults)"),
                );
            }
        });
    }

    /// Re-read every configuration and re-check every open document.
    async fn reload_and_recheck(&self) {
        reload_and_recheck(&self.client, &self.shared).await;
    }

    /// Ask the client for the `copydesk` section of its settings: the workspace's, then
    /// each workspace folder's (clients such as VS Code let a folder override them).
    async fn fetch_settings(&self) -> Option<Settings> {
        if !self.shared.features().configuration {
            return None;
        }
        let folders: Vec<PathBuf> = self
            .shared
            .folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let scoped: Vec<(PathBuf, lsp::Url)> = folders
            .into_iter()
            .filter_map(|f| lsp::Url::from_directory_path(&f).ok().map(|u| (f, u)))
            .collect();
        let items = std::iter::once(None)
            .chain(scoped.iter().map(|(_, u)| Some(u.clone())))
            .map(|scope_uri| lsp::ConfigurationItem {
                scope_uri,
                section: Some("copydesk".into()),
            })
            .collect();
        let asked = self.client.configuration(items);
        match tokio::time::timeout(Duration::from_secs(5), asked).await {
            Ok(Ok(values)) if !values.is_empty() => {
                let mut values = values.into_iter();
                let global = values.next().unwrap_or(Value::Null);
                let folders = scoped.into_iter().map(|(f, _)| f).zip(values).collect();
                Some(Settings { global, folders })
            }
            Ok(Ok(_)) => None,
            Ok(Err(e)) => {
                self.shared
                    .log
                    .warn(format!("workspace/configuration failed: {e}"));
                None
            }
            Err(_) => {
                self.shared
                    .log
                    .warn("workspace/configuration: no answer in 5 s");
                None
            }
        }
    }

    /// Take the settings the client gave; true if they changed (and documents need a
    /// re-check).
    fn apply_fetched(&self, settings: &Settings) -> bool {
        let global = self.apply_settings(&settings.global);
        let (folders, errors) = self.shared.configs.set_folders(&settings.folders);
        for e in errors {
            self.show_error(format!("{e} (those settings are not used)"));
        }
        global || folders
    }

    /// Take new editor settings; true if they changed (and documents need a re-check).
    fn apply_settings(&self, settings: &Value) -> bool {
        match self.shared.configs.set_editor(None, Some(settings)) {
            Ok(changed) => changed,
            Err(e) => {
                self.show_error(format!("{e} (keeping the last good settings)"));
                false
            }
        }
    }

    /// `copydesk/debugText`: the server's current text of a document (for tests; not
    /// advertised).
    pub async fn debug_text(&self, params: DebugTextParams) -> Result<Option<String>> {
        let docs = self.shared.docs();
        Ok(docs.map.get(&params.uri).map(|d| d.rope.to_string()))
    }

    /// `copydesk.addToDictionary [uri, word]`: add the word to `[names] accept` of the
    /// draft's `copydesk.toml`, if that is a file copydesk may edit (see
    /// [`config::dictionary_target`]) and the word is plausible ([`config::check_word`]).
    async fn add_to_dictionary(&self, args: &[Value]) -> Result<Option<Value>> {
        let (Some(uri), Some(word)) = (
            args.first().and_then(Value::as_str),
            args.get(1).and_then(Value::as_str),
        ) else {
            return Err(Error::invalid_params("expected [uri, word]"));
        };
        let refuse = |message: String| {
            let message = format!("cannot add to the dictionary: {message}");
            self.show_error(message.clone());
            Err(Error::invalid_params(message))
        };
        let word = match config::check_word(word) {
            Ok(w) => w.to_string(),
            Err(e) => return refuse(e),
        };
        let uri = match lsp::Url::parse(uri) {
            Ok(u) => u,
            Err(e) => return refuse(format!("`{uri}` is not a URI: {e}")),
        };
        let folders = self
            .shared
            .folders
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        // Off the message loop: it looks at and writes files.
        let w = word.clone();
        let done = tokio::task::spawn_blocking(move || {
            let path = config::dictionary_target(&uri, &folders)?;
            config::add_accepted_word(&path, &w)
                .map(|_| path.clone())
                .map_err(|e| format!("cannot add `{w}` to {}: {e}", path.display()))
        })
        .await
        .unwrap_or_else(|e| Err(format!("the task failed: {e}")));
        match done {
            Ok(path) => self.shared.log.info(format!(
                "added `{word}` to [names] accept in {}",
                path.display()
            )),
            Err(e) => return refuse(e),
        }
        self.reload_and_recheck().await;
        Ok(None)
    }
}

/// Re-read every configuration and re-check every open document: pushed again to clients
/// that take pushed diagnostics, and clients that pull are asked to pull again
/// (`workspace/diagnostic/refresh`), without waiting for an edit.
async fn reload_and_recheck(client: &Client, shared: &Arc<Shared>) {
    let reloading = shared.clone();
    let (errors, stamp) = tokio::task::spawn_blocking(move || {
        let errors = reloading.configs.reload();
        // What the files look like now, so that the watcher does not reload again for a
        // change this reload has already read.
        let stamp = watch::stamp(reloading.configs.watched_files());
        (errors, stamp)
    })
    .await
    .unwrap_or_default();
    shared
        .watched
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .extend(stamp);
    for e in errors {
        show_error(
            client,
            shared,
            format!("{e} (keeping the last good configuration)"),
        );
    }
    shared
        .log
        .set_from_settings(shared.configs.editor_config().editor.log_level.as_deref());
    let uris: Vec<lsp::Url> = {
        let mut docs = shared.docs();
        let uris: Vec<lsp::Url> = docs.map.keys().cloned().collect();
        for uri in &uris {
            // A document whose configuration is still loading gets it when it arrives.
            let Some(config) = shared.configs.cached(uri) else {
                continue;
            };
            let generation = docs.next_generation();
            if let Some(doc) = docs.map.get_mut(uri) {
                doc.config = config;
                doc.generation = generation;
            }
        }
        uris
    };
    for uri in uris {
        shared.schedule(uri, 0);
    }
    // The drafts' configurations may have changed what the desk holds.
    shared.desk.reindex_all();
    if shared.features().pull_diagnostics {
        let _ = client.workspace_diagnostic_refresh().await;
    }
}

/// Look at the configuration files every [`watch::POLL`]; when one the open drafts depend
/// on changed, re-read the configuration and re-check (see [`watch`]).
async fn watch_config_files(client: Client, shared: Arc<Shared>) {
    let mut tick = tokio::time::interval(watch::POLL);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        if shared.shutdown_requested.load(Ordering::SeqCst) {
            return;
        }
        let looking = shared.clone();
        let Ok(now) =
            tokio::task::spawn_blocking(move || watch::stamp(looking.configs.watched_files()))
                .await
        else {
            return;
        };
        let changed = {
            let mut before = shared.watched.lock().unwrap_or_else(|e| e.into_inner());
            let changed = watch::changed(&before, &now);
            *before = now;
            changed
        };
        if changed.is_empty() {
            continue;
        }
        for path in &changed {
            shared
                .log
                .info(format!("configuration file changed: {}", path.display()));
        }
        reload_and_recheck(&client, &shared).await;
    }
}

/// Log an error and show it to the user.
fn show_error(client: &Client, shared: &Shared, message: String) {
    shared.log.error(message.clone());
    let client = client.clone();
    tokio::spawn(async move {
        client
            .show_message(lsp::MessageType::ERROR, format!("copydesk: {message}"))
            .await;
    });
}

#[derive(Debug, Deserialize)]
pub struct DebugTextParams {
    pub uri: lsp::Url,
}

/// The edits that respell `target` in a draft that is not open, as it is on disk (inside
/// the workspace only).
fn respell_on_disk(
    shared: &Shared,
    uri: &lsp::Url,
    target: &desk_ide::DeskTarget,
    new_name: &str,
) -> Vec<lsp::TextEdit> {
    let Ok(path) = uri.to_file_path() else {
        return Vec::new();
    };
    let Some(text) = desk::read_in_workspace(&shared.folders(), &path) else {
        return Vec::new();
    };
    let (config, _) = shared.configs.for_uri(uri);
    let doc = crate::analysis::Document::parse(text);
    let cx = crate::analysis::Context::new(&doc, &config);
    let pos = Positions::new(&doc, shared.encoding());
    desk_ide::respell(&cx, target, new_name)
        .iter()
        .map(|e| pos.text_edit(e))
        .collect()
}

/// Sends the worker's results in order, skipping any that went stale in the queue.
async fn publisher(client: Client, shared: Arc<Shared>, mut rx: mpsc::UnboundedReceiver<Outgoing>) {
    while let Some(o) = rx.recv().await {
        match o {
            Outgoing::Publish {
                uri,
                version,
                generation,
                diagnostics,
            } => {
                if shared.is_current(&uri, generation) {
                    client
                        .publish_diagnostics(uri, diagnostics, Some(version))
                        .await;
                }
            }
            Outgoing::Clear { uri } => client.publish_diagnostics(uri, Vec::new(), None).await,
            Outgoing::Notice { text } => client.show_message(lsp::MessageType::INFO, text).await,
            Outgoing::Refresh => {
                // Not awaited here: the answer must not hold up the messages behind it.
                let client = client.clone();
                tokio::spawn(async move {
                    let _ = client.workspace_diagnostic_refresh().await;
                });
            }
        }
    }
}

fn capabilities(enc: Encoding, features: &ClientFeatures) -> lsp::ServerCapabilities {
    lsp::ServerCapabilities {
        position_encoding: Some(convert::encoding_kind(enc)),
        text_document_sync: Some(lsp::TextDocumentSyncCapability::Options(
            lsp::TextDocumentSyncOptions {
                open_close: Some(true),
                change: Some(lsp::TextDocumentSyncKind::INCREMENTAL),
                save: Some(lsp::TextDocumentSyncSaveOptions::Supported(true)),
                ..Default::default()
            },
        )),
        hover_provider: Some(lsp::HoverProviderCapability::Simple(true)),
        code_action_provider: Some(lsp::CodeActionProviderCapability::Options(
            lsp::CodeActionOptions {
                code_action_kinds: Some(vec![
                    lsp::CodeActionKind::QUICKFIX,
                    actions::fix_all_kind(),
                ]),
                resolve_provider: Some(false),
                ..Default::default()
            },
        )),
        document_symbol_provider: Some(lsp::OneOf::Left(true)),
        definition_provider: Some(lsp::OneOf::Left(true)),
        references_provider: Some(lsp::OneOf::Left(true)),
        rename_provider: Some(lsp::OneOf::Left(true)),
        workspace_symbol_provider: Some(lsp::OneOf::Left(true)),
        inlay_hint_provider: Some(lsp::OneOf::Left(true)),
        execute_command_provider: Some(lsp::ExecuteCommandOptions {
            commands: vec![CMD_ADD_TO_DICTIONARY.into(), CMD_EXPLAIN_RULE.into()],
            ..Default::default()
        }),
        diagnostic_provider: features.pull_diagnostics.then(|| {
            lsp::DiagnosticServerCapabilities::Options(lsp::DiagnosticOptions {
                identifier: Some("copydesk".into()),
                inter_file_dependencies: false,
                workspace_diagnostics: false,
                ..Default::default()
            })
        }),
        workspace: Some(lsp::WorkspaceServerCapabilities {
            workspace_folders: Some(lsp::WorkspaceFoldersServerCapabilities {
                supported: Some(true),
                change_notifications: Some(lsp::OneOf::Left(true)),
            }),
            file_operations: None,
        }),
        ..Default::default()
    }
}

/// The `copydesk` settings section, for the workspace and for each workspace folder.
struct Settings {
    global: Value,
    folders: Vec<(PathBuf, Value)>,
}

fn client_features(caps: &lsp::ClientCapabilities) -> ClientFeatures {
    let ws = caps.workspace.as_ref();
    // Both spellings (`diagnostic`, `diagnostics`) arrive here as `diagnostic`: see
    // `framing::normalize_initialize`.
    let refresh = ws
        .and_then(|w| w.diagnostic.as_ref())
        .and_then(|d| d.refresh_support)
        .unwrap_or(false);
    ClientFeatures {
        pull_diagnostics: caps
            .text_document
            .as_ref()
            .is_some_and(|t| t.diagnostic.is_some())
            && refresh,
        watch_files_dynamically: ws
            .and_then(|w| w.did_change_watched_files.as_ref())
            .and_then(|d| d.dynamic_registration)
            .unwrap_or(false),
        configuration: ws.and_then(|w| w.configuration).unwrap_or(false),
    }
}

fn folder_paths(params: &lsp::InitializeParams) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| f.uri.to_file_path().ok())
        .collect();
    #[allow(deprecated)]
    if out.is_empty() {
        if let Some(p) = params.root_uri.as_ref().and_then(|u| u.to_file_path().ok()) {
            out.push(p);
        }
    }
    out
}

#[allow(deprecated)]
fn document_symbol(pos: &Positions, s: &outline::Symbol) -> lsp::DocumentSymbol {
    lsp::DocumentSymbol {
        name: s.name.clone(),
        detail: s.detail.clone(),
        kind: match s.kind {
            outline::SymbolKind::Heading => lsp::SymbolKind::STRING,
            outline::SymbolKind::Actor => lsp::SymbolKind::OBJECT,
            outline::SymbolKind::Quote => lsp::SymbolKind::STRING,
            outline::SymbolKind::Date => lsp::SymbolKind::EVENT,
        },
        tags: None,
        deprecated: None,
        range: pos.range(&s.range),
        selection_range: pos.range(&s.selection),
        children: (!s.children.is_empty())
            .then(|| s.children.iter().map(|c| document_symbol(pos, c)).collect()),
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Server {
    async fn initialize(&self, params: lsp::InitializeParams) -> Result<lsp::InitializeResult> {
        // The analysis tables, started with the process (`warm_up::start` in `run`), are
        // built before the answer: the first draft opened after `initialized` is then
        // analysed as fast as the next, instead of waiting ~40 ms of CPU for them. This
        // waits on the warm-up threads only, never on the client (see `WatchExit`).
        let _ = tokio::task::spawn_blocking(|| super::warm_up::wait(super::warm_up::WAIT_AT_MOST))
            .await;
        let enc = convert::negotiate(&params.capabilities);
        let features = client_features(&params.capabilities);
        let _ = self.shared.encoding.set(enc);
        let _ = self.shared.features.set(features.clone());
        *self
            .shared
            .folders
            .lock()
            .unwrap_or_else(|e| e.into_inner()) = folder_paths(&params);
        if let Err(e) = self
            .shared
            .configs
            .set_editor(params.initialization_options.as_ref(), None)
        {
            self.show_error(format!("{e} (using the defaults)"));
        }
        self.shared.log.set_from_settings(
            self.shared
                .configs
                .editor_config()
                .editor
                .log_level
                .as_deref(),
        );
        Ok(lsp::InitializeResult {
            capabilities: capabilities(enc, &features),
            server_info: Some(lsp::ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
        })
    }

    async fn initialized(&self, _: lsp::InitializedParams) {
        let features = self.shared.features();
        self.shared.log.info(format!(
            "copydesk {} ready: positions in {:?}, diagnostics {}",
            env!("CARGO_PKG_VERSION"),
            self.shared.encoding(),
            if features.pull_diagnostics {
                "pulled"
            } else {
                "pushed"
            }
        ));
        if features.watch_files_dynamically {
            // The configuration files, and the drafts (for the desk's index).
            let watchers = crate::project::CONFIG_NAMES
                .iter()
                .map(|name| format!("**/{name}"))
                .chain(["**/*.md".to_string(), "**/*.markdown".to_string()])
                .map(|glob| lsp::FileSystemWatcher {
                    glob_pattern: lsp::GlobPattern::String(glob),
                    kind: None,
                })
                .collect();
            let options = lsp::DidChangeWatchedFilesRegistrationOptions { watchers };
            let registration = lsp::Registration {
                id: "copydesk-config-watcher".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            let asked = self.client.register_capability(vec![registration]);
            match tokio::time::timeout(Duration::from_secs(5), asked).await {
                Ok(Ok(())) => {}
                Ok(Err(e)) => self
                    .shared
                    .log
                    .warn(format!("cannot watch copydesk.toml files: {e}")),
                Err(_) => self
                    .shared
                    .log
                    .warn("client/registerCapability: no answer in 5 s"),
            }
        }
        tokio::spawn(watch_config_files(self.client.clone(), self.shared.clone()));
        self.shared.desk.reindex_all();
        if let Some(settings) = self.fetch_settings().await {
            if self.apply_fetched(&settings) {
                self.reload_and_recheck().await;
            }
        }
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.shutdown_requested.store(true, Ordering::SeqCst);
        Ok(())
    }

    async fn did_open(&self, params: lsp::DidOpenTextDocumentParams) {
        let item = params.text_document;
        // Opened at once (changes that follow must find it); a configuration not yet known
        // is loaded off the message loop, and the document is analysed when it arrives.
        let cached = self.shared.configs.cached(&item.uri);
        let config = cached
            .clone()
            .unwrap_or_else(|| self.shared.configs.editor_config());
        let delay = config.editor.delay_ms;
        self.shared
            .docs()
            .open(item.uri.clone(), &item.text, item.version, config);
        match cached {
            Some(_) => self.shared.schedule(item.uri, delay),
            None => self.load_config_then_check(item.uri),
        }
    }

    async fn did_change(&self, params: lsp::DidChangeTextDocumentParams) {
        // Applied before any await: changes stay in arrival order.
        let uri = params.text_document.uri;
        let version = params.text_document.version;
        let (changed, delay) = {
            let mut docs = self.shared.docs();
            let changed = docs.change(
                &uri,
                version,
                &params.content_changes,
                self.shared.encoding(),
            );
            let delay = docs.map.get(&uri).map_or(0, |d| d.config.editor.delay_ms);
            (changed, delay)
        };
        match changed {
            Changed::Applied => self.shared.schedule(uri, delay),
            Changed::NotOpen => self
                .shared
                .log
                .warn(format!("change for a document that is not open: {uri}")),
            Changed::Stale { current } => self.shared.log.warn(format!(
                "ignored a stale change to {uri}: version {version} is older than version {current}"
            )),
        }
    }

    async fn did_close(&self, params: lsp::DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        self.shared.docs().map.remove(&uri);
        self.shared.forget(&uri);
        if self.shared.push_diagnostics() {
            self.shared.send(Outgoing::Clear { uri });
        }
    }

    async fn did_change_watched_files(&self, params: lsp::DidChangeWatchedFilesParams) {
        let mut config_changed = false;
        for c in &params.changes {
            let draft = c
                .uri
                .to_file_path()
                .ok()
                .filter(|p| !crate::project::CONFIG_NAMES.iter().any(|n| p.ends_with(n)));
            match draft {
                Some(path) => self.shared.desk.reindex_file(path),
                None => {
                    self.shared
                        .log
                        .info(format!("configuration file changed: {}", c.uri));
                    config_changed = true;
                }
            }
        }
        if config_changed {
            self.reload_and_recheck().await;
        }
    }

    async fn did_save(&self, params: lsp::DidSaveTextDocumentParams) {
        if let Ok(path) = params.text_document.uri.to_file_path() {
            self.shared.desk.reindex_file(path);
        }
    }

    async fn did_change_configuration(&self, params: lsp::DidChangeConfigurationParams) {
        let changed = match self.fetch_settings().await {
            Some(s) => self.apply_fetched(&s),
            None => self.apply_settings(&params.settings),
        };
        if changed {
            self.reload_and_recheck().await;
        }
    }

    async fn did_change_workspace_folders(&self, params: lsp::DidChangeWorkspaceFoldersParams) {
        {
            let mut folders = self
                .shared
                .folders
                .lock()
                .unwrap_or_else(|e| e.into_inner());
            for f in &params.event.removed {
                if let Ok(p) = f.uri.to_file_path() {
                    folders.retain(|x| x != &p);
                }
            }
            for f in &params.event.added {
                if let Ok(p) = f.uri.to_file_path() {
                    folders.push(p);
                }
            }
        }
        self.shared.desk.reindex_all();
        // A new folder may have settings of its own.
        if let Some(settings) = self.fetch_settings().await {
            if self.apply_fetched(&settings) {
                self.reload_and_recheck().await;
            }
        }
    }

    async fn hover(&self, params: lsp::HoverParams) -> Result<Option<lsp::Hover>> {
        let p = params.text_document_position_params;
        let Some(a) = self.analysis(&p.text_document.uri).await else {
            return Ok(None);
        };
        let pos = Positions::new(&a.doc, self.shared.encoding());
        let offset = pos.offset(p.position);
        let cx = a.context();
        let infos = hover::at(&cx, &a.diagnostics, offset);
        let Some(first) = infos.first() else {
            return Ok(None);
        };
        let mut markdown: Vec<&str> = infos.iter().map(|i| i.markdown.as_str()).collect();
        let on_desk = self
            .shared
            .desk_view(&p.text_document.uri)
            .and_then(|v| desk_ide::hover(&cx, offset, &v.index, v.label.as_deref()));
        if let Some(md) = &on_desk {
            markdown.push(md);
        }
        Ok(Some(lsp::Hover {
            contents: lsp::HoverContents::Markup(lsp::MarkupContent {
                kind: lsp::MarkupKind::Markdown,
                value: markdown.join("\n\n---\n\n"),
            }),
            range: Some(pos.range(&first.range)),
        }))
    }

    /// Go to definition on a name: the draft's first full reference to that actor.
    async fn goto_definition(
        &self,
        params: lsp::GotoDefinitionParams,
    ) -> Result<Option<lsp::GotoDefinitionResponse>> {
        let p = params.text_document_position_params;
        let Some(a) = self.analysis(&p.text_document.uri).await else {
            return Ok(None);
        };
        let pos = Positions::new(&a.doc, self.shared.encoding());
        let cx = a.context();
        let target = navigate::definition(&cx, pos.offset(p.position));
        Ok(target.map(|r| {
            lsp::GotoDefinitionResponse::Scalar(lsp::Location {
                uri: p.text_document.uri.clone(),
                range: pos.range(&r),
            })
        }))
    }

    /// Find references on a name: every mention of that actor in the draft.
    async fn references(&self, params: lsp::ReferenceParams) -> Result<Option<Vec<lsp::Location>>> {
        let p = params.text_document_position;
        let Some(a) = self.analysis(&p.text_document.uri).await else {
            return Ok(None);
        };
        let pos = Positions::new(&a.doc, self.shared.encoding());
        let cx = a.context();
        let offset = pos.offset(p.position);
        let refs = navigate::references(&cx, offset);
        let mut out: Vec<lsp::Location> = refs
            .iter()
            .map(|r| lsp::Location {
                uri: p.text_document.uri.clone(),
                range: pos.range(r),
            })
            .collect();
        // The same person in the desk's other drafts, where the index last saw them.
        if let Some(view) = self.shared.desk_view(&p.text_document.uri) {
            if let Some(target) = desk_ide::target(&cx, offset, &view.index) {
                for d in self.shared.desk.drafts_except(view.label.as_deref()) {
                    if d.uri == p.text_document.uri {
                        continue;
                    }
                    for (ai, a) in d.names.actors.iter().enumerate() {
                        if a.key != target.key {
                            continue;
                        }
                        for (pi, part) in a.parts.iter().enumerate() {
                            if part.part == target.part && target.spellings.contains(&part.folded) {
                                out.extend(d.ranges[ai][pi].iter().map(|r| lsp::Location {
                                    uri: d.uri.clone(),
                                    range: *r,
                                }));
                            }
                        }
                    }
                }
            }
        }
        Ok(Some(out))
    }

    /// Workspace symbols: the people of the desk's drafts whose name contains the query
    /// (without case or accents), one per draft, where the draft first writes them.
    async fn symbol(
        &self,
        params: lsp::WorkspaceSymbolParams,
    ) -> Result<Option<Vec<lsp::SymbolInformation>>> {
        const MAX: usize = 500;
        let query = crate::analysis::names::matcher::fold(&params.query);
        let mut out = Vec::new();
        for d in self.shared.desk.drafts_except(None) {
            for (ai, a) in d.names.actors.iter().enumerate() {
                if out.len() >= MAX {
                    break;
                }
                if !crate::analysis::names::matcher::fold(&a.name).contains(&query) {
                    continue;
                }
                let Some(first) = d.ranges[ai]
                    .iter()
                    .flatten()
                    .min_by_key(|r| (r.start.line, r.start.character))
                else {
                    continue;
                };
                #[allow(deprecated)]
                out.push(lsp::SymbolInformation {
                    name: a.name.clone(),
                    kind: lsp::SymbolKind::OBJECT,
                    tags: None,
                    deprecated: None,
                    location: lsp::Location {
                        uri: d.uri.clone(),
                        range: *first,
                    },
                    container_name: Some(d.label.clone()),
                });
            }
        }
        Ok(Some(out))
    }

    /// Rename on a name: respell that name part in every mention of the actor, in this
    /// draft and (unless the `renameScope` setting is `draft`) in every draft of the
    /// workspace that names the same person (any spelling the desk has of that name). Other
    /// open drafts are edited as the editor has them; the rest as they are on disk.
    async fn rename(&self, params: lsp::RenameParams) -> Result<Option<lsp::WorkspaceEdit>> {
        let p = params.text_document_position;
        let Some(a) = self.analysis(&p.text_document.uri).await else {
            return Ok(None);
        };
        let enc = self.shared.encoding();
        let (edits, target) = {
            let pos = Positions::new(&a.doc, enc);
            let cx = a.context();
            let offset = pos.offset(p.position);
            let Some(edits) = navigate::rename_edits(&cx, offset, &params.new_name) else {
                return Ok(None);
            };
            let edits: Vec<lsp::TextEdit> = edits.iter().map(|e| pos.text_edit(e)).collect();
            let workspace =
                a.config.editor.rename_scope == crate::analysis::config::RenameScope::Workspace;
            let target = self
                .shared
                .desk_view(&p.text_document.uri)
                .filter(|_| workspace)
                .and_then(|v| desk_ide::target(&cx, offset, &v.index).map(|t| (t, v.label)));
            (edits, target)
        };
        let mut changes = std::collections::HashMap::new();
        changes.insert(p.text_document.uri.clone(), edits);
        if let Some((target, label)) = target {
            let others: Vec<lsp::Url> = self
                .shared
                .desk
                .drafts_except(label.as_deref())
                .into_iter()
                .filter(|d| {
                    d.uri != p.text_document.uri
                        && d.names.actors.iter().any(|a| {
                            a.key == target.key
                                && a.parts.iter().any(|x| {
                                    x.part == target.part && target.spellings.contains(&x.folded)
                                })
                        })
                })
                .map(|d| d.uri.clone())
                .collect();
            for uri in others {
                let open = self.shared.docs().map.contains_key(&uri);
                let edits = if open {
                    match self.analysis(&uri).await {
                        Some(a) => {
                            let pos = Positions::new(&a.doc, enc);
                            let cx = a.context();
                            desk_ide::respell(&cx, &target, &params.new_name)
                                .iter()
                                .map(|e| pos.text_edit(e))
                                .collect()
                        }
                        None => Vec::new(),
                    }
                } else {
                    let shared = self.shared.clone();
                    let (target, name, uri) =
                        (target.clone(), params.new_name.clone(), uri.clone());
                    tokio::task::spawn_blocking(move || {
                        respell_on_disk(&shared, &uri, &target, &name)
                    })
                    .await
                    .unwrap_or_default()
                };
                if !edits.is_empty() {
                    changes.insert(uri, edits);
                }
            }
        }
        Ok(Some(lsp::WorkspaceEdit {
            changes: Some(changes),
            ..Default::default()
        }))
    }

    async fn code_action(
        &self,
        params: lsp::CodeActionParams,
    ) -> Result<Option<lsp::CodeActionResponse>> {
        let Some(a) = self.analysis(&params.text_document.uri).await else {
            return Ok(Some(Vec::new()));
        };
        Ok(Some(actions::code_actions(
            &a,
            &params.text_document.uri,
            params.range,
            params.context.only.as_deref(),
            self.shared.encoding(),
        )))
    }

    async fn document_symbol(
        &self,
        params: lsp::DocumentSymbolParams,
    ) -> Result<Option<lsp::DocumentSymbolResponse>> {
        let Some(a) = self.analysis(&params.text_document.uri).await else {
            return Ok(Some(lsp::DocumentSymbolResponse::Nested(Vec::new())));
        };
        let pos = Positions::new(&a.doc, self.shared.encoding());
        let cx = a.context();
        let symbols = outline::symbols(&cx)
            .iter()
            .map(|s| document_symbol(&pos, s))
            .collect();
        Ok(Some(lsp::DocumentSymbolResponse::Nested(symbols)))
    }

    async fn inlay_hint(
        &self,
        params: lsp::InlayHintParams,
    ) -> Result<Option<Vec<lsp::InlayHint>>> {
        let Some(a) = self.analysis(&params.text_document.uri).await else {
            return Ok(Some(Vec::new()));
        };
        let pos = Positions::new(&a.doc, self.shared.encoding());
        let range = pos.offsets(params.range);
        let cx = a.context();
        let hints = inlay::hints(&cx)
            .into_iter()
            .filter(|h| range.start <= h.offset && h.offset <= range.end)
            .map(|h| lsp::InlayHint {
                position: pos.position(h.offset),
                label: lsp::InlayHintLabel::String(h.label),
                kind: None,
                text_edits: None,
                tooltip: None,
                padding_left: Some(true),
                padding_right: None,
                data: None,
            })
            .collect();
        Ok(Some(hints))
    }

    async fn diagnostic(
        &self,
        params: lsp::DocumentDiagnosticParams,
    ) -> Result<lsp::DocumentDiagnosticReportResult> {
        let (items, result_id) = match self.analysis(&params.text_document.uri).await {
            Some(a) => (a.lsp.clone(), Some(a.generation.to_string())),
            None => (Vec::new(), None),
        };
        let report = if result_id.is_some() && params.previous_result_id == result_id {
            lsp::DocumentDiagnosticReport::Unchanged(
                lsp::RelatedUnchangedDocumentDiagnosticReport {
                    related_documents: None,
                    unchanged_document_diagnostic_report: lsp::UnchangedDocumentDiagnosticReport {
                        result_id: result_id.unwrap_or_default(),
                    },
                },
            )
        } else {
            lsp::DocumentDiagnosticReport::Full(lsp::RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: lsp::FullDocumentDiagnosticReport {
                    result_id,
                    items,
                },
            })
        };
        Ok(lsp::DocumentDiagnosticReportResult::Report(report))
    }

    async fn execute_command(&self, params: lsp::ExecuteCommandParams) -> Result<Option<Value>> {
        match params.command.as_str() {
            CMD_ADD_TO_DICTIONARY => self.add_to_dictionary(&params.arguments).await,
            CMD_EXPLAIN_RULE => {
                let id = params
                    .arguments
                    .first()
                    .and_then(Value::as_str)
                    .unwrap_or("");
                let Some(rule) = rules::find(id) else {
                    return Err(Error::invalid_params(format!("unknown rule `{id}`")));
                };
                // Under a preset, the style point the rule's findings come from, as hover
                // cites it: from the configuration of the draft named by the optional
                // second argument (its URI), else the editor settings.
                let config = params
                    .arguments
                    .get(1)
                    .and_then(Value::as_str)
                    .and_then(|u| lsp::Url::parse(u).ok())
                    .and_then(|uri| self.shared.configs.cached(&uri))
                    .unwrap_or_else(|| self.shared.configs.editor_config());
                let mut markdown = rules::explain_markdown(rule.meta());
                if let Some(line) = rules::style_point_line(&config, id) {
                    markdown.push('\n');
                    markdown.push_str(&line);
                    markdown.push('\n');
                }
                Ok(Some(Value::String(markdown)))
            }
            other => Err(Error::invalid_params(format!("unknown command `{other}`"))),
        }
    }
}
