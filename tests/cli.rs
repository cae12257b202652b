//! End-to-end tests of the `copydesk` command line: the real binary, exact output.

use std::path::{Path, PathBuf};
#[path = "common/output.rs"]
mod output;
use output::{code, stderr, stdout};
use std::process::{Command, Output, Stdio};

fn copydesk() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_copydesk"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("NO_COLOR");
    c
}

fn run(args: &[&str]) -> Output {
    copydesk().args(args).output().expect("run copydesk")
}

/// A folder with drafts for one test.
fn drafts(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, content) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, content).expect("write");
    }
    dir
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

#[test]
fn text_output_on_the_examples() {
    let o = run(&["check", "examples/", "--color", "never"]);
    assert_eq!(code(&o), 0, "examples never fail: {}", stderr(&o));
    insta::assert_snapshot!("examples_text", stdout(&o));
}

#[test]
fn json_output_on_the_examples() {
    let o = run(&["check", "examples/", "--format", "json"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["version"], 1);
    insta::assert_snapshot!("examples_json", out);
}

#[test]
fn sarif_output_on_the_examples() {
    let o = run(&["check", "examples/", "--format", "sarif"]);
    let out = stdout(&o);
    let v: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    assert_eq!(v["version"], "2.1.0");
    insta::assert_snapshot!("examples_sarif", out);
}

#[test]
fn github_output_on_the_examples() {
    let o = run(&["check", "examples/", "--format", "github"]);
    insta::assert_snapshot!("examples_github", stdout(&o));
}

/// GitLab's Code Quality report: exactly the fields GitLab documents, unique fingerprints
/// (GitLab shows one finding per fingerprint), and the same findings as the JSON report.
#[test]
fn gitlab_output_on_the_examples() {
    let o = run(&["check", "examples/", "--format", "gitlab"]);
    assert_eq!(code(&o), 0);
    let out = stdout(&o);
    let issues: serde_json::Value = serde_json::from_str(&out).expect("valid JSON");
    let issues = issues.as_array().expect("a JSON array");
    let keys = |v: &serde_json::Value| -> Vec<String> {
        let mut k: Vec<String> = v.as_object().expect("an object").keys().cloned().collect();
        k.sort();
        k
    };
    let mut fingerprints = std::collections::HashSet::new();
    for issue in issues {
        assert_eq!(
            keys(issue),
            [
                "check_name",
                "description",
                "fingerprint",
                "location",
                "severity"
            ]
        );
        assert_eq!(keys(&issue["location"]), ["lines", "path"]);
        assert_eq!(keys(&issue["location"]["lines"]), ["begin"]);
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        assert!(issue["location"]["path"]
            .as_str()
            .unwrap()
            .starts_with("examples/"));
        assert!(!issue["description"].as_str().unwrap().is_empty());
        assert!(["info", "minor", "major", "critical", "blocker"]
            .contains(&issue["severity"].as_str().unwrap()));
        let fp = issue["fingerprint"].as_str().unwrap();
        assert!(fp.len() == 32 && fp.bytes().all(|b| b.is_ascii_hexdigit()));
        assert!(
            fingerprints.insert(fp.to_string()),
            "duplicate fingerprint {fp}"
        );
    }
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&run(&["check", "examples/", "--format", "json"]))).unwrap();
    let in_json: Vec<(&str, &str)> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| f["diagnostics"].as_array().unwrap())
        .map(|d| {
            (
                d["rule"].as_str().unwrap(),
                d["fingerprint"].as_str().unwrap(),
            )
        })
        .collect();
    let in_gitlab: Vec<(&str, &str)> = issues
        .iter()
        .map(|i| {
            (
                i["check_name"].as_str().unwrap(),
                i["fingerprint"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(in_gitlab, in_json);
    insta::assert_snapshot!("examples_gitlab", out);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let o = run(&[
        "check",
        "examples/council-budget-draft.md",
        "--color",
        "always",
    ]);
    assert!(stdout(&o).contains("\x1b[1;33mwarning\x1b[0m"));
    // Piped, auto means no colour.
    let o = run(&["check", "examples/council-budget-draft.md"]);
    assert!(!stdout(&o).contains('\x1b'));
}

#[test]
fn exit_codes_follow_the_threshold() {
    let dir = drafts(&[("draft.md", "He said “we will win.\n".as_bytes())]);
    let draft = dir.path().join("draft.md");
    assert_eq!(code(&run(&["check", arg(&draft)])), 1);
    assert_eq!(code(&run(&["check", arg(&draft), "--fail-on", "error"])), 0);
    assert_eq!(code(&run(&["check", arg(&draft), "--fail-on", "hint"])), 1);
    assert_eq!(code(&run(&["check", arg(&draft), "--fail-on", "never"])), 0);
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[check]\nfail-on = \"error\"\n",
    )
    .unwrap();
    assert_eq!(code(&run(&["check", arg(&draft)])), 0, "config threshold");
    assert_eq!(
        code(&run(&["check", arg(&draft), "--fail-on", "warning"])),
        1,
        "flag wins"
    );
    let clean = drafts(&[("ok.md", "“We will win,” he said.\n".as_bytes())]);
    assert_eq!(code(&run(&["check", arg(clean.path())])), 0);
    // Usage errors.
    assert_eq!(code(&run(&["check", "--format", "xml"])), 2);
    assert_eq!(code(&run(&["check", "--date", "20 March"])), 2);
}

#[test]
fn a_bad_config_names_file_line_and_column_and_exits_2() {
    let dir = drafts(&[
        (
            "copydesk.toml",
            b"[rules]\n\"quote.unbalanced\" = \"loud\"\n",
        ),
        ("draft.md", b"Fine.\n"),
    ]);
    let o = run(&["check", arg(dir.path())]);
    assert_eq!(code(&o), 2);
    let config = dir.path().join("copydesk.toml");
    let expected = format!(
        "error: {}: invalid configuration: {}:2:22: invalid level `loud` for `quote.unbalanced`",
        arg(&dir.path().join("draft.md")),
        arg(&config)
    );
    assert!(stderr(&o).contains(&expected), "{}", stderr(&o));
}

#[test]
fn unreadable_and_non_utf8_files_are_reported_and_the_rest_checked() {
    let dir = drafts(&[
        ("a-latin1.md", b"Caf\xe9 \xabquote\xbb\n"),
        ("b-good.md", "He said “we will win.\n".as_bytes()),
    ]);
    let missing = dir.path().join("missing.md");
    let o = run(&["check", arg(dir.path()), arg(&missing), "--format", "json"]);
    assert_eq!(code(&o), 2);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 3);
    assert!(files[0]["error"]
        .as_str()
        .unwrap()
        .contains("not valid UTF-8 (first bad byte at offset 3)"));
    assert_eq!(files[1]["diagnostics"][0]["rule"], "quote.unbalanced");
    assert_eq!(files[2]["error"], "no such file or directory");
}

#[test]
fn json_positions_count_unicode_scalars_and_utf8_bytes() {
    let text = "Київ 😀 said “we.\n";
    let dir = drafts(&[("d.md", text.as_bytes())]);
    let o = run(&["check", arg(&dir.path().join("d.md")), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let d = &v["files"][0]["diagnostics"][0];
    assert_eq!(d["line"], 1);
    assert_eq!(d["column"], 13);
    assert_eq!(d["end_column"], 14);
    let offset = text.find('“').unwrap();
    assert_eq!(d["offset"], offset);
    assert_eq!(d["end_offset"], offset + '“'.len_utf8());
    assert_eq!(d["text"], "“");
}

#[test]
fn standard_input_with_a_file_name() {
    let mut child = copydesk()
        .args([
            "check",
            "-",
            "--stdin-filename",
            "desk/draft.md",
            "--format",
            "github",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all("A stray one” here.\n".as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(code(&o), 1);
    assert!(
        stdout(&o).starts_with("::warning file=desk/draft.md,line=1,col=12,"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn fix_keeps_every_other_byte() {
    // No safe fix applies here: --fix must leave the file byte-identical, CRLF and all.
    let original = "Title\r\n\r\nHe said “we will win.  \r\nTabs\there.\r\n".as_bytes();
    let dir = drafts(&[("d.md", original)]);
    let path = dir.path().join("d.md");
    let o = run(&["check", arg(&path), "--fix"]);
    assert_eq!(code(&o), 1);
    assert_eq!(std::fs::read(&path).unwrap(), original);
    let o = run(&["check", arg(&path), "--diff"]);
    assert_eq!(stdout(&o), "");
}

#[test]
fn folders_honour_gitignore_and_markdown_extensions() {
    let dir = drafts(&[
        (".gitignore", b"drafts/old/\n"),
        ("drafts/a.md", b"One.\n"),
        ("drafts/b.markdown", b"Two.\n"),
        ("drafts/c.txt", b"He said \xe2\x80\x9cno.\n"),
        ("drafts/old/d.md", b"He said \xe2\x80\x9cno.\n"),
    ]);
    let o = run(&["check", arg(dir.path()), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let names: Vec<String> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            PathBuf::from(f["path"].as_str().unwrap())
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(names, ["a.md", "b.markdown"]);
    assert_eq!(code(&o), 0);
}

#[test]
fn suppression_comments_silence_rules() {
    let dir = drafts(&[(
        "d.md",
        b"<!-- copydesk-disable-next-line quote.unbalanced -->\nHe said \xe2\x80\x9cno.\n\nShe said \xe2\x80\x9cyes.\n",
    )]);
    let o = run(&["check", arg(dir.path()), "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let diags = v["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["line"], 4);
}

#[test]
fn rules_and_explain() {
    let o = run(&["rules"]);
    assert_eq!(code(&o), 0);
    insta::assert_snapshot!("rules", stdout(&o));
    let o = run(&["explain", "quote.unbalanced"]);
    assert_eq!(code(&o), 0);
    insta::assert_snapshot!("explain_quote_unbalanced", stdout(&o));
    let o = run(&["explain", "quote.nope"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("unknown rule `quote.nope`"));
}

/// `init --preset ap` writes the preset file (exact text), never over an existing one
/// without `--force`; a check under it reports the preset's findings (exact text), and
/// `explain` cites the preset's style point.
#[test]
fn init_preset_ap_and_a_check_under_it() {
    let draft =
        "The court ruled on January 5, 2019, in Kiev. \"We won,\" Zelensky said on March 3rd.\n";
    let dir = drafts(&[("d.md", draft.as_bytes())]);
    let in_dir = |args: &[&str]| {
        copydesk()
            .current_dir(dir.path())
            .args(args)
            .output()
            .expect("run copydesk")
    };
    let o = in_dir(&["init", "--preset", "ap"]);
    assert_eq!(
        (code(&o), stderr(&o).as_str()),
        (0, "wrote copydesk.toml\n")
    );
    let written = std::fs::read_to_string(dir.path().join("copydesk.toml")).unwrap();
    insta::assert_snapshot!("init_preset_ap", written);
    let o = in_dir(&["init", "--preset", "bbc"]);
    assert_eq!(code(&o), 2, "refuses to overwrite");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("copydesk.toml")).unwrap(),
        written
    );

    let o = in_dir(&["check", "d.md", "--color", "never"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "\
d.md:1:20: information[date.format] AP style writes “Jan. 5, 2019”, not “January 5, 2019”: months with a day are abbreviated.
  |
1 | The court ruled on January 5, 2019, in Kiev. \"We won,\" Zelensky said on March 3rd.
  |                    ^^^^^^^^^^^^^^^
  = fix: Write “Jan. 5, 2019”

d.md:1:40: warning[name.inconsistent] “Kiev” is an accepted spelling of Kyiv, but the house style is “Kyiv”.
  |
1 | The court ruled on January 5, 2019, in Kiev. \"We won,\" Zelensky said on March 3rd.
  |                                        ^^^^
  = suggestion: Spell every mention of Kyiv “Kyiv”

d.md:1:56: warning[name.inconsistent] “Zelensky” is an accepted spelling of Volodymyr Zelenskyy, but the house style is “Zelenskyy”.
  |
1 | The court ruled on January 5, 2019, in Kiev. \"We won,\" Zelensky said on March 3rd.
  |                                                        ^^^^^^^^
  = suggestion: Spell every mention of Volodymyr Zelenskyy “Zelenskyy”

d.md:1:73: information[date.format] AP style writes “March 3”, not “March 3rd”: dates take no ordinal.
  |
1 | The court ruled on January 5, 2019, in Kiev. \"We won,\" Zelensky said on March 3rd.
  |                                                                         ^^^^^^^^^
  = fix: Write “March 3”

Found 4 problems (2 warnings, 2 information) in 1 of 1 file; 2 fixable with --fix.
"
    );

    let o = in_dir(&["explain", "date.format"]);
    assert_eq!(code(&o), 0);
    assert!(
        stdout(&o)
            .ends_with("```\n\nStyle point (preset `ap`): AP Stylebook, “months” and “dates”.\n"),
        "{}",
        stdout(&o)
    );

    // --force rewrites it. Under the BBC preset, Zelensky is the house spelling and dates
    // are not AP's business; quotation marks are checked only when the file turns
    // quote.style on.
    let o = in_dir(&["init", "--preset", "bbc", "--force"]);
    assert_eq!(code(&o), 0);
    let o = in_dir(&["check", "d.md", "--color", "never", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let rules: Vec<&str> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["name.inconsistent"], "{v}");
}

#[test]
fn an_unknown_preset_names_the_file_and_line() {
    let dir = drafts(&[
        ("d.md", b"Fine.\n"),
        ("copydesk.toml", b"# house style\npreset = \"nyt\"\n"),
    ]);
    let o = copydesk()
        .current_dir(dir.path())
        .args(["check", "d.md"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 2);
    let config = dir.path().join("copydesk.toml");
    assert!(
        stderr(&o).starts_with(&format!(
            "error: d.md: invalid configuration: {}:2:10: unknown preset `nyt`: expected one of \"ap\", \"reuters\", \"guardian\", \"bbc\"\n",
            config.display()
        )),
        "{}",
        stderr(&o)
    );
    let o = copydesk()
        .current_dir(dir.path())
        .args(["init", "--preset", "nyt", "other.toml"])
        .output()
        .expect("run");
    assert_eq!(code(&o), 2);
    assert_eq!(
        stderr(&o),
        "error: unknown preset `nyt`; presets are: ap, reuters, guardian, bbc\n"
    );
    assert!(!dir.path().join("other.toml").exists());
}

#[test]
fn init_writes_a_default_that_check_accepts() {
    let dir = drafts(&[("d.md", b"Fine.\n")]);
    let config = dir.path().join("copydesk.toml");
    let o = run(&["init", arg(&config)]);
    assert_eq!(code(&o), 0);
    assert!(std::fs::read_to_string(&config)
        .unwrap()
        .starts_with("# copydesk configuration."));
    assert_eq!(
        code(&run(&["init", arg(&config)])),
        2,
        "refuses to overwrite"
    );
    assert_eq!(code(&run(&["check", arg(dir.path())])), 0);
}

/// Two drafts of one desk that spell a person two ways, checked as a folder: the draft
/// that differs from the house spelling is flagged, naming the other draft; a third draft
/// that spells the surname alike but gives another given name is another person. Then the
/// desk without a house spelling, where two drafts against one decide, and switched off.
#[test]
fn names_across_the_drafts_of_a_folder() {
    let petrenko = b"Ivan Petrenko, the mayor, said the budget was late. Petrenko left.\n";
    let petrenco = b"Ivan Petrenco, the mayor, opened the bridge. Petrenco smiled.\n";
    let olga = b"Olga Petrenco, a teacher, said the school was cold.\n";
    let dir = drafts(&[
        ("copydesk.toml", b"[names]\nprefer = [\"Petrenko\"]\n"),
        ("desk/monday.md", petrenko),
        ("desk/tuesday.md", petrenco),
        ("desk/wednesday.md", olga),
    ]);
    let check = |args: &[&str]| {
        copydesk()
            .current_dir(dir.path())
            .args(["check", "desk", "--color", "never"])
            .args(args)
            .output()
            .expect("run copydesk")
    };
    let o = check(&[]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "desk/tuesday.md:1:6: warning[name.inconsistent-desk] Ivan Petrenco is spelled “Petrenco” in this draft; the house style is “Petrenko” (1 other draft: desk/monday.md).
  |
1 | Ivan Petrenco, the mayor, opened the bridge. Petrenco smiled.
  |      ^^^^^^^^
  = suggestion: Spell every mention here “Petrenko”

Found 1 problem (1 warning) in 1 of 3 files.
"
    );
    let o = check(&["--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    let d = &v["files"][1]["diagnostics"][0];
    assert_eq!(d["rule"], "name.inconsistent-desk");
    assert_eq!(
        d["data"],
        serde_json::json!({"expected": "Petrenko", "actor": "Ivan Petrenco",
            "drafts": ["desk/monday.md"], "house": true})
    );
    assert_eq!(d["fixes"][0]["edits"].as_array().map(Vec::len), Some(2));

    // No house spelling: one draft against one decides nothing; two against one do.
    std::fs::write(dir.path().join("copydesk.toml"), "").expect("write");
    assert_eq!(code(&check(&[])), 0);
    std::fs::write(dir.path().join("desk/thursday.md"), petrenko).expect("write");
    let o = check(&["--format", "github"]);
    assert_eq!(
        stdout(&o),
        "::warning file=desk/tuesday.md,line=1,col=6,endLine=1,endColumn=14,title=copydesk name.inconsistent-desk::Ivan Petrenco is spelled “Petrenco” in this draft; the desk spells it “Petrenko” in 2 other drafts (desk/monday.md, desk/thursday.md).\n"
    );
    // Each shard checks its own drafts, every draft in exactly one, and compares only them:
    // tuesday is flagged only in a shard that also holds monday and thursday.
    let mut seen: Vec<String> = Vec::new();
    for shard in ["1/2", "2/2"] {
        let o = check(&["--shard", shard, "--format", "json"]);
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON");
        let files: Vec<String> = v["files"]
            .as_array()
            .expect("files")
            .iter()
            .map(|f| f["path"].as_str().unwrap_or("").to_string())
            .collect();
        let holds = |n: &str| files.iter().any(|f| f == &format!("desk/{n}.md"));
        let flagged = v["summary"]["by_rule"]["name.inconsistent-desk"] == 1;
        assert_eq!(
            flagged,
            holds("monday") && holds("tuesday") && holds("thursday")
        );
        seen.extend(files);
    }
    seen.sort();
    assert_eq!(
        seen,
        [
            "desk/monday.md",
            "desk/thursday.md",
            "desk/tuesday.md",
            "desk/wednesday.md"
        ]
    );

    std::fs::write(
        dir.path().join("copydesk.toml"),
        "[names]\nacross-drafts = false\n",
    )
    .expect("write");
    assert_eq!(code(&check(&[])), 0);
}
