#!/bin/sh
# packages.sh: every package `make dist` builds (packaging/README.md),
# installed from its file into a fresh place and used as a user would after
# a release (nothing is published; `make test` builds the packages first).
#  1. the shipped library (inside every package): needs nothing but libc
#     (PCRE2 and utf8proc linked in), exports only its entry point, passes
#     the SQL tests, and says the version every package carries
#  2. npm: the two .tgz installed offline into a fresh build/node/ folder;
#     better-sqlite3 12 (require and import) loads it, imports a list, queries
#  3. Python: the wheel installed into a fresh venv; sqlite3, apsw and
#     sqlite-utils load it, import a list, query
#  4. C: make install into a fresh PREFIX, and the static tarball unpacked:
#     a program linked with libpaperext.a (pkg-config) and libsqlite3 (shared,
#     or static too) imports and queries
#  5. make install DESTDIR=... installs exactly four files; make uninstall
#     removes exactly them
cd "$(dirname "$0")/../.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check_name=packages; . tests/clients/lib/check.sh
sub(){     # sub COMMAND...: a test program; its "N passed, N failed" count here
  out=$("$@" 2>&1); rc=$?
  echo "$out" | grep -av '[0-9]* passed, [0-9]* failed$'
  set -- $(echo "$out" | grep -aE '[0-9]+ passed, [0-9]+ failed$' | awk '{p+=$(NF-3); f+=$(NF-1)} END {print p+0, f+0}')
  pass=$((pass+$1)); fail=$((fail+$2))
  [ "$rc" -eq 0 ] || [ "$2" -gt 0 ] || { fail=$((fail+1)); echo "FAIL packages: exit code $rc"; }
}
# make from inside `make test`: a make of its own, not a sub-make of that one
mk(){ env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s --no-print-directory "$@"; }
v=$(mk print-version)
m=$(uname -m)
dist=build/dist lib=build/dist/lib/paperext.so
npm_plat=paperext-linux-$(node -p process.arch)
whl=$dist/paperext-$v-py3-none-linux_$m.whl
for f in "$dist/paperext-$v.tgz" "$dist/$npm_plat-$v.tgz" "$whl" \
         "$dist/paperext-$v-static-linux-$m.tar.gz" "$dist/paperext-$v-loadable-linux-$m.tar.gz"; do
  [ -f "$f" ] || { echo "packages: $f is missing (make dist)"; echo "packages: 0 passed, 1 failed"; exit 1; }
done

# 1. the shipped library
check "needs only libc" "$(readelf -d "$lib" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')" "libc.so.6 "
check "exports" "$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBRVW]$/ {print $3}' | tr '\n' ' ')" "sqlite3_paperext_init "
sub build/plain/runner "$lib" tests/sql/*.test
check "version" "$(sqlite3 :memory: -cmd ".load ${lib%.so}" "SELECT paperext_version()")" "$v"
check "loadable tarball" "$(tar -xzOf "$dist/paperext-$v-loadable-linux-$m.tar.gz" paperext.so | cmp - "$lib" && echo same)" same

# 2. npm, into a fresh folder below build/node/ (better-sqlite3 is cached in build/node/)
. tests/clients/lib/better_sqlite3.sh
need_better_sqlite3 packages || exit 1
fresh=build/node/packages-test
rm -rf "$fresh" && mkdir -p "$fresh"
echo '{ "name": "paperext-user", "private": true }' > "$fresh/package.json"
if npm install --prefix "$fresh" --offline --no-audit --no-fund \
     "$PWD/$dist/$npm_plat-$v.tgz" "$PWD/$dist/paperext-$v.tgz" >"$tmp/npm.log" 2>&1; then
  check "npm installs" "$(ls "$fresh/node_modules" | tr '\n' ' ')" "paperext $npm_plat "
  cp tests/packages/use_npm.cjs tests/packages/use_npm.mjs "$fresh/"
  sub node "$fresh/use_npm.cjs" "$PWD"
  sub node "$fresh/use_npm.mjs"
else
  tail -5 "$tmp/npm.log"; check "npm install from the .tgz files" failed ok
fi

# 3. Python: a fresh venv (system site packages for apsw and sqlite-utils)
if /usr/bin/python3 -m venv --system-site-packages --without-pip "$tmp/venv" &&
   "$tmp/venv/bin/python" -m pip install --quiet --no-index --no-deps "$whl" >"$tmp/pip.log" 2>&1; then
  sub "$tmp/venv/bin/python" tests/packages/use_wheel.py "$PWD"
else
  tail -5 "$tmp/pip.log"; check "pip install from the .whl" failed ok
fi

# 4. C: an application linked with libpaperext.a, from an install and from the tarball
want="$(sqlite3 :memory: -cmd '.load ./paperext' "SELECT position, title, venue_norm(venue), venue_year(venue)
  FROM readinglist_entries(readfile('tests/data/rl_iclr2021_sample.txt')) WHERE position > 0 ORDER BY position")
before init: no such function: paperext_version
version $v"
consumer(){   # consumer NAME PKG_CONFIG_DIR SQLITE...: build tests/packages/consumer.c, run it
  name=$1 dir=$2; shift 2
  if cc -o "$tmp/$name" tests/packages/consumer.c $(PKG_CONFIG_PATH=$dir pkg-config --cflags --libs paperext) "$@"; then
    check "$name: import and query" "$("$tmp/$name" tests/data/rl_iclr2021_sample.txt 2>&1)" "$want"
    check "$name: paperext linked in" "$(ldd "$tmp/$name" | grep -c paperext)" 0
  else check "$name: builds" failed ok; fi
}
mk install PREFIX="$tmp/prefix"
check "pkg-config version" "$(PKG_CONFIG_PATH=$tmp/prefix/lib/pkgconfig pkg-config --modversion paperext)" "$v"
consumer installed "$tmp/prefix/lib/pkgconfig" -lsqlite3
consumer sqlite-linked-in "$tmp/prefix/lib/pkgconfig" "$(pkg-config --variable=libdir sqlite3)/libsqlite3.a" -lm -lpthread -ldl
check "installed paperext.so" "$(sqlite3 :memory: -cmd ".load $tmp/prefix/lib/paperext" "SELECT venue_norm('nips2020')")" NeurIPS
mkdir "$tmp/static" && tar -xzf "$dist/paperext-$v-static-linux-$m.tar.gz" -C "$tmp/static"
consumer tarball "$tmp/static/lib/pkgconfig" -lsqlite3
check "libpaperext.a globals" "$(nm -g --defined-only "$tmp/static/lib/libpaperext.a" | awk 'NF==3 {print $3}' | tr '\n' ' ')" \
  "sqlite3_paperext_init "

# 5. install and uninstall under DESTDIR
mk install DESTDIR="$tmp/stage" PREFIX=/usr/local
check "installed files" "$(cd "$tmp/stage" && find . -type f | sort | tr '\n' ' ')" \
  "./usr/local/include/paperext.h ./usr/local/lib/libpaperext.a ./usr/local/lib/paperext.so ./usr/local/lib/pkgconfig/paperext.pc "
check "paperext.pc prefix" "$(sed -n 's/^prefix=//p' "$tmp/stage/usr/local/lib/pkgconfig/paperext.pc")" /usr/local
mk uninstall DESTDIR="$tmp/stage" PREFIX=/usr/local
check "uninstall leaves no file" "$(find "$tmp/stage" -type f | wc -l)" 0

check_done
