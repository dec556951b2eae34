#!/usr/bin/env bash
# Issue 9: a zero-width space in an item drew an empty box in handout.pdf.
# The handout of `テスト<U+200B>です ABC<U+200B>DEF` must draw exactly what the
# same item without the zero-width spaces draws (no extra rectangle), and
# still carry the characters as text.
source "$(dirname "$0")/lib.sh"

deck() {  # $1 = item text
  cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<deck lang="ja">
  <meta><title>試験</title><date>2025-06-26</date></meta>
  <slide layout="bullets" id="z"><title>ゼロ幅スペース</title><list><item>$1</item></list></slide>
</deck>
XML
}
zwsp=$(printf '\xe2\x80\x8b')
deck "テスト${zwsp}です ABC${zwsp}DEF" > "$TMP/zwsp.xml"
deck "テストです ABCDEF" > "$TMP/plain.xml"

rects() {  # stroked or filled rectangles in the handout's content streams
  qpdf --qdf --object-streams=disable "$1" - | grep -ac ' re$'
}
for d in zwsp plain; do
  "$KS" build "$TMP/$d.xml" -o "$TMP/$d" --handout 1 -q 2>"$TMP/$d.log" || fail "build $d: $(cat "$TMP/$d.log")"
done
[ -s "$TMP/zwsp.log" ] && fail "warnings for the zero-width spaces: $(cat "$TMP/zwsp.log")" || ok "no warning"
a=$(rects "$TMP/zwsp/handout.pdf"); b=$(rects "$TMP/plain/handout.pdf")
[ "$a" = "$b" ] && ok "no box drawn for U+200B ($a rectangles either way)" || fail "$a rectangles with U+200B, $b without"
pdftotext "$TMP/zwsp/handout.pdf" - | grep -q "テスト${zwsp}です ABC${zwsp}DEF" && ok "text kept, U+200B included" \
  || fail "handout text lost the item"
finish
