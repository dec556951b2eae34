#!/usr/bin/env bash
# Two kamishibai binaries on the seed deck, interleaved in one run (A, B, A,
# B, …, so load on a shared machine falls on both alike): a cold build into an
# empty folder, a no-edit rebuild and a rebuild after one bullet changed
# (both binaries build the same edit), N runs each (default 7), median,
# min and max wall time and median CPU. Every run is checked to have been
# its case (tests/bench/verify_run.sh): the cold build made every slide, the
# no-edit rebuild rewrote nothing, the one-bullet rebuild one slide image.
#
# usage: tests/bench/bench_compare.sh A B [N]   e.g. build/release/kamishibai /tmp/ks-main
# Both find their data through KAMISHIBAI_DATA_DIR (default: this checkout).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
A=$1 B=$2 N=${3:-7}
export KAMISHIBAI_DATA_DIR=${KAMISHIBAI_DATA_DIR:-$ROOT}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
source "$ROOT/tests/bench/verify_run.sh"  # snapshot, verify
cp "$ROOT/content/deck.xml" "$W/deck.xml"
sleep 0.1  # inputs written less than 50 ms before a build are not recorded as settled

timed() {  # label case out command...
  local label=$1 case=$2 out=$3; shift 3
  snapshot "$out" > "$W/before"
  local t0=$(date +%s%N)
  /usr/bin/time -o "$W/cpu" -f '%U %S' "$@" -o "$out" -q --report "$W/report.json" >/dev/null 2>"$W/err" ||
    { echo "$label failed:" >&2; cat "$W/err" >&2; exit 1; }
  local t1=$(date +%s%N)
  verify "$case" "$out"
  echo "$(( (t1 - t0) / 1000000 )) $(awk '{printf "%d", ($1 + $2) * 1000}' "$W/cpu")" >> "$W/$label.log"
}
for bin in A B; do "${!bin}" build "$W/deck.xml" -o "$W/warm-$bin" -q; done  # warm-up: page cache, fonts
edit() {  # toggles one bullet of the outline
  if grep -q 'S3</b>: 400兆' "$W/deck.xml"; then sed -i 's|S3</b>: 400兆|S3</b>: 500兆|' "$W/deck.xml"
  else sed -i 's|S3</b>: 500兆|S3</b>: 400兆|' "$W/deck.xml"; fi
}
for _ in $(seq "$N"); do
  for bin in A B; do
    rm -rf "$W/out-$bin"
    timed "$bin-cold" cold "$W/out-$bin" "${!bin}" build "$W/deck.xml"
    timed "$bin-no-edit" no-edit "$W/out-$bin" "${!bin}" build "$W/deck.xml"
  done
  edit
  for bin in A B; do timed "$bin-one-bullet" one-bullet "$W/out-$bin" "${!bin}" build "$W/deck.xml"; done
done
cmp -s "$W/out-A/slides.pdf" "$W/out-B/slides.pdf" && cmp -s "$W/out-A/handout.pdf" "$W/out-B/handout.pdf" &&
  diff -rq "$W/out-A/slides" "$W/out-B/slides" >/dev/null && same="byte-identical" || same="DIFFERENT"
echo "seed deck, $(nproc) cores, N=$N interleaved, load average $(cut -d' ' -f1-3 /proc/loadavg); outputs of A and B: $same"
echo "A = $A"
echo "B = $B"
python3 - "$W" "$N" <<'PY'
import statistics, sys
w, n = sys.argv[1], int(sys.argv[2])
def stats(label):
    rows = [tuple(map(int, l.split())) for l in open(f"{w}/{label}.log")]
    wall = sorted(r[0] for r in rows); cpu = [r[1] for r in rows]
    return statistics.median(wall), wall[0], wall[-1], statistics.median(cpu)
print("| case       | A median | B median | A/B  | A min–max | B min–max | A CPU | B CPU |")
print("|------------|----------|----------|------|-----------|-----------|-------|-------|")
for case in ("cold", "no-edit", "one-bullet"):
    a, b = stats(f"A-{case}"), stats(f"B-{case}")
    print(f"| {case:10} | {a[0]:5.0f} ms | {b[0]:5.0f} ms | {a[0] / b[0]:.2f} | {a[1]}–{a[2]} ms | {b[1]}–{b[2]} ms "
          f"| {a[3]:.0f} ms | {b[3]:.0f} ms |")
PY
