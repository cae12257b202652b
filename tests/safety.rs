//! Issue 17, "never lose a word", against the real `copydesk` binary: writes that cannot
//! destroy text, file access confined to regular files of bounded size, messages that say
//! what happened, and output bounded by the input.

use std::path::Path;
#[path = "common/pipes.rs"]
mod pipes;
use pipes::Pipes;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// What the child's standard input is.
enum In {
    Null,
    Bytes(Vec<u8>),
    /// A pipe that stays open and empty until the child ends (a reader would wait forever).
    OpenPipe,
}

/// Run `copydesk` in `dir`; a run that takes longer than `limit` is killed and fails the
/// test (the bugs here were hangs).
fn run_in(dir: &Path, args: &[&str], stdin: In, limit: Duration) -> Output {
    run_cmd(
        Command::new(env!("CARGO_BIN_EXE_copydesk")).args(args),
        dir,
        stdin,
        limit,
    )
}

fn run_cmd(cmd: &mut Command, dir: &Path, stdin: In, limit: Duration) -> Output {
    let mut child = cmd
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .stdin(match stdin {
            In::Null => Stdio::null(),
            _ => Stdio::piped(),
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut kept_open = None;
    let input = match stdin {
        In::Null => None,
        In::OpenPipe => {
            kept_open = child.stdin.take();
            None
        }
        In::Bytes(bytes) => Some(bytes),
    };
    let pipes = Pipes::start(&mut child, input);
    let deadline = Instant::now() + limit;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("copydesk {:?} still running after {limit:?}: killed", cmd);
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    drop(kept_open);
    let (stdout, stderr) = pipes.finish();
    Output {
        status,
        stdout,
        stderr,
    }
}

fn run(dir: &Path, args: &[&str]) -> Output {
    run_in(dir, args, In::Null, Duration::from_secs(60))
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn code(o: &Output) -> i32 {
    o.status.code().unwrap_or(-1)
}

/// A configuration under which `--fix` has something to do: `quote.style` (the rule with
/// safe fixes) on, curly quotes wanted.
const FIXABLE: &str = "[rules]\n\"quote.style\" = \"warning\"\n[quotes]\nmarks = \"curly\"\n";

fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for (name, text) in files {
        let path = dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(path, text).expect("write");
    }
    dir
}

/// Files copydesk left behind in `dir` (temporary files of a write).
fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".copydesk-"))
        .collect()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    let ok = Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("run mkfifo")
        .success();
    assert!(ok, "mkfifo {}", path.display());
}

// ---------------------------------------------------------------------------------------
// 1. Writes that cannot destroy or lose text.

/// The disk fills while `--fix` writes (the file-size limit stands in for a full disk:
/// writes past it fail with EFBIG). Before: the draft was opened with truncate and written
/// in place, so it was left cut at the limit and the rest of the text was lost; the report
/// showed the fixed text as if written and ended "in 1 of 0 files". Now the fixes go to a
/// temporary file that is renamed over the draft only when complete: the draft is
/// untouched, the error says so, and the report is about the text still in the file.
#[cfg(unix)]
#[test]
fn a_fix_that_cannot_be_written_loses_nothing_and_says_so() {
    let paragraph = "She said \"we will win,\" and left. ".repeat(200);
    let original = format!("{paragraph}\n\n{paragraph}\n\n{paragraph}\n");
    let dir = folder(&[("copydesk.toml", FIXABLE), ("draft.md", &original)]);
    let bin = env!("CARGO_BIN_EXE_copydesk");
    // `ulimit -f 8`: 4 or 8 KiB, depending on the shell; the draft is 21 KB. SIGXFSZ
    // ignored, so the write fails with an error instead of killing copydesk.
    let o = run_cmd(
        Command::new("sh").args([
            "-c",
            &format!("trap '' XFSZ; ulimit -f 8; exec '{bin}' check --fix --color never draft.md"),
        ]),
        dir.path(),
        In::Null,
        Duration::from_secs(60),
    );
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("draft.md")).unwrap(),
        original,
        "the draft must be exactly as it was"
    );
    assert!(
        leftovers(dir.path()).is_empty(),
        "{:?}",
        leftovers(dir.path())
    );
    let err = stderr(&o);
    assert!(
        err.contains("error: draft.md: fixes not written (cannot write the temporary file:"),
        "{err}"
    );
    assert!(err.contains("the file was left as it is"), "{err}");
    assert!(
        err.contains("fixes could not be written to 1 file"),
        "{err}"
    );
    let out = stdout(&o);
    // The report is about the text in the file: straight quotes, not the fixes.
    assert!(out.contains("She said \"we will win,\""), "{out}");
    assert!(
        !out.contains("“we will win,”"),
        "fixed text shown as if written:\n{out}"
    );
    let summary = out.lines().last().unwrap_or("");
    assert!(
        summary.starts_with("Found 1200 problems (1200 warnings) in 1 of 1 file; fixes could not be written to 1 file;"),
        "{summary}"
    );
    assert!(!summary.contains("of 0 files"), "{summary}");
    assert!(
        summary.contains("fixes could not be written to 1 file"),
        "{summary}"
    );
}

/// `--fix` through a symbolic link writes the file it points to (the link stays), with
/// the file's permissions; it says how many fixes it applied.
#[cfg(unix)]
#[test]
fn fix_writes_through_a_link_to_its_target_keeping_permissions_and_counts() {
    use std::os::unix::fs::PermissionsExt;
    let dir = folder(&[
        ("copydesk.toml", FIXABLE),
        ("desk/story.md", "She said \"we will win,\" and left.\n"),
    ]);
    let target = dir.path().join("desk/story.md");
    std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o640)).unwrap();
    std::os::unix::fs::symlink("desk/story.md", dir.path().join("story.md")).unwrap();
    let o = run(
        dir.path(),
        &["check", "--fix", "--color", "never", "story.md"],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "She said “we will win,” and left.\n"
    );
    let link = std::fs::symlink_metadata(dir.path().join("story.md")).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays a link");
    let mode = std::fs::metadata(&target).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o640);
    assert_eq!(
        stdout(&o),
        "No problems found in 1 file; applied 2 fixes to 1 file.\n"
    );
    assert!(
        stderr(&o).contains(": no problems; applied 2 fixes to 1 file"),
        "{}",
        stderr(&o)
    );
    assert!(leftovers(dir.path()).is_empty());
    assert!(leftovers(&dir.path().join("desk")).is_empty());
}

/// `init` never writes through a symbolic link: a dangling one would create a file where
/// it points, and with `--force` a link to another file would overwrite that file.
#[cfg(unix)]
#[test]
fn init_refuses_symbolic_links() {
    let dir = folder(&[("precious.txt", "Do not overwrite me.\n")]);
    let root = dir.path();
    std::os::unix::fs::symlink(root.join("elsewhere.toml"), root.join("copydesk.toml")).unwrap();
    let o = run(root, &["init"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o)
            .contains("copydesk.toml: it is a symbolic link; copydesk does not write through it"),
        "{}",
        stderr(&o)
    );
    assert!(
        !root.join("elsewhere.toml").exists(),
        "followed the dangling link"
    );
    let o = run(root, &["init", "--force"]);
    assert_eq!(code(&o), 2);
    assert!(!root.join("elsewhere.toml").exists());

    std::os::unix::fs::symlink(root.join("precious.txt"), root.join("linked.toml")).unwrap();
    let o = run(root, &["init", "linked.toml", "--force"]);
    assert_eq!(code(&o), 2, "{}", stderr(&o));
    assert_eq!(
        std::fs::read_to_string(root.join("precious.txt")).unwrap(),
        "Do not overwrite me.\n"
    );

    // A plain file: refused without --force, replaced with it.
    std::fs::write(root.join("plain.toml"), "# mine\n").unwrap();
    let o = run(root, &["init", "plain.toml"]);
    assert_eq!(code(&o), 2);
    assert!(stderr(&o).contains("already exists; pass --force"));
    assert_eq!(
        std::fs::read_to_string(root.join("plain.toml")).unwrap(),
        "# mine\n"
    );
    let o = run(root, &["init", "plain.toml", "--force"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(std::fs::read_to_string(root.join("plain.toml"))
        .unwrap()
        .starts_with("# copydesk configuration."));
    assert!(leftovers(root).is_empty());
}

// ---------------------------------------------------------------------------------------
// 2. File access: regular files only, of bounded size, and say what a path is.

/// A FIFO or a device named on the command line is said to be one (it was "no such file
/// or directory").
#[cfg(unix)]
#[test]
fn fifos_and_devices_on_the_command_line_are_named() {
    let dir = folder(&[("draft.md", "Fine.\n")]);
    let root = dir.path();
    mkfifo(&root.join("pipe.md"));
    let o = run_in(
        root,
        &["check", "pipe.md", "/dev/null"],
        In::Null,
        Duration::from_secs(20),
    );
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("error: pipe.md: is a named pipe (FIFO), not a regular file; to check a stream, pipe it to `copydesk check -`"),
        "{err}"
    );
    assert!(
        err.contains("error: /dev/null: is a character device, not a regular file"),
        "{err}"
    );
    assert!(!err.contains("no such file"), "{err}");
}

/// Actor files are regular files of at most 16 MiB: a FIFO (or `/dev/stdin`, an open pipe)
/// hung `check`, `/dev/zero` was read until memory ran out. Now each is refused at once
/// with an error naming the file.
#[cfg(unix)]
#[test]
fn actor_files_must_be_regular_files_of_bounded_size() {
    let dir = folder(&[("draft.md", "Fine.\n")]);
    let root = dir.path();
    mkfifo(&root.join("actors.toml"));
    for (actor_file, what, shown) in [
        (
            "actors.toml",
            "a named pipe (FIFO)",
            root.join("actors.toml"),
        ),
        ("/dev/zero", "a character device", "/dev/zero".into()),
        // Standard input is a pipe that stays open: reading it would never end.
        ("/dev/stdin", "a named pipe (FIFO)", "/dev/stdin".into()),
    ] {
        std::fs::write(
            root.join("copydesk.toml"),
            format!("[names]\nactor-files = [\"{actor_file}\"]\n"),
        )
        .unwrap();
        let o = run_in(
            root,
            &["check", "draft.md"],
            In::OpenPipe,
            Duration::from_secs(20),
        );
        assert_eq!(code(&o), 2, "{actor_file}: {}", stderr(&o));
        let expected = format!(
            "{}: cannot read actor file: is {what}, not a regular file",
            shown.display()
        );
        assert!(stderr(&o).contains(&expected), "{expected}\n{}", stderr(&o));
    }

    // Too large.
    let big = root.join("big.toml");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len((16 << 20) + 1).unwrap();
    std::fs::write(
        root.join("copydesk.toml"),
        "[names]\nactor-files = [\"big.toml\"]\n",
    )
    .unwrap();
    let o = run(root, &["check", "draft.md"]);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("big.toml: cannot read actor file: is larger than 16 MiB (the limit)"),
        "{}",
        stderr(&o)
    );
}

/// `check -` reads at most 64 MiB (it read without limit).
#[test]
fn standard_input_has_a_limit() {
    let dir = tempfile::tempdir().unwrap();
    let input = vec![b'a'; (64 << 20) + 1];
    let o = run_in(
        dir.path(),
        &["check", "-"],
        In::Bytes(input),
        Duration::from_secs(60),
    );
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains(
            "error: <stdin>: standard input is larger than 64 MiB, the most copydesk reads of one draft"
        ),
        "{}",
        stderr(&o)
    );
}

/// A folder walk does not follow symbolic links, and now says which drafts it passed over
/// (it skipped them silently).
#[cfg(unix)]
#[test]
fn a_folder_walk_names_the_linked_drafts_it_skips() {
    let dir = folder(&[
        ("drafts/a.md", "Fine.\n"),
        ("elsewhere/b.md", "He said “we will win.\n"),
    ]);
    std::os::unix::fs::symlink(
        dir.path().join("elsewhere/b.md"),
        dir.path().join("drafts/b.md"),
    )
    .unwrap();
    let o = run(dir.path(), &["check", "drafts"]);
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("note: drafts/b.md: skipped: a symbolic link"),
        "{}",
        stderr(&o)
    );
    assert_eq!(stdout(&o), "No problems found in 1 file.\n");
    // Named on the command line, it is checked.
    let o = run(dir.path(), &["check", "drafts/b.md"]);
    assert_eq!(code(&o), 1);
}

// ---------------------------------------------------------------------------------------
// 3. Messages that tell the truth.

/// `--diff` showed the diff, then "no problems" and exit 0, while the file still had the
/// problems (only the fixed text had none). Now the summary and the exit code are about
/// the file as it is, and say what `--fix` would do.
#[test]
fn diff_reports_the_file_as_it_is() {
    let text = "She said \"we will win,\" and left.\n";
    let dir = folder(&[("copydesk.toml", FIXABLE), ("d.md", text)]);
    let o = run(dir.path(), &["check", "--diff", "d.md"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert_eq!(
        stdout(&o),
        "--- a/d.md\n+++ b/d.md\n@@ -1 +1 @@\n-She said \"we will win,\" and left.\n+She said “we will win,” and left.\n"
    );
    let err = stderr(&o);
    assert!(
        err.contains(": 2 warnings; --fix would apply 2 fixes to 1 file"),
        "{err}"
    );
    assert!(!err.contains("no problems"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("d.md")).unwrap(),
        text
    );
}

/// `[dates] article-date` that is not YYYY-MM-DD, or not a real day, was silently ignored.
#[test]
fn a_bad_article_date_is_a_config_error_with_its_place() {
    for (date, why) in [
        ("20/03/2023", "is not a date in the form YYYY-MM-DD"),
        ("2023-02-30", "is not a day of the calendar"),
    ] {
        let dir = folder(&[
            (
                "copydesk.toml",
                &format!("[check]\nfail-on = \"error\"\n\n[dates]\narticle-date = \"{date}\"\n"),
            ),
            ("d.md", "Fine.\n"),
        ]);
        let o = run(dir.path(), &["check", "d.md"]);
        assert_eq!(code(&o), 2, "{date}");
        let expected = format!("copydesk.toml:5:16: invalid `article-date`: `{date}` {why}");
        assert!(stderr(&o).contains(&expected), "{expected}\n{}", stderr(&o));
    }
    let dir = folder(&[
        ("copydesk.toml", "[dates]\narticle-date = \"2023-03-20\"\n"),
        ("d.md", "Fine.\n"),
    ]);
    assert_eq!(code(&run(dir.path(), &["check", "d.md"])), 0);
}

/// `--stdin-filename` without `-` checked the current folder and ignored the name.
#[test]
fn stdin_filename_without_dash_is_a_usage_error() {
    let dir = folder(&[("other.md", "He said “we will win.\n")]);
    let o = run(dir.path(), &["check", "--stdin-filename", "x.md"]);
    assert_eq!(code(&o), 2);
    assert_eq!(stdout(&o), "");
    assert!(
        stderr(&o)
            .contains("--stdin-filename names standard input, but `-` is not among the paths"),
        "{}",
        stderr(&o)
    );
}

/// SARIF `uri`s are URIs: spaces, `%` and `:` are percent-encoded (they were copied raw).
#[test]
fn sarif_uris_are_percent_encoded() {
    let dir = folder(&[("desk/10:30 100% news.md", "He said “we will win.\n")]);
    let o = run(dir.path(), &["check", "--format", "sarif", "desk"]);
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let uri =
        &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    assert_eq!(uri, "desk/10%3A30%20100%25%20news.md");
}

// ---------------------------------------------------------------------------------------
// 4. Work bounded by the input.

/// Text output printed each finding's whole source line: a 5 MB one-line paragraph with
/// three findings printed 15 MB. Now it shows a window of the line around each finding.
#[test]
fn text_output_of_a_5_mb_line_stays_small() {
    let filler = "The council met and the budget was discussed at length by everyone. ";
    let half = filler.repeat(2_500_000 / filler.len() + 1);
    let text = format!("He said “we will win. {half}She said “we may. {half}They said “no.\n");
    assert!(text.len() > 5_000_000);
    let dir = folder(&[("line.md", &text)]);
    let o = run_in(
        dir.path(),
        &["check", "--color", "never", "line.md"],
        In::Null,
        Duration::from_secs(120),
    );
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.len() < 2_000, "{} bytes of output", out.len());
    assert!(
        out.ends_with("Found 3 problems (3 warnings) in 1 of 1 file.\n"),
        "{out}"
    );
    // The middle finding: context on both sides, cut with … marks, caret under the mark.
    let lines: Vec<&str> = out.lines().collect();
    let headers: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].starts_with("line.md:1:"))
        .collect();
    assert_eq!(headers.len(), 3, "{out}");
    let at = headers[1];
    let (shown, carets) = (lines[at + 2], lines[at + 3]);
    assert!(
        shown.starts_with("1 | …") && shown.ends_with('…'),
        "{shown}"
    );
    assert!(shown.chars().count() <= 110, "{shown}");
    let caret = carets.find('^').unwrap();
    let column = carets[..caret].chars().count();
    assert_eq!(shown.chars().nth(column), Some('“'), "{shown}\n{carets}");
}
