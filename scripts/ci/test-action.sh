#!/usr/bin/env bash
# scripts/ci/test-action.sh -- test action.yml (the GitHub Action) here, without GitHub.
#
# scripts/ci/run-action.py runs the action's composite steps the way a runner does (inputs
# and defaults, env expressions, GITHUB_OUTPUT/GITHUB_PATH, bash -eo pipefail). This script
# runs it on a git repository made from examples/ and checks what a workflow would see:
# annotations, the SARIF file, outputs and exit codes for fail-on, changed-since, baseline,
# a bad input, cargo missing, and the `version` input's download of a prebuilt binary
# (from a fake release served by file://, with its checksum, and a bad checksum).
#
# The first case builds copydesk with `cargo install --path` (a release build: minutes the
# first time; set CARGO_TARGET_DIR to reuse a build). Not part of .ci/run for that reason.
# Needs git, cargo, python3 with PyYAML. Ends with `action: N passed, M failed`.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
runner="$repo/scripts/ci/run-action.py"

passed=0 failed=0
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
temp="$work/runner-temp" # one job's RUNNER_TEMP: copydesk is built once
ws="$work/workspace"

ok() { passed=$((passed + 1)); echo "action: ok   $1"; }
bad() { failed=$((failed + 1)); echo "action: FAIL $1"; }

# act NAME INPUT... -- run the action in the workspace; its stdout, stderr and result JSON
# go to $work/NAME.{out,err,json}, and its exit code to $rc.
act() {
  local name=$1; shift
  local inputs=()
  for i in "$@"; do inputs+=(--input "$i"); done
  python3 "$runner" --action "$repo" --workspace "$ws" --runner-temp "${RUNNER_TEMP_OVERRIDE:-$temp}" \
    --result "$work/$name.json" "${inputs[@]}" >"$work/$name.out" 2>"$work/$name.err"
  rc=$?
}

# result NAME FIELD -- a field of the result JSON (outputs.x for an output).
result() {
  python3 -c 'import json,sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): v = v[k]
print(v)' "$work/$1.json" "$2"
}

# expect NAME CONDITION... -- a test case: the condition (a command) must succeed.
expect() {
  local name=$1; shift
  if "$@"; then ok "$name"; else bad "$name"; sed 's/^/    /' "$work/last.log" 2>/dev/null | tail -n 30; fi
}

annotations() { grep -c '^::\(warning\|error\|notice\) file=' "$work/$1.out"; }

git_ws() { git -C "$ws" -c user.name=Desk -c user.email=desk@example.com "$@" >/dev/null; }

# The workspace: a git repository with the example drafts and their configuration.
mkdir -p "$ws"
cp -r "$repo/examples" "$ws/examples"
git_ws init -q -b main
git_ws add .
git_ws commit -q -m "examples"

# 1. Annotations (the default format); the examples' config never fails.
act github "paths=examples/"
cat "$work/github.out" "$work/github.err" >"$work/last.log"
expect "github: builds copydesk from the checkout, exit 0" test "$rc" = 0
expect "github: one annotation per finding (10)" test "$(annotations github)" = 10
expect "github: the misspelled name in the budget draft, as a warning at its place" \
  grep -q '^::warning file=examples/council-budget-draft.md,line=15,col=41,endLine=15,endColumn=50,title=copydesk name.misspelled::' "$work/github.out"
expect "github: exit-code output 0, no sarif-file" \
  test "$(result github outputs.exit-code)/$(result github outputs.sarif-file)" = "0/"

# 2. SARIF to a file (its folder made), for upload-sarif; a second use in a job does not
# build again.
act sarif "paths=examples/" "format=sarif" "sarif-file=reports/copydesk.sarif"
cat "$work/sarif.out" "$work/sarif.err" >"$work/last.log"
expect "sarif: already installed, not rebuilt" grep -q "already installed" "$work/sarif.out"
expect "sarif: exit 0 and the sarif-file output" \
  test "$rc/$(result sarif outputs.sarif-file)" = "0/reports/copydesk.sarif"
expect "sarif: a SARIF 2.1.0 file with 10 results and fingerprints" python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))
r = s["runs"][0]["results"]
assert s["version"] == "2.1.0" and len(r) == 10, len(r)
assert all(len(x["partialFingerprints"]["copydeskFingerprint/v1"]) == 32 for x in r)
' "$ws/reports/copydesk.sarif"
expect "sarif: no annotations in the log" test "$(annotations sarif)" = 0

# 3. fail-on overrides the configuration.
act failon "paths=examples/" "fail-on=warning"
cat "$work/failon.out" "$work/failon.err" >"$work/last.log"
expect "fail-on warning: the step fails with exit 1" test "$rc" = 1
expect "fail-on warning: exit-code output 1, annotations still shown" \
  test "$(result failon outputs.exit-code)/$(annotations failon)" = "1/10"

# 4. changed-since: only the edited line, and a new untracked draft whole.
sed -i 's/the second delay this spring\./the second delay this spring, officials said./' \
  "$ws/examples/council-budget-draft.md"
printf 'A new story.\n\nThe reporter wrote \xe2\x80\x9cnothing yet.\n' >"$ws/examples/new.md"
act changed "paths=examples/" "changed-since=HEAD" "fail-on=warning"
cat "$work/changed.out" "$work/changed.err" >"$work/last.log"
expect "changed-since: two findings (the edited line, the new file), exit 1" \
  test "$rc/$(annotations changed)" = "1/2"
expect "changed-since: the edited line's finding" \
  grep -q '^::warning file=examples/council-budget-draft.md,line=10,.*date.relative' "$work/changed.out"
expect "changed-since: the new draft's finding" \
  grep -q '^::warning file=examples/new.md,line=3,.*quote.unbalanced' "$work/changed.out"
act badref "paths=examples/" "changed-since=no-such-branch"
cat "$work/badref.out" "$work/badref.err" >"$work/last.log"
expect "changed-since: an unknown revision fails with exit 2 and says so" \
  test "$rc" = 2 -a "$(grep -c 'unknown git revision' "$work/badref.err")" = 1
git -C "$ws" checkout -q -- examples && rm -f "$ws/examples/new.md"

# 5. baseline: recorded findings are not reported.
bin=$(ls "$temp"/copydesk-checkout/bin/copydesk*)
(cd "$ws" && "$bin" check examples/ --write-baseline copydesk-baseline.json 2>/dev/null >/dev/null)
act baseline "paths=examples/" "baseline=copydesk-baseline.json" "fail-on=hint"
cat "$work/baseline.out" "$work/baseline.err" >"$work/last.log"
expect "baseline: nothing reported, exit 0 even with fail-on hint" \
  test "$rc/$(annotations baseline)" = "0/0"

# 6. Paths on several lines, extra args; a bad format.
act lines "paths=examples/council-budget-draft.md
examples/wikinews-pelosi-speaker.md" "args=--date 2019-01-04 --no-progress"
cat "$work/lines.out" "$work/lines.err" >"$work/last.log"
expect "paths on two lines and args: exit 0, 10 annotations" test "$rc/$(annotations lines)" = "0/10"
act badformat "format=xml"
cat "$work/badformat.out" "$work/badformat.err" >"$work/last.log"
expect "a bad format: exit 2, an error annotation, exit-code output 2" \
  test "$rc/$(result badformat outputs.exit-code)/$(grep -c '^::error title=copydesk::the format input' "$work/badformat.out")" = "2/2/1"

# 7. No cargo and no version: a clear error.
RUNNER_TEMP_OVERRIDE="$work/no-cargo" PATH=/usr/bin:/bin act nocargo "paths=examples/"
cat "$work/nocargo.out" "$work/nocargo.err" >"$work/last.log"
expect "no cargo: the install step fails and says what to do" \
  test "$rc/$(grep -c 'cargo is not installed' "$work/nocargo.out")" = "1/1"

# 8. version: a prebuilt binary from the release, checked against its .sha256.
target=$(case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) echo x86_64-unknown-linux-gnu ;; Linux-aarch64) echo aarch64-unknown-linux-gnu ;;
  Darwin-arm64) echo aarch64-apple-darwin ;; *) echo x86_64-apple-darwin ;; esac)
release="$work/server/desk/copydesk/releases/download/v9.9.9"
mkdir -p "$release" "$work/pack/copydesk-9.9.9"
cp "$bin" "$work/pack/copydesk-9.9.9/copydesk"
tar -czf "$release/copydesk-$target.tar.gz" -C "$work/pack" copydesk-9.9.9
(cd "$release" && sha256sum "copydesk-$target.tar.gz" >"copydesk-$target.tar.gz.sha256")
export GITHUB_SERVER_URL="file://$work/server" GITHUB_ACTION_REPOSITORY=desk/copydesk
RUNNER_TEMP_OVERRIDE="$work/release" PATH=/usr/bin:/bin act version "paths=examples/" "version=v9.9.9"
cat "$work/version.out" "$work/version.err" >"$work/last.log"
expect "version: the release's binary, no cargo needed, exit 0, 10 annotations" \
  test "$rc/$(annotations version)" = "0/10"
expect "version: installed under copydesk-9.9.9" test -x "$work/release/copydesk-9.9.9/bin/copydesk"
echo "0000000000000000000000000000000000000000000000000000000000000000  x" >"$release/copydesk-$target.tar.gz.sha256"
RUNNER_TEMP_OVERRIDE="$work/bad-sum" act badsum "paths=examples/" "version=9.9.9"
cat "$work/badsum.out" "$work/badsum.err" >"$work/last.log"
expect "version: a checksum mismatch fails the install" \
  test "$rc/$(grep -c 'checksum mismatch' "$work/badsum.out")" = "1/1"
unset GITHUB_SERVER_URL GITHUB_ACTION_REPOSITORY

echo "action: $passed passed, $failed failed"
[ "$failed" = 0 ]
