//! Notices when a file a configuration was read from changes on disk: the `copydesk.toml`
//! (or `.copydesk.toml`) that governs each open draft's folder, the places where one could
//! appear, and the newsroom actor files it names. Clients that watch files for us
//! (`workspace/didChangeWatchedFiles`) only watch `copydesk.toml`; Neovim on Linux watches
//! nothing, and no client knows which actor files a configuration names. So the server
//! looks itself: a few `stat` calls every [`POLL`], off the message loop.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// How often the files are looked at.
pub const POLL: Duration = Duration::from_millis(250);

/// What a file looked like: its modification time and length, or `None` when it is absent
/// (or unreadable).
pub type Look = Option<(SystemTime, u64)>;

/// The last look at every watched file.
pub type Stamp = HashMap<PathBuf, Look>;

/// Look at one file.
pub fn look(path: &Path) -> Look {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

/// Look at every file in `paths`.
pub fn stamp(paths: impl IntoIterator<Item = PathBuf>) -> Stamp {
    paths
        .into_iter()
        .map(|p| {
            let l = look(&p);
            (p, l)
        })
        .collect()
}

/// The files that changed between two looks. A file seen only now (a draft opened in a new
/// folder) is not a change: only one seen both times, and different, is.
pub fn changed(before: &Stamp, now: &Stamp) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = now
        .iter()
        .filter(|(p, l)| before.get(*p).is_some_and(|b| b != *l))
        .map(|(p, _)| p.clone())
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_appears_changes_or_disappears_is_a_change_a_new_path_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("copydesk.toml");
        let b = dir.path().join("actors.toml");
        let first = stamp([a.clone()]);
        assert_eq!(first[&a], None);

        std::fs::write(&a, "[rules]\n").unwrap();
        let second = stamp([a.clone(), b.clone()]);
        assert_eq!(changed(&first, &second), vec![a.clone()]);

        // Same length, same file: no change; a longer file: a change.
        let third = stamp([a.clone(), b.clone()]);
        assert!(changed(&second, &third).is_empty());
        std::fs::write(&b, "[[actors]]\n").unwrap();
        let fourth = stamp([a.clone(), b.clone()]);
        assert_eq!(changed(&third, &fourth), vec![b.clone()]);

        std::fs::remove_file(&a).unwrap();
        let fifth = stamp([a.clone(), b.clone()]);
        assert_eq!(changed(&fourth, &fifth), [a]);
    }
}
