#!/usr/bin/env bash
# The second layout set, hall: the seed deck, the fitting decks and the
# elements deck build with it and every line, image, cell and column lies
# inside its box; the elements deck's every text is in both PDFs; the master
# draws its SVG logo; <deck layouts="hall"> chooses it by name, an unknown
# name and a missing logo are located errors; cmake --install ships it.
source "$(dirname "$0")/lib.sh"
DECKS="$ROOT/tests/fixtures/decks"
HALL="$ROOT/layouts/hall.xml"
ELEMENTS="$DECKS/elements/deck.xml"

for deck in "$DECK" "$DECKS/done_when.xml" "$DECKS/quarterly.xml" "$ELEMENTS"; do
  name=$(basename "$(dirname "$deck")")-$(basename "$deck" .xml)
  "$KS" build "$deck" --layouts "$HALL" -o "$TMP/$name" --dump-layout "$TMP/$name.json" -q 2> "$TMP/$name.log" \
    || { cat "$TMP/$name.log"; fail "build $name with hall"; continue; }
  grep -q ": error:" "$TMP/$name.log" && { cat "$TMP/$name.log"; fail "$name: errors"; }
  python3 "$ROOT/tests/e2e/fitting_check.py" "$TMP/$name.json" --layouts "$HALL" > "$TMP/$name.fit" \
    && ok "hall, $name: $(tail -1 "$TMP/$name.fit")" || { cat "$TMP/$name.fit"; fail "hall, $name: something outside its box"; }
done

# Every layout of the set is used by the elements deck.
python3 - "$TMP/elements-deck.json" <<'PY' && ok "hall: the elements deck uses all eleven layouts" || fail "hall: layouts not all used"
import json, sys
used = {s["layout"] for s in json.load(open(sys.argv[1]))["slides"]}
want = {"title", "section", "agenda", "bullets", "two-columns", "comparison", "image", "image-text", "table", "statement", "closing"}
print(sorted(want - used) or "all")
sys.exit(0 if want <= used else 1)
PY

E=$TMP/elements-deck
pdftotext -raw "$E/slides.pdf" "$TMP/slides.txt"
pdftotext -raw "$E/handout.pdf" "$TMP/handout.txt"
for doc in slides handout; do
  python3 "$ROOT/tests/e2e/outline_texts.py" "$ELEMENTS" "$TMP/$doc.txt" > "$TMP/$doc.cov" \
    && ok "hall, $doc.pdf: $(tail -1 "$TMP/$doc.cov")" || { cat "$TMP/$doc.cov"; fail "hall, $doc.pdf misses text"; }
done

# The dark theme and the master's logo on the PNGs (slide 2 has the master;
# its logo's left door at (46, 520) pt is amber; 2 px per pt).
colours=($(python3 "$ROOT/tests/e2e/png_pixels.py" "$E/slides/02.png" 20,300 92,1040 1000,1060))
[ "${colours[0]}" = 111418 ] && ok "hall: near-black paper" || fail "hall paper: ${colours[0]}"
[ "${colours[1]}" = ffb627 ] && ok "hall: the master's SVG logo is drawn" || fail "hall logo pixel: ${colours[1]}"
[ "${colours[2]}" = 0a0c0f ] && ok "hall: the footer band" || fail "hall footer band: ${colours[2]}"
# The logo stays vector in slides.pdf: no raster image on a slide without pictures (slide 2, the agenda).
pdfimages -list "$E/slides.pdf" | awk 'NR > 2 && $1 == 2' | grep -q . && fail "hall: the logo is a raster image in slides.pdf" \
  || ok "hall: the logo is vector in slides.pdf"

# Chosen by name in the outline; an unknown name lists the sets.
mkdir -p "$TMP/byname"
cp "$DECKS"/elements/*.png "$DECKS"/elements/*.jpg "$DECKS"/elements/*.svg "$TMP/byname/"
sed 's/layouts="briefing"/layouts="hall"/' "$ELEMENTS" > "$TMP/byname/deck.xml"
"$KS" build "$TMP/byname/deck.xml" -o "$TMP/byname/out" -q 2>/dev/null && cmp -s "$TMP/byname/out/slides/02.png" "$E/slides/02.png" \
  && ok "<deck layouts=\"hall\"> builds what --layouts hall.xml builds" || fail "layouts=\"hall\" differs from --layouts"
sed 's/layouts="briefing"/layouts="hal"/' "$ELEMENTS" > "$TMP/byname/typo.xml"
rc=0; "$KS" build "$TMP/byname/typo.xml" -o "$TMP/byname/typo" 2> "$TMP/typo.log" || rc=$?
[ $rc = 1 ] && grep -qE "typo.xml:[0-9]+:[0-9]+: error: no layout set named 'hal'" "$TMP/typo.log" && grep -q "available: briefing, hall" "$TMP/typo.log" \
  && [ ! -e "$TMP/byname/typo/slides.pdf" ] && ok "unknown layout set: located error listing the sets" || { cat "$TMP/typo.log"; fail "unknown set (exit $rc)"; }

# A logo that is not there is an error at its line in the layout set.
sed 's/hall-logo.svg" x="40" y="508"/no-such-logo.svg" x="40" y="508"/' "$HALL" > "$TMP/nologo.xml"
line=$(grep -n 'no-such-logo.svg' "$TMP/nologo.xml" | head -1 | cut -d: -f1)
rc=0; "$KS" build "$DECK" --layouts "$TMP/nologo.xml" -o "$TMP/nologo" 2> "$TMP/nologo.log" || rc=$?
[ $rc = 1 ] && grep -qE "nologo.xml:$line:[0-9]+: error: logo image 'no-such-logo.svg' not found" "$TMP/nologo.log" \
  && ok "missing logo: located error in the layout set" || { cat "$TMP/nologo.log"; fail "missing logo (exit $rc)"; }

# The depfile names the logo and every image, those inside columns too.
"$KS" build "$ELEMENTS" --layouts "$HALL" -o "$TMP/dep" --depfile "$TMP/dep.d" -q 2>/dev/null
for f in layouts/hall.xml layouts/hall-logo.svg elements/bars.png elements/site.jpg elements/flow.svg; do
  grep -qF "$f" "$TMP/dep.d" && ok "depfile names $f" || { cat "$TMP/dep.d"; fail "depfile misses $f"; }
done
mkdir -p "$TMP/col"
cp "$DECKS/elements/site.jpg" "$TMP/col/only-in-a-column.jpg"
cat > "$TMP/col/deck.xml" <<'XML'
<deck lang="ja"><slide id="a"><title>列の中の写真</title><columns>
  <column><p>左の列。</p></column><column><image src="only-in-a-column.jpg" alt="写真"/></column>
</columns></slide></deck>
XML
"$KS" build "$TMP/col/deck.xml" -o "$TMP/col/out" --depfile "$TMP/col.d" -q 2>/dev/null
grep -qF "only-in-a-column.jpg" "$TMP/col.d" && ok "depfile names an image inside a column" || { cat "$TMP/col.d"; fail "depfile misses the column image"; }

# Installed with its logo.
BUILD_DIR=$(cd "$(dirname "$KS")" && pwd)
cmake --install "$BUILD_DIR" --prefix "$TMP/prefix" > "$TMP/install.log" 2>&1 || fail "install: $(cat "$TMP/install.log")"
for f in share/kamishibai/layouts/hall.xml share/kamishibai/layouts/hall-logo.svg; do
  [ -f "$TMP/prefix/$f" ] && ok "installed $f" || fail "not installed: $f"
done
finish
