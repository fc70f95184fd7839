# The bundled ANPR tender: every verdict, checked through the JSON output (hand-worked in the
# README: B1 clean; B2 and B3 in the chain only; B4 a CN member; B5 a gap; B6 a subcontractor
# with access to police sites, controlled from a state of a C1/C2 country)
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" screen --quiet --format json samples/anpr-tender/tender.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["tender"] == "POL-2026-ANPR-04" and d["regime"] == "adv"
assert "does not replace" in d["notice"]
for b in d["bidders"]:
    c = b["considerations"]
    w = b["why"]
    print(b["id"], b["verdict"], c["C1"], c["C2"], c["C3A"], c["C3B"], "route", b["legal_route"]["route"],
          "findings", ",".join(f["node"] + "@" + str(f["depth"]) + ":" + f["via"] for f in b["findings"]),
          "unknown", ",".join(u["node"] + ":" + "+".join(u["why"]) for u in b["unknown"]))
    print("  why", " ".join(k + "=" + w[k]["rule"] + ":" + ",".join(w[k]["decided_by"]) for k in sorted(w)))
    cv = b["coverage"]
    print("  coverage bom", cv["bom_known"], "ownership", cv["ownership_known"], "supply", cv["supply_declared"],
          "complete", ",".join(k for k in sorted(cv["complete"]) if cv["complete"][k]))
    for f in b["findings"]:
        assert f["path"][0]["rel"] is None and all(p["source"] for p in f["path"][1:])
    assert w["C1"]["threshold"]["control"] == 50
print(d["summary"])'
