# A load large enough for every helper thread at once: from 512k reserved relations (a file of
# 24 MiB or more) the id table and relation arrays are faulted in ahead on a helper thread
# (graph/prefault.c), while the workers parse, read and look up ids in the shared id table
# (loaders/lines.c) and the loading thread adds.  `make tsan` runs this under ThreadSanitizer.
# The same input from the file on 1 and 2 threads and from stdin on 3 threads (the id table then
# starts small and is replaced while the workers read it) must give the same output; the counts
# make a keten that prints nothing fail.
cd "$ROOT" || exit 9
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
python3 - >"$t/big.jsonl" <<'PY'
import random
random.seed(11)
out = ['{"keten":"1"}']
n = 120000
for i in range(n):
    out.append('{"id": "c%d", "type": "company", "name": "Company %d B.V.", "country": "%s"}' % (i, i, "NL" if i % 5 else "DE"))
for k in range(560000):
    a, b = random.randrange(n), random.randrange(n)
    if k % 3 == 0:
        out.append('{"rel": "owns", "from": "c%d", "to": "c%d", "share": %d.%02d}' % (a, b, random.randrange(1, 9), random.randrange(100)))
    else:
        out.append('{"rel": "supplies", "from": "c%d", "to": "c%d", "source": "register-%d"}' % (a, b, k % 97))
print("\n".join(out))
PY
run() { # label threads command... (input file last, or - for stdin)
    label=$1 n=$2
    shift 2
    if [ "$label" = stdin ]; then
        $KETEN_RUN "$KETEN_BIN" --threads "$n" "$@" - <"$t/big.jsonl" >"$t/$label.out" 2>&1
    else
        $KETEN_RUN "$KETEN_BIN" --threads "$n" "$@" "$t/big.jsonl" >"$t/$label.out" 2>&1
    fi
    echo "exit $?" >>"$t/$label.out"
    sed -i "s|$t/big.jsonl|INPUT|g; s|<stdin>|INPUT|g" "$t/$label.out"
}
[ "$(wc -c <"$t/big.jsonl")" -gt $((24 << 20)) ] || echo "the input is too small for the helper thread"
run one 1 check
run two 2 check
run stdin 3 check
grep -E '^(entities|relations):' "$t/one.out"
cmp -s "$t/one.out" "$t/two.out" && echo "2 threads: the same as 1"
cmp -s "$t/one.out" "$t/stdin.out" && echo "3 threads from stdin: the same as 1"
