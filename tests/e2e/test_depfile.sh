#!/usr/bin/env bash
# --depfile writes a Makefile-syntax dependency file: make rebuilds a deck
# exactly when the outline, the layout set, an image or the fonts change.
source "$(dirname "$0")/lib.sh"

KS=$(realpath "$KS")
W=$TMP/deck
mkdir -p "$W"
cp -r "$ROOT/fonts" "$W/fonts"
python3 - "$W/my figure.png" <<'PY'
import struct, sys, zlib
w, h = 32, 18
raw = b"".join(b"\0" + bytes([0, 120, 200]) * w for _ in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
cp "$W/my figure.png" "$TMP/figure.png"
cat > "$W/deck.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<deck lang="ja">
  <meta><title>依存関係</title><date>2025-06-26</date></meta>
  <slide layout="title" id="title"><title>依存関係</title></slide>
  <slide id="figure"><title>図</title><image src="my figure.png" alt="図"/></slide>
</deck>
XML
cat > "$W/Makefile" <<MK
out/slides.pdf: deck.xml
	echo building >> build.log
	$KS build deck.xml -o out --fonts \$(CURDIR)/fonts --dump-layout out/layout.json --depfile out/deck.d -q
-include out/deck.d
MK
cd "$W"
builds() { wc -l < build.log 2>/dev/null || echo 0; }

make -s >/dev/null || fail "first make"
[ "$(builds)" -eq 1 ] && ok "first make builds" || fail "first make ran $(builds) builds"
D=out/deck.d
[ -f "$D" ] || { fail "no depfile"; finish; }
for want in 'out/slides/01.png' 'out/slides/02.png' 'out/slides.pdf' 'out/handout.pdf' 'out/layout.json' \
            'deck.xml' 'my\ figure.png' 'fonts/fonts.conf' 'fonts/user/README.md' 'layouts/briefing.xml'; do
  grep -qF -- "$want" "$D" && ok "depfile names $want" || fail "depfile lacks $want"
done
# (--fonts is absolute: a relative fonts folder is not found by fontconfig today.)
# Outputs before the colon, inputs after it.
python3 - "$D" <<'PY' && ok "outputs are targets, inputs prerequisites" || fail "depfile rule shape"
import re, sys
text = open(sys.argv[1]).read().replace("\\\n", " ")
rule = text.split("\n")[0]
targets, deps = re.split(r"(?<!\\):", rule, maxsplit=1)
assert "slides.pdf" in targets and "deck.xml" not in targets, rule
assert "deck.xml" in deps and "slides.pdf" not in deps, rule
PY

make -s >/dev/null
[ "$(builds)" -eq 1 ] && ok "second make does nothing" || fail "second make rebuilt"
make -q && ok "make -q: up to date" || fail "make -q: not up to date"

for input in "my figure.png" fonts/fonts.conf deck.xml; do
  n=$(builds)
  sleep 0.01; touch "$input"
  make -q && fail "touching $input: make -q still up to date" || true
  make -s >/dev/null || fail "make after touching $input"
  [ "$(builds)" -eq $((n + 1)) ] && ok "touching $input rebuilds once" || fail "touching $input: $(( $(builds) - n )) builds"
done

# A broken outline: make fails, the depfile and outputs stay as they were.
cp "$D" "$TMP/deck.d.good"; cp out/slides.pdf "$TMP/slides.pdf.good"
cp deck.xml "$TMP/deck.xml.good"
echo '<slide>' >> deck.xml
make -s >/dev/null 2>&1 && fail "make succeeded on a broken outline" || ok "broken outline: make fails"
cmp -s "$D" "$TMP/deck.d.good" && cmp -s out/slides.pdf "$TMP/slides.pdf.good" \
  && ok "depfile and outputs kept after a failed build" || fail "a failed build changed the depfile or outputs"
cp "$TMP/deck.xml.good" deck.xml

# A deleted image (a warning: a placeholder is drawn) must not stop make with
# "No rule to make target": every input has an empty rule.
rm "my figure.png"
out=$(make 2>&1) || true
grep -q "No rule to make target" <<<"$out" && fail "make stumbles over the deleted input: $out" || ok "deleted input: make still runs the build"

# The README's example: three decks with make -j (its Makefile, taken from the README).
M=$TMP/library
mkdir -p "$M"
python3 - "$ROOT/README.md" > "$M/Makefile" <<'PY'
import re, sys
print(re.search(r"```make\n(.*?)```", open(sys.argv[1]).read(), re.S).group(1), end="")
PY
for d in sales hiring q3; do
  mkdir -p "$M/$d"; sed 's/依存関係/'"$d"'/' "$W/deck.xml" > "$M/$d/deck.xml"; cp "$TMP/figure.png" "$M/$d/my figure.png"
done
cd "$M"
make -s -j3 KS="$KS" >/dev/null 2>&1 || fail "README example: make -j3"
[ -f out/sales/slides.pdf ] && [ -f out/hiring/handout.pdf ] && [ -f out/q3/slides/02.png ] && ok "README example: three decks built" \
  || fail "README example: outputs missing"
[ -z "$(make -sn -j3 KS=true)" ] && ok "README example: second make does nothing" || fail "README example: second make would rebuild"
sleep 0.01; touch "hiring/my figure.png"
plan=$(make -sn -j3 KS=true)
grep -q "hiring" <<<"$plan" && ! grep -qE "sales|q3" <<<"$plan" && ok "README example: touching one image rebuilds that deck only" \
  || fail "README example: plan after touching an image: $plan"
finish
