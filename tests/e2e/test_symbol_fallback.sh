#!/usr/bin/env bash
# Symbols BIZ UD lacks (CO₂'s subscript ₂, ✗ ✕ ☐) come from the DejaVu Sans
# fallback: no missing-character warning, the fallback embedded in both PDFs,
# the text extractable, emoji still in colour (Noto Color Emoji first); and
# --fonts may name the fonts folder relative to the current folder.
source "$(dirname "$0")/lib.sh"

deck=$TMP/symbols.xml
cat > "$deck" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<deck lang="ja">
  <meta><title>記号</title></meta>
  <slide id="s1" layout="bullets">
    <title>CO₂ 排出量 ✅</title>
    <list>
      <item>CO₂ 排出量は H₂O 換算で 12% 減 ✗ 未達 ✕ 取消</item>
      <item>☐ 未完了 / ✔ 完了</item>
    </list>
  </slide>
</deck>
XML
for set in briefing hall; do
  out=$TMP/out-$set
  "$KS" build "$deck" -o "$out" --layouts "$ROOT/layouts/$set.xml" > "$out.log" 2>&1 || fail "$set: build failed: $(cat "$out.log")"
  grep -q "none of the configured fonts" "$out.log" && fail "$set: a symbol was reported missing: $(cat "$out.log")"
  for pdf in slides.pdf handout.pdf; do
    pdffonts "$out/$pdf" | grep -q "DejaVuSans" || fail "$set: DejaVu Sans not embedded in $pdf"
    pdffonts "$out/$pdf" | awk 'NR > 2 && $(NF-4) != "yes" && $1 != "[none]" { bad = 1 } END { exit bad }' ||
      fail "$set: a font of $pdf is not embedded"
  done
  pdftotext "$out/handout.pdf" - | grep -q "CO₂ 排出量" || fail "$set: 'CO₂ 排出量' not extractable from the handout"
  pdftotext "$out/slides.pdf" - | grep -q "H₂O" || fail "$set: 'H₂O' not extractable from slides.pdf"
  # ✅ in the title stays a colour emoji (Noto Color Emoji comes before
  # DejaVu Sans): green pixels in the top fifth of the slide image.
  green=$(python3 - "$out/slides/01.png" "$ROOT/tests/e2e" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from png_pixels import read_png, rgb_at
image = read_png(sys.argv[1])
w, h = image[0], image[1]
print(sum(1 for y in range(0, h // 5, 2) for x in range(0, w, 2)
          if (lambda r, g, b: g > r + 30 and g > b + 50)(*rgb_at(image, x, y))))
PY
)
  [ "$green" -gt 50 ] || fail "$set: ✅ in the title is not a green colour emoji ($green green pixels)"
  ok "$set: CO₂, H₂O, ✗ ✕ ☐ drawn from DejaVu Sans in both PDFs, no missing-character warning"
done
# The fonts folder named relative to the current folder.
cp -r "$ROOT/fonts" "$TMP/myfonts"
(cd "$TMP" && "$KS" build symbols.xml -o rel --fonts myfonts -q) > "$TMP/rel.log" 2>&1 ||
  fail "--fonts myfonts (relative) failed: $(cat "$TMP/rel.log")"
ok "--fonts with a relative folder"
finish
