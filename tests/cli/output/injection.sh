# Names and ids from the data that try to drive a terminal (ESC, CR), forge a line
# ("data.jsonl:1: error"), or inject Markdown, HTML and links.  In every output the control
# characters come out as visible text (\x1b, \n), the Markdown escaped, the SVG well-formed,
# the CSV one record per row, the JSON parseable with the names intact.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cp "$ROOT/samples/policy.json" "$t/policy.json"
python3 - "$t" <<'PY' || exit 9
import json, sys
d = sys.argv[1]
evil = "evil\x1b[2J\rdata.jsonl:1: error [x]\n# Heading <img src=x onerror=alert(1)> [l](http://x) `c` *b* \x9b\x07"
rows = [{"keten": "1"},
        {"id": "k-evil", "type": "consortium", "name": "K " + evil},
        {"id": "m\x1bx", "type": "company", "name": evil, "country": "CN", "complete": True},
        {"rel": "member_of", "from": "m\x1bx", "to": "k-evil", "role": "lead"}]
open(d + "/data.jsonl", "w").write("".join(json.dumps(r) + "\n" for r in rows))
tender = {"keten_tender": "1", "id": "T\x1b1", "title": "Title " + evil, "authority": "A\nB", "regime": "adv",
          "access": ["sensitive_ict"], "mitigation": "insufficient", "data": ["data.jsonl"], "policy": "policy.json",
          "bidders": [{"id": "B\x1b1", "name": "Bidder " + evil, "consortium": "k-evil"}]}
open(d + "/tender.json", "w").write(json.dumps(tender))
PY
cd "$t" || exit 9
# raw control bytes (other than the line ends of the format: LF, and CRLF in CSV) in a file
raw() { sed 's/\r$//' "$1" | LC_ALL=C tr -d '\n' | LC_ALL=C grep -c "$(printf '[\001-\037\177]')"; }
k() { $KETEN_RUN "$KETEN_BIN" "$@"; }
k screen --quiet tender.json >table.txt || echo "table: exit $?"
echo "table: $(raw table.txt) raw control bytes, $(wc -l <table.txt) lines, forged lines: $(grep -c '^data.jsonl:1' table.txt)"
grep -F 'finding: m\x1bx' table.txt | cut -c1-60
k screen --quiet --format md tender.json >report.md || echo "md: exit $?"
echo "md: $(raw report.md) raw control bytes, <img unescaped: $(grep -c '[^\\]<img' report.md), headings: $(grep -c '^#' report.md)"
grep -F -- '- Finding:' report.md
grep -F -- '- path:' report.md
k screen --quiet --format csv tender.json >report.csv || echo "csv: exit $?"
echo "csv: $(raw report.csv) raw control bytes, $(wc -l <report.csv) lines"
k screen --quiet --format json tender.json | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("json: bidder id", repr(d["bidders"][0]["id"]), "finding", repr(d["bidders"][0]["findings"][0]["node"]))' || echo "json: exit $?"
k diagram ownership "$(printf 'm\033x')" data.jsonl --quiet -o m.svg || echo "svg: exit $?"
xmllint --noout m.svg && echo "svg: well-formed, $(raw m.svg) raw control bytes"
grep -o '<title>m[^<]*</title>' m.svg
k owners "$(printf 'nobody\033[2J\nx.jsonl:9: error')" data.jsonl 2>err.txt
echo "owners: exit $?, stderr $(raw err.txt) raw control bytes, $(wc -l <err.txt) line"
cat err.txt
# the other commands' tables and CSV: exposure, provenance, critical, owners, owned, paths, find
printf '{"id": "p\\u001bx", "type": "product", "name": "cam \\u001b[2J\\r\\n# x"}\n{"rel": "offers", "from": "m\\u001bx", "to": "p\\u001bx"}\n{"rel": "made_by", "from": "p\\u001bx", "to": "m\\u001bx"}\n' >>data.jsonl
for c in "exposure k-evil --policy policy.json" "exposure k-evil --policy policy.json --csv" \
         "provenance p$(printf '\033')x --policy policy.json" "critical k-evil" \
         "owned m$(printf '\033')x" "find evil"; do
    # shellcheck disable=SC2086
    k $c data.jsonl >cmd.txt 2>cmd.err
    rc=$?
    echo "${c%% *}$(case $c in *--csv*) echo ' csv';; esac): exit $rc, $(raw cmd.txt) raw control bytes out, $(raw cmd.err) err, $(wc -l <cmd.txt) lines, forged lines: $(grep -c '^data.jsonl:1' cmd.txt)"
done
