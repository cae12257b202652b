//! The workspace's drafts, indexed in the background for names across the desk
//! (`name.inconsistent-desk`, hover, references, workspace symbols, rename across drafts).
//!
//! One thread of its own (`copydesk-desk`), never the async runtime. It walks each workspace
//! folder (honouring `.gitignore`, not following symbolic links, Markdown files only, none
//! over [`LARGE_DRAFT`]), reads each draft with [`safe_fs::read_regular`] after checking
//! that it is a regular file inside the folder, and keeps what [`DraftNames::of`] makes of it
//! under the draft's configuration (from the [`ConfigStore`](super::config::ConfigStore) the
//! open drafts use, without adding the drafts' folders to what its watcher looks at). Low priority: before each file it waits while any open draft is due
//! for analysis, so typing never waits behind it; a new walk (folders or configuration
//! changed) cancels one in progress by bumping the epoch.
//!
//! The open drafts are compared with the index of the saved drafts, their own saved copy
//! left out. The index is rebuilt from the per-draft summaries after each job (cheap: no
//! draft is analysed again), then every open draft is checked again.

use super::convert::Positions;
use super::server::{Shared, LARGE_DRAFT};
use crate::analysis::names::desk::{DeskIndex, DraftNames};
use crate::analysis::rules::name_inconsistent_desk::draft_names;
use crate::analysis::{Config, Context, Document, Encoding};
use crate::safe_fs;
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, RwLock};
use std::time::{Duration, Instant};
use tower_lsp::lsp_types as lsp;

/// One indexed draft.
pub struct Indexed {
    pub uri: lsp::Url,
    pub label: String,
    pub names: DraftNames,
    /// For each actor of `names`, each part's uses as client ranges (computed when indexed).
    pub ranges: Vec<Vec<Vec<lsp::Range>>>,
}

/// What the indexer is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Job {
    /// Walk every workspace folder again.
    All,
    /// Read one draft again (saved, changed or deleted on disk).
    File(PathBuf),
}

#[derive(Default)]
struct Jobs {
    queue: VecDeque<Job>,
}

/// The index as the handlers see it.
pub struct DeskView {
    pub index: Arc<DeskIndex>,
    /// The open draft's label in the index (its path in its workspace folder).
    pub label: Option<String>,
}

#[derive(Default)]
pub struct Desk {
    drafts: Mutex<BTreeMap<PathBuf, Arc<Indexed>>>,
    index: RwLock<Arc<DeskIndex>>,
    jobs: Mutex<Jobs>,
    wake: Condvar,
    /// Bumped by every new walk: a walk in progress stops at its next file.
    epoch: AtomicU64,
    /// Full walks finished (for the log and tests).
    pub walks: AtomicU64,
}

/// The label of a draft: its path inside the innermost workspace folder that holds it,
/// with forward slashes.
pub fn label(folders: &[PathBuf], path: &Path) -> Option<String> {
    let folder = folders
        .iter()
        .filter(|f| path.starts_with(f))
        .max_by_key(|f| f.components().count())?;
    let rel = path.strip_prefix(folder).ok()?;
    Some(rel.to_string_lossy().replace('\\', "/"))
}

fn is_markdown(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

impl Desk {
    fn lock_drafts(&self) -> MutexGuard<'_, BTreeMap<PathBuf, Arc<Indexed>>> {
        self.drafts.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn lock_jobs(&self) -> MutexGuard<'_, Jobs> {
        self.jobs.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn push(&self, job: Job) {
        let mut jobs = self.lock_jobs();
        // A new walk supersedes one in progress; one draft waits for the walk to end (and
        // is then read again, in case the walk read it before it changed).
        if job == Job::All {
            self.epoch.fetch_add(1, Ordering::SeqCst);
        }
        if !jobs.queue.contains(&job) {
            jobs.queue.push_back(job);
        }
        self.wake.notify_one();
    }

    /// Walk the workspace folders again.
    pub fn reindex_all(&self) {
        self.push(Job::All);
    }

    /// Read one draft again.
    pub fn reindex_file(&self, path: PathBuf) {
        if is_markdown(&path) {
            self.push(Job::File(path));
        }
    }

    fn next_job(&self) -> Job {
        let mut jobs = self.lock_jobs();
        loop {
            if let Some(j) = jobs.queue.pop_front() {
                return j;
            }
            jobs = self.wake.wait(jobs).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// The index, for a draft at `uri`; `None` while it holds fewer than one draft.
    pub fn view(&self, uri: &lsp::Url, folders: &[PathBuf]) -> Option<DeskView> {
        let index = self.index.read().unwrap_or_else(|e| e.into_inner()).clone();
        if index.is_empty() {
            return None;
        }
        let label = uri.to_file_path().ok().and_then(|p| label(folders, &p));
        Some(DeskView { index, label })
    }

    /// Every indexed draft but `except`.
    pub fn drafts_except(&self, except: Option<&str>) -> Vec<Arc<Indexed>> {
        self.lock_drafts()
            .values()
            .filter(|d| Some(d.label.as_str()) != except)
            .cloned()
            .collect()
    }

    fn rebuild(&self) {
        let mut index = DeskIndex::new();
        for d in self.lock_drafts().values() {
            index.add(&d.label, &d.names);
        }
        *self.index.write().unwrap_or_else(|e| e.into_inner()) = Arc::new(index);
    }
}

/// Start the indexer thread.
pub fn spawn(shared: Arc<Shared>) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("copydesk-desk".into())
        .spawn(move || loop {
            let job = shared.desk.next_job();
            let started = Instant::now();
            let changed = match &job {
                Job::All => index_all(&shared),
                Job::File(path) => index_file(&shared, path),
            };
            if !changed {
                continue;
            }
            shared.desk.rebuild();
            shared.log.info(format!(
                "desk: {} drafts indexed ({:?} in {:.0} ms)",
                shared.desk.lock_drafts().len(),
                job,
                started.elapsed().as_secs_f64() * 1e3
            ));
            shared.recheck_open_drafts();
        })
        .map(|_| ())
}

/// Wait while an open draft is due for analysis: the desk never delays typing.
fn yield_to_drafts(shared: &Shared) {
    while !(shared.queue.is_idle() && shared.large_queue.is_idle()) {
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Walk every workspace folder. True when the index changed; false when it did not or
/// the walk was cancelled by a newer walk (queued behind it).
fn index_all(shared: &Shared) -> bool {
    let epoch = shared.desk.epoch.load(Ordering::SeqCst);
    let folders = shared.folders();
    let mut seen: BTreeMap<PathBuf, Arc<Indexed>> = BTreeMap::new();
    // Configurations by folder, for this walk.
    let mut configs: HashMap<PathBuf, Arc<Config>> = HashMap::new();
    for folder in &folders {
        let walker = ignore::WalkBuilder::new(folder)
            .hidden(true)
            .require_git(false)
            .follow_links(false)
            .build();
        for entry in walker.flatten() {
            if shared.desk.epoch.load(Ordering::SeqCst) != epoch {
                return false;
            }
            let is_file = entry.file_type().is_some_and(|t| t.is_file());
            if !is_file || !is_markdown(entry.path()) {
                continue;
            }
            yield_to_drafts(shared);
            let path = entry.into_path();
            if let Some(d) = read_draft(shared, &folders, &path, &mut configs) {
                seen.insert(path, Arc::new(d));
            }
        }
    }
    shared.desk.walks.fetch_add(1, Ordering::SeqCst);
    let mut drafts = shared.desk.lock_drafts();
    let same = drafts.len() == seen.len()
        && drafts
            .iter()
            .zip(seen.iter())
            .all(|((p, d), (q, e))| p == q && d.names == e.names);
    *drafts = seen;
    !same
}

/// Read one draft again (or forget it, gone). True when what the index holds of it
/// changed.
fn index_file(shared: &Shared, path: &Path) -> bool {
    let folders = shared.folders();
    let fresh = read_draft(shared, &folders, path, &mut HashMap::new());
    let mut drafts = shared.desk.lock_drafts();
    match fresh {
        Some(d) => {
            let names = d.names.clone();
            let old = drafts.insert(path.to_path_buf(), Arc::new(d));
            old.is_none_or(|o| o.names != names)
        }
        None => drafts.remove(path).is_some(),
    }
}

/// A draft of the workspace, read and summarised; `None` for anything outside the
/// workspace folders, not a regular file, too large, not UTF-8 or naming nobody.
fn read_draft(
    shared: &Shared,
    folders: &[PathBuf],
    path: &Path,
    configs: &mut HashMap<PathBuf, Arc<Config>>,
) -> Option<Indexed> {
    let label = label(folders, path)?;
    let text = read_in_workspace(folders, path)?;
    let uri = lsp::Url::from_file_path(path).ok()?;
    let dir = path.parent()?.to_path_buf();
    let config = configs
        .entry(dir)
        .or_insert_with(|| shared.configs.for_unopened(&uri))
        .clone();
    summarise(uri, label, text, &config, shared.encoding())
}

/// The text of a draft of the workspace: never outside it (no symbolic link, and the real
/// path inside a workspace folder), a regular file of at most [`LARGE_DRAFT`] bytes, UTF-8.
pub fn read_in_workspace(folders: &[PathBuf], path: &Path) -> Option<String> {
    let meta = std::fs::symlink_metadata(path).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    let real = path.canonicalize().ok()?;
    if !folders
        .iter()
        .filter_map(|f| f.canonicalize().ok())
        .any(|f| real.starts_with(f))
    {
        return None;
    }
    safe_fs::read_regular(path, LARGE_DRAFT as u64)
        .ok()
        .and_then(|b| safe_fs::utf8(b).ok())
}

/// A draft's people and where it names them, in the client's positions.
pub fn summarise(
    uri: lsp::Url,
    label: String,
    text: String,
    config: &Config,
    enc: Encoding,
) -> Option<Indexed> {
    let doc = Document::parse(text);
    let names = {
        let cx = Context::new(&doc, config);
        draft_names(&cx)
    };
    if names.actors.is_empty() {
        return None;
    }
    let pos = Positions::new(&doc, enc);
    let ranges = names
        .actors
        .iter()
        .map(|a| {
            a.parts
                .iter()
                .map(|p| p.uses.iter().map(|r| pos.range(r)).collect())
                .collect()
        })
        .collect();
    Some(Indexed {
        uri,
        label,
        names,
        ranges,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_paths_in_the_innermost_folder() {
        let folders = vec![PathBuf::from("/ws"), PathBuf::from("/ws/desk")];
        assert_eq!(
            label(&folders, Path::new("/ws/desk/a/b.md")).as_deref(),
            Some("a/b.md")
        );
        assert_eq!(
            label(&folders, Path::new("/ws/c.md")).as_deref(),
            Some("c.md")
        );
        assert_eq!(label(&folders, Path::new("/elsewhere/c.md")), None);
    }

    #[test]
    fn a_new_walk_cancels_the_one_in_progress_and_a_saved_draft_waits_for_it() {
        let desk = Desk::default();
        desk.reindex_all();
        let walking = desk.epoch.load(Ordering::SeqCst);
        assert_eq!(desk.next_job(), Job::All);
        // Saved during the walk: queued, the walk goes on.
        desk.reindex_file(PathBuf::from("/ws/a.md"));
        desk.reindex_file(PathBuf::from("/ws/a.md"));
        desk.reindex_file(PathBuf::from("/ws/notes.txt"));
        assert_eq!(desk.epoch.load(Ordering::SeqCst), walking);
        // Folders changed: the walk in progress is stale.
        desk.reindex_all();
        assert_ne!(desk.epoch.load(Ordering::SeqCst), walking);
        assert_eq!(desk.next_job(), Job::File(PathBuf::from("/ws/a.md")));
        assert_eq!(desk.next_job(), Job::All);
        assert!(desk.lock_jobs().queue.is_empty());
    }

    #[test]
    fn a_summary_keeps_each_use_in_client_positions() {
        let uri = lsp::Url::parse("file:///ws/a.md").expect("uri");
        let text = "Ivan Petrenko, the mayor, said so.\n\nPetrenko left.\n".to_string();
        let config = Config::default();
        let d = summarise(uri, "a.md".into(), text, &config, Encoding::Utf16).expect("a person");
        assert_eq!(d.names.actors.len(), 1);
        assert_eq!(
            d.ranges[0][0],
            [
                lsp::Range::new(lsp::Position::new(0, 5), lsp::Position::new(0, 13)),
                lsp::Range::new(lsp::Position::new(2, 0), lsp::Position::new(2, 8)),
            ]
        );
    }
}
