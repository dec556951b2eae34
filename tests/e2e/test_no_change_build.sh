#!/usr/bin/env bash
# A rebuild with every input, option and output as the last build left them
# reports "no change" and touches no output; touching or editing any input
# (outline, image, layout set, fonts folder), changing an option or deleting
# or altering an output builds again. Both layout sets.
source "$(dirname "$0")/lib.sh"

W=$TMP/w
mkdir -p "$W"
cp "$ROOT/tests/fixtures/templates/no_change.xml" "$W/deck.xml"
python3 - "$W/figure.png" <<'PY'
import struct, sys, zlib
w, h = 64, 36
raw = b"".join(b"\0" + bytes([200, 30, 30]) * w for _ in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
cp "$ROOT/layouts/"* "$W/"
cp -r "$ROOT/fonts" "$W/fonts"
sleep 0.2  # inputs written just before a build are never recorded as settled

outputs() { find "$1" -path '*/.kamishibai' -prune -o -type f -printf '%P %i %s %T@\n' | sort; }

for set in briefing hall; do
  OUT=$TMP/out-$set
  args=("$W/deck.xml" -o "$OUT" --layouts "$W/$set.xml" --fonts "$W/fonts")
  build() { "$KS" build "${args[@]}" "$@" 2>&1; }
  build > "$TMP/first.log" || fail "$set: first build"
  grep -q "3 slides" "$TMP/first.log" && ok "$set: first build laid out 3 slides" || fail "$set: first build: $(cat "$TMP/first.log")"
  before=$(outputs "$OUT")
  build > "$TMP/again.log" || fail "$set: unchanged rebuild"
  grep -q "^no change since the last build" "$TMP/again.log" && ok "$set: unchanged rebuild reports no change" \
    || fail "$set: unchanged rebuild: $(cat "$TMP/again.log")"
  grep -q "slides," "$TMP/again.log" && fail "$set: unchanged rebuild laid out the deck"
  [ "$(outputs "$OUT")" = "$before" ] && ok "$set: every output kept (same inode, size, mtime)" \
    || fail "$set: outputs changed on an unchanged rebuild"
done

OUT=$TMP/out-briefing
args=("$W/deck.xml" -o "$OUT" --layouts "$W/briefing.xml" --fonts "$W/fonts")
# rebuilds WHAT [OPTIONS]: this build lays out again; the one after it (same
# options, after the change has settled) is a no-change build again.
rebuilds() {
  local what=$1; shift
  sleep 0.1
  "$KS" build "${args[@]}" "$@" > "$TMP/log" 2>&1 || fail "$what: build failed: $(cat "$TMP/log")"
  if grep -q "slides," "$TMP/log" && ! grep -q "^no change" "$TMP/log"; then ok "$what: built again"
  else fail "$what: not rebuilt: $(cat "$TMP/log")"; fi
  "$KS" build "${args[@]}" "$@" > "$TMP/log" 2>&1
  grep -q "^no change" "$TMP/log" || fail "$what: the build after it was not a no-change build: $(cat "$TMP/log")"
}

touch "$W/deck.xml"; rebuilds "outline touched"
sed -i 's/二番目の項目/二番目の項目 edited/' "$W/deck.xml"; rebuilds "outline edited"
pdftotext "$OUT/slides.pdf" - | grep -q "edited" && ok "the edit is in slides.pdf" || fail "the edit is not in slides.pdf"
fig=$(md5sum < "$OUT/slides/03.png")
python3 - "$W/figure.png" <<'PY'
import struct, sys, zlib
w, h = 64, 36
raw = b"".join(b"\0" + bytes([30, 30, 200]) * w for _ in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1] + ".new", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
mv "$W/figure.png.new" "$W/figure.png"; rebuilds "image replaced"
[ "$(md5sum < "$OUT/slides/03.png")" != "$fig" ] && ok "the new image is drawn" || fail "image slide unchanged"
touch "$W/briefing.xml"; rebuilds "layout set touched"
cp "$W/fonts/fonts.conf" "$W/fonts/extra.txt"; rebuilds "file added to the fonts folder"
rebuilds "--scale 1" --scale 1
[ "$(png_size "$OUT/slides/01.png")" = "960x540" ] && ok "--scale 1 written" || fail "--scale 1 size $(png_size "$OUT/slides/01.png")"
rebuilds "--handout 3,notes" --handout 3,notes
ls "$OUT" | grep -q notes && ok "--handout notes written" || fail "no notes handout: $(ls "$OUT")"
rebuilds "--pptx" --pptx
[ -s "$OUT/slides.pptx" ] && ok "--pptx written" || fail "no slides.pptx"
rebuilds "back to the defaults"
rm "$OUT/slides/02.png"; rebuilds "an output deleted"
[ -s "$OUT/slides/02.png" ] && ok "the deleted output is back" || fail "slides/02.png not rewritten"
# An output changed by someone else is theirs now: the build says so (it is
# not "no change") and leaves it alone.
printf 'x' >> "$OUT/slides.pdf"; sleep 0.1
if "$KS" build "${args[@]}" > "$TMP/log" 2>&1; then fail "altered output: build passed: $(cat "$TMP/log")"
else grep -q "slides.pdf: error: this file is not kamishibai's" "$TMP/log" && ok "an altered output is not taken for no change"   || fail "altered output: $(cat "$TMP/log")"; fi
rm "$OUT/slides.pdf"; rebuilds "the altered output removed"
qpdf --check "$OUT/slides.pdf" > /dev/null && ok "slides.pdf is made anew" || fail "slides.pdf still damaged"
# The change report of a build that changed nothing says so, without a build.
"$KS" build "${args[@]}" --report "$TMP/changes.json" > "$TMP/log" 2>&1 || fail "--report: $(cat "$TMP/log")"
grep -q "^no change" "$TMP/log" && ok "--report alone keeps a no-change build" || fail "--report built: $(cat "$TMP/log")"
python3 -c 'import json,sys; j=json.load(open(sys.argv[1])); sys.exit(0 if j["added"]==j["changed"]==j["removed"]==[] and "ms" in j else 1)' \
  "$TMP/changes.json" && ok "its report lists no change" || fail "report: $(cat "$TMP/changes.json")"
cp "$W/deck.xml" "$TMP/deck.before"
if "$KS" build "${args[@]}" --report "$W/deck.xml" > "$TMP/log" 2>&1; then fail "--report over the outline passed"
else grep -q "is an input of the build" "$TMP/log" && ok "a report naming the outline is refused" || fail "report over input: $(cat "$TMP/log")"; fi
cmp -s "$W/deck.xml" "$TMP/deck.before" && ok "the outline is untouched" || fail "the outline was overwritten"
# Builds that also write elsewhere always run.
"$KS" build "${args[@]}" --dump-layout "$TMP/dump.json" > "$TMP/log" 2>&1
grep -q "^no change" "$TMP/log" && fail "--dump-layout skipped" || ok "--dump-layout builds"
[ -s "$TMP/dump.json" ] && ok "dump written" || fail "no dump"
finish
