#!/usr/bin/env bash
# Install the peers copydesk is compared with, under PREFIX (never into the repo):
#   harper-ls   (crates.io)  -> PREFIX/harper/bin/harper-ls
#   proselint   (PyPI)       -> PREFIX/proselint-venv/bin/proselint
#   write-good  (npm)        -> PREFIX/writegood/node_modules/.bin/write-good
#   typos       (PyPI wheel of typos-cli) -> PREFIX/typos-venv/bin/typos
#
#   scripts/peers/install.sh [PREFIX]        (default: $COPYDESK_PEERS or ~/.cache/copydesk-peers)
#
# harper-ls is a large Rust build (tens of minutes on 2 cores); it runs under `nice`.
# Each peer is skipped when already installed. Needs cargo, python3 (venv), npm.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
prefix="${1:-${COPYDESK_PEERS:-$HOME/.cache/copydesk-peers}}"
mkdir -p "$prefix"
prefix="$(cd "$prefix" && pwd)"
case "$prefix/" in
  "$repo"/*) echo "refusing to install peers inside the repository ($prefix)" >&2; exit 2 ;;
esac

if [ ! -x "$prefix/proselint-venv/bin/proselint" ]; then
  echo "== proselint (PyPI)"
  python3 -m venv "$prefix/proselint-venv"
  "$prefix/proselint-venv/bin/pip" install --quiet proselint
fi
if [ ! -x "$prefix/writegood/node_modules/.bin/write-good" ]; then
  echo "== write-good (npm)"
  mkdir -p "$prefix/writegood"
  npm install --silent --no-audit --no-fund --prefix "$prefix/writegood" write-good
fi
if [ ! -x "$prefix/typos-venv/bin/typos" ]; then
  echo "== typos (PyPI: the typos-cli binary in a wheel)"
  python3 -m venv "$prefix/typos-venv"
  "$prefix/typos-venv/bin/pip" install --quiet typos
fi
if [ ! -x "$prefix/harper/bin/harper-ls" ]; then
  echo "== harper-ls (crates.io; a long build)"
  nice -n 19 cargo install --locked harper-ls --root "$prefix/harper"
fi
echo "peers installed under $prefix:"
"$prefix/proselint-venv/bin/pip" show proselint 2>/dev/null | sed -n 's/^Version: /  proselint /p'
"$prefix/typos-venv/bin/typos" --version 2>/dev/null | sed 's/^/  /' || true
sed -n 's/^  "version": "\(.*\)",/  write-good \1/p' "$prefix/writegood/node_modules/write-good/package.json"
"$prefix/harper/bin/harper-ls" --version 2>/dev/null | sed 's/^/  /' || echo "  harper-ls (version unknown)"
