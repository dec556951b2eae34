#!/usr/bin/env bash
# A full disk: the build fails with the system's reason ("No space left on
# device"), leaves no temporary behind (not even .journal.tmp-…), and the
# previous output stands. Needs a private tmpfs (unshare -m, as root);
# skipped elsewhere.
source "$(dirname "$0")/lib.sh"
_seen=0
ok_if() { [ "$failures" -eq "$_seen" ] && ok "$@"; _seen=$failures; }  # ok only when this part passed
if ! unshare -m true 2>/dev/null; then echo "skip: no mount namespace here"; finish; exit 0; fi

cat > "$TMP/deck.xml" <<'XML'
<deck lang="ja"><meta><title>満杯</title><date>2025-01-01</date></meta>
<slide id="a"><title>一枚目</title><p>本文</p></slide>
<slide id="b"><title>二枚目</title><p>本文</p></slide></deck>
XML
# Only the slide ids change: the same files, new labels, so the only thing
# the second build writes is its journal.
sed 's/id="a"/id="a2"/; s/id="b"/id="b2"/' "$TMP/deck.xml" > "$TMP/deck2.xml"
# A deck whose outputs do not fit at all.
python3 - "$TMP/big.xml" <<'PY'
import sys
slides = "".join('<slide id="s%d"><title>%d 枚目</title><p>%s</p></slide>\n' % (i, i, "本文" * 80) for i in range(40))
open(sys.argv[1], "w").write('<deck lang="ja"><meta><title>大</title></meta>\n%s</deck>\n' % slides)
PY
unshare -m bash -s "$KS" "$TMP" > "$TMP/log" 2>&1 <<'SH'
KS=$1; T=$2
mkdir -p "$T/full" && mount -t tmpfs -o size=2m tmpfs "$T/full" || exit 9
O="$T/full/out"
"$KS" build "$T/deck.xml" -o "$O" -q --scale 0.25 || echo "FIRST BUILD FAILED"
(cd "$O" && find . -type f ! -path './.kamishibai/*' | sort | xargs sha256sum) > "$T/before.sha"
head -c 3000000 /dev/zero > "$T/full/filler" 2>/dev/null
"$KS" build "$T/deck2.xml" -o "$O" --scale 0.25 2> "$T/journal.err"; echo "journal rc=$?"
ls -A "$O/.kamishibai" > "$T/state.ls"; ls -A "$O/.kamishibai/tmp" > "$T/tmp.ls"
(cd "$O" && find . -type f ! -path './.kamishibai/*' | sort | xargs sha256sum) > "$T/after.sha"
rm "$T/full/filler"
head -c 1500000 /dev/zero > "$T/full/filler" 2>/dev/null
"$KS" build "$T/big.xml" -o "$O" --scale 1 2> "$T/big.err"; echo "big rc=$?"
ls -A "$O/.kamishibai/tmp" > "$T/tmp2.ls"
umount "$T/full"
SH
grep -q "FIRST BUILD FAILED" "$TMP/log" && fail "the first build did not fit: $(cat "$TMP/log")"
grep -q "journal rc=3" "$TMP/log" || fail "a full disk at the journal: $(cat "$TMP/log") $(cat "$TMP/journal.err")"
grep -q "No space left on device" "$TMP/journal.err" || fail "the message lacks the reason: $(cat "$TMP/journal.err")"
grep -q "journal" "$TMP/state.ls" && fail "a journal temporary leaked: $(cat "$TMP/state.ls")"
[ ! -s "$TMP/tmp.ls" ] || fail "temporaries left: $(cat "$TMP/tmp.ls")"
cmp -s "$TMP/before.sha" "$TMP/after.sha" || fail "the previous output changed"
ok_if "a full disk at the journal: the reason is named, nothing leaks, the previous output stands"
grep -q "big rc=3" "$TMP/log" && grep -q "No space left on device" "$TMP/big.err" ||
  fail "a full disk while exporting: $(cat "$TMP/big.err")"
[ ! -s "$TMP/tmp2.ls" ] || fail "temporaries left after a failed export: $(cat "$TMP/tmp2.ls")"
ok_if "a full disk while exporting names the reason and leaves no temporaries"
finish
