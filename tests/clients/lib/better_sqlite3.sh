# better_sqlite3.sh (sourced from the repository root): better-sqlite3 12
# from npm, installed once into build/node/ (git ignores build/) and kept
# there.  Node finds it from any folder below build/node/ (its node_modules
# is on the way up), so tests of our own packages install those alone into
# a fresh build/node/<folder>/.  Sets $better_sqlite3 to its folder, or
# prints why it could not and returns 1.
better_sqlite3=$PWD/build/node/node_modules/better-sqlite3
need_better_sqlite3(){   # need_better_sqlite3 NAME (for the failure line)
  [ -f "$better_sqlite3/build/Release/better_sqlite3.node" ] && return 0
  echo "$1: installing better-sqlite3@12 from npm into build/node (once)"
  mkdir -p build/node
  if ! npm install --prefix build/node --no-audit --no-fund --no-save better-sqlite3@12 >build/node/install.log 2>&1; then
    tail -5 build/node/install.log
    echo "$1: 0 passed, 1 failed"
    return 1
  fi
}
