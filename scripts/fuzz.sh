#!/usr/bin/env bash
# Run every copydesk fuzz target for a fixed budget and report executions and crashes.
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default 60 s, all targets)
#
# Uses cargo-fuzz (libFuzzer) on the stable toolchain through RUSTC_BOOTSTRAP=1, since no
# nightly is available here; install it with `cargo install cargo-fuzz --locked`. Without
# cargo-fuzz it falls back to the stable driver `fuzz/src/bin/budget.rs` (no coverage
# feedback). Seeds: the Wikinews corpus for the text targets, the default config for the
# config target. Crashes are kept in fuzz/artifacts/<target>/; turn each into a regression
# test beside the code. Exits non-zero if any target crashed.
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(analysis markdown_map config lsp_edits)
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$PWD/target}"
corpus_src="tests/corpus/wikinews-2019"

if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "cargo-fuzz not found: using the stable fallback driver (no coverage feedback)" >&2
  cd fuzz
  exec cargo run --quiet --release --no-default-features --bin budget -- "$secs" "${targets[@]}"
fi

export RUSTC_BOOTSTRAP=1
cd fuzz
cargo fuzz build -O >/dev/null 2>&1
status=0
printf '%-14s %12s %10s %8s\n' target executions exec/s crashes
for t in "${targets[@]}"; do
  mkdir -p "corpus/$t" "artifacts/$t"
  if [ -d "../$corpus_src" ] && [ "$t" = analysis -o "$t" = markdown_map ] && [ -z "$(ls -A "corpus/$t")" ]; then
    cp "../$corpus_src"/*.md "corpus/$t/"
  fi
  if [ "$t" = config ] && [ ! -e corpus/config/default.toml ]; then
    cp ../src/analysis/default_config.toml corpus/config/default.toml
  fi
  before=$(ls "artifacts/$t" | wc -l)
  log="artifacts/$t.log"
  # -rss_limit_mb bounds memory; -timeout flags a single input that runs over 10 s as a hang.
  cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -rss_limit_mb=4096 -timeout=10 \
    -max_len=65536 -print_final_stats=1 >"$log" 2>&1 || true
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  after=$(ls "artifacts/$t" | wc -l)
  crashes=$((after - before))
  printf '%-14s %12s %10s %8s\n' "$t" "${runs:-?}" "${rate:-?}" "$crashes"
  if [ "$crashes" -gt 0 ] || grep -q 'ERROR: libFuzzer\|panicked at' "$log"; then
    grep -m3 'panicked at\|ERROR: libFuzzer' "$log" | sed 's/^/    /'
    status=1
  fi
done
exit $status
