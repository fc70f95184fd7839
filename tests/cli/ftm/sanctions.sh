# Sanction records and topics are marks with their source; the policy decides which make a
# finding (samples/policy.json: "marks": {"findings": ["sanction"]}).  From LLC CST
# (NK-abdz...) as of 2024-06-01, worked by hand from zala-entities.ftm.json: it is itself
# listed (topic sanction + 23 Sanction records in force: 8 without dates and 15 started by
# then, one of them NSDC 556/2021 from 2021-10-30 to 2024-10-30), and so are its owners
# ZAKHAROV (topic + 8 records) and JSC Kalashnikov Concern (topic only).  As of 2025-01-01
# NSDC 556/2021 has ended and two listings have started (Ministry of Finance 2024-06-21,
# SBU 2024-11-12): topic + 24.  Debarment and export control marks make no finding under the sample
# policy; a policy that lists "debarment" adds the reason debarred to LLC CST (topic
# debarment).  A policy without "marks" gives no sanctioned reason at all.

cd "$ROOT/tests/data/ftm" || exit 9
f=zala-entities.ftm.json
d=$(mktemp -d) || exit 9
python3 - "$ROOT/samples/policy.json" "$d" <<'P'
import json, sys
p = json.load(open(sys.argv[1]))
p["marks"]["findings"] = ["sanction", "debarment"]
json.dump(p, open(sys.argv[2] + "/debar.json", "w"))
del p["marks"]
json.dump(p, open(sys.argv[2] + "/nomarks.json", "w"))
P
show() {
    python3 -c '
import json, sys
d = json.load(sys.stdin)
print(sys.argv[1])
for x in d["findings"]:
    ev = x.get("evidence", [])
    nsdc = [e["programme"] for e in ev if e["authority"] == "National Security and Defense Council"]
    print(" ", x["node"], x["depth"], ",".join(x["reasons"]), len(ev), "marks; NSDC:", nsdc)' "$1"
}
$KETEN_RUN "$KETEN_BIN" exposure --json --as-of 2024-06-01 ftm:NK-abdzbEBkqyT29GyREbiURZ "$f" --policy "$ROOT/samples/policy.json" 2>/dev/null | show "sample policy, 2024-06-01"
$KETEN_RUN "$KETEN_BIN" exposure --json --as-of 2025-01-01 ftm:NK-abdzbEBkqyT29GyREbiURZ "$f" --policy "$ROOT/samples/policy.json" 2>/dev/null | show "sample policy, 2025-01-01"
$KETEN_RUN "$KETEN_BIN" exposure --json --as-of 2024-06-01 ftm:NK-abdzbEBkqyT29GyREbiURZ "$f" --policy "$d/debar.json" 2>/dev/null | show "sanction and debarment"
$KETEN_RUN "$KETEN_BIN" exposure --json --as-of 2024-06-01 ftm:NK-abdzbEBkqyT29GyREbiURZ "$f" --policy "$d/nomarks.json" 2>/dev/null | show "no marks"
$KETEN_RUN "$KETEN_BIN" exposure --as-of 2024-06-01 ftm:NK-nR5AXM9AVPq4pQaSPSaVam "$f" --policy "$ROOT/samples/policy.json" 2>/dev/null | grep -E "^  ftm|sanction:"
rm -rf "$d"
