#!/usr/bin/env bash
# The image service reads each image file once per build: strace counts the
# opens of every image (PNG, JPEG, SVG) in a cold build with two handouts and
# slides.pptx (at most twice; today once: slides.pptx takes the file's bytes
# from the service too) and in a rebuild with no edit (at most once), in both
# layout sets.
source "$(dirname "$0")/lib.sh"
command -v strace >/dev/null || { echo "no strace; skipped"; exit 0; }
# LeakSanitizer cannot run under ptrace: a sanitizer build is traced with
# leak checking off (the other tests check leaks).
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
FIX="$ROOT/tests/fixtures/decks/elements"
W=$TMP/deck
mkdir -p "$W"
cp "$FIX/site.jpg" "$W/photo.jpg"
cp "$FIX/bars.png" "$W/bars.png"
cp "$FIX/flow.svg" "$W/flow.svg"
cat > "$W/deck.xml" <<'XML'
<deck lang="ja">
  <meta><title>画像の読み込み</title></meta>
  <slide id="cover"><title>画像の読み込み</title></slide>
  <slide id="photo"><title>写真</title><image src="photo.jpg" alt="建物の写真"/></slide>
  <slide id="chart"><title>グラフ</title><image src="bars.png" alt="棒グラフ"/></slide>
  <slide id="flow"><title>流れ</title><image src="flow.svg" alt="流れ図"/></slide>
  <slide id="again"><title>もう一度</title><p>同じ写真と図をもう一度。</p><image src="photo.jpg" alt="建物の写真"/></slide>
  <slide id="again-svg"><title>図をもう一度</title><image src="flow.svg" alt="流れ図"/></slide>
</deck>
XML

opens() {  # opens of $2 in strace log $1
  grep -c "openat(.*\"[^\"]*/$2\"" "$1" || true
}
for set in briefing hall; do
  out=$W/out-$set
  rc=0
  strace -f -e trace=openat -o "$W/cold-$set.trace" "$KS" build "$W/deck.xml" -o "$out" -q \
    --layouts "$ROOT/layouts/$set.xml" --handout 3,outline --pptx 2> "$W/log" || rc=$?
  [ $rc = 0 ] || { cat "$W/log"; fail "$set: cold build exit $rc"; continue; }
  [ -f "$out/handout-3.pdf" ] && [ -f "$out/handout-outline.pdf" ] || fail "$set: two handouts expected"
  # The scenario counted: slides.pptx carries the three images as the files
  # are (an SVG also gets a PNG fallback; a layout set may add its own).
  rm -rf "$W/media"; mkdir -p "$W/media"; unzip -q "$out/slides.pptx" 'ppt/media/*' -d "$W/media"
  for image in photo.jpg bars.png flow.svg; do
    found=no
    for part in "$W"/media/ppt/media/*; do cmp -s "$W/$image" "$part" && found=yes; done
    [ $found = yes ] && ok "$set: slides.pptx embeds $image as the file is" || fail "$set: $image is not in slides.pptx"
  done
  for image in photo.jpg bars.png flow.svg; do
    n=$(opens "$W/cold-$set.trace" "$image")
    [ "$n" -ge 1 ] && [ "$n" -le 2 ] && ok "$set cold build: $image opened $n time(s)" \
      || fail "$set cold build: $image opened $n times (at most 2)"
  done
  strace -f -e trace=openat -o "$W/again-$set.trace" "$KS" build "$W/deck.xml" -o "$out" -q \
    --layouts "$ROOT/layouts/$set.xml" --handout 3,outline --pptx 2> "$W/log" || fail "$set: rebuild failed"
  for image in photo.jpg bars.png flow.svg; do
    n=$(opens "$W/again-$set.trace" "$image")
    [ "$n" -le 1 ] && ok "$set no-edit rebuild: $image opened $n time(s)" \
      || fail "$set no-edit rebuild: $image opened $n times (at most 1)"
  done
done
# The count can fail: the trace of a plain cat of the image shows its open.
strace -f -e trace=openat -o "$W/cat.trace" cat "$W/photo.jpg" "$W/photo.jpg" > /dev/null
[ "$(opens "$W/cat.trace" photo.jpg)" = 2 ] && ok "the count sees opens" || fail "the count does not see opens"
finish
