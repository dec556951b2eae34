#!/usr/bin/env bash
# Progress ("slide k of N") only on a terminal, --quiet prints problems only,
# --verbose prints phases and every file read and written; for build and watch.
source "$(dirname "$0")/lib.sh"
N=$(slide_count "$DECK")

# On a terminal (script(1) gives the build a pseudo-terminal); -j 1 and a large --scale make the
# export long enough for progress to appear.
script -qec "$KS build $DECK -o $TMP/tty -j 1 --scale 5" /dev/null > "$TMP/tty.log" 2>&1 || fail "build on a terminal"
grep -aqE "slide [0-9]+ of $N" "$TMP/tty.log" && ok "terminal: slide k of $N shown" || fail "terminal: no progress"
grep -aqE $'\r\033\[K'"(/| |$N slides)" "$TMP/tty.log" && ok "terminal: progress line cleared before the summary" \
  || fail "terminal: progress line not cleared"
script -qec "$KS build $DECK -o $TMP/tty -j 1 --scale 5 -q" /dev/null > "$TMP/ttyq.log" 2>&1 || fail "quiet build on a terminal"
grep -aq "of $N" "$TMP/ttyq.log" && fail "terminal --quiet: progress shown" || ok "terminal --quiet: no progress"

# Not a terminal: no progress, no control characters.
"$KS" build "$DECK" -o "$TMP/pipe" -j 1 > "$TMP/pipe.log" 2>&1
grep -aq "of $N" "$TMP/pipe.log" && fail "pipe: progress shown" || ok "pipe: no progress"
grep -aq $'\033' "$TMP/pipe.log" && fail "pipe: escape sequences" || ok "pipe: no escape sequences"
grep -q "$N slides" "$TMP/pipe.log" && ok "pipe: summary line" || fail "pipe: no summary"

# --quiet: nothing at all for a clean build.
"$KS" build "$DECK" -o "$TMP/q" -q > "$TMP/q.log" 2>&1
[ ! -s "$TMP/q.log" ] && ok "--quiet: silent on success" || fail "--quiet printed: $(cat "$TMP/q.log")"

# --verbose: phases, inputs and every output with its size.
"$KS" build "$DECK" -o "$TMP/v" --verbose > "$TMP/v.log" 2>&1
grep -q "export" "$TMP/v.log" && grep -q "commit" "$TMP/v.log" && ok "--verbose: phases" || fail "--verbose: no phases"
grep -q "input  $DECK" "$TMP/v.log" && grep -q "input  .*fonts.conf" "$TMP/v.log" && ok "--verbose: inputs" || fail "--verbose: inputs"
[ "$(grep -c "wrote  $TMP/v/slides/[0-9]*.png ([0-9]* bytes)" "$TMP/v.log")" -eq "$N" ] && grep -q "wrote  $TMP/v/handout.pdf" "$TMP/v.log" \
  && ok "--verbose: every output with its size" || fail "--verbose: outputs"

# watch -q: success is silent, a failure is printed; watch --verbose lists files.
mkdir -p "$TMP/w"; cp "$DECK" "$TMP/w/deck.xml"
"$KS" watch "$TMP/w/deck.xml" -o "$TMP/w/out" -q > "$TMP/wq.log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$TMP"' EXIT
for _ in $(seq 1 50); do [ -d "$TMP/w/out/slides" ] && break; sleep 0.1; done
sleep 0.3
echo '<broken' >> "$TMP/w/deck.xml"
for _ in $(seq 1 50); do grep -q "build failed" "$TMP/wq.log" && break; sleep 0.1; done
kill -INT "$pid"; wait "$pid" || true
grep -q "built in" "$TMP/wq.log" && fail "watch -q: success printed" || ok "watch -q: success silent"
grep -q "build failed" "$TMP/wq.log" && grep -q "deck.xml:[0-9]*:[0-9]*: error" "$TMP/wq.log" \
  && ok "watch -q: failure printed" || fail "watch -q: failure not printed: $(cat "$TMP/wq.log")"

cp "$DECK" "$TMP/w/deck.xml"
"$KS" watch "$TMP/w/deck.xml" -o "$TMP/w/out" --verbose > "$TMP/wv.log" 2>&1 &
pid=$!
for _ in $(seq 1 50); do grep -q "built in" "$TMP/wv.log" && break; sleep 0.1; done
kill -INT "$pid"; wait "$pid" || true
grep -q "wrote  $TMP/w/out/handout.pdf" "$TMP/wv.log" && grep -q "built in" "$TMP/wv.log" \
  && ok "watch --verbose: files and result" || fail "watch --verbose: $(cat "$TMP/wv.log")"
finish
