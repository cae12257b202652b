#!/usr/bin/env python3
"""Build copydesk's offline actor knowledge base (crates/copydesk-core/data/kb/actors.json).

Python 3.11 standard library only. Deterministic: rebuilding from the same inputs gives
byte-identical output files.

Inputs: every file read is listed with its origin and sha256 in scripts/kb/inputs.toml; the
small ones are copied in scripts/kb/inputs/, the large ones (Factbook, OFAC) come from a
folder laid out the same way, given with --inputs (scripts/kb/inputs/SOURCE.md says how to get
them). Each input's sha256 is checked before building.

    python3 scripts/kb/build_kb.py --inputs DIR    # rebuild crates/copydesk-core/data/kb/
    python3 scripts/kb/build_kb.py --check [--inputs DIR]
        # build in memory and compare with the committed files (writes nothing); without the
        # large inputs, checks what it can and says what it could not

See crates/copydesk-core/data/kb/FORMAT.md for the output format and the reconciliation rules.
"""
from __future__ import annotations

import argparse
import csv
import difflib
import hashlib
import html
import json
import os
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
INPUTS = os.path.join(HERE, "inputs")          # the repository's copy of the small inputs
MANIFEST = os.path.join(HERE, "inputs.toml")   # every input: path, source, url, sha256
OUTPUTS = ("actors.json", "conflicts.md", "sample.md")
SIZE_BUDGET = 1_500_000

SOURCES = [
    {"id": "factbook", "name": "CIA World Factbook (factbook/factbook.json, commit 8662a8b)",
     "licence": "US public domain; repository CC0-1.0", "as_of": "2026-01-22"},
    {"id": "wikidata-2026", "name": "Wikidata world leaders extract (every-politician-scrapers/world-leaders-2021, index 2026)",
     "licence": "CC0-1.0", "as_of": "2026"},
    {"id": "wikidata-fm-2022", "name": "Wikidata foreign ministers extract (every-politician-scrapers/world)",
     "licence": "CC0-1.0", "as_of": "2022-12-10"},
    {"id": "wikidata-orgs-2023", "name": "Wikidata international organisation office holders (every-politician-scrapers/world)",
     "licence": "CC0-1.0", "as_of": "2023-01"},
    {"id": "ofac", "name": "US Treasury OFAC SDN list and alias table",
     "licence": "US public domain", "as_of": "2024-05-03/2026-06"},
    {"id": "curated", "name": "copydesk curated transliteration variants (kb/curated/transliteration_variants.json)",
     "licence": "facts with cited sources", "as_of": "2026"},
    {"id": "name-variants", "name": "name-variants 0.1.3 romanisation clusters (SecurityRonin/name-variants)",
     "licence": "MIT", "as_of": "0.1.3"},
    {"id": "i18n-iso-countries", "name": "i18n-iso-countries 7.14.0 English country names",
     "licence": "MIT", "as_of": "7.14.0"},
    {"id": "manual", "name": "copydesk KB maintainers (scripts/kb/manual.json); unverified, see conflicts.md",
     "licence": "project", "as_of": "2025"},
]

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"], 1)}
for _m, _i in list(MONTHS.items()):
    MONTHS[_m[:3]] = _i
MONTHS["sept"] = 9

PARTICLES = {"al", "el", "bin", "bint", "ibn", "ben", "abu", "de", "da", "das", "do", "dos", "du",
             "del", "della", "di", "la", "le", "van", "von", "der", "den", "ter", "ten", "zu", "y",
             "e", "i", "ould", "ag", "af", "av", "ibni", "binti"}
# Words that can precede a name in Factbook executive text and are never part of the name.
TITLE_WORDS = {
    "president", "prime", "minister", "king", "queen", "sultan", "amir", "emir", "prince", "princess",
    "premier", "chancellor", "governor", "general", "gen.", "col.", "capt.", "dr.", "sir", "dame",
    "transition", "transitional", "interim", "acting", "caretaker", "vice", "supreme", "leader",
    "crown", "co-prince", "archbishop", "sr.", "ratu", "grand", "chief", "duke", "pope", "emperor",
    "taliban", "chairperson", "chairman", "chair", "mayor", "administrator", "high", "commissioner",
    "lord", "lieutenant", "lieutenant-governor", "prefect", "secretary", "state", "affairs",
    "commission", "council", "presidency", "territorial", "assembly", "co-vice", "gnu", "cnsp",
    "commander-in-chief", "sovereign", "people's", "supreme", "executive", "government", "cabinet",
    "ministers", "the", "of", "and", "for", "taoiseach", "overall", "captains", "regent", "air",
    "vice-marshal", "marshal", "foreign", "superior", "republic", "mann", "ulu", "o", "tokelau",
}
ROMAN = re.compile(r"^(?=[IVXL]+$)M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")

HOS_WORDS = ("president", "king", "queen", "monarch", "emir", "amir", "sultan", "emperor", "pope",
             "prince", "co-prince", "supreme leader", "captain regent", "grand duke", "yang di-pertuan",
             "o le ao", "chairman of the presidential council", "military leader")
HOG_WORDS = ("prime minister", "premier", "chancellor", "taoiseach", "chairman of the council of ministers",
             "president of the council of ministers", "president of the government")


# ----------------------------------------------------------------------------- helpers

_FOLD = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "ß": "ss", "đ": "d", "Đ": "D", "ł": "l", "Ł": "L",
                       "ı": "i", "œ": "oe", "Œ": "OE", "þ": "th", "ð": "d"})


def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.translate(_FOLD))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("’", "'").replace("ʻ", "'").lower()


def slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(s)).strip("-")


def is_latin(s: str) -> bool:
    for c in s:
        if c.isalpha() and not ("LATIN" in unicodedata.name(c, "")) and c not in "ʻʼ":
            return False
    return True


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, fold(a), fold(b)).ratio()


def close_name(a: str, b: str, thr: float = 0.6) -> bool:
    """Close given names: same first letter after folding and similar, or prefix."""
    fa, fb = fold(a).replace("-", " "), fold(b).replace("-", " ")
    if not fa or not fb:
        return False
    if fa == fb or fa.startswith(fb) or fb.startswith(fa):
        return True
    return fa[0] == fb[0] and ratio(fa, fb) >= thr


def uniq(seq):
    seen, out = set(), []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def parse_date(text: str) -> str | None:
    t = text.strip().lower().replace(",", " ")
    m = re.search(r"(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})", t)
    if m and m.group(2) in MONTHS:
        return f"{int(m.group(3)):04d}-{MONTHS[m.group(2)]:02d}-{int(m.group(1)):02d}"
    m = re.search(r"([a-z]+)\s+(\d{4})", t)
    if m and m.group(1) in MONTHS:
        return f"{int(m.group(2)):04d}-{MONTHS[m.group(1)]:02d}"
    m = re.search(r"(\d{4})", t)
    return m.group(1) if m else None


def year(d: str | None) -> str | None:
    return d[:4] if d else None


def proper_token(tok: str, first: bool) -> str:
    """Proper-case one Factbook token: MCDONALD stays as given prefix (McDONALD -> McDonald)."""
    if not any(c.isalpha() for c in tok):
        return tok
    if ROMAN.match(tok) and not first:
        return tok
    out = []
    for i, piece in enumerate(re.split(r"(-)", tok)):
        if piece == "-" or not piece:
            out.append(piece)
            continue
        low = piece.lower()
        if piece.isupper():
            if low in PARTICLES and not (first and i == 0) and low not in ("i", "e", "y"):
                out.append(low)  # EL-SISI -> el-Sisi, REBELO DE SOUSA -> Rebelo de Sousa
            elif "'" in piece or "’" in piece:
                sub = re.split(r"(['’])", piece)
                res = sub[0].capitalize()
                for j in range(1, len(sub), 2):
                    nxt = sub[j + 1]
                    # O'NEILL -> O'Neill ; MULI'AKA'AKA -> Muli'aka'aka
                    res += sub[j] + (nxt.capitalize() if len(sub[0]) == 1 and j == 1 else nxt.lower())
                out.append(res)
            else:
                out.append(piece.capitalize())
        else:
            m = re.match(r"^(.*?[a-z])([A-Z]{2,})$", piece)  # McDONALD, MacLEOD
            out.append(m.group(1) + m.group(2).capitalize() if m else piece)
    return "".join(out)


def is_caps(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    if len(letters) < 2 and not ROMAN.match(tok):
        return False
    # allow a lowercase prefix like Mc/Mac/de in "McDONALD"
    m = re.match(r"^(?:Mc|Mac|O'|D')?([^a-z]+)$", tok)
    return bool(m) and any(c.isupper() for c in m.group(1)) and not tok.endswith(".")


SUSPICIOUS_LABEL = re.compile(r"^Q\d+$")


def label_problem(label: str) -> str | None:
    if not label:
        return "missing label"
    if SUSPICIOUS_LABEL.match(label):
        return "missing label (QID only)"
    toks = re.split(r"\s+", label)
    for t in toks:
        if t and t[0].islower() and fold(t.split("-")[0]) not in PARTICLES | {"of"} and not t.startswith(("al-", "el-")):
            return f"suspicious label (lowercase word '{t}')"
    return None


# ----------------------------------------------------------------------------- name model

class Names:
    """Name parts of a person: ordered list of (part, [variants]) plus full-name variants."""

    def __init__(self):
        self.parts: list[list] = []  # [part, variants(list), misspellings(list)]
        self.full: list[str] = []

    def get(self, part):
        for p in self.parts:
            if p[0] == part:
                return p
        return None

    def add(self, part, form, first=False):
        p = self.get(part)
        if p is None:
            return False
        if form in p[1] or form.lower() in {x.lower() for x in p[1]}:
            return False  # already present, or differs only in letter case (de Wever vs De Wever)
        if first:
            p[1].insert(0, form)
        else:
            p[1].append(form)
        return True


def split_display(name: str, surname_first: bool = False, surname_hint: str | None = None):
    """Split a display name into ordered parts [(part, form)]."""
    toks = name.split()
    if len(toks) == 1 or (len(toks) == 2 and ROMAN.match(toks[1])) or (len(toks) >= 2 and ROMAN.match(toks[-1]) and len(toks) <= 3):
        return [("name", name)]
    if surname_hint:
        fh = fold(surname_hint).split()
        ft = [fold(t) for t in toks]
        for i in range(len(toks) - len(fh) + 1):
            if ft[i:i + len(fh)] == fh:
                sur = " ".join(toks[i:i + len(fh)])
                if i == 0:
                    rest = " ".join(toks[len(fh):])
                    return [("surname", sur), ("given", rest)] if rest else [("name", sur)]
                given = " ".join(toks[:i])
                after = " ".join(toks[i + len(fh):])
                parts = [("given", given), ("surname", sur if not after else sur + " " + after)]
                return parts
    if surname_first:
        return [("surname", toks[0]), ("given", " ".join(toks[1:]))]
    # surname = last token plus preceding lowercase particles (van der Bellen, bin Salman, al-Sisi)
    i = len(toks) - 1
    while i - 1 >= 1 and fold(toks[i - 1]) in PARTICLES and toks[i - 1][0].islower():
        i -= 1
    # Arabic-style "X bin Y Al Z": surname from the 'bin'
    for j in range(1, len(toks)):
        if fold(toks[j]) in ("bin", "ibn", "bint") and j < i:
            i = j
            break
    return [("given", " ".join(toks[:i])), ("surname", " ".join(toks[i:]))]


SURNAME_FIRST_COUNTRIES = {"CN", "TW", "KP", "KR", "HK", "MO", "KH", "VN", "HU_no"}


# ----------------------------------------------------------------------------- inputs

class Inputs:
    """The files of inputs.toml, each found in the repository copy or else in `extra`."""

    def __init__(self, extra: str | None = None):
        with open(MANIFEST, "rb") as f:
            manifest = tomllib.load(f)
        self.sources = manifest["sources"]
        self.entries = manifest["inputs"]
        self.found: dict[str, str] = {}
        self.missing: list[dict] = []
        for e in self.entries:
            for root in (INPUTS, extra):
                p = os.path.join(root, e["path"]) if root else None
                if p and os.path.isfile(p):
                    self.found[e["path"]] = p
                    break
            else:
                self.missing.append(e)

    def verify(self) -> list[str]:
        """Inputs whose content is not the manifest's (sha256), and repository copies missing."""
        bad = []
        for e in self.entries:
            p = self.found.get(e["path"])
            if p is None:
                if e["in_repo"]:
                    bad.append(f"{e['path']}: missing from {os.path.relpath(INPUTS, REPO)}/ (in_repo = true)")
                continue
            with open(p, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            if digest != e["sha256"]:
                bad.append(f"{p}: sha256 {digest}, manifest says {e['sha256']}")
        return bad

    def missing_summary(self) -> list[str]:
        by = defaultdict(list)
        for e in self.missing:
            by[e["source"]].append(e)
        return [f"{src}: {len(es)} file{'s' if len(es) > 1 else ''}, {sum(e['bytes'] for e in es):,} bytes"
                f" (e.g. {es[0]['path']}; {self.sources[src]['origin']})" for src, es in sorted(by.items())]

    def path(self, rel: str) -> str:
        return self.found[rel]

    def under(self, folder: str) -> list[str]:
        """Paths of the manifest's files in a folder, sorted."""
        return sorted(e["path"] for e in self.entries if e["path"].startswith(folder + "/"))


# ----------------------------------------------------------------------------- KB builder

class KB:
    def __init__(self, inputs: Inputs):
        self.inputs = inputs
        self.manual = json.load(open(os.path.join(HERE, "manual.json"), encoding="utf-8"))
        self.actors: dict[str, dict] = {}
        self.names: dict[str, Names] = {}
        self.conflicts: dict[str, list[str]] = defaultdict(list)
        self.country_name: dict[str, str] = {}   # ISO2 -> display name
        self.country_qid: dict[str, str] = {}    # ISO2 -> Wikidata QID
        self.name_to_iso: dict[str, str] = {}    # folded name -> ISO2
        self.person_index: dict[str, list[str]] = defaultdict(list)  # iso -> actor ids
        self.curated_map: dict[str, str] = {}

    # ------------------------------------------------------------------ actors
    def new_actor(self, aid, kind, name, country=None):
        if aid in self.actors:
            return self.actors[aid]
        a = {"id": aid, "kind": kind, "name": name, "roles": [], "sources": []}
        if country:
            a["country"] = country
        self.actors[aid] = a
        self.names[aid] = Names()
        if kind == "person" and country:
            self.person_index[country].append(aid)
        return a

    def add_source(self, aid, fact, source, as_of, note=None):
        s = {"fact": fact, "source": source, "as_of": as_of}
        if note:
            s["note"] = note
        if s not in self.actors[aid]["sources"]:
            self.actors[aid]["sources"].append(s)

    def init_person_names(self, aid, display, surname_first=False, surname_hint=None):
        n = self.names[aid]
        if n.parts:
            return
        for part, form in split_display(display, surname_first, surname_hint):
            n.parts.append([part, [form], []])

    def add_role(self, aid, role):
        roles = self.actors[aid]["roles"]
        for r in roles:
            if (r.get("type") == role.get("type") and r.get("country") == role.get("country")
                    and r.get("org") == role.get("org") and r["title"].lower() == role["title"].lower()
                    and r.get("start") == role.get("start")):
                return
        roles.append(role)

    # ------------------------------------------------------------------ countries
    def load_countries(self):
        en = json.load(open(self.inputs.path("kb/countries/i18n-iso-countries/langs/en.json"), encoding="utf-8"))["countries"]
        self.i18n = {}
        for iso, v in en.items():
            names = v if isinstance(v, list) else [v]
            self.i18n[iso] = names
            for n in names:
                self.name_to_iso.setdefault(fold(n), iso)
        self.factbook = {}
        for rel in self.inputs.under("kb/factbook"):
            d = json.load(open(self.inputs.path(rel), encoding="utf-8"))
            g = d.get("Government", {})
            tld = d.get("Communications", {}).get("Internet country code", {})
            tld = tld.get("text", "") if isinstance(tld, dict) else ""
            m = re.match(r"\s*\.([a-z]{2})\b", tld)
            if not m:
                continue
            iso = {"uk": "GB"}.get(m.group(1), m.group(1).upper())
            if iso not in self.i18n and iso != "XK":
                continue
            cn = {k: html.unescape(v["text"]) if isinstance(v, dict) else html.unescape(v)
                  for k, v in g.get("Country name", {}).items()}
            self.factbook[iso] = {"file": os.path.relpath(rel, "kb"), "g": g, "cn": cn}
            for k in ("conventional short form", "conventional long form"):
                t = cn.get(k, "")
                if t and t.lower() != "none":
                    self.name_to_iso.setdefault(fold(t), iso)
        self.name_to_iso.setdefault("kosovo", "XK")
        for alias, iso in {"kingdom of denmark": "DK", "kingdom of the netherlands": "NL",
                           "people's republic of china": "CN", "the bahamas": "BS", "the gambia": "GM",
                           "federated states of micronesia": "FM", "vatican city": "VA", "ivory coast": "CI",
                           "east timor": "TL", "timor-leste": "TL", "palestine": "PS", "taiwan": "TW",
                           "cape verde": "CV", "czech republic": "CZ", "turkey": "TR", "laos": "LA",
                           "brunei": "BN", "syria": "SY", "north korea": "KP", "south korea": "KR",
                           "russia": "RU", "iran": "IR", "moldova": "MD", "bolivia": "BO",
                           "venezuela": "VE", "tanzania": "TZ", "vietnam": "VN", "myanmar": "MM",
                           "eswatini": "SZ", "state of palestine": "PS"}.items():
            self.name_to_iso[alias] = iso

    def iso_of(self, name: str) -> str | None:
        return self.name_to_iso.get(fold(name.strip()))

    def build_countries(self, wd_country_labels):
        man = self.manual
        groups = {k: v for k, v in man["country_spelling_groups"].items() if not k.startswith("_")}
        isos = sorted(set(self.factbook) | set(wd_country_labels))
        for iso in isos:
            fb = self.factbook.get(iso)
            wd_label = wd_country_labels.get(iso)
            short = fb["cn"].get("conventional short form", "") if fb else ""
            if short.lower() == "none" or len(short) <= 4 or short.isupper():
                short = ""
            i18n_names = [n for n in self.i18n.get(iso, []) if "," not in n and "(" not in n]
            display = (man["country_name_overrides"].get(iso) or (groups.get(iso) or [None])[0]
                       or wd_label or short or (i18n_names[-1] if i18n_names else None))
            if not display:
                continue
            aid = self.country_qid.get(iso) or f"place:country-{iso.lower()}"
            a = self.new_actor(aid, "place", display, iso)
            a["description"] = "Country" if wd_label else "Country or territory"
            n = self.names[aid]
            n.parts.append(["name", [display] + [x for x in groups.get(iso, []) if x != display], []])
            full = []
            if fb:
                for k in ("conventional short form", "conventional long form", "abbreviation"):
                    t = re.sub(r"\s*\(.*?\)", "", fb["cn"].get(k, "")).split(";")[0].strip()
                    if k == "abbreviation":
                        t = t.split(" ")[0]
                    if t and t.lower() != "none":
                        full.append(t)
                self.add_source(aid, "names", "factbook", "2026-01-22")
            full += i18n_names
            if wd_label:
                full.append(wd_label)
                self.add_source(aid, "id", "wikidata-2026", "2026")
            if i18n_names:
                self.add_source(aid, "names", "i18n-iso-countries", "7.14.0")
            if iso in groups:
                self.add_source(aid, "variants", "manual", "2025",
                                "newsroom alternative names; first is display form")
            n.full = [x for x in uniq(full) if x not in n.parts[0][1]]
            self.country_name[iso] = display

    def build_capitals(self):
        man = self.manual
        groups = {k: v for k, v in man["capital_spelling_groups"].items() if not k.startswith("_")}
        for iso in sorted(self.factbook):
            fb = self.factbook[iso]
            if iso not in self.country_name:
                continue
            cap = fb["g"].get("Capital", {})
            cap = cap.get("name", {}) if isinstance(cap, dict) else {}
            text = html.unescape(cap.get("text", "")) if isinstance(cap, dict) else ""
            if iso in man["capital_overrides"]:
                name = man["capital_overrides"][iso]
            else:
                name = re.split(r"[;(]| in Romanian|, note", text)[0].strip().rstrip(",")
                if "," in name:
                    name = name.split(",")[0].strip()
            if not name or name.lower().startswith(("no official", "none", "administered")):
                continue
            grp = groups.get(iso, [name])
            display = grp[0]
            aid = f"place:{slug(display)}"
            if aid in self.actors:  # two countries sharing a capital name (e.g. city-states)
                aid = f"place:{slug(display)}-{iso.lower()}"
            a = self.new_actor(aid, "place", display, iso)
            a["description"] = f"Capital of {self.country_name[iso]}"
            self.names[aid].parts.append(["name", uniq(grp), []])
            if name not in grp:
                self.names[aid].full.append(name)
            self.add_source(aid, "capital", "factbook", "2026-01-22", f"Factbook capital: {text[:120]}")
            if iso in groups and len(grp) > 1:
                self.add_source(aid, "variants", "manual", "2025", "English spelling variants used by newsrooms")

    # ------------------------------------------------------------------ Factbook executives
    def parse_holder(self, seg: str):
        """Parse 'President Volodymyr ZELENSKYY (since 20 May 2019)' -> dict or None."""
        seg = html.unescape(seg)
        seg = re.sub(r"<[^>]+>", " ", seg).replace("\u00a0", " ")
        seg = re.sub(r'"[^"]*"', " ", seg)  # nicknames like "BongBong"
        m = re.search(r"\((?:[^()]*?)since ([^);,]*)", seg)
        since = parse_date(m.group(1)) if m else None
        head = re.split(r"\(", seg)[0]
        head = re.sub(r"\s+", " ", head).strip().rstrip(";,")
        toks = head.split(" ")
        caps_idx = [i for i, t in enumerate(toks) if is_caps(t.strip(",")) and t.strip(",").lower() not in TITLE_WORDS
                    and t.strip(",") not in ("CNSP", "GNU", "RN", "NSDC", "DROC", "BFC", "US", "UK")]
        if not caps_idx:
            return None
        c0 = caps_idx[0]
        c1 = c0
        while c1 + 1 < len(toks):
            nxt = toks[c1 + 1].strip(",")
            if is_caps(nxt) or (nxt.isupper() and ROMAN.match(nxt)):
                c1 += 1
            elif fold(nxt) in PARTICLES and nxt.islower() and c1 + 2 < len(toks) and is_caps(toks[c1 + 2].strip(",")):
                c1 += 2  # CORREIA e SILVA
            else:
                break
        g0 = c0
        while g0 - 1 >= 0:
            t = toks[g0 - 1]
            if not t or t.lower() in TITLE_WORDS or t[0].islower() and fold(t) not in PARTICLES or t.endswith(","):
                break
            if t[0].islower() and fold(t) in PARTICLES:
                g0 -= 1
                continue
            if not t[0].isupper():
                break
            g0 -= 1
        # "President of French Polynesia Moetai BROTHERSON": a place name precedes the given name
        if g0 > 0 and toks[g0 - 1] == "of" and c0 - g0 > 1:
            g0 = c0 - 1
        # a lowercase particle at the start of the given run belongs to the surname (bin SALMAN)
        given = [t for t in toks[g0:c0]]
        while given and given[0][0].islower():
            given.pop(0)
            g0 += 1
        surname = toks[c0:c1 + 1]
        # particles directly before caps surname: "de TOVE", "al-BURHAN", "Savi de TOVE"
        while given and given[-1][0].islower():
            surname.insert(0, given.pop())
        trailing = []
        j = c1 + 1
        while j < len(toks):
            t = toks[j].rstrip(",")
            if t in ("Jr.", "Sr.") or (t and (t[0].isupper() or fold(t) in PARTICLES or re.match(r"^(al|el)-", t)) and t.lower() not in TITLE_WORDS
                                       and not t.endswith(":") and t not in ("(Col.)",)):
                trailing.append(t)
                if toks[j].endswith(",") and t not in ("Jr.",):
                    break
                j += 1
                continue
            break
        if trailing and trailing[-1] in ("of",):
            trailing.pop()
        if len(trailing) > 2 and "of" in [x.lower() for x in trailing]:
            trailing = trailing[:[x.lower() for x in trailing].index("of")]
        # "King WILLEM-ALEXANDER of the Netherlands": trailing starting with 'of' is not a name
        title = " ".join(toks[:g0]).strip(" ,")
        caps_first = not given
        surname_txt = " ".join(proper_token(t.strip(","), i == 0 and caps_first) for i, t in enumerate(surname))
        given_txt = " ".join(given)
        trailing = [t for t in trailing if t not in ("Jr.", "Sr.")]
        trailing_txt = " ".join(trailing)
        if caps_first:
            full = " ".join(x for x in (surname_txt, trailing_txt) if x)
        else:
            full = " ".join(x for x in (given_txt, surname_txt, trailing_txt) if x)
        return {"title": title, "given": given_txt, "surname": surname_txt, "trailing": trailing_txt,
                "caps_first": caps_first, "full": full, "since": since, "raw": seg.strip()}

    def factbook_holders(self):
        """-> list of (iso, kind, holder dict)"""
        out = []
        for iso in sorted(self.factbook):
            e = self.factbook[iso]["g"].get("Executive branch", {})
            for key, kind in (("chief of state", "hos"), ("head of government", "hog")):
                v = e.get(key)
                text = v.get("text", "") if isinstance(v, dict) else ""
                if not text:
                    continue
                text = html.unescape(text)
                first = re.split(r";|, represented by| represented by|; note", text)[0]
                if "(vacant)" in first:
                    continue
                h = self.parse_holder(first)
                if h:
                    out.append((iso, kind, h))
        return out

    # ------------------------------------------------------------------ main build
    def build(self):
        self.load_countries()
        man = self.manual
        # ---- Wikidata 2026 leaders
        wd_rows = list(csv.DictReader(open(self.inputs.path("kb/wikidata/world-leaders_wikidata_index-2026.csv"), encoding="utf-8")))
        wd_country_labels = {}
        unresolved = set()
        for r in wd_rows:
            iso = self.iso_of(r["country"])
            if not iso:
                unresolved.add(r["country"])
                continue
            r["iso"] = iso
            wd_country_labels.setdefault(iso, r["country"])
            self.country_qid.setdefault(iso, r["countryid"])
        for c in sorted(unresolved):
            self.conflicts["Unresolved country labels (Wikidata 2026)"].append(f"`{c}`: no ISO code found; rows skipped")
        self.build_countries(wd_country_labels)
        self.build_capitals()

        def kind_of(pos):
            p = pos.lower()
            if any(w in p for w in HOG_WORDS):
                return "hog"
            if "governor-general" in p or "council" in p and "presidential" not in p:
                return "other"
            if any(w in p for w in HOS_WORDS):
                return "hos"
            return "other"

        fb = self.factbook_holders()
        fb_by = defaultdict(list)
        for iso, kind, h in fb:
            fb_by[(iso, kind)].append(h)

        # curated data (needed for matching surname variants)
        cur = json.load(open(self.inputs.path("kb/curated/transliteration_variants.json"), encoding="utf-8"))
        self.curated = cur
        cur_by_qid = {e["id"]: e for e in cur["entries"] if e["id"].startswith("Q")}

        def surname_forms_of_qid(qid, label):
            forms = {fold(split_display(label)[-1][1])}
            e = cur_by_qid.get(qid)
            if e:
                for v in e["variants"]:
                    forms.add(fold(v["form"].split()[-1]))
            return forms

        def fb_matches(h, qid, label):
            """Strict rule: exact surname (or curated surname variant) + close given name."""
            if not label or label_problem(label):
                return False
            if [qid, h["full"]] in self.manual["same_person"]["pairs"]:
                return True  # maintainer decision, see manual.json
            e = cur_by_qid.get(qid)
            if e and fold(h["full"]) in {fold(v["form"]) for v in e["variants"]} | {fold(e["canonical"])}:
                return True  # curated data lists the Factbook spelling as a variant of this person
            lt0 = re.split(r"[\s-]+", fold(label))
            ft0 = re.split(r"[\s-]+", fold(h["full"]))
            if len(lt0) >= 3 and close_name(lt0[0], ft0[0], 0.6) and all(t in ft0 for t in lt0[1:]):
                return True  # every later token of the label appears in the Factbook name (Arabic nasab names)
            lt = [fold(t) for t in label.replace(",", " ").split()]
            sur = fold(h["surname"]).split()
            sforms = surname_forms_of_qid(qid, label)
            def contains(seq):
                return any(lt[i:i + len(seq)] == seq for i in range(len(lt) - len(seq) + 1))
            ok_sur = contains(sur) or " ".join(sur) in sforms or (len(sur) > 1 and contains(sur[:1]))
            if not ok_sur:
                # hyphenated / spaced variants: "OSMANI-Sadriu" vs "Osmani"
                ok_sur = any(s in lt for s in re.split(r"[- ]", " ".join(sur)) if len(s) > 3)
                if not ok_sur:
                    return False
            given = h["given"] or h["trailing"]
            if not given:
                return True  # mononym/regnal (NARUHITO): surname match is the whole name
            rest = [t for t in lt if t not in sur]
            return any(close_name(g, t) for g in given.split() for t in rest)

        wd_current = defaultdict(list)  # (iso, kind) -> rows
        for r in wd_rows:
            if "iso" not in r:
                continue
            r["kind"] = kind_of(r["positionLabel"])
            try:
                sy = int(r["start_year"] or 0)
            except ValueError:
                sy = 0
            if sy and sy < 1900:
                self.conflicts["Implausible Wikidata rows (skipped)"].append(
                    f"{r['country']}: {r['positionLabel']} = {r['officeholderLabel']} ({r['officeholder']}) start {r['start_year']}, no end")
                r["skip"] = True
                continue
            if not r["end_year"]:
                wd_current[(r["iso"], r["kind"])].append(r)

        matched_fb = set()
        qid_display = {}
        # pass 1: resolve labels, match with Factbook
        for r in wd_rows:
            if "iso" not in r or r.get("skip"):
                continue
            qid, label = r["officeholder"], r["officeholderLabel"]
            prob = label_problem(label)
            r["fb"] = None
            if not r["end_year"] and r["kind"] in ("hos", "hog"):
                other = "hog" if r["kind"] == "hos" else "hos"
                for h in fb_by.get((r["iso"], r["kind"]), []) + fb_by.get((r["iso"], other), []):
                    if fb_matches(h, qid, label):
                        r["fb"] = h
                        break
                if r["fb"] is None and not prob:
                    # exact surname + same office kind + same start year (role dates corroborate the match)
                    lt = re.split(r"[\s-]+", fold(label))
                    for h in fb_by.get((r["iso"], r["kind"]), []):
                        if year(h["since"]) == r["start_year"] and all(t in lt for t in re.split(r"[\s-]+", fold(h["surname"]))):
                            r["fb"] = h
                            self.conflicts["Matched on surname + office + start year only (given names differ; verify)"].append(
                                f"{r['country']}: Factbook `{h['full']}` = Wikidata `{label}` ({qid}), since {r['start_year']}")
                            break
                if r["fb"] is None and prob:
                    cands = [h for h in fb_by.get((r["iso"], r["kind"]), []) if year(h["since"]) == r["start_year"]]
                    if len(cands) == 1:
                        r["fb"] = cands[0]
                        self.conflicts["Wikidata labels filled from the Factbook (verify)"].append(
                            f"{r['country']}: {qid} ({prob}, label `{label}`) for {r['positionLabel']} since {r['start_year']} "
                            f"taken to be Factbook's {cands[0]['full']} (same country, role and start year)")
            if prob and r["fb"] is None and qid not in qid_display:
                self.conflicts["Wikidata rows dropped: unusable label"].append(
                    f"{r['country']}: {r['positionLabel']} {r['start_year']}–{r['end_year'] or ''}: {qid} ({prob}, label `{label}`)")
                r["skip"] = True
                continue
            if r["fb"] is not None:
                matched_fb.add(id(r["fb"]))
                if prob:
                    h = r["fb"]
                    # short display form: first given name + (first) surname, e.g. Nayib Bukele, Claudia Sheinbaum
                    short = (h["given"].split()[0] + " " + h["surname"]) if h["given"] else h["full"]
                    qid_display[qid] = short
            if not prob:
                qid_display.setdefault(qid, label)

        # conflicts: Factbook vs Wikidata per (country, role kind)
        for key in sorted(set(fb_by) | set(k for k in wd_current if k[1] in ("hos", "hog"))):
            iso, kind = key
            fbs = fb_by.get(key, [])
            wds = [r for r in wd_current.get(key, []) if not r.get("skip")]
            kind_txt = "head of state" if kind == "hos" else "head of government"
            cname = self.country_name.get(iso, iso)
            if iso not in wd_country_labels:
                continue  # territory without a Wikidata row: nothing to compare
            unmatched_fb = [h for h in fbs if id(h) not in matched_fb]
            unmatched_wd = [r for r in wds if r.get("fb") is None]
            if kind == "hog":
                # Factbook often repeats the head of state as head of government (presidential systems)
                hos_q = {r["officeholder"] for r in wd_current.get((iso, "hos"), []) if r.get("fb")}
                unmatched_fb = [h for h in unmatched_fb
                                if not any(fold(h["full"]) == fold(x["full"]) for x in fb_by.get((iso, "hos"), []))]
            for h in unmatched_fb:
                for r in unmatched_wd:
                    lab = qid_display.get(r["officeholder"], "")
                    if lab and ratio(lab, h["full"]) >= 0.7:
                        self.conflicts["Probably the same person, not merged by the strict rule (add to manual.json same_person if so)"].append(
                            f"{cname}: Factbook `{h['full']}` vs Wikidata `{lab}` ({r['officeholder']})")
            if unmatched_fb and unmatched_wd:
                self.conflicts["Factbook and Wikidata 2026 disagree on the office holder"].append(
                    f"{cname} ({kind_txt}): Factbook (2026-01-22) says {', '.join(h['title'] + ' ' + h['full'] + ' (since ' + str(h['since']) + ')' for h in unmatched_fb)}; "
                    f"Wikidata 2026 says {', '.join(r['positionLabel'] + ' ' + qid_display.get(r['officeholder'], r['officeholder']) + ' (' + r['officeholder'] + ', since ' + r['start_year'] + ')' for r in unmatched_wd)}")
            elif unmatched_fb and kind == "hos" and not wds:
                self.conflicts["Office holder only in the Factbook (no current Wikidata row)"].append(
                    f"{cname} ({kind_txt}): {unmatched_fb[0]['title']} {unmatched_fb[0]['full']}")
            elif unmatched_wd and not fbs:
                self.conflicts["Office holder only in Wikidata 2026 (Factbook has none)"].append(
                    f"{cname} ({kind_txt}): " + ", ".join(f"{qid_display.get(r['officeholder'], r['officeholder'])} ({r['officeholder']})" for r in unmatched_wd))
            elif unmatched_wd and fbs and not unmatched_fb:
                self.conflicts["Extra current holders in Wikidata 2026 (Factbook lists one already matched)"].append(
                    f"{cname} ({kind_txt}): Factbook: {', '.join(h['full'] for h in fbs)}; Wikidata also lists "
                    + ", ".join(f"{r['positionLabel']} {qid_display.get(r['officeholder'], r['officeholder'])} ({r['officeholder']}, since {r['start_year']})" for r in unmatched_wd))
            if len({r["officeholder"] for r in wds}) > 1:
                self.conflicts["Duplicate current holders of one position (Wikidata 2026)"].append(
                    f"{cname}: " + "; ".join(f"{r['positionLabel']} = {qid_display.get(r['officeholder'], r['officeholder'])} ({r['officeholder']}, {r['start_year']})" for r in wds))

        # pass 2: create persons from Wikidata rows
        for r in wd_rows:
            if "iso" not in r or r.get("skip"):
                continue
            qid = r["officeholder"]
            display = qid_display[qid]
            iso = r["iso"]
            h = r.get("fb")
            regnal = re.match(r"^(.*?)(?:,| of [A-Z][\w' ]+$)", display)
            if regnal and (r["kind"] == "hos" or "," in display) and regnal.group(1).strip():
                short = regnal.group(1).strip()
                if short != display:
                    self.new_actor(qid, "person", short, iso)
                    self.names[qid].full.append(display)
                    display = short
            a = self.new_actor(qid, "person", display, iso)
            sf = iso in SURNAME_FIRST_COUNTRIES
            hint = h["surname"] if h and not h["caps_first"] else None
            if h and h["caps_first"] and h["given"] == "" and len(display.split()) > 1:
                sf = fold(display.split()[0]) == fold(h["surname"].split()[0])
            self.init_person_names(qid, display, sf, hint)
            role = {"title": r["positionLabel"][0].upper() + r["positionLabel"][1:], "type": {"hos": "head_of_state", "hog": "head_of_government"}.get(r["kind"], "other"),
                    "country": iso, "start": r["start_year"] or None, "end": r["end_year"] or None,
                    "source": "wikidata-2026", "as_of": "2026"}
            if h:
                role["source"] = "wikidata-2026+factbook"
                role["as_of"] = "2026-01-22"
                if h["since"] and year(h["since"]) == r["start_year"]:
                    role["start"] = h["since"]
                elif h["since"]:
                    role["note"] = f"Factbook gives since {h['since']}"
                self.absorb_factbook_name(qid, h)
            elif not r["end_year"] and r["kind"] in ("hos", "hog") and fb_by.get((iso, r["kind"])):
                others = [x["full"] for x in fb_by[(iso, r["kind"])] if id(x) not in matched_fb or True]
                role["note"] = "disputed: Factbook 2026-01-22 lists " + ", ".join(others)
            self.add_role(qid, role)
            self.add_source(qid, "roles", "wikidata-2026", "2026")

        # Factbook-only holders
        for iso, kind, h in fb:
            if id(h) in matched_fb:
                continue
            # same person as a matched head of state (presidential systems)
            same = None
            for aid in self.person_index.get(iso, []):
                if any(fold(v) == fold(h["full"]) for v in self.names[aid].full + [self.actors[aid]["name"]]):
                    same = aid
            if same is None:
                for aid in self.person_index.get(iso, []):
                    n = self.names[aid]
                    sp = n.get("surname") or n.get("name")
                    if sp and fold(h["surname"]) in {fold(x) for x in sp[1]}:
                        gp = n.get("given")
                        g = (h["given"] or h["trailing"]).split()
                        if (not gp and not g) or (gp and g and any(close_name(g[0], x.split()[0]) for x in gp[1])):
                            same = aid
                            break
            if same is None:
                if iso not in wd_country_labels and kind == "hos":
                    continue  # dependency: head of state is another country's (King Charles III, Macron...)
                aid = f"person:{slug(h['full'])}"
                if aid in self.actors and self.actors[aid]["kind"] != "person":
                    aid += "-person"
                self.new_actor(aid, "person", h["full"], iso)
                self.init_person_names(aid, h["full"], h["caps_first"] and iso in SURNAME_FIRST_COUNTRIES | {"KP", "KR", "KH", "CN", "TW", "HK", "MO", "MN_no"},
                                       None if h["caps_first"] else h["surname"])
                same = aid
                self.absorb_factbook_name(aid, h)
            title = h["title"] or ("Head of state" if kind == "hos" else "Head of government")
            cname = self.country_name.get(iso, iso)
            role = {"title": f"{title} of {cname}" if " of " not in title else title,
                    "type": "head_of_state" if kind == "hos" else "head_of_government",
                    "country": iso, "start": h["since"], "end": None, "source": "factbook", "as_of": "2026-01-22"}
            if iso in wd_country_labels and not any(
                    r["officeholder"] == same for r in wd_current.get((iso, kind), [])):
                wds = [qid_display.get(r["officeholder"], r["officeholder"]) for r in wd_current.get((iso, kind), []) if not r.get("skip")]
                if wds:
                    role["note"] = "disputed: Wikidata 2026 lists " + ", ".join(wds)
            # skip a Factbook role duplicating a Wikidata+Factbook one
            if not any(x.get("country") == iso and x.get("type") == role["type"] and "factbook" in x["source"]
                       for x in self.actors[same]["roles"]):
                self.add_role(same, role)
            self.add_source(same, "roles", "factbook", "2026-01-22", h["raw"][:160])

        self.build_foreign_ministers()
        self.build_orgs()
        self.apply_curated()
        self.apply_ofac()
        self.apply_name_variants()
        self.finish()

    def absorb_factbook_name(self, aid, h):
        """Add the Factbook spelling (proper-cased) as variants of the person's parts."""
        n = self.names[aid]
        full = h["full"]
        if fold(full) != fold(self.actors[aid]["name"]) and full not in n.full:
            n.full.append(full)
        sp = n.get("surname")
        if sp:
            fs = h["surname"]
            if fold(fs) != fold(sp[1][0]) and fold(fs).replace("-", " ") != fold(sp[1][0]).replace("-", " "):
                # only accept a different spelling of the *same* surname (strict): close + same first letter
                if close_name(fs, sp[1][0], 0.75) and len(fs.split()) == len(sp[1][0].split()):
                    n.add("surname", fs)
            elif fs != sp[1][0] and fold(fs) == fold(sp[1][0]):
                n.add("surname", fs)  # diacritic-free spelling, e.g. Erdogan
        gp = n.get("given")
        if gp and h["given"]:
            g = h["given"].split()[0]
            g0 = gp[1][0].split()[0]
            if g != g0 and close_name(g, g0, 0.6) and len(gp[1][0].split()) == 1:
                n.add("given", g)
        self.add_source(aid, "name", "factbook", "2026-01-22", f"Factbook: {h['title']} {full}".strip())

    # ------------------------------------------------------------------ foreign ministers
    def build_foreign_ministers(self):
        path = self.inputs.path("kb/wikidata/foreign-ministers_wikidata_2022-12-10.csv")
        for r in csv.DictReader(open(path, encoding="utf-8")):
            qid, label = r["person"], r["name"]
            if not qid:
                self.conflicts["Foreign ministers: rows without a person (2022 extract)"].append(f"{r['countryLabel']}: {r['positionLabel']}")
                continue
            prob = label_problem(label)
            if prob:
                self.conflicts["Foreign ministers: unusable labels (dropped)"].append(f"{r['countryLabel']}: {qid} ({prob}, label `{label}`)")
                continue
            iso = self.iso_of(r["countryLabel"])
            if not iso:
                self.conflicts["Unresolved country labels (foreign ministers 2022)"].append(f"`{r['countryLabel']}` ({label})")
                continue
            self.new_actor(qid, "person", label, iso)
            self.init_person_names(qid, label, iso in SURNAME_FIRST_COUNTRIES)
            self.add_role(qid, {"title": r["positionLabel"], "type": "foreign_minister", "country": iso,
                                "start": r["start"] or None, "end": None, "source": "wikidata-fm-2022",
                                "as_of": "2022-12-10", "note": "stale: current as of 2022-12-10, may have left office"})
            self.add_source(qid, "roles", "wikidata-fm-2022", "2022-12-10")

    # ------------------------------------------------------------------ organisations
    def build_orgs(self):
        man = self.manual
        for o in man["organisations"]:
            a = self.new_actor(o["id"], "organisation", o["name"])
            self.names[o["id"]].parts.append(["name", list(o["variants"]), []])
            self.names[o["id"]].full = list(o["full_variants"])
            a["description"] = "International organisation"
            self.add_source(o["id"], "names", "manual", "2025", "standard English names and abbreviations")
        posmap = man["org_position_map"]
        path = self.inputs.path("kb/wikidata/intl-org-holders_2023-01.csv")
        for r in csv.DictReader(open(path, encoding="utf-8")):
            pos = r["position"]
            if pos not in posmap:
                continue
            current = not r["end"]
            if not current and pos != "Secretary-General of the United Nations":
                continue
            qid, label = r["personID"], r["person"]
            if label_problem(label):
                self.conflicts["Intl organisations: unusable labels (dropped)"].append(f"{pos}: {qid} `{label}`")
                continue
            if qid not in self.actors:
                self.new_actor(qid, "person", label)
                self.init_person_names(qid, label)
            self.add_role(qid, {"title": pos[0].upper() + pos[1:], "type": "org_official", "org": posmap[pos],
                                "start": r["start"] or None, "end": r["end"] or None,
                                "source": "wikidata-orgs-2023", "as_of": "2023-01",
                                **({"note": "as of 2023-01; check whether still in office"} if current else {})})
            self.add_source(qid, "roles", "wikidata-orgs-2023", "2023-01")
        for row in man["org_heads"]["rows"]:
            name = row["name"]
            aid = None
            for cand in self.person_index.get(row["country"], []) + [k for k, v in self.actors.items() if v["kind"] == "person" and "country" not in v]:
                if fold(self.actors[cand]["name"]) == fold(name):
                    aid = cand
                    break
            if aid is None:
                aid = f"person:{slug(name)}"
                self.new_actor(aid, "person", name, row["country"])
                if row.get("surname"):
                    self.names[aid].parts = [["given", [row["given"]], []], ["surname", [row["surname"]], []]]
                else:
                    self.init_person_names(aid, name)
            self.add_role(aid, {"title": row["title"], "type": "org_official", "org": row["org"], "start": row["start"],
                                "end": None, "source": "manual", "as_of": "2025",
                                "note": "maintainer-entered, no stored source; verify"})
            self.add_source(aid, "roles", "manual", "2025", "unverified: no stored source")
            self.conflicts["Manual facts without a stored source (verify before shipping)"].append(
                f"{name}: {row['title']} since {row['start']}")

    # ------------------------------------------------------------------ curated transliteration groups
    def find_person(self, iso, surname_forms, given=None):
        for aid in self.person_index.get(iso, []):
            n = self.names[aid]
            sp = n.get("surname") or n.get("name")
            if not sp:
                continue
            have = {fold(x) for x in sp[1]} | {fold(x.split()[-1]) for x in sp[1]}
            if have & {fold(s) for s in surname_forms}:
                gp = n.get("given")
                if given is None or (gp and any(close_name(given, g.split()[0]) for g in gp[1])):
                    return aid
        return None

    def apply_curated(self):
        cur = self.curated
        entries = cur["entries"]
        given_groups = [e for e in entries if e.get("kind") == "given-name"]
        for e in entries:
            kind = e.get("kind")
            if kind == "given-name":
                continue
            forms_all = [v["form"] for v in e["variants"]]
            latin = [v for v in e["variants"] if is_latin(v["form"])]
            dropped = [v["form"] for v in e["variants"] if not is_latin(v["form"])]
            avoid = [v["form"] for v in latin if re.search(r"avoid|russian-based form|russian form", v.get("style", ""), re.I)]
            latin = [v for v in latin if v["form"] not in avoid]
            srcs = sorted({s for v in e["variants"] for s in v["sources"]})
            note_bits = []
            for v in e["variants"]:
                if v.get("style"):
                    note_bits.append(f"{v['form']}: {v['style']}")
            note = "; ".join(note_bits)
            if dropped:
                note += (" | " if note else "") + "non-Latin forms not shipped: " + ", ".join(dropped)
            if avoid:
                note += (" | " if note else "") + "not accepted as variants (cited as a form to avoid): " + ", ".join(avoid)
            iso = e.get("country")
            if kind == "place":
                grp = [v["form"] for v in latin]
                aid = None
                for cand, a in self.actors.items():
                    if a["kind"] == "place" and a.get("country") == iso and any(fold(x) in {fold(g) for g in grp} for x in self.names[cand].parts[0][1]):
                        aid = cand
                        break
                if aid is None:
                    aid = f"place:{slug(e['canonical'])}"
                    a = self.new_actor(aid, "place", e["canonical"], iso)
                    a["description"] = f"City in {self.country_name.get(iso, iso)}"
                    self.names[aid].parts.append(["name", [e["canonical"]], []])
                for g in grp:
                    self.names[aid].add("name", g)
                self.add_source(aid, "variants", "curated", "2026", f"{', '.join(srcs)}: {note}"[:600])
                self.curated_map[e["id"]] = aid
                continue
            # person
            canon = e["canonical"]
            aid = e["id"] if e["id"].startswith("Q") and e["id"] in self.actors else None
            if aid is None:
                sur_forms = [canon.split()[-1]] + [v["form"].split()[-1] for v in latin]
                aid = self.find_person(iso, sur_forms, canon.split()[0] if len(canon.split()) > 1 else None)
            if aid is None:
                aid = e["id"] if e["id"].startswith("Q") else f"person:{slug(canon)}"
                a = self.new_actor(aid, "person", canon, iso)
                sf = canon in ("Kim Jong Un",)
                self.init_person_names(aid, canon, sf)
            a = self.actors[aid]
            if e.get("role") and not a["roles"]:
                self.add_role(aid, {"title": e["role"], "type": "other", "country": iso, "start": None, "end": None,
                                    "source": "curated", "as_of": "2026"})
            if e.get("note"):
                if not a["roles"] and "description" not in a:
                    a["description"] = e["note"].split(";")[0].strip()
                note = e["note"] + " | " + note
            n = self.names[aid]
            sp = n.get("surname")
            gp = n.get("given")
            for v in latin:
                f = v["form"]
                toks = f.split()
                if f == a["name"]:
                    continue
                if len(toks) == 1 or (len(toks) == 1 and f.startswith("al-")):
                    if f.isupper():
                        continue  # acronym (MBS): not a spelling of a name part
                    if sp:
                        n.add("surname", f)
                    continue
                if fold(f) != fold(a["name"]) and f not in n.full:
                    n.full.append(f)
                if len(toks) >= 2 and sp and gp and n.parts[0][0] == "surname":
                    if fold(toks[0]) == fold(sp[1][0]):
                        g_form = " ".join(toks[1:])
                        if g_form != gp[1][0] and close_name(g_form.replace("-", " "), gp[1][0].replace("-", " "), 0.6):
                            n.add("given", g_form)
                    continue
                if len(toks) >= 2 and sp and gp:
                    # last token(s) -> surname, first -> given, when they look like spellings of them
                    s_can = sp[1][0]
                    s_len = len(s_can.split())
                    s_form = " ".join(toks[-s_len:])
                    if s_form != s_can and (close_name(s_form, s_can, 0.5) or fold(s_form.split("-")[-1]) == fold(s_can.split("-")[-1])):
                        n.add("surname", s_form)
                    if len(toks) == 2 or len(toks) == s_len + 1:
                        g_can = gp[1][0]
                        g_form = " ".join(toks[:-s_len])
                        if g_form != g_can and close_name(g_form, g_can, 0.5) and len(g_form.split()) == len(g_can.split()):
                            n.add("given", g_form)
            for m in e.get("misspellings", []):
                f = m["form"]
                # a misspelling of the given name or surname
                part = None
                if gp and close_name(f, gp[1][0], 0.5):
                    part = gp
                elif sp and close_name(f, sp[1][0], 0.5):
                    part = sp
                if part is not None and f not in part[2]:
                    part[2].append(f)
            # given-name groups (given:Volodymyr)
            for gg in given_groups:
                if gp and gp[1][0] == gg["canonical"]:
                    for v in gg["variants"]:
                        if is_latin(v["form"]) and not re.search(r"russian form|avoid", v.get("style", ""), re.I):
                            n.add("given", v["form"])
                    for m in gg.get("misspellings", []):
                        if m["form"] not in gp[2]:
                            gp[2].append(m["form"])
                    self.curated_map[gg["id"]] = aid
                    self.add_source(aid, "given-name variants", "curated", "2026",
                                    "; ".join(f"{v['form']}: {v.get('style', '')}" for v in gg["variants"]))
            self.add_source(aid, "variants", "curated", "2026", f"{', '.join(srcs)}: {note}"[:700])
            self.curated_map[e["id"]] = aid

    # ------------------------------------------------------------------ OFAC
    OFAC_PROGRAMS = {"BELARUS": "BY", "RUSSIA": "RU", "DPRK": "KP", "LIBYA": "LY", "IRAN": "IR", "SYRIA": "SY",
                     "CUBA": "CU", "VENEZUELA": "VE", "BURMA": "MM", "NICARAGUA": "NI", "ZIMBABWE": "ZW",
                     "SOUTH SUDAN": "SS", "CAR": "CF", "DRCONGO": "CD", "YEMEN": "YE", "MALI": "ML",
                     "SOMALIA": "SO", "IRAQ": "IQ", "LEBANON": "LB", "BALKANS": None, "UKRAINE": None}

    def apply_ofac(self):
        sdn = {}
        for row in csv.reader(open(self.inputs.path("kb/ofac/sdn_2024-05-03.csv"), encoding="latin-1")):
            if len(row) < 12 or row[2].strip() != "individual":
                continue
            sdn[row[0]] = row
        aliases = defaultdict(list)
        for row in csv.reader(open(self.inputs.path("kb/ofac/alt_2026-06.csv"), encoding="latin-1")):
            if len(row) >= 4 and row[0] in sdn and row[2].strip() in ("aka", "fka"):
                aliases[row[0]].append(row[3])

        def countries_of(row):
            out = set()
            rem = row[11]
            for m in re.finditer(r"(?:nationality|citizen)\s+([A-Z][A-Za-z' ,.-]+?)(?:;|\.|$)", rem):
                iso = self.iso_of(m.group(1).strip())
                if iso:
                    out.add(iso)
            if not out:
                for p in re.split(r"\]\s*\[|\s", row[3].strip("[] ")):
                    base = re.sub(r"[-0-9].*$", "", p)
                    iso = self.OFAC_PROGRAMS.get(base)
                    if iso:
                        out.add(iso)
            return out

        def parse(n):
            if "," not in n:
                return None
            s, g = n.split(",", 1)
            return s.strip(), g.strip()

        by_surname = defaultdict(list)
        for ent, row in sdn.items():
            for nm in [row[1]] + aliases.get(ent, []):
                p = parse(nm)
                if p:
                    by_surname[fold(p[0])].append(ent)
        for aid in sorted(self.actors):
            a = self.actors[aid]
            if a["kind"] != "person" or "country" not in a:
                continue
            n = self.names[aid]
            sp, gp = n.get("surname"), n.get("given")
            if not sp or not gp:
                continue
            sp0, gp0 = list(sp[1]), list(gp[1])  # match against pre-OFAC forms only (no snowballing)
            hits = set()
            for s in sp0:
                for ent in by_surname.get(fold(s), []):
                    hits.add(ent)
            for ent in sorted(hits):
                row = sdn[ent]
                if a["country"] not in countries_of(row):
                    continue
                forms = [parse(x) for x in [row[1]] + aliases.get(ent, [])]
                forms = [f for f in forms if f]
                # strict: one of the entity's names has exactly our surname and a close first given name
                def given_close(g, x):
                    # compare as many given-name tokens as the actor's form has (Jong Un vs Jong Man differ)
                    xa = fold(x).replace("-", " ").split()
                    ga = fold(g).replace("-", " ").split()[:len(xa)]
                    return len(ga) == len(xa) and all(p == q or (p[:2] == q[:2] and ratio(p, q) >= 0.88)
                                                      for p, q in zip(xa, ga))
                ok = any(fold(s) in {fold(x) for x in sp0} and g and any(given_close(g, x) for x in gp0)
                         for s, g in forms)
                if not ok:
                    continue
                added = []
                for s, g in forms:
                    s2 = " ".join(proper_token(t, i == 0) for i, t in enumerate(s.split()))
                    if not g:
                        continue
                    g1 = g.split()[0]
                    if "-" in gp[1][0] and len(g.split()) > 1 and "-" not in g1:
                        continue
                    if s2 != sp[1][0] and len(s2.split()) == len(sp[1][0].split()) and close_name(s2, sp[1][0], 0.7) \
                            and (s2[0].isupper()) and n.add("surname", s2):
                        added.append(s2)
                    if len(gp[1][0].split()) == 1 and g1 != gp[1][0] and close_name(g1, gp[1][0], 0.6) and g1[0].isupper() \
                            and g1.lower() not in self.stop and n.add("given", g1):
                        added.append(g1)
                self.add_source(aid, "variants", "ofac", "2024-05-03/2026-06",
                                f"OFAC SDN entity {ent} '{row[1]}'" + (f"; added {', '.join(added)}" if added else ""))

    # ------------------------------------------------------------------ name-variants clusters
    def apply_name_variants(self):
        tables = json.load(open(self.inputs.path("lexicons/name_variants_tables.json"), encoding="utf-8"))
        skip_tables = ("chinese_", "korean_", "japanese_given")
        arab = {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA",
                "SO", "SD", "SY", "TN", "AE", "YE"}
        table_countries = {"arabic": arab, "persian": {"IR", "AF", "TJ"}, "greek": {"GR", "CY"}, "hebrew": {"IL"},
                           "indian": {"IN", "BD", "NP", "LK"},
                           "indonesian": {"ID", "MY", "BN", "SG"}, "japanese": {"JP"},
                           "russian": {"RU", "BY", "UA", "KZ", "KG", "TJ", "UZ", "TM", "MD", "AM", "AZ", "GE"},
                           "thai": {"TH"}, "turkish": {"TR", "AZ"}, "vietnamese": {"VN"}}
        clusters = []
        for tname in sorted(tables):
            if tname.startswith(skip_tables):
                continue
            for key in sorted(tables[tname]):
                forms = [f for f in tables[tname][key].get("forms", []) if is_latin(f)]
                clusters.append((tname, key, forms))
        index = defaultdict(list)
        for c in clusters:
            for f in c[2]:
                index[f.lower()].append(c)

        def applies(tname, iso):
            for prefix, isos in table_countries.items():
                if tname.startswith(prefix):
                    return iso in isos
            return False
        for aid in sorted(self.actors):
            a = self.actors[aid]
            if a["kind"] != "person":
                continue
            n = self.names[aid]
            for part in ("given", "surname"):
                p = n.get(part)
                if not p or len(p[1][0].split()) != 1:
                    continue
                base = p[1][0]
                added = []
                for tname, key, forms in index.get(base.lower(), []):
                    if not applies(tname, a.get("country")):
                        continue
                    for f in forms:
                        if f.lower() == base.lower() or f.lower() in self.stop or len(f) < 3 or f != f.lower():
                            continue
                        # ambiguous form: also listed in a cluster that does not contain our name
                        if any(base.lower() not in [x.lower() for x in c[2]] for c in index[f.lower()]):
                            continue
                        if not close_name(f, base, 0.75):
                            continue
                        cand = f.capitalize() if "-" not in f else "-".join(x.capitalize() for x in f.split("-"))
                        if "'" in f:
                            cand = f[0].upper() + f[1:]
                        if n.add(part, cand):
                            added.append(cand)
                if added:
                    self.add_source(aid, f"{part} variants", "name-variants", "0.1.3",
                                    f"romanisation cluster containing '{base}': added {', '.join(added)}")

    @property
    def stop(self):
        return set(self.manual["name_variant_stopwords"])

    # ------------------------------------------------------------------ finish
    def finish(self):
        for aid, a in self.actors.items():
            if a["kind"] == "person":
                cands = [r for r in a["roles"] if r.get("country") and not r.get("end") and "co-prince" not in r["title"].lower()
                         and r["type"] in ("head_of_state", "head_of_government")]
                if any(r["country"] == "GB" for r in cands):
                    a["country"] = "GB"
                elif cands and a.get("country") not in {r["country"] for r in cands}:
                    a["country"] = cands[0]["country"]
            n = self.names[aid]
            parts = []
            for part, variants, miss in n.parts:
                v = uniq([x for x in variants if x and x.strip()])
                mm = [m for m in uniq(miss) if m not in v]
                parts.append({"part": part, "variants": v, "misspellings": mm})
            a["parts"] = parts
            fv = [x for x in uniq(n.full) if x != a["name"] and is_latin(x)]
            if fv:
                a["full_variants"] = fv
            if a["kind"] == "person" and "description" not in a:
                cur = [r for r in a["roles"] if not r.get("end")]
                cur.sort(key=lambda r: (r.get("country") != a.get("country"), {"head_of_state": 0, "head_of_government": 1, "org_official": 2, "foreign_minister": 3}.get(r["type"], 4)))
                if cur:
                    r = cur[0]
                    t = r["title"]
                    if r.get("country") and r["type"] in ("head_of_state", "head_of_government", "foreign_minister") \
                            and fold(self.country_name.get(r["country"], "")) not in fold(t) and " of " not in t:
                        t = f"{t}, {self.country_name.get(r['country'], r['country'])}"
                    a["description"] = t
                elif a["roles"]:
                    r = sorted(a["roles"], key=lambda r: r.get("end") or "")[-1]
                    a["description"] = f"Former {r['title'][0].lower() + r['title'][1:]}"
            a["roles"].sort(key=lambda r: (r.get("end") is not None, r.get("end") or "", r.get("start") or "", r["title"]))
            a["sources"].sort(key=lambda s: (s["fact"], s["source"], s.get("note", "")))
        # shared variants across different persons' same part
        shared = defaultdict(set)
        for aid, a in self.actors.items():
            if a["kind"] != "person":
                continue
            for p in a["parts"]:
                if len(p["variants"]) > 1:
                    for v in p["variants"]:
                        shared[(p["part"], fold(v))].add((aid, tuple(sorted(fold(x) for x in p["variants"]))))
        self.shared_variants = {}
        for key, owners in shared.items():
            groups = {g for _, g in owners}
            if len(groups) > 1:
                self.shared_variants[key] = sorted(owners)
                self.conflicts["Variant in two different variant groups (same part, different persons)"].append(
                    f"{key[0]} `{key[1]}`: " + "; ".join(f"{self.actors[o]['name']} ({o}) {list(g)}" for o, g in sorted(owners)))

    # ------------------------------------------------------------------ output
    def ordered(self):
        order = {"person": 0, "organisation": 1, "place": 2}
        keys = ["id", "kind", "name", "country", "parts", "full_variants", "roles", "description", "sources"]
        out = []
        for aid in sorted(self.actors, key=lambda k: (order[self.actors[k]["kind"]], fold(self.actors[k]["name"]), k)):
            a = self.actors[aid]
            out.append({k: a[k] for k in keys if k in a})
        return out

    def render(self) -> dict[str, str]:
        """The output files' text by name (OUTPUTS)."""
        actors = self.ordered()
        head = json.dumps({"version": 1, "built_from": SOURCES}, ensure_ascii=False, separators=(",", ":"))
        lines = [json.dumps(a, ensure_ascii=False, separators=(",", ":")) for a in actors]
        text = head[:-1] + ',"actors":[\n' + ",\n".join(lines) + "\n]}\n"
        return {"actors.json": text, "conflicts.md": self.render_conflicts(), "sample.md": self.render_sample(actors)}

    def write(self, out_dir):
        os.makedirs(out_dir, exist_ok=True)
        files = self.render()
        for name, text in files.items():
            with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
                f.write(text)
        return files

    SAMPLE = ["Q3874799", "Q2866", "Q7747", "Q56226", "Q39259", "Q200881", "Q43723", "person:muammar-gaddafi",
              "Q6892571", "Q51874548", "Q43274", "Q17712353", "person:keir-starmer", "Q269909", "Q58217",
              "Q311440", "person:mark-rutte", "org:nato", "place:kyiv", "Q43"]

    @classmethod
    def render_sample(cls, actors) -> str:
        """sample.md: depends only on the actors (so it can be checked against actors.json)."""
        by = {a["id"]: a for a in actors}
        L = ["# Sample of 20 KB entries", "", "Generated by `scripts/kb/build_kb.py` from `actors.json` for a reviewer to eyeball.",
             "Part lists: first variant = display/most common English form; `misspelled:` only where a source gives them.", ""]
        for aid in cls.SAMPLE:
            a = by.get(aid)
            if not a:
                L += [f"## `{aid}` — MISSING", ""]
                continue
            L.append(f"## {a['name']} — `{a['id']}` ({a['kind']}{', ' + a['country'] if a.get('country') else ''})")
            if a.get("description"):
                L.append(f"*{a['description']}*")
            L.append("")
            for p in a["parts"]:
                line = f"- {p['part']}: " + " / ".join(p["variants"])
                if p["misspellings"]:
                    line += "  — misspelled: " + ", ".join(p["misspellings"])
                L.append(line)
            if a.get("full_variants"):
                L.append("- full-name variants: " + "; ".join(a["full_variants"]))
            for r in a["roles"]:
                where = r.get("country") or r.get("org") or ""
                L.append(f"- role: {r['title']} [{r['type']}, {where}] {r.get('start') or '?'}–{r.get('end') or ''} "
                         f"(source {r['source']}, as of {r['as_of']}){' — ' + r['note'] if r.get('note') else ''}")
            for s_ in a["sources"]:
                L.append(f"- source: {s_['fact']} ← {s_['source']} ({s_['as_of']}){': ' + s_['note'][:160] if s_.get('note') else ''}")
            L.append("")
        return "\n".join(L)

    def render_conflicts(self) -> str:
        L = ["# KB build: conflicts and gaps to settle", "",
             "Generated by `scripts/kb/build_kb.py`; do not edit by hand. Each section lists disagreements",
             "between sources (or unusable source rows) that a person should settle, e.g. by adding an",
             "override with a cited source to `scripts/kb/manual.json`.", "", "## Counts", ""]
        secs = sorted(self.conflicts)
        for s in secs:
            L.append(f"- {s}: {len(self.conflicts[s])}")
        L.append("")
        for s in secs:
            L.append(f"## {s} ({len(self.conflicts[s])})")
            L.append("")
            for item in sorted(set(self.conflicts[s])):
                L.append(f"- {item}")
            L.append("")
        L.append("## Curated groups → actor ids")
        L.append("")
        for k in sorted(self.curated_map):
            L.append(f"- `{k}` → `{self.curated_map[k]}`")
        L.append("")
        return "\n".join(L)


# ----------------------------------------------------------------------------- check

def check(text: str, kb: KB | None) -> int:
    """Assert the invariants of an actors.json text and print counts. Without `kb` (no build),
    the two invariants that need the build's state are skipped."""
    size = len(text.encode("utf-8"))
    data = json.loads(text)
    actors = data["actors"]
    errors = []
    ids = [a["id"] for a in actors]
    if len(ids) != len(set(ids)):
        errors.append("duplicate ids")
    for a in actors:
        if not a.get("name"):
            errors.append(f"{a['id']}: empty name")
        if not a.get("parts"):
            errors.append(f"{a['id']}: no parts")
        for p in a.get("parts", []):
            if not p["variants"]:
                errors.append(f"{a['id']}: empty variants in {p['part']}")
            for v in p["variants"]:
                if not is_latin(v) or not v.strip():
                    errors.append(f"{a['id']}: non-Latin/empty variant {v!r}")
                if a["kind"] == "person" and v.isupper() and len(v) > 1 and not ROMAN.match(v) and not re.match(r"^([A-Z]\.)+$", v):
                    errors.append(f"{a['id']}: all-caps person variant {v!r}")
                if a["kind"] == "person" and len(v) < 2:
                    errors.append(f"{a['id']}: single-letter variant {v!r}")
                if a["kind"] == "person" and v[0].islower() and fold(v.split("-")[0].split()[0]) not in PARTICLES:
                    errors.append(f"{a['id']}: lowercase variant {v!r}")
        for r in a.get("roles", []):
            for k in ("title", "source", "as_of"):
                if not r.get(k):
                    errors.append(f"{a['id']}: role without {k}")
    # shared variants must be reported
    seen = defaultdict(set)
    for a in actors:
        if a["kind"] != "person":
            continue
        for p in a["parts"]:
            if len(p["variants"]) > 1:
                for v in p["variants"]:
                    seen[(p["part"], fold(v))].add(tuple(sorted(fold(x) for x in p["variants"])))
    for key, groups in seen.items():
        if kb is not None and len(groups) > 1 and key not in kb.shared_variants:
            errors.append(f"unreported shared variant {key}")
    byid = {a["id"]: a for a in actors}
    z = byid.get("Q3874799")
    if not z:
        errors.append("Zelenskyy (Q3874799) missing")
    else:
        sur = next((p["variants"] for p in z["parts"] if p["part"] == "surname"), [])
        for f in ("Zelenskyy", "Zelensky", "Zelenskiy"):
            if f not in sur:
                errors.append(f"Zelenskyy surname group lacks {f}")
        giv = next((p for p in z["parts"] if p["part"] == "given"), None)
        if not giv or "Volodomyr" not in giv["misspellings"]:
            errors.append("Volodomyr misspelling missing")
    kyiv = [a for a in actors if a["kind"] == "place" and any({"Kyiv", "Kiev"} <= set(p["variants"]) for p in a["parts"])]
    if not kyiv:
        errors.append("Kyiv/Kiev group missing")
    cur_ids = [e["id"] for e in kb.curated["entries"]] if kb is not None else []
    missing = [c for c in cur_ids if c not in kb.curated_map]
    if missing:
        errors.append(f"curated groups not mapped: {missing}")
    if size > SIZE_BUDGET:
        errors.append(f"file size {size} > budget {SIZE_BUDGET}")
    if data.get("version") != 1:
        errors.append("version != 1")
    # stats
    by_kind = defaultdict(int)
    for a in actors:
        by_kind[a["kind"]] += 1
    persons = [a for a in actors if a["kind"] == "person"]
    multi = [a for a in persons if any(len(p["variants"]) >= 2 for p in a["parts"]) or a.get("full_variants")]
    multi_parts = [a for a in persons if any(len(p["variants"]) >= 2 for p in a["parts"])]
    hos = sum(1 for a in persons if any(r["type"] == "head_of_state" and not r.get("end") for r in a["roles"]))
    hog = sum(1 for a in persons if any(r["type"] == "head_of_government" and not r.get("end") for r in a["roles"]))
    fm = sum(1 for a in persons if any(r["type"] == "foreign_minister" for r in a["roles"]))
    print(f"actors: {len(actors)} ({', '.join(f'{k}: {v}' for k, v in sorted(by_kind.items()))})")
    print(f"persons with >=2 spellings of a name part: {len(multi_parts)}; with any variant incl. full-name variants: {len(multi)}")
    print(f"persons holding a current head-of-state role: {hos}; head-of-government: {hog}; foreign-minister (2022): {fm}")
    print(f"misspellings listed: {sum(len(p['misspellings']) for a in actors for p in a['parts'])}")
    if kb is not None:
        print(f"conflict items: {sum(len(set(v)) for v in kb.conflicts.values())}")
    print(f"actors.json size: {size} bytes (budget {SIZE_BUDGET})")
    if errors:
        print(f"CHECK FAILED ({len(errors)}):")
        for e in errors[:60]:
            print("  -", e)
        return 1
    print("invariants: OK" + ("" if kb is not None else " (without the two that need a build)"))
    return 0


def differences(name: str, built: str, committed: str | None) -> list[str]:
    """A short summary of how a built output differs from the committed file ([] if equal)."""
    if committed is None:
        return [f"{name}: not committed"]
    if built == committed:
        return []
    out = []
    if name == "actors.json":
        try:
            new, old = json.loads(built), json.loads(committed)
            nb, ob = {a["id"]: a for a in new["actors"]}, {a["id"]: a for a in old["actors"]}
            added = sorted(set(nb) - set(ob))
            removed = sorted(set(ob) - set(nb))
            changed = sorted(i for i in set(nb) & set(ob) if nb[i] != ob[i])
            head = {k: v for k, v in new.items() if k != "actors"} != {k: v for k, v in old.items() if k != "actors"}
            out.append(f"actors.json differs: {len(added)} actors added, {len(removed)} removed, {len(changed)} changed"
                       + ("; header (version/built_from) changed" if head else "")
                       + ("" if added or removed or changed or head else "; same content, different bytes (order or layout)"))
            for label, ids in (("added", added), ("removed", removed), ("changed", changed)):
                if ids:
                    out.append(f"  {label}: {', '.join(ids[:8])}{' …' if len(ids) > 8 else ''}")
            return out
        except (ValueError, KeyError, TypeError):
            pass
    diff = list(difflib.unified_diff(committed.splitlines(), built.splitlines(), "committed", "built", n=0, lineterm=""))
    plus = sum(1 for d in diff if d.startswith("+") and not d.startswith("+++"))
    minus = sum(1 for d in diff if d.startswith("-") and not d.startswith("---"))
    out.append(f"{name} differs: {plus} line{'s' if plus != 1 else ''} only in the build, {minus} only in the committed file")
    out += ["  " + d[:160] for d in diff[2:12]]
    return out


def read_committed(out_dir: str, name: str) -> str | None:
    path = os.path.join(out_dir, name)
    if not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def check_outputs(inputs: Inputs, out_dir: str) -> int:
    """--check: build in memory and compare with the committed outputs, writing nothing. With
    inputs missing, check what can be checked without a build and say what was not."""
    where = os.path.relpath(out_dir, REPO)
    committed = {name: read_committed(out_dir, name) for name in OUTPUTS}
    problems = []
    if inputs.missing:
        print(f"{len(inputs.entries) - len(inputs.missing)} of {len(inputs.entries)} inputs present (sha256 checked)")
        text = committed["actors.json"]
        if text is None:
            print(f"{where}/actors.json is missing")
            return 1
        status = check(text, None)
        expected_head = json.dumps({"version": 1, "built_from": SOURCES}, ensure_ascii=False, separators=(",", ":"))[:-1]
        if not text.startswith(expected_head + ',"actors":[\n'):
            problems.append("actors.json: header (version/built_from) is not what build_kb.py writes")
        problems += differences("sample.md", KB.render_sample(json.loads(text)["actors"]), committed["sample.md"])
        for p in problems:
            print(p)
        if status or problems:
            print("check: FAILED")
            return 1
        print("check: PARTIAL. Checked: the sha256 of the inputs present, the invariants of the committed actors.json,")
        print("its header, and sample.md against it. NOT checked: that actors.json and conflicts.md are what the")
        print("build makes (the build needs every input). Missing inputs:")
        for line in inputs.missing_summary():
            print("  -", line)
        print("Get them (scripts/kb/inputs/SOURCE.md) and run again with --inputs DIR for the complete check.")
        return 0
    kb = KB(inputs)
    kb.build()
    built = kb.render()
    status = check(built["actors.json"], kb)
    for name in OUTPUTS:
        problems += differences(name, built[name], committed[name])
    for p in problems:
        print(p)
    if status or problems:
        if problems:
            print(f"check: FAILED: the build differs from {where}/ (rebuild: python3 scripts/kb/build_kb.py --inputs DIR)")
        else:
            print("check: FAILED")
        return 1
    print(f"check: OK: every input present and verified; {', '.join(OUTPUTS)} are byte-identical to the build")
    return 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--inputs", "--shared", dest="inputs", metavar="DIR",
                    help="folder laid out like the paths in scripts/kb/inputs.toml (kb/..., lexicons/...), "
                         "read for the inputs not copied in scripts/kb/inputs/")
    ap.add_argument("--out", default=os.path.join(REPO, "crates", "copydesk-core", "data", "kb"), help="output folder (default: crates/copydesk-core/data/kb)")
    ap.add_argument("--check", action="store_true",
                    help="build in memory and compare with the files in --out, assert invariants, print counts; "
                         "writes nothing; exit 1 when they differ")
    args = ap.parse_args()
    inputs = Inputs(args.inputs)
    bad = inputs.verify()
    if bad:
        print(f"inputs do not match {os.path.relpath(MANIFEST, REPO)}:")
        for b in bad:
            print("  -", b)
        sys.exit(2)
    if args.check:
        sys.exit(check_outputs(inputs, args.out))
    if inputs.missing:
        print("cannot build: inputs missing (give their folder with --inputs DIR; scripts/kb/inputs/SOURCE.md says how to get them):")
        for line in inputs.missing_summary():
            print("  -", line)
        sys.exit(2)
    kb = KB(inputs)
    kb.build()
    files = kb.write(args.out)
    status = check(files["actors.json"], kb)
    print(f"wrote {', '.join(OUTPUTS)} to {os.path.relpath(args.out, REPO)}")
    sys.exit(status)


if __name__ == "__main__":
    main()
