# The model checks run in parts on every thread (graph/build.c) from 65,536 relations on: what
# `keten check` reports (every line, the caps of 1,000 per code, the counts, the exit status) is
# the same on 1, 2 and 3 threads.  Two generated files of 70,000 relations with problems spread
# over every part: one with undeclared endpoints (the checks before the graph is made), one with
# ownership over 100%, self-owners, isolated entities, items without origin and contains cycles
# (the checks after).
cd "$ROOT" || exit 9
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
awk 'BEGIN {
    for (i = 0; i < 70000; i++) {
        printf "{\"id\":\"c%d\",\"type\":\"company\",\"country\":\"NL\"}\n", i
        to = (i % 997 == 3) ? "ghost" i : "c" (i + 1) % 70000
        printf "{\"rel\":\"owns\",\"from\":\"c%d\",\"to\":\"%s\",\"share\":10}\n", i, to
    }
}' >"$t/ends.jsonl"
awk 'BEGIN {
    for (i = 0; i < 35000; i++) {
        printf "{\"id\":\"c%d\",\"type\":\"company\",\"country\":\"NL\"}\n", i
        printf "{\"id\":\"p%d\",\"type\":\"product\"}\n", i
        if (i % 5 == 0) printf "{\"id\":\"lone%d\",\"type\":\"company\"}\n", i
        printf "{\"rel\":\"owns\",\"from\":\"c%d\",\"to\":\"c%d\",\"share\":%d}\n", i, (i + 1) % 35000, (i % 4999 == 7) ? 70 : 40
        printf "{\"rel\":\"owns\",\"from\":\"c%d\",\"to\":\"c%d\",\"share\":%d}\n", (i + 2) % 35000, (i + 1) % 35000, (i % 4999 == 7) ? 50 : 30
        if (i % 3001 == 11) printf "{\"rel\":\"owns\",\"from\":\"c%d\",\"to\":\"c%d\",\"share\":1}\n", i, i
        printf "{\"rel\":\"contains\",\"from\":\"p%d\",\"to\":\"p%d\"}\n", i, (i % 7000 == 5) ? i - 1 : (i + 1) % 35000 == 0 ? 0 : i + 1
    }
}' >"$t/model.jsonl"
for f in ends model; do
    for n in 1 2 3; do
        "$KETEN_BIN" --threads $n check "$t/$f.jsonl" >"$t/$f.$n.out" 2>"$t/$f.$n.err"
        echo "exit $?" >>"$t/$f.$n.out"
        "$KETEN_BIN" --threads $n check --json "$t/$f.jsonl" >"$t/$f.$n.json" 2>/dev/null
    done
    for n in 2 3; do
        cmp -s "$t/$f.1.out" "$t/$f.$n.out" || { echo "$f: stdout differs on $n threads"; diff "$t/$f.1.out" "$t/$f.$n.out" | head -5; }
        cmp -s "$t/$f.1.err" "$t/$f.$n.err" || echo "$f: stderr differs on $n threads"
        cmp -s "$t/$f.1.json" "$t/$f.$n.json" || echo "$f: --json differs on $n threads"
    done
    # what was found, so that a keten printing nothing cannot pass
    echo "$f: $(tail -1 "$t/$f.1.out")"
    cat "$t/$f.1.out" "$t/$f.1.err" | grep -o '\[[a-z_0-9]*\]$' | sort | uniq -c | sed "s/^ */$f: listed /"
    # which were listed: the first 1,000 of a code in file order, as a serial run lists them
    for c in $(cat "$t/$f.1.out" "$t/$f.1.err" | grep -o '\[[a-z_0-9]*\]$' | sort -u | tr -d '[]'); do
        echo "$f: $c lines $(cat "$t/$f.1.out" "$t/$f.1.err" | grep "\[$c\]\$" | cut -d: -f2 | sort -n | sed -n '1p;$p' | tr '\n' ' ')"
    done
done
