#!/usr/bin/env python3
"""Checks the charts deck's layout dump against its outline and its PNGs:
charts_check.py DUMP.json SLIDES_DIR PNG_PIXELS.py [SCALE]. Every chart of
the outline is in the dump with its type and every value (gaps as null), its
marks carry the values and lie in the plot area, ticks are round, and each
series' colour is on the slide's PNG inside one of its bars (column, bar,
stacked) or at its points (line)."""
import json
import math
import subprocess
import sys

dump, slides_dir, pixels = sys.argv[1], sys.argv[2], sys.argv[3]
scale = float(sys.argv[4]) if len(sys.argv) > 4 else 2.0
want = {
    "revenue": ("column", [[120, 128, 141, 155], [135, 149, 162, 181]]),
    "margin": ("line", [[6.2, 6.8, None, 7.5], [7.1, 7.9, 8.6, 9.8]]),
    "mix": ("pie", [[248, 176, 121, 82]]),
    "regions": ("stacked-column", [[82, 88, 93, 101], [31, 36, 41, 47], [22, 25, 28, 33]]),
    "profit": ("bar", [[42.5, 18, 9, -6.5]]),
}
problems = []
slides = {s["id"]: s for s in json.load(open(dump))["slides"]}


def rgb(hexcolour):
    return tuple(int(hexcolour[i:i + 2], 16) for i in (1, 3, 5))


def near(a, b, tol=6):
    return all(abs(x - y) <= tol for x, y in zip(a, b))


for sid, (kind, values) in want.items():
    s = slides.get(sid)
    charts = [c for b in (s or {}).get("boxes", []) for c in b.get("charts", [])]
    if len(charts) != 1:
        problems.append(f"{sid}: {len(charts)} charts in the dump")
        continue
    c = charts[0]
    if c["type"] != kind:
        problems.append(f"{sid}: type {c['type']}, want {kind}")
    got = [ser["values"] for ser in c["series"]]
    if got != values:
        problems.append(f"{sid}: values {got}, want {values}")
    if not c["alt"]:
        problems.append(f"{sid}: no alt text")
    expect_marks = sum(v is not None for ser in values for v in ser)
    if len(c["marks"]) != expect_marks:
        problems.append(f"{sid}: {len(c['marks'])} marks, want {expect_marks}")
    for m in c["marks"]:
        v = values[m["series"]][m["category"]]
        if v is None or abs(m["value"] - v) > 1e-9:
            problems.append(f"{sid}: mark {m} does not carry its value {v}")
    p = c["plot"]
    for m in c["marks"]:
        if kind != "pie" and not (p["x"] - 0.5 <= m["x"] and m["x"] + m["w"] <= p["x"] + p["w"] + 0.5 and
                                  p["y"] - 0.5 <= m["y"] and m["y"] + m["h"] <= p["y"] + p["h"] + 0.5):
            problems.append(f"{sid}: mark {m} outside the plot {p}")
    if kind != "pie":
        ticks = c["ticks"]
        steps = {round(b - a, 6) for a, b in zip(ticks, ticks[1:])}
        if len(steps) != 1 or 0 not in ticks:
            problems.append(f"{sid}: ticks {ticks} are not evenly spaced through 0")
        step = steps.pop() if steps else 0
        mantissa = step / 10 ** math.floor(math.log10(step)) if step > 0 else 0
        if not any(abs(mantissa - m) < 1e-6 for m in (1, 2, 2.5, 5, 10)):
            problems.append(f"{sid}: tick step {step} is not round (1, 2, 2.5 or 5 times a power of ten)")
    # Pixels: each series' colour inside its own marks (bars: a grid of points; lines: the points).
    png = f"{slides_dir}/{s['index']:02d}.png"
    for k, ser in enumerate(c["series"]):
        if kind == "pie":
            continue
        colour = rgb(ser["color"])
        pts = []
        for m in c["marks"]:
            if m["series"] != k:
                continue
            if kind == "line":
                pts.append((m["x"], m["y"]))
            else:
                for fx in (0.2, 0.35, 0.5, 0.65, 0.8):
                    for fy in (0.1, 0.3, 0.5, 0.7, 0.9):
                        pts.append((m["x"] + m["w"] * fx, m["y"] + m["h"] * fy))
        args = [f"{int(x * scale)},{int(y * scale)}" for x, y in pts]
        out = subprocess.run([sys.executable, pixels, png] + args, capture_output=True, text=True).stdout.split()
        if not any(near(rgb("#" + o), colour) for o in out):
            problems.append(f"{sid}: series '{ser['name']}' colour {ser['color']} not found in its marks on {png}")

for p in problems:
    print(p)
print(f"{len(want)} charts checked, {len(problems)} problem(s)")
sys.exit(1 if problems else 0)
