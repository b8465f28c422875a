#!/usr/bin/env python3
"""Expected values for the SDMX-CSV cases, computed from the published
files with Python's csv module, independently of statbrief.

    python3 expected.py dump FILE [REGION...]    check --dump --flags
    python3 expected.py ids FILE                 the indicator ids

Rules applied (docs/input-formats.md, "SDMX-CSV"): the dimensions are
the columns before TIME_PERIOD but the flow (DATAFLOW, STRUCTURE,
STRUCTURE_ID, STRUCTURE_NAME, ACTION, KEY), LAST UPDATE, the frequency,
the reference area (REF_AREA or geo) and label columns (a header with a
lowercase letter right after an upper-case code header); a cell
"CODE: Label" counts by its code. The indicator id joins with '.' the
codes of the dimensions that take more than one value in the file;
when none does, the MEASURE (or indic_*) code, or for a file of labels
the dataflow's id (ESTAT:TEC00107(1.0) -> TEC00107). The region is the
area's label column where there is one, else the area cell. OBS_STATUS
(or OBS_FLAG): A is no flag, H L M O Q mean missing, any other code is
the flag; CONF_STATUS other than F adds the flag c. An empty OBS_VALUE
or a missing status is missing: not dumped.
"""
import csv
import sys

NOT_DIMS = {"DATAFLOW", "STRUCTURE", "STRUCTURE_ID", "STRUCTURE_NAME",
            "ACTION", "KEY", "LAST UPDATE", "FREQ", "FREQUENCY"}
MEASURES = ["MEASURE", "INDICATOR", "SUBJECT", "SERIES", "STAT_UNIT", "NA_ITEM"]


def code(cell):
    cell = cell.strip()
    head, sep, _ = cell.partition(": ")
    return head if sep and " " not in head and head else cell


def is_label_col(head, i):
    prev = head[i - 1] if i > 0 else ""
    return (i > 0 and prev and prev == prev.upper() and " " not in prev
            and any(c.islower() for c in head[i]))


def num(v):
    s = repr(float(v))
    return s[:-2] if s.endswith(".0") else s


def csvq(s):
    return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\r\n') else s


def layout(head):
    up = [code(h).upper() for h in head]
    time, value = up.index("TIME_PERIOD"), up.index("OBS_VALUE")
    area = next(i for i, h in enumerate(up) if h in ("REF_AREA", "GEO", "COUNTRY"))
    dims = [i for i in range(min(time, value))
            if i != area and up[i] not in NOT_DIMS and not is_label_col(head, i)]
    area_label = area + 1 if area + 1 < len(head) and is_label_col(head, area + 1) else None
    find = lambda *names: next((i for i, h in enumerate(up) if h in names), None)
    return dict(up=up, time=time, value=value, area=area, area_label=area_label,
                dims=dims, status=find("OBS_STATUS", "OBS_FLAG"),
                conf=find("CONF_STATUS", "OBS_CONF"), flow=find("DATAFLOW", "STRUCTURE_ID"))


def ids(rows, L):
    keys = [tuple(code(r[d]) for d in L["dims"]) for r in rows]
    vary = [k for k in range(len(L["dims"])) if len({key[k] for key in keys}) > 1]
    out = []
    for r, key in zip(rows, keys):
        if vary:
            out.append(".".join(key[k] for k in vary))
            continue
        names = [L["up"][d] for d in L["dims"]]
        m = next((names.index(n) for n in MEASURES if n in names),
                 next((k for k, n in enumerate(names) if n.startswith("INDIC")), 0))
        cell = key[m] if key else ""
        if (not key or " " in cell or any(c.islower() for c in cell)) and L["flow"] is not None:
            flow = r[L["flow"]].split("@")[-1].split(":")[-1].split("(")[0]
            cell = flow or cell
        out.append(cell or "value")
    return out


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    head, body = rows[0], [r for r in rows[1:] if any(c.strip() for c in r)]
    L = layout(head)
    obs = {}
    for r, i in zip(body, ids(body, L)):
        reg = r[L["area_label"]].strip() if L["area_label"] else ""
        reg = reg or code(r[L["area"]])
        st = code(r[L["status"]]) if L["status"] is not None else ""
        flags = "" if st in ("A", "H", "L", "M", "O", "Q") else st
        conf = code(r[L["conf"]]) if L["conf"] is not None else ""
        if conf not in ("", "F"):
            flags += "c"
        v = r[L["value"]].strip()
        if v in ("", "NaN", "nan", "NA") or st in ("H", "L", "M", "O", "Q"):
            continue
        obs[(i, reg, int(r[L["time"]]))] = (float(v), flags)
    return obs


def dump(path, regions):
    print("indicator,region,year,value,flags")
    obs = read(path)
    for k in sorted(obs, key=lambda k: (k[0].encode(), k[1].encode(), k[2])):
        if regions and k[1] not in regions:
            continue
        v, flags = obs[k]
        print(f"{csvq(k[0])},{csvq(k[1])},{k[2]},{num(v)},{flags}")


def list_ids(path, _):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    for i in sorted(set(ids(rows[1:], layout(rows[0])))):
        print(i)


if __name__ == "__main__":
    {"dump": dump, "ids": list_ids}[sys.argv[1]](sys.argv[2], set(sys.argv[3:]))
