#!/usr/bin/env bash
# The outline handout's tables and the handout header, in both layout sets,
# on a deck written for them (tests/fixtures/decks/handout/outline_tables.xml):
# a label column of long Japanese words beside a numeric column is as wide as
# its longest word, no cell's text is drawn over another's, a table broken
# across pages repeats its header row, a long deck title wraps onto two
# header lines (never cut), and a section title too long for the header is
# shortened with a located warning. Every handout style still builds for the
# seed deck in both sets.
source "$(dirname "$0")/lib.sh"
FIX="$ROOT/tests/fixtures/decks/handout/outline_tables.xml"
LABELS=(データベース移行計画 セキュリティインシデント対応 マイクロサービス監視 インストゥルメンテーション
        ポリシーチェック自動化 バックアップ復旧訓練 ネットワーク冗長化 コスト最適化レビュー アクセス権限棚卸し 障害報告テンプレート)
TITLE=$(python3 -c 'import sys, xml.etree.ElementTree as ET; print(ET.parse(sys.argv[1]).getroot().find("meta/title").text.strip())' "$FIX")

for set in briefing hall; do
  O=$TMP/$set
  "$KS" build "$FIX" --layouts "$ROOT/layouts/$set.xml" --handout outline,notes -o "$O" 2> "$O.log" \
    || { cat "$O.log"; fail "$set: build"; continue; }
  pdftotext -bbox "$O/handout-outline.pdf" "$O.bbox.html"
  python3 "$ROOT/tests/e2e/outline_table_check.py" "$O.bbox.html" 200 取り組み項目名 "${LABELS[@]}" > "$O.check" \
    && ok "$set: outline tables ($(tail -1 "$O.check"))" || { cat "$O.check"; fail "$set: outline tables"; }
  # The numbers are right-aligned: within each table (the deck has two, each
  # with its own column widths) their right edges line up.
  python3 - "$O.bbox.html" <<'PY' && ok "$set: the number column is right-aligned" || fail "$set: numbers not right-aligned"
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
rights = [float(x) for x, w in re.findall(r'xMax="([\d.]+)" yMax="[\d.]+">([\d,]+)</word>', html) if float(x) > 300]
print(sorted(set(round(r, 1) for r in rights)))
groups = []
for r in sorted(rights):
    if groups and r - groups[-1][-1] < 0.6: groups[-1].append(r)
    else: groups.append([r])
sys.exit(0 if len(rights) >= 10 and len(groups) <= 2 and all(g[-1] - g[0] < 0.6 for g in groups) else 1)
PY
  # The header: the whole title on two lines at the top of every page, the section shortened with a warning.
  python3 - "$O.bbox.html" "$TITLE" <<'PY' && ok "$set: the long title wraps onto two header lines on every page" || fail "$set: header title cut"
import re, sys
html, title = open(sys.argv[1], encoding="utf-8").read(), re.sub(r"\s", "", sys.argv[2])
pages = re.findall(r"<page .*?</page>", html, re.S)
for page in pages:
    top = [(float(y), w) for y, w in re.findall(r'xMin="42\.5[\d]*" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>', page)]
    head = sorted(t for t in top if t[0] < 60)
    if len(head) != 2 or re.sub(r"\s", "", "".join(w for _, w in head)) != title:
        print("header lines:", head)
        sys.exit(1)
print(len(pages), "pages")
PY
  grep -q "outline_tables.xml:16:3: warning: section title '.*' is too long for the handout's header line; it shows '.*…'" "$O.log" \
    && ok "$set: the shortened section title is a located warning" || { cat "$O.log"; fail "$set: no header warning"; }
  [ "$(grep -c "too long for the handout's header line" "$O.log")" -eq 1 ] && ok "$set: warned once for two styles" \
    || fail "$set: header warning repeated"
done

# Every handout style builds for the seed deck in both layout sets.
for set in briefing hall; do
  "$KS" build "$DECK" --layouts "$ROOT/layouts/$set.xml" --handout 1,2,3,4,6,9,notes,outline -o "$TMP/seed-$set" 2> "$TMP/seed.log" \
    || { cat "$TMP/seed.log"; fail "$set: seed build with every handout style"; continue; }
  n=0
  for style in 1 2 3 4 6 9 notes outline; do
    pdf="$TMP/seed-$set/handout-$style.pdf"
    [ -f "$pdf" ] && qpdf --check "$pdf" > /dev/null 2>&1 && n=$((n + 1)) || fail "$set: handout $style"
  done
  ok "$set: $n handout styles built and pass qpdf --check"
  pdftotext -bbox "$TMP/seed-$set/handout-outline.pdf" "$TMP/seed-$set.bbox.html"
  python3 "$ROOT/tests/e2e/outline_table_check.py" "$TMP/seed-$set.bbox.html" 200 項目 日時 発表者 > "$TMP/seed.check" || true
  grep -q "overlaps\|not whole" "$TMP/seed.check" && { cat "$TMP/seed.check"; fail "$set: seed outline has overlapping words"; } \
    || ok "$set: seed outline handout: no word over another, labels whole"
done

# The checker can fail: words drawn over each other are found.
python3 - "$TMP/briefing.bbox.html" > "$TMP/bad.html" <<'PY'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
print(html.replace('>1,200</word>', '>1,200</word><word xMin="250" yMin="300" xMax="400" yMax="310">X</word><word xMin="260" yMin="302" xMax="300" yMax="309">Y</word>', 1))
PY
python3 "$ROOT/tests/e2e/outline_table_check.py" "$TMP/bad.html" 200 取り組み項目名 "${LABELS[@]}" > /dev/null \
  && fail "checker accepted overlapping words" || ok "checker rejects overlapping words"
finish
