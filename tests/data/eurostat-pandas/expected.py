#!/usr/bin/env python3
"""Expected values for the Eurostat CSV cases (tables of the Python
`eurostat` package written out as CSV), computed with Python's csv
module, independently of statbrief.

    python3 expected.py dump FILE [GEO...]      check --dump --flags

Rules applied (docs/input-formats.md): the columns up to the one headed
"geo\\TIME_PERIOD" are the dimensions; indicator id = the values of the
dimensions other than geo joined with '.'; region = the geo code; every
later column is a year; NaN and empty cells are missing (not dumped).
"""
import csv
import sys


def num(v):
    s = repr(float(v))
    return s[:-2] if s.endswith(".0") else s


def dump(path, regions):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head = rows[0]
    k = next(i for i, h in enumerate(head) if h.endswith("\\TIME_PERIOD"))
    obs = {}
    for r in rows[1:]:
        ind = ".".join(r[:k])           # geo is the last dimension here
        for c in range(k + 1, len(head)):
            if r[c].strip() not in ("", "NaN", "nan", "NA"):
                obs[(ind, r[k], int(head[c]))] = float(r[c])
    print("indicator,region,year,value,flags")
    for key in sorted(obs, key=lambda t: (t[0].encode(), t[1].encode(), t[2])):
        if not regions or key[1] in regions:
            print(f"{key[0]},{key[1]},{key[2]},{num(obs[key])},")


if __name__ == "__main__":
    dump(sys.argv[2], set(sys.argv[3:]))
