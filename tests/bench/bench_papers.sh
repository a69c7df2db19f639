#!/bin/sh
# bench_papers.sh: the papers database's import at scale (bench_papers.py).
# Generated bibliographies (gen_papers.py) are kept in build/bench/papers/.
cd "$(dirname "$0")/../.." || exit 2
B=build/bench/papers
mkdir -p "$B"
[ -f "$B/base100k.bib" ] || /usr/bin/python3 tests/bench/gen_papers.py "$B/base100k.bib" 100000 1 || exit 1
[ -f "$B/new10k.bib" ] || /usr/bin/python3 tests/bench/gen_papers.py "$B/new10k.bib" 10000 2 || exit 1
exec /usr/bin/python3 tests/bench/bench_papers.py ./paperext.so "$B"
