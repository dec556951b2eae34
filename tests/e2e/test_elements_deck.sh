#!/usr/bin/env bash
# The elements deck (every element of the outline format) builds with the
# default layout set: each slide gets the layout its content asks for, every
# text is in slides.pdf and handout.pdf, and every line, image, cell and
# column lies inside its box.
source "$(dirname "$0")/lib.sh"
ELEMENTS="$ROOT/tests/fixtures/decks/elements/deck.xml"
LAYOUTS="$ROOT/layouts/briefing.xml"

rc=0; "$KS" build "$ELEMENTS" -o "$TMP/out" --dump-layout "$TMP/dump.json" -q 2> "$TMP/build.log" || rc=$?
[ $rc = 0 ] && ok "elements deck builds" || { cat "$TMP/build.log"; fail "build exit $rc"; }
grep -q "^0 errors" "$TMP/build.log" && ! grep -q ": error:" "$TMP/build.log" && ok "no errors reported" || { cat "$TMP/build.log"; fail "errors reported"; }

python3 "$ROOT/tests/e2e/fitting_check.py" "$TMP/dump.json" --layouts "$LAYOUTS" > "$TMP/fit.log" \
  && ok "$(tail -1 "$TMP/fit.log")" || { cat "$TMP/fit.log"; fail "something outside its box"; }

# Each slide on the layout chosen from its content.
python3 - "$TMP/dump.json" > "$TMP/layouts.log" <<'PY' && ok "layouts chosen from content" || { cat "$TMP/layouts.log"; fail "layout choice"; }
import json, sys
want = {"cover": "title", "agenda": "agenda", "current": "two-columns", "options": "comparison", "site": "image",
        "trend": "image-text", "part-2": "section", "agenda-2": "agenda", "figures": "statement", "voice": "statement", "costs": "table",
        "api": "bullets", "cover-photo": "bullets", "long-columns": "two-columns", "long-columns-2": "two-columns",
        "closing": "closing"}
got = {s["id"]: s["layout"] for s in json.load(open(sys.argv[1]))["slides"]}
bad = {k: (v, got.get(k)) for k, v in want.items() if got.get(k) != v}
print(bad or "ok")
sys.exit(1 if bad else 0)
PY

# Images in their boxes: the image slide's picture in the body and its caption in the caption box, image-text's
# picture with its caption in the image box.
python3 - "$TMP/dump.json" > "$TMP/images.log" <<'PY' && ok "images and captions placed by role" || { cat "$TMP/images.log"; fail "image roles"; }
import json, sys
slides = {s["id"]: s for s in json.load(open(sys.argv[1]))["slides"]}
def box(sid, role):
    return next((b for b in slides[sid]["boxes"] if b["role"] == role), None)
problems = []
if not box("site", "body") or len(box("site", "body").get("images", [])) != 1: problems.append("site: no image in body")
if not box("site", "caption") or box("site", "caption")["lines"][0]["text"] != "候補地の周辺環境（2026年1月撮影）": problems.append("site: caption")
if not box("trend", "image") or len(box("trend", "image").get("images", [])) != 1: problems.append("trend: image box")
if box("trend", "body").get("images"): problems.append("trend: image also in body")
if [l["text"] for l in box("trend", "image")["lines"]] != ["図1　四半期別の問い合わせ件数"]: problems.append("trend: caption under the image")
cov = box("cover-photo", "body")["images"][0]
if abs(cov["w"] - 0.8 * box("cover-photo", "body")["w"]) > 0.5: problems.append(f"cover image width {cov['w']}")
cols = box("current", "body").get("columns", [])
if len(cols) != 2 or abs(cols[0]["w"] - 2 * cols[1]["w"]) > 0.5: problems.append(f"columns 2:1 {cols}")
print(problems or "ok")
sys.exit(1 if problems else 0)
PY

pdftotext -raw "$TMP/out/slides.pdf" "$TMP/slides.txt"
pdftotext -raw "$TMP/out/handout.pdf" "$TMP/handout.txt"
for doc in slides handout; do
  python3 "$ROOT/tests/e2e/outline_texts.py" "$ELEMENTS" "$TMP/$doc.txt" > "$TMP/$doc.cov" \
    && ok "$doc.pdf: $(tail -1 "$TMP/$doc.cov")" || { cat "$TMP/$doc.cov"; fail "$doc.pdf misses text"; }
done
# The checker can fail: a text that is not in the deck's output.
sed 's/三つの選択肢/四つの選択肢/' "$ELEMENTS" > "$TMP/changed.xml"
python3 "$ROOT/tests/e2e/outline_texts.py" "$TMP/changed.xml" "$TMP/slides.txt" > /dev/null \
  && fail "text checker accepted a missing title" || ok "text checker rejects a missing title"

# Every layout with a subtitle: the content boxes start below it, nothing overlaps.
python3 - "$ELEMENTS" "$TMP/subtitled.xml" <<'PY'
import re, sys
head, body = open(sys.argv[1], encoding="utf-8").read().split("</meta>")
body = re.sub(r"(<slide[^>]*>\s*<title>[^<]*</title>)(?!\s*<subtitle>)", r"\1<subtitle>単位：億円（副題）</subtitle>", body)
open(sys.argv[2], "w", encoding="utf-8").write(head + "</meta>" + body)
PY
cp "$ROOT"/tests/fixtures/decks/elements/*.{png,jpg,svg} "$TMP/"
"$KS" build "$TMP/subtitled.xml" -o "$TMP/sub" --dump-layout "$TMP/sub.json" -q 2> "$TMP/sub.log" || { cat "$TMP/sub.log"; fail "subtitled build"; }
[ "$(grep -c '副題' "$TMP/subtitled.xml")" -ge 12 ] && python3 "$ROOT/tests/e2e/fitting_check.py" "$TMP/sub.json" --layouts "$LAYOUTS" > "$TMP/sub.fit" \
  && ok "with subtitles: $(tail -1 "$TMP/sub.fit")" || { cat "$TMP/sub.fit" 2> /dev/null || true; fail "subtitled deck"; }

# Byte-identical on a second build (cover crops and columns included).
"$KS" build "$ELEMENTS" -o "$TMP/again" --dump-layout "$TMP/again.json" -q 2> /dev/null
cmp -s "$TMP/out/slides.pdf" "$TMP/again/slides.pdf" && cmp -s "$TMP/out/handout.pdf" "$TMP/again/handout.pdf" \
  && cmp -s "$TMP/dump.json" "$TMP/again.json" && diff -rq "$TMP/out/slides" "$TMP/again/slides" > /dev/null \
  && ok "second build byte-identical" || fail "output differs between two builds"

# A bad value is a located input error (exit 1) and nothing is written.
sed 's/fit="cover"/fit="stretch"/' "$ELEMENTS" > "$TMP/bad.xml"
rc=0; "$KS" build "$TMP/bad.xml" -o "$TMP/bad-out" 2> "$TMP/bad.log" || rc=$?
[ $rc = 1 ] && grep -qE "bad.xml:[0-9]+:[0-9]+: error: fit 'stretch' is not known" "$TMP/bad.log" && [ ! -e "$TMP/bad-out/slides.pdf" ] \
  && ok "fit=\"stretch\" is a located error" || { cat "$TMP/bad.log"; fail "bad fit (exit $rc)"; }
finish
