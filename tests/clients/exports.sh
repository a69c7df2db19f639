#!/bin/sh
# exports.sh: what paperext.so shows the process that loads it.
#  1. It exports exactly one symbol, its entry point, so loading it (SQLite
#     uses RTLD_GLOBAL) can clash with no other library.
#  2. It has no global mutable state: the only writable variable of its own
#     (.data or .bss; tables live in .rodata / .data.rel.ro) is sqlite3_api,
#     the pointer every loadable extension keeps.  One connection per thread
#     is then safe by construction (tests/threads.c checks it under TSan).
cd "$(dirname "$0")/../.." || exit 2
pass=0; fail=0
syms=$(nm -D --defined-only paperext.so | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sort | tr '\n' ' ')
if [ "$syms" = "sqlite3_paperext_init " ]; then pass=$((pass+1))
else fail=$((fail+1)); echo "FAIL: paperext.so exports: $syms"; fi
# objects in .data/.bss, less the toolchain's own (__dso_handle, __TMC_END__, completed.0)
writable=$(objdump -t paperext.so | awk '($4==".data" || $4==".bss") && $3=="O" {print $NF}' \
  | grep -v -e '^__dso_handle$' -e '^__TMC_END__$' -e '^completed\.' | sort | tr '\n' ' ')
if [ "$writable" = "sqlite3_api " ]; then pass=$((pass+1))
else fail=$((fail+1)); echo "FAIL: writable globals in paperext.so: $writable"; fi
echo "exports: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
