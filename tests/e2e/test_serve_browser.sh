#!/usr/bin/env bash
# The live preview end to end in headless Chromium: start
# `kamishibai watch --serve`, load the page, edit the outline, see the changed
# slide arrive, break the outline, see the errors, fix it, stop the watcher.
# Prints the median time from a save to the updated image in the page.
source "$(dirname "$0")/lib.sh"

W=$TMP/deck
mkdir -p "$W"
cp "$DECK" "$W/deck.xml"
start_preview "$W/deck.xml" "$W/out" || { fail "watch --serve did not start"; finish; }
url="$base/"
ok "serving $url"

mkdir -p "$TMP/profile"
node "$(dirname "$0")/test_serve_browser.mjs" "$url" "$W/deck.xml" "$TMP/profile" || fail "browser checks"

echo "build times for comparison: $(grep -o 'built in [0-9]* ms' "$TMP/log" | sed 's/built in //' | tr '\n' ' ')"
kill -TERM "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 0 ] && ok "SIGTERM: watcher exits 0" || fail "watcher exit status $rc"
[ "$(find "$W" -name '*kamishibai-tmp*' | wc -l)" -eq 0 ] && ok "no temporary files left" || fail "temporary files left"
[ "$failures" -eq 0 ] || { echo "--- watch log"; cat "$TMP/log"; }
finish
