//! Stable-toolchain fallback for the fuzz targets: runs each target for a time budget on
//! inputs mutated from a seed corpus (the Wikinews drafts, the default config, the
//! fuzz/corpus directories) by a seeded generator. No coverage feedback, so it is weaker
//! than libFuzzer; use it where `cargo fuzz` cannot run.
//!
//! Usage: `cargo run --release --no-default-features --bin budget -- SECONDS [TARGET...]`

use std::panic;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

type Target = fn(&[u8]);

const TARGETS: &[(&str, Target)] = &[
    ("analysis", copydesk_fuzz::analysis),
    ("markdown_map", copydesk_fuzz::markdown_map),
    ("config", copydesk_fuzz::config),
    ("lsp_edits", copydesk_fuzz::lsp_edits),
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

/// Snippets that matter to the analysis, spliced into inputs.
const TOKENS: &[&str] = &[
    "\"",
    "“",
    "”",
    "‘",
    "’",
    "«",
    "»",
    "'",
    "`",
    "```\n",
    "\n",
    "\r\n",
    "\r",
    "> ",
    "- ",
    "1. ",
    "# ",
    "---\n",
    "+++\n",
    "date: 2019-03-20\n",
    "*",
    "_",
    "**",
    "[",
    "](",
    ")",
    "<!--",
    "-->",
    "<!-- copydesk-disable -->",
    "&amp;",
    "&#x201C;",
    "\\",
    "|",
    " | ",
    "\0",
    "é",
    "😀",
    "日本",
    "\u{FFFC}",
    "said",
    "Monday",
    "yesterday",
    "last week",
    "Zelensky",
    "Kyiv",
    "Mr.",
    "  \n",
    "=",
    "[rules]\n",
    "\"quote.unbalanced\" = \"error\"\n",
    "[names]\nprefer = [\"Kyiv\"]\n",
    "{",
    "}",
    ":",
    ",",
    "null",
    "[[",
    "]]",
];

fn mutate(rng: &mut Rng, seeds: &[Vec<u8>], out: &mut Vec<u8>) {
    out.clear();
    if !seeds.is_empty() && rng.below(4) != 0 {
        let seed = &seeds[rng.below(seeds.len())];
        // A window of a seed, so large drafts do not dominate the run time.
        let start = rng.below(seed.len());
        let len = rng.below(4096).min(seed.len() - start);
        out.extend_from_slice(&seed[start..start + len]);
    }
    for _ in 0..=rng.below(16) {
        let at = rng.below(out.len() + 1);
        match rng.below(5) {
            0 => {
                let tok = TOKENS[rng.below(TOKENS.len())].as_bytes();
                let n = 1 + rng.below(3) * rng.below(50);
                let mut ins = Vec::new();
                for _ in 0..n {
                    ins.extend_from_slice(tok);
                }
                out.splice(at..at, ins);
            }
            1 => {
                let end = (at + rng.below(32)).min(out.len());
                out.drain(at..end);
            }
            2 => out.insert(at, rng.next() as u8),
            3 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] = rng.next() as u8;
            }
            _ => {
                // Duplicate a slice (nesting, repetition).
                let end = (at + rng.below(64)).min(out.len());
                let piece = out[at..end].to_vec();
                out.splice(at..at, piece);
            }
        }
    }
}

fn read_seeds(dirs: &[PathBuf]) -> Vec<Vec<u8>> {
    let mut seeds = Vec::new();
    for dir in dirs {
        if let Ok(entries) = std::fs::read_dir(dir) {
            for e in entries.flatten() {
                if let Ok(bytes) = std::fs::read(e.path()) {
                    seeds.push(bytes);
                }
            }
        }
    }
    seeds
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let wanted: Vec<String> = args.collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed_value: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(0x9e37_79b9_7f4a_7c15);
    panic::set_hook(Box::new(|_| {}));
    let mut failed = false;
    for (name, target) in TARGETS {
        if !wanted.is_empty() && !wanted.iter().any(|w| w == name) {
            continue;
        }
        let mut dirs = vec![root.join("corpus").join(name)];
        if matches!(*name, "analysis" | "markdown_map") {
            dirs.push(root.join("../tests/corpus/wikinews-2019"));
        }
        let mut seeds = read_seeds(&dirs);
        if *name == "config" {
            seeds.push(copydesk::analysis::config::DEFAULT_TOML.as_bytes().to_vec());
        }
        let mut rng = Rng(seed_value ^ name.len() as u64);
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let mut execs: u64 = 0;
        let mut crashes = 0;
        let mut input = Vec::new();
        while Instant::now() < deadline {
            mutate(&mut rng, &seeds, &mut input);
            execs += 1;
            let data = input.clone();
            if panic::catch_unwind(|| target(&data)).is_err() {
                crashes += 1;
                let dir = root.join("artifacts").join(name);
                let _ = std::fs::create_dir_all(&dir);
                let path = dir.join(format!("crash-budget-{execs}"));
                let _ = std::fs::write(&path, &input);
                if crashes <= 3 {
                    let _ = panic::take_hook();
                    let _ = panic::catch_unwind(|| target(&data));
                    panic::set_hook(Box::new(|_| {}));
                    eprintln!("{name}: crash saved to {}", path.display());
                }
            }
        }
        println!("{name}: {execs} executions in {seconds} s, {crashes} crashes");
        failed |= crashes > 0;
    }
    std::process::exit(i32::from(failed));
}
