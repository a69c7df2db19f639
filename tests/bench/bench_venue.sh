#!/bin/sh
# bench_venue.sh: venue accuracy on the labeled set and venue_norm speed over
# 1,000,000 rows against lower(x) (see bench_venue.py).  BENCH_ROWS overrides.
cd "$(dirname "$0")/../.." || exit 2
exec /usr/bin/python3 tests/bench/bench_venue.py ./paperext.so "${BENCH_ROWS:-1000000}"
