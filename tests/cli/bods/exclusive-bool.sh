# BODS 0.2/0.3 give exclusiveMinimum/exclusiveMaximum as booleans (0.4: numbers).  The
# statements below are written here in the shape the Open Ownership Register published (its
# ownership statement as in openownership/register-sources-bods
# spec/fixtures/ownership_or_control_statement.json: "ownership-of-shares-25-to-50-percent",
# minimum 25 exclusive, maximum 50; a subdivision code GB-SCT): no stored public Register
# extract with these fields could be attributed, so this one is hand-made.
# Expected: the file loads (no "must be a number"), the share is 25-50, the entity is GB.
d=$(mktemp -d) || exit 9
cd "$d" || exit 9
cat > psc.json <<'J'
[{"statementID":"e1","statementType":"entityStatement","statementDate":"2016-07-27","isComponent":false,"entityType":"registeredEntity","name":"EXAMPLE LTD","incorporatedInJurisdiction":{"name":"Scotland","code":"GB-SCT"},"publicationDetails":{"publicationDate":"2023-03-15","bodsVersion":"0.2","publisher":{"name":"example"}}},
{"statementID":"p1","statementType":"personStatement","statementDate":"2016-07-27","isComponent":false,"personType":"knownPerson","names":[{"type":"individual","fullName":"A Person"}],"publicationDetails":{"publicationDate":"2023-03-15","bodsVersion":"0.2","publisher":{"name":"example"}}},
{"statementID":"ocs1","statementType":"ownershipOrControlStatement","statementDate":"2022-03-02","isComponent":false,"componentStatementIDs":[],"subject":{"describedByEntityStatement":"e1"},"interestedParty":{"describedByPersonStatement":"p1"},"interests":[{"type":"shareholding","details":"ownership-of-shares-25-to-50-percent","share":{"maximum":50.0,"minimum":25.0,"exclusiveMinimum":true,"exclusiveMaximum":false},"startDate":"2016-07-27"}],"publicationDetails":{"publicationDate":"2023-03-15","bodsVersion":"0.2","publisher":{"name":"example"}},"replacesStatements":[]}]
J
$KETEN_RUN "$KETEN_BIN" check --as-of 2024-01-01 psc.json 2>&1 | grep -E "^(entities|relations|  GB|problems)|error"
$KETEN_RUN "$KETEN_BIN" owners --as-of 2024-01-01 bods:e1 psc.json 2>&1 | grep -E "^bods:p1"
echo '[{"statementID":"x","statementType":"ownershipOrControlStatement","subject":{"describedByEntityStatement":"a"},"interestedParty":{"describedByEntityStatement":"b"},"interests":[{"type":"shareholding","share":{"minimum":25,"exclusiveMinimum":"yes"}}]}]' > bad.json
$KETEN_RUN "$KETEN_BIN" check bad.json 2>&1 | grep field_type
cd / && rm -rf "$d"
