#!/usr/bin/env bash
# Katakana words stay whole wherever they fit on a line (issue 16, item 5):
# three narrow katakana-heavy columns and a katakana heading, in both layout
# sets, checked from the layout dump. A word is counted as fitting when even
# at one em a character (wider than any kana of the proportional face) it is
# narrower than the space its line starts in.
source "$(dirname "$0")/lib.sh"
DECKFILE="$ROOT/tests/fixtures/decks/text/katakana_columns.xml"

# Fails on a katakana word split across two lines of one paragraph where it
# would fit on one; args: layout dump, the outline (a break at a space there is no split).
cat > "$TMP/kata_check.py" <<'PY'
import json, sys
source = open(sys.argv[2], encoding='utf-8').read()  # a break at a space is no split

def kata(c):
    return ('\u30a1' <= c <= '\u30fa') or c == 'ー' or ('\u31f0' <= c <= '\u31ff')

bad, words_seen, split_long = [], 0, 0
for s in json.load(open(sys.argv[1]))['slides']:
    for box in s['boxes']:
        if box['role'] not in ('body', 'title'):
            continue
        cols = box.get('columns') or [{'x': box['x'], 'w': box['w']}]
        def right_edge(x):
            return next((c['x'] + c['w'] for c in cols if c['x'] - 0.5 <= x <= c['x'] + c['w']), box['x'] + box['w'])
        lines = box['lines']
        for l in lines:
            words_seen += sum(1 for i, c in enumerate(l['text']) if kata(c) and (i == 0 or not kata(l['text'][i - 1])))
        for a, b in zip(lines, lines[1:]):
            if a['paragraph'] != b['paragraph'] or not a['text'] or not b['text']:
                continue
            if not (kata(a['text'][-1]) and kata(b['text'][0])):
                continue
            head = len(a['text']) - len(a['text'].rstrip(''.join(c for c in a['text'] if kata(c))))
            tail = len(b['text']) - len(b['text'].lstrip(''.join(c for c in b['text'] if kata(c))))
            word = a['text'][len(a['text']) - head:] + b['text'][:tail]
            room = right_edge(b['x']) - b['x']
            if word not in source:
                continue
            if len(word) * b['size'] <= room:
                bad.append(f"{s['id']} {box['role']}: {a['text']}|{b['text']} splits {word} ({len(word)} x {b['size']} pt <= {room:.0f} pt)")
            else:
                split_long += 1
for m in bad:
    print(m, file=sys.stderr)
print(f"katakana words: {words_seen}, split because wider than the line: {split_long}")
sys.exit(1 if bad or words_seen < 30 else 0)
PY

for set in briefing hall; do
  out="$TMP/$set"
  "$KS" build "$DECKFILE" -o "$out" --layouts "$ROOT/layouts/$set.xml" --dump-layout "$out.json" 2> "$out.log" \
    || { fail "$set: build failed: $(cat "$out.log")"; continue; }
  python3 "$TMP/kata_check.py" "$out.json" "$DECKFILE" && ok "$set: no katakana word split where it fits on a line" || fail "$set: katakana words split (above)"
  python3 - "$out.json" <<'PY' && ok "$set: the heading's and columns' key words are whole on one line" || fail "$set: a key word is not whole"
import json, sys
texts = [l['text'] for s in json.load(open(sys.argv[1]))['slides'] for b in s['boxes'] for l in b['lines']]
for w in ('マイクロサービスの', 'ポリシーチェック', 'オブザーバビリティ', 'セキュリティインシデント', 'インストゥルメンテーション'):
    if not any(w in t for t in texts):
        print('not whole on any line:', w, file=sys.stderr)
        sys.exit(1)
PY
  python3 - "$out.json" "$ROOT/layouts/$set.xml" <<'PY' && ok "$set: a heading too long for its word is set a step smaller, word whole" || fail "$set: long katakana heading (above)"
import json, sys
import xml.etree.ElementTree as ET
word = 'セキュリティインシデントレスポンスオーケストレーションプラットフォーム'
s = next(s for s in json.load(open(sys.argv[1]))['slides'] if s['id'] == 'kata-long-title')
spec = next(b for l in ET.parse(sys.argv[2]).getroot().iter('layout') if l.get('name') == s['layout']
            for b in l.iter('box') if b.get('role') == 'title')
title = next(b for b in s['boxes'] if b['role'] == 'title')
texts = [l['text'] for l in title['lines']]
size, top, floor = title['font_size'], float(spec.get('size')), float(spec.get('min-size'))
print(f"title at {size} pt (box {top}, min {floor}): {texts}")
sys.exit(0 if texts == [word] and floor <= size < top else 1)
PY
  python3 "$ROOT/tests/e2e/word_overlap.py" "$out/slides.pdf" "$out/handout.pdf" \
    && ok "$set: no word drawn over another (pdftotext -bbox)" || fail "$set: words drawn over each other (above)"
done

# The decks in content/ keep their katakana words whole too.
for deck in "$ROOT"/content/*.xml; do
  for set in briefing hall; do
    "$KS" build "$deck" -o "$TMP/content-$set" --layouts "$ROOT/layouts/$set.xml" --dump-layout "$TMP/content-$set.json" -q 2> /dev/null \
      || { fail "$(basename "$deck") $set: build failed"; continue; }
    python3 "$TMP/kata_check.py" "$TMP/content-$set.json" "$deck" > /dev/null \
      && ok "$(basename "$deck") $set: no katakana word split where it fits" || fail "$(basename "$deck") $set: katakana words split (above)"
  done
done
finish
