#!/usr/bin/env python3
"""tests/recompute.py [-v] BIN [DIR] -- the example's figures and claims
recomputed independently, and compared with what statbrief prints.

The figures are computed here from the CSVs of DIR (default
examples/chongqing: data.csv, indicators.csv, regions.csv) with the
definitions of docs/figures.md, written out (OLS by its sums, Student's t
by the incomplete beta function), never with statbrief or its output.
Then BIN is run and compared, value by value:

  - the figures CSV of a brief (report --metrics-csv) and
    `metrics --format csv`: each field within the tolerance of TOLERANCE
    (a thousandth of the digit the brief prints it to, or 1e-9 of the
    value);
  - the key findings of the English and the Chinese brief, default and
    from the folder's brief.yaml and brief-zh.yaml (pdftotext):
    every number is one computed here, within half a unit of the digit it
    is printed to (3.01 trillion yuan is 30,100 +- 50 100 million yuan;
    6.65万件 is 66,500 +- 50), its direction word (up, fell, 增长, 低)
    agrees with the figure's sign, and each claim (more than doubled,
    highest on record, a rank) holds.

The figures follow the NEW rules of the statistics-office review: ranks,
shares and gaps at one reference year per indicator (the latest year in
which more than half of the comparison set has a value: the ref_year
column; growth gaps from the first year to it), percent figures
undefined for a series that starts at or below zero or crosses zero,
forecasts only from 8 points (fitted on the latest ten). The same
figures are also computed by the rules before them (OLD). A field (or
claim) in PENDING whose value agrees with OLD but not NEW is counted as
pending, not as a failure, until statbrief follows the rule; every other
disagreement fails. Prints "FAIL recompute: ..." lines, one "PENDING
recompute: ..." line per pending name (each value with -v, and every
check passed), and ends with "recompute: N passed, M failed (K pending)".
"""
import csv
import math
import os
import re
import subprocess
import sys
import tempfile

# The fields (and claims) whose NEW rule statbrief does not follow yet:
# a name here while a branch catches up with a rule; empty when every
# rule is followed, and the suite then holds statbrief to all of them.
PENDING = set()

MIN_RANKED = 3          # a rank is stated among this many regions or more
FORECAST_MIN = 8        # points a forecast needs
FORECAST_FIT = 10       # the latest points a forecast is fitted on
FORECAST_R2 = 0.8       # the share of the variation the line must explain
# 5% lower bound dL of the Durbin-Watson d, one regressor, by points
# (Savin and White 1977); d below it: autocorrelated residuals
DW_LOWER = {8: 0.763, 9: 0.824, 10: 0.879}
RECORD_YEARS = 10       # years of data a "highest on record" needs

# Printed decimals of each field: an int, or "p" (the indicator's
# precision), "p+1", or "kind" (percent for amounts and counts, the
# indicator's precision in points for rates). A field agrees when it is
# within a thousandth of that last printed digit, or 1e-9 of its size.
TOLERANCE = {
    "first_value": "p", "last_value": "p", "change": "p",
    "pct_change": 1, "pp_change": "p", "cagr": 1, "yoy": "kind",
    "multiple": 2, "slope": "p+1", "intercept": "p+1", "r2": 2,
    "trend_growth": 1, "forecast": "p", "forecast_lo": "p",
    "forecast_hi": "p", "share": 1, "gap": "p", "growth_gap": 1,
}
INTS = ("first_year", "last_year", "forecast_year", "forecast_cut",
        "ref_year", "rank", "rank_of", "n")


# ---- the data ---------------------------------------------------------

def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def precision(ind, values):
    """The indicator's decimals, else the most any value was published
    with (docs/figures.md)."""
    if ind["decimals"].strip():
        return int(ind["decimals"])
    return max((len(t.split(".")[1]) if "." in t else 0) for t in values)


def load(folder):
    """indicators.csv (with each one's precision "p"), regions.csv, the
    series of data.csv as {(indicator, region): {year: value}}, the
    regions of each role, the comparison set."""
    inds = {r["id"]: r for r in read_csv(os.path.join(folder,
                                                      "indicators.csv"))}
    regions = read_csv(os.path.join(folder, "regions.csv"))
    series, texts = {}, {}
    for r in read_csv(os.path.join(folder, "data.csv")):
        if r["value"].strip() == "":
            continue
        series.setdefault((r["indicator"], r["region"]), {})[
            int(r["year"])] = float(r["value"])
        texts.setdefault(r["indicator"], []).append(r["value"].strip())
    for iid, ind in inds.items():
        ind["p"] = precision(ind, texts.get(iid, ["0"]))
    role = {}
    for r in regions:
        for x in r["role"].split(";"):
            if x:
                role[x] = r["region"]
    # the comparison set: the focus region's (the first region's) first
    # group, else every region but the total (the example has no
    # aggregates, which would be left out)
    groups = [g for g in regions[0]["groups"].split(";") if g]
    members = [r["region"] for r in regions
               if (groups[0] in r["groups"].split(";") if groups
                   else r["region"] != role.get("total"))]
    return inds, regions, series, role, members


# ---- statistics written out -------------------------------------------

def ols(points):
    """Least squares of value on year, years centred on their mean:
    (slope, intercept at year 0, r2, sse, xm, sxx)."""
    n = len(points)
    xm = math.fsum(x for x, _ in points) / n
    ym = math.fsum(y for _, y in points) / n
    sxx = math.fsum((x - xm) ** 2 for x, _ in points)
    sxy = math.fsum((x - xm) * (y - ym) for x, y in points)
    slope = sxy / sxx
    sse = math.fsum((y - ym - slope * (x - xm)) ** 2 for x, y in points)
    tss = math.fsum((y - ym) ** 2 for _, y in points)
    r2 = 1 - sse / tss if n >= 3 and tss > 0 else None
    return slope, ym - slope * xm, r2, sse, xm, sxx, ym


def betacf(a, b, x):
    """Continued fraction of the incomplete beta function (Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1 - (a + b) * x / (a + 1)
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 1000):
        for num in (m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m)),
                    -(a + m) * (a + b + m) * x
                    / ((a + 2 * m) * (a + 2 * m + 1))):
            d = 1 + num * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-16:
            break
    return h


def betai(a, b, x):
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0 or x >= 1:
        return 0.0 if x <= 0 else 1.0
    lnf = (math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
           + a * math.log(x) + b * math.log(1 - x))
    if x < (a + 1) / (a + b + 2):
        return math.exp(lnf) * betacf(a, b, x) / a
    return 1 - math.exp(lnf) * betacf(b, a, 1 - x) / b


def t_quantile(p, df):
    """Student's t quantile for p > 0.5, by bisection on its CDF."""
    lo, hi = 0.0, 1e3
    for _ in range(200):
        mid = (lo + hi) / 2
        cdf = 1 - 0.5 * betai(df / 2, 0.5, df / (df + mid * mid))
        lo, hi = (mid, hi) if cdf < p else (lo, mid)
    return (lo + hi) / 2


# ---- the figures of one series ----------------------------------------

def percent_ok(vals, new):
    """By the NEW rule, percent figures need a positive start and no
    value below zero after it (a series crossing zero); by the OLD one
    only each figure's own base must be positive (checked where used)."""
    return not new or (vals[0] > 0 and min(vals) >= 0)


def series_figures(s, kind, new):
    years = sorted(s)
    a, b = years[0], years[-1]
    vals = [s[y] for y in years]
    va, vb = s[a], s[b]
    rate = kind == "rate"
    f = {"first_year": a, "last_year": b, "first_value": va,
         "last_value": vb, "n": len(years)}
    pct = percent_ok(vals, new)
    if a != b:
        f["change"] = vb - va
        if rate:
            f["pp_change"] = vb - va
        elif va > 0 and pct:
            f["pct_change"] = (vb / va - 1) * 100
        if va > 0 and vb >= 0 and pct:
            f["cagr"] = ((vb / va) ** (1 / (b - a)) - 1) * 100
        if va > 0 and pct:
            f["multiple"] = vb / va
    if b - 1 in s:
        if rate:
            f["yoy"] = vb - s[b - 1]
        elif s[b - 1] > 0 and pct:
            f["yoy"] = (vb / s[b - 1] - 1) * 100
    pts = [(y, s[y]) for y in years]
    if len(pts) >= 2:
        slope, icpt, r2, _, _, _, _ = ols(pts)
        f["slope"], f["intercept"] = slope, icpt
        if r2 is not None:
            f["r2"] = r2
    if len(pts) >= 3 and not rate and min(vals) > 0:
        beta = ols([(y, math.log(v)) for y, v in pts])[0]
        f["trend_growth"] = (math.exp(beta) - 1) * 100
    forecast(f, pts, kind, new)
    return f


def forecast(f, pts, kind, new):
    """OLS prediction for the year after the last value with its 95%
    prediction interval; NEW: from FORECAST_MIN points, on the latest
    FORECAST_FIT, only when the line fits (R2 >= FORECAST_R2 and the
    Durbin-Watson d of its residuals at least DW_LOWER[n]); for an
    amount or count whose fitted values are all >= 0, no forecast below
    zero and the interval's low end cut at zero (forecast_cut 1)."""
    if new:
        if len(pts) < FORECAST_MIN:
            return
        pts = pts[-FORECAST_FIT:]
    elif len(pts) < 3:
        return
    n = len(pts)
    slope, _, r2, sse, xm, sxx, ym = ols(pts)
    if new:
        if r2 is None or r2 < FORECAST_R2:
            return
        res = [y - ym - slope * (x - xm) for x, y in pts]
        den = math.fsum(e * e for e in res)
        # a line through every point leaves nothing to correlate
        if den > 0 and math.fsum((res[i] - res[i - 1]) ** 2
                                 for i in range(1, n)) / den < DW_LOWER[n]:
            return
    x0 = pts[-1][0] + 1
    yhat = ym + slope * (x0 - xm)
    half = (t_quantile(0.975, n - 2) * math.sqrt(sse / (n - 2))
            * math.sqrt(1 + 1 / n + (x0 - xm) ** 2 / sxx))
    nonneg = new and kind != "rate" and min(y for _, y in pts) >= 0
    if nonneg and yhat < 0:
        return
    f["forecast_year"], f["forecast"] = x0, yhat
    f["forecast_lo"], f["forecast_hi"] = yhat - half, yhat + half
    f["forecast_cut"] = 0
    if nonneg and f["forecast_lo"] < 0:
        f["forecast_lo"], f["forecast_cut"] = 0.0, 1


# ---- cross-region figures ---------------------------------------------

def common_years(iid, series, members, focus=None):
    """NEW: the comparison's (first, reference) years: the earliest and
    the latest year in which more than half of the comparison set's
    regions with any value of the indicator have one; without such a
    year (no year is common to the set) the focus region's first and
    latest, else those with the most values; (None, None) when the set
    has no value. The focus is the set's first region (load)."""
    focus = members[0] if focus is None and members else focus
    count, have = {}, 0
    for r in members:
        years = series.get((iid, r), {})
        have += bool(years)
        for y in years:
            count[y] = count.get(y, 0) + 1
    ok = [y for y, c in count.items() if 2 * c > have]
    if not ok:
        ok = list(series.get((iid, focus), {}))
    if not ok and count:
        most = max(count.values())
        ok = [y for y, c in count.items() if c == most]
    return (min(ok), max(ok)) if ok else (None, None)


def reference_year(iid, series, members):
    """NEW: the latest year in which more than half of the comparison
    set has a value (common_years); None when there is none."""
    return common_years(iid, series, members)[1]


def window_figures(s, a, b, kind, new):
    """The figures of s over the comparison table's years [a, b]: the
    values at a and b (none where the region has none then), trends of
    the points between."""
    sub = {y: v for y, v in s.items() if a <= y <= b}
    if sub:
        f = series_figures(sub, kind, new)
    else:
        f = {"n": 0}
    if a not in sub or b not in sub:
        f = {k: v for k, v in f.items() if k in ("slope", "intercept", "r2",
                                                 "trend_growth", "n")}
    f["first_year"], f["last_year"] = a, b
    if a in sub:
        f["first_value"] = sub[a]
    if b in sub:
        f["last_value"] = sub[b]
    return f


def ranks_at(iid, year, series, members, higher):
    """Ranks at `year` of the members with a value then: 1 = best, ties
    share the smaller rank."""
    vals = {r: series[(iid, r)][year] for r in members
            if year in series.get((iid, r), {})}
    out = {}
    for r, v in vals.items():
        better = sum(1 for w in vals.values() if (w > v if higher else w < v))
        out[r] = (better + 1, len(vals))
    return out


def growth_over(s, a, y, kind, new):
    """The change from a to y of series s as growth_gap compares it:
    points for rates, else percent from a positive start; NEW: none for
    a series at or below zero at a or of the other sign in [a, y]."""
    if a not in s or y not in s:
        return None
    if kind == "rate":
        return s[y] - s[a]
    if s[a] <= 0 or not percent_ok([s[x] for x in sorted(s)
                                    if a <= x <= y], new):
        return None
    return (s[y] / s[a] - 1) * 100


def cross_figures(iid, ind, region, f, data, new):
    """Rank, share and gap at the reference year (NEW; OLD: the row's
    last year), from the region's own value that year; growth_gap over
    [first year, reference year] (OLD: the row's whole window)."""
    inds, series, role, members = data
    s = series[(iid, region)]
    year = (reference_year(iid, series, members) if new
            else f["last_year"])
    if new and year is not None:
        f["ref_year"] = year
    higher = ind["higher_is_better"].strip().lower() != "no"
    if year is not None and region in members:
        rk = ranks_at(iid, year, series, members, higher).get(region)
        if rk:
            f["rank"], f["rank_of"] = rk
    total = series.get((iid, role.get("total")), {})
    bench = series.get((iid, role.get("benchmark")), {})
    if year is not None and year in s:
        if year in total and ind["kind"] != "rate":
            f["share"] = s[year] / total[year] * 100
        if year in bench:
            f["gap"] = s[year] - bench[year]
    a = f["first_year"]
    if new:
        own = (growth_over(s, a, year, ind["kind"], new)
               if year is not None and a < year else None)
        other = (growth_over(bench, a, year, ind["kind"], new)
                 if own is not None else None)
        if other is not None:
            f["growth_gap"] = own - other
        return
    b = f["last_year"]
    if a != b and a in bench and b in bench:
        bf = series_figures({a: bench[a], b: bench[b]}, ind["kind"], new)
        key = "pp_change" if ind["kind"] == "rate" else "pct_change"
        if key in f and key in bf:
            f["growth_gap"] = f[key] - bf[key]


def all_figures(data, new):
    """(indicator, region) -> its figures over its own years; NEW also
    (indicator, region, first, last) -> the figures over the comparison
    table's common years, a row of the brief's figures CSV too."""
    inds, series, role, members = data
    out = {}
    for (iid, region), s in series.items():
        ind = inds[iid]
        f = series_figures(s, ind["kind"], new)
        cross_figures(iid, ind, region, f, data, new)
        out[(iid, region)] = f
        a, b = (common_years(iid, series, members) if new
                else (None, None))
        if a is not None and b is not None:
            w = window_figures(s, a, b, ind["kind"], new)
            cross_figures(iid, ind, region, w, data, new)
            out[(iid, region, a, b)] = w
    return out


# ---- comparison -------------------------------------------------------

class Tally:
    def __init__(self, verbose):
        self.passed = self.failed = self.pending = 0
        self.verbose = verbose
        self.waiting = {}       # PENDING name -> what follows the old rule

    def judge(self, what, name, new_ok, old_ok, detail):
        """Pass when the NEW rule holds; pending when `name` is in
        PENDING and the OLD rule holds; else a failure."""
        if new_ok:
            self.passed += 1
            if self.verbose:
                print("ok %s" % what)
        elif name in PENDING and old_ok:
            self.pending += 1
            self.waiting.setdefault(name, []).append(what)
            if self.verbose:
                print("PENDING recompute: %s: %s (by the OLD rule)"
                      % (what, detail))
        else:
            self.failed += 1
            print("FAIL recompute: %s: %s" % (what, detail))

    def report(self):
        """One line per PENDING name that statbrief does not follow yet."""
        for name in sorted(self.waiting):
            w = self.waiting[name]
            print("PENDING recompute: %s: %d value%s by the OLD rule (%s%s)"
                  % (name, len(w), "s" * (len(w) > 1), w[0],
                     ", ..." * (len(w) > 1)))

    def check(self, what, ok, detail=""):
        self.judge(what, "", ok, False, detail)


def decimals(field, ind):
    d = TOLERANCE[field]
    if d == "kind":
        d = ind["p"] if ind["kind"] == "rate" else 1
    elif d == "p":
        d = ind["p"]
    elif d == "p+1":
        d = ind["p"] + 1
    return d


def agree(field, ind, got, want):
    if got is None or want is None:
        return got is None and want is None
    if field in INTS:
        return got == want
    tol = max(10.0 ** -decimals(field, ind) / 1000, 1e-9 * abs(want))
    return abs(got - want) <= tol


def compare_csv(tally, label, path, data, new, old, expect_rows):
    inds = data[0]
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    seen = set()
    for row in rows:
        key = (row["indicator"], row["region"])
        what = "%s %s/%s" % (label, key[0], key[1])
        if key not in new:
            tally.check(what, False, "a row for no series of the data")
            continue
        # a row over the comparison table's common years (the brief's
        # figures CSV): the window recomputed here, if it is that one
        span = (int(row["first_year"] or 0), int(row["last_year"] or 0))
        own = (new[key]["first_year"], new[key]["last_year"])
        if span != own and key + span in new:
            seen.add(key)
            key = key + span
            what += " %d-%d" % span
        seen.add(key)
        ind = inds[key[0]]
        tally.check(what + " unit", row["unit"] == ind["unit"], row["unit"])
        tally.check(what + " kind", row["kind"] == ind["kind"], row["kind"])
        for field, text in row.items():
            if field in ("indicator", "region", "unit", "kind"):
                continue
            if field not in TOLERANCE and field not in INTS:
                tally.check("%s %s" % (what, field), False,
                            "a column this script does not recompute")
                continue
            got = None if text == "" else (int(text) if field in INTS
                                           else float(text))
            want = new[key].get(field)
            was = old[key].get(field) if key in old else want
            tally.judge("%s %s" % (what, field), field,
                        agree(field, ind, got, want),
                        agree(field, ind, got, was),
                        "statbrief %s, recomputed %s (before: %s)"
                        % (text or "empty", want, was))
    for key in sorted(set(expect_rows) - seen):
        tally.check("%s %s/%s" % (label, key[0], key[1]), False,
                    "row missing")


# ---- the key findings -------------------------------------------------

ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth",
            "seventh", "eighth", "ninth", "tenth"]
UP = ("up", "rose", "above", "增长", "提高", "高")
DOWN = ("down", "fell", "below", "下降", "降低", "减少", "低")
LEVELS = ("first_value", "last_value", "value", "forecast", "forecast_lo",
          "forecast_hi")
EN_SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6}
ZH_SCALES = {"万": 1e4, "亿": 1e8}


# Where the findings are in pdftotext's text: after the heading, up to
# the table that follows them (the default brief, then a spec's "findings")
FINDINGS = {"en": (("Key findings", "Summary"), ("At a glance", "Indicator")),
            "zh": (("主要发现", "指标概览"), ("概览", "指标"))}


def findings(text, lang, spec):
    """The bullets of the key findings, each on one line."""
    head, tail = FINDINGS[lang][spec]
    glue = " " if lang == "en" else ""
    items = []
    for line in text.split(head + "\n", 1)[1].splitlines():
        line = line.strip()
        if line == tail:
            break
        if line.startswith("•"):
            items.append(line[1:].strip())
        elif line and items:
            items[-1] += glue + line
    return items


def bullet_indicator(item, inds, lang):
    """The indicator a finding is about: the longest name it holds."""
    key = "name" if lang == "en" else "name_zh"
    hits = [i for i in inds if inds[i][key] and inds[i][key] in item]
    return max(hits, key=lambda i: len(inds[i][key])) if hits else None


def candidates(f, s, ref):
    """Every figure a number of the finding may be: name -> value."""
    c = {k: v for k, v in f.items() if k not in INTS}
    if ref is not None and ref in s:
        c["value"] = s[ref]
    return c


def unit_factor(rest, ind, lang):
    """How many of the indicator's units one printed unit is (3.01
    trillion yuan: 1e12 / 1e8), or None when no unit follows."""
    scale = float(ind["scale"]) if ind["scale"].strip() else 1.0
    if lang == "en":
        m = re.match(r" (trillion|billion|million) (\S+)", rest)
        if m and m.group(2).rstrip(".,") == ind["base_unit"]:
            return EN_SCALES[m.group(1)] / scale
        if ind["base_unit"] and rest.startswith(" " + ind["base_unit"]):
            return 1 / scale
        if ind["unit"] and rest.startswith(" " + ind["unit"]):
            return 1.0
        return None
    unit = ind["unit_zh"] or ind["unit"]
    if rest.startswith(unit):
        return 1.0
    if rest[:1] in ZH_SCALES and rest[1:].startswith(unit):
        return ZH_SCALES[rest[0]]
    return None


def direction(before, lang):
    words = re.findall(r"[a-z]+" if lang == "en"
                       else r"增长|提高|下降|降低|减少|低|高", before)
    for w in reversed(words):
        if w in UP:
            return 1
        if w in DOWN:
            return -1
    return 0


# a number as printed: "6,348", "−0.18", "30145.79" (not inside a word)
NUMBER = re.compile(r"(?<![0-9A-Za-z.,])[−-]?"
                    r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?")


def figure_names(rest, ind, names, lang):
    """What a number may be, from what follows it: (figure names, how
    many of the indicator's units one printed unit is; None: no unit)."""
    if rest.startswith("%") and ind["kind"] != "rate" or rest.startswith(
            (" percentage points", " points", "个百分点")):
        return [k for k in names if k not in LEVELS], 1.0
    if rest.startswith((" times", "倍")):
        return ["multiple"], 1.0
    factor = 1.0 if ind["kind"] == "rate" else unit_factor(rest, ind, lang)
    return [k for k in names if k in LEVELS or k in ("change", "gap")], factor


def check_numbers(tally, what, item, ind, cand, years, lang):
    """Each number of a finding against the figures it may be: cand is
    (NEW, OLD), each a dict name -> value."""
    clause = 0
    for m in NUMBER.finditer(item):
        # a direction word holds to the end of its clause
        clause = max([clause] + [item.rfind(sep, 0, m.start()) + 1 for sep
                                 in (". ", ", ", "。", "，", "；")])
        x = float(m.group(0).replace("−", "-").replace(",", ""))
        dec, rest = len(m.group(2) or ".") - 1, item[m.end():]
        if dec == 0 and "," not in m.group(1) and 1900 <= x <= 2100 and (
                lang == "en" or rest[:1] in ("年", "—")):
            tally.check("%s year %d" % (what, x), int(x) in years,
                        "not a year of its figures %s"
                        % sorted(y for y in years if y))
            continue
        names, factor = figure_names(rest, ind, set(cand[0]) | set(cand[1]),
                                     lang)
        if factor is None:
            tally.check("%s number %s" % (what, m.group(0)), False,
                        "no unit of %s follows it" % ind["id"])
            continue
        tol = 0.5 * 10.0 ** -dec * factor * (1 + 1e-9)
        follow = re.match(r" (?:percentage )?points (above|below)", rest)
        sign = direction(follow.group(1) if follow
                         else item[clause:m.start()], lang)

        def matches(c):
            return [k for k in names if c.get(k) is not None
                    and abs(abs(c[k]) - abs(x) * factor) <= tol
                    and (k in LEVELS or k == "multiple" or sign == 0
                         or (c[k] > 0) == (sign > 0))]
        hits, was = matches(cand[0]), matches(cand[1])
        pend = [k for k in was if k in PENDING]
        tally.judge("%s number %s" % (what, m.group(0)),
                    pend[0] if pend else "", bool(hits), bool(pend),
                    "no figure of %s with that value and direction (%s)" % (
                        ind["id"], ", ".join("%s=%.6g" % (k, cand[0][k])
                                             for k in sorted(names)
                                             if k in cand[0])))


# ---- the claims of a finding ------------------------------------------

CLAIMS = {
    "en": {
        "rank": r"(?:It )?ranked (\w+) of (\d+)"
                r"(?: regions(?: \([^)]*\))?)? in (\d{4})\.?",
        "move": r",? up from (\w+) in (\d{4})|,? down from (\w+) in (\d{4})",
        "doubled": r"It more than doubled since (\d{4})\.?",
        "record": r"The (\d{4}) value was the highest"
                  r" (?:on record|since (\d{4}))\.?",
    },
    "zh": {
        "rank": r"(\d{4})年在(\d+)个地区中居第(\d+)位。?",
        "move": r"（(\d{4})年为第(\d+)位）",
        "doubled": r"比(\d{4})年翻了一番多。?",
        "record": r"(\d{4})年的数值为"
                  r"(?:有记录以来最高|(\d{4})年以来最高)。?",
    },
}


def ordinal(word):
    return ORDINALS.index(word) + 1 if word in ORDINALS else None


def check_claims(tally, what, item, iid, region, data, figs, lang):
    """The claims of one finding; returns the finding without them."""
    inds, series, role, members = data
    s = series[(iid, region)]
    new, old = figs[0][(iid, region)], figs[1][(iid, region)]
    higher = inds[iid]["higher_is_better"].strip().lower() != "no"
    ref = reference_year(iid, series, members)
    pat = CLAIMS[lang]
    for m in re.finditer(pat["rank"], item):
        if lang == "en":
            r, n, y = ordinal(m.group(1)), int(m.group(2)), int(m.group(3))
            if m.group(1) == "last":
                r = n
        else:
            y, n, r = int(m.group(1)), int(m.group(2)), int(m.group(3))
        true = ranks_at(iid, y, series, members, higher).get(region) == (r, n)
        tally.judge("%s claim: rank %s of %d in %d" % (what, r, n, y),
                    "claim:rank", true and n >= MIN_RANKED and y == ref,
                    true and n >= 2 and y == old["last_year"],
                    "true: %s, reference year %s, ranked %d (needs %d)"
                    % (true, ref, n, MIN_RANKED))
    for m in re.finditer(pat["move"], item):
        g = [x for x in m.groups() if x]
        y, r = ((int(g[1]), ordinal(g[0])) if lang == "en"
                else (int(g[0]), int(g[1])))
        got = ranks_at(iid, y, series, members, higher).get(region)
        tally.check("%s claim: rank %s in %d" % (what, r, y),
                    got is not None and got[0] == r, "rank then %s" % (got,))
    for m in re.finditer(pat["doubled"], item):
        y = int(m.group(1))
        mult = s[new["last_year"]] / s[y] if y in s and s[y] > 0 else 0
        tally.judge("%s claim: more than doubled since %d" % (what, y),
                    "claim:doubled", 2 <= mult < 3 and y == new["first_year"],
                    mult >= 2 and y == old["first_year"],
                    "multiple %.4g (from 3 it is stated as a multiple)" % mult)
    for m in re.finditer(pat["record"], item):
        y, since = int(m.group(1)), m.group(2)
        years = sorted(s)
        top = (y == years[-1] and all(s[x] < s[y] for x in years[:-1])
               and years[-1] - years[0] == len(years) - 1)
        tally.judge("%s claim: highest in %d" % (what, y), "claim:record",
                    top and len(years) >= RECORD_YEARS
                    and (since is None or int(since) == years[0]),
                    top, "%d years of data (needs %d)"
                    % (len(years), RECORD_YEARS))
    for key in ("rank", "move", "doubled", "record"):
        item = re.sub(pat[key], " ", item)
    return item


def check_brief(tally, label, text, data, figs, focus, lang, spec=False):
    inds, series, role, members = data
    items = findings(text, lang, spec)
    if label:       # a brief's 4-8 findings (a self-test text has one)
        tally.check("%s key findings" % label, 4 <= len(items) <= 8,
                    "%d findings" % len(items))
    for k, item in enumerate(items, 1):
        iid = bullet_indicator(item, inds, lang)
        what = "%s finding %d" % (label, k)
        if iid is None or (iid, focus) not in series:
            tally.check(what, False, "names no indicator of %s: %s"
                        % (focus, item))
            continue
        what += " (%s)" % iid
        rest = check_claims(tally, what, item, iid, focus, data, figs, lang)
        f = [figs[0][(iid, focus)], figs[1][(iid, focus)]]
        s = series[(iid, focus)]
        ref = reference_year(iid, series, members)
        years = {f[1]["first_year"], f[1]["last_year"],
                 f[1]["last_year"] - 1, f[1].get("forecast_year"), ref}
        cand = (candidates(f[0], s, ref), candidates(f[1], s,
                                                     f[1]["last_year"]))
        check_numbers(tally, what, rest, inds[iid], cand, years, lang)


# ---- the script's own rules, on series made for them --------------------

def self_test(tally):
    """Student's t against its closed forms (1 and 2 degrees of freedom),
    and each NEW rule on a series that shows it, against the OLD one."""
    for df, exact in ((1, math.tan(math.pi * 0.475)),
                      (2, 0.95 / math.sqrt(2 * 0.975 * 0.025))):
        t = t_quantile(0.975, df)
        tally.check("self-test t(0.975, %d)" % df,
                    abs(t - exact) <= 1e-12 * exact, "%r, not %r" % (t, exact))
    amount = "amount"
    neg = {2000: -5.0, 2001: 3.0, 2002: 4.0}
    cross = {2000: 5.0, 2001: -2.0, 2002: 6.0}
    # before: each percent from its own positive base (the year before
    # for yoy: 3 for `neg`, -2 for `cross`)
    for name, s, old_pct, old_yoy in (("starts below zero", neg, None, True),
                                      ("crosses zero", cross, 20.0, False)):
        n = series_figures(s, amount, True)
        o = series_figures(s, amount, False)
        tally.check("self-test %s: no percent" % name,
                    not any(k in n for k in ("pct_change", "cagr", "yoy",
                                             "multiple"))
                    and n["change"] == s[2002] - s[2000],
                    str(sorted(n)))
        tally.check("self-test %s: percent before" % name,
                    (old_pct is None and "pct_change" not in o
                     or abs(o.get("pct_change", 0) - (old_pct or 0)) < 1e-9)
                    and ("yoy" in o) == old_yoy, str(o))
    line = {y: 2.0 * y for y in range(2000, 2012)}
    line[2000] = line[2001] = 0.0    # off the line, before the latest 10
    seven = {y: line[y] for y in range(2005, 2012)}
    tally.check("self-test forecast from 7 points",
                "forecast" not in series_figures(seven, amount, True)
                and "forecast" in series_figures(seven, amount, False))
    f = series_figures(line, amount, True)
    tally.check("self-test forecast on the latest ten",
                abs(f.get("forecast", 0) - 2.0 * 2012) < 1e-6, str(f))
    falling = dict(zip(range(2000, 2008), (80.0, 71.0, 60.0, 52.0, 41.0,
                                           33.0, 20.0, 12.0)))
    f = series_figures(falling, "count", True)
    tally.check("self-test a count's interval cut at zero",
                f.get("forecast_lo") == 0.0 and f.get("forecast_cut") == 1
                and f.get("forecast_year") == 2008, str(f))
    rising = {2000: 10.0, 2001: 30.0, 2002: 11.0, 2003: 12.0, 2004: 11.0,
              2005: 12.0, 2006: 11.0, 2007: 12.0}
    tally.check("self-test no forecast when the line does not fit (R2)",
                "forecast" not in series_figures(rising, "count", True)
                and "forecast" in series_figures(rising, "count", False))
    wave = {2000 + i: 10.0 * i + 1.5 * (i - 4.5) ** 2
            for i in range(10)}
    tally.check("self-test no forecast from autocorrelated residuals",
                "forecast" not in series_figures(wave, amount, True),
                str(series_figures(wave, amount, True)))
    series = {("x", "A"): {2020: 1.0, 2021: 2.0}, ("x", "B"): {2020: 3.0},
              ("x", "C"): {2020: 2.0, 2021: 1.0}}
    ref = reference_year("x", series, ["A", "B", "C"])
    ranks = ranks_at("x", ref, series, ["A", "B", "C"], True)
    tally.check("self-test reference year", ref == 2021 and ranks ==
                {"A": (1, 2), "C": (2, 2)}, "%s %s" % (ref, ranks))
    tally.check("self-test reference year among regions with values",
                reference_year("x", series, list("ABCDEF")) == 2021)
    apart = {("x", "A"): {2018: 1.0, 2019: 2.0}, ("x", "B"): {2020: 3.0},
             ("x", "C"): {2016: 1.0, 2017: 5.0}}
    tally.check("self-test no common year: the focus region's latest",
                reference_year("x", apart, ["A", "B", "C"]) == 2019)
    tally.check("self-test no reference year",
                reference_year("x", series, ["D", "E"]) is None)


# A finding as the example's data make it true, in both languages, and
# each of its numbers made false: a wrong value, a wrong rounding, a
# wrong direction, a wrong scale, a wrong year.
TEXT_TESTS = {
    "en": ("Key findings\n• Patents granted (all types) in Chongqing "
           "reached {v} patents in 2022, {d} 12.5% on {y}. It was 3.3 times "
           "its 2012 level.\nSummary",
           {"v": "66,500", "d": "down", "y": "2021"},
           [{"v": "66,600"}, {"v": "66.5 thousand"}, {"d": "up"},
            {"y": "2020"}]),
    "zh": ("主要发现\n• 2022年重庆专利授权量{v}，比上年{d}12.5%，"
           "是{y}年的3.3倍。\n指标概览",
           {"v": "6.65万件", "d": "下降", "y": "2012"},
           [{"v": "6.64万件"}, {"v": "6.65亿件"}, {"d": "增长"},
            {"y": "2013"}]),
}


def self_test_text(tally, data, figs, focus):
    """check_brief passes the true finding and fails each false one."""
    saved = set(PENDING)
    PENDING.clear()
    for lang, (form, good, bad) in TEXT_TESTS.items():
        for change in [{}] + bad:
            words = dict(good, **change)
            sub = Tally(False)
            out = sys.stdout
            sys.stdout = open(os.devnull, "w")
            check_brief(sub, "", form.format(**words), data, figs, focus,
                        lang)
            sys.stdout.close()
            sys.stdout = out
            tally.check("self-test %s finding %s" % (lang, change or "true"),
                        (sub.failed == 0) == (not change),
                        "%d failed" % sub.failed)
    PENDING.update(saved)


# ---- running statbrief ------------------------------------------------

def run(argv, out=None):
    with open(out, "wb") if out else open(os.devnull, "wb") as f:
        r = subprocess.run(argv, stdout=f, stderr=subprocess.PIPE)
    if r.returncode != 0:
        sys.exit("recompute: %s exited %d: %s" % (" ".join(argv),
                 r.returncode, r.stderr.decode("utf-8", "replace")))


def pdf_text(path):
    return subprocess.run(["pdftotext", path, "-"], check=True,
                          stdout=subprocess.PIPE).stdout.decode("utf-8")


def brief_rows(series, members, focus):
    """The series a default brief prints: the comparison set's, but of an
    indicator with a single value for the focus only the focus's (its
    latest-values table shows that value alone; no section, no
    comparison table)."""
    single = {k[0] for k in series if k[1] == focus and len(series[k]) == 1}
    return [k for k in series
            if k[1] in members and (k[0] not in single or k[1] == focus)]


def main():
    args = sys.argv[1:]
    verbose = args[:1] == ["-v"]
    args = args[verbose:]
    if len(args) not in (1, 2):
        sys.exit("usage: tests/recompute.py [-v] BIN [DIR]")
    binary = args[0]
    folder = args[1] if len(args) == 2 else "examples/chongqing"
    inds, regions, series, role, members = load(folder)
    data = (inds, series, role, members)
    figs = (all_figures(data, True), all_figures(data, False))
    focus = regions[0]["region"]
    tally = Tally(verbose)
    self_test(tally)
    with tempfile.TemporaryDirectory() as tmp:
        en, zh = os.path.join(tmp, "en.pdf"), os.path.join(tmp, "zh.pdf")
        fig, met = os.path.join(tmp, "fig.csv"), os.path.join(tmp, "m.csv")
        run([binary, "report", "-q", "-o", en, "--metrics-csv", fig, folder])
        run([binary, "report", "-q", "--lang", "zh", "-o", zh, folder])
        run([binary, "metrics", "--format", "csv", folder], met)
        specs = []
        for lang, name in (("en", "brief.yaml"), ("zh", "brief-zh.yaml")):
            path = os.path.join(folder, name)
            if os.path.exists(path):
                specs.append((lang, os.path.join(tmp, "spec-%s.pdf" % lang)))
                run([binary, "report", "-q", "--spec", path, "-o",
                     specs[-1][1]])
        compare_csv(tally, "--metrics-csv", fig, data, figs[0], figs[1],
                    brief_rows(series, members, focus))
        compare_csv(tally, "metrics csv", met, data, figs[0], figs[1],
                    list(series))
        self_test_text(tally, data, figs, focus)
        check_brief(tally, "brief en", pdf_text(en), data, figs, focus, "en")
        check_brief(tally, "brief zh", pdf_text(zh), data, figs, focus, "zh")
        for lang, pdf in specs:
            check_brief(tally, "spec brief " + lang, pdf_text(pdf), data,
                        figs, focus, lang, spec=True)
    tally.report()
    print("recompute: %d passed, %d failed (%d pending)"
          % (tally.passed, tally.failed, tally.pending))
    return 1 if tally.failed else 0


if __name__ == "__main__":
    sys.exit(main())
