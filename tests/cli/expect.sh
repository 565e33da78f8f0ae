# Sourced by the CLI tests: `expect CODE PATTERN -- command...` runs the command
# and checks its exit code and an extended-regex pattern in its stderr or
# stdout, counting into $passes / $fails; needs $tmp (a scratch folder).
expect() {
  local code=$1 pat=$2; shift 3
  "$@" >"$tmp/out" 2>"$tmp/err"; local rc=$?
  if [ "$rc" -ne "$code" ] || ! grep -qE -- "$pat" "$tmp/err" "$tmp/out"; then
    echo "FAIL: $* -> exit $rc (want $code), output lacks /$pat/"; sed 's/^/  | /' "$tmp/err" | head -5; fails=$((fails+1))
  else passes=$((passes+1)); fi
}
