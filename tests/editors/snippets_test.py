#!/usr/bin/env python3
"""Checks the editor snippets in README.md (section Editors) against what they configure.

- the settings JSON parses and has exactly the keys of the server contract;
- every `copydesk.*` key in the VS Code settings.json snippet is a setting the extension contributes
  (editors/vscode/package.json), and every contributed setting is documented in the extension README;
- the Helix languages.toml parses, runs `copydesk lsp` on markdown, and nests the settings
  under `config.copydesk` (Helix walks `config` along the requested section).

Helix itself is not run here (no Helix build is available from the package registries CI reaches).
Prints PASS/FAIL lines and `snippets: N passed, M failed`; exits non-zero on failure.
"""
import json
import pathlib
import re
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SNIPPETS = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
PACKAGE = json.loads((ROOT / "editors" / "vscode" / "package.json").read_text(encoding="utf-8"))
EXT_README = (ROOT / "editors" / "vscode" / "README.md").read_text(encoding="utf-8")
CONTRACT_KEYS = {"rules", "names", "dates", "inlayHints", "delayMs", "logLevel"}

passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print(f"PASS {name}")
    else:
        failed += 1
        print(f"FAIL {name}" + (f": {detail}" if detail else ""))


def block(after_heading, lang):
    """The first ```lang block after a heading."""
    start = SNIPPETS.index(after_heading)
    m = re.compile(r"```" + lang + r"\n(.*?)\n```", re.S).search(SNIPPETS, start)
    assert m, f"no {lang} block after {after_heading}"
    return m.group(1)


settings = json.loads(block("### Editor settings", "json"))
check("settings object has exactly the contract's keys", set(settings) == CONTRACT_KEYS, sorted(settings))
check("settings: names/dates/inlayHints shapes",
      set(settings["names"]) == {"prefer", "accept"}
      and set(settings["dates"]) == {"articleDate", "acceptWeekdaysWithinWeek"}
      and set(settings["inlayHints"]) == {"dates"})

contributed = set(PACKAGE["contributes"]["configuration"]["properties"])
vscode_settings = json.loads(block("### VS Code", "json"))
used = {k for k in vscode_settings if k.startswith("copydesk.")}
check("VS Code snippet uses only contributed settings", used <= contributed, sorted(used - contributed))
undocumented = sorted(k for k in contributed if f"`{k}`" not in EXT_README)
check("every contributed setting is in the extension README", not undocumented, undocumented)
expected = {"copydesk.rules", "copydesk.names.prefer", "copydesk.names.accept", "copydesk.dates.articleDate",
            "copydesk.dates.acceptWeekdaysWithinWeek", "copydesk.inlayHints.dates", "copydesk.delayMs",
            "copydesk.logLevel", "copydesk.enable", "copydesk.path", "copydesk.trace.server",
            "copydesk.preset", "copydesk.names.acrossDrafts", "copydesk.renameScope"}
check("package.json contributes exactly the specified settings", contributed == expected,
      sorted(contributed ^ expected))
commands = {c["command"] for c in PACKAGE["contributes"]["commands"]}
check("package.json commands", commands == {"copydesk.restartServer", "copydesk.showOutput",
                                            "copydesk.fixAllInFile", "copydesk.explainRuleAtCursor"}, sorted(commands))
check("no contributed command collides with a server command",
      not commands & {"copydesk.addToDictionary", "copydesk.explainRule"})

helix = tomllib.loads(block("### Helix", "toml"))
ls = helix["language-server"]["copydesk"]
check("Helix: command copydesk lsp", ls["command"] == "copydesk" and ls["args"] == ["lsp"], ls)
cfg = ls.get("config", {}).get("copydesk", {})
check("Helix: settings under config.copydesk", set(cfg) <= CONTRACT_KEYS and "rules" in cfg, sorted(cfg))
md = [lang for lang in helix["language"] if lang["name"] == "markdown"]
check("Helix: markdown uses copydesk with copydesk.toml roots",
      md and "copydesk" in md[0]["language-servers"] and md[0]["roots"][0] == "copydesk.toml", md)

# Rule ids in the examples must be ones the server knows: it rejects editor settings that name an
# unknown rule (and keeps its previous settings), so a copied example must not contain one.
import os
import subprocess

bin_path = os.environ.get("COPYDESK_BIN", str(ROOT / "target" / "debug" / "copydesk"))
docs = {
    "docs/editors.md": SNIPPETS,
    "editors/vscode/README.md": EXT_README,
    "editors/nvim/README.md": (ROOT / "editors" / "nvim" / "README.md").read_text(encoding="utf-8"),
    "editors/vscode/package.json": "rules " + PACKAGE["contributes"]["configuration"]["properties"]["copydesk.rules"]["markdownDescription"],
}
used_rules = set()
for text in docs.values():
    for line in text.splitlines():
        if re.search(r"\brules\b", line):  # the settings examples, not the prose about rules
            used_rules |= set(re.findall(r"\b(?:quote|name|date|claim)\.[a-z][a-zA-Z]*\b", line))
if os.access(bin_path, os.X_OK):
    out = subprocess.run([bin_path, "rules"], capture_output=True, text=True, check=True).stdout
    known = {line.split()[0] for line in out.splitlines() if line.strip()}
    check("every rule id in the settings examples is listed by `copydesk rules`", used_rules <= known,
          f"unknown: {sorted(used_rules - known)}; known: {sorted(known)}")
else:
    print(f"SKIP rule ids in the editor docs: no server binary at {bin_path}")

print(f"snippets: {passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
