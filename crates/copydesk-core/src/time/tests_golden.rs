//! Golden test: every time expression found in the test corpus, and in each labelled sentence
//! of the fixtures taken on its own, is written out (what the recogniser saw, then what it
//! resolved to) and compared byte for byte with `tests/snapshots/time_expressions_corpus.txt`.
//! It pins the recogniser's output so that its code can be reorganised without changing it.
//!
//! After an intended change of output: `UPDATE_SNAPSHOT=1 cargo test -p copydesk-core
//! golden`, then read the diff of the snapshot before committing it.

use super::recognizer::recognize;
use super::{find_all, TimeExpr};
use crate::{Config, Context, Document};
use std::fmt::Write;
use std::path::PathBuf;

fn snapshot_path() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/snapshots/time_expressions_corpus.txt")
}

fn fixtures_dir() -> PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// Every article as (file name, text), in file-name order.
fn articles() -> Vec<(String, String)> {
    let dir = crate::test_corpus::dir();
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".md"))
        .collect();
    names.sort();
    assert!(names.len() >= 170, "{} articles", names.len());
    names
        .into_iter()
        .map(|n| {
            let text = crate::test_corpus::article(&n);
            (n, text)
        })
        .collect()
}

fn write_expr(out: &mut String, e: &TimeExpr) {
    let _ = writeln!(
        out,
        "  {} {:?} src={:?} {:?} {:?} value={:?} day={:?} span={:?} gran={:?} anchor={:?}",
        e.block,
        e.range,
        e.source,
        e.text,
        e.kind,
        e.value,
        e.day.map(|d| d.to_string()),
        e.span.map(|(a, b)| (a.to_string(), b.to_string())),
        e.granularity,
        e.anchor,
    );
}

/// Found candidates and resolved expressions of one document, against `article`.
fn write_doc(out: &mut String, doc: &Document, article: Option<&super::ArticleDate>) {
    for f in recognize(doc) {
        let _ = writeln!(
            out,
            "  found {} {:?} {:?} future={} sentence={:?} {:?}",
            f.block,
            f.range,
            doc.blocks[f.block].text.get(f.range.clone()).unwrap_or("?"),
            f.future,
            f.sentence,
            f.sem,
        );
    }
    for e in find_all(doc, article) {
        write_expr(out, &e);
    }
}

/// The labelled sentences of a fixture: (article, snippet) in file order, without repeats.
fn fixture_sentences(name: &str) -> Vec<(String, String)> {
    let path = fixtures_dir().join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines().skip_while(|l| l.starts_with('#')).skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), 5, "bad fixture line: {line}");
        let key = (cols[0].to_string(), cols[1].to_string());
        if !out.contains(&key) {
            out.push(key);
        }
    }
    assert!(out.len() >= 50, "{name}: {} sentences", out.len());
    out
}

fn render() -> String {
    let config = Config::default();
    let mut out = String::new();
    let mut count = 0usize;
    for (name, text) in articles() {
        let doc = Document::parse(text.as_str());
        let cx = Context::new(&doc, &config);
        let article = cx.article_date().cloned();
        let _ = writeln!(
            out,
            "# {name} article={:?}",
            article.as_ref().map(|a| (a.date.to_string(), &a.origin))
        );
        write_doc(&mut out, &doc, article.as_ref());
        count += cx.time_expressions().len();
    }
    // Each labelled sentence alone: no heading, no earlier date to lean on.
    for fixture in ["time_expressions.tsv", "time_expressions_heldout.tsv"] {
        for (article, snippet) in fixture_sentences(fixture) {
            let text = crate::test_corpus::article(&article);
            let doc = Document::parse(text.as_str());
            let cx = Context::new(&doc, &config);
            let date = cx.article_date().cloned();
            let sentence = doc
                .blocks
                .iter()
                .enumerate()
                .find_map(|(bi, b)| {
                    let at = b.text.find(&snippet)?;
                    let s = doc.sentences[bi]
                        .iter()
                        .find(|s| s.start <= at && at < s.end)
                        .cloned()
                        .unwrap_or(at..b.text.len());
                    Some(b.text[s].to_string())
                })
                .unwrap_or_else(|| panic!("{article}: snippet not found: {snippet}"));
            let _ = writeln!(out, "# {fixture} {article} {sentence:?}");
            let alone = Document::parse(sentence.as_str());
            write_doc(&mut out, &alone, date.as_ref());
            let _ = writeln!(out, "  - without article date");
            for e in find_all(&alone, None) {
                write_expr(&mut out, &e);
            }
        }
    }
    assert!(count > 1000, "only {count} expressions in the corpus");
    out
}

#[test]
fn golden_time_expressions_of_the_corpus() {
    let got = render();
    let path = snapshot_path();
    if std::env::var_os("UPDATE_SNAPSHOT").is_some() {
        std::fs::write(&path, &got).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e} (create it with UPDATE_SNAPSHOT=1 cargo test -p copydesk-core golden)",
            path.display()
        )
    });
    if got != want {
        let first = got
            .lines()
            .zip(want.lines())
            .enumerate()
            .find(|(_, (g, w))| g != w)
            .map(|(i, (g, w))| format!("line {}:\n  got:  {g}\n  want: {w}", i + 1))
            .unwrap_or_else(|| {
                format!(
                    "lengths differ: got {} lines, want {}",
                    got.lines().count(),
                    want.lines().count()
                )
            });
        panic!(
            "time expressions differ from {} at {first}\n(UPDATE_SNAPSHOT=1 rewrites it if the change is intended)",
            path.display()
        );
    }
}
