#!/bin/sh
# The test runner: unit tests (tests/unit/NAME.c, expected stdout in NAME.out), invalid-input
# cases (tests/invalid/LOADER/NAME/{input,error[,args]}), and CLI tests
# (tests/cli/AREA/NAME.sh with NAME.exit, NAME.stdout.exact, NAME.stderr.exact).
# Usage: sh tests/run.sh [unit|invalid|cli]...   Ends with "N passed, N failed".
# Environment: KETEN (the binary), BUILD (where unit binaries are), VALGRIND=1, SANITIZED=1.
set -u
KETEN=${KETEN:-build/keten}
BUILD=${BUILD:-build}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
case "$KETEN" in /*) ;; *) KETEN="$ROOT/$KETEN" ;; esac
if [ "${VALGRIND:-0}" = 1 ]; then
    RUN="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --suppressions=$ROOT/tests/valgrind.supp"
else
    RUN=""
fi
KETEN_SHARED=${KETEN_SHARED:-$ROOT/../shared}
export KETEN_BIN="$KETEN" KETEN_RUN="$RUN" ROOT KETEN_SHARED
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

ok() { pass=$((pass + 1)); }
bad() {
    fail=$((fail + 1))
    echo "FAIL: $1"
    [ -n "${2:-}" ] && [ -f "$2" ] && head -n 40 "$2" | sed 's/^/    /'
}

areas=${*:-unit invalid cli}
for area in $areas; do
case $area in
unit)
    for src in tests/unit/*.c; do
        [ -f "$src" ] || continue
        name=$(basename "$src" .c)
        bin="$BUILD/tests/$name"
        exp="tests/unit/$name.out"
        if [ ! -x "$bin" ]; then bad "unit/$name (not built)"; continue; fi
        (cd tests/unit && $RUN "$ROOT/$bin") >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ $rc -ne 0 ]; then
            cat "$tmp/err" >>"$tmp/out"
            bad "unit/$name (exit $rc)" "$tmp/out"
        elif [ -f "$exp" ] && ! diff -u "$exp" "$tmp/out" >"$tmp/diff"; then
            bad "unit/$name (output differs)" "$tmp/diff"
        else
            grep -h 'skipped' "$tmp/out" || true
            ok
        fi
    done
    ;;
invalid)
    for dir in tests/invalid/*/*/; do
        [ -f "$dir/input" ] || continue
        name=${dir#tests/invalid/}
        args=""
        [ -f "$dir/args" ] && args=$(cat "$dir/args")
        # shellcheck disable=SC2086
        (cd "$dir" && $RUN "$KETEN" check --quiet $args input) >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ $rc -ne 2 ]; then
            bad "invalid/$name (exit $rc, want 2)" "$tmp/err"
        elif ! grep -v '^keten: ' "$tmp/err" | diff -u "$dir/error" - >"$tmp/diff"; then
            bad "invalid/$name (message differs)" "$tmp/diff"
        elif [ -s "$tmp/out" ]; then
            bad "invalid/$name (wrote to stdout)" "$tmp/out"
        else
            ok
        fi
    done
    ;;
cli)
    for t in tests/cli/*/*.sh; do
        [ -f "$t" ] || continue
        base=${t%.sh}
        name=${base#tests/cli/}
        sh "$t" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        want=0
        [ -f "$base.exit" ] && want=$(cat "$base.exit")
        if [ "$rc" != "$want" ]; then
            cat "$tmp/err" >>"$tmp/out"
            bad "cli/$name (exit $rc, want $want)" "$tmp/out"
        elif [ -f "$base.stdout.exact" ] && ! diff -u "$base.stdout.exact" "$tmp/out" >"$tmp/diff"; then
            bad "cli/$name (stdout differs)" "$tmp/diff"
        elif [ -f "$base.stderr.exact" ] && ! diff -u "$base.stderr.exact" "$tmp/err" >"$tmp/diff"; then
            bad "cli/$name (stderr differs)" "$tmp/diff"
        else
            ok
        fi
    done
    ;;
*)
    echo "unknown test area: $area" >&2
    exit 2
    ;;
esac
done
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
