#!/usr/bin/env python3
"""Proves every text the author wrote in an outline is in a PDF's text.

  outline_texts.py DECK.xml PDF_TEXT.txt

Texts: every run of character data (titles, paragraphs, items, cells,
headings, captions, quotes, notes excluded), each line of every <pre>, and
the attributes that are shown (figure-number value and label, quote cite,
section titles, which <agenda/> lists). Whitespace is ignored on both sides
(lines wrap), and the code continuation mark ⤵ is dropped from the PDF text.
Exit 1 listing what is missing."""
import re
import sys
import xml.etree.ElementTree as ET

SKIP = {"notes", "meta"}


def squash(s):
    return re.sub(r"\s+", "", s)


def texts(deck):
    out = []
    root = ET.parse(deck).getroot()

    def walk(e):
        if e.tag in SKIP:
            return
        if e.tag == "pre":
            out.extend(line for line in (e.text or "").split("\n") if line.strip())
            return
        for attr in ("value", "label", "cite"):
            if e.get(attr):
                out.append(e.get(attr))
        if e.tag == "section":
            out.append(e.get("title"))
        if e.text and e.text.strip():
            out.append(e.text)
        for child in e:
            walk(child)
            if child.tail and child.tail.strip():
                out.append(child.tail)

    walk(root)
    return [t for t in (squash(t) for t in out) if t]


def main():
    wanted = texts(sys.argv[1])
    have = squash(open(sys.argv[2], encoding="utf-8").read().replace("\u2935", ""))
    missing = [t for t in wanted if t not in have]
    for t in missing:
        print("missing:", t)
    print(f"{len(wanted)} texts, {len(missing)} missing")
    sys.exit(1 if missing else 0)


if __name__ == "__main__":
    main()
