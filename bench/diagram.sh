#!/bin/sh
# bench/diagram.sh: time `keten diagram exposure` on a generated 2,000-node exposure case.
# The case: bidder "b" with 20 suppliers, each with 10 sub-suppliers (NL, complete), and 1,779
# owners of those spread over them (persons in CN, so every one is a finding): 1 + 20 + 200 +
# 1,779 = 2,000 nodes on paths to findings, all drawn with --max-nodes 2000.
# Usage: sh bench/diagram.sh [RUNS]   (default 5; prints each run and the median)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KETEN=${KETEN:-$ROOT/build/keten}
RUNS=${1:-5}
DATA=$ROOT/bench/data
mkdir -p "$DATA"
python3 - "$DATA/exposure-2000.jsonl" <<'PY'
import json, sys
out = open(sys.argv[1], "w")
def ent(i, t, name, country, **kw):
    d = {"id": i, "type": t, "name": name, "country": country}
    d.update(kw)
    out.write(json.dumps(d, ensure_ascii=False) + "\n")
def rel(r, a, b, **kw):
    d = {"rel": r, "from": a, "to": b}
    d.update(kw)
    out.write(json.dumps(d) + "\n")
ent("b", "company", "Bidder B.V.", "NL", complete=True)
subs = []
for i in range(20):
    s = "s%d" % i
    ent(s, "company", "Supplier %d B.V." % i, "NL", complete=True)
    rel("supplies", s, "b")
    for j in range(10):
        t = "s%d-%d" % (i, j)
        ent(t, "company", "Sub-supplier %d-%d GmbH" % (i, j), "DE", complete=True)
        rel("supplies", t, s)
        subs.append(t)
for k in range(1779):
    p = "p%d" % k
    ent(p, "person", "Owner %d 王" % k, "CN")
    rel("owns", p, subs[k % len(subs)], share=11)
PY
POLICY=$ROOT/samples/policy.json
echo "machine: $(uname -m), $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //')"
times=""
i=0
while [ $i -lt "$RUNS" ]; do
    start=$(date +%s.%N)
    "$KETEN" diagram exposure b "$DATA/exposure-2000.jsonl" --policy "$POLICY" --quiet --format svg \
        --max-nodes 2000 -o "$DATA/exposure-2000.svg"
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc)
    echo "run $((i + 1)): ${t}s"
    times="$times $t"
    i=$((i + 1))
done
nodes=$(grep -c 'class="node"' "$DATA/exposure-2000.svg")
echo "nodes drawn: $nodes"
echo "median: $(printf '%s\n' $times | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")s"
