#!/usr/bin/env bash
# Preview first: in `watch --serve`, a save's changed slide image reaches the
# page from memory before the output folder is committed. The event stream
# carries one "preview" event per redrawn slide — naming only the slide that
# changed — before the build's own "build" event; /preview/HASH.png serves
# exactly the bytes the commit then puts into the output folder, and HASH is
# the key /api/deck gives that slide afterwards. A page that connects later
# is not sent old previews. The first build sends none.
source "$(dirname "$0")/lib.sh"

W=$TMP/deck
mkdir -p "$W"
cp "$DECK" "$W/deck.xml"
start_preview "$W/deck.xml" "$W/out" || { fail "watch --serve did not start"; finish; }
curl -sN "$base/events" > "$TMP/events" &
curl_pid=$!
trap 'kill "$pid" "$curl_pid" 2>/dev/null || true; rm -rf "$TMP"' EXIT
sleep 0.3  # the stream is open

builds() { grep -c '^event: build' "$TMP/events" || true; }
wait_builds() {
  for _ in $(seq 1 100); do [ "$(builds)" -ge "$1" ] && return 0; sleep 0.1; done
  return 1
}
save() {  # sed expression: written to a temporary and renamed, as editors do
  sed "$1" "$W/deck.xml" > "$W/deck.xml.tmp" && mv "$W/deck.xml.tmp" "$W/deck.xml"
}
# The events as JSON lines: {"event": ..., "data": {...}}
events_json() {
  python3 - "$TMP/events" <<'PY'
import json, sys
event = None
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.rstrip("\n")
    if line.startswith("event: "): event = line[7:]
    elif line.startswith("data: "): print(json.dumps({"event": event, "data": json.loads(line[6:])}))
PY
}
# Checks the events after the first N build events: one preview naming slide
# index $2, then the build; the preview's image is the committed file.
check_edit() {  # builds-before index png what
  local n=$1 index=$2 png=$3 what=$4
  local got
  got=$(events_json | python3 -c '
import json, sys
n = int(sys.argv[1])
events = [json.loads(l) for l in sys.stdin]
builds = [i for i, e in enumerate(events) if e["event"] == "build"]
after = events[builds[n - 1] + 1:builds[n] + 1] if len(builds) > n else []
print(" ".join(e["event"] + ":" + str(e["data"].get("index", "")) for e in after))
print(next((e["data"]["hash"] for e in after if e["event"] == "preview"), ""))' "$n")
  local order=${got%%$'\n'*} hash=${got##*$'\n'}
  [ "$order" = "preview:$index build:" ] && ok "$what: one preview event, naming slide index $index, before the build event" \
    || fail "$what: events after build $n: '$order'"
  [ -n "$hash" ] || return 0
  curl -sf "$base/preview/$hash.png" -o "$TMP/preview.png" || { fail "$what: /preview/$hash.png not served"; return 0; }
  cmp -s "$TMP/preview.png" "$W/out/slides/$png" && ok "$what: the preview image is the committed $png, byte for byte" \
    || fail "$what: the preview image differs from $png"
  curl -sf "$base/api/deck" | python3 -c 'import json,sys; d=json.load(sys.stdin); sys.exit(d["slides"][int(sys.argv[1])]["hash"] != sys.argv[2])' \
    "$index" "$hash" && ok "$what: /api/deck gives the slide the preview's key" || fail "$what: /api/deck key differs"
}

wait_builds 1 || fail "no build event for the first build"
[ "$(grep -c '^event: preview' "$TMP/events" || true)" -eq 0 ] && ok "first build: no preview events" \
  || fail "first build sent previews"

save 's|S3</b>: 400兆|S3</b>: 500兆|'
wait_builds 2 || fail "no build event after the first edit"
check_edit 1 10 11.png "edit of slide 11"

save 's|<title>2. セッションサマリー</title>|<title>2. 要旨</title>|'
wait_builds 3 || fail "no build event after the second edit"
check_edit 2 3 04.png "edit of slide 4"

# A page connecting now gets no old previews, only what comes next.
curl -sN "$base/events" > "$TMP/late" &
late_pid=$!
sleep 0.3
save 's|S3</b>: 500兆|S3</b>: 600兆|'
wait_builds 4 || fail "no build event after the third edit"
sleep 0.3
kill "$late_pid" 2>/dev/null || true
late=$(grep '^event:' "$TMP/late" | tr '\n' ' ')
# (the stream opens with the current state's build event, as before)
[ "$late" = "event: build event: preview event: build " ] && ok "a page that connects later gets only new previews" \
  || fail "late page got: $late"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/preview/0123456789abcdef.png")" = 404 ] \
  && ok "an unknown preview is 404" || fail "unknown preview served"

kill -TERM "$pid"; rc=0; wait "$pid" || rc=$?
[ "$rc" -eq 0 ] && ok "SIGTERM: watcher exits 0" || fail "watcher exit status $rc"
[ "$failures" -eq 0 ] || { echo "--- watch log"; cat "$TMP/log"; echo "--- events"; cat "$TMP/events"; }
finish
