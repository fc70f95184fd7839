# keten owners --policy: the policy's control threshold applies (an explicit --control wins) and,
# with "directors_control": true, a director_of relation counts as control, and the rules say so.
# By hand: p holds 45% of h, h 100% of t, d is t's director.  Threshold 50 (default): nobody
# controls t but h (100%); p does not.  The policy's 40: p controls h (45% > 40%) and so t, and
# is t's ultimate controller.  directors_control: d controls t as well.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cat >"$t/d.jsonl" <<'J'
{"keten":"1"}
{"id":"p","type":"person","name":"P","country":"NL"}
{"id":"d","type":"person","name":"D","country":"NL"}
{"id":"h","type":"company","name":"H","country":"NL"}
{"id":"t","type":"company","name":"T","country":"NL"}
{"rel":"owns","from":"p","to":"h","share":45}
{"rel":"owns","from":"h","to":"t","share":100}
{"rel":"director_of","from":"d","to":"t"}
J
python3 - "$ROOT/samples/policy.json" "$t" <<'P'
import json, sys
p = json.load(open(sys.argv[1]))
p["thresholds"]["control"] = 40
json.dump(p, open(sys.argv[2] + "/p40.json", "w"))
p["directors_control"] = True
json.dump(p, open(sys.argv[2] + "/p40d.json", "w"))
P
show() {
    $KETEN_RUN "$KETEN_BIN" owners --json "$@" 2>/dev/null | python3 -c '
import json, sys
d = json.load(sys.stdin)
th = d["thresholds"]
print(th["control"], th["directors_control"], [(o["id"], o["control"], o["ultimate_controller"]) for o in d["owners"]])'
}
cd "$t" || exit 9
show t d.jsonl
show --policy p40.json t d.jsonl
show --policy p40.json --control 50 t d.jsonl
show --policy p40d.json t d.jsonl
$KETEN_RUN "$KETEN_BIN" owners --policy p40d.json t d.jsonl 2>/dev/null | grep -A3 '^rules'
