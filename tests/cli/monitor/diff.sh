# keten diff on the sample with one relation changed (orchid-holdings' stake in lumen-modules
# 40% -> 60%), one entity renamed and one relation added; files and snapshots alike; exit 1
# only when a watched entity changed.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cd "$ROOT" || exit 9
d=samples/anpr-tender/data.jsonl
cp "$d" "$t/old.jsonl"
sed '33s/"share":40/"share":60/; 26s/Orchid Holdings Pte Ltd/Orchid Holdings Pte. Ltd./' "$d" >"$t/new.jsonl"
echo '{"rel":"controls","from":"polder-traffic","to":"k2-polder","basis":"contract"}' >>"$t/new.jsonl"
cd "$t" || exit 9
k() { $KETEN_RUN "$KETEN_BIN" "$@" >out 2>&1; echo "exit $?"; cat out; }
k diff --quiet old.jsonl new.jsonl
k diff --quiet old.jsonl new.jsonl --watch lumen-modules --watch k2-polder --watch orchid-holdings --watch nope
printf '# watched\nlumen-modules\n\nk1-noordlicht\n' >watch.txt
k diff --quiet old.jsonl new.jsonl --watch-file watch.txt --json
$KETEN_RUN "$KETEN_BIN" index --quiet old.jsonl -o old.ktn >/dev/null
$KETEN_RUN "$KETEN_BIN" index --quiet new.jsonl -o new.ktn >/dev/null
a=$($KETEN_RUN "$KETEN_BIN" diff --quiet old.jsonl new.jsonl --watch lumen-modules --json)
b=$($KETEN_RUN "$KETEN_BIN" diff --quiet old.ktn new.ktn --watch lumen-modules --json)
[ "$a" = "$b" ] && echo "snapshots: the same diff"
k diff --quiet new.ktn new.jsonl --watch lumen-modules
k diff --quiet old.jsonl
