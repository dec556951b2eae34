#!/usr/bin/env bash
# content/deck.xml holds the whole seed report verbatim: every heading, cell,
# bullet and sentence, character for character (spaces and U+3000 included).
source "$(dirname "$0")/lib.sh"
python3 "$ROOT/tests/e2e/seed_coverage.py" "$SEED" "$DECK" > "$TMP/cov.log" 2>&1 \
  && ok "$(tail -1 "$TMP/cov.log")" || { cat "$TMP/cov.log"; fail "content/deck.xml is missing seed text"; }
# The checker can fail: drop one sentence from a copy.
sed 's/高度なセキュリティ対策を講じていることが述べられました。//' "$DECK" > "$TMP/cut.xml"
python3 "$ROOT/tests/e2e/seed_coverage.py" "$SEED" "$TMP/cut.xml" > /dev/null 2>&1 \
  && fail "checker accepted a deck with a sentence removed" || ok "checker rejects a deck with a sentence removed"
"$KS" check "$DECK" 2> "$TMP/check.log" && ! grep -q warning "$TMP/check.log" \
  && ok "content/deck.xml checks clean" || { cat "$TMP/check.log"; fail "kamishibai check content/deck.xml"; }
finish
