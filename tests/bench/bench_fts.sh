#!/bin/sh
# bench_fts.sh: the paperext FTS5 tokenizer vs unicode61 and trigram (index
# size, build time, rows found vs LIKE, query time), see bench_fts.py.  Three
# corpus shapes: Chinese written as it is (clauses, the main one), Chinese
# words separated by spaces, and Chinese drawn from 300 fixed sentences (the
# last two are the cases most favourable to unicode61).
cd "$(dirname "$0")/../.." || exit 2
for shape in ${FTS_BENCH_SHAPES:-clauses spaced templated}; do
  echo "-- corpus shape: $shape"
  FTS_BENCH_SHAPE=$shape /usr/bin/python3 tests/bench/bench_fts.py ./paperext.so "${FTS_BENCH_ROWS:-50000}" || exit 1
done
