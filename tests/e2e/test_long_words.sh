#!/usr/bin/env bash
# A word wider than the line (a URL, a long number) is never broken silently:
# the body shrinks to keep it whole; one wider than the box even at min-size
# is a located error, and nothing is written.
source "$(dirname "$0")/lib.sh"
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
url80 = 'https://docs.aws.amazon.com/ja_jp/bedrock/latest/userguide/what-is-bedrock.html'
url300 = 'https://example.com/' + 'abcdefghij' * 28
open(f'{d}/fits.xml', 'w').write(f'<deck><slide id="u"><title>参照先</title><list><item>資料：{url80}</item><item>短い項目</item></list></slide></deck>')
open(f'{d}/long.xml', 'w').write(f'<deck><slide id="u"><title>参照先</title>\n<list><item>資料：{url300}</item></list></slide></deck>')
PY
"$KS" build "$TMP/fits.xml" -o "$TMP/fits" --dump-layout "$TMP/fits.json" 2> "$TMP/fits.log" && ok "an 80-character URL builds" || fail "80-character URL: $(cat "$TMP/fits.log")"
python3 - "$TMP/fits.json" <<'PY' && ok "the URL stays whole on one line (body shrank)" || fail "the URL was broken across lines"
import json, sys
lines = [l['text'] for b in json.load(open(sys.argv[1]))['slides'][0]['boxes'] if b['role'] == 'body' for l in b['lines']]
sys.exit(0 if any(t.endswith('what-is-bedrock.html') and 'https://' in t for t in lines) else 1)
PY
grep -q "shrank" "$TMP/fits.log" && ok "the shrink is reported" || fail "no shrink note"
mkdir -p "$TMP/long"; echo keep > "$TMP/long/marker"
set +e; "$KS" build "$TMP/long.xml" -o "$TMP/long" 2> "$TMP/long.log"; rc=$?; set -e
[ $rc -eq 1 ] && ok "a 300-character URL is exit 1" || fail "300-character URL: exit $rc"
grep -qE "long.xml:[0-9]+:[0-9]+: error: .*a word is wider than the body box even at [0-9]+ pt: 'https://example.com/abcdefghij" "$TMP/long.log" \
  && ok "the error is located and names the word" || fail "message: $(cat "$TMP/long.log")"
[ ! -e "$TMP/long/slides.pdf" ] && [ -e "$TMP/long/marker" ] && ok "nothing written" || fail "output written"
set +e; "$KS" check "$TMP/long.xml" 2> /dev/null; rc=$?; set -e
[ $rc -eq 1 ] && ok "check predicts it" || fail "check: exit $rc"
finish
