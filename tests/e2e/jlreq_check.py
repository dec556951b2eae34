#!/usr/bin/env python3
"""Checks a kamishibai layout dump for breaches of Japanese line-breaking
rules (JLREQ §3.1) and of the project's own typesetting promises.

usage: jlreq_check.py LAYOUT.json [SOURCE.xml]

With SOURCE (the outline the dump was made from), a break between two Latin
letters or digits is a breach only if the source has no space there.
Prints every breach and exits 1 if there is any."""
import html
import json
import re
import sys

# JLREQ cl-02 closing brackets, cl-03 hyphens, cl-04 dividing punctuation,
# cl-05 middle dots, cl-06 full stops, cl-07 commas, cl-09 iteration marks,
# cl-10 prolonged sound mark, cl-11 small kana, postfix units.
NO_START = set(
    "’”）〕］｝〉》」』】〙〗〟｠»)]}"
    "‐〜゠–"
    "！？‼⁇⁈⁉!?"
    "・：；:;"
    "。．."
    "、，,"
    "ヽヾゝゞ々〻"
    "ー"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    "％‰℃°′″¢%"
)
# cl-01 opening brackets and prefix units.
NO_END = set("‘“（〔［｛〈《「『【〘〖〝｟«([{" "¥$£€＃＄￥＼")
COUNTERS = set("以倍件台年月日秒兆億万個人%％")
ALNUM = re.compile(r"[A-Za-z0-9]")


def breaches(dump, source_text):
    out = []
    for s in dump["slides"]:
        for b in s["boxes"]:
            lines = b["lines"]
            for i, line in enumerate(lines):
                t = line["text"]
                where = f"slide {s['index']} ({s['id']}) {b['role']} line {i + 1} «{t}»"
                if not t:
                    continue
                first_of_para = i == 0 or lines[i - 1]["paragraph"] != line["paragraph"]
                if t[0] in NO_START and not first_of_para:  # the author may start a paragraph with anything
                    out.append(f"{where}: starts with «{t[0]}»")
                nxt = lines[i + 1] if i + 1 < len(lines) else None
                same_para = nxt is not None and nxt["paragraph"] == line["paragraph"]
                if same_para:
                    if t[-1] in NO_END:
                        out.append(f"{where}: ends with «{t[-1]}»")
                    n = nxt["text"]
                    if n and ALNUM.match(t[-1]) and ALNUM.match(n[0]):
                        joined = t[-6:] + n[:6]
                        if source_text is None or joined in source_text:
                            out.append(f"{where}: splits the word «{t[-6:]}|{n[:6]}»")
                    if n and t[-1].isdigit() and n[0] in COUNTERS:
                        out.append(f"{where}: separates a number from its unit «{t[-6:]}|{n[:3]}»")
                is_last = not same_para
                if is_last and not first_of_para and len(t) <= 2:
                    out.append(f"{where}: orphan last line of {len(t)} character(s)")
    return out


def main():
    dump = json.load(open(sys.argv[1], encoding="utf-8"))
    source = None
    if len(sys.argv) > 2:
        xml = open(sys.argv[2], encoding="utf-8").read()
        source = html.unescape(re.sub(r"<[^>]+>", "", xml))
    found = breaches(dump, source)
    for f in found:
        print(f)
    lines = sum(len(b["lines"]) for s in dump["slides"] for b in s["boxes"])
    print(f"{len(found)} breach(es) in {lines} lines")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
