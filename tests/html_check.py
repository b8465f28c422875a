#!/usr/bin/env python3
"""tests/html_check.py -- what tests/html.sh asks of statbrief's HTML
brief, with Python's standard library only (html.parser).

  html_check.py structure PAGE       the page's rules; one line per breach
  html_check.py sentences PAGE TEXT  every paragraph, list item and table
                                     cell of PAGE is in TEXT (pdftotext of
                                     the PDF), paragraphs in their order
  html_check.py golden PAGE          PAGE with each <svg>'s drawing left
                                     out (its start tag, title and desc
                                     kept): the golden's form
  html_check.py index PAGE           index.html: "href<TAB>title<TAB>key"
                                     per brief

Exit status 0 when nothing breaks a rule, 1 otherwise (the breaches on
standard output).
"""
import re
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "link", "img", "input", "hr", "wbr", "source"}
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}


class Page(HTMLParser):
    """The page's elements, ids, links, headings and texts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.ids, self.hrefs, self.headings = [], [], []
        self.texts = []              # (kind, text): p, li, cell
        self.cur = None              # the text being gathered
        self.tables = []             # per table: caption, th scopes, tds
        self.svgs = []               # per svg: attrs, has title, has desc
        self.figures = []            # per figure: its svgs' indexes
        self.svg_text = None         # the svg's title or desc being read
        self.html_attrs = {}
        self.meta = {}
        self.in_svg = 0
        self.scripts = 0
        self.external = []

    def handle_starttag(self, tag, attrs):
        self._start(tag, dict(attrs), void=tag in VOID)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, dict(attrs), void=True)

    def _start(self, tag, a, void):
        if "id" in a:
            self.ids.append(a["id"])
        for k in ("href", "src", "xlink:href"):
            v = a.get(k)
            if v is None:
                continue
            if k == "href" and v.startswith("#"):
                self.hrefs.append(v[1:])
            elif re.match(r"^[a-z]+:|^//", v):
                self.external.append(v)
        if tag == "html":
            self.html_attrs = a
        if tag == "meta":
            key = a.get("name") or ("charset" if "charset" in a else None)
            if key:
                self.meta[key] = a.get("content", a.get("charset"))
        if tag in ("script", "link", "iframe", "object", "embed", "img"):
            self.scripts += tag == "script"
            if tag != "img":
                self.errors.append("a <%s> element" % tag)
        if tag in HEADINGS and not self.in_svg:
            self.headings.append(HEADINGS[tag])
        if tag == "figure":
            self.figures.append([])
        if tag == "svg":
            if self.stack and self.stack[-1] == "figure":
                self.figures[-1].append(len(self.svgs))
            self.in_svg += 1
            self.svgs.append({"attrs": a, "title": False, "desc": False,
                              "title_text": "", "desc_text": ""})
        elif self.in_svg and tag in ("title", "desc") and \
                self.stack and self.stack[-1] == "svg":
            self.svgs[-1][tag] = True
            self.svg_text = tag
        if tag == "table":
            self.tables.append({"caption": False, "th": [], "cells": 0})
        if tag == "caption" and self.tables:
            self.tables[-1]["caption"] = True
        if tag == "th" and self.tables:
            self.tables[-1]["th"].append(a.get("scope"))
        if tag in ("p", "li", "td", "th") and not self.in_svg:
            self.cur = (tag, [])
        if tag == "style":
            self.cur = ("style", [])
        if not void:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.errors.append("</%s> closes <%s>" %
                               (tag, self.stack[-1] if self.stack else "-"))
            return
        self.stack.pop()
        if tag == "svg":
            self.in_svg -= 1
        if tag == self.svg_text:
            self.svg_text = None
        if self.cur is not None and self.cur[0] == tag:
            text = " ".join("".join(self.cur[1]).split())
            kind = "cell" if tag in ("td", "th") else tag
            if kind == "style":
                self.style = text
            elif text:
                self.texts.append((kind, text))
            self.cur = None

    def handle_data(self, data):
        if self.svg_text is not None:
            self.svgs[-1][self.svg_text + "_text"] += data
        if self.cur is not None and not (self.in_svg and
                                         self.cur[0] != "style"):
            self.cur[1].append(data)


def parse(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        p.feed(f.read())
    p.close()
    return p


# A chart is drawn twice (reports/html.c): the PDF's drawing (its text
# width, A4's or letter's) and the phone's, narrow enough that its least
# text, 5.5 pt, is 10 px or more in the 328 px column of a 360 px screen;
# the css shows the phone's below 48rem, the PDF's from it and in print.
PDF_WIDTHS = ("487.276", "504")
PHONE_MAX_W = 5.5 * 328 / 10
SHOW_CSS = ("svg.wide{display:none}",
            "@media(min-width:48rem){svg.wide{display:block}"
            "svg.phone{display:none}}")


def two_drawings(p):
    bad = []
    for i, f in enumerate(p.figures):
        svgs = [p.svgs[k] for k in f]
        got = [s["attrs"].get("class") for s in svgs]
        if got != ["chart wide", "chart phone"]:
            bad.append("figure %d: drawings %s, not the PDF's and the "
                       "phone's" % (i + 1, got))
            continue
        wide, phone = (s["attrs"].get("viewbox", "0 0 0 0").split()[2]
                       for s in svgs)
        if wide not in PDF_WIDTHS:
            bad.append("figure %d: the PDF's drawing is %s wide" % (i + 1, wide))
        if float(phone) > PHONE_MAX_W:
            bad.append("figure %d: the phone's drawing is %s wide: its "
                       "text under 10 px at 360 px" % (i + 1, phone))
        for k in ("title_text", "desc_text"):
            if svgs[0][k] != svgs[1][k]:
                bad.append("figure %d: the drawings' %s differ" %
                           (i + 1, k[:-5]))
    style = getattr(p, "style", "").replace(" ", "")
    if p.figures and not all(c in style for c in SHOW_CSS):
        bad.append("the style does not show one drawing by width")
    if p.figures and not re.search(r"@mediaprint.*svg\.wide\{display:block\}"
                                   r"svg\.phone\{display:none\}", style):
        bad.append("print does not show the PDF's drawing")
    return bad


def structure(path):
    p = parse(path)
    bad = list(p.errors)
    if p.stack:
        bad.append("left open: %s" % " ".join(p.stack))
    if p.html_attrs.get("lang") not in ("en", "zh-CN"):
        bad.append("lang is %r" % p.html_attrs.get("lang"))
    if p.meta.get("charset", "").lower() != "utf-8":
        bad.append("no <meta charset=\"utf-8\">")
    if "width=device-width" not in (p.meta.get("viewport") or ""):
        bad.append("no viewport")
    if p.headings.count(1) != 1 or not p.headings or p.headings[0] != 1:
        bad.append("h1s: %d, first heading h%s" %
                   (p.headings.count(1), p.headings[:1]))
    for a, b in zip(p.headings, p.headings[1:]):
        if b > a + 1:
            bad.append("h%d after h%d: a level skipped" % (b, a))
    dup = sorted({i for i in p.ids if p.ids.count(i) > 1})
    if dup:
        bad.append("ids more than once: %s" % ", ".join(dup[:5]))
    for h in p.hrefs:
        if h not in p.ids:
            bad.append("link to #%s: no such id" % h)
    if "main" not in p.ids or "main" not in p.hrefs:
        bad.append("no skip link to #main")
    for i, t in enumerate(p.tables):
        if not t["caption"]:
            bad.append("table %d has no caption" % (i + 1))
        if not t["th"] or None in t["th"]:
            bad.append("table %d: a th without scope" % (i + 1))
    for i, s in enumerate(p.svgs):
        a = s["attrs"]
        if "viewBox" not in a and "viewbox" not in a:
            bad.append("svg %d has no viewBox" % (i + 1))
        if "width" in a or "height" in a:
            bad.append("svg %d has a fixed size" % (i + 1))
        if a.get("aria-hidden") == "true":
            continue
        if a.get("role") != "img" or not s["title"] or not s["desc"]:
            bad.append("svg %d: not role=img with title and desc" % (i + 1))
    bad += two_drawings(p)
    if p.external:
        bad.append("requests elsewhere: %s" % ", ".join(p.external[:3]))
    style = getattr(p, "style", "")
    for want in ('"Noto Sans"', '"Noto Sans CJK SC"', "tabular-nums",
                 "overflow-x:auto", "@media print", "@page"):
        if want not in style:
            bad.append("the style lacks %s" % want)
    if re.search(r"url\(|@import", style):
        bad.append("the style fetches something")
    for line in bad:
        print(line)
    return 1 if bad else 0


def key(s):
    """s as both texts can be compared: no white space, no hyphens (the
    PDF breaks lines inside words), no soft hyphens."""
    return re.sub(r"[\s\u00ad\u2010-]+", "", s)


def sentences(path, text_path):
    p = parse(path)
    with open(text_path, encoding="utf-8") as f:
        pdf = key(f.read())
    bad, at = [], 0
    for kind, text in p.texts:
        k = key(text)
        if kind == "cell":
            if k not in pdf:
                bad.append("cell not in the PDF: %s" % text)
            continue
        found = pdf.find(k, at)
        if found < 0:
            bad.append("%s not in the PDF%s: %s" %
                       (kind, " (or out of order)" if k in pdf else "", text))
        else:
            at = found + len(k)
    n = sum(1 for kind, _ in p.texts if kind != "cell")
    print("%d paragraphs and items, %d cells" % (n, len(p.texts) - n))
    for line in bad:
        print(line)
    return 1 if bad or n == 0 else 0


def golden(path):
    with open(path, encoding="utf-8") as f:
        page = f.read()

    def cut(m):
        head = m.group(1)
        kept = "".join(re.findall(r"<title[^>]*>.*?</title>|<desc[^>]*>.*?"
                                  r"</desc>", m.group(2), re.S))
        return "%s%s[drawing]</svg>" % (head, kept)

    sys.stdout.write(re.sub(r"(<svg[^>]*>)(.*?)</svg>", cut, page,
                            flags=re.S))
    return 0


def index(path):
    p = Page()
    with open(path, encoding="utf-8") as f:
        body = f.read()
    for m in re.finditer(r'<li><a href="([^"]*)">(.*?)</a>(?:<br>(.*?))?'
                         r'</li>', body):
        print("\t".join(x or "" for x in m.groups()))
    p.feed(body)
    return 1 if p.errors else 0


def main(argv):
    cmds = {"structure": (structure, 1), "sentences": (sentences, 2),
            "golden": (golden, 1), "index": (index, 1)}
    if len(argv) < 2 or argv[1] not in cmds or \
            len(argv) != 2 + cmds[argv[1]][1]:
        sys.stderr.write(__doc__)
        return 2
    return cmds[argv[1]][0](*argv[2:])


if __name__ == "__main__":
    sys.exit(main(sys.argv))
