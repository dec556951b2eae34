#!/usr/bin/env bash
# Colour emoji (issue 16, item 9): ✅ ⚠️ 📈 come from Noto Color Emoji
# (fonts-noto-color-emoji, found through fonts/fonts.conf), in colour on the
# slide PNGs and in slides.pdf; the libharu handouts place each glyph as an
# image of the font's own bitmap. Checked by pixels (rendered with pdftoppm
# for the PDFs), pdffonts and pdftotext, in both layout sets, against the same
# deck with the emoji taken out.
source "$(dirname "$0")/lib.sh"
DECKFILE="$ROOT/tests/fixtures/decks/text/emoji.xml"
python3 - "$DECKFILE" "$TMP/plain.xml" <<'PY'
import sys
text = open(sys.argv[1], encoding='utf-8').read()
for e in ('✅', '⚠️', '📈'):
    text = text.replace(e, '')
open(sys.argv[2], 'w', encoding='utf-8').write(text)
PY

# Counts strongly coloured pixels by hue: green (✅), yellow (⚠️), red (📈's line).
count_colours() {
  python3 - "$ROOT/tests/e2e" "$@" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from png_pixels import read_png, rgb_at
path = sys.argv[2]
box = [int(v) for v in sys.argv[3].split(',')] if len(sys.argv) > 3 else None
img = read_png(path)
w, h = img[0], img[1]
x0, y0, x1, y1 = box if box else (0, 0, w, h)
green = yellow = red = 0
for y in range(max(0, y0), min(h, y1)):
    for x in range(max(0, x0), min(w, x1)):
        r, g, b = rgb_at(img, x, y)
        if g > 140 and g > r + 50 and g > b + 50: green += 1
        if r > 200 and g > 150 and b < 90: yellow += 1
        if r > 180 and g < 90 and b < 90: red += 1
print(green, yellow, red)
PY
}

for set in briefing hall; do
  out="$TMP/$set"
  "$KS" build "$DECKFILE" -o "$out" --layouts "$ROOT/layouts/$set.xml" --handout 3,notes --dump-layout "$out.json" 2> "$out.log" \
    || { fail "$set: build failed: $(cat "$out.log")"; continue; }
  grep -qE "none of the configured fonts|cannot embed" "$out.log" && fail "$set: emoji reported missing: $(cat "$out.log")"
  "$KS" build "$TMP/plain.xml" -o "$TMP/plain-$set" --layouts "$ROOT/layouts/$set.xml" --handout 3,notes -q 2> /dev/null \
    || fail "$set: the deck without emoji failed"

  # Slide PNG: each emoji's own colour where its line starts (scale 2).
  while read -r emoji x0 y0 x1 y1; do
    read -r g yl r <<< "$(count_colours "$out/slides/01.png" "$x0,$y0,$x1,$y1")"
    case $emoji in
      check) n=$g ;; warn) n=$yl ;; chart) n=$r ;;
    esac
    [ "$n" -gt 40 ] && ok "$set: $emoji is drawn in colour on the PNG ($n pixels)" || fail "$set: $emoji has no colour on the PNG ($g $yl $r)"
  done < <(python3 - "$out.json" <<'PY'
import json, sys
body = next(b for b in json.load(open(sys.argv[1]))['slides'][0]['boxes'] if b['role'] == 'body')
for name, ch in (('check', '✅'), ('warn', '⚠'), ('chart', '📈')):
    l = next(l for l in body['lines'] if l['text'].startswith(ch))
    print(name, int(l['x'] * 2), int(l['y'] * 2), int((l['x'] + l['size'] * 1.3) * 2), int((l['y'] + l['h']) * 2))
PY
)

  # slides.pdf (Cairo) and the handouts (libharu): colour present only with the emoji.
  for pdf in slides.pdf handout-3.pdf handout-notes.pdf; do
    pdftoppm -r 100 -f 1 -l 1 -png "$out/$pdf" "$TMP/e-$set" && mv "$TMP/e-$set"-*1.png "$TMP/e.png"
    pdftoppm -r 100 -f 1 -l 1 -png "$TMP/plain-$set/$pdf" "$TMP/p-$set" && mv "$TMP/p-$set"-*1.png "$TMP/p.png"
    read -r eg ey er <<< "$(count_colours "$TMP/e.png")"
    read -r pg py pr <<< "$(count_colours "$TMP/p.png")"
    if [ "$eg" -gt $((pg + 10)) ] && [ "$ey" -gt $((py + 10)) ]; then
      ok "$set: $pdf shows the emoji in colour (green $pg -> $eg, yellow $py -> $ey)"
    else
      fail "$set: $pdf has no emoji colour (green $pg -> $eg, yellow $py -> $ey, red $pr -> $er)"
    fi
  done
  for pdf in handout-3.pdf handout-notes.pdf; do
    pdffonts "$out/$pdf" > "$TMP/fonts.txt" 2>&1
    awk 'NR > 2 && $(NF-4) != "yes" {bad = 1} END {exit bad}' "$TMP/fonts.txt" \
      && ! grep -qi "emoji\|error" "$TMP/fonts.txt" \
      && ok "$set: $pdf embeds only outline fonts (emoji are images)" || fail "$set: $pdf fonts: $(cat "$TMP/fonts.txt")"
    qpdf --check "$out/$pdf" > /dev/null 2>&1 && ok "$set: $pdf passes qpdf --check" || fail "$set: qpdf --check $pdf"
    text=$(pdftotext "$out/$pdf" - 2>/dev/null)
    for e in ✅ 📈; do
      grep -qF "$e" <<< "$text" && ok "$set: $pdf text has $e" || fail "$set: $pdf text lacks $e"
    done
  done
done
finish
