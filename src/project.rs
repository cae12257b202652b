//! Configuration on disk: find `copydesk.toml` (or `.copydesk.toml`) by walking up from a
//! draft, read it, and layer it over editor settings. Shared by the CLI and the server.

use crate::analysis::config::{Config, ConfigError};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub const CONFIG_NAMES: [&str; 2] = ["copydesk.toml", ".copydesk.toml"];

/// The nearest config file at or above `dir`.
pub fn find_config_file(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .flat_map(|d| CONFIG_NAMES.iter().map(move |n| d.join(n)))
        .find(|p| p.is_file())
}

/// Read and validate a config file as a layer.
pub fn read_config_layer(path: &Path) -> Result<toml::Table, ConfigError> {
    let origin = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
        origin: origin.clone(),
        line: None,
        column: None,
        message: format!("cannot read: {e}"),
    })?;
    Config::parse_table(&text, &origin)
}

/// A loaded configuration and the file it came from.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub config: Arc<Config>,
    pub file: Option<PathBuf>,
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
    let config = Config::from_layers(layers, &origin)?;
    Ok(Loaded {
        config: Arc::new(config),
        file,
    })
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
    fn a_broken_file_is_an_error_naming_it() {
        let root = tempfile::tempdir().unwrap();
        let path = root.path().join("copydesk.toml");
        std::fs::write(&path, "[rules]\n\"quote.unbalanced\" = 3\n").unwrap();
        let err = load(root.path(), None, None).unwrap_err();
        assert_eq!(err.origin, path.display().to_string());
        assert_eq!(err.line, Some(2));
    }
}
