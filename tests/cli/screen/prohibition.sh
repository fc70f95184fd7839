# Reg. 833/2014 art. 5k from the sample policy: install-nl is 60% owned by holding-ru (RU).  As a
# subcontractor at 15% of the contract value (above 10%) it is covered: B1 prohibited, whatever the
# considerations say (RU is C1/C2 in the sample policy, but a subcontractor without access is in
# the chain only, and mitigation is sufficient); at 5% it is not covered: B2 mitigate; with no
# share stated the prohibition may apply: B3 review.  The paths: each bidder's finding, and the
# prohibition's evidence.
cd "$ROOT/tests/cli/screen/fivek" && $KETEN_RUN "$KETEN_BIN" screen --quiet --allow-outside tender.json | grep -E '^(B[0-9] |  prohibition|    install)'
