#!/usr/bin/env python3
"""Changes that mean something, checked on a published file: for each
row of API_BRA_balances.csv, from its own cells with Python's csv module
(independently of statbrief), whether the window starts at or below zero
or crosses zero, its change in the unit, and the percent figures
(pct_change, cagr, multiple, yoy), empty where the rule makes them
undefined; then the same columns of `statbrief metrics --format csv`
read from the case's expected.out must agree.

    python3 expected.py [FROM] [EXPECTED.OUT]

Rule (docs/figures.md): a series whose first value in the window is <= 0,
or that has a value of the other sign later in the window, has no
percent change, CAGR, multiple or year-on-year percent; the change
v(b) - v(a) stands. A year-on-year percent needs both years > 0.
"""
import csv
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
FROM = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1] != "-" else 0


def series():
    with open(os.path.join(here, "API_BRA_balances.csv"), encoding="utf-8-sig",
              newline="") as f:
        rows = list(csv.reader(f))
    head = rows[4]
    for r in rows[5:]:
        if not r:
            continue
        pts = [(int(y), float(v)) for y, v in zip(head[4:], r[4:])
               if y.strip() and v.strip()]
        yield r[3], [(y, v) for y, v in pts if y >= FROM]


def figures(pts):
    (a, va), (b, vb) = pts[0], pts[-1]
    crosses = va <= 0 or any(v < 0 for _, v in pts)
    prev = dict(pts).get(b - 1)
    out = {"first_year": a, "last_year": b, "change": vb - va,
           "crosses": crosses}
    if not crosses:
        out["pct_change"] = (vb / va - 1) * 100
        out["cagr"] = ((vb / va) ** (1 / (b - a)) - 1) * 100
        out["multiple"] = vb / va
    if not crosses and prev is not None and prev > 0 and vb > 0:
        out["yoy"] = (vb / prev - 1) * 100
    return out


def close(want, got):
    if want is None:
        return got == ""
    return got != "" and abs(float(got) - want) <= 1e-9 * max(1, abs(want))


def main():
    path = sys.argv[2] if len(sys.argv) > 2 else None
    got = {}
    if path:
        with open(path, newline="") as f:
            for r in csv.DictReader(f):
                got[r["indicator"]] = r
    bad = 0
    for ind, pts in series():
        fig = figures(pts)
        print(ind, fig)
        if ind not in got:
            continue
        for k in ("first_year", "last_year", "change", "pct_change", "cagr",
                  "multiple", "yoy"):
            ok = close(fig.get(k), got[ind][k])
            bad += not ok
            print("  %s %s: %s (statbrief %r)" % ("OK" if ok else "FAIL", k,
                                                  fig.get(k), got[ind][k]))
    sys.exit(1 if bad else 0)


main()
