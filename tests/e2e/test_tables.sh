#!/usr/bin/env bash
# Tables that read well, in both layout sets (tests/fixtures/decks/tables.xml):
# merged cells and a total row, widths in proportion to content, number
# columns with units right-aligned on their decimal points, a 30-row table
# with merged blocks that continues whole (table_check.py); every cell inside
# its box, no word over another in slides.pdf or the outline handout; bad
# spans are located errors that write nothing.
source "$(dirname "$0")/lib.sh"
TABLES="$ROOT/tests/fixtures/decks/tables.xml"

# Words (pdftotext -bbox) that overlap another word on the same page.
overlaps() {
  pdftotext -bbox "$1" "$TMP/bbox.html"
  python3 - "$TMP/bbox.html" <<'PY'
import re, sys
pages = open(sys.argv[1], encoding="utf-8").read().split("<page ")[1:]
bad = 0
for n, page in enumerate(pages, 1):
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in
             re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page)]
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dx > 0.5 and dy > 0.5 * min(a[3] - a[1], b[3] - b[1]):
                print("page %d: %r over %r" % (n, a[4], b[4]))
                bad += 1
print("%d overlapping words" % bad)
sys.exit(1 if bad else 0)
PY
}

for set in briefing hall; do
  out=$TMP/$set
  "$KS" build "$TABLES" --layouts "$ROOT/layouts/$set.xml" -o "$out" --dump-layout "$out.json" --handout 3,outline \
    -q 2> "$out.log" || { cat "$out.log"; fail "$set: build"; continue; }
  grep -q ": error:" "$out.log" && { cat "$out.log"; fail "$set: errors"; }
  python3 "$ROOT/tests/e2e/table_check.py" "$out.json" "$out/slides.pdf" > "$out.check" \
    && ok "$set: $(tail -1 "$out.check")" || { cat "$out.check"; fail "$set: table checks"; }
  python3 "$ROOT/tests/e2e/fitting_check.py" "$out.json" --layouts "$ROOT/layouts/$set.xml" > "$out.fit" \
    && ok "$set: $(tail -1 "$out.fit")" || { cat "$out.fit"; fail "$set: something outside its box"; }
  for pdf in slides.pdf handout-outline.pdf; do
    overlaps "$out/$pdf" > "$out.overlap" && ok "$set, $pdf: $(tail -1 "$out.overlap")" \
      || { cat "$out.overlap"; fail "$set, $pdf: words drawn over each other"; }
  done
done

# The same input gives the same bytes.
"$KS" build "$TABLES" -o "$TMP/again" --dump-layout "$TMP/again.json" -q 2> /dev/null
cmp -s "$TMP/briefing.json" "$TMP/again.json" && cmp -s "$TMP/briefing/slides.pdf" "$TMP/again/slides.pdf" \
  && ok "deterministic dump and slides.pdf" || fail "a second build differs"

# Bad spans: located errors, exit 1, nothing written.
bad_table() {
  cat > "$TMP/bad.xml" <<EOF
<?xml version="1.0" encoding="UTF-8"?>
<deck lang="ja"><meta><title>t</title></meta>
<slide id="s"><title>表</title>
<table>
$1
</table>
</slide></deck>
EOF
  rc=0; "$KS" build "$TMP/bad.xml" -o "$TMP/bad-out" 2> "$TMP/bad.log" || rc=$?
  if [ $rc = 1 ] && [ ! -e "$TMP/bad-out" ] && grep -qE "bad.xml:$2: error: $3" "$TMP/bad.log"; then
    ok "bad table: $3"
  else
    cat "$TMP/bad.log"; fail "bad table (exit $rc): expected $2: $3"
  fi
}
bad_table '<row><cell colspan="0">a</cell></row>' '5:[0-9]+' "colspan must be a whole number from 1, not '0'"
bad_table '<row><cell rowspan="x">a</cell><cell>b</cell></row>' '5:[0-9]+' "rowspan must be a whole number from 1, not 'x'"
bad_table '<row><cell rowspan="3">a</cell><cell>b</cell></row>
<row><cell>c</cell></row>' '5:[0-9]+' 'rowspan="3" runs past the last row of the table \(2 rows from here\)'
bad_table '<row><cell>a</cell><cell rowspan="2">b</cell></row>
<row><cell colspan="2">c</cell></row>' '6:[0-9]+' "this cell overlaps a cell merged into its row from above"
bad_table '<row><cell colspan="2">a</cell><cell>b</cell></row>
<row><cell>c</cell><cell>d</cell></row>' '6:[0-9]+' "row covers 2 columns, the first row covers 3"
bad_table '<row header="true"><cell rowspan="2">a</cell><cell>b</cell></row>
<row><cell>c</cell></row>' '5:[0-9]+' "a header cell's rowspan reaches into the body rows"
bad_table '<row total="yes"><cell>a</cell></row>' '5:[0-9]+' "total 'yes' is not known"
finish
