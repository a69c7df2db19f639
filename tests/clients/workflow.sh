#!/bin/sh
# workflow.sh: the reading list's whole life (tests/clients/workflow.json:
# import a list, merge a .bib, import both again, edit the list and import
# it, tag, ask, export, a list in Big5) through the documented statements,
# from Python's sqlite3 (Debian's /usr/bin/python3) and from Node's
# better-sqlite3 12: the same statements give the same rows in both.
cd "$(dirname "$0")/../.." || exit 2
status=0
/usr/bin/python3 tests/clients/workflow.py ./paperext.so tests/clients/workflow.json || status=1
. tests/lib/npm.sh
NPM_TEST_NAME="workflow node" npm_module better-sqlite3@12 || exit 1
node tests/clients/workflow.js ./paperext.so tests/clients/workflow.json || status=1
exit $status
