#!/usr/bin/env bash
# Issue 16, items 1, 2, 3 and 7, in both layout sets, on a deck written for
# them: no text below its floor; a 14-step list is one slide at >= 18 pt or
# two of 7; a long section continues at one size, evenly, each item with its
# nested list; a 30-row table continues with at least two body rows a piece;
# five big numbers stand 3 + 2 on one slide at one size, seven continue onto
# a second slide of the same grid; the agenda over numbered sections shows
# each number once; the cover shows the date; the statement title is styled
# like the others. Then every deck in content/ and tests/fixtures/decks.
source "$(dirname "$0")/lib.sh"
DESIGNER="$ROOT/tests/fixtures/decks/designer/deck.xml"

for set in briefing hall; do
  LAYOUTS="$ROOT/layouts/$set.xml"
  "$KS" build "$DESIGNER" -o "$TMP/$set" --layouts "$LAYOUTS" --dump-layout "$TMP/$set.json" -q 2> "$TMP/$set.log" \
    || { cat "$TMP/$set.log"; fail "$set: build"; continue; }
  python3 "$ROOT/tests/e2e/floors_check.py" "$TMP/$set.json" --layouts "$LAYOUTS" --runs > "$TMP/$set.floors" \
    && ok "$set: $(tail -1 "$TMP/$set.floors")" || { cat "$TMP/$set.floors"; fail "$set: text below its floor or a lopsided run"; }
  python3 "$ROOT/tests/e2e/fitting_check.py" "$TMP/$set.json" --layouts "$LAYOUTS" > "$TMP/$set.fit" \
    && ok "$set: $(tail -1 "$TMP/$set.fit")" || { cat "$TMP/$set.fit"; fail "$set: something outside its box"; }
  grep -qE "deck.xml:[0-9]+:[0-9]+: warning: slide 'steps14' does not fit even at 18 pt; continued onto 2 slides \(steps14, steps14-2\), each set at [0-9.]+ pt" "$TMP/$set.log" \
    && ok "$set: the run's warning names the floor and the size drawn" || { cat "$TMP/$set.log"; fail "$set: run warning"; }

  python3 - "$TMP/$set.json" "$set" > "$TMP/$set.shape" <<'PY' && ok "$set: $(tail -1 "$TMP/$set.shape")" || { cat "$TMP/$set.shape"; fail "$set: layout shapes"; }
import json, re, sys
slides = json.load(open(sys.argv[1]))["slides"]
by_id = {s["id"]: s for s in slides}
def run(first):
    return [s for s in slides if s["id"] == first or s.get("continues") == first]
def box(s, role):
    return next(b for b in s["boxes"] if b["role"] == role)
def texts(s, role="body"):
    return [l["text"] for l in box(s, role)["lines"]]

# 14 steps: one slide at >= 18 pt, or two of seven.
steps = run("steps14")
counts = [sum(1 for t in texts(s) if re.match(r"S\d\d ", t)) for s in steps]
assert (len(steps) == 1 and box(steps[0], "body")["font_size"] >= 18) or counts == [7, 7], counts
assert len({box(s, "body")["font_size"] for s in steps}) == 1

# The long section: one size, and every item with its nested list.
long = run("long")
assert len(long) >= 2 and len({box(s, "body")["font_size"] for s in long}) == 1, [box(s, "body")["font_size"] for s in long]
for s in long:
    body = " ".join(texts(s))
    for parent in set(re.findall(r"R(\d\d) ", body)):
        assert f"R{parent}-1" in body and f"R{parent}-2" in body, (s["id"], parent)
    for child in set(re.findall(r"R(\d\d)-\d", body)):
        assert f"R{child} " in body, (s["id"], "child without its parent", child)
    nested = [l for l in box(s, "body")["lines"] if l["kind"] == "nested"]
    assert nested and all(l["size"] >= 16 for l in nested)

# The 30-row table: every piece holds at least two body rows, all rows once.
table = run("table30")
assert len(table) >= 2
seen = []
for s in table:
    rows = {c["row"] for c in box(s, "body").get("cells", []) if re.match(r"T\d\d", c["text"])}
    assert len(rows) >= 2, (s["id"], rows)
    seen += re.findall(r"T(\d\d)", " ".join(c["text"] for c in box(s, "body")["cells"]))
assert seen == [f"{i:02d}" for i in range(1, 31)], seen
assert len({box(s, "body")["font_size"] for s in table}) == 1

def values(s):
    return [l for l in box(s, "body")["lines"] if l["kind"] == "value"]
# Five big numbers: one slide, one size, 3 + 2.
assert "five-2" not in by_id
five = values(by_id["five"])
assert len(five) == 5 and len({v["size"] for v in five}) == 1, five
rows = sorted({v["y"] for v in five})
assert [sum(1 for v in five if v["y"] == y) for y in rows] == [3, 2], rows
# Seven: two slides of one grid at one size.
seven = run("seven")
assert len(seven) == 2, [s["id"] for s in seven]
vals = [values(s) for s in seven]
assert sum(len(v) for v in vals) == 7 and len({v["size"] for vs in vals for v in vs}) == 1
assert max(len(v) for v in vals) <= 6
def columns(vs):
    return {round(v["x"]) for v in vs}
# A left-aligned grid of three: the second slide's cells start where the first's do.
assert len(columns(vals[0])) == 3 and columns(vals[1]) <= columns(vals[0]), (columns(vals[0]), columns(vals[1]))

# Agenda over numbered sections: each title's own number, no second one.
agenda = texts(by_id["agenda"])
assert agenda == ["1. 手順", "2. 進捗", "3. 数字で見る成果"], agenda

# Cover shows the date; the statement title is set like a bullets title.
assert any("2026年11月20日" in t for t in texts(by_id["cover"], "meta")), texts(by_id["cover"], "meta")
st, bu = box(by_id["statement"], "title"), box(by_id["steps14"], "title")
assert (st["x"], st["w"], st["h"], st["font_size"]) == (bu["x"], bu["w"], bu["h"], bu["font_size"]), (st, bu)
print("steps", counts, "table", len(table), "pieces, seven as", [len(v) for v in vals])
PY

  # The PDF holds every step and row once, in order.
  pdftotext "$TMP/$set/slides.pdf" "$TMP/$set.txt"
  python3 "$ROOT/tests/e2e/fitting_order.py" "$TMP/$set.txt" '\b(?:S|T)[0-9]{2}\b' \
    $(for i in $(seq 1 14); do printf 'S%02d ' "$i"; done) $(for i in $(seq 1 30); do printf 'T%02d ' "$i"; done) > "$TMP/order.log" \
    && ok "$set slides.pdf: $(cat "$TMP/order.log")" || { cat "$TMP/order.log"; fail "$set: markers in slides.pdf"; }
done

# Every deck in content/ and the fixtures, in both sets: no text below its floor.
for deck in "$ROOT"/content/*.xml "$ROOT"/tests/fixtures/decks/*.xml "$ROOT"/tests/fixtures/decks/*/deck.xml; do
  for set in briefing hall; do
    name="$(basename "$(dirname "$deck")")-$(basename "$deck" .xml)-$set"
    "$KS" build "$deck" -o "$TMP/all/$name" --layouts "$ROOT/layouts/$set.xml" --dump-layout "$TMP/$name.json" -q \
      2> "$TMP/$name.log" || { cat "$TMP/$name.log"; fail "$name: build"; continue; }
    python3 "$ROOT/tests/e2e/floors_check.py" "$TMP/$name.json" --layouts "$ROOT/layouts/$set.xml" --runs > "$TMP/$name.floors" \
      && ok "$name: $(tail -1 "$TMP/$name.floors")" || { cat "$TMP/$name.floors"; fail "$name: below a floor"; }
  done
done

# The checker can fail: one cell line at 11 pt.
python3 - "$TMP/briefing.json" "$TMP/bad.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
cell = next(l for s in d["slides"] for b in s["boxes"] if b["role"] == "body" for l in b["lines"] if l["kind"] == "cell")
cell["size"] = 11
json.dump(d, open(sys.argv[2], "w"))
PY
python3 "$ROOT/tests/e2e/floors_check.py" "$TMP/bad.json" --layouts "$ROOT/layouts/briefing.xml" > /dev/null \
  && fail "floors checker missed a cell at 11 pt" || ok "floors checker catches a cell at 11 pt"
finish
