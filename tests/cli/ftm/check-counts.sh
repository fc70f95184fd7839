# keten check on public FtM files loads without error and counts what it read and what it
# did not, per schema (tests/data/README.md, ../shared/data/README.md):
#   yente-t1-entities.ftm.json: 2 Organization + 4 Person, 1 Address (not read); 6 topic
#     sanction marks; no relations.
#   yente-donations.ijson: 18 Organization + 22 Person + 56 Company = 96 entities; 89 Address
#     and 290 Payment records not read.
#   zala-entities.ftm.json (as of 2024-06-01): 17 entities; 14 Ownership (3 relations in force
#     after one restated pair is read as one holding, 10 left out by date), 3 Directorship ->
#     director_of; marks: 13 + 41 sanction, 1 sanction_linked, 9 debarment, 4 export_control;
#     11 Address, 4 Family, 1 Passport not read.
cd "$ROOT/tests/data/ftm" || exit 9
summary() {
    python3 -c '
import json, sys
d = json.load(sys.stdin)
skipped = sorted(p["message"].split(" not read")[0] for p in d["problems"] if p["code"] == "ftm_schema_skipped")
print(sys.argv[1], "valid" if d["valid"] else "INVALID", d["entities"], d["by_entity_type"], d["relations"],
      d["by_relation_type"], "left out", d.get("left_out_by_date"), "marks", d.get("by_mark"), "errors", d["errors"],
      "skipped", skipped)' "$1"
}
for f in yente-t1-entities.ftm.json yente-donations.ijson; do
    $KETEN_RUN "$KETEN_BIN" check --json --as-of 2024-06-01 $f | summary $f
done
$KETEN_RUN "$KETEN_BIN" check --json --as-of 2024-06-01 zala-entities.ftm.json | summary zala
