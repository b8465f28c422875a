#!/usr/bin/env python3
"""tests/data/index/expected.py FILE [BASE] -- index values computed
independently of statbrief, for tests/index.sh.

FILE is a long CSV (indicator,region,year,value) or a China NBS regional
export (GB18030, a preamble, one row per province, a column per year).
BASE: the base year; without it, the rule of docs/charts.md: the latest
year in which more than half of the regions have a value.

Prints "base YEAR", then per region one line: its name, and either
"not-indexed" (no value above zero in the base year) or its first year,
the index there, its last year and the index there, each index
100 * value / base value rounded half away from zero to one decimal (the
precision statbrief prints an index at).
"""
import csv
import io
import sys
from decimal import Decimal, ROUND_HALF_UP


def read(path):
    raw = open(path, 'rb').read()
    try:
        text = raw.decode('utf-8-sig')
    except UnicodeDecodeError:
        text = raw.decode('gb18030')
    rows = list(csv.reader(io.StringIO(text)))
    series = {}
    if rows[0][:4] == ['indicator', 'region', 'year', 'value']:
        for r in rows[1:]:
            series.setdefault(r[1], {})[int(r[2])] = Decimal(r[3])
        return series
    head = next(i for i, r in enumerate(rows) if r and r[0] == '地区')
    years = [int(h.rstrip('年')) for h in rows[head][1:]]
    for r in rows[head + 1:]:
        if len(r) != len(years) + 1:
            break                                  # the footnotes
        series[r[0]] = {y: Decimal(v) for y, v in zip(years, r[1:]) if v}
    return series


def main():
    series = read(sys.argv[1])
    years = sorted({y for s in series.values() for y in s}, reverse=True)
    if len(sys.argv) > 2:
        base = int(sys.argv[2])
    else:
        base = next(y for y in years
                    if 2 * sum(y in s for s in series.values()) > len(series))
    print('base', base)
    one = Decimal('0.1')
    for name, s in series.items():
        b = s.get(base)
        if b is None or b <= 0:
            print(name, 'not-indexed')
            continue
        first, last = min(s), max(s)
        idx = [(100 * s[y] / b).quantize(one, ROUND_HALF_UP)
               for y in (first, last)]
        print(name, first, idx[0], last, idx[1])


main()
