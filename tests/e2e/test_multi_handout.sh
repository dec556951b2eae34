#!/usr/bin/env bash
# --handout 3,notes: one PDF per style from one build, named by style; a
# single style keeps handout.pdf; the depfile and the manifest follow; going
# back to one style removes the per-style files.
source "$(dirname "$0")/lib.sh"
O=$TMP/out
n=$(slide_count "$DECK")

"$KS" build "$DECK" -o "$O" -q --handout 3,notes --depfile "$TMP/deps.d"
[ -f "$O/handout-3.pdf" ] && [ -f "$O/handout-notes.pdf" ] && [ ! -e "$O/handout.pdf" ] \
  && ok "two styles: handout-3.pdf and handout-notes.pdf" || fail "files: $(ls "$O")"
p3=$(pdf_pages "$O/handout-3.pdf"); pn=$(pdf_pages "$O/handout-notes.pdf")
[ "$p3" = $(( (n + 2) / 3 )) ] && ok "handout-3.pdf: $p3 pages, three slides a page" || fail "handout-3.pdf has $p3 pages for $n slides"
[ "$pn" -ge "$n" ] && ok "handout-notes.pdf: $pn pages, a slide (or more pages) each" || fail "handout-notes.pdf has $pn pages"
pdftotext "$O/handout-notes.pdf" "$TMP/notes.txt"
grep -q 'Intelligent-Tieringによる累計40億ドル' "$TMP/notes.txt" && ok "notes style carries the speaker notes" || fail "notes missing"
pdftotext "$O/handout-3.pdf" "$TMP/three.txt"
grep -q 'Intelligent-Tieringによる累計40億ドルのコスト削減が印象的' "$TMP/three.txt" && fail "style 3 has speaker notes" || ok "style 3 has no speaker notes"
grep -q "handout-3.pdf" "$TMP/deps.d" && grep -q "handout-notes.pdf" "$TMP/deps.d" && ! grep -q "handout.pdf" "$TMP/deps.d" \
  && ok "depfile names both handouts" || fail "depfile: $(head -3 "$TMP/deps.d")"
grep -q "handout-notes.pdf" "$O/.kamishibai/manifest" && ok "manifest owns both handouts" || fail "manifest"

# The same styles from separate single-style builds give the same bytes.
"$KS" build "$DECK" -o "$TMP/single" -q --handout notes
cmp -s "$TMP/single/handout.pdf" "$O/handout-notes.pdf" && ok "handout-notes.pdf = a --handout notes build's handout.pdf" \
  || fail "multi-style notes handout differs from a single-style build"

# Back to one style: handout.pdf, the per-style files are gone.
"$KS" build "$DECK" -o "$O" -q --handout 3
[ -f "$O/handout.pdf" ] && [ ! -e "$O/handout-3.pdf" ] && [ ! -e "$O/handout-notes.pdf" ] \
  && ok "one style again: handout.pdf only" || fail "files: $(ls "$O")"

# A bad style in the list is a usage error naming it.
set +e; "$KS" build "$DECK" -o "$TMP/bad" --handout 3,bogus 2>"$TMP/err"; code=$?; set -e
[ "$code" = 2 ] && grep -q bogus "$TMP/err" && ok "bad style in a list: exit 2 naming it" || fail "bad style: exit $code $(cat "$TMP/err")"
[ ! -e "$TMP/bad/handout-3.pdf" ] && ok "nothing written for a bad list" || fail "wrote output for a bad list"
finish
