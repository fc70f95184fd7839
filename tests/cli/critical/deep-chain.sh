# A chain of parts 69 deep (i0 contains i1 contains ... i69; line 70 + k is i(k-1) contains ik):
# every part is required, at depth k.  A path shows its last KT_CRIT_PATH_MAX = 64 hops: i63
# (64 hops) whole; i64 from i1 with 1 hop elided; i69 from i6 with 6 elided (text: the start,
# then "(5 more)" between it and i6).  The paths are read off the reach tree when printed.
d=$(mktemp -d) || exit 9
trap 'rm -rf "$d"' EXIT
cd "$ROOT/tests/cli/critical" && $KETEN_RUN "$KETEN_BIN" critical i0 deep-chain.jsonl --quiet >"$d/deep.txt" &&
    grep -E '^(reached|single)' "$d/deep.txt" &&
    grep -A1 -E '^  i(63|64|69):' "$d/deep.txt" | sed -E 's/(-contains-> i[0-9]+ )+/.../'
$KETEN_RUN "$KETEN_BIN" critical i0 deep-chain.jsonl --quiet --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = {x["id"]: x for x in d["critical"]}
assert [x["id"] for x in d["critical"]] == ["i%d" % k for k in range(1, 70)]
for k, elided, first in ((63, None, 0), (64, 1, 1), (69, 6, 6)):
    p = c["i%d" % k]["path"]
    if elided:
        assert p[0] == {"elided": elided}, p[0]
        p = p[1:]
    assert [h["id"] for h in p] == ["i%d" % j for j in range(first, k + 1)], (k, p)
    assert [h["source"] for h in p[1:]] == ["deep-chain.jsonl:%d" % (70 + j) for j in range(first + 1, k + 1)]
    assert c["i%d" % k]["source"] == "deep-chain.jsonl:%d" % (70 + k) and c["i%d" % k]["depth"] == k
print("ok")'
