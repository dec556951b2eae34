#!/usr/bin/env bash
# A save while a build runs is not lost and does not start a second build at
# the same time: exactly one more build follows, and it has the last save.
source "$(dirname "$0")/lib.sh"

W=$TMP/deck
mkdir -p "$W"
cp "$DECK" "$W/deck.xml"
# -j 1: a build of the seed takes long enough (about a second) to save during it.
"$KS" watch "$W/deck.xml" -o "$W/out" -j 1 > "$TMP/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$TMP"' EXIT
builds() { grep -c -E '\] (built|build failed)' "$TMP/log" || true; }
wait_builds() {
  for _ in $(seq 1 200); do [ "$(builds)" -ge "$1" ] && return 0; sleep 0.1; done
  cat "$TMP/log"; return 1
}
wait_builds 1 || fail "first build"
first_ms=$(grep -o 'built in [0-9]*' "$TMP/log" | head -1 | grep -o '[0-9]*$')

sed -i 's|<title>2. セッションサマリー</title>|<title>2. Midway ONE</title>|' "$W/deck.xml"
sleep 0.4   # the debounce (0.12 s) has passed: the build is running
sed -i 's|<title>2. Midway ONE</title>|<title>2. Midway TWO</title>|' "$W/deck.xml"
wait_builds 3 || fail "no build after the save made during a build"
sleep 1.5
[ "$(builds)" -eq 3 ] && ok "save during a build: exactly one more build after it" || fail "$(builds) builds (want 3)"
pdftotext "$W/out/slides.pdf" - | tr -d " \n" | grep -q "MidwayTWO" && ok "the output has the last save" || fail "last save missing"
[ "${first_ms:-0}" -gt 400 ] || echo "note: first build took only ${first_ms} ms; the save may have landed after it"

kill -INT "$pid"; rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 0 ] && ok "exit 0" || fail "exit status $rc"
finish
