# Ids looked up on the parsing threads while the loading thread adds them (lines.c, resolve; the id
# table shared read-only, graph/intern.c): the model must be the same whatever the number of threads
# and chunk size.  The input comes on stdin, so the id table starts small and grows (is replaced)
# many times while the workers read it; ids of 1-8 bytes (looked up there) and longer ones (not),
# relations before and after the entities they name, entities declared twice, aliases by
# identifier.  Compared: `keten check` and the owners of a company with a chain 400 deep, against
# one thread at the default chunk size; a keten that prints nothing fails (counts below).
cd "$ROOT" || exit 9
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
python3 - >"$t/in.jsonl" <<'PY'
import random
random.seed(7)
n = 6000
ids = ["c%d" % i for i in range(n)]
long_ids = ["company-with-a-long-id-%d" % i for i in range(200)]
print('{"keten":"1"}')
lines = []
for i, c in enumerate(ids + long_ids):
    lines.append('{"id":"%s","type":"company","country":"NL"}' % c)
    if i % 97 == 5:
        lines.append('{"id":"%s","type":"company","name":"again"}' % c)  # declared twice, fills
    if i % 211 == 7:
        lines.append('{"id":"%s","type":"company","identifiers":{"lei":"L%d"}}' % (c, i % 5))  # aliases
for i in range(400):  # a chain: c0 owned by c1 owned by c2 ...
    lines.append('{"rel":"owns","from":"c%d","to":"c%d","share":%d}' % (i + 1, i, 30 + i % 60))
allids = ids + long_ids
for k in range(20000):
    a, b = random.choice(allids), random.choice(allids)
    lines.append('{"rel":"%s","from":"%s","to":"%s"}' % (random.choice(["supplies", "subcontracts"]), a, b))
random.shuffle(lines)  # relations before and after their entities
print("\n".join(lines))
PY
run() { # threads chunk command... -> stdout, stderr, status in one file
    n=$1 c=$2
    shift 2
    KETEN_LOAD_CHUNK=$c $KETEN_RUN "$KETEN_BIN" --threads "$n" "$@" <"$t/in.jsonl" >"$t/out" 2>&1
    echo "exit $?" >>"$t/out"
}
same=0 differ=0
for cmd in "check -" "owners c0 -"; do
    # shellcheck disable=SC2086
    run 1 "" $cmd
    mv "$t/out" "$t/ref"
    for nc in 2: 2:512 3:4096 4:97 7:2048; do
        # shellcheck disable=SC2086
        run "${nc%%:*}" "${nc#*:}" $cmd
        if cmp -s "$t/out" "$t/ref"; then same=$((same + 1)); else differ=$((differ + 1)); echo "differs: $cmd, ${nc}"; fi
    done
    [ "$cmd" = "check -" ] && grep -E '^(entities|relations):' "$t/ref"
    [ "$cmd" = "owners c0 -" ] && grep -c ' c[0-9]* ' "$t/ref" | sed 's/^/owner lines: /'
done
echo "$same runs the same as one thread, $differ differ"
