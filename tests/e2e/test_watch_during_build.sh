#!/usr/bin/env bash
# A save while a build runs is not lost and does not start a second build at
# the same time: exactly one more build follows, and it has the last save.
source "$(dirname "$0")/lib.sh"

W=$TMP/deck
mkdir -p "$W"
# The seed ten times over (250 slides) at -j 1: a build that lays out and
# draws every slide takes long enough (seconds) to save during it, however
# fast the seed alone builds.
python3 "$ROOT/tests/bench/make_deck10.py" "$DECK" "$W/deck.xml"
"$KS" watch "$W/deck.xml" -o "$W/out" -j 1 > "$TMP/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$TMP"' EXIT
builds() { grep -c -E '\] (built|build failed)' "$TMP/log" || true; }
wait_builds() {
  for _ in $(seq 1 200); do [ "$(builds)" -ge "$1" ] && return 0; sleep 0.1; done
  cat "$TMP/log"; return 1
}
wait_builds 1 || fail "first build"

# The first save changes the deck's title, which is in every slide's footer:
# the build it starts lays out and draws every slide again, and the second
# save lands while it runs.
sed -i '0,/参加報告<\/title>/s//参加報告 ONE<\/title>/' "$W/deck.xml"
sleep 0.3   # the debounce (0.12 s) has passed: the build is running
sed -i 's|参加報告 ONE</title>|参加報告 TWO</title>|' "$W/deck.xml"
# The scenario happened only if build 2 had not finished when the second
# save came (had it not started, the two saves would make one build).
during=$(builds)
wait_builds 3 || fail "no build after the save made during a build"
sleep 1.5
[ "$during" -eq 1 ] && ok "the second save came while build 2 ran" \
  || fail "build 2 had finished before the second save ($during builds): the scenario was not tested"
[ "$(builds)" -eq 3 ] && ok "save during a build: exactly one more build after it" || fail "$(builds) builds (want 3)"
pdftotext "$W/out/slides.pdf" - | tr -d " \n" | grep -q "参加報告TWO" && ok "the output has the last save" || fail "last save missing"

kill -INT "$pid"; rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 0 ] && ok "exit 0" || fail "exit status $rc"
finish
