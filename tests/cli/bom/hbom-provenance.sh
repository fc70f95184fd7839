# The public PCIe-SATA adapter HBOM: each of the six parts names its supplier, and provenance
# shows it on the part (the supplier supplies the part itself).  By hand from the file:
# PCIE-098-02-F-D-EMS2 Samtec, molex-47155-4001 Molex, 3M-5622-4100-ML 3M, MC9A22-1034
# Multicomp, 826632-3 TE Connectivity, MP000003 Multicomp.
cd "$ROOT/tests/data/cyclonedx" || exit 9
$KETEN_RUN "$KETEN_BIN" provenance "urn:uuid:e8c355aa-2142-4084-a8c7-6d42c8610ba2#pcie-sata-adaptor-board" \
    hbom-pcie-sata-adapter-board.json --json 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
for p in d["parts"]:
    print(p["id"].split("#")[1], [s["id"].split("#org:")[1] for s in p["suppliers"]])'
