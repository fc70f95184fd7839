# Issue 12, case 5, small enough for the test suite: a 300-company cycle (above the 200 that
# are solved by elimination: Gauss-Seidel), c_i holding 60% of c_i+1 and c299 60% of c0.
# Walk sums in c0: c299 = 60% / (1 - 0.6^300) = 60% (0.6^300 < 1e-66), c298 = 36%, c297 =
# 21.6%, c1 = 60% x 0.6^298 ~ 0.  Every one controls the next (60 > 50): all 299 control c0
# and form one control cycle with it: all are ultimate controllers.  Closed at 100% each the
# walk sum diverges: every owner's interest is infinite (null), "over 100%" in the table.
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT && for share in 60 100; do python3 - "$tmp/r$share.jsonl" $share <<'PY'
import sys
n, share = 300, int(sys.argv[2])
with open(sys.argv[1], "w") as f:
    f.write('{"keten":"1"}\n')
    for i in range(n):
        f.write('{"id":"c%d","type":"company"}\n' % i)
    for i in range(n):
        f.write('{"rel":"owns","from":"c%d","to":"c%d","share":%d}\n' % (i, (i + 1) % n, share))
PY
done && $KETEN_RUN "$KETEN_BIN" owners --json c0 "$tmp/r60.jsonl" | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owners"]}
assert o["c299"]["integrated"] == {"min": 60, "max": 60} and o["c298"]["integrated"]["min"] == 36
assert o["c297"]["integrated"]["min"] == 21.6 and o["c1"]["integrated"]["min"] == 0
assert all(x["control"] == "yes" and x["cycle"] == "with_target" for x in d["owners"])
assert len(d["ultimate_controllers"]) == 299
print("ok")' && $KETEN_RUN "$KETEN_BIN" owners --json c0 "$tmp/r100.jsonl" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert all(x["integrated"] == {"min": None, "max": None} for x in d["owners"]), d["owners"][0]
print("ok")' && $KETEN_RUN "$KETEN_BIN" owners c0 "$tmp/r100.jsonl" | grep "^c299 "
