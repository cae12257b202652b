#!/usr/bin/env python3
"""Run a composite GitHub Action's steps here, the way a runner would: for testing action.yml.

    scripts/ci/run-action.py [--action DIR] [--workspace DIR] [--runner-temp DIR]
                             [--result FILE] [--input NAME=VALUE]...

What it does, as GitHub's runner does for `runs.using: composite`:
- inputs: the given ones, else each input's default; an input the action does not declare
  is an error (the runner only warns, but here it is always a mistake in a test);
- each step's `env:` and `run:` have their `${{ … }}` expressions replaced; only the forms
  action.yml uses are known (`inputs.NAME`, `github.action_repository`,
  `github.action_path`, `runner.temp`, `steps.ID.outputs.NAME`), and any other is an error,
  so the action cannot silently use something this runner fakes;
- `shell: bash` runs `bash --noprofile --norc -eo pipefail FILE` in the workspace, with
  GITHUB_ACTION_PATH, GITHUB_WORKSPACE, RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_PATH,
  GITHUB_SERVER_URL (default https://github.com) and GITHUB_ACTION_REPOSITORY set;
- lines a step appends to GITHUB_PATH are put in front of PATH for the later steps, and
  `name=value` lines (or `name<<EOF` blocks) it appends to GITHUB_OUTPUT become its outputs;
- the first step that fails stops the run; the action's `outputs:` are evaluated at the end.

Steps with `uses:` or `if:`, and shells other than bash, are refused. The result (outcome,
the failing step's exit code, outputs) is written as JSON to --result; the exit code is the
failing step's, or 0.
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

import yaml

EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


def die(message):
    print(f"run-action: {message}", file=sys.stderr)
    sys.exit(2)


def parse_outputs(path):
    """name=value lines and name<<DELIMITER blocks, as the runner reads GITHUB_OUTPUT."""
    outputs = {}
    if not os.path.exists(path):
        return outputs
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        line = lines[i]
        i += 1
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            while i < len(lines) and lines[i] != delimiter:
                value.append(lines[i])
                i += 1
            i += 1
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
    return outputs


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--action", default=".", help="the folder with action.yml")
    parser.add_argument("--workspace", default=".", help="where the steps run")
    parser.add_argument("--runner-temp", help="RUNNER_TEMP (default: a new folder)")
    parser.add_argument("--result", help="write the outcome and outputs here as JSON")
    parser.add_argument("--input", action="append", default=[], metavar="NAME=VALUE")
    args = parser.parse_args()

    action_dir = os.path.abspath(args.action)
    workspace = os.path.abspath(args.workspace)
    with open(os.path.join(action_dir, "action.yml"), encoding="utf-8") as f:
        action = yaml.safe_load(f)
    if action.get("runs", {}).get("using") != "composite":
        die("not a composite action")

    declared = action.get("inputs") or {}
    inputs = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    for item in args.input:
        name, sep, value = item.partition("=")
        if not sep:
            die(f"--input {item!r}: expected NAME=VALUE")
        if name not in declared:
            die(f"the action has no input {name!r}")
        inputs[name] = value

    runner_temp = args.runner_temp or tempfile.mkdtemp(prefix="runner-temp-")
    os.makedirs(runner_temp, exist_ok=True)
    env = dict(os.environ)
    env.update(
        {
            "GITHUB_ACTIONS": "true",
            "GITHUB_ACTION_PATH": action_dir,
            "GITHUB_WORKSPACE": workspace,
            "RUNNER_TEMP": runner_temp,
            "GITHUB_SERVER_URL": os.environ.get("GITHUB_SERVER_URL", "https://github.com"),
            "GITHUB_ACTION_REPOSITORY": os.environ.get("GITHUB_ACTION_REPOSITORY", ""),
        }
    )
    step_outputs = {}

    def evaluate(text, where):
        def one(match):
            expr = match.group(1)
            m = re.fullmatch(r"inputs\.([A-Za-z0-9_-]+)", expr)
            if m:
                if m.group(1) not in inputs:
                    die(f"{where}: unknown input {m.group(1)!r}")
                return inputs[m.group(1)]
            if expr == "github.action_repository":
                return env["GITHUB_ACTION_REPOSITORY"]
            if expr == "github.action_path":
                return action_dir
            if expr == "runner.temp":
                return runner_temp
            m = re.fullmatch(r"steps\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)", expr)
            if m:
                return step_outputs.get(m.group(1), {}).get(m.group(2), "")
            die(f"{where}: this runner does not know the expression ${{{{ {expr} }}}}")

        return EXPR.sub(one, str(text))

    outcome, code = "success", 0
    for n, step in enumerate(action["runs"].get("steps") or [], 1):
        where = f"step {n} ({step.get('name', step.get('id', '?'))})"
        if "uses" in step or "if" in step:
            die(f"{where}: `uses:` and `if:` steps are not supported")
        if step.get("shell") != "bash":
            die(f"{where}: only `shell: bash` is supported")
        step_env = dict(env)
        for key, value in (step.get("env") or {}).items():
            step_env[key] = evaluate(value, where)
        with tempfile.TemporaryDirectory() as tmp:
            script = os.path.join(tmp, "step.sh")
            with open(script, "w", encoding="utf-8") as f:
                f.write(evaluate(step["run"], where))
            output_file = os.path.join(tmp, "output")
            path_file = os.path.join(tmp, "path")
            open(output_file, "w").close()
            open(path_file, "w").close()
            step_env["GITHUB_OUTPUT"] = output_file
            step_env["GITHUB_PATH"] = path_file
            print(f"::group::{where}", flush=True)
            rc = subprocess.call(
                ["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                cwd=workspace,
                env=step_env,
            )
            print("::endgroup::", flush=True)
            if "id" in step:
                step_outputs[step["id"]] = parse_outputs(output_file)
            with open(path_file, encoding="utf-8") as f:
                added = [line.strip() for line in f if line.strip()]
            for folder in added:
                env["PATH"] = folder + os.pathsep + env["PATH"]
        if rc != 0:
            print(f"run-action: {where} failed with exit code {rc}", file=sys.stderr)
            outcome, code = "failure", rc
            break

    outputs = {
        name: evaluate(spec.get("value", ""), f"output {name}")
        for name, spec in (action.get("outputs") or {}).items()
    }
    result = {"outcome": outcome, "exit_code": code, "outputs": outputs}
    if args.result:
        with open(args.result, "w", encoding="utf-8") as f:
            json.dump(result, f, indent=2)
    return code


if __name__ == "__main__":
    sys.exit(main())
