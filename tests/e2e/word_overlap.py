#!/usr/bin/env python3
"""word_overlap.py PDF [PDF ...]: exit 1 when, on any page, two words that
pdftotext -bbox reports overlap (intersection over a quarter of the smaller
box), i.e. a word is drawn over another. Prints each overlap."""
import html
import re
import subprocess
import sys

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pages(pdf):
    # poppler writes a title's characters beyond the BMP (an emoji) as two
    # surrogates, which are not UTF-8: replaced, as only the words count.
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, encoding="utf-8", errors="replace",
                         check=True).stdout
    for page in out.split("<page ")[1:]:
        yield [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(page)]


def overlaps(words):
    words = sorted(words, key=lambda w: w[0])
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b[0] >= a[2]:
                break
            w = min(a[2], b[2]) - max(a[0], b[0])
            h = min(a[3], b[3]) - max(a[1], b[1])
            if w <= 0 or h <= 0:
                continue
            smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
            if smaller > 0 and w * h > 0.25 * smaller:
                yield a, b


bad = 0
for pdf in sys.argv[1:]:
    for n, words in enumerate(pages(pdf), 1):
        for a, b in overlaps(words):
            bad += 1
            print(f"{pdf} page {n}: '{a[4]}' and '{b[4]}' overlap", file=sys.stderr)
sys.exit(1 if bad else 0)
