# A tender from outside may name any path: only regular files inside the tender's folder tree
# are read (symlinks resolved), unless --allow-outside.  Each case names the tender's line and
# stops before reading anything; the good tender beside them screens, and the sample tender's
# copy of the policy is the same as samples/policy.json.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/in/sub" "$t/out"
cp "$ROOT/samples/anpr-tender/data.jsonl" "$t/in/sub/data.jsonl"
cp "$ROOT/samples/policy.json" "$t/in/policy.json"
cp "$ROOT/samples/policy.json" "$t/out/policy.json"
ln -s ../out/policy.json "$t/in/link.json"
mkfifo "$t/in/pipe.json"
tender() { # NAME DATA POLICY
    printf '{"keten_tender": "1", "id": "T", "regime": "adv",\n "data": ["%s"],\n "policy": "%s",\n "bidders": [{"id": "B1", "consortium": "k1-noordlicht"}]}\n' "$2" "$3" >"$t/in/$1.json"
}
tender good sub/data.jsonl policy.json
tender absolute /etc/shadow policy.json
tender dotdot sub/../../out/policy.json policy.json
tender symlink sub/data.jsonl link.json
tender fifo sub/data.jsonl pipe.json
tender device /dev/zero policy.json
cd "$t/in" || exit 9
for n in good absolute dotdot symlink fifo device; do
    timeout 20 $KETEN_RUN "$KETEN_BIN" screen --quiet --format jsonl $n.json >out.txt 2>err.txt
    echo "$n: exit $?, $(wc -l <out.txt) bidder lines"
    sed 's/^/  /' err.txt
done
timeout 20 $KETEN_RUN "$KETEN_BIN" screen --quiet --format jsonl --allow-outside symlink.json >out.txt
echo "symlink --allow-outside: exit $?, $(wc -l <out.txt) bidder lines"
cmp -s "$ROOT/samples/policy.json" "$ROOT/samples/anpr-tender/policy.json" && echo "the sample tender's policy.json is samples/policy.json"
