#!/bin/sh
# bench/panel.sh DIR -- the provincial panel of `make bench` (issue 21):
# 31 regions x 12 indicators x 24 years (2001-2024), the size of a
# China NBS provincial brief. DIR/data.csv (long), regions.csv (Region
# 01 first: the brief's focus; "All" the total and benchmark, outside
# the 31), indicators.csv: four amounts (100 million yuan, scale 1e8),
# four rates (%), four counts. Values are smooth upward series with a
# little deterministic noise, so every run briefs the same numbers.
set -eu
dir=$1
IND=12 REG=31 YEARS=24
awk -v ni=$IND -v nr=$REG -v ny=$YEARS -v dir="$dir" 'BEGIN {
    print "region,groups,role" > dir "/regions.csv"
    for (r = 1; r <= nr; r++) printf "Region %02d,province,\n", r > dir "/regions.csv"
    print "All,,total;benchmark" > dir "/regions.csv"
    print "id,name,unit,scale,base_unit,decimals,kind,source" > dir "/indicators.csv"
    print "indicator,region,year,value" > dir "/data.csv"
    for (i = 0; i < ni; i++) {
        k = i % 3
        if (k == 0) printf "ind%02d,Amount %02d,100 million yuan,1e8,yuan,1,amount,Bench data\n", i, i > dir "/indicators.csv"
        else if (k == 1) printf "ind%02d,Rate %02d,%%,,,2,rate,Bench data\n", i, i > dir "/indicators.csv"
        else printf "ind%02d,Count %02d,units,1,units,0,count,Bench data\n", i, i > dir "/indicators.csv"
        for (y = 0; y < ny; y++) {
            all = 0
            for (r = 1; r <= nr; r++) {
                noise = (i * 31 + r * 17 + y * 13) % 11
                if (k == 0) v = sprintf("%.1f", (200 + r * 97) * (1 + 0.06 * y) + noise)
                else if (k == 1) v = sprintf("%.2f", 1 + r * 0.1 + y * 0.05 + noise / 100)
                else v = sprintf("%d", 500 + r * 150 + y * (20 + r) + noise)
                printf "ind%02d,Region %02d,%d,%s\n", i, r, 2001 + y, v > dir "/data.csv"
                all += v
            }
            if (k == 1) all = sprintf("%.2f", all / nr)
            printf "ind%02d,All,%d,%s\n", i, 2001 + y, all > dir "/data.csv"
        }
    } }'
