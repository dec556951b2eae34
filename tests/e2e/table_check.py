#!/usr/bin/env python3
"""Checks the tables deck (tests/fixtures/decks/tables.xml) from its layout
dump and from the characters of slides.pdf (mutool's stext):
table_check.py DUMP.json SLIDES.pdf. Prints one line per check; exit 1 when
any fails."""
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

dump = json.load(open(sys.argv[1]))
pdf = sys.argv[2]
slides = {s["id"]: s for s in dump["slides"]}
failures = 0


def check(ok, what):
    global failures
    print(("ok: " if ok else "FAIL: ") + what)
    failures += 0 if ok else 1


def cells(slide_id):
    return [c for b in slides[slide_id]["boxes"] for c in b.get("cells", [])]


def by_text(cs, text):
    found = [c for c in cs if c["text"].replace("\n", "") == text]
    assert found, "no cell %r" % text
    return found[0]


def pad(c):
    return 0.6 * c["size"]


def page_chars(index):
    """(char, x, font) of every character drawn on page `index` (1-based)."""
    out = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", pdf, str(index)],
                         capture_output=True, check=True).stdout
    chars = []
    for font in ET.fromstring(out).iter("font"):
        for ch in font.iter("char"):
            chars.append((ch.get("c"), float(ch.get("x")), float(ch.get("y")), font.get("name")))
    return chars


def cell_chars(chars, cell):
    """Characters inside a cell's rectangle, in drawing order."""
    return [c for c in chars
            if cell["x"] <= c[1] < cell["x"] + cell["w"] and cell["y"] <= c[2] <= cell["y"] + cell["h"]]


width = dump["slides"][0]["width"]
floor = 14 * width / 960

# 1. The KPI table: merged cells, a total row, sizes as drawn.
kpi = cells("kpi")
check(by_text(kpi, "実績")["colspan"] == 2 and by_text(kpi, "区分")["rowspan"] == 2
      and by_text(kpi, "性能")["rowspan"] == 2 and by_text(kpi, "月額費用")["colspan"] == 2,
      "kpi: colspan and rowspan in the dump")
perf, latency, avail = by_text(kpi, "性能"), by_text(kpi, "応答時間 p95"), by_text(kpi, "可用性")
check(abs(perf["h"] - (latency["h"] + avail["h"])) < 0.05 and abs(perf["y"] - latency["y"]) < 0.05,
      "kpi: a rowspan=2 cell is as tall as its two rows")
actual = by_text(kpi, "実績")
months = [by_text(kpi, "4–6月"), by_text(kpi, "7–9月")]
check(abs(actual["w"] - sum(m["w"] for m in months)) < 0.05, "kpi: a colspan=2 header is as wide as its two columns")
total = [c for c in kpi if c["total"]]
check(len(total) == 4 and all(c["row"] == total[0]["row"] for c in total), "kpi: the total row's cells are marked total")
lines = [l for b in slides["kpi"]["boxes"] for l in b["lines"]]
sizes_ok = True
for c in kpi:
    inside = [l for l in lines if l["text"] and c["x"] <= l["x"] < c["x"] + c["w"] and c["y"] <= l["y"] < c["y"] + c["h"]]
    sizes_ok = sizes_ok and c["size"] >= floor and all(abs(l["size"] - c["size"]) < 0.01 for l in inside)
check(sizes_ok, "kpi: every cell's size is the size of its lines, at least %.1f pt" % floor)
kpi_page = slides["kpi"]["index"]
chars = page_chars(kpi_page)
bold = [c[3] for c in cell_chars(chars, by_text(kpi, "月額費用")) if c[0] not in " "]
check(bold and all("Bold" in f for f in bold), "kpi: the total row is set bold (%s)" % (bold[:1] or "no text"))
plain = [c[3] for c in cell_chars(chars, by_text(kpi, "担当者"))]
check(plain and not any("Bold" in f for f in plain), "kpi: a body row is not bold")
# Units: each row has its own unit, so every body cell of the three number
# columns ends at its right padding.
numeric = [c for c in kpi if not c["header"] and c["col"] >= 2 and c["colspan"] == 1]
edges = [c["text_x"] + c["text_w"] - (c["x"] + c["w"] - pad(c)) for c in numeric]
check(len(numeric) == 18 and max(abs(e) for e in edges) < 0.3,
      "kpi: ms, %%, GB, 件, 名 and ¥…/月 columns are right-aligned (off by at most %.2f)" % max(abs(e) for e in edges))

# 2. Proportionate widths: each column's width over its content's width is the same.
three = cells("three")
ratios = []
for col in range(3):
    cs = [c for c in three if c["col"] == col]
    need = max(c["text_w"] for c in cs) + 2 * pad(cs[0])
    ratios.append(cs[0]["w"] / need)
check(max(ratios) / min(ratios) < 1.05, "three columns: width/content ratios %s" % ["%.2f" % r for r in ratios])
check(abs(sum(c["w"] for c in three if c["row"] == 0) - slides["three"]["boxes"][-1]["w"]) < 0.5
      or any(abs(sum(c["w"] for c in three if c["row"] == 0) - b["w"]) < 0.5 for b in slides["three"]["boxes"]),
      "three columns: the table spans the body")

# 3. Right-aligned number columns: right edges at the right padding, decimal points in line.
nums = cells("numbers")
for col, name in ((1, "稼働率 (.xx%)"), (3, "単価 (¥…/月)")):
    cs = [c for c in nums if c["col"] == col and not c["header"] and c["text"] != "-"]
    edges = [c["text_x"] + c["text_w"] - (c["x"] + c["w"] - pad(c)) for c in cs]
    check(len(cs) >= 3 and max(abs(e) for e in edges) < 0.3,
          "numbers, %s: right edges at the cell's right padding (off by %s)" % (name, ["%.2f" % e for e in edges]))
chars = page_chars(slides["numbers"]["index"])
points = []
for c in [c for c in nums if c["col"] == 2 and not c["header"]]:
    cc = cell_chars(chars, c)
    text = "".join(ch[0] for ch in cc)
    at = text.find(".") if "." in text else re.search(r"[0-9](?![0-9,])", text).end()
    points.append(cc[at][1])
check(len(points) == 4 and max(points) - min(points) < 0.3,
      "numbers, 転送量 (1.5GB, 12.25GB, 300GB, 0.75GB): decimal points at x %s" % ["%.2f" % p for p in points])

# 4. The 30-row table: continued, header repeated, merged blocks whole, no piece under two body rows.
pieces = [s for s in dump["slides"] if s["id"] == "long" or s.get("continues") == "long"]
check(len(pieces) >= 2, "long table: continued onto %d slides" % len(pieces))
seen = []
for s in pieces:
    cs = cells(s["id"])
    header = [c for c in cs if c["row"] == 0]
    body_rows = {c["row"] for c in cs if not c["header"]}
    check(header and all(c["header"] for c in header) and by_text(cs, "グループ")["row"] == 0,
          "%s: starts with the header row" % s["id"])
    check(len(body_rows) >= 2, "%s: %d body rows" % (s["id"], len(body_rows)))
    for c in cs:
        want = 3 if "統合グループ" in c["text"] else 2 if "共通部品" in c["text"] else 1
        if c["col"] == 0 and not c["header"] and c["rowspan"] != want:
            check(False, "%s: %r spans %d rows, not %d (a merged block was cut)" % (s["id"], c["text"], c["rowspan"], want))
    seen += [re.match(r"T\d\d", c["text"]).group(0) for c in sorted(cs, key=lambda c: c["row"]) if c["col"] == 1 and not c["header"]]
check(seen == ["T%02d" % i for i in range(1, 31)], "long table: T01…T30 each once, in order")

print("%d check(s) failed" % failures if failures else "all table checks passed")
sys.exit(1 if failures else 0)
