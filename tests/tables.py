#!/usr/bin/env python3
"""tests/tables.py BIN -- the brief's tables read back from the PDF.

The rules (docs/figures.md, "Tables of regions"): a table of regions
lists them by rank at the reference year (a shared rank marked "=2 of 5",
"并列2/5"), then the regions without a value that year, then the
aggregates, each in the source's order; a table going on after a page
break repeats its caption with "(continued)"/"（续）" and its header;
names wrap in their cell and are never cut, and no word of a table lies
over another (a wrapped name over the next row, a header over a
figure).

Every table is read from `pdftotext -bbox`: a table's text starts 5
points right of the margin (a paragraph's at the margin), a row is a
line whose first word starts there and that has other columns, a line
with the first column only is the rest of a wrapped name. Checked on a
made-up panel (tests/data/tables: a tie, regions without a value, an
aggregate, long names), on China NBS's 31 provinces (the order computed
here from the file with the csv module) and on the World Bank's GDP
download (217 economies), in English and Chinese.

Python 3's standard library only. Prints "FAIL tables: ..." for each
failed check and ends with "tables: N passed, M failed".
"""
import csv
import html
import os
import re
import subprocess
import sys
import tempfile

BIN = sys.argv[1]
TMP = tempfile.mkdtemp(prefix="sb-tables-")
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", LC_ALL="C")
PASS = FAIL = 0

CELL_X = 54 + 5          # a cell's text: the margin and the cell's padding
GAP = 6                  # wider than a space between words of a cell
ELLIPSIS = "\u2026"


def check(cond, what):
    global PASS, FAIL
    if cond:
        PASS += 1
    else:
        FAIL += 1
        print("FAIL tables: " + what)
    return cond


def brief(name, *args):
    """Runs report into TMP/name.pdf; its path, or None."""
    out = os.path.join(TMP, name + ".pdf")
    r = subprocess.run([BIN, "report", "-q", "-o", out] + list(args),
                       env=ENV, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE)
    if not check(r.returncode == 0 and os.path.exists(out),
                 "report %s failed: %s" % (" ".join(args),
                                           r.stderr.decode()[-300:])):
        return None
    return out


WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"'
                  r' yMax="([\d.]+)">(.*?)</word>')


def pages(pdf):
    """The words of each page: (x0, y0, x1, y1, text)."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"],
                         stdout=subprocess.PIPE).stdout.decode()
    result = []
    for page in out.split("<page ")[1:]:
        result.append([(float(a), float(b), float(c), float(d),
                        html.unescape(t))
                       for a, b, c, d, t in WORD.findall(page)])
    return result


def lines(words):
    """Words grouped into lines (top within 2 points), top to bottom."""
    rows = []
    for w in sorted(words, key=lambda w: (w[1], w[0])):
        if rows and abs(rows[-1][0][1] - w[1]) < 2:
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w[0]) for r in rows]


def join(a, b):
    """Two pieces of a text: a space between Latin words (English names
    in a Chinese brief too), none inside Chinese."""
    return a + (" " if a and b and a[-1].isascii() and b[0].isascii()
                else "") + b


def groups(line):
    """A line's words in cells: words further apart than GAP split."""
    cells = []
    for w in line:
        if cells and w[0] - cells[-1][-1][2] < GAP:
            cells[-1].append(w)
        else:
            cells.append([w])
    out = []
    for c in cells:
        text = ""
        for w in c:
            text = join(text, w[4])
        out.append((c[0][0], text))
    return out


def tables(pdf, head):
    """Every table whose header starts with `head`, in the order of the
    document: a list of (page, caption line above the header, rows);
    a row is [name, cells..., wrapped]."""
    found = []
    for p, words in enumerate(pages(pdf)):
        ls = lines(words)
        i = 0
        while i < len(ls):
            first = ls[i][0]
            if abs(first[0] - CELL_X) > 1.5 or first[4] != head:
                i += 1
                continue
            caption = " ".join(w[4] for w in ls[i - 1]) if i > 0 else ""
            rows, i = [], i + 1
            while i < len(ls) and abs(ls[i][0][0] - CELL_X) > 1.5 and \
                    ls[i][0][0] > CELL_X:                # the header wraps
                i += 1
            while i < len(ls) and abs(ls[i][0][0] - CELL_X) <= 1.5:
                g = groups(ls[i])
                if len(g) > 1 or not rows:
                    rows.append([g[0][1]] + [c[1] for c in g[1:]] + [False])
                else:                                    # a wrapped name
                    rows[-1][0] = join(rows[-1][0], g[0][1])
                    rows[-1][-1] = True
                i += 1
            top, bottom = first[1], ls[i - 1][-1][3]
            overlapping(p, [w for w in words if top <= w[1] <= bottom])
            found.append((p, caption, rows))
    return found


OVERLAPS = []


def overlapping(page, words):
    """Records word boxes of a table that intersect (a wrapped name over
    the next row, a figure over its neighbour)."""
    for a in range(len(words)):
        for b in range(a + 1, len(words)):
            u, v = words[a], words[b]
            if u[0] < v[2] - 0.1 and v[0] < u[2] - 0.1 and \
                    u[1] < v[3] - 0.1 and v[1] < u[3] - 0.1:
                OVERLAPS.append("page %d: \"%s\" and \"%s\"" %
                                (page + 1, u[4], v[4]))


def one_table(pdf, head, nth=0):
    """The nth table with header `head`, its pages joined: (rows,
    [(page, caption) of each page it goes on to])."""
    ts = tables(pdf, head)
    starts = []
    for k, (p, cap, rows) in enumerate(ts):
        cont = cap.endswith("(continued)") or cap.endswith("（续）")
        if not cont:
            starts.append(k)
    if nth >= len(starts):
        return [], []
    k = starts[nth]
    rows, conts = list(ts[k][2]), []
    for p, cap, more in ts[k + 1:]:
        if not (cap.endswith("(continued)") or cap.endswith("（续）")):
            break
        rows += more
        conts.append((p, cap))
    return rows, conts


def no_ellipsis(rows, what):
    """No cell of rows cut (charts may shorten a name: not a table's
    business)."""
    cut = [c for r in rows for c in r[:-1] if ELLIPSIS in c]
    check(not cut, "%s: cut %s" % (what, cut[:3]))


# ---- a made-up panel: ties, no value at the reference year, long names --

PANEL = "tests/data/tables"
LONG = ("Autonomous Prefecture of the Long Example Mountains and River "
        "Valleys")
LONG_ZH = "长例山脉及河谷地区少数民族自治州暨经济技术开发区管理委员会辖区"
IND = ("Gross regional output at current prices, all industries and all "
       "ownership types combined")
IND_ZH = "按现价计算的全部行业及全部所有制类型合计地区生产总值"
ONE = ("Share of households with a registered long-term care insurance "
       "contract among all resident households of the region")
ONE_ZH = ("已登记长期护理保险合同的家庭占本地区全部常住家庭的比重"
          "（按户籍与常住口径合并计算，含集体户及临时居住户）")


def panel(lang):
    zh = lang == "zh"
    pdf = brief("panel-" + lang, "--focus", "Delta", "--lang", lang, PANEL)
    if pdf is None:
        return
    names = (["甲市", "丙市", "乙市", LONG_ZH, "丁市", "己市", "戊市"] if zh
             else ["Alpha", "Gamma", "Beta", LONG, "Delta", "Zeta",
                   "Epsilon"])
    ranks = (["1/5", "并列2/5", "并列2/5", "4/5", "5/5", "–", "–"] if zh
             else ["1 of 5", "=2 of 5", "=2 of 5", "4 of 5", "5 of 5", "–",
                   "–"])
    rows, conts = one_table(pdf, "地区" if zh else "Region")
    check([r[0] for r in rows] == names,
          "%s: regions by rank, then without a value: %s" %
          (lang, [r[0] for r in rows]))
    check([r[5] if len(r) > 6 else None for r in rows] == ranks,
          "%s: ranks with the tie marked: %s" %
          (lang, [r[5] if len(r) > 6 else None for r in rows]))
    long_row = [r for r in rows if r[0] == names[3]]
    check(long_row and long_row[0][-1],
          "%s: the long region name wraps whole in its cell" % lang)
    cap = IND_ZH + "（续）" if zh else IND + " (continued)"
    check(all(c == cap for p, c in conts),
          "%s: continued captions %s" % (lang, conts))
    summ, _ = one_table(pdf, "指标" if zh else "Indicator", 0)
    check(len(summ) == 1 and summ[0][0] == (IND_ZH if zh else IND) and
          summ[0][-1], "%s: the summary's indicator name wraps whole: %s" %
          (lang, summ))
    latest, _ = one_table(pdf, "指标" if zh else "Indicator", 1)
    check(len(latest) == 1 and latest[0][0] == (ONE_ZH if zh else ONE) and
          latest[0][-1], "%s: the latest value's indicator name wraps "
          "whole: %s" % (lang, latest))
    no_ellipsis(rows + summ + latest, lang + ": no cell cut")
    text = " ".join(w[4] for pg in pages(pdf) for w in pg)
    check(("标为“并列”" if zh else 'marked "=" (1, =2, =2, 4)') in text,
          lang + ": the definition says how a shared rank shows")


def panel_aggregate():
    pdf = brief("panel-west", "--focus", "West", PANEL)
    if pdf is None:
        return
    rows, _ = one_table(pdf, "Region")
    check([r[0] for r in rows][-3:] == ["Zeta", "Epsilon", "West"] and
          rows[-1][5] == "–",
          "the aggregate last, unranked: %s" % [r[:1] + r[5:6] for r in rows])


def panel_spec(lang):
    """A spec's table of regions follows the same order."""
    zh = lang == "zh"
    d = os.path.abspath(PANEL)
    spec = os.path.join(TMP, "spec-%s.yaml" % lang)
    with open(spec, "w") as f:
        f.write("title: Tables\nlanguage: %s\ndata:\n  - path: %s/data.csv\n"
                "metadata: [%s/indicators.csv, %s/regions.csv]\n"
                "focus: Delta\nsections:\n  - title: Output\n    tables:\n"
                "      - indicator: output\n"
                "        columns: [region, last_value, rank]\n"
                % (lang, d, d, d))
    pdf = brief("spec-" + lang, "--spec", spec)
    if pdf is None:
        return
    rows, _ = one_table(pdf, "地区" if zh else "Region")
    want = ([("甲市", "1/5"), ("丙市", "并列2/5"), ("乙市", "并列2/5"),
             (LONG_ZH, "4/5"), ("丁市", "5/5"), ("己市", "–"), ("戊市", "–")]
            if zh else
            [("Alpha", "1 of 5"), ("Gamma", "=2 of 5"), ("Beta", "=2 of 5"),
             (LONG, "4 of 5"), ("Delta", "5 of 5"), ("Zeta", "–"),
             ("Epsilon", "–")])
    check([(r[0], r[2]) for r in rows if len(r) == 4] == want,
          "%s: a spec's table of regions by rank: %s" % (lang, rows))


# ---- China NBS: 31 provinces, the order computed from the file ---------

NBS = "tests/data/nbs/分省年度数据_地区生产总值_2006-2024.csv"


def nbs_order():
    with open(NBS, encoding="gb18030", newline="") as f:
        recs = list(csv.reader(f))
    head = next(r for r in recs if r and r[0] == "地区")
    col = head.index("2024年")
    vals = [(r[0], float(r[col])) for r in recs[recs.index(head) + 1:]
            if len(r) > col and r[col]]
    return [n for n, v in sorted(vals, key=lambda nv: -nv[1])]


def nbs(lang):
    zh = lang == "zh"
    pdf = brief("nbs-" + lang, "--focus", "重庆市", "--lang", lang, NBS)
    if pdf is None:
        return
    order = nbs_order()
    rows, conts = one_table(pdf, "地区" if zh else "Region")
    check(len(order) == 31 and [r[0] for r in rows] == order,
          "%s: 31 provinces by their 2024 value: %s" %
          (lang, [r[0] for r in rows]))
    want = [("%d/31" if zh else "%d of 31") % k for k in range(1, 32)]
    check([r[5] if len(r) > 6 else None for r in rows] == want,
          "%s: ranks 1 to 31 in order" % lang)
    cap = "地区生产总值（续）" if zh else "地区生产总值 (continued)"
    check(len(conts) >= 1 and all(c == cap for p, c in conts),
          "%s: the table goes on to a page with \"%s\" and its header: %s"
          % (lang, cap, conts))
    no_ellipsis(rows, lang + ": NBS, no cell cut")


# ---- the World Bank's GDP: 217 economies over pages --------------------

WB = "tests/portals/API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv"


def worldbank(lang):
    zh = lang == "zh"
    pdf = brief("wb-" + lang, "--focus", "China", "--lang", lang, WB)
    if pdf is None:
        return
    rows, conts = one_table(pdf, "地区" if zh else "Region")
    ranks = [r[5] if len(r) > 6 else "?" for r in rows]
    ranked = [k for k in ranks if k != "–"]
    of = len(ranked)
    want = [("%d/%d" if zh else "%d of %d") % (k, of)
            for k in range(1, of + 1)]
    check(of > 150 and ranked == want and ranks[:of] == ranked,
          "%s: %d economies ranked 1 to %d in order, the unranked after: %s"
          % (lang, of, of, ranks[:5]))
    check(rows and rows[0][0] == "United States" and rows[1][0] == "China",
          "%s: the United States first, China second" % lang)
    nodata = "无数据" if zh else "no data"
    check(all(r[2] == nodata for r in rows[of:]),
          "%s: the unranked have no value at the reference year" % lang)
    cap = "GDP（续）" if zh else "GDP (continued)"
    check(len(conts) >= 3 and all(c == cap for p, c in conts),
          "%s: the table goes on over pages, each with \"%s\": %s"
          % (lang, cap, conts))
    svg = [r for r in rows if r[0] == "St. Vincent and the Grenadines"]
    check(len(rows) > 200 and svg and svg[0][-1],
          "%s: a long name wraps whole in its cell" % lang)
    no_ellipsis(rows, lang + ": World Bank, no cell cut")


for lang in ("en", "zh"):
    panel(lang)
    panel_spec(lang)
    nbs(lang)
    worldbank(lang)
panel_aggregate()
check(not OVERLAPS, "word boxes of a table overlap: %s" % OVERLAPS[:5])
subprocess.run(["rm", "-rf", TMP])
print("tables: %d passed, %d failed" % (PASS, FAIL))
sys.exit(1 if FAIL else 0)
