# check.sh (sourced): the pass/fail count of a client test.
#   check_name=packages; . tests/clients/lib/check.sh
#   check WHAT GOT WANT          # equal: a pass; else a FAIL line with both
#   check_done                   # "<name>: N passed, N failed"; status 1 on a failure
pass=0 fail=0
check(){
  if [ "$2" = "$3" ]; then pass=$((pass+1))
  else fail=$((fail+1)); printf 'FAIL %s: %s\n  want: %s\n  got:  %s\n' "$check_name" "$1" "$3" "$2"; fi
}
check_done(){
  echo "$check_name: $pass passed, $fail failed"
  [ "$fail" -eq 0 ]
}
