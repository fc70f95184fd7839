# The format registry (loaders/registry.c) is the one list of formats: keten names them from it
# (the --from error and check --help), and everything else that lists them must say the same:
# the bash completion, docs/loaders.md, the README's layout, the fuzz Makefile, and one
# tests/invalid folder per format.
cd "$ROOT" || exit 9
reg=$($KETEN_RUN "$KETEN_BIN" check --from nope x 2>&1 | sed -n 's/.*unknown format "nope" (\(.*\))$/\1/p')
[ -n "$reg" ] || { echo "no format list in the --from error"; exit 1; }
words=$(echo "$reg" | tr -d ',')
echo "registry: $reg"
$KETEN_RUN "$KETEN_BIN" check --help | grep -qF "($reg)" && echo "check --help: same"
grep -qF "compgen -W \"$words\"" docs/keten.bash-completion && echo "completion: same"
grep -qF "\`--from FORMAT\` ($reg)" docs/loaders.md && echo "docs/loaders.md: same"
grep -qF "one file per input format ($reg)" README.md && echo "README: same"
fz=$(sed -n 's/^    X(\([a-z0-9]*\),.*/\1/p' loaders/registry.c | tr '\n' ' ' | sed 's/ $//')
grep -q 'FORMATS *= $(shell sed' tests/fuzz/Makefile && [ "$fz" = "$words" ] && echo "fuzz: from the registry"
for f in $words; do [ -d "tests/invalid/$f" ] || echo "no tests/invalid/$f"; done
echo "tests/invalid: checked"
# layers: the shared readers (source, JSON, CSV, helpers) know no format
for f in src json csvread lutil fields load_i; do grep -l 'kt_load_i_[a-z]*_detect\|FORMATS(' "loaders/$f.c" "loaders/$f.h" 2>/dev/null; done
echo "layers: checked"
