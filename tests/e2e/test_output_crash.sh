#!/usr/bin/env bash
# The output folder survives a kill at every commit step: after the next run
# (which rolls an interrupted commit forward) it holds the complete old
# output or the complete new one, never a mix. Concurrent builds into one
# folder never mix decks. User files are never touched.
source "$(dirname "$0")/lib.sh"

deck() {  # name, slide count
  local f="$TMP/$1.xml" i
  { echo '<deck lang="ja"><meta><title>'"$1"'</title></meta>'
    for i in $(seq 1 "$2"); do echo "<slide id=\"s$i\"><title>$1 の $i 枚目</title><p>本文 $1 $i</p></slide>"; done
    echo '</deck>'; } > "$f"
  echo "$f"
}
OLD=$(deck old 4)
NEW=$(deck new 3)
listing() {  # sha256 of every file but kamishibai's private state
  (cd "$1" && find . -path ./.kamishibai -prune -o -type f -print | LC_ALL=C sort | xargs -r sha256sum)
}
run() { "$KS" build "$@" --scale 0.25 -q -j 2 --handout 1; }

run "$OLD" -o "$TMP/ref-old" || fail "old reference build"
run "$NEW" -o "$TMP/ref-new" || fail "new reference build"
listing "$TMP/ref-old" > "$TMP/old.sha"
listing "$TMP/ref-new" > "$TMP/new.sha"
cmp -s "$TMP/old.sha" "$TMP/new.sha" && fail "old and new outputs must differ"

# A user's file inside the output folder is never touched.
echo "keep me" > "$TMP/ref-old/notes.txt"
echo "keep me" > "$TMP/ref-old/slides/figure.txt"
listing "$TMP/ref-old" > "$TMP/old.sha"
sed -i '/notes.txt\|figure.txt/d' "$TMP/new.sha"

# Commit steps: journal, 4 renames (handout, slides.pdf, 3 PNGs... ), 1 delete,
# manifest, journal removal; crash at 1..12 covers them and beyond.
steps_seen=0
for i in $(seq 1 100); do
  rm -rf "$TMP/out" && cp -a "$TMP/ref-old" "$TMP/out"
  at=$(( (i - 1) % 12 + 1 ))
  set +e
  if [ $((i % 5)) -eq 0 ]; then
    # A real SIGKILL at a random moment instead of a crash point.
    # The binary itself, not the run() function: a subshell killed would leave
    # kamishibai running on into the next check.
    "$KS" build "$NEW" --scale 0.25 -q -j 2 --handout 1 -o "$TMP/out" & pid=$!
    sleep "0.$((RANDOM % 40))"; kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
  else
    KAMISHIBAI_TEST_CRASH_AT=$at run "$NEW" -o "$TMP/out"; rc=$?
    [ $rc -eq 137 ] && steps_seen=$((steps_seen + 1))
  fi
  # The next run rolls forward, then (crash point 0) stops before building.
  KAMISHIBAI_TEST_CRASH_AT=0 run "$OLD" -o "$TMP/out" 2>/dev/null
  set -e
  listing "$TMP/out" | grep -v 'notes.txt\|figure.txt' > "$TMP/got.sha" || true
  grep -v 'notes.txt\|figure.txt' "$TMP/old.sha" > "$TMP/old-only.sha"
  if ! cmp -s "$TMP/got.sha" "$TMP/old-only.sha" && ! cmp -s "$TMP/got.sha" "$TMP/new.sha"; then
    fail "run $i (crash at $at): the folder holds a mix of old and new output"; diff "$TMP/got.sha" "$TMP/new.sha" | head -5
  fi
  [ "$(cat "$TMP/out/notes.txt")" = "keep me" ] && [ "$(cat "$TMP/out/slides/figure.txt")" = "keep me" ] ||
    fail "run $i: a user's file changed"
  [ -z "$(ls -A "$TMP/out/.kamishibai/tmp")" ] || fail "run $i: temporaries left"
  [ ! -e "$TMP/out/.kamishibai/journal" ] || fail "run $i: journal left after recovery"
  # Every 10th run: a full build afterwards gives exactly the new output.
  if [ $((i % 10)) -eq 0 ]; then
    run "$NEW" -o "$TMP/out" || fail "run $i: the build after a crash failed"
    listing "$TMP/out" | grep -v 'notes.txt\|figure.txt' > "$TMP/got.sha" || true
    cmp -s "$TMP/got.sha" "$TMP/new.sha" || fail "run $i: the build after a crash is not the new output"
  fi
done
[ $steps_seen -ge 60 ] || fail "only $steps_seen runs stopped at a crash point"
ok "100 killed builds: always the complete old or new output ($steps_seen at crash points)"

# A file the user puts where an output goes, right after a crash, is never
# overwritten by the recovery: the next build stops and names it. (NEW has 3
# slides, OLD 4: OLD's slides/04.png is a new output.)
before=$failures
for at in $(seq 1 12); do
  rm -rf "$TMP/out" && cp -a "$TMP/ref-new" "$TMP/out"
  set +e; KAMISHIBAI_TEST_CRASH_AT=$at run "$OLD" -o "$TMP/out"; rc=$?; set -e
  [ $rc -eq 137 ] || continue
  [ -e "$TMP/out/slides/04.png" ] && continue  # already in place before the crash
  echo "mine" > "$TMP/out/slides/04.png"
  set +e; run "$OLD" -o "$TMP/out" 2> "$TMP/after.err"; rc=$?; set -e
  echo "mine" > "$TMP/mine"
  cmp -s "$TMP/mine" "$TMP/out/slides/04.png" || fail "crash at $at: the recovery overwrote the user's file"
  [ $rc -eq 1 ] && grep -q "slides/04.png" "$TMP/after.err" || fail "crash at $at: exit $rc, $(cat "$TMP/after.err")"
  rm "$TMP/out/slides/04.png"
  run "$OLD" -o "$TMP/out" || fail "crash at $at: the build after moving the file away failed"
  listing "$TMP/out" | grep -v 'notes.txt\|figure.txt' > "$TMP/got.sha" || true
  grep -v 'notes.txt\|figure.txt' "$TMP/old.sha" > "$TMP/old-only.sha"
  cmp -s "$TMP/got.sha" "$TMP/old-only.sha" || fail "crash at $at: after moving the file away the output is not complete"
done
[ $failures -eq $before ] && ok "a file put where an output goes after a crash is never overwritten by the recovery"

# A folder kamishibai cannot write into (OUT/slides immutable): the build
# fails before anything moves, says so, and the previous output stands.
rm -rf "$TMP/ro" && cp -a "$TMP/ref-old" "$TMP/ro"
before=$failures
if chattr +i "$TMP/ro/slides" 2>/dev/null; then
  trap 'chattr -i "$TMP/ro/slides" 2>/dev/null; rm -rf "$TMP"' EXIT
  listing "$TMP/ro" > "$TMP/ro-before.sha"
  set +e; run "$NEW" -o "$TMP/ro" 2> "$TMP/ro.err"; rc=$?; set -e
  chattr -i "$TMP/ro/slides"
  listing "$TMP/ro" > "$TMP/ro-after.sha"
  [ $rc -ne 0 ] || fail "a build into an unwritable OUT/slides succeeded"
  cmp -s "$TMP/ro-before.sha" "$TMP/ro-after.sha" || fail "an unwritable OUT/slides left a mix"
  grep -q "slides.*nothing was moved" "$TMP/ro.err" && grep -q "nothing written; the previous output is unchanged" "$TMP/ro.err" ||
    fail "unwritable OUT/slides: $(cat "$TMP/ro.err")"
  [ ! -e "$TMP/ro/.kamishibai/journal" ] || fail "unwritable OUT/slides: a journal was left"
  [ $failures -eq $before ] && ok "an unwritable OUT/slides fails before anything moves and says so"
else
  echo "skip: chattr +i is not available here"
fi

# A commit that fails part-way says so truthfully, and the next build
# completes the folder.
for at in 1 3 6 9; do
  rm -rf "$TMP/out" && cp -a "$TMP/ref-old" "$TMP/out"
  set +e; KAMISHIBAI_TEST_FAIL_AT=$at run "$NEW" -o "$TMP/out" 2> "$TMP/fail.err"; rc=$?; set -e
  [ $rc -eq 3 ] || fail "failure at step $at: exit $rc"
  grep -q "nothing written" "$TMP/fail.err" && fail "failure at step $at claims nothing was written"
  grep -Eq "stopped part-way; the next build into it completes it|the new output in .* is complete" "$TMP/fail.err" ||
    fail "failure at step $at: $(cat "$TMP/fail.err")"
  run "$NEW" -o "$TMP/out" || fail "build after a failure at step $at"
  listing "$TMP/out" | grep -v 'notes.txt\|figure.txt' > "$TMP/got.sha" || true
  cmp -s "$TMP/got.sha" "$TMP/new.sha" || fail "after a failure at step $at the next build is not the new output"
done
ok "a commit failing part-way says what state the folder is in; the next build completes it"

# Three concurrent builds into one folder: the lock serialises them; the
# folder ends as one complete deck.
THIRD=$(deck third 2)
run "$THIRD" -o "$TMP/ref-third"; listing "$TMP/ref-third" > "$TMP/third.sha"
for round in 1 2 3; do
  rm -rf "$TMP/c"
  run "$OLD" -o "$TMP/c" & a=$!
  run "$NEW" -o "$TMP/c" & b=$!
  run "$THIRD" -o "$TMP/c" & c=$!
  wait $a && wait $b && wait $c || fail "a concurrent build failed"
  listing "$TMP/c" > "$TMP/got.sha"
  grep -v 'notes.txt\|figure.txt' "$TMP/old.sha" > "$TMP/old-only.sha"
  cmp -s "$TMP/got.sha" "$TMP/old-only.sha" || cmp -s "$TMP/got.sha" "$TMP/new.sha" ||
    cmp -s "$TMP/got.sha" "$TMP/third.sha" || fail "round $round: concurrent builds mixed decks"
done
ok "concurrent builds never mix decks"

# A build that cannot get the lock in time fails clearly, naming the holder.
mkdir -p "$TMP/l/.kamishibai"
flock "$TMP/l/.kamishibai/lock" sleep 10 & holder=$!
for _ in $(seq 100); do flock -n "$TMP/l/.kamishibai/lock" true || break; sleep 0.05; done
set +e
KAMISHIBAI_LOCK_TIMEOUT=0.5 run "$NEW" -o "$TMP/l" 2> "$TMP/lock.err"; rc=$?
set -e
kill $holder 2>/dev/null; wait $holder 2>/dev/null || true
[ $rc -eq 3 ] && grep -q "another kamishibai (pid .*) is building into $TMP/l" "$TMP/lock.err" ||
  fail "lock timeout: exit $rc, $(cat "$TMP/lock.err")"
ok "a second build gives up after the lock timeout with a clear message"
finish
