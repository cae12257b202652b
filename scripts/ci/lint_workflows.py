#!/usr/bin/env python3
"""Checks of the CI integration files that need no tool beyond PyYAML (lint-workflows.sh
runs this, and the tools it could install, around it).

    lint_workflows.py REPO [--actionlint CMD] [--jsonschema CMD] [--extract DIR]

- action.yml: a composite action; every input and output described; every step a bash
  `run:` with its `shell:`; `${{ inputs.X }}` only for declared inputs; outputs only from
  steps that exist.
- .github/workflows/*.yml and the workflows in docs/ci.md: YAML that parses, with `on:`
  and `jobs:`; every step that uses this action (`./` or `…/copydesk@…`) passes only
  inputs action.yml declares, and every declared required input.
- .pre-commit-hooks.yaml and the pre-commit configurations in docs/ci.md: hooks with an
  id, name, entry and a language pre-commit knows; the configurations name hooks that
  .pre-commit-hooks.yaml defines.
- the GitLab CI snippets in docs/ci.md: a job whose `artifacts:reports:codequality` file
  is the one its script writes with `--format gitlab`.

With --extract DIR, the YAML blocks of docs/ci.md are also written to DIR as
workflow-N.yml, gitlab-N.yml and pre-commit-N.yaml, for the schema and actionlint checks.
Prints `ok`/`FAIL` per check; exits 1 if any failed.
"""

import glob
import os
import re
import sys

import yaml

failures = []
passes = 0


def check(name, condition, detail=""):
    global passes
    if condition:
        passes += 1
        print(f"workflows: ok   {name}")
    else:
        failures.append(name)
        print(f"workflows: FAIL {name}" + (f": {detail}" if detail else ""))


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def on_key(doc):
    # YAML 1.1 (PyYAML) reads the key `on` as True.
    return doc.get("on", doc.get(True)) if isinstance(doc, dict) else None


def yaml_blocks(markdown):
    """The ```yaml blocks of a Markdown text, in order."""
    return [m.group(1) for m in re.finditer(r"^```ya?ml\n(.*?)^```", markdown, re.M | re.S)]


def kind(doc):
    if isinstance(doc, dict) and "jobs" in doc and on_key(doc) is not None:
        return "workflow"
    if isinstance(doc, dict) and "repos" in doc:
        return "pre-commit"
    if isinstance(doc, dict) and any(
        isinstance(v, dict) and "script" in v for v in doc.values()
    ):
        return "gitlab"
    return "other"


def check_action(repo):
    action = load(os.path.join(repo, "action.yml"))
    check("action.yml: a composite action with a name and description",
          action.get("runs", {}).get("using") == "composite"
          and action.get("name") and action.get("description"))
    inputs = action.get("inputs") or {}
    check("action.yml: every input has a description",
          all(isinstance(v, dict) and v.get("description") for v in inputs.values()),
          [k for k, v in inputs.items() if not (isinstance(v, dict) and v.get("description"))])
    steps = action["runs"].get("steps") or []
    ids = {s.get("id") for s in steps if s.get("id")}
    check("action.yml: every step runs bash with `shell:`",
          all(s.get("run") and s.get("shell") == "bash" for s in steps))
    used = set()
    for s in steps:
        text = yaml.safe_dump(s)
        used |= set(re.findall(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}", text))
    check("action.yml: steps use only declared inputs", used <= set(inputs),
          sorted(used - set(inputs)))
    check("action.yml: every input is used", set(inputs) <= used, sorted(set(inputs) - used))
    outputs = action.get("outputs") or {}
    bad = [
        k for k, v in outputs.items()
        if not v.get("description")
        or not all(m in ids for m in re.findall(r"steps\.([A-Za-z0-9_-]+)\.", str(v.get("value", ""))))
    ]
    check("action.yml: every output is described and comes from a step", not bad, bad)
    return inputs


def check_uses(name, workflow, inputs):
    """Steps that use this action pass only declared inputs, and the required ones."""
    required = {k for k, v in inputs.items() if v.get("required")}
    found = 0
    for job_name, job in (workflow.get("jobs") or {}).items():
        for step in job.get("steps") or []:
            uses = str(step.get("uses", ""))
            if uses == "./" or re.search(r"/copydesk@", uses):
                found += 1
                given = set((step.get("with") or {}).keys())
                check(f"{name}: job {job_name}: inputs of {uses} are declared",
                      given <= set(inputs), sorted(given - set(inputs)))
                check(f"{name}: job {job_name}: required inputs given",
                      required <= given, sorted(required - given))
    return found


def check_hooks(repo):
    hooks = load(os.path.join(repo, ".pre-commit-hooks.yaml"))
    languages = {"system", "rust", "script", "docker", "docker_image", "python", "node",
                 "golang", "fail", "pygrep", "unsupported", "unsupported_script"}
    check(".pre-commit-hooks.yaml: a list of hooks", isinstance(hooks, list) and hooks)
    for h in hooks or []:
        check(f".pre-commit-hooks.yaml: hook {h.get('id')} has id, name, entry, language",
              all(h.get(k) for k in ("id", "name", "entry", "language"))
              and h.get("language") in languages)
        check(f".pre-commit-hooks.yaml: hook {h.get('id')} runs copydesk check on Markdown",
              "copydesk check" in str(h.get("entry")) and "markdown" in (h.get("types") or []))
    return {h.get("id") for h in hooks or []}


def main():
    args = sys.argv[1:]
    repo = args[0]
    extract = args[args.index("--extract") + 1] if "--extract" in args else None

    inputs = check_action(repo)
    hook_ids = check_hooks(repo)

    workflows = sorted(glob.glob(os.path.join(repo, ".github/workflows/*.yml")))
    check(".github/workflows: there is an example workflow", workflows)
    for path in workflows:
        name = os.path.relpath(path, repo)
        doc = load(path)
        check(f"{name}: a workflow (on:, jobs:)", kind(doc) == "workflow")
        check(f"{name}: uses the action", check_uses(name, doc, inputs) > 0)

    with open(os.path.join(repo, "docs/ci.md"), encoding="utf-8") as f:
        blocks = yaml_blocks(f.read())
    counts = {}
    for n, block in enumerate(blocks, 1):
        try:
            doc = yaml.safe_load(block)
        except yaml.YAMLError as e:
            check(f"docs/ci.md: YAML block {n} parses", False, str(e).replace("\n", " "))
            continue
        k = kind(doc)
        counts[k] = counts.get(k, 0) + 1
        name = f"docs/ci.md: block {n} ({k})"
        check(f"{name}: parses", True)
        if k == "workflow":
            check(f"{name}: uses the action", check_uses(name, doc, inputs) > 0)
        elif k == "pre-commit":
            ids = {h.get("id") for r in doc["repos"] for h in r.get("hooks") or []}
            check(f"{name}: names hooks that .pre-commit-hooks.yaml defines",
                  ids and ids <= hook_ids, sorted(ids - hook_ids))
        elif k == "gitlab":
            for job_name, job in doc.items():
                if not isinstance(job, dict) or "script" not in job:
                    continue
                report = (((job.get("artifacts") or {}).get("reports") or {})
                          .get("codequality"))
                script = " ".join(str(s) for s in job["script"])
                check(f"{name}: job {job_name} writes the codequality report it declares",
                      report and "--format gitlab" in script and str(report) in script,
                      f"report {report!r}, script {script!r}")
        if extract:
            ext = "yaml" if k == "pre-commit" else "yml"
            with open(os.path.join(extract, f"{k}-{n}.{ext}"), "w", encoding="utf-8") as f:
                f.write(block)
    for k in ("workflow", "gitlab", "pre-commit"):
        check(f"docs/ci.md: has a {k} example", counts.get(k, 0) > 0)

    print(f"workflows (structure): {passes} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
