#!/usr/bin/env bash
# `kamishibai watch`: rebuilds on saves made the ways editors make them
# (truncate-and-write, write-temp-and-rename, bursts), on image changes,
# keeps running through a broken outline with the last good output kept,
# and stops cleanly on SIGINT.
source "$(dirname "$0")/lib.sh"

W=$TMP/deck dir=$TMP/deck
mkdir -p "$W"
png() {  # png FILE R G B: a small solid PNG
  python3 - "$@" <<'PY'
import struct, sys, zlib
path, r, g, b = sys.argv[1], *map(int, sys.argv[2:])
w, h = 64, 36
raw = b"".join(b"\0" + bytes([r, g, b]) * w for _ in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(path, "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                       + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
}
deck() {  # deck BULLET: the outline text with BULLET in slide 2
  cat <<XML
<?xml version="1.0" encoding="UTF-8"?>
<deck lang="ja">
  <meta><title>監視テスト</title><date>2025-06-26</date></meta>
  <slide layout="title" id="title"><title>監視テスト</title></slide>
  <slide id="body"><title>本文</title><list><item>$1</item></list><notes>ノート</notes></slide>
  <slide id="figure"><title>図</title><image src="figure.png" alt="図"/></slide>
</deck>
XML
}
png "$W/figure.png" 200 30 30
cp "$ROOT/layouts/briefing.xml" "$W/layouts.xml"
cp -r "$ROOT/fonts" "$W/fonts"
deck "最初の項目 first" > "$W/deck.xml"

"$KS" watch "$W/deck.xml" -o "$W/out" --layouts "$W/layouts.xml" --fonts "$W/fonts" > "$TMP/log" 2>&1 &
pid=$!
cleanup_watch() { kill "$pid" 2>/dev/null || true; }
trap 'cleanup_watch; rm -rf "$TMP"' EXIT

builds() { grep -c -E '\] (built|build failed)' "$TMP/log" || true; }
wait_builds() {  # wait until at least N builds were reported
  for _ in $(seq 1 100); do [ "$(builds)" -ge "$1" ] && return 0; sleep 0.1; done
  echo "--- watch log"; cat "$TMP/log"; return 1
}
slides_text() { pdftotext "$W/out/slides.pdf" - 2>/dev/null | tr -d '\n'; }

wait_builds 1 || fail "first build"
slides_text | grep -q "最初の項目 first" && ok "first build written" || fail "first build text"
fig_before=$(md5sum < "$W/out/slides/03.png")

# 1. Truncate and write in place (what `cat > file` and many editors do).
deck "上書き保存 truncated" > "$TMP/next.xml"; cat "$TMP/next.xml" > "$W/deck.xml"
wait_builds 2 || fail "rebuild after truncate-and-write"
slides_text | grep -q "上書き保存 truncated" && ok "truncate-and-write rebuilt" || fail "truncate-and-write text"

# 2. Write a temporary file and rename it over the outline (vim, VS Code).
deck "置き換え保存 renamed" > "$W/.deck.xml.swp"; mv "$W/.deck.xml.swp" "$W/deck.xml"
wait_builds 3 || fail "rebuild after rename"
slides_text | grep -q "置き換え保存 renamed" && ok "write-temp-and-rename rebuilt" || fail "rename text"

# 3. A burst of five saves in a row: a save builds at once, the saves that
# land during that build are one more build (a build that read a file the
# next save had just truncated is superseded, not shown). How many builds
# that makes depends on how long a build takes against the gaps between the
# saves (a build of this deck now takes less than some gaps on a loaded
# machine), so the check is: at least one, never more than one per save,
# and the last save is what is built.
before=$(builds)
for i in 1 2 3 4 5; do deck "連続保存 burst $i" > "$W/deck.xml"; done
sleep 1.5
wait_builds $((before + 1)) || fail "rebuild after burst"
after=$(builds)
[ $((after - before)) -ge 1 ] && [ $((after - before)) -le 5 ] && ok "burst of 5 saves: $((after - before)) rebuild(s)" \
  || fail "burst of 5 saves gave $((after - before)) rebuilds"
slides_text | grep -q "連続保存 burst 5" && ok "burst: last save built" || fail "burst: last save not in output"

# 4. A referenced image changes (replaced by rename).
png "$TMP/new.png" 30 30 200; mv "$TMP/new.png" "$W/figure.png"
wait_builds $((after + 1)) || fail "rebuild after image change"
[ "$(md5sum < "$W/out/slides/03.png")" != "$fig_before" ] && ok "image change rebuilt its slide" || fail "image slide unchanged"

# 4b. The layout set and the fonts folder (a font dropped into fonts/user).
n=$(builds)
touch "$W/layouts.xml"
wait_builds $((n + 1)) && ok "layout set change rebuilt" || fail "no rebuild after the layout set changed"
n=$(builds)
cp "$W/figure.png" "$W/fonts/user/not-a-font.bin"
wait_builds $((n + 1)) && ok "fonts folder change rebuilt" || fail "no rebuild after the fonts folder changed"

# 5. A broken outline: error printed with file:line, watcher alive, last good output kept.
good_pdf=$(md5sum < "$W/out/slides.pdf")
n=$(builds)
deck "壊れた <b>保存" > "$W/deck.xml"
wait_builds $((n + 1)) || fail "build after breaking the outline"
grep -q "build failed" "$TMP/log" && ok "failure reported" || fail "no failure line"
grep -Eq "deck.xml:[0-9]+:[0-9]+: error" "$TMP/log" && ok "error names file:line:column" || fail "no file:line error"
kill -0 "$pid" 2>/dev/null && ok "watcher still running" || fail "watcher died on a broken outline"
[ "$(md5sum < "$W/out/slides.pdf")" = "$good_pdf" ] && ok "last good output kept" || fail "output changed by a failed build"

# 6. Fixed again.
n=$(builds)
deck "直した fixed" > "$W/deck.xml"
wait_builds $((n + 1)) || fail "build after fixing"
slides_text | grep -q "直した fixed" && ok "fixed outline rebuilt" || fail "fixed text missing"

# 7. Unrelated files in the same folder do not trigger builds.
n=$(builds)
echo x > "$W/notes.txt"; sleep 0.6
[ "$(builds)" -eq "$n" ] && ok "unrelated file ignored" || fail "unrelated file triggered a build"

# 7b. A rebuild in the long-running watcher gives the same bytes as a fresh build.
"$KS" build "$W/deck.xml" -o "$TMP/fresh" --layouts "$W/layouts.xml" --fonts "$W/fonts" -q
diff -r --exclude=.kamishibai "$W/out" "$TMP/fresh" >/dev/null && ok "watch output byte-identical to a fresh build" || fail "watch output differs from a fresh build"

# 8. SIGINT: exit 0, no temporary files left.
kill -INT "$pid"
rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 0 ] && ok "SIGINT: exit 0" || fail "SIGINT exit status $rc"
grep -q "stopped" "$TMP/log" && ok "stop reported" || fail "no stop message"
left=$(find "$W" -name '*kamishibai-tmp*' | wc -l)
[ "$left" -eq 0 ] && ok "no temporary files left" || fail "$left temporary files left"
finish
