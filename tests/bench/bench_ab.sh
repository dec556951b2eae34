#!/usr/bin/env bash
# Before/after pair on a shared machine: runs BEFORE and AFTER alternately
# (B, A, B, A, ...) so both see the same load, N rounds of each case on the
# seed deck, and prints medians of wall time and CPU (user + sys), with each
# exporter's CPU from --timings:
#   cold        full build into an empty folder (--no-cache)
#   one-bullet  rebuild after one bullet changed (a different text each run)
# Both binaries must produce the same bytes: the outputs are compared.
# usage: tests/bench/bench_ab.sh BEFORE AFTER [N]   (N default 7)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BEFORE=$1
AFTER=$2
N=${3:-7}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export KAMISHIBAI_DATA_DIR=${KAMISHIBAI_DATA_DIR:-$ROOT}

one() {  # label binary case round
  local label=$1 bin=$2 case=$3 k=$4 dir=$W/$1
  mkdir -p "$dir"
  [ -f "$dir/deck.xml" ] || cp "$ROOT/content/deck.xml" "$dir/deck.xml"
  local args=()
  if [ "$case" = cold ]; then rm -rf "$dir/out"; args=(--no-cache)
  else
    [ -d "$dir/out" ] || "$bin" build "$dir/deck.xml" -o "$dir/out" -q
    sed -i "0,/<item>/s//<item>e$k /" "$dir/deck.xml"
  fi
  local t0=$(date +%s%N)
  /usr/bin/time -o "$dir/rss" -f '%U %S %M' "$bin" build "$dir/deck.xml" -o "$dir/out" -q --timings "${args[@]}" \
    2> "$dir/err" || { cat "$dir/err" >&2; exit 1; }
  local t1=$(date +%s%N)
  local t=$(grep -o '[a-zA-Z.]* *[0-9.]* ms' "$dir/err" | grep -E '^(handout.pdf|slides.pdf|PNGs)' | awk '{printf "%s ", $2}')
  echo "$(( (t1 - t0) / 1000000 )) $(awk '{printf "%d %d", ($1 + $2) * 1000, $3 / 1024}' "$dir/rss") $t" >> "$W/$label-$case.log"
}

echo "$(nproc) cores, N=$N rounds, $(date -u +%Y-%m-%d), load average $(cut -d' ' -f1-3 /proc/loadavg)"
for case in cold one-bullet; do
  for k in $(seq "$N"); do
    one before "$BEFORE" "$case" "$k"
    one after "$AFTER" "$case" "$k"
  done
done
cmp_out() { diff -r -x .kamishibai "$W/before/out" "$W/after/out" > /dev/null; }
cmp_out || { echo "BEFORE and AFTER wrote different bytes" >&2; exit 1; }
echo "| case | binary | wall | CPU | peak RSS | handout.pdf CPU | slides.pdf CPU | PNGs CPU |"
echo "|---|---|---|---|---|---|---|---|"
for case in cold one-bullet; do
  for label in before after; do
    python3 - "$W/$label-$case.log" "$case" "$label" <<'PY'
import statistics, sys
rows = [list(map(float, l.split())) for l in open(sys.argv[1]) if l.strip()]
med = [statistics.median(c) for c in zip(*rows)]
print(f"| {sys.argv[2]} | {sys.argv[3]} | {med[0]:.0f} ms | {med[1]:.0f} ms | {med[2]:.0f} MiB | "
      f"{med[3]:.1f} ms | {med[4]:.1f} ms | {med[5]:.1f} ms |")
PY
  done
done
