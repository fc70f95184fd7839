# --down: what the state owns or controls, from kt_own_downstream (what `keten owned state`
# reports).  Hand-worked: the state controls mid (golden share) and mid holds 80% > 50% of
# target, so the state controls both ("controlled"); it owns no capital anywhere, so there is
# no integrated interest.  mid is held by a drawn controls relation: no dashed edge; target
# is controlled only through mid: a dashed "Controls (indirect)".  3 nodes; the 2 relations
# and 1 dashed edge.
cd "$ROOT/tests/cli/diagram" || exit 9
$KETEN_RUN "$KETEN_BIN" diagram ownership state fixture.jsonl --down --quiet | gvpr '
BEG_G { printf("%s: %d nodes, %d edges\n", $G.label, nNodes($G), nEdges($G)); }
N { int i; int j; i = index($.label, "<I>"); j = index($.label, "</I>");
    if (i >= 0) printf("node %s: %s\n", $.name, substr($.label, i + 3, j - i - 3));
    else printf("node %s\n", $.name); }
E { printf("edge %s -> %s: %s (%s)\n", $.tail.name, $.head.name, $.label, $.style); }' | LC_ALL=C sort
