#!/usr/bin/env python3
"""Time and peak memory of `copydesk check` and `copydesk lsp` on big drafts.

Drafts are the project's corpus (tests/corpus/wikinews-2019) repeated to 1, 10 and 50 MB,
and the same text with its line breaks made spaces (one paragraph) at 1 and 5 MB. For the
server: open the draft, wait for its diagnostics, make a one-word edit, wait again, then
read the process's peak resident memory (VmHWM). Linux only (reads /proc; needs GNU time at /usr/bin/time).

    cargo build --release && python3 scripts/bench/big_drafts.py [--bin target/release/copydesk]
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests" / "corpus" / "wikinews-2019"


def corpus_text() -> str:
    files = sorted(CORPUS.glob("*.md"))
    if not files:
        sys.exit(f"error: no corpus at {CORPUS}")
    return "\n\n".join(f.read_text(encoding="utf-8") for f in files)


def draft(size: int, one_paragraph: bool) -> str:
    base = corpus_text()
    text = "\n\n".join([base] * (size // len(base.encode()) + 1)).encode()[:size]
    text = text.decode("utf-8", "ignore")
    if one_paragraph:
        text = text.replace("\r", " ").replace("\n", " ") + "\n"
    return text


def run_check(binary: str, path: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds, peak RSS in MB, from GNU time: a child forked from this
    Python process would report Python's own high-water mark (ru_maxrss survives exec)."""
    with tempfile.NamedTemporaryFile("r") as out:
        proc = subprocess.run(
            ["/usr/bin/time", "-o", out.name, "-f", "%e %U %S %M",
             binary, "check", "--format", "json", "--no-progress", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        if proc.returncode not in (0, 1):
            sys.exit(f"error: check exited with {proc.returncode} on {path}")
        wall, user, system, rss_kb = out.read().split()[-4:]
    return float(wall), float(user) + float(system), int(rss_kb) // 1024


class Server:
    def __init__(self, binary: str):
        self.p = subprocess.Popen(
            [binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
        )
        self.next_id = 1

    def send(self, msg: dict) -> None:
        body = json.dumps(msg).encode()
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self) -> dict:
        length = 0
        while True:
            line = self.p.stdout.readline()
            if not line:
                sys.exit("error: the server ended")
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def request(self, method: str, params) -> dict:
        rid = self.next_id
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        while True:
            m = self.read()
            if m.get("id") == rid and "method" not in m:
                return m
            self.answer(m)

    def answer(self, m: dict) -> None:
        if "id" in m and "method" in m:  # a request from the server: answer null
            self.send({"jsonrpc": "2.0", "id": m["id"], "result": None})

    def notify(self, method: str, params) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def diagnostics(self, uri: str, version: int) -> int:
        while True:
            m = self.read()
            self.answer(m)
            p = m.get("params") or {}
            if m.get("method") == "textDocument/publishDiagnostics" and p.get("uri") == uri \
                    and p.get("version") == version:
                return len(p["diagnostics"])

    def peak_mb(self) -> int:
        for line in Path(f"/proc/{self.p.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
        return -1

    def close(self) -> None:
        self.request("shutdown", None)
        self.notify("exit", None)
        self.p.wait(timeout=30)


def run_server(binary: str, text: str) -> tuple[float, float, int]:
    """Open → first diagnostics, one edit → diagnostics (seconds), peak RSS in MB."""
    s = Server(binary)
    s.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    s.notify("initialized", {})
    uri = "untitled:big.md"
    t = time.perf_counter()
    s.notify("textDocument/didOpen",
             {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}})
    s.diagnostics(uri, 1)
    opened = time.perf_counter() - t
    t = time.perf_counter()
    edit = {"range": {"start": {"line": 3, "character": 0}, "end": {"line": 3, "character": 0}},
            "text": "Word "}
    s.notify("textDocument/didChange",
             {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [edit]})
    s.diagnostics(uri, 2)
    edited = time.perf_counter() - t
    peak = s.peak_mb()
    s.close()
    return opened, edited, peak


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(ROOT / "target" / "release" / "copydesk"))
    ap.add_argument("--sizes", default="1,10,50", help="whole drafts, MB")
    ap.add_argument("--paragraphs", default="1,5", help="single paragraphs, MB")
    args = ap.parse_args()
    cases = [(int(m), False) for m in args.sizes.split(",") if m] + \
            [(int(m), True) for m in args.paragraphs.split(",") if m]
    print("| draft | check: wall / CPU | check: peak RSS | server: open → diagnostics | "
          "server: edit → diagnostics | server: peak RSS |")
    print("|---|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for mb, one in cases:
            text = draft(mb * 1_000_000, one)
            path = Path(tmp) / "big.md"
            path.write_text(text, encoding="utf-8")
            wall, cpu, rss = run_check(args.bin, path)
            opened, edited, peak = run_server(args.bin, text)
            name = f"{mb} MB " + ("one paragraph" if one else "draft")
            print(f"| {name} | {wall:.2f} / {cpu:.2f} s | {rss} MB | {opened:.2f} s | "
                  f"{edited:.2f} s | {peak} MB |", flush=True)


if __name__ == "__main__":
    main()
