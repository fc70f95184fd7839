#!/bin/sh
# Screening over MPI ranks: keten screen (one process) against keten-mpi screen --mpi under
# mpirun -np 1, 2, 4, on the synthetic tender of bench/gen.py (10,000 bidders), with the time
# end to end, each rank's peak memory and its part of the search state, and a byte-for-byte
# comparison of the outputs (written with -o: mpirun forwards stdout slowly).  Usage: sh bench/mpi.sh [SIZE] (100k, 1m or 10m; default 10m).
# Needs make and make mpi first.  Results: docs/scale.md.
set -eu
cd "$(dirname "$0")/.."
KETEN=${KETEN:-build/keten}
KETEN_MPI=${KETEN_MPI:-build/keten-mpi}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
s=${1:-10m}
case $s in 100k) n=100000 ;; 1m) n=1000000 ;; 10m) n=10000000 ;; *) echo "unknown size $s" >&2; exit 2 ;; esac
f=bench/data/r$s.jsonl
t=bench/data/t$s.json
mkdir -p bench/data
[ -f "$f" ] && [ -f "$t" ] || python3 bench/gen.py --relations $n --out "$f" --tender "$t" --bidders 10000
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "%e %M" -o bench/data/time.out "$KETEN" screen --quiet --allow-outside --timings --format json -o bench/data/one.json "$t" 2>bench/data/err
out=$(tail -1 bench/data/time.out)
echo "keten screen $s: ${out% *} s, peak $((${out#* } / 1024)) MB; $(grep timings bench/data/err | sed 's/keten: //')"
for np in 1 2 4; do
    /usr/bin/time -f "%e" -o bench/data/time.out mpirun --oversubscribe -np $np "$KETEN_MPI" screen --quiet --allow-outside --timings --mpi \
        --format json -o bench/data/many.json "$t" 2>bench/data/err
    echo "keten-mpi -np $np $s: $(tail -1 bench/data/time.out) s; $(grep timings bench/data/err | sed 's/keten: //')"
    grep -e '^keten: rank' -e '^keten: --mpi on' bench/data/err | sed 's/^keten:/   /'
    cmp -s bench/data/one.json bench/data/many.json && echo "    output byte-identical to keten screen" || echo "    OUTPUT DIFFERS"
done
