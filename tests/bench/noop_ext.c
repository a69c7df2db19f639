/*
** noop_ext.c: a bench-only SQLite extension whose regexp(p, x) does nothing
** and returns 0.  `note REGEXP 'x'` with it costs what any function-based
** predicate costs at least: the function call and the column read.  It is
** the floor under paperext's figures in tests/bench/bench_regex.sh.
*/
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT1

static void noop_regexp(sqlite3_context *ctx, int argc, sqlite3_value **argv){
  (void)argc; (void)argv;
  sqlite3_result_int(ctx, 0);
}

int sqlite3_noopext_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi){
  SQLITE_EXTENSION_INIT2(pApi);
  (void)pzErrMsg;
  return sqlite3_create_function(db, "regexp", 2,
      SQLITE_UTF8|SQLITE_DETERMINISTIC|SQLITE_INNOCUOUS, 0, noop_regexp, 0, 0);
}
