#!/usr/bin/env bash
# URLs, paths and long Latin tokens (issue 16, item 4): a URL with a query
# breaks at its own break points ('/', '&', '=', '#', then '?', '_', '-' and after '.'),
# never shrinks the body and is never an error; it copies whole out of both
# PDFs. A token with no break point at all is broken at the end of the line,
# with a located warning. Both layout sets, on tests/fixtures/decks/text/long_url.xml.
source "$(dirname "$0")/lib.sh"
DECKFILE="$ROOT/tests/fixtures/decks/text/long_url.xml"
URL='https://wiki.example.co.jp/display/CSPLATFORM/2026-migration-plan?version=14&anchor=cutover-procedure'

for set in briefing hall; do
  out="$TMP/$set"
  if "$KS" build "$DECKFILE" -o "$out" --layouts "$ROOT/layouts/$set.xml" --dump-layout "$out.json" 2> "$out.log"; then
    ok "$set: the deck with a long URL builds"
  else
    fail "$set: build failed: $(cat "$out.log")"; continue
  fi
  grep -q "error:" "$out.log" && fail "$set: errors reported: $(cat "$out.log")"
  grep -q "shrank" "$out.log" && fail "$set: the body shrank: $(grep shrank "$out.log")"
  grep -qE "long_url.xml:[0-9]+:[0-9]+: warning: slide 'unbreakable': a word with no break point is wider than the body box" "$out.log" \
    && ok "$set: the token with no break point is a located warning" || fail "$set: no warning for the torn number: $(cat "$out.log")"
  python3 - "$out.json" "$ROOT/layouts/$set.xml" "$URL" <<'PY' && ok "$set: the URL breaks after '/' and at query marks, at the box's own size, inside its column" || fail "$set: URL layout (above)"
import json, sys
import xml.etree.ElementTree as ET
dump, layout_file, url = sys.argv[1], sys.argv[2], sys.argv[3]
boxes = {l.get('name'): {b.get('role'): b for b in l.iter('box')} for l in ET.parse(layout_file).getroot().iter('layout')}
bad = []
for s in json.load(open(dump))['slides']:
    if s['id'] not in ('url-body', 'url-column'):
        continue
    body = next(b for b in s['boxes'] if b['role'] == 'body')
    size = float(boxes[s['layout']]['body'].get('size'))
    if abs(body['font_size'] - size) > 1e-6:
        bad.append(f"{s['id']}: body set at {body['font_size']} pt, its box says {size}")
    for l in body['lines']:
        if abs(l['size'] - size) > 1e-6:
            bad.append(f"{s['id']}: line {l['text']!r} at {l['size']} pt")
    right = max(c['x'] + c['w'] for c in body.get('columns', [])) if body.get('columns') else body['x'] + body['w']
    lines = [l for l in body['lines'] if any(part in l['text'] for part in ('https', 'display', 'CSPLATFORM', 'version', 'procedure', 'example', 'anchor', 'migration', 'plan'))]
    if len(lines) < 2:
        bad.append(f"{s['id']}: the URL is on {len(lines)} line(s); expected it broken")
        continue
    for l in lines:
        if l['overfull'] or l['x'] + l['w'] > right + 0.5:
            bad.append(f"{s['id']}: {l['text']!r} sticks out of its box")
    joined = ''.join(l['text'] for l in lines)
    if url not in joined:
        bad.append(f"{s['id']}: the lines do not join to the URL: {joined!r}")
    # Each break is at one of the URL's own break points.
    for a, b in zip(lines, lines[1:]):
        if not (a['text'].endswith(('/', '.')) or b['text'][:1] in '?&=#_-'):  # after '.', never before
            bad.append(f"{s['id']}: broken between {a['text']!r} and {b['text']!r}")
    if not any(l['text'].endswith('/') for l in lines[:-1]):
        bad.append(f"{s['id']}: never broken after '/'")
# In code (<pre>), a URL wider than the box breaks after '/' or before ? & = #.
code = next(s for s in json.load(open(dump))['slides'] if s['id'] == 'url-code')
code_lines = [l['text'] for b in code['boxes'] if b['role'] == 'body' for l in b['lines']]
if url not in ''.join(code_lines) or len(code_lines) < 3:
    bad.append(f"url-code: the URL in code is not broken into whole pieces: {code_lines}")
for b in bad:
    print(b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
  for pdf in slides.pdf handout.pdf; do
    pdftotext "$out/$pdf" - | tr -d '\n' | grep -qF "$URL" \
      && ok "$set: the URL copies whole out of $pdf" || fail "$set: the URL is not whole in $pdf's text"
    pdftotext "$out/$pdf" - | grep -qE -- "-$|‐" && fail "$set: a hyphen was inserted in $pdf"
  done
  python3 "$ROOT/tests/e2e/word_overlap.py" "$out/slides.pdf" "$out/handout.pdf" \
    && ok "$set: no word drawn over another (pdftotext -bbox)" || fail "$set: words drawn over each other (above)"
done

# The generic cases: a 300-character URL is no error; check agrees; --strict
# refuses the torn number's warning.
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
url300 = 'https://example.com/' + '/'.join(['abcdefghij'] * 28)
open(f'{d}/long.xml', 'w').write(f'<deck><slide id="u"><title>参照先</title>\n<list><item>資料：{url300}</item></list></slide></deck>')
PY
"$KS" build "$TMP/long.xml" -o "$TMP/long" 2> "$TMP/long.log" && ! grep -q "error:" "$TMP/long.log" \
  && ok "a 300-character URL builds without errors" || fail "300-character URL: $(cat "$TMP/long.log")"
"$KS" check "$DECKFILE" 2> /dev/null && ok "check accepts the deck" || fail "check refused the deck"
set +e; "$KS" check --strict "$DECKFILE" 2> /dev/null; rc=$?; set -e
[ $rc -eq 1 ] && ok "--strict refuses the torn number" || fail "--strict: exit $rc"
finish
