#!/usr/bin/env python3
"""Turn the English MEANTIME corpus (NewsReader, CC BY 4.0) into Markdown drafts and a
time-expression gold file, for measuring copydesk on news it was never tuned on.

    python3 scripts/corpus/meantime.py MEANTIME_DIR tests/corpus/meantime-en \
        tests/fixtures/time_expressions_meantime

MEANTIME_DIR is the corpus's `intra-doc_annotation` folder (120 Wikinews articles of 2004-2011
as tokens, with TimeML TIMEX3 annotations and each article's creation time). The articles are
rebuilt from tokens: spaces restored by punctuation rules, one sentence per paragraph unless a
quotation runs on or a quoted sentence follows one (the corpus keeps sentences, not paragraphs). The gold file has the columns of
tests/fixtures/time_expressions.tsv: every TIMEX3 of the annotated sentences of the body
(the corpus labels the first four) with its TimeML value.
"""
import html
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "n't", "'re", "'ve",
                   "'ll", "'d", "'m", "'", "...", "'S"}
NO_SPACE_AFTER = {"(", "[", "$", "US$", "CA$", "£", "€", "#", "AU$", "A$", "NZ$", "HK$"}
QUOTES = {"``", "''", '"', "“", "”"}


def detokenise(tokens):
    """Tokens (text, sentence) of one document → list of sentences as strings, each with
    the char offsets of its tokens. A quote token opens or closes by alternation."""
    sentences = {}
    open_quote = False
    for tid, text, sent in tokens:
        s = sentences.setdefault(sent, {"text": "", "spans": {}, "quote_open_at_end": False})
        t = text
        glue = True  # no space before this token
        if t in QUOTES:
            # The corpus's `` and '' say which way a mark faces; a '' with no quotation
            # open is an opening mark written the wrong way (`''I'd distribute …"`).
            if t in ("``", "“"):
                opening = True
            elif t in ("''", "”"):
                opening = not open_quote
            else:
                opening = not open_quote
            t = '"'
            glue = not opening
            open_quote = opening
        elif t in NO_SPACE_BEFORE or re.fullmatch(r"'(s|re|ve|ll|d|m)", t, re.I):
            glue = True
        else:
            glue = False
        prev = s["text"]
        if prev:
            last = s.get("last", "")
            if last in NO_SPACE_AFTER or s.get("last_open_quote"):
                glue = True
            if not glue:
                prev += " "
        start = len(prev)
        s["text"] = prev + t
        s["spans"][tid] = (start, start + len(t))
        s["last"] = t
        s["last_open_quote"] = t == '"' and open_quote
        s["quote_open_at_end"] = open_quote
    return [sentences[k] for k in sorted(sentences)]


def kind_of(timex_type, text, value):
    if timex_type == "DURATION":
        return "duration"
    if timex_type == "SET":
        return "set"
    if re.search(r"\b(1[89]|20)\d\d\b", text):
        return "absolute"
    if value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return "vague"
    return "relative"


def convert(path, out_dir, gold_rows):
    root = ET.parse(path).getroot()
    url = root.get("url", "")
    tokens = [(t.get("t_id"), html.unescape(t.text or ""), int(t.get("sentence")))
              for t in root.iter("token")]
    sentences = detokenise(tokens)
    dct = None
    timexes = []
    markables = root.find("Markables")
    for tx in (markables.iter("TIMEX3") if markables is not None else []):
        anchors = [a.get("t_id") for a in tx.iter("token_anchor")]
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = tx.get("value")
        if anchors:
            # Clock times carry the zone mark "Z" in TimeML; the project's values carry no
            # zone, so the mark is dropped (the clock reading is what is compared).
            value = (tx.get("value") or "-").removesuffix("Z")
            timexes.append((anchors, tx.get("type"), value))
    if not dct or len(sentences) < 3:
        return None
    # One article's creation time is written day-first (03-02-2009 for February 3, 2009,
    # as its dateline says); turn it into ISO form.
    m = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", dct)
    if m:
        dct = f"{m[3]}-{m[2]}-{m[1]}"
    title = sentences[0]["text"]
    body = sentences[2:]
    date = dct[:10]
    name = pathlib.Path(path).stem
    slug = re.sub(r"[^a-z0-9]+", "-", name.split("_", 1)[1].lower()).strip("-")[:70]
    fname = f"{date}-{slug}.md"
    # Paragraphs: a sentence per paragraph, except that a quotation left open runs on.
    # A sentence that opens with a quotation after a sentence holding one joins it: a run
    # of one speaker's quoted sentences is set as one paragraph in most news copy.
    paragraphs, current = [], []
    for i, s in enumerate(body):
        # The corpus also ends a sentence after a quoted question or exclamation, leaving
        # the attribution ("said Obama.") as a sentence of its own: it starts lower case.
        runs_on = (i > 0 and not current and paragraphs
                   and ((s["text"].startswith('"') and '"' in body[i - 1]["text"])
                        or s["text"][:1].islower()))
        if runs_on:
            current = [paragraphs.pop()]
        current.append(s["text"])
        if not s["quote_open_at_end"]:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    text = (
        "---\n"
        f"title: \"{title.replace(chr(34), chr(39))}\"\n"
        f"date: {date}\n"
        f"source: {url}\n"
        "license: CC BY 4.0 (MEANTIME, NewsReader; text from English Wikinews)\n"
        "---\n\n"
        f"# {title}\n\n"
        f"{sentences[1]['text']}\n\n"
        + "\n\n".join(paragraphs)
        + "\n"
    )
    (out_dir / fname).write_text(text, encoding="utf-8")
    # Gold: every TIMEX3 in the body, found by its first token's sentence.
    token_sentence = {tid: sent for tid, _, sent in tokens}
    by_sentence = {}
    for anchors, ttype, value in timexes:
        sent = token_sentence.get(anchors[0])
        if sent is None or sent < 2:
            continue
        s = sentences[sent]
        spans = [s["spans"][a] for a in anchors if a in s["spans"]]
        if not spans:
            continue
        start, end = min(a for a, _ in spans), max(b for _, b in spans)
        by_sentence.setdefault(sent, []).append((start, end, s["text"][start:end], ttype, value))
    # The corpus annotates the title, the dateline and the first sentences only (up to the
    # last sentence holding any markable); later sentences are not labelled and stay out.
    annotated = max((token_sentence.get(a.get("t_id"), 0)
                     for m in (markables if markables is not None else [])
                     for a in m.iter("token_anchor")), default=1)
    for sent in range(2, min(annotated + 1, len(sentences))):
        s = sentences[sent]
        snippet = s["text"][:60].rstrip()
        rows = sorted(by_sentence.get(sent, []))
        # A TIMEX3 that contains others ("from 2009 to 2011" around 2009 and 2011) gives way
        # to them: the project labels the dates of a range, not the range.
        rows = [r for r in rows
                if not any(o is not r and r[0] <= o[0] and o[1] <= r[1] for o in rows)]
        if not rows:
            gold_rows.append((fname, snippet, "-", "none", "-"))
        for _, _, expr, ttype, value in rows:
            gold_rows.append((fname, snippet, expr, kind_of(ttype, expr, value), value))
    return fname


def main():
    src, out_dir, gold = map(pathlib.Path, sys.argv[1:4])
    out_dir.mkdir(parents=True, exist_ok=True)
    # Split: within each of the four sub-corpora (airbus, apple, gm, stock), articles in
    # document-id order alternate tune / held-out, so both parts cover every desk.
    parts = {"tune": [], "heldout": []}
    names = []
    for sub in sorted(p for p in src.iterdir() if p.is_dir()):
        docs = sorted(sub.glob("*.xml"), key=lambda p: int(p.name.split("_", 1)[0]))
        for i, path in enumerate(docs):
            rows = parts["tune" if i % 2 == 0 else "heldout"]
            name = convert(path, out_dir, rows)
            if name:
                names.append(name)
    header = [
        "# Time expressions of the English MEANTIME corpus (NewsReader, CC BY 4.0): every TIMEX3 of the",
        "# annotated body sentences (the first four) of each article in tests/corpus/meantime-en, with its TimeML value as annotated by the corpus",
        "# Articles alternate between the tune and held-out files within each sub-corpus (airbus, apple, gm, stock).",
        "# authors (not by this project). Written by scripts/corpus/meantime.py; do not edit by hand.",
        "# Types are derived: duration / set from the TIMEX3 type, absolute when a year is written,",
        "# vague for PRESENT_REF/PAST_REF/FUTURE_REF, relative otherwise. The zone mark Z of clock times is dropped.",
        "article\tsentence\texpression\ttype\tvalue",
    ]
    for part, rows in parts.items():
        path = gold.with_name(f"{gold.name}_{part}.tsv")
        path.write_text("\n".join(header + ["\t".join(r) for r in rows]) + "\n", encoding="utf-8")
        print(f"{path}: {len({r[0] for r in rows})} articles, "
              f"{sum(1 for r in rows if r[3] != 'none')} time expressions")


if __name__ == "__main__":
    main()
