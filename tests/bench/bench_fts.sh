#!/bin/sh
# bench_fts.sh: the paperext FTS5 tokenizer vs unicode61 and trigram
# (index size, build time, rows found vs LIKE, query time).  See bench_fts.py.
cd "$(dirname "$0")/../.." || exit 2
exec /usr/bin/python3 tests/bench/bench_fts.py ./paperext.so "${FTS_BENCH_ROWS:-50000}"
