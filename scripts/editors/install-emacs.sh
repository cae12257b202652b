#!/usr/bin/env bash
# install-emacs.sh -- make sure Emacs with eglot and markdown-mode is available for
# tests/editors/emacs_test.sh. Uses Debian's packages (emacs-nox, elpa-eglot, elpa-markdown-mode);
# needs root and apt-get. Exits 0 when they are (now) installed, 1 otherwise.
set -euo pipefail
have() {
  command -v emacs >/dev/null 2>&1 &&
    emacs --batch --eval '(progn (require (quote eglot)) (require (quote markdown-mode)))' >/dev/null 2>&1
}
if have; then echo "install-emacs: $(emacs --version | head -1) with eglot already installed"; exit 0; fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "install-emacs: not root or no apt-get; install emacs-nox elpa-eglot elpa-markdown-mode by hand" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends emacs-nox elpa-eglot elpa-markdown-mode >/dev/null
have && echo "install-emacs: $(emacs --version | head -1) with eglot installed"
