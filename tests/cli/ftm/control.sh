# The FtM Control schema (controller -> controlled, controlType) is control without
# ownership.  No public FtM file with a Control record was found, so these records are
# written here after the schema (opensanctions/followthemoney, followthemoney/schema/
# Control.yaml): appointment -> basis board, contractual -> contract, others -> other; an
# ended one keeps its dates.  Also a Directorship, which is not control.
d=$(mktemp -d) || exit 9
cd "$d" || exit 9
cat > c.ftm.json <<'J'
{"id":"a","schema":"Company","caption":"Alpha","properties":{"name":["Alpha"],"jurisdiction":["nl"]}}
{"id":"b","schema":"Company","caption":"Beta","properties":{"name":["Beta"],"jurisdiction":["de"]}}
{"id":"p","schema":"Person","caption":"Pat","properties":{"name":["Pat"]}}
{"id":"c1","schema":"Control","properties":{"controller":["a"],"controlled":["b"],"controlType":["appointment"],"startDate":["2020-01-01"]}}
{"id":"c2","schema":"Control","properties":{"controller":["p"],"controlled":["b"],"controlType":["contractual"],"startDate":["2015"],"endDate":["2019"]}}
{"id":"d1","schema":"Directorship","properties":{"director":["p"],"organization":["a"],"role":["Chair"]}}
J
for at in 2018-06-01 2024-06-01; do
    echo "as of $at:"
    $KETEN_RUN "$KETEN_BIN" check --as-of $at c.ftm.json 2>&1 | grep -E "^relations|^  (controls|director_of)|error"
    $KETEN_RUN "$KETEN_BIN" owners --as-of $at ftm:b c.ftm.json 2>&1 | grep -E "^ftm:[^ ]+ .* (person|company) |^roles|^  ftm"
done
$KETEN_RUN "$KETEN_BIN" owners --as-of 2024-06-01 ftm:a c.ftm.json 2>&1 | grep -E "^no owner|^  ftm"
# exposure of Alpha: the director Pat is not reached unless the policy says directors control
printf '{"keten_policy":"1","C1":[],"C2":[],"gpa":[],"eu":[]}' > plain.json
printf '{"keten_policy":"1","C1":[],"C2":[],"gpa":[],"eu":[],"directors_control":true}' > dc.json
for pol in plain dc; do
    echo "policy $pol:"
    $KETEN_RUN "$KETEN_BIN" exposure --json --as-of 2024-06-01 ftm:a c.ftm.json --policy $pol.json 2>/dev/null |
        python3 -c 'import json,sys; d=json.load(sys.stdin); print(" reached", d["summary"]["reached"], "unknown", sorted((u["node"], u["path"][-1]["rel"] if u["path"] else None) for u in d["unknown"]))'
done
printf '{"keten_policy":"1","C1":[],"C2":[],"gpa":[],"eu":[],\n"directors_control":"yes"}' > bad.json
$KETEN_RUN "$KETEN_BIN" exposure ftm:a c.ftm.json --policy bad.json 2>&1
echo "exit $?"
cd / && rm -rf "$d"
