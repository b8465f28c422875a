#!/usr/bin/env python3
"""Checks the expected output of the tests/cases/gaz-wdi-* cases (and
rows-wdi-published) against
figures computed here from the real files of tests/portals/, with Python's
csv module only (no statbrief code):

    python3 tests/portals/check_cases.py        # prints OK or FAIL lines

Regions are keyed by the World Bank's Country Code; the OECD file's
REF_AREA names the same countries by the same ISO 3166-1 alpha-3 codes,
so "Korea" (OECD) is expected where the World Bank writes "Korea, Rep.".
Aggregates are the Metadata_Country rows without a Region, and INX (Not
classified: data, no metadata row).
"""
import csv, io, os, sys

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, '..', 'cases')
WDI = 'API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv'
RD = 'API_GB.XPD.RSDV.GD.ZS_DS2_en_csv_v2_232.csv'
META = 'Metadata_Country_API_NY.GDP.MKTP.CD_DS2_en_csv_v2_9865.csv'
OECD = 'OECD.ELS.HD,DSD_HEALTH_LVNG@DF_HEALTH_LVNG_TC,1.0+.A......csv'
failed = 0


def ok(cond, what):
    global failed
    print(('OK   ' if cond else 'FAIL ') + what)
    failed += not cond


def records(name, enc='utf-8-sig'):
    return list(csv.reader(io.StringIO(open(os.path.join(HERE, name),
                                            encoding=enc).read())))


def close(a, b):
    return a == b or abs(a - b) <= 1e-12 * max(abs(a), abs(b))


# ---- the World Bank files: code -> name, code -> {year: value}
meta = records(META)
mh = meta[0]
table_name = {r[mh.index('Country Code')]: r[mh.index('TableName')]
              for r in meta[1:]}
region_of = {r[mh.index('Country Code')]: r[mh.index('Region')]
             for r in meta[1:]}
aggregates = {c for c, reg in region_of.items() if reg == ''} | {'INX'}


def wdi(name):
    r = records(name)
    h = [i for i, x in enumerate(r) if x and x[0] == 'Country Name'][0]
    years = r[h]
    names, series = {}, {}
    for x in r[h + 1:]:
        if not x:
            continue
        names[x[1]] = x[0]
        series[x[1]] = {int(years[i]): float(x[i])
                        for i in range(4, len(x))
                        if years[i].isdigit() and x[i] != ''}
    return names, series


def rank(series, code, year, peers):
    """Rank 1 = highest at year among peers with a value; ties share."""
    vals = [series[p][year] for p in peers if year in series.get(p, {})]
    v = series[code][year]
    return 1 + sum(1 for w in vals if w > v), len(vals)


def metrics_rows(case):
    r = list(csv.DictReader(open(os.path.join(CASES, case,
                                              'expected.out'))))
    return {(x['indicator'], x['region']): x for x in r}


def ends(s):
    a, b = min(s), max(s)
    return a, b, s[a], s[b], len(s)


def check_row(case, row, s, rk):
    a, b, va, vb, n = ends(s)
    ok(int(row['first_year']) == a and int(row['last_year']) == b and
       close(float(row['first_value']), va) and
       close(float(row['last_value']), vb) and int(row['n']) == n,
       '%s: %s %s window %d-%d, %r -> %r, n %d' %
       (case, row['indicator'], row['region'], a, b, va, vb, n))
    got = (int(row['rank']), int(row['rank_of'])) if row['rank'] else None
    ok(got == rk, '%s: %s %s rank %s' % (case, row['indicator'],
                                         row['region'], rk))


# ---- gaz-wdi-oecd-check: one region per country, aggregates, joins
names, gdp = wdi(WDI)
oecd = records(OECD, 'utf-8')
oh = oecd[0]
out = open(os.path.join(CASES, 'gaz-wdi-oecd-check', 'expected.out')).read()
lines = out.split('\n')
i = next(k for k, l in enumerate(lines) if l.startswith('region '))
table = []
for l in lines[i + 1:]:
    if not l:
        break
    table.append(l)
want = set(table_name.values()) | {names[c] for c in names
                                   if c not in table_name}
got = {l[:lines[i].index('name_zh')].rstrip() for l in table}
ok(got == want and len(table) == 266,
   'gaz-wdi-oecd-check: the 266 regions are the World Bank\'s '
   '(%d expected, %d listed)' % (len(want), len(table)))
role_at = lines[i].index('role')
got_agg = {l[:lines[i].index('name_zh')].rstrip() for l in table
           if l[role_at:].startswith('aggregate')}
ok(got_agg == {table_name.get(c, names.get(c)) for c in aggregates},
   'gaz-wdi-oecd-check: the %d aggregates' % len(aggregates))
joins = {}
# the data file's names that differ from the metadata's TableName of
# their Country Code (Cote d'Ivoire -> Côte d'Ivoire), at their lines
for k, x in enumerate(records(WDI)):
    if len(x) > 1 and x[1] in table_name and x[0] != table_name[x[1]] \
            and x[0] != 'Country Name':
        joins[x[0]] = (table_name[x[1]], x[1], 'wdi.csv:%d' % (k + 1))
for k, x in enumerate(oecd[1:], start=2):
    code, label = x[oh.index('REF_AREA')], x[oh.index('Reference area')]
    if label != table_name[code] and label not in joins:
        joins[label] = (table_name[code], code, 'oecd.csv:%d' % k)
j = next(k for k, l in enumerate(lines) if l.startswith('names joined to a region'))
got_joins = {}
for l in lines[j + 2:]:
    if l:
        f = [x for x in l.split('  ') if x]
        got_joins[f[0].strip()] = tuple(x.strip() for x in f[1:4])
ok(got_joins == joins, 'gaz-wdi-oecd-check: joins %s' % sorted(joins))

# ---- gaz-wdi-oecd-metrics: the OECD's countries under the WDI's names
rows = metrics_rows('gaz-wdi-oecd-metrics')
eap = [c for c, reg in region_of.items() if reg == 'East Asia & Pacific']
smokers = {}
for x in oecd[1:]:
    # SDMX-CSV: the dimensions that vary across the file, in file order
    key = '.'.join(x[oh.index(k)] for k in ('MEASURE', 'AGE', 'SEX',
                                            'UNIT_MEASURE'))
    if key == 'SP_DS.Y_GE15._T.PT_POP' and x[oh.index('OBS_VALUE')] != '':
        smokers.setdefault(x[oh.index('REF_AREA')], {})[
            int(x[oh.index('TIME_PERIOD')])] = float(x[oh.index('OBS_VALUE')])
for code in ('CHN', 'KOR', 'RUS'):
    for ind, s in (('NY.GDP.MKTP.CD', gdp), ('SP_DS.Y_GE15._T.PT_POP', smokers)):
        row = rows.get((ind, table_name[code]))
        ok(row is not None, 'gaz-wdi-oecd-metrics: %s %s' % (ind, code))
        if row:
            b = max(s[code])
            check_row('gaz-wdi-oecd-metrics', row, s[code],
                      rank(s, code, b, eap) if code in eap else None)
ok(len(rows) == 6, 'gaz-wdi-oecd-metrics: 6 rows')

# ---- gaz-wdi-aggregates: countries only are ranked (no metadata given)
rd_names, rd = wdi(RD)
rows = metrics_rows('gaz-wdi-aggregates')
countries = [c for c in rd if c not in aggregates]
for code in ('CHN', 'KOR', 'WLD', 'HIC'):
    row = rows[('GB.XPD.RSDV.GD.ZS', rd_names[code])]
    check_row('gaz-wdi-aggregates', row, rd[code],
              None if code in aggregates
              else rank(rd, code, max(rd[code]), countries))

# ---- gaz-wdi-share-gap: share of World, gap to the EU, countries ranked
rows = metrics_rows('gaz-wdi-share-gap')
countries = [c for c in gdp if c not in aggregates]
for code in ('CHN', 'KOR', 'WLD', 'EUU'):
    row = rows[('NY.GDP.MKTP.CD', names[code])]
    s = gdp[code]
    a, b = min(s), max(s)
    check_row('gaz-wdi-share-gap', row, s,
              None if code in aggregates else rank(gdp, code, b, countries))
    share = s[b] / gdp['WLD'][b] * 100
    gap = s[b] - gdp['EUU'][b]
    ggap = (s[b] / s[a] - 1) * 100 - (gdp['EUU'][b] / gdp['EUU'][a] - 1) * 100
    ok(close(float(row['share']), share) and close(float(row['gap']), gap)
       and abs(float(row['growth_gap']) - ggap) <= 1e-9 * abs(ggap) + 1e-9,
       'gaz-wdi-share-gap: %s share %.6g, gap %.6g, growth gap %.6g' %
       (code, share, gap, ggap))

# ---- rows-wdi-published: every line as many fields as the header (the
# trailing comma of both), and --dump of China and Korea equal to the cells
r = records(WDI)
h = [i for i, x in enumerate(r) if x and x[0] == 'Country Name'][0]
ok(all(len(x) == len(r[h]) for x in r[h + 1:] if x) and r[h][-1] == '',
   'rows-wdi-published: %d fields on every line, the last one empty'
   % len(r[h]))
with open(os.path.join(CASES, 'rows-wdi-published', 'expected.out')) as f:
    dump = list(csv.reader(f))[1:]
want = [[x[3], x[0], r[h][i], x[i]] for x in r[h + 1:]
        if x and x[1] in ('CHN', 'KOR')
        for i in range(4, len(x)) if r[h][i] and x[i] != '']
ok([d[:3] for d in dump] == [w[:3] for w in want] and
   all(float(d[3]) == float(w[3]) for d, w in zip(dump, want)),
   'rows-wdi-published: %d values of China and Korea, Rep.' % len(want))

print('%d failed' % failed)
sys.exit(failed != 0)
