//! The repository's test corpus (`tests/corpus/wikinews-2019`, Wikinews 2019, CC BY 2.5) for
//! unit tests that run on real news. Missing data fails the test: nothing is skipped.

use std::path::PathBuf;

/// The corpus folder.
pub fn dir() -> PathBuf {
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/wikinews-2019");
    assert!(
        dir.is_dir(),
        "the test corpus is missing: expected {}",
        dir.display()
    );
    dir
}

/// One article by file name.
pub fn article(name: &str) -> String {
    let path = dir().join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every article's text, in file-name order.
pub fn texts() -> Vec<String> {
    let dir = dir();
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    assert!(
        paths.len() >= 170,
        "{} has {} articles",
        dir.display(),
        paths.len()
    );
    paths
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .collect()
}
