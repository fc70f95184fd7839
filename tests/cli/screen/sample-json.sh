# The bundled ANPR tender: every verdict, checked through the JSON output
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" screen --quiet --format json samples/anpr-tender/tender.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["tender"] == "POL-2026-ANPR-04" and d["regime"] == "adv"
assert "does not replace" in d["notice"]
for b in d["bidders"]:
    c = b["considerations"]
    r = b["legal_route"]["exists"]
    print(b["id"], b["verdict"], c["C1"], c["C2"], c["C3A"], c["C3B"], "route", {True: "yes", False: "no", None: "unknown"}[r],
          "findings", ",".join(f["node"] + "@" + str(f["depth"]) + ":" + f["via"] for f in b["findings"]),
          "unknown", ",".join(u["node"] + ":" + "+".join(u["why"]) for u in b["unknown"]))
    for f in b["findings"]:
        assert f["path"][0]["rel"] is None and all(p["source"] for p in f["path"][1:])
print(d["summary"])'
