# exposure of target, drawn from kt_exp_run (what `keten exposure` reports): findings are
# chip (made in CN: C1), maker (CN: C1), wang (CN: C1) and ivan (RU: C1, C2), and the state
# (state; AE also non_gpa, non_eu).  owner_share 10: all owners count.
# Unknown (kt_dep_unknown): trader (AE, listed but not complete) supplies the chip to target
# and has no supplier or owner in the data: "suppliers, parts or owners not known", so its
# path (target <- trader, "Supplies Chip") and a "?" after it saying so are drawn, its edge
# labelled "unknown beyond this point".  Every other node has
# steps out of it or is a person or state, and has a country.  Title: 5 findings, 1 unknown
# boundary.  (Was "0 unknown boundaries" with trader left out: the diagram's private rule
# let a listed company pass; `keten exposure` never did.)
cd "$ROOT/tests/cli/diagram" || exit 9
$KETEN_RUN "$KETEN_BIN" diagram exposure target fixture.jsonl --policy policy.json --quiet | gvpr '
BEG_G { printf("%s\n", $G.label); }
N { if (match($.label, "MARKED") >= 0) printf("marked %s: %s\n", $.name, substr($.label, match($.label, "MARKED"))); }
N [index($.name, "?") == 0] { printf("unknown %s: %s\n", $.name, $.label); }
E { printf("edge %s -> %s: %s\n", $.tail.name, $.head.name, $.label); }' | LC_ALL=C sort
