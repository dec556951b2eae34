#!/usr/bin/env bash
# --root DIR (as Typst has): for a deck someone else wrote, an image outside
# DIR, by "..", an absolute path or a symbolic link, is a located error; an
# image inside is fine; without --root images may be anywhere (as before).
source "$(dirname "$0")/lib.sh"
_seen=0
ok_if() { [ "$failures" -eq "$_seen" ] && ok "$@"; _seen=$failures; }  # ok only when this part passed

png() { tiny_png "$1" 200 40 40; }
mkdir -p "$TMP/deck/img" "$TMP/private"
png "$TMP/deck/img/ok.png"; png "$TMP/private/secret.png"
ln -s ../../private/secret.png "$TMP/deck/img/link.png"
for layouts in briefing hall; do
  cat > "$TMP/deck/deck.xml" <<XML
<deck lang="ja"><meta><title>範囲</title></meta>
<slide id="a"><title>中</title>
<image src="img/ok.png" alt="中"/></slide>
<slide id="b"><title>外</title>
<image src="../private/secret.png" alt="外"/></slide>
<slide id="c"><title>絶対</title>
<image src="$TMP/private/secret.png" alt="絶対"/></slide>
<slide id="d"><title>リンク</title>
<image src="img/link.png" alt="リンク"/></slide>
</deck>
XML
  L=(--layouts "$ROOT/layouts/$layouts.xml")
  set +e; "$KS" build "$TMP/deck/deck.xml" -o "$TMP/out-$layouts" --root "$TMP/deck" "${L[@]}" -q --scale 0.25 2> "$TMP/err"; rc=$?; set -e
  [ $rc -eq 1 ] || fail "$layouts: --root with images outside: exit $rc"
  for line in 5 7 9; do
    grep -q "deck.xml:$line:[0-9]*: error: the image .* is outside --root" "$TMP/err" || fail "$layouts: no error at line $line: $(cat "$TMP/err")"
  done
  grep -q "deck.xml:3:" "$TMP/err" && fail "$layouts: the image inside the root was refused"
  [ ! -e "$TMP/out-$layouts/slides.pdf" ] || fail "$layouts: outputs written despite the errors"
  set +e; "$KS" check "$TMP/deck/deck.xml" --root "$TMP/deck" "${L[@]}" 2>/dev/null; rc=$?; set -e
  [ $rc -eq 1 ] || fail "$layouts: check --root: exit $rc"
  # Without --root: as before, the same deck builds.
  "$KS" build "$TMP/deck/deck.xml" -o "$TMP/free-$layouts" "${L[@]}" -q --scale 0.25 || fail "$layouts: build without --root"
  # Only the inside image: builds under --root.
  sed -i '/id="b"/,$d' "$TMP/deck/deck.xml"; echo '</deck>' >> "$TMP/deck/deck.xml"
  "$KS" build "$TMP/deck/deck.xml" -o "$TMP/in-$layouts" --root "$TMP/deck" "${L[@]}" -q --scale 0.25 ||
    fail "$layouts: an image inside --root was refused"
done
ok_if "--root: images outside are located errors, inside are fine, default unchanged"
finish
