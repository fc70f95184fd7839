# A fresh Debian machine: `make demo` as root must install the packages, then find their
# flags, build and run the demo, in one go.  Stand-ins for dpkg-query, apt-get, pkg-config and
# id on PATH report every package missing (and pkg-config failing) until `apt-get install` has
# run; after it they answer as the real ones do.  A copy of the tree is built from scratch.
set -u
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
mkdir "$t/bin" "$t/src"
cd "$ROOT" || exit 9
cp -r Makefile graph loaders analyses viz cli samples docs bench "$t/src/" || exit 9
real_pc=$(command -v pkg-config) || exit 9
cat >"$t/bin/dpkg-query" <<S
#!/bin/sh
[ -f "$t/installed" ] || exit 1
printf 'install ok installed'
S
cat >"$t/bin/apt-get" <<S
#!/bin/sh
echo "apt-get \$*" >>"$t/apt.log"
case "\$1" in install) touch "$t/installed" ;; esac
exit 0
S
cat >"$t/bin/pkg-config" <<S
#!/bin/sh
if [ ! -f "$t/installed" ]; then echo "pkg-config \$*: not installed" >>"$t/apt.log"; echo "Package igraph was not found" >&2; exit 1; fi
exec "$real_pc" "\$@"
S
printf '#!/bin/sh\necho 0\n' >"$t/bin/id"
chmod +x "$t/bin/"*
cd "$t/src" || exit 9
# a newcomer types make in a shell: nothing of the make that runs this test may leak in
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES KT_SUB
PATH="$t/bin:$PATH" make -j2 demo >"$t/out" 2>&1
rc=$?
if [ $rc -ne 0 ]; then
    echo "make demo: exit $rc"
    tail -20 "$t/out"
    exit 1
fi
grep -E '^installing:' "$t/out" | sed 's/:.*/: (the missing packages)/'
grep -c '^apt-get install' "$t/apt.log" | sed 's/$/ install run/'
grep -q '^pkg-config.*not installed' "$t/apt.log" && echo "pkg-config was asked before the install"
grep -E '^B[0-9] ' "$t/out" | head -2 | cut -c1-3
# a second run installs nothing
PATH="$t/bin:$PATH" make demo >"$t/out2" 2>&1 || { echo "second make demo: exit $?"; exit 1; }
echo "$(grep -c '^installing' "$t/out2") installing lines on the second run"
