#!/usr/bin/env bash
# Issue 7: a full-width font at 72 pt with 「。」」 in a title made libharu fail
# the handout (error 0x1056, character spacing out of its range) while
# `check` said ok. Both now succeed and agree, and the title is in both PDFs.
source "$(dirname "$0")/lib.sh"

sed -e 's/sans="BIZ UDPGothic"/sans="BIZ UDGothic"/' \
    -e '0,/size="40" min-size="26"/s//size="72" min-size="72"/' "$ROOT/layouts/briefing.xml" > "$TMP/big.xml"
grep -q 'size="72"' "$TMP/big.xml" || fail "the test layout set has no 72 pt title"
cat > "$TMP/deck.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<deck lang="ja">
  <meta><title>試験</title><date>2025-06-26</date></meta>
  <slide layout="title" id="t"><title>「終わり。」」</title></slide>
</deck>
XML
cd "$TMP"
if "$KS" check deck.xml --layouts big.xml >check.log 2>&1; then ok "check passes"; else fail "check: $(cat check.log)"; fi
if "$KS" build deck.xml --layouts big.xml -o out >build.log 2>&1; then ok "build passes"; else fail "build: $(cat build.log)"; fi
for pdf in slides handout; do
  if [ -f "out/$pdf.pdf" ] && pdftotext "out/$pdf.pdf" - | tr -d ' \n' | grep -q '「終わり。」」'; then
    ok "$pdf.pdf holds the title"
  else
    fail "$pdf.pdf lacks the title"
  fi
done
qpdf --check out/handout.pdf >/dev/null || fail "qpdf rejects handout.pdf"
finish
