#!/usr/bin/env bash
# What a chart costs in layout and drawing: median wall time of full builds
# (PNGs, slides.pdf, handout) of a deck of 40 chart slides (the five kinds
# of the charts fixture, 8 times each) against the same deck with every
# chart replaced by a one-line paragraph; the difference divided by 40 is
# the cost of one chart (target: at most 2 ms).
#
# usage: tests/bench/bench_charts.sh [BINARY] [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
KS=${1:-$ROOT/build/release/kamishibai}
N=${2:-7}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

python3 - "$ROOT/tests/fixtures/decks/charts/deck.xml" "$W" <<'PY'
import re, sys
src = open(sys.argv[1]).read()
charts = re.findall(r"<chart\b.*?</chart>", src, re.S)
head = '<?xml version="1.0" encoding="UTF-8"?>\n<deck lang="ja"><meta><title>bench</title></meta>\n'
with_charts, without = [head], [head]
for i in range(40):
    c = charts[i % len(charts)]
    with_charts.append(f'<slide id="s{i}"><title>グラフ {i}</title>{c}</slide>\n')
    without.append(f'<slide id="s{i}"><title>グラフ {i}</title><p>本文</p></slide>\n')
open(f"{sys.argv[2]}/charts.xml", "w").write("".join(with_charts) + "</deck>\n")
open(f"{sys.argv[2]}/plain.xml", "w").write("".join(without) + "</deck>\n")
PY

# Medians of N full builds on one thread (after one warm-up), per deck.
python3 - "$KS" "$W" "$N" <<'PY'
import statistics, subprocess, sys, time
ks, w, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
def figures(deck):  # charts drawn, by the layout dump of the warm-up build
    import json
    d = json.load(open(f"{w}/{deck}.json"))
    return sum(e["kind"] == "figure" for s in d["slides"] for e in s["structure"]["elements"])
def median(deck):
    cmd = [ks, "build", f"{w}/{deck}.xml", "-o", f"{w}/o-{deck}", "-q", "--no-cache", "-j1"]
    subprocess.run(cmd + ["--dump-layout", f"{w}/{deck}.json"], check=True, stdout=subprocess.DEVNULL)
    # The scenario: 40 charts drawn in one deck, none in the other.
    want = 40 if deck == "charts" else 0
    if figures(deck) != want:
        sys.exit(f"{deck}: {figures(deck)} charts drawn, not {want}: not the scenario this benchmark times")
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)
c, p = median("charts"), median("plain")
per = (c - p) * 1000 / 40
print(f"40 chart slides: median {c:.3f} s; 40 plain slides: median {p:.3f} s; "
      f"one chart: {per:.2f} ms (layout, PNG, PDF, handout; -j1, N={n})")
print("within 2 ms per chart" if per <= 2.0 else "OVER 2 ms per chart")
PY
