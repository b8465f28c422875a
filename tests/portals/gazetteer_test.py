#!/usr/bin/env python3
"""Writes tests/gazetteer.test: what the gazetteer must make of every
region name and code in real portal downloads, computed without statbrief.

    python3 tests/portals/gazetteer_test.py REALDATA > tests/gazetteer.test

REALDATA is the folder of the real files (their origins are in
tests/portals/README.md). The expected place of a name comes from the file
itself wherever the portal writes a code beside it (World Bank: Country
Code; OWID: Code; OECD Data Explorer: REF_AREA), checked against Debian's
iso-codes (the ISO 3166-1 alpha-3 codes). Only Python's csv and json.
"""
import csv, glob, io, json, os, sys, unicodedata

ISO = '/usr/share/iso-codes/json/'
iso1 = json.load(open(ISO + 'iso_3166-1.json'))['3166-1']
iso2 = json.load(open(ISO + 'iso_3166-2.json'))['3166-2']
iso3 = json.load(open(ISO + 'iso_3166-3.json'))['3166-3']
ALPHA3 = {e['alpha_3'] for e in iso1}
ALPHA2 = {e['alpha_2']: e['alpha_3'] for e in iso1}
NUMERIC = {e['numeric'] for e in iso1}
# Kosovo has no ISO 3166-1 code; the portals use XKX (World Bank), XK
# (Eurostat) and OWID_KOS (Our World in Data). Eurostat writes Greece EL
# and the United Kingdom UK (its "Country codes" glossary page).
KOSOVO = 'XKX'
EUROSTAT = {'EL': 'GRC', 'UK': 'GBR', 'XK': KOSOVO}
# OWID's own codes for countries (the realdata README: OWID_KOS is Kosovo,
# OWID_USS the USSR); every other OWID_ code is an aggregate.
OWID_COUNTRY = {'OWID_KOS': KOSOVO, 'OWID_USS': None}

root = sys.argv[1]
out = []
seen = set()


def emit(*fields):
    line = '|'.join(fields)
    if line not in seen:
        seen.add(line)
        out.append(line)


def rows(path, enc='utf-8-sig'):
    return list(csv.reader(io.StringIO(open(path, encoding=enc).read())))


def place_of_code(code):
    if code in ALPHA3 or code == KOSOVO:
        return code
    if code in OWID_COUNTRY:
        return OWID_COUNTRY[code]
    return None


def section(title):
    out.append('')
    out.append('# -- ' + title)


# World Bank WDI: Country Name beside Country Code; aggregates are the
# metadata's rows without a Region, and INX (Not classified), which has
# data but no metadata row
section('World Bank WDI (API_*.csv and Metadata_Country_*.csv)')
meta = glob.glob(os.path.join(root, 'worldbank/Metadata_Country_API_NY*.csv'))[0]
mrows = rows(meta)
h = mrows[0]
agg = {r[h.index('Country Code')] for r in mrows[1:]
       if r[h.index('Region')] == ''} | {'INX'}
for f in sorted(glob.glob(os.path.join(root, 'worldbank/API_*_DS2_*.csv'))):
    r = rows(f)
    start = [i for i, x in enumerate(r) if x and x[0] == 'Country Name'][0]
    for x in r[start + 1:]:
        if not x:
            continue
        name, code = x[0], x[1]
        p = place_of_code(code)
        emit('find', 'download', name, p or '-')
        emit('find', 'download', code, p or '-')
        emit('aggregate', code, '1' if code in agg else '0')
for x in mrows[1:]:
    name, code = x[h.index('TableName')], x[h.index('Country Code')]
    emit('find', 'download', name, place_of_code(code) or '-')

# Our World in Data: Entity beside Code; empty codes are aggregates too
# (the OWID format decides those, not the gazetteer)
section('Our World in Data grapher CSV (Entity, Code)')
for f in sorted(glob.glob(os.path.join(root, 'owid/*.csv'))):
    for x in rows(f)[1:]:
        name, code = x[0], x[1]
        p = place_of_code(code)
        emit('find', 'download', name, p or '-')
        if code:
            emit('find', 'download', code, p or '-')
            emit('aggregate', code,
                 '1' if code.startswith('OWID_') and code not in OWID_COUNTRY
                 else '0')

# OECD Data Explorer, labels form: Reference area beside REF_AREA; and the
# codes-only SDMX-CSV files (REF_AREA)
section('OECD Data Explorer SDMX-CSV (REF_AREA, Reference area)')
for f in sorted(glob.glob(os.path.join(root, 'sdmx/OECD.*.csv'))):
    r = rows(f, 'utf-8')
    h = r[0]
    for x in r[1:]:
        code, name = x[h.index('REF_AREA')], x[h.index('Reference area')]
        p = place_of_code(code)
        emit('find', 'download', name, p or '-')
        emit('aggregate', code, '0' if p else '1')
for f in sorted(glob.glob(os.path.join(root, 'sdmx/oecd_*.csv'))):
    r = rows(f, 'utf-8')
    h = r[0]
    for x in r[1:]:
        code = x[h.index('REF_AREA')]
        emit('find', 'download', code, place_of_code(code) or '-')

# Eurostat: geo codes (two letters, ISO alpha-2 but EL, UK, XK) and
# aggregates (EU27_2020, EA20, EU, EA: every other code);
# two-letter codes count only in a portal download, never in a table of
# one's own (US states, Chinese provinces)
section('Eurostat geo codes (tables saved by the eurostat package)')
for f in sorted(glob.glob(os.path.join(root, 'eurostat-pandas/*.csv'))):
    r = rows(f, 'utf-8')
    i = r[0].index('geo\\TIME_PERIOD')
    for x in r[1:]:
        code = x[i]
        p = EUROSTAT.get(code) or ALPHA2.get(code)
        emit('find', 'download', code, p or '-')
        emit('aggregate', code, '0' if p else '1')
        if len(code) == 2:
            emit('find', 'table', code, '-')

# Eurostat labels: only names; a label is expected where it is an ISO
# 3166-1 name (exactly, case aside), Kosovo* is Kosovo, and the EU is an
# aggregate
section('Eurostat labels (databrowser SDMX-CSV)')
names = {}
for e in iso1:
    for k in ('name', 'official_name', 'common_name'):
        if k in e:
            names[e[k].casefold()] = e['alpha_3']
r = rows(os.path.join(root, 'sdmx/estat_tec00107_filtered_en.csv'), 'utf-8')
i = r[0].index('geo')
for x in r[1:]:
    label = x[i]
    if label.startswith('European Union'):
        emit('find', 'download', label, '-')
        emit('aggregate', label, '1')
    else:
        emit('find', 'download', label,
             KOSOVO if label == 'Kosovo*' else names[label.casefold()])

# China NBS: the 31 provinces, full names, in GB/T 2260 code order; the
# standard's list below (code, full name, ISO 3166-2 code) is checked
# against the NBS file (same names, same order) and iso-codes' ISO 3166-2
# (same codes) before it is used
section('China NBS exports (地区) and China\'s divisions')
GB = [('110000', '北京市', 'CN-BJ'), ('120000', '天津市', 'CN-TJ'),
      ('130000', '河北省', 'CN-HE'), ('140000', '山西省', 'CN-SX'),
      ('150000', '内蒙古自治区', 'CN-NM'), ('210000', '辽宁省', 'CN-LN'),
      ('220000', '吉林省', 'CN-JL'), ('230000', '黑龙江省', 'CN-HL'),
      ('310000', '上海市', 'CN-SH'), ('320000', '江苏省', 'CN-JS'),
      ('330000', '浙江省', 'CN-ZJ'), ('340000', '安徽省', 'CN-AH'),
      ('350000', '福建省', 'CN-FJ'), ('360000', '江西省', 'CN-JX'),
      ('370000', '山东省', 'CN-SD'), ('410000', '河南省', 'CN-HA'),
      ('420000', '湖北省', 'CN-HB'), ('430000', '湖南省', 'CN-HN'),
      ('440000', '广东省', 'CN-GD'), ('450000', '广西壮族自治区', 'CN-GX'),
      ('460000', '海南省', 'CN-HI'), ('500000', '重庆市', 'CN-CQ'),
      ('510000', '四川省', 'CN-SC'), ('520000', '贵州省', 'CN-GZ'),
      ('530000', '云南省', 'CN-YN'), ('540000', '西藏自治区', 'CN-XZ'),
      ('610000', '陕西省', 'CN-SN'), ('620000', '甘肃省', 'CN-GS'),
      ('630000', '青海省', 'CN-QH'), ('640000', '宁夏回族自治区', 'CN-NX'),
      ('650000', '新疆维吾尔自治区', 'CN-XJ'), ('710000', '台湾省', 'TWN'),
      ('810000', '香港特别行政区', 'HKG'), ('820000', '澳门特别行政区', 'MAC')]
cn = {e['code']: e for e in iso2 if e['code'].startswith('CN-')}
iso_of = {'TWN': 'CN-TW', 'HKG': 'CN-HK', 'MAC': 'CN-MO'}
assert sorted(iso_of.get(p, p) for _, _, p in GB) == sorted(cn), 'ISO 3166-2'
for f in sorted(glob.glob(os.path.join(root, 'nbs/*.csv'))):
    r = rows(f, 'gb18030')
    provinces = [x[0] for x in r[4:] if x and x[0] and len(x) > 1 and
                 not x[0].startswith(('注', '数据来源'))]
    assert provinces == [n for _, n, _ in GB[:31]], f
    for name, (_, _, p) in zip(provinces, GB):
        emit('find', 'table', name, p)
for gb, name, p in GB:
    emit('find', 'table', gb, p)
    emit('find', 'table', iso_of.get(p, p), p)
    emit('find', 'table', cn[iso_of.get(p, p)]['name'], p)
    # the short name: the full name without 省, 市, 自治区 and the
    # nationality before it, 特别行政区
    short = name
    for suffix in ('特别行政区', '维吾尔自治区', '回族自治区', '壮族自治区',
                   '自治区', '省', '市'):
        if short.endswith(suffix):
            short = short[:-len(suffix)]
            break
    emit('find', 'table', short, p)

# The example's regions.csv: its names and aliases
section('examples/chongqing/regions.csv')
for x in rows(os.path.join(os.path.dirname(__file__),
                           '../../examples/chongqing/regions.csv'))[1:]:
    p = {'Chongqing': 'CN-CQ', 'Sichuan': 'CN-SC', 'China': 'CHN'}.get(x[0])
    for n in [x[0], x[1]] + x[2].split(';'):
        # 全国 ("nationwide") and National name no place; Chengdu is a city
        emit('find', 'table', n,
             (p or '-') if n not in ('全国', 'National') else '-')

# Never joined: former countries that split or merged (ISO 3166-3 entries
# whose numeric code no current country has), by name and by code, and
# the names the portals give them
section('former countries (ISO 3166-3) are no one\'s')
for e in iso3:
    if e.get('numeric') in NUMERIC:
        continue                # a renamed country (Zaire, Burma, ...)
    emit('find', 'download', e['name'], '-')
    for k in ('alpha_2', 'alpha_3', 'alpha_4'):
        if e[k] not in ALPHA2 and e[k] not in ALPHA3:
            emit('find', 'download', e[k], '-')
for n in ('USSR', 'Soviet Union', 'Czechoslovakia', 'Yugoslavia',
          'Serbia and Montenegro', 'East Germany', 'Netherlands Antilles',
          'OWID_USS', 'OWID_CZS', 'OWID_YGS'):
    emit('find', 'download', n, '-')
for n in ('OWID_USS', 'OWID_CZS', 'OWID_YGS', 'OWID_SRM'):
    emit('aggregate', n, '0')

# Sub-national names and codes: two-letter codes in a table of one's own,
# a prefecture-level city named like its province
section('sub-national codes and names')
for st in ('AL', 'AR', 'CA', 'CO', 'DE', 'GA', 'IN', 'MA', 'ME', 'PA'):
    emit('find', 'table', st, '-')
emit('find', 'table', '吉林市', '-')
emit('find', 'table', 'Jilin City', '-')

print('# tests/gazetteer.test -- written by tests/portals/gazetteer_test.py')
print('# from the real downloads named in tests/portals/README.md; do not')
print('# edit by hand. One case a line:')
print('#   find|download|TEXT|PLACE   TEXT in a portal download is PLACE')
print('#   find|table|TEXT|PLACE      the same in a table of one\'s own')
print('#                              (two-letter codes do not count)')
print('#   aggregate|TEXT|1           TEXT is an aggregate\'s code (0: not)')
print('# PLACE "-": the gazetteer knows no place of that name.')
print('\n'.join(out))
