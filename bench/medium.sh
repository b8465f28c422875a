#!/bin/sh
# bench/medium.sh DIR -- the medium data set of `make bench` (40 indicators
# x 30 regions x 30 years): DIR/data.csv (long), regions.csv,
# indicators.csv, and one wide DIR/indNN.dat per indicator for gnuplot.
# Values are smooth upward series with a little deterministic noise.
set -eu
dir=$1
IND=40 REG=30 YEARS=30
awk -v ni=$IND -v nr=$REG -v ny=$YEARS -v dir="$dir" 'BEGIN {
    print "indicator,region,year,value" > dir "/data.csv"
    print "region,groups" > dir "/regions.csv"
    for (r = 0; r < nr; r++) printf "Region %02d,all\n", r > dir "/regions.csv"
    print "id,name,unit,kind,source" > dir "/indicators.csv"
    for (i = 0; i < ni; i++) {
        printf "ind%02d,Indicator %02d,units,amount,Bench data\n", i, i > dir "/indicators.csv"
        dat = sprintf("%s/ind%02d.dat", dir, i)
        printf "year" > dat
        for (r = 0; r < nr; r++) printf " R%02d", r > dat
        print "" > dat
        for (y = 0; y < ny; y++) {
            printf "%d", 1994 + y > dat
            for (r = 0; r < nr; r++) {
                v = 100 + r * 10 + y * (3 + (i + r) % 7) + ((i * 31 + r * 17 + y * 13) % 11)
                printf "ind%02d,Region %02d,%d,%d\n", i, r, 1994 + y, v > dir "/data.csv"
                printf " %d", v > dat
            }
            print "" > dat
        }
        close(dat)
    } }'
