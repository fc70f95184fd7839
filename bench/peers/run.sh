#!/bin/sh
# keten and DuckDB side by side, end to end as a user runs each from the shell: owners of one
# company and screening 10,000 bidders, from the JSON Lines each time, and from what each keeps
# (a keten snapshot, a DuckDB database file), with the one-time cost of making it.
# Needs `npm install` in bench/peers first (see README.md); make installs nothing of it.
# Usage: sh bench/peers/run.sh [SIZE [STEPS]]   (SIZE 1m or 10m; data from bench/gen.py, made once)
# STEPS, default all: any of owners-json screen-json keep owners-kept screen-kept ("keep" makes
# the snapshot and the database file that the -kept steps read).
set -eu
cd "$(dirname "$0")/../.."
KETEN=${KETEN:-build/keten}
s=${1:-1m}
steps=${2:-owners-json screen-json keep owners-kept screen-kept}
want() { case " $steps " in *" $1 "*) return 0 ;; esac; return 1; }
case $s in 100k) n=100000 ;; 1m) n=1000000 ;; 10m) n=10000000 ;; *) echo "unknown size $s" >&2; exit 2 ;; esac
d=bench/data
[ -f $d/r$s.jsonl ] && [ -f $d/t$s.json ] || python3 bench/gen.py --relations $n --out $d/r$s.jsonl --tender $d/t$s.json --bidders 10000
[ -d bench/peers/node_modules/@duckdb/node-api ] || { echo "run 'npm install' in bench/peers first" >&2; exit 2; }
sed "s|\"r$s.jsonl\"|\"r$s.ktn\"|" $d/t$s.json >$d/t$s-ktn.json
t() { # t LABEL COMMAND...: elapsed, CPU and peak memory of one run, and the answer's first line
    label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o $d/time.out "$@" >$d/peer.out 2>$d/peer.err || { tail -3 $d/peer.err; exit 1; }
    set -- $(tail -1 $d/time.out)
    printf '%-40s %7s s  cpu %6.1f s  peak %6d MB  %s\n' "$label" "$1" "$(echo "$2 + $3" | bc)" $(($4 / 1024)) \
        "$(head -1 $d/peer.out | cut -c1-60)"
}
echo "$s relations, machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
P=samples/policy.json
if want owners-json; then
    t "keten owners (JSON)" "$KETEN" owners c100 $d/r$s.jsonl
    t "duckdb owners (JSON)" node bench/peers/duckdb.mjs owners c100 $d/r$s.jsonl
fi
if want screen-json; then
    t "keten screen (JSON)" "$KETEN" screen --quiet --allow-outside $d/t$s.json
    t "duckdb screen (JSON)" node bench/peers/duckdb.mjs screen $d/t$s.json $d/r$s.jsonl $P
fi
if want keep; then
    t "keten index (once)" "$KETEN" index --quiet $d/r$s.jsonl -o $d/r$s.ktn
    rm -f $d/r$s.duckdb
    t "duckdb import into a file (once)" node bench/peers/duckdb.mjs import $d/r$s.jsonl $d/r$s.duckdb
fi
if want owners-kept; then
    t "keten owners (snapshot)" "$KETEN" owners c100 $d/r$s.ktn
    t "duckdb owners (database file)" node bench/peers/duckdb.mjs owners c100 $d/r$s.duckdb
fi
if want screen-kept; then
    t "keten screen (snapshot)" "$KETEN" screen --quiet --allow-outside $d/t$s-ktn.json
    t "duckdb screen (database file)" node bench/peers/duckdb.mjs screen $d/t$s.json $d/r$s.duckdb $P
fi
