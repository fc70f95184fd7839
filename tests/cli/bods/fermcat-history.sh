# BODS 0.4 history (data-standard examples/fermcat.json, tests/data/README.md).  Worked by hand
# from the statements: Riyadh Byrne-Amin (per-5faa...) and Patrick O'Donohue (per-41c0...) hold
# 50% each from 2019-09-11; Riyadh's interest ended 2021-04-03 (stated in the closing
# statement of 2021-09-11, so it applies to the earlier statements too) and Declan
# Byrne-Amin (per-e334...) holds 50% from 2021-04-03; Declan's record closes 2022-01-21
# and the statement of that date gives Patrick 100%.  Board membership is a role, never
# control.  Without --as-of: the state today.
cd "$ROOT/tests/data/bods" || exit 9
for d in 2020-12-31 2021-04-02 2021-04-03 2021-12-01 2022-01-21 ""; do
    $KETEN_RUN "$KETEN_BIN" owners --json ${d:+--as-of "$d"} bods:ent-93c75c87ab28f889 fermcat.json 2>/dev/null |
        python3 -c '
import json, sys
d = json.load(sys.stdin)
own = sorted((o["id"][5:13], o["direct"]["min"], o["direct"]["max"]) for o in d["owners"])
roles = sorted((r["id"][5:13], r["relation"], r["role"]) for r in d["roles"])
print(sys.argv[1] or "today", own, "roles:", roles, "declared BO:", sorted(x["id"][5:13] for x in d["declared_beneficial_owners"]))' "$d"
done
