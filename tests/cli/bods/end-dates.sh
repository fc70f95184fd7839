# An interest's endDate is the day it ceased: it held until the day before (hand-made 0.4
# records; day arithmetic across a leap day and a year end).  A holds 60% until 2024-03-01
# (last day 2024-02-29); B holds 40% until 2021-01-01 (last day 2020-12-31).  Table columns:
# ENTITY NAME TYPE DIRECT (the names here are one word).
d=$(mktemp -d) || exit 9
cd "$d" || exit 9
cat > e.jsonl <<'J'
{"statementId":"s1","statementDate":"2019-01-01","recordId":"c","recordType":"entity","recordDetails":{"entityType":{"type":"registeredEntity"},"name":"C"}}
{"statementId":"s2","statementDate":"2019-01-01","recordId":"a","recordType":"entity","recordDetails":{"entityType":{"type":"registeredEntity"},"name":"A"}}
{"statementId":"s3","statementDate":"2019-01-01","recordId":"b","recordType":"entity","recordDetails":{"entityType":{"type":"registeredEntity"},"name":"B"}}
{"statementId":"s4","statementDate":"2019-01-01","recordId":"r1","recordType":"relationship","recordDetails":{"subject":"c","interestedParty":"a","interests":[{"type":"shareholding","share":{"exact":60},"startDate":"2019-01-01","endDate":"2024-03-01"}]}}
{"statementId":"s5","statementDate":"2019-01-01","recordId":"r2","recordType":"relationship","recordDetails":{"subject":"c","interestedParty":"b","interests":[{"type":"shareholding","share":{"exact":40},"startDate":"2019","endDate":"2021-01-01"}]}}
J
for at in 2019-01-01 2020-12-31 2021-01-01 2024-02-29 2024-03-01; do
    printf '%s:' $at
    $KETEN_RUN "$KETEN_BIN" owners --as-of $at bods:c e.jsonl 2>/dev/null | awk '/^bods:[ab] .* company /{printf " %s %s", $1, $4} /^no owner/{printf " none"}'
    echo
done
cd / && rm -rf "$d"
