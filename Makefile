# statbrief -- build, demo, tests, benchmark.
#
#   make          build ./statbrief
#   make demo     install missing Debian and npm packages, build, run the
#                 example
#   make check    install missing Debian and npm packages, build with
#                 ASan+UBSan, run every test (last line: "N passed,
#                 M failed")
#   make bench    loading, diff, charts, briefs and batches against baselines
#                 measured in the same run
#   make oom      the allocation-failure suite alone (tests/oom.sh on
#                 build/oom/statbrief, which `make test` builds too)
#   make memcheck the test suite under valgrind (MEMCHECK_SUITES="unit cases"
#                 for a part)
#   make fuzz     fuzz every target for FUZZ_SECONDS (default 60) each
#   make install  build, then install the binary, the man page and the
#                 example (PREFIX=/usr/local, DESTDIR= for packagers)
#   make uninstall  remove exactly what install installed
#   make clean
#
# demo/check/bench run tools/install-deps.sh first, then a sub-make, so
# the pkg-config flags below are read after the packages are installed.

CC      ?= cc
PKGS    := gsl cairo pangocairo glib-2.0 yaml-0.1 libqpdf fontconfig libcrypto \
           json-glib-1.0 zlib
# libqpdf is not linked but loaded when a brief first needs it
# (reports/qpdflib.h says why): its headers, and the soname of the
# library they came with, for dlopen
QPDF_SONAME = $(or $(shell objdump -p "$$(pkg-config --variable=libdir \
              libqpdf)/libqpdf.so" 2>/dev/null | \
              awk '$$1 == "SONAME" { print $$2 }'),libqpdf.so)
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS)) \
             -DSB_QPDF_SONAME='"$(QPDF_SONAME)"'
PKG_LIBS   = $(shell pkg-config --libs $(filter-out libqpdf,$(PKGS))) \
             -lcsv -lm

WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wformat=2
BASE    := -std=c11 -D_DEFAULT_SOURCE -I. $(WARN) -MMD -MP
REL_CFLAGS  := $(BASE) -O2 -g
SAN     := -fsanitize=address,undefined -fno-sanitize-recover=all \
           -fno-omit-frame-pointer
TEST_CFLAGS := $(BASE) -O1 -g -Werror $(SAN) -DSB_TEST_HOOKS

LIB_SRC := $(wildcard core/*.c core/ryu/*.c input/*.c metrics/*.c plots/*.c reports/*.c cli/*.c)
REL_OBJ := $(LIB_SRC:%.c=build/rel/%.o)
TST_OBJ := $(LIB_SRC:%.c=build/asan/%.o)

.PHONY: all demo check test bench clean deps install uninstall fuzz memcheck \
	oom

all: statbrief

statbrief: build/rel/statbrief.o $(REL_OBJ)
	@echo "  LD      $@"
	@$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

build/rel/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(REL_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/asan/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(TEST_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/asan/statbrief: build/asan/statbrief.o $(TST_OBJ)
	@echo "  LD      $@"
	@$(CC) $(TEST_CFLAGS) -o $@ $^ $(PKG_LIBS)

build/asan/unit: build/asan/tests/unit.o build/asan/tests/unit_metrics.o \
		build/asan/tests/unit_plots.o build/asan/tests/unit_reports.o \
		build/asan/tests/unit_spec.o build/asan/tests/unit_gazetteer.o \
		build/asan/tests/unit_shortest.o \
		build/asan/tests/unit_parallel.o \
		$(TST_OBJ)
	@echo "  LD      $@"
	@$(CC) $(TEST_CFLAGS) -o $@ $^ $(PKG_LIBS)

build/rel/metricsbench: build/rel/bench/metricsbench.o $(REL_OBJ)
	@echo "  LD      $@"
	@$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

build/rel/shortestbench: build/rel/bench/shortest.o $(REL_OBJ)
	@echo "  LD      $@"
	@$(CC) $(REL_CFLAGS) -pthread -o $@ $^ $(PKG_LIBS)

build/rel/csvcount: build/rel/bench/csvcount.o
	@echo "  LD      $@"
	@$(CC) $(REL_CFLAGS) -o $@ $^ $(PKG_LIBS)

deps:
	@sh tools/install-deps.sh

demo: deps
	@$(MAKE) --no-print-directory all
	./statbrief check examples/chongqing/
	./statbrief metrics --indicator rd_expenditure --indicator rd_intensity \
		--indicator high_tech_enterprises examples/chongqing/
	./statbrief charts -v --format pdf,png -o out/charts examples/chongqing/
	./statbrief report -o out/chongqing-brief.pdf examples/chongqing/
	./statbrief report --lang zh -o out/chongqing-brief-zh.pdf examples/chongqing/
	./statbrief check -q --spec examples/chongqing/brief.yaml
	./statbrief report --spec examples/chongqing/brief.yaml -o out/chongqing-spec-brief.pdf

# tests/resource.sh counts bytes and calls on build/dbg/statbrief (no
# sanitizers: their allocator would hide malloc from build/memcount.so)
test: build/asan/statbrief build/asan/unit build/oom/statbrief \
		build/dbg/statbrief build/memcount.so
	@sh tests/run.sh build/asan

check: deps
	@$(MAKE) --no-print-directory test

bench:
	@sh tools/install-deps.sh --bench
	@$(MAKE) --no-print-directory statbrief build/rel/csvcount \
		build/rel/metricsbench build/rel/shortestbench
	@sh bench/run.sh
	@sh bench/load.sh
	@sh bench/big.sh
	@sh bench/diff.sh
	@sh bench/formats.sh
	@sh bench/charts.sh
	@sh bench/brief.sh
	@sh bench/batch.sh
	@sh bench/shortest.sh

# Allocation-failure injection (tests/oom.sh): the sanitizer build with
# the hook of core/alloc.h, which fails the allocation site named in
# SB_ALLOC_FAIL.
OOM_CFLAGS := $(TEST_CFLAGS) -DSB_ALLOC_HOOK
OOM_OBJ := $(LIB_SRC:%.c=build/oom/%.o)

build/oom/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(OOM_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/oom/statbrief: build/oom/statbrief.o $(OOM_OBJ)
	@echo "  LD      $@"
	@$(CC) $(OOM_CFLAGS) -o $@ $^ $(PKG_LIBS)

oom: build/oom/statbrief
	@sh tests/oom.sh build/oom/statbrief

# memcheck: the suite under valgrind, on a build without sanitizers (also
# what tests/resource.sh measures, with build/memcount.so preloaded).
DBG_CFLAGS := $(BASE) -O1 -g -Werror -DSB_TEST_HOOKS
DBG_OBJ := $(LIB_SRC:%.c=build/dbg/%.o)

build/dbg/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) $(DBG_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/dbg/statbrief: build/dbg/statbrief.o $(DBG_OBJ)
	@echo "  LD      $@"
	@$(CC) $(DBG_CFLAGS) -o $@ $^ $(PKG_LIBS)

build/dbg/unit: build/dbg/tests/unit.o build/dbg/tests/unit_metrics.o \
		build/dbg/tests/unit_plots.o build/dbg/tests/unit_reports.o \
		build/dbg/tests/unit_spec.o build/dbg/tests/unit_gazetteer.o \
		build/dbg/tests/unit_shortest.o \
		build/dbg/tests/unit_parallel.o \
		$(DBG_OBJ)
	@echo "  LD      $@"
	@$(CC) $(DBG_CFLAGS) -o $@ $^ $(PKG_LIBS)

# tests/memcount.c: the allocation and read counter tests/resource.sh
# preloads (LD_PRELOAD); no sanitizers, no project headers.
build/memcount.so: tests/memcount.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@$(CC) -std=c11 $(WARN) -Werror -O2 -g -fPIC -shared -o $@ $< -ldl

memcheck: deps
	@$(MAKE) --no-print-directory build/dbg/statbrief build/dbg/unit
	@sh tests/memcheck.sh $(MEMCHECK_SUITES)

# Fuzzing (libFuzzer, clang): each target for FUZZ_SECONDS seconds.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS := cell load spec metrics placeholder
FUZZ_SAN  := -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZ_CFLAGS := $(BASE) -O1 -g -fsanitize=fuzzer-no-link $(FUZZ_SAN)
FUZZ_OBJ  := $(LIB_SRC:%.c=build/fuzz/%.o)

build/fuzz/%.o: %.c
	@mkdir -p $(dir $@)
	@echo "  CC      $@"
	@clang $(FUZZ_CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/fuzz/fuzz_%: build/fuzz/fuzz/fuzz_%.o $(FUZZ_OBJ)
	@echo "  LD      $@"
	@clang $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $^ $(PKG_LIBS)

fuzz:
	@sh tools/install-deps.sh --fuzz
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS:%=build/fuzz/fuzz_%)
	@sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Installation: the binary, the man page (uncompressed) and the example's
# spec and data (no rendered PDFs or charts).
PREFIX  ?= /usr/local
DESTDIR ?=
BINDIR  = $(PREFIX)/bin
MANDIR  = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/statbrief
EXAMPLE_FILES := brief.yaml brief-zh.yaml data.csv indicators.csv regions.csv

install: statbrief
	install -d "$(DESTDIR)$(BINDIR)" "$(DESTDIR)$(MANDIR)/man1" \
		"$(DESTDIR)$(DATADIR)/examples/chongqing"
	install -m 755 statbrief "$(DESTDIR)$(BINDIR)/statbrief"
	install -m 644 docs/statbrief.1 "$(DESTDIR)$(MANDIR)/man1/statbrief.1"
	install -m 644 $(EXAMPLE_FILES:%=examples/chongqing/%) \
		"$(DESTDIR)$(DATADIR)/examples/chongqing/"

# Removes exactly those files, then the directories under DATADIR that
# install created, each only if it is now empty (never rm -r).
uninstall:
	rm -f "$(DESTDIR)$(BINDIR)/statbrief" \
		"$(DESTDIR)$(MANDIR)/man1/statbrief.1"
	for f in $(EXAMPLE_FILES); do \
		rm -f "$(DESTDIR)$(DATADIR)/examples/chongqing/$$f"; \
	done
	for d in "$(DESTDIR)$(DATADIR)/examples/chongqing" \
		"$(DESTDIR)$(DATADIR)/examples" "$(DESTDIR)$(DATADIR)"; do \
		[ ! -d "$$d" ] || rmdir "$$d" 2>/dev/null || :; \
	done

clean:
	rm -rf build statbrief

-include $(shell find build -name '*.d' 2>/dev/null)
