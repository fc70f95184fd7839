# keten check on each public BODS file (tests/data/README.md) loads without error, and its
# counts match the file, worked by hand from the statements (as of 2024-01-01, so the
# answer does not move with the day):
#   fermcat: 3 persons + 1 entity; 9 relationship statements of 2 interest kinds each
#     (shareholding -> owns, boardMember -> director_of), Declan's record only shareholding:
#     14 relations, 12 not in force on the date (only Patrick's 100% and board seat are).
#   levent: 3 persons (one anonymous: unknown) + the trust; 3 relationships with 4 trust
#     roles (trustee, settlor + trustee, beneficiary) -> 4 role_in.
#   mixed-direct-and-indirect-ownership: 2 companies + 1 person; B owns 50% of A; Person 1 ->
#     B of no stated type (owns, unknown share, 1 warning); Person 1 -> A direct 50% (owns) and
#     indirect 50% (a declared owns): 4 owns.
#   nomination: 2 persons + the nomination arrangement + the company; nominator -> controls
#     (other), nominee -> role_in, the arrangement's board seat -> director_of, the declared
#     indirect influence -> controls: 2 controls, 1 role_in, 1 director_of.
#   tecido: 1 person + 2 entities, both jurisdiction US-DE -> US; 7 relationship statements:
#     Maria's 3 versions (owns + director_of each; the closed 4th none) and Shear Trust's 3
#     -> 9 relations; on 2024-01-01 only Shear Trust's 80% is in force.
#   0.3 files: 1-single-direct entity + person + one owns; 2-single-update adds an unspecified
#     owner: 2 owns.
cd "$ROOT/tests/data/bods" || exit 9
for f in fermcat levent mixed-direct-and-indirect-ownership nomination tecido 0.3-1-single-direct 0.3-2-single-update; do
    $KETEN_RUN "$KETEN_BIN" check --json --as-of 2024-01-01 "$f.json" | python3 -c '
import json, sys
d = json.load(sys.stdin)
codes = sorted(set(p["code"] for p in d["problems"] if p["code"] != "entity_isolated"))
print(sys.argv[1], "valid" if d["valid"] else "INVALID", d["entities"], d["by_entity_type"], d["relations"],
      d["by_relation_type"], "left out", d.get("left_out_by_date"), d["by_country"], "errors", d["errors"], codes)' "$f"
done
