# keten check on the public CycloneDX examples (tests/data/cyclonedx, origin in its README),
# counts worked out by reading each file:
# HBOM PCIe-SATA adapter board: metadata component (product) + 6 device components; suppliers
#   Samtec, Molex, 3M, Multicomp (twice), TE Connectivity -> 5 companies: 12 entities; no
#   dependencies list -> the board contains each of the 6; each supplier supplies its part
#   itself (6 supplies): 12 relations; no country anywhere; 7 items without origin -> 7 warnings.
# SaaSBOM api gateway: metadata component (product); service api-gateway with 5 nested services
#   (ms-1, ms-2, ms-3, ms-1-pgsql, s3): 6 services; provider "Acme Inc" on 4 of them -> 1
#   company, 4 supplies; contains: nesting 5 + dependencies acme-application -> api-gateway,
#   ms-1 -> pgsql, ms-3 -> s3 (api-gateway -> ms-1..3 repeat the nesting) = 8; 12 relations;
#   7 items without origin -> 7 warnings.  Data flows become tags (api-gateway: 3).
# SBOM laravel 7.12.0 (CycloneDX 1.4, no serialNumber): components and dependsOn pairs counted
#   from the file by the script below (62 components + the metadata component; 113 pairs).
cd "$ROOT/tests/data/cyclonedx" || exit 9
for f in hbom-pcie-sata-adapter-board.json saasbom-apigateway-microservices-datastores.json sbom-laravel-7.12.0.cdx-1.4.json; do
    $KETEN_RUN "$KETEN_BIN" check --json "$f" | python3 -c '
import json, sys
f = sys.argv[1]
d = json.load(sys.stdin)
doc = json.load(open(f))
assert d["valid"] is True and d["errors"] == 0, d
if f.startswith("hbom"):
    assert (d["entities"], d["relations"], d["warnings"]) == (12, 12, 7), d
    assert d["by_entity_type"] == {"company": 5, "product": 1, "component": 6}, d
    assert d["by_relation_type"] == {"supplies": 6, "contains": 6}, d
elif f.startswith("saasbom"):
    assert (d["entities"], d["relations"], d["warnings"]) == (8, 12, 7), d
    assert d["by_entity_type"] == {"company": 1, "product": 1, "service": 6}, d
    assert d["by_relation_type"] == {"supplies": 4, "contains": 8}, d
else:
    comps = len(doc["components"]) + 1
    pairs = {(x["ref"], t) for x in doc["dependencies"] for t in x.get("dependsOn", [])}
    assert (d["entities"], d["relations"]) == (comps, len(pairs)) == (63, 113), (d["entities"], d["relations"], comps, len(pairs))
    assert d["by_relation_type"] == {"contains": 113}, d
print(f, "ok")' "$f"
done
