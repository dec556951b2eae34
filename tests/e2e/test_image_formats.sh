#!/usr/bin/env bash
# PNG, JPEG and SVG images end to end: a JPEG is embedded in both PDFs as the
# very bytes of its file (DCT, never re-encoded), an SVG is drawn as vectors
# in slides.pdf (no raster image) and correctly on the PNG, and a broken or
# unsupported image is a located input error that writes nothing.
source "$(dirname "$0")/lib.sh"
FIX="$ROOT/tests/fixtures/decks/elements"
W=$TMP/deck
mkdir -p "$W"
cp "$FIX/site.jpg" "$W/photo.jpg"
cat > "$W/halves.svg" <<'SVG'
<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200">
  <rect width="200" height="200" fill="#ff0000"/><rect x="200" width="200" height="200" fill="#0000ff"/>
</svg>
SVG
cat > "$W/deck.xml" <<'XML'
<deck lang="ja">
  <meta><title>画像の形式</title></meta>
  <slide id="cover"><title>画像の形式</title></slide>
  <slide id="vector"><title>SVG の図</title><image src="halves.svg" alt="赤と青の図"/></slide>
  <slide id="photo"><title>JPEG の写真</title><image src="photo.jpg" alt="建物の写真"/></slide>
  <slide id="again"><title>もう一度</title><p>同じ写真をもう一度。</p><image src="photo.jpg" alt="建物の写真"/></slide>
</deck>
XML

rc=0; "$KS" build "$W/deck.xml" -o "$W/out" --dump-layout "$W/dump.json" -q 2> "$W/build.log" || rc=$?
[ $rc = 0 ] && ok "deck with JPEG and SVG images builds" || { cat "$W/build.log"; fail "build exit $rc"; }

# JPEG passthrough: the image's filter is DCT and the extracted stream is the file.
for pdf in slides handout; do
  pdfimages -list "$W/out/$pdf.pdf" > "$W/$pdf.list"
  awk 'NR > 2 && $9 == "jpeg"' "$W/$pdf.list" | grep -q . && ok "$pdf.pdf: the JPEG is embedded as DCT" \
    || { cat "$W/$pdf.list"; fail "$pdf.pdf: no DCT image"; }
  mkdir -p "$W/img-$pdf"
  pdfimages -j "$W/out/$pdf.pdf" "$W/img-$pdf/i"
  same=0; for f in "$W/img-$pdf"/*.jpg; do [ -f "$f" ] && cmp -s "$f" "$W/photo.jpg" && same=1; done
  [ $same = 1 ] && ok "$pdf.pdf: the embedded JPEG is byte-identical to the file" || { ls -la "$W/img-$pdf"; fail "$pdf.pdf: JPEG re-encoded"; }
  # Shown on two slides, embedded once (one object).
  shown=$(awk 'NR > 2 && $9 == "jpeg"' "$W/$pdf.list" | wc -l)
  objects=$(awk 'NR > 2 && $9 == "jpeg" {print $11}' "$W/$pdf.list" | sort -u | wc -l)
  [ "$shown" = 2 ] && [ "$objects" = 1 ] && ok "$pdf.pdf: the JPEG shown twice, embedded once" \
    || { cat "$W/$pdf.list"; fail "$pdf.pdf: JPEG shown $shown times in $objects objects"; }
done

# SVG: vectors in slides.pdf — page 2 holds no raster image at all.
awk 'NR > 2 && $1 == 2' "$W/slides.list" | grep -q . && { cat "$W/slides.list"; fail "slides.pdf: the SVG slide holds a raster image"; } \
  || ok "slides.pdf: the SVG slide has no raster image (drawn as vectors)"
# In the handout an SVG is rasterised at 300 dpi or more.
python3 - "$W/handout.list" <<'PY' && ok "handout.pdf: the SVG at 300 dpi or more" || fail "handout.pdf: SVG resolution"
import sys
rows = [l.split() for l in open(sys.argv[1]).read().splitlines()[2:]]
svg = [r for r in rows if r[2] == "image" and r[8] != "jpeg"]
sys.exit(0 if svg and all(int(r[12]) >= 299 and int(r[13]) >= 299 for r in svg) else 1)
PY

# SVG on the PNG: the left half red, the right half blue, inside the image box of the dump.
read -r X Y IW IH < <(python3 - "$W/dump.json" <<'PY'
import json, sys
s = next(s for s in json.load(open(sys.argv[1]))["slides"] if s["id"] == "vector")
i = next(b for b in s["boxes"] if b.get("images"))["images"][0]
print(i["x"], i["y"], i["w"], i["h"])
PY
)
px=$(python3 -c "
x,y,w,h=$X,$Y,$IW,$IH; k=2  # 960 pt slide, 1920 px PNG
print(' '.join('%d,%d' % (round((x+w*fx)*k), round((y+h*0.5)*k)) for fx in (0.25, 0.75)))")
colours=($(python3 "$ROOT/tests/e2e/png_pixels.py" "$W/out/slides/02.png" $px))
left=${colours[0]:-none} right=${colours[1]:-none}
[ "$left" = ff0000 ] && [ "$right" = 0000ff ] && ok "SVG drawn on the PNG (red left, blue right)" \
  || fail "SVG pixels: left $left right $right at $px"
# The JPEG drawn on the PNG: the sky at the top of the picture is blue.
read -r X Y IW IH < <(python3 - "$W/dump.json" <<'PY'
import json, sys
s = next(s for s in json.load(open(sys.argv[1]))["slides"] if s["id"] == "photo")
i = next(b for b in s["boxes"] if b.get("images"))["images"][0]
print(i["x"], i["y"], i["w"], i["h"])
PY
)
sky=$(python3 "$ROOT/tests/e2e/png_pixels.py" "$W/out/slides/03.png" "$(python3 -c "print('%d,%d' % (round(($X+$IW*0.1)*2), round(($Y+$IH*0.05)*2)))")")
python3 -c "import sys; c=bytes.fromhex('$sky'); sys.exit(0 if c[2] > 200 and c[0] < 140 else 1)" \
  && ok "JPEG decoded on the PNG (sky is blue: $sky)" || fail "JPEG pixels: $sky"

# Broken images: a located error naming the file and what is wrong; nothing written.
python3 - "$W" <<'PY'
import sys
d = sys.argv[1]
jpeg = open(d + "/photo.jpg", "rb").read()
open(d + "/cut.jpg", "wb").write(jpeg[: len(jpeg) // 2])
open(d + "/anim.png", "wb").write(b"GIF89a\x01\x00\x01\x00\x80\x00\x00")
open(d + "/broken.svg", "w").write('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect></svg>')
open(d + "/zero.svg", "w").write('<svg xmlns="http://www.w3.org/2000/svg" width="0" height="0"/>')
PY
bad() {  # file, expected message
  sed "s|photo.jpg|$1|" "$W/deck.xml" > "$W/bad.xml"
  rm -rf "$W/bad-out"
  for cmd in build check; do
    rc=0
    if [ $cmd = build ]; then "$KS" build "$W/bad.xml" -o "$W/bad-out" 2> "$W/bad.log" || rc=$?
    else "$KS" check "$W/bad.xml" 2> "$W/bad.log" || rc=$?; fi
    if [ $rc = 1 ] && grep -qF "bad.xml:5:" "$W/bad.log" && grep -qF "$1" "$W/bad.log" && grep -qF "$2" "$W/bad.log" \
        && ! grep -qi "cannot read" "$W/bad.log" && [ ! -e "$W/bad-out/slides.pdf" ]; then
      ok "$cmd: $1 → $2"
    else
      cat "$W/bad.log"; fail "$cmd: $1 (exit $rc)"
    fi
  done
}
bad cut.jpg "JPEG data is truncated"
bad anim.png "not a PNG, JPEG or SVG file (starts with bytes 47 49 46 38: a GIF)"
bad broken.svg "SVG does not parse: "
bad zero.svg "SVG has a zero size"
finish
