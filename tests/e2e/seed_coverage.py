#!/usr/bin/env python3
"""Check that every piece of text in a Markdown seed report appears in an outline or a rendered deck.

Usage:
    seed_coverage.py SEED.txt TEXTFILE [--keep-notes] [--no-strict]

SEED.txt  the Markdown report (headings, a pipe table, bullet lists, paragraphs).
TEXTFILE  either the kamishibai outline XML (<deck>...</deck>) or plain text
          extracted from a rendered PDF (e.g. `pdftotext deck.pdf out.txt`).

What is checked
  The seed is cut into fragments: each heading (without the #s), each table
  cell (the |---| separator row and --- rules are skipped), each bullet line
  (without the */-/1. marker) and each paragraph line, with Markdown inline
  markup removed (**bold** -> bold, `code` -> code, [text](url) -> text).
  Each of those is split further so that a fragment survives layout changes:
    * a bold lead-in is split from its text at the colon ("**MadPot**: ..."
      gives "MadPot" and "..."),
    * text is split after every sentence end (。！？),
    * a fragment still longer than 80 characters is split after 、 into
      pieces of at least 20 characters.
  Matching deletes ALL whitespace on both sides (spaces, U+3000, tabs,
  newlines, form feeds, zero-width spaces), because PDF extraction inserts
  line breaks and drops or inserts spaces.

  XML input: tags are stripped and entities unescaped (the XML is parsed with
  the standard library); <meta> and <notes> are left out so that coverage is
  proven by what is on the slides (--keep-notes keeps <notes>).  In XML mode
  every seed unit (whole heading, cell, bullet or paragraph line) must also be
  found contiguously and character for character, with runs of XML
  whitespace collapsed to one space (the ideographic space U+3000 is kept
  as is).  --no-strict turns that extra check off.

  Text (PDF) input: a fragment that is not found exactly is retried after
  Unicode NFKC normalisation of both sides (PDF fonts often map glyphs to
  compatibility characters such as Kangxi radicals); such matches count as
  found but are listed as warnings.

Exit status: 0 when everything is found, 1 when anything is missing, 2 on a
usage or input error.  Python 3 standard library only.
"""
import html
import re
import sys
import unicodedata
import xml.etree.ElementTree as ET

SENTENCE_END = '。！？'
LONG_FRAGMENT = 80
MIN_PIECE = 20

WS_RE = re.compile(r'[\s\u200b\u200c\u200d\u2060\ufeff\u00ad]+')


def squash(s):
    """Delete every kind of whitespace (and zero-width characters)."""
    return WS_RE.sub('', s)


def strip_inline(s):
    """Remove Markdown inline markup, keeping the visible text."""
    s = re.sub(r'!\[([^\]]*)\]\([^)]*\)', r'\1', s)          # images
    s = re.sub(r'\[([^\]]+)\]\([^)]*\)', r'\1', s)           # links
    s = re.sub(r'`([^`]*)`', r'\1', s)                        # code spans
    s = re.sub(r'\*\*(.+?)\*\*', r'\1', s)                    # **bold**
    s = re.sub(r'(?<![\w])__(.+?)__(?![\w])', r'\1', s)       # __bold__
    s = re.sub(r'<br\s*/?>', ' ', s, flags=re.I)              # inline <br>
    s = s.replace('**', '')                                    # stray markers
    return html.unescape(s).strip()


def split_sentences(s):
    parts, cur = [], ''
    for ch in s:
        cur += ch
        if ch in SENTENCE_END:
            parts.append(cur)
            cur = ''
    parts.append(cur)
    return [p.strip() for p in parts if p.strip()]


def split_long(s):
    if len(squash(s)) <= LONG_FRAGMENT:
        return [s]
    pieces = re.split(r'(?<=、)', s)
    out, cur = [], ''
    for p in pieces:
        cur += p
        if len(squash(cur)) >= MIN_PIECE:
            out.append(cur)
            cur = ''
    if cur:
        if out and len(squash(cur)) < MIN_PIECE:
            out[-1] += cur
        else:
            out.append(cur)
    return [p.strip() for p in out if p.strip()]


def fragments_of(raw):
    """Split one seed unit (raw Markdown text) into fragments."""
    frags = []
    m = re.match(r'^\*\*(.+?)\*\*\s*[:：]\s*(.*)$', raw)
    if m:
        frags.append(strip_inline(m.group(1)))
        raw = m.group(2)
    for sent in split_sentences(strip_inline(raw)):
        frags.extend(split_long(sent))
    return [f for f in frags if squash(f)]


def seed_units(path):
    """Yield (line_no, unit_text, raw_markdown) for every text unit in the seed."""
    with open(path, encoding='utf-8-sig') as f:
        lines = f.read().splitlines()
    in_fence = False
    for no, line in enumerate(lines, 1):
        s = line.strip()
        if s.startswith('```') or s.startswith('~~~'):
            in_fence = not in_fence
            continue
        if not s:
            continue
        if not in_fence:
            if re.fullmatch(r'(-\s*){3,}|(\*\s*){3,}|(_\s*){3,}', s):
                continue                                   # horizontal rule
            m = re.match(r'^#{1,6}\s+(.*?)(\s+#+)?$', s)
            if m:
                yield no, strip_inline(m.group(1)), m.group(1)
                continue
            if s.startswith('|'):
                cells = [c.strip() for c in s.strip('|').split('|')]
                if all(re.fullmatch(r':?-+:?', c) for c in cells if c):
                    continue                               # table separator row
                for c in cells:
                    if c:
                        yield no, strip_inline(c), c
                continue
            s = re.sub(r'^(>\s*)+', '', s)                 # blockquote
            m = re.match(r'^(?:[*+-]|\d+[.)])\s+(.*)$', s)
            if m:
                s = m.group(1)
        if s:
            yield no, strip_inline(s), s


def xml_text(path, keep_notes):
    try:
        tree = ET.parse(path)
    except ET.ParseError as e:
        sys.exit(f'seed_coverage: {path}: not well-formed XML: {e}')
    root = tree.getroot()
    drop = {'meta'} if keep_notes else {'meta', 'notes'}
    inline = {'b', 'i', 'code', 'br'}
    # Block elements are separated by newlines so that text from different
    # elements never joins into a false contiguous match in the strict check.
    out = []

    def walk(el):
        if el.tag == 'br':
            out.append(' ')
        elif el.tag not in inline:
            out.append('\n')
        if el.text:
            out.append(el.text)
        for c in el:
            if c.tag not in drop:
                walk(c)
            if c.tail:
                out.append(c.tail)
        if el.tag not in inline:
            out.append('\n')
    walk(root)
    return ''.join(out)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    opts = {a for a in argv[1:] if a.startswith('--')}
    unknown = opts - {'--keep-notes', '--no-strict', '--help'}
    if '--help' in opts or len(args) != 2 or unknown:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    seed_path, text_path = args
    try:
        with open(text_path, encoding='utf-8-sig', errors='replace') as f:
            raw = f.read()
    except OSError as e:
        print(f'seed_coverage: {e}', file=sys.stderr)
        return 2
    is_xml = raw.lstrip().startswith('<')
    if is_xml:
        text = xml_text(text_path, '--keep-notes' in opts)
    else:
        text = raw
    hay = squash(text)
    hay_nfkc = squash(unicodedata.normalize('NFKC', text))
    # strict haystack: runs of ASCII whitespace collapsed; each line on its own
    strict_hay = re.sub(r'[ \t\r\n]+', ' ', text) if is_xml else None

    try:
        units = list(seed_units(seed_path))
    except OSError as e:
        print(f'seed_coverage: {e}', file=sys.stderr)
        return 2
    if not units:
        print(f'seed_coverage: no text found in {seed_path}', file=sys.stderr)
        return 2

    missing, warnings, not_contiguous = [], [], []
    total = 0
    for no, unit, raw_md in units:
        for frag in fragments_of(raw_md):
            total += 1
            n = squash(frag)
            if n in hay:
                continue
            if not is_xml and squash(unicodedata.normalize('NFKC', frag)) in hay_nfkc:
                warnings.append((no, frag))
                continue
            missing.append((no, frag))
        if is_xml and '--no-strict' not in opts:
            u = re.sub(r'[ \t\r\n]+', ' ', unit)
            if u not in strict_hay:
                not_contiguous.append((no, unit))

    mode = 'xml' if is_xml else 'text'
    for no, frag in warnings:
        print(f'WARNING line {no}: matched only after NFKC normalisation: {frag}')
    for no, frag in missing:
        print(f'MISSING line {no}: {frag}')
    for no, unit in not_contiguous:
        print(f'NOT VERBATIM line {no}: whole unit not found character for character: {unit}')
    if missing or not_contiguous:
        print(f'FAIL: {len(missing)} of {total} fragments missing, '
              f'{len(not_contiguous)} of {len(units)} units not verbatim '
              f'({mode} mode, {text_path})')
        return 1
    extra = f', all {len(units)} units verbatim' if is_xml and '--no-strict' not in opts else ''
    print(f'OK: {total} fragments from {len(units)} seed units found{extra} '
          f'({mode} mode, {text_path})')
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
