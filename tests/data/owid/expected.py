#!/usr/bin/env python3
"""Expected values for the Our World in Data cases, computed from the
published files with Python's csv module, independently of statbrief.

    python3 expected.py dump FILE [REGION...]   check --dump --flags [--region R]
    python3 expected.py metrics FILE REGION...  some columns of metrics
    FROM=Y python3 ...                          the same with --from Y

Rules applied (docs/input-formats.md): one indicator per value column,
its id the header with letters and digits kept (compatibility
decomposition: CO₂ -> co2), lowercased, other runs '_'; region = Entity;
empty cells are missing and not dumped; numbers printed as the shortest
text that reads back (Python's repr without '.0'); rows sorted by
indicator, region (UTF-8 bytes), year.
"""
import csv
import os
import sys
import unicodedata


def ident(header):
    out, gap = [], False
    for ch in header:
        d = unicodedata.normalize("NFKD", ch)[0]
        c = d if d.isascii() else ch
        if c.isalnum():
            if gap and out:
                out.append("_")
            gap = False
            out.append(c.lower())
        else:
            gap = True
    return "".join(out) or "value"


def num(v):
    s = repr(float(v))
    return s[:-2] if s.endswith(".0") else s


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    ids = [ident(h) for h in head]
    obs = {}
    for r in body:
        for c in range(3, len(head)):
            if r[c].strip() not in ("", "NaN", "nan", "NA"):
                obs[(ids[c], r[0], int(r[2]))] = float(r[c])
    return obs


def csvq(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\r\n') else s


def dump(path, regions):
    print("indicator,region,year,value,flags")
    obs = read(path)
    for (i, reg, y) in sorted(obs, key=lambda k: (k[0].encode(), k[1].encode(), k[2])):
        if (regions and reg not in regions) or y < FROM:
            continue
        print(f"{csvq(i)},{csvq(reg)},{y},{num(obs[(i, reg, y)])},")


def metrics(path, regions):
    """first/last year and value, change, pct_change, cagr, n per series"""
    obs = read(path)
    print("indicator,region,first_year,last_year,first_value,last_value,"
          "change,pct_change,cagr,n")
    series = {}
    for (i, reg, y), v in obs.items():
        if reg in regions:
            series.setdefault((i, reg), {})[y] = v
    for (i, reg) in sorted(series, key=lambda k: (k[0].encode(), k[1].encode())):
        s = series[(i, reg)]
        a, b = min(s), max(s)
        va, vb = s[a], s[b]
        pct = num((vb / va - 1) * 100) if va > 0 else ""
        cagr = num(((vb / va) ** (1 / (b - a)) - 1) * 100) if va > 0 and vb >= 0 and b > a else ""
        print(f"{i},{reg},{a},{b},{num(va)},{num(vb)},{num(vb - va)},{pct},{cagr},{len(s)}")


FROM = int(os.environ.get("FROM", "0"))

if __name__ == "__main__":
    {"dump": dump, "metrics": metrics}[sys.argv[1]](sys.argv[2], set(sys.argv[3:]))
