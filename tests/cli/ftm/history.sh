# FtM history (tests/data/ftm/zala-entities.ftm.json, OpenSanctions via yente's fixtures).
# Worked by hand from the Ownership records:
#   Alexander ZAKHAROV (NK-aU5...) owned 100% of ООО "ЦСТ" (ru-inn-5920040846) from
#   2013-06-06 to 2019-08-02: an owner on 2019-01-01, none on 2020-01-01 (ended records
#   are kept with their dates, not dropped at load).
#   LLC CST (NK-abdz...): on 2024-06-01 ZAKHAROV 51% (since 2015-11-25) and JSC Kalashnikov
#   Concern (NK-nR5..., the caption; its first name is "JSC NPO IZHMASH") 49% stated twice
#   (one record without a percentage): one holding.  On 2019-01-01 ZAKHAROV's 51%, 50% and 48%
#   records are all in force: one holding of 48-51%, with a warning.
#   The general director Абашкін (NK-mCE...) is a director, not an owner or controller.

cd "$ROOT/tests/data/ftm" || exit 9
f=zala-entities.ftm.json
for d in 2019-01-01 2020-01-01; do
    echo "ЦСТ $d:"
    $KETEN_RUN "$KETEN_BIN" owners --as-of $d ftm:ru-inn-5920040846 $f 2>/dev/null | grep -E "^ftm:[^ ]+ .* (person|company) |^no owner"
done
for d in 2019-01-01 2024-06-01; do
    $KETEN_RUN "$KETEN_BIN" owners --json --as-of $d ftm:NK-abdzbEBkqyT29GyREbiURZ $f 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
print("LLC CST", sys.argv[1] + ":")
for o in d["owners"]:
    print(" ", o["id"], o["name"], o["direct"]["min"], o["direct"]["max"], "controls:", o["controls"])
for r in d["roles"]:
    print("  role:", r["id"], r["relation"], r["role"])' $d
done
$KETEN_RUN "$KETEN_BIN" check --as-of 2019-01-01 $f 2>&1 | grep -c ftm_ownership_restated
