# ownership DOT read back with libcgraph (gvpr): nodes with their notes, edges and labels,
# all from kt_own_upstream (what `keten owners target` reports).
# Hand-worked: mid owns 80% of target; ivan owns 25-50% and wang 50% of mid, so ivan's
# integrated interest in target is 0.8 x 25-50% = 20-40% and wang's 0.8 x 50% = 40%.
# Control (more than 50% of the votes): mid holds 80 of target; the state controls mid
# (golden share) and so target; wang's 50 and ivan's 25-50 of mid are not more than 50.
# Ultimate controller: the state (a controller no one controls), with no ownership walk:
# "Controls (indirect)".  Beneficial owners (25% or more): wang (40); ivan only by the upper
# bound (20 < 25 <= 40): "possible beneficial owner".  State influence: the state, mid and
# target (controlled by the state).  mid is neither ultimate nor a beneficial owner: no
# dashed edge.  5 nodes; 4 relations + 3 dashed = 7 edges.
# (Labels were "Integrated interest 40%" and "Indirect control"; the notes are new.)
cd "$ROOT/tests/cli/diagram" || exit 9
$KETEN_RUN "$KETEN_BIN" diagram ownership target fixture.jsonl --quiet | gvpr '
BEG_G { printf("%d nodes, %d edges\n", nNodes($G), nEdges($G)); }
N { int i; int j; i = index($.label, "<I>"); j = index($.label, "</I>");
    if (i >= 0) printf("node %s %s: %s\n", $.name, $.shape, gsub(substr($.label, i + 3, j - i - 3), "<BR/>", "; "));
    else printf("node %s %s\n", $.name, $.shape); }
E { printf("edge %s -> %s: %s (%s)\n", $.tail.name, $.head.name, $.label, $.style); }' | LC_ALL=C sort
