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

# Counts strongly coloured pixels by hue: green (✅), yellow (⚠️), red (📈's
# line), in a PNG region or a whole PPM from pdftoppm (raw bytes: fast).
cat > "$TMP/colours.py" <<'PY'
import sys
sys.path.insert(0, sys.argv[1])
from png_pixels import read_png

def pixels(path):
    if path.endswith('.ppm'):
        data = open(path, 'rb').read()
        parts = data.split(maxsplit=4)  # P6 width height maxval data
        w, h = int(parts[1]), int(parts[2])
        return w, h, 3, [parts[4][y * w * 3:(y + 1) * w * 3] for y in range(h)]
    return read_png(path)

def count(rows, channels, x0, y0, x1, y1):
    green = yellow = red = 0
    for y in range(y0, y1):
        row = rows[y]
        for x in range(x0, x1):
            r, g, b = row[x * channels], row[x * channels + 1], row[x * channels + 2]
            if g > 140 and g > r + 50 and g > b + 50: green += 1
            if r > 200 and g > 150 and b < 90: yellow += 1
            if r > 180 and g < 90 and b < 90: red += 1
    return green, yellow, red

w, h, channels, rows = pixels(sys.argv[2])
boxes = [tuple(int(v) for v in a.split(',')) for a in sys.argv[3:]] or [(0, 0, w, h)]
for x0, y0, x1, y1 in boxes:
    print(*count(rows, channels, max(0, x0), max(0, y0), min(w, x1), min(h, y1)))
PY
count_colours() { python3 "$TMP/colours.py" "$ROOT/tests/e2e" "$@"; }

for set in briefing hall; do
  out="$TMP/$set"
  "$KS" build "$DECKFILE" -o "$out" --layouts "$ROOT/layouts/$set.xml" --handout 3,notes --dump-layout "$out.json" 2> "$out.log" \
    || { fail "$set: build failed: $(cat "$out.log")"; continue; }
  grep -qE "none of the configured fonts|cannot embed" "$out.log" && fail "$set: emoji reported missing: $(cat "$out.log")"
  "$KS" build "$TMP/plain.xml" -o "$TMP/plain-$set" --layouts "$ROOT/layouts/$set.xml" --handout 3,notes -q 2> /dev/null \
    || fail "$set: the deck without emoji failed"

  # Slide PNG: each emoji's own colour where its line starts (scale 2).
  boxes=$(python3 - "$out.json" <<'PY'
import json, sys
body = next(b for b in json.load(open(sys.argv[1]))['slides'][0]['boxes'] if b['role'] == 'body')
for ch in ('✅', '⚠', '📈'):
    l = next(l for l in body['lines'] if l['text'].startswith(ch))
    print('%d,%d,%d,%d' % (l['x'] * 2, l['y'] * 2, (l['x'] + l['size'] * 1.3) * 2, (l['y'] + l['h']) * 2))
PY
)
  # shellcheck disable=SC2086
  mapfile -t counts < <(count_colours "$out/slides/01.png" $boxes)
  read -r g _ _ <<< "${counts[0]}"; read -r _ yl _ <<< "${counts[1]}"; read -r _ _ r <<< "${counts[2]}"
  [ "$g" -gt 40 ] && ok "$set: ✅ is green on the PNG ($g pixels)" || fail "$set: ✅ not green on the PNG (${counts[0]})"
  [ "$yl" -gt 40 ] && ok "$set: ⚠️ is yellow on the PNG ($yl pixels)" || fail "$set: ⚠️ not yellow on the PNG (${counts[1]})"
  [ "$r" -gt 40 ] && ok "$set: 📈 has its red line on the PNG ($r pixels)" || fail "$set: 📈 has no red on the PNG (${counts[2]})"

  # slides.pdf (Cairo) and the handouts (libharu): colour present only with the emoji.
  for pdf in slides.pdf handout-3.pdf handout-notes.pdf; do
    pdftoppm -r 72 -f 1 -l 1 "$out/$pdf" "$TMP/e-$set" && mv "$TMP/e-$set"-*1.ppm "$TMP/e.ppm"
    pdftoppm -r 72 -f 1 -l 1 "$TMP/plain-$set/$pdf" "$TMP/p-$set" && mv "$TMP/p-$set"-*1.ppm "$TMP/p.ppm"
    read -r eg ey er <<< "$(count_colours "$TMP/e.ppm")"
    read -r pg py pr <<< "$(count_colours "$TMP/p.ppm")"
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
  python3 "$ROOT/tests/e2e/word_overlap.py" "$out/slides.pdf" "$out/handout-3.pdf" "$out/handout-notes.pdf" \
    && ok "$set: no word drawn over another (pdftotext -bbox)" || fail "$set: words drawn over each other (above)"
done
finish
