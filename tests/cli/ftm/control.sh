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
    $KETEN_RUN "$KETEN_BIN" owners --as-of $at ftm:b c.ftm.json 2>&1 | grep -E "^ftm:[^ ]+ +(person|company)|^roles|^  ftm"
done
$KETEN_RUN "$KETEN_BIN" owners --as-of 2024-06-01 ftm:a c.ftm.json 2>&1 | grep -E "^no owner|^  ftm"
cd / && rm -rf "$d"
