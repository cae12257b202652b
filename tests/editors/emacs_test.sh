#!/usr/bin/env bash
# emacs_test.sh -- run the Emacs snippet from docs/editors.md in a real headless Emacs
# with eglot against copydesk (see emacs_test.el). Needs Emacs with eglot and markdown-mode
# (Debian: apt-get install emacs-nox elpa-eglot elpa-markdown-mode); exits 77 when they are absent.
# env: COPYDESK_BIN (default target/debug/copydesk), CDT_TIMEOUT (seconds).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bin=${COPYDESK_BIN:-$repo/target/debug/copydesk}
[ -x "$bin" ] || { echo "emacs_test: no copydesk binary at $bin" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
command -v emacs >/dev/null || { echo "emacs_test: emacs not installed" >&2; exit 77; }
emacs --batch --eval '(progn (require (quote package)) (package-initialize) (require (quote eglot)) (require (quote markdown-mode)))' >/dev/null 2>&1 \
  || { echo "emacs_test: eglot or markdown-mode missing" >&2; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin" "$tmp/home"
ln -s "$bin" "$tmp/bin/copydesk"
rules=$("$bin" rules 2>/dev/null | awk '{print $1}' | paste -sd, -)
set +e
PATH="$tmp/bin:$PATH" HOME="$tmp/home" CDT_REPO="$repo" CDT_RULES="$rules" \
  timeout -k 5 120 emacs --batch -l "$repo/tests/editors/emacs_test.el" </dev/null
rc=$?
set -e
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then echo "FAIL emacs did not finish within 120 s"; echo "emacs: 0 passed, 1 failed, 0 skipped"; fi
exit $rc
