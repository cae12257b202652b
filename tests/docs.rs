//! The documentation stays true to the code: `docs/rules.md` is exactly what
//! `copydesk rules --format markdown` prints (the rules' own `RuleMeta`, never typed twice),
//! and the links between README.md and docs/*.md point at files and headings that exist.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

const REGENERATE: &str = "cargo run -- rules --format markdown > docs/rules.md";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
        // A checkout with CRLF line endings is still up to date.
        .replace("\r\n", "\n")
}

#[test]
fn rules_reference_is_generated_from_the_rules() {
    let out = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["rules", "--format", "markdown"])
        .output()
        .expect("run copydesk rules --format markdown");
    assert!(
        out.status.success(),
        "`copydesk rules --format markdown` failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let generated = String::from_utf8(out.stdout).expect("utf-8 output");
    let on_disk = read(&root().join("docs/rules.md"));
    if on_disk != generated {
        let (line, want, have) = generated
            .lines()
            .zip(on_disk.lines())
            .enumerate()
            .find(|(_, (g, d))| g != d)
            .map(|(i, (g, d))| (i + 1, g.to_string(), d.to_string()))
            .unwrap_or_else(|| {
                let n = generated.lines().count().min(on_disk.lines().count()) + 1;
                (n, "(one text ends here)".into(), String::new())
            });
        panic!(
            "docs/rules.md is out of date with the rules' RuleMeta.\n\
             Regenerate it with:\n\n    {REGENERATE}\n\n\
             First difference, line {line}:\n  generated: {want}\n  docs/rules.md: {have}"
        );
    }
}

/// README.md and every Markdown file in docs/.
fn documents() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md")];
    let dir = root().join("docs");
    let mut in_docs: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "md"))
        .collect();
    in_docs.sort();
    docs.extend(in_docs);
    docs
}

/// The text outside fenced code blocks, line by line.
fn prose_lines(text: &str) -> Vec<&str> {
    let mut fence: Option<&str> = None;
    let mut out = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim_start();
        match fence {
            Some(f) => {
                if trimmed.starts_with(f) && trimmed.trim_start_matches('`').trim().is_empty() {
                    fence = None;
                }
            }
            None if trimmed.starts_with("```") => {
                let ticks = trimmed.len() - trimmed.trim_start_matches('`').len();
                fence = Some(&trimmed[..ticks]);
            }
            None => out.push(line),
        }
    }
    out
}

/// GitHub's anchors for a document's headings: lowercase, punctuation dropped except `-`
/// and `_`, spaces to `-`, repeats numbered.
fn anchors(text: &str) -> HashSet<String> {
    let mut seen = HashSet::new();
    for line in prose_lines(text) {
        let Some(heading) = line.strip_prefix('#') else {
            continue;
        };
        let heading = heading.trim_start_matches('#');
        if !heading.starts_with(' ') {
            continue;
        }
        // Link text only: `[text](target)` counts as `text`.
        let mut plain = String::new();
        let mut rest = heading.trim();
        while let Some(open) = rest.find("](") {
            plain.push_str(&rest[..open]);
            rest = &rest[open + 2..];
            rest = rest.find(')').map_or("", |close| &rest[close + 1..]);
        }
        plain.push_str(rest);
        let base: String = plain
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
            .flat_map(char::to_lowercase)
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let mut slug = base.clone();
        let mut n = 0;
        while seen.contains(&slug) {
            n += 1;
            slug = format!("{base}-{n}");
        }
        seen.insert(slug);
    }
    seen
}

/// Every `](target)` of a line, without an optional title.
fn link_targets(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find("](") {
        rest = &rest[open + 2..];
        let Some(close) = rest.find(')') else { break };
        let target = rest[..close].split_whitespace().next().unwrap_or("");
        out.push(target);
        rest = &rest[close + 1..];
    }
    out
}

#[test]
fn links_between_the_documents_resolve() {
    let mut broken = Vec::new();
    for doc in documents() {
        let text = read(&doc);
        let name = doc
            .strip_prefix(root())
            .unwrap_or(&doc)
            .display()
            .to_string();
        for line in prose_lines(&text) {
            for target in link_targets(line) {
                if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (file, anchor) = target.split_once('#').unwrap_or((target, ""));
                let path = if file.is_empty() {
                    doc.clone()
                } else {
                    doc.parent().expect("a folder").join(file)
                };
                if !path.exists() {
                    broken.push(format!("{name}: {target}: no such file"));
                    continue;
                }
                let is_markdown = path.extension().is_some_and(|x| x == "md");
                if !anchor.is_empty() && is_markdown && !anchors(&read(&path)).contains(anchor) {
                    broken.push(format!("{name}: {target}: no such heading"));
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

/// The docs name paths inside this repository only.
#[test]
fn documents_do_not_point_outside_the_repository() {
    for doc in documents() {
        let text = read(&doc);
        assert!(
            !text.contains("../shared"),
            "{} refers to ../shared, which is not part of the repository",
            doc.display()
        );
    }
}
