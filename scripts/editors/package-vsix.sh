#!/usr/bin/env bash
# package-vsix.sh -- build the VS Code extension for one platform, with the copydesk server inside.
#
#   scripts/editors/package-vsix.sh [--target TARGET] [--bin PATH]
#
#   --target  a vsce platform: linux-x64, linux-arm64, darwin-x64, darwin-arm64, win32-x64
#             (default: this machine's)
#   --bin     the copydesk binary to bundle, built for TARGET (default: `cargo build --release`
#             for this machine, in $CARGO_TARGET_DIR or target/; only for the host target)
#
# Writes editors/vscode/copydesk-TARGET-VERSION.vsix (e.g. copydesk-linux-x64-0.1.0.vsix) with the
# binary at extension/server/copydesk (copydesk.exe on Windows), executable, and prints its path
# on the last line. The binary is copied into editors/vscode/server/ only while vsce runs.
# Needs Node 20+ and npm (runs `npm ci` if node_modules is missing); works offline once it has.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
vsc=$repo/editors/vscode

host_target() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    MINGW* | MSYS* | CYGWIN* | Windows_NT) os=win32 ;;
    *) echo "package-vsix: unknown OS $(uname -s)" >&2; return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "package-vsix: unknown CPU $(uname -m)" >&2; return 1 ;;
  esac
  echo "$os-$arch"
}

target='' bin=''
while [ $# -gt 0 ]; do
  case "$1" in
    --target) target=${2:?--target needs a value}; shift 2 ;;
    --bin) bin=${2:?--bin needs a value}; shift 2 ;;
    -h | --help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "package-vsix: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
host=$(host_target)
target=${target:-$host}
case "$target" in
  linux-x64 | linux-arm64 | darwin-x64 | darwin-arm64 | win32-x64) ;;
  *) echo "package-vsix: unsupported target $target" >&2; exit 2 ;;
esac
exe=copydesk
case "$target" in win32-*) exe=copydesk.exe ;; esac

if [ -z "$bin" ]; then
  if [ "$target" != "$host" ]; then
    echo "package-vsix: --bin is required to package for $target on $host" >&2
    exit 2
  fi
  (cd "$repo" && cargo build --release --locked --bin copydesk) >&2
  bin=${CARGO_TARGET_DIR:-$repo/target}/release/$exe
  case "$bin" in /*) ;; *) bin=$repo/$bin ;; esac
fi
[ -f "$bin" ] || { echo "package-vsix: no binary at $bin" >&2; exit 1; }

version=$(cd "$vsc" && node -p "require('./package.json').version")
out=copydesk-$target-$version.vsix

[ -d "$vsc/node_modules" ] || npm --prefix "$vsc" ci --no-audit --no-fund >&2

staged=$vsc/server/$exe
trap 'rm -f "$staged"' EXIT
cp "$bin" "$staged"
chmod 755 "$staged"
rm -f "$vsc/$out"
(
  cd "$vsc"
  ./node_modules/.bin/vsce package --target "$target" --out "$out" \
    --baseContentUrl https://github.com/copydesk/copydesk/blob/HEAD/editors/vscode \
    --baseImagesUrl https://github.com/copydesk/copydesk/raw/HEAD/editors/vscode
) >&2
echo "$vsc/$out"
