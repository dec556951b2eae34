#!/usr/bin/env bash
# Messages that help: a mistyped command is named, a mistyped tag is found at
# its opening tag, one problem on many slides is one message with the count,
# a CMYK JPEG is an unsupported colour space, CR-only files get the right
# line numbers, a flood of errors stops with "and N more", a folder given as
# the outline is an input error (exit 1). Both layout sets.
source "$(dirname "$0")/lib.sh"
_seen=0
ok_if() { [ "$failures" -eq "$_seen" ] && ok "$@"; _seen=$failures; }  # ok only when this part passed
FIX="$ROOT/tests/fixtures/decks/messages"
expect_rc() {  # code, command...
  local want=$1; shift
  set +e; "$@" 2> "$TMP/err"; rc=$?; set -e
  [ "$rc" -eq "$want" ] || fail "$*: exit $rc, not $want: $(head -3 "$TMP/err")"
}

expect_rc 2 "$KS" bulid "$DECK" -o "$TMP/o"
grep -q 'unknown command "bulid"; did you mean "build"?' "$TMP/err" || fail "no suggestion: $(cat "$TMP/err")"
expect_rc 2 "$KS" chek "$DECK"
grep -q 'did you mean "check"?' "$TMP/err" || fail "no suggestion for chek"
ok_if "a mistyped command suggests the right one"

mkdir -p "$TMP/folder.xml"
expect_rc 1 "$KS" build "$TMP/folder.xml" -o "$TMP/o"
expect_rc 1 "$KS" check "$TMP/folder.xml"
grep -q "folder.xml: error: cannot read the outline" "$TMP/err" || fail "folder as outline: $(cat "$TMP/err")"
expect_rc 1 "$KS" check "$TMP/no-such.xml"
ok_if "a folder or a missing file as the outline is an input error (exit 1)"

for layouts in briefing hall; do
  L=(--layouts "$ROOT/layouts/$layouts.xml")
  # A mistyped tag: located at its opening tag, line 3.
  printf '<deck lang="ja"><meta><title>誤字</title></meta>\n<slide id="a">\n  <titel>一枚目</title>\n  <p>本文</p>\n</slide></deck>\n' > "$TMP/typo.xml"
  expect_rc 1 "$KS" check "$TMP/typo.xml" "${L[@]}"
  grep -q "typo.xml:3:3: error: .*<titel> is closed by </title> at line 3" "$TMP/err" || fail "$layouts: typo: $(cat "$TMP/err")"

  # CR-only line ends: the unknown element is on line 4.
  printf '<deck lang="ja">\r<meta><title>CR</title></meta>\r<slide id="a"><title>一</title>\r<bogus/>\r</slide></deck>\r' > "$TMP/cr.xml"
  expect_rc 1 "$KS" check "$TMP/cr.xml" "${L[@]}"
  grep -q "cr.xml:4:1: error: " "$TMP/err" || fail "$layouts: CR-only line numbers: $(cat "$TMP/err")"

  # A CMYK JPEG.
  cp "$FIX/cmyk.jpg" "$TMP/cmyk.jpg"
  printf '<deck lang="ja"><meta><title>色</title></meta>\n<slide id="a"><title>一</title>\n<image src="cmyk.jpg" alt="印刷用"/></slide></deck>\n' > "$TMP/cmyk.xml"
  expect_rc 1 "$KS" check "$TMP/cmyk.xml" "${L[@]}"
  grep -q "cmyk.xml:3:1: error: .*CMYK colour space, which is unsupported" "$TMP/err" || fail "$layouts: CMYK: $(cat "$TMP/err")"
  grep -qi "corrupt" "$TMP/err" && fail "$layouts: a CMYK JPEG is called corrupt"

  # One too-long confidentiality label on ten slides: one message, with the count.
  python3 - "$TMP/footer.xml" <<'PY'
import sys
label = "この資料は関係者限りの取り扱いとし、社外への持ち出しおよび複製を固く禁止します。" * 3
slides = "".join('<slide id="s%d"><title>%d 枚目</title><p>本文</p></slide>\n' % (i, i) for i in range(1, 11))
open(sys.argv[1], "w").write('<deck lang="ja"><meta><title>脚注</title>\n<confidentiality>%s</confidentiality></meta>\n%s</deck>\n' % (label, slides))
PY
  set +e; "$KS" check "$TMP/footer.xml" "${L[@]}" 2> "$TMP/err"; set -e
  n=$(grep -c "footer.xml:[0-9]*:[0-9]*: \(warning\|error\): .*confidentiality" "$TMP/err" || true)
  [ "$n" -eq 1 ] && grep -q "(on 10 slides: 's1' (line 3), 's2' (line 4)" "$TMP/err" ||
    fail "$layouts: the label problem on 10 slides was reported $n times: $(head -5 "$TMP/err")"

  # A flood: 300 unknown elements stop after 50 with "and 250 more".
  python3 - "$TMP/flood.xml" <<'PY'
import sys
body = "".join("<bogus%d/>\n" % i for i in range(300))
open(sys.argv[1], "w").write('<deck lang="ja"><meta><title>洪水</title></meta>\n<slide id="a"><title>一</title>\n%s</slide></deck>\n' % body)
PY
  expect_rc 1 "$KS" check "$TMP/flood.xml" "${L[@]}"
  shown=$(grep -c ": error: " "$TMP/err" || true)
  [ "$shown" -eq 50 ] && grep -q "and 250 more (250 errors, 0 warnings) not shown" "$TMP/err" && grep -q "^300 errors" "$TMP/err" ||
    fail "$layouts: flood: $shown shown; $(tail -2 "$TMP/err")"
done
ok_if "mistyped tag, CR-only lines, CMYK JPEG, one message for many slides, error cap: in both layout sets"
# A table with 50 columns cannot fit any slide: the message says how wide
# it would need to be, at the table's line, in both sets.
python3 - "$TMP/wide.xml" <<'PY'
import sys
cols = 50
hdr = ''.join(f'<cell>項目{i}</cell>' for i in range(cols))
row = ''.join(f'<cell>{1000 + i}</cell>' for i in range(cols))
open(sys.argv[1], 'w').write(f"""<?xml version="1.0" encoding="UTF-8"?>
<deck lang="ja"><meta><title>幅の広い表</title></meta>
<slide id="wide"><title>五十列の表</title>
<table>
<row header="true">{hdr}</row>
<row>{row}</row>
</table>
</slide></deck>
""")
PY
for layouts in briefing hall; do
  expect_rc 1 "$KS" check "$TMP/wide.xml" --layouts "$ROOT/layouts/$layouts.xml"
  grep -Eq "wide.xml:[0-9]+:[0-9]+: error: slide 'wide': a table in the body does not fit its width: it needs [0-9]+ pt wide with every column at its longest word; the box is [0-9]+ pt" "$TMP/err" ||
    fail "$layouts: 50-column table message: $(grep error "$TMP/err" | head -2)"
  need=$(grep -o "it needs [0-9]* pt" "$TMP/err" | grep -o "[0-9]*")
  box=$(grep -o "the box is [0-9]* pt" "$TMP/err" | grep -o "[0-9]*")
  [ -n "$need" ] && [ -n "$box" ] && [ "$need" -gt "$box" ] || fail "$layouts: needed width $need not above box $box"
done
ok_if "a 50-column table says how wide it would need to be"

finish
