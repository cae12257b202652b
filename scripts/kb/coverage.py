#!/usr/bin/env python3
"""How many of the politicians and officials a names gold set lists the knowledge base knows.

    python3 scripts/kb/coverage.py tests/gold/names.tune.tsv [--kb PATH] [--list]
    git show REV:crates/copydesk-core/data/kb/actors.json > /tmp/old.json
    python3 scripts/kb/coverage.py tests/gold/names.heldout.tsv --kb /tmp/old.json

"Knows" is `kb_knows` of tests/name_gold.rs: a person actor with the gold surname among its
name parts' spellings and, when both have a given name, the gold given name as a spelling of
its given-name part (compared case-, accent- and hyphen-insensitively). Prints the counts
only; `--list` also names the people (use it on the tune set only: held-out rows are for
measuring, not for reading).
"""
from __future__ import annotations

import argparse
import json
import os
import unicodedata

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SPECIAL = str.maketrans({"ß": "ss", "ø": "o", "Ø": "o", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ı": "i",
                         "æ": "ae", "Æ": "ae", "’": "'", "ʼ": "'", "‘": "'", "ʻ": "'", "ʿ": "'", "ʾ": "'",
                         "´": "'", "‑": " ", "‐": " ", "-": " "})


def fold(s: str) -> str:
    s = unicodedata.normalize("NFD", s.translate(SPECIAL))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(s.split())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold")
    ap.add_argument("--kb", default=os.path.join(REPO, "crates/copydesk-core/data/kb/actors.json"))
    ap.add_argument("--list", action="store_true", help="name each person (tune set only)")
    args = ap.parse_args()
    actors = [a for a in json.load(open(args.kb, encoding="utf-8"))["actors"] if a["kind"] == "person"]
    index = []
    for a in actors:
        parts = [(p["part"], {fold(v) for v in p["variants"]}) for p in a["parts"]]
        index.append(parts)

    def knows(given, surname):
        g = fold(given) if given else None
        s = fold(surname) if surname else None
        for parts in index:
            has = lambda x, kind=None: any((kind is None or k == kind) and x in vs for k, vs in parts)
            has_given = any(k == "given" for k, _ in parts)
            if s is not None:
                if has(s) and (g is None or not has_given or has(g, "given")):
                    return True
            elif g is not None and has(g):
                return True
        return False

    rows = []
    for line in open(args.gold, encoding="utf-8"):
        if line.startswith("#") or line.startswith("article\t") or not line.strip():
            continue
        f = line.rstrip("\n").split("\t")
        if len(f) < 8 or f[6] not in ("politician", "official"):
            continue
        opt = lambda x: x if x and x != "-" else None
        rows.append((f[1], opt(f[2]), opt(f[3]), f[6]))
    known = [r for r in rows if knows(r[1], r[2])]
    for role in ("politician", "official"):
        n = sum(1 for r in rows if r[3] == role)
        k = sum(1 for r in known if r[3] == role)
        print(f"{role}: {k}/{n}")
    share = 100 * len(known) / len(rows) if rows else 0
    print(f"politicians and officials the KB knows: {len(known)}/{len(rows)} ({share:.1f}%)")
    if args.list:
        for r in rows:
            print(("known   " if r in known else "unknown ") + r[0])


if __name__ == "__main__":
    main()
