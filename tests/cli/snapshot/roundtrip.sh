# Every command answers the same from a snapshot as from its sources: stdout, stderr and exit
# status, on the samples and on fixtures with warnings, aliases, dates and many formats.
cd "$ROOT" || exit 9
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
d=samples/anpr-tender/data.jsonl
p=samples/policy.json
"$KETEN_BIN" index --quiet "$d" -o "$t/a.ktn" >/dev/null || echo "index failed"
"$KETEN_BIN" index --quiet samples/diagrams/data.jsonl -o "$t/g.ktn" >/dev/null || echo "index failed"
n=0
same() { # same SNAPSHOT ARGS...: the command with the files, then with SNAPSHOT in their place
    k=$1; shift
    a=$($KETEN_RUN "$KETEN_BIN" "$@" 2>"$t/e1"; echo "exit $?")
    files=$(echo "$@" | sed "s|$d|$k|; s|samples/diagrams/data.jsonl|$k|")
    # shellcheck disable=SC2086
    b=$($KETEN_RUN "$KETEN_BIN" $files 2>"$t/e2"; echo "exit $?")
    [ "$a" = "$b" ] || { echo "stdout differs: keten $*"; echo "$a" >"$t/o1"; echo "$b" >"$t/o2"; diff "$t/o1" "$t/o2" | head -5; }
    cmp -s "$t/e1" "$t/e2" || { echo "stderr differs: keten $*"; diff "$t/e1" "$t/e2" | head -5; }
    [ "$a" != "exit 0" ] || echo "no output: keten $*"
    n=$((n + 1))
}
while read -r args; do
    # shellcheck disable=SC2086
    same "$t/a.ktn" $args
done <<EOF2
check $d
check --json $d
exposure k2-polder $d --policy $p
exposure k2-polder $d --policy $p --json
exposure k1-noordlicht $d --policy $p --csv
exposure k2-polder $d --policy $p --fail-on finding
provenance dm-cam $d --policy $p
provenance dm-cam $d --policy $p --json
critical k3-delta $d
critical k3-delta $d --json
owners lumen-modules $d
owners lumen-modules $d --json
owned state-optics $d
owned state-optics $d --json
paths state-optics lumen-modules $d
paths state-optics lumen-modules $d --json
owners no-such-entity $d
diagram exposure k2-polder $d --policy $p --format dot
diagram ownership lumen-modules $d --format dot
EOF2
while read -r args; do
    # shellcheck disable=SC2086
    same "$t/g.ktn" $args
done <<EOF2
check --json samples/diagrams/data.jsonl
diagram ownership acme samples/diagrams/data.jsonl --format dot
EOF2
# fixtures of the tests, with their warnings, each indexed and asked with check --json
for f in tests/cli/*/*.jsonl; do
    "$KETEN_BIN" index --quiet "$f" -o "$t/f.ktn" >/dev/null 2>&1 || continue
    a=$("$KETEN_BIN" check --json "$f" 2>&1)
    b=$("$KETEN_BIN" check --json "$t/f.ktn" 2>&1)
    [ "$a" = "$b" ] || echo "check differs: $f"
    n=$((n + 1))
done
# a tender whose data is the snapshot screens as the tender with the files
cp samples/anpr-tender/policy.json "$t/policy.json"
sed "s|\"data.jsonl\"|\"s.ktn\"|; s|\"../policy.json\"|\"policy.json\"|" samples/anpr-tender/tender.json >"$t/tender.json"
"$KETEN_BIN" index --quiet "$d" -o "$t/s.ktn" >/dev/null
# the inputs named (the tender's data: files or snapshot; the policy path) differ, nothing else
norm() { sed "s|$1|TENDER|g" | grep -v 'data.jsonl"$\|s.ktn"$\|policy.json'; }
for fmt in text json csv md; do
    a=$("$KETEN_BIN" screen --format $fmt samples/anpr-tender/tender.json 2>&1 | norm samples/anpr-tender/tender.json)
    b=$("$KETEN_BIN" screen --format $fmt "$t/tender.json" 2>&1 | norm "$t/tender.json")
    [ "$a" = "$b" ] || { echo "screen $fmt differs"; echo "$a" >"$t/o1"; echo "$b" >"$t/o2"; diff "$t/o1" "$t/o2" | head -5; }
    n=$((n + 1))
done
# the fixtures grow with other tests: say only that there were enough
[ "$n" -ge 30 ] && echo "30 or more comparisons, none differing" || echo "only $n comparisons"
