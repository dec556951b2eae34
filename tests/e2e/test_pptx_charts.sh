#!/usr/bin/env bash
# Native PowerPoint charts in slides.pptx (--pptx): every <chart> of the
# charts deck, in both layout sets, is a graphicFrame over a chart part
# (c:chartSpace) whose cached values hold every value of the outline, with
# its data sheet embedded (an .xlsx LibreOffice Calc reads back), types,
# colours, hatching, unit, legend and labels as the slide draws them, and
# complete relationships and content types (pptx_charts_check.py,
# pptx_check.py). LibreOffice Impress converts the file with no error and
# the converted pages show each chart's series, categories, values and
# colours. Byte-identical across builds; a chart value edit reaches the
# chart part; the checker fails on a wrong value.
source "$(dirname "$0")/lib.sh"
CHARTS="$ROOT/tests/fixtures/decks/charts/deck.xml"
CHECK="$ROOT/tests/e2e/pptx_charts_check.py"
command -v soffice >/dev/null || { fail "soffice (Debian libreoffice-impress) is not installed"; finish; }

soffice_to() {  # FORMAT OUTDIR FILE: LibreOffice with a private profile, no dialogs
  soffice --headless --norestore -env:UserInstallation=file://"$TMP/lo-profile" \
    --convert-to "$1" --outdir "$2" "$3" > "$TMP/soffice.log" 2>&1
}

for set in briefing hall; do
  out="$TMP/$set"
  "$KS" build "$CHARTS" -o "$out" --pptx --layouts "$ROOT/layouts/$set.xml" --dump-layout "$out.json" -q \
    2> "$TMP/build.log" || { fail "$set: build failed: $(cat "$TMP/build.log")"; continue; }
  python3 "$CHECK" package "$out/slides.pptx" "$CHARTS" "$out.json" > "$TMP/check.log" \
    && ok "$set: $(tail -1 "$TMP/check.log")" || fail "$set: chart parts"
  python3 "$ROOT/tests/e2e/pptx_check.py" package "$out/slides.pptx" "$out.json" > /dev/null \
    && ok "$set: package complete (relationships, content types)" || fail "$set: package checks"
  if ! soffice_to pdf "$TMP/conv-$set" "$out/slides.pptx" || [ ! -s "$TMP/conv-$set/slides.pdf" ]; then
    fail "$set: LibreOffice did not convert slides.pptx: $(cat "$TMP/soffice.log")"
    continue
  fi
  grep -qiE "error|repair|corrupt" "$TMP/soffice.log" && fail "$set: LibreOffice said: $(cat "$TMP/soffice.log")"
  want=$(pdf_pages "$out/slides.pdf") got=$(pdf_pages "$TMP/conv-$set/slides.pdf")
  [ "$want" = "$got" ] && ok "$set: converted, $got pages" || fail "$set: $got pages converted, slides.pdf has $want"
  mkdir -p "$TMP/px-$set"
  python3 "$CHECK" pdf "$TMP/conv-$set/slides.pdf" "$CHARTS" "$out/slides.pptx" "$TMP/px-$set" > "$TMP/check.log" \
    && ok "$set: $(tail -1 "$TMP/check.log"), every chart colour drawn" || fail "$set: converted chart pages"
done

# The data sheet is a real workbook: LibreOffice Calc reads the line chart's
# (chart 2) back with its gap, as the outline has it.
if [ -e /usr/lib/libreoffice/program/libsclo.so ]; then
  mkdir -p "$TMP/xlsx"
  unzip -p "$TMP/briefing/slides.pptx" ppt/embeddings/Microsoft_Excel_Worksheet2.xlsx > "$TMP/xlsx/margin.xlsx"
  soffice_to 'csv:Text - txt - csv (StarCalc):44,34,76,1' "$TMP/xlsx" "$TMP/xlsx/margin.xlsx"
  printf '"四半期","2025年度","2026年度"\n"Q1",6.2,7.1\n"Q2",6.8,7.9\n"Q3",,8.6\n"Q4",7.5,9.8\n' > "$TMP/xlsx/want.csv"
  diff <(tr -d '\r' < "$TMP/xlsx/margin.csv") "$TMP/xlsx/want.csv" > "$TMP/xlsx/diff" \
    && ok "the embedded workbook opens in LibreOffice Calc with the outline's data" \
    || fail "the embedded workbook: $(cat "$TMP/xlsx/diff" "$TMP/soffice.log")"
else
  fail "LibreOffice Calc (Debian libreoffice-calc) is not installed: cannot read the embedded workbook back"
fi

# The checker fails on a chart whose cached value differs from the outline.
python3 - "$TMP/briefing/slides.pptx" "$TMP/broken.pptx" <<'PY'
import sys, zipfile
src, dst = zipfile.ZipFile(sys.argv[1]), zipfile.ZipFile(sys.argv[2], "w")
for n in src.namelist():
    data = src.read(n)
    if n == "ppt/charts/chart1.xml":
        data = data.replace(b"<c:v>149</c:v>", b"<c:v>150</c:v>", 1)
    dst.writestr(n, data)
dst.close()
PY
python3 "$CHECK" package "$TMP/broken.pptx" "$CHARTS" "$TMP/briefing.json" > /dev/null 2>&1 \
  && fail "the chart check passes a wrong value" || ok "the chart check catches a wrong value"

# Byte-identical: a second build from scratch gives the same bytes.
"$KS" build "$CHARTS" -o "$TMP/again" --pptx -q --no-cache
cmp -s "$TMP/briefing/slides.pptx" "$TMP/again/slides.pptx" && ok "byte-identical across builds" \
  || fail "slides.pptx differs between two builds of the same input"

# An edited chart value reaches the chart part and its workbook.
mkdir -p "$TMP/deck"
sed 's#<cell>149</cell>#<cell>150</cell>#; s#"../elements/#"'"$ROOT"'/tests/fixtures/decks/elements/#' "$CHARTS" \
  > "$TMP/deck/deck.xml"
"$KS" build "$TMP/deck/deck.xml" -o "$TMP/again" --pptx -q
unzip -p "$TMP/again/slides.pptx" ppt/charts/chart1.xml | grep -q '<c:v>150</c:v>' \
  && unzip -p "$TMP/again/slides.pptx" ppt/embeddings/Microsoft_Excel_Worksheet1.xlsx > "$TMP/edited.xlsx" \
  && unzip -p "$TMP/edited.xlsx" xl/worksheets/sheet1.xml | grep -q '<v>150</v>' \
  && ok "a chart value edit reaches the chart part and its workbook" || fail "a chart value edit did not reach slides.pptx"
finish
