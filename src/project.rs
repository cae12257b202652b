//! Configuration on disk: find `copydesk.toml` (or `.copydesk.toml`) by walking up from a
//! draft, read it, and layer it over editor settings. Shared by the CLI and the server.

use crate::analysis::config::{Config, ConfigError};
use crate::analysis::names;
use crate::safe_fs;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub const CONFIG_NAMES: [&str; 2] = ["copydesk.toml", ".copydesk.toml"];

/// The nearest config file at or above `dir`. Anything by that name but a folder counts (a
/// FIFO or a device is then refused with an error when read, not silently passed over).
pub fn find_config_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| CONFIG_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| std::fs::metadata(p).is_ok_and(|m| !m.is_dir()))
}

/// An error about a file as a whole (no line).
fn file_error(path: &Path, message: String) -> ConfigError {
    ConfigError {
        origin: path.display().to_string(),
        line: None,
        column: None,
        message,
    }
}

/// Read and validate a config file as a layer.
pub fn read_config_layer(path: &Path) -> Result<toml::Table, ConfigError> {
    let origin = path.display().to_string();
    let text = safe_fs::read_regular_text(path, safe_fs::CONFIG_LIMIT)
        .map_err(|e| file_error(path, format!("cannot read: {e}")))?;
    let table = Config::parse_table(&text, &origin)?;
    check_dates_in_file(&text, &origin)?;
    Ok(table)
}

/// The article date as configuration gives it: `YYYY-MM-DD`, a day that exists. (The core
/// skips a date it cannot read; the shells refuse it, so a typo is not silently ignored.)
pub fn parse_article_date(s: &str) -> Result<jiff::civil::Date, String> {
    let b = s.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(format!("`{s}` is not a date in the form YYYY-MM-DD"));
    }
    s.parse::<jiff::civil::Date>()
        .map_err(|_| format!("`{s}` is not a day of the calendar (YYYY-MM-DD)"))
}

/// `[dates] article-date` of a config file, checked, with its line and column.
fn check_dates_in_file(text: &str, origin: &str) -> Result<(), ConfigError> {
    #[derive(serde::Deserialize)]
    struct File {
        dates: Option<Dates>,
    }
    #[derive(serde::Deserialize)]
    struct Dates {
        #[serde(rename = "article-date", alias = "articleDate")]
        article_date: Option<toml::Spanned<String>>,
    }
    let Ok(File {
        dates: Some(Dates {
            article_date: Some(date),
        }),
    }) = toml::from_str::<File>(text)
    else {
        return Ok(());
    };
    parse_article_date(date.get_ref())
        .map(|_| ())
        .map_err(|message| {
            let index = crate::analysis::LineIndex::new(text);
            let at = index.line_col(text, date.span().start, crate::analysis::Encoding::Utf32);
            ConfigError {
                origin: origin.to_string(),
                line: Some(at.line as usize + 1),
                column: Some(at.col as usize + 1),
                message: format!("invalid `article-date`: {message}"),
            }
        })
}

/// `dates.article-date` of a merged configuration (editor settings), checked.
pub fn check_article_date(config: &Config, origin: &str) -> Result<(), ConfigError> {
    match config.dates.article_date.as_deref() {
        Some(d) => parse_article_date(d)
            .map(|_| ())
            .map_err(|message| ConfigError {
                origin: origin.to_string(),
                line: None,
                column: None,
                message: format!("invalid `dates.articleDate`: {message}"),
            }),
        None => Ok(()),
    }
}

/// A loaded configuration and the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Arc<Config>,
    pub file: Option<PathBuf>,
}

/// Today's date on this machine: the shells hand it to the core, which never reads the clock.
pub fn today() -> jiff::civil::Date {
    jiff::Zoned::now().date()
}

/// Load the configuration for drafts in `dir`: `explicit` if given, else the nearest file,
/// layered over `editor` settings.
pub fn load(
    dir: &Path,
    explicit: Option<&Path>,
    editor: Option<&toml::Table>,
) -> Result<Loaded, ConfigError> {
    let file = match explicit {
        Some(p) => Some(p.to_path_buf()),
        None => find_config_file(dir),
    };
    let mut layers = Vec::new();
    if let Some(e) = editor {
        layers.push(e.clone());
    }
    let origin = match &file {
        Some(path) => {
            layers.push(read_config_layer(path)?);
            path.display().to_string()
        }
        None => "editor settings".to_string(),
    };
    let mut config = Config::from_layers(layers, &origin)?;
    config.dates.today = Some(today());
    let base = file
        .as_deref()
        .and_then(Path::parent)
        .map_or_else(|| dir.to_path_buf(), Path::to_path_buf);
    load_actor_files(&mut config, &base)?;
    Ok(Loaded {
        config: Arc::new(config),
        file,
    })
}

/// Read the newsroom actor files named in `[names] actor-files` (relative to `base`, the
/// config file's folder) and hand them to the core as an overlay on the shipped knowledge
/// base. A file that cannot be read or parsed is an error naming the file and line.
pub fn load_actor_files(config: &mut Config, base: &Path) -> Result<(), ConfigError> {
    if config.names.actor_files.is_empty() {
        return Ok(());
    }
    let mut patches = Vec::new();
    for name in &config.names.actor_files {
        let path = base.join(name);
        let origin = path.display().to_string();
        // Regular files only, and not too large: `/dev/stdin` or a FIFO would block the
        // server, `/dev/zero` would never end.
        let text = safe_fs::read_regular_text(&path, safe_fs::CONFIG_LIMIT)
            .map_err(|e| file_error(&path, format!("cannot read actor file: {e}")))?;
        let json = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("json"));
        let parsed =
            names::kb::parse_actor_file(&text, json, &origin).map_err(|e| ConfigError {
                origin: origin.clone(),
                line: e.line,
                column: e.column,
                message: e.message,
            })?;
        patches.extend(parsed);
    }
    config.names.overlay = Some(Arc::new(names::kb::Overlay::new(patches)));
    Ok(())
}

/// Configurations by directory, loaded once each (files in one folder share one).
#[derive(Default)]
pub struct ConfigCache {
    explicit: Option<PathBuf>,
    by_dir: Mutex<HashMap<PathBuf, Result<Loaded, ConfigError>>>,
}

impl ConfigCache {
    pub fn new(explicit: Option<PathBuf>) -> Self {
        ConfigCache {
            explicit,
            by_dir: Mutex::default(),
        }
    }

    pub fn for_file(&self, file: &Path) -> Result<Loaded, ConfigError> {
        let dir = file
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
        let mut map = self.by_dir.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(dir.clone())
            .or_insert_with(|| load(&dir, self.explicit.as_deref(), None))
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_nearest_file_walking_up() {
        let root = tempfile::tempdir().unwrap();
        let deep = root.path().join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(
            root.path().join(".copydesk.toml"),
            "[names]\naccept = [\"Root\"]\n",
        )
        .unwrap();
        let loaded = load(&deep, None, None).unwrap();
        assert_eq!(loaded.config.names.accept, ["Root"]);
        std::fs::write(
            root.path().join("a/copydesk.toml"),
            "[names]\naccept = [\"A\"]\n",
        )
        .unwrap();
        let loaded = load(&deep, None, None).unwrap();
        assert_eq!(loaded.config.names.accept, ["A"]);
        assert_eq!(loaded.file.unwrap(), root.path().join("a/copydesk.toml"));
    }

    #[test]
    fn actor_files_load_relative_to_the_config_and_errors_name_file_and_line() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("copydesk.toml"),
            "[names]\nactor-files = [\"actors/newsroom.toml\"]\n",
        )
        .unwrap();
        std::fs::create_dir_all(root.path().join("actors")).unwrap();
        let actors = root.path().join("actors/newsroom.toml");
        std::fs::write(
            &actors,
            "[[actors]]\nid = \"person:olena-kovalenko\"\nkind = \"person\"\nparts = [{ part = \"given\", variants = [\"Olena\"] }, { part = \"surname\", variants = [\"Kovalenko\"] }]\n",
        )
        .unwrap();
        let loaded = load(root.path(), None, None).unwrap();
        let doc = crate::analysis::Document::parse("Olena Kovalenko spoke. Kovalenko left.\n");
        let n = names::analyse(&doc, &loaded.config.names);
        assert_eq!(n.entries.len(), 1);
        assert!(matches!(n.entries[0].actor, names::ActorRef::Kb(_)));
        assert_eq!(n.entries[0].mentions.len(), 2);

        std::fs::write(&actors, "[[actors]]\nid = \"x\"\nnmae = \"X\"\n").unwrap();
        let err = load(root.path(), None, None).unwrap_err();
        assert_eq!(err.origin, actors.display().to_string());
        assert_eq!(err.line, Some(3));
        assert!(err.to_string().contains("unknown field `nmae`"), "{err}");
    }

    #[test]
    fn article_dates_must_be_days_written_yyyy_mm_dd() {
        assert!(parse_article_date("2024-02-29").is_ok());
        for bad in [
            "20/03/2023",
            "2023-02-30",
            "2023-3-20",
            "March 20, 2023",
            "2023-03-20T10:00",
            "",
        ] {
            assert!(parse_article_date(bad).is_err(), "{bad}");
        }
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("copydesk.toml");
        std::fs::write(&path, "# dates\n[dates]\n  articleDate = \"2023-13-01\"\n").unwrap();
        let err = load(root.path(), None, None).unwrap_err();
        assert_eq!((err.line, err.column), (Some(3), Some(17)), "{err}");
        assert!(err.message.contains("`2023-13-01`"), "{err}");
    }

    #[test]
    fn a_broken_file_is_an_error_naming_it() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("copydesk.toml");
        std::fs::write(&path, "[rules]\n\"quote.unbalanced\" = 3\n").unwrap();
        let err = load(root.path(), None, None).unwrap_err();
        assert_eq!(err.origin, path.display().to_string());
        assert_eq!(err.line, Some(2));
    }
}
