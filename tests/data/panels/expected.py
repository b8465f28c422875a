#!/usr/bin/env python3
"""Expected values for the panel cases (long and wide tables without an
indicator or region column), computed from the published files with
Python's csv module only, independently of statbrief.

    python3 expected.py counts FILE...           rows, values, regions, years
    python3 expected.py dump FILE...             = check --dump FILE...
    python3 expected.py metrics FILE...          some columns of metrics
    python3 expected.py compare METRICS.csv FILE...
                                                 those columns against the
                                                 output of metrics --format csv
    REGION=NAME python3 ...                      global.csv's region (--region-name)

Rules applied (docs/input-formats.md, "Tables without an indicator or a
region"): Country Name,Country Code,Year,Value -> indicator = the file's
stem, region = Country Name, known by Country Code across files (see
merged); Year,<columns> whose headers are no region
-> one indicator per column (the header), region = the file's stem
("global") or REGION; empty cells are missing and not dumped; numbers
printed as the shortest text that reads back (Python's repr, without
".0"); rows sorted by indicator, region (UTF-8 bytes), year. Aggregates:
the World Bank codes whose Region is empty in the Bank's
Metadata_Country file (ARB, HIC, WLD among the cut's codes).
"""
import csv
import os
import sys

AGGREGATES = {"ARB", "HIC", "WLD"}


def num(v):
    s = repr(float(v))
    return s[:-2] if s.endswith(".0") else s


def stem(path):
    return os.path.splitext(os.path.basename(path))[0]


def read(path):
    """{(indicator, region, year): value}, and the region codes"""
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], rows[1:]
    obs, codes = {}, {}
    if head == ["Country Name", "Country Code", "Year", "Value"]:
        for r in body:
            if r[3].strip():
                obs[(stem(path), r[0], int(r[2]))] = float(r[3])
            codes[r[0]] = r[1]
    else:                                   # Year,<indicator>,...
        region = os.environ.get("REGION", stem(path))
        for r in body:
            for c in range(1, len(head)):
                if r[c].strip():
                    obs[(head[c], region, int(r[0]))] = float(r[c])
    return obs, codes


def csvq(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\r\n') else s


def counts(paths):
    for p in paths:
        obs, codes = read(p)
        with open(p, newline="", encoding="utf-8") as f:
            n = sum(1 for _ in csv.reader(f)) - 1
        regs = {k[1] for k in obs}
        years = [k[2] for k in obs]
        agg = sorted(r for r in regs if codes.get(r) in AGGREGATES)
        print(f"{p}: rows {n}; values {len(obs)}; regions {len(regs)} "
              f"(aggregates: {', '.join(agg) or '-'}); indicators "
              f"{len({k[0] for k in obs})}; years {min(years)}-{max(years)}")


def merged(paths):
    """the files' observations, a region known by its code: a name met
    first keeps it, a later file's other name for the code joins it (the
    Bank renamed aggregates: MEA "Middle East & North Africa" in gdp.csv
    is "Middle East, North Africa, Afghanistan & Pakistan" in
    population.csv)"""
    obs, name_of = {}, {}
    for p in paths:
        o, codes = read(p)
        for name, code in codes.items():
            name_of.setdefault(code, name)
        for (i, reg, y), v in o.items():
            obs[(i, name_of.get(codes.get(reg), reg), y)] = v
    return obs


def dump(paths):
    print("indicator,region,year,value")
    obs = merged(paths)
    for k in sorted(obs, key=lambda k: (k[0].encode(), k[1].encode(), k[2])):
        print(f"{csvq(k[0])},{csvq(k[1])},{k[2]},{num(obs[k])}")


COLUMNS = ["first_year", "last_year", "first_value", "last_value", "change",
           "pct_change", "cagr", "n"]


def figures(paths):
    """{(indicator, region): {column: text}}"""
    series = {}
    for (i, reg, y), v in merged(paths).items():
        series.setdefault((i, reg), {})[y] = v
    out = {}
    for key, s in series.items():
        a, b = min(s), max(s)
        va, vb = s[a], s[b]
        out[key] = {
            "first_year": str(a), "last_year": str(b),
            "first_value": num(va), "last_value": num(vb),
            "change": num(vb - va),
            "pct_change": num((vb - va) / va * 100) if va > 0 else "",
            "cagr": num(((vb / va) ** (1 / (b - a)) - 1) * 100)
                    if va > 0 and vb > 0 and b > a else "",
            "n": str(len(s))}
    return out


def metrics(paths):
    print("indicator,region," + ",".join(COLUMNS))
    f = figures(paths)
    for k in sorted(f, key=lambda k: (k[0].encode(), k[1].encode())):
        print(f"{csvq(k[0])},{csvq(k[1])}," + ",".join(f[k][c] for c in COLUMNS))


def close(a, b):
    if a == "" or b == "":
        return a == b
    x, y = float(a), float(b)
    return x == y or abs(x - y) <= 1e-12 * max(abs(x), abs(y))


def compare(got_path, paths):
    want = figures(paths)
    with open(got_path, newline="", encoding="utf-8") as fh:
        got = {(r["indicator"], r["region"]): r for r in csv.DictReader(fh)}
    bad = 0
    for k, w in sorted(want.items()):
        g = got.get(k)
        for c in COLUMNS:
            if g is None or not close(w[c], g[c]):
                bad += 1
                print(f"DIFF {k} {c}: want {w[c]} got {g and g[c]}")
    print(f"{len(want)} series, {len(want) * len(COLUMNS)} figures, "
          f"{bad} differ (relative tolerance 1e-12)")
    return bad


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "compare":
        sys.exit(1 if compare(args[0], args[1:]) else 0)
    {"counts": counts, "dump": dump, "metrics": metrics}[cmd](args)
