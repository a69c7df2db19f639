#!/bin/sh
# workflow.sh: the reading list's whole life (tests/clients/workflow.json:
# import a list, merge a .bib, import both again, edit the list and import
# it, tag, ask, export, a list in Big5) through the documented statements,
# from Python's sqlite3 (Debian's /usr/bin/python3) and from Node's
# better-sqlite3 12: the same statements give the same rows in both.
cd "$(dirname "$0")/../.." || exit 2
status=0
/usr/bin/python3 tests/clients/workflow.py ./paperext.so tests/clients/workflow.json || status=1
. tests/clients/lib/better_sqlite3.sh
need_better_sqlite3 "workflow node" || exit 1
NODE_PATH=$PWD/build/node/node_modules node tests/clients/workflow.js ./paperext.so tests/clients/workflow.json || status=1
exit $status
