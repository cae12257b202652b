//! The CI options of `copydesk check`, end to end with the real binary: `--changed-since`
//! in a real git repository made by the test, and `--baseline`/`--write-baseline`.

use std::path::Path;
#[path = "common/output.rs"]
mod output;
use output::{code, stderr, stdout};
use std::process::{Command, Output};

/// copydesk, run in `dir`.
fn copydesk(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .current_dir(dir)
        .args(args)
        .env_remove("NO_COLOR")
        .output()
        .expect("run copydesk")
}

/// git in `dir`, without the user's or the system's configuration.
fn git(dir: &Path, args: &[&str]) {
    let o = Command::new("git")
        .current_dir(dir)
        .args(["-c", "user.name=Desk", "-c", "user.email=desk@example.com"])
        .args(args)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git is installed");
    assert!(
        o.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// The findings of a JSON report: (path, line, rule, text).
fn findings(o: &Output) -> Vec<(String, u64, String, String)> {
    let v: serde_json::Value = serde_json::from_str(&stdout(o))
        .unwrap_or_else(|e| panic!("invalid JSON ({e}): {}", stdout(o)));
    let mut out = Vec::new();
    for f in v["files"].as_array().unwrap() {
        for d in f["diagnostics"].as_array().unwrap() {
            out.push((
                f["path"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["rule"].as_str().unwrap().to_string(),
                d["text"].as_str().unwrap().to_string(),
            ));
        }
    }
    out
}

const DRAFT: &str = "\
# Council meets

The mayor said “we will win the vote.

The treasurer said “the money is not there.

The clerk read the minutes aloud.
";

/// A repository with DRAFT committed as `drafts/story.md` and a clean committed file.
fn repository() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    git(root, &["init", "-q", "-b", "main"]);
    write(root, "drafts/story.md", DRAFT);
    write(root, "drafts/clean.md", "Nothing to see here.\n");
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "first draft"]);
    dir
}

#[test]
fn changed_since_reports_only_changed_lines_and_new_files_whole() {
    let dir = repository();
    let root = dir.path();
    // Both unbalanced quotes are findings before anything changes.
    let all = copydesk(root, &["check", "drafts", "--format", "json"]);
    assert_eq!(findings(&all).len(), 2, "{}", stdout(&all));
    // Nothing changed since HEAD: nothing to report, and the run passes.
    let o = copydesk(root, &["check", "drafts", "--changed-since", "HEAD"]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(
        stderr(&o).contains("2 findings outside the lines changed since HEAD not reported"),
        "{}",
        stderr(&o)
    );

    // Edit the second paragraph only, and add a draft git does not track yet.
    let edited = DRAFT.replace(
        "The treasurer said “the money is not there.",
        "The city treasurer said “the money is simply not there.",
    );
    std::fs::write(root.join("drafts/story.md"), edited).unwrap();
    write(
        root,
        "drafts/new.md",
        "A new story.\n\nThe reporter wrote “nothing yet.\n",
    );

    let o = copydesk(
        root,
        &[
            "check",
            "drafts",
            "--changed-since",
            "HEAD",
            "--format",
            "json",
        ],
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(
        findings(&o),
        [
            (
                "drafts/new.md".into(),
                3,
                "quote.unbalanced".into(),
                "“".into()
            ),
            (
                "drafts/story.md".into(),
                5,
                "quote.unbalanced".into(),
                "“".into()
            ),
        ]
    );
    // The fingerprints are those of the full run: hiding findings does not change them.
    let full = copydesk(root, &["check", "drafts", "--format", "json"]);
    let fp = |o: &Output, path: &str| -> Vec<String> {
        let v: serde_json::Value = serde_json::from_str(&stdout(o)).unwrap();
        v["files"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["path"] == path)
            .flat_map(|f| f["diagnostics"].as_array().unwrap().clone())
            .map(|d| d["fingerprint"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(fp(&full, "drafts/story.md").contains(&fp(&o, "drafts/story.md")[0]));

    // Every format reports the same two findings.
    let o = copydesk(
        root,
        &[
            "check",
            "drafts",
            "--changed-since",
            "HEAD",
            "--format",
            "github",
        ],
    );
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().map(|l| l.split("::").nth(1).unwrap()).collect();
    assert_eq!(
        lines,
        [
            "warning file=drafts/new.md,line=3,col=20,endLine=3,endColumn=21,title=copydesk quote.unbalanced",
            "warning file=drafts/story.md,line=5,col=25,endLine=5,endColumn=26,title=copydesk quote.unbalanced",
        ]
    );
    for (format, key) in [("gitlab", ""), ("sarif", "results")] {
        let o = copydesk(
            root,
            &[
                "check",
                "drafts",
                "--changed-since",
                "HEAD",
                "--format",
                format,
            ],
        );
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        let list = if key.is_empty() {
            &v
        } else {
            &v["runs"][0][key]
        };
        assert_eq!(
            list.as_array().unwrap().len(),
            2,
            "{format}: {}",
            stdout(&o)
        );
    }
    let o = copydesk(
        root,
        &[
            "check",
            "drafts",
            "--changed-since",
            "HEAD",
            "--color",
            "never",
        ],
    );
    assert!(stdout(&o).contains("drafts/story.md:5:25: warning[quote.unbalanced]"));
    assert!(stdout(&o).contains("drafts/new.md:3:20: warning[quote.unbalanced]"));
    assert!(!stdout(&o).contains("drafts/story.md:3:"), "{}", stdout(&o));

    // Committed, the changes are in the history: since the first commit they still count,
    // since HEAD they do not.
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "edits"]);
    let o = copydesk(
        root,
        &[
            "check",
            "drafts",
            "--changed-since",
            "HEAD~1",
            "--format",
            "json",
        ],
    );
    assert_eq!(findings(&o).len(), 2);
    let o = copydesk(
        root,
        &[
            "check",
            "drafts",
            "--changed-since",
            "HEAD",
            "--format",
            "json",
        ],
    );
    assert_eq!(findings(&o).len(), 0);
}

#[test]
fn changed_since_works_from_a_subfolder_and_with_absolute_paths() {
    let dir = repository();
    let root = dir.path();
    std::fs::write(
        root.join("drafts/story.md"),
        DRAFT.replace("the vote.", "the vote tonight."),
    )
    .unwrap();
    let o = copydesk(
        &root.join("drafts"),
        &["check", ".", "--changed-since", "HEAD", "--format", "json"],
    );
    assert_eq!(
        findings(&o),
        [("story.md".into(), 3, "quote.unbalanced".into(), "“".into())]
    );
    // An absolute path, from the repository's top.
    let story = root.join("drafts/story.md");
    let story = story.to_str().unwrap();
    let o = copydesk(
        root,
        &[
            "check",
            story,
            "--changed-since",
            "HEAD",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        findings(&o),
        [(story.into(), 3, "quote.unbalanced".into(), "“".into())]
    );
}

#[test]
fn changed_since_needs_a_repository_and_a_known_revision() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "d.md", "He said “no.\n");
    let o = copydesk(dir.path(), &["check", "d.md", "--changed-since", "HEAD"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("error: --changed-since needs a git repository"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "", "no report when the run cannot start");

    let repo = repository();
    let o = copydesk(
        repo.path(),
        &["check", "drafts", "--changed-since", "no-such-branch"],
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("error: --changed-since: unknown git revision `no-such-branch`"),
        "{}",
        stderr(&o)
    );
    let o = copydesk(repo.path(), &["check", "drafts", "--changed-since=--all"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("is not a git revision"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_baseline_hides_recorded_findings_wherever_they_move() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "drafts/story.md", DRAFT);
    write(root, "drafts/clean.md", "Nothing to see here.\n");

    let o = copydesk(root, &["check", "drafts"]);
    assert_eq!(code(&o), 1, "two findings fail the run");
    let before = copydesk(root, &["check", "drafts", "--format", "json"]);

    // Writing the baseline records both and reports nothing.
    let o = copydesk(
        root,
        &[
            "check",
            "drafts",
            "--write-baseline",
            "copydesk-baseline.json",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(stderr(&o).contains("wrote 2 findings to the baseline copydesk-baseline.json"));
    let text = std::fs::read_to_string(root.join("copydesk-baseline.json")).unwrap();
    let baseline: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(baseline["version"], 1);
    let recorded = baseline["findings"].as_array().unwrap();
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0]["rule"], "quote.unbalanced");
    assert_eq!(recorded[0]["path"], "drafts/story.md");
    assert_eq!(recorded[0]["text"], "“");
    let json: serde_json::Value = serde_json::from_str(&stdout(&before)).unwrap();
    let story = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["path"] == "drafts/story.md")
        .unwrap();
    for (r, d) in recorded
        .iter()
        .zip(story["diagnostics"].as_array().unwrap())
    {
        assert_eq!(
            r["fingerprint"], d["fingerprint"],
            "the JSON's fingerprints"
        );
    }

    let check = |args: &[&str]| {
        let mut all = vec!["check", "drafts", "--baseline", "copydesk-baseline.json"];
        all.extend_from_slice(args);
        copydesk(root, &all)
    };
    let o = check(&[]);
    assert_eq!(code(&o), 0, "{}{}", stdout(&o), stderr(&o));
    assert!(stderr(&o)
        .contains("2 findings recorded in the baseline copydesk-baseline.json not reported"));

    // A paragraph inserted above and a paragraph rewrapped: still hidden.
    let moved = DRAFT
        .replace(
            "# Council meets\n",
            "# Council meets\n\nA new first paragraph, written later.\n\nAnd another one.\n",
        )
        .replace("treasurer said “the money", "treasurer said\n“the money");
    std::fs::write(root.join("drafts/story.md"), &moved).unwrap();
    let o = check(&["--format", "json"]);
    assert_eq!(code(&o), 0, "{}", stdout(&o));
    assert!(findings(&o).is_empty());

    // A new finding is shown, and fails the run.
    let grown = moved.replace(
        "The clerk read the minutes aloud.",
        "The clerk read the minutes aloud and said “enough.",
    );
    std::fs::write(root.join("drafts/story.md"), &grown).unwrap();
    let o = check(&["--format", "json"]);
    assert_eq!(code(&o), 1);
    assert_eq!(
        findings(&o),
        [(
            "drafts/story.md".into(),
            12,
            "quote.unbalanced".into(),
            "“".into()
        )]
    );

    // A recorded finding that is fixed is reported as no longer found, and the new one
    // after it is still the one reported (a fingerprint is not a count of the same text).
    let fixed = grown.replace(
        "said “we will win the vote.",
        "said “we will win the vote.”",
    );
    std::fs::write(root.join("drafts/story.md"), &fixed).unwrap();
    let o = check(&["--format", "json"]);
    assert!(
        stderr(&o)
            .contains("1 finding recorded in the baseline copydesk-baseline.json no longer found"),
        "{}",
        stderr(&o)
    );
    assert_eq!(findings(&o).len(), 1);
    assert_eq!(findings(&o)[0].1, 12);

    // A new finding above the recorded ones is the one reported.
    let above = grown.replace(
        "A new first paragraph, written later.",
        "A new first paragraph where the chief said “later.",
    );
    std::fs::write(root.join("drafts/story.md"), &above).unwrap();
    let o = check(&["--format", "json"]);
    let lines: Vec<u64> = findings(&o).iter().map(|f| f.1).collect();
    assert_eq!(lines, [3, 12], "{}", stdout(&o));

    // Editing the words right around a recorded finding makes it a new finding.
    let reworded = DRAFT.replace("The mayor said “we will", "The mayor told us “we will");
    std::fs::write(root.join("drafts/story.md"), &reworded).unwrap();
    let o = check(&["--format", "json"]);
    assert_eq!(
        findings(&o),
        [(
            "drafts/story.md".into(),
            3,
            "quote.unbalanced".into(),
            "“".into()
        )]
    );

    // Checking other files leaves the baseline's entries alone: nothing is stale.
    let o = copydesk(
        root,
        &[
            "check",
            "drafts/clean.md",
            "--baseline",
            "copydesk-baseline.json",
        ],
    );
    assert_eq!(code(&o), 0);
    assert!(!stderr(&o).contains("no longer found"), "{}", stderr(&o));
}

#[test]
fn baseline_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "d.md", "He said “no.\n");
    let o = copydesk(root, &["check", "d.md", "--baseline", "missing.json"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("error: cannot read the baseline missing.json"),
        "{}",
        stderr(&o)
    );
    write(root, "future.json", r#"{"version": 9, "findings": []}"#);
    let o = copydesk(root, &["check", "d.md", "--baseline", "future.json"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("invalid baseline future.json: version 9"),
        "{}",
        stderr(&o)
    );
    // One or the other.
    let o = copydesk(
        root,
        &[
            "check",
            "d.md",
            "--baseline",
            "a.json",
            "--write-baseline",
            "b.json",
        ],
    );
    assert_eq!(code(&o), 2);
    let o = copydesk(
        root,
        &["check", "d.md", "--write-baseline", "missing-folder/b.json"],
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("cannot write the baseline missing-folder/b.json"),
        "{}",
        stderr(&o)
    );
}
