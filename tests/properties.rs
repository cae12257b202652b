//! Property tests of the analysis core and `copydesk check --fix`, on generated news-like
//! Markdown: quotes (straight, curly, guillemets, single), apostrophes, names, dates,
//! multi-byte text, CRLF, code spans, emphasis, lists, block quotes and front matter.
//!
//! Every rule is on (opt-in ones too) and an article date is set, so the date rules work.

use copydesk::analysis::config::Level;
use copydesk::analysis::fix::{apply_edits, safe_fix_edits};
use copydesk::analysis::{analyze, rules, Config, Diagnostic, Document, Edit};
use proptest::prelude::*;
use std::io::Write;
use std::ops::Range;
use std::process::{Command, Stdio};

/// The bounded fix loop of `copydesk check --fix` (src/cli/check.rs: FIX_ROUNDS).
const FIX_ROUNDS: usize = 4;

fn all_rules() -> Config {
    let mut config = Config::default();
    for rule in rules::all() {
        let meta = rule.meta();
        config.set_level(meta.id, Level::On(meta.default_severity));
    }
    config.dates.article_date = Some("2019-03-20".into());
    config
}

/// The same configuration as a file, for the binary.
fn all_rules_toml() -> String {
    let mut s = String::from("[rules]\n");
    for rule in rules::all() {
        let meta = rule.meta();
        s.push_str(&format!(
            "\"{}\" = \"{}\"\n",
            meta.id,
            meta.default_severity.as_str()
        ));
    }
    s
}

const WORDS: &[&str] = &[
    "the",
    "council",
    "said",
    "told",
    "reporters",
    "on",
    "Monday",
    "yesterday",
    "last week",
    "March 20",
    "2019-03-20",
    "recently",
    "soon",
    "Tuesday, March 19",
    "in 2018",
    "budget",
    "Volodymyr Zelensky",
    "Zelensky",
    "Zelenskyy",
    "Zelenskiy",
    "Kyiv",
    "Kiev",
    "Київ",
    "Nancy Pelosi",
    "Pelosi",
    "Mr. Smith",
    "O'Brien",
    "O’Brien",
    "Müller",
    "François",
    "日本",
    "Beijing",
    "😀",
    "don't",
    "don’t",
    "it's",
    "it’s",
    "the '90s",
    "the ’90s",
    "rock 'n' roll",
    "5'10\"",
    "`code`",
    "`a \"b\"`",
    "*emphasis*",
    "**strong**",
    "_x_",
    "[link](https://e.x/\"q\")",
    "&amp;",
    "&#8220;",
    "\\\"",
    "according to",
    "officials",
    "a spokesperson",
    "announced",
    "—",
    "...",
    "…",
    "42%",
    "$3.5 million",
    "U.S.",
    "e.g.",
    "<!-- copydesk-disable-next-line -->",
];

const MARKS: &[&str] = &["\"", "“", "”", "‘", "’", "«", "»", "'", "„", "‹", "›"];

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(WORDS).prop_map(str::to_string),
        2 => prop::sample::select(MARKS).prop_map(str::to_string),
        // A quotation: opening mark, words, closing mark (either may be missing or wrong).
        2 => (
            prop::sample::select(MARKS),
            prop::collection::vec(prop::sample::select(WORDS), 1..8),
            prop::sample::select(MARKS),
            any::<bool>(),
        )
            .prop_map(|(open, words, close, closed)| {
                let inner = words.join(" ");
                if closed {
                    format!("{open}{inner},{close}")
                } else {
                    format!("{open}{inner}")
                }
            }),
    ]
}

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..16),
        prop::sample::select(&[".", ".", "?", "!", ":", ""][..]),
    )
        .prop_map(|(w, end)| format!("{}{end}", w.join(" ")))
}

fn block() -> impl Strategy<Value = String> {
    let para = prop::collection::vec(sentence(), 1..5);
    (
        para,
        0..8u8,
        any::<bool>(),
        1..4usize, // nesting depth for lists and quotes
    )
        .prop_map(|(sentences, kind, soft_breaks, depth)| {
            let sep = if soft_breaks { "\n" } else { " " };
            let text = sentences.join(sep);
            match kind {
                0 => format!("# {}", sentences[0]),
                1 => format!("{}- {}", "  ".repeat(depth - 1), text),
                2 => format!("{}{}", "> ".repeat(depth), text.replace('\n', "\n> ")),
                3 => format!("```\n{text}\n```"),
                4 => format!(
                    "| a | b |\n|---|---|\n| {} | x |",
                    sentences[0].replace('|', "/")
                ),
                _ => text,
            }
        })
}

fn draft() -> impl Strategy<Value = String> {
    (
        prop::option::of(prop::sample::select(
            &[
                "---\ntitle: Council budget\ndate: 2019-03-20\n---\n\n",
                "+++\ntitle = \"x\"\ndate = 2019-03-20\n+++\n\n",
                "---\ndate: not a date\n---\n\n",
            ][..],
        )),
        prop::collection::vec(block(), 1..8),
        any::<bool>(),
    )
        .prop_map(|(fm, blocks, crlf)| {
            let mut s = fm.unwrap_or("").to_string();
            s.push_str(&blocks.join("\n\n"));
            s.push('\n');
            if crlf {
                s = s.replace('\n', "\r\n");
            }
            s
        })
}

fn on_boundaries(text: &str, r: &Range<usize>) -> bool {
    r.start <= r.end
        && r.end <= text.len()
        && text.is_char_boundary(r.start)
        && text.is_char_boundary(r.end)
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

fn assert_disjoint(edits: &[Edit], what: &str) -> Result<(), TestCaseError> {
    for (i, a) in edits.iter().enumerate() {
        for b in &edits[..i] {
            prop_assert!(!overlap(&a.range, &b.range), "{what}: {a:?} overlaps {b:?}");
        }
    }
    Ok(())
}

/// The fix loop of the CLI: apply safe fixes, re-analyse, until nothing changes (bounded).
/// Returns the text and how many rounds changed it.
fn fix_loop(text: &str, config: &Config, rounds: usize) -> (String, Vec<Diagnostic>, usize) {
    let mut text = text.to_string();
    let mut diags = analyze(&Document::parse(text.as_str()), config);
    let mut changed = 0;
    for _ in 0..rounds {
        let edits = safe_fix_edits(&diags);
        let (new_text, _) = apply_edits(&text, &edits);
        if new_text == text {
            break;
        }
        changed += 1;
        text = new_text;
        diags = analyze(&Document::parse(text.as_str()), config);
    }
    (text, diags, changed)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Every diagnostic range, related range and fix edit lies inside the document, on
    /// character boundaries.
    #[test]
    fn ranges_lie_on_char_boundaries(text in draft()) {
        let config = all_rules();
        let diags = analyze(&Document::parse(text.as_str()), &config);
        for d in &diags {
            prop_assert!(on_boundaries(&text, &d.range), "{}: {:?}", d.rule, d.range);
            for r in &d.related {
                prop_assert!(on_boundaries(&text, &r.range), "{} related: {:?}", d.rule, r.range);
            }
            for f in &d.fixes {
                for e in &f.edits {
                    prop_assert!(on_boundaries(&text, &e.range), "{} fix: {:?}", d.rule, e.range);
                }
            }
        }
    }

    /// The edits of one fix never overlap; the safe edits chosen across all diagnostics
    /// never overlap and all apply.
    #[test]
    fn fixes_never_overlap(text in draft()) {
        let config = all_rules();
        let diags = analyze(&Document::parse(text.as_str()), &config);
        for d in &diags {
            for f in &d.fixes {
                assert_disjoint(&f.edits, d.rule)?;
            }
        }
        let edits = safe_fix_edits(&diags);
        assert_disjoint(&edits, "safe_fix_edits")?;
        let (_, skipped) = apply_edits(&text, &edits);
        prop_assert!(skipped.is_empty(), "skipped: {skipped:?}");
    }

    /// Fixing converges within the CLI's bounded loop, and once converged, applying the
    /// safe fixes again changes nothing.
    #[test]
    fn safe_fixes_are_idempotent(text in draft()) {
        let config = all_rules();
        let (fixed, diags, _) = fix_loop(&text, &config, FIX_ROUNDS);
        let again = apply_edits(&fixed, &safe_fix_edits(&diags)).0;
        prop_assert_eq!(&again, &fixed, "a further round still changes the text");
        // Fixes only ever touch what they flag: the words survive.
        let words = |s: &str| s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).count();
        prop_assert_eq!(words(&fixed), words(&text));
    }
}

fn copydesk(args: &[&str], dir: &std::path::Path, stdin: &str) -> (String, i32) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn copydesk");
    let mut input = child.stdin.take().expect("stdin");
    let owned = stdin.to_string();
    let writer = std::thread::spawn(move || input.write_all(owned.as_bytes()));
    let out = child.wait_with_output().expect("wait");
    writer.join().expect("writer").expect("write stdin");
    (
        String::from_utf8(out.stdout).expect("utf-8 output"),
        out.status.code().unwrap_or(-1),
    )
}

proptest! {
    // Each case spawns the binary twice: fewer cases.
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// `copydesk check --fix -` prints the fixed draft; checking that output again finds
    /// no safe fix left.
    #[test]
    fn check_fix_output_has_no_safe_fixes_left(text in draft()) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("copydesk.toml"), all_rules_toml()).expect("config");
        let (fixed, code) = copydesk(&["check", "--fix", "--date", "2019-03-20", "-"], dir.path(), &text);
        prop_assert!(code == 0 || code == 1, "exit {code}");
        let (json, code) =
            copydesk(&["check", "--format", "json", "--date", "2019-03-20", "-"], dir.path(), &fixed);
        prop_assert!(code == 0 || code == 1, "exit {code}");
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let diags = v["files"][0]["diagnostics"].as_array().expect("diagnostics").clone();
        for d in diags {
            let safe = d["fixes"].as_array().is_some_and(|f| f.iter().any(|f| f["safe"] == true));
            prop_assert!(!safe, "safe fix left after --fix: {d}");
        }
        // And the library agrees with the binary on what --fix produces.
        let (lib_fixed, _, _) = fix_loop(&text, &all_rules(), FIX_ROUNDS);
        prop_assert_eq!(lib_fixed, fixed);
    }
}
