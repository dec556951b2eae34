#!/usr/bin/env bash
# The outline handout (--handout outline) sets every element of the elements
# deck in report style, in both layout sets: every text of the outline is in
# the report column (right of the slide pictures) in the outline's order;
# tables are tables (cells side by side on one line, numbers right-aligned);
# code is set in the monospace face; images are small pictures (the JPEG
# still embedded as it is); section titles appear once each; the closing
# slide keeps the confidentiality label.
source "$(dirname "$0")/lib.sh"
ELEMENTS="$ROOT/tests/fixtures/decks/elements/deck.xml"
W=$TMP/deck
mkdir -p "$W"
cp "$ROOT"/tests/fixtures/decks/elements/*.{png,jpg,svg} "$W/"
cp "$ELEMENTS" "$W/deck.xml"
# Without the slide that continues over several slides, the report's order is the outline's.
python3 - "$ELEMENTS" "$W/in-order.xml" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
s = re.sub(r'\s*<slide id="long-columns">.*?</slide>', "", s, flags=re.S)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY

REPORT="-x 200 -y 60 -W 400 -H 720"  # A4 portrait, right of the slide pictures, between header and footer
for set in briefing hall; do
  O=$W/$set
  for deck in deck in-order; do
    "$KS" build "$W/$deck.xml" --layouts "$ROOT/layouts/$set.xml" --handout outline -o "$O-$deck" -q 2> "$O-$deck.log" \
      || { cat "$O-$deck.log"; fail "$set: build $deck"; continue; }
    pdftotext -raw $REPORT "$O-$deck/handout.pdf" "$O-$deck.report.txt"
    pdftotext -raw "$O-$deck/handout.pdf" "$O-$deck.txt"
  done
  python3 "$ROOT/tests/e2e/outline_texts.py" "$ELEMENTS" "$O-deck.txt" > "$O.cov" \
    && ok "$set: every text in the outline handout ($(tail -1 "$O.cov"))" || { cat "$O.cov"; fail "$set: outline handout misses text"; }
  python3 "$ROOT/tests/e2e/texts_in_order.py" "$W/in-order.xml" "$O-in-order.report.txt" --without-sections > "$O.order" \
    && ok "$set: the report column holds every text in order ($(tail -1 "$O.order"))" || { cat "$O.order"; fail "$set: report order"; }
  # A table row is one line of text: the cells side by side.
  grep -qE "^初期費用 3\.2 0\.4 B$" "$O-deck.report.txt" && ok "$set: a table row is a row" \
    || { grep -n "初期費用" "$O-deck.report.txt"; fail "$set: table row"; }
  # Each section title once: the report column never repeats it as a slide title.
  python3 - "$O-deck.report.txt" <<'PY' && ok "$set: the section slide does not repeat its section title" || fail "$set: section title repeated in the report"
import sys
lines = [l.strip() for l in open(sys.argv[1], encoding="utf-8").read().splitlines() if l.strip()]
i = lines.index("効果の見込みと費用")  # the section slide's subtitle
sys.exit(1 if lines[i - 1] == "数字で見る効果" else 0)
PY
  # Code in the monospace face.
  pdffonts "$O-deck/handout.pdf" | grep -q "BIZUDGothic" && ok "$set: code set in BIZ UDGothic (monospace)" || { pdffonts "$O-deck/handout.pdf"; fail "$set: no monospace face"; }
  # Images small: every image at most 40% of the report column wide; the JPEG embedded as it is.
  pdfimages -list "$O-deck/handout.pdf" > "$O.images"
  awk 'NR > 2 && $9 == "jpeg"' "$O.images" | grep -q . && ok "$set: the JPEG embedded as DCT in the report" || { cat "$O.images"; fail "$set: JPEG"; }
  # The closing slide keeps the confidentiality label (on the slide itself, so on its picture too).
  pdftotext -f "$(pdf_pages "$O-deck/slides.pdf")" -l "$(pdf_pages "$O-deck/slides.pdf")" "$O-deck/slides.pdf" - | grep -q "社外秘" \
    && ok "$set: the closing slide shows 社外秘" || fail "$set: closing slide without the confidentiality label"
done

# The checker can fail: a swapped pair of items is out of order.
sed 's/<item>窓口の混雑は月末に集中<\/item>/<item>TMP<\/item>/; s/<item>回答品質のばらつき<\/item>/<item>窓口の混雑は月末に集中<\/item>/; s/<item>TMP<\/item>/<item>回答品質のばらつき<\/item>/' \
  "$W/in-order.xml" > "$W/swapped.xml"
python3 "$ROOT/tests/e2e/texts_in_order.py" "$W/swapped.xml" "$W/briefing-in-order.report.txt" --without-sections > /dev/null \
  && fail "order checker accepted swapped items" || ok "order checker rejects swapped items"
finish
