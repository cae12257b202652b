//! Analysis off the async runtime: the queue of documents due for analysis, and one
//! analysis with its panic caught. The server's worker thread (`server::spawn_worker`)
//! drives them.
//!
//! A change marks its document pending; the worker takes the newest text when it gets to
//! it, so a burst of changes during one analysis costs one more analysis, not one per
//! change. Each result is tagged with the document state it was computed for and dropped
//! if the document changed meanwhile. A panic in the analysis is caught and logged; that
//! document then has no diagnostics until its next change.

use super::convert::{self, Positions};
use super::desk::DeskView;
use super::documents::{Analysis, Snapshot};
use super::log::Logger;
use crate::analysis::cache::ParagraphCache;
use crate::analysis::rules::name_inconsistent_desk::{desk_diagnostics, draft_names};
use crate::analysis::{analyze_with, Context, Document, Encoding};
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};
use tower_lsp::lsp_types::Url;

#[derive(Default)]
struct State {
    /// Documents to analyse, with the time they are due (a debounce delay, usually now).
    pending: HashMap<Url, Instant>,
}

#[derive(Default)]
pub struct Queue {
    state: Mutex<State>,
    wake: Condvar,
}

impl Queue {
    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Analyse `uri` after `delay` (restarting the delay if it was already pending).
    pub fn schedule(&self, uri: Url, delay: Duration) {
        self.lock().pending.insert(uri, Instant::now() + delay);
        self.wake.notify_one();
    }

    pub fn cancel(&self, uri: &Url) {
        self.lock().pending.remove(uri);
    }

    /// No document is waiting to be analysed (the desk indexer waits for this).
    pub fn is_idle(&self) -> bool {
        self.lock().pending.is_empty()
    }

    /// Block until a document is due, and take it.
    pub fn next(&self) -> Url {
        let mut state = self.lock();
        loop {
            let now = Instant::now();
            let due = state
                .pending
                .iter()
                .min_by_key(|(_, due)| **due)
                .map(|(uri, due)| (uri.clone(), *due));
            match due {
                Some((uri, at)) if at <= now => {
                    state.pending.remove(&uri);
                    return uri;
                }
                Some((_, at)) => {
                    state = self
                        .wake
                        .wait_timeout(state, at - now)
                        .unwrap_or_else(|e| e.into_inner())
                        .0;
                }
                None => {
                    state = self.wake.wait(state).unwrap_or_else(|e| e.into_inner());
                }
            }
        }
    }
}

/// Analyse one snapshot: parse (reusing `cache` for unchanged paragraphs), run the rules
/// and, with the desk's index, compare its names with the other drafts; convert for the
/// client. A panic is caught and returned as its message.
pub fn analyse(
    snap: Snapshot,
    uri: &Url,
    enc: Encoding,
    cache: Option<&Arc<ParagraphCache>>,
    desk: Option<&DeskView>,
) -> Result<Analysis, (Failed, String)> {
    analyse_with(snap, uri, enc, cache, |cx| {
        let mut d = analyze_with(cx);
        if let Some(desk) = desk {
            let found = desk_diagnostics(
                cx.doc,
                cx.config,
                desk.label.as_deref(),
                &draft_names(cx),
                &desk.index,
            );
            if !found.is_empty() {
                d.extend(found);
                d.sort_by(|a, b| {
                    (a.range.start, a.range.end, a.rule).cmp(&(b.range.start, b.range.end, b.rule))
                });
            }
        }
        d
    })
}

/// What is left of a snapshot after a failed analysis.
pub struct Failed {
    pub generation: u64,
    pub version: i32,
    pub config: Arc<crate::analysis::Config>,
}

/// [`analyse`] with the rules given (tests use a panicking one).
pub fn analyse_with(
    snap: Snapshot,
    uri: &Url,
    enc: Encoding,
    cache: Option<&Arc<ParagraphCache>>,
    rules: impl Fn(&Context) -> Vec<crate::analysis::Diagnostic>,
) -> Result<Analysis, (Failed, String)> {
    let Snapshot {
        generation,
        version,
        text,
        config,
    } = snap;
    let result = catch_unwind(AssertUnwindSafe(|| {
        let doc = match cache {
            Some(cache) => Document::parse_cached(text, cache),
            None => Document::parse(text),
        };
        let (diagnostics, computed) = {
            let cx = Context::new(&doc, &config);
            (rules(&cx), cx.computed())
        };
        let pos = Positions::new(&doc, enc);
        let lsp = diagnostics
            .iter()
            .map(|d| convert::diagnostic(d, &pos, uri, version))
            .collect();
        (doc, diagnostics, lsp, computed)
    }));
    match result {
        Ok((doc, diagnostics, lsp, computed)) => Ok(Analysis {
            generation,
            version,
            doc,
            config,
            diagnostics,
            lsp,
            computed,
        }),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err((
                Failed {
                    generation,
                    version,
                    config,
                },
                what,
            ))
        }
    }
}

/// Analyse one snapshot for the server: log the time, and on a panic log the document
/// and return an empty analysis (no diagnostics until the next change).
pub fn run(
    snap: Snapshot,
    uri: &Url,
    enc: Encoding,
    cache: Option<&Arc<ParagraphCache>>,
    desk: Option<&DeskView>,
    log: &Logger,
) -> Analysis {
    let started = Instant::now();
    match analyse(snap, uri, enc, cache, desk) {
        Ok(a) => {
            log.debug(format!(
                "analysed {uri} v{}: {} diagnostics in {:.2} ms",
                a.version,
                a.diagnostics.len(),
                started.elapsed().as_secs_f64() * 1e3
            ));
            a
        }
        Err((s, what)) => {
            log.error(format!(
                "analysis panicked on {uri} (version {}): {what}; no diagnostics for it until its next change",
                s.version
            ));
            failed(s)
        }
    }
}

/// The analysis of a state whose analysis panicked: no diagnostics.
pub fn failed(s: Failed) -> Analysis {
    Analysis {
        generation: s.generation,
        version: s.version,
        doc: Document::parse(String::new()),
        config: s.config,
        diagnostics: Vec::new(),
        lsp: Vec::new(),
        computed: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Config;

    fn snap(text: &str) -> Snapshot {
        Snapshot {
            generation: 7,
            version: 3,
            text: text.into(),
            config: Arc::new(Config::default()),
        }
    }

    #[test]
    fn a_panicking_analysis_is_caught_and_leaves_no_diagnostics() {
        let uri = Url::parse("file:///tmp/x.md").unwrap();
        let cache = Arc::new(ParagraphCache::new());
        let err = analyse_with(
            snap("He said “x.\n"),
            &uri,
            Encoding::Utf16,
            Some(&cache),
            |_| panic!("rule exploded"),
        )
        .err()
        .expect("caught");
        assert_eq!(err.1, "rule exploded");
        let a = failed(err.0);
        assert_eq!((a.generation, a.version), (7, 3));
        assert!(a.diagnostics.is_empty() && a.lsp.is_empty());
        // The same text analyses normally with the real rules.
        let a = analyse(
            snap("He said “x.\n"),
            &uri,
            Encoding::Utf16,
            Some(&cache),
            None,
        )
        .ok()
        .unwrap();
        assert_eq!(a.lsp.len(), 1);
    }

    #[test]
    fn the_queue_hands_out_each_pending_document_once_and_honours_delays() {
        let q = Queue::default();
        let a = Url::parse("untitled:a").unwrap();
        let b = Url::parse("untitled:b").unwrap();
        q.schedule(a.clone(), Duration::from_millis(60));
        q.schedule(b.clone(), Duration::ZERO);
        q.schedule(b.clone(), Duration::ZERO);
        let t = Instant::now();
        assert_eq!(q.next(), b);
        assert_eq!(q.next(), a);
        assert!(t.elapsed() >= Duration::from_millis(50));
        assert!(q.lock().pending.is_empty());
    }
}
