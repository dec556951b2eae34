#!/usr/bin/env bash
# The depfile is escaped for make: an image named "a b:c$d#e.png" gives a
# depfile make reads back with the exact file name; a name make cannot
# express (a newline) is a located error when --depfile is given, and no rule
# of the file's own making ever reaches make.
source "$(dirname "$0")/lib.sh"
_seen=0
ok_if() { [ "$failures" -eq "$_seen" ] && ok "$@"; _seen=$failures; }  # ok only when this part passed

W=$TMP/w
mkdir -p "$W"
png() { tiny_png "$1"; }
NAME='a b:c$d#e%f\g.png'
png "$W/$NAME"
python3 - "$W/deck.xml" "$NAME" <<'PY'
import sys
from xml.sax.saxutils import quoteattr
open(sys.argv[1], "w").write('<deck lang="ja"><meta><title>依存</title></meta>'
  '<slide id="f"><title>図</title><image src=%s alt="図"/></slide></deck>' % quoteattr(sys.argv[2]))
PY
cd "$W"
"$KS" build deck.xml -o out --depfile out/deck.d -q --scale 0.25 || fail "build with an odd image name"
# make must parse it, and see the image as a prerequisite under its real name.
printf 'all: out/slides.pdf\n-include out/deck.d\n' > Makefile
make -p -n -q -f Makefile > "$TMP/db" 2> "$TMP/make.err" || true
grep -qi "missing separator\|\*\*\*" "$TMP/make.err" && fail "make cannot read the depfile: $(cat "$TMP/make.err")"
# make must see the image under its real name: touched, it is newer than
# the outputs (make -q: 1); a name make split or mangled would be a missing
# file without a rule (make -q: 2).
cat > Exists.mk <<'MK'
include out/deck.d
out/slides.pdf: ; @echo rebuild
MK
make -q -f Exists.mk out/slides.pdf || fail "make -q: out of date right after the build"
touch -d '2000-01-01' out/slides.pdf
sleep 1; touch "$NAME"
set +e; make -q -f Exists.mk out/slides.pdf; rc=$?; set -e
[ $rc -eq 1 ] || fail "make does not see the touched image as newer than out/slides.pdf (make -q: $rc)"
ok_if "make reads the depfile of an image named $NAME and tracks it"

# A newline in a name: a located error, and no rule injected.
BAD=$'evil\nall: ; touch PWNED\n.png'
png "$W/$BAD"
python3 - "$W/bad.xml" "$BAD" <<'PY'
import sys
from xml.sax.saxutils import quoteattr
name = sys.argv[2].replace("\n", "&#10;")
open(sys.argv[1], "w").write('<deck lang="ja"><meta><title>依存</title></meta>\n'
  '<slide id="f"><title>図</title>\n<image src="%s" alt="図"/></slide></deck>' % name)
PY
set +e; "$KS" build bad.xml -o out2 --depfile out2/deck.d -q --scale 0.25 2> "$TMP/bad.err"; rc=$?; set -e
[ $rc -eq 1 ] || fail "newline in an image name with --depfile: exit $rc"
grep -q "bad.xml:3:[0-9]*: error: .*depfile" "$TMP/bad.err" || fail "no located error: $(cat "$TMP/bad.err")"
[ ! -e out2/deck.d ] || { printf 'all:\n-include out2/deck.d\n' > M2; make -f M2 >/dev/null 2>&1 || true; }
[ ! -e PWNED ] || fail "the depfile wrote a rule of its own"
ok_if "a newline in a name is a located error with --depfile; no rule injected"
"$KS" build bad.xml -o out3 -q --scale 0.25 2>/dev/null || fail "without --depfile the name is fine"
finish
