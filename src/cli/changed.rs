//! `check --changed-since REF`: the lines added or changed since a git revision.
//!
//! `git diff --unified=0 REF` (the working tree against REF) gives the added and changed
//! lines of every tracked file; `git ls-files --others --exclude-standard` gives the new
//! files git does not track yet, which count whole. A finding is kept when one of its lines
//! is among them.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::process::Command;

/// Which lines of a file changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lines {
    /// A file git does not track: every line is new.
    Whole,
    /// 1-based inclusive ranges of added or changed lines, in order.
    Ranges(Vec<(u32, u32)>),
}

impl Lines {
    /// Whether any line in `first..=last` changed.
    pub fn overlaps(&self, first: u32, last: u32) -> bool {
        match self {
            Lines::Whole => true,
            Lines::Ranges(ranges) => ranges.iter().any(|&(a, b)| a <= last && first <= b),
        }
    }
}

/// The changed lines of a working tree since a revision.
#[derive(Debug)]
pub struct ChangedLines {
    /// The repository's top folder, canonical.
    root: PathBuf,
    /// By path relative to `root`.
    files: HashMap<PathBuf, Lines>,
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(stderr.trim().to_string())
    }
}

impl ChangedLines {
    /// Ask git, from the folder `cwd`, what changed since `reference`.
    pub fn since_in(cwd: &Path, reference: &str) -> Result<ChangedLines, String> {
        let top = git(cwd, &["rev-parse", "--show-toplevel"]).map_err(|e| {
            format!(
                "--changed-since needs a git repository, and {} is not in one ({e})",
                cwd.display()
            )
        })?;
        let top = String::from_utf8_lossy(&top)
            .trim_end_matches(['\n', '\r'])
            .to_string();
        let root = std::fs::canonicalize(&top).unwrap_or_else(|_| PathBuf::from(&top));
        if reference.is_empty() || reference.starts_with('-') {
            return Err(format!(
                "--changed-since: `{reference}` is not a git revision"
            ));
        }
        let commit = format!("{reference}^{{commit}}");
        git(&root, &["rev-parse", "--verify", "--quiet", &commit]).map_err(|_| {
            format!(
                "--changed-since: unknown git revision `{reference}` (fetch it first: a shallow \
                 clone has no history, e.g. actions/checkout needs `fetch-depth: 0`)"
            )
        })?;
        let diff = git(
            &root,
            &[
                "-c",
                "core.quotePath=false",
                "diff",
                "--no-color",
                "--no-ext-diff",
                "--no-textconv",
                "--no-relative",
                "--find-renames",
                "--unified=0",
                "--src-prefix=a/",
                "--dst-prefix=b/",
                reference,
                "--",
            ],
        )
        .map_err(|e| format!("--changed-since: git diff failed: {e}"))?;
        let mut files = parse_diff(&diff);
        let untracked = git(&root, &["ls-files", "--others", "--exclude-standard", "-z"])
            .map_err(|e| format!("--changed-since: git ls-files failed: {e}"))?;
        for name in untracked.split(|&b| b == 0).filter(|n| !n.is_empty()) {
            files.insert(path_from_bytes(name), Lines::Whole);
        }
        Ok(ChangedLines { root, files })
    }

    /// The changed lines of the file reported as `name` (a path relative to the current
    /// folder, or absolute); `None` when nothing in it changed or it is outside the
    /// repository.
    pub fn for_name(&self, cwd: &Path, name: &str) -> Option<&Lines> {
        let relative = self.relative(cwd, Path::new(name))?;
        self.files.get(&relative)
    }

    /// `path` relative to the repository's top folder. The folder is made canonical, the
    /// file name kept (a symlinked draft is the symlink in git's eyes).
    fn relative(&self, cwd: &Path, path: &Path) -> Option<PathBuf> {
        let absolute = normalize(&cwd.join(path));
        let parent = absolute.parent()?;
        let parent = std::fs::canonicalize(parent).unwrap_or_else(|_| parent.to_path_buf());
        let full = parent.join(absolute.file_name()?);
        full.strip_prefix(&self.root).ok().map(Path::to_path_buf)
    }
}

/// `a/./b/../c` to `a/c`, without touching the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

#[cfg(unix)]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    use std::os::unix::ffi::OsStrExt;
    PathBuf::from(std::ffi::OsStr::from_bytes(bytes))
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

/// Undo git's C-style quoting of a path in diff headers (`"b/caf\303\251 \"x\".md"`).
fn unquote(s: &[u8]) -> Vec<u8> {
    let Some(inner) = s.strip_prefix(b"\"").and_then(|s| s.strip_suffix(b"\"")) else {
        return s.to_vec();
    };
    let mut out = Vec::with_capacity(inner.len());
    let mut i = 0;
    while i < inner.len() {
        let b = inner[i];
        if b != b'\\' || i + 1 == inner.len() {
            out.push(b);
            i += 1;
            continue;
        }
        let e = inner[i + 1];
        i += 2;
        match e {
            b'n' => out.push(b'\n'),
            b't' => out.push(b'\t'),
            b'r' => out.push(b'\r'),
            b'a' => out.push(7),
            b'b' => out.push(8),
            b'f' => out.push(12),
            b'v' => out.push(11),
            b'0'..=b'7' => {
                // Up to three octal digits: this one and two more.
                let mut value = u32::from(e - b'0');
                let mut digits = 1;
                while digits < 3 && i < inner.len() && (b'0'..=b'7').contains(&inner[i]) {
                    value = value * 8 + u32::from(inner[i] - b'0');
                    i += 1;
                    digits += 1;
                }
                out.push(value as u8);
            }
            other => out.push(other),
        }
    }
    out
}

/// `+c,d` of a hunk header: the first new line and how many.
fn new_side(header: &[u8]) -> Option<(u32, u32)> {
    let header = std::str::from_utf8(header).ok()?;
    let plus = header.split_whitespace().find(|w| w.starts_with('+'))?;
    let (start, count) = match plus[1..].split_once(',') {
        Some((s, c)) => (s.parse().ok()?, c.parse().ok()?),
        None => (plus[1..].parse().ok()?, 1),
    };
    Some((start, count))
}

/// The added or changed lines of each file in a `git diff --unified=0` output, by path
/// relative to the repository's top. Deleted files and pure deletions add nothing.
pub fn parse_diff(diff: &[u8]) -> HashMap<PathBuf, Lines> {
    let mut files: HashMap<PathBuf, Lines> = HashMap::new();
    let mut current: Option<PathBuf> = None;
    let mut in_header = false;
    for line in diff.split(|&b| b == b'\n') {
        if line.starts_with(b"diff --git ") {
            in_header = true;
            current = None;
        } else if in_header && line.starts_with(b"+++ ") {
            let target = unquote(&line[4..]);
            current = target.strip_prefix(b"b/").map(path_from_bytes);
        } else if line.starts_with(b"@@ ") {
            in_header = false;
            let (Some(path), Some((start, count))) = (&current, new_side(line)) else {
                continue;
            };
            if count == 0 {
                continue;
            }
            let entry = files
                .entry(path.clone())
                .or_insert_with(|| Lines::Ranges(Vec::new()));
            if let Lines::Ranges(ranges) = entry {
                ranges.push((start, start + count - 1));
            }
        }
    }
    files
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunks_give_the_new_lines() {
        let diff = b"diff --git a/d.md b/d.md\n\
index 1..2 100644\n\
--- a/d.md\n\
+++ b/d.md\n\
@@ -3 +3 @@ Title\n\
-old\n\
+new\n\
@@ -10,0 +11,2 @@\n\
+++ looks like a header\n\
+more\n\
@@ -20,3 +22,0 @@\n\
-gone\n\
-gone\n\
-gone\n\
diff --git a/gone.md b/gone.md\n\
deleted file mode 100644\n\
--- a/gone.md\n\
+++ /dev/null\n\
@@ -1 +0,0 @@\n\
-x\n";
        let files = parse_diff(diff);
        assert_eq!(
            files.get(Path::new("d.md")),
            Some(&Lines::Ranges(vec![(3, 3), (11, 12)]))
        );
        assert_eq!(files.len(), 1, "{files:?}");
    }

    #[test]
    fn quoted_paths_are_unquoted() {
        let diff = "diff --git \"a/caf\\303\\251 \\\"x\\\".md\" \"b/caf\\303\\251 \\\"x\\\".md\"\n\
--- \"a/caf\\303\\251 \\\"x\\\".md\"\n\
+++ \"b/caf\\303\\251 \\\"x\\\".md\"\n\
@@ -1 +1 @@\n-a\n+b\n";
        let files = parse_diff(diff.as_bytes());
        assert!(files.contains_key(Path::new("café \"x\".md")), "{files:?}");
    }

    #[test]
    fn overlap() {
        let lines = Lines::Ranges(vec![(3, 3), (10, 12)]);
        assert!(lines.overlaps(3, 3));
        assert!(lines.overlaps(1, 4));
        assert!(lines.overlaps(12, 20));
        assert!(!lines.overlaps(4, 9));
        assert!(Lines::Whole.overlaps(1, 1));
    }
}
