#!/usr/bin/env bash
# Layout is near-linear in spans and table cells: 50k <b> spans and a
# 300x300 table are checked in seconds (were 30 s and 36 s and growing
# quadratically). Bounds are generous for a loaded 2-core machine;
# KS_TEST_TIME_FACTOR scales them for sanitizer builds.
source "$(dirname "$0")/lib.sh"
python3 - "$TMP" <<'PY'
import sys
d = sys.argv[1]
spans = ''.join(f'<b>太字{i}</b>と' for i in range(50000))
open(f'{d}/spans.xml', 'w').write(f'<deck><slide id="a"><title>t</title><p>{spans}</p></slide></deck>')
rows = ''.join('<row>' + '<cell>x</cell>' * 300 + '</row>' for _ in range(300))
open(f'{d}/table.xml', 'w').write(f'<deck><slide id="a"><title>t</title><table>{rows}</table></slide></deck>')
PY
for f in spans table; do
  start=$(date +%s.%N)
  set +e; timeout $((60 * ${KS_TEST_TIME_FACTOR:-1})) "$KS" check "$TMP/$f.xml" > /dev/null 2> "$TMP/err"; rc=$?; set -e
  secs=$(python3 -c "import time,sys; print(round(time.time() - float(sys.argv[1]), 2))" "$start")
  [ $rc -le 1 ] || fail "$f: exit $rc"
  # The time counts only if the whole input was laid out: the spans make
  # hundreds of continuation slides, every row of the table a slide of its own.
  case $f in
    spans) grep -qE ': [0-9]{3,} slides, ok' "$TMP/err" && ok "spans: every span laid out ($(grep -oE '[0-9]+ slides, ok' "$TMP/err"))" ||
             { cat "$TMP/err"; fail "spans: not laid out to the end"; } ;;
    table) grep -q 'on 300 slides' "$TMP/err" && ok "table: every row laid out (300 slides)" ||
             { head -5 "$TMP/err"; fail "table: not laid out to the end"; } ;;
  esac
  python3 -c "import sys; sys.exit(0 if float(sys.argv[1]) < 12 * float(sys.argv[2]) else 1)" "$secs" "${KS_TEST_TIME_FACTOR:-1}" && ok "$f checked in $secs s" ||
    fail "$f took $secs s"
done
finish
