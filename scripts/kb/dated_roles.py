"""Dated roles for build_kb.py (issue 16): national cabinets, heads of state and government and
US governors from the every-politician-scrapers Wikidata extracts (`kb/cabinets/<repo>/`), and
US presidents, vice presidents and members of Congress from unitedstates/congress-legislators
(`kb/us-congress-legislators/`). People are merged with the rest of the KB by Wikidata QID.

Python 3.11 standard library only (the YAML files are read by `read_yaml`, which knows the
subset those files use). See crates/copydesk-core/data/kb/FORMAT.md, rule 9.
"""
from __future__ import annotations

import csv
import os
import re
from collections import defaultdict

# ----------------------------------------------------------------------------- sources

# repo -> (ISO country, commit, snapshot date). The snapshot date is every fact's as_of.
CABINETS = {
    "australia-cabinet": ("AU", "4c35a6ef087d076eb343b6177814574b2d6e43b8", "2022-07-30"),
    "brazil-ministers": ("BR", "de58065b42edc0c0f310185ffda9174540e9af5f", "2022-07-23"),
    "canada-cabinet": ("CA", "3b3f0da86ca64c7e3ce6d0f073ed66612885d06f", "2022-07-25"),
    "china-ministers": ("CN", "300341654d57cd10776238bae41c89b6ea315276", "2022-07-23"),
    "france-cabinet": ("FR", "7ff37baf3297a83711c90ac84b1d3b2ecb50a541", "2022-07-23"),
    "india-ministers": ("IN", "66f344bbf207d35eaa3225edf5584ae0bb164fe8", "2022-07-23"),
    "iran-ministers": ("IR", "a8e7c2fb16372b8b77a09303ae27d46a9ea21e67", "2022-07-25"),
    "israel-ministers": ("IL", "81da8707e865df568c7ba8b0b89bf95e7ffd4ae1", "2022-07-30"),
    "italy-ministers": ("IT", "4f9e038f62f3c71f737fd7e30a4e35df1686f4eb", "2022-07-23"),
    "japan-ministers": ("JP", "8ba3cb1992bee87f5b8dc566da87db2be8550a1a", "2022-07-24"),
    "mexico-ministers": ("MX", "87f5ae7dc992a800173a7c9de53ccbe25661dc61", "2022-07-25"),
    "pakistan-ministers": ("PK", "065accdb5d8d693e89c0bc559862c10f66d443d1", "2022-08-02"),
    "russia-cabinet": ("RU", "3871831d9846a16c5017acc229e003ab706202ab", "2022-08-03"),
    "south-africa-cabinet": ("ZA", "0558a872c69856bba752bd3b8b3604e4e4479252", "2022-07-30"),
    "south-korea-ministers": ("KR", "6f17960017c672790f0997885e5b2ff5937305de", "2022-08-03"),
    "spain-ministers": ("ES", "1e1550ca85af4c39b71e6a462fead133849fe078", "2022-07-23"),
    "turkey-ministers": ("TR", "288fbd45ee3fa59f8a226437bf43d726c9845f4f", "2022-08-03"),
    "ukraine-cabinet": ("UA", "4fc6ab0f4d90d6170b674172a115f1bc98478e4b", "2022-07-23"),
    "united-kingdom-cabinet": ("GB", "3a5ec686630cbefc0fe4b96da38a2a50b52d2556", "2022-07-23"),
    "us-cabinet": ("US", "0d5e73cb24ba9f78bc36f6cd0fbe9839e6cd8600", "2022-08-03"),
}
GOVERNORS = ("us-governors", "c84c2123e392d3966f630a88ff8461dddbfd56df", "2022-12-11")
CONGRESS = ("congress-legislators", "dfa9622263dd4c8d08636926e498f1845704d7eb", "2026-06-15")

# built_from entries (ids as used in roles[].source)
SOURCES = [
    {"id": repo, "name": f"Wikidata {cc} office holders (every-politician-scrapers/{repo}, commit {commit[:7]})",
     "licence": "CC0-1.0 (Wikidata)", "as_of": as_of}
    for repo, (cc, commit, as_of) in sorted(CABINETS.items())
] + [
    {"id": GOVERNORS[0], "name": f"Wikidata current US governors (every-politician-scrapers/us-governors, commit {GOVERNORS[1][:7]})",
     "licence": "CC0-1.0 (Wikidata)", "as_of": GOVERNORS[2]},
    {"id": CONGRESS[0], "name": f"US presidents, vice presidents and members of Congress (unitedstates/congress-legislators, commit {CONGRESS[1][:7]})",
     "licence": "CC0-1.0", "as_of": CONGRESS[2]},
]

# Every president and vice president is shipped (Washington to the terms begun 2025-01-20).
EXECUTIVE_FROM = "1789-01-01"

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming", "DC": "the District of Columbia", "PR": "Puerto Rico", "GU": "Guam",
    "VI": "the U.S. Virgin Islands", "AS": "American Samoa", "MP": "the Northern Mariana Islands",
}

# The name checks' English word list (in this repository; see its README): a surname found in
# it is matched only with a given name (see the end of `build`).
DICTIONARY = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))),
                          "crates", "copydesk-core", "data", "dict", "words.txt")

# ----------------------------------------------------------------------------- positions

# Short titles (wanted-positions.csv) that are not national cabinet, head-of-state or
# head-of-government posts: regional offices, judges, soldiers, central bankers, spies,
# civil servants and junior ministers. US state governors are kept (see `keep_position`).
NOT_NATIONAL = re.compile(
    r"^(Governor of|Lieutenant Governor|Chief Minister|Chief minister|Premier of (?!the State Council)|Administrator of (?!the (Environmental|Small))"
    r"|Mayor|mayor|Head of Kyiv|state governor|President of Azad|Prime Minister of Azad)"
    r"|\bCourt\b|\bJustice\b(?! and)|^Chief Justice|Bank|Banca|Banque|^Chief of|Joint Chiefs|Chiefs of Staff|Supreme Commander"
    r"|^Director|^Head of the (Foreign Intelligence|Security|Office)|Intelligence|Commissioner|Auditor|CEO|Envoy"
    r"|Adviser|Advisor|Spokesperson|Principal Secretary|Chief Presidential Secretary|Secretary-General"
    r"|^Assistant |^Deputy Minist|^Associate Minister|Deputy Minster|^Superintendent|Prosecutor|Solicitor"
    r"|^Lord of the Treasury|Chief Executive of the Falkland|Governor of the Falkland|Governor of Pitcairn|Mayor of Pitcairn"
)


def keep_position(repo: str, short: str) -> bool:
    if repo == "us-cabinet" and short.startswith("Governor of "):
        return True
    if short == "Minister of Justice and Attorney General":
        return True
    if repo == "united-kingdom-cabinet" and short in ("First Lord of the Treasury", "Minister for the Civil Service",
                                                      "Minister for the Union"):
        return False  # held by every Prime Minister ex officio
    return not NOT_NATIONAL.search(short)


HOS = {"President", "monarch", "Emperor", "Supreme Leader"}
HOG = {"Prime Minister", "Premier of the State Council"}
DEPUTY = re.compile(r"^(First |Second |Third )?(Vice[- ]President|Deputy Prime Minister|Deputy President)$|^Vice Premier|^Alternate Prime Minister")
FOREIGN = re.compile(r"Foreign|External Affairs|International Relations and Cooperation|^Secretary of State$")


def role_type(repo: str, short: str) -> str:
    if short in HOS:
        return "head_of_state"
    if short in HOG:
        return "head_of_government"
    if DEPUTY.search(short):
        return "deputy_head"
    if FOREIGN.search(short) and not re.search(r"Deputy|Assistant|Minister of State", short):
        return "foreign_minister"
    if repo == "us-cabinet" and short.startswith("Governor of "):
        return "governor"
    if re.search(r"Minister|Secretary|Treasurer|Chancellor|Attorney|Lord ", short):
        return "minister"
    return "other"


# ----------------------------------------------------------------------------- YAML subset

def _scalar(v: str):
    v = v.strip()
    if len(v) >= 2 and v[0] == v[-1] == "'":
        return v[1:-1].replace("''", "'")
    if len(v) >= 2 and v[0] == v[-1] == '"':
        return v[1:-1].replace('\\"', '"')
    return v


def read_yaml(path: str):
    """The YAML subset of congress-legislators: block lists and maps of plain or quoted scalars."""
    lines = []
    for raw in open(path, encoding="utf-8"):
        s = raw.rstrip("\n")
        if not s.strip() or s.lstrip().startswith("#"):
            continue
        lines.append((len(s) - len(s.lstrip(" ")), s.strip()))
    pos = 0

    def block(indent):
        nonlocal pos
        if pos >= len(lines):
            return None
        if lines[pos][1].startswith("- ") or lines[pos][1] == "-":
            out = []
            while pos < len(lines) and lines[pos][0] == indent and lines[pos][1].startswith("-"):
                text = lines[pos][1][1:].strip()
                if ":" in text and not text.startswith(("'", '"')):
                    # a map whose first key is on the dash line
                    lines[pos] = (indent + 2, text)
                    out.append(block(indent + 2))
                else:
                    out.append(_scalar(text))
                    pos += 1
            return out
        out = {}
        while pos < len(lines) and lines[pos][0] == indent and not lines[pos][1].startswith("- "):
            key, _, rest = lines[pos][1].partition(":")
            pos += 1
            if rest.strip():
                out[key.strip()] = _scalar(rest)
            elif pos < len(lines) and (lines[pos][0] > indent or (lines[pos][0] == indent and lines[pos][1].startswith("- "))):
                out[key.strip()] = block(lines[pos][0])
            else:
                out[key.strip()] = None
        return out

    return block(lines[0][0]) if lines else None


# ----------------------------------------------------------------------------- dates

def date_lo(d: str | None) -> str | None:
    """Earliest day a YYYY / YYYY-MM / YYYY-MM-DD value can mean."""
    if not d:
        return None
    return d + {4: "-01-01", 7: "-01"}.get(len(d), "")


def date_hi(d: str | None) -> str | None:
    if not d:
        return None
    return d + {4: "-12-31", 7: "-31"}.get(len(d), "")


def days_between(a: str, b: str) -> int:
    import datetime
    da = datetime.date.fromisoformat(date_lo(a)[:10])
    db = datetime.date.fromisoformat(date_lo(b)[:10])
    return (db - da).days


def more_precise(a: str | None, b: str | None) -> str | None:
    if not a:
        return b
    if not b:
        return a
    return a if len(a) >= len(b) else b


def clean_date(v: str) -> str | None:
    v = (v or "").strip()
    return v if re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", v) else None


# ----------------------------------------------------------------------------- names

SUFFIX = re.compile(r",?\s+(Jr\.?|Sr\.?|II|III|IV)$")
PEERAGE = re.compile(r",\s+(\d+(st|nd|rd|th)\s+)?(Baron|Baroness|Lord|Lady|Viscount|Earl|Countess)\b.*$")

# Where a person's first surname is the one used alone (Wanda Vázquez Garced -> Vázquez).
SPANISH_NAMING = {"ES", "MX"}


def stem_of(label: str) -> str:
    """The name without a generational suffix (Jr., III) or a peerage (", Baron Adonis"),
    for splitting into parts."""
    return SUFFIX.sub("", PEERAGE.sub("", label)).strip()


def spanish_parts(stem: str):
    """Given names and the first surname of a Spanish-style name of three or four words
    (`Wanda Vázquez Garced`: Wanda + Vázquez), or None."""
    toks = stem.split()
    if len(toks) not in (3, 4) or not all(t[:1].isupper() for t in toks):
        return None
    given = toks[:len(toks) - 2]
    return [["given", [" ".join(given)], []], ["surname", [toks[len(toks) - 2]], []]]


# ----------------------------------------------------------------------------- merging

def _period(r):
    lo = date_lo(r.get("start")) or "0000"
    hi = date_hi(r.get("end")) or date_hi(r.get("end_before")) or "9999"
    return lo, hi


def _same_office(a, b) -> bool:
    if a.get("country") != b.get("country") or a.get("org") != b.get("org"):
        return False
    keyed = ("head_of_state", "head_of_government", "foreign_minister")
    if a.get("type") in keyed and a.get("type") == b.get("type"):
        return True
    return a["title"].lower() == b["title"].lower()


def merge_role(kb, aid: str, role: dict, conflicts) -> None:
    """Add `role` to actor `aid`, merging it with a role of the same office whose period it
    overlaps (sources joined by '+'); disagreements on dates go to conflicts.md."""
    roles = kb.actors[aid]["roles"]
    lo, hi = _period(role)
    name = kb.actors[aid]["name"]
    for r in roles:
        if not _same_office(r, role):
            continue
        rlo, rhi = _period(r)
        if rlo > hi or lo > rhi:
            continue
        if role["source"] in r["source"].split("+"):
            continue
        srcs = r["source"].split("+") + [role["source"]]
        r["source"] = "+".join(srcs)
        # start
        a, b = r.get("start"), role.get("start")
        if a and b and abs(days_between(a, b)) > 31 and (len(a) == 10 and len(b) == 10 or a[:4] != b[:4]):
            conflicts["Dated roles: start dates disagree between sources"].append(
                f"{name} ({aid}), {r['title']}: {a} ({'+'.join(srcs[:-1])}) vs {b} ({role['source']})")
            r["note"] = (r.get("note", "") + "; " if r.get("note") else "") + f"disputed: {role['source']} gives start {b}"
        elif b:
            r["start"] = more_precise(a, b) if a and a[:4] == b[:4] else (a or b)
        # end
        a, b = r.get("end"), role.get("end")
        if a and b:
            if abs(days_between(a, b)) > 31 and (len(a) == 10 and len(b) == 10 or a[:4] != b[:4]):
                conflicts["Dated roles: end dates disagree between sources"].append(
                    f"{name} ({aid}), {r['title']}: {a} ({'+'.join(srcs[:-1])}) vs {b} ({role['source']})")
                r["note"] = (r.get("note", "") + "; " if r.get("note") else "") + f"disputed: {role['source']} gives end {b}"
            elif a[:4] == b[:4]:
                r["end"] = more_precise(a, b)
        elif a or b:
            end = a or b
            open_as_of = role["as_of"] if a else r["as_of"]
            open_ended_before = role.get("end_before") if a else r.get("end_before")
            if not open_ended_before and date_lo(open_as_of) > date_hi(end):
                conflicts["Dated roles: ended in one source, open in a later one"].append(
                    f"{name} ({aid}), {r['title']}: ended {end} per {'+'.join(srcs[:-1]) if a else role['source']}; "
                    f"open as of {open_as_of} per {role['source'] if a else '+'.join(srcs[:-1])}")
                r["note"] = (r.get("note", "") + "; " if r.get("note") else "") + f"disputed: open as of {open_as_of} in another source"
            r["end"] = end
            r.pop("end_before", None)
            if r.get("note", "").startswith("stale"):
                del r["note"]
        elif role.get("end_before") is None:
            r.pop("end_before", None)
        r["as_of"] = max(r["as_of"], role["as_of"])
        return
    roles.append(role)


def _merge_terms(terms, gap_days=1):
    """Sorted (start, end, end_before) terms of one person in one position, joined where they touch or overlap.
    Returns (merged, overlaps)."""
    terms = sorted(set(terms), key=lambda t: (date_lo(t[0]) or "0000", date_hi(t[1]) or "9999"))
    out, overlaps = [], 0
    for s, e, eb in terms:
        if out:
            ps, pe, peb = out[-1]
            phi = date_hi(pe) or ("9999" if not peb else date_hi(peb))
            if s and phi != "9999" and date_lo(s) <= phi:
                overlaps += date_lo(s) < (date_lo(pe) or phi)
                ne = pe if (date_hi(pe) or "9999") >= (date_hi(e) or "9999") and pe else e
                if not pe and not peb:
                    ne = None
                out[-1] = (ps, ne, eb if ne is None and not (pe is None and not peb) else None)
                continue
            if s and pe and 0 <= days_between(pe, s) <= gap_days:
                out[-1] = (ps, e, eb)
                continue
            if not s and not pe and not peb:
                overlaps += 1
                continue
        out.append((s, e, eb))
    return out, overlaps


# ----------------------------------------------------------------------------- build

def build(kb, bk):
    """Add the dated roles to `kb` (a build_kb.KB); `bk` is the build_kb module (helpers)."""
    conflicts = kb.conflicts
    local_script = defaultdict(set)
    bad_labels = 0
    kept_rows = dropped_rows = 0
    before = {a for a, x in kb.actors.items() if x["kind"] == "person"}
    new_people = defaultdict(set)

    def find_or_create(qid, label, iso, source, as_of, surname_first=False, spanish=False, first_start=None):
        """The actor of a person: by QID, else an unmatched Factbook/curated person (slug id) of
        the same country and the same name, else a new actor. `first_start`: when the new
        person's first role began; a namesake whose every dated role ended 40 years or more
        before it is somebody else (President John F. Kennedy is not Senator John Kennedy)."""
        if qid in kb.actors and kb.actors[qid]["kind"] == "person":
            old = kb.actors[qid]["name"]
            if bk.fold(old) != bk.fold(label) and bk.fold(stem_of(old)) != bk.fold(stem_of(label)):
                conflicts["Dated roles: English labels differ between sources (kept the first)"].append(
                    f"{qid}: `{old}` (shipped) vs `{label}` ({source})")
            return qid
        for aid in kb.person_index.get(iso, []):
            a = kb.actors[aid]
            if not aid.startswith("person:"):
                continue
            ends = [r.get("end") for r in a.get("roles", [])]
            if first_start and ends and all(e and int(e[:4]) + 40 <= int(first_start[:4]) for e in ends):
                continue
            if bk.fold(a["name"]) == bk.fold(label):
                kb.add_source(aid, "id", source, as_of, f"Wikidata {qid} (same name, same country)")
                conflicts["Dated roles: merged by name with a person without QID (verify)"].append(
                    f"{a['name']} (`{aid}`) = {qid} ({source})")
                return aid
        stem = stem_of(label)
        kb.new_actor(qid, "person", label if PEERAGE.sub("", label) == label else stem, iso)
        sp = spanish_parts(stem) if spanish else None
        if sp:
            # Both surnames together are a whole-name form (Peña Nieto, López Obrador), so a
            # draft may use either without being inconsistent.
            kb.names[qid].parts = sp
            kb.names[qid].full += [stem, " ".join(stem.split()[-2:])]
        else:
            kb.init_person_names(qid, stem, surname_first)
        bad = [f for _, forms, _ in kb.names[qid].parts for f in forms
               if len(f) < 2 or (f.isupper() and not re.fullmatch(r"([A-Z]\. ?)+", f) and not bk.ROMAN.match(f))]
        if bad:
            conflicts["Dated roles: names that do not split into name parts (skipped)"].append(
                f"{label} ({qid}, {source}): part {bad[0]!r}")
            del kb.actors[qid], kb.names[qid]
            kb.person_index[iso].remove(qid)
            return None
        if stem != label:
            kb.names[qid].full.append(label)
        kb.add_source(qid, "name", source, as_of)
        new_people[source].add(qid)
        return qid

    # ---- national cabinets, heads of state and government, US governors (Wikidata, 2022)
    for repo, (iso, _commit, as_of) in sorted(CABINETS.items()):
        base = f"kb/cabinets/{repo}"
        wanted = defaultdict(list)
        for r in csv.DictReader(open(kb.inputs.path(f"{base}/wikidata/wanted-positions.csv"), encoding="utf-8")):
            wanted[r["title"]].append(r["position"])
        labels = {r["id"]: r["position"] for r in
                  csv.DictReader(open(kb.inputs.path(f"{base}/html/positions.csv"), encoding="utf-8"))}
        current = {(r["personID"], r["position"]) for r in
                   csv.DictReader(open(kb.inputs.path(f"{base}/html/current.csv"), encoding="utf-8"))}
        # Short titles that a regional list of the repository uses too (Treasurer: of Australia
        # and of each state): their rows cannot be told apart, so none is shipped.
        regional = set()
        for rel in kb.inputs.under(f"{base}/wikidata"):
            if rel.endswith("-positions.csv") and not rel.endswith(("/wanted-positions.csv", "/xtra-positions.csv")):
                regional |= {r["title"] for r in csv.DictReader(open(kb.inputs.path(rel), encoding="utf-8"))}
        ambiguous = defaultdict(int)
        cname = kb.country_name.get(iso, iso)
        terms = defaultdict(list)   # (qid, short) -> [(start, end, end_before)]
        label_of = {}
        for r in csv.DictReader(open(kb.inputs.path(f"{base}/html/holders21.csv"), encoding="utf-8")):
            short = r["position"]
            if short not in wanted or not keep_position(repo, short):
                dropped_rows += 1
                continue
            if short in regional:
                ambiguous[short] += 1
                continue
            qid, label = r["personID"], r["person"].strip()
            if not bk.is_latin(label):
                local_script[repo].add(qid)
                continue
            if bk.label_problem(label):
                bad_labels += 1
                conflicts["Dated roles: unusable labels (dropped)"].append(f"{repo}: {qid} `{label}` ({bk.label_problem(label)})")
                continue
            kept_rows += 1
            start, end = clean_date(r["start"]), clean_date(r["end"])
            end_before = None
            if not end and (qid, short) not in current:
                end_before = as_of  # ended, on a date the source does not give
            terms[(qid, short)].append((start, end, end_before))
            label_of[qid] = label
        for short, n in sorted(ambiguous.items()):
            conflicts["Dated roles: titles shared by a national and a regional office (rows dropped)"].append(
                f"{repo}: `{short}`, {n} rows")
        for (qid, short), ts in sorted(terms.items()):
            merged, overlaps = _merge_terms(ts)
            if overlaps:
                conflicts["Dated roles: overlapping or repeated terms of one person in one position (joined)"].append(
                    f"{label_of[qid]} ({qid}), {short} ({repo}): {len(ts)} rows")
            qids = wanted[short]
            full = labels.get(qids[0]) if len(qids) == 1 else None
            title = full or (f"{short} of {cname}" if short in HOS | HOG and short != "monarch" else f"{short} ({cname})")
            if short == "monarch":
                title = f"Monarch of {cname}" if not full else full
            aid = find_or_create(qid, label_of[qid], iso, repo, as_of, iso in bk.SURNAME_FIRST_COUNTRIES,
                                 iso in SPANISH_NAMING or short == "Governor of Puerto Rico")
            if aid is None:
                continue
            for s, e, eb in merged:
                role = {"title": title, "type": role_type(repo, short), "country": iso, "start": s, "end": e,
                        "source": repo, "as_of": as_of}
                if eb and not e:
                    role["end_before"] = eb
                merge_role(kb, aid, role, conflicts)
            kb.add_source(aid, "roles", repo, as_of)

    # ---- current US governors (Wikidata, 2022-12-11; no dates)
    gsrc, _, gas_of = GOVERNORS
    for r in csv.DictReader(open(kb.inputs.path("kb/cabinets/us-governors/data/wikidata.csv"), encoding="utf-8")):
        qid, name, state = r["item"], r["name"].strip(), r["state"].strip()
        title = f"Governor of {state}"
        holders = [(aid, x) for aid, a in kb.actors.items() if a["kind"] == "person" for x in a["roles"]
                   if x["title"] == title and not x.get("end") and not x.get("end_before")]
        for other, x in holders:
            if other != qid:
                conflicts["Dated roles: US governor differs between sources"].append(
                    f"{title}: {x['source']} (as of {x['as_of']}) has {kb.actors[other]['name']} ({other}) in office; "
                    f"{gsrc} ({gas_of}) lists {name} ({qid})")
        if not bk.is_latin(name) or bk.label_problem(name):
            continue
        aid = find_or_create(qid, name, "US", gsrc, gas_of, spanish=state == "Puerto Rico")
        if aid is None:
            continue
        if r["enLabel"].strip() and bk.fold(r["enLabel"]) != bk.fold(name):
            kb.names[aid].full.append(r["enLabel"].strip())
        mine = [x for x in kb.actors[aid]["roles"] if x["title"] == title and not x.get("end") and not x.get("end_before")]
        if mine:
            for x in mine:
                if gsrc not in x["source"].split("+"):
                    x["source"] += "+" + gsrc
                x["as_of"] = max(x["as_of"], gas_of)
        else:
            kb.actors[aid]["roles"].append({"title": title, "type": "governor", "country": "US", "start": None, "end": None,
                                            "source": gsrc, "as_of": gas_of, "note": "start date not in this source"})
        kb.add_source(aid, "roles", gsrc, gas_of)

    # ---- US presidents and vice presidents (congress-legislators executive.yaml)
    csrc, _, cas_of = CONGRESS
    execs = read_yaml(kb.inputs.path("kb/us-congress-legislators/executive.yaml"))
    unmatched_exec = []
    for p in execs:
        terms = [t for t in p.get("terms", []) if t.get("type") in ("prez", "viceprez")]
        if not terms or max(t["end"] for t in terms) < EXECUTIVE_FROM:
            continue
        nm = p["name"]
        given = nm.get("nickname") or nm["first"]
        label = f"{given} {nm['last']}" + (f" {nm['suffix']}" if nm.get("suffix") else "")
        qid = p["id"].get("wikidata")
        if not qid:
            # the person of a President/Vice President role that starts on the same day, else by name
            starts = {(t["type"], t["start"]) for t in terms}
            for aid, a in kb.actors.items():
                if a["kind"] == "person" and a.get("country", "US") == "US" and any(
                        (("viceprez" if "Vice" in x["title"] else "prez"), x.get("start")) in starts
                        for x in a["roles"] if x["title"] in ("President of the United States", "Vice President of the United States")):
                    qid = aid
                    break
        if not qid:
            for aid in kb.person_index.get("US", []):
                if bk.fold(stem_of(kb.actors[aid]["name"])) == bk.fold(stem_of(label)):
                    qid = aid
                    break
        if not qid and nm.get("middle"):
            def first_last(aid):
                g, sn = kb.names[aid].get("given"), kb.names[aid].get("surname")
                return (bk.fold(g[1][0].split()[0]), bk.fold(sn[1][0])) if g and sn else None
            taken = {first_last(aid) for aid, x in kb.actors.items() if x["kind"] == "person"}
            if (bk.fold(given), bk.fold(nm["last"])) in taken:  # George Bush: George W. Bush is taken
                label = f"{given} {' '.join(w[0] + '.' for w in nm['middle'].split())} {nm['last']}"
                nm = dict(nm, shared_short=True)
        if not qid:
            qid = f"person:{bk.slug(label)}"
            unmatched_exec.append(label)
        aid = find_or_create(qid, label, "US", csrc, cas_of) if not qid.startswith("person:") or qid not in kb.actors else qid
        if aid == qid and qid.startswith("person:") and not kb.names[aid].parts:
            kb.init_person_names(aid, stem_of(label))
        forms = [f"{nm['first']} {nm.get('middle', '')} {nm['last']}".replace("  ", " ")]
        if not nm.get("shared_short"):
            forms.append(f"{nm['first']} {nm['last']}")
        if nm.get("middle"):
            # Franklin D. Roosevelt, George H. W. Bush
            forms.append(f"{nm['first']} {' '.join(w[0] + '.' for w in nm['middle'].split())} {nm['last']}")
        for f in forms:
            if bk.fold(f) != bk.fold(kb.actors[aid]["name"]):
                kb.names[aid].full.append(f)
        by_type = defaultdict(list)
        for t in terms:
            end = t["end"] if t["end"] <= cas_of else None
            by_type[t["type"]].append((t["start"], end, None))
        for typ, ts in sorted(by_type.items()):
            merged, _ = _merge_terms(ts)
            for s, e, _eb in merged:
                merge_role(kb, aid, {"title": "President of the United States" if typ == "prez" else "Vice President of the United States",
                                     "type": "head_of_state" if typ == "prez" else "deputy_head", "country": "US",
                                     "start": s, "end": e, "source": csrc, "as_of": cas_of}, conflicts)
        kb.add_source(aid, "roles", csrc, cas_of)
    for label in unmatched_exec:
        conflicts["Dated roles: presidents and vice presidents without a Wikidata id (slug ids)"].append(label)

    # ---- members of Congress at 2026-06-15, whole careers (legislators-current.yaml)
    for p in read_yaml(kb.inputs.path("kb/us-congress-legislators/legislators-current.yaml")):
        nm = dict(p["name"])
        paren = re.fullmatch(r"(.+?)\s*\((.+)\)", nm["first"])
        if paren:  # first: "Gabriel (Gabe)"
            nm["first"] = paren.group(1)
            nm.setdefault("nickname", paren.group(2))
        given = nm.get("nickname") or nm["first"]
        label = f"{given} {nm['last']}" + (f" {nm['suffix']}" if nm.get("suffix") else "")
        # The English Wikipedia title is the name the press uses (Dick Durbin, not Richard
        # Durbin); the record's own forms become whole-name variants.
        wiki = re.sub(r"\s*\(.*\)$", "", p["id"].get("wikipedia") or "").strip()
        if wiki and bk.is_latin(wiki) and bk.fold(nm["last"]) in bk.fold(wiki) and len(wiki.split()) >= 2:
            if bk.fold(wiki) != bk.fold(label):
                nm["also"] = label
            label = wiki
        qid = p["id"].get("wikidata")
        if not qid:
            qid = f"person:{bk.slug(label)}"
            conflicts["Dated roles: members of Congress without a Wikidata id (slug ids)"].append(f"{label} (bioguide {p['id'].get('bioguide')})")
        if not bk.is_latin(label):
            continue
        aid = find_or_create(qid, label, "US", csrc, cas_of, spanish=any(t.get("state") == "PR" for t in p.get("terms", [])),
                             first_start=min((t["start"] for t in p.get("terms", [])), default=None))
        if aid is None:
            continue
        initial = re.fullmatch(r"[A-Z]\.", nm["first"])
        for f in (nm.get("official_full"), None if initial else f"{nm['first']} {nm['last']}", nm.get("also")):
            if f and bk.fold(f) != bk.fold(kb.actors[aid]["name"]) and bk.is_latin(f):
                kb.names[aid].full.append(f.replace('"', "").replace("  ", " ") if '"' not in f else f"{f.split(chr(34))[0].strip()} {nm['last']}")
        spans = defaultdict(list)
        for t in p.get("terms", []):
            end = t["end"] if t["end"] <= cas_of else None
            spans[(t["type"], t["state"])].append((t["start"], end, None))
        for (typ, st), ts in sorted(spans.items()):
            merged, _ = _merge_terms(ts, gap_days=7)
            where = US_STATES.get(st, st)
            if typ == "sen":
                title = f"U.S. Senator from {where}"
            elif st in ("DC", "GU", "VI", "AS", "MP"):
                title = f"Delegate to the U.S. House of Representatives from {where}"
            elif st == "PR":
                title = "Resident Commissioner of Puerto Rico"
            else:
                title = f"U.S. Representative from {where}"
            for s, e, _eb in merged:
                merge_role(kb, aid, {"title": title, "type": "legislator", "country": "US", "start": s, "end": e,
                                     "source": csrc, "as_of": cas_of}, conflicts)
        kb.add_source(aid, "roles", csrc, cas_of)

    # A new person's surname that is also an everyday or proper-noun word of the name checks'
    # dictionary (England, Simpson, Orlando, King, Price) is matched only together with a
    # given name, unless they headed a state or government: a draft that says "England" or
    # "Price" alone rarely means a minister or a member of Congress.
    # The same, for everyone, when the surname is a place: a country, a capital or a US state
    # (George Washington).
    words = set(open(DICTIONARY, encoding="utf-8").read().split())
    places = {bk.fold(v) for aid, a in kb.actors.items() if a["kind"] == "place"
              for p in kb.names[aid].parts for v in p[1]} | {bk.fold(v) for v in US_STATES.values()}
    for aid in sorted(after_new := {a for a, x in kb.actors.items() if x["kind"] == "person"} - before):
        a = kb.actors[aid]
        sp = kb.names[aid].get("surname")
        if not sp or not kb.names[aid].get("given") or len(sp[1]) != 1 or " " in sp[1][0]:
            continue
        leader = any(r.get("type") in ("head_of_state", "head_of_government", "deputy_head")
                     and (r.get("end") or "9999") >= "1900" for r in a["roles"])
        if bk.fold(sp[1][0]) in places or (not leader and (sp[1][0] in words or sp[1][0].lower() in words)):
            kb.not_alone.add((aid, "surname"))
    _ = after_new
    for repo, qids in sorted(local_script.items()):
        conflicts["Dated roles: names in a local script without an English label (skipped)"].append(
            f"{repo}: {len(qids)} people ({', '.join(sorted(qids)[:6])}{' …' if len(qids) > 6 else ''})")
    after = {a for a, x in kb.actors.items() if x["kind"] == "person"}
    kb.dated_stats = {
        "rows kept": kept_rows, "rows not national cabinet (dropped)": dropped_rows,
        "people in local scripts (skipped)": sum(len(v) for v in local_script.values()),
        "unusable labels": bad_labels, "new people": len(after - before),
        "surnames matched only with a given name": len(kb.not_alone),
        "new people by source": {k: len(v) for k, v in sorted(new_people.items())},
    }
