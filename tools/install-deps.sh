#!/bin/sh
# tools/install-deps.sh -- install the Debian packages statbrief needs, only
# when something is missing, then the npm packages of the browser tests from
# package-lock.json when node_modules is not what the lock file says. Called
# by `make demo` and `make check`, so those two commands are the whole
# set-up on a fresh Debian machine (as root). Checks are cheap (pkg-config,
# a header, fontconfig, locale -a, a file's digest): a machine that has
# everything runs no apt-get and no npm at all.
set -eu

# --bench: also gnuplot and pandas, which `make bench` measures statbrief
# against;
# --fuzz: also clang (libFuzzer and its sanitizer runtimes)
BENCH=0 FUZZ=0
[ "${1:-}" = --bench ] && BENCH=1
[ "${1:-}" = --fuzz ] && FUZZ=1

PKGS="pkg-config libgsl-dev libcairo2-dev libpango1.0-dev libcsv-dev \
libyaml-dev libqpdf-dev libfontconfig-dev libssl-dev \
libjson-glib-dev zlib1g-dev iso-codes fonts-noto-core fonts-noto-cjk poppler-utils libxml2-utils qpdf \
locales time python3"

missing=""
need() { missing="$missing $1"; }

command -v pkg-config >/dev/null 2>&1 || need pkg-config
if command -v pkg-config >/dev/null 2>&1; then
    pkg-config --exists gsl || need libgsl-dev
    pkg-config --exists cairo || need libcairo2-dev
    pkg-config --exists pangocairo glib-2.0 || need libpango1.0-dev
    pkg-config --exists yaml-0.1 || need libyaml-dev
    pkg-config --exists libqpdf || need libqpdf-dev
    pkg-config --exists libcrypto || need libssl-dev
    pkg-config --exists fontconfig || need libfontconfig-dev
    pkg-config --exists json-glib-1.0 || need libjson-glib-dev
    pkg-config --exists zlib || need zlib1g-dev
fi
# the gazetteer of country names is read at run time from iso-codes' JSON
[ -f /usr/share/iso-codes/json/iso_3166-1.json ] || need iso-codes
[ -f /usr/include/csv.h ] || need libcsv-dev
command -v pdftoppm >/dev/null 2>&1 || need poppler-utils
command -v xmllint >/dev/null 2>&1 || need libxml2-utils
command -v qpdf >/dev/null 2>&1 || need qpdf
# tests/resource.sh measures CPU time and peak memory with GNU time
[ -x /usr/bin/time ] || need time
# tests/recompute.py recomputes the example's figures (standard library only)
command -v python3 >/dev/null 2>&1 || need python3
if command -v fc-list >/dev/null 2>&1; then
    # fc-list PATTERN ELEMENT: fonts whose family is exactly this one
    fc-list 'Noto Sans CJK SC' family | grep -q . || need fonts-noto-cjk
    fc-list 'Noto Sans' family | grep -q . || need fonts-noto-core
else
    need fonts-noto-core; need fonts-noto-cjk
fi
# The tests prove that parsing ignores the process locale by running under
# de_DE.UTF-8 (decimal comma); that locale must exist.
locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$' || need locales
# tests/browser.sh: Debian's chromium (the tests download no browser), and
# Node.js and npm for puppeteer-core, axe-core and html-validate
[ -x /usr/bin/chromium ] || need chromium
PKGS="$PKGS chromium"
# nodejs and npm only when missing, and only the one missing: a Node.js
# from elsewhere (whose package bundles npm) must not be swapped for
# Debian's, nor Debian's npm installed against it
command -v node >/dev/null 2>&1 || { need nodejs; PKGS="$PKGS nodejs"; }
command -v npm >/dev/null 2>&1 || { need npm; PKGS="$PKGS npm"; }
if [ $FUZZ = 1 ]; then
    command -v clang >/dev/null 2>&1 || need clang
    PKGS="$PKGS clang"
fi
if [ $BENCH = 1 ]; then
    command -v gnuplot >/dev/null 2>&1 || need gnuplot-nox
    PKGS="$PKGS gnuplot-nox"
    # bench/big.sh times Debian's pandas (bench/pandas_metrics.py, run by
    # /usr/bin/python3, not a python3 of PATH) on the same file
    /usr/bin/python3 -c 'import pandas' >/dev/null 2>&1 || need python3-pandas
    PKGS="$PKGS python3-pandas"
fi

# The npm packages of package-lock.json, exact versions, into node_modules
# at the top of the tree (never a global install): `npm ci` when
# node_modules was not installed from this very lock file. No install
# script runs (none of them needs one), and puppeteer-core downloads no
# browser in any case; PUPPETEER_SKIP_DOWNLOAD says so again.
npm_deps() {
    top=$(cd "$(dirname "$0")/.." && pwd)
    stamp="$top/node_modules/.statbrief-lock.sha256"
    want=$(cd "$top" && sha256sum package.json package-lock.json)
    [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] &&
        [ -f "$top/node_modules/puppeteer-core/package.json" ] &&
        [ -f "$top/node_modules/axe-core/axe.min.js" ] &&
        [ -f "$top/node_modules/html-validate/package.json" ] && return 0
    echo "install-deps: npm ci (package-lock.json)" >&2
    (cd "$top" && PUPPETEER_SKIP_DOWNLOAD=1 \
        npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
    echo "$want" >"$stamp"
}

if [ -z "$missing" ]; then
    npm_deps
    exit 0
fi

if [ "$(id -u)" != 0 ]; then
    echo "install-deps: missing:$missing" >&2
    echo "install-deps: run as root, or: sudo apt-get install -y $PKGS" >&2
    exit 1
fi
echo "install-deps: installing:$missing" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends $PKGS
if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    if [ -f /etc/locale.gen ]; then
        sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
        grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen ||
            echo 'de_DE.UTF-8 UTF-8' >> /etc/locale.gen
        locale-gen >/dev/null
    else
        localedef -i de_DE -f UTF-8 de_DE.UTF-8
    fi
fi
npm_deps
