#!/bin/sh
# demo.sh: the main job on sample data (make demo).  Builds demo.db from the
# sample reading list and bibliography in tests/data/, then prints the answers
# of sql/demo.sql as tables.
cd "$(dirname "$0")/.." || exit 2
rm -f demo.db
exec sqlite3 -cmd '.load ./paperext' -cmd '.mode table' demo.db < sql/demo.sql
