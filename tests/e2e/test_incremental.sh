#!/usr/bin/env bash
# Incremental builds: one edited bullet rewrites exactly its slide image and
# the PDFs; nothing else is touched; removed slides' images go; a broken edit
# changes nothing; a damaged cache is ignored; every state is byte-identical
# to a --no-cache build into a fresh folder; --report has the agreed keys.
source "$(dirname "$0")/lib.sh"
cp "$DECK" "$TMP/deck.xml"
O=$TMP/out

stamp() { (cd "$O" && find . -path ./.kamishibai -prune -o -type f -printf '%p %i %T@\n' | sort); }
same_as_full_build() {  # $1: what
  rm -rf "$TMP/full"
  "$KS" build "$TMP/deck.xml" -o "$TMP/full" -q --no-cache
  if diff -r -x .kamishibai -x report.json "$O" "$TMP/full" >/dev/null; then ok "$1: byte-identical to a --no-cache build"
  else fail "$1: differs from a --no-cache build"; diff -rq -x .kamishibai "$O" "$TMP/full" >&2 || true; fi
}
report_field() { python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print(" ".join(e["id"] for e in r[sys.argv[2]]))' "$TMP/report.json" "$1"; }

"$KS" build "$TMP/deck.xml" -o "$O" -q --report "$TMP/report.json"
n=$(ls "$O/slides" | wc -l)
[ "$(report_field added | wc -w)" = "$n" ] && ok "first build: every slide added" || fail "first build report: $(cat "$TMP/report.json")"
python3 - "$TMP/report.json" <<'PY' && ok "report keys exact" || fail "report keys"
import json, sys
r = json.load(open(sys.argv[1]))
assert list(r) == ["added", "changed", "removed", "ms"], list(r)
assert isinstance(r["ms"], int) and r["ms"] >= 0
for e in r["added"]:
    assert sorted(e) == ["id", "index", "title"], e
assert r["added"][0] == {"index": 1, "id": "title", "title": r["added"][0]["title"]}
assert r["added"][10]["id"] == "s2-3-storage" and r["added"][10]["index"] == 11
PY

# No edit: nothing rewritten, not even the manifest.
before=$(stamp); manifest_before=$(stat -c '%i %Y' "$O/.kamishibai/manifest")
sleep 0.05
"$KS" build "$TMP/deck.xml" -o "$O" --report "$TMP/report.json" 2>"$TMP/err"
[ "$(stamp)" = "$before" ] && ok "no edit: no file rewritten" || fail "no edit rewrote files"
[ "$(stat -c '%i %Y' "$O/.kamishibai/manifest")" = "$manifest_before" ] && ok "no edit: manifest untouched" || fail "manifest rewritten"
[ -z "$(report_field added)$(report_field changed)$(report_field removed)" ] && ok "no edit: empty report" || fail "no-edit report: $(cat "$TMP/report.json")"

# One bullet edited: its slide image and both PDFs, nothing else.
sed -i 's|S3</b>: 400兆|S3</b>: 500兆|' "$TMP/deck.xml"
"$KS" build "$TMP/deck.xml" -o "$O" --report "$TMP/report.json" 2>"$TMP/err"
after=$(stamp)
changed=$( (diff <(echo "$before") <(echo "$after") || true) | grep '^>' | awk '{print $2}' | sort | tr '\n' ' ')
[ "$changed" = "./handout.pdf ./slides.pdf ./slides/11.png " ] && ok "one bullet: exactly 11.png and the PDFs rewritten" \
  || fail "one bullet rewrote: $changed"
[ "$(report_field changed)" = "s2-3-storage" ] && ok "report: s2-3-storage changed" || fail "report: $(cat "$TMP/report.json")"
grep -q 'changed 11 s2-3-storage' "$TMP/err" && ok "terminal report names the slide" || { fail "terminal report"; cat "$TMP/err" >&2; }
pdftotext "$O/slides.pdf" "$TMP/s.txt" && grep -q 500兆 "$TMP/s.txt" && ok "slides.pdf has the edit" || fail "slides.pdf lacks the edit"
same_as_full_build "after one bullet"

# A broken edit: nothing changes, exit 1.
before=$(stamp); cp "$TMP/deck.xml" "$TMP/good.xml"
sed -i 's|<title>2.3 AWS基盤技術の進化と深化（3/4）</title>|<title>broken|' "$TMP/deck.xml"
set +e; "$KS" build "$TMP/deck.xml" -o "$O" -q 2>/dev/null; code=$?; set -e
[ "$code" = 1 ] && ok "broken edit exits 1" || fail "broken edit exit $code"
[ "$(stamp)" = "$before" ] && ok "broken edit changed nothing" || fail "broken edit changed files"
cp "$TMP/good.xml" "$TMP/deck.xml"

# Removing a slide: later images shift, the last one goes.
python3 - "$TMP/deck.xml" <<'PY'
import re, sys
p = sys.argv[1]; s = open(p, encoding="utf-8").read()
s = re.sub(r'<slide layout="bullets" id="s2-3-db">.*?</slide>', '', s, flags=re.S)
open(p, "w", encoding="utf-8").write(s)
PY
"$KS" build "$TMP/deck.xml" -o "$O" -q --report "$TMP/report.json"
[ "$(ls "$O/slides" | wc -l)" = $((n - 1)) ] && [ ! -e "$O/slides/$n.png" ] && ok "removed slide: last image deleted" \
  || fail "removed slide: $(ls "$O/slides" | wc -l) images"
[ "$(report_field removed)" = "s2-3-db" ] && ok "report: s2-3-db removed" || fail "report: $(cat "$TMP/report.json")"
same_as_full_build "after removing a slide"

# A damaged cache is ignored: flipped bytes, truncation, another program's file.
M=$O/.kamishibai/manifest
python3 - "$M" <<'PY'
import sys
p = sys.argv[1]; b = bytearray(open(p, "rb").read())
i = b.index(b"slides/05.png") - 20   # inside that line's key
b[i] = ord("0") if b[i] != ord("0") else ord("1")
open(p, "wb").write(bytes(b))
PY
before=$(stamp)
"$KS" build "$TMP/deck.xml" -o "$O" -q --report "$TMP/report.json"
[ "$(report_field added | wc -w)" = $((n - 1)) ] && ok "flipped byte: cache ignored (every slide made anew)" \
  || fail "flipped byte trusted: $(cat "$TMP/report.json")"
same_as_full_build "after a flipped byte"
head -c 200 "$M" > "$M.t" && mv "$M.t" "$M"
"$KS" build "$TMP/deck.xml" -o "$O" -q --report "$TMP/report.json"
[ "$(report_field added | wc -w)" = $((n - 1)) ] && ok "truncated: cache ignored" || fail "truncated cache trusted"
same_as_full_build "after truncation"
printf 'kamishibai-manifest 2\n' > "$M"; head -c 300 /dev/urandom >> "$M"
"$KS" build "$TMP/deck.xml" -o "$O" -q --report "$TMP/report.json"
[ "$(report_field added | wc -w)" = $((n - 1)) ] && ok "garbage: cache ignored" || fail "garbage cache trusted"
echo '{"foreign": true}' > "$M"
"$KS" build "$TMP/deck.xml" -o "$O" -q --report "$TMP/report.json"
[ "$(report_field added | wc -w)" = $((n - 1)) ] && ok "foreign file: cache ignored" || fail "foreign cache trusted"
same_as_full_build "after a foreign manifest"

# An output deleted behind kamishibai's back is made anew, not trusted.
rm "$O/slides/03.png"
"$KS" build "$TMP/deck.xml" -o "$O" -q --report "$TMP/report.json"
[ -f "$O/slides/03.png" ] && ok "deleted image made anew" || fail "deleted image not remade"
same_as_full_build "after an image was deleted by hand"
# The layout set is part of every key: a change to it (even a comment) makes
# every slide anew; --scale likewise.
cp "$ROOT/layouts/briefing.xml" "$TMP/set.xml"
"$KS" build "$TMP/deck.xml" -o "$O" -q --layouts "$TMP/set.xml"
echo '<!-- edited -->' >> "$TMP/set.xml"
"$KS" build "$TMP/deck.xml" -o "$O" -q --layouts "$TMP/set.xml" --report "$TMP/report.json"
[ "$(report_field changed | wc -w)" = $((n - 1)) ] && ok "layout set edited: every slide made anew" \
  || fail "layout set edit: $(cat "$TMP/report.json")"
"$KS" build "$TMP/deck.xml" -o "$O" -q --layouts "$TMP/set.xml" --scale 1 --report "$TMP/report.json"
[ "$(report_field changed | wc -w)" = $((n - 1)) ] && [ "$(png_size "$O/slides/01.png")" = 960x540 ] \
  && ok "--scale changed: every slide made anew" || fail "--scale change: $(cat "$TMP/report.json")"
finish
