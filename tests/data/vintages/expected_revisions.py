#!/usr/bin/env python3
"""Expected revisions between the two vintages of each pair under vintages/ (Python csv module only).

For each pair: cells are keyed (region, year[, column]); a cell present in both is
  identical  same text,
  equal      different text, same number (e.g. 3.10 vs 3.1),
  rounded    different numbers that agree when both are rounded to the coarser precision of the two,
  revised    otherwise;
added = only in new; withdrawn = only in old (missing cells are not counted as values).
Mean revision and mean absolute revision are over revised cells, in units and in percent of the old value.
Usage: python3 expected_revisions.py  (run from anywhere; prints one block per pair)
"""
import csv, io, os, re
from decimal import Decimal

HERE = os.path.dirname(os.path.abspath(__file__))
MISSING = {"", "NaN", "nan", "NA", ":"}


def rows(p, enc="utf-8-sig"):
    return list(csv.reader(io.StringIO(open(p, "rb").read().decode(enc), newline="")))


def long_cy(p):  # Country Name,Country Code,Year,Value
    return {(r[1], r[2]): r[3] for r in rows(p)[1:] if r[3] not in MISSING}


def owid(p):  # Entity,Code,Year,value
    return {(r[0], r[2]): r[3] for r in rows(p)[1:] if r[3] not in MISSING}


def owid_code(p):  # as owid, keyed by the country code where there is one
    return {(r[1] or r[0], r[2]): r[3] for r in rows(p)[1:] if r[3] not in MISSING}


def yearcols(p):  # Year,<columns>
    r = rows(p); h = r[0]
    return {(h[k], x[0]): x[k] for x in r[1:] for k in range(1, len(h)) if x[k] not in MISSING}


def nbs(p):
    r = rows(p, "gb18030")
    i = next(k for k, x in enumerate(r) if x and x[0] == "地区")
    h = r[i]
    out = {}
    for x in r[i + 1:]:
        if len(x) < 2:
            continue
        for k in range(1, len(h)):
            if re.fullmatch(r"\d{4}年", h[k]) and k < len(x) and x[k] not in MISSING:
                out[(x[0], h[k][:4])] = x[k]
    return out


def decimals(s):
    return max(0, -Decimal(s).as_tuple().exponent)


def compare(name, old, new, reader):
    if not (os.path.exists(old) and os.path.exists(new)):
        return  # statbrief's copy holds only the pairs its tests use
    A, B = reader(old), reader(new)
    common = set(A) & set(B)
    ident = equal = rounded = 0
    revs = []
    for k in sorted(common):
        a, b = A[k], B[k]
        if a == b:
            ident += 1; continue
        da, db = Decimal(a), Decimal(b)
        if da == db:
            equal += 1; continue
        q = Decimal(1).scaleb(-min(decimals(a), decimals(b)))
        if da.quantize(q) == db.quantize(q) or abs(da - db) <= q / 2:
            rounded += 1; continue
        revs.append((k, da, db))
    n = len(revs)
    mr = sum(b - a for _, a, b in revs) / n if n else 0
    mar = sum(abs(b - a) for _, a, b in revs) / n if n else 0
    pct = [(b - a) / a * 100 for _, a, b in revs if a != 0]
    mrp = sum(pct) / len(pct) if pct else 0
    marp = sum(abs(x) for x in pct) / len(pct) if pct else 0
    big = sorted(revs, key=lambda t: -abs((t[2] - t[1]) / t[1]) if t[1] else 0)[:3]
    print(f"== {name}\n old {os.path.relpath(old, HERE)}: {len(A)} values\n new {os.path.relpath(new, HERE)}: {len(B)} values")
    print(f" common {len(common)}: identical {ident}, equal-number {equal}, rounded {rounded}, revised {n}")
    print(f" added {len(set(B) - set(A))}, withdrawn {len(set(A) - set(B))}")
    print(f" mean revision {mr:.6g}, mean absolute revision {mar:.6g} (units); "
          f"mean revision {mrp:.4f}%, mean absolute revision {marp:.4f}% (of old value)")
    for k, a, b in big:
        print(f"  largest relative: {k}: {a} -> {b}")
    ex = revs[:2]
    for k, a, b in ex:
        print(f"  example: {k}: {a} -> {b}")


def main():
    V = lambda *p: os.path.join(HERE, *p)
    compare("wb-population (datasets/population)", V("wb-population/2025-01-01/population.csv"),
            V("wb-population/2026-03-06/population.csv"), long_cy)
    compare("wb-gdp (datasets/gdp)", V("wb-gdp/2017-07-12/gdp.csv"), V("wb-gdp/2018-01-14/gdp.csv"), long_cy)
    compare("owid-co2 (two repositories)", V("owid-co2/old-2019data/annual-co2-emissions-per-country.csv"),
            V("owid-co2/new-2025-10-12/annual-co2-emissions-per-country.csv"), owid)
    compare("owid-co2 keyed by code (two repositories)", V("owid-co2/old-2019data/annual-co2-emissions-per-country.csv"),
            V("owid-co2/new-2025-10-12/annual-co2-emissions-per-country.csv"), owid_code)
    compare("nbs-gdp (two downloads)", V("nbs-gdp/download-2018/分省年度数据.csv"),
            V("nbs-gdp/download-2026/分省年度数据.csv"), nbs)
    compare("co2-fossil-global (datasets/co2-fossil-global)", V("co2-fossil-global/2018-cdiac/global.csv"),
            V("co2-fossil-global/2026-gcp/global.csv"), yearcols)


if __name__ == "__main__":
    main()
