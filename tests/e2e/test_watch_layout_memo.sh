#!/usr/bin/env bash
# Watch keeps laid-out slides between builds: a save lays out again only the
# slides whose inputs changed, and what it writes is byte for byte what a
# --no-cache build of the same outline writes. The messages of a slide that
# was not laid out again are still reported, at their place. An edit that
# moves every later line lays out every later slide again.
source "$(dirname "$0")/lib.sh"

W=$TMP/deck
mkdir -p "$W"
cp "$DECK" "$W/deck.xml"
"$KS" watch "$W/deck.xml" -o "$W/out" > "$TMP/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$TMP"' EXIT
n=$(slide_count "$W/deck.xml")
# The build's log: the part after the (N-1)th "built" line.
build_log() { awk -v n="$1" '/\] (built|build failed)/ {k++; next} k == n - 1' "$TMP/log"; }
same_as_full_build() {  # what
  rm -rf "$TMP/full"
  "$KS" build "$W/deck.xml" -o "$TMP/full" -q --no-cache
  diff -r -x .kamishibai "$W/out" "$TMP/full" > /dev/null && ok "$1: byte-identical to a --no-cache build" \
    || { fail "$1: differs from a --no-cache build"; diff -rq -x .kamishibai "$W/out" "$TMP/full" >&2 || true; }
}

wait_watch_builds 1 || fail "first build"
total=$(build_log 1 | grep -o 'layout: [0-9]* of [0-9]*' || true)
laid=$(echo "$total" | awk '{print $2}')
[ "$laid" -ge "$n" ] && ok "first build lays out every slide ($total)" || fail "first build: '$total'"
note=$(build_log 1 | grep -c "note: slide 's2-1-2'" || true)
[ "$note" -ge 1 ] || fail "the seed's fitting note on s2-1-2 is missing from the first build"

sed -i 's|S3</b>: 400兆|S3</b>: 500兆|' "$W/deck.xml"
wait_watch_builds 2 || fail "no build after the edit"
build_log 2 | grep -q "layout: 1 of [0-9]* slides laid out" && ok "one bullet: one slide laid out again" \
  || fail "one bullet: $(build_log 2 | grep layout:)"
build_log 2 | grep -q "deck.xml:52:5: note: slide 's2-1-2'" && ok "a kept slide's message is still reported at its place" \
  || fail "kept slide's note missing: $(build_log 2)"
same_as_full_build "after one bullet"

# A line inserted near the top moves every later slide's source positions.
sed -i '0,/<slide /s//<!-- a new line -->\n&/' "$W/deck.xml"
wait_watch_builds 3 || fail "no build after the inserted line"
laid=$(build_log 3 | grep -o 'layout: [0-9]*' | awk '{print $2}')
[ "${laid:-0}" -ge $((n - 1)) ] && ok "a line inserted at the top: every slide laid out again ($laid)" \
  || fail "inserted line: only ${laid:-?} slides laid out"
build_log 3 | grep -q "deck.xml:53:5: note: slide 's2-1-2'" && ok "the note moved with its line" \
  || fail "note position after the inserted line: $(build_log 3 | grep s2-1-2)"
same_as_full_build "after an inserted line"

# The deck's title is on every slide's footer: every slide again.
sed -i '0,/<title>/s//<title>改/' "$W/deck.xml"
wait_watch_builds 4 || fail "no build after the title edit"
same_as_full_build "after the deck title changed"

kill -INT "$pid"; rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 0 ] && ok "exit 0" || fail "exit status $rc"
finish
