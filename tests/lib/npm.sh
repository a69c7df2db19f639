# npm.sh: sourced by client tests that need a package from npm.
#   . tests/lib/npm.sh; npm_module better-sqlite3@12 || exit 1
# installs the package once into build/node/ (git ignores build/) and sets
# NODE_PATH to it.  On failure it prints the end of npm's log and a
# "<name>: 0 passed, 1 failed" line, and returns 1.
npm_module(){
  spec=$1; name=${spec%@*}
  mod=build/node/node_modules/$name
  if [ ! -f "$mod/package.json" ] || { [ "$name" = better-sqlite3 ] && [ ! -f "$mod/build/Release/better_sqlite3.node" ]; }; then
    echo "node: installing $spec from npm into build/node (once)"
    mkdir -p build/node
    if ! npm install --prefix build/node --no-audit --no-fund --no-save "$spec" >build/node/install.log 2>&1; then
      tail -5 build/node/install.log
      echo "${NPM_TEST_NAME:-node}: 0 passed, 1 failed"
      return 1
    fi
  fi
  NODE_PATH=$PWD/build/node/node_modules
  export NODE_PATH
}
