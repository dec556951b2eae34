#!/usr/bin/env bash
# Bad input: clear errors with file:line:column, exit codes, and the previous
# good output left untouched.
source "$(dirname "$0")/lib.sh"

OUT="$TMP/out"
"$KS" build "$DECK" -o "$OUT" -q 2>/dev/null || fail "seed build failed"
before=$(cd "$OUT" && find . -type f | sort | xargs sha256sum)

# A typo'd element and a malformed file.
cat > "$TMP/typo.xml" <<'XML'
<deck lang="ja">
  <slide id="a">
    <title>題</title>
    <list><itme>項目</itme></list>
  </slide>
  <slide layout="bulets"><title>二</title></slide>
</deck>
XML
set +e
"$KS" build "$TMP/typo.xml" -o "$OUT" 2> "$TMP/err1"; code=$?
set -e
[ "$code" -eq 1 ] && ok "input error exits 1" || fail "input error exit code $code"
grep -q "typo.xml:4:11: error: unknown element <itme>.*did you mean <item>?" "$TMP/err1" && ok "names line:col and suggests" || { cat "$TMP/err1"; fail "typo message"; }
grep -q "typo.xml:6:3: error: unknown layout 'bulets'; did you mean 'bullets'?" "$TMP/err1" && ok "all problems reported" || { cat "$TMP/err1"; fail "second problem not reported"; }
after=$(cd "$OUT" && find . -type f | sort | xargs sha256sum)
[ "$before" = "$after" ] && ok "previous output unchanged" || fail "a failed build changed the output"
ls -a "$OUT" | grep -q kamishibai-tmp && fail "temporary files left behind" || ok "no temporary files left"

printf '<deck>\n  <slide><title>x</title>\n</deck>\n' > "$TMP/broken.xml"
set +e
"$KS" check "$TMP/broken.xml" 2> "$TMP/err2"; code=$?
set -e
[ "$code" -eq 1 ] && grep -q "broken.xml:2:3: error: malformed XML.*<slide> is closed by </deck> at line 3" "$TMP/err2" && ok "malformed XML located" || { cat "$TMP/err2"; fail "malformed XML ($code)"; }

# check reports problems in speaker notes too, with their position.
cat > "$TMP/notes.xml" <<'XML'
<deck lang="ja">
  <slide id="a"><title>題</title>
    <notes>ノートに𠮷があります。</notes>
  </slide>
</deck>
XML
"$KS" check "$TMP/notes.xml" 2> "$TMP/err4" && grep -q "notes.xml:3:12: warning: character U+20BB7" "$TMP/err4" \
  && ok "check reports a missing character in the notes" || { cat "$TMP/err4"; fail "notes not checked"; }

"$KS" check "$DECK" 2> "$TMP/err3" && ok "check passes on the seed deck" || { cat "$TMP/err3"; fail "check failed on the seed"; }
[ ! -e "$TMP/check-out" ] || fail "check wrote output"

set +e
"$KS" build "$DECK" 2>/dev/null; code=$?
"$KS" frobnicate 2>/dev/null; code2=$?
"$KS" build "$DECK" -o "$TMP/x" --handout 5 2>/dev/null; code3=$?
set -e
[ "$code" -eq 2 ] && [ "$code2" -eq 2 ] && [ "$code3" -eq 2 ] && ok "usage errors exit 2" || fail "usage exit codes $code $code2 $code3"
"$KS" --version | grep -q "kamishibai [0-9]" && ok "--version" || fail "--version"
"$KS" --help | grep -q "build" && ok "--help" || fail "--help"
finish
