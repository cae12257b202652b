#!/usr/bin/env bash
# scripts/ci/test-pre-commit.sh -- test .pre-commit-hooks.yaml with the real pre-commit.
#
# Installs pre-commit from PyPI into .tools/pre-commit (git-ignored), makes a git repository
# with a clean draft and a draft with an unclosed quote, and runs the hooks on them with
# `pre-commit try-repo` on a clone of this repository's HEAD (commit what you want tested;
# pre-commit's own snapshot of uncommitted changes does not work from a git worktree):
#   - copydesk (language: rust): pre-commit builds copydesk with `cargo install` (a release
#     build: minutes the first time; set CARGO_TARGET_DIR to share a build), then the
#     draft with a finding fails the hook and the clean one passes, and a non-Markdown
#     file is not passed to it;
#   - copydesk-system (language: system): the same with a copydesk on PATH
#     (target/debug/copydesk or $COPYDESK_BIN, built if missing).
# Needs git, cargo and python3. Ends with `pre-commit: N passed, M failed`.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
tools=${COPYDESK_CI_TOOLS:-$repo/.tools}/pre-commit

passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
ok() { passed=$((passed + 1)); echo "pre-commit: ok   $1"; }
bad() { failed=$((failed + 1)); echo "pre-commit: FAIL $1"; sed 's/^/    /' "$work/log" | tail -n 30; }

if [ ! -x "$tools/venv/bin/pre-commit" ]; then
  mkdir -p "$tools"
  if ! { python3 -m venv "$tools/venv" &&
    "$tools/venv/bin/pip" install -q --disable-pip-version-check pre-commit; }; then
    echo "pre-commit: cannot install pre-commit"
    echo "pre-commit: 0 passed, 1 failed"
    exit 1
  fi
fi
pc="$tools/venv/bin/pre-commit"
export PRE_COMMIT_HOME="$tools/home"

ws="$work/drafts"
mkdir -p "$ws"
git -C "$ws" init -q -b main
printf '\xe2\x80\x9cWe will win,\xe2\x80\x9d the mayor said.\n' >"$ws/clean.md"
printf 'The mayor said \xe2\x80\x9cwe will win.\n' >"$ws/unclosed.md"
printf 'The mayor said \xe2\x80\x9cwe will win.\n' >"$ws/notes.txt"
git -C "$ws" add .

git clone -q "$repo" "$work/copydesk"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  echo "pre-commit: note: testing HEAD ($(git -C "$repo" rev-parse --short HEAD)); uncommitted changes are not"
fi

# try HOOK FILE... -- run one hook on the files; its output goes to $work/log, status to $rc.
try() {
  local hook=$1; shift
  (cd "$ws" && "$pc" try-repo "$work/copydesk" "$hook" --files "$@") >"$work/log" 2>&1
  rc=$?
}

for hook in copydesk copydesk-system; do
  if [ "$hook" = copydesk-system ]; then
    bin=${COPYDESK_BIN:-${CARGO_TARGET_DIR:-$repo/target}/debug/copydesk}
    [ -x "$bin" ] || (cd "$repo" && cargo build -q) || { echo "pre-commit: cannot build copydesk"; }
    mkdir -p "$work/bin" && ln -sf "$bin" "$work/bin/copydesk"
    export PATH="$work/bin:$PATH"
  fi
  try "$hook" unclosed.md
  if [ "$rc" != 0 ] && grep -q 'unclosed.md:1:16: warning\[quote.unbalanced\]' "$work/log"; then
    ok "$hook: a draft with an unclosed quote fails the hook, with the finding"
  else
    bad "$hook: a draft with an unclosed quote fails the hook (exit $rc)"
  fi
  try "$hook" clean.md notes.txt
  if [ "$rc" = 0 ] && ! grep -q 'notes.txt' "$work/log"; then
    ok "$hook: a clean draft passes, a .txt file is not checked"
  else
    bad "$hook: a clean draft passes, a .txt file is not checked (exit $rc)"
  fi
done

echo "pre-commit: $passed passed, $failed failed"
[ "$failed" = 0 ]
