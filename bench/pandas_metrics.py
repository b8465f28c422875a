#!/usr/bin/env python3
"""bench/pandas_metrics.py SRC OUT -- what bench/big.sh times pandas
doing on the row-heavy file: read_csv, then per series (indicator,
region) only the first and last year with a value, their values and the
CAGR between them, in percent, written to OUT as CSV. Far less than
`statbrief metrics` computes (no trend, forecast, ranks, screening); the
issue's "pandas doing far less"."""
import sys

import numpy as np
import pandas as pd


def main(src, out):
    df = pd.read_csv(src)
    df = df.dropna(subset=["value"])          # missing values: empty cells
    # the file is sorted by indicator, region, year: first and last in
    # file order are the first and last year
    g = df.groupby(["indicator", "region"], sort=False)
    r = g.agg(first_year=("year", "first"), last_year=("year", "last"),
              first_value=("value", "first"), last_value=("value", "last"))
    span = (r["last_year"] - r["first_year"]).astype(float)
    ok = (span > 0) & (r["first_value"] > 0) & (r["last_value"] >= 0)
    ratio = (r["last_value"] / r["first_value"]).where(ok)
    r["cagr"] = (ratio ** (1.0 / span.where(ok)) - 1.0) * 100.0
    r.to_csv(out)
    return len(r)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: pandas_metrics.py SRC OUT")
    print(main(sys.argv[1], sys.argv[2]))
