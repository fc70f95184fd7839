#!/bin/sh
# keten over MPI ranks: keten (one process) against keten-mpi --mpi under mpirun -np 1, 2, 4,
# from a snapshot (keten index) that every rank maps: screening the synthetic tender of
# bench/gen.py (10,000 bidders), and exposure from a bidder's consortium.  For each run: the
# time end to end and the CPU time of every process (user + sys), and each rank's peak
# resident memory and its memory when its private memory was largest (private: written by the
# rank, its own heap; rss and pss count the snapshot's pages, page cache shared by the ranks of
# a machine), and a byte-for-byte comparison with keten's output (written with -o, or to a
# file: mpirun forwards stdout slowly).  Exposure runs to --max-depth 12 (DEPTH): to the
# policy's 25 the bench consortium reaches 1.7M of the 4.2M nodes at 10M, a 917 MB answer
# whose time is mpirun forwarding it.
# critical runs from the same consortium (at 10M the bench supply chains give it over a million
# nodes with a path each, an 865 MB answer: WHAT=critical at 1m keeps it short), owners of the
# first bidder's lead member.
# Usage: [WHAT="screen exposure critical owners"] sh bench/mpi.sh [SIZE]   (100k, 1m or 10m; default 10m)
# Data: $BENCHDATA/rSIZE.jsonl and tSIZE.json when there (default /work/benchdata), else made in
# bench/data with bench/gen.py; the snapshot goes to bench/data.  Needs make and make mpi first.
# Results: docs/scale.md.
set -eu
cd "$(dirname "$0")/.."
KETEN=${KETEN:-build/keten}
KETEN_MPI=${KETEN_MPI:-build/keten-mpi}
BENCHDATA=${BENCHDATA:-/work/benchdata}
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
s=${1:-10m}
case $s in 100k) n=100000 ;; 1m) n=1000000 ;; 10m) n=10000000 ;; *) echo "unknown size $s" >&2; exit 2 ;; esac
mkdir -p bench/data
f=$BENCHDATA/r$s.jsonl t=$BENCHDATA/t$s.json
if [ ! -f "$f" ] || [ ! -f "$t" ]; then
    f=bench/data/r$s.jsonl t=bench/data/t$s.json
    [ -f "$f" ] && [ -f "$t" ] || python3 bench/gen.py --relations $n --out "$f" --tender "$t" --bidders 10000
fi
k=$PWD/bench/data/r$s.ktn
[ -f "$k" ] || "$KETEN" index --quiet "$f" -o "$k"
# the tender with the snapshot as its data and this tree's sample policy
sed -e "s|\"data\": \[[^]]*\]|\"data\": [\"$k\"]|" -e "s|\"policy\": \"[^\"]*\"|\"policy\": \"$PWD/samples/policy.json\"|" \
    "$t" >bench/data/t$s-ktn.json
t=bench/data/t$s-ktn.json
node=$(grep -o '"consortium": "[^"]*"' "$t" | head -1 | cut -d'"' -f4)
member=$(grep -o '"members": \[{"id": "[^"]*"' "$t" | head -1 | cut -d'"' -f6)
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "data: $f; snapshot $(du -m "$k" | cut -f1) MB"
timed() { # timed LABEL COMMAND...: elapsed, CPU of the command and its children, peak of the largest
    label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o bench/data/time.out "$@" 2>bench/data/err || { tail -3 bench/data/err; exit 1; }
    set -- $(tail -1 bench/data/time.out)
    echo "$label: $1 s elapsed, $(awk "BEGIN{printf \"%.1f\", $2 + $3}") s CPU (user+sys), peak $(($4 / 1024)) MB (largest process)"
    grep -e '^keten: rank' -e '^keten: --mpi on' -e '^keten: timings' bench/data/err | sed 's/^keten:/   /' || true
}
WHAT=${WHAT:-screen exposure critical owners} DEPTH=${DEPTH:-12}
case $WHAT in *screen*)
    timed "keten screen $s" "$KETEN" screen --quiet --allow-outside --timings --format json -o bench/data/one.json "$t"
    for np in 1 2 4; do
        timed "keten-mpi screen -np $np $s" mpirun --oversubscribe -np $np "$KETEN_MPI" screen --quiet --allow-outside \
            --timings --mpi --format json -o bench/data/many.json "$t"
        cmp -s bench/data/one.json bench/data/many.json && echo "    output byte-identical to keten screen" || echo "    OUTPUT DIFFERS"
    done ;;
esac
# one node's command: CMD LABEL ARGS...
node_cmd() {
    cmd=$1 label=$2; shift 2
    timed "keten $cmd $label $s" sh -c "\"$KETEN\" $cmd $* >bench/data/one.json"
    for np in 1 2 4; do
        timed "keten-mpi $cmd -np $np $s" sh -c "mpirun --oversubscribe -np $np \"$KETEN_MPI\" $cmd --timings --mpi $* \
            >bench/data/many.json"
        cmp -s bench/data/one.json bench/data/many.json && echo "    output byte-identical to keten $cmd" || echo "    OUTPUT DIFFERS"
    done
}
case $WHAT in *exposure*) node_cmd exposure "$node --max-depth $DEPTH" --quiet --json --max-depth $DEPTH "$node" "$k" \
    --policy samples/policy.json ;; esac
case $WHAT in *critical*) node_cmd critical "$node" --quiet --json "$node" "$k" ;; esac
case $WHAT in *owners*) node_cmd owners "$member" --json "$member" "$k" ;; esac
