# --threads N: stdout, stderr, the exit status and the snapshot `keten index` writes are byte-identical
# whatever N, with the input cut into tiny chunks (KETEN_LOAD_CHUNK) so that records, duplicates,
# conflicts, errors and limits fall on every side of a chunk boundary.  Every run is compared with
# a serial run at the default chunk size.  The samples must load (exit 0, relations counted) and
# the hostile inputs must fail, so a keten that prints nothing cannot pass.
cd "$ROOT" || exit 9
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
g=$t/gen
mkdir "$g"

# generated inputs
e='{"id":"a","type":"company","name":"A"}'
r='{"rel":"owns","from":"a","to":"b","share":60}'
printf '%s\r\n{"id":"b","type":"company"}\r\n%s\r\n' "$e" "$r" >"$g/crlf.jsonl"
printf '\357\273\277%s\n{"id":"b","type":"company"}\n%s\n' "$e" "$r" >"$g/bom.jsonl"
printf '\n\n%s\n  \n\t\n{"id":"b","type":"company"}\n\n%s' "$e" "$r" >"$g/blank-nonl.jsonl"
printf '%s\r{"id":"b","type":"company"}\r%s\r' "$e" "$r" >"$g/cr-only.jsonl"
long=$(printf '%0300d' 0 | tr 0 x)
printf '%s\n{"id":"b","type":"company","name":"%s"}\n%s\n' "$e" "$long" "$r" >"$g/long-line.jsonl"
{
    echo '{"keten":"1"}'
    i=0
    while [ $i -lt 60 ]; do
        echo "{\"id\":\"c$i\",\"type\":\"company\",\"country\":\"NL\"}"
        echo "{\"rel\":\"owns\",\"from\":\"c$i\",\"to\":\"c$((i + 1))\",\"share\":$((i % 7 * 10 + 5))}"
        [ $((i % 9)) = 4 ] && echo "{\"id\":\"c$((i - 3))\",\"type\":\"company\",\"country\":\"DE\"}"  # conflict
        [ $((i % 11)) = 2 ] && echo "{\"id\":\"c$((i - 1))\",\"type\":\"company\",\"name\":\"late\"}"  # duplicate, fills
        [ $((i % 8)) = 3 ] && echo '{"rel":"owns","from":"x","to":'                                      # malformed
        [ $((i % 10)) = 6 ] && echo "{\"rel\":\"owns\",\"from\":\"c$i\",\"to\":\"c0\",\"share\":\"half\"}"  # type
        [ $((i % 13)) = 5 ] && echo "{\"rel\":\"owns\",\"from\":\"c$i\",\"from\":\"c1\",\"to\":\"c2\"}"    # dup key
        [ $((i % 12)) = 7 ] && printf '{"id":"u%s","type":"company","name":"\377"}\n' "$i"               # UTF-8
        [ $((i % 14)) = 9 ] && echo '{"mark":"sanction","entity":"c3","authority":"X"}'
        [ $((i % 15)) = 1 ] && echo '{"keten":"2"}'
        i=$((i + 1))
    done
    printf '%s' '{"rel":"supplies","from":"c5","to":"c6"}'
} >"$g/mixed.jsonl"
i=0
while [ $i -lt 1200 ]; do echo "{\"rel\":\"owns\",\"from\":\"m$i\",\"to\":\"q\",\"share\":\"x\"}"; i=$((i + 1)); done >"$g/flood.jsonl"
# FtM JSON Lines: entities, an ownership before its owner, a duplicate key, a malformed line, a skipped schema
{
    i=0
    while [ $i -lt 30 ]; do
        echo "{\"id\":\"o$((i + 1))\",\"schema\":\"Ownership\",\"properties\":{\"owner\":[\"e$((i + 1))\"],\"asset\":[\"e$i\"],\"percentage\":[\"$((i * 3))\"]}}"
        echo "{\"id\":\"e$i\",\"schema\":\"Company\",\"properties\":{\"name\":[\"E $i\"],\"jurisdiction\":[\"nl\"]}}"
        [ $((i % 7)) = 3 ] && echo "{\"id\":\"x$i\",\"schema\":\"Company\",\"schema\":\"Person\",\"properties\":{}}"
        [ $((i % 9)) = 5 ] && echo '{"id":"bad","schema":'
        [ $((i % 5)) = 1 ] && echo "{\"id\":\"n$i\",\"schema\":\"Note\",\"properties\":{}}"
        i=$((i + 1))
    done
} >"$g/ftm.ftm.json"

# name|args (the input last); hostile inputs from tests/invalid, with their args
list=$t/list
{
    # the samples and the line-based fixtures (native and FtM JSON Lines are parsed on threads;
    # the CSV ones load serially and must not change either)
    for f in samples/anpr-tender/data.jsonl samples/diagrams/data.jsonl tests/data/ftm/* tests/data/gleif/*.csv \
        tests/cli/loaders/*.ftm.json tests/cli/loaders/mix.jsonl; do echo "$f|check $f"; done
    for f in "$g"/*.jsonl "$g"/*.ftm.json; do echo "$f|check $f"; done
    echo "limit-records|--limit records=37 check $g/mixed.jsonl"
    echo "limit-line|--limit line=200 check $g/long-line.jsonl"
    for d in tests/invalid/*/*/; do
        a=$(cat "$d/args" 2>/dev/null)
        echo "$d|check $a ${d}input"
    done
} >"$list"

run() { # threads chunk args... -> $t/out, $t/err, $t/rc
    n=$1 c=$2
    shift 2
    # shellcheck disable=SC2086
    KETEN_LOAD_CHUNK=$c $KETEN_RUN "$KETEN_BIN" --threads "$n" "$@" >"$t/out" 2>"$t/err"
    echo $? >"$t/rc"
}
inputs=0 fails=0 loaded=0
while IFS='|' read -r name args; do
    # shellcheck disable=SC2086
    run 1 "" $args
    cat "$t/out" "$t/err" "$t/rc" >"$t/ref"
    grep -q '^relations: [1-9]' "$t/out" && loaded=$((loaded + 1))
    [ "$(cat "$t/rc")" = 2 ] && fails=$((fails + 1))
    for nc in 1:1 2:1 3:1 4:1 7:1 2:13 7:13 2:97 3:4096; do
        # shellcheck disable=SC2086
        run "${nc%%:*}" "${nc#*:}" $args
        cat "$t/out" "$t/err" "$t/rc" | cmp -s - "$t/ref" || echo "differs: --threads ${nc%%:*} chunk ${nc#*:}: $name"
    done
    inputs=$((inputs + 1))
done <"$list"
echo "$inputs inputs, $loaded loaded, $fails rejected with exit 2"

# keten index: the snapshot file is byte-identical too (its header holds the sources' size, time and
# hash and the day of indexing: the same in every run here)
for nc in 1: 2:1 7:13; do
    KETEN_LOAD_CHUNK=${nc#*:} $KETEN_RUN "$KETEN_BIN" --threads "${nc%%:*}" index samples/anpr-tender/data.jsonl "$g/crlf.jsonl" \
        -o "$t/s${nc%%:*}.ktn" >/dev/null 2>&1
done
[ -s "$t/s1.ktn" ] || echo "index wrote nothing"
cmp -s "$t/s1.ktn" "$t/s2.ktn" && cmp -s "$t/s1.ktn" "$t/s7.ktn" && echo "index: snapshots byte-identical"
