#!/bin/sh
# tests/tables.sh BIN -- the brief's tables read back from the PDF with
# pdftotext -bbox: regions by rank at the reference year (a shared rank
# marked), then those without a value that year, then the aggregates;
# the caption and header repeated where a table goes on after a page
# break; names wrapped whole in their cells. On a made-up panel, China
# NBS's 31 provinces and the World Bank's GDP download, in English and
# Chinese: tests/tables.py, which prints this suite's line.
set -u
bin=$1
suite=tables
. tests/lib.sh

needs python3 pdftotext
python3 tests/tables.py "$bin"
