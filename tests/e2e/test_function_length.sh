#!/usr/bin/env bash
# No function in src/ is over 100 lines (function_lengths.py: a brace-counting
# parser that blanks comments and literals first). A long function is a
# stage or a dispatch that wants splitting into named steps.
source "$(dirname "$0")/lib.sh"
CHECK="$ROOT/tests/e2e/function_lengths.py"
mapfile -t sources < <(find "$ROOT/src" -name '*.cpp' -o -name '*.h' | sort)
[ "${#sources[@]}" -gt 50 ] || fail "only ${#sources[@]} source files found"
if out=$(python3 "$CHECK" 100 "${sources[@]}"); then
  ok "no function over 100 lines in ${#sources[@]} files"
else
  fail "functions over 100 lines:"$'\n'"$out"
fi

# The check itself: a 101-line body is caught (with braces, strings and
# comments that must not confuse it), a 100-line one and a long table are not.
{
  echo 'namespace ks {'
  echo 'int long_one(int x) {'
  for i in $(seq 1 99); do echo "  x += $i; // } not a brace"; done
  echo '}'
  echo 'const char* fine() { return "{{{"; }'
  echo 'int short_one(int x) {'
  for i in $(seq 1 98); do echo "  x += '}' + $i;"; done
  echo '}'
  echo 'constexpr int kTable[] = {'
  for i in $(seq 1 150); do echo "  $i,"; done
  echo '};'
  echo '}'
} > "$TMP/probe.cpp"
out=$(python3 "$CHECK" 100 "$TMP/probe.cpp" || true)
echo "$out" | grep -q "probe.cpp:2: long_one is 101 lines" && ok "a 101-line function is caught" \
  || fail "a 101-line function is not caught: $out"
echo "$out" | grep -q "short_one\|fine\|kTable" && fail "false report: $out" || ok "no false report"
finish
