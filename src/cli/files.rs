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

/// What a run reads, and what it cannot.
#[derive(Debug, Default)]
pub struct Walk {
    pub inputs: Vec<Input>,
    /// Paths that cannot be checked (missing, or not a file or folder), with why.
    pub errors: Vec<(String, String)>,
    /// What was passed over in folders, with why (symbolic links).
    pub notes: Vec<(String, String)>,
}

/// Expand the command-line paths. Errors (a path that does not exist, a FIFO or a device)
/// are returned beside the inputs so the rest can still be checked.
///
/// A folder walk does not follow symbolic links: a linked draft may live outside the tree,
/// and `--fix` would write there. Each linked `.md` file passed over gets a note; naming
/// it on the command line checks it (and `--fix` writes to its target).
pub fn collect(paths: &[PathBuf], stdin_name: Option<&Path>) -> Walk {
    let mut walk = Walk::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let name = stdin_name.map_or_else(|| PathBuf::from("<stdin>"), Path::to_path_buf);
            walk.inputs.push(Input::Stdin(name));
            continue;
        }
        let meta = match std::fs::metadata(path) {
            Ok(m) => m,
            Err(e) => {
                let why = match std::fs::symlink_metadata(path) {
                    Ok(_) => "a symbolic link to a file that does not exist".to_string(),
                    Err(_) if e.kind() == std::io::ErrorKind::NotFound => {
                        "no such file or directory".to_string()
                    }
                    Err(_) => format!("cannot read: {e}"),
                };
                walk.errors.push((display_path(path), why));
                continue;
            }
        };
        if meta.is_file() {
            // A file named on the command line is checked whatever its extension.
            walk.inputs.push(Input::File(path.clone()));
            continue;
        }
        if !meta.is_dir() {
            let what = crate::safe_fs::kind(&meta);
            let mut why = format!("is {what}, not a regular file");
            if what.contains("FIFO") {
                why.push_str("; to check a stream, pipe it to `copydesk check -`");
            }
            walk.errors.push((display_path(path), why));
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
                Ok(e) if e.path_is_symlink() && is_markdown(e.path()) => walk.notes.push((
                    display_path(e.path()),
                    "skipped: a symbolic link (folders are walked without following links; \
                     name it on the command line to check it)"
                        .to_string(),
                )),
                Ok(_) => {}
                Err(e) => walk.errors.push((display_path(path), e.to_string())),
            }
        }
        found.sort();
        walk.inputs.extend(found.into_iter().map(Input::File));
    }
    walk
}
