#!/usr/bin/env python3
"""Walks every box of every slide of a layout dump and proves nothing lies
outside its box or over the master's furniture.

  fitting_check.py DUMP.json [--layouts briefing.xml]

Every line, image, table cell and column lies inside its box (0.5 pt
tolerance for rounding), columns side by side do not overlap; no box is flagged overflow; no title/subtitle/body box reaches
into the footer area (the master's rule and furniture boxes), and content
boxes do not overlap each other. Exit 1 with one line per breach."""
import json
import sys
import xml.etree.ElementTree as ET

TOL = 0.5
FURNITURE = {"footer", "confidentiality", "page-number"}
CONTENT = {"title", "subtitle", "body", "image", "caption"}


def furniture_top(layouts):
    """Top of the master's footer area: its highest rule or furniture box below mid-page."""
    root = ET.parse(layouts).getroot()
    master = root.find("master")
    tops = [float(e.get("y")) for e in master if e.tag in ("rect", "box") and float(e.get("y", 0)) > 270]
    return min(tops)


def inside(item, box):
    return (item["x"] >= box["x"] - TOL and item["y"] >= box["y"] - TOL and
            item["x"] + item["w"] <= box["x"] + box["w"] + TOL and
            item["y"] + item["h"] <= box["y"] + box["h"] + TOL)


def main():
    dump = json.load(open(sys.argv[1], encoding="utf-8"))
    layouts = sys.argv[sys.argv.index("--layouts") + 1] if "--layouts" in sys.argv else None
    footer_y = furniture_top(layouts) if layouts else 506
    breaches = []
    checked = 0
    for s in dump["slides"]:
        where = f"slide {s['index']} '{s['id']}'"
        content = []
        has_master = any(b["role"] in FURNITURE for b in s["boxes"])
        for b in s["boxes"]:
            if b["overflow"]:
                breaches.append(f"{where}: {b['role']} box flagged overflow")
            for kind in ("lines", "images", "cells"):
                for it in b.get(kind, []):
                    checked += 1
                    if not inside(it, b):
                        label = it.get("text", it.get("src", ""))[:30]
                        breaches.append(f"{where}: {b['role']} {kind[:-1]} '{label}' at "
                                        f"({it['x']},{it['y']},{it['w']}x{it['h']}) outside box "
                                        f"({b['x']},{b['y']},{b['w']}x{b['h']})")
            cols = b.get("columns", [])
            for i, c in enumerate(cols):
                checked += 1
                if not inside(c, b):
                    breaches.append(f"{where}: {b['role']} column at ({c['x']},{c['y']},{c['w']}x{c['h']}) outside box")
                for d in cols[i + 1:]:
                    if (abs(d["y"] - c["y"]) < TOL and min(c["x"] + c["w"], d["x"] + d["w"]) - max(c["x"], d["x"]) > TOL):
                        breaches.append(f"{where}: {b['role']} columns at x={c['x']} and x={d['x']} overlap")
            if b["role"] in CONTENT:
                content.append(b)
                if has_master and b["y"] + b["h"] > footer_y + TOL:
                    breaches.append(f"{where}: {b['role']} box reaches y={b['y'] + b['h']} over the footer at {footer_y}")
        for i, a in enumerate(content):
            for c in content[i + 1:]:
                overlap_x = min(a["x"] + a["w"], c["x"] + c["w"]) - max(a["x"], c["x"])
                overlap_y = min(a["y"] + a["h"], c["y"] + c["h"]) - max(a["y"], c["y"])
                if overlap_x > TOL and overlap_y > TOL:
                    breaches.append(f"{where}: {a['role']} and {c['role']} boxes overlap")
    for b in breaches:
        print(b)
    print(f"{len(dump['slides'])} slides, {checked} lines/images/cells/columns checked, {len(breaches)} breaches")
    sys.exit(1 if breaches else 0)


if __name__ == "__main__":
    main()
