#!/usr/bin/env bash
# Hard Japanese paragraphs and headings, with varying prefixes, laid out at
# many column widths: zero JLREQ rule breaches, checked from the layout dump.
source "$(dirname "$0")/lib.sh"

python3 - "$TMP" <<'PY'
import sys, os
out = sys.argv[1]
hard = [
    "巨勢氏からは、AWSの技術が継続的に「深化」し「進化」していることが強調されました。",
    "サイバー攻撃を受けたことが移行を加速させる要因となったと述べられました。",
    "<b>移行効果</b>: サービスの開発スピードが飛躍的に向上し、<b>AWS Elemental MediaLive</b>を活用して「ニコニコ仮」を迅速に構築できた事例が紹介されました。",
    "6PBを超えるデータ、5000以上の仮想マシン、250以上のサービスを2025年3月までにAWSへ移行する3年越しのプロジェクトが進行中。",
    "これにより、<b>Aurora DSQL</b>では99.999%の整合性を実現し、<b>DynamoDB Global Tables</b>でも同様の機能を提供しているとのことでした。",
    "料金は¥5,000から、転送速度は10GB/秒、処理性能は3.5倍になったと説明されました。",
    "「いじり倒せる開発環境」（内製）を、「AfEEla」」に搭載。」と述べられた。",
    "いすゞ自動車の々とーでァがィをッにャはュもョへ、あ。い！う？え・お：か；きゝくゞけヽこヾさっしゃすゅせょそぁたぃ。",
    "<b>Amazon Bedrock</b>: 多くの企業で利用されており、Amazon社内でも<b>Rufus</b>（Bedrockで動作）が活用されています。",
    "<b>Amazon Q in Connect</b>が紹介されました。<b>Nova Canvas, Reel</b>: Canvasは画像生成、Reelはテキストや画像からの動画生成を可能にします。",
    "ガートナーの予測として、2028年までに日常業務判断の少なくとも15%がAIエージェントによって実行されると述べられました。",
    "これは短い文です。",
]
titles = [
    "2.4 NTTドコモ事例に見るデータドリブンネットワーク運用 (鈴木 啓介 氏)",
    "スペシャルセッション「ビルダーのための AWS テクノロジー：その深化と進化」参加報告",
    "2.6 推論技術の進化とAmazonの活用事例 (渡辺 宏聡 氏)",
]
prefixes = ["", "あ", "ああ", "AB ", "「注」", "（1）", "新規："]
slides = []
n = 0
for p in prefixes:
    for t in titles:
        for i in range(0, len(hard), 2):
            n += 1
            items = "".join(f"<item>{p}{h}</item>" for h in hard[i:i + 2])
            slides.append(f'<slide id="s{n}" layout="bullets"><title>{p}{t}</title><list>{items}</list></slide>')
open(os.path.join(out, "hard.xml"), "w", encoding="utf-8").write(
    '<deck lang="ja"><meta><title>JLREQ</title></meta>' + "".join(slides) + "</deck>")
PY

src=$(cat "$ROOT/layouts/briefing.xml")
total=0
for w in 864 700 560 430 330 250; do
  # The same layout set with a narrower title and body column.
  python3 - "$ROOT/layouts/briefing.xml" "$TMP/layouts-$w.xml" "$w" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
w = sys.argv[3]
s = re.sub(r'(<box role="(?:title|body)" x="48" y="\d+") w="864"', rf'\1 w="{w}"', s)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PY
  "$KS" check "$TMP/hard.xml" --layouts "$TMP/layouts-$w.xml" -q 2>/dev/null || true
  "$KS" build "$TMP/hard.xml" --layouts "$TMP/layouts-$w.xml" -o "$TMP/out-$w" --dump-layout "$TMP/dump-$w.json" -q \
    2> "$TMP/build-$w.log" || { cat "$TMP/build-$w.log"; fail "build at width $w"; continue; }
  if python3 "$ROOT/tests/e2e/jlreq_check.py" "$TMP/dump-$w.json" "$TMP/hard.xml" > "$TMP/check-$w.log"; then
    ok "width $w: $(tail -1 "$TMP/check-$w.log")"
  else
    head -20 "$TMP/check-$w.log"; fail "width $w: $(tail -1 "$TMP/check-$w.log")"
  fi
done

# The checker itself must catch breaches: feed it a dump with one of each.
cat > "$TMP/bad.json" <<'JSON'
{"slides":[{"index":1,"id":"x","layout":"bullets","width":960,"height":540,"boxes":[{"role":"body","x":0,"y":0,"w":100,"h":100,"overflow":false,"lines":[
 {"text":"始まり","x":0,"y":0,"w":10,"paragraph":0},{"text":"移行を加速させ「","x":0,"y":0,"w":10,"paragraph":0},{"text":"、要因となったAWS Elem","x":0,"y":0,"w":10,"paragraph":0},
 {"text":"ental MediaLive 5000","x":0,"y":0,"w":10,"paragraph":0},{"text":"以上です。","x":0,"y":0,"w":10,"paragraph":0},
 {"text":"た。","x":0,"y":0,"w":10,"paragraph":0}]}]}]}
JSON
python3 "$ROOT/tests/e2e/jlreq_check.py" "$TMP/bad.json" > "$TMP/bad.log" && fail "checker missed breaches"
for kind in "starts with «、»" "ends with «「»" "splits the word" "separates a number" "orphan"; do
  grep -q "$kind" "$TMP/bad.log" && ok "checker detects: $kind" || fail "checker misses: $kind"
done
finish
