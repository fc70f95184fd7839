#!/bin/sh
# Loading speed: time `keten check` on 100k, 1M and 10M relations of synthetic JSON Lines
# (bench/gen.py), best of RUNS runs, with peak memory.  Usage: sh bench/run.sh [SIZES...]
# Sizes: 100k 1m 10m (default all).  Data is generated once into bench/data/ (git-ignored).
set -eu
cd "$(dirname "$0")/.."
KETEN=${KETEN:-build/keten}
RUNS=${RUNS:-3}
mkdir -p bench/data
sizes=${*:-100k 1m 10m}
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
for s in $sizes; do
    case $s in
    100k) n=100000 ;;
    1m) n=1000000 ;;
    10m) n=10000000 ;;
    *) echo "unknown size $s" >&2; exit 2 ;;
    esac
    f=bench/data/r$s.jsonl
    [ -f "$f" ] && [ -f bench/data/t$s.json ] || python3 bench/gen.py --relations $n --out "$f" --tender bench/data/t$s.json --bidders 10000
    best=""
    for i in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M" -o bench/data/time.out "$KETEN" check --quiet "$f" >/dev/null 2>&1
        out=$(tail -1 bench/data/time.out)
        t=${out% *}; m=${out#* }
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; mem=$m; fi
    done
    rels=$(grep -c '"rel"' "$f")
    echo "check $s: $rels relations, $(du -m "$f" | cut -f1) MB, best of $RUNS: ${best} s, peak $((mem / 1024)) MB"
done
# The analyses after loading (owners, owned, screening of 10,000 bidders), one load per size.
for s in $sizes; do
    f=bench/data/r$s.jsonl
    ${QUERIES:-build/bench/queries} "$f" bench/data/t$s.json samples/policy.json
done
