# Issue 12, case 4: a lattice of 18 diamonds v0 -> {dKl, dKr} -> v(K+1), v_K holding 100% of
# both, each holding 50% of the next: 2^18 = 262,144 paths from v0 to v18, every one with the
# product 0.5^18 = 0.000381469726...%.  The 100 strongest come out (the list says it was cut),
# ordered by the tie-break: compared from v18 backwards, the owner whose id sorts first: the
# first path takes every "l", the second differs only at the first diamond (d0r), the third
# only at the second (d1r).  v0 controls v18 (100% of the votes through what it controls).
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT && python3 - "$tmp/l.jsonl" <<'PY' &&
import json, sys
out = [json.dumps({"keten": "1"})]
out += [json.dumps({"id": "v%d" % k, "type": "company"}) for k in range(19)]
out += [json.dumps({"id": "d%d%s" % (k, s), "type": "company"}) for k in range(18) for s in "lr"]
for k in range(18):
    for side in "lr":
        out.append(json.dumps({"rel": "owns", "from": "v%d" % k, "to": "d%d%s" % (k, side), "share": 100}))
        out.append(json.dumps({"rel": "owns", "from": "d%d%s" % (k, side), "to": "v%d" % (k + 1), "share": 50}))
open(sys.argv[1], "w").write("\n".join(out) + "\n")
PY
$KETEN_RUN "$KETEN_BIN" paths --json v0 v18 "$tmp/l.jsonl" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
p = d["paths"]
assert len(p) == 100 and d["cut"]["max_paths"] is True and d["complete"] is False, d["cut"]
assert all(x["product"] == {"min": 0.000381470, "max": 0.000381470} and len(x["path"]) == 37 for x in p)
assert p[0]["path"] == ["v0"] + sum([["d%dl" % k, "v%d" % (k + 1)] for k in range(18)], [])
assert p[1]["path"][1] == "d0r" and p[1]["path"][3:] == p[0]["path"][3:]
assert p[2]["path"][3] == "d1r" and p[2]["path"][1] == "d0l"
assert len({tuple(x["path"]) for x in p}) == 100
print("ok")' && $KETEN_RUN "$KETEN_BIN" owners --json v18 "$tmp/l.jsonl" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
o = {x["id"]: x for x in d["owners"]}
assert o["v0"]["integrated"] == {"min": 100, "max": 100} and o["v0"]["control"] == "yes"
print("ok")'
