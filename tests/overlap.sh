#!/bin/sh
# tests/overlap.sh BIN -- line and ranking charts of random panels (1 to
# 300 regions, Latin and CJK names of 2 to 40 characters), and small
# multiples of 1 to 30 regions, whose word boxes, read back from the PDF
# with pdftotext -bbox, must neither overlap nor leave the page or the
# plot: tests/overlap.py, which prints this suite's line.
set -u
bin=$1
suite=overlap
. tests/lib.sh

needs python3 pdftotext
python3 tests/overlap.py "$bin" 40
