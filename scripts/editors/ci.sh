#!/usr/bin/env bash
# scripts/editors/ci.sh -- build and test the editor integrations (called by .ci/run).
#
#   1. VS Code extension: npm ci, compile, lint (tsc strict + eslint), package the .vsix offline,
#      package this machine's platform .vsix with the server inside (package-vsix.sh, bundling the
#      server below rather than a release build, to keep CI short), check and unpack it
#      (check-vsix.py), Node tests (settings/binary-resolution units, the real server over
#      JSON-RPC, and the unpacked package's own server started with nothing on PATH).
#   2. Neovim: install Neovim 0.11 into .tools/nvim if absent, run tests/editors/nvim_test.sh.
#   3. Emacs: install Debian's emacs-nox + elpa-eglot if absent (root), run tests/editors/emacs_test.sh
#      on the Emacs snippet of docs/editors.md (skipped, not failed, if Emacs can't be had).
#
# The server is target/debug/copydesk (or $COPYDESK_BIN); `cargo build` runs only if it is missing.
# Runs every step even after a failure, exits non-zero if any failed, and ends with
# `editors: N passed, M failed[, K skipped]` (test cases and build/lint/package steps; skips are
# checks of rules the server does not list yet, known server issues, or Emacs being unavailable).
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo" || exit 1

passed=0 failed=0 skipped=0
failures=()
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

pass() { passed=$((passed + ${2:-1})); echo "editors: ok   $1"; }
fail() { failed=$((failed + ${2:-1})); failures+=("$1"); echo "editors: FAIL $1"; }

# step NAME CMD... -- run a build/lint step as one check; show its output only when it fails.
step() {
  local name=$1; shift
  local log
  log="$log_dir/$(echo "$name" | tr -c 'a-zA-Z0-9' _).log"
  if "$@" >"$log" 2>&1; then
    pass "$name"
  else
    fail "$name"
    tail -n 60 "$log" | sed 's/^/    /'
  fi
}

# --- the server --------------------------------------------------------------------------
target_dir=${CARGO_TARGET_DIR:-$repo/target}
bin=${COPYDESK_BIN:-$target_dir/debug/copydesk}
case "$bin" in /*) ;; *) bin=$repo/$bin ;; esac
if [ ! -x "$bin" ] && [ -z "${COPYDESK_BIN:-}" ]; then
  step "cargo build (server binary was missing)" cargo build --bin copydesk
fi
if [ -x "$bin" ]; then
  echo "editors: server $bin"
else
  fail "server binary at $bin"
fi
export COPYDESK_BIN=$bin

# --- documentation snippets (no server needed) -------------------------------------------
snip_log=$log_dir/snippets.log
python3 "$repo/tests/editors/snippets_test.py" >"$snip_log" 2>&1
snip_rc=$?
snip_pass=$(grep -c '^PASS ' "$snip_log")
snip_fail=$(grep -c '^FAIL ' "$snip_log")
if [ "$snip_rc" -ne 0 ] && [ "$snip_fail" -eq 0 ]; then snip_fail=1; fi
grep -E '^(FAIL|SKIP) ' "$snip_log" | sed 's/^/    /' || true
skipped=$((skipped + $(grep -c '^SKIP ' "$snip_log")))
[ "$snip_fail" -gt 0 ] && tail -n 20 "$snip_log" | sed 's/^/    /'
[ "$snip_pass" -gt 0 ] && pass "snippets: tests/editors/snippets_test.py ($snip_pass checks)" "$snip_pass"
[ "$snip_fail" -gt 0 ] && fail "snippets: tests/editors/snippets_test.py ($snip_fail failed)" "$snip_fail"

# --- VS Code -----------------------------------------------------------------------------
vsc=$repo/editors/vscode
step "vscode: npm ci" npm --prefix "$vsc" ci --no-audit --no-fund
step "vscode: compile" npm --prefix "$vsc" run compile
step "vscode: lint (tsc --noEmit strict + eslint)" npm --prefix "$vsc" run lint
step "vscode: package .vsix (vsce, offline)" bash -c "cd '$vsc' && rm -f copydesk.vsix && npm run package && test -s copydesk.vsix"

# The host platform's package, with the server inside, unpacked as VS Code installs it.
vsix_out=$log_dir/vsix-path
step "vscode: package the host platform .vsix with the server (package-vsix.sh)" \
  bash -c "set -o pipefail; '$repo/scripts/editors/package-vsix.sh' --bin '$bin' | tail -n 1 >'$vsix_out'"
host_vsix=$(cat "$vsix_out" 2>/dev/null || true)
unpacked=$log_dir/unpacked
mkdir -p "$unpacked"
if [ -n "$host_vsix" ] && [ -f "$host_vsix" ]; then
  echo "editors: host package $(basename "$host_vsix")"
  vsix_log=$log_dir/vsix.log
  python3 "$repo/scripts/editors/check-vsix.py" "$host_vsix" "$unpacked" >"$vsix_log" 2>&1
  vsix_rc=$?
  vsix_pass=$(grep -c '^PASS ' "$vsix_log")
  vsix_fail=$(grep -c '^FAIL ' "$vsix_log")
  if [ "$vsix_rc" -ne 0 ] && [ "$vsix_fail" -eq 0 ]; then vsix_fail=1; fi
  grep -vE '^PASS ' "$vsix_log" | sed 's/^/    /' || true
  [ "$vsix_pass" -gt 0 ] && pass "vscode: check-vsix.py ($vsix_pass checks)" "$vsix_pass"
  [ "$vsix_fail" -gt 0 ] && fail "vscode: check-vsix.py ($vsix_fail failed)" "$vsix_fail"
  export COPYDESK_EXTENSION_DIR=$unpacked/extension
else
  fail "vscode: the host platform .vsix was not written (${host_vsix:-no path})"
fi

node_log=$log_dir/node.log
(cd "$vsc" && node --test out/test/) >"$node_log" 2>&1
node_rc=$?
node_pass=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$node_log" | tail -1)
node_fail=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$node_log" | tail -1)
node_skip=$(sed -n 's/^# skipped \([0-9]*\)$/\1/p' "$node_log" | tail -1)
node_pass=${node_pass:-0} node_fail=${node_fail:-0} node_skip=${node_skip:-0}
skipped=$((skipped + node_skip))
grep -E '# SKIP' "$node_log" | sed 's/^ */    /' || true
if [ "$node_rc" -ne 0 ] && [ "$node_fail" -eq 0 ]; then node_fail=1; fi
grep -E '^(not ok|# diagnostics|diagnostics:)|^ *not ok|error:|expected|actual' "$node_log" | head -40 | sed 's/^/    /'
[ "$node_pass" -gt 0 ] && pass "vscode: node --test ($node_pass tests)" "$node_pass"
if [ "$node_fail" -gt 0 ]; then
  fail "vscode: node --test ($node_fail failed)" "$node_fail"
  tail -n 80 "$node_log" | sed 's/^/    /'
fi

# --- Neovim ------------------------------------------------------------------------------
nvim_dir=$repo/.tools/nvim
if [ ! -x "$nvim_dir/bin/nvim" ]; then
  step "nvim: install Neovim 0.11 into .tools/nvim" "$repo/scripts/editors/install-nvim.sh" "$nvim_dir"
fi
nvim_log=$log_dir/nvim.log
NVIM_BIN=$nvim_dir/bin/nvim "$repo/tests/editors/nvim_test.sh" >"$nvim_log" 2>&1
nvim_rc=$?
grep -vE "^(PASS |nvim: [0-9]+ passed)" "$nvim_log" | sed "s/^/    /" || true
skipped=$((skipped + $(grep -c '^SKIP ' "$nvim_log")))
nvim_pass=$(grep -c '^PASS ' "$nvim_log")
nvim_fail=$(grep -c '^FAIL ' "$nvim_log")
if [ "$nvim_rc" -ne 0 ] && [ "$nvim_fail" -eq 0 ]; then nvim_fail=1; fi
[ "$nvim_pass" -gt 0 ] && pass "nvim: tests/editors/nvim_test.sh ($nvim_pass checks)" "$nvim_pass"
[ "$nvim_fail" -gt 0 ] && fail "nvim: tests/editors/nvim_test.sh ($nvim_fail failed)" "$nvim_fail"

# --- Emacs (eglot), with the snippet from docs/editors.md ----------------------
# Debian's Emacs 28 + elpa-eglot; installed with apt-get when missing (root only). If that is
# impossible the Emacs checks are reported as skipped, not failed.
if "$repo/scripts/editors/install-emacs.sh" >"$log_dir/emacs-install.log" 2>&1; then
  emacs_log=$log_dir/emacs.log
  "$repo/tests/editors/emacs_test.sh" >"$emacs_log" 2>&1
  emacs_rc=$?
  grep -E '^(FAIL |SKIP |# )' "$emacs_log" | sed 's/^/    /' || true
  skipped=$((skipped + $(grep -c '^SKIP ' "$emacs_log")))
  emacs_pass=$(grep -c '^PASS ' "$emacs_log")
  emacs_fail=$(grep -c '^FAIL ' "$emacs_log")
  if [ "$emacs_rc" -ne 0 ] && [ "$emacs_fail" -eq 0 ]; then emacs_fail=1; tail -n 30 "$emacs_log" | sed 's/^/    /'; fi
  [ "$emacs_pass" -gt 0 ] && pass "emacs: tests/editors/emacs_test.sh ($emacs_pass checks)" "$emacs_pass"
  [ "$emacs_fail" -gt 0 ] && fail "emacs: tests/editors/emacs_test.sh ($emacs_fail failed)" "$emacs_fail"
else
  skipped=$((skipped + 1))
  echo "editors: skip emacs: Emacs with eglot is not available ($(tail -n 1 "$log_dir/emacs-install.log"))"
fi

# --- summary -----------------------------------------------------------------------------
if [ "$failed" -gt 0 ]; then
  printf 'editors: failed: %s\n' "${failures[@]}"
fi
if [ "$skipped" -gt 0 ]; then
  echo "editors: $passed passed, $failed failed, $skipped skipped"
else
  echo "editors: $passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
