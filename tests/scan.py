#!/usr/bin/env python3
"""tests/scan.py DIR N -- N long-format CSV files for tests/scan.sh, from
fixed seeds: rows whose fields are padded with spaces and tabs, hold
UTF-8 and the other delimiters (quoted), end in LF, CR LF or CR, and in
most files one anomaly (a NUL, a byte that is not UTF-8, a stray quote,
a character cut by a delimiter, a lone CR inside a row, a short row) at
a place that moves with the padding, so that across the files it falls
at every offset of a 16-byte block."""
import os
import random
import sys

DELIMS = [",", ";", "\t", "|"]
NAMES = ["gdp", "R&D spending", "人均GDP", "Ñandú index", "a,b;c|d", "x"]
REGIONS = ["Chongqing", "重庆", "São Paulo", "Île-de-France", "north;south",
           "Baden-Württemberg", "r1", "a|b"]
ANOMALIES = ["nul", "notutf8", "quote", "cut", "cr", "short", None, None]


def pad(rng, delim):
    """Spaces and tabs libcsv drops around an unquoted field (never the
    delimiter itself)."""
    chars = [c for c in " \t" if c != delim]
    return "".join(rng.choice(chars) for _ in range(rng.randrange(0, 4)))


def field(rng, text, delim):
    needs_quotes = delim in text or '"' in text
    if needs_quotes or rng.random() < 0.15:
        return '"' + text.replace('"', '""') + '"'
    return pad(rng, delim) + text + pad(rng, delim)


def make(rng):
    delim = rng.choice(DELIMS)
    eol = rng.choice(["\n", "\r\n"])
    rows = []
    for ind in rng.sample(NAMES, 2):
        for reg in rng.sample(REGIONS, 3):
            for year in range(2000, 2000 + rng.randrange(3, 9)):
                value = "" if rng.random() < 0.1 else \
                    "%.*f" % (rng.randrange(0, 3), rng.uniform(0, 1e5))
                rows.append([ind, reg, str(year), value])
    lines = [delim.join(["indicator", "region", "year", "value"])
             .encode()]
    for r in rows:
        lines.append(delim.join(field(rng, t, delim) for t in r).encode())
    what = rng.choice(ANOMALIES)
    if what is not None:
        k = rng.randrange(1, len(lines))
        line = bytearray(lines[k])
        at = rng.randrange(0, len(line) + 1)
        if what == "nul":
            line[at:at] = b"\x00"
        elif what == "notutf8":
            line[at:at] = b"\xff"
        elif what == "quote":
            line[at:at] = b'"'
        elif what == "cut":
            line[at:at] = "重".encode()[:2] + delim.encode()
        elif what == "cr":
            line[at:at] = b"\r"
        elif what == "short":
            line = bytearray(delim.join(["x", "y", "2001"]).encode())
        lines[k] = bytes(line)
    return eol.encode().join(lines) + eol.encode()


def main(out, n):
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        rng = random.Random(20261206 + i)
        with open(os.path.join(out, "f%03d.csv" % i), "wb") as f:
            f.write(make(rng))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
