//! Builds one of the tables a process builds on its first draft, once, and exits: run it under
//! `perf stat -e task-clock` (or GNU time) to see what that table costs in CPU, one process
//! each, as the first draft pays it (cold caches and allocator included).
//!
//! ```sh
//! cargo build --release -p copydesk-core --example table_costs
//! perf stat -r 10 -e task-clock target/release/examples/table_costs kb
//! ```
//!
//! `none` (process start only), `kb` (the knowledge base: names and matcher), `near` (it and
//! its near-miss index), `warm0` … `warm4` (one of `WARM_UP`'s tasks), `all` (all five),
//! `first-second FILE [warm]` (FILE analysed twice, after the warm-up with `warm`).
//!
//! `steps` builds every table in turn in one process and prints what each took (wall ms, one
//! line each): the knowledge base, the dictionary, the time patterns, the quote lexicon, the
//! analysis stages of a first paragraph, then each rule (opt-in ones too) alone on its own
//! example, which is what compiling that rule's patterns costs. Run it a few times and take
//! medians (`scripts/bench/table_steps.sh`): one process pays each table once.

use copydesk_core::config::Level;
use copydesk_core::names::kb::Kb;
use copydesk_core::{Config, Context, Document};
use std::time::Instant;

/// Each table built in turn, timed.
fn steps() {
    let mut last = Instant::now();
    let mut lap = |what: &str| {
        let now = Instant::now();
        println!("{what}\t{:.3}", (now - last).as_secs_f64() * 1e3);
        last = now;
    };
    copydesk_core::WARM_UP[0]();
    lap("kb");
    copydesk_core::WARM_UP[1]();
    lap("dictionary");
    copydesk_core::WARM_UP[2]();
    lap("time patterns (one sentence's)");
    std::hint::black_box(copydesk_core::quotes::lexicon::LEXICON.cues.len());
    lap("quote lexicon");
    let doc = Document::parse(
        "Prime Minister Jane Doe said on Monday that the council “will vote next week”, according to officials.\n",
    );
    let config = Config::default();
    let cx = Context::new(&doc, &config);
    std::hint::black_box(cx.quotes().len());
    lap("stage: quotes");
    std::hint::black_box(cx.names().mentions.len());
    lap("stage: names");
    std::hint::black_box(cx.time_expressions().len());
    lap("stage: time expressions");
    std::hint::black_box(cx.attributions().len());
    lap("stage: attributions");
    let rules = copydesk_core::rules::all();
    for rule in rules {
        let mut config = Config::default();
        for other in rules {
            config.set_level(other.meta().id, Level::Off);
        }
        config.set_level(rule.meta().id, Level::On(rule.meta().default_severity));
        let doc = Document::parse(rule.meta().wrong);
        std::hint::black_box(copydesk_core::analyze(&doc, &config).len());
        lap(&format!("rule {}", rule.meta().id));
    }
}

/// `first-second FILE [warm]`: the analysis of FILE (default rules) timed twice in one
/// process, after `WARM_UP` when `warm` is given: what the first draft pays for tables that
/// the warm-up did not build is the difference.
fn first_second() {
    let mut args = std::env::args().skip(2);
    let Some(path) = args.next() else {
        eprintln!("usage: table_costs first-second FILE [warm]");
        std::process::exit(2);
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("cannot read {path}");
        std::process::exit(2);
    };
    let t = Instant::now();
    if args.next().as_deref() == Some("warm") {
        copydesk_core::WARM_UP.iter().for_each(|task| task());
    }
    println!("warm-up\t{:.3}", t.elapsed().as_secs_f64() * 1e3);
    let config = Config::default();
    for run in ["first", "second"] {
        let t = Instant::now();
        let doc = Document::parse(&text);
        std::hint::black_box(copydesk_core::analyze(&doc, &config).len());
        println!("{run}\t{:.3}", t.elapsed().as_secs_f64() * 1e3);
    }
}

fn main() {
    let what = std::env::args().nth(1).unwrap_or_default();
    match what.as_str() {
        "none" => {}
        "kb" => {
            std::hint::black_box(Kb::load_uncached().map(|kb| kb.actors.len()).ok());
        }
        "near" => {
            if let Ok(kb) = Kb::load_uncached() {
                std::hint::black_box(kb.near().places.len());
            }
        }
        "warm0" | "warm1" | "warm2" | "warm3" | "warm4" => {
            let i = usize::from(what.as_bytes()[4] - b'0');
            copydesk_core::WARM_UP[i]();
        }
        "all" => copydesk_core::WARM_UP.iter().for_each(|task| task()),
        "steps" => steps(),
        "first-second" => first_second(),
        "time-regexes" => {
            // Each time pattern's regex, compiled in turn (what a draft whose words call for
            // all of them pays).
            let mut last = Instant::now();
            for (name, re) in copydesk_core::time::recognizer::pattern_regexes() {
                std::hint::black_box(re);
                let now = Instant::now();
                println!("time {name}\t{:.3}", (now - last).as_secs_f64() * 1e3);
                last = now;
            }
        }
        _ => {
            eprintln!(
                "usage: table_costs none|kb|near|warm0|warm1|warm2|warm3|all|steps|time-regexes|first-second FILE [warm]"
            );
            std::process::exit(2);
        }
    }
}
