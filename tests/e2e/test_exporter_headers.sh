#!/usr/bin/env bash
# Every exporter header reaches (transitively, as the compiler sees it) only
# frame/, util/, diag/ and its own folder: never model/, handout/, layout/,
# text/ or the library headers of another backend. So an exporter depends on
# the Document contract alone (docs/ARCHITECTURE.md).
source "$(dirname "$0")/lib.sh"
CXX=${CXX:-c++}
command -v "$CXX" >/dev/null || { echo "no C++ compiler; skipped"; exit 0; }

# The headers a header pulls in, one a line (-MG: a library header that is not
# on the include path is listed by name instead of failing).
FLAGS=$(pkg-config --cflags freetype2 2>/dev/null || true)
deps() {
  # shellcheck disable=SC2086
  "$CXX" -std=c++20 -x c++ -M -MG -I"$ROOT/src" $FLAGS "$1" 2>"$TMP/err" | tr ' \\' '\n\n' | sed '/^$/d' | tail -n +2
}

checked=0
for backend in cairo pdf dump pptx; do
  case $backend in
    cairo) foreign='hpdf' ;;
    pdf)   foreign='cairo|pango' ;;
    dump)  foreign='cairo|pango|hpdf' ;;
    pptx)  foreign='cairo|pango|hpdf' ;;
  esac
  for h in "$ROOT"/src/export/$backend/*.h; do
    name=${h#"$ROOT/src/"}
    d=$(deps "$h") || { fail "$name does not preprocess: $(cat "$TMP/err")"; continue; }
    [ -n "$d" ] || { fail "$name: no dependencies listed"; continue; }
    checked=$((checked + 1))
    bad=$(echo "$d" | grep -E "/src/(model|handout|layout|text|outline|theme|app)/" || true)
    [ -z "$bad" ] && ok "$name reaches no model/handout/layout/text header" || fail "$name reaches: $bad"
    other=$(echo "$d" | grep -E "/src/export/" | grep -v "/src/export/$backend/" || true)
    [ -z "$other" ] && ok "$name reaches no other exporter" || fail "$name reaches: $other"
    lib=$(echo "$d" | sed 's#.*/##' | grep -E "^($foreign)" || true)
    [ -z "$lib" ] && ok "$name reaches no library header of another backend" || fail "$name reaches: $lib"
  done
done
[ "$checked" -ge 5 ] || fail "only $checked exporter headers checked"

# The check itself can fail: a header that includes the model is caught.
mkdir -p "$TMP/src/export/pdf"
printf '#include "model/deck.h"\n' > "$TMP/src/export/pdf/probe.h"
probe=$(deps "$TMP/src/export/pdf/probe.h")
echo "$probe" | grep -q "/src/model/deck.h" && ok "the check sees a model include" \
  || fail "the check does not see a model include"
finish
