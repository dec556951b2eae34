#!/usr/bin/env bash
# slides.pptx (--pptx): a well-formed package, opened by a real reader.
# LibreOffice Impress converts it to PDF with no error; the PDF has as many
# pages as slides.pdf, holds every line of every text box, and at least 90%
# of the lines break where kamishibai broke them. Speaker notes are in the
# notes pages. The same input gives the same bytes; an edit rewrites the
# file, no edit keeps it. Seed deck and the pptx deck, in both layout sets.
source "$(dirname "$0")/lib.sh"
CHECK="$ROOT/tests/e2e/pptx_check.py"
command -v soffice >/dev/null || { fail "soffice (Debian libreoffice-impress) is not installed"; finish; }

convert() {  # PPTX OUTDIR: LibreOffice with a private profile, no dialogs
  soffice --headless --norestore -env:UserInstallation=file://"$TMP/lo-profile" \
    --convert-to pdf --outdir "$2" "$1" > "$TMP/soffice.log" 2>&1
}

n=0
for deck in "$DECK" "$ROOT/tests/fixtures/decks/pptx/deck.xml"; do
  for set in briefing hall; do
    n=$((n + 1))
    out="$TMP/out$n"
    name="$(basename "$(dirname "$deck")")/$(basename "$deck") ($set)"
    "$KS" build "$deck" -o "$out" --pptx --layouts "$ROOT/layouts/$set.xml" --dump-layout "$TMP/layout$n.json" -q \
      2> "$TMP/build.log" || { fail "$name: build failed: $(cat "$TMP/build.log")"; continue; }
    [ -s "$out/slides.pptx" ] && ok "$name: slides.pptx written" || { fail "$name: no slides.pptx"; continue; }
    python3 "$CHECK" package "$out/slides.pptx" "$TMP/layout$n.json" && ok "$name: package checks" \
      || fail "$name: package checks"
    conv="$TMP/conv$n"
    if ! convert "$out/slides.pptx" "$conv" || [ ! -s "$conv/slides.pdf" ]; then
      fail "$name: LibreOffice did not convert slides.pptx: $(cat "$TMP/soffice.log")"
      continue
    fi
    grep -qiE "error|repair|corrupt" "$TMP/soffice.log" && fail "$name: LibreOffice said: $(cat "$TMP/soffice.log")"
    want=$(pdf_pages "$out/slides.pdf") got=$(pdf_pages "$conv/slides.pdf")
    [ "$want" = "$got" ] && ok "$name: $got pages, as slides.pdf" || fail "$name: $got pages converted, slides.pdf has $want"
    python3 "$CHECK" text "$TMP/layout$n.json" "$conv/slides.pdf" "$out/slides.pdf" \
      && ok "$name: every line present, breaks kept" || fail "$name: text of the converted PDF"
  done
done

# The checker itself fails on a broken package: a dangling relationship.
python3 - "$TMP/out1/slides.pptx" "$TMP/broken.pptx" <<'EOF'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for n in src.namelist():
    data = src.read(n)
    if n == "ppt/slides/_rels/slide2.xml.rels":
        data = data.replace(b'Target="../slideLayouts/', b'Target="../slideLayoutz/')
    dst.writestr(n, data)
dst.close()
EOF
python3 "$CHECK" package "$TMP/broken.pptx" "$TMP/layout1.json" 2>/dev/null \
  && fail "the package check passes a dangling relationship" || ok "the package check catches a dangling relationship"

# Deterministic: a second build from scratch gives the same bytes.
"$KS" build "$DECK" -o "$TMP/again" --pptx -q --no-cache
# Merged cells are real a:tbl merges: gridSpan/hMerge across, rowSpan/vMerge down.
unzip -p "$TMP/out3/slides.pptx" 'ppt/slides/slide*.xml' > "$TMP/slides-xml.txt"
merged=0
for attr in 'gridSpan="2"' 'rowSpan="2"' 'hMerge="1"' 'vMerge="1"'; do
  grep -q "$attr" "$TMP/slides-xml.txt" && merged=$((merged + 1)) || fail "no $attr in the merged-cell table"
done
[ "$merged" -eq 4 ] && ok "merged cells are table merges (gridSpan, rowSpan, hMerge, vMerge)"
cmp -s "$TMP/out1/slides.pptx" "$TMP/again/slides.pptx" && ok "byte-identical across builds" \
  || fail "slides.pptx differs between two builds of the same input"

# Incremental: no edit keeps the file, a one-bullet edit rewrites it, a
# notes-only edit too (the notes are in the pptx, not in the PDF).
cp -r "$ROOT/tests/fixtures/decks/pptx" "$TMP/deck"
sed -i 's#"../elements/#"'"$ROOT"'/tests/fixtures/decks/elements/#' "$TMP/deck/deck.xml"
"$KS" build "$TMP/deck/deck.xml" -o "$TMP/inc" --pptx -q
stamp() { stat -c '%i %Y.%y' "$TMP/inc/slides.pptx"; }
before=$(stamp); sum=$(md5sum < "$TMP/inc/slides.pptx")
sleep 0.01
"$KS" build "$TMP/deck/deck.xml" -o "$TMP/inc" --pptx -q
[ "$(stamp)" = "$before" ] && ok "no edit: slides.pptx kept" || fail "no edit rewrote slides.pptx"
sed -i 's#<item>候補を三つに絞る</item>#<item>候補を四つに絞る</item>#' "$TMP/deck/deck.xml"
"$KS" build "$TMP/deck/deck.xml" -o "$TMP/inc" --pptx -q
[ "$(md5sum < "$TMP/inc/slides.pptx")" != "$sum" ] && unzip -p "$TMP/inc/slides.pptx" ppt/slides/slide4.xml | grep -q "候補を四つに絞る" \
  && ok "a one-bullet edit rewrites slides.pptx" || fail "a one-bullet edit did not reach slides.pptx"
sum=$(md5sum < "$TMP/inc/slides.pptx")
sed -i 's#表紙では目的を一言で述べる。#表紙では目的と結論を述べる。#' "$TMP/deck/deck.xml"
"$KS" build "$TMP/deck/deck.xml" -o "$TMP/inc" --pptx -q
[ "$(md5sum < "$TMP/inc/slides.pptx")" != "$sum" ] && ok "a notes edit rewrites slides.pptx" \
  || fail "a notes edit did not reach slides.pptx"
grep -q "slides.pptx" "$TMP/inc/.kamishibai/manifest" && ok "slides.pptx is in the manifest" \
  || fail "slides.pptx is not in the manifest"

# The depfile names it as an output.
"$KS" build "$DECK" -o "$TMP/dep" --pptx -q --depfile "$TMP/dep/deck.d"
grep -q "slides.pptx" "$TMP/dep/deck.d" && ok "the depfile lists slides.pptx" || fail "the depfile does not list slides.pptx"
finish
