#!/usr/bin/env bash
# An image far taller than its box (a 300x4000 strip) cannot be shrunk into
# anything readable: a located error from build and check, nothing written.
# A tall but usable image (300x900) still builds, inside its box.
source "$(dirname "$0")/lib.sh"
python3 - "$TMP" <<'PY'
import sys, zlib, struct
d = sys.argv[1]
def png(path, w, h):
    raw = b''.join(b'\x00' + bytes([200, (y * 255) // h, 120]) * w for y in range(h))
    chunk = lambda t, b: struct.pack('>I', len(b)) + t + b + struct.pack('>I', zlib.crc32(t + b) & 0xffffffff)
    open(path, 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
                           + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
png(f'{d}/strip.png', 300, 4000)
png(f'{d}/tall.png', 300, 900)
for name, src in (('strip', 'strip.png'), ('tall', 'tall.png')):
    open(f'{d}/{name}.xml', 'w').write(f'<deck><slide id="t"><title>縦長の図</title>\n<list><item>説明</item></list>\n'
                                       f'<image src="{src}" alt="図"/></slide></deck>')
PY
set +e; "$KS" build "$TMP/strip.xml" -o "$TMP/strip" 2> "$TMP/strip.log"; rc=$?; set -e
[ $rc -eq 1 ] && ok "a 300x4000 image is exit 1" || fail "exit $rc"
grep -qE "strip.xml:3:1: error: image 'strip.png' \(300×4000 px\) is too tall for its box" "$TMP/strip.log" \
  && ok "located error naming the image and its size" || fail "message: $(cat "$TMP/strip.log")"
[ ! -e "$TMP/strip/slides.pdf" ] && ok "nothing written" || fail "output written"
set +e; "$KS" check "$TMP/strip.xml" 2> /dev/null; rc=$?; set -e
[ $rc -eq 1 ] && ok "check predicts it" || fail "check: exit $rc"
"$KS" build "$TMP/tall.xml" -o "$TMP/tall" --dump-layout "$TMP/tall.json" -q 2> "$TMP/tall.log" \
  && ok "a 300x900 image builds" || fail "300x900: $(cat "$TMP/tall.log")"
python3 "$ROOT/tests/e2e/fitting_check.py" "$TMP/tall.json" --layouts "$ROOT/layouts/briefing.xml" > "$TMP/fit" \
  && ok "and stays inside its box: $(tail -1 "$TMP/fit")" || { cat "$TMP/fit"; fail "outside its box"; }
finish
