#!/usr/bin/env bash
# Incremental-build benchmark: whole process, median wall time (ms) and peak
# RSS (GNU time %M) over N runs of each case, for the seed deck (content/) and
# the deck x10 (250 slides, unique ids):
#   cold       full build into an empty folder
#   no-edit    rebuild with nothing changed ("no change": no layout at all)
#   touched    rebuild after the outline was saved unchanged (new mtime, same
#              bytes: laid out again, every output kept)
#   one-bullet rebuild after one bullet changed (alternating two texts, so
#              every run is an edit); all outputs up to date afterwards
# Given BEFORE (another build of kamishibai, e.g. main's), the seed's cases
# run with it too, in the same run, for a before/after pair.
#
# usage: tests/bench/bench_incremental.sh [BINARY] [N] [BEFORE]   (N default 7, >= 5)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KAMISHIBAI_DATA_DIR=${KAMISHIBAI_DATA_DIR:-$ROOT}  # a binary copied out of the build tree finds the data
KS=${1:-$ROOT/build/release/kamishibai}
N=${2:-7}
BEFORE=${3:-}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

cp "$ROOT/content/deck.xml" "$W/deck1.xml"
python3 "$ROOT/tests/bench/make_deck10.py" "$ROOT/content/deck.xml" "$W/deck10.xml"
grep -q 'S3</b>: 400兆' "$W/deck1.xml" || { echo "the bullet to edit is not in content/deck.xml" >&2; exit 1; }

declare -A MS
run() {  # name, before-each (shell), command...
  local name=$1 prep=$2; shift 2
  local log=$W/$name.log; : > "$log"
  for _ in $(seq "$N"); do
    eval "$prep"
    local t0=$(date +%s%N)
    /usr/bin/time -o "$W/rss" -f '%M %U %S' "$@" >/dev/null 2>"$W/err" || { echo "$name failed:" >&2; cat "$W/err" >&2; exit 1; }
    local t1=$(date +%s%N)
    echo "$(( (t1 - t0) / 1000000 )) $(cat "$W/rss")" >> "$log"
  done
  local mid=$(( (N + 1) / 2 ))
  local w=( $(awk '{print $1}' "$log" | sort -n) ) m=( $(awk '{print $2}' "$log" | sort -n) )
  local c=( $(awk '{printf "%d\n", ($3 + $4) * 1000}' "$log" | sort -n) )
  MS[$name]=${w[mid-1]}
  printf '| %-16s | %6d ms | %6d ms | %6d ms | %6d ms | %4d MiB |\n' "$name" "${w[mid-1]}" "${w[0]}" "${w[N-1]}" \
    "${c[mid-1]}" "$(( ${m[N-1]} / 1024 ))"
}
edit() {  # toggles the one bullet in $1
  if grep -q 'S3</b>: 400兆' "$1"; then sed -i 's|S3</b>: 400兆|S3</b>: 500兆|' "$1"
  else sed -i 's|S3</b>: 500兆|S3</b>: 400兆|' "$1"; fi
}

echo "kamishibai $("$KS" --version | head -1 | awk '{print $2}'), $(nproc) cores, N=$N runs each, $(date -u +%Y-%m-%d)"
echo
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (wall times grow with load; CPU = user + sys)"
echo
echo "| case             | median    | min       | max       | CPU (med) | peak RSS |"
echo "|------------------|-----------|-----------|-----------|-----------|----------|"
sleep 0.1  # inputs written less than 50 ms before a build are not recorded as settled
for x in 1 10; do
  run "cold-${x}x"       "rm -rf '$W/o$x'"    "$KS" build "$W/deck$x.xml" -o "$W/o$x" -q
  run "no-edit-${x}x"    ":"                  "$KS" build "$W/deck$x.xml" -o "$W/o$x" -q
  run "touched-${x}x"    "touch '$W/deck$x.xml'" "$KS" build "$W/deck$x.xml" -o "$W/o$x" -q
  run "one-bullet-${x}x" "edit '$W/deck$x.xml'" "$KS" build "$W/deck$x.xml" -o "$W/o$x" -q
done
if [ -n "$BEFORE" ]; then
  # Its own copy of the outline: the check below compares $W/o1 with the outline it was built from.
  cp "$W/deck1.xml" "$W/deck1b.xml"
  run "before:cold-1x"       "rm -rf '$W/b1'"       "$BEFORE" build "$W/deck1b.xml" -o "$W/b1" -q
  run "before:no-edit-1x"    ":"                    "$BEFORE" build "$W/deck1b.xml" -o "$W/b1" -q
  run "before:one-bullet-1x" "edit '$W/deck1b.xml'" "$BEFORE" build "$W/deck1b.xml" -o "$W/b1" -q
fi
# The incremental result is the full build's.
"$KS" build "$W/deck1.xml" -o "$W/full" -q --no-cache
diff -r -x .kamishibai "$W/o1" "$W/full" >/dev/null || { echo "incremental output differs from a full build" >&2; exit 1; }
echo
python3 - "${MS[cold-1x]}" "${MS[no-edit-1x]}" "${MS[one-bullet-1x]}" "${MS[cold-10x]}" "${MS[no-edit-10x]}" "${MS[one-bullet-10x]}" <<'PY'
import sys
c1, n1, e1, c10, n10, e10 = map(float, sys.argv[1:])
print(f"ratios (cold / incremental): seed no-edit {c1/max(n1,1):.1f}x, one bullet {c1/max(e1,1):.1f}x; "
      f"x10 no-edit {c10/max(n10,1):.1f}x, one bullet {c10/max(e10,1):.1f}x")
print(f"targets: no-edit {n1:.0f} ms (<= 30) {'met' if n1 <= 30 else 'NOT met'}; "
      f"one bullet {e1:.0f} ms (<= 100) {'met' if e1 <= 100 else 'NOT met'}; "
      f"cold {c1:.0f} ms (<= 300) {'met' if c1 <= 300 else 'NOT met'}; "
      f"x10 cold {c10:.0f} ms (<= 2000) {'met' if c10 <= 2000 else 'NOT met'}")
PY
