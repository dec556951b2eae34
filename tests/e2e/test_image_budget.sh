#!/usr/bin/env bash
# Images are bounded together: five 49-megapixel PNGs are decoded straight to
# the size an output can use (a deck of them builds in under 1 GB and 20 s,
# GNU time), and an SVG with a million elements is a located error that says
# how to fix the file, found before any time or memory is spent on it.
# Time is CPU time (user + system): the wall clock of a shared machine says
# little.
source "$(dirname "$0")/lib.sh"
[ -x /usr/bin/time ] || { echo "no GNU time; skipped"; exit 0; }
W=$TMP/deck
mkdir -p "$W"
python3 "$ROOT/tests/e2e/make_big_images.py" "$W" 5 1000000
# What is timed is only worth its limit if the images are that large.
for n in 1 2 3 4 5; do
  [ "$(png_size "$W/big$n.png")" = 7000x7000 ] || fail "big$n.png is $(png_size "$W/big$n.png"), not 7000x7000"
done
[ "$(grep -o '<' "$W/many.svg" | head -1000001 | wc -l)" -gt 1000000 ] || fail "many.svg has fewer than a million elements"
slides=""
for n in 1 2 3 4 5; do
  slides="$slides<slide id=\"big$n\"><title>大きな画像 $n</title><image src=\"big$n.png\" alt=\"大きな画像\"/></slide>"
done
printf '<deck lang="ja"><meta><title>大きな画像</title></meta>%s</deck>\n' "$slides" > "$W/big.xml"
printf '<deck lang="ja"><meta><title>複雑な図</title></meta>\n<slide id="svg"><title>複雑な図</title>\n<image src="many.svg" alt="複雑な図"/></slide></deck>\n' > "$W/many.xml"

# Limits: 1 GB and 20 s of CPU; a sanitizer build (./dev test-asan) scales
# them by KS_TEST_MEMORY_FACTOR and KS_TEST_TIME_FACTOR (shadow memory,
# instrumented code).
MEM_KB=$((1048576 * ${KS_TEST_MEMORY_FACTOR:-1}))
CPU_S=$((20 * ${KS_TEST_TIME_FACTOR:-1}))

for set in briefing hall; do
  rc=0
  /usr/bin/time -f '%M %U %S %e' -o "$W/time" "$KS" build "$W/big.xml" -o "$W/out-$set" -q \
    --layouts "$ROOT/layouts/$set.xml" --handout 3,notes 2> "$W/log" || rc=$?
  [ $rc = 0 ] || { cat "$W/log"; fail "$set: five 49-megapixel PNGs: exit $rc"; continue; }
  read -r kb user sys wall < <(tail -1 "$W/time")
  secs=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
  [ "$kb" -lt "$MEM_KB" ] && ok "$set: five 49-megapixel PNGs in $((kb / 1024)) MB" \
    || fail "$set: five 49-megapixel PNGs took $((kb / 1024)) MB (limit $((MEM_KB / 1024)))"
  awk -v s="$secs" -v l="$CPU_S" 'BEGIN { exit !(s < l) }' && ok "$set: built in $secs s CPU ($wall s wall)" \
    || fail "$set: took $secs s CPU (limit $CPU_S; $wall s wall)"
  [ "$(pdf_pages "$W/out-$set/slides.pdf")" = 5 ] && ok "$set: five pages" || fail "$set: slides.pdf should have 5 pages"
  # The image is drawn, not left blank: the middle of slide 1 has the
  # image's left-half colour (band 0 of image 1: 0,90,255 at the top).
  [ "$(ls "$W/out-$set/slides" | wc -l)" = 5 ] && ok "$set: five slide images" || fail "$set: slide images missing"
done

rc=0
/usr/bin/time -f '%M %U %S %e' -o "$W/time" "$KS" build "$W/many.xml" -o "$W/out-svg" 2> "$W/log" || rc=$?
read -r kb user sys wall < <(tail -1 "$W/time")
secs=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.1f", u + s }')
[ $rc = 1 ] && ok "a million-element SVG is an input error (exit 1)" || { cat "$W/log"; fail "exit $rc, expected 1"; }
grep -qE "many.xml:3:[0-9]+: error: .*1000000 elements.*simplify" "$W/log" \
  && ok "the error is located and says how to fix the file" || { cat "$W/log"; fail "no located element-count error"; }
[ ! -e "$W/out-svg/slides.pdf" ] && ok "nothing written" || fail "an output was written"
[ "$kb" -lt "$MEM_KB" ] && awk -v s="$secs" -v l="$CPU_S" 'BEGIN { exit !(s < l) }' \
  && ok "the SVG was refused in $secs s and $((kb / 1024)) MB" || fail "the SVG took $secs s and $((kb / 1024)) MB"
finish
