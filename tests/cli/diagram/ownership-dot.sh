# ownership DOT read back with libcgraph (gvpr): nodes, edges and labels.
# Hand-worked: mid owns 80% of target; ivan owns 25-50% and wang 50% of mid, so ivan's
# integrated interest in target is 0.8 x 25-50% = 20-40% and wang's 0.8 x 50% = 40%; the state
# holds no capital and controls mid: "Indirect control".
cd "$ROOT/tests/cli/diagram" || exit 9
$KETEN_RUN "$KETEN_BIN" diagram ownership target fixture.jsonl --quiet | gvpr '
BEG_G { printf("%d nodes, %d edges\n", nNodes($G), nEdges($G)); }
N { printf("node %s %s\n", $.name, $.shape); }
E { printf("edge %s -> %s: %s (%s)\n", $.tail.name, $.head.name, $.label, $.style); }' | LC_ALL=C sort
