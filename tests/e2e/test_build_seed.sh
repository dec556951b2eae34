#!/usr/bin/env bash
# Builds the seed deck and checks every output with independent tools.
source "$(dirname "$0")/lib.sh"

OUT="$TMP/out"
"$KS" build "$DECK" -o "$OUT" --dump-layout "$OUT/layout.json" 2> "$TMP/build.log" || { cat "$TMP/build.log"; fail "build failed"; finish; }
N=$(slide_count "$DECK")

# One 1920x1080 PNG per slide.
pngs=$(ls "$OUT/slides" | grep -c '\.png$')
[ "$pngs" -eq "$N" ] && ok "$N slide PNGs" || fail "expected $N PNGs, found $pngs"
for f in "$OUT"/slides/*.png; do
  [ "$(png_size "$f")" = "1920x1080" ] || fail "$f is $(png_size "$f"), not 1920x1080"
done
[ -f "$OUT/slides/01.png" ] || fail "slides/01.png missing"

# Page counts: one page per slide; three slides per handout page.
[ "$(pdf_pages "$OUT/slides.pdf")" -eq "$N" ] && ok "slides.pdf has $N pages" || fail "slides.pdf pages"
expect_handout=$(( (N + 2) / 3 ))
[ "$(pdf_pages "$OUT/handout.pdf")" -eq "$expect_handout" ] && ok "handout.pdf has $expect_handout pages" \
  || fail "handout.pdf has $(pdf_pages "$OUT/handout.pdf") pages, expected $expect_handout"
pdfinfo "$OUT/handout.pdf" | grep -q 'Page size: *595.* x 841.*' && ok "handout is A4" || fail "handout is not A4"

# Both PDFs are structurally valid.
for pdf in slides handout; do
  qpdf --check "$OUT/$pdf.pdf" > "$TMP/qpdf.log" 2>&1 && ok "qpdf --check $pdf.pdf" || { cat "$TMP/qpdf.log"; fail "qpdf --check $pdf.pdf"; }
done

# Fonts embedded (all), and for the handout subset with a ToUnicode map.
pdffonts "$OUT/slides.pdf" | tail -n +3 > "$TMP/fonts-slides"
[ -s "$TMP/fonts-slides" ] || fail "slides.pdf lists no fonts"
awk '{ if ($(NF-4) != "yes") bad=1 } END { exit bad }' "$TMP/fonts-slides" && ok "slides.pdf fonts embedded" || { cat "$TMP/fonts-slides"; fail "slides.pdf has a font that is not embedded"; }
pdffonts "$OUT/handout.pdf" | tail -n +3 > "$TMP/fonts-handout"
[ -s "$TMP/fonts-handout" ] || fail "handout.pdf lists no fonts"
awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 } END { exit bad }' "$TMP/fonts-handout" \
  && ok "handout.pdf fonts embedded, subset, unicode" || { cat "$TMP/fonts-handout"; fail "handout.pdf fonts"; }
grep -q "BIZUDPGothic" "$TMP/fonts-handout" && ok "handout uses BIZ UDPGothic" || fail "handout font is not BIZ UDPGothic"

# Every text fragment of the seed report is in both PDFs, and extraction is clean.
for pdf in slides handout; do
  pdftotext "$OUT/$pdf.pdf" "$TMP/$pdf.txt" 2> "$TMP/$pdf.err"
  [ ! -s "$TMP/$pdf.err" ] && ok "pdftotext $pdf.pdf: no warnings" || { head -3 "$TMP/$pdf.err"; fail "pdftotext warned on $pdf.pdf"; }
  python3 "$ROOT/tests/e2e/seed_coverage.py" "$SEED" "$TMP/$pdf.txt" > "$TMP/cov.log" 2>&1 \
    && ok "seed text complete in $pdf.pdf" || { tail -20 "$TMP/cov.log"; fail "seed text missing from $pdf.pdf"; }
done
grep -Eq "1 ?/ ?$expect_handout" "$TMP/handout.txt" && ok "handout footer has page numbers" || fail "handout footer n / N missing"
# Japanese–Latin spacing is positioning only: extraction gives the text as written.
for pdf in slides handout; do
  grep -q "巨勢氏からは、AWSの技術が" "$TMP/$pdf.txt" && ok "$pdf.pdf text exact across JL spacing" \
    || { grep -m1 "巨勢氏からは" "$TMP/$pdf.txt"; fail "$pdf.pdf extraction altered the text"; }
  # MuPDF as a second, independent reader: no warnings (Debian's build always
  # notes that it lacks ICC support; that line is about mutool, not the file).
  mutool draw -q -F txt -o "$TMP/$pdf.mu.txt" "$OUT/$pdf.pdf" 2> "$TMP/$pdf.mu.err"
  grep -v "ICC support is not available" "$TMP/$pdf.mu.err" | grep -q . \
    && { cat "$TMP/$pdf.mu.err"; fail "mutool warned on $pdf.pdf"; } || ok "mutool reads $pdf.pdf without warnings"
  python3 "$ROOT/tests/e2e/seed_coverage.py" "$SEED" "$TMP/$pdf.mu.txt" > /dev/null 2>&1 \
    && ok "seed text complete in $pdf.pdf as MuPDF reads it" || fail "MuPDF misses seed text in $pdf.pdf"
done

# The layout dump has the contract keys and no overflowing box.
python3 - "$OUT/layout.json" "$N" <<'PY' || fail "layout dump"
import json, sys
d = json.load(open(sys.argv[1]))
n = int(sys.argv[2])
assert len(d["slides"]) == n, "slide count"
for s in d["slides"]:
    for k in ("index", "id", "layout", "width", "height", "boxes"):
        assert k in s, k
    for b in s["boxes"]:
        for k in ("role", "x", "y", "w", "h", "overflow", "lines"):
            assert k in b, k
        assert not b["overflow"], f"slide {s['id']} box {b['role']} overflows"
        for l in b["lines"]:
            for k in ("text", "x", "y", "w"):
                assert k in l, k
print("ok: layout dump keys, no overflow")
PY

# No warnings for the seed deck.
grep -q "warning" "$TMP/build.log" && { cat "$TMP/build.log"; fail "the seed deck builds with warnings"; } || ok "no warnings"

# The same input gives byte-identical files.
"$KS" build "$DECK" -o "$TMP/out2" --dump-layout "$TMP/out2/layout.json" 2>/dev/null
for f in slides.pdf handout.pdf layout.json slides/01.png slides/05.png; do
  cmp -s "$OUT/$f" "$TMP/out2/$f" && ok "$f reproducible" || fail "$f differs between two runs"
done
finish
