#!/bin/sh
# exports.sh: paperext.so exports exactly one symbol, its entry point, so
# loading it (SQLite uses RTLD_GLOBAL) can clash with no other library.
cd "$(dirname "$0")/../.." || exit 2
syms=$(nm -D --defined-only paperext.so | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | sort | tr '\n' ' ')
if [ "$syms" = "sqlite3_paperext_init " ]; then
  echo "exports: 1 passed, 0 failed"
else
  echo "FAIL: paperext.so exports: $syms"
  echo "exports: 0 passed, 1 failed"
  exit 1
fi
