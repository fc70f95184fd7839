#!/bin/sh
# 100M relations: generate (bench/gen.c), `keten index` (elapsed, CPU, peak memory), the
# snapshot's size per relation, `keten check` of it, and what a new process answers from it:
# owners, paths, exposure of a modest subject, and a screening of 10,000 bidders.  One run of
# each (the machine is shared; the figures go to bench/RESULTS.md).  Before `index` it waits
# until MIN_GB (default 19) GiB are available, as the load peaks near 16 GB.
# Usage: sh bench/big.sh [RELATIONS]   (default 100000000; CLEAN=1 deletes the data after)
# Prints "what: elapsed s, user s, sys s, peak MB" per command, and whether the snapshot was in
# the page cache (fincore) before each query.
set -eu
cd "$(dirname "$0")/.."
KETEN=${KETEN:-build/keten}
n=${1:-100000000}
s=r$n
d=bench/data
mkdir -p $d
make --no-print-directory bench-gen >/dev/null
[ -f $d/$s.jsonl ] && [ -f $d/t$n.json ] || {
    /usr/bin/time -f "%e %U %S %M" -o $d/time.out build/bench/gen --relations "$n" --out $d/$s.jsonl \
        --tender $d/t$n.json --bidders 10000
    set -- $(tail -1 $d/time.out)
    echo "generate: $1 s elapsed, $2 s user, $3 s sys; $(du -m $d/$s.jsonl | cut -f1) MB"
}
sed "s|\"$s.jsonl\"|\"$s.ktn\"|" $d/t$n.json >$d/t$n-ktn.json
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
run() { # run LABEL COMMAND...: one run, its times and peak memory
    label=$1
    shift
    /usr/bin/time -f "%e %U %S %M" -o $d/time.out "$@" >$d/out.txt 2>$d/err.txt || {
        echo "$label: failed"
        tail -3 $d/err.txt
        return 1
    }
    set -- $(tail -1 $d/time.out)
    echo "$label: $1 s elapsed, $2 s user, $3 s sys, peak $(($4 / 1024)) MB"
}
cached() { fincore --bytes --noheadings --output RES $d/$s.ktn 2>/dev/null | awk '{printf "%d MB", $1 / 1e6}'; }
need=$((${MIN_GB:-19} * 1024 * 1024))
while [ "$(awk '/MemAvailable/ {print $2}' /proc/meminfo)" -lt $need ]; do
    echo "waiting: $(free -g | awk '/Mem:/ {print $7}') GiB available, want ${MIN_GB:-19}"
    sleep 60
done
free -g | sed -n 1,2p
run "index $n" "$KETEN" index --quiet $d/$s.jsonl -o $d/$s.ktn
cat $d/out.txt
size=$(wc -c <$d/$s.ktn)
rels=$(awk '{print $(NF-3)}' $d/out.txt)
echo "snapshot: $size bytes for $rels relations, $((size / rels)) bytes per relation"
run "check (snapshot)" "$KETEN" check --quiet $d/$s.ktn
grep -E '^(entities|relations):' $d/out.txt
# an owner and what it owns, for paths: the first owns relation of the file
set -- $(grep -m1 '"rel": "owns"' $d/$s.jsonl | sed 's/.*"from": "\([^"]*\)", "to": "\([^"]*\)".*/\1 \2/')
from=$1 to=$2
echo "page cache before the queries: $(cached) of the snapshot"
run "owners c100" "$KETEN" owners c100 $d/$s.ktn
run "owners c100 again" "$KETEN" owners c100 $d/$s.ktn
run "paths $from $to" "$KETEN" paths "$from" "$to" $d/$s.ktn
# a modest subject: one company's dependencies four steps deep
run "exposure c100 --max-depth 4" "$KETEN" exposure c100 $d/$s.ktn --policy samples/policy.json --max-depth 4 --json
echo "  $(wc -c <$d/out.txt) bytes of JSON"
run "screen 10,000 bidders" "$KETEN" screen --quiet --allow-outside --timings --format json $d/t$n-ktn.json
grep timings $d/err.txt || true
# cold: the snapshot dropped from the page cache (this file only: POSIX_FADV_DONTNEED), so the
# new process reads it from disk
sync $d/$s.ktn
dd if=$d/$s.ktn iflag=nocache count=0 status=none
echo "page cache now: $(cached) of the snapshot"
run "owners c100, snapshot not in the page cache" "$KETEN" owners c100 $d/$s.ktn
[ -z "${CLEAN:-}" ] || rm -f $d/$s.jsonl $d/$s.ktn $d/t$n.json $d/t$n-ktn.json $d/out.txt
