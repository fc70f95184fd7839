# keten check on public SPDX examples (tests/data/spdx, origin in its README), worked by hand:
# 03-SBOMwDependency (2.3): packages tools-java (described -> product) and xlsx; suppliers SPDX
#   and Webjar -> 2 companies, 2 supplies; tools-java DYNAMIC_LINK xlsx -> 1 contains:
#   4 entities, 3 relations, nothing left out (DESCRIBES made the product).
# examplemaven-0.0.1 (2.3): 6 packages + 2 files = 8 elements, 1 product; originators JUnit and
#   Linux Foundation and supplier SPDX give 3 companies: 11 entities; 4 DYNAMIC_LINK + 1 TEST_DEPENDENCY_OF -> 5 contains,
#   2 made_by, 1 supplies = 8 relations; left out: GENERATES 1, TEST_CASE_OF 1.
# example7-bin (2.2): 1 package (product); its 3 STATIC_LINKs name other documents
#   (spdx_external_ref warnings); left out: BUILD_TOOL_OF 1, GENERATES 1.
# appbomination (2.2): 7 packages + 10 files (1 described), originator Person Yevester and
#   supplier Organization ACT Project: 19 entities;
#   8 CONTAINED_BY + 3 DEPENDENCY_OF + 1 TEST_DEPENDENCY_OF = 12 contains, 1 made_by,
#   1 supplies = 14; left out: METAFILE_OF 1.
cd "$ROOT/tests/data/spdx" || exit 9
for f in 03-SBOMwDependency.json examplemaven-0.0.1.spdx.json example7-bin.spdx.json appbomination.spdx.json; do
    $KETEN_RUN "$KETEN_BIN" check --json "$f" | python3 -c '
import json, sys
d = json.load(sys.stdin)
assert d["valid"] is True and d["errors"] == 0, d
left = {x["kind"]: x["count"] for x in d["left_out"]}
print(sys.argv[1], d["entities"], d["relations"], json.dumps(d["by_relation_type"], sort_keys=True), json.dumps(left, sort_keys=True))' "$f"
done
