#!/bin/sh
# Loading speed per input format: generate one large input per format (python3) under
# bench/data/ and time `keten check` on it, best of 3 runs.
# Usage: sh bench/formats.sh [N]   (N: records per file, default 100000)
set -eu
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KETEN=${KETEN:-$ROOT/build/keten}
N=${1:-100000}
D=$ROOT/bench/data
mkdir -p "$D"
python3 - "$D" "$N" <<'PY'
import json, sys
d, n = sys.argv[1], int(sys.argv[2])
# native: a chain of companies, each owning 60% of the next
with open(f"{d}/native.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"c{i}", "type": "company", "name": f"Company {i}", "country": "NL"}) + "\n")
    for i in range(n - 1):
        f.write(json.dumps({"rel": "owns", "from": f"c{i}", "to": f"c{i+1}", "share": 60}) + "\n")
# BODS 0.4 JSON Lines: entities and a chain of shareholdings
with open(f"{d}/bods.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"statementId": f"s{i}", "recordId": f"e{i}", "recordType": "entity",
            "recordDetails": {"entityType": {"type": "registeredEntity"}, "name": f"Entity {i}",
                              "jurisdiction": {"code": "GB"}}}) + "\n")
    for i in range(n - 1):
        f.write(json.dumps({"statementId": f"r{i}", "recordId": f"rel{i}", "recordType": "relationship",
            "recordDetails": {"isComponent": False, "subject": f"e{i+1}", "interestedParty": f"e{i}",
                              "interests": [{"type": "shareholding", "share": {"exact": 60}}]}}) + "\n")
# CycloneDX: n components under one product, each with a supplier among 100
comps = [{"bom-ref": f"c{i}", "name": f"Part {i}", "purl": f"pkg:generic/part{i}@1",
          "supplier": {"name": f"Supplier {i % 100}", "address": {"country": "Germany"}},
          "properties": [{"name": "cdx:device:countryOfOrigin", "value": "TW"}]} for i in range(n)]
json.dump({"bomFormat": "CycloneDX", "specVersion": "1.6",
           "metadata": {"component": {"bom-ref": "prod", "name": "Product"}}, "components": comps},
          open(f"{d}/bom.cdx.json", "w"), indent=1)
# SPDX: n packages, the first contains all others
pk = [{"SPDXID": f"SPDXRef-p{i}", "name": f"pkg{i}", "supplier": f"Organization: Dist {i % 100}"} for i in range(n)]
rl = [{"spdxElementId": "SPDXRef-p0", "relationshipType": "CONTAINS", "relatedSpdxElement": f"SPDXRef-p{i}"}
      for i in range(1, n)]
json.dump({"spdxVersion": "SPDX-2.3", "documentDescribes": ["SPDXRef-p0"], "packages": pk, "relationships": rl},
          open(f"{d}/doc.spdx.json", "w"), indent=1)
# GLEIF level 1 + level 2: LEI-shaped ids, each consolidated by the next
def lei(i): return f"{i:018d}AA"
with open(f"{d}/gleif-l1.csv", "w") as f:
    f.write("LEI,Entity.LegalName,Entity.LegalAddress.Country\n")
    for i in range(n):
        f.write(f"{lei(i)},\"Legal Entity {i}, Inc\",US\n")
with open(f"{d}/gleif-l2.csv", "w") as f:
    f.write("Relationship.StartNode.NodeID,Relationship.StartNode.NodeIDType,Relationship.EndNode.NodeID,"
            "Relationship.EndNode.NodeIDType,Relationship.RelationshipType,Relationship.RelationshipStatus\n")
    for i in range(n - 1):
        f.write(f"{lei(i)},LEI,{lei(i+1)},LEI,IS_DIRECTLY_CONSOLIDATED_BY,ACTIVE\n")
# FollowTheMoney: companies and ownerships (a star: o0 owns 0.001% of each... kept under 100%)
with open(f"{d}/ftm.jsonl", "w") as f:
    for i in range(n):
        f.write(json.dumps({"id": f"c{i}", "schema": "Company", "properties": {"name": [f"Co {i}"], "country": ["ru"]}}) + "\n")
    for i in range(n - 1):
        f.write(json.dumps({"id": f"o{i}", "schema": "Ownership", "properties": {"owner": [f"c{i}"], "asset": [f"c{i+1}"], "percentage": ["60"]}}) + "\n")
# CSV
with open(f"{d}/entities.csv", "w") as f:
    f.write("id,type,name,country\n")
    for i in range(n):
        f.write(f"c{i},company,Company {i},NL\n")
with open(f"{d}/relations.csv", "w") as f:
    f.write("rel,from,to,share\n")
    for i in range(n - 1):
        f.write(f"owns,c{i},c{i+1},60\n")
PY
best() { # best wall time of 3 runs, seconds
    b=""
    for _ in 1 2 3; do
        s=$(date +%s.%N); "$KETEN" check --quiet "$@" >/dev/null 2>&1 || true; e=$(date +%s.%N)
        t=$(echo "$e - $s" | bc); if [ -z "$b" ] || [ "$(echo "$t < $b" | bc)" = 1 ]; then b=$t; fi
    done
    echo "$b"
}
echo "records per file: $N; machine: $(uname -m), $(nproc) cpus, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-10s %10s %8s\n' format MB seconds
for f in native:native.jsonl bods:bods.jsonl cyclonedx:bom.cdx.json spdx:doc.spdx.json \
         gleif:"gleif-l1.csv gleif-l2.csv" ftm:ftm.jsonl csv:"entities.csv relations.csv"; do
    name=${f%%:*}; files=${f#*:}
    set -- ; for x in $files; do set -- "$@" "$D/$x"; done
    mb=$(du -cm "$@" | tail -1 | cut -f1)
    printf '%-10s %10s %8s\n' "$name" "$mb" "$(best "$@")"
done
