#!/usr/bin/env python3
# tests/data/forecast/expected.py -- the forecast cases of tests/metrics.test
# and tests/unit_metrics.c computed independently of statbrief: OLS from
# the textbook sums in exact fractions, R^2, the Durbin-Watson statistic,
# and the 95% prediction interval with t(0.975, n-2) from mpmath's
# Student t distribution (30 digits). Prints one line per series.
from fractions import Fraction as F
import mpmath

mpmath.mp.dps = 30


def t975(df):
    cdf = lambda t: mpmath.betainc(df / 2, mpmath.mpf(1) / 2, 0,
                                   df / (df + t * t), regularized=True)
    # P(T > t) = I_{df/(df+t^2)}(df/2, 1/2) / 2 = 0.025
    return mpmath.findroot(lambda t: cdf(t) / 2 - mpmath.mpf('0.025'), 2.3)


def forecast(points):
    pts = points[-10:]                      # the latest ten at most
    x = [F(p[0]) for p in pts]
    y = [F(p[1]) for p in pts]
    n = len(pts)
    xb, yb = sum(x) / n, sum(y) / n
    sxx = sum((a - xb) ** 2 for a in x)
    b = sum((a - xb) * (c - yb) for a, c in zip(x, y)) / sxx
    a = yb - b * xb
    e = [c - (a + b * t) for t, c in zip(x, y)]
    sse = sum(r * r for r in e)
    tss = sum((c - yb) ** 2 for c in y)
    r2 = 1 - sse / tss
    dw = sum((e[i] - e[i - 1]) ** 2 for i in range(1, n)) / sse if sse else None
    x0 = x[-1] + 1
    yhat = a + b * x0
    s2 = sse / (n - 2)
    v = s2 * (1 + F(1, n) + (x0 - xb) ** 2 / sxx)
    half = t975(n - 2) * mpmath.sqrt(mpmath.mpf(v.numerator) / v.denominator)
    return dict(n=n, slope=float(b), r2=float(r2), dw=float(dw) if dw is not None else None,
                year=int(x0), forecast=float(yhat),
                lo=float(mpmath.mpf(yhat.numerator) / yhat.denominator - half),
                hi=float(mpmath.mpf(yhat.numerator) / yhat.denominator + half))


def parse(s):
    return [(int(p.split(':')[0]), F(p.split(':')[1].rstrip('bBpe')))
            for p in s.split()]


cases = {
    'eight': '2015:100 2016:112 2017:119 2018:133 2019:140 2020:151 2021:165 2022:171',
    'seven': '2016:112 2017:119 2018:133 2019:140 2020:151 2021:165 2022:171',
    'twelve': '2011:10 2012:40 2013:100 2014:112 2015:125 2016:131 2017:146 '
              '2018:152 2019:168 2020:171 2021:187 2022:195',
    'cut': '2013:90 2014:40 2015:75 2016:20 2017:45 2018:10 2019:30 2020:2 2021:12 2022:3',
    'curved': '2013:1 2014:2 2015:4 2016:8 2017:16 2018:32 2019:64 2020:128 2021:256 2022:512',
    'flat': '2015:5 2016:7 2017:4 2018:6 2019:5 2020:7 2021:4 2022:6',
    'balance': '2013:90 2014:40 2015:75 2016:20 2017:45 2018:-10 2019:30 2020:-2 2021:12 2022:3',
}
for name, pts in cases.items():
    print(name, forecast(parse(pts)))
