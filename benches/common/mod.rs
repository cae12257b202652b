//! Drafts for the benchmarks, made of the Wikinews corpus in `tests/corpus/`.
// Each benchmark uses only part of this module.
#![allow(dead_code)]

use std::path::Path;

/// Every article of the corpus, in file-name order.
pub fn corpus() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/wikinews-2019");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("corpus at {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// A draft of about `words` words: the first article with its front matter (so the draft
/// has one article date), then the bodies of the next ones, repeating the corpus as needed.
pub fn draft_of_words(articles: &[String], words: usize) -> String {
    let mut out = String::new();
    let mut count = 0;
    for a in articles.iter().cycle() {
        if count >= words {
            break;
        }
        let body = if out.is_empty() {
            a.as_str()
        } else {
            a.splitn(3, "---\n").nth(2).unwrap_or(a)
        };
        for para in body.split("\n\n") {
            if count >= words {
                break;
            }
            count += para.split_whitespace().count();
            out.push_str(para);
            out.push_str("\n\n");
        }
    }
    out
}

/// The corpus concatenated (repeating it) until the text reaches `bytes`.
pub fn concat_to_bytes(articles: &[String], bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 10_000);
    for a in articles.iter().cycle() {
        if out.len() >= bytes {
            break;
        }
        out.push_str(a);
        out.push_str("\n\n");
    }
    out
}
