#!/usr/bin/env bash
# The CLI's layout cache (OUT/.kamishibai/layout-cache): after a one-bullet
# edit, the seed deck and every fixture deck, in both layout sets, build
# byte-identical to a --no-cache build into a fresh folder, with the same
# messages; the seed's edit lays out only the edited slide (-v says so); a
# damaged, truncated, foreign or linked cache is ignored; --no-cache
# rewrites it; no temporary is left behind.
source "$(dirname "$0")/lib.sh"
SRC=$TMP/src
mkdir -p "$SRC/tests"
cp -r "$ROOT/content" "$SRC/content"
cp -r "$ROOT/tests/fixtures" "$SRC/tests/fixtures"

# The first <item> (else the first <p>) gets a word more: one bullet edited.
edit_one() {
  python3 - "$1" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
for tag in ("<item>", "<p>"):
    i = s.find(tag)
    if i >= 0:
        s = s[:i + len(tag)] + "改訂 " + s[i + len(tag):]
        break
open(p, "w", encoding="utf-8").write(s)
PY
}
messages() { grep -E ': (warning|error|note):|^  note:' "$1" | sort || true; }

decks=$(cd "$SRC" && { echo content/deck.xml; find tests/fixtures/decks -name '*.xml' | sort; })
built=0
for layouts in briefing hall; do
  for rel in $decks; do
    deck=$SRC/$rel; name=$(echo "$rel" | tr '/' '_')-$layouts
    A=$TMP/a-$name; B=$TMP/b-$name
    cp "$deck" "$TMP/orig.xml"
    if ! "$KS" build "$deck" --layouts "$ROOT/layouts/$layouts.xml" -o "$A" -q 2>/dev/null; then cp "$TMP/orig.xml" "$deck"; continue; fi
    [ -s "$A/.kamishibai/layout-cache" ] || fail "$name: no layout cache written"
    edit_one "$deck"
    "$KS" build "$deck" --layouts "$ROOT/layouts/$layouts.xml" -o "$A" -v 2> "$TMP/a.log" || true
    "$KS" build "$deck" --layouts "$ROOT/layouts/$layouts.xml" -o "$B" --no-cache 2> "$TMP/b.log" || true
    cp "$TMP/orig.xml" "$deck"
    if diff -r -x .kamishibai "$A" "$B" >/dev/null; then built=$((built + 1))
    else fail "$name: the cached build differs from a --no-cache build"; diff -rq -x .kamishibai "$A" "$B" >&2 || true; fi
    [ "$(messages "$TMP/a.log")" = "$(messages "$TMP/b.log")" ] || { fail "$name: other messages with the cache"; diff <(messages "$TMP/a.log") <(messages "$TMP/b.log") >&2 || true; }
    [ -z "$(ls -A "$A/.kamishibai/tmp")" ] || fail "$name: temporaries left in .kamishibai/tmp"
    if [ "$rel" = content/deck.xml ]; then
      grep -q "^layout: 1 of [0-9]* slides laid out ([0-9]* from the layout cache)" "$TMP/a.log" \
        && ok "$layouts, seed: one bullet edited, one slide laid out" || { fail "$layouts, seed: not one slide laid out"; grep layout: "$TMP/a.log" >&2; }
      grep -q "^fit: 1 of [0-9]* slide bodies measured ([0-9]* decisions kept, 25 slides)" "$TMP/a.log" && ok "$layouts, seed: one slide measured" || { fail "$layouts, seed: not one slide measured"; grep fit: "$TMP/a.log" >&2; }
    fi
  done
done
[ "$built" -ge 30 ] && ok "$built deck builds after an edit byte-identical to --no-cache builds" || fail "only $built decks compared"

# A cache that is not a whole, valid one is ignored: every slide laid out, same output.
O=$TMP/o
"$KS" build "$SRC/content/deck.xml" -o "$O" -q
n=$(ls "$O/slides" | wc -l)
cache=$O/.kamishibai/layout-cache
relayout() {  # $1: what; the deck is touched so the build is not a no-change one
  touch "$SRC/content/deck.xml"
  "$KS" build "$SRC/content/deck.xml" -o "$O" -v 2> "$TMP/log" || { fail "$1: build failed"; cat "$TMP/log" >&2; }
  grep -o "^layout: [0-9]* of" "$TMP/log"
}
[ "$(relayout "valid")" = "layout: 0 of" ] && ok "valid cache: no slide laid out" || fail "valid cache: slides laid out"
head -c 5000 "$cache" > "$TMP/cut"; cp "$TMP/cut" "$cache"
[ "$(relayout "truncated")" = "layout: $n of" ] && ok "truncated cache ignored" || fail "truncated cache used"
[ "$(relayout "rewritten")" = "layout: 0 of" ] && ok "the ignored cache was written anew" || fail "cache not rewritten"
python3 -c 'import sys; p=sys.argv[1]; b=bytearray(open(p,"rb").read()); b[len(b)//2]^=1; open(p,"wb").write(b)' "$cache"
[ "$(relayout "damaged")" = "layout: $n of" ] && ok "damaged cache ignored" || fail "damaged cache used"
sed -i '1s/layout-cache 1/layout-cache 9/' "$cache"
[ "$(relayout "other version")" = "layout: $n of" ] && ok "other version ignored" || fail "other version used"
cp "$cache" "$TMP/real-cache"; rm "$cache"; ln -s "$TMP/real-cache" "$cache"
[ "$(relayout "link")" = "layout: $n of" ] && ok "a cache reached through a link is not read" || fail "linked cache read"
[ -L "$cache" ] && fail "the link was written through" || ok "the link was replaced, not written through"
touch "$SRC/content/deck.xml"
"$KS" build "$SRC/content/deck.xml" -o "$O" -v --no-cache 2> "$TMP/log"
grep -q "^layout: $n of" "$TMP/log" && ok "--no-cache lays out every slide" || fail "--no-cache used the cache"
[ "$(relayout "after --no-cache")" = "layout: 0 of" ] && ok "--no-cache wrote the cache" || fail "--no-cache did not write the cache"
[ -z "$(ls -A "$O/.kamishibai/tmp")" ] && ok "no temporary left" || fail "temporaries left"
finish
