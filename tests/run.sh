#!/bin/sh
# run.sh: the whole test suite, as `make test` runs it.
#   0. the source tree's rules (tests/layout.sh) and the generated tables
#      (tests/check_generated.sh: each regenerated, none may differ)
#   1. C unit tests of the pure cores
#   2. SQL tests through the loaded extension (tests/sql/*.test)
#   3. both again, built with AddressSanitizer + UndefinedBehaviorSanitizer
#   4. the SQL tests under valgrind memcheck
#   5. out of memory: every SQL test with the Nth allocation failing (ASan)
#   6. threads: 8 threads with a connection each run every SQL test (TSan)
#   7. fuzz: the seed corpora and past findings replayed (ASan), then a short
#      libFuzzer run of every harness
#   8. hostile sizes (tests/limits.sh): 20 MB texts, deep nesting, a million
#      tags, PCRE2's limits, no silent truncation (LIMITS=1: 400 MB texts);
#      growth (tests/complexity/): every function on adversarial shapes at n
#      and 4n, instructions counted by callgrind, none growing faster than
#      n log n
#   9. client tests (tests/clients/*.sh): Python, Node, sqlite-utils, the
#      table functions' arguments, the docs against the catalog
# Every part prints "... N passed, N failed"; the last line sums them.
cd "$(dirname "$0")/.." || exit 2
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0

part(){   # part NAME COMMAND...: run, show output, remember its counts
  name=$1; shift
  echo "== $name"
  out=$("$@" 2>&1); rc=$?
  echo "$out" | grep -av '^[a-z-]*: [0-9]* passed, [0-9]* failed$' | grep -av '^unit .*: [0-9]* passed' | sed -n '1,200p'
  line=$(echo "$out" | grep -aE '[0-9]+ passed, [0-9]+ failed' | awk '{p+=$(NF-3); f+=$(NF-1)} END {print p+0, f+0}')
  set -- $line
  p=${1:-0}; f=${2:-0}
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "   (exit code $rc)"; fi
  echo "   $name: $p passed, $f failed"
  echo "$p $f" >> "$log"
}

part "layout" sh tests/layout.sh
part "generated" sh tests/check_generated.sh
for t in build/plain/unit/test_*; do part "unit $(basename "$t")" "$t"; done
part "sql" build/plain/runner ./paperext.so tests/sql/*.test
for t in build/asan/unit/test_*; do part "asan unit $(basename "$t")" "$t"; done
part "asan sql" env ASAN_OPTIONS=detect_leaks=1 build/asan/runner build/asan/paperext.so tests/sql/*.test
part "valgrind sql" valgrind -q --error-exitcode=99 --leak-check=full \
  --suppressions=tests/valgrind.supp \
  --errors-for-leak-kinds=definite,indirect build/plain/runner ./paperext.so tests/sql/*.test
part "oom" env ASAN_OPTIONS=detect_leaks=1 build/asan/oom build/asan/paperext.so tests/sql/*.test
part "threads" env TSAN_OPTIONS=halt_on_error=1 build/tsan/threads build/tsan/paperext.so tests/sql/*.test
for r in build/asan/fuzz/replay_*; do
  n=${r##*/replay_}
  part "fuzz replay $n" env PAPEREXT_SO=build/asan/paperext.so "$r" tests/fuzz/corpus/$n tests/fuzz/regress/$n
done
for f in build/fuzz/fuzz_*; do
  n=${f##*/fuzz_}
  mkdir -p build/fuzz/corpus/$n
  part "fuzz smoke $n" sh -c "PAPEREXT_SO=build/fuzz/paperext.so $f -max_total_time=${FUZZ_SMOKE:-10} -timeout=10 -artifact_prefix=build/fuzz/ \
      build/fuzz/corpus/$n tests/fuzz/corpus/$n >build/fuzz/$n.log 2>&1 \
      && echo 'fuzz: 1 passed, 0 failed' || { tail -40 build/fuzz/$n.log; echo 'fuzz: 0 passed, 1 failed'; }"
done
# hostile sizes (texts of 20 MB; LIMITS=1: 400 MB, see tests/limits.sh)
part "limits" sh tests/limits.sh ./paperext.so
part "complexity" /usr/bin/python3 tests/complexity/complexity.py
for c in tests/clients/*.sh; do [ -f "$c" ] && part "client $(basename "$c" .sh)" sh "$c"; done

awk '{p+=$1; f+=$2} END {printf "%d passed, %d failed\n", p, f; exit (f>0)}' "$log"
