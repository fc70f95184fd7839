#!/bin/sh
# The snapshot: time and peak memory of `keten index`, its size in bytes per relation, and the
# cold queries a new process answers from it (owners, exposure, paths, screening 10,000
# bidders), each best of RUNS; with SOURCES=1 also the same queries from the JSON Lines.
# Usage: sh bench/snapshot.sh [SIZE]   (100k, 1m, 10m, 100m; data from bench/gen.py, made once)
set -eu
cd "$(dirname "$0")/.."
KETEN=${KETEN:-build/keten}
RUNS=${RUNS:-3}
s=${1:-1m}
case $s in
100k) n=100000 ;; 1m) n=1000000 ;; 10m) n=10000000 ;; 100m) n=100000000 ;;
*) echo "unknown size $s" >&2; exit 2 ;;
esac
mkdir -p bench/data
f=bench/data/r$s.jsonl
k=bench/data/r$s.ktn
[ -f "$f" ] && [ -f bench/data/t$s.json ] || python3 bench/gen.py --relations $n --out "$f" --tender bench/data/t$s.json --bidders 10000
# the tender with the snapshot as its data
sed "s|\"r$s.jsonl\"|\"r$s.ktn\"|" bench/data/t$s.json >bench/data/t$s-ktn.json
measure() { # measure LABEL RUNS COMMAND...: best time and its peak memory
    label=$1; runs=$2; shift 2
    best=""
    for i in $(seq "$runs"); do
        /usr/bin/time -f "%e %M" -o bench/data/time.out "$@" >/dev/null 2>bench/data/err.out || { tail -3 bench/data/err.out; exit 1; }
        out=$(tail -1 bench/data/time.out); t=${out% *}; m=${out#* }
        if [ -z "$best" ] || awk "BEGIN{exit !($t < $best)}"; then best=$t; mem=$m; fi
    done
    echo "$label: ${best} s, peak $((mem / 1024)) MB"
}
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
measure "index $s" 1 "$KETEN" index --quiet "$f" -o "$k"
rels=$("$KETEN" check --quiet "$k" 2>/dev/null | awk '/^relations:/ {print $2}')
# an owner and what it owns, for paths: the first owns relation of the file
set -- $(grep -m1 '"rel": "owns"' "$f" | sed 's/.*"from": "\([^"]*\)", "to": "\([^"]*\)".*/\1 \2/')
from=$1 to=$2
size=$(wc -c <"$k")
echo "snapshot: $size bytes, $rels relations, $((size / rels)) bytes per relation"
for src in ktn ${SOURCES:+jsonl}; do
    d=bench/data/r$s.$src
    runs=$RUNS; [ "$src" = jsonl ] && runs=1
    measure "owners c100 ($src)" "$runs" "$KETEN" owners c100 "$d"
    measure "exposure k2 ($src)" "$runs" "$KETEN" exposure k2 "$d" --policy samples/policy.json --json
    measure "paths $from $to ($src)" "$runs" "$KETEN" paths "$from" "$to" "$d"
    t=bench/data/t$s.json; [ "$src" = ktn ] && t=bench/data/t$s-ktn.json
    measure "screen 10,000 bidders ($src)" "$runs" "$KETEN" screen --quiet --allow-outside --format json "$t"
done
# COMPARE=1: every command's JSON from the snapshot and from the JSON Lines, byte for byte (the
# screening's inputs name the files read, so those two lines are left out)
[ -n "${COMPARE:-}" ] || exit 0
for args in "check --json" "owners c100 --json" "owned c100 --json" "paths $from $to --json" \
    "exposure k2 --policy samples/policy.json --json" "critical k2 --json" \
    "provenance i100 --policy samples/policy.json --json"; do
    # shellcheck disable=SC2086
    a=$("$KETEN" $args "$f" 2>&1 | cksum); b=$("$KETEN" $args "$k" 2>&1 | cksum)
    [ "$a" = "$b" ] && echo "same from the snapshot: $args" || echo "DIFFERS: $args"
done
a=$("$KETEN" screen --quiet --allow-outside --format json bench/data/t$s.json | grep -v "\"bench/data/[rt]$s" | cksum)
b=$("$KETEN" screen --quiet --allow-outside --format json bench/data/t$s-ktn.json | grep -v "\"bench/data/[rt]$s" | cksum)
[ "$a" = "$b" ] && echo "same from the snapshot: screen --format json" || echo "DIFFERS: screen"
