#!/usr/bin/env python3
"""Proves an outline's texts appear in a PDF's text in the outline's order.

  texts_in_order.py DECK.xml PDF_TEXT.txt [--without-sections]

Texts as in outline_texts.py (character data, <pre> lines, figure-number
value and label, quote cite, section titles), in reading order: a quote's
cite after its paragraphs. --without-sections leaves section titles out (for
text cropped to a report column that section headings span), and with them
a slide title that only repeats its section's title. Whitespace is
ignored. Exit 1 listing what is missing or out of order."""
import re
import sys
import xml.etree.ElementTree as ET

SKIP = {"notes", "meta"}


def squash(s):
    return re.sub(r"\s+", "", s)


def texts(deck, sections=True):
    out = []

    def walk(e, section=None):
        if e.tag in SKIP:
            return
        if e.tag == "section":
            section = e.get("title")
        if not sections and e.tag == "title" and section and squash(e.text or "") == squash(section):
            return
        if e.tag == "pre":
            out.extend(line for line in (e.text or "").split("\n") if line.strip())
            return
        for attr in ("value", "label"):
            if e.get(attr):
                out.append(e.get(attr))
        if e.tag == "section" and sections:
            out.append(e.get("title"))
        if e.text and e.text.strip():
            out.append(e.text)
        for child in e:
            walk(child, section)
            if child.tail and child.tail.strip():
                out.append(child.tail)
        if e.get("cite"):
            out.append(e.get("cite"))

    walk(ET.parse(deck).getroot())
    return [t for t in (squash(t) for t in out) if t]


def main():
    wanted = texts(sys.argv[1], "--without-sections" not in sys.argv)
    have = squash(open(sys.argv[2], encoding="utf-8").read().replace("\u2935", ""))
    pos, problems = 0, []
    for t in wanted:
        i = have.find(t, pos)
        if i < 0:
            problems.append(("out of order: " if t in have else "missing: ") + t)
            continue
        pos = i + len(t)
    for p in problems:
        print(p)
    print(f"{len(wanted)} texts in order, {len(problems)} problems")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
