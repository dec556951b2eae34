#!/usr/bin/env bash
# Start-up loads only what a run needs (util/shared_library.h): the binary
# does not link librsvg, libzip, libqpdf or cpp-httplib (readelf), and the
# dynamic loader's own log (LD_DEBUG=files) shows which of them each kind of
# run maps: none for --version, check and a no-edit rebuild; libqpdf for a
# build that writes slides.pdf; librsvg for a deck with an SVG (the hall
# layout set's logo); libzip for --pptx; cpp-httplib for watch --serve. Each
# of those runs still makes its output.
source "$(dirname "$0")/lib.sh"
HEAVY='librsvg|libzip|libqpdf|libcpp-httplib'

needed=$(readelf -d "$KS" | grep NEEDED || true)
[ -n "$needed" ] && ok "readelf lists the binary's libraries" || fail "readelf -d shows no NEEDED: is $KS dynamic?"
bad=$(echo "$needed" | grep -E "$HEAVY" || true)
[ -z "$bad" ] && ok "the binary links none of rsvg, zip, qpdf, httplib" || fail "linked: $bad"

# The heavy libraries the loader mapped while running the command.
loaded() {
  rm -f "$TMP"/ld.*
  LD_DEBUG=files LD_DEBUG_OUTPUT="$TMP/ld" "$@" > "$TMP/run.log" 2>&1 || { cat "$TMP/run.log" >&2; echo FAILED; }
  cat "$TMP"/ld.* 2>/dev/null | { grep -oE "file=[^ ]*($HEAVY)[^ ]*" || true; } | sed 's/^file=//' | sort -u | tr '\n' ' '
}
words() { tr ' ' '\n' | { grep -oE "$HEAVY|FAILED" || true; } | sort -u | tr '\n' ' '; }  # their short names
expect() {  # what "the libraries that must load, exactly (e.g. 'libqpdf libzip'; '' for none)" command...
  local what=$1 want=$2; shift 2
  local got; got=$(loaded "$@")
  if [ "$(echo "$got" | words)" = "$(echo "$want" | words)" ]; then ok "$what: loads ${got:-none of the four}"
  else fail "$what: wanted ${want:-none of the four}, loaded: ${got:-none} $(head -c 300 "$TMP/run.log")"; fi
}

cp "$DECK" "$TMP/deck.xml"
sleep 0.1  # inputs written just before a build are never recorded as settled
expect "--version" "" "$KS" --version
expect "check" "" "$KS" check "$TMP/deck.xml"
expect "a cold build (briefing, no SVG)" "libqpdf" "$KS" build "$TMP/deck.xml" -o "$TMP/out" -q
[ "$(pdf_pages "$TMP/out/slides.pdf")" = "$(slide_count "$TMP/deck.xml")" ] && ok "slides.pdf has every slide" \
  || fail "slides.pdf pages"
qpdf --json "$TMP/out/slides.pdf" > "$TMP/qpdf.json"
grep -q '"/Lang": "u:ja"' "$TMP/qpdf.json" && ok "slides.pdf carries /Lang (the qpdf module ran)" \
  || fail "slides.pdf has no /Lang"
expect "a no-edit rebuild" "" "$KS" build "$TMP/deck.xml" -o "$TMP/out"
grep -q "no change" "$TMP/run.log" && ok "it was a no-change rebuild" || fail "not a no-change rebuild: $(cat "$TMP/run.log")"

expect "a build with --pptx" "libqpdf libzip" "$KS" build "$TMP/deck.xml" -o "$TMP/pptx" -q --pptx
python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None and "ppt/presentation.xml" in z.namelist()' \
  "$TMP/pptx/slides.pptx" && ok "slides.pptx is a whole zip package" || fail "slides.pptx is not a valid package"

expect "a hall build (its logo is an SVG)" "libqpdf librsvg" \
  "$KS" build "$TMP/deck.xml" -o "$TMP/hall" -q --layouts "$ROOT/layouts/hall.xml"
[ -s "$TMP/hall/slides/01.png" ] && ok "the hall build drew its slides" || fail "no hall slides"
expect "check with the hall set" "librsvg" "$KS" check "$TMP/deck.xml" --layouts "$ROOT/layouts/hall.xml"

# watch --serve maps cpp-httplib (its /proc maps, while it serves); watch
# alone does not.
start_preview "$TMP/deck.xml" "$TMP/served" || fail "the preview did not start"
grep -q libcpp-httplib "/proc/$pid/maps" && ok "watch --serve has cpp-httplib mapped" || fail "watch --serve: no httplib"
curl -sf "$base/api/deck" > "$TMP/deck.json"
grep -q '"slides"' "$TMP/deck.json" && ok "the preview serves /api/deck" || fail "no /api/deck"
kill "$pid"; wait "$pid" 2>/dev/null || true
"$KS" watch "$TMP/deck.xml" -o "$TMP/watched" > "$TMP/log" 2>&1 &
pid=$!
wait_watch_builds 1 >/dev/null || fail "watch did not build"
maps=$(grep -oE "$HEAVY[^ ]*" "/proc/$pid/maps" | sort -u | tr '\n' ' ')
[[ $maps != *httplib* ]] && ok "watch without --serve has no httplib mapped ($maps)" || fail "watch maps: $maps"
kill "$pid"; wait "$pid" 2>/dev/null || true
finish
