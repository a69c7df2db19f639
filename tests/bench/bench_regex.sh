#!/bin/sh
# bench_regex.sh: regex search speed, as ratios to a plain instr() scan,
# measured side by side in one run (make bench, or BENCH_ONLY=regex make bench).
#
# It installs what it compares against: Debian's sqlite3-pcre (apt) and
# sqlite-regex (npm, a prebuilt loadable library, into build/bench/npm), and
# builds three bench-only libraries: a do-nothing regexp() (noop_ext.c),
# paperext with its pattern cache turned off (PE_REGEX_CACHE_SIZE=0), to
# measure what the cache saves when patterns change from row to row, and
# paperext without its start-up scans (PE_REGEX_NO_SHORTCUTS), to measure
# what they add to PCRE2's JIT.
# The table of 1,000,000 notes is generated once (gen_regex_notes.py, fixed seed).
cd "$(dirname "$0")/../.." || exit 2
B=build/bench
mkdir -p "$B/nocache" "$B/npm"
CC=${CC:-cc}

if [ ! -f /usr/lib/sqlite3/pcre.so ]; then
  echo "bench: installing sqlite3-pcre (apt)"
  DEPS="/usr/lib/sqlite3/pcre.so:sqlite3-pcre" sh tests/deps.sh || exit 1
fi
REGEX0=$B/npm/node_modules/sqlite-regex-linux-x64/lib/regex0.so
if [ ! -f "$REGEX0" ] && ! command -v npm >/dev/null 2>&1; then
  echo "bench: installing npm (apt)"
  DEPS="npm:npm" sh tests/deps.sh || true
fi
if [ ! -f "$REGEX0" ]; then
  echo "bench: installing sqlite-regex (npm) into $B/npm"
  (cd "$B/npm" && npm install --no-audit --no-fund --silent --prefix . sqlite-regex >/dev/null) ||
    echo "bench: npm install sqlite-regex failed; its column will be empty"
fi

PCRE_CFLAGS=$(pkg-config --cflags libpcre2-8 libutf8proc sqlite3)
PCRE_LIBS=$(pkg-config --libs libpcre2-8 libutf8proc)
EXT_SRC=$(make -s print-ext-src)
$CC -O2 -fPIC -shared -o "$B/noopext.so" tests/bench/noop_ext.c || exit 1
# -Bsymbolic: SQLite loads extensions RTLD_GLOBAL, and without it this copy
# would call the cached functions of the paperext.so loaded before it.
# shellcheck disable=SC2086
$CC -std=gnu11 -O2 -fPIC -shared -Wl,-Bsymbolic -DPE_REGEX_CACHE_SIZE=0 -Iext $PCRE_CFLAGS \
  -o "$B/nocache/paperext.so" $EXT_SRC $PCRE_LIBS || exit 1
# ... and with no start-up scans of its own (literals, literal sets, ASCII
# skipping, anchors): PCRE2's JIT alone, with the same caching.
mkdir -p "$B/plain"
# shellcheck disable=SC2086
$CC -std=gnu11 -O2 -fPIC -shared -Wl,-Bsymbolic -DPE_REGEX_NO_SHORTCUTS -Iext $PCRE_CFLAGS \
  -o "$B/plain/paperext.so" $EXT_SRC $PCRE_LIBS || exit 1

if [ ! -f "$B/notes.db" ] || [ tests/bench/gen_regex_notes.py -nt "$B/notes.db" ]; then
  echo "bench: generating $B/notes.db (1,000,000 notes)"
  /usr/bin/python3 tests/bench/gen_regex_notes.py "$B/notes.db.tmp" 1000000 &&
    mv "$B/notes.db.tmp" "$B/notes.db" || exit 1
fi

exec /usr/bin/python3 tests/bench/bench_regex.py "$B/notes.db" ./paperext.so \
  "$B/nocache/paperext.so" "$B/plain/paperext.so" "$B/noopext.so" /usr/lib/sqlite3/pcre.so "$REGEX0"
