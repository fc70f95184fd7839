# screen --since with the case file: decisions gone stale between two runs, on the sample tender
# with one relation changed each time; the earlier run read samples/anpr-tender/decisions.json
# (B2: a decision on finding 01d7c83715176f90 at line 5; B3: its C3B answer "sufficient" at
# line 11; B4: a decision on the bidder at line 14; B6: a decision at line 17, stale already).
# Worked by hand from the data (README, "The case file"):
#  1. orchid-holdings' stake in lumen-modules 40% -> 5% (under the owner share): B2's only
#     finding is gone, so its decision is stale (finding_gone); B6's, stale in both runs, is not
#     news; nothing else changes.
#  2. the same stake 40% -> 45%: the finding stays (same node, same starting point) but its path
#     carries another share, so its key changes and the decision on the old key is stale
#     (evidence_changed, with the key `keten screen` now prints for it).
#  3. a source added to dm-cam's contains dm-sensor (on B3's finding's path): the finding's key
#     changes, the verdict stays mitigate; B3's C3B answer stood in both runs and rests on its
#     findings: stale (findings_changed).  B3's finding had no decision: nothing else stale.
#  4. huaxing-vision's membership of k4-eastgate removed: B4's party-level finding is gone and a
#     component finding through hx-cam (made by huaxing-vision) comes; the verdict moves from
#     exclusion_possible to specify_or_mitigate, so the decision on the bidder is stale.
#  5. case 1 without --decisions now: the decisions the earlier run recorded on its findings
#     (B2's) are judged; B3's verdict differs for want of its C3B answer (shown, not stale).
#  6. case 1 against an earlier run without decisions: B2's decision named a finding of that
#     run by its key: stale; B3's verdict differs because its C3B answer applies now.
#  7. case 1 against an earlier run from before the case file (no keys): B2's finding is gone,
#     and no decision is said to be stale, for want of the keys that would show it.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cd "$ROOT" || exit 9
D=samples/anpr-tender/decisions.json
k() { $KETEN_RUN "$KETEN_BIN" screen --quiet "$@" 2>&1 | sed "s|$t/||"; }
k --format json --decisions $D samples/anpr-tender/tender.json >"$t/prev.json"
k --format json samples/anpr-tender/tender.json >"$t/prev0.json"
cp samples/anpr-tender/policy.json "$t/policy.json"
sed "s|\"../policy.json\"|\"policy.json\"|" samples/anpr-tender/tender.json >"$t/tender.json"
echo "== 1"
sed '33s/"share":40/"share":5/' samples/anpr-tender/data.jsonl >"$t/data.jsonl"
k --since "$t/prev.json" --decisions $D "$t/tender.json"
k --since "$t/prev.json" --decisions $D --format json "$t/tender.json"
echo "== 2"
sed '33s/"share":40/"share":45/' samples/anpr-tender/data.jsonl >"$t/data.jsonl"
k --since "$t/prev.json" --decisions $D "$t/tender.json"
now=$(k --decisions $D "$t/tender.json" | sed -n '/^B2 /,/^B3 /s/.*undecided (key \([0-9a-f]*\)).*/\1/p')
k --since "$t/prev.json" --decisions $D --format json "$t/tender.json" | grep -q "\"new_key\": \"$now\"" &&
    echo "the new key is the one screen prints now"
echo "== 3"
sed '44s/}$/,"source":"teardown report 2026-11"}/' samples/anpr-tender/data.jsonl >"$t/data.jsonl"
k --since "$t/prev.json" --decisions $D "$t/tender.json"
k --since "$t/prev.json" --decisions $D --format json "$t/tender.json" | grep -A13 '"decisions_gone_stale": \['
echo "== 4"
sed '52d' samples/anpr-tender/data.jsonl >"$t/data.jsonl"
k --since "$t/prev.json" --decisions $D "$t/tender.json"
echo "== 5"
sed '33s/"share":40/"share":5/' samples/anpr-tender/data.jsonl >"$t/data.jsonl"
k --since "$t/prev.json" "$t/tender.json"
echo "== 6"
k --since "$t/prev0.json" --decisions $D "$t/tender.json"
echo "== 7"
# an earlier run from before the case file (no keys, no case): no decision can be judged stale
python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
d.pop("decisions", None)
for b in d["bidders"]:
    b.pop("case", None)
    for f in b["findings"] + b["unknown"]:
        for k in ("key", "status", "decision", "measures", "question"):
            f.pop(k, None)
json.dump(d, open(sys.argv[2], "w"))' "$t/prev.json" "$t/old.json"
k --since "$t/old.json" --decisions $D "$t/tender.json"
