#!/usr/bin/env bash
# Compare copydesk with its peers, measured in the same run on the same files, and print
# Markdown tables (paste into BENCHMARKS.md).
#
#   scripts/peers/compare.sh [PREFIX]     (peers installed by scripts/peers/install.sh)
#
# Environment: WRITEGOOD_10MB=1 / PROSELINT_10MB=1 (also run the slow peers on 10 MB),
# TYPOS_ONLY=1 (only the same-run comparison with typos, then stop), TYPOS_SIZES (MB, default
# "1 10 50"), TYPOS_TRIES (runs of each tool per size, alternating, default 3),
# QUICK=1 (one LSP session per figure instead of three), EDITS (LSP
# keystrokes per session, default 30), KEEP=1 (keep the work folder).
#
# Files are made from tests/corpus/wikinews-2019 in a temporary folder with a
# copydesk.toml that turns every rule on (opt-in ones too):
#   news_1mb.md / news_10mb.md  the corpus concatenated (CLI throughput)
#   plain/news_<N>mb.md         the same at TYPOS_SIZES, in a folder without copydesk.toml
#                               (default rules): the same-run comparison with typos
#   draft_1k.md / draft_10k.md  drafts of ~1,000 and ~10,000 words (LSP latency)
# CLI figures: wall time and peak RSS (GNU time), best of 3 for fast tools. LSP figures:
# an LSP latency probe named by $LSP_LATENCY (a Python script taking the server command and a
# draft, as described in BENCHMARKS.md), median of 3 sessions; without it the LSP part is skipped
# and `cargo bench --bench lsp_latency` gives copydesk's own figures.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$repo"
prefix="${1:-${COPYDESK_PEERS:-$HOME/.cache/copydesk-peers}}"
latency="${LSP_LATENCY:-}"
corpus="$repo/tests/corpus/wikinews-2019"
edits="${EDITS:-30}"
repeat=3
[ "${QUICK:-0}" = 1 ] && repeat=1
target="${CARGO_TARGET_DIR:-$repo/target}"

cargo build --release --quiet
cd_bin="$target/release/copydesk"
proselint="$prefix/proselint-venv/bin/proselint"
writegood="$prefix/writegood/node_modules/.bin/write-good"
typos="$prefix/typos-venv/bin/typos"
harper="$prefix/harper/bin/harper-ls"

work="$(mktemp -d)"
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$work"' EXIT

python3 - "$corpus" "$work" "${TYPOS_SIZES:-1 10 50}" <<'PY'
import glob, os, sys
corpus, work, typos_sizes = sys.argv[1], sys.argv[2], sys.argv[3].split()
arts = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(os.path.join(corpus, "*.md")))]
def concat(n):
    out, size, i = [], 0, 0
    while size < n:
        a = arts[i % len(arts)]; out.append(a); size += len(a.encode()) + 2; i += 1
    return "\n\n".join(out)
def body(a):
    return a.split("\n---\n", 1)[1] if a.startswith("---\n") and "\n---\n" in a else a
def draft(words):
    head = arts[0]
    out, n, i = [head], len(head.split()), 1
    while n < words:
        b = body(arts[i % len(arts)]); out.append(b); n += len(b.split()); i += 1
    return "\n\n".join(out)
open(os.path.join(work, "news_1mb.md"), "w").write(concat(1_000_000))
open(os.path.join(work, "news_10mb.md"), "w").write(concat(10_000_000))
open(os.path.join(work, "draft_1k.md"), "w").write(draft(1_000))
open(os.path.join(work, "draft_10k.md"), "w").write(draft(10_000))
os.makedirs(os.path.join(work, "plain"), exist_ok=True)
for mb in typos_sizes:
    open(os.path.join(work, "plain", f"news_{mb}mb.md"), "w").write(concat(int(mb) * 1_000_000))
PY
"$cd_bin" rules --format json | python3 -c '
import json, sys
rules = json.load(sys.stdin)
rules = rules.get("rules", rules) if isinstance(rules, dict) else rules
print("[rules]")
for r in rules:
    print("\"%s\" = \"%s\"" % (r["id"], r.get("default_severity") or r.get("severity") or "warning"))
' > "$work/copydesk.toml"

# --- Same run: typos and copydesk check on the same files ------------------------------
# Each size: the two tools alternately, TYPOS_TRIES times each; the median run's CPU
# (user + system), wall time and peak RSS, and CPU seconds per MB; then how flat each is
# (CPU per MB at the largest size over that at the smallest: issue 21 asks within 20%).
if [ -x "$typos" ]; then
  echo "### Same run: typos against copydesk check (default rules), CPU per MB"
  echo
  echo "typos: $("$typos" --version). Median of ${TYPOS_TRIES:-3} alternating runs each."
  echo
  python3 - "$work/plain" "${TYPOS_TRIES:-3}" "${TYPOS_SIZES:-1 10 50}" "$cd_bin" "$typos" <<'PY'
import os, subprocess, sys, statistics
folder, tries, sizes, cd_bin, typos = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4], sys.argv[5]
tools = {
    "copydesk check": lambda f: [cd_bin, "check", "--format", "json", "--no-progress", f],
    "typos": lambda f: [typos, "--format", "json", f],
}
def once(cmd):
    out = os.path.join(folder, "time.txt")
    subprocess.run(["/usr/bin/time", "-f", "%e %U %S %M", "-o", out] + cmd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder)
    wall, user, sys_, kb = open(out).read().split()[-4:]
    return float(user) + float(sys_), float(wall), int(kb) / 1024
print("| tool | file | CPU (user + sys) | wall | peak RSS | CPU s per MB |")
print("|---|---|---:|---:|---:|---:|")
per_mb = {t: {} for t in tools}
for mb in sizes:
    f = os.path.join(folder, f"news_{mb}mb.md")
    size = os.path.getsize(f) / 1e6
    runs = {t: [] for t in tools}
    for _ in range(tries):
        for t, cmd in tools.items():
            runs[t].append(once(cmd(f)))
    for t in tools:
        cpu, wall, rss = sorted(runs[t])[len(runs[t]) // 2]
        per_mb[t][mb] = cpu / size
        print(f"| {t} | news_{mb}mb.md | {cpu:.2f} s | {wall:.2f} s | {rss:.0f} MB | {cpu / size:.3f} |")
print()
lo, hi = sizes[0], sizes[-1]
for t in tools:
    a, b = per_mb[t][lo], per_mb[t][hi]
    print(f"- {t}: CPU per MB at {hi} MB / at {lo} MB = {b / a:.2f} (flat within 20%: {'yes' if b / a <= 1.2 else 'no'})")
for mb in sizes:
    print(f"- {mb} MB: copydesk's CPU / typos' = {per_mb['copydesk check'][mb] / per_mb['typos'][mb]:.1f}")
PY
  echo
else
  echo "(typos not installed under $prefix: run scripts/peers/install.sh)"
fi
[ "${TYPOS_ONLY:-0}" = 1 ] && exit 0

# --- CLI throughput -------------------------------------------------------------------
# run NAME FILE TRIES CMD...: prints "seconds peak_kb" of the best try.
measure() {
  local tries="$1"; shift
  local best="" bestkb=""
  for _ in $(seq "$tries"); do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || true
    read -r s kb < <(tail -n 1 "$work/time")
    if [ -z "$best" ] || python3 -c "import sys; sys.exit(0 if $s < $best else 1)"; then
      best="$s"; bestkb="$kb"
    fi
  done
  echo "$best $bestkb"
}
row() { # tool file tries cmd...
  local tool="$1" file="$2" tries="$3"; shift 3
  local bytes; bytes=$(stat -c %s "$work/$file")
  read -r s kb < <(measure "$tries" "$@")
  python3 -c "
s=float('$s'); mb=$bytes/1e6
print(f'| $tool | $file | {s:.2f} s | {mb/s if s>0 else float(\"inf\"):.2f} MB/s | {int(\"$kb\")//1024} MB |')"
}
printf '{"max_errors": 100000000}\n' > "$work/proselintrc.json"
echo "### Command-line throughput (same files, same run)"
echo
echo "| tool | file | wall time | throughput | peak RSS |"
echo "|---|---|---|---|---|"
cd "$work"
for f in news_1mb.md news_10mb.md; do
  row "copydesk check (all rules)" "$f" 3 "$cd_bin" check --format json --no-progress "$f"
done
if [ -x "$writegood" ]; then
  row "write-good" news_1mb.md 1 "$writegood" news_1mb.md
  # 10 MB takes write-good about 13 minutes here: opt in.
  [ "${WRITEGOOD_10MB:-0}" = 1 ] && row "write-good" news_10mb.md 1 "$writegood" news_10mb.md
fi
if [ -x "$proselint" ]; then
  row "proselint" news_1mb.md 1 "$proselint" check --config "$work/proselintrc.json" news_1mb.md
  [ "${PROSELINT_10MB:-0}" = 1 ] && row "proselint" news_10mb.md 1 "$proselint" check --config "$work/proselintrc.json" news_10mb.md
fi
cd "$repo"
echo

# --- LSP ------------------------------------------------------------------------------
lsp_row() { # name file settings cmd...
  local name="$1" file="$2" settings="$3"; shift 3
  python3 "$latency" --edits "$edits" --repeat "$repeat" --settings "$settings" \
    --json "$work/lsp.json" "$work/$file" -- "$@" >/dev/null 2>&1 || true
  python3 - "$work/lsp.json" "$name" "$file" <<'PY'
import json, sys
try:
    m = json.load(open(sys.argv[1]))["median"]
except Exception:
    print(f"| {sys.argv[2]} | {sys.argv[3]} | failed | | | | |"); sys.exit()
f = lambda k, d=1: "-" if m.get(k) is None or m[k] != m[k] else f"{m[k]:.{d}f}"
print(f"| {sys.argv[2]} | {sys.argv[3]} | {f('init_rtt_ms')} ms | {f('first_diag_ms')} ms | "
      f"{f('edit_p50_ms')} / {f('edit_p95_ms')} ms | {f('hover_p50_ms')} ms | {f('peak_rss_mb', 0)} MB |")
PY
  rm -f "$work/lsp.json"
}
if [ -z "$latency" ] || [ ! -f "$latency" ]; then
  echo "(no LSP latency probe: set LSP_LATENCY to one to compare servers; copydesk alone: cargo bench --bench lsp_latency)"
  exit 0
fi
echo "### Language servers (lsp_latency.py, median of $repeat sessions, $edits keystrokes each)"
echo
echo "| server | draft | initialize | open → first diagnostics | keystroke → diagnostics p50 / p95 | hover p50 | peak RSS |"
echo "|---|---|---|---|---|---|---|"
for f in draft_1k.md draft_10k.md; do
  lsp_row "copydesk lsp (all rules)" "$f" null "$cd_bin" lsp
  if [ -x "$harper" ]; then
    lsp_row "harper-ls" "$f" '{"maxFileLength": 100000000}' "$harper" --stdio
  fi
done
[ -x "$harper" ] || echo "(harper-ls not installed under $prefix: run scripts/peers/install.sh)"
echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -g | awk '/Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
