# A snapshot answers for every date on which the relations it holds are the ones in force, and
# refuses other dates; it says when its sources changed (an error with --strict).
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cd "$t" || exit 9
cat > x.jsonl <<'J'
{"id":"a","type":"company","country":"NL"}
{"id":"b","type":"company","country":"NL"}
{"rel":"owns","from":"a","to":"b","share":60,"until":"2020-12-31"}
{"rel":"controls","from":"a","to":"b","since":"2019"}
J
k() { $KETEN_RUN "$KETEN_BIN" "$@" >out 2>&1; echo "exit $?"; cat out; }
k index --as-of 2021-01-01 x.jsonl -o d21.ktn
k check --as-of 2021-01-01 d21.ktn
a=$("$KETEN_BIN" owners b x.jsonl --as-of 2021-01-01 --json 2>&1)
b=$("$KETEN_BIN" owners b d21.ktn --as-of 2021-01-01 --json 2>&1)
[ "$a" = "$b" ] && echo "owners as of 2021-01-01: same from the snapshot"
k owners b d21.ktn
k owners b d21.ktn --as-of 2020-06-30
k index --as-of 2022-01-01 x.jsonl -o d22.ktn
k owners b d22.ktn --as-of 2020-06-30
# indexed on one day, asked on another with the same relations in force: the same answer
a=$("$KETEN_BIN" owners b x.jsonl --as-of 2025-05-05 --json 2>&1)
b=$("$KETEN_BIN" owners b d22.ktn --as-of 2025-05-05 --json 2>&1)
[ "$a" = "$b" ] && echo "owners as of 2025-05-05: same from a snapshot indexed as of 2022-01-01"
a=$("$KETEN_BIN" owners b x.jsonl --json 2>&1)
b=$("$KETEN_BIN" owners b d21.ktn --json 2>&1)
[ "$a" = "$b" ] && echo "owners today: same from a snapshot indexed as of 2021-01-01"
# the source changes: other bytes of the same size (a new time); the same bytes touched again;
# another size; gone.  Size and time unchanged count as unchanged (as make and rsync judge).
touch -d '2020-01-01' x.jsonl
k index x.jsonl -o d.ktn
sed -i 's/"share":60/"share":70/' x.jsonl
touch -d '2021-01-01' x.jsonl
k owners b d.ktn
sed -i 's/"share":70/"share":60/' x.jsonl
touch -d '2022-01-01' x.jsonl
k owners b d.ktn
echo '{"id":"c","type":"company"}' >>x.jsonl
k --strict owners b d.ktn
rm x.jsonl
k owners b d.ktn --json
k check d.ktn --quiet --strict
