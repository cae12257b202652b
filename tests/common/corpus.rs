//! The test corpus in `tests/corpus/` (Wikinews 2019, CC BY 2.5) and its tune/held-out split.
//! Missing data is a failure, never a skip: a quality gate that checked nothing must not pass.
// Each test uses only part of this module.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// `tests/corpus/wikinews-2019`.
pub fn dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/wikinews-2019");
    assert!(
        dir.is_dir(),
        "the test corpus is missing: expected {} (it is part of the repository; restore it with `git checkout -- tests/corpus`)",
        dir.display()
    );
    dir
}

/// `tests/corpus/meantime-en`: 118 English Wikinews articles of 2004–2011 rebuilt from the
/// MEANTIME corpus (CC BY 4.0). Never tuned on: every figure measured on it is unseen news.
pub fn meantime_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/meantime-en");
    assert!(
        dir.is_dir(),
        "the unseen-news corpus is missing: expected {} (it is part of the repository; restore it with `git checkout -- tests/corpus`)",
        dir.display()
    );
    dir
}

/// Every article as (file name, text), in file-name order. Fails when the corpus is missing
/// or smaller than it should be.
pub fn articles() -> Vec<(String, String)> {
    read_corpus(&dir(), 170, "the test corpus", 171)
}

/// Every MEANTIME article as (file name, text), in file-name order. Fails when the corpus is
/// missing or smaller than it should be.
pub fn meantime_articles() -> Vec<(String, String)> {
    read_corpus(&meantime_dir(), 118, "the unseen-news corpus", 118)
}

/// The `.md` files of `dir` as (file name, text), sorted; at least `min` of them.
fn read_corpus(dir: &Path, min: usize, what: &str, expected: usize) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .map(|e| {
            let text = std::fs::read_to_string(e.path())
                .unwrap_or_else(|err| panic!("cannot read {}: {err}", e.path().display()));
            (e.file_name().to_string_lossy().into_owned(), text)
        })
        .collect();
    out.sort();
    assert!(
        out.len() >= min,
        "{what} at {} has {} articles; expected {expected}",
        dir.display(),
        out.len()
    );
    out
}

/// The half of a MEANTIME article (a file name): the article lists of
/// `tests/fixtures/time_expressions_meantime_{tune,heldout}.tsv`, the same split for every
/// check. `None` for an article in neither list.
pub fn meantime_part(article: &str) -> Option<Part> {
    static SPLIT: std::sync::OnceLock<std::collections::HashMap<String, Part>> =
        std::sync::OnceLock::new();
    let split = SPLIT.get_or_init(|| {
        let mut map = std::collections::HashMap::new();
        for (file, part) in [
            ("time_expressions_meantime_tune.tsv", Part::Tune),
            ("time_expressions_meantime_heldout.tsv", Part::Heldout),
        ] {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(file);
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
            for line in text.lines() {
                if line.starts_with('#') || line.starts_with("article\t") {
                    continue;
                }
                if let Some((name, _)) = line.split_once('\t') {
                    if let Some(old) = map.insert(name.to_string(), part) {
                        assert_eq!(old, part, "{name} is in both MEANTIME halves");
                    }
                }
            }
        }
        map
    });
    split.get(article).copied()
}

/// The texts of every article, in file-name order.
pub fn texts() -> Vec<String> {
    articles().into_iter().map(|(_, text)| text).collect()
}

/// The paths of every article, in file-name order.
pub fn paths() -> Vec<PathBuf> {
    let dir = dir();
    articles()
        .into_iter()
        .map(|(name, _)| dir.join(name))
        .collect()
}

/// Which part of the split an article belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Tune,
    Heldout,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Tune => "tune",
            Part::Heldout => "held-out",
        }
    }
}

/// The part of `article` (a file name) in `tests/corpus/split.tsv`.
pub fn part(article: &str) -> Part {
    static SPLIT: std::sync::OnceLock<std::collections::HashMap<String, Part>> =
        std::sync::OnceLock::new();
    let split = SPLIT.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/split.tsv");
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
        text.lines()
            .filter(|l| !l.starts_with('#') && !l.starts_with("article\t"))
            .filter_map(|l| {
                let (name, part) = l.split_once('\t')?;
                let part = match part.trim() {
                    "tune" => Part::Tune,
                    "heldout" => Part::Heldout,
                    other => panic!("{}: unknown part `{other}` for {name}", path.display()),
                };
                Some((name.to_string(), part))
            })
            .collect()
    });
    *split
        .get(article)
        .unwrap_or_else(|| panic!("{article} is not in tests/corpus/split.tsv"))
}
