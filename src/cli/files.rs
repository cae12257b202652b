//! Which drafts `copydesk check` reads: files and folders (recursive, `.md` and
//! `.markdown`, honouring `.gitignore`), or `-` for standard input.

use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    /// Standard input, reported under this name.
    Stdin(PathBuf),
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::File(p) | Input::Stdin(p) => display_path(p),
        }
    }

    /// The path whose folder decides the configuration.
    pub fn path(&self) -> &Path {
        match self {
            Input::File(p) | Input::Stdin(p) => p,
        }
    }
}

/// Paths print with forward slashes and without a leading `./`.
pub fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy().replace('\\', "/");
    s.strip_prefix("./").map(str::to_string).unwrap_or(s)
}

fn is_markdown(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"))
}

/// Expand the command-line paths. Errors (a path that does not exist) are returned beside
/// the inputs so the rest can still be checked.
pub fn collect(
    paths: &[PathBuf],
    stdin_name: Option<&Path>,
) -> (Vec<Input>, Vec<(String, String)>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.map_or_else(|| PathBuf::from("<stdin>"), Path::to_path_buf);
            inputs.push(Input::Stdin(name));
            continue;
        }
        if path.is_file() {
            // A file named on the command line is checked whatever its extension.
            inputs.push(Input::File(path.clone()));
            continue;
        }
        if !path.is_dir() {
            errors.push((display_path(path), "no such file or directory".to_string()));
            continue;
        }
        let mut found = Vec::new();
        let walker = ignore::WalkBuilder::new(path)
            .hidden(true)
            .require_git(false)
            .build();
        for entry in walker {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && is_markdown(e.path()) => {
                    found.push(e.into_path())
                }
                Ok(_) => {}
                Err(e) => errors.push((display_path(path), e.to_string())),
            }
        }
        found.sort();
        inputs.extend(found.into_iter().map(Input::File));
    }
    (inputs, errors)
}
