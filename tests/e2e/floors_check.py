#!/usr/bin/env python3
"""Proves no text of a layout dump is set below its readable floor, and that
every continued run is set at one size and split evenly.

  floors_check.py DUMP.json --layouts LAYOUT_SET.xml [--runs]

Floors come from the layout set (each body box's min-size, nested-min-size,
cell-min-size, code-min-size, caption-min-size) and are never taken below
the readable floors: 18 pt body text, 16 pt nested list levels, 14 pt for
the rest, on a 960 pt wide slide (scaled with the set's width). Each line of
the dump says what it is (`kind`); a body box's `font_size` is its body text.
Titles keep at least the body floor, subtitles, captions and the cover's
meta line the small floor; the master's footer, page number and label are
furniture and are not checked.

--runs: the slides of a run (an id and the slides that `continues` it) share
one body `font_size`, and no piece has fewer than half the body lines of the
largest where moving one block (a paragraph, item or row, with the nested
items under it, which stay with their parent) from the longer of two
neighbouring pieces to the shorter would have evened them (runs with
pictures are not counted in lines); with <columns>, each column's pieces
are compared. Exit 1 with one line per breach."""
import json
import sys
import xml.etree.ElementTree as ET

READABLE = {"body": 18.0, "nested": 16.0, "small": 14.0}
TOL = 0.01


def body_floors(layouts):
    """{layout name: {kind: floor}} from each layout's body box, readable floors kept."""
    root = ET.parse(layouts).getroot()
    k = float(root.get("width", 960)) / 960
    out = {}
    for layout in root.findall("layout"):
        for box in layout.findall("box"):
            role = box.get("role")
            if role not in ("body", "image"):
                continue
            def attr(name, readable):
                value = float(box.get(name, 0))
                return max(value, READABLE[readable] * k)
            body = attr("min-size", "body") if role == "body" else READABLE["body"] * k
            floors = {"text": body, "number": body, "value": body,
                      "nested": attr("nested-min-size", "nested"),
                      "cell": attr("cell-min-size", "small"),
                      "code": attr("code-min-size", "small"),
                      "caption": attr("caption-min-size", "small")}
            out.setdefault(layout.get("name"), {})[role] = floors
    return out, k


def main():
    dump = json.load(open(sys.argv[1], encoding="utf-8"))
    layouts = sys.argv[sys.argv.index("--layouts") + 1]
    floors, k = body_floors(layouts)
    breaches, checked = [], 0
    for s in dump["slides"]:
        where = f"slide {s['index']} '{s['id']}'"
        for b in s["boxes"]:
            role = b["role"]
            if role in ("footer", "confidentiality", "page-number"):
                continue
            box_floors = floors.get(s["layout"], {}).get(role)
            if role == "body" and box_floors and b["lines"] and b["font_size"] < box_floors["text"] - TOL:
                breaches.append(f"{where}: body font_size {b['font_size']} below {box_floors['text']}")
            for line in b["lines"]:
                checked += 1
                kind = line.get("kind", "text")
                if box_floors:
                    floor = box_floors.get(kind, box_floors["text"])
                elif role == "title":
                    floor = READABLE["body"] * k
                else:
                    floor = READABLE["small"] * k
                if line["size"] < floor - TOL:
                    breaches.append(f"{where}: {role} {kind} line '{line['text'][:24]}' at {line['size']} pt, "
                                    f"below its floor {floor:g} pt")
    if "--runs" in sys.argv:
        breaches += run_breaches(dump["slides"])
    for b in breaches:
        print(b)
    print(f"{len(dump['slides'])} slides, {checked} lines checked against their floors, {len(breaches)} breaches")
    sys.exit(1 if breaches else 0)


def body_of(slide):
    return next((b for b in slide["boxes"] if b["role"] == "body"), None)


def run_breaches(slides):
    runs = {}
    for s in slides:
        runs.setdefault(s.get("continues", s["id"]), []).append(s)
    out = []
    for first, run in runs.items():
        if len(run) < 2:
            continue
        bodies = [body_of(s) for s in run]
        if any(b is None for b in bodies):
            continue
        sizes = {b["font_size"] for b in bodies}
        if len(sizes) > 1:
            out.append(f"run '{first}': pieces set at different sizes {sorted(sizes)}")
        if any(b.get("images") for b in bodies):
            continue  # pictures take room lines do not count
        if any(b.get("columns") for b in bodies):
            out += column_run_breaches(first, bodies)
            continue
        lines = [len(b["lines"]) for b in bodies]
        if min(lines) * 2 < max(lines) and better_split_exists(bodies):
            out.append(f"run '{first}': lopsided pieces, body lines {lines}")
    return out


def units(body):
    """Line counts of the blocks that move between slides whole: a paragraph
    (item, row) with the nested items under it, which stay with their parent."""
    out, last = [], None
    for line in body["lines"]:
        if line["paragraph"] != last and (not out or line.get("kind") != "nested"):
            out.append(0)
        out[-1] += 1
        last = line["paragraph"]
    return out


def better_split_exists(bodies):
    """Whether moving one block across a boundary between two pieces, from
    the longer to the shorter, would make the longer of the two shorter."""
    pieces = [units(b) for b in bodies]
    for a, b in zip(pieces, pieces[1:]):
        la, lb = sum(a), sum(b)
        if la > lb and len(a) > 1 and max(la - a[-1], lb + a[-1]) < la:
            return True
        if lb > la and len(b) > 1 and max(lb - b[0], la + b[0]) < lb:
            return True
    return False


def column_run_breaches(first, bodies):
    """Columns continue column by column: each column's pieces (where it has
    more than its heading) are compared, not the slides' sums."""
    out = []
    for c in range(max(len(b.get("columns", [])) for b in bodies)):
        counts = []
        for b in bodies:
            col = b["columns"][c] if c < len(b.get("columns", [])) else None
            n = sum(1 for l in b["lines"] if col and col["x"] - 0.5 <= l["x"] < col["x"] + col["w"])
            counts.append(n)
        held = [n for n in counts if n > 1]
        if len(held) > 1 and min(held) * 2 < max(held):
            out.append(f"run '{first}': column {c + 1} lopsided, lines {counts}")
    return out


if __name__ == "__main__":
    main()
