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
png_size() { python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); print("%dx%d" % struct.unpack(">II", d[16:24]))' "$1"; }
