#!/usr/bin/env bash
# The layers hold: every #include in src/ is of a layer that the including
# file's library links in src/CMakeLists.txt (directly, or PUBLIC through
# one it links), and every source file is listed there. The check is shown
# failing on copies of src/ with a stray include and with an unlisted file.
source "$(dirname "$0")/lib.sh"
CHECK="$ROOT/tests/e2e/layer_includes.py"
if out=$(python3 "$CHECK" "$ROOT/src"); then
  ok "every include in src/ follows the layers"
else
  fail "includes against the layers:"$'\n'"$out"
fi
grep -c "^kamishibai_layer(" "$ROOT/src/CMakeLists.txt" | { read -r n; [ "$n" -ge 15 ] && ok "$n layers declared" || fail "only $n layers"; }

# util is the bottom layer: util including app/ is caught, with the line.
cp -r "$ROOT/src" "$TMP/src"
printf '#include "app/build.h"\n' >> "$TMP/src/util/hash.cpp"
out=$(python3 "$CHECK" "$TMP/src" || true)
echo "$out" | grep -q 'util/hash.cpp:[0-9]*: includes "app/build.h" of ks_app' && ok "a stray include is caught" \
  || fail "a stray include is not caught: $out"
# A header's PRIVATE dependency does not leak: watch links app, app links
# layout only PRIVATE, so watch may not include layout/.
rm -rf "$TMP/src" && cp -r "$ROOT/src" "$TMP/src"
printf '#include "layout/paginate.h"\n' >> "$TMP/src/watch/watch_command.cpp"
out=$(python3 "$CHECK" "$TMP/src" || true)
echo "$out" | grep -q 'watch/watch_command.cpp:[0-9]*: includes "layout/paginate.h"' \
  && ok "a PRIVATE dependency is not visible further up" || fail "a PRIVATE dependency leaks: $out"
# A new source file that is not listed is caught.
rm -rf "$TMP/src" && cp -r "$ROOT/src" "$TMP/src"
printf 'int stray;\n' > "$TMP/src/layout/stray.cpp"
out=$(python3 "$CHECK" "$TMP/src" || true)
echo "$out" | grep -q 'layout/stray.cpp: not in the SOURCES of ks_layout' && ok "an unlisted source is caught" \
  || fail "an unlisted source is not caught: $out"
finish
