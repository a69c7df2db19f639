#!/bin/sh
# bench_normalize.sh: tags, titles and identifiers (issue 4): accuracy on the
# labeled sets of tests/data/, and the speed of tags_parse() and title_key()
# as ratios to lower() on the same 1,000,000 rows, measured side by side in
# one run, best of 3 (make bench, or BENCH_ONLY=normalize make bench).
# The rows are generated once (gen_normalize.py, fixed seed).
cd "$(dirname "$0")/../.." || exit 2
B=build/bench
mkdir -p "$B"
if [ ! -f "$B/normalize.db" ] || [ tests/bench/gen_normalize.py -nt "$B/normalize.db" ]; then
  echo "bench: generating $B/normalize.db (1,000,000 rows)"
  /usr/bin/python3 tests/bench/gen_normalize.py "$B/normalize.db.tmp" 1000000 &&
    mv "$B/normalize.db.tmp" "$B/normalize.db" || exit 1
fi
exec /usr/bin/python3 tests/bench/bench_normalize.py "$B/normalize.db" ./paperext.so
