#!/usr/bin/env bash
# One hash for the whole project: the FNV constants appear in util/hash.h only,
# so no file carries its own copy of the hash loop.
source "$(dirname "$0")/lib.sh"
copies=$(grep -rlniE '0x100000001b3|1099511628211|cbf29ce484222325|1469598103934665603' "$ROOT/src" \
  | grep -v "/src/util/hash.h$" || true)
[ -z "$copies" ] && ok "the FNV constants live in util/hash.h only" || fail "own copies of the hash in: $copies"
# The check can fail: a probe file with its own copy is found.
mkdir -p "$TMP/src"
printf 'unsigned long long h = 1469598103934665603ull;\n' > "$TMP/src/probe.cpp"
grep -rlniE '1469598103934665603' "$TMP/src" | grep -q probe.cpp && ok "a copy is caught" || fail "a copy is not caught"
finish
