#!/usr/bin/env python3
"""Checks that every marker of a pattern occurs exactly once, in order, in a text.

  fitting_order.py TEXT_FILE REGEX EXPECTED...   (EXPECTED: the markers in order)
Exit 1 naming the first missing, repeated or out-of-order marker."""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
found = re.findall(sys.argv[2], text)
expected = sys.argv[3:]
if found != expected:
    for i, (f, e) in enumerate(zip(found + [None] * len(expected), expected)):
        if f != e:
            print(f"marker {i}: expected {e}, found {f}; {len(found)} found, {len(expected)} expected")
            break
    else:
        print(f"{len(found)} found, {len(expected)} expected (extra: {found[len(expected):][:5]})")
    sys.exit(1)
print(f"{len(found)} markers once each, in order")
