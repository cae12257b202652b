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
//! its near-miss index), `warm0` … `warm3` (one of `WARM_UP`'s tasks), `all` (all four).

use copydesk_core::names::kb::Kb;

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
        "warm0" | "warm1" | "warm2" | "warm3" => {
            let i = usize::from(what.as_bytes()[4] - b'0');
            copydesk_core::WARM_UP[i]();
        }
        "all" => copydesk_core::WARM_UP.iter().for_each(|task| task()),
        _ => {
            eprintln!("usage: table_costs none|kb|near|warm0|warm1|warm2|warm3|all");
            std::process::exit(2);
        }
    }
}
