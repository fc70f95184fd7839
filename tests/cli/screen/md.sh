# The Markdown report: the notice, the tender's answers, one section per bidder
cd "$ROOT" && $KETEN_RUN "$KETEN_BIN" screen --quiet --format md samples/anpr-tender/tender.json |
    grep -E '^(> keten supports|- Access|- Mitigation|## |  - integrated ownership interest|- C[123]|- route|- coverage)'
