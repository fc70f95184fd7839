# A finding's interest is the marked party's integrated capital interest in the company where the
# path's trailing run of ownership steps starts: on synthetic data with cross-holdings
# (bench/gen.py, 20,000 relations, 300 bidders), every interest `keten screen` prints equals the
# `integrated` interest `keten owners` prints for that party in that company, to the last digit.
# The counts printed make a run that compares nothing, or too little, fail.
t=$(mktemp -d) && trap 'rm -rf "$t"' EXIT
cd "$ROOT" && python3 bench/gen.py --relations 20000 --out "$t/d.jsonl" --tender "$t/t.json" --bidders 300 >/dev/null 2>&1 &&
$KETEN_RUN "$KETEN_BIN" screen --quiet --allow-outside --format json --policy samples/policy.json "$t/t.json" >"$t/s.json" &&
python3 - "$t" "$KETEN_BIN" <<'PY'
import json, subprocess, sys
t, keten = sys.argv[1], sys.argv[2]
d = json.load(open(t + "/s.json"))
want = {}  # run start -> {party: interest}
for b in d["bidders"]:
    for f in b["findings"]:
        p = f["path"]
        k = len(p) - 1
        while k > 0 and p[k]["rel"] == "owns":
            k -= 1
        if k == len(p) - 1:
            assert f["interest"] is None, f
            continue
        want.setdefault(p[k]["id"], {})[f["node"]] = f["interest"]
checked = differ = 0
for start in sorted(want)[:60]:
    o = json.loads(subprocess.run([keten, "owners", "--json", start, t + "/d.jsonl"], capture_output=True,
                                  check=True).stdout)
    got = {x["id"]: x["integrated"] for x in o["owners"]}
    for node, iv in sorted(want[start].items()):
        checked += 1
        if got.get(node) != iv:
            differ += 1
            print("differ:", start, node, iv, got.get(node))
print("interests checked:", "at least 60" if checked >= 60 else "too few", "differ:", differ)
PY
