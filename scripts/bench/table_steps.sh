#!/usr/bin/env bash
# Median of N runs of `table_costs steps` (each table a first draft builds, timed in turn).
#   cargo build --release -p copydesk-core --example table_costs
#   scripts/bench/table_steps.sh [RUNS] [BINARY]
set -euo pipefail
runs="${1:-9}"
bin="${2:-${CARGO_TARGET_DIR:-target}/release/examples/table_costs}"
for _ in $(seq "$runs"); do "$bin" steps; done | python3 -c '
import sys, statistics
order, times = [], {}
for line in sys.stdin:
    what, ms = line.rstrip("\n").split("\t")
    if what not in times:
        order.append(what)
        times[what] = []
    times[what].append(float(ms))
total = 0.0
for what in order:
    m = statistics.median(times[what])
    total += m
    print(f"{m:8.2f} ms  {what}")
print(f"{total:8.2f} ms  sum of medians")
'
