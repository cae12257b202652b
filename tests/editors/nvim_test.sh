#!/usr/bin/env bash
# nvim_test.sh -- open the fixture draft in a real headless Neovim 0.11 with copydesk attached
# through the shipped editors/nvim/lsp/copydesk.lua, and check diagnostics, hover, a quick fix,
# :CopydeskExplain and shutdown.
#
# env: COPYDESK_BIN  the server (default: target/debug/copydesk)
#      NVIM_BIN      Neovim 0.11+ (default: .tools/nvim/bin/nvim, else nvim on PATH)
#      CDT_TIMEOUT   ms to wait for the server (default 15000)
# exit: 0 when every check passed.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

bin=${COPYDESK_BIN:-$repo/target/debug/copydesk}
[ -x "$bin" ] || { echo "nvim_test: no copydesk binary at $bin (cargo build, or set COPYDESK_BIN)" >&2; exit 2; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

nvim=${NVIM_BIN:-}
if [ -z "$nvim" ]; then
  if [ -x "$repo/.tools/nvim/bin/nvim" ]; then nvim=$repo/.tools/nvim/bin/nvim; else nvim=$(command -v nvim || true); fi
fi
[ -n "$nvim" ] || { echo "nvim_test: no nvim (run scripts/editors/install-nvim.sh .tools/nvim)" >&2; exit 2; }
if ! "$nvim" --headless --clean -es -c 'if has("nvim-0.11") | qall! | else | cquit! | endif' </dev/null; then
  echo "nvim_test: $("$nvim" --version | head -1) is older than 0.11" >&2
  exit 2
fi

# Isolated state; the server is reached as plain `copydesk` on PATH, exactly as the shipped cmd says.
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/bin"
ln -s "$bin" "$tmp/bin/copydesk"

rules=$("$bin" rules 2>/dev/null | awk '{print $1}' | paste -sd, -)

set +e
PATH="$tmp/bin:$PATH" CDT_RULES="$rules" \
CDT_RTP="$repo/editors/nvim" CDT_FILE="$repo/tests/editors/fixtures/draft.md" CDT_STORY="$repo/tests/editors/fixtures/story.md" CDT_TIMEOUT="${CDT_TIMEOUT:-15000}" \
XDG_CONFIG_HOME="$tmp/config" XDG_STATE_HOME="$tmp/state" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
  timeout -k 5 120 "$nvim" --headless --clean -n -i NONE -c "luafile $repo/tests/editors/nvim_test.lua" </dev/null
rc=$?
set -e
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
  echo "FAIL nvim did not finish within 120 s"
  echo "nvim: 0 passed, 1 failed, 0 skipped"
fi
exit $rc
