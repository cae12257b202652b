#!/usr/bin/env python3
"""Names across the desk at scale: `copydesk check` over a folder of 10,000 drafts.

The drafts are made in a temporary folder (never committed) from the project's corpus
(tests/corpus/wikinews-2019): draft i is article i mod 171 with a first paragraph that quotes
one of 400 synthetic people (given name and surname drawn from small lists, so that each
person is in about 25 drafts); one draft in 97 spells its person's surname with one
letter changed. The folder is checked twice, with `[names] across-drafts` on and off, and
the difference is what the desk costs: time, and peak memory per draft (GNU time's maximum
resident set). Also printed: how many of the misspelled drafts `name.inconsistent-desk`
flags and how many other findings it makes (synthetic precision and recall).

    cargo build --release && python3 scripts/bench/desk.py [--bin target/release/copydesk] [--drafts 10000]

Linux (needs GNU time at /usr/bin/time).
"""
import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "wikinews-2019"

GIVEN = ["Ivan", "Maria", "Tomasz", "Aisha", "Kwame", "Lucia", "Hiroshi", "Fatima",
         "Dmitri", "Ingrid", "Rahul", "Camila", "Oluwaseun", "Anneke", "Mateus", "Yerlan",
         "Sofia", "Bogdan", "Thandiwe", "Nikolai"]
SURNAMES = ["Petrenko", "Kowalczyk", "Okonkwo", "Haddadin", "Varga", "Lindqvist",
            "Takahashi", "Mbeki", "Castellano", "Brzezinski", "Oyelaran", "Vanterpool",
            "Dragomir", "Halvorsen", "Nakamura", "Quispe", "Abernathy", "Szymanska",
            "Delacroix", "Ferreira"]


def people() -> list[tuple[str, str]]:
    return [(g, s) for g in GIVEN for s in SURNAMES]


def misspell(surname: str, rng: random.Random) -> str:
    i = rng.randrange(2, len(surname) - 1)
    letters = "aeiou" if surname[i] not in "aeiou" else "rstln"
    return surname[:i] + rng.choice([c for c in letters if c != surname[i]]) + surname[i + 1:]


def make_desk(folder: Path, n: int) -> list[str]:
    """Write n drafts; return the names of those with a misspelled surname."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.md"))]
    if not articles:
        sys.exit(f"error: no corpus at {CORPUS}")
    rng = random.Random(19)
    cast = people()
    wrong = []
    for i in range(n):
        given, surname = cast[i % len(cast)]
        name = f"d{i:05}.md"
        if i % 97 == 50:  # 97 is prime to the 400 people: each has right drafts too
            surname = misspell(surname, rng)
            wrong.append(name)
        lead = (f"{given} {surname}, the council's spokesperson, said the figures "
                f"were not final. “We will publish them,” {surname} said.\n\n")
        sub = folder / f"{i % 100:02}"
        sub.mkdir(exist_ok=True)
        (sub / name).write_text(lead + articles[i % len(articles)], encoding="utf-8")
    return wrong


def run_check(binary: str, folder: Path) -> tuple[float, float, int, dict]:
    """Wall seconds, CPU seconds, peak RSS in MB, and the JSON report."""
    with tempfile.NamedTemporaryFile("r") as t, tempfile.NamedTemporaryFile("r") as out:
        started = time.monotonic()
        proc = subprocess.run(
            ["/usr/bin/time", "-o", t.name, "-f", "%U %S %M",
             binary, "check", "--format", "json", "--no-progress", "--fail-on", "never",
             str(folder)],
            stdout=open(out.name, "w"), stderr=subprocess.DEVNULL)
        wall = time.monotonic() - started
        if proc.returncode != 0:
            sys.exit(f"error: check exited with {proc.returncode}")
        user, system, rss_kb = t.read().split()[-3:]
        return wall, float(user) + float(system), int(rss_kb) // 1024, json.load(open(out.name))


def send(proc, msg: dict) -> None:
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive(proc) -> dict | None:
    length = None
    while True:
        line = proc.stdout.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def vm_hwm_mb(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return 0


def run_server(binary: str, folder: Path) -> tuple[float, int, str]:
    """The language server on the folder as its workspace: seconds from `initialized` to the
    desk's "drafts indexed" log line, the server's peak resident memory then, and the line."""
    proc = subprocess.Popen([binary, "lsp", "--log-level", "info"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    uri = folder.resolve().as_uri()
    send(proc, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "processId": None, "rootUri": uri, "capabilities": {},
        "workspaceFolders": [{"uri": uri, "name": "desk"}]}})
    while (m := receive(proc)) is not None and m.get("id") != 1:
        pass
    started = time.monotonic()
    send(proc, {"jsonrpc": "2.0", "method": "initialized", "params": {}})
    line = ""
    while (m := receive(proc)) is not None:
        text = m.get("params", {}).get("message", "") if m.get("method") == "window/logMessage" else ""
        if "drafts indexed" in text:
            line = text
            break
    seconds = time.monotonic() - started
    peak = vm_hwm_mb(proc.pid)
    send(proc, {"jsonrpc": "2.0", "id": 2, "method": "shutdown", "params": None})
    send(proc, {"jsonrpc": "2.0", "method": "exit", "params": None})
    proc.wait(timeout=30)
    return seconds, peak, line


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "copydesk"))
    ap.add_argument("--drafts", type=int, default=10_000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "desk"
        folder.mkdir()
        wrong = make_desk(folder, args.drafts)
        config = folder / "copydesk.toml"
        results = {}
        for on in (False, True):
            config.write_text(f"[names]\nacross-drafts = {'true' if on else 'false'}\n")
            results[on] = run_check(args.bin, folder)
        (off_s, off_cpu, off_mb, _) = results[False]
        (on_s, on_cpu, on_mb, report) = results[True]
        flagged = sorted(
            Path(f["path"]).name for f in report["files"]
            if any(d["rule"] == "name.inconsistent-desk" for d in f["diagnostics"]))
        hits = len(set(flagged) & set(wrong))
        words = report["summary"]["words"]
        print(f"{args.drafts} drafts, {words} words")
        print(f"across-drafts off: {off_s:.1f} s wall, {off_cpu:.1f} s CPU, peak {off_mb} MB")
        print(f"across-drafts on:  {on_s:.1f} s wall, {on_cpu:.1f} s CPU, peak {on_mb} MB "
              f"({on_cpu - off_cpu:+.1f} s CPU, +{on_mb - off_mb} MB, "
              f"{(on_mb - off_mb) * 1024 * 1024 / args.drafts:.0f} bytes a draft)")
        print(f"name.inconsistent-desk: {len(flagged)} drafts flagged, "
              f"{hits} of {len(wrong)} misspelled drafts, {len(flagged) - hits} others")
        config.write_text("")
        seconds, peak, line = run_server(args.bin, folder)
        print(f"language server: workspace indexed in {seconds:.1f} s, peak {peak} MB ({line})")


if __name__ == "__main__":
    main()
