# Shared helpers for the end-to-end tests. Usage in a test:
#   source "$(dirname "$0")/lib.sh"   (with $1 = kamishibai binary, $2 = repo root)
set -euo pipefail
KS=$1
ROOT=$2
DECK="$ROOT/content/deck.xml"
SEED="$ROOT/tests/fixtures/seed_report.md"  # copy of ../shared/seeds/000_16cc2246a9eab2d5.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { echo "ok: $*"; }
finish() { [ "$failures" -eq 0 ] || { echo "$failures check(s) failed" >&2; exit 1; }; }

pdf_pages() { pdfinfo "$1" | awk '/^Pages:/ {print $2}'; }
slide_count() { grep -o '<slide[ >]' "$1" | wc -l; }
# A small solid PNG (16x9) at FILE, any name: tiny_png FILE [R G B].
tiny_png() {
  python3 - "$1" "${2:-0}" "${3:-120}" "${4:-200}" <<'PY'
import struct, sys, zlib
w, h = 16, 9
raw = b"".join(b"\0" + bytes(int(c) for c in sys.argv[2:5]) * w for _ in range(h))
chunk = lambda t, d: struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
open(sys.argv[1], "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                              + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
PY
}
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }

# Starts `kamishibai watch OUTLINE -o OUT --serve 0` in the background and
# waits for its first build: sets $pid and $base (http://127.0.0.1:PORT);
# the watcher is killed on exit. Logs to $TMP/log.
start_preview() {
  "$KS" watch "$1" -o "$2" --serve 0 > "$TMP/log" 2>&1 &
  pid=$!
  trap 'kill "$pid" 2>/dev/null || true; rm -rf "$TMP"' EXIT
  base=""
  for _ in $(seq 1 100); do
    base=$(grep -o 'http://127.0.0.1:[0-9]*' "$TMP/log" | head -1 || true)
    [ -n "$base" ] && grep -q '\] built' "$TMP/log" && return 0
    sleep 0.1
  done
  cat "$TMP/log"
  return 1
}

# The builds a watcher logging to $TMP/log has reported; wait_watch_builds N
# waits (up to 20 s) until there are at least N.
watch_builds() { grep -c -E '\] (built|build failed)' "$TMP/log" || true; }
wait_watch_builds() {
  for _ in $(seq 1 200); do [ "$(watch_builds)" -ge "$1" ] && return 0; sleep 0.1; done
  cat "$TMP/log"; return 1
}
