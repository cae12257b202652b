//! Configuration for open documents: the nearest `copydesk.toml` (found as `copydesk check`
//! finds it, so the editor and CI agree), layered over the editor's settings
//! (`initializationOptions`, then the `copydesk` section of `workspace/configuration`, then
//! that section as the client gives it for the document's workspace folder, so folders
//! can differ). A broken file or broken settings are reported and the last good
//! configuration stays.

use crate::analysis::config::{Config, ConfigError};
use crate::project;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use tower_lsp::lsp_types::Url;

#[derive(Default)]
struct Inner {
    init_layer: toml::Table,
    settings_layer: toml::Table,
    /// Settings scoped to a workspace folder, by folder.
    folder_layers: Vec<(PathBuf, toml::Table)>,
    /// The editor layers alone: for untitled documents, and when no good file was seen.
    editor_config: Arc<Config>,
    /// Last good configuration by document directory.
    by_dir: HashMap<PathBuf, Arc<Config>>,
    /// Bumped when the settings change and when a reload starts: files are read outside the
    /// lock, and a result computed before a bump is stale (it must not overwrite a newer one).
    epoch: u64,
}

#[derive(Default)]
pub struct ConfigStore {
    inner: Mutex<Inner>,
}

/// Merge `layer` into `base`, tables recursively (later wins).
fn merge(base: &mut toml::Table, layer: &toml::Table) {
    for (k, v) in layer {
        match (base.get_mut(k), v) {
            (Some(toml::Value::Table(b)), toml::Value::Table(l)) => merge(b, l),
            _ => {
                base.insert(k.clone(), v.clone());
            }
        }
    }
}

/// Editor settings may come as `{"copydesk": {...}}` or as the section itself.
pub fn section(value: &serde_json::Value) -> Option<&serde_json::Value> {
    match value {
        serde_json::Value::Null => None,
        serde_json::Value::Object(map) if map.contains_key("copydesk") => map.get("copydesk"),
        other => Some(other),
    }
}

/// The directory of a `file:` document.
pub fn doc_dir(uri: &Url) -> Option<PathBuf> {
    if uri.scheme() != "file" {
        return None;
    }
    let path = uri.to_file_path().ok()?;
    path.parent().map(Path::to_path_buf)
}

impl ConfigStore {
    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn editor_table(inner: &Inner) -> toml::Table {
        let mut t = inner.init_layer.clone();
        merge(&mut t, &inner.settings_layer);
        t
    }

    /// The editor layers for a document directory: the folder's settings, if the directory
    /// is in a workspace folder that has some (the innermost one), over the others.
    fn editor_table_for(inner: &Inner, dir: &Path) -> toml::Table {
        let mut t = Self::editor_table(inner);
        let folder = inner
            .folder_layers
            .iter()
            .filter(|(f, _)| dir.starts_with(f))
            .max_by_key(|(f, _)| f.components().count());
        if let Some((_, layer)) = folder {
            merge(&mut t, layer);
        }
        t
    }

    /// Set the settings each workspace folder has (replacing all earlier ones). A folder
    /// whose settings are broken is left out and its error returned; the rest apply.
    /// Returns whether anything changed, and the errors.
    pub fn set_folders(
        &self,
        folders: &[(PathBuf, serde_json::Value)],
    ) -> (bool, Vec<ConfigError>) {
        let mut inner = self.lock();
        let editor = Self::editor_table(&inner);
        let mut layers: Vec<(PathBuf, toml::Table)> = Vec::new();
        let mut errors = Vec::new();
        for (folder, value) in folders {
            let Some(v) = section(value).filter(|v| v.is_object()) else {
                continue;
            };
            let checked = Config::json_layer(v).and_then(|layer| {
                let mut merged = editor.clone();
                merge(&mut merged, &layer);
                let origin = format!("editor settings for {}", folder.display());
                Config::from_layers(vec![merged], &origin)
                    .and_then(|c| project::check_article_date(&c, &origin))
                    .map(|_| layer)
            });
            match checked {
                // Settings equal to the global ones add nothing.
                Ok(layer) if layer.is_empty() || layer == inner.settings_layer => {}
                Ok(layer) => layers.push((folder.clone(), layer)),
                Err(e) => errors.push(e),
            }
        }
        let changed = layers != inner.folder_layers;
        if changed {
            inner.epoch += 1;
        }
        inner.folder_layers = layers;
        (changed, errors)
    }

    /// Set the editor layers (`None` leaves one unchanged). On error nothing changes.
    /// Returns whether the settings changed.
    pub fn set_editor(
        &self,
        init: Option<&serde_json::Value>,
        settings: Option<&serde_json::Value>,
    ) -> Result<bool, ConfigError> {
        let layer = |v: Option<&serde_json::Value>| -> Result<Option<toml::Table>, ConfigError> {
            match v.and_then(section) {
                Some(v) if v.is_object() => Config::json_layer(v).map(Some),
                Some(_) | None => Ok(v.map(|_| toml::Table::new())),
            }
        };
        let init = layer(init)?;
        let settings = layer(settings)?;
        let mut inner = self.lock();
        let mut candidate_init = inner.init_layer.clone();
        let mut candidate_settings = inner.settings_layer.clone();
        if let Some(t) = init {
            candidate_init = t;
        }
        if let Some(t) = settings {
            candidate_settings = t;
        }
        let mut merged = candidate_init.clone();
        merge(&mut merged, &candidate_settings);
        let mut config = Config::from_layers(vec![merged.clone()], "editor settings")?;
        project::check_article_date(&config, "editor settings")?;
        config.dates.today = Some(project::today());
        let changed = merged != Self::editor_table(&inner);
        if changed {
            inner.epoch += 1;
        }
        inner.init_layer = candidate_init;
        inner.settings_layer = candidate_settings;
        inner.editor_config = Arc::new(config);
        Ok(changed)
    }

    pub fn editor_config(&self) -> Arc<Config> {
        self.lock().editor_config.clone()
    }

    /// The configuration already known for a document, without touching the disk: the
    /// editor settings for a document that is not a file, `None` for a file whose folder's
    /// configuration has not been loaded yet (load it with [`ConfigStore::for_uri`], off the
    /// message loop).
    pub fn cached(&self, uri: &Url) -> Option<Arc<Config>> {
        let Some(dir) = doc_dir(uri) else {
            return Some(self.editor_config());
        };
        self.lock().by_dir.get(&dir).cloned()
    }

    /// The configuration for a document, and the error of its file if it is broken. Reads
    /// files (not under the lock): call it on a blocking thread. If the settings change or a
    /// reload starts while it reads, it reads again, so it never caches a stale result.
    pub fn for_uri(&self, uri: &Url) -> (Arc<Config>, Option<ConfigError>) {
        let Some(dir) = doc_dir(uri) else {
            return (self.editor_config(), None);
        };
        let mut attempts = 0;
        loop {
            attempts += 1;
            let (editor, epoch) = {
                let inner = self.lock();
                if let Some(c) = inner.by_dir.get(&dir) {
                    return (c.clone(), None);
                }
                (Self::editor_table_for(&inner, &dir), inner.epoch)
            };
            let loaded = project::load(&dir, None, Some(&editor));
            let mut inner = self.lock();
            if inner.epoch != epoch && attempts < 4 {
                continue;
            }
            let (config, error) = match loaded {
                Ok(loaded) => (loaded.config, None),
                Err(e) => (inner.editor_config.clone(), Some(e)),
            };
            inner.by_dir.insert(dir, config.clone());
            return (config, error);
        }
    }

    /// The configuration for a draft that is not open (the desk's indexer): the cached one
    /// when a draft of its folder is open, else loaded without caching it, so that the
    /// watcher keeps looking only at the files open drafts depend on. A broken file gives
    /// the editor settings and defaults (the open drafts report its error). Reads files:
    /// call it off the async runtime.
    pub fn for_unopened(&self, uri: &Url) -> Arc<Config> {
        let Some(dir) = doc_dir(uri) else {
            return self.editor_config();
        };
        let editor = {
            let inner = self.lock();
            if let Some(c) = inner.by_dir.get(&dir) {
                return c.clone();
            }
            Self::editor_table_for(&inner, &dir)
        };
        match project::load(&dir, None, Some(&editor)) {
            Ok(loaded) => loaded.config,
            Err(_) => self.editor_config(),
        }
    }

    /// The files whose change would change a loaded configuration: for each draft folder,
    /// every place a `copydesk.toml` or `.copydesk.toml` is looked for up to the one found
    /// (one appearing nearer takes over), and the actor files the configuration names.
    /// Reads the disk (not under the lock): call it on a blocking thread.
    pub fn watched_files(&self) -> Vec<PathBuf> {
        let dirs: Vec<(PathBuf, Vec<String>)> = self
            .lock()
            .by_dir
            .iter()
            .map(|(dir, c)| (dir.clone(), c.names.actor_files.clone()))
            .collect();
        let mut out = std::collections::BTreeSet::new();
        // Drafts' folders share their parents: look at each place once.
        let mut seen: HashMap<PathBuf, bool> = HashMap::new();
        for (dir, actor_files) in dirs {
            let mut base = dir.clone();
            'up: for d in dir.ancestors() {
                for name in project::CONFIG_NAMES {
                    let candidate = d.join(name);
                    let found = *seen.entry(candidate.clone()).or_insert_with(|| {
                        std::fs::metadata(&candidate).is_ok_and(|m| !m.is_dir())
                    });
                    out.insert(candidate);
                    if found {
                        base = d.to_path_buf();
                        break 'up;
                    }
                }
            }
            out.extend(actor_files.iter().map(|f| base.join(f)));
        }
        out.into_iter().collect()
    }

    /// Re-read every configuration (a file or the settings changed). Directories whose
    /// file is broken keep their last good configuration; the errors are returned, once each.
    /// Reads files (not under the lock): call it on a blocking thread. A reload overtaken by
    /// a newer one (or by new settings, which bring a newer one) keeps nothing it read.
    pub fn reload(&self) -> Vec<ConfigError> {
        let (work, epoch): (Vec<(PathBuf, toml::Table)>, u64) = {
            let mut inner = self.lock();
            inner.epoch += 1;
            let work = inner
                .by_dir
                .keys()
                .map(|dir| (dir.clone(), Self::editor_table_for(&inner, dir)))
                .collect();
            (work, inner.epoch)
        };
        let mut errors: Vec<ConfigError> = Vec::new();
        for (dir, editor) in work {
            match project::load(&dir, None, Some(&editor)) {
                Ok(loaded) => {
                    let mut inner = self.lock();
                    if inner.epoch == epoch {
                        inner.by_dir.insert(dir, loaded.config);
                    }
                }
                Err(e) => {
                    if !errors.contains(&e) {
                        errors.push(e);
                    }
                }
            }
        }
        errors
    }
}

/// The longest word "add to dictionary" accepts, in characters.
pub const MAX_WORD: usize = 64;

/// A word fit for `[names] accept`: trimmed, not empty, at most [`MAX_WORD`] characters, and
/// no control characters, line breaks or bidirectional controls (which would hide what the
/// file says).
pub fn check_word(word: &str) -> Result<&str, String> {
    let word = word.trim();
    if word.is_empty() {
        return Err("the word is empty".into());
    }
    let n = word.chars().count();
    if n > MAX_WORD {
        return Err(format!(
            "the word is {n} characters long; a name to accept has at most {MAX_WORD}"
        ));
    }
    let bad = word.chars().find(|&c| {
        c.is_control()
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{200E}' | '\u{200F}' | '\u{FEFF}'
            )
            || ('\u{202A}'..='\u{202E}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    });
    if let Some(c) = bad {
        return Err(format!(
            "the word contains U+{:04X}, a control character or line break",
            u32::from(c)
        ));
    }
    Ok(word)
}

/// The one `copydesk.toml` "add to dictionary" may edit for the draft at `uri`: the file
/// that governs the draft (the nearest one above it, as `copydesk check` finds it), if that
/// file is inside the workspace folder that holds the draft and is not a symbolic link; or,
/// when no file governs the draft, a new `copydesk.toml` at the root of that workspace
/// folder. Anything else is refused with the reason: a URI that is not a `file:` draft
/// (a folder, `..` segments), a draft outside every workspace folder, a governing file
/// above the workspace folder, a linked or special file.
pub fn dictionary_target(uri: &Url, folders: &[PathBuf]) -> Result<PathBuf, String> {
    if uri.scheme() != "file" {
        return Err(format!(
            "`{uri}` is not a file on disk: there is no copydesk.toml to add to"
        ));
    }
    if uri.path().ends_with('/') {
        return Err(format!("`{uri}` names a folder, not a draft"));
    }
    let path = uri
        .to_file_path()
        .map_err(|_| format!("`{uri}` is not a local file path"))?;
    if path.components().any(|c| {
        matches!(
            c,
            std::path::Component::ParentDir | std::path::Component::CurDir
        )
    }) {
        return Err(format!("`{uri}` has `.` or `..` in its path"));
    }
    if std::fs::metadata(&path).is_ok_and(|m| m.is_dir()) {
        return Err(format!("`{uri}` names a folder, not a draft"));
    }
    let dir = path
        .parent()
        .and_then(|d| std::fs::canonicalize(d).ok())
        .ok_or_else(|| format!("the folder of `{}` does not exist", path.display()))?;
    let folder = folders
        .iter()
        .filter_map(|f| std::fs::canonicalize(f).ok())
        .filter(|f| dir.starts_with(f))
        .max_by_key(|f| f.components().count())
        .ok_or_else(|| {
            format!(
                "`{}` is outside the workspace folders; copydesk only edits the copydesk.toml \
                 of drafts in an open workspace folder",
                path.display()
            )
        })?;
    for d in dir.ancestors().take_while(|d| d.starts_with(&folder)) {
        for name in project::CONFIG_NAMES {
            let candidate = d.join(name);
            let Ok(meta) = std::fs::symlink_metadata(&candidate) else {
                continue;
            };
            if meta.file_type().is_symlink() {
                return Err(format!(
                    "{} is a symbolic link; copydesk does not edit through links (add the \
                     word by hand)",
                    candidate.display()
                ));
            }
            if !meta.is_file() {
                return Err(format!(
                    "{} is {}, not a regular file",
                    candidate.display(),
                    crate::safe_fs::kind(&meta)
                ));
            }
            return Ok(candidate);
        }
    }
    if let Some(above) = folder.parent().and_then(project::find_config_file) {
        return Err(format!(
            "the configuration for this draft is {}, outside the workspace folder {}; \
             copydesk does not edit it (add the word there by hand)",
            above.display(),
            folder.display()
        ));
    }
    Ok(folder.join("copydesk.toml"))
}

/// Add `word` to `[names] accept` of the config file at `path`, keeping the file's
/// formatting and comments; create the file if it does not exist. False if the word was
/// already there. The file is replaced atomically, and only if it did not change since it
/// was read; a symbolic link is never written through.
pub fn add_accepted_word(path: &Path, word: &str) -> Result<bool, String> {
    use crate::safe_fs::{self, Expect, ReadError, Symlinks};
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err("it is a symbolic link; copydesk does not write through it".into());
    }
    let read = match safe_fs::read_regular(path, safe_fs::CONFIG_LIMIT) {
        Ok(bytes) => Some(bytes),
        Err(ReadError::NotFound) => None,
        Err(e) => return Err(e.to_string()),
    };
    let text = match &read {
        Some(bytes) => std::str::from_utf8(bytes)
            .map_err(|e| {
                format!(
                    "not valid UTF-8 (first bad byte at offset {})",
                    e.valid_up_to()
                )
            })?
            .to_string(),
        None => String::new(),
    };
    let mut doc: toml_edit::DocumentMut = text.parse().map_err(|e| format!("{e}"))?;
    let names = doc
        .entry("names")
        .or_insert_with(toml_edit::table)
        .as_table_like_mut()
        .ok_or("`names` is not a table")?;
    let accept = names
        .entry("accept")
        .or_insert(toml_edit::value(toml_edit::Array::new()))
        .as_array_mut()
        .ok_or("`names.accept` is not an array")?;
    if accept.iter().any(|v| v.as_str() == Some(word)) {
        return Ok(false);
    }
    accept.push(word);
    let expect = match &read {
        Some(bytes) => Expect::Unchanged(bytes),
        None => Expect::New,
    };
    safe_fs::write_atomic(path, doc.to_string().as_bytes(), expect, Symlinks::Refuse).map_err(
        |e| match e {
            safe_fs::WriteError::Exists => {
                "it was created by someone else meanwhile; nothing was written (try again)"
                    .to_string()
            }
            e => e.to_string(),
        },
    )?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn adding_a_word_keeps_the_file_formatting() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("copydesk.toml");
        assert!(add_accepted_word(&path, "Kovalenko").unwrap());
        assert_eq!(
            Config::from_toml_str(&std::fs::read_to_string(&path).unwrap(), "c")
                .unwrap()
                .names
                .accept,
            ["Kovalenko"]
        );
        let original = "# House style\n[names]\n# words we accept\naccept = [\"Zelenskyy\"]  # keep\nprefer = []\n\n[quotes]\nmarks = \"curly\"\n";
        std::fs::write(&path, original).unwrap();
        assert!(add_accepted_word(&path, "Шмигаль").unwrap());
        assert!(!add_accepted_word(&path, "Шмигаль").unwrap());
        let after = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            after,
            original.replace("[\"Zelenskyy\"]", "[\"Zelenskyy\", \"Шмигаль\"]")
        );
    }

    #[test]
    fn words_must_be_plausible() {
        assert_eq!(check_word("  Kovalenko\t").unwrap(), "Kovalenko");
        assert_eq!(check_word(&"é".repeat(64)).unwrap().chars().count(), 64);
        for bad in [
            "",
            "  ",
            "a\nb",
            "a\rb",
            "a\u{0}b",
            "a\u{2028}b",
            "ab\u{202E}c",
            "x\u{1b}[31m",
        ] {
            assert!(check_word(bad).is_err(), "{bad:?}");
        }
        assert!(check_word(&"é".repeat(65)).is_err());
    }

    #[test]
    fn a_bad_article_date_in_the_settings_is_refused() {
        let store = ConfigStore::default();
        let err = store
            .set_editor(None, Some(&json!({"dates": {"articleDate": "20/03/2023"}})))
            .unwrap_err();
        assert!(
            err.to_string().contains("`20/03/2023` is not a date"),
            "{err}"
        );
        let (_, errors) = store.set_folders(&[(
            PathBuf::from("/news"),
            json!({"dates": {"articleDate": "2023-02-30"}}),
        )]);
        assert_eq!(errors.len(), 1);
    }

    #[test]
    fn file_over_settings_and_last_good_kept() {
        let root = tempfile::tempdir().unwrap();
        let file = root.path().join("copydesk.toml");
        std::fs::write(&file, "[names]\naccept = [\"FromFile\"]\n").unwrap();
        let uri = Url::from_file_path(root.path().join("a.md")).unwrap();
        let store = ConfigStore::default();
        store
            .set_editor(
                Some(&json!({"copydesk": {"names": {"accept": ["FromInit"], "prefer": ["Kyiv"]}}})),
                None,
            )
            .unwrap();
        let (c, err) = store.for_uri(&uri);
        assert!(err.is_none());
        assert_eq!(c.names.accept, ["FromFile"]);
        assert_eq!(c.names.prefer, ["Kyiv"]);

        // Broken file: reported with its line, last good kept.
        std::fs::write(&file, "[names]\naccept = 3\n").unwrap();
        let errors = store.reload();
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].line, Some(2));
        assert_eq!(store.for_uri(&uri).0.names.accept, ["FromFile"]);

        // Broken settings are refused; untitled documents use the editor layers.
        assert!(store
            .set_editor(None, Some(&json!({"delayMs": "soon"})))
            .is_err());
        let untitled = Url::parse("untitled:Untitled-1").unwrap();
        assert_eq!(store.for_uri(&untitled).0.names.accept, ["FromInit"]);
        store
            .set_editor(None, Some(&json!({"delayMs": 7})))
            .unwrap();
        assert_eq!(store.for_uri(&untitled).0.editor.delay_ms, 7);
    }

    #[test]
    fn folder_settings_apply_to_their_folder_only() {
        let root = tempfile::tempdir().unwrap();
        let (outer, inner) = (root.path().join("news"), root.path().join("news/sport"));
        std::fs::create_dir_all(&inner).unwrap();
        let store = ConfigStore::default();
        store
            .set_editor(None, Some(&json!({"names": {"accept": ["Global"]}})))
            .unwrap();
        let (changed, errors) = store.set_folders(&[
            (
                outer.clone(),
                json!({"copydesk": {"names": {"accept": ["Outer"]}}}),
            ),
            (inner.clone(), json!({"names": {"accept": ["Inner"]}})),
            (root.path().join("bad"), json!({"delayMs": "soon"})),
        ]);
        assert!(changed);
        assert_eq!(errors.len(), 1);
        assert!(errors[0].to_string().contains("bad"), "{}", errors[0]);
        let accept = |p: &Path| {
            let uri = Url::from_file_path(p.join("a.md")).unwrap();
            store.for_uri(&uri).0.names.accept.clone()
        };
        assert_eq!(accept(&outer), ["Outer"]);
        assert_eq!(accept(&inner), ["Inner"]);
        assert_eq!(accept(root.path()), ["Global"]);
    }

    #[test]
    fn watched_files_are_the_places_up_to_the_config_and_its_actor_files() {
        let root = tempfile::tempdir().unwrap();
        let root = root.path().canonicalize().unwrap();
        let desk = root.join("desk");
        let story = desk.join("2024").join("story");
        std::fs::create_dir_all(&story).unwrap();
        std::fs::write(
            desk.join("copydesk.toml"),
            "[names]\nactor-files = [\"people/newsroom.toml\"]\n",
        )
        .unwrap();
        std::fs::create_dir(desk.join("people")).unwrap();
        std::fs::write(desk.join("people/newsroom.toml"), "").unwrap();
        let store = ConfigStore::default();
        assert!(store.watched_files().is_empty(), "no draft open yet");
        let uri = Url::from_file_path(story.join("draft.md")).unwrap();
        assert!(store.for_uri(&uri).1.is_none());
        let mut want: Vec<PathBuf> = [&story, &desk.join("2024")]
            .iter()
            .flat_map(|d| project::CONFIG_NAMES.map(|n| d.join(n)))
            .collect();
        // The search stops at the file it finds: `.copydesk.toml` beside it is never read.
        want.push(desk.join("copydesk.toml"));
        want.push(desk.join("people/newsroom.toml"));
        want.sort();
        assert_eq!(store.watched_files(), want);
    }
}
