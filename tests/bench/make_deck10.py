#!/usr/bin/env python3
"""make_deck10.py SRC DEST: the outline SRC with its slides repeated ten times,
every id made unique (the benchmarks' deck x10)."""
import re
import sys

src = open(sys.argv[1], encoding="utf-8").read()
head, rest = src.split("</meta>", 1)
body, _ = rest.rsplit("</deck>", 1)
copies = [re.sub(r'id="([^"]+)"', lambda m, i=i: f'id="{m.group(1)}-{i}"', body) for i in range(10)]
open(sys.argv[2], "w", encoding="utf-8").write(head + "</meta>" + "".join(copies) + "</deck>\n")
