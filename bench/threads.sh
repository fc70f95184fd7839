#!/bin/sh
# Parallel loading: `keten check` at --threads 1 and 2 (and BASE, an older keten, when given),
# and `keten owners c100` end to end from the JSON Lines: elapsed, CPU (user + system) and peak
# memory of each run, with the load average it ran at.  Runs one at a time; RUNS each.
# Usage: sh bench/threads.sh [SIZE]   (1m, 10m; data from bench/gen.py, made once)
#        BASE=/path/to/old/keten sh bench/threads.sh 10m
set -eu
cd "$(dirname "$0")/.."
KETEN=${KETEN:-build/keten}
RUNS=${RUNS:-2}
s=${1:-1m}
case $s in
1m) n=1000000 ;; 10m) n=10000000 ;;
*) echo "unknown size $s" >&2; exit 2 ;;
esac
mkdir -p bench/data
f=bench/data/r$s.jsonl
[ -f "$f" ] || python3 bench/gen.py --relations $n --out "$f" --tender bench/data/t$s.json --bidders 10000
run() { # LABEL COMMAND...
    label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o bench/data/time.out "$@" >/dev/null 2>bench/data/err.out ||
        { tail -3 bench/data/err.out; exit 1; }
    read -r e u sy m <bench/data/time.out
    echo "$label: $e s elapsed, $(awk "BEGIN{print $u + $sy}") s CPU, peak $((m / 1024)) MB (load $(cut -d' ' -f1 /proc/loadavg))"
}
for i in $(seq "$RUNS"); do
    [ -n "${BASE:-}" ] && run "check, $BASE" "$BASE" check "$f"
    run "check --threads 1" "$KETEN" --threads 1 check "$f"
    run "check --threads 2" "$KETEN" --threads 2 check "$f"
    [ -n "${BASE:-}" ] && run "owners c100, $BASE" "$BASE" owners c100 "$f"
    run "owners c100 --threads 2" "$KETEN" --threads 2 owners c100 "$f"
done
