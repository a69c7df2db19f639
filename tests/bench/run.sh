#!/bin/sh
# run.sh: every benchmark (make bench).  Each tests/bench/bench_*.sh prints its
# own table of ratios measured side by side in one run; none is a timed test.
# BENCH_ONLY=regex limits the run to bench_regex.sh.
cd "$(dirname "$0")/../.." || exit 2
for b in tests/bench/bench_*.sh; do
  [ -f "$b" ] || continue
  name=$(basename "$b" .sh); name=${name#bench_}
  [ -n "$BENCH_ONLY" ] && [ "$BENCH_ONLY" != "$name" ] && continue
  echo "== bench $name"
  sh "$b" || echo "bench $name FAILED (exit $?)"
done
