#!/usr/bin/env python3
"""Checks the native charts of slides.pptx against the outline they came from.

  pptx_charts_check.py package slides.pptx deck.xml layout.json
      each slide holding <chart>s has as many graphicFrames referencing a
      chart part (c:chart r:id through the slide's relationships), in order;
      each chart part: the chart type as mapped (column/bar/stacked-column →
      c:barChart with barDir, grouping and overlap; line → c:lineChart with
      markers; pie → c:pieChart), series names, categories and every value of
      the outline in the cached values (an empty cell a missing point, △/▲
      negative), gaps as gaps, series colours as the slide draws them (layout
      dump), odd bar series hatched (a:pattFill wdUpDiag), the unit as the
      value axis's (a pie's) title, a legend when there are several series or
      a pie, data labels on, the alt text as the frame's description, the
      caption still a text box; the embedded workbook: a part of the package
      whose sheet holds the same names and values in the cells the chart's
      formulas name; content types and relationships of charts and workbooks.
  pptx_charts_check.py pdf converted.pdf deck.xml slides.pptx TMPDIR
      on each chart's page of the PDF LibreOffice made of slides.pptx
      (pdftotext): its series names (when a legend is drawn), its categories
      and its values as data labels (a pie's shares); rasterised at 30 dpi,
      every fill colour of its chart parts (series, slices) on the page.
"""
import io
import json
import posixpath
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "s": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
}
CHART_URI = NS["c"]
CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def number(cell, unit):
    """A chart cell as the outline reads it: None for a gap, △/▲/− minus."""
    s = unicodedata.normalize("NFKC", cell).strip()
    if not s:
        return None
    if unit and s.endswith(unicodedata.normalize("NFKC", unit)):
        s = s[: -len(unicodedata.normalize("NFKC", unit))]
    s = s.replace(",", "").strip()
    neg = s[:1] in ("△", "▲", "−", "-")
    if neg:
        s = s[1:]
    return -float(s) if neg else float(s)


def outline_slides(deck):
    """Per <slide> in order: its charts (type, unit, caption, names, categories, series values)."""
    root = ET.parse(deck).getroot()
    out = []
    for slide in root.iter("slide"):
        charts = []
        for ch in slide.iter("chart"):
            unit = ch.get("unit", "")
            rows = [[(c.text or "") for c in row.findall("cell")] for row in ch.findall("row")]
            header, body = rows[0], rows[1:]
            charts.append({
                "type": ch.get("type", "column"), "unit": unit, "caption": ch.get("caption", ""),
                "category_label": header[0], "names": header[1:], "categories": [r[0] for r in body],
                "values": [[number(r[k], unit) for r in body] for k in range(1, len(header))],
            })
        out.append(charts)
    return out


def rels(z, part):
    folder, name = posixpath.split(part)
    path = posixpath.join(folder, "_rels", name + ".rels")
    if path not in z.namelist():
        return {}
    tree = ET.fromstring(z.read(path))
    return {r.get("Id"): (r.get("Type"), posixpath.normpath(posixpath.join(folder, r.get("Target"))))
            for r in tree.findall("rel:Relationship", NS)}


def hexes(el):
    return [c.get("val") for c in el.iter("{%s}srgbClr" % NS["a"])] if el is not None else []


def cache_values(ser, kind):
    """The cached points of c:cat (strings) or c:val (numbers) of a series; None for a missing point."""
    cache = ser.find(f"c:{kind}/*/c:{'strCache' if kind == 'cat' else 'numCache'}", NS)
    count = int(cache.find("c:ptCount", NS).get("val"))
    vals = [None] * count
    for pt in cache.findall("c:pt", NS):
        v = pt.find("c:v", NS).text
        vals[int(pt.get("idx"))] = v if kind == "cat" else float(v)
    return vals


def sheet_cells(xlsx):
    z = zipfile.ZipFile(io.BytesIO(xlsx))
    sheet = ET.fromstring(z.read("xl/worksheets/sheet1.xml"))
    cells = {}
    for c in sheet.iter("{%s}c" % NS["s"]):
        t = c.find("s:is/s:t", NS)
        v = c.find("s:v", NS)
        cells[c.get("r")] = t.text if t is not None else float(v.text) if v is not None else None
    return cells


def formula_cells(f):
    """'Sheet1!$B$2:$B$5' → ['B2', 'B3', 'B4', 'B5']."""
    m = re.fullmatch(r"Sheet1!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?", f)
    if not m:
        fail(f"formula {f!r} is not a range of Sheet1")
        return []
    col, first, last = m.group(1), int(m.group(2)), int(m.group(4) or m.group(2))
    return [f"{col}{r}" for r in range(first, last + 1)]


def check_type(n, chart, plot):
    t = chart["type"]
    if t == "pie":
        ok = plot.find("c:pieChart", NS) is not None
    elif t == "line":
        group = plot.find("c:lineChart", NS)
        ok = group is not None and group.find("c:ser/c:marker/c:symbol", NS) is not None \
            and group.find("c:ser/c:marker/c:symbol", NS).get("val") != "none"
    else:
        group = plot.find("c:barChart", NS)
        want = {"column": ("col", "clustered"), "bar": ("bar", "clustered"), "stacked-column": ("col", "stacked")}[t]
        ok = group is not None and (group.find("c:barDir", NS).get("val"), group.find("c:grouping", NS).get("val")) == want
        if ok and t == "stacked-column":
            ok = group.find("c:overlap", NS).get("val") == "100"
    if not ok:
        fail(f"{n}: not a native {t} chart")


def check_series(n, chart, plot, dump_chart, xlsx_cells):
    group = next(g for g in (plot.find(f"c:{k}Chart", NS) for k in ("pie", "bar", "line")) if g is not None)
    sers = group.findall("c:ser", NS)
    if len(sers) != len(chart["names"]):
        fail(f"{n}: {len(sers)} series, the outline has {len(chart['names'])}")
    for k, ser in enumerate(sers):
        name = ser.find("c:tx/c:strRef/c:strCache/c:pt/c:v", NS).text
        if name != chart["names"][k]:
            fail(f"{n}: series {k} named {name!r}, want {chart['names'][k]!r}")
        if cache_values(ser, "cat") != chart["categories"]:
            fail(f"{n}: categories {cache_values(ser, 'cat')} want {chart['categories']}")
        got, want = cache_values(ser, "val"), chart["values"][k]
        if got != want:
            fail(f"{n}: series {name!r} values {got}, the outline's {want}")
        # The workbook: the cells the formulas name hold the same.
        for kind, expect in (("tx", [name]), ("cat", chart["categories"]), ("val", want)):
            f = ser.find(f"c:{kind}/*/c:f", NS).text
            cells = [xlsx_cells.get(r) for r in formula_cells(f)]
            if cells != expect:
                fail(f"{n}: the workbook's {f} holds {cells}, want {expect}")
        dl = ser.find("c:dLbls", NS)
        shown = dl is not None and any(dl.find(f"c:{s}", NS).get("val") == "1" for s in ("showVal", "showPercent"))
        if not shown:
            fail(f"{n}: series {name!r} has no data labels")
        if chart["type"] == "pie":
            colors = [hexes(pt.find("c:spPr", NS))[0] for pt in ser.findall("c:dPt", NS)]
            if len(set(colors)) != len(chart["categories"]):
                fail(f"{n}: pie slices coloured {colors}")
            continue
        sp = ser.find("c:spPr", NS)
        want_color = dump_chart["series"][k]["color"].lstrip("#")
        fill = sp.find("a:ln", NS) if chart["type"] == "line" else sp
        patt = sp.find("a:pattFill", NS)
        if chart["type"] != "line" and k % 2 == 1:
            if patt is None or patt.get("prst") != "wdUpDiag" or hexes(patt.find("a:bgClr", NS)) != [want_color]:
                fail(f"{n}: series {k} not hatched over {want_color} (a:pattFill wdUpDiag)")
        elif hexes(fill.find("a:solidFill", NS)) != [want_color]:
            fail(f"{n}: series {k} coloured {hexes(fill)}, the slide {want_color}")


def check_chart(n, chart, part, z, dump_chart):
    tree = ET.fromstring(z.read(part))
    plot = tree.find("c:chart/c:plotArea", NS)
    check_type(n, chart, plot)
    if tree.find("c:chart/c:dispBlanksAs", NS).get("val") != "gap":
        fail(f"{n}: empty cells are not gaps")
    # The data sheet: embedded, a relationship of the chart part.
    ext = tree.find("c:externalData", NS)
    target = rels(z, part).get(ext.get("{%s}id" % NS["r"])) if ext is not None else None
    if not target or target[0] != REL + "package" or target[1] not in z.namelist():
        fail(f"{n}: no embedded workbook")
        cells = {}
    else:
        cells = sheet_cells(z.read(target[1]))
        if cells.get("A1") != chart["category_label"]:
            fail(f"{n}: the workbook's A1 is {cells.get('A1')!r}")
    check_series(n, chart, plot, dump_chart, cells)
    legend = tree.find("c:chart/c:legend", NS) is not None
    if legend != (len(chart["names"]) > 1 or chart["type"] == "pie"):
        fail(f"{n}: legend {'shown' if legend else 'missing'} with {len(chart['names'])} series")
    if chart["unit"]:
        title = tree.find("c:chart/c:title" if chart["type"] == "pie" else "c:chart/c:plotArea/c:valAx/c:title", NS)
        text = "".join(t.text or "" for t in title.iter("{%s}t" % NS["a"])) if title is not None else ""
        if chart["unit"] not in text:
            fail(f"{n}: the unit {chart['unit']!r} is not the axis title ({text!r})")


def check_package(pptx, deck, dump_path):
    z = zipfile.ZipFile(pptx)
    names = z.namelist()
    dump = json.load(open(dump_path, encoding="utf-8"))
    dump_charts = [[c for b in s["boxes"] for c in b.get("charts", [])] for s in dump["slides"]]
    slides = outline_slides(deck)
    if len(slides) != len(dump["slides"]):
        fail(f"{len(slides)} outline slides, {len(dump['slides'])} built (the check needs one slide each)")
    types = ET.fromstring(z.read("[Content_Types].xml"))
    overrides = {o.get("PartName"): o.get("ContentType") for o in types.findall("ct:Override", NS)}
    defaults = {d.get("Extension"): d.get("ContentType") for d in types.findall("ct:Default", NS)}
    charts_seen = 0
    for i, charts in enumerate(slides, 1):
        part = f"ppt/slides/slide{i}.xml"
        tree = ET.fromstring(z.read(part))
        slide_rels = rels(z, part)
        frames = [g for g in tree.iter("{%s}graphicFrame" % NS["p"])
                  if g.find("a:graphic/a:graphicData", NS).get("uri") == CHART_URI]
        if len(frames) != len(charts):
            fail(f"slide {i}: {len(frames)} chart frames, the outline has {len(charts)} charts")
        texts = "".join(t.text or "" for t in tree.iter("{%s}t" % NS["a"]))
        for k, (frame, chart) in enumerate(zip(frames, charts)):
            n = f"slide {i} chart {k + 1} ({chart['type']})"
            ref = frame.find("a:graphic/a:graphicData/c:chart", NS)
            rel = slide_rels.get(ref.get("{%s}id" % NS["r"]))
            if not rel or rel[0] != REL + "chart" or rel[1] not in names:
                fail(f"{n}: c:chart r:id does not lead to a chart part")
                continue
            if overrides.get("/" + rel[1]) != CHART_TYPE:
                fail(f"{n}: {rel[1]} has no chart content type")
            descr = frame.find("p:nvGraphicFramePr/p:cNvPr", NS).get("descr")
            if descr != dump_charts[i - 1][k]["alt"]:
                fail(f"{n}: description {descr!r}, alt text {dump_charts[i - 1][k]['alt']!r}")
            if chart["caption"] and chart["caption"] not in texts:
                fail(f"{n}: caption {chart['caption']!r} is no text box")
            check_chart(n, chart, rel[1], z, dump_charts[i - 1][k])
            charts_seen += 1
    if any(n.endswith(".xlsx") for n in names) and defaults.get("xlsx") != XLSX_TYPE:
        fail("no content type for .xlsx")
    print(f"ok: {charts_seen} native charts checked against the outline")


def chart_parts(pptx):
    """Per slide (1-based): its chart parts, parsed, in the order of the slide's relationships."""
    z = zipfile.ZipFile(pptx)
    out = {}
    for name in z.namelist():
        m = re.fullmatch(r"ppt/slides/slide(\d+)\.xml", name)
        if m:
            out[int(m.group(1))] = [ET.fromstring(z.read(target)) for rel_type, target in rels(z, name).values()
                                    if rel_type == REL + "chart"]
    return out


def fill_colors(pptx):
    """Per slide (1-based): the fill colours of its charts' series and slices (a hatch's ground)."""
    out = {}
    for page, trees in chart_parts(pptx).items():
        for tree in trees:
            for sp in tree.iter("{%s}spPr" % NS["c"]):
                fill = sp.find("a:solidFill", NS)
                if fill is None and sp.find("a:pattFill", NS) is not None:
                    fill = sp.find("a:pattFill/a:bgClr", NS)
                if fill is not None:
                    out.setdefault(page, set()).update(hexes(fill))
    return out


def check_colors(converted, pptx, tmp):
    """Each fill colour of a chart covers some of its converted page (30 dpi)."""
    sys.path.insert(0, posixpath.dirname(posixpath.abspath(__file__)))
    from png_pixels import read_png
    for page, colors in sorted(fill_colors(pptx).items()):
        prefix = posixpath.join(tmp, f"page{page}")
        subprocess.run(["pdftoppm", "-r", "30", "-png", "-singlefile", "-f", str(page), "-l", str(page), converted,
                        prefix], check=True)
        w, h, channels, rows = read_png(prefix + ".png")
        pixels = [tuple(row[x * channels:x * channels + 3]) for row in rows for x in range(w)]
        for hex_color in sorted(colors):
            want = tuple(int(hex_color[k:k + 2], 16) for k in (0, 2, 4))
            n = sum(1 for p in pixels if all(abs(a - b) <= 8 for a, b in zip(p, want)))
            if n < 20:
                fail(f"page {page}: chart colour #{hex_color} covers {n} pixels of the converted page")


def check_pdf(converted, deck, pptx, tmp):
    check_colors(converted, pptx, tmp)
    slides = outline_slides(deck)
    parts = chart_parts(pptx)
    for i, charts in enumerate(slides, 1):
        if not charts:
            continue
        # Categories labelled at an interval (c:tickLblSkip, as the slide
        # does when a label would tear): LibreOffice 7.4 ignores the interval
        # and wraps every label into its own slot, so those are not looked for.
        skips = [t.find("c:chart/c:plotArea/c:catAx/c:tickLblSkip", NS) for t in parts.get(i, [])]
        text = subprocess.run(["pdftotext", "-f", str(i), "-l", str(i), converted, "-"],
                              capture_output=True, text=True, check=True).stdout
        words = re.sub(r"\s+", "", text)
        for k, chart in enumerate(charts):
            interval = k < len(skips) and skips[k] is not None and int(skips[k].get("val")) > 1
            want = [] if interval else list(chart["categories"])
            if len(chart["names"]) > 1:
                want += chart["names"]
            if chart["type"] == "pie":
                total = sum(v for v in chart["values"][0] if v)
                want += [f"{round(100 * v / total)}%" for v in chart["values"][0] if v and v / total >= 0.04]
            else:
                decimals = max(len(f"{v:g}".partition(".")[2]) for s in chart["values"] for v in s if v is not None)
                want += [f"{abs(v):,.{decimals}f}" for s in chart["values"] for v in s if v is not None]
            for w in want:
                if re.sub(r"\s+", "", w) not in words:
                    fail(f"page {i} ({chart['type']}): {w!r} not in the converted page")
    print("ok: series names, categories and values on the converted pages")


def main():
    if sys.argv[1] == "package":
        check_package(sys.argv[2], sys.argv[3], sys.argv[4])
    elif sys.argv[1] == "pdf":
        check_pdf(sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5])
    else:
        sys.exit("usage: pptx_charts_check.py package|pdf …")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
