#!/usr/bin/env bash
# The output folder's state files are not trusted: a journal or manifest that
# names a path outside OUT (.., an absolute path, an empty component, a path
# through a symbolic link) is foreign. kamishibai reports it, naming the file
# and the line, and acts on none of it: the victim files outside OUT survive.
# --recover sets the foreign state aside and builds.
source "$(dirname "$0")/lib.sh"
_seen=0
ok_if() { [ "$failures" -eq "$_seen" ] && ok "$@"; _seen=$failures; }  # ok only when this part passed

cat > "$TMP/deck.xml" <<'XML'
<deck lang="ja"><meta><title>状態</title></meta>
<slide id="a"><title>一枚目</title><p>本文</p></slide>
<slide id="b"><title>二枚目</title><p>本文</p></slide></deck>
XML
run() { "$KS" build "$TMP/deck.xml" --scale 0.25 -q -j 2 "$@"; }
run -o "$TMP/ref" || fail "reference build"

victims() {  # victim files outside the output folder, and their sums
  mkdir -p "$TMP/w/elsewhere"
  echo "victim" > "$TMP/w/victim.txt"
  echo "abs victim" > "$TMP/w/elsewhere/abs.txt"
  echo "moved victim" > "$TMP/w/file"
}
attack() {  # name, journal or manifest, its text (printf format)
  local name=$1 which=$2 text=$3
  rm -rf "$TMP/w" && mkdir -p "$TMP/w" && victims
  cp -a "$TMP/ref" "$TMP/w/out"
  mkdir -p "$TMP/w/out/.kamishibai/tmp"
  # shellcheck disable=SC2059
  printf "$text" > "$TMP/w/out/.kamishibai/$which"
  set +e; run -o "$TMP/w/out" 2> "$TMP/err"; rc=$?; set -e
  [ -f "$TMP/w/victim.txt" ] && [ "$(cat "$TMP/w/victim.txt")" = victim ] || fail "$name: ../victim.txt touched"
  [ -f "$TMP/w/elsewhere/abs.txt" ] || fail "$name: the absolute path was deleted"
  [ -f "$TMP/w/file" ] && [ "$(cat "$TMP/w/file")" = "moved victim" ] || fail "$name: ../file was moved"
  [ $rc -ne 0 ] || fail "$name: a foreign $which was accepted (exit 0)"
  grep -q "$TMP/w/out/.kamishibai/$which:[0-9]*: error: .*not kamishibai's" "$TMP/err" ||
    fail "$name: the message does not name the file and line: $(cat "$TMP/err")"
  ok_if "$name: refused, nothing outside the folder touched"
}
A=$TMP/w/elsewhere/abs.txt
attack "journal delete ../victim.txt" journal 'kamishibai-journal 1\ndelete\t../victim.txt\nend\n'
attack "journal delete /abs/path" journal "kamishibai-journal 1\ndelete\t$A\nend\n"
attack "journal rename ../file" journal 'kamishibai-journal 1\nrename\t../file\tslides/99.png\nend\n'
attack "journal rename onto ../victim.txt" journal 'kamishibai-journal 1\nrename\t.kamishibai/tmp/x\t../victim.txt\nend\n'
attack "journal delete a//b" journal 'kamishibai-journal 1\ndelete\tslides//01.png\nend\n'
attack "journal own ../victim.txt" journal 'kamishibai-journal 1\nown\t7\t0\t../victim.txt\nend\n'
attack "manifest owns ../victim.txt" manifest 'kamishibai-manifest 1\n7\t0\t../victim.txt\n'
attack "manifest v2 owns ../victim" manifest 'kamishibai-manifest 2\n7\t0\t0\t\t\t../victim.txt\nend\t0\n'
attack "manifest owns /abs" manifest "kamishibai-manifest 1\n11\t0\t$A\n"

# A symlinked parent: OUT/slides is a link to a folder outside.
rm -rf "$TMP/w" && mkdir -p "$TMP/w/outside" && cp -a "$TMP/ref" "$TMP/w/out"
echo "victim" > "$TMP/w/outside/01.png"
mv "$TMP/w/out/slides" "$TMP/w/out/slides.real" && ln -s ../outside "$TMP/w/out/slides"
printf 'kamishibai-journal 1\ndelete\tslides/01.png\nend\n' > "$TMP/w/out/.kamishibai/journal"
set +e; run -o "$TMP/w/out" 2> "$TMP/err"; rc=$?; set -e
[ -f "$TMP/w/outside/01.png" ] || fail "symlinked parent: a file outside was deleted through OUT/slides"
[ $rc -ne 0 ] && grep -q "journal:2: error" "$TMP/err" || fail "symlinked parent: $(cat "$TMP/err")"
ok_if "a journal path through a symbolic link is refused"

# The way out: --recover sets the foreign state aside, builds, and touches
# nothing outside.
rm -rf "$TMP/w" && mkdir -p "$TMP/w" && victims && cp -a "$TMP/ref" "$TMP/w/out"
printf 'kamishibai-journal 1\ndelete\t../victim.txt\nend\n' > "$TMP/w/out/.kamishibai/journal"
run -o "$TMP/w/out" 2> "$TMP/err" && fail "foreign journal accepted"
grep -q -- "--recover" "$TMP/err" || fail "the message does not name the way out (--recover)"
run -o "$TMP/w/out" --recover || fail "--recover did not build"
[ -f "$TMP/w/victim.txt" ] || fail "--recover deleted the victim"
run -o "$TMP/w/out" || fail "the build after --recover failed"
ok_if "--recover sets foreign state aside and the folder builds again"
finish
