#!/usr/bin/env bash
# The preview server serves the page, its API and files inside the output
# folder, nothing else: no "..", encoded traversal, absolute paths or
# symbolic links leave the folder; it listens on 127.0.0.1 only and refuses
# foreign Host names (DNS rebinding).
source "$(dirname "$0")/lib.sh"

W=$TMP/deck
mkdir -p "$W"
cp "$DECK" "$W/deck.xml"
echo "SECRET-OUTSIDE" > "$W/secret.txt"
start_preview "$W/deck.xml" "$W/out" || { fail "server did not start"; finish; }
port=${base##*:}

# Links inside the output folder: two lead out, one stays in.
ln -s ../secret.txt "$W/out/escape.txt"
ln -s /etc/passwd "$W/out/passwd"
ln -s .. "$W/out/parent"
ln -s slides/01.png "$W/out/alias.png"

status() { curl -s --path-as-is -o "$TMP/body" -w '%{http_code}' "$@"; }

# Allowed.
[ "$(status "$base/out/slides/01.png")" = 200 ] && cmp -s "$TMP/body" "$W/out/slides/01.png" \
  && ok "slide PNG served byte for byte" || fail "slide PNG"
ctype=$(curl -s -o /dev/null -w '%{content_type}' "$base/out/handout.pdf")
[ "$ctype" = "application/pdf" ] && ok "handout.pdf as application/pdf" || fail "handout content type $ctype"
[ "$(status "$base/out/alias.png")" = 200 ] && ok "a link that stays inside the folder is served" || fail "inside link refused"
[ "$(status "$base/")" = 200 ] && grep -q "EventSource" "$TMP/body" && ok "the page" || fail "the page"

# Refused: every way out of the folder.
for path in \
  "/out/../deck.xml" "/out/../secret.txt" "/out/slides/../../secret.txt" "/out/./slides/01.png" \
  "/out/%2e%2e/secret.txt" "/out/%2E%2E/secret.txt" "/out/..%2fsecret.txt" "/out/%2e%2e%2fsecret.txt" \
  "/out/slides/..%2f..%2fsecret.txt" "/out/%252e%252e/secret.txt" "/out//etc/passwd" "/out/%2fetc%2fpasswd" \
  "/out/escape.txt" "/out/passwd" "/out/parent/secret.txt" "/out/parent/deck.xml" "/out/" "/out/slides" \
  "/out/%00" "/out/slides/01.png%00.txt" "/deck.xml" "/../secret.txt" "/%2e%2e/secret.txt" "/etc/passwd"; do
  code=$(status "$base$path")
  if [ "$code" != 200 ] && ! grep -qE "SECRET-OUTSIDE|root:|<deck" "$TMP/body" 2>/dev/null; then
    ok "refused $path ($code)"
  else
    fail "served $path ($code)"
  fi
done

# Foreign Host header (a rebinding page) refused; loopback names accepted.
[ "$(status -H 'Host: attacker.example' "$base/api/deck")" = 403 ] && ok "foreign Host refused" || fail "foreign Host served"
[ "$(status -H "Host: localhost:$port" "$base/api/deck")" = 200 ] && ok "Host localhost accepted" || fail "localhost refused"

# Listens on loopback only.
if command -v ss >/dev/null; then
  ss -ltn | awk '{print $4}' | grep -q "^127.0.0.1:$port$" && ! ss -ltn | awk '{print $4}' | grep -qE "^(0.0.0.0|\*|\[::\]):$port$" \
    && ok "listens on 127.0.0.1 only" || fail "not bound to loopback only: $(ss -ltn | grep ":$port")"
fi

# The API: slides with index, id, title, png, notes; ok and errors.
curl -s "$base/api/deck" > "$TMP/deck.json"
python3 - "$TMP/deck.json" "$(slide_count "$DECK")" <<'PY' && ok "/api/deck lists every slide with notes" || fail "/api/deck"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["ok"] is True and d["errors"] == "", d
assert len(d["slides"]) == int(sys.argv[2]), len(d["slides"])
for i, s in enumerate(d["slides"]):
    assert s["index"] == i and s["id"] and s["png"].startswith("/out/slides/") and "?v=" in s["png"], s
assert any(s["notes"] for s in d["slides"])
assert d["handout"].startswith("/out/handout.pdf?v=")
PY
# Server-sent events: the current build is announced at once.
timeout 2 curl -sN "$base/events" > "$TMP/events" || true
grep -q '^event: build' "$TMP/events" && grep -q '^data: {"version":1' "$TMP/events" && ok "/events announces the build" \
  || fail "/events: $(head -c 200 "$TMP/events")"

# Port in use: a clear error and exit 3.
code=0; "$KS" watch "$W/deck.xml" -o "$TMP/out2" --serve "$port" > "$TMP/log2" 2>&1 || code=$?
[ "$code" -eq 3 ] && grep -q "cannot listen on 127.0.0.1:$port" "$TMP/log2" && ok "port in use: exit 3 with a message" \
  || fail "port in use: exit $code: $(cat "$TMP/log2")"

# Stops promptly even with a page's event stream open.
curl -sN "$base/events" > "$TMP/events" 2>&1 &
listener=$!
for _ in $(seq 50); do [ -s "$TMP/events" ] && break; sleep 0.1; done
# What is timed is a stop with a stream open: the stream has had its first event.
grep -q '^event:\|^data:' "$TMP/events" && ok "an event stream is open" || fail "no event stream open: the stop below is not the case it times"
start=$(date +%s%N)
kill -INT "$pid"; rc=0; wait "$pid" || rc=$?
took=$(( ($(date +%s%N) - start) / 1000000 ))
kill "$listener" 2>/dev/null || true
[ "$rc" -eq 0 ] && ok "SIGINT with the server running: exit 0" || fail "exit status $rc"
[ "$took" -lt 3000 ] && ok "stopped in $took ms with an event stream open" || fail "stopping took $took ms"
finish
