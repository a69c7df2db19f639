#!/bin/sh
# check_generated.sh: every generated table is what its generator makes from
# the committed data (make check-generated; run by make test).  Each
# ext/<module>/gen/*.py is run with --check: it writes nothing and fails when
# the committed *_generated.* file differs.
cd "$(dirname "$0")/.." || exit 2
pass=0; fail=0
for g in ext/*/gen/*.py; do
  if /usr/bin/python3 "$g" --check; then pass=$((pass+1)); else fail=$((fail+1)); fi
done
echo "generated: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
