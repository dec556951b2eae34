#!/usr/bin/env bash
# Issue 7 "Done when": a list of 120 items, a table of 60 rows, 22 long
# bullets and a list with two large images build with exit 0 onto
# continuation slides; every marker is in slides.pdf and handout.pdf once, in
# order; nothing lies outside its box or over the footer (from the dump).
source "$(dirname "$0")/lib.sh"
DECKS="$ROOT/tests/fixtures/decks"
LAYOUTS="$ROOT/layouts/briefing.xml"
seq_markers() { local p=$1 w=$2 n=$3; for i in $(seq 1 "$n"); do printf "%s%0${w}d " "$p" "$i"; done; }

"$KS" build "$DECKS/done_when.xml" -o "$TMP/out" --dump-layout "$TMP/dump.json" 2> "$TMP/build.log" \
  && ok "done_when.xml builds with exit 0" || { cat "$TMP/build.log"; fail "build done_when.xml"; }
# Issue 16: body text shrinks to its 18 pt floor before the list continues, so fewer, fuller slides.
grep -qE "warning: slide 'list120' does not fit even at 18 pt; continued onto [0-9]+ slides \(list120, list120-2," "$TMP/build.log" \
  && grep -q "done_when.xml:[0-9]*:[0-9]*: warning: slide 'table60'" "$TMP/build.log" \
  && ok "continuation reported as located warnings" || { cat "$TMP/build.log"; fail "continuation warnings"; }

python3 "$ROOT/tests/e2e/fitting_check.py" "$TMP/dump.json" --layouts "$LAYOUTS" > "$TMP/fit.log" \
  && ok "$(tail -1 "$TMP/fit.log")" || { cat "$TMP/fit.log"; fail "something lies outside its box"; }

pages=$(pdf_pages "$TMP/out/slides.pdf")
pngs=$(ls "$TMP/out/slides" | wc -l)
slides=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["slides"]))' "$TMP/dump.json")
[ "$pages" = "$slides" ] && [ "$pngs" = "$slides" ] && [ "$slides" -gt 20 ] \
  && ok "$slides slides: one PDF page and one PNG each" || fail "slides $slides, pages $pages, PNGs $pngs"
grep -q "\"page-number\"" "$TMP/dump.json" && grep -q "\"text\": \"2 / $slides\"" "$TMP/dump.json" \
  && ok "continuation slides count in n / N" || fail "page numbers do not count continuation slides"

pdftotext "$TMP/out/slides.pdf" "$TMP/slides.txt"
pdftotext "$TMP/out/handout.pdf" "$TMP/handout.txt"
for doc in slides handout; do
  for spec in "L 3 120" "T 3 60" "B 2 22" "I 2 3"; do
    set -- $spec
    python3 "$ROOT/tests/e2e/fitting_order.py" "$TMP/$doc.txt" "\\b$1[0-9]{$2}\\b" $(seq_markers "$1" "$2" "$3") > "$TMP/order.log" \
      && ok "$doc.pdf: $1 markers: $(cat "$TMP/order.log")" || { cat "$TMP/order.log"; fail "$doc.pdf: $1 markers"; }
  done
done
# Ordered list numbers: right-aligned column, then a gap pdftotext reads as a space.
grep -qE '^9\. L009' "$TMP/slides.txt" && grep -qE '^10\. L010' "$TMP/slides.txt" && grep -qE '^120\. L120' "$TMP/slides.txt" \
  && ok "numbers 9., 10., 120. read with a space after the period" || fail "list numbers (pdftotext: $(grep -m3 -E 'L01[0-2]' "$TMP/slides.txt"))"
# Table: the header row is repeated on every piece; the subtitle is shown.
[ "$(grep -c '^番号$' "$TMP/slides.txt")" = "$(grep -c '"id": "table60' "$TMP/dump.json")" ] \
  && ok "table header repeated on each of $(grep -c '"id": "table60' "$TMP/dump.json") slides" || fail "table header not repeated"
[ "$(grep -c '単位：億円' "$TMP/slides.txt")" -ge 2 ] && ok "table subtitle shown on the table slides" || fail "table subtitle missing"

python3 - "$TMP/dump.json" > "$TMP/dump.log" <<'PY' && ok "dump: ids, continues, titles, images" || { cat "$TMP/dump.log"; fail "dump"; }
import json, sys
slides = json.load(open(sys.argv[1]))["slides"]
ids = [s["id"] for s in slides]
assert ids[:3] == ["list120", "list120-2", "list120-3"], ids[:3]
for s in slides:
    base = s["id"].split("-")[0]
    if s["id"] == base:
        assert "continues" not in s, s["id"]
    else:
        assert s["continues"] == base, (s["id"], s.get("continues"))
        title = [b for b in s["boxes"] if b["role"] == "title"][0]
        assert title["lines"][-1]["text"].endswith("（続き）"), title["lines"]
images = [(s["id"], i) for s in slides for b in s["boxes"] for i in b.get("images", [])]
assert [i["src"] for _, i in images] == ["chart-wide.png", "chart-tall.png"], images
assert images[0][0] != images[1][0], "the second image moved to the continuation slide"
tall = images[1][1]
assert tall["h"] > 300, tall  # given the whole box, not squeezed
print("ok")
PY

# Speaker notes stay with the first slide of the run: once in the notes handout.
"$KS" build "$DECKS/done_when.xml" -o "$TMP/notes" --handout notes -q 2>/dev/null \
  && [ "$(pdftotext "$TMP/notes/handout.pdf" - | grep -c 'N-list120')" = 1 ] \
  && ok "notes once, with the first slide" || fail "notes handout"

# Every handout style holds every continuation slide's content: in order for
# 1 and 2 a page; once each for the grids (pdftotext reads across columns);
# at least once in the outline style (slide text plus the outline beside it).
all_markers="$(seq_markers L 3 120)$(seq_markers T 3 60)$(seq_markers B 2 22)$(seq_markers I 2 3)"
for style in 1 2 4 6 9 outline; do
  "$KS" build "$DECKS/done_when.xml" -o "$TMP/h$style" --handout "$style" -j 2 -q 2>/dev/null || { fail "handout $style"; continue; }
  pdftotext "$TMP/h$style/handout.pdf" "$TMP/h$style.txt"
  found=$(grep -oE '\b[LTBI][0-9]{2,3}\b' "$TMP/h$style.txt" | tr '\n' ' ')
  case $style in
    1|2) [ "$found" = "$all_markers" ] ;;
    outline) [ "$(echo $found | tr ' ' '\n' | sort -u)" = "$(echo $all_markers | tr ' ' '\n' | sort -u)" ] ;;
    *) [ "$(echo $found | tr ' ' '\n' | sort)" = "$(echo $all_markers | tr ' ' '\n' | sort)" ] ;;
  esac && ok "handout $style: all 205 markers" || fail "handout $style: markers differ"
done

# The checker itself can fail: push one line below its box.
python3 - "$TMP/dump.json" "$TMP/bad.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
body = [b for b in d["slides"][1]["boxes"] if b["role"] == "body"][0]
body["lines"][-1]["y"] += 40
json.dump(d, open(sys.argv[2], "w"))
PY
python3 "$ROOT/tests/e2e/fitting_check.py" "$TMP/bad.json" > /dev/null && fail "checker missed a line below its box" \
  || ok "checker catches a line below its box"
finish
