# A truncated, corrupt, foreign or empty snapshot is refused with a message (exit 2), never a
# crash; a snapshot goes alone; -o is required.
t=$(mktemp -d) || exit 9
trap 'rm -rf "$t"' EXIT
cd "$ROOT" || exit 9
"$KETEN_BIN" index --quiet samples/anpr-tender/data.jsonl -o "$t/a.ktn" >/dev/null || echo "index failed"
size=$(wc -c <"$t/a.ktn")
run() { $KETEN_RUN "$KETEN_BIN" owners lumen-modules "$1" >"$t/out" 2>&1; echo "exit $?"; sed "s|$t/||g" "$t/out"; }
# smash SECTION: 0xfe over the first 16 bytes of a section of a copy of a.ktn, named SECTION.ktn
smash() {
    cp "$t/a.ktn" "$t/$1.ktn"
    python3 - "$t/$1.ktn" "$1" <<'P'
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
toc, ntoc = struct.unpack_from('<QI', b, 40)
for i in range(ntoc):
    name, size, count, off = struct.unpack_from('<16sQQQ', b, toc + 48 * i)
    if name.rstrip(b'\0').decode() == sys.argv[2]:
        b[off:off + 16] = b'\xfe' * 16
open(sys.argv[1], 'wb').write(b)
P
    run "$t/$1.ktn"
}
head -c $((size - 100)) "$t/a.ktn" >"$t/short.ktn"; run "$t/short.ktn"
head -c 20 "$t/a.ktn" >"$t/stub.ktn"; run "$t/stub.ktn"
# another format version: a newer keten's, an older keten's (format 1 kept no derived indexes)
cp "$t/a.ktn" "$t/v9.ktn"; printf '\011' | dd of="$t/v9.ktn" bs=1 seek=8 conv=notrunc 2>/dev/null; run "$t/v9.ktn"
cp "$t/a.ktn" "$t/v1.ktn"; printf '\001' | dd of="$t/v1.ktn" bs=1 seek=8 conv=notrunc 2>/dev/null; run "$t/v1.ktn"
# other byte order
cp "$t/a.ktn" "$t/be.ktn"; printf '\001\002\003\004' | dd of="$t/be.ktn" bs=1 seek=12 conv=notrunc 2>/dev/null; run "$t/be.ktn"
# a flipped byte in the header
cp "$t/a.ktn" "$t/hdr.ktn"; printf 'Z' | dd of="$t/hdr.ktn" bs=1 seek=60 conv=notrunc 2>/dev/null; run "$t/hdr.ktn"
# indexes out of range in the body
for s in ids.off ids.slots ents rels extras pairs ig.from ig.oi ig.os diag; do smash $s; done
# the derived indexes: cycle flags not 0 or 1, gaps and shares out of range, a dependency
# index or an owners index out of range
for s in d.cyclic d.gaps d.bom d.dep.off d.dep d.own.off d.own.from d.own.rel; do smash $s; done
# a changed letter in a name: structurally sound, so commands answer; keten check finds it
python3 - "$t/a.ktn" "$t/name.ktn" <<'P'
import sys
b = bytearray(open(sys.argv[1], 'rb').read())
i = b.index(b'Lumen Modules Sdn Bhd')
b[i] = ord('K')
open(sys.argv[2], 'wb').write(b)
P
run "$t/name.ktn" | head -3
$KETEN_RUN "$KETEN_BIN" check "$t/name.ktn" >"$t/out" 2>&1; echo "exit $?"; sed "s|$t/||g" "$t/out"
# a snapshot with other files, or two of them
$KETEN_RUN "$KETEN_BIN" check samples/anpr-tender/data.jsonl "$t/a.ktn" >"$t/out" 2>&1; echo "exit $?"; sed "s|$t/||g" "$t/out"
$KETEN_RUN "$KETEN_BIN" check "$t/a.ktn" samples/anpr-tender/data.jsonl >"$t/out" 2>&1; echo "exit $?"; sed "s|$t/||g" "$t/out"
$KETEN_RUN "$KETEN_BIN" index samples/anpr-tender/data.jsonl 2>&1; echo "exit $?"
# errors in the input: nothing written
printf '{"id":"a","type":"company"}\n{"rel":"owns","from":"a","to":"zz"}\n' >"$t/bad.jsonl"
$KETEN_RUN "$KETEN_BIN" index "$t/bad.jsonl" -o "$t/bad.ktn" >"$t/out" 2>&1; echo "exit $?"; sed "s|$t/||g" "$t/out"
ls "$t" | grep bad.ktn || echo "nothing written"
