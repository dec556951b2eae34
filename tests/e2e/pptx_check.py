#!/usr/bin/env python3
"""Checks slides.pptx: the package, and the PDF LibreOffice made of it.

  pptx_check.py package slides.pptx layout.json
      every part well-formed XML, every relationship target present, every
      part with a content type (and every override a part), one slide per
      slide of the layout dump, each slide's notes in its notes part, the
      document properties, sections.
  pptx_check.py text layout.json converted.pdf slides.pdf
      every line of every text box (layout dump) present on its page of the
      converted PDF; the share of lines broken where kamishibai broke them
      (printed, at least MIN_SAME_BREAKS); every line of slides.pdf
      (pdftotext) present on its converted page.
"""
import json
import posixpath
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile

MIN_SAME_BREAKS = 0.9
NS = {
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
    "p14": "http://schemas.microsoft.com/office/powerpoint/2010/main",
    "dc": "http://purl.org/dc/elements/1.1/",
}
BINARY = (".png", ".jpeg", ".jpg", ".xlsx")

failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL: " + msg, file=sys.stderr)


def squeeze(s):
    return re.sub(r"\s+", "", s)


def rels_of(part):
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def check_package(pptx, dump_path):
    dump = json.load(open(dump_path, encoding="utf-8"))
    z = zipfile.ZipFile(pptx)
    names = z.namelist()
    if names[0] != "[Content_Types].xml":
        fail("[Content_Types].xml is not the first entry")
    if len(set(names)) != len(names):
        fail("duplicate entries")
    trees = {}
    for n in names:
        if n.lower().endswith(BINARY):
            continue
        try:
            trees[n] = ET.fromstring(z.read(n))
        except ET.ParseError as e:
            fail(f"{n} is not well-formed XML: {e}")
    # Content types: every part has one, every override names a part.
    types = trees["[Content_Types].xml"]
    defaults = {d.get("Extension").lower() for d in types.findall("ct:Default", NS)}
    overrides = {o.get("PartName") for o in types.findall("ct:Override", NS)}
    for n in names:
        if n == "[Content_Types].xml":
            continue
        ext = n.rsplit(".", 1)[-1].lower()
        if "/" + n not in overrides and ext not in defaults:
            fail(f"{n} has no content type")
    for o in overrides:
        if o[1:] not in names:
            fail(f"content type override for missing part {o}")
    # Relationships: every target present.
    rel_count = 0
    for n in names:
        if not n.endswith(".rels"):
            continue
        source_folder = posixpath.dirname(posixpath.dirname(n))
        for rel in trees[n].findall("rel:Relationship", NS):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(source_folder, rel.get("Target")))
            rel_count += 1
            if target not in names:
                fail(f"{n}: relationship {rel.get('Id')} points at missing {target}")
    # Every r:id / r:embed used in a part is one of its relationships.
    for n, tree in trees.items():
        if n.endswith(".rels") or not n.startswith("ppt/"):
            continue
        rels = trees.get(rels_of(n))
        ids = {r.get("Id") for r in rels.findall("rel:Relationship", NS)} if rels is not None else set()
        for el in tree.iter():
            for k, v in el.attrib.items():
                if k.startswith("{%s}" % NS["r"]) and v not in ids:
                    fail(f"{n}: {k} = {v} is no relationship of the part")
    pres = trees["ppt/presentation.xml"]
    slide_ids = pres.findall("p:sldIdLst/p:sldId", NS)
    slides = dump["slides"]
    if len(slide_ids) != len(slides):
        fail(f"{len(slide_ids)} slides in the presentation, {len(slides)} in the layout dump")
    size = pres.find("p:sldSz", NS)
    w, h = int(size.get("cx")), int(size.get("cy"))
    if (w, h) != (round(slides[0]["width"] * 12700), round(slides[0]["height"] * 12700)):
        fail(f"slide size {w}x{h} EMU")
    # Notes: each slide's notes text in the notes part its slide names.
    notes_checked = 0
    for i, s in enumerate(slides, 1):
        want = s.get("structure", {}).get("notes", [])
        part = f"ppt/slides/slide{i}.xml"
        rels = trees.get(rels_of(part))
        notes_part = None
        if rels is not None:
            for rel in rels.findall("rel:Relationship", NS):
                if rel.get("Type").endswith("/notesSlide"):
                    notes_part = posixpath.normpath(posixpath.join("ppt/slides", rel.get("Target")))
        if not want:
            if notes_part:
                fail(f"slide {i} has a notes part but no notes")
            continue
        if not notes_part:
            fail(f"slide {i} ({s['id']}) has notes but no notes part")
            continue
        text = squeeze("".join(t.text or "" for t in trees[notes_part].iter("{%s}t" % NS["a"])))
        for paragraph in want:
            if squeeze(paragraph) not in text:
                fail(f"slide {i}: notes paragraph {paragraph[:20]!r} not in {notes_part}")
        notes_checked += 1
    # Titles as title placeholders, alt text on pictures, the slide-number field.
    for i, s in enumerate(slides, 1):
        tree = trees[f"ppt/slides/slide{i}.xml"]
        for el in s["structure"]["elements"]:
            if el["kind"] == "figure" and el.get("alt"):
                descrs = [c.get("descr") for c in tree.iter("{%s}cNvPr" % NS["p"])]
                if el["alt"] not in descrs:
                    fail(f"slide {i}: picture with alt {el['alt']!r} has no descr")
    fields = sum(1 for n, t in trees.items() if "slideMaster" in n or "slideLayout" in n
                 for f in t.iter("{%s}fld" % NS["a"]) if f.get("type") == "slidenum")
    if any(b["role"] == "page-number" for s in slides for b in s["boxes"]) and fields == 0:
        fail("the page number is no slide-number field on the master or a layout")
    core = trees["docProps/core.xml"]
    title = core.find("dc:title", NS)
    if title is None or not (title.text or "").strip():
        fail("docProps/core.xml has no title")
    sections = {s["structure"].get("section") for s in slides} - {None}
    names_found = {e.get("name") for e in pres.iter("{%s}section" % NS["p14"])}
    if not sections <= names_found:
        fail(f"sections {sorted(sections - names_found)} missing from p14:sectionLst")
    print(f"ok: {len(names)} parts, {rel_count} relationships, {len(slide_ids)} slides, "
          f"{notes_checked} notes pages, {fields} slide-number fields, sections {len(names_found)}")


def poppler_lines(pdf):
    """Per page: a list of lines, each a list of words (pdftotext -bbox-layout)."""
    html = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True).stdout
    html = html.decode("utf-8", "replace")  # poppler writes an emoji in the title as surrogates, not UTF-8
    pages = []
    for page in re.findall(r"<page .*?</page>", html, re.S):
        lines = []
        for line in re.findall(r"<line[^>]*>(.*?)</line>", page, re.S):
            words = re.findall(r"<word [^>]*>(.*?)</word>", line, re.S)
            words = [w.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
                     .replace("&apos;", "'") for w in words]
            lines.append(words)
        pages.append(lines)
    return pages


def check_text(dump_path, converted, slides_pdf):
    dump = json.load(open(dump_path, encoding="utf-8"))
    conv = poppler_lines(converted)
    if len(conv) != len(dump["slides"]):
        fail(f"converted PDF has {len(conv)} pages, the deck {len(dump['slides'])} slides")
    total = same = 0
    for s, page in zip(dump["slides"], conv):
        joined = [squeeze("".join(words)) for words in page]
        page_text = "".join(joined)
        for box in s["boxes"]:
            lines = box["lines"]
            for k, line in enumerate(lines):
                text = squeeze(line["text"])
                if not text:
                    continue
                total += 1
                if text not in page_text and not any(text in j for j in joined):
                    fail(f"slide {s['index']} ({s['id']}): line {line['text']!r} not in the converted page")
                    continue
                # Same break: the line whole on one converted line, and the
                # next line of its paragraph (on a line below) not run on after it.
                nxt = lines[k + 1] if k + 1 < len(lines) else None
                run_on = ""
                if nxt and nxt["paragraph"] == line["paragraph"] and nxt["baseline"] > line["baseline"] + 1:
                    run_on = squeeze(nxt["text"])[:2]
                whole = [j for j in joined if text in j]
                if whole and not (run_on and all(text + run_on in j for j in whole)):
                    same += 1
                else:
                    print(f"  re-broken on slide {s['index']}: {line['text']!r}")
    share = same / total if total else 1.0
    print(f"ok: {total} lines checked, {same} broken where kamishibai broke them ({share:.1%})")
    if share < MIN_SAME_BREAKS:
        fail(f"only {share:.1%} of the lines break where kamishibai broke them (want {MIN_SAME_BREAKS:.0%})")
    # Every line of slides.pdf (its words) on the same page of the converted PDF.
    original = poppler_lines(slides_pdf)
    missing = 0
    for n, (page, cpage) in enumerate(zip(original, conv), 1):
        page_text = squeeze("".join("".join(w) for w in cpage))
        for words in page:
            for w in words:
                if squeeze(w) and squeeze(w) not in page_text:
                    missing += 1
                    fail(f"page {n}: {w!r} of slides.pdf is not in the converted page")
    if not missing:
        print(f"ok: every word of slides.pdf is on its page of the converted PDF")


def main():
    mode = sys.argv[1]
    if mode == "package":
        check_package(sys.argv[2], sys.argv[3])
    elif mode == "text":
        check_text(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        sys.exit("usage: pptx_check.py package|text …")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
