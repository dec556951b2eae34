#!/usr/bin/env bash
# Every handout style for the seed deck: page counts, paper, fonts, text with
# no reader warnings (poppler and MuPDF), bookmarks, document info, byte
# identity across runs and size. What each page holds is checked by the impose
# stage's goldens (tests/unit/test_stage_goldens.cpp,
# tests/golden/impose/seed-*.txt); how libharu draws it by the raster goldens
# of HandoutRasterGolden (tests/unit/test_handout_golden.cpp).
#   $1 = kamishibai binary, $2 = repo root
source "$(dirname "$0")/lib.sh"

N=$(slide_count "$DECK")
ceil() { echo $(( ($1 + $2 - 1) / $2 )); }

# Notes text of the outline, one paragraph a line, whitespace removed.
python3 - "$DECK" > "$TMP/notes.txt" <<'PY'
import re, sys, xml.etree.ElementTree as ET
for n in ET.parse(sys.argv[1]).getroot().iter("notes"):
    text = "".join(n.itertext())
    for para in re.split(r"\n\s*\n", text):
        para = re.sub(r"\s+", "", para)
        if para:
            print(para)
PY

check_pdf() {  # name, pdf, expected pages, expected "WxH" (rounded)
  local name=$1 pdf=$2 pages=$3 size=$4
  [ -f "$pdf" ] || { fail "$name: no handout.pdf"; return; }
  local got; got=$(pdf_pages "$pdf")
  if [ "$pages" = "notes" ]; then
    [ "$got" -ge "$N" ] && ok "$name: $got pages (>= $N slides)" || fail "$name: $got pages, expected >= $N"
  elif [ "$pages" = "outline" ]; then
    [ "$got" -ge 1 ] && [ "$got" -le "$N" ] && ok "$name: $got pages" || fail "$name: $got pages"
  else
    [ "$got" -eq "$pages" ] && ok "$name: $pages pages" || fail "$name: $got pages, expected $pages"
  fi
  local ps; ps=$(pdfinfo "$pdf" | awk '/^Page size:/ {printf "%dx%d", $3 + 0.5, $5 + 0.5}')
  [ "$ps" = "$size" ] && ok "$name: page size $ps" || fail "$name: page size $ps, expected $size"
  qpdf --check "$pdf" > "$TMP/qpdf.log" 2>&1 && ok "$name: qpdf --check" || { tail -5 "$TMP/qpdf.log"; fail "$name: qpdf --check"; }
  pdffonts "$pdf" | tail -n +3 > "$TMP/fonts"
  [ -s "$TMP/fonts" ] && awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") bad=1 } END { exit bad }' "$TMP/fonts" \
    && ok "$name: fonts embedded, subset, unicode" || { cat "$TMP/fonts"; fail "$name: fonts"; }
  pdftotext "$pdf" "$TMP/text.txt" 2> "$TMP/pdftotext.err"
  [ ! -s "$TMP/pdftotext.err" ] && ok "$name: pdftotext no warnings" || { head -3 "$TMP/pdftotext.err"; fail "$name: pdftotext warned"; }
  # Debian's MuPDF prints "ICC support is not available" for every file; anything else is a warning.
  mutool draw -q -F txt -o /dev/null "$pdf" 2>&1 | grep -v "ICC support is not available" > "$TMP/mutool.err" || true
  [ ! -s "$TMP/mutool.err" ] && ok "$name: mutool no warnings" || { head -3 "$TMP/mutool.err"; fail "$name: mutool warned"; }
  python3 "$ROOT/tests/e2e/seed_coverage.py" "$SEED" "$TMP/text.txt" > "$TMP/cov.log" 2>&1 \
    && ok "$name: seed text complete" || { tail -5 "$TMP/cov.log"; fail "$name: seed text missing"; }
  local last; last=$(pdf_pages "$pdf")
  grep -q "^$last / $last\$\| $last / $last\$\|^$last / $last " "$TMP/text.txt" && ok "$name: footer $last / $last" \
    || fail "$name: footer '$last / $last' not found"
  local bytes; bytes=$(stat -c %s "$pdf")
  [ "$bytes" -lt 1000000 ] && ok "$name: $bytes bytes" || fail "$name: $bytes bytes (>= 1 MB)"
}

declare -A PAGES=([1]=$N [2]=$(ceil "$N" 2) [3]=$(ceil "$N" 3) [4]=$(ceil "$N" 4) [6]=$(ceil "$N" 6) [9]=$(ceil "$N" 9)
                  [notes]=notes [outline]=outline)
declare -A SIZE=([1]=595x842 [2]=595x842 [3]=595x842 [4]=842x595 [6]=595x842 [9]=842x595
                 [notes]=595x842 [outline]=595x842)
TITLE=$(python3 -c 'import sys, xml.etree.ElementTree as ET; print(ET.parse(sys.argv[1]).getroot().find("meta/title").text.strip())' "$DECK")

for style in 1 2 3 4 6 9 notes outline; do
  out="$TMP/$style"
  start=$(date +%s%N)
  if ! "$KS" build "$DECK" -o "$out" --handout "$style" 2> "$TMP/build.log"; then
    cat "$TMP/build.log"; fail "style $style: build failed"; continue
  fi
  ok "style $style: built in $(( ($(date +%s%N) - start) / 1000000 )) ms"
  ! grep -q "warning" "$TMP/build.log" && ok "style $style: no warnings" || { cat "$TMP/build.log"; fail "style $style: warnings"; }
  pdf="$out/handout.pdf"
  check_pdf "style $style" "$pdf" "${PAGES[$style]}" "${SIZE[$style]}"

  # Document info and bookmarks.
  pdfinfo "$pdf" | grep -qF "Title:           $TITLE" && ok "style $style: Japanese title in document info" \
    || fail "style $style: document title"
  pdfinfo "$pdf" | grep -q "CreationDate:.*2025" && ok "style $style: creation date from the outline" || fail "style $style: date"
  marks=$(mutool show "$pdf" outline 2>/dev/null | grep -c '"' || true)
  [ "$marks" -ge "$N" ] && ok "style $style: $marks bookmarks" || fail "style $style: $marks bookmarks, expected >= $N"

  # The notes style carries every speaker note.
  if [ "$style" = notes ]; then
    python3 - "$TMP/notes.txt" "$TMP/text.txt" <<'PY' && ok "notes: every speaker note present" || fail "notes: speaker notes missing"
import re, sys
text = re.sub(r"\s+", "", open(sys.argv[2]).read())
missing = [p for p in open(sys.argv[1]).read().splitlines() if p not in text]
for p in missing[:5]:
    print("missing:", p[:60])
sys.exit(1 if missing else 0)
PY
  fi

  # Same input, same bytes.
  "$KS" build "$DECK" -o "$TMP/again" --handout "$style" 2>/dev/null
  cmp -s "$pdf" "$TMP/again/handout.pdf" && ok "style $style: byte-identical on a second run" \
    || fail "style $style: output differs between runs"
  rm -rf "$TMP/again"

done

# Letter paper, vertical order, explicit orientation, grayscale.
"$KS" build "$DECK" -o "$TMP/letter" --handout 3 --paper letter 2>/dev/null || fail "letter build"
check_pdf "letter" "$TMP/letter/handout.pdf" "${PAGES[3]}" 612x792
"$KS" build "$DECK" -o "$TMP/vert" --handout 6 --order vertical 2>/dev/null || fail "vertical build"
check_pdf "6 vertical" "$TMP/vert/handout.pdf" "${PAGES[6]}" 595x842
cmp -s "$TMP/vert/handout.pdf" "$TMP/6/handout.pdf" && fail "vertical order changed nothing" || ok "vertical order differs"
"$KS" build "$DECK" -o "$TMP/land" --handout 3 --orientation landscape 2>/dev/null || fail "landscape build"
check_pdf "3 landscape" "$TMP/land/handout.pdf" "${PAGES[3]}" 842x595
"$KS" build "$DECK" -o "$TMP/gray" --handout 4 --grayscale 2>/dev/null || fail "grayscale build"
check_pdf "grayscale" "$TMP/gray/handout.pdf" "${PAGES[4]}" 842x595
qpdf --qdf --object-streams=disable "$TMP/gray/handout.pdf" "$TMP/gray.qdf"
python3 - "$TMP/gray.qdf" <<'PY' && ok "grayscale: only grey colour operators" || fail "grayscale handout still sets colours"
import re, sys
data = open(sys.argv[1], "rb").read()
bad = pages = 0
for m in re.finditer(rb"%% Contents for page \d+\n(?:%%[^\n]*\n)*\d+ 0 obj\n<<.*?>>\nstream\n(.*?)endstream", data, re.S):
    pages += 1
    bad += len(re.findall(rb"(?m)(?:^| )(?:rg|RG|k|K|sc|SC|scn|SCN)$", m.group(1)))
print(f"{pages} content streams, {bad} colour operators")
sys.exit(1 if bad or not pages else 0)
PY

# SOURCE_DATE_EPOCH does not override the outline's own date; output stays stable.
SOURCE_DATE_EPOCH=0 "$KS" build "$DECK" -o "$TMP/sde" 2>/dev/null
cmp -s "$TMP/sde/handout.pdf" "$TMP/3/handout.pdf" && ok "SOURCE_DATE_EPOCH: same bytes (outline date wins)" \
  || fail "SOURCE_DATE_EPOCH changed the handout"
finish
