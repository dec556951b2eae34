#!/usr/bin/env bash
# Charts from data, links and the tagged slides.pdf, in both layout sets:
# every chart's type and values in the layout dump and each series' colour
# on the PNG (charts_check.py); the outline handout's table of the data;
# slides.pdf tagged (pdfinfo -struct-text: H1 per slide title in outline
# order, lists, links, figures), /Lang, the title display flag, /Alt of
# every chart, URL and internal link annotations with their targets (qpdf
# --json); handouts with /Lang and links; bad chart data and bad links are
# located errors; an image without alt is a warning from check.
source "$(dirname "$0")/lib.sh"
CHARTS="$ROOT/tests/fixtures/decks/charts/deck.xml"

for set in briefing hall; do
  out=$TMP/$set
  "$KS" build "$CHARTS" --layouts "$ROOT/layouts/$set.xml" -o "$out" --handout 3,outline --dump-layout "$out.json" -q \
    2> "$TMP/$set.log" || { cat "$TMP/$set.log"; fail "$set: build"; continue; }
  python3 "$ROOT/tests/e2e/charts_check.py" "$out.json" "$out/slides" "$ROOT/tests/e2e/png_pixels.py" > "$TMP/$set.charts" \
    && ok "$set: $(tail -1 "$TMP/$set.charts")" || { cat "$TMP/$set.charts"; fail "$set: charts"; }
  python3 "$ROOT/tests/e2e/fitting_check.py" "$out.json" --layouts "$ROOT/layouts/$set.xml" > "$TMP/$set.fit" \
    && ok "$set: every chart inside its box" || { cat "$TMP/$set.fit"; fail "$set: something outside its box"; }

  # No label drawn over another; a negative bar's value label never runs
  # into its category label (it moves right of the zero line).
  python3 "$ROOT/tests/e2e/word_overlap.py" "$out/slides.pdf" > "$TMP/$set.overlap" \
    && ok "$set: no chart label over another" || { cat "$TMP/$set.overlap"; fail "$set: labels overlap"; }
  python3 - "$out/slides.pdf" <<'PY' && ok "$set: negative bar label clear of its category" || fail "$set: negative bar label touches its category"
import re, subprocess, sys
out = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], capture_output=True, text=True, check=True).stdout
words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', out)
cat = [(float(x1), float(y1) - float(y0)) for x0, y0, x1, y1, t in words if t == "新規事業"]
val = [float(x0) for x0, y0, x1, y1, t in words if t in ("−6.5", "-6.5")]
# Clear by at least a label's height, or "新規事業 −6.5" reads as one phrase.
sys.exit(0 if cat and val and val[0] > cat[0][0] + cat[0][1] else 1)
PY

  # Twenty monthly categories: labels shown at an interval rather than a
  # year torn ("202" / "5年"); every value label of an all-negative bar chart
  # inside the page.
  python3 - "$out/slides.pdf" <<'PY' && ok "$set: category labels whole, negative labels inside the page" || fail "$set: torn category label or a label off the page"
import re, subprocess, sys
out = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], capture_output=True, text=True, check=True).stdout
pages = out.split("<page ")[1:]
width = float(re.search(r'width="([\d.]+)"', pages[0]).group(1))
words = [(float(a), float(c), t) for p in pages for a, b, c, d, t in
         re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', p)]
years = [t for a, c, t in words if re.fullmatch(r"202[56]年(\d+月)?", t)]
off = [t for a, c, t in words if c > width + 0.5]
labels = {t for a, c, t in words}
ok = not off and len(years) >= 5 and "202" not in labels and {"−1,200", "−800", "−300"} <= labels
print("years", len(years), "off page", off)
sys.exit(0 if ok else 1)
PY

  # Hatched series stay hatched in PowerPoint: a native pattern fill.
  "$KS" build "$CHARTS" --layouts "$ROOT/layouts/$set.xml" -o "$out-pptx" --pptx -q 2> "$TMP/$set.pptx.log" \
    && unzip -p "$out-pptx/slides.pptx" ppt/slides/slide3.xml | grep -q '<a:pattFill prst="wdUpDiag"' \
    && ok "$set: hatched series as a pattern fill in slides.pptx" || fail "$set: no pattern fill in slides.pptx"

  # The outline handout shows each chart's data as a table (numbers as written).
  pdftotext -layout "$out/handout-outline.pdf" "$TMP/$set.outline.txt"
  grep -Eq "Q2 +128 +149" "$TMP/$set.outline.txt" && grep -Eq "新規事業 +△6.5" "$TMP/$set.outline.txt" \
    && grep -Eq "Q3 +8.6" "$TMP/$set.outline.txt" \
    && ok "$set: outline handout tables the charts' data" || fail "$set: chart data missing from the outline handout"

  # Tagged: the structure reads title, content, title, … in outline order.
  pdfinfo "$out/slides.pdf" | grep -q "^Tagged: *yes" && ok "$set: slides.pdf tagged" || fail "$set: not tagged"
  pdfinfo -struct-text "$out/slides.pdf" > "$TMP/$set.struct"
  python3 - "$TMP/$set.struct" "$CHARTS" <<'PY' && ok "$set: struct text in outline order" || fail "$set: struct text"
import re, sys
lines = open(sys.argv[1]).read().splitlines()
outline = open(sys.argv[2]).read()
titles = re.findall(r"<title>(.*?)</title>", outline)[1:]  # the first is <meta>'s, the cover's title repeats it
h1 = [lines[i + 1].strip().strip('"') for i, l in enumerate(lines) if l.strip().startswith("H1")]
ok = lines and lines[0] == "Document" and h1 == titles
roles = {l.split()[0] for l in lines if l.strip() and not l.strip().startswith('"')}
for role in ("Document", "H1", "P", "L", "LI", "Link", "Figure", "Caption"):
    ok = ok and role in {l.strip().split()[0] for l in lines if l.strip()}
text = "\n".join(lines)
for s in ("四半期別 売上高（前年度と今年度）", "2026年度 第4四半期 決算短信", "https://example.com/ir/data", "構成と内訳"):
    ok = ok and s in text
if not ok:
    print("H1:", h1, "\nwant:", titles)
sys.exit(0 if ok else 1)
PY

  # qpdf --json: /Lang, the title flag, every chart's /Alt, the links and where they go.
  qpdf --json "$out/slides.pdf" > "$TMP/$set.qpdf.json"
  python3 - "$TMP/$set.qpdf.json" "$out.json" <<'PY' && ok "$set: /Lang, DisplayDocTitle, /Alt and link targets" || fail "$set: accessibility entries"
import json, sys
objs = json.load(open(sys.argv[1]))["qpdf"][1]
dump = json.load(open(sys.argv[2]))
cat = next(v["value"] for v in objs.values() if isinstance(v.get("value"), dict) and v["value"].get("/Type") == "/Catalog")
ok = cat.get("/Lang") == "u:ja" and cat.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is True
alts = [v["value"]["/Alt"][2:] for v in objs.values() if isinstance(v.get("value"), dict) and "/Alt" in v["value"]]
# Every chart's alt (given or generated) and the photo's, in slide order.
want_alts = []
for s in dump["slides"]:
    for b in s["boxes"]:
        want_alts += [c["alt"] for c in b.get("charts", [])]
        want_alts += ["福岡開発拠点の外観写真" for im in b.get("images", []) if im["src"].endswith("photo.png")]
ok = ok and alts == want_alts
links = [v["value"] for v in objs.values() if isinstance(v.get("value"), dict) and v["value"].get("/Subtype") == "/Link"]
uris = sorted(l["/A"]["/URI"][2:] for l in links if "/A" in l)
dests = [l["/Dest"][0] for l in links if isinstance(l.get("/Dest"), list)]
ok = ok and uris == ["https://example.com/ir/2026q4.pdf", "https://example.com/ir/data"] and len(dests) == 3
print("lang", cat.get("/Lang"), "alts", len(alts), "/", len(want_alts), "uris", uris, "dests", dests)
sys.exit(0 if ok else 1)
PY
  # Internal links land on the right pages: agenda → revenue (3), mix (5); the sources slide → revenue (3).
  python3 - "$TMP/$set.qpdf.json" > "$TMP/$set.dests" <<'PY'
import json, sys
j = json.load(open(sys.argv[1]))
pages = [p["object"] for p in j["pages"]]
dests = [v["value"]["/Dest"][0] for v in j["qpdf"][1].values()
         if isinstance(v, dict) and isinstance(v.get("value"), dict) and v["value"].get("/Subtype") == "/Link"
         and isinstance(v["value"].get("/Dest"), list)]
print(" ".join(sorted(str(pages.index(d) + 1) for d in dests)))
PY
  [ "$(cat "$TMP/$set.dests")" = "3 3 5" ] \
    && ok "$set: agenda and #revenue links land on pages $(cat "$TMP/$set.dests")" || fail "$set: internal link pages $(cat "$TMP/$set.dests")"

  # Handouts: /Lang, the title flag and links (URIs and slide pages) on the slide pictures and the outline text.
  for h in handout-3 handout-outline; do
    qpdf --json "$out/$h.pdf" | python3 -c '
import json, sys
objs = json.load(sys.stdin)["qpdf"][1]
vals = [v["value"] for v in objs.values() if isinstance(v, dict) and isinstance(v.get("value"), dict)]
cat = next(v for v in vals if v.get("/Type") == "/Catalog")
links = [v for v in vals if v.get("/Subtype") == "/Link"]
uris = {l["/A"]["/URI"][2:] for l in links if "/A" in l}
internal = [l for l in links if "/Dest" in l]
ok = cat.get("/Lang") == "u:ja" and cat.get("/ViewerPreferences", {}).get("/DisplayDocTitle") is True
ok = ok and uris == {"https://example.com/ir/2026q4.pdf", "https://example.com/ir/data"} and len(internal) >= 3
print(len(links), "links")
sys.exit(0 if ok else 1)' > "$TMP/$h.links" && ok "$set: $h.pdf has /Lang and $(cat "$TMP/$h.links")" || fail "$set: $h.pdf links or /Lang"
  done
done

# Bad chart data and bad links: located errors, nothing written.
bad() {  # NAME EXPECTED-MESSAGE BODY
  local deck="$TMP/bad-$1.xml"
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<deck lang="ja">\n<slide id="a"><title>T</title>\n%s\n</slide>\n</deck>\n' "$3" > "$deck"
  if "$KS" build "$deck" -o "$TMP/bad-$1" -q 2> "$TMP/bad-$1.log"; then fail "$1: built"; return; fi
  if grep -Eq "bad-$1.xml:[0-9]+:[0-9]+: error: .*$2" "$TMP/bad-$1.log" && [ ! -e "$TMP/bad-$1/slides.pdf" ]; then
    ok "$1: located error"
  else
    cat "$TMP/bad-$1.log"; fail "$1: no located error matching '$2'"
  fi
}
ROWS='<row header="true"><cell>Q</cell><cell>A</cell><cell>B</cell></row>'
bad ragged "row has 2 cells, the first row has 3" "<chart>$ROWS<row><cell>Q1</cell><cell>1</cell></row></chart>"
bad non-number "'abc' is not a number" "<chart>$ROWS<row><cell>Q1</cell><cell>abc</cell><cell>2</cell></row></chart>"
bad unit "'12%' is in '%', the chart's unit is '億円'" "<chart unit=\"億円\">$ROWS<row><cell>Q1</cell><cell>12%</cell><cell>2</cell></row></chart>"
bad pie-negative "negative value '△3'" '<chart type="pie"><row><cell>a</cell><cell>5</cell></row><row><cell>b</cell><cell>△3</cell></row></chart>'
bad pie-slices "a pie with 13 slices" "<chart type=\"pie\">$(for i in $(seq 13); do echo "<row><cell>c$i</cell><cell>$i</cell></row>"; done)</chart>"
bad chart-type "chart type 'donut' is not known" "<chart type=\"donut\">$ROWS<row><cell>Q1</cell><cell>1</cell><cell>2</cell></row></chart>"
bad url "bad link: 'ftp://example.com' is not an http:// or https:// URL" '<p><a href="ftp://example.com">x</a></p>'
bad host "has no valid host name" '<p><a href="https://example..com/x">x</a></p>'
bad space "contains a space" '<p><a href="https://exa mple.com">x</a></p>'
bad slide-id "link to unknown slide id 'b'; did you mean 'a'" '<p><a href="#b">x</a></p>'

# An image without alt text is a warning that check reports.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<deck lang="ja"><slide><title>T</title><image src="%s"/></slide></deck>\n' \
  "$ROOT/tests/fixtures/decks/chart-wide.png" > "$TMP/noalt.xml"
"$KS" check "$TMP/noalt.xml" > "$TMP/noalt.log" 2>&1 || true
grep -Eq "noalt.xml:[0-9]+:[0-9]+: warning: <image> has no alt text" "$TMP/noalt.log" \
  && ok "check warns about an image without alt" || { cat "$TMP/noalt.log"; fail "no alt warning from check"; }
finish
