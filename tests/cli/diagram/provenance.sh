# provenance of cam: chip (x4) made by maker in CN; trader supplies chip but does not make it:
# a transit supplier, marked in its label and drawn dashed
cd "$ROOT/tests/cli/diagram" || exit 9
$KETEN_RUN "$KETEN_BIN" diagram provenance cam fixture.jsonl --quiet | gvpr '
N { if (match($.label, "transit") >= 0) printf("transit %s (%s)\n", $.name, $.style); }
E { printf("edge %s -> %s: %s\n", $.tail.name, $.head.name, $.label); }' | LC_ALL=C sort
