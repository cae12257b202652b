#!/usr/bin/env python3
"""A random sample of a check's flags for a copy editor to read: up to N per rule, each with
its article date, message, fixes and the lines around it.

    copydesk check tests/corpus/meantime-en --format json > flags.json
    python3 scripts/corpus/sample_flags.py flags.json sample.json 8 [read.json ...]

The seed is fixed, so the same flags give the same sample (tests/gold/reviews/ holds the
samples read so far and their verdicts). Samples named after N leave out the flags they
hold (same article, line and flagged text), so that a new reader reads flags nobody has.
"""
import json, random, sys, collections
src, out, per_rule = sys.argv[1], sys.argv[2], int(sys.argv[3])
read = {(x['article'], x['line'], x['flagged'])
        for prev in sys.argv[4:] for x in json.load(open(prev))}
d = json.load(open(src))
by = collections.defaultdict(list)
for f in d['files']:
    lines = open(f['path'], encoding='utf-8').read().split('\n')
    date = next((l.split(':',1)[1].strip() for l in lines[:6] if l.startswith('date:')), '?')
    for x in f['diagnostics']:
        ln = x['line']
        if (f['path'].split('/')[-1], ln, x['text']) in read:
            continue
        ctx = '\n'.join(lines[max(0, ln-3):ln+2])
        by[x['rule']].append({
            'rule': x['rule'], 'article': f['path'].split('/')[-1], 'article_date': date,
            'line': ln, 'column': x['column'], 'flagged': x['text'], 'message': x['message'],
            'fixes': [fx.get('title') or fx for fx in x.get('fixes', [])],
            'context (lines around the flag; the flagged line is the third)': ctx})
rng = random.Random(7)
sample = []
for rule in sorted(by):
    items = by[rule]
    sample += rng.sample(items, min(per_rule, len(items)))
for i, s in enumerate(sample, 1):
    s['id'] = i
json.dump(sample, open(out, 'w'), indent=1, ensure_ascii=False)
print(len(sample), {r: len(v) for r, v in by.items()})
