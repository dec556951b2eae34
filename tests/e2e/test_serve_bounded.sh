#!/usr/bin/env bash
# The preview server is bounded: forty open event streams leave the page
# loading in under a second (streams beyond the cap get 503 at once), and a
# large file under /out/ is streamed, not read into memory per request.
source "$(dirname "$0")/lib.sh"
_seen=0
ok_if() { [ "$failures" -eq "$_seen" ] && ok "$@"; _seen=$failures; }  # ok only when this part passed

cat > "$TMP/deck.xml" <<'XML'
<deck lang="ja"><meta><title>上限</title></meta>
<slide id="a"><title>一枚目</title><p>本文</p></slide></deck>
XML
start_preview "$TMP/deck.xml" "$TMP/out" || { fail "preview did not start"; finish; }

# 40 pages' event streams, held open.
python3 - "$base" 40 > "$TMP/streams.log" 2>&1 <<'PY' &
import socket, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); n = int(sys.argv[2])
socks, codes = [], []
for _ in range(n):
    s = socket.create_connection((u.hostname, u.port))
    s.sendall(b"GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
    socks.append(s)
for s in socks:
    s.settimeout(3)
    try: codes.append(s.recv(64).split(b" ")[1].decode())
    except Exception: codes.append("none")
print("codes", " ".join(codes), flush=True)
time.sleep(30)
PY
streams=$!
for _ in $(seq 50); do grep -q codes "$TMP/streams.log" && break; sleep 0.2; done
t=$(curl -s -o "$TMP/page.html" -w '%{http_code} %{time_total}' --max-time 10 "$base/" || true)
code=${t% *}; secs=${t#* }
[ "$code" = 200 ] && python3 -c "import sys; sys.exit(0 if float('$secs') < 1 else 1)" ||
  fail "with 40 event streams open, / took $secs s (HTTP $code)"
grep -q '<html' "$TMP/page.html" || fail "the page did not load"
ok_if "with 40 event streams open, / loads in $secs s"
c200=$(grep -o ' 200' "$TMP/streams.log" | wc -l); c503=$(grep -o ' 503' "$TMP/streams.log" | wc -l)
[ "$c503" -gt 0 ] && [ "$c200" -gt 0 ] && [ $((c200 + c503)) -eq 40 ] ||
  fail "event streams: $(cat "$TMP/streams.log")"
ok_if "event streams beyond the cap answered 503 at once ($c200 open, $c503 refused)"
# The API still answers, and a closed stream frees its slot.
curl -sf --max-time 2 "$base/api/deck" | grep -q '"mid_commit":false' || fail "/api/deck while streams are open"
kill $streams 2>/dev/null; wait $streams 2>/dev/null || true

# A large file, fetched three times at once: memory stays bounded.
head -c 150000000 /dev/zero > "$TMP/out/big.bin"
hwm() { awk '/VmHWM/ {print $2}' "/proc/$pid/status"; }
before=$(hwm)
pids=()
for i in 1 2 3; do curl -s --max-time 60 -o "$TMP/got$i" "$base/out/big.bin" & pids+=($!); done
wait "${pids[@]}" || true
after=$(hwm)
for i in 1 2 3; do [ "$(stat -c %s "$TMP/got$i")" = 150000000 ] || fail "download $i incomplete"; done
grow=$(( (after - before) / 1024 ))
[ "$grow" -lt 40 ] || fail "three downloads of a 150 MB file grew the server by $grow MB"
ok_if "three downloads of a 150 MB file: peak memory grew by $grow MB"

# A commit in progress (a journal) shows in the state.
printf 'kamishibai-journal 1\nend\n' > "$TMP/out/.kamishibai/journal"
curl -sf "$base/api/deck" | grep -q '"mid_commit":true' || fail "an unfinished commit is not shown"
rm -f "$TMP/out/.kamishibai/journal"
ok_if "an unfinished commit in the folder is shown in the preview"
finish
