#!/bin/sh
# The test runner: unit tests (tests/unit/NAME.c, expected stdout in NAME.out), invalid-input
# cases (tests/invalid/LOADER/NAME/{input,error[,args]}), and CLI tests
# (tests/cli/AREA/NAME.sh with NAME.exit, NAME.stdout.exact, NAME.stderr.exact) and build tests
# (tests/build/NAME.sh, the same way).
# Usage: sh tests/run.sh [unit|invalid|cli|threads]...   Ends with "N passed, N failed, N skipped".
# A unit or script test that exits 77 was skipped (what it needs is missing): counted apart, never as passed.
# CLI tests run under bash with pipefail, so keten's exit status survives a pipe into grep or python.
# Environment: KETEN (the binary), BUILD (where unit binaries are), VALGRIND=1, SANITIZED=1,
# EXPECT_FAIL=1 (make test-the-tests: KETEN does nothing, and every test must fail).
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
EXPECT_FAIL=${EXPECT_FAIL:-0}
pass=0
fail=0
skip=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

# With EXPECT_FAIL=1 the verdicts swap: a test that passes with a keten that does nothing
# cannot fail, and that is the failure.
ok() {
    if [ "$EXPECT_FAIL" = 1 ]; then
        fail=$((fail + 1))
        echo "FAIL: $1 (passes with a keten that exits 0 and prints nothing)"
    else
        pass=$((pass + 1))
    fi
}
bad() {
    if [ "$EXPECT_FAIL" = 1 ]; then
        pass=$((pass + 1))
        return
    fi
    fail=$((fail + 1))
    echo "FAIL: $1"
    [ -n "${2:-}" ] && [ -f "$2" ] && head -n 40 "$2" | sed 's/^/    /'
}

# script tests: each NAME.sh with NAME.exit, NAME.stdout.exact, NAME.stderr.exact beside it
scripts() {
    for t in $1; do
        [ -f "$t" ] || continue
        base=${t%.sh}
        name=${base#tests/}
        bash -o pipefail "$t" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        want=0
        [ -f "$base.exit" ] && want=$(cat "$base.exit")
        if [ $rc -eq 77 ] && [ "$want" = 0 ]; then
            skip=$((skip + 1)) # what it needs is missing (it says what on stderr)
            sed 's/^/    /' "$tmp/err"
        elif [ "$rc" != "$want" ]; then
            cat "$tmp/err" >>"$tmp/out"
            bad "$name (exit $rc, want $want)" "$tmp/out"
        elif [ -f "$base.stdout.exact" ] && ! diff -u "$base.stdout.exact" "$tmp/out" >"$tmp/diff"; then
            bad "$name (stdout differs)" "$tmp/diff"
        elif [ -f "$base.stderr.exact" ] && ! diff -u "$base.stderr.exact" "$tmp/err" >"$tmp/diff"; then
            bad "$name (stderr differs)" "$tmp/diff"
        else
            ok "$name"
        fi
    done
}

# build: the Makefile on a fresh machine (a from-scratch build; not repeated under the sanitizers)
default="unit invalid cli build"
[ "${SANITIZED:-0}" = 1 ] || [ "${VALGRIND:-0}" = 1 ] && default="unit invalid cli"
areas=${*:-$default}
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
        if [ $rc -eq 77 ]; then
            skip=$((skip + 1))
            sed 's/^/    /' "$tmp/out"
        elif [ $rc -ne 0 ]; then
            cat "$tmp/err" >>"$tmp/out"
            bad "unit/$name (exit $rc)" "$tmp/out"
        elif [ -f "$exp" ] && ! diff -u "$exp" "$tmp/out" >"$tmp/diff"; then
            bad "unit/$name (output differs)" "$tmp/diff"
        else
            ok "unit/$name"
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
            ok "invalid/$name"
        fi
    done
    ;;
cli)
    scripts 'tests/cli/*/*.sh'
    ;;
threads)
    scripts 'tests/cli/loaders/threads*.sh tests/cli/check/threads*.sh' # make tsan
    ;;
build)
    scripts 'tests/build/*.sh'
    ;;
*)
    echo "unknown test area: $area" >&2
    exit 2
    ;;
esac
done
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
