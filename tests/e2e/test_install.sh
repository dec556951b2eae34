#!/usr/bin/env bash
# `cmake --install` into a temporary prefix, the prefix then moved elsewhere
# (relocatable), and the seed deck built by the installed binary from another
# directory with KAMISHIBAI_DATA_DIR unset: it finds its data under
# PREFIX/share/kamishibai and never opens a file of the source tree (strace).
source "$(dirname "$0")/lib.sh"
BUILD_DIR=$(cd "$(dirname "$KS")" && pwd)
unset KAMISHIBAI_DATA_DIR

cmake --install "$BUILD_DIR" --prefix "$TMP/prefix" >"$TMP/install.log" 2>&1 || { fail "install: $(cat "$TMP/install.log")"; finish; }
for f in bin/kamishibai share/kamishibai/layouts/briefing.xml share/kamishibai/fonts/fonts.conf; do
  [ -e "$TMP/prefix/$f" ] && ok "installed $f" || fail "not installed: $f"
done
mv "$TMP/prefix" "$TMP/moved"   # the install is relocatable
P="$TMP/moved"

mkdir -p "$TMP/work"
cp "$DECK" "$TMP/work/deck.xml"
cd "$TMP/work"

v=$("$P/bin/kamishibai" --version)
echo "$v" | grep -qx "data: $P/share/kamishibai" && ok "the installed binary uses its own data ($P/share/kamishibai)" \
  || fail "--version reports: $v"
v=$(KAMISHIBAI_DATA_DIR="$ROOT" "$P/bin/kamishibai" --version)
echo "$v" | grep -qx "data: $ROOT" && ok "KAMISHIBAI_DATA_DIR still overrides" || fail "override: $v"

run_build() { "$P/bin/kamishibai" build deck.xml -o out -q; }
if command -v strace >/dev/null && strace -f -qq -e trace=open,openat -o "$TMP/trace" true 2>/dev/null; then
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" strace -f -qq -e trace=open,openat -o "$TMP/trace" "$P/bin/kamishibai" build deck.xml -o out -q \
    && ok "installed binary builds the seed deck" || fail "installed build failed"
  leaked=$(grep -F "\"$ROOT/" "$TMP/trace" | head -3 || true)
  [ -z "$leaked" ] && ok "no file of the source tree opened" || fail "opened the source tree: $leaked"
  grep -qF "\"$P/share/kamishibai/layouts/briefing.xml\"" "$TMP/trace" && ok "layouts read from the prefix" \
    || fail "layouts not read from the prefix"
else
  run_build && ok "installed binary builds the seed deck" || fail "installed build failed"
fi
[ "$(pdf_pages out/slides.pdf)" = "$(slide_count deck.xml)" ] && ok "slides.pdf has every slide" || fail "slides.pdf pages"
[ -s out/handout.pdf ] && ok "handout.pdf written" || fail "no handout.pdf"
module=$(find "$P" -name pdf_tagging.so -path '*/kamishibai/*' | head -1)
[ -n "$module" ] && ok "the PDF module is installed (${module#$P/})" || fail "no pdf_tagging.so under $P"
find "$P" -name preview_server.so -path '*/kamishibai/*' | grep -q . && ok "the preview module is installed" \
  || fail "no preview_server.so under $P"
if [ -n "$module" ] && command -v strace >/dev/null; then
  grep -qF "\"$module\"" "$TMP/trace" && ok "the PDF module was loaded from the prefix" || fail "module not loaded from the prefix"
fi

# A broken install without its PDF module: building is an error that names
# the file and says what to do (not a crash); check needs no module.
[ -n "$module" ] && rm "$module"
code=0
"$P/bin/kamishibai" build deck.xml -o out-nomodule -q >"$TMP/err" 2>&1 || code=$?
[ "$code" -ge 1 ] && [ "$code" -lt 128 ] && grep -qF "pdf_tagging.so" "$TMP/err" && grep -q "reinstall" "$TMP/err" \
  && ok "a missing module is a clear error (exit $code): $(head -c 160 "$TMP/err")" \
  || fail "missing module (exit $code): $(cat "$TMP/err")"
"$P/bin/kamishibai" check deck.xml >/dev/null 2>&1 && ok "check runs without the module" || fail "check needs the module"

# Without data anywhere (a broken install), the error names where it looked.
rm -rf "$P/share"
if "$P/bin/kamishibai" build deck.xml -o out2 >"$TMP/err" 2>&1; then
  fail "built without any data"
else
  grep -qF "$P/share/kamishibai" "$TMP/err" && ok "a missing data dir is reported with its path" \
    || fail "unclear error without data: $(cat "$TMP/err")"
fi
finish
