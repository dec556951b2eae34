#!/usr/bin/env bash
# Edit-to-pixel: the median time from saving the seed outline to the changed
# slide's new image loaded in the `watch --serve` page in headless Chromium
# (N saves, default 7). Given BEFORE (another kamishibai build, e.g. main's),
# the same is measured with it in the same run, interleaved: ROUNDS rounds
# (default 3) of N saves with each binary in turn, and the medians over all
# saves of each.
# usage: tests/bench/bench_edit_to_pixel.sh [BINARY] [N] [BEFORE] [ROUNDS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KAMISHIBAI_DATA_DIR=${KAMISHIBAI_DATA_DIR:-$ROOT}  # a binary copied out of the build tree finds the data
KS=${1:-$ROOT/build/release/kamishibai}
N=${2:-7}
BEFORE=${3:-}
ROUNDS=${4:-3}
W=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; sleep 0.2; rm -rf "$W" 2>/dev/null || true' EXIT

measure() {  # label binary round
  local label=$1 bin=$2 dir=$W/$1-$3
  mkdir -p "$dir/profile"
  cp "$ROOT/content/deck.xml" "$dir/deck.xml"
  "$bin" watch "$dir/deck.xml" -o "$dir/out" --serve 0 > "$dir/log" 2>&1 &
  pid=$!
  local base=""
  for _ in $(seq 1 200); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/log" | head -1 || true)
    [ -n "$base" ] && grep -q '\] built' "$dir/log" && break
    sleep 0.1
  done
  [ -n "$base" ] || { cat "$dir/log" >&2; exit 1; }
  echo "== $label ($bin)"
  node "$ROOT/tests/bench/bench_edit_to_pixel.mjs" "$base/" "$dir/deck.xml" "$dir/profile" "$N" | tee "$dir/bench.log"
  grep -o 'loaded [0-9]* ms' "$dir/bench.log" | awk '{print $2}' >> "$W/$label.ms"
  echo "watch build times: $(grep -o 'built in [0-9]* ms' "$dir/log" | sed 's/built in //' | tr '\n' ' ')ms"
  kill -TERM "$pid"; wait "$pid" || true; pid=
}
median() { sort -n "$1" | awk '{v[NR] = $1} END {printf "median %d ms, min %d, max %d (%d saves)", v[int((NR + 1) / 2)], v[1], v[NR], NR}'; }

echo "$(nproc) cores, N=$N saves, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -z "$BEFORE" ]; then
  measure after "$KS" 1
else
  for r in $(seq "$ROUNDS"); do measure after "$KS" "$r"; measure before "$BEFORE" "$r"; done
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "after:  $(median "$W/after.ms")"
[ -z "$BEFORE" ] || echo "before: $(median "$W/before.ms")"
