# exposure of target: findings are chip (made in CN: C1), maker (CN: C1), wang (CN: C1) and
# ivan (RU: C1, C2), the state (state_owned; AE also non_gpa, non_eu) and trader (AE: non_gpa,
# non_eu only, not a finding but on no path to one, so not drawn).  owner_share 10: all owners
# count.  Nothing is unknown: every company has owners, is listed or is complete.
cd "$ROOT/tests/cli/diagram" || exit 9
$KETEN_RUN "$KETEN_BIN" diagram exposure target fixture.jsonl --policy policy.json --quiet | gvpr '
BEG_G { printf("%s\n", $G.label); }
N { if (match($.label, "MARKED") >= 0) printf("marked %s: %s\n", $.name, substr($.label, match($.label, "MARKED"))); }
E { printf("edge %s -> %s: %s\n", $.tail.name, $.head.name, $.label); }' | LC_ALL=C sort
