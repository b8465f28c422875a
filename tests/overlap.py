#!/usr/bin/env python3
"""tests/overlap.py BIN [COUNT] -- line and ranking charts of random panels,
every word box of the PDF read back, none overlapping another or leaving
the page.

For each seed 1..COUNT (default 40) a panel is generated: 1 to 300
regions (the seeds include 1, 8, 9, 31 and 300), names of 2 to 40
characters, Latin, CJK or both, series of different lengths (some end
early, some have gaps), a focus, sometimes a benchmark and regions named
with --label, at one of several page sizes; every fourth panel on a low
page with every label asked for, so that some must be dropped. BIN draws it as a line chart
in English and in Chinese (`charts --type line --format pdf`), every
third panel also as an index chart (`--type index`),
and as a ranking chart (every other one at its own height, grown with its
rows, the rest at the page size drawn; the low pages force rows to be left
out) in English and in Chinese (`charts --type line|ranking --format
pdf`), and
`pdftotext -bbox` gives the box of every word on the page. A chart passes
when no two boxes intersect (by more than EPS points both ways: the
boxes of a column of labels touch), every box lies on the page and none
but the title and subtitle is above the plot.

Then COUNT/2 panels of small multiples (`charts --type small`): 1 to 30
regions (a chart holds no more), sizes 100 times apart on every other
seed so that some get a scale per panel, at 120x80 to 240x150 mm: panel
titles, value labels and years must stay apart as well.

The checker is shown able to fail first: a page with two words over each
other and one with a word off the page must each be reported.

Prints "FAIL overlap: ..." for each failure and last
"overlap: N passed, M failed (C charts checked, W words)". Exit 1 when
something failed. Standard library only; the panels depend on the seed
alone (random.Random(seed)), so a failure is reproduced by its seed.
"""
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile

EPS = 0.05               # points: boxes that only touch do not overlap
SAME_LINE = 0.06         # of a word's height: see neighbours()
SCRIPT_EDGE = 0.2        # the same where the script changes
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
SIZES = ["160x100", "100x60", "240x150", "80x50", "160x60", "120x40",
         "90x32", "70x30"]
LOW = ["90x32", "160x40", "120x35", "70x30"]
SMALLEST = "60x25"       # every fifth panel: the value axis' labels crowd
FIXED = {1: 1, 2: 8, 3: 9, 4: 31, 5: 300, 6: 2, 7: 200}
# small multiples: up to 30 panels (beyond, a ranking chart takes their
# place), at sizes a panel of them is drawn at
SMALL_MAX = 30
SMALL_FIXED = {1: 30, 2: 1, 3: 9, 4: 2, 5: 30, 7: 20, 9: 25, 11: 28}
SMALL_SIZES = ["160x100", "240x150", "120x80", "180x120"]

WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" '
                  r'xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
TITLE = "gdp"            # the indicator's id: the chart's title
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">')


def name(rng, used):
    """A region name of 2 to 40 characters, Latin, CJK or mixed."""
    while True:
        n = rng.randint(2, 40)
        style = rng.choice(["latin", "cjk", "mixed"])
        chars = []
        for i in range(n):
            cjk = style == "cjk" or (style == "mixed" and rng.random() < 0.5)
            if cjk:
                chars.append(chr(rng.randint(0x4E00, 0x9FA5)))
            elif 0 < i < n - 1 and rng.random() < 0.15 and chars[-1] != " ":
                chars.append(" ")
            else:
                chars.append(rng.choice(LATIN))
        s = "".join(chars).strip()
        if len(s) >= 2 and s not in used:
            used.add(s)
            return s


def rows(rng, regions, spread):
    """The CSV text of the regions' series: some end early, some have
    gaps; spread: regions differ in size by up to 10**spread."""
    first = rng.randint(1990, 2015)
    last = rng.randint(first + 1, 2024)
    scale = 10 ** rng.randint(0, 6)
    out = ["indicator,region,year,value"]
    for r in regions:
        a = rng.randint(first, last - 1) if rng.random() < 0.2 else first
        b = rng.randint(a + 1, last) if rng.random() < 0.2 else last
        v = rng.uniform(0.1, 10) * scale
        if spread:                    # the line panels' draws as before
            v *= 10 ** rng.randint(0, spread)
        for y in range(a, b + 1):
            v *= 1 + rng.gauss(0.03, 0.08)
            if rng.random() < 0.05 and a < y < b:
                continue                              # a gap
            out.append('%s,"%s",%d,%.6g' % (TITLE, r, y, v))
    return "\n".join(out) + "\n"


def panel(seed):
    """The CSV text and the options of line chart panel `seed`."""
    rng = random.Random(seed)
    n = FIXED.get(seed, rng.randint(1, 300))
    used = set()
    regions = [name(rng, used) for _ in range(n)]
    csv = rows(rng, regions, 0)
    focus = rng.choice(regions)
    crowded = seed % 4 == 0
    size = rng.choice(LOW if crowded else SIZES)
    opts = ["--focus", focus, "--size",
            SMALLEST if seed % 5 == 0 else size]
    others = [r for r in regions if r != focus]
    if others and (crowded or rng.random() < 0.5):
        opts += ["--benchmark", rng.choice(others)]
    for r in rng.sample(others, min(len(others),
                                    6 if crowded else rng.randint(0, 6))):
        opts += ["--label", r]
    return csv, ["--type", "line"] + opts, n


def small_panel(seed):
    """The CSV text and the options of small multiples panel `seed`: 1 to
    SMALL_MAX regions (the seeds include 1, 2, 9, 20, 25, 28 and 30),
    sizes that differ by up to 100 times on every other seed (own
    scales: 20 to 30 panels on seeds 1, 5, 7, 9 and 11), a focus,
    sometimes a benchmark, at one of SMALL_SIZES."""
    rng = random.Random(1000 + seed)
    n = SMALL_FIXED.get(seed, rng.randint(1, SMALL_MAX))
    used = set()
    regions = [name(rng, used) for _ in range(n)]
    csv = rows(rng, regions, 2 if seed % 2 else 0)
    focus = rng.choice(regions)
    opts = ["--type", "small", "--focus", focus, "--size",
            rng.choice(SMALL_SIZES)]
    others = [r for r in regions if r != focus]
    if others and rng.random() < 0.5:
        opts += ["--benchmark", rng.choice(others)]
    return csv, opts, n


def words(pdf):
    """The page size and every word box of the PDF's first page."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"],
                         capture_output=True, text=True, check=True).stdout
    m = PAGE.search(out)
    boxes = [tuple(float(g) for g in w.groups()[:4]) + (w.group(5),)
             for w in WORD.finditer(out)]
    return float(m.group(1)), float(m.group(2)), boxes


def neighbours(a, b, dx):
    """Two words of one line of text, which pdftotext splits where the
    script changes (CJK, Latin): its box of a CJK glyph is a full em,
    wider than the glyph's advance, so the next word's box starts a
    little inside it. Same middle, and less than SAME_LINE of the height
    in common across; up to SCRIPT_EDGE of it where the script does
    change between the two (Latin "…B" then CJK "鴢…" at 5.5 pt: 0.15 of
    the height, one line of one name as drawn)."""
    h = min(a[3] - a[1], b[3] - b[1])
    left, right = (a, b) if a[0] <= b[0] else (b, a)
    edge = cjk(left[4][-1]) != cjk(right[4][0])
    return abs((a[1] + a[3]) - (b[1] + b[3])) / 2 < SAME_LINE * h and \
        dx < (SCRIPT_EDGE if edge else SAME_LINE) * h


def cjk(ch):
    """Whether the character is a CJK ideograph or full-width form."""
    return "\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or \
        "\uff00" <= ch <= "\uffef"


def above_plot(boxes):
    """The words above the plot but the title ("gdp", the first row) and
    the subtitle (the row below it): a label pushed out of the plot's
    top."""
    title = [b for b in boxes if b[4] == TITLE]
    if not title:
        return []
    rest = [b for b in boxes if b not in title]
    row = min((b[1] for b in rest), default=0)
    head = title + [b for b in rest if abs(b[1] - row) < 1]
    top = max(b[3] for b in head)
    return ["%r is above the plot (y %g)" % (b, top) for b in boxes
            if b not in head and b[1] < top - EPS]


def problems(w, h, boxes):
    """Every pair of intersecting boxes, every box off the page, and every
    label above the plot."""
    bad = above_plot(boxes)
    for b in boxes:
        if b[0] < -EPS or b[1] < -EPS or b[2] > w + EPS or b[3] > h + EPS:
            bad.append("%r leaves the %gx%g page" % (b, w, h))
    order = sorted(boxes)
    for i, a in enumerate(order):
        for b in order[i + 1:]:
            if b[0] >= a[2] - EPS:
                break                                 # sorted by xMin
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dx > EPS and dy > EPS and not neighbours(a, b, dx):
                bad.append("%r overlaps %r" % (a, b))
    return bad


class Count:
    def __init__(self):
        self.passed = self.failed = self.charts = self.words = 0

    def check(self, good, what):
        if good:
            self.passed += 1
        else:
            self.failed += 1
            print("FAIL overlap: " + what)


def self_test(k):
    """The checker reports what it is there to find."""
    k.check(problems(100, 100, [(10, 10, 30, 20, "a"),
                                (25, 15, 40, 25, "b")]) != [],
            "self-test: two words over each other not reported")
    k.check(problems(100, 100, [(90, 10, 110, 20, "a")]) != [],
            "self-test: a word off the page not reported")
    k.check(problems(100, 100, [(10, 0, 30, 10, TITLE),
                                (10, 12, 30, 20, "2001\u20132020"),
                                (60, 15, 90, 25, "label")]) != [],
            "self-test: a label above the plot not reported")
    k.check(problems(100, 100, [(10, 10, 30, 20, "a"), (30, 10, 50, 20, "b"),
                                (10, 20, 30, 30, "c")]) == [],
            "self-test: words that touch reported")
    k.check(problems(100, 100, [(10, 10, 30, 20, "a"),
                                (29.5, 10, 50, 20, "b")]) == [],
            "self-test: neighbours in one line reported")
    k.check(problems(100, 100, [(10, 10, 30, 20, "a"),
                                (28, 10, 50, 20, "b")]) != [],
            "self-test: words of one line over each other not reported")


def main():
    binary = os.path.abspath(sys.argv[1])
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    k = Count()
    self_test(k)
    tmp = tempfile.mkdtemp(prefix="overlap.")
    try:
        for seed, (csv, opts, n) in \
                [(s, panel(s)) for s in range(1, count + 1)] + \
                [(-s, small_panel(s)) for s in range(1, count // 2 + 1)]:
            path = os.path.join(tmp, "gdp.csv")
            with open(path, "w", encoding="utf-8") as f:
                f.write(csv)
            base = opts[2:]                 # without its --type
            size = base[base.index("--size") + 1]
            # a line panel is drawn as a line chart, a ranking chart and,
            # every third, an index chart: the same lines and labels,
            # indexed, with its note of regions not indexed
            if seed > 0:
                types = ["line", "ranking"] + (["index"] if seed % 3 == 0
                                               else [])
            else:
                types = [opts[1]]
            for lang, kind in [(l, t) for t in types for l in ("en", "zh")]:
                out = os.path.join(tmp, "out-%d-%s-%s" % (seed, lang, kind))
                # a ranking at its own height every other seed
                o = base
                if kind == "ranking" and seed % 2:
                    i = base.index("--size")
                    o = base[:i] + base[i + 2:]
                run = subprocess.run([binary, "charts", "--type", kind,
                                      "--format", "pdf", "--lang", lang,
                                      "-q", "-o", out] + o + [path],
                                     capture_output=True, text=True)
                what = "seed %d (%s, %d regions, %s, %s)" % (
                    abs(seed), kind, n, lang,
                    size if "--size" in o else "own size")
                pdfs = [p for p in os.listdir(out) if p.endswith(".pdf")] \
                    if os.path.isdir(out) else []
                k.check(run.returncode == 0 and len(pdfs) == 1,
                        "%s: exit %d, %d PDF: %s" % (what, run.returncode,
                                                     len(pdfs),
                                                     run.stderr.strip()))
                if len(pdfs) != 1:
                    continue
                w, h, boxes = words(os.path.join(out, pdfs[0]))
                bad = problems(w, h, boxes)
                k.charts += 1
                k.words += len(boxes)
                k.check(boxes and not bad,
                        "%s: %s" % (what, "; ".join(bad[:3]) or "no words"))
                shutil.rmtree(out)
    finally:
        shutil.rmtree(tmp)
    print("overlap: %d passed, %d failed (%d charts checked, %d words)"
          % (k.passed, k.failed, k.charts, k.words))
    return 1 if k.failed else 0


if __name__ == "__main__":
    sys.exit(main())
